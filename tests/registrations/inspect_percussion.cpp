// Registered classes of the inspection tests (second TU).
#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>

#include "support/inspect.hpp"

namespace inspect_test {

// Parent is not registered.
struct Triangle : autoreg::AutoRegister<Instrument, Triangle, Percussion> {
    static constexpr std::string_view registry_key = "triangle";
    std::string sound() const override { return "ting"; }
};

// Two classes under "drum" with the same priority: a conflict, listed in
// type-name order.
struct Tom : autoreg::AutoRegister<Instrument, Tom, Percussion> {
    static constexpr std::string_view registry_key = "drum";
    std::string sound() const override { return "tom"; }
};
struct Snare : autoreg::AutoRegister<Instrument, Snare, Percussion> {
    static constexpr std::string_view registry_key = "drum";
    std::string sound() const override { return "snare"; }
};

struct Harp : autoreg::AutoRegister<Instrument, Harp> {
    static constexpr std::string_view registry_key = "harp";
    static constexpr int registry_priority = -2;
    std::string sound() const override { return "harp"; }
};

template <int Hertz>
struct Tuned : autoreg::AutoRegister<Instrument, Tuned<Hertz>> {
    static constexpr std::string_view registry_key = "tuning-fork";
    std::string sound() const override { return "a" + std::to_string(Hertz); }
};
template struct Tuned<440>;

namespace {
struct Hidden : autoreg::AutoRegister<Instrument, Hidden> {
    static constexpr std::string_view registry_key = "hidden";
    std::string sound() const override { return "hidden"; }
};
}  // namespace

}  // namespace inspect_test
