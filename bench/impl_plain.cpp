// What a user writes without a library: a scalar <cmath> loop, and a naive xsimd loop
// (std::max / xsimd::max, 1/(1+exp(-x)), tanh; derivatives as s*(1-s) and 1-t*t). Plus the
// memory-bandwidth ceilings: memcpy for one input and one output, c[i] = a[i] + b[i] for two.
#include "support.hpp"

#include <xsimd/xsimd.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>

namespace {

using namespace bench;

// f, f', and f' from the output, written once for a scalar or a batch V. The activation and the
// operation are template parameters, so each loop is compiled for one case with nothing to
// decide per element, as a hand-written loop would be.
template <class V>
V choose(auto const& condition, V const& yes, V const& no) {
    if constexpr (std::is_floating_point_v<V>)
        return condition ? yes : no;
    else
        return xsimd::select(condition, yes, no);
}

template <activation A, class V>
V value(V const& x) {
    if constexpr (A == activation::relu) {
        if constexpr (std::is_floating_point_v<V>)
            return std::max(x, V(0));
        else
            return xsimd::max(x, V(0));
    } else if constexpr (A == activation::leaky_relu) {
        return choose(x > V(0), x, V(leaky_alpha) * x);
    } else if constexpr (A == activation::sigmoid) {
        if constexpr (std::is_floating_point_v<V>)
            return V(1) / (V(1) + std::exp(-x));
        else
            return V(1) / (V(1) + xsimd::exp(-x));
    } else {
        if constexpr (std::is_floating_point_v<V>)
            return std::tanh(x);
        else
            return xsimd::tanh(x);
    }
}

template <activation A, class V>
V slope_from_output(V const& y) {
    if constexpr (A == activation::sigmoid)
        return y * (V(1) - y);
    else
        return V(1) - y * y;
}

template <activation A, class V>
V slope(V const& x) {
    if constexpr (A == activation::relu)
        return choose(x >= V(0), V(1), V(0));
    else if constexpr (A == activation::leaky_relu)
        return choose(x >= V(0), V(1), V(leaky_alpha));
    else
        return slope_from_output<A>(value<A>(x));
}

template <activation A, operation Op, class V>
V evaluate(V const& x, V const& dy) {
    if constexpr (Op == operation::forward)
        return value<A>(x);
    else if constexpr (Op == operation::derivative)
        return slope<A>(x);
    else if constexpr (Op == operation::backward)
        return dy * slope<A>(x);
    else
        return dy * slope_from_output<A>(x);
}

bool valid(activation a, operation op) {
    return op != operation::backward_from_output || a == activation::sigmoid ||
           a == activation::tanh;
}

// Calls make.template operator()<A, Op>() for the case's activation and operation.
template <class T, class Make>
std::function<void()> for_case(call<T> const& c, Make make) {
    if (!valid(c.a, c.op))
        return {};
    auto with_op = [&]<activation A>() -> std::function<void()> {
        switch (c.op) {
        case operation::forward:
            return make.template operator()<A, operation::forward>();
        case operation::derivative:
            return make.template operator()<A, operation::derivative>();
        case operation::backward:
            return make.template operator()<A, operation::backward>();
        default:
            if constexpr (A == activation::sigmoid || A == activation::tanh)
                return make.template operator()<A, operation::backward_from_output>();
            else
                return {};
        }
    };
    switch (c.a) {
    case activation::relu:
        return with_op.template operator()<activation::relu>();
    case activation::leaky_relu:
        return with_op.template operator()<activation::leaky_relu>();
    case activation::sigmoid:
        return with_op.template operator()<activation::sigmoid>();
    default:
        return with_op.template operator()<activation::tanh>();
    }
}

template <class T>
std::function<void()> prepare_scalar(call<T> const& c) {
    return for_case(c, [&c]<activation A, operation Op>() -> std::function<void()> {
        return [x = c.x, dy = c.dy, out = c.out, n = c.n] {
            for (std::size_t i = 0; i < n; ++i)
                out[i] = evaluate<A, Op, T>(x[i], dy[i]);
        };
    });
}

template <class T>
std::function<void()> prepare_xsimd(call<T> const& c) {
    return for_case(c, [&c]<activation A, operation Op>() -> std::function<void()> {
        return [x = c.x, dy = c.dy, out = c.out, n = c.n] {
            using B = xsimd::batch<T>;
            std::size_t const full = n - n % B::size;
            for (std::size_t i = 0; i < full; i += B::size)
                evaluate<A, Op>(B::load_unaligned(x + i), B::load_unaligned(dy + i))
                    .store_unaligned(out + i);
            for (std::size_t i = full; i < n; ++i)
                out[i] = evaluate<A, Op, T>(x[i], dy[i]);
        };
    });
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
