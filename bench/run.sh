#!/usr/bin/env bash
# Builds the benchmark with every peer library available (installs them when run as root on
# Debian/Ubuntu), runs it single-threaded, and prints the comparison tables (bench/table.py).
# Extra arguments go to the benchmark, e.g. --benchmark_filter='/float/.*/4096$'.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../cmake/ensure_packages.sh
source "$root/cmake/ensure_packages.sh"
ensure_packages cmake ninja-build g++ libxsimd-dev libbenchmark-dev python3 \
    libeigen3-dev libdnnl-dev libxnnpack-dev libpthreadpool-dev libsleef-dev

build=${SIMDACT_BUILD_DIR:-$root/build}/bench
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSIMDACT_BUILD_TESTS=OFF \
    -DSIMDACT_BUILD_EXAMPLES=OFF -DSIMDACT_BUILD_BENCH=ON
cmake --build "$build" -j "$(nproc)"

# Single-threaded: oneDNN (OpenMP) would otherwise use every core.
export OMP_NUM_THREADS=1
"$build/bench/simdact_bench" --benchmark_min_time=0.1 --benchmark_out="$build/results.json" \
    --benchmark_out_format=json "$@" >/dev/null
python3 "$root/bench/table.py" "$build/results.json"
