// The shared core of sigmoid and tanh: quotients n/(1+t) with t = exp(z), z <= 0, computed with
// one division and a residual correction, so that no step loses relative accuracy.
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/arith.hpp>
#include <simdact/detail/avx512.hpp>
#include <simdact/detail/batch_group.hpp>
#include <simdact/detail/exp.hpp>

SIMDACT_BEGIN_NAMESPACE
namespace detail {

// A value carried as the unevaluated sum hi + lo, |lo| much smaller than |hi|.
template <class T, class A>
struct split_value {
    xsimd::batch<T, A> hi, lo;
};

// 1 + t for t = exp(z) = 2^k (e.hi + e.lo) <= 1, kept exactly as hi + lo, with 1/hi.
template <class T, class A>
struct one_plus {
    using B = xsimd::batch<T, A>;
    B hi, lo, rcp;

    one_plus(B const& t_hi, B const& t_lo) noexcept
        : hi(B(T(1)) + t_hi), lo(((B(T(1)) - hi) + t_hi) + t_lo), rcp(detail::divide(B(T(1)), hi)) {
    }

    // (n_hi + n_lo) / (1 + t): first guess n_hi/hi, then one Newton step on the exact residual.
    split_value<T, A> divide(B const& n_hi, B const& n_lo) const noexcept {
        B const y = n_hi * rcp;
        B const residual = neg_mul_add(y, hi, n_hi) + (n_lo - y * lo);
        return {y, residual * rcp};
    }
};

// t = exp(z) with z <= 0, as 2^k (hi + lo), and 1 + t.
template <class T, class A>
struct exp_and_one_plus {
    using B = xsimd::batch<T, A>;
    exp_split<T, A> t;
    one_plus<T, A> d;

    explicit exp_and_one_plus(B const& z) noexcept : t(z), d(scaled(t)) {}

private:
    static one_plus<T, A> scaled(exp_split<T, A> const& e) noexcept {
        B const p = pow2_nonpositive_or_tiny(e.k);
        return one_plus<T, A>(e.hi * p, e.lo * p);
    }
};

namespace generic {

// sigmoid(x): 1/(1+t) for x >= 0, t/(1+t) for x < 0, t = exp(-|x|). Neither overflows or
// cancels; within 1 ULP.
template <class T, class A>
inline xsimd::batch<T, A> sigmoid_accurate(xsimd::batch<T, A> const& x) noexcept {
    using B = xsimd::batch<T, A>;
    exp_and_one_plus<T, A> const e(-xsimd::abs(x));
    auto const negative = x < B(T(0));
    auto const q = e.d.divide(xsimd::select(negative, e.t.hi, B(T(1))),
                              xsimd::select(negative, e.t.lo, B(T(0))));
    B const y = q.hi + q.lo;
    // t/(1+t) was computed without 2^k, so that a subnormal result is rounded only here.
    return xsimd::select(negative, scale_down(y, e.t.k), y);
}

// factor * t/(1+t)^2 for t = exp(Scale * |x|) and a power of two factor: sigmoid'(x) with
// Scale = -1 and factor 1, tanh'(x) with Scale = -2 and factor 4. The product of t/(1+t) and
// 1/(1+t), each carried in two parts, rounded once (subnormal results included); keeps its
// relative accuracy in saturation.
template <int Scale, class T, class A>
inline xsimd::batch<T, A> logistic_slope(xsimd::batch<T, A> const& x, T factor) noexcept {
    using B = xsimd::batch<T, A>;
    B const a = xsimd::abs(x);
    exp_and_one_plus<T, A> const e(Scale == -1 ? -a : B(T(Scale)) * a);
    auto const v = e.d.divide(e.t.hi, e.t.lo);
    auto const w = e.d.divide(B(T(1)), B(T(0)));
    B const product = mul_add(v.hi, w.hi, mul_add_fast(v.hi, w.lo, v.lo * w.hi));
    return scale_down(product * B(factor), e.t.k);
}

// sigmoid with one rounded exp and one division: about 2 ULP.
template <class T, class A>
inline xsimd::batch<T, A> sigmoid_fast(xsimd::batch<T, A> const& x) noexcept {
    using B = xsimd::batch<T, A>;
    B const t = exp_nonpositive(-xsimd::abs(x));
    return detail::divide(xsimd::select(x < B(T(0)), t, B(T(1))), B(T(1)) + t);
}

} // namespace generic

// The kernels for an xsimd::batch or a batch_group: AVX-512's own (a group in lockstep), else
// the generic ones, batch by batch.

template <class X>
inline X sigmoid_accurate(X const& x) noexcept {
    return by_architecture(
        x,
        [](auto v, auto const& r) {
            return avx512::sigmoid_accurate<typename decltype(v)::type>(r);
        },
        [](auto const& b) { return generic::sigmoid_accurate(b); });
}

template <int Scale, class X>
inline X logistic_slope(X const& x, typename X::value_type factor) noexcept {
    return by_architecture(
        x,
        [factor](auto v, auto const& r) {
            return avx512::logistic_slope<Scale, typename decltype(v)::type>(r, factor);
        },
        [factor](auto const& b) { return generic::logistic_slope<Scale>(b, factor); });
}

template <class X>
inline X sigmoid_fast(X const& x) noexcept {
    return by_architecture(
        x,
        [](auto v, auto const& r) { return avx512::sigmoid_fast<typename decltype(v)::type>(r); },
        [](auto const& b) { return generic::sigmoid_fast(b); });
}

} // namespace detail
SIMDACT_END_NAMESPACE
