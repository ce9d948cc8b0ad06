// SLEEF 3.5 vector functions at the widest width this build has: tanh (u10, 1 ULP, and u35) and
// sigmoid as 1/(1+exp(-x)) with exp u10. Forward only.
#include "support.hpp"

#include <xsimd/xsimd.hpp>

#include <sleef.h>

namespace {

using namespace bench;

// The SLEEF function for the native register of xsimd's default architecture.
#if defined(__AVX512F__)
#define SIMDACT_SLEEF(f, type) Sleef_##f##type##_avx512
#elif defined(__AVX__)
#define SIMDACT_SLEEF(f, type) Sleef_##f##type##_avx
#else
#define SIMDACT_SLEEF(f, type) Sleef_##f##type##_sse
#endif
#define Sleef_expf_u10_avx512 Sleef_expf16_u10
#define Sleef_tanhf_u10_avx512 Sleef_tanhf16_u10
#define Sleef_tanhf_u35_avx512 Sleef_tanhf16_u35
#define Sleef_expd_u10_avx512 Sleef_expd8_u10
#define Sleef_tanhd_u10_avx512 Sleef_tanhd8_u10
#define Sleef_tanhd_u35_avx512 Sleef_tanhd8_u35
#define Sleef_expf_u10_avx Sleef_expf8_u10
#define Sleef_tanhf_u10_avx Sleef_tanhf8_u10
#define Sleef_tanhf_u35_avx Sleef_tanhf8_u35
#define Sleef_expd_u10_avx Sleef_expd4_u10
#define Sleef_tanhd_u10_avx Sleef_tanhd4_u10
#define Sleef_tanhd_u35_avx Sleef_tanhd4_u35
#define Sleef_expf_u10_sse Sleef_expf4_u10
#define Sleef_tanhf_u10_sse Sleef_tanhf4_u10
#define Sleef_tanhf_u35_sse Sleef_tanhf4_u35
#define Sleef_expd_u10_sse Sleef_expd2_u10
#define Sleef_tanhd_u10_sse Sleef_tanhd2_u10
#define Sleef_tanhd_u35_sse Sleef_tanhd2_u35

template <class T>
struct sleef_for;
template <>
struct sleef_for<float> {
    template <class R>
    static R exp(R x) {
        return SIMDACT_SLEEF(exp, f_u10)(x);
    }
    template <class R>
    static R tanh_u10(R x) {
        return SIMDACT_SLEEF(tanh, f_u10)(x);
    }
    template <class R>
    static R tanh_u35(R x) {
        return SIMDACT_SLEEF(tanh, f_u35)(x);
    }
};
template <>
struct sleef_for<double> {
    template <class R>
    static R exp(R x) {
        return SIMDACT_SLEEF(exp, d_u10)(x);
    }
    template <class R>
    static R tanh_u10(R x) {
        return SIMDACT_SLEEF(tanh, d_u10)(x);
    }
    template <class R>
    static R tanh_u35(R x) {
        return SIMDACT_SLEEF(tanh, d_u35)(x);
    }
};

// Runs `kernel` (batch -> batch) over the arrays, the tail through a padded batch.
template <class T, class Kernel>
std::function<void()> loop(call<T> const& c, Kernel kernel) {
    return [c, kernel] {
        using B = xsimd::batch<T>;
        std::size_t const full = c.n - c.n % B::size;
        for (std::size_t i = 0; i < full; i += B::size)
            kernel(B::load_unaligned(c.x + i)).store_unaligned(c.out + i);
        if (full != c.n) {
            alignas(64) T buffer[B::size] = {};
            for (std::size_t i = full; i < c.n; ++i)
                buffer[i - full] = c.x[i];
            kernel(B::load_unaligned(buffer)).store_unaligned(buffer);
            for (std::size_t i = full; i < c.n; ++i)
                c.out[i] = buffer[i - full];
        }
    };
}

template <class T>
using native = typename xsimd::batch<T>::register_type;

template <bool Precise>
struct sleef_impl {
    template <class T>
    static std::function<void()> prepare(call<T> const& c) {
        using B = xsimd::batch<T>;
        if (c.op != operation::forward)
            return {};
        if (c.a == activation::sigmoid && Precise)
            return loop(
                c, [](B const& x) { return B(1) / (B(1) + B(sleef_for<T>::exp(native<T>(-x)))); });
        if (c.a == activation::tanh)
            return loop(c, [](B const& x) {
                return B(Precise ? sleef_for<T>::tanh_u10(native<T>(x))
                                 : sleef_for<T>::tanh_u35(native<T>(x)));
            });
        return {};
    }
};

registrar const sleef_u10{
    {"sleef_u10", sleef_impl<true>::prepare<float>, sleef_impl<true>::prepare<double>}};
registrar const sleef_u35{
    {"sleef_u35", sleef_impl<false>::prepare<float>, sleef_impl<false>::prepare<double>}};

} // namespace
