// create() returns std::unique_ptr<Base>, so Base needs a virtual destructor.
// expect-error: autoreg: the registry's Base needs a virtual destructor
#include <autoreg/autoreg.hpp>

#include <string_view>

struct Shape {
#ifdef AUTOREG_EXPECT_OK
    virtual ~Shape() = default;
#endif
    virtual double area() const { return 0; }
};

struct Circle : autoreg::AutoRegister<Shape, Circle> {
    static constexpr std::string_view registry_key = "circle";
    double area() const override { return 3.14; }
};
