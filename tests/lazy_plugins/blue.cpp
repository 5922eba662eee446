// libblue: a colour, and a class of the integer-keyed registry.
#include "colour.hpp"

namespace lazy_test {

struct BlueColour : autoreg::AutoRegister<Colour, BlueColour> {
    std::string name() const override { return "blue"; }
};

struct BlueChannel : autoreg::AutoRegister<Channel, BlueChannel> {
    static constexpr int registry_key = 7;
    int number() const override { return 7; }
};

}  // namespace lazy_test
