// Helpers shared by the activation tests.
#pragma once

#include "inputs.hpp"
#include "reference.hpp"

#include <simdact/apply.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <iostream>
#include <span>
#include <vector>

namespace simdact_test {

using real_types = ::testing::Types<float, double>;

template <class T>
char const* type_name() {
    return sizeof(T) == 4 ? "float" : "double";
}

template <class T>
bool same_bits(T a, T b) {
    return std::memcmp(&a, &b, sizeof(T)) == 0;
}

// Bit for bit, except that any NaN equals any NaN: which NaN an operation with two NaN operands
// returns depends on the operand order the compiler picked, and simdact promises only "NaN".
template <class T>
bool same_value(T a, T b) {
    return (a != a && b != b) || same_bits(a, b);
}

// Runs `compute(x, y)` over the dense sweep, measures against the MPFR reference, prints the
// result and returns it.
template <class T, class Compute>
accuracy sweep_accuracy(function f, Compute compute) {
    std::vector<T> const x = sweep<T>();
    std::vector<T> y(x.size());
    compute(std::span<T const>(x), std::span<T>(y));
    accuracy const a = measure<T>(f, x, y);
    std::cout << "[ accuracy ] " << name(f) << " " << type_name<T>() << ": max " << a.max_ulp
              << " ULP at x = " << a.worst_x << " (" << a.points << " points)\n";
    return a;
}

// Checks `compute` on each x against the reference within `bound` ULP.
template <class T, class Compute>
void expect_within(function f, std::vector<T> const& xs, double bound, Compute compute) {
    for (T x : xs) {
        T const y = compute(x);
        EXPECT_LE(ulp_error<T>(f, x, y), bound)
            << name(f) << "(" << x << ") = " << y << ", reference " << reference<T>(f, x);
    }
}

// x and its `steps` neighbours on each side.
template <class T>
std::vector<T> around(T x, int steps = 4) {
    std::vector<T> v{x};
    T lo = x, hi = x;
    for (int i = 0; i < steps; ++i) {
        lo = std::nextafter(lo, -std::numeric_limits<T>::infinity());
        hi = std::nextafter(hi, std::numeric_limits<T>::infinity());
        v.push_back(lo);
        v.push_back(hi);
    }
    return v;
}

// The largest finite_difference_ulp_error of f.derivative over 20001 points in [-half_width,
// half_width].
template <class T, class F>
double worst_finite_difference_error(function derivative, F const& f, double half_width) {
    double worst = 0;
    for (int i = 0; i <= 20000; ++i) {
        T const x = static_cast<T>(-half_width + 2 * half_width * i / 20000.0);
        worst = std::max(worst, finite_difference_ulp_error<T>(derivative, x, f.derivative(x)));
    }
    return worst;
}

// backward_from_output(f, f(x), dy) against backward(f, x, dy) for x in [-half_width,
// half_width], to within `relative` (y's own rounding is amplified where f' is small).
template <class T, class F>
void expect_backward_from_output_agrees(F const& f, double half_width, T relative) {
    std::vector<T> x, dy;
    for (int i = 0; i <= 4000; ++i) {
        x.push_back(static_cast<T>(-half_width + 2 * half_width * i / 4000.0));
        dy.push_back(static_cast<T>(0.5 + (i % 7) * 0.25));
    }
    std::vector<T> y(x.size()), from_x(x.size()), from_y(x.size());
    simdact::forward(f, x, y);
    simdact::backward(f, x, dy, from_x);
    simdact::backward_from_output(f, y, dy, from_y);
    for (std::size_t i = 0; i < x.size(); ++i)
        EXPECT_NEAR(from_y[i] / from_x[i], T(1), relative) << x[i];
}

} // namespace simdact_test
