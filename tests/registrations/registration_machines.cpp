// Registered classes of the registration tests (second TU).
#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>

#include "support/registration.hpp"

namespace registration_test {

// One class in two registries, by inheriting two mixins.
struct Robot : autoreg::AutoRegister<Animal, Robot>, autoreg::AutoRegister<Machine, Robot> {
    static constexpr std::string_view registry_key = "robot";
    std::string lineage() const override { return Animal::lineage() + "/robot"; }
    std::string model() const override { return "robot-r2"; }
};

struct Lathe : autoreg::AutoRegister<Machine, Lathe> {
    static constexpr std::string_view registry_key = "lathe";
    std::string model() const override { return "lathe-l1"; }
};

namespace {
struct Stray : autoreg::AutoRegister<Animal, Stray> {
    static constexpr std::string_view registry_key = "stray-b";
    std::string lineage() const override { return Animal::lineage() + "/stray-b"; }
};
}  // namespace

}  // namespace registration_test
