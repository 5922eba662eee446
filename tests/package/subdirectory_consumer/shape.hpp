// The base class of the consumer's registry.
#ifndef AUTOREG_PACKAGE_TEST_SHAPE_HPP
#define AUTOREG_PACKAGE_TEST_SHAPE_HPP

struct Shape {
    virtual ~Shape() = default;
    virtual int sides() const = 0;
};

#endif
