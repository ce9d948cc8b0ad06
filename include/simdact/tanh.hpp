// tanh(x), the hyperbolic tangent.
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/coefficients.hpp>
#include <simdact/detail/lanewise.hpp>
#include <simdact/detail/logistic.hpp>

#include <array>

SIMDACT_BEGIN_NAMESPACE
namespace detail {

namespace generic {

// tanh(|x|) for |x| below coefficients<T>::tanh_poly_limit: a + a*z*g(z), z = a*a. Tiny a stays
// a exactly.
template <class T, class A>
inline xsimd::batch<T, A> tanh_small(xsimd::batch<T, A> const& a) noexcept {
    using B = xsimd::batch<T, A>;
    // A copy owned by this architecture-specific function: the table shared by all of them
    // would be one weak symbol common to translation units built for different instruction sets.
    static constexpr std::array g = std::to_array(coefficients<T>::tanh_g);
    B const z = a * a;
    return mul_add_fast(a * z, polynomial(g, z), a);
}

// The small-argument polynomial below the limit, large(|x|) above it, and the sign of x put back
// (so tanh is exactly odd).
template <class T, class A, class Large>
inline xsimd::batch<T, A> tanh_by_parts(xsimd::batch<T, A> const& x, Large const& large) noexcept {
    using B = xsimd::batch<T, A>;
    B const a = xsimd::abs(x);
    B const magnitude =
        xsimd::select(a < B(coefficients<T>::tanh_poly_limit), tanh_small(a), large(a));
    return magnitude | (x & B(T(-0.0)));
}

// Within 1 ULP: above the limit, (1 - q)/(1 + q) with q = exp(-2a) < 1/2, 1 - q carried exactly.
template <class T, class A>
inline xsimd::batch<T, A> tanh_accurate(xsimd::batch<T, A> const& x) noexcept {
    using B = xsimd::batch<T, A>;
    return tanh_by_parts(x, [](B const& a) {
        exp_and_one_plus<T, A> const e(B(T(-2)) * a);
        B const p = pow2_nonpositive_or_tiny(e.t.k);
        B const q_hi = e.t.hi * p;
        B const n_hi = B(T(1)) - q_hi;
        B const n_lo = ((B(T(1)) - n_hi) - q_hi) - e.t.lo * p;
        auto const y = e.d.divide(n_hi, n_lo);
        return y.hi + y.lo;
    });
}

// About 2.3 ULP: one rounded exp and one division above the limit.
template <class T, class A>
inline xsimd::batch<T, A> tanh_fast(xsimd::batch<T, A> const& x) noexcept {
    using B = xsimd::batch<T, A>;
    return tanh_by_parts(x, [](B const& a) {
        B const q = exp_nonpositive(B(T(-2)) * a);
        return detail::divide(B(T(1)) - q, B(T(1)) + q);
    });
}

} // namespace generic

// For an xsimd::batch or a batch_group, as sigmoid_accurate (logistic.hpp).
template <class X>
inline X tanh_accurate(X const& x) noexcept {
    return by_architecture(
        x,
        [](auto v, auto const& r) { return avx512::tanh_accurate<typename decltype(v)::type>(r); },
        [](auto const& b) { return generic::tanh_accurate(b); });
}

template <class X>
inline X tanh_fast(X const& x) noexcept {
    return by_architecture(
        x, [](auto v, auto const& r) { return avx512::tanh_fast<typename decltype(v)::type>(r); },
        [](auto const& b) { return generic::tanh_fast(b); });
}

} // namespace detail

/// Hyperbolic tangent, with values in [-1, 1].
///
/// Accepts `float`, `double` and `xsimd::batch<float|double, Arch>`. Max error 1 ULP over all
/// inputs (every float checked). Exactly odd: tanh(-x) == -tanh(x) bit for bit. Keeps full relative
/// precision for tiny x (tanh(1e-30) == 1e-30, subnormals returned unchanged). Special values: NaN
/// -> NaN,
/// +-inf -> +-1, +-0 -> +-0.
struct tanh {
    /// It costs more than moving its data, so the span drivers write its results (except
    /// backward_from_output's) with ordinary stores, never streaming ones, which would slow the
    /// loop down (detail/stream.hpp). A functor of your own may declare the same.
    static constexpr bool compute_bound = true;

    template <detail::real_batch_or_group V, class Arch = xsimd::default_arch>
    V operator()(V const& x) const noexcept {
        return detail::lanewise<Arch>(x, [](auto const& b) { return detail::tanh_accurate(b); });
    }

    /// tanh'(x) = 1 / cosh^2(x) = 4 sigmoid'(2x): never formed as 1 - tanh^2, so it keeps its
    /// relative accuracy for large |x|. Max error 2 ULP. NaN -> NaN, +-inf -> +0.
    template <detail::real_batch_or_group V, class Arch = xsimd::default_arch>
    V derivative(V const& x) const noexcept {
        return detail::lanewise<Arch>(x, [](auto const& b) {
            using T = typename std::decay_t<decltype(b)>::value_type;
            return detail::logistic_slope<-2>(b, T(4));
        });
    }

    /// tanh' from the saved output y = tanh(x): 1 - y*y with one rounding. Loses the slope once
    /// |y| has rounded to 1 (|x| > 9.0 in float, 19.1 in double), where it returns 0.
    template <detail::real_or_batch V, class Arch = xsimd::default_arch>
    V derivative_from_output(V const& y) const noexcept {
        return detail::lanewise<Arch>(y, [](auto const& b) {
            using B = std::decay_t<decltype(b)>;
            using T = typename B::value_type;
            return detail::neg_mul_add(b, b, B(T(1)));
        });
    }
};

namespace fast {

/// tanh with a shorter kernel (one rounded exp, one division), for users who accept a few ULP:
/// max error 4 ULP over all inputs.
/// Exactly odd, same special values as simdact::tanh; the derivatives are simdact::tanh's.
struct tanh : simdact::tanh {
    template <detail::real_batch_or_group V, class Arch = xsimd::default_arch>
    V operator()(V const& x) const noexcept {
        return detail::lanewise<Arch>(x, [](auto const& b) { return detail::tanh_fast(b); });
    }
};

} // namespace fast

namespace detail {
template <>
inline constexpr bool group_kernels<simdact::tanh> = true;
template <>
inline constexpr bool group_kernels<simdact::fast::tanh> = true;
} // namespace detail

SIMDACT_END_NAMESPACE
