// What a user writes without a library: a scalar <cmath> loop, and a naive xsimd loop
// (xsimd::max, 1/(1+xsimd::exp(-x)), xsimd::tanh; derivatives as s*(1-s) and 1-t*t). Plus the
// memory-bandwidth ceilings: memcpy for one input and one output, c[i] = a[i] + b[i] for two.
#include "support.hpp"

#include <xsimd/xsimd.hpp>

#include <cmath>
#include <cstring>
#include <type_traits>

namespace {

using namespace bench;

// f, f', and f' from the output, written once for a scalar or a batch V.
template <class V>
V choose(auto const& condition, V const& yes, V const& no) {
    if constexpr (std::is_floating_point_v<V>)
        return condition ? yes : no;
    else
        return xsimd::select(condition, yes, no);
}

template <class V>
V value(activation a, V const& x) {
    switch (a) {
    case activation::relu:
        return choose(x > V(0), x, V(0));
    case activation::leaky_relu:
        return choose(x > V(0), x, V(leaky_alpha) * x);
    case activation::sigmoid:
        if constexpr (std::is_floating_point_v<V>)
            return V(1) / (V(1) + std::exp(-x));
        else
            return V(1) / (V(1) + xsimd::exp(-x));
    default:
        if constexpr (std::is_floating_point_v<V>)
            return std::tanh(x);
        else
            return xsimd::tanh(x);
    }
}

template <class V>
V slope_from_output(activation a, V const& y) {
    return a == activation::sigmoid ? y * (V(1) - y) : V(1) - y * y;
}

template <class V>
V slope(activation a, V const& x) {
    switch (a) {
    case activation::relu:
        return choose(x >= V(0), V(1), V(0));
    case activation::leaky_relu:
        return choose(x >= V(0), V(1), V(leaky_alpha));
    default:
        return slope_from_output(a, value(a, x));
    }
}

template <class T, class V>
V evaluate(call<T> const& c, V const& x, V const& dy) {
    switch (c.op) {
    case operation::forward:
        return value(c.a, x);
    case operation::derivative:
        return slope(c.a, x);
    case operation::backward:
        return dy * slope(c.a, x);
    default:
        return dy * slope_from_output(c.a, x);
    }
}

bool valid(activation a, operation op) {
    return op != operation::backward_from_output || a == activation::sigmoid ||
           a == activation::tanh;
}

template <class T>
std::function<void()> prepare_scalar(call<T> const& c) {
    if (!valid(c.a, c.op))
        return {};
    return [c] {
        for (std::size_t i = 0; i < c.n; ++i)
            c.out[i] = evaluate<T, T>(c, c.x[i], c.dy[i]);
    };
}

template <class T>
std::function<void()> prepare_xsimd(call<T> const& c) {
    if (!valid(c.a, c.op))
        return {};
    return [c] {
        using B = xsimd::batch<T>;
        std::size_t const full = c.n - c.n % B::size;
        for (std::size_t i = 0; i < full; i += B::size)
            evaluate(c, B::load_unaligned(c.x + i), B::load_unaligned(c.dy + i))
                .store_unaligned(c.out + i);
        for (std::size_t i = full; i < c.n; ++i)
            c.out[i] = evaluate<T, T>(c, c.x[i], c.dy[i]);
    };
}

template <class T>
std::function<void()> prepare_ceiling(call<T> const& c) {
    if (!valid(c.a, c.op))
        return {};
    bool const two_inputs = c.op == operation::backward || c.op == operation::backward_from_output;
    if (two_inputs)
        return [c] {
            for (std::size_t i = 0; i < c.n; ++i)
                c.out[i] = c.x[i] + c.dy[i];
        };
    if (c.out == c.x) // in place: read and write every element once
        return [c] {
            for (std::size_t i = 0; i < c.n; ++i)
                c.out[i] = -c.out[i];
        };
    return [c] { std::memcpy(c.out, c.x, c.n * sizeof(T)); };
}

registrar const scalar_impl{{"scalar_loop", prepare_scalar<float>, prepare_scalar<double>}};
registrar const xsimd_impl{{"naive_xsimd", prepare_xsimd<float>, prepare_xsimd<double>}};
registrar const ceiling_impl{{"ceiling", prepare_ceiling<float>, prepare_ceiling<double>, true}};

} // namespace
