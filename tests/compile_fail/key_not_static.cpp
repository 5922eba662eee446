// registry_key must be a static constexpr member, not a data member.
// expect-error: autoreg: registry_key, registry_description and registry_priority must be static
// constexpr members
#include <autoreg/autoreg.hpp>

#include <string_view>

struct Shape {
    virtual ~Shape() = default;
};

struct Circle : autoreg::AutoRegister<Shape, Circle> {
#ifdef AUTOREG_EXPECT_OK
    static constexpr std::string_view registry_key = "circle";
#else
    std::string_view registry_key = "circle";
#endif
};
