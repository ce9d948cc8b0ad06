// Multiply-add building blocks for the kernels. Kernels call these instead of writing a*b+c, so
// what gets fused is decided here, per architecture, and never by -ffp-contract.
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/horner.hpp>
#include <simdact/detail/xsimd_compat.hpp>

#include <array>
#include <cstddef>

SIMDACT_BEGIN_NAMESPACE
namespace detail {

template <class T>
struct split_constant; // 2^ceil(p/2) + 1, Veltkamp's splitter
template <>
struct split_constant<float> {
    static constexpr float value = 4097.0f;
};
template <>
struct split_constant<double> {
    static constexpr double value = 134217729.0;
};

// x*y+z with a single rounding where the hardware can, and within a hair of it elsewhere
// (Dekker's exact product plus an exact sum; no FMA instruction exists there, so nothing here
// can be contracted behind our back).
template <class T, class A>
inline xsimd::batch<T, A> mul_add(xsimd::batch<T, A> const& x, xsimd::batch<T, A> const& y,
                                  xsimd::batch<T, A> const& z) noexcept {
    using B = xsimd::batch<T, A>;
    if constexpr (has_fused_fma<A>) {
        return hardware_fma(x, y, z);
    }
#if defined(__FMA__)
    else if constexpr (sizeof(B) == 16 && std::is_same_v<T, float>) {
        return B(_mm_fmadd_ps(x, y, z));
    } else if constexpr (sizeof(B) == 16 && std::is_same_v<T, double>) {
        return B(_mm_fmadd_pd(x, y, z));
    } else if constexpr (sizeof(B) == 32 && std::is_same_v<T, float>) {
        return B(_mm256_fmadd_ps(x, y, z));
    } else if constexpr (sizeof(B) == 32 && std::is_same_v<T, double>) {
        return B(_mm256_fmadd_pd(x, y, z));
    }
#endif
    else {
        B const c(split_constant<T>::value);
        B const xc = c * x;
        B const xh = xc - (xc - x);
        B const xl = x - xh;
        B const yc = c * y;
        B const yh = yc - (yc - y);
        B const yl = y - yh;
        B const p = x * y;
        B const e = ((xh * yh - p) + xh * yl + xl * yh) + xl * yl; // x*y == p + e exactly
        B const s = p + z;                                         // two-sum of p and z
        B const bv = s - p;
        B const t = (p - (s - bv)) + (z - bv);
        return s + (t + e);
    }
}

// z - x*y with one rounding where the hardware fuses (see mul_add), as one instruction:
// compilers do not fold a negated operand into the fused instruction for every target.
template <class T, class A>
inline xsimd::batch<T, A> neg_mul_add(xsimd::batch<T, A> const& x, xsimd::batch<T, A> const& y,
                                      xsimd::batch<T, A> const& z) noexcept {
    using B [[maybe_unused]] = xsimd::batch<T, A>;
#if XSIMD_WITH_AVX512F
    if constexpr (std::is_base_of_v<xsimd::avx512f, A>) {
        if constexpr (std::is_same_v<T, float>)
            return B(_mm512_fnmadd_ps(x, y, z));
        else
            return B(_mm512_fnmadd_pd(x, y, z));
    } else
#endif
#if defined(__FMA__)
        if constexpr (sizeof(B) == 16 && std::is_same_v<T, float>) {
        return B(_mm_fnmadd_ps(x, y, z));
    } else if constexpr (sizeof(B) == 16 && std::is_same_v<T, double>) {
        return B(_mm_fnmadd_pd(x, y, z));
    } else if constexpr (sizeof(B) == 32 && std::is_same_v<T, float>) {
        return B(_mm256_fnmadd_ps(x, y, z));
    } else if constexpr (sizeof(B) == 32 && std::is_same_v<T, double>) {
        return B(_mm256_fnmadd_pd(x, y, z));
    } else
#endif
        return mul_add(-x, y, z);
}

// x*y+z for steps whose error budget allows either rounding (polynomial evaluation): one fused
// instruction where the hardware has it, otherwise a multiply and an add. Never Dekker's
// emulation, which costs about twenty instructions.
template <class T, class A>
inline xsimd::batch<T, A> mul_add_fast(xsimd::batch<T, A> const& x, xsimd::batch<T, A> const& y,
                                       xsimd::batch<T, A> const& z) noexcept {
    if constexpr (has_fused_fma<A>) {
        return hardware_fma(x, y, z);
    }
#if defined(__FMA__)
    else if constexpr (sizeof(xsimd::batch<T, A>) <= 32) {
        return mul_add(x, y, z); // the FMA3 intrinsics above
    }
#endif
    else {
        // No FMA instruction here (x86 without __FMA__), so nothing can contract this; where
        // a compiler for another architecture does, the step only gets more accurate.
        return x * y + z;
    }
}

// c[First] + x (c[First + 1] + ...) on batches, each step a mul_add_fast (see horner.hpp).
template <std::size_t First = 0, class T, std::size_t N, class A>
inline xsimd::batch<T, A> polynomial(std::array<T, N> const& c,
                                     xsimd::batch<T, A> const& x) noexcept {
    using B = xsimd::batch<T, A>;
    return horner<First>(
        c, x, [](B const& a, B const& b, B const& d) { return mul_add_fast(a, b, d); },
        [](T v) { return B(v); });
}

} // namespace detail
SIMDACT_END_NAMESPACE
