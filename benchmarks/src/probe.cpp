/// \file
/// The start-up probe of one flavour and size (BENCH_NS, e.g. autoreg_256),
/// run under callgrind by startup.py. Without arguments it returns at once
/// from main, so that its instructions are the program's start-up (the
/// registrations in static initialisers); with a key it looks the key up
/// once, so that the difference is the first access.
#include <cstddef>
#include <string_view>

#include "bench_api.hpp"

int main(int argc, char** argv) {
    // Both runs take a string's length, so that binding strlen counts as
    // start-up, not as the first lookup's.
    const std::string_view key = argv[argc < 2 ? 0 : 1];
    if (argc < 2) return key.empty() ? 2 : 0;
#if defined(BENCH_DIRECT)
    return bench::BENCH_NS::create_at(static_cast<std::size_t>(argc)) != nullptr ? 1 : 0;
#else
    return bench::BENCH_NS::contains(key) ? 1 : 0;
#endif
}
