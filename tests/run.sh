#!/usr/bin/env bash
# Builds every test and runs it: with Clang, with GCC under AddressSanitizer and
# UndefinedBehaviorSanitizer, cross-compiled for 64-bit ARM (NEON) and run under qemu-user
# (on x86-64 hosts; SIMDACT_TEST_AARCH64=0 skips it), and with GCC (last, so the final lines are
# its ctest summary; this build also compiles the benchmark, which is not run here, and runs the
# exhaustive test, all 2^32 floats and 10^8 doubles, which the Clang and sanitizer builds skip
# and the ARM build samples).
# Installs what is missing when run as root on Debian/Ubuntu (for the ARM suite: the cross
# compiler, qemu-user, and the arm64 libraries, after enabling that package architecture).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../cmake/ensure_packages.sh
source "$root/cmake/ensure_packages.sh"

aarch64=${SIMDACT_TEST_AARCH64:-1}
[ "$(uname -m)" = x86_64 ] || aarch64=0
if [ "$aarch64" != 0 ]; then
    if ! (
        ensure_foreign_architecture arm64 &&
            ensure_packages g++-aarch64-linux-gnu qemu-user libgtest-dev:arm64 libmpfr-dev:arm64 \
                libgmp-dev:arm64 libxsimd-dev:arm64
    ); then
        echo "(or skip the ARM suite: SIMDACT_TEST_AARCH64=0 $0)" >&2
        exit 1
    fi
fi
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
if [ "$aarch64" != 0 ]; then
    run_suite aarch64 "-DCMAKE_TOOLCHAIN_FILE=$root/tests/toolchains/aarch64-linux-gnu.cmake" \
        -DCMAKE_BUILD_TYPE=Release -DSIMDACT_BUILD_BENCH=OFF -DSIMDACT_TEST_PACKAGES=OFF
fi
run_suite gcc -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Release
