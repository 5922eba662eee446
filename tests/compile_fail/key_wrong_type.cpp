// registry_key must convert to the registry's key type.
// expect-error: autoreg: Derived::registry_key must be convertible to the registry's key_type
#include <autoreg/autoreg.hpp>

#include <string_view>

struct Shape {
    virtual ~Shape() = default;
};

struct Circle : autoreg::AutoRegister<Shape, Circle> {
#ifdef AUTOREG_EXPECT_OK
    static constexpr std::string_view registry_key = "1";
#else
    static constexpr int registry_key = 1;
#endif
};
