// simdact's cases for the benchmark, over a set of drivers: the header-only ones
// (impl_simdact.cpp) or the dispatched ones (impl_dispatch.cpp).
#pragma once

#include "support.hpp"

#include <simdact/simdact.hpp>

#include <span>

namespace bench {

// Drivers: a type with static forward, derivative, backward and backward_from_output taking
// simdact's arguments.
template <class Drivers, class T, class F>
std::function<void()> simdact_case(F f, call<T> const& c) {
    std::span<T const> const x(c.x, c.n), dy(c.dy, c.n);
    std::span<T> const out(c.out, c.n);
    switch (c.op) {
    case operation::forward:
        return [=] { Drivers::forward(f, x, out); };
    case operation::derivative:
        return [=] { Drivers::derivative(f, x, out); };
    case operation::backward:
        return [=] { Drivers::backward(f, x, dy, out); };
    default:
        if constexpr (simdact::activation_with_output_derivative<F, T>)
            return [=] { Drivers::backward_from_output(f, x, dy, out); };
        else
            return {};
    }
}

template <class Drivers, class T>
std::function<void()> simdact_prepare(call<T> const& c) {
    switch (c.a) {
    case activation::relu:
        return simdact_case<Drivers>(simdact::relu{}, c);
    case activation::leaky_relu:
        return simdact_case<Drivers>(simdact::leaky_relu{leaky_alpha}, c);
    case activation::sigmoid:
        return simdact_case<Drivers>(simdact::sigmoid{}, c);
    default:
        return simdact_case<Drivers>(simdact::tanh{}, c);
    }
}

// simdact's fast accuracy level: sigmoid and tanh only.
template <class Drivers, class T>
std::function<void()> simdact_fast_prepare(call<T> const& c) {
    switch (c.a) {
    case activation::sigmoid:
        return simdact_case<Drivers>(simdact::fast::sigmoid{}, c);
    case activation::tanh:
        return simdact_case<Drivers>(simdact::fast::tanh{}, c);
    default:
        return {};
    }
}

} // namespace bench
