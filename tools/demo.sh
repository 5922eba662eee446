#!/usr/bin/env bash
# Builds the example `demo` (examples/) in Release mode and runs it.
#
#   tools/demo.sh [arguments for demo...]
#
# Environment: AUTOREG_SKIP_DEPS=1 skips tools/install-deps.sh.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

if [[ ${AUTOREG_SKIP_DEPS:-0} != 1 ]]; then
    bash tools/install-deps.sh
fi

build=build/demo
cmake -S . -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DAUTOREG_BUILD_EXAMPLES=ON \
    -DAUTOREG_BUILD_TESTS=OFF \
    -DAUTOREG_BUILD_BENCHMARKS=OFF

if ! ninja -C "$build" -t query demo >/dev/null 2>&1; then
    echo "demo.sh: the build has no target 'demo' (is examples/CMakeLists.txt there yet?)" >&2
    exit 1
fi
cmake --build "$build" --target demo -j2

# Where the examples put it is up to examples/CMakeLists.txt; find the program.
program=$(find "$build" -name CMakeFiles -prune -o \
    -type f \( -name demo -o -name demo.exe \) -perm -u+x -print | sort | head -n 1)
if [[ -z $program ]]; then
    echo "demo.sh: built 'demo' but cannot find the program under $build" >&2
    exit 1
fi

echo "demo.sh: running $program $*"
exec "$program" "$@"
