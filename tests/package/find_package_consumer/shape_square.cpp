// Square registers itself; nothing else in the program names it, so this
// checks that registration by class definition alone survives the build.
#include <string_view>

#include <autoreg/autoreg.hpp>

#include "shape.hpp"

struct Square : autoreg::AutoRegister<Shape, Square> {
    static constexpr std::string_view registry_key = "square";
    int sides() const override { return 4; }
};
