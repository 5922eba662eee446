// Chooses a storage backend from a config-like string, e.g.
//   storage "backend=disk root=/var/data replicas=2"
#include "storage.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <map>
#include <sstream>
#include <string>

namespace {

std::map<std::string, std::string> parse(const std::string& config) {
    std::map<std::string, std::string> settings;
    std::istringstream words(config);
    std::string word;
    while (words >> word) {
        const auto equals = word.find('=');
        if (equals != std::string::npos) settings[word.substr(0, equals)] = word.substr(equals + 1);
    }
    return settings;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string config = argc > 1 ? argv[1] : "backend=disk root=/var/data replicas=2";
    auto settings = parse(config);
    StorageOptions options;
    options.read_only = settings["mode"] == "ro";
    options.replicas = settings.count("replicas") ? std::stoi(settings["replicas"]) : 1;

    fmt::print("backends:");
    for (const auto& key : autoreg::Registry<StorageBackend>::keys()) fmt::print(" {}", key);
    fmt::print("\n");
    try {
        auto backend = autoreg::Registry<StorageBackend>::create(settings["backend"],
                                                                 settings["root"], options);
        fmt::print("{}\n", backend->describe());
    } catch (const autoreg::unknown_key& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}
