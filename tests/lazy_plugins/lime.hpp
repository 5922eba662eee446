// A class defined in a header that two units of one plugin include: each
// unit records it, and the index must list it once.
#ifndef AUTOREG_TEST_LAZY_LIME_HPP
#define AUTOREG_TEST_LAZY_LIME_HPP

#include "colour.hpp"

namespace lazy_test {

struct LimeColour : autoreg::AutoRegister<Colour, LimeColour> {
    static constexpr std::string_view registry_description = "green, in two units";
    std::string name() const override { return "lime"; }
};

}  // namespace lazy_test

#endif
