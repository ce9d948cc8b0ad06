// AVX-512 kernels for sigmoid and tanh (float and double), which use instructions xsimd does not
// expose: a table lookup in registers (vpermt2ps/pd), scaling by 2^k with one rounding
// (vscalefps/pd), a 14-bit reciprocal (vrcp14ps), masked arithmetic and a rounding mode per
// instruction; and the derivatives of relu and leaky_relu in one vfixupimmps/pd. The accurate
// tanh follows the generic kernel in tanh.hpp, with exp(z) = 2^k * 2^(j/N) * exp(r) instead of
// 2^k * exp(r); sigmoid, the derivatives and the fast tanh are formulas of their own (each
// described at its kernel). They wait on chains of dependent instructions more than on
// throughput, so the formulas keep those chains short: divisions where they start early, and
// scalings by powers of two folded into constants.
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/batch_group.hpp>
#include <simdact/detail/coefficients.hpp>
#include <simdact/detail/horner.hpp>
#include <simdact/detail/xsimd_compat.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

SIMDACT_BEGIN_NAMESPACE
namespace detail {

#if XSIMD_WITH_AVX512F
template <class T, class A>
inline constexpr bool avx512_kernels = std::is_base_of_v<xsimd::avx512f, A>;
#else
template <class T, class A>
inline constexpr bool avx512_kernels = false;
#endif

// For an xsimd::batch or a batch_group.
template <class X>
inline constexpr bool avx512_kernels_for =
    avx512_kernels<typename X::value_type, typename X::arch_type>;

namespace avx512 {

// The instructions the kernels use, for each element type, and the type's constants. A template
// on the architecture too, so that copies built for different instruction sets stay distinct
// symbols. Only these use AVX-512 intrinsics; the kernels below are templates on them, compiled
// everywhere and instantiated only where avx512_kernels holds.
template <class T, class A>
struct zmm;

// The float kernels' 14-bit reciprocal is vrcp14ps, whose bits are the processor's own; they must
// meet their bounds with any estimate within 2^-14, which the exhaustive test checks by building
// them with SIMDACT_DETAIL_RCP14_TEST = 1 (1/a rounded down to 14 bits instead) and 2 (rounded
// up). Tests only.
#if defined(SIMDACT_DETAIL_RCP14_TEST)
inline constexpr int rcp14_test = SIMDACT_DETAIL_RCP14_TEST;
static_assert(rcp14_test == 1 || rcp14_test == 2);
#else
inline constexpr int rcp14_test = 0;
#endif

#if XSIMD_WITH_AVX512F

// Unmasked instructions are written as their merge-masked intrinsics with every lane selected
// (the same instruction): GCC 12's unmasked intrinsics pass an uninitialised `__Y` as the
// merge source, which -Wall reports in every function they are inlined into, the user's too.
template <class A>
struct zmm<float, A> {
    using value_type = float;
    using reg = __m512;
    using mask = __mmask16;
    static constexpr mask all = 0xFFFF;
    static constexpr std::size_t table_size = 32; // two registers
    static constexpr float shifter = 0x1.8p18f;   // its ulp is 1/32: adding it rounds to m/32
    static constexpr float log2e = 0x1.715476p+0f;
    static constexpr float ln2_hi = 0x1.62ep-1f;
    static constexpr float ln2_lo = 0x1.0bfbe8p-15f;
    static constexpr float min_arg = -112.0f;      // 4 exp(-112) rounds to 0
    static constexpr float tanh_saturation = 9.1f; // tanh rounds to 1 above 9.02
    // sigmoid's range: it rounds to 0 below -103.98 and to 1 above 17.33; 2^(K + 24) for
    // every K the range gives (-151 to 26) has a biased exponent field from 0 to 177.
    static constexpr float sigmoid_lo = -104.5f;
    static constexpr float sigmoid_hi = 18.0f;
    static constexpr int exponent_bias = 127;
    // From the index bits of n (log2 of table_size) to the exponent field.
    static constexpr int index_to_exponent = 23 - 5;

    static reg set(float v) noexcept { return _mm512_set1_ps(v); }
    static reg add(reg a, reg b) noexcept { return _mm512_add_ps(a, b); }
    static reg sub(reg a, reg b) noexcept { return _mm512_sub_ps(a, b); }
    static reg mul(reg a, reg b) noexcept { return _mm512_mul_ps(a, b); }
    static reg div(reg a, reg b) noexcept { return _mm512_div_ps(a, b); }
    static reg fma(reg a, reg b, reg c) noexcept { return _mm512_fmadd_ps(a, b, c); }
    static reg fnma(reg a, reg b, reg c) noexcept { return _mm512_fnmadd_ps(a, b, c); } // c-ab
    static reg fms(reg a, reg b, reg c) noexcept { return _mm512_fmsub_ps(a, b, c); }   // ab-c
    static reg fma_down(reg a, reg b, reg c) noexcept {
        return _mm512_fmadd_round_ps(a, b, c, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
    }
    static reg fma_up(reg a, reg b, reg c) noexcept {
        return _mm512_fmadd_round_ps(a, b, c, _MM_FROUND_TO_POS_INF | _MM_FROUND_NO_EXC);
    }
    // vminps/vmaxps return their second operand when either is NaN: put x second.
    static reg min(reg a, reg b) noexcept { return _mm512_mask_min_ps(a, all, a, b); }
    static reg max(reg a, reg b) noexcept { return _mm512_mask_max_ps(a, all, a, b); }
    static reg scalef(reg a, reg b) noexcept { return _mm512_mask_scalef_ps(a, all, a, b); }
    static reg scalef(reg src, mask m, reg a, reg b) noexcept {
        return _mm512_mask_scalef_ps(src, m, a, b);
    }
    // 1/a within 2^-14, relative: vrcp14ps, or for the tests a stand-in (see rcp14_test).
    static reg rcp14(reg a) noexcept {
        if constexpr (rcp14_test == 0) {
            return _mm512_mask_rcp14_ps(a, all, a);
        } else {
            // 1/a rounded to nearest, then its low 9 bits dropped (after adding them up, for
            // rounding up): off by less than 2^-14 - 2^-23 + 2^-24, for the normal and infinite
            // results the kernels see.
            __m512i const bits = _mm512_castps_si512(div(set(1.0f), a));
            __m512i const low = _mm512_set1_epi32(0x1FF);
            __m512i const up = rcp14_test == 2 ? _mm512_mask_add_epi32(bits, all, bits, low) : bits;
            return _mm512_castsi512_ps(_mm512_mask_andnot_epi32(up, all, low, up));
        }
    }
    // A value chosen by the class of x: see step_table.
    static reg fixup(reg fallback, reg x, std::int32_t table) noexcept {
        return _mm512_fixupimm_ps(fallback, x, _mm512_set1_epi32(table), 0);
    }
    static reg shift_left(reg a) noexcept {
        __m512i const bits = _mm512_castps_si512(a);
        return _mm512_castsi512_ps(_mm512_mask_slli_epi32(bits, all, bits, index_to_exponent));
    }
    // The low bits of n's representation select one of the 32 entries.
    static reg lookup(float const* table, reg n) noexcept {
        return _mm512_permutex2var_ps(_mm512_loadu_ps(table), _mm512_castps_si512(n),
                                      _mm512_loadu_ps(table + 16));
    }
    // The same for a table of 16 entries (the fast kernels', the derivatives'): one register,
    // looked up with vpermps, which this core runs beside its multiply-adds more often than
    // vpermt2ps (README, Accuracy).
    static constexpr float shifter16 = 0x1.8p19f; // its ulp is 1/16
    static reg lookup16(float const* table, reg n) noexcept {
        __m512 const entries = _mm512_loadu_ps(table);
        return _mm512_mask_permutexvar_ps(entries, all, _mm512_castps_si512(n), entries);
    }
    static reg shift_left16(reg a) noexcept {
        __m512i const bits = _mm512_castps_si512(a);
        return _mm512_castsi512_ps(_mm512_mask_slli_epi32(bits, all, bits, index_to_exponent + 1));
    }
    static reg add(reg src, mask m, reg a, reg b) noexcept {
        return _mm512_mask_add_ps(src, m, a, b);
    }
    static reg sub(reg src, mask m, reg a, reg b) noexcept {
        return _mm512_mask_sub_ps(src, m, a, b);
    }
    // a*b + c where m is set, c elsewhere.
    static reg fma(reg a, reg b, reg c, mask m) noexcept {
        return _mm512_mask3_fmadd_ps(a, b, c, m);
    }
    // Set where a >= b, and not for a NaN.
    static mask at_least(reg a, reg b) noexcept { return _mm512_cmp_ps_mask(a, b, _CMP_GE_OQ); }
    static reg abs(reg a) noexcept {
        return _mm512_castsi512_ps(
            _mm512_and_si512(_mm512_castps_si512(a), _mm512_set1_epi32(0x7FFFFFFF)));
    }
    // min(|a|, c) for c > 0: one vrangeps where the architecture has AVX512DQ, else abs and min.
    // A NaN gives c with vrangeps and the NaN without it: for lanes the caller masks off.
    static reg abs_min(reg a, reg c) noexcept {
        if constexpr (std::is_base_of_v<xsimd::avx512dq, A>)
            return _mm512_mask_range_ps(a, all, a, c, 0b1010);
        else
            return _mm512_mask_min_ps(c, all, c, abs(a));
    }
    // The magnitude m with the sign of x, for m >= 0 or NaN.
    static reg or_sign(reg m, reg x) noexcept {
        return _mm512_castsi512_ps(_mm512_ternarylogic_epi32(
            _mm512_castps_si512(m), _mm512_castps_si512(x), _mm512_set1_epi32(INT32_MIN),
            0xF8)); // m | (x & sign)
    }
};

template <class A>
struct zmm<double, A> {
    using value_type = double;
    using reg = __m512d;
    using mask = __mmask8;
    static constexpr mask all = 0xFF;
    static constexpr std::size_t table_size = 16; // two registers
    static constexpr double shifter = 0x1.8p48;   // its ulp is 1/16
    static constexpr double log2e = 0x1.71547652b82fep+0;
    static constexpr double ln2_hi = 0x1.62e42fefa39efp-1;
    static constexpr double ln2_lo = 0x1.abc9e3b39803fp-56;
    static constexpr double min_arg = -750.0;
    static constexpr double tanh_saturation = 19.5; // tanh rounds to 1 above 19.06
    // It rounds to 0 below -745.14 and to 1 above 37.43; K + 53 from -1076 to 55.
    static constexpr double sigmoid_lo = -745.5;
    static constexpr double sigmoid_hi = 38.0;
    static constexpr int exponent_bias = 1023;
    static constexpr int index_to_exponent = 52 - 4;

    static reg set(double v) noexcept { return _mm512_set1_pd(v); }
    static reg add(reg a, reg b) noexcept { return _mm512_add_pd(a, b); }
    static reg sub(reg a, reg b) noexcept { return _mm512_sub_pd(a, b); }
    static reg mul(reg a, reg b) noexcept { return _mm512_mul_pd(a, b); }
    static reg div(reg a, reg b) noexcept { return _mm512_div_pd(a, b); }
    static reg fma(reg a, reg b, reg c) noexcept { return _mm512_fmadd_pd(a, b, c); }
    static reg fnma(reg a, reg b, reg c) noexcept { return _mm512_fnmadd_pd(a, b, c); }
    static reg fms(reg a, reg b, reg c) noexcept { return _mm512_fmsub_pd(a, b, c); }
    static reg fma_down(reg a, reg b, reg c) noexcept {
        return _mm512_fmadd_round_pd(a, b, c, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
    }
    static reg fma_up(reg a, reg b, reg c) noexcept {
        return _mm512_fmadd_round_pd(a, b, c, _MM_FROUND_TO_POS_INF | _MM_FROUND_NO_EXC);
    }
    static reg min(reg a, reg b) noexcept { return _mm512_mask_min_pd(a, all, a, b); }
    static reg max(reg a, reg b) noexcept { return _mm512_mask_max_pd(a, all, a, b); }
    static reg scalef(reg a, reg b) noexcept { return _mm512_mask_scalef_pd(a, all, a, b); }
    static reg scalef(reg src, mask m, reg a, reg b) noexcept {
        return _mm512_mask_scalef_pd(src, m, a, b);
    }
    static reg fixup(reg fallback, reg x, std::int32_t table) noexcept {
        return _mm512_fixupimm_pd(fallback, x, _mm512_set1_epi64(table), 0);
    }
    static reg shift_left(reg a) noexcept {
        __m512i const bits = _mm512_castpd_si512(a);
        return _mm512_castsi512_pd(_mm512_mask_slli_epi64(bits, all, bits, index_to_exponent));
    }
    static reg lookup(double const* table, reg n) noexcept {
        return _mm512_permutex2var_pd(_mm512_loadu_pd(table), _mm512_castpd_si512(n),
                                      _mm512_loadu_pd(table + 8));
    }
    // A table of 16 entries is the one above.
    static constexpr double shifter16 = shifter;
    static reg lookup16(double const* table, reg n) noexcept { return lookup(table, n); }
    static reg shift_left16(reg a) noexcept { return shift_left(a); }
    static reg add(reg src, mask m, reg a, reg b) noexcept {
        return _mm512_mask_add_pd(src, m, a, b);
    }
    static reg sub(reg src, mask m, reg a, reg b) noexcept {
        return _mm512_mask_sub_pd(src, m, a, b);
    }
    static reg fma(reg a, reg b, reg c, mask m) noexcept {
        return _mm512_mask3_fmadd_pd(a, b, c, m);
    }
    static mask at_least(reg a, reg b) noexcept { return _mm512_cmp_pd_mask(a, b, _CMP_GE_OQ); }
    static reg abs(reg a) noexcept {
        return _mm512_castsi512_pd(
            _mm512_and_si512(_mm512_castpd_si512(a), _mm512_set1_epi64(INT64_MAX)));
    }
    static reg abs_min(reg a, reg c) noexcept {
        if constexpr (std::is_base_of_v<xsimd::avx512dq, A>)
            return _mm512_mask_range_pd(a, all, a, c, 0b1010);
        else
            return _mm512_mask_min_pd(c, all, c, abs(a));
    }
    static reg or_sign(reg m, reg x) noexcept {
        return _mm512_castsi512_pd(_mm512_ternarylogic_epi64(
            _mm512_castpd_si512(m), _mm512_castpd_si512(x), _mm512_set1_epi64(INT64_MIN), 0xF8));
    }
};
#endif

template <class X>
struct is_std_array : std::false_type {};
template <class E, std::size_t M>
struct is_std_array<std::array<E, M>> : std::true_type {};

// Argument x of an instruction applied to lane K of a lanes<T, A, M>: the K-th register or mask
// of an array of them, and a constant (a value, a table) as it is.
template <std::size_t K, class X>
inline decltype(auto) lane(X const& x) noexcept {
    if constexpr (is_std_array<X>::value)
        return x[K];
    else
        return x;
}

// The instructions of zmm<T, A> on M registers: each one applied to all M before the next. A
// kernel written on it runs M batches in lockstep, one instruction of its dependency chain for
// each batch in turn; the processor then finds independent work M times closer in the
// instruction stream than when the kernel runs batch after batch. In ./bench/run.sh the float
// sigmoid's paired ratio to XNNPACK on 4096 elements went from 0.58 to 0.68 (README, Speed). The
// registers are held as xsimd batches (an array of __m512 would drop the type's attributes).
template <class T, class A, std::size_t M>
struct lanes : zmm<T, A> {
    using Z = zmm<T, A>;
    using batch = xsimd::batch<T, A>;
    using reg = std::array<batch, M>;
    using mask = std::array<typename Z::mask, M>;

    static batch wrap(typename Z::reg r) noexcept { return batch(r); }
    static typename Z::mask wrap(typename Z::mask m) noexcept { return m; }

    // f on lane K of each argument; a register it returns as a batch.
    template <std::size_t K, class F, class... X>
    static auto at(F const& f, X const&... x) noexcept {
        return wrap(f(lane<K>(x)...));
    }

    template <class F, class... X>
    static auto map(F const& f, X const&... x) noexcept {
        return [&]<std::size_t... K>(std::index_sequence<K...>) {
            return std::array{at<K>(f, x...)...};
        }
        (std::make_index_sequence<M>{});
    }

    // clang-format off
    static auto set(auto const&... x) noexcept { return map([](auto const&... v) { return Z::set(v...); }, x...); }
    static auto add(auto const&... x) noexcept { return map([](auto const&... v) { return Z::add(v...); }, x...); }
    static auto sub(auto const&... x) noexcept { return map([](auto const&... v) { return Z::sub(v...); }, x...); }
    static auto mul(auto const&... x) noexcept { return map([](auto const&... v) { return Z::mul(v...); }, x...); }
    static auto div(auto const&... x) noexcept { return map([](auto const&... v) { return Z::div(v...); }, x...); }
    static auto fma(auto const&... x) noexcept { return map([](auto const&... v) { return Z::fma(v...); }, x...); }
    static auto fnma(auto const&... x) noexcept { return map([](auto const&... v) { return Z::fnma(v...); }, x...); }
    static auto fms(auto const&... x) noexcept { return map([](auto const&... v) { return Z::fms(v...); }, x...); }
    static auto fma_down(auto const&... x) noexcept { return map([](auto const&... v) { return Z::fma_down(v...); }, x...); }
    static auto fma_up(auto const&... x) noexcept { return map([](auto const&... v) { return Z::fma_up(v...); }, x...); }
    static auto min(auto const&... x) noexcept { return map([](auto const&... v) { return Z::min(v...); }, x...); }
    static auto max(auto const&... x) noexcept { return map([](auto const&... v) { return Z::max(v...); }, x...); }
    static auto scalef(auto const&... x) noexcept { return map([](auto const&... v) { return Z::scalef(v...); }, x...); }
    static auto rcp14(auto const&... x) noexcept { return map([](auto const&... v) { return Z::rcp14(v...); }, x...); }
    static auto shift_left(auto const&... x) noexcept { return map([](auto const&... v) { return Z::shift_left(v...); }, x...); }
    static auto lookup(auto const&... x) noexcept { return map([](auto const&... v) { return Z::lookup(v...); }, x...); }
    static auto shift_left16(auto const&... x) noexcept { return map([](auto const&... v) { return Z::shift_left16(v...); }, x...); }
    static auto lookup16(auto const&... x) noexcept { return map([](auto const&... v) { return Z::lookup16(v...); }, x...); }
    static auto at_least(auto const&... x) noexcept { return map([](auto const&... v) { return Z::at_least(v...); }, x...); }
    static auto abs(auto const&... x) noexcept { return map([](auto const&... v) { return Z::abs(v...); }, x...); }
    static auto abs_min(auto const&... x) noexcept { return map([](auto const&... v) { return Z::abs_min(v...); }, x...); }
    static auto or_sign(auto const&... x) noexcept { return map([](auto const&... v) { return Z::or_sign(v...); }, x...); }
    // clang-format on
};

// The kernels below are templates on V = lanes<T, A, M>: M batches of T in lockstep. The
// architecture tag A in V only keeps their copies in translation units built for different
// instruction sets distinct symbols.

// Horner's rule on a table of coefficients, lowest degree first.
template <class V, class T, std::size_t N>
inline typename V::reg horner(std::array<T, N> const& c, typename V::reg const& x) noexcept {
    return detail::horner(
        c, x, [](auto a, auto b, auto d) { return V::fma(a, b, d); },
        [](T v) { return V::set(v); });
}

// How a kernel indexes its tables by the rounded argument n: N = V::table_size entries, or 16 with
// Table16 (float: every other entry of the tables of 32, in one register, see zmm::lookup16; in
// double the same tables). exp_p: e^r = 1 + r p(r) over [0, ln2/N].
template <class V, bool Table16>
struct indexing {
    using T = typename V::value_type;
    using reg = typename V::reg;
    static constexpr bool every_other = Table16 && V::table_size != 16;
    static constexpr T shifter = Table16 ? V::shifter16 : V::shifter; // its ulp is 1/N
    static constexpr auto exp_p = [] {
        if constexpr (every_other)
            return std::to_array(coefficients<T>::exp_table16_p);
        else
            return std::to_array(coefficients<T>::exp_table_p);
    }();

    // The entries of a table of V::table_size that the lookup uses.
    template <std::size_t Size>
    static constexpr auto entries(T const (&table)[Size]) noexcept {
        static_assert(Size == V::table_size);
        constexpr std::size_t step = every_other ? 2 : 1;
        std::array<T, Size / step> used{};
        for (std::size_t j = 0; j < used.size(); ++j)
            used[j] = table[j * step];
        return used;
    }
    // Entry j of a table of N.
    static reg lookup(auto const& table, reg const& n) noexcept {
        if constexpr (Table16)
            return V::lookup16(table.data(), n);
        else
            return V::lookup(table.data(), n);
    }
    // 2^K (1 + j/N) times the power of two the shifter carries, from n's bits.
    static reg shift_left(reg const& n) noexcept {
        if constexpr (Table16)
            return V::shift_left16(n);
        else
            return V::shift_left(n);
    }
};

// exp(z) = 2^floor(kf) * (t_hi + s_lo) for z = Scale * a (Scale = -1 or -2; a in [0, max_arg] or
// NaN: the caller clamps, so that z >= min_arg), |s_lo| < 0.045 t_hi, with a relative error below
// 2^-(p+4) (p: the type's precision). kf = m/N with m = floor(z * N/ln2): the lookup 2^(j/N), j = m
// mod N, is exact to 2^-(2p) as hi + lo, and r = z - kf ln2 lies in [0, ln2/N], so that t <= 1. The
// reduction runs on a, without forming z: rho = a - kf ln2/Scale = r/Scale, and the polynomial's
// coefficients carry the powers of Scale, so every step is the one on z times a power of two and
// rounds alike. With OnePartLn2, kf ln2 is one fused product with ln2 rounded to T: one instruction
// fewer, and an error of about |kf| 2^-30 in rho (float), for tanh, whose result depends less on
// rho the larger |kf| is (measured over all floats: see tanh_accurate). With Table16, N = 16 (see
// indexing), for the derivatives: 0.82 ULP over all floats instead of 0.76; the tanh (within
// 1 ULP) would need a longer polynomial.
template <class V, int Scale, bool OnePartLn2 = false, bool Table16 = false>
struct exp_table {
    using T = typename V::value_type;
    using reg = typename V::reg;
    static constexpr T max_arg = V::min_arg / T(Scale);
    reg t_hi, s_lo, kf;

    explicit exp_table(reg const& a) noexcept {
        static_assert(Scale == -1 || Scale == -2);
        constexpr T scale = Scale;
        using I = indexing<V, Table16>;
        static constexpr std::array hi = I::entries(coefficients<T>::exp2_hi);
        static constexpr std::array lo = I::entries(coefficients<T>::exp2_lo);
        // p_k Scale^(k+1): r p(r) = rho * p~(rho).
        static constexpr std::array p = [] {
            auto c = I::exp_p;
            T power = scale;
            for (T& v : c) {
                v *= power;
                power *= scale;
            }
            return c;
        }();
        reg const n = V::fma_down(a, V::set(scale * V::log2e), V::set(I::shifter));
        // n's last use is a lookup, which can then overwrite it (GCC copies a table otherwise).
        kf = V::sub(n, V::set(I::shifter));
        t_hi = I::lookup(hi, n);
        reg const t_lo = I::lookup(lo, n);
        reg rho;
        if constexpr (OnePartLn2) {
            rho = V::fnma(kf, V::set(T(V::ln2_hi + V::ln2_lo) / scale), a);
        } else {
            rho = V::fnma(kf, V::set(V::ln2_hi / scale), a);
            rho = V::fnma(kf, V::set(V::ln2_lo / scale), rho);
        }
        s_lo = V::fma(V::mul(t_hi, rho), horner<V>(p, rho), t_lo);
    }
};

// 1/d to 2^-14 (float: vrcp14ps) or 2^-53 (double: a division).
template <class V>
inline typename V::reg reciprocal(typename V::reg const& d) noexcept {
    using T = typename V::value_type;
    if constexpr (std::is_same_v<T, double>)
        return V::div(V::set(1.0), d);
    else
        return V::rcp14(d);
}

// 1 + t for t = exp(z) = 2^k (t_hi + s_lo) <= 1, as its two scaled parts.
template <class V>
struct one_plus_table {
    using T = typename V::value_type;
    using reg = typename V::reg;
    reg t_a, t_b;

    template <int Scale, bool OnePartLn2, bool Table16>
    explicit one_plus_table(exp_table<V, Scale, OnePartLn2, Table16> const& e) noexcept
        : t_a(V::scalef(e.t_hi, e.kf)), t_b(V::scalef(e.s_lo, e.kf)) {}

    // 1/(1 + t) to 2^-14 (float: vrcp14ps) or 2^-53 (double: a division).
    reg reciprocal() const noexcept {
        return detail::avx512::reciprocal<V>(V::add(V::add(V::set(T(1)), t_a), t_b));
    }

    // e = 1 - w (1 + t), so that 1/(1 + t) = w/(1 - e), for w in [1/2, 2]: exact to an ulp of
    // itself, since 1 - w is exact (Sterbenz's lemma) and the products are fused.
    reg residual(reg const& w) const noexcept {
        return V::fnma(w, t_b, V::fnma(w, t_a, V::sub(V::set(T(1)), w)));
    }
};

// factor * t/(1+t)^2, t = exp(Scale * a), a = |x|, as t w^2 with w = 1/(1+t) = w0/(1 - e),
// e = 1 - w0 (1 + t) the residual of w0: w^2 = w0^2 (1 + 2e) to 3e^2 (2^-26.4 in float, where
// |e| <= 2^-14; nothing in double), with w0^2 exact as w2_hi + (w0^2 - w2_hi); then
// t = 2^k (t_hi + s_lo) times that, rounded once before 2^k is applied.
template <int Scale, class V>
inline typename V::reg logistic_slope(typename V::reg const& x,
                                      typename V::value_type factor) noexcept {
    using T = typename V::value_type;
    using reg = typename V::reg;
    using table = exp_table<V, Scale, false, true>;
    // Not abs_min: its vrangeps turns a NaN into max_arg, and here nothing else keeps the NaN.
    table const e(V::min(V::set(table::max_arg), V::abs(x)));
    one_plus_table<V> const d(e);
    reg const w0 = d.reciprocal();
    reg const residual = d.residual(w0);
    reg const w2_hi = V::mul(w0, w0);
    reg const w2_lo = V::fma(V::add(w2_hi, w2_hi), residual, V::fms(w0, w0, w2_hi));
    reg const t_sum = V::add(e.t_hi, e.s_lo);
    reg const product = V::fma(e.t_hi, w2_hi, V::fma(t_sum, w2_lo, V::mul(e.s_lo, w2_hi)));
    if (factor == T(1))
        return V::scalef(product, e.kf);
    // The factor joins 2^k: one multiplication fewer on the critical path, and the same result
    // (scaling by a power of two, rounded once either way).
    return V::scalef(product, V::add(e.kf, V::set(T(std::ilogb(factor)))));
}

// tanh(x) within 1 ULP. Below the limit (|x| < 0.2, as z = x*x < 0.04), x + x z g(z), like the
// generic tanh_small but shorter (tanh_g_short: one coefficient fewer in float, two in double)
// and on x itself, since it is odd. Above it, 2w - 1 with w = 1/(1 + q), q = exp(-2a) < 0.68,
// a = min(|x|, where tanh rounds to 1) in one vrangeps: w is in (0.59, 1], so 2 w_0 - 1 is exact
// (Sterbenz's lemma), and 2 w_0 e with the residual e = 1 - w_0 (1 + q) joins it in one fma, the
// only rounding; w's error is amplified at most 2/(1 - q) < 6.1 times. Those last two
// instructions are masked to the lanes above the limit and keep the polynomial's result
// elsewhere: no blend. A NaN is not above the limit (vrangeps would make it the clamp value),
// so it keeps the polynomial's NaN. The sign of x is put back last: the polynomial already has
// it but for x = -0 (the fma gives +0), and tanh is exactly odd. Float takes kf ln2 in one part
// (exp_table): 0.658 ULP over all floats with it, 0.643 without (the exhaustive test). Each of
// the two shortcuts took about 5% off the time in our measurements.
template <class V>
inline typename V::reg tanh_accurate(typename V::reg const& x) noexcept {
    using T = typename V::value_type;
    using reg = typename V::reg;
    static constexpr std::array g = std::to_array(coefficients<T>::tanh_g_short);
    static constexpr T limit = coefficients<T>::tanh_short_limit;
    exp_table<V, -2, std::is_same_v<T, float>> const e(V::abs_min(x, V::set(V::tanh_saturation)));
    one_plus_table<V> const d(e);
    reg const one = V::set(T(1));
    reg w, two_over_d; // w0, and the factor of the residual
    if constexpr (std::is_same_v<T, double>) {
        // w0 = 1/(1 + t_a) rounded, started before t_b is known, and 2/(1 + q) rounded: the
        // correction 2 e/(1 + q) is then up to about 2% of the result, each factor good to 2^-53.
        // Two divisions: shorter on the critical path than a reciprocal of 1 + q alone.
        reg const d_hi = V::add(one, d.t_a);
        w = V::div(one, d_hi);
        two_over_d = V::div(V::set(T(2)), V::add(d_hi, d.t_b));
    } else {
        w = d.reciprocal();
        two_over_d = V::add(w, w);
    }
    // The polynomial comes late in the source: GCC 12 kept its four results through the whole
    // exponential branch when it came first, and spilled them (float 8% slower, double 6%).
    reg const z = V::mul(x, x);
    reg const small = V::fma(V::mul(x, z), horner<V>(g, z), x);
    auto const large = V::at_least(z, V::set(limit * limit));
    reg const head = V::sub(small, large, V::add(w, w), one);
    return V::or_sign(V::fma(d.residual(w), two_over_d, head, large), x);
}

// The derivatives of relu and leaky_relu by the class of x, in one instruction: 1 for x >= 0
// (-0 and +inf included), `below` for x < 0 (-inf included), and a NaN passes unchanged, as in
// the generic kernels. Nibble k of the table is the result for class k: QNaN, SNaN, +-0, +1,
// -inf, +inf, negative, positive; 0 = the fallback operand, 1 = x itself, 10 = +1.
inline constexpr std::int32_t step_table = std::int32_t(0xA0A0AA11u);

template <class T, class A>
inline typename zmm<T, A>::reg step(typename zmm<T, A>::reg x, T below) noexcept {
    return zmm<T, A>::fixup(zmm<T, A>::set(below), x, step_table);
}

// sigmoid(x) = 1/(1 + e^-x) = s/(s + u), both scaled by 2^c (1 + j/N): for x log2(e) rounded up
// to K + j/N (j = 0 .. N-1) and r = (K + j/N) ln2 - x in [0, ln2/N],
// s = 2^(K + c) (1 + j/N), built from n's bits by one shift (its shifter carries the exponent
// bias and c), and u = T_j e^r with T_j = 2^c (1 + j/N) 2^(-j/N) = T_hi + T_lo. Nothing overflows
// or needs a select: x is clamped where the result rounds to 0 or 1 anyway, and where it rounds
// to 0, s has a zero exponent field and is tiny enough.
//
// N: see indexing.
template <class V, bool Table16 = false>
struct sigmoid_reduction {
    using T = typename V::value_type;
    using reg = typename V::reg;
    using I = indexing<V, Table16>;
    static constexpr T shifter = I::shifter + T(V::exponent_bias + coefficients<T>::sigmoid_scale);
    reg n, r, s;

    explicit sigmoid_reduction(reg const& x) noexcept {
        reg const xc = V::min(V::set(V::sigmoid_hi), V::max(V::set(V::sigmoid_lo), x));
        n = V::fma_up(xc, V::set(V::log2e), V::set(shifter));
        reg const kf = V::sub(n, V::set(shifter)); // K + j/N
        r = V::fma(kf, V::set(V::ln2_lo), V::fms(kf, V::set(V::ln2_hi), xc));
        s = I::shift_left(n);
    }

    // T_j (e^r - 1) + addend, rounded once after the product T_j r.
    reg u_minus_table(reg const& t, reg const& addend) const noexcept {
        return V::fma(V::mul(t, r), horner<V>(I::exp_p, r), addend);
    }
};

// Within 1 ULP (0.60 over all floats): u = T_hi + u_lo, d = s + u carried as d_hi + d_lo (the
// sum s + T_hi and its exact error, by Fast2Sum on the larger and smaller of the two, plus u_lo).
// The quotient y0 = s/d_hi is rounded while u_lo is still being computed (off the critical
// path); s - y0 d_hi is its exact remainder, so e = s - y0 d_hi - y0 d_lo is s - y0 d to an ulp
// of itself, and y = y0 + e/d, with e/d at most about 3% of y: one fma of e and 1/d rounded,
// the only rounding that reaches the result: a subnormal result is rounded once, and the
// roundings of e and of 1/d fall far below its ulp.
template <class V>
inline typename V::reg sigmoid_accurate(typename V::reg const& x) noexcept {
    using T = typename V::value_type;
    using reg = typename V::reg;
    using I = typename sigmoid_reduction<V>::I;
    static constexpr std::array hi = I::entries(coefficients<T>::sigmoid_table_hi);
    static constexpr std::array lo = I::entries(coefficients<T>::sigmoid_table_lo);
    sigmoid_reduction<V> const q(x);
    reg const t_hi = I::lookup(hi, q.n);
    reg const u_lo = q.u_minus_table(t_hi, I::lookup(lo, q.n));
    reg const d_hi = V::add(q.s, t_hi);
    reg const d_lo = V::add(V::sub(V::min(q.s, t_hi), V::sub(d_hi, V::max(q.s, t_hi))), u_lo);
    reg const y0 = V::div(q.s, d_hi);
    reg const e = V::fnma(y0, d_lo, V::fnma(y0, d_hi, q.s));
    return V::fma(e, V::div(V::set(T(1)), V::add(d_hi, d_lo)), y0);
}

// s/(s + T_hi e^r): e^r rounded, s + T_hi e^r in one fma, one division; N = 16 (one register in
// float). About 3.3 ULP. (The accurate kernel keeps 32 entries: with 16, its polynomial of the
// same degree took it from 0.60 to 0.80 ULP, for about 1% in our measurements.)
template <class V>
inline typename V::reg sigmoid_fast(typename V::reg const& x) noexcept {
    using T = typename V::value_type;
    using reg = typename V::reg;
    using I = typename sigmoid_reduction<V, true>::I;
    static constexpr std::array table = I::entries(coefficients<T>::sigmoid_table_hi);
    sigmoid_reduction<V, true> const q(x);
    reg const t = I::lookup(table, q.n);
    reg const exp_r = V::fma(horner<V>(I::exp_p, q.r), q.r, V::set(T(1)));
    return V::div(q.s, V::fma(t, exp_r, q.s));
}

// tanh(x) = e/(e + 2) with e = expm1(2x), which is odd and needs no select and no polynomial
// for small x: 2x = (K + j/N) ln2 + 2h, rounded to nearest so that small x has K = j = 0, and
// e = (s Q_hi - 1) + s (Q_hi e(h) + Q_lo) with s = 2^K (1 + j/N) and
// Q_hi + Q_lo = 2^(j/N) / (1 + j/N). s comes from n's bits by one shift, as in sigmoid (its
// shifter carries the exponent bias). The first difference is rounded once (the product s Q_hi
// is exact inside the fma), and it is exact where it cancels most: next to 1, s Q_hi is a
// multiple of 2^(K-28) (float; 2^(K-57) double). The reduction takes ln2 in one part: its error
// grows with K, where tanh no longer depends on it. x is clamped where tanh rounds to +-1.
// N = 16, one register in float (as in sigmoid_fast), with one more coefficient in e(h) than 32
// entries needed (without it, 4.5 ULP next to 0). About 3.5 ULP.
template <class V>
inline typename V::reg tanh_fast(typename V::reg const& x) noexcept {
    using T = typename V::value_type;
    using reg = typename V::reg;
    static constexpr std::array hi = std::to_array(coefficients<T>::tanh_table_hi);
    static constexpr std::array lo = [] {
        auto table = std::to_array(coefficients<T>::tanh_table_lo);
        table[0] = T(-0.0); // so that x = -0 gives -0 (see em1)
        return table;
    }();
    static constexpr std::array c = std::to_array(coefficients<T>::expm1_2h);
    using I = indexing<V, true>;
    constexpr T shifter = I::shifter + T(V::exponent_bias);
    reg const xc = V::min(V::set(V::tanh_saturation), V::max(V::set(-V::tanh_saturation), x));
    reg const n = V::fma(xc, V::set(2 * V::log2e), V::set(shifter));
    reg const q_hi = I::lookup(hi, n);
    reg const q_lo = I::lookup(lo, n);
    reg const kf = V::sub(n, V::set(shifter));
    reg const h = V::fnma(kf, V::set(T(V::ln2_hi + V::ln2_lo) / 2), xc); // x - kf ln2/2
    reg const e = V::mul(horner<V>(c, h), h);
    reg const s = I::shift_left(n); // 2^K (1 + j/N)
    reg const one_minus_head = V::fnma(q_hi, s, V::set(T(1)));
    // tail - (1 - head), not the sum: for x = +-0 it is +-0 (the tail is fma(1, +-0, -0)).
    reg const em1 = V::fms(V::fma(q_hi, e, q_lo), s, one_minus_head);
    return V::div(em1, V::add(em1, V::set(T(2))));
}

// kernel(std::type_identity<V>{}, batches) on x, an xsimd::batch of T or a batch_group, with
// V = lanes<T, A, M>: a batch alone (M = 1), or all the group's batches in lockstep. (The
// accurate tanh ran two at a time while four copies of its values did not fit in the 32
// registers; trimmed, it runs faster four at a time.)
template <class X, class Kernel>
inline X run(X const& x, Kernel const& kernel) noexcept {
    using T = typename X::value_type;
    using A = typename X::arch_type;
    if constexpr (!is_batch_group<X>::value)
        return kernel(std::type_identity<lanes<T, A, 1>>{}, std::array{x})[0];
    else
        return X{kernel(std::type_identity<lanes<T, A, X::count>>{}, x.batches)};
}

} // namespace avx512

// x through the AVX-512 kernel where the architecture has one (a batch_group in lockstep: see
// avx512::run), else through the generic kernel, batch by batch.
template <class X, class Avx512, class Generic>
inline X by_architecture(X const& x, Avx512 const& avx512_kernel,
                         Generic const& generic_kernel) noexcept {
    if constexpr (avx512_kernels_for<X>)
        return avx512::run(x, avx512_kernel);
    else
        return batchwise(x, generic_kernel);
}

} // namespace detail
SIMDACT_END_NAMESPACE
