// A static initialiser that uses Registry<Service>; linked before the TU that
// registers the services, so with the usual linkers it runs before that TU's
// own static initialisers.
#include "support/static_init.hpp"

namespace static_init_test {

Outcome& early_outcome() {
    static Outcome outcome;
    return outcome;
}

namespace {
struct EarlyUser {
    EarlyUser() { early_outcome() = use_registry_now(); }
} early_user;
}  // namespace

}  // namespace static_init_test
