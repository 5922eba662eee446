// Bases of the shared() tests (CONTRACT section 3); the classes are in
// tests/registrations/shared_services.cpp. Their constructors count, so that
// the tests can tell how many instances were made.
#ifndef AUTOREG_TESTS_SUPPORT_SHARED_HPP
#define AUTOREG_TESTS_SUPPORT_SHARED_HPP

#include <autoreg/autoreg.hpp>

#include <atomic>
#include <string>

namespace shared_test {

struct Service {
    virtual ~Service() = default;
    virtual std::string name() const = 0;
};

/// Constructions per class, counted by the constructors.
struct counters {
    static inline std::atomic<int> clock{0};      // "clock"
    static inline std::atomic<int> logger{0};     // "logger"
    static inline std::atomic<int> slow{0};       // "slow": takes 100 ms to construct
    static inline std::atomic<int> flaky{0};      // "flaky": the first construction throws
    static inline std::atomic<int> selfish{0};    // "selfish": asks for its own instance
    static inline std::atomic<int> composite{0};  // "composite": asks for "logger"'s
};

/// Thrown by the first construction of "flaky".
struct flaky_failure {};

/// A registry with integer keys.
struct Device {
    virtual ~Device() = default;
    virtual int id() const = 0;
};

}  // namespace shared_test

template <>
struct autoreg::registry_traits<shared_test::Device> {
    using key_type = int;
};

#endif
