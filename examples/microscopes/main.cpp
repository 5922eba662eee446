// Picks a microscope handler by the name given on the command line, without
// naming any handler class, and shows both registries.
//
//   microscopes [name]
#include "microscope.hpp"

#include <fmt/core.h>

#include <cstdio>

int main(int argc, char** argv) {
    using autoreg::Registry;
    fmt::print("{}\n{}\n", autoreg::describe<MicroscopeHandler>(),
               autoreg::describe<MetadataHandler>());

    const std::string_view name = argc > 1 ? argv[1] : "imagexpress";
    try {
        auto microscope = Registry<MicroscopeHandler>::create(name);
        fmt::print("{}: {} channels, made by {}\n", name, microscope->channels(),
                   microscope->vendor());
        if (auto metadata = Registry<MetadataHandler>::try_create(name)) {
            fmt::print("{}: metadata in {}\n", name, metadata->file_pattern());
        } else {
            fmt::print("{}: no metadata handler\n", name);
        }
        fmt::print("most specific handlers:");
        for (const auto& leaf : Registry<MicroscopeHandler>::leaves()) fmt::print(" {}", leaf);
        fmt::print("\n");
    } catch (const autoreg::error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}
