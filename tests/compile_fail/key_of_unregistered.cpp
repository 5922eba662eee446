// key_of<T>() of a class that does not register in that registry.
// expect-error: autoreg: Registry<Base>::key_of<Derived>\(\): Derived does not inherit
#include <autoreg/autoreg.hpp>

#include <string_view>

struct Shape {
    virtual ~Shape() = default;
};

#ifdef AUTOREG_EXPECT_OK
struct Circle : autoreg::AutoRegister<Shape, Circle> {
#else
struct Circle : Shape {
#endif
    static constexpr std::string_view registry_key = "circle";
};

static_assert(autoreg::Registry<Shape>::key_of<Circle>() == "circle");
