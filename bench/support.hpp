// What every implementation in the benchmark provides, and the registry that collects them.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace bench {

enum class activation { relu, leaky_relu, sigmoid, tanh };
enum class operation { forward, derivative, backward, backward_from_output };

inline constexpr double leaky_alpha = 0.01;

// The buffers of one case. forward and derivative read x; backward reads x and dy;
// backward_from_output reads x (which then holds y = f(x)) and dy. out may be x or dy (in place).
template <class T>
struct call {
    activation a;
    operation op;
    T const* x;
    T const* dy;
    T* out;
    std::size_t n;
};

// Everything costly (primitive creation, operator setup, allocation) happens in prepare; the
// function it returns is what is timed. An empty function means "not provided".
template <class T>
using prepare_fn = std::function<std::function<void()>(call<T> const&)>;

struct implementation {
    std::string name;
    prepare_fn<float> f32;
    prepare_fn<double> f64;
    bool is_ceiling = false; // memory-bandwidth reference, not an activation
};

std::vector<implementation>& implementations();

// `static bench::registrar r{...};` in an implementation's file adds it.
struct registrar {
    explicit registrar(implementation impl) { implementations().push_back(std::move(impl)); }
};

char const* name(activation a);
char const* name(operation op);

// `simdact_bench --accuracy [stride]` (accuracy.cpp): every implementation's error on sigmoid,
// tanh and their derivatives over all float inputs, printed as a table, instead of timings.
int run_accuracy(int argc, char** argv);

} // namespace bench
