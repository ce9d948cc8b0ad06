// Non-temporal (streaming) stores for outputs far larger than the cache: they skip the read of
// each destination line that an ordinary store costs, as glibc's memcpy does above a size
// threshold.
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/xsimd_compat.hpp>

#include <concepts>
#include <cstddef>
#include <type_traits>

SIMDACT_BEGIN_NAMESPACE
namespace detail {

/// A call whose inputs and output together span at least this many bytes writes its output with
/// streaming stores, unless the output is one of the inputs: forward and derivative from 24 MiB
/// per array (6M floats), backward and backward_from_output from 16 MiB per array (4M floats).
///
/// Measured on a 2-core AMD EPYC (Zen 5, AVX-512) with a 32 MiB last-level cache, leaky_relu out
/// of place, float (double alike), time with ordinary stores / time with streaming stores (> 1:
/// streaming is faster), alone and followed by one pass that reads the output, as the next layer
/// would:
///
///   MiB per array           8     10    12    16    20    24    32    40    64
///   forward               0.71  0.82  0.91  1.17  1.22  1.18  1.16  1.14  1.27
///   forward, then read    0.53  0.62  0.68  0.94  1.01  1.03  1.05  1.05  1.13
///   backward              1.25  1.25  1.26  1.28  1.27  1.28  1.33  1.39  1.40
///   backward, then read   0.87  1.02  1.06  1.11  1.14  1.17  1.19  1.21  1.21
///
/// Below some size, ordinary stores leave the output in the cache for its reader, and a streaming
/// store sends it to memory instead. With that reader, forward breaks even at 20-24 MiB per array
/// (40-48 MiB in all) and backward at 10-12 MiB (30-36 MiB): 48 MiB is the smallest threshold at
/// which neither loses, 1.5 times the cache, as for glibc's memcpy, which streams copies from 3/4
/// of the shared cache size. In place, streaming is slower at every size measured up to 256 MiB
/// (0.25-0.95x for leaky_relu; sigmoid, compute-bound, 0.75-1.05x), so it is never used there.
inline constexpr std::size_t stream_threshold_bytes = std::size_t{48} << 20;

/// Whether the drivers may stream F's output: not when F declares `static constexpr bool
/// compute_bound = true` (simdact::sigmoid and simdact::tanh, and with them the fast variants;
/// for forward alone see may_stream_forward), except for backward_from_output, whose derivative
/// from the output is one multiply-add. A loop that spends most of its time computing runs
/// slower with streaming stores: in ./bench/run.sh on 16M elements out of place, before and
/// after this rule (two runs of the same day), float sigmoid went from 0.283 to 0.259 ns per
/// element, tanh from 0.568 to 0.341, their backward passes from 0.70 and 0.64 to 0.47; double
/// sigmoid from 1.37 to 0.81, tanh from 1.57 to 1.14.
template <class F>
inline constexpr bool may_stream = true;
template <class F>
requires requires {
    { F::compute_bound } -> std::convertible_to<bool>;
}
inline constexpr bool may_stream<F> = !F::compute_bound;

/// The same for forward alone: !F::forward_compute_bound where F declares it, otherwise
/// may_stream<F>. simdact::fast::sigmoid declares it false: its forward kernel costs less than
/// moving its data, while its derivatives are the accurate ones. In ./bench/run.sh on 16M
/// elements out of place (filtered runs with it: four in float, three in double; two full runs
/// without), the fastest peer's time over fast::sigmoid's went from 0.97-1.02 to 1.14-1.20 in
/// float, and from 1.27-1.31 to 1.16-1.63 in double; in the full run at 9d4e505 it was 0.81, in a
/// phase where streaming lost for relu too (0.96 against 1.25-1.31 in the other runs). fast::tanh,
/// about as cheap, got slower with it (0.81-0.95 against 1.01-1.02 in float), so it does not
/// declare it.
template <class F>
inline constexpr bool may_stream_forward = may_stream<F>;
template <class F>
requires requires {
    { F::forward_compute_bound } -> std::convertible_to<bool>;
}
inline constexpr bool may_stream_forward<F> = !F::forward_compute_bound;

// True where stream_store is a non-temporal store (x86 with SSE2, AVX or AVX-512).
template <class Arch>
inline constexpr bool has_stream_store =
#if XSIMD_WITH_SSE2
    std::is_base_of_v<xsimd::sse2, Arch> ||
#endif
#if XSIMD_WITH_AVX
    std::is_base_of_v<xsimd::avx, Arch> ||
#endif
#if XSIMD_WITH_AVX512F
    std::is_base_of_v<xsimd::avx512f, Arch> ||
#endif
    false;

// Stores b at p, which must be aligned to the batch's size, bypassing the cache.
template <class Arch, class T>
inline void stream_store(xsimd::batch<T, Arch> const& b, T* p) noexcept {
    constexpr bool is_float = std::is_same_v<T, float>;
#if XSIMD_WITH_AVX512F
    if constexpr (std::is_base_of_v<xsimd::avx512f, Arch>) {
        if constexpr (is_float)
            _mm512_stream_ps(p, b);
        else
            _mm512_stream_pd(p, b);
        return;
    }
#endif
#if XSIMD_WITH_AVX
    if constexpr (std::is_base_of_v<xsimd::avx, Arch>) {
        if constexpr (is_float)
            _mm256_stream_ps(p, b);
        else
            _mm256_stream_pd(p, b);
        return;
    }
#endif
#if XSIMD_WITH_SSE2
    if constexpr (std::is_base_of_v<xsimd::sse2, Arch>) {
        if constexpr (is_float)
            _mm_stream_ps(p, b);
        else
            _mm_stream_pd(p, b);
        return;
    }
#endif
    b.store_aligned(p);
}

// Orders the streaming stores before any later store, so that another thread that sees a later
// flag also sees the data.
template <class Arch>
inline void stream_fence() noexcept {
#if XSIMD_WITH_SSE2
    if constexpr (has_stream_store<Arch>)
        _mm_sfence();
#endif
}

} // namespace detail
SIMDACT_END_NAMESPACE
