// Bases of the classes that tests/registrations/registration_*.cpp register.
// Each class says where it sits in the hierarchy (lineage), so the tests can
// tell which class create() made without naming it.
#ifndef AUTOREG_TESTS_SUPPORT_REGISTRATION_HPP
#define AUTOREG_TESTS_SUPPORT_REGISTRATION_HPP

#include <string>

namespace registration_test {

struct Animal {
    virtual ~Animal() = default;
    /// "animal/<each class down to the created one>".
    virtual std::string lineage() const { return "animal"; }
};

/// A second base, unrelated to Animal: one class registers in both.
struct Machine {
    virtual ~Machine() = default;
    virtual std::string model() const = 0;
};

/// Derived from Animal without the mixin, so not registered itself; used as
/// the Parent of a registered class.
struct Bird : Animal {
    std::string lineage() const override { return Animal::lineage() + "/bird"; }
};

}  // namespace registration_test

#endif
