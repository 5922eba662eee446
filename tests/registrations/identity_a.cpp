// Unit a's own Part and the classes it registers (see support/identity.hpp).
#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>

#include "support/identity.hpp"
#include "support/shared_class.hpp"

namespace {

// Both units register a class under "part": within one registry that would
// be a conflict.
struct UnitPart : autoreg::AutoRegister<Part, UnitPart> {
    static constexpr std::string_view registry_key = "part";
    std::string maker() const override { return "unit a"; }
};

struct OnlyInUnit : autoreg::AutoRegister<Part, OnlyInUnit> {
    static constexpr std::string_view registry_key = "only in a";
    std::string maker() const override { return "unit a"; }
};

}  // namespace

identity_test::seen identity_test::seen_by_unit_a() { return seen_here(); }
