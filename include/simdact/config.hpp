// Version and namespace macros shared by every simdact header.
#pragma once

#define SIMDACT_VERSION_MAJOR 0
#define SIMDACT_VERSION_MINOR 1
#define SIMDACT_VERSION_PATCH 0

// An inline ABI namespace (as {fmt} does): a future incompatible layout gets a new name, so two
// versions linked into one program cannot silently mix.
#define SIMDACT_BEGIN_NAMESPACE                                                                    \
    namespace simdact {                                                                            \
    inline namespace v0 {
#define SIMDACT_END_NAMESPACE                                                                      \
    }                                                                                              \
    }

// On a driver loop: inline everything it calls, the whole kernel included. GCC 12 at -O2 (and in
// a translation unit holding many kernels, at -O3 too) otherwise calls the kernel out of line
// for every batch, and every vector register is caller-saved across such a call.
#if defined(__GNUC__) || defined(__clang__)
#define SIMDACT_FLATTEN __attribute__((flatten))
#else
#define SIMDACT_FLATTEN
#endif
