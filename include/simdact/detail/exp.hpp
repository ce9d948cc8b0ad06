// exp(x) for x <= 0 on xsimd batches, with correctly scaled subnormal results.
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
    static constexpr float ln2_hi = 0x1.62e4p-1f; // few bits: k*ln2_hi is exact
    static constexpr float ln2_lo = 0x1.7f7d1cp-20f;
    static constexpr float min_arg = -104.0f; // exp(-104) < 2^-150: rounds to 0
};
template <>
struct exp_traits<double> {
    using bits = std::uint64_t;
    static constexpr int mantissa_bits = 52;
    static constexpr double bias = 1023.0;
    static constexpr double shifter = 0x1.8p52;
    static constexpr double log2e = 0x1.71547652b82fep+0;
    static constexpr double ln2_hi = 0x1.62e42fee00000p-1;
    static constexpr double ln2_lo = 0x1.a39ef35793c76p-33;
    static constexpr double min_arg = -746.0; // exp(-746) < 2^-1075: rounds to 0
};

// 2^k for integer-valued k with k + bias in [1, 2*bias]: k is moved into the exponent field.
template <class T, class A>
inline xsimd::batch<T, A> pow2_integer(xsimd::batch<T, A> const& k) noexcept {
    using traits = exp_traits<T>;
    using U = typename traits::bits;
    auto const biased = bit_cast<U>(k + xsimd::batch<T, A>(traits::shifter + traits::bias));
    return bit_cast<T>(biased << traits::mantissa_bits);
}

// exp(x) for x <= 0 or NaN (NaN propagates). Max error about 0.6 ULP; results below the
// smallest normal are rounded once, so subnormal outputs are right too.
template <class T, class A>
inline xsimd::batch<T, A> exp_nonpositive(xsimd::batch<T, A> const& x) noexcept {
    using B = xsimd::batch<T, A>;
    using traits = exp_traits<T>;
    // A copy owned by this architecture-specific function: the table shared by all of them
    // would be one weak symbol common to translation units built for different instruction sets.
    static constexpr std::array q = std::to_array(coefficients<T>::exp_q);
    constexpr int degree = static_cast<int>(q.size()) - 1;

    B const xc = xsimd::select(x < B(traits::min_arg), B(traits::min_arg), x);
    B const shifted = mul_add(xc, B(traits::log2e), B(traits::shifter));
    B const k = shifted - B(traits::shifter); // round(x / ln2)
    B r = mul_add(k, B(-traits::ln2_hi), xc); // exact
    r = mul_add(k, B(-traits::ln2_lo), r);

    B poly(q[degree]);
    for (int i = degree - 1; i >= 0; --i)
        poly = mul_add(poly, r, B(q[i]));
    B const e_r = mul_add(r, poly, B(T(1)));

    // Scale in two exact-or-once-rounded steps: 2^k alone is not representable for k < -126.
    // Any split into two integers in range will do; rounding k/2 with the shifter avoids floor.
    B const k1 = (k * B(T(0.5)) + B(traits::shifter)) - B(traits::shifter);
    B const k2 = k - k1;
    return (e_r * pow2_integer(k1)) * pow2_integer(k2);
}

} // namespace detail
SIMDACT_END_NAMESPACE
