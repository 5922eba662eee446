// Loads every plugin in the folder given on the command line, shows what
// they added, uses them, unloads one and shows its codecs gone.
//
//   plugins_host <folder>
#include "../codec.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s <plugin folder>\n", argv[0]);
        return 2;
    }
    using codecs = autoreg::Registry<Codec>;
    try {
        fmt::print("before loading: {} codecs\n", codecs::size());
        std::vector<autoreg::library> plugins = autoreg::load_libraries(argv[1]);
        for (const auto& plugin : plugins) fmt::print("loaded {}\n", plugin.path());
        fmt::print("{}", autoreg::describe<Codec>());

        for (const auto& key : codecs::keys()) {
            fmt::print("{} -> {}\n", key, codecs::create(key)->compress("hello, plugins"));
        }

        // Objects a plugin made must be gone before it unloads; here they are.
        plugins.erase(plugins.begin());  // lz4 sorts first
        fmt::print("after unloading lz4: {}\n",
                   codecs::contains("lz4") ? "lz4 still there" : "lz4 gone");
        codecs::create("lz4");
    } catch (const autoreg::error& e) {
        fmt::print("{}\n", e.what());
    }
}
