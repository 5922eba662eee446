// Checks with require() that the static library's classes are present
// ("present") or that their absence is reported ("missing").
#include "widget.hpp"

#include <cstdio>
#include <string>

extern "C" void plugin_test_note(const char*) {}

int main(int argc, char** argv) {
    const std::string expect = argc > 1 ? argv[1] : "present";
    try {
        autoreg::Registry<Widget>::require({"static-one", "static-two"});
        if (autoreg::Registry<Widget>::create("static-one")->origin() != "static library") return 1;
        std::puts("all required keys present");
        return expect == "present" ? 0 : 1;
    } catch (const autoreg::missing_keys& e) {
        std::puts(e.what());
        const std::string message = e.what();
        const bool names_both = message.find("\"static-one\"") != std::string::npos &&
                                message.find("\"static-two\"") != std::string::npos &&
                                message.find("autoreg_link_plugins") != std::string::npos;
        return expect == "missing" && names_both ? 0 : 1;
    }
}
