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

// On the functions that build and throw the drivers' argument errors: out of line and cold, so
// that the checks around them inline into every call (see detail/checks.hpp).
#if defined(__GNUC__) || defined(__clang__)
#define SIMDACT_DETAIL_COLD __attribute__((cold, noinline))
#elif defined(_MSC_VER)
#define SIMDACT_DETAIL_COLD __declspec(noinline)
#else
#define SIMDACT_DETAIL_COLD
#endif

// On a driver loop: inline everything it calls, the whole kernel included. GCC 12 at -O2 (and in
// a translation unit holding many kernels, at -O3 too) otherwise calls the kernel out of line
// for every batch, and every vector register is caller-saved across such a call. Not under
// AddressSanitizer, where speed is not the point: there, with the SSE2 kernels (which emulate
// the fused multiply-add), it made one test file take many times as long to compile.
// Define SIMDACT_FLATTEN as nothing to turn it off.
#ifndef SIMDACT_FLATTEN
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SIMDACT_DETAIL_ASAN 1
#endif
#endif
#if (defined(__GNUC__) || defined(__clang__)) && !defined(__SANITIZE_ADDRESS__) &&                 \
    !defined(SIMDACT_DETAIL_ASAN)
#define SIMDACT_FLATTEN __attribute__((flatten))
#else
#define SIMDACT_FLATTEN
#endif
#endif
