// shapes.hpp
#include <autoreg/autoreg.hpp>
struct Shape {
    virtual ~Shape() = default;
    virtual double area() const = 0;
};
