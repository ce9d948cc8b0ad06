#!/usr/bin/env bash
# Builds every test and runs it: with Clang, with GCC under AddressSanitizer and
# UndefinedBehaviorSanitizer, and with GCC (last, so the final lines are its ctest summary; this
# build also compiles the benchmark, which is not run here, and runs the exhaustive test, all
# 2^32 floats and 10^8 doubles, which the other two skip).
# Installs what is missing when run as root on Debian/Ubuntu.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../cmake/ensure_packages.sh
source "$root/cmake/ensure_packages.sh"
ensure_packages cmake ninja-build g++ clang libxsimd-dev libgtest-dev libbenchmark-dev libmpfr-dev libgmp-dev \
    python3 python3-mpmath pkgconf make

build=${SIMDACT_BUILD_DIR:-$root/build}
jobs=$(nproc)

run_suite() {
    local name=$1
    shift
    echo "=== $name: configure, build, test"
    cmake -S "$root" -B "$build/$name" -G Ninja "$@"
    cmake --build "$build/$name" -j "$jobs"
    ctest --test-dir "$build/$name" -j "$jobs" --output-on-failure --no-label-summary
}

run_suite clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release -DSIMDACT_BUILD_BENCH=OFF \
    -DSIMDACT_TEST_EXHAUSTIVE=OFF
run_suite sanitize -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
    "-DSIMDACT_TEST_ARCHS=baseline;avx512" -DSIMDACT_BUILD_BENCH=OFF -DSIMDACT_TEST_PACKAGES=OFF \
    -DSIMDACT_TEST_EXHAUSTIVE=OFF
run_suite gcc -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Release
