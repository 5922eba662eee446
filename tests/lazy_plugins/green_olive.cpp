// libgreen, second unit: nothing references it, and it defines lime again.
#include "colour.hpp"
#include "lime.hpp"

namespace lazy_test {

struct OliveColour : autoreg::AutoRegister<Colour, OliveColour> {
    std::string name() const override { return "olive"; }
};

}  // namespace lazy_test
