// The registries the lazily loaded test plugins register in.
#ifndef AUTOREG_TEST_LAZY_COLOUR_HPP
#define AUTOREG_TEST_LAZY_COLOUR_HPP

#include <autoreg/autoreg.hpp>

#include <string>

namespace lazy_test {

struct Colour {
    virtual ~Colour() = default;
    virtual std::string name() const = 0;
};

/// Integer keys: a record holds them as bytes, not text.
struct Channel {
    virtual ~Channel() = default;
    virtual int number() const = 0;
};

}  // namespace lazy_test

template <>
struct autoreg::registry_traits<lazy_test::Colour> {
    static constexpr std::string_view strip_suffix = "Colour";
};

template <>
struct autoreg::registry_traits<lazy_test::Channel> {
    using key_type = int;
};

#endif
