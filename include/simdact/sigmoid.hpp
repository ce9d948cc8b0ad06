// sigmoid(x) = 1 / (1 + exp(-x)).
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/lanewise.hpp>
#include <simdact/detail/logistic.hpp>

SIMDACT_BEGIN_NAMESPACE

/// Logistic sigmoid, 1 / (1 + exp(-x)), with values in [0, 1] ((0, 1) wherever the result is
/// representable).
///
/// Accepts `float`, `double` and `xsimd::batch<float|double, Arch>`. Max error 1 ULP over all
/// inputs, subnormal results included (every float checked; see the README's accuracy table).
/// Special values: NaN -> NaN, -inf -> +0, +inf -> 1, +-0 -> 0.5. Never overflows: large
/// negative x gives the (possibly subnormal) value, or +0 below the smallest subnormal.
struct sigmoid {
    /// It costs more than moving its data, so the span drivers write its results (except
    /// backward_from_output's) with ordinary stores, never streaming ones, which would slow the
    /// loop down (detail/stream.hpp). A functor of your own may declare the same.
    static constexpr bool compute_bound = true;

    template <detail::real_batch_or_group V, class Arch = xsimd::default_arch>
    V operator()(V const& x) const noexcept {
        return detail::lanewise<Arch>(x, [](auto const& b) { return detail::sigmoid_accurate(b); });
    }

    /// sigmoid'(x) = sigmoid(x) * sigmoid(-x), computed as t / (1 + t)^2 with t = exp(-|x|), so it
    /// keeps its relative accuracy in saturation (sigmoid'(30) = 9.36e-14, not 0). Max error 2 ULP.
    /// NaN -> NaN, +-inf -> +0.
    template <detail::real_batch_or_group V, class Arch = xsimd::default_arch>
    V derivative(V const& x) const noexcept {
        return detail::lanewise<Arch>(x, [](auto const& b) {
            using T = typename std::decay_t<decltype(b)>::value_type;
            return detail::logistic_slope<-1>(b, T(1));
        });
    }

    /// sigmoid' from the saved output y = sigmoid(x): y * (1 - y), one rounding. Exact to the
    /// extent y is; but once y has rounded to 1 (x > 16.6 in float, 36.7 in double) the slope
    /// is lost and this returns 0 where derivative(x) does not. Prefer derivative(x) when x is
    /// at hand.
    template <detail::real_or_batch V, class Arch = xsimd::default_arch>
    V derivative_from_output(V const& y) const noexcept {
        return detail::lanewise<Arch>(y,
                                      [](auto const& b) { return detail::neg_mul_add(b, b, b); });
    }
};

namespace fast {

/// sigmoid with a shorter kernel (one rounded exp, one division), for users who accept a few
/// ULP: max error 4 ULP over all inputs, subnormal results included. Same special values and
/// saturation as simdact::sigmoid; the derivatives are simdact::sigmoid's.
struct sigmoid : simdact::sigmoid {
    /// Its forward kernel costs less than moving its data, so forward, alone, writes arrays far
    /// larger than the cache with streaming stores (detail/stream.hpp); the derivatives, which
    /// are simdact::sigmoid's, do not.
    static constexpr bool forward_compute_bound = false;

    template <detail::real_batch_or_group V, class Arch = xsimd::default_arch>
    V operator()(V const& x) const noexcept {
        return detail::lanewise<Arch>(x, [](auto const& b) { return detail::sigmoid_fast(b); });
    }
};

} // namespace fast

namespace detail {
template <>
inline constexpr bool group_kernels<simdact::sigmoid> = true;
template <>
inline constexpr bool group_kernels<simdact::fast::sigmoid> = true;
} // namespace detail

SIMDACT_END_NAMESPACE
