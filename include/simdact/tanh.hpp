// tanh(x), the hyperbolic tangent.
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/coefficients.hpp>
#include <simdact/detail/lanewise.hpp>
#include <simdact/detail/logistic.hpp>

#include <array>

SIMDACT_BEGIN_NAMESPACE
namespace detail {

template <class T, class A>
inline xsimd::batch<T, A> tanh_value(xsimd::batch<T, A> const& x) noexcept {
    using B = xsimd::batch<T, A>;
    // A copy owned by this architecture-specific function: the table shared by all of them
    // would be one weak symbol common to translation units built for different instruction sets.
    static constexpr std::array g = std::to_array(coefficients<T>::tanh_g);
    constexpr int degree = static_cast<int>(g.size()) - 1;

    B const a = xsimd::abs(x);
    // Small |x|: odd polynomial a + a*z*g(z); tiny a stays a exactly.
    B const z = a * a;
    B poly(g[degree]);
    for (int i = degree - 1; i >= 0; --i)
        poly = mul_add(poly, z, B(g[i]));
    B const small = mul_add(a * z, poly, a);
    // Otherwise (1 - q) / (1 + q) with q = exp(-2a); 1 - q is carried exactly as hi + lo.
    B const q = exp_nonpositive(B(T(-2)) * a);
    B const n = B(T(1)) - q;
    B const n_lo = (B(T(1)) - n) - q;
    B const large = one_plus<T, A>(q).divide(n, n_lo);
    B const magnitude = xsimd::select(a < B(coefficients<T>::tanh_poly_limit), small, large);
    // Exactly odd: the sign of x is put back on |tanh(|x|)|.
    return magnitude | (x & B(T(-0.0)));
}

} // namespace detail

/// Hyperbolic tangent, with values in [-1, 1].
///
/// Accepts `float`, `double` and `xsimd::batch<float|double, Arch>`. Max error 2 ULP over all
/// inputs. Exactly odd: tanh(-x) == -tanh(x) bit for bit. Keeps full relative precision for tiny
/// x (tanh(1e-30) == 1e-30, subnormals returned unchanged). Special values: NaN -> NaN,
/// +-inf -> +-1, +-0 -> +-0.
struct tanh {
    template <detail::real_or_batch V, class Arch = xsimd::default_arch>
    V operator()(V const& x) const noexcept {
        return detail::lanewise<Arch>(x, [](auto const& b) { return detail::tanh_value(b); });
    }

    /// tanh'(x) = 1 / cosh^2(x) = 4 sigmoid'(2x): never formed as 1 - tanh^2, so it keeps its
    /// relative accuracy for large |x|. Max error 4 ULP. NaN -> NaN, +-inf -> +0.
    template <detail::real_or_batch V, class Arch = xsimd::default_arch>
    V derivative(V const& x) const noexcept {
        return detail::lanewise<Arch>(x, [](auto const& b) {
            using B = std::decay_t<decltype(b)>;
            using T = typename B::value_type;
            return B(T(4)) * detail::sigmoid_slope(B(T(2)) * b);
        });
    }

    /// tanh' from the saved output y = tanh(x): 1 - y*y with one rounding. Loses the slope once
    /// |y| has rounded to 1 (|x| > 9.0 in float, 19.1 in double), where it returns 0.
    template <detail::real_or_batch V, class Arch = xsimd::default_arch>
    V derivative_from_output(V const& y) const noexcept {
        return detail::lanewise<Arch>(y, [](auto const& b) {
            using B = std::decay_t<decltype(b)>;
            using T = typename B::value_type;
            return detail::mul_add(-b, b, B(T(1)));
        });
    }
};

namespace fast {

/// tanh with a shorter kernel, for users who accept a few ULP: max error 4 ULP over all inputs.
/// Exactly odd, same special values as simdact::tanh; the derivatives are simdact::tanh's.
struct tanh : simdact::tanh {
    template <detail::real_or_batch V, class Arch = xsimd::default_arch>
    V operator()(V const& x) const noexcept {
        return detail::lanewise<Arch>(x, [](auto const& b) { return detail::tanh_value(b); });
    }
};

} // namespace fast

SIMDACT_END_NAMESPACE
