#!/usr/bin/env bash
# Builds the benchmark with every peer library available (installs them when run as root on
# Debian/Ubuntu), runs it single-threaded, and prints the comparison tables (bench/table.py).
# Extra arguments go to the benchmark, e.g. --benchmark_filter='/float/.*/4096(/|$)'. The in-place
# cases are timed call by call and Google Benchmark appends /manual_time to their names, so a
# filter ending in '/4096$' selects only the out-of-place ones.
# SIMDACT_BENCH_ARCH_FLAGS (default -march=native) sets the header-only build's instruction set;
# SIMDACT_BENCH_ARCH_FLAGS= (empty) measures what a build without -m flags gets.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../cmake/ensure_packages.sh
source "$root/cmake/ensure_packages.sh"
ensure_packages cmake ninja-build g++ libxsimd-dev libbenchmark-dev python3 \
    libeigen3-dev libdnnl-dev libxnnpack-dev libpthreadpool-dev libsleef-dev

arch_flags=${SIMDACT_BENCH_ARCH_FLAGS--march=native}
case "$arch_flags" in
-march=native) suffix=native ;;
"") suffix=no-march ;;
*) suffix=custom ;;
esac
build=${SIMDACT_BUILD_DIR:-$root/build}/bench-$suffix
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSIMDACT_BUILD_TESTS=OFF \
    -DSIMDACT_BUILD_EXAMPLES=OFF -DSIMDACT_BUILD_BENCH=ON "-DSIMDACT_BENCH_ARCH_FLAGS=$arch_flags"
cmake --build "$build" -j "$(nproc)"

# Single-threaded: oneDNN (OpenMP) would otherwise use every core.
export OMP_NUM_THREADS=1
"$build/bench/simdact_bench" --benchmark_min_time=0.1 --benchmark_out="$build/results.json" \
    --benchmark_out_format=json "$@" >/dev/null
python3 "$root/bench/table.py" "$build/results.json"
