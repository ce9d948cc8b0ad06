// The one place that knows how xsimd versions differ. Everything else in simdact spells xsimd
// through these helpers or through API that xsimd 8.1 and 14.x share.
#pragma once

#include <simdact/config.hpp>

#include <cstdint>
#include <type_traits>

#include <xsimd/xsimd.hpp>

#if XSIMD_VERSION_MAJOR < 8 || (XSIMD_VERSION_MAJOR == 8 && XSIMD_VERSION_MINOR < 1)
#error "simdact needs xsimd 8.1 or newer"
#endif

SIMDACT_BEGIN_NAMESPACE
namespace detail {

template <class T>
struct is_batch : std::false_type {};
template <class T, class A>
struct is_batch<xsimd::batch<T, A>> : std::true_type {};

// Reinterprets the bits of each lane. xsimd < 11 takes the batch type, newer the element type.
template <class To, class T, class A>
inline xsimd::batch<To, A> bit_cast(xsimd::batch<T, A> const& x) noexcept {
#if XSIMD_VERSION_MAJOR < 11
    return xsimd::bitwise_cast<xsimd::batch<To, A>>(x);
#else
    return xsimd::bitwise_cast<To>(x);
#endif
}

template <class A>
struct is_fma3 : std::false_type {};
template <class A>
struct is_fma3<xsimd::fma3<A>> : std::true_type {};

// True when xsimd::fma on this architecture is one fused instruction. Where it is not, xsimd
// falls back to x*y+z, whose rounding depends on -ffp-contract; simdact then fuses by hand.
template <class A>
inline constexpr bool has_fused_fma = is_fma3<A>::value
#if XSIMD_WITH_FMA4
                                      || std::is_same_v<A, xsimd::fma4>
#endif
#if XSIMD_WITH_AVX512F
                                      || std::is_base_of_v<xsimd::avx512f, A>
#endif
#if XSIMD_WITH_NEON64
                                      || std::is_base_of_v<xsimd::neon64, A>
#endif
#if XSIMD_WITH_SVE // xsimd 9 and later, fixed vector length (-msve-vector-bits)
                                      || std::is_same_v<A, xsimd::sve>
#endif
    ;

// xsimd 8.1 has no AVX-512 fma kernel (it computes x*y+z); call the instruction directly.
template <class T, class A>
inline xsimd::batch<T, A> hardware_fma(xsimd::batch<T, A> const& x, xsimd::batch<T, A> const& y,
                                       xsimd::batch<T, A> const& z) noexcept {
#if XSIMD_VERSION_MAJOR < 9 && XSIMD_WITH_AVX512F
    if constexpr (std::is_base_of_v<xsimd::avx512f, A>) {
        if constexpr (std::is_same_v<T, float>)
            return _mm512_fmadd_ps(x, y, z);
        else
            return _mm512_fmadd_pd(x, y, z);
    } else
#endif
        return xsimd::fma(x, y, z);
}

// x / y, correctly rounded. xsimd's float division on 64-bit ARM (8.1 through 14.3) is a
// reciprocal estimate refined by two Newton steps, within a few ULP of the quotient (it cost
// fast::sigmoid a whole ULP); the hardware divides exactly in one instruction.
template <class T, class A>
inline xsimd::batch<T, A> divide(xsimd::batch<T, A> const& x,
                                 xsimd::batch<T, A> const& y) noexcept {
#if XSIMD_WITH_NEON64
    if constexpr (std::is_same_v<T, float> && std::is_base_of_v<xsimd::neon64, A>)
        return xsimd::batch<T, A>(vdivq_f32(x, y));
    else
#endif
        return x / y;
}

} // namespace detail
SIMDACT_END_NAMESPACE
