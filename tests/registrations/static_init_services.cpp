// Registered classes of the static-initialisation tests.
#include <autoreg/autoreg.hpp>

#include <exception>
#include <string>
#include <string_view>

#include "support/static_init.hpp"

namespace static_init_test {

struct Logger : autoreg::AutoRegister<Service, Logger> {
    static constexpr std::string_view registry_key = "logger";
    std::string name() const override { return "logger"; }
};

struct Clock : autoreg::AutoRegister<Service, Clock> {
    static constexpr std::string_view registry_key = "clock";
    std::string name() const override { return "clock"; }
};

Outcome use_registry_now() {
    Outcome outcome;
    outcome.ran = true;
    try {
        outcome.created = autoreg::Registry<Service>::create("logger")->name();
    } catch (const std::exception& e) {
        outcome.error = e.what();
    }
    outcome.size = autoreg::Registry<Service>::size();
    outcome.contains_clock = autoreg::Registry<Service>::contains("clock");
    return outcome;
}

Outcome& same_tu_outcome() {
    static Outcome outcome;
    return outcome;
}

namespace {
// Defined after the classes, in the TU that registers them.
struct SameTuUser {
    SameTuUser() { same_tu_outcome() = use_registry_now(); }
} same_tu_user;
}  // namespace

}  // namespace static_init_test
