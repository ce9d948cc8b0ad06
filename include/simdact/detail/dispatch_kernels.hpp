// The definitions behind simdact::dispatch: the span kernels of one functor for one
// architecture. Included only by the translation units simdact_add_dispatch generates, each
// built with its architecture's flags, which instantiate them with
// SIMDACT_DISPATCH_INSTANTIATE(<xsimd architecture>, <functor type>).
#pragma once

#include <simdact/apply.hpp>
#include <simdact/config.hpp>
#include <simdact/dispatch.hpp>

#include <cstdlib>

SIMDACT_BEGIN_NAMESPACE
namespace dispatch::detail {

// The same loop as the header-only drivers (simdact::detail::transform), so results are bit for
// bit those of simdact::forward<Arch> and friends; the arguments were checked by the caller.
template <class Arch, class F, class T>
void kernels<Arch, F, T>::forward(F const& f, T const* x, T* y, std::size_t n) {
    simdact::detail::transform<Arch, T, 1, simdact::detail::may_stream_forward<F>>(
        {x}, y, n, simdact::detail::forward_op<F>{f});
}

template <class Arch, class F, class T>
void kernels<Arch, F, T>::derivative(F const& f, T const* x, T* d, std::size_t n) {
    simdact::detail::transform<Arch, T, 1, simdact::detail::may_stream<F>>(
        {x}, d, n, simdact::detail::derivative_op<F>{f});
}

template <class Arch, class F, class T>
void kernels<Arch, F, T>::backward(F const& f, T const* x, T const* dy, T* dx, std::size_t n) {
    simdact::detail::transform<Arch, T, 2, simdact::detail::may_stream<F>>(
        {x, dy}, dx, n, simdact::detail::backward_op<F>{f});
}

template <class Arch, class F, class T>
void kernels<Arch, F, T>::backward_from_output(F const& f, T const* y, T const* dy, T* dx,
                                               std::size_t n) {
    if constexpr (activation_with_output_derivative<F, T, Arch>)
        simdact::detail::transform<Arch, T, 2, true>(
            {y, dy}, dx, n, simdact::detail::backward_from_output_op<F>{f});
    else
        std::abort(); // unreachable: the front end rejects such F at compile time
}

} // namespace dispatch::detail
SIMDACT_END_NAMESPACE

/// Instantiates the dispatched kernels of functor type F (float and double) for ARCH.
#define SIMDACT_DISPATCH_INSTANTIATE(ARCH, ...)                                                    \
    template struct ::simdact::dispatch::detail::kernels<ARCH, __VA_ARGS__, float>;                \
    template struct ::simdact::dispatch::detail::kernels<ARCH, __VA_ARGS__, double>
