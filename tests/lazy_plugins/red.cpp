// libred: two colours; rebuilt with AUTOREG_TEST_RED_V2, one other colour.
#include "colour.hpp"

namespace lazy_test {

#if defined(AUTOREG_TEST_RED_V2)
struct ScarletColour : autoreg::AutoRegister<Colour, ScarletColour> {
    std::string name() const override { return "scarlet"; }
};
#else
struct RedColour : autoreg::AutoRegister<Colour, RedColour> {
    static constexpr int registry_priority = 5;
    std::string name() const override { return "red"; }
};
struct CrimsonColour : autoreg::AutoRegister<Colour, CrimsonColour, RedColour> {
    std::string name() const override { return "crimson"; }
};
#endif

}  // namespace lazy_test
