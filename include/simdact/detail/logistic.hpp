// The shared core of sigmoid and tanh: quotients n/(1+t) for t = exp(-a) in [0, 1], computed with
// one reciprocal and a residual correction, so that no step loses relative accuracy.
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/arith.hpp>
#include <simdact/detail/exp.hpp>

SIMDACT_BEGIN_NAMESPACE
namespace detail {

// 1 + t kept exactly as hi + lo, with its reciprocal.
template <class T, class A>
struct one_plus {
    using B = xsimd::batch<T, A>;
    B hi, lo, rcp;

    explicit one_plus(B const& t) noexcept
        : hi(B(T(1)) + t), lo(t - (hi - B(T(1)))), rcp(B(T(1)) / hi) {}

    // (n + n_lo) / (1 + t): first guess n*rcp, then one Newton step on the exact residual.
    B divide(B const& n, B const& n_lo = B(T(0))) const noexcept {
        B const r = n * rcp;
        B const residual = mul_add(-r, hi, n) + (n_lo - r * lo);
        return mul_add(residual, rcp, r);
    }
};

// sigmoid(x) and sigmoid'(x) from t = exp(-|x|).
template <class T, class A>
inline xsimd::batch<T, A> sigmoid_value(xsimd::batch<T, A> const& x) noexcept {
    using B = xsimd::batch<T, A>;
    B const t = exp_nonpositive(-xsimd::abs(x));
    one_plus<T, A> const d(t);
    // x >= 0: 1/(1+t); x < 0: t/(1+t). Neither ever overflows or cancels.
    return d.divide(xsimd::select(x < B(T(0)), t, B(T(1))));
}

// sigmoid(x) * sigmoid(-x) = t/(1+t)^2: keeps full relative accuracy in saturation.
template <class T, class A>
inline xsimd::batch<T, A> sigmoid_slope(xsimd::batch<T, A> const& x) noexcept {
    using B = xsimd::batch<T, A>;
    B const t = exp_nonpositive(-xsimd::abs(x));
    one_plus<T, A> const d(t);
    return d.divide(t) * d.divide(B(T(1)));
}

} // namespace detail
SIMDACT_END_NAMESPACE
