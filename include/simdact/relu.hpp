// relu(x) = max(0, x).
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/avx512.hpp>
#include <simdact/detail/lanewise.hpp>
#include <simdact/detail/relu_max.hpp>

SIMDACT_BEGIN_NAMESPACE

/// Rectified linear unit: relu(x) = x for x >= 0, 0 for x < 0.
///
/// Accepts `float`, `double` and `xsimd::batch<float|double, Arch>`. Exact (no rounding).
/// Special values: relu(NaN) = NaN, relu(-0) = -0 (x >= 0 holds for -0, so it is the identity
/// branch), relu(+inf) = +inf, relu(-inf) = +0.
struct relu {
    template <detail::real_or_batch V, class Arch = xsimd::default_arch>
    V operator()(V const& x) const noexcept {
        return detail::lanewise<Arch>(x, [](auto const& b) { return detail::relu_max(b); });
    }

    /// relu'(x) = 1 for x >= 0 (so relu'(0) = 1, as in the source material; PyTorch and
    /// TensorFlow use 0 there), 0 for x < 0, NaN for NaN.
    template <detail::real_or_batch V, class Arch = xsimd::default_arch>
    V derivative(V const& x) const noexcept {
        return detail::lanewise<Arch>(x, [](auto const& b) {
            using B = std::decay_t<decltype(b)>;
#if XSIMD_WITH_AVX512F
            using T = typename B::value_type;
            using A = typename B::arch_type;
            if constexpr (detail::avx512_kernels<T, A>)
                return B(detail::avx512::step<T, A>(b, T(0)));
#endif
            return xsimd::select(b < B(0), B(0), xsimd::select(b >= B(0), B(1), b));
        });
    }
};

SIMDACT_END_NAMESPACE
