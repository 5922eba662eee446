// Parent must be Base or a class derived from it.
// expect-error: autoreg: AutoRegister<Base, Derived, Parent>: Parent must be Base or a class
// derived from Base
#include <autoreg/autoreg.hpp>

#include <string_view>

struct Shape {
    virtual ~Shape() = default;
};

struct Unrelated {
    virtual ~Unrelated() = default;
};

struct Rect : autoreg::AutoRegister<Shape, Rect> {
    static constexpr std::string_view registry_key = "rect";
};

#ifdef AUTOREG_EXPECT_OK
struct Square : autoreg::AutoRegister<Shape, Square, Rect> {
#else
struct Square : autoreg::AutoRegister<Shape, Square, Unrelated> {
#endif
    static constexpr std::string_view registry_key = "square";
};
