// A user's program that builds autoreg with add_subdirectory.
#include <autoreg/autoreg.hpp>
#include <fmt/core.h>  // reached through autoreg::autoreg

#include "shape.hpp"

int main() {
    auto s = autoreg::Registry<Shape>::create("square");
    const bool ok = s && s->sides() == 4;
    fmt::print("add_subdirectory consumer, autoreg {}.{}.{}: square has {} sides: {}\n",
               AUTOREG_VERSION_MAJOR, AUTOREG_VERSION_MINOR, AUTOREG_VERSION_PATCH,
               s ? s->sides() : -1, ok ? "ok" : "WRONG");
    return ok ? 0 : 1;
}
