// Uses filters from a static library linked with autoreg_link_plugins, and
// checks at start-up that the link kept them: linked plainly, require()
// would throw missing_keys naming "blur" and "sharpen".
#include "filter.hpp"

#include <fmt/core.h>

#include <cstdio>

int main() {
    try {
        autoreg::Registry<Filter>::require({"blur", "sharpen"});
    } catch (const autoreg::missing_keys& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    for (const auto& key : autoreg::Registry<Filter>::keys()) {
        fmt::print("{} -> {}\n", key, autoreg::Registry<Filter>::create(key)->apply());
    }
}
