// AVX-512 kernels for float sigmoid and tanh, which use instructions xsimd does not expose: a
// 32-entry table lookup in registers (vpermt2ps), scaling by 2^k with one rounding (vscalefps), a
// 14-bit reciprocal (vrcp14ps) and a rounding mode per instruction. Same algorithms as the generic
// kernels in logistic.hpp, with exp(z) = 2^k * 2^(j/32) * exp(r) instead of 2^k * exp(r).
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/coefficients.hpp>
#include <simdact/detail/xsimd_compat.hpp>

#include <array>
#include <type_traits>

SIMDACT_BEGIN_NAMESPACE
namespace detail {

#if XSIMD_WITH_AVX512F
template <class T, class A>
inline constexpr bool avx512_float_kernels =
    std::is_same_v<T, float>&& std::is_base_of_v<xsimd::avx512f, A>;
#else
template <class T, class A>
inline constexpr bool avx512_float_kernels = false;
#endif

#if XSIMD_WITH_AVX512F
namespace avx512 {

// Every function takes the architecture tag A only so that its copies in translation units built
// for different instruction sets stay distinct symbols.

// exp(z) = 2^floor(kf) * (t_hi + s_lo) for z in [-112, 0] or NaN, |s_lo| < 0.023 t_hi, with a
// relative error below 2^-28. kf = m/32 with m = floor(z * 32/ln2): the lookup 2^(j/32), j = m mod
// 32, is exact to 2^-49 as hi + lo, and r = z - kf ln2 lies in [0, ln2/32], so that t <= 1.
template <class A>
struct exp_table {
    __m512 t_hi, s_lo, kf;

    explicit exp_table(__m512 z) noexcept {
        static constexpr std::array hi = std::to_array(coefficients<float>::exp2_hi);
        static constexpr std::array lo = std::to_array(coefficients<float>::exp2_lo);
        static constexpr std::array p = std::to_array(coefficients<float>::exp_table_p);
        constexpr float shifter = 0x1.8p18f; // its ulp is 1/32: adding it rounds z*log2e to m/32
        __m512 const n =
            _mm512_fmadd_round_ps(z, _mm512_set1_ps(0x1.715476p+0f), _mm512_set1_ps(shifter),
                                  _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
        __m512i const j = _mm512_castps_si512(n); // its low 5 bits are m mod 32
        t_hi =
            _mm512_permutex2var_ps(_mm512_loadu_ps(hi.data()), j, _mm512_loadu_ps(hi.data() + 16));
        __m512 const t_lo =
            _mm512_permutex2var_ps(_mm512_loadu_ps(lo.data()), j, _mm512_loadu_ps(lo.data() + 16));
        kf = _mm512_sub_ps(n, _mm512_set1_ps(shifter));
        __m512 r = _mm512_fmadd_ps(kf, _mm512_set1_ps(-0x1.62ep-1f), z);
        r = _mm512_fmadd_ps(kf, _mm512_set1_ps(-0x1.0bfbe8p-15f), r);
        __m512 poly = _mm512_fmadd_ps(_mm512_set1_ps(p[2]), r, _mm512_set1_ps(p[1]));
        poly = _mm512_fmadd_ps(poly, r, _mm512_set1_ps(p[0]));
        s_lo = _mm512_fmadd_ps(_mm512_mul_ps(t_hi, r), poly, t_lo);
    }
};

// -min(|x|, limit); NaN stays NaN (vmaxps returns its second operand when either is NaN).
template <class A>
inline __m512 negative_abs_clamped(__m512 x, float limit) noexcept {
    return _mm512_max_ps(_mm512_set1_ps(-limit), _mm512_or_ps(x, _mm512_set1_ps(-0.0f)));
}

// 1 + t for t = exp(z) = 2^k (t_hi + s_lo) <= 1: its two scaled parts, and a 14-bit reciprocal
// of their sum.
template <class A>
struct one_plus_table {
    __m512 t_a, t_b, rcp;

    explicit one_plus_table(exp_table<A> const& e) noexcept
        : t_a(_mm512_scalef_ps(e.t_hi, e.kf)), t_b(_mm512_scalef_ps(e.s_lo, e.kf)),
          rcp(_mm512_rcp14_ps(_mm512_add_ps(_mm512_add_ps(_mm512_set1_ps(1.0f), t_a), t_b))) {}

    // n/(1 + t) starts from the guess y = n' * rcp, n' within 2^-24 of n; n/(1 + t) is then
    // y + e * rcp with e = n - y (1 + t). This is e for n = n_hi + (terms the caller adds),
    // exact to 2^-24 of itself: n_hi - y is exact (Sterbenz's lemma) when y is in
    // [n_hi/2, 2 n_hi], and the products are fused.
    __m512 residual(__m512 n_hi, __m512 y) const noexcept {
        return _mm512_fnmadd_ps(y, t_b, _mm512_fnmadd_ps(y, t_a, _mm512_sub_ps(n_hi, y)));
    }
};

template <class A>
inline __m512 sigmoid_accurate(__m512 x) noexcept {
    exp_table<A> const e(negative_abs_clamped<A>(x, 112.0f));
    one_plus_table<A> const d(e);
    __mmask16 const negative =
        _mm512_cmplt_epi32_mask(_mm512_castps_si512(x), _mm512_setzero_si512());
    __m512 const one = _mm512_set1_ps(1.0f);
    // x >= 0: 1/(1 + t); x < 0: (t_hi + s_lo)/(1 + t), without t's 2^k.
    __m512 const y = _mm512_mul_ps(_mm512_mask_add_ps(one, negative, e.t_hi, e.s_lo), d.rcp);
    __m512 r = d.residual(_mm512_mask_mov_ps(one, negative, e.t_hi), y);
    r = _mm512_mask_add_ps(r, negative, r, e.s_lo);
    // 2^k last, so that a subnormal result is rounded once more only.
    __m512 const sum = _mm512_fmadd_ps(r, d.rcp, y);
    return _mm512_mask_scalef_ps(sum, negative, sum, e.kf);
}

// factor * t/(1+t)^2, t = exp(z), z <= 0 or NaN: t/(1+t) and 1/(1+t) each in two parts,
// multiplied and rounded once.
template <class A>
inline __m512 logistic_slope(__m512 z, float factor) noexcept {
    exp_table<A> const e(_mm512_max_ps(_mm512_set1_ps(-112.0f), z));
    one_plus_table<A> const d(e);
    __m512 const one = _mm512_set1_ps(1.0f);
    __m512 const v = _mm512_mul_ps(_mm512_add_ps(e.t_hi, e.s_lo), d.rcp); // t/(1+t)
    __m512 const v_lo = _mm512_mul_ps(_mm512_add_ps(d.residual(e.t_hi, v), e.s_lo), d.rcp);
    __m512 const w = d.rcp; // 1/(1+t)
    __m512 const w_lo = _mm512_mul_ps(d.residual(one, w), d.rcp);
    __m512 const small = _mm512_fmadd_ps(v, w_lo, _mm512_mul_ps(v_lo, w));
    __m512 const product = _mm512_mul_ps(_mm512_fmadd_ps(v, w, small), _mm512_set1_ps(factor));
    return _mm512_scalef_ps(product, e.kf);
}

// tanh(a) for a >= the polynomial's limit: 2w - 1 with w = 1/(1 + q), q = exp(-2a) <= 1/3. w is
// in [3/4, 1], so 2 w_0 - 1 is exact (Sterbenz's lemma) and the sum with the correction 2 c is
// the only rounding; w's error is amplified at most 2/(1 - q) = 3 times.
template <class A>
inline __m512 tanh_large(__m512 a) noexcept {
    __m512 const z =
        _mm512_max_ps(_mm512_set1_ps(-112.0f), _mm512_mul_ps(a, _mm512_set1_ps(-2.0f)));
    exp_table<A> const e(z);
    one_plus_table<A> const d(e);
    __m512 const one = _mm512_set1_ps(1.0f);
    __m512 const w = d.rcp;
    __m512 const c = _mm512_mul_ps(d.residual(one, w), w); // 1 - w is exact: w in [3/4, 1]
    __m512 const two = _mm512_set1_ps(2.0f);
    return _mm512_fmadd_ps(two, c, _mm512_fmsub_ps(two, w, one));
}

// sigmoid(x) = 1/(1 + e^-x) = s/(s + u) with s = 2^-k and u = 2^(j/32) e^r for -x = (k + j/32) ln2
// + r, so that nothing overflows or needs a select: x is clamped to [-112, 88] (beyond, the
// result rounds to 0 or 1 anyway), s is exact even when subnormal, and the division rounds once.
// vscalefps(1, -m/32) gives 2^-k only for j = 0 and 2^-(k+1) otherwise; the table is halved
// there to match. About 2 ULP.
template <class A>
inline __m512 sigmoid_fast(__m512 x) noexcept {
    static constexpr std::array table = [] {
        // Indexed by -m mod 32 (the low bits of n), which is 32 - j for j != 0.
        std::array<float, 32> halved{};
        halved[0] = 1.0f;
        for (std::size_t i = 1; i < halved.size(); ++i)
            halved[i] = coefficients<float>::exp2_hi[32 - i] * 0.5f;
        return halved;
    }();
    static constexpr std::array p = std::to_array(coefficients<float>::exp_table_p);
    constexpr float shifter = 0x1.8p18f;
    // vmaxps and vminps return their second operand when either is NaN: NaN stays NaN.
    __m512 const xc =
        _mm512_min_ps(_mm512_set1_ps(88.0f), _mm512_max_ps(_mm512_set1_ps(-112.0f), x));
    // n = shifter - m/32 with m = floor(-x * 32/ln2).
    __m512 const n =
        _mm512_fmadd_round_ps(xc, _mm512_set1_ps(0x1.715476p+0f), _mm512_set1_ps(shifter),
                              _MM_FROUND_TO_POS_INF | _MM_FROUND_NO_EXC);
    __m512 const l = _mm512_permutex2var_ps(_mm512_loadu_ps(table.data()), _mm512_castps_si512(n),
                                            _mm512_loadu_ps(table.data() + 16));
    __m512 const minus_kf = _mm512_sub_ps(n, _mm512_set1_ps(shifter));
    __m512 r = _mm512_fmsub_ps(minus_kf, _mm512_set1_ps(0x1.62ep-1f), xc); // -x - kf ln2
    r = _mm512_fmadd_ps(minus_kf, _mm512_set1_ps(0x1.0bfbe8p-15f), r);
    __m512 poly = _mm512_fmadd_ps(_mm512_set1_ps(p[2]), r, _mm512_set1_ps(p[1]));
    poly = _mm512_fmadd_ps(poly, r, _mm512_set1_ps(p[0]));
    __m512 const u = _mm512_fmadd_ps(_mm512_mul_ps(l, r), poly, l);
    __m512 const s = _mm512_scalef_ps(_mm512_set1_ps(1.0f), minus_kf);
    return _mm512_div_ps(s, _mm512_add_ps(s, u));
}

// tanh(x) = e/(e + 2) with e = expm1(2x), which is odd and needs no select and no polynomial
// for small x: 2x = (k + j/32) ln2 + 2h, rounded to nearest so that small x has k = j = 0, and
// e = (2^k T_j - 1) + 2^k (T_j e(h) + T_lo), the first difference exact wherever it cancels.
// x is clamped to +-9.1, where tanh rounds to +-1. About 3.5 ULP.
template <class A>
inline __m512 tanh_fast(__m512 x) noexcept {
    static constexpr std::array hi = std::to_array(coefficients<float>::exp2_hi);
    static constexpr std::array lo = [] {
        auto table = std::to_array(coefficients<float>::exp2_lo);
        table[0] = -0.0f; // so that x = -0 gives -0 (see em1)
        return table;
    }();
    static constexpr std::array c = std::to_array(coefficients<float>::expm1_2h);
    constexpr float shifter = 0x1.8p18f; // its ulp is 1/32
    // vmaxps and vminps return their second operand when either is NaN: NaN stays NaN.
    __m512 const xc = _mm512_min_ps(_mm512_set1_ps(9.1f), _mm512_max_ps(_mm512_set1_ps(-9.1f), x));
    __m512 const n = _mm512_fmadd_ps(xc, _mm512_set1_ps(0x1.715476p+1f), _mm512_set1_ps(shifter));
    __m512i const j = _mm512_castps_si512(n);
    __m512 const t_hi =
        _mm512_permutex2var_ps(_mm512_loadu_ps(hi.data()), j, _mm512_loadu_ps(hi.data() + 16));
    __m512 const t_lo =
        _mm512_permutex2var_ps(_mm512_loadu_ps(lo.data()), j, _mm512_loadu_ps(lo.data() + 16));
    __m512 const kf = _mm512_sub_ps(n, _mm512_set1_ps(shifter));
    __m512 h = _mm512_fmadd_ps(kf, _mm512_set1_ps(-0x1.62ep-2f), xc); // x - kf ln2/2
    h = _mm512_fmadd_ps(kf, _mm512_set1_ps(-0x1.0bfbe8p-16f), h);
    __m512 e = _mm512_fmadd_ps(_mm512_set1_ps(c[2]), h, _mm512_set1_ps(c[1]));
    e = _mm512_mul_ps(_mm512_fmadd_ps(e, h, _mm512_set1_ps(c[0])), h);
    __m512 const tail = _mm512_scalef_ps(_mm512_fmadd_ps(t_hi, e, t_lo), kf);
    // tail - (1 - 2^k T_j), not the sum: for x = +-0 it is +-0 (tail is fma(1, +-0, -0)).
    __m512 const em1 =
        _mm512_sub_ps(tail, _mm512_sub_ps(_mm512_set1_ps(1.0f), _mm512_scalef_ps(t_hi, kf)));
    return _mm512_div_ps(em1, _mm512_add_ps(em1, _mm512_set1_ps(2.0f)));
}

} // namespace avx512
#endif

} // namespace detail
SIMDACT_END_NAMESPACE
