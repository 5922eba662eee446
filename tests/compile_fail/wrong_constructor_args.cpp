// A class that cannot be made from the registry's constructor_args.
// expect-error: autoreg: this class cannot be constructed from the registry's constructor_args
#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>
#include <tuple>
#include <utility>

struct Greeting {
    virtual ~Greeting() = default;
};

template <>
struct autoreg::registry_traits<Greeting> {
    using constructor_args = std::tuple<std::string, int>;
};

struct Hello : autoreg::AutoRegister<Greeting, Hello> {
    static constexpr std::string_view registry_key = "hello";
#ifdef AUTOREG_EXPECT_OK
    Hello(std::string who, int times) : who_(std::move(who)), times_(times) {}
#else
    explicit Hello(int times) : times_(times) {}
#endif
    std::string who_;
    int times_;
};
