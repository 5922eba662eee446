#!/usr/bin/env bash
# Builds autoreg and runs its tests in every supported configuration, each in
# its own build directory build/check-<name> (Ninja, warnings as errors).
#
#   tools/check.sh
#
# Environment:
#   AUTOREG_CHECK_CONFIGS="gcc-c++17 asan-ubsan"  run only these configurations
#   AUTOREG_CHECK_CLEAN=1       delete each build directory first
#   AUTOREG_SKIP_DEPS=1         do not run tools/install-deps.sh
#   AUTOREG_GXX, AUTOREG_CLANGXX  compilers (default g++, clang++)
#
# Stops at the first failing configuration; prints one summary line per
# configuration and the elapsed times at the end.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

gxx=${AUTOREG_GXX:-g++}
clangxx=${AUTOREG_CLANGXX:-clang++}
sanitize_flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"

# Two configurations optimise (-O2, without -g, which only slows the build):
# some warnings appear only when the optimiser runs.
# name: compiler | standard | build type | extra CXX flags | package tests |
#       compile-error tests | ctest label | targets to build (default: all)
# The compile-error and header tests check the headers, so one configuration
# per compiler runs them; the TSan build builds and runs only the tests
# labelled concurrency (the ones with threads).
tsan_targets="autoreg_test_concurrency autoreg_test_plugins autoreg_test_by_hand"
tsan_targets+=" autoreg_test_shared autoreg_test_discovery"
all_configs=(gcc-c++17 gcc-c++20 clang-c++17 clang-c++20 asan-ubsan tsan)
declare -A spec=(
    [gcc-c++17]="$gxx|17|Debug||ON|ON||"
    [gcc-c++20]="$gxx|20|None|-O2|OFF|OFF||"
    [clang-c++17]="$clangxx|17|None|-O2|OFF|OFF||"
    [clang-c++20]="$clangxx|20|Debug||OFF|ON||"
    [asan-ubsan]="$clangxx|17|Debug|-O1 $sanitize_flags|OFF|OFF||"
    [tsan]="$clangxx|17|Debug|-O1 -fsanitize=thread -fno-omit-frame-pointer|OFF|OFF|concurrency|$tsan_targets"
)

read -r -a configs <<<"${AUTOREG_CHECK_CONFIGS:-${all_configs[*]}}"
if ((${#configs[@]} == 0)); then
    echo "check.sh: AUTOREG_CHECK_CONFIGS names no configuration" >&2
    exit 2
fi
for name in "${configs[@]}"; do
    if [[ -z ${spec[$name]+set} ]]; then
        echo "check.sh: unknown configuration '$name'; known: ${all_configs[*]}" >&2
        exit 2
    fi
done

if [[ ${AUTOREG_SKIP_DEPS:-0} != 1 ]]; then
    # Clang's sanitizer runtimes are only a recommendation of clang on Debian.
    bash tools/install-deps.sh libclang-rt-dev
fi

# Sanitizers: stop at the first error, and check static-initialisation order,
# which matters to a library whose classes register during it.
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}"

summary=()
start_all=$SECONDS

print_summary() {
    echo
    echo "==================== check.sh summary ===================="
    local line
    for line in "${summary[@]}"; do
        echo "$line"
    done
    echo "total: $((SECONDS - start_all))s"
}

run_config() {
    local name=$1 build=$2
    local compiler std build_type flags package compile_tests label targets
    IFS='|' read -r compiler std build_type flags package compile_tests label targets \
        <<<"${spec[$name]}"
    local filter=() target_args=()
    [[ -n $label ]] && filter=(-L "$label")
    for target in $targets; do target_args+=(--target "$target"); done

    if ! command -v "$compiler" >/dev/null 2>&1; then
        echo "check.sh: compiler '$compiler' not found" >&2
        return 1
    fi
    if [[ ${AUTOREG_CHECK_CLEAN:-0} == 1 ]]; then
        rm -rf "$build"
    fi

    cmake -S . -B "$build" -G Ninja \
        -DCMAKE_CXX_COMPILER="$compiler" \
        -DCMAKE_CXX_STANDARD="$std" \
        -DCMAKE_CXX_STANDARD_REQUIRED=ON \
        -DCMAKE_CXX_EXTENSIONS=OFF \
        -DCMAKE_BUILD_TYPE="$build_type" \
        -DCMAKE_CXX_FLAGS="$flags" \
        -DAUTOREG_BUILD_TESTS=ON \
        -DAUTOREG_BUILD_EXAMPLES=ON \
        -DAUTOREG_BUILD_BENCHMARKS=OFF \
        -DAUTOREG_WARNINGS_AS_ERRORS=ON \
        -DAUTOREG_PACKAGE_TESTS="$package" \
        -DAUTOREG_COMPILE_TESTS="$compile_tests" &&
    cmake --build "$build" -j2 "${target_args[@]}" &&
    (cd "$build" && ctest --output-on-failure --no-tests=error -j2 "${filter[@]}")
}

for name in "${configs[@]}"; do
    build=build/check-$name
    echo
    echo "==================== $name ($build) ===================="
    start=$SECONDS
    if run_config "$name" "$build"; then
        summary+=("$(printf '%-12s PASSED  %5ss  %s' "$name" "$((SECONDS - start))" "$build")")
    else
        summary+=("$(printf '%-12s FAILED  %5ss  %s' "$name" "$((SECONDS - start))" "$build")")
        local_skip=0
        for rest in "${configs[@]}"; do
            if ((local_skip)); then
                summary+=("$(printf '%-12s NOT RUN' "$rest")")
            fi
            [[ $rest == "$name" ]] && local_skip=1
        done
        print_summary
        echo "check.sh: configuration '$name' FAILED; stopped (see the output above)" >&2
        exit 1
    fi
done

print_summary
echo "check.sh: all ${#configs[@]} configurations passed"
