// Bases of the describe() and leaves() tests (CONTRACT section 4); the
// classes are in tests/registrations/describe_drinks.cpp.
#ifndef AUTOREG_TESTS_SUPPORT_DESCRIBE_HPP
#define AUTOREG_TESTS_SUPPORT_DESCRIBE_HPP

#include <autoreg/autoreg.hpp>

#include <string_view>

namespace describe_test {

/// Six registered classes in three families; named "drink" by its traits.
struct Drink {
    virtual ~Drink() = default;
};

/// One registered class.
struct Spoon {
    virtual ~Spoon() = default;
};

/// Nothing registered.
struct Saucer {
    virtual ~Saucer() = default;
};

/// Integer keys, with a Parent.
struct Channel {
    virtual ~Channel() = default;
};

}  // namespace describe_test

template <>
struct autoreg::registry_traits<describe_test::Drink> {
    static constexpr std::string_view name = "drink";
};

template <>
struct autoreg::registry_traits<describe_test::Channel> {
    using key_type = int;
};

#endif
