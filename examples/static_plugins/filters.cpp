// Compiled into a static library. Nothing references these classes, so a
// plain link would drop them; autoreg_link_plugins links the library whole.
#include "filter.hpp"

struct BlurFilter : autoreg::AutoRegister<Filter, BlurFilter> {
    std::string apply() const override { return "blurred"; }
};

struct SharpenFilter : autoreg::AutoRegister<Filter, SharpenFilter> {
    std::string apply() const override { return "sharpened"; }
};
