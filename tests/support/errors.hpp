// Bases of the classes that tests/registrations/errors_*.cpp register.
#ifndef AUTOREG_TESTS_SUPPORT_ERRORS_HPP
#define AUTOREG_TESTS_SUPPORT_ERRORS_HPP

#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>

namespace errors_test {

/// Keys "circle" and "disc", as in the contract's example message.
struct Shape {
    virtual ~Shape() = default;
};

/// Keys chosen for "did you mean": alpha alpine alps beta can cap car cat.
struct Gadget {
    virtual ~Gadget() = default;
};

/// 25 keys, k00 to k24: more than a message lists.
struct Crowd {
    virtual ~Crowd() = default;
};

/// Nothing registers here.
struct Vacancy {
    virtual ~Vacancy() = default;
};

/// Conflicts and priorities.
struct Component {
    virtual ~Component() = default;
    virtual std::string name() const = 0;
};

/// Enum keys, and integer keys with a conflict.
enum class Level { off = -1, low = 1, high = 2, extreme = 7 };
struct Alarm {
    virtual ~Alarm() = default;
};
struct Channel {
    virtual ~Channel() = default;
};

}  // namespace errors_test

template <>
struct autoreg::registry_traits<errors_test::Alarm> {
    using key_type = errors_test::Level;
};

template <>
struct autoreg::registry_traits<errors_test::Channel> {
    using key_type = int;
};

#endif
