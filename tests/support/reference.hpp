// Independent high-precision references (MPFR) and ULP distances. Deliberately shares no code or
// formula with simdact: everything here is computed in 256-bit (or wider) arithmetic.
#pragma once

#include <cstddef>
#include <span>

namespace simdact_test {

enum class function { sigmoid, sigmoid_derivative, tanh, tanh_derivative };

inline char const* name(function f) {
    switch (f) {
    case function::sigmoid:
        return "sigmoid";
    case function::sigmoid_derivative:
        return "sigmoid'";
    case function::tanh:
        return "tanh";
    case function::tanh_derivative:
        return "tanh'";
    }
    return "?";
}

// |y - f(x)| in units of the last place of f(x) in the format of T (subnormal spacing below the
// normal range), f(x) computed in high precision. NaN y against non-NaN f(x) is +inf.
template <class T>
double ulp_error(function f, T x, T y);

// f(x) rounded to T.
template <class T>
T reference(function f, T x);

// |d - (g(x+h) - g(x-h)) / 2h| in ULP of that quotient, where g is sigmoid for
// sigmoid_derivative and tanh for tanh_derivative, evaluated in 1024-bit arithmetic with a tiny h.
template <class T>
double finite_difference_ulp_error(function derivative, T x, T d);

struct accuracy {
    double max_ulp = 0;
    double worst_x = 0;
    std::size_t points = 0;
};

// The largest ulp_error over all points, computed on every core.
template <class T>
accuracy measure(function f, std::span<T const> x, std::span<T const> y);

} // namespace simdact_test
