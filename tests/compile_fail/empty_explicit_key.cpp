// An explicit empty key: a compile error.
// expect-error: autoreg: this class's registry_key is empty
#include <autoreg/autoreg.hpp>

#include <string_view>

struct Shape {
    virtual ~Shape() = default;
};

struct Circle : autoreg::AutoRegister<Shape, Circle> {
#ifdef AUTOREG_EXPECT_OK
    static constexpr std::string_view registry_key = "circle";
#else
    static constexpr std::string_view registry_key = "";
#endif
};
