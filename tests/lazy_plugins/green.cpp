// libgreen, first unit: a colour, and the lime both units define; rebuilt
// with AUTOREG_TEST_GREEN_V2 (and without the second unit), the colour alone.
#include "colour.hpp"
#if !defined(AUTOREG_TEST_GREEN_V2)
#include "lime.hpp"
#endif

namespace lazy_test {

struct GreenColour : autoreg::AutoRegister<Colour, GreenColour> {
    std::string name() const override { return "green"; }
};

}  // namespace lazy_test
