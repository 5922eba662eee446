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
mingw_options="-DCMAKE_TOOLCHAIN_FILE=$root/cmake/mingw-w64-x86_64.cmake -DAUTOREG_FMT_HEADER_ONLY=ON"

# The configurations, in the order they run. Fields:
#   compiler | C++ standard | build type | extra CXX flags | package tests |
#   compile-error, header and docs tests | scope | extra CMake options
# A scope says what is built and run:
#   full    every target, every test;
#   matrix  the portable core: derived keys and type names against
#           tests/names/expected.txt, keys, registries of bases in anonymous
#           namespaces, create, errors, plugins loaded at run time (also
#           the plugin matrix: every way of building a plugin), static
#           libraries, and (with compile tests) each header alone and after
#           every include-order prelude;
#   threads the tests with threads (label concurrency), for TSan;
#   fuzz    the libFuzzer target for a fixed number of inputs (tests/fuzz/);
#   lint    clang-tidy and clang-format (tests/lint/);
#   windows what the matrix runs, for Windows: built with MinGW-w64
#           (cmake/mingw-w64-x86_64.cmake) and run under Wine: the portable
#           core, DLL plugins loaded, unloaded and reloaded by a host with
#           classes in several translation units, static libraries, lazy
#           plugins (DLLs indexed from their files) and the PE reader, and
#           (with compile tests) each header alone and after <windows.h>;
#   windows-plugins  the plugin, lazy-plugin and static-library part of
#           that, for a second optimisation level.
# The full suite runs on the primary pair, Debian's own compilers: GCC 12 at
# C++17 and Clang 14 at C++20, the latter under ASan+UBSan (warnings do not
# depend on the sanitizers, so a plain Clang build would only repeat it).
# The other compilers and standard libraries run the matrix scope, two of
# them at -O2 (without -g, which only slows the build), since some warnings
# appear only when the optimiser runs.
all_configs=(gcc-c++17 asan-ubsan-c++20 tsan gcc-tsan gcc11-c++20-O2 clang13-c++17 clang15-c++2b-O2
    clang16-libc++-c++2b mingw-wine mingw-wine-O2 fuzz lint)
declare -A spec=(
    [gcc-c++17]="$gxx|17|Debug||ON|ON|full|"
    [asan-ubsan-c++20]="$clangxx|20|Debug|-O1 $sanitize_flags|OFF|ON|full|"
    [tsan]="$clangxx|17|Debug|-O1 -fsanitize=thread -fno-omit-frame-pointer|OFF|OFF|threads|"
    [gcc-tsan]="$gxx|17|Debug|-O1 -fsanitize=thread -fno-omit-frame-pointer|OFF|OFF|threads|"
    [gcc11-c++20-O2]="g++-11|20|None|-O2|OFF|ON|matrix|"
    [clang13-c++17]="clang++-13|17|Debug||OFF|OFF|matrix|"
    [clang15-c++2b-O2]="clang++-15|23|None|-O2|OFF|OFF|matrix|"
    [clang16-libc++-c++2b]="clang++-16|23|Debug|-stdlib=libc++|OFF|ON|matrix|-DAUTOREG_FMT_HEADER_ONLY=ON"
    [mingw-wine]="x86_64-w64-mingw32-g++-posix|17|Debug||OFF|ON|windows|$mingw_options"
    [mingw-wine-O2]="x86_64-w64-mingw32-g++-posix|20|None|-O2|OFF|OFF|windows-plugins|$mingw_options"
    [fuzz]="$clangxx|17|Debug||OFF|OFF|fuzz|-DAUTOREG_FUZZ=ON"
    [lint]="$clangxx|17|Debug||OFF|OFF|lint|-DAUTOREG_LINT=ON -DCMAKE_EXPORT_COMPILE_COMMANDS=ON"
)
declare -A scope_targets=(
    [full]=""
    [matrix]="autoreg_names autoreg_test_keys autoreg_test_identity autoreg_test_create
              autoreg_test_errors autoreg_test_plugins autoreg_test_host_without_exports autoreg_test_static_plain
              autoreg_test_static_whole autoreg_test_plugin_matrix autoreg_test_lazy_plugins"
    [threads]="autoreg_test_concurrency autoreg_test_plugins autoreg_test_lazy_plugins autoreg_test_plugin_matrix autoreg_test_by_hand
               autoreg_test_shared autoreg_test_discovery autoreg_test_read_domain autoreg_test_tsan_consumer
               autoreg_test_locks"
    [windows]="autoreg_names autoreg_test_keys autoreg_test_identity autoreg_test_create autoreg_test_locks
               autoreg_test_errors autoreg_test_plugins autoreg_test_plugin_alpha
               autoreg_test_plugin_beta autoreg_test_plugin_gamma autoreg_test_host_without_exports
               autoreg_test_static_plain autoreg_test_static_whole autoreg_test_pe_file
               autoreg_test_lazy_plugins"
    [windows-plugins]="autoreg_test_plugins autoreg_test_plugin_alpha autoreg_test_plugin_beta
               autoreg_test_plugin_gamma autoreg_test_host_without_exports
               autoreg_test_static_plain autoreg_test_static_whole autoreg_test_lazy_plugins"
    [fuzz]="autoreg_fuzz_keys"
    [lint]="autoreg_lint_headers"
)
declare -A scope_tests=(
    [full]=""
    [matrix]="-R ^autoreg[.]((names|keys|identity|create|errors|plugins|plugin_matrix|lazy_plugins|header|include_order)[.]|static[.](plain|whole)_)"
    [threads]="-L concurrency"
    [windows]="-R ^autoreg[.]((names|keys|identity|create|errors|plugins|pe_file|lazy_plugins|header|locks)[.]|include_order[.]windows_h|static[.](plain|whole)_)"
    [windows-plugins]="-R ^autoreg[.](plugins[.]|lazy_plugins[.]|static[.](plain|whole)_)"
    [fuzz]="-R ^autoreg[.]fuzz[.]"
    [lint]="-R ^autoreg[.]lint[.]"
)
# The compilers and tools beyond tools/install-deps.sh's, for the
# configurations above: Clang's sanitizer and libFuzzer runtimes, the matrix's
# compilers and libc++, and the lint tools (clang-tidy 16 has checks that
# Debian's default 14 lacks; clang-format stays at the version .clang-format
# was written for).
check_packages=(libclang-rt-dev g++-11 clang-13 clang-15 clang-16 libc++-16-dev
    libc++abi-16-dev clang-tidy-16 clang-format-14 g++-mingw-w64-x86-64-posix wine wine64)

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
    bash tools/install-deps.sh "${check_packages[@]}"
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
    local compiler std build_type flags package compile_tests scope options
    IFS='|' read -r compiler std build_type flags package compile_tests scope options \
        <<<"${spec[$name]}"
    local tests=() target_args=() cmake_options=()
    read -r -a tests <<<"${scope_tests[$scope]}"
    for target in ${scope_targets[$scope]}; do target_args+=(--target "$target"); done
    read -r -a cmake_options <<<"$options"

    if ! command -v "$compiler" >/dev/null 2>&1; then
        echo "check.sh: compiler '$compiler' not found" >&2
        return 1
    fi
    if [[ ${AUTOREG_CHECK_CLEAN:-0} == 1 ]]; then
        rm -rf "$build"
    fi
    if [[ $scope == windows* ]]; then
        # A Wine prefix of the build's own, made before the build runs its
        # first program (Catch2 lists tests after linking), so that parallel
        # first runs do not race to create it.
        export WINEPREFIX="$root/$build/wine-prefix" WINEDEBUG=-all
        # One wineserver for the whole run, started before anything else uses
        # the prefix: Debian's exits as soon as its last client has (-p0),
        # and a test starting just then had its connection reset ("wine
        # client error:0: recvmsg: Connection reset by peer"), failing a test
        # that had done nothing wrong.
        mkdir -p "$WINEPREFIX"
        wineserver --persistent </dev/null >/dev/null 2>&1 || true
        wineboot --init >/dev/null 2>&1 || true
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
        -DAUTOREG_COMPILE_TESTS="$compile_tests" \
        "${cmake_options[@]}" &&
    cmake --build "$build" -j2 "${target_args[@]}" &&
    (cd "$build" && ctest --output-on-failure --no-tests=error -j2 "${tests[@]}")
    local status=$?
    if [[ $scope == windows* ]]; then
        wineserver --kill >/dev/null 2>&1 || true
    fi
    return $status
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
