// constructor_args must be a std::tuple.
// expect-error: autoreg: registry_traits<Base>::constructor_args must be a std::tuple
#include <autoreg/autoreg.hpp>

#include <string_view>
#include <tuple>

struct Greeting {
    virtual ~Greeting() = default;
};

template <>
struct autoreg::registry_traits<Greeting> {
#ifdef AUTOREG_EXPECT_OK
    using constructor_args = std::tuple<int>;
#else
    using constructor_args = int;
#endif
};

struct Hello : autoreg::AutoRegister<Greeting, Hello> {
    static constexpr std::string_view registry_key = "hello";
    explicit Hello(int) {}
};
