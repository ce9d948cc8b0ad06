#!/usr/bin/env bash
# Builds the benchmark with every peer library available (installs them when run as root on
# Debian/Ubuntu), runs it single-threaded, prints the comparison tables (bench/table.py), and
# writes:
#   build/bench-<native|no-march|custom>/results.json  Google Benchmark's JSON: per case, every
#                       implementation's median time and its paired ratios to simdact;
#   docs/benchmark.svg  the chart the README shows (ns per element of the float forward passes),
#                       on a run of every case with the default flags; a run with arguments or
#                       other SIMDACT_BENCH_ARCH_FLAGS writes it beside the JSON instead
#                       (build/bench-*/benchmark.svg), so that a partial run leaves the README's
#                       chart alone.
# ./bench/run.sh --accuracy [stride] builds the same binary and prints, instead of timings, every
# implementation's error on sigmoid, tanh and their derivatives over every float (or every
# stride-th bit pattern): bench/accuracy.cpp.
# Extra arguments go to the benchmark, e.g. --benchmark_filter='^sigmoid/forward/float/.*/4096/'
# (names are <activation>/<operation>/<type>/<placement>/<N>/min_time:<seconds>, so do not end a
# filter with '$').
# SIMDACT_BENCH_ARCH_FLAGS (default -march=native) sets the header-only build's instruction set;
# SIMDACT_BENCH_ARCH_FLAGS= (empty) measures what a build without -m flags gets.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../cmake/ensure_packages.sh
source "$root/cmake/ensure_packages.sh"
ensure_packages cmake ninja-build g++ libxsimd-dev libbenchmark-dev python3 python3-matplotlib \
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

# Single-threaded: oneDNN (OpenMP) would otherwise use every core. No repetitions: each case
# times all its implementations in rotation for hundreds of rounds (main.cpp, run_group), and
# the tables use the medians over those rounds.
export OMP_NUM_THREADS=1
if [ "${1-}" = --accuracy ]; then
    exec "$build/bench/simdact_bench" "$@"
fi
cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
"$build/bench/simdact_bench" "--benchmark_context=cpu_model=${cpu_model:-unknown}" \
    --benchmark_out="$build/results.json" --benchmark_out_format=json "$@" >/dev/null
# Debian's python3-matplotlib belongs to /usr/bin/python3, which another python3 on PATH may hide.
python=python3
[ -x /usr/bin/python3 ] && python=/usr/bin/python3
chart=$build/benchmark.svg
if [ $# -eq 0 ] && [ "$suffix" = native ]; then
    chart=$root/docs/benchmark.svg
fi
"$python" "$root/bench/table.py" "$build/results.json" --chart "$chart"
echo "JSON: $build/results.json"
