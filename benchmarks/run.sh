#!/usr/bin/env bash
# Runs autoreg's benchmarks against the registries users would otherwise pick
# and writes benchmarks/results/: results.md (the tables), results.json (every
# derived figure) and chart.png.
#
#   benchmarks/run.sh          # from a fresh clone, as root on Debian 12
#
# It installs what is missing (tools/install-deps.sh), configures a Release
# build in build/bench with -DAUTOREG_BUILD_BENCHMARKS=ON, builds it, and runs:
#   1. autoreg_bench (Google Benchmark): create hit, absent key, two threads;
#   2. startup.py: callgrind instruction counts of start-up and first access,
#      heap allocations before main;
#   3. mixin_cost.py: what having AutoRegister among its bases costs a class
#      before it registers anything (start-up instructions and bytes);
#   4. compile_cost.py: compile time, size, and header cost, serially;
#   5. report.py: the tables and the chart.
# About 10 minutes on two cores, most of it compiling the generated classes.
#
# Environment: JOBS (parallel compile jobs, default 2), BUILD_DIR (default
# build/bench), SIZES (default "16 256 4096"), REPETITIONS (default 7),
# COMPILE_ROUNDS (default 3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${BUILD_DIR:-$root/build/bench}"
jobs="${JOBS:-2}"
sizes="${SIZES:-16 256 4096}"
repetitions="${REPETITIONS:-7}"
rounds="${COMPILE_ROUNDS:-3}"
results="$here/results"
started=$(date +%s)

step() { printf '\n== %s (%ds)\n' "$*" "$(($(date +%s) - started))"; }

step "dependencies"
"$root/tools/install-deps.sh" libbenchmark-dev llvm-14-dev libpoco-dev valgrind binutils \
    python3 python3-matplotlib

# Debian's python3 has python3-matplotlib; another python3 first in PATH may not.
python=python3
if [[ -x /usr/bin/python3 ]]; then python=/usr/bin/python3; fi

raw="$build/benchmarks/raw"
mkdir -p "$raw" "$results"
# What is measured: the commit, and whether include/ differs from it.
{
    git -C "$root" log -1 --format='commit %h (%ad) %s' --date=short 2>/dev/null ||
        echo "unknown (not a git checkout)"
    if [[ -n "$(git -C "$root" status --porcelain -- include 2>/dev/null)" ]]; then
        echo "with uncommitted changes in include/"
    fi
} > "$raw/source.txt"

step "configure ($build)"
cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DAUTOREG_BUILD_BENCHMARKS=ON \
    -DAUTOREG_BUILD_TESTS=OFF \
    -DAUTOREG_BUILD_EXAMPLES=OFF \
    -DAUTOREG_INSTALL=OFF \
    "-DAUTOREG_BENCH_SIZES=${sizes// /;}" \
    -DPython3_EXECUTABLE="$python"

step "build (-j$jobs)"
cmake --build "$build" -j "$jobs"
# A header edited while the build ran leaves objects built against two
# versions of it; a second pass rebuilds them (and is a no-op otherwise).
cmake --build "$build" -j "$jobs"

step "run-time figures (Google Benchmark, $repetitions repetitions, interleaved)"
"$build/benchmarks/autoreg_bench" \
    --benchmark_repetitions="$repetitions" \
    --benchmark_enable_random_interleaving=true \
    --benchmark_min_time=0.1 \
    --benchmark_out="$raw/gbench.json" \
    --benchmark_out_format=json

step "start-up, first access, heap (callgrind)"
# shellcheck disable=SC2086 # the sizes are separate arguments
"$python" "$here/startup.py" --build "$build/benchmarks" --sizes $sizes --jobs "$jobs" \
    --out "$raw/startup.json"

step "what the mixin's place among a class's bases costs (callgrind, size)"
"$python" "$here/mixin_cost.py" --include "$root/include" --out "$raw/mixin.json"

step "compile cost and size ($rounds rounds, one compile at a time)"
"$python" "$here/compile_cost.py" --build "$build" --rounds "$rounds" --out "$raw/compile.json"

step "report"
"$python" "$here/report.py" --gbench "$raw/gbench.json" --startup "$raw/startup.json" \
    --compile "$raw/compile.json" --mixin "$raw/mixin.json" --source "$raw/source.txt" --command "benchmarks/run.sh" \
    --out "$results"

step "done: $results/results.md"
