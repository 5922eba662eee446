/// \file
/// The start-up probe of one flavour and size (BENCH_NS, e.g. autoreg_256),
/// run under callgrind by startup.py. Without arguments it returns at once
/// from main, so that its instructions are the program's start-up (the
/// registrations in static initialisers); with a key it looks the key up
/// once, so that the difference is the first access.
#include <cstddef>

#include "bench_api.hpp"

int main(int argc, char** argv) {
    if (argc < 2) return 0;
#if defined(BENCH_DIRECT)
    (void)argv;
    return bench::BENCH_NS::create_at(static_cast<std::size_t>(argc)) != nullptr ? 1 : 0;
#else
    return bench::BENCH_NS::contains(argv[1]) ? 1 : 0;
#endif
}
