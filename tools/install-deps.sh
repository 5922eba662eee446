#!/usr/bin/env bash
# Installs what autoreg needs to build and test on Debian 12, skipping what is
# already installed; apt-get runs (with an update first) only if something is missing.
#
#   tools/install-deps.sh [extra-package...]
#
# Run as root when something is missing; as any user when everything is there.
set -euo pipefail

packages=(build-essential cmake ninja-build g++ clang libfmt-dev catch2 python3 "$@")

if ! command -v dpkg >/dev/null 2>&1; then
    echo "install-deps: no dpkg here (not Debian?); install these yourself: ${packages[*]}" >&2
    exit 0
fi

is_installed() {
    # `dpkg -s` also succeeds for removed packages whose config files remain.
    dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed$'
}

missing=()
for package in "${packages[@]}"; do
    if ! is_installed "$package"; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all present: ${packages[*]}"
    exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
    echo "install-deps: missing packages: ${missing[*]}" >&2
    echo "install-deps: run this as root, e.g.: sudo $0 $*" >&2
    exit 1
fi

echo "install-deps: installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
