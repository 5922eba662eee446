// A registered class defined in a header that two units of one program
// include (tests/registrations/identity_a.cpp and identity_b.cpp), as most
// classes are: it registers once, and the program links with every compiler
// (Clang 13 at -O0 once did not: see AUTOREG_REGISTER_FROM_CONSTRUCTOR).
#ifndef AUTOREG_TESTS_SUPPORT_SHARED_CLASS_HPP
#define AUTOREG_TESTS_SUPPORT_SHARED_CLASS_HPP

#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>

namespace identity_test {

struct Gear {
    virtual ~Gear() = default;
    virtual std::string name() const = 0;
};

struct SharedGear : autoreg::AutoRegister<Gear, SharedGear> {
    static constexpr std::string_view registry_key = "shared gear";
    std::string name() const override { return "defined in two units"; }
};

}  // namespace identity_test

#endif
