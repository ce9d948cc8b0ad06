// The run-time half of simdact::dispatch: which instruction set to use. Included only by the
// baseline translation unit that simdact_add_dispatch generates (built without -m flags), so
// these definitions exist once per program and never run code the CPU may lack.
#pragma once

#include <simdact/config.hpp>
#include <simdact/dispatch.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#if !defined(__x86_64__) && !defined(_M_X64)
#error "simdact::dispatch supports x86-64 only so far"
#endif

SIMDACT_BEGIN_NAMESPACE
namespace dispatch {
namespace detail {

std::atomic<int> cap{-1};    // set_max_isa's value; -1: none, read SIMDACT_MAX_ARCH
std::atomic<int> chosen{-1}; // active()'s cached answer; -1: not chosen yet

int compiled_max() noexcept {
#if SIMDACT_DISPATCH_AVX512
    return static_cast<int>(isa::avx512);
#elif SIMDACT_DISPATCH_AVX2
    return static_cast<int>(isa::avx2);
#else
    return static_cast<int>(isa::sse2);
#endif
}

int cpu_max() noexcept {
#if defined(__GNUC__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd") &&
        __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("avx512vl"))
        return static_cast<int>(isa::avx512);
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return static_cast<int>(isa::avx2);
#endif
    return static_cast<int>(isa::sse2);
}

// SIMDACT_MAX_ARCH: sse2 (or baseline), avx2, avx512; anything else is reported and ignored.
int environment_cap() noexcept {
    char const* value = std::getenv("SIMDACT_MAX_ARCH");
    if (value == nullptr || *value == '\0')
        return static_cast<int>(isa::avx512);
    if (std::strcmp(value, "sse2") == 0 || std::strcmp(value, "baseline") == 0)
        return static_cast<int>(isa::sse2);
    if (std::strcmp(value, "avx2") == 0)
        return static_cast<int>(isa::avx2);
    if (std::strcmp(value, "avx512") == 0)
        return static_cast<int>(isa::avx512);
    std::fprintf(stderr, "simdact: ignoring SIMDACT_MAX_ARCH=%s (expected sse2, avx2 or avx512)\n",
                 value);
    return static_cast<int>(isa::avx512);
}

} // namespace detail

isa active() noexcept {
    int value = detail::chosen.load(std::memory_order_acquire);
    if (value < 0) { // racing threads compute the same answer
        int const capped = detail::cap.load(std::memory_order_acquire);
        value = std::min({detail::compiled_max(), detail::cpu_max(),
                          capped < 0 ? detail::environment_cap() : capped});
        detail::chosen.store(value, std::memory_order_release);
    }
    return static_cast<isa>(value);
}

void set_max_isa(isa cap) noexcept {
    detail::cap.store(static_cast<int>(cap), std::memory_order_release);
    detail::chosen.store(-1, std::memory_order_release);
}

char const* name(isa i) noexcept {
    switch (i) {
    case isa::sse2:
        return "sse2";
    case isa::avx2:
        return "avx2";
    default:
        return "avx512";
    }
}

} // namespace dispatch
SIMDACT_END_NAMESPACE
