// The static-initialisation tests: a registry used from static initialisers
// of other translation units, in both orders relative to the registering one.
#ifndef AUTOREG_TESTS_SUPPORT_STATIC_INIT_HPP
#define AUTOREG_TESTS_SUPPORT_STATIC_INIT_HPP

#include <cstddef>
#include <string>

namespace static_init_test {

/// Keys "logger" and "clock".
struct Service {
    virtual ~Service() = default;
    virtual std::string name() const = 0;
};

/// What a static initialiser saw when it used the registry.
struct Outcome {
    bool ran = false;
    std::string created;  // name() of what create("logger") made
    std::string error;    // what() of what it threw, if anything
    std::size_t size = 0;
    bool contains_clock = false;
};

/// The initialiser of static_init/early_user.cpp, linked before the TU that
/// registers the services, and of static_init/late_user.cpp, linked after it;
/// and one in the registering TU itself, after the classes' definitions.
/// Function-local statics, so that they exist whenever they are first used.
Outcome& early_outcome();
Outcome& late_outcome();
Outcome& same_tu_outcome();

/// What every user does: create("logger"), size(), contains("clock").
Outcome use_registry_now();

}  // namespace static_init_test

#endif
