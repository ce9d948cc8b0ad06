// exp(x) for x <= 0 on xsimd batches: as one rounded value (the fast kernels) or as an unevaluated
// sum hi + lo times a power of two (the accurate ones).
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/arith.hpp>
#include <simdact/detail/coefficients.hpp>

#include <array>
#include <cstdint>

SIMDACT_BEGIN_NAMESPACE
namespace detail {

template <class T>
struct exp_traits;
template <>
struct exp_traits<float> {
    using bits = std::uint32_t;
    static constexpr int mantissa_bits = 23;
    static constexpr float bias = 127.0f;
    static constexpr float shifter = 0x1.8p23f; // adding it rounds to an integer
    static constexpr float log2e = 0x1.715476p+0f;
    static constexpr float ln2_hi = 0x1.62e4p-1f; // 15 bits: k*ln2_hi is exact for |k| < 512
    static constexpr float ln2_lo = 0x1.7f7d1cp-20f;
    static constexpr float min_arg = -112.0f; // 4 exp(-112) < 2^-151: rounds to 0
};
template <>
struct exp_traits<double> {
    using bits = std::uint64_t;
    static constexpr int mantissa_bits = 52;
    static constexpr double bias = 1023.0;
    static constexpr double shifter = 0x1.8p52;
    static constexpr double log2e = 0x1.71547652b82fep+0;
    static constexpr double ln2_hi = 0x1.62e42fee00000p-1; // 32 bits: k*ln2_hi exact, |k| < 2^21
    static constexpr double ln2_lo = 0x1.a39ef35793c76p-33;
    static constexpr double min_arg = -750.0; // 4 exp(-750) < 2^-1076: rounds to 0
};

// 2^k for integer-valued k with k + bias in [1, 2*bias]: k is moved into the exponent field.
template <class T, class A>
inline xsimd::batch<T, A> pow2_integer(xsimd::batch<T, A> const& k) noexcept {
    using traits = exp_traits<T>;
    using U = typename traits::bits;
    auto const biased = bit_cast<U>(k + xsimd::batch<T, A>(traits::shifter + traits::bias));
    return bit_cast<T>(biased << traits::mantissa_bits);
}

// 2^k for integer-valued k <= 0, or the smallest normal power of two where 2^k is below it: for
// adding 2^k * v to 1, where that difference cannot matter. NaN k gives an arbitrary value.
template <class T, class A>
inline xsimd::batch<T, A> pow2_nonpositive_or_tiny(xsimd::batch<T, A> const& k) noexcept {
    using B = xsimd::batch<T, A>;
    B const smallest(T(1) - exp_traits<T>::bias);
    return pow2_integer(xsimd::select(k < smallest, smallest, k));
}

// y * 2^k for integer-valued k in [-2*bias, 0], rounded once even when the result is subnormal:
// 2^k alone is not representable below the normal range, so it is applied in two steps, the
// first exact. Any split into two integers in range will do; rounding k/2 avoids floor.
template <class T, class A>
inline xsimd::batch<T, A> scale_down(xsimd::batch<T, A> const& y,
                                     xsimd::batch<T, A> const& k) noexcept {
    using B = xsimd::batch<T, A>;
    using traits = exp_traits<T>;
    B const k1 = (k * B(T(0.5)) + B(traits::shifter)) - B(traits::shifter);
    return (y * pow2_integer(k1)) * pow2_integer(k - k1);
}

// x clamped below at min_arg (NaN stays NaN), and k = round(x / ln2).
template <class T, class A>
struct exp_reduction {
    using B = xsimd::batch<T, A>;
    B x, k;

    explicit exp_reduction(B const& arg) noexcept {
        using traits = exp_traits<T>;
        x = xsimd::select(arg < B(traits::min_arg), B(traits::min_arg), arg);
        k = mul_add_fast(x, B(traits::log2e), B(traits::shifter)) - B(traits::shifter);
    }
};

// exp(x) = 2^k * (hi + lo) for x <= 0 or NaN (NaN propagates), with hi the rounded sum and
// |lo| <= ulp(hi)/2: hi + lo is within about 2^-(p+3) of exp(r) relative (p: the type's precision),
// so sigmoid and tanh built on it stay within 1 ULP. No fused multiply-add is needed: on every
// architecture it costs a handful of operations more than a plain exp.
template <class T, class A>
struct exp_split {
    using B = xsimd::batch<T, A>;
    B k, hi, lo;

    explicit exp_split(B const& x) noexcept {
        using traits = exp_traits<T>;
        // A copy owned by this architecture-specific function: the table shared by all of them
        // would be one weak symbol common to translation units built for different instruction
        // sets.
        static constexpr std::array q = std::to_array(coefficients<T>::exp_q);

        exp_reduction<T, A> const red(x);
        k = red.k;
        // r = x - k*ln2 as r + r_lo: k*ln2_hi and the first difference are exact (Cody-Waite).
        B const r_hi = red.x - k * B(traits::ln2_hi);
        B const k_lo = k * B(traits::ln2_lo);
        B const r = r_hi - k_lo;
        B const r_lo = (r_hi - r) - k_lo;
        // exp(r) = 1 + r + r^2 * (q[1] + q[2] r + ...); 1 + r is split exactly (|r| < 1).
        B const tail = polynomial<1>(q, r);
        B const one_r = B(T(1)) + r;
        B const rest = ((B(T(1)) - one_r) + r) + mul_add_fast(r * r, tail, r_lo);
        hi = one_r + rest; // renormalized, so that hi alone is within an ulp of the sum
        lo = (one_r - hi) + rest;
    }
};

// exp(x) for x <= 0 or NaN, rounded: about 1 ULP, subnormal results rounded once.
template <class T, class A>
inline xsimd::batch<T, A> exp_nonpositive(xsimd::batch<T, A> const& x) noexcept {
    using B = xsimd::batch<T, A>;
    using traits = exp_traits<T>;
    static constexpr std::array q = std::to_array(coefficients<T>::exp_q);

    exp_reduction<T, A> const red(x);
    B const r = (red.x - red.k * B(traits::ln2_hi)) - red.k * B(traits::ln2_lo);
    return scale_down(mul_add_fast(r, polynomial(q, r), B(T(1))), red.k);
}

} // namespace detail
SIMDACT_END_NAMESPACE
