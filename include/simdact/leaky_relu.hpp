// leaky_relu(x) = x for x >= 0, alpha * x otherwise.
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/avx512.hpp>
#include <simdact/detail/lanewise.hpp>

SIMDACT_BEGIN_NAMESPACE

/// Leaky rectified linear unit: x for x >= 0, alpha * x for x < 0. The small slope keeps a
/// gradient flowing for negative inputs (the cure for "dying ReLU").
///
/// `alpha` is converted to the element type at each call (0.01 becomes 0.01f for float).
/// Accepts `float`, `double` and `xsimd::batch<float|double, Arch>`. The result is alpha * x
/// correctly rounded (exact for x >= 0). Special values: NaN -> NaN, -0 -> -0, +inf -> +inf,
/// -inf -> -inf for alpha > 0.
struct leaky_relu {
    double alpha = 0.01;

    template <detail::real_or_batch V, class Arch = xsimd::default_arch>
    V operator()(V const& x) const noexcept {
        return detail::lanewise<Arch>(x, [a = alpha](auto const& b) {
            using B = std::decay_t<decltype(b)>;
            using T = typename B::value_type;
            return xsimd::select(b < B(0), b * B(static_cast<T>(a)), b);
        });
    }

    /// 1 for x >= 0, alpha for x < 0, NaN for NaN.
    template <detail::real_or_batch V, class Arch = xsimd::default_arch>
    V derivative(V const& x) const noexcept {
        return detail::lanewise<Arch>(x, [a = alpha](auto const& b) {
            using B = std::decay_t<decltype(b)>;
            using T = typename B::value_type;
#if XSIMD_WITH_AVX512F
            if constexpr (detail::avx512_kernels<T, typename B::arch_type>)
                return B(detail::avx512::step<T, typename B::arch_type>(b, static_cast<T>(a)));
#endif
            return xsimd::select(b < B(0), B(static_cast<T>(a)), xsimd::select(b >= B(0), B(1), b));
        });
    }
};

SIMDACT_END_NAMESPACE
