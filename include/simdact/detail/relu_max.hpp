// relu's value in one instruction where the instruction set has the right maximum.
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/xsimd_compat.hpp>

#include <type_traits>

SIMDACT_BEGIN_NAMESPACE
namespace detail {

// select(x < 0, 0, x): x itself for NaN and for -0. x86's vmaxps/vmaxpd(a, b) is a > b ? a : b,
// which is exactly that with a = 0 and b = x: one instruction where the select is a compare and
// a blend (four on SSE2). The span drivers' loops are bound by their stores and run no faster;
// it pays where relu is one step of a longer kernel on batches. The intrinsic is called
// directly because xsimd::max's operand order differs between xsimd versions (8.1 passes
// (self, other), 14 (other, self)). Chosen by the architecture and the batch's width, so any
// other architecture (or an x86 one with other registers) falls back to the select. The AVX-512
// form is the masked one with every lane enabled (the same instruction): GCC 12's unmasked
// intrinsic reads an "undefined" register that its -Wmaybe-uninitialized then reports.
template <class B>
inline B relu_max(B const& x) noexcept {
    using T = typename B::value_type;
    // Unused where none of the x86 branches is compiled.
    using A [[maybe_unused]] = typename B::arch_type;
    [[maybe_unused]] constexpr bool is_float = std::is_same_v<T, float>;
#if XSIMD_WITH_AVX512F
    if constexpr (is_float && std::is_base_of_v<xsimd::avx512f, A> && sizeof(B) == 64)
        return B(_mm512_mask_max_ps(_mm512_setzero_ps(), 0xFFFF, _mm512_setzero_ps(), x));
    else if constexpr (!is_float && std::is_base_of_v<xsimd::avx512f, A> && sizeof(B) == 64)
        return B(_mm512_mask_max_pd(_mm512_setzero_pd(), 0xFF, _mm512_setzero_pd(), x));
    else
#endif
#if XSIMD_WITH_AVX
        if constexpr (is_float && std::is_base_of_v<xsimd::avx, A> && sizeof(B) == 32)
        return B(_mm256_max_ps(_mm256_setzero_ps(), x));
    else if constexpr (!is_float && std::is_base_of_v<xsimd::avx, A> && sizeof(B) == 32)
        return B(_mm256_max_pd(_mm256_setzero_pd(), x));
    else
#endif
#if XSIMD_WITH_SSE2
        if constexpr (is_float && std::is_base_of_v<xsimd::sse2, A> && sizeof(B) == 16)
        return B(_mm_max_ps(_mm_setzero_ps(), x));
    else if constexpr (!is_float && std::is_base_of_v<xsimd::sse2, A> && sizeof(B) == 16)
        return B(_mm_max_pd(_mm_setzero_pd(), x));
    else
#endif
        return xsimd::select(x < B(T(0)), B(T(0)), x);
}

} // namespace detail
SIMDACT_END_NAMESPACE
