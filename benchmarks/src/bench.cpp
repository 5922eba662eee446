/// \file
/// The run-time figures: create() of a present key, lookup of an absent
/// key, and two threads against one, for every flavour and size.
///
/// Every figure in results.md is a ratio of two benchmarks of this one run
/// (create/autoreg/256 over create/direct/256, ...), because absolute times
/// on a shared machine are noise. run.sh asks for repetitions in random
/// interleaving and keeps each benchmark's best repetition.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "bench_api.hpp"

namespace {

// Power of two, so that the position wraps with a mask.
constexpr std::size_t sequence_length = 4096;

/// Keys (and, for the direct floor, their indices) in a fixed pseudo-random
/// order: every key of the registry equally often, shuffled.
struct sequence {
    std::vector<std::string_view> keys;
    std::vector<std::size_t> index;
};

std::uint64_t next_random(std::uint64_t& state) noexcept {
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545f4914f6cdd1dull;
}

template <class T>
void shuffle(std::vector<T>& items, std::uint64_t seed) {
    for (std::size_t i = items.size() - 1; i > 0; --i) {
        std::swap(items[i], items[next_random(seed) % (i + 1)]);
    }
}

template <std::size_t N>
const sequence& hits() {
    static const sequence made = [] {
        sequence s;
        for (std::size_t i = 0; i < sequence_length; ++i) s.index.push_back(i % N);
        shuffle(s.index, 0x9e3779b97f4a7c15ull + N);
        for (std::size_t i : s.index) s.keys.push_back(bench::present_keys[i]);
        return s;
    }();
    return made;
}

const std::vector<std::string_view>& misses() {
    static const std::vector<std::string_view> made = [] {
        std::vector<std::string_view> keys;
        for (std::size_t i = 0; i < sequence_length; ++i) {
            keys.push_back(bench::absent_keys[i % bench::absent_key_count]);
        }
        shuffle(keys, 0x51ed2701u);
        return keys;
    }();
    return made;
}

// Threads start at different places of the sequence, as independent callers would.
std::size_t start_of(const benchmark::State& state) {
    return static_cast<std::size_t>(state.thread_index()) * (sequence_length / 2 + 17) %
           sequence_length;
}

using create_fn = std::unique_ptr<bench::Object> (*)(std::string_view);
using contains_fn = bool (*)(std::string_view);
using create_at_fn = std::unique_ptr<bench::Object> (*)(std::size_t);

template <create_fn Create, std::size_t N>
void create_hit(benchmark::State& state) {
    const sequence& s = hits<N>();
    std::size_t i = start_of(state);
    for (auto _ : state) {
        std::unique_ptr<bench::Object> made = Create(s.keys[i]);
        benchmark::DoNotOptimize(made.get());
        i = (i + 1) & (sequence_length - 1);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

template <create_at_fn CreateAt, std::size_t N>
void create_direct(benchmark::State& state) {
    const sequence& s = hits<N>();
    std::size_t i = start_of(state);
    for (auto _ : state) {
        std::unique_ptr<bench::Object> made = CreateAt(s.index[i]);
        benchmark::DoNotOptimize(made.get());
        i = (i + 1) & (sequence_length - 1);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

template <contains_fn Contains>
void lookup_absent(benchmark::State& state) {
    const std::vector<std::string_view>& keys = misses();
    std::size_t i = start_of(state);
    for (auto _ : state) {
        benchmark::DoNotOptimize(Contains(keys[i]));
        i = (i + 1) & (sequence_length - 1);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

template <std::size_t N>
void hash_only(benchmark::State& state, std::uint64_t (*hash)(std::string_view)) {
    const sequence& s = hits<N>();
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(hash(s.keys[i]));
        i = (i + 1) & (sequence_length - 1);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void read_section_only(benchmark::State& state, void (*section)()) {
    for (auto _ : state) section();
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

int failures = 0;

void expect(bool ok, const std::string& what) {
    if (!ok) {
        std::fprintf(stderr, "autoreg_bench: check failed: %s\n", what.c_str());
        ++failures;
    }
}

// Before timing anything: every flavour makes the class each key names, and
// knows no absent key.
template <std::size_t N>
void check(const char* flavour, create_fn create, contains_fn contains) {
    for (std::size_t i = 0; i < N; ++i) {
        std::unique_ptr<bench::Object> made = create(bench::present_keys[i]);
        expect(made != nullptr && made->id() == static_cast<int>(i),
               std::string(flavour) + "/" + std::to_string(N) + " create(" +
                   std::string(bench::present_keys[i]) + ")");
        expect(contains(bench::present_keys[i]), std::string(flavour) + " contains present key");
    }
    for (std::size_t i = 0; i < bench::absent_key_count; ++i) {
        expect(!contains(bench::absent_keys[i]), std::string(flavour) + " contains absent key");
    }
}

template <create_at_fn CreateAt, std::size_t N>
void check_direct() {
    for (std::size_t i = 0; i < N; ++i) {
        std::unique_ptr<bench::Object> made = CreateAt(i);
        expect(made != nullptr && made->id() == static_cast<int>(i), "direct create_at");
    }
}

void register_all() {
    using benchmark::RegisterBenchmark;
#define BENCH_FLAVOUR(flavour, n)                                                               \
    check<n>(#flavour, &bench::flavour##_##n::create, &bench::flavour##_##n::contains);         \
    RegisterBenchmark("create/" #flavour "/" #n, create_hit<&bench::flavour##_##n::create, n>); \
    RegisterBenchmark("absent/" #flavour "/" #n, lookup_absent<&bench::flavour##_##n::contains>);
#define BENCH_SIZE(n)                                                                        \
    check_direct<&bench::direct_##n::create_at, n>();                                        \
    RegisterBenchmark("create/direct/" #n, create_direct<&bench::direct_##n::create_at, n>); \
    BENCH_FLAVOUR(map, n)                                                                    \
    BENCH_FLAVOUR(poco, n)                                                                   \
    BENCH_FLAVOUR(llvm, n)                                                                   \
    BENCH_FLAVOUR(autoreg, n)                                                                \
    RegisterBenchmark("parts/autoreg/" #n "/create_unguarded",                               \
                      create_hit<&bench::autoreg_##n::create_unguarded, n>);                 \
    RegisterBenchmark("parts/autoreg/" #n "/absent_unguarded",                               \
                      lookup_absent<&bench::autoreg_##n::contains_unguarded>);               \
    RegisterBenchmark("parts/autoreg/" #n "/hash", hash_only<n>, &bench::autoreg_##n::hash_only);
    BENCH_SIZES(BENCH_SIZE)
#undef BENCH_SIZE
#undef BENCH_FLAVOUR

    // Throughput of two threads against one, at the middle size (wall-clock
    // time, so that items/s is the throughput of all threads together).
#define BENCH_THREADS(flavour, n)                                                               \
    RegisterBenchmark("threads/" #flavour "/" #n, create_hit<&bench::flavour##_##n::create, n>) \
        ->Threads(1)                                                                            \
        ->Threads(2)                                                                            \
        ->UseRealTime();
#define BENCH_THREADS_AT(n)                                                                  \
    RegisterBenchmark("threads/direct/" #n, create_direct<&bench::direct_##n::create_at, n>) \
        ->Threads(1)                                                                         \
        ->Threads(2)                                                                         \
        ->UseRealTime();                                                                     \
    BENCH_THREADS(map, n)                                                                    \
    BENCH_THREADS(poco, n)                                                                   \
    BENCH_THREADS(llvm, n)                                                                   \
    BENCH_THREADS(autoreg, n)                                                                \
    RegisterBenchmark("parts/autoreg/" #n "/read_section", read_section_only,                \
                      &bench::autoreg_##n::read_section_only);
    BENCH_THREADS_SIZE(BENCH_THREADS_AT)
#undef BENCH_THREADS_AT
#undef BENCH_THREADS
}

}  // namespace

int main(int argc, char** argv) {
    register_all();
    if (failures != 0) return 1;
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
