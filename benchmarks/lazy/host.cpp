// The start-up a lazy_plugins.py run measures, in one of four modes:
//   none <folder> <cache>    nothing: the floor every mode includes
//   eager <folder> <cache>   load_libraries(folder)
//   cold <folder> <cache>    index_libraries(folder), no cache
//   warm <folder> <cache>    index_libraries(folder, cache), cache current
// then the registry's first access (contains() of a key no plugin has),
// which builds its index of every key, then the first create of key p<n>c5,
// of plugin <n> (the fourth argument), then a create of p<n>c4, which the
// same library registered, then (but for eager) load_library() of plugin
// <n + 1>, the load the first create is compared with in the same process,
// each timed apart. Prints one JSON object.
// A fifth argument, "startup", stops after start-up, for counting its
// instructions alone.
//   series-lazy <folder> <cache> <n>   warm, first access, then creates of
//                                      p<i>c5 of the 100 plugins from <n> on
//   series-load <folder> <cache> <n>   the same, but load_library() of them
// print the mean time of all but the first, which pays for code and data the
// process had not touched yet: a lazy create against one library's load in
// the same conditions.
//   cold-load, warm-load <folder> <cache> <n>   as cold and warm up to the
//                                      first access, then load_library() of
//                                      plugin <n> in place of the first create
#include <autoreg/autoreg.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "plugin_base.hpp"

namespace {

using clock = std::chrono::steady_clock;

long long nanoseconds_since(clock::time_point from) {
    return static_cast<long long>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(clock::now() - from).count());
}

constexpr int series_length = 100;

int series(bool lazy, const std::string& folder, int first) {
    if (autoreg::Registry<bench::Plugin>::contains("absent")) return 1;
    std::vector<autoreg::library> loaded;
    long long total = 0;
    for (int plugin = first; plugin < first + series_length; ++plugin) {
        const std::string key = "p" + std::to_string(plugin) + "c5";
        char library[32];
        std::snprintf(library, sizeof library, "/libp%04d.so", plugin);
        const std::string path = folder + library;
        const auto before = clock::now();
        if (lazy) {
            if (autoreg::Registry<bench::Plugin>::create(key)->id() != plugin * 10 + 5) return 1;
        } else {
            loaded.push_back(autoreg::load_library(path));
        }
        if (plugin != first) total += nanoseconds_since(before);
    }
    std::printf("{\"series_ns\": %lld}\n", total / (series_length - 1));
    return 0;
}

// The first load in a process after the first access, which the first
// create of cold and warm modes is: the process's first dlopen, after an
// index build that evicted what the loader's code and data had in caches.
int first_load(const std::string& path) {
    if (autoreg::Registry<bench::Plugin>::contains("absent")) return 1;
    const auto before = clock::now();
    const autoreg::library loaded = autoreg::load_library(path);
    std::printf("{\"first_load_ns\": %lld}\n", nanoseconds_since(before));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 5) return 2;
    const std::string mode = argv[1];
    const std::string folder = argv[2];
    const std::string cache = argv[3];
    const int plugin = std::stoi(argv[4]);
    char library[32];
    std::snprintf(library, sizeof library, "/libp%04d.so", plugin);
    const auto start = clock::now();
    std::vector<autoreg::library> loaded;
    autoreg::plugin_index index;
    if (mode == "eager") loaded = autoreg::load_libraries(folder);
    if (mode == "cold" || mode == "cold-load") index = autoreg::index_libraries(folder);
    if (mode == "warm" || mode == "warm-load") index = autoreg::index_libraries(folder, cache);
    if (mode == "cold-load" || mode == "warm-load") return first_load(folder + library);
    if (mode == "one") loaded.push_back(autoreg::load_library(folder + library));
    if (mode == "series-lazy" || mode == "series-load") {
        index = autoreg::index_libraries(folder, cache);
        return series(mode == "series-lazy", folder, plugin);
    }
    const auto started = clock::now();
    if (argc > 5 && std::string(argv[5]) == "startup") return 0;
    // The peak of this program's own memory after the first create: getrusage's
    // maxrss would include the pages of the process that forked it (Python's).
    const auto peak_kb = [] {
        long kb = 0;
        std::ifstream status("/proc/self/status");
        for (std::string line; std::getline(status, line);) {
            if (line.rfind("VmHWM:", 0) == 0) kb = std::stol(line.substr(6));
        }
        return kb;
    };
    long peak_after_first_create = 0;
    long long first_access = 0;
    long long first_create = 0;
    long long second_create = 0;
    long long next_load = 0;
    if (mode != "none") {
        const auto accessing = clock::now();
        if (autoreg::Registry<bench::Plugin>::contains("absent")) return 1;
        first_access = nanoseconds_since(accessing);
        const auto before = clock::now();
        const auto made =
            autoreg::Registry<bench::Plugin>::create("p" + std::to_string(plugin) + "c5");
        first_create = nanoseconds_since(before);
        if (made->id() != plugin * 10 + 5) return 1;
        peak_after_first_create = peak_kb();
        const auto again = clock::now();
        const auto sibling =
            autoreg::Registry<bench::Plugin>::create("p" + std::to_string(plugin) + "c4");
        second_create = nanoseconds_since(again);
        if (sibling->id() != plugin * 10 + 4) return 1;
        if (mode != "eager") {  // where eager loading has not loaded it already
            char next[32];
            std::snprintf(next, sizeof next, "/libp%04d.so", plugin + 1);
            const auto loading = clock::now();
            loaded.push_back(autoreg::load_library(folder + next));
            next_load = nanoseconds_since(loading);
        }
    }
    std::printf(
        "{\"startup_ns\": %lld, \"first_access_ns\": %lld, \"first_create_ns\": %lld, "
        "\"second_create_ns\": %lld, \"next_load_ns\": %lld, \"max_rss_kb\": %ld}\n",
        static_cast<long long>(
            std::chrono::duration_cast<std::chrono::nanoseconds>(started - start).count()),
        first_access, first_create, second_create, next_load,
        mode != "none" ? peak_after_first_create : peak_kb());
}
