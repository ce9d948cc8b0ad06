// Run-time instruction-set dispatch: one binary that runs simdact with AVX-512, AVX2+FMA or SSE2,
// whichever the CPU has, while the program itself is built without -m flags.
//
// Needs the kernels compiled for each instruction set: in CMake, simdact_add_dispatch(<target>)
// adds them to the target that calls these functions (see the README, "Shipping one binary").
#pragma once

#include <simdact/apply.hpp>
#include <simdact/config.hpp>

#include <cstddef>
#include <ranges>

SIMDACT_BEGIN_NAMESPACE
namespace dispatch {

/// The instruction sets a dispatched call can run on (x86-64), each including the ones before.
enum class isa : int { sse2 = 0, avx2 = 1, avx512 = 2 };

/// The instruction set dispatched calls use: the best one that is compiled in
/// (simdact_add_dispatch's ARCHS), that this CPU has, and that the cap allows. Chosen on first
/// use and remembered; thread-safe.
isa active() noexcept;

/// Caps later calls at `cap` (e.g. to run every compiled path on one machine). Without a call,
/// the environment variable SIMDACT_MAX_ARCH (sse2, avx2 or avx512), read on first use, caps.
void set_max_isa(isa cap) noexcept;

/// "sse2", "avx2" or "avx512".
char const* name(isa i) noexcept;

namespace detail {

// One functor's span kernels for one architecture. Declared here; defined in
// detail/dispatch_kernels.hpp and instantiated only in the translation unit built for Arch.
template <class Arch, class F, class T>
struct kernels {
    static void forward(F const& f, T const* x, T* y, std::size_t n);
    static void derivative(F const& f, T const* x, T* d, std::size_t n);
    static void backward(F const& f, T const* x, T const* dy, T* dx, std::size_t n);
    static void backward_from_output(F const& f, T const* y, T const* dy, T* dx, std::size_t n);
};

// Calls body with the architecture tag of `i`, among those compiled in (SIMDACT_DISPATCH_AVX2,
// SIMDACT_DISPATCH_AVX512 come from simdact_add_dispatch).
template <class Body>
void on_isa(isa i, Body const& body) {
#if SIMDACT_DISPATCH_AVX512
    if (i == isa::avx512)
        return body(xsimd::avx512bw{});
#endif
#if SIMDACT_DISPATCH_AVX2
    if (i == isa::avx2)
        return body(xsimd::fma3<xsimd::avx2>{});
#endif
    (void)i;
    body(xsimd::sse2{});
}

} // namespace detail

/// simdact::forward(f, x, y) on the best instruction set (see active()). Same arguments, checks
/// and results; F must be one of simdact's activations or a functor named in
/// simdact_add_dispatch(... FUNCTORS ...). The caller's architecture is a template parameter
/// only so that callers built with different flags share no code.
template <class CallerArch = xsimd::default_arch, class F, real_range X, writable_real_range Y>
void forward(F const& f, X&& x, Y&& y) {
    using T = simdact::detail::element_t<Y>;
    std::size_t const n =
        simdact::detail::check_arguments<CallerArch>("dispatch::forward", {"x", "y"}, y, x);
    detail::on_isa(active(), [&]<class A>(A) {
        detail::kernels<A, F, T>::forward(f, std::ranges::data(x), std::ranges::data(y), n);
    });
}

/// simdact::derivative(f, x, d) on the best instruction set.
template <class CallerArch = xsimd::default_arch, class F, real_range X, writable_real_range D>
void derivative(F const& f, X&& x, D&& d) {
    using T = simdact::detail::element_t<D>;
    std::size_t const n =
        simdact::detail::check_arguments<CallerArch>("dispatch::derivative", {"x", "d"}, d, x);
    detail::on_isa(active(), [&]<class A>(A) {
        detail::kernels<A, F, T>::derivative(f, std::ranges::data(x), std::ranges::data(d), n);
    });
}

/// simdact::backward(f, x, dy, dx) on the best instruction set.
template <class CallerArch = xsimd::default_arch, class F, real_range X, real_range DY,
          writable_real_range DX>
void backward(F const& f, X&& x, DY&& dy, DX&& dx) {
    using T = simdact::detail::element_t<DX>;
    std::size_t const n = simdact::detail::check_arguments<CallerArch>(
        "dispatch::backward", {"x", "dy", "dx"}, dx, x, dy);
    detail::on_isa(active(), [&]<class A>(A) {
        detail::kernels<A, F, T>::backward(f, std::ranges::data(x), std::ranges::data(dy),
                                           std::ranges::data(dx), n);
    });
}

/// simdact::backward_from_output(f, y, dy, dx) on the best instruction set.
template <class CallerArch = xsimd::default_arch, class F, real_range Y, real_range DY,
          writable_real_range DX>
void backward_from_output(F const& f, Y&& y, DY&& dy, DX&& dx) {
    using T = simdact::detail::element_t<DX>;
    static_assert(activation_with_output_derivative<F, T, CallerArch>,
                  "simdact::dispatch::backward_from_output: F needs derivative_from_output()");
    std::size_t const n = simdact::detail::check_arguments<CallerArch>(
        "dispatch::backward_from_output", {"y", "dy", "dx"}, dx, y, dy);
    detail::on_isa(active(), [&]<class A>(A) {
        detail::kernels<A, F, T>::backward_from_output(
            f, std::ranges::data(y), std::ranges::data(dy), std::ranges::data(dx), n);
    });
}

} // namespace dispatch
SIMDACT_END_NAMESPACE
