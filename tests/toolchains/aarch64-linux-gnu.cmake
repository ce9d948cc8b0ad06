# Cross-builds the tests for 64-bit ARM (NEON) with Debian's cross compiler and runs them under
# qemu-user: tests/run.sh's aarch64 suite. Libraries (GoogleTest, MPFR, GMP, xsimd's CMake
# package) come from the arm64 multiarch packages, found under /usr/lib/aarch64-linux-gnu.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
# Every extension qemu emulates, SVE vectors of 256 bits: the sve256 test build's (xsimd 9 and
# later); the NEON build runs the same there.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -cpu max,sve-default-vector-length=32)
# Static executables: under qemu-user 7.2 (Debian 12) a dynamically linked aarch64 program hangs
# in its first pthread_create, and the tests start threads.
set(CMAKE_EXE_LINKER_FLAGS_INIT -static)
# find_library would pick the shared libraries, which a static link cannot use.
set(SIMDACT_MPFR_LIBRARY /usr/lib/aarch64-linux-gnu/libmpfr.a CACHE FILEPATH "MPFR, static")
set(SIMDACT_GMP_LIBRARY /usr/lib/aarch64-linux-gnu/libgmp.a CACHE FILEPATH "GMP, static")
