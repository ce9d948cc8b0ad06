// simdact itself, through its span drivers.
#include "support.hpp"

#include <simdact/simdact.hpp>

#include <span>

namespace {

using namespace bench;

template <class T, class F>
std::function<void()> with(F f, call<T> const& c) {
    std::span<T const> const x(c.x, c.n), dy(c.dy, c.n);
    std::span<T> const out(c.out, c.n);
    switch (c.op) {
    case operation::forward:
        return [=] { simdact::forward(f, x, out); };
    case operation::derivative:
        return [=] { simdact::derivative(f, x, out); };
    case operation::backward:
        return [=] { simdact::backward(f, x, dy, out); };
    default:
        if constexpr (simdact::activation_with_output_derivative<F, T>)
            return [=] { simdact::backward_from_output(f, x, dy, out); };
        else
            return {};
    }
}

template <class T>
std::function<void()> prepare(call<T> const& c) {
    switch (c.a) {
    case activation::relu:
        return with(simdact::relu{}, c);
    case activation::leaky_relu:
        return with(simdact::leaky_relu{leaky_alpha}, c);
    case activation::sigmoid:
        return with(simdact::sigmoid{}, c);
    default:
        return with(simdact::tanh{}, c);
    }
}

registrar const simdact_impl{{"simdact", prepare<float>, prepare<double>}};

} // namespace
