// A user's program that found autoreg with find_package(autoreg CONFIG).
#include <autoreg/autoreg.hpp>
#include <fmt/core.h>  // reached through autoreg::autoreg, not a find_package of its own

#include "shape.hpp"

int main() {
    auto s = autoreg::Registry<Shape>::create("square");
    const bool ok = s && s->sides() == 4;
    fmt::print("find_package consumer, autoreg {}.{}.{}: square has {} sides: {}\n",
               AUTOREG_VERSION_MAJOR, AUTOREG_VERSION_MINOR, AUTOREG_VERSION_PATCH,
               s ? s->sides() : -1, ok ? "ok" : "WRONG");
    return ok ? 0 : 1;
}
