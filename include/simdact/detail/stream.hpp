// Non-temporal (streaming) stores for outputs far larger than the cache: they skip the read of
// each destination line that an ordinary store costs, as glibc's memcpy does above a size
// threshold.
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/xsimd_compat.hpp>

#include <cstddef>
#include <type_traits>

SIMDACT_BEGIN_NAMESPACE
namespace detail {

/// Outputs of at least this many bytes are written with streaming stores, unless the output is
/// one of the inputs. Measured on a 2-core AVX-512 machine with a 32 MiB last-level cache
/// (relu, float, out of place): streaming is 10% slower at 8 MiB, 12% faster at 16 MiB and 25%
/// faster at 64 MiB; in place it is slower at every size, so it is never used there.
inline constexpr std::size_t stream_threshold_bytes = std::size_t{16} << 20;

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
