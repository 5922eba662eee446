// libgreen, first unit: a colour, and the lime both units define.
#include "colour.hpp"
#include "lime.hpp"

namespace lazy_test {

struct GreenColour : autoreg::AutoRegister<Colour, GreenColour> {
    std::string name() const override { return "green"; }
};

}  // namespace lazy_test
