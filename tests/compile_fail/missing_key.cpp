// A class with no key in a registry that derives none: a compile error that
// says what to declare.
// expect-error: autoreg: this class has no key in its registry\. Declare one
// reject: autoreg: this class's key is empty
#include <autoreg/autoreg.hpp>

#include <string_view>

struct Shape {
    virtual ~Shape() = default;
};

struct Circle : autoreg::AutoRegister<Shape, Circle> {
#ifdef AUTOREG_EXPECT_OK
    static constexpr std::string_view registry_key = "circle";
#endif
};
