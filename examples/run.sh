#!/usr/bin/env bash
# Builds the examples and runs them. Installs what is missing when run as root on Debian/Ubuntu.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../cmake/ensure_packages.sh
source "$root/cmake/ensure_packages.sh"
ensure_packages cmake ninja-build g++ libxsimd-dev

build=${SIMDACT_BUILD_DIR:-$root/build}/examples
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSIMDACT_BUILD_TESTS=OFF -DSIMDACT_BUILD_BENCH=OFF \
    -DSIMDACT_BUILD_EXAMPLES=ON
cmake --build "$build" -j "$(nproc)"

for example in relu_basic mlp dispatch; do
    [ -x "$build/examples/$example" ] || continue # dispatch: x86-64 only
    echo "=== examples/$example"
    "$build/examples/$example"
done
echo "=== examples/plot"
"$build/examples/plot" "$build/activations.svg"
