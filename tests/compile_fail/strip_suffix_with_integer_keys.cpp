// strip_suffix derives string keys; an integer-keyed registry cannot use it.
// expect-error: autoreg: registry_traits<Base>::strip_suffix derives string keys
#include <autoreg/autoreg.hpp>

#include <string_view>

struct Port {
    virtual ~Port() = default;
};

template <>
struct autoreg::registry_traits<Port> {
    using key_type = int;
#ifndef AUTOREG_EXPECT_OK
    static constexpr std::string_view strip_suffix = "Port";
#endif
};

// Without a registry_key, the key would be derived from the name.
struct HttpPort : autoreg::AutoRegister<Port, HttpPort> {
#ifdef AUTOREG_EXPECT_OK
    static constexpr int registry_key = 80;
#endif
};
