// A static initialiser that uses Registry<Service>; linked after the TU that
// registers the services.
#include "support/static_init.hpp"

namespace static_init_test {

Outcome& late_outcome() {
    static Outcome outcome;
    return outcome;
}

namespace {
struct LateUser {
    LateUser() { late_outcome() = use_registry_now(); }
} late_user;
}  // namespace

}  // namespace static_init_test
