// Registered classes of the inspection tests (first TU). Defined out of key
// order, and split over two TUs, so that sorting is what orders the listings.
#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>

#include "support/inspect.hpp"

namespace inspect_test {

// Two classes under "violin": the higher priority wins, both are listed.
struct PracticeViolin : autoreg::AutoRegister<Instrument, PracticeViolin> {
    static constexpr std::string_view registry_key = "violin";
    static constexpr std::string_view registry_description = "squeaky";
    std::string sound() const override { return "practice violin"; }
};

struct Stradivarius : autoreg::AutoRegister<Instrument, Stradivarius> {
    static constexpr std::string_view registry_key = "violin";
    static constexpr std::string_view registry_description = "the good one";
    static constexpr int registry_priority = 5;
    std::string sound() const override { return "stradivarius"; }
};

struct Cello : autoreg::AutoRegister<Instrument, Cello> {
    static constexpr std::string_view registry_key = "cello";
    std::string sound() const override { return "cello"; }
};

// Parent registered: entries name its key.
struct DoubleBass : autoreg::AutoRegister<Instrument, DoubleBass, Cello> {
    static constexpr std::string_view registry_key = "bass";
    static constexpr std::string_view registry_description = "deep";
    static constexpr int registry_priority = 3;
    std::string sound() const override { return "double bass"; }
};

// Inherits a description and a priority, which do not count.
struct ElectricBass : autoreg::AutoRegister<Instrument, ElectricBass, DoubleBass> {
    static constexpr std::string_view registry_key = "electric-bass";
    std::string sound() const override { return "electric bass"; }
};

// Parent registered but outranked under its key: still registered.
struct Fiddle : autoreg::AutoRegister<Instrument, Fiddle, PracticeViolin> {
    static constexpr std::string_view registry_key = "fiddle";
    std::string sound() const override { return "fiddle"; }
};

}  // namespace inspect_test
