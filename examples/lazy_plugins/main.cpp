// Indexes the plugins in the folder given on the command line without
// loading them, lists their codecs, and creates one: only the plugin that
// declares it loads.
//
//   lazy_plugins_host <folder> [<cache file>]
#include "../plugins/codec.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s <plugin folder> [<cache file>]\n", argv[0]);
        return 2;
    }
    using codecs = autoreg::Registry<Codec>;
    try {
        // With a cache file, the next start-up reads it instead of the plugins.
        const autoreg::plugin_index plugins =
            autoreg::index_libraries(argv[1], argc > 2 ? argv[2] : "");
        if (!plugins.cache_error().empty()) fmt::print("no cache: {}\n", plugins.cache_error());
        fmt::print("indexed {} libraries, loaded none\n", plugins.paths().size());
        fmt::print("{}", autoreg::describe<Codec>());
        for (const auto& entry : codecs::entries()) {
            fmt::print("{:<9} loaded: {}\n", entry.key, entry.loaded ? "yes" : "no");
        }

        fmt::print("zstd -> {}\n", codecs::create("zstd")->compress("hello, lazy"));
        for (const auto& path : plugins.paths()) {
            fmt::print("{} loaded: {}\n", path, plugins.loaded(path) ? "yes" : "no");
        }
        for (const auto& entry : codecs::entries()) {
            if (entry.key == "zstdfast") {
                fmt::print("{:<9} loaded: {}\n", entry.key, entry.loaded ? "yes" : "no");
            }
        }
    } catch (const autoreg::error& e) {
        fmt::print("{}\n", e.what());
        return 1;
    }
}
