// An executable that does not export its symbols cannot share its
// registries with a plugin: loading must fail, saying how to fix it.
#include "widget.hpp"

#include <cstdio>
#include <string>

extern "C" void plugin_test_note(const char*) {}

int main(int argc, char** argv) {
    if (argc < 2) return 2;
    try {
        autoreg::library lib = autoreg::load_library(argv[1]);
        std::puts("loaded: the plugin would have registered into a separate registry");
        return 1;
    } catch (const autoreg::error& e) {
        std::puts(e.what());
        const std::string message = e.what();
        const bool helpful = message.find("autoreg_enable_plugins") != std::string::npos &&
                             message.find(argv[1]) != std::string::npos;
        return helpful ? 0 : 1;
    }
}
