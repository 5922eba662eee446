// Static initialisation (CONTRACT section 1: classes register "during static
// initialisation"): a registry used from another TU's static initialiser
// must already hold every class, whichever order the TUs initialise in.
//
// The users are in tests/static_init/ and, for the same TU, at the end of
// tests/registrations/static_init_services.cpp; tests/CMakeLists.txt links
// early_user.cpp first and late_user.cpp last.
#include <string>

#include "catch.hpp"
#include "support/static_init.hpp"

using namespace static_init_test;

namespace {

void check_outcome(const Outcome& outcome) {
    REQUIRE(outcome.ran);
    CHECK(outcome.error.empty());
    CHECK(outcome.created == "logger");
    CHECK(outcome.size == 2);
    CHECK(outcome.contains_clock);
}

}  // namespace

TEST_CASE("a static initialiser that runs before the registering TU's", "[static_init]") {
    check_outcome(early_outcome());
}

TEST_CASE("a static initialiser that runs after the registering TU's", "[static_init]") {
    check_outcome(late_outcome());
}

TEST_CASE("a static initialiser in the registering TU itself", "[static_init]") {
    check_outcome(same_tu_outcome());
}

TEST_CASE("after static initialisation", "[static_init]") {
    const Outcome now = use_registry_now();
    check_outcome(now);
}
