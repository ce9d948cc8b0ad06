// Helpers shared by the activation tests.
#pragma once

#include "inputs.hpp"
#include "reference.hpp"

#include <simdact/apply.hpp>

#include <gtest/gtest.h>

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

} // namespace simdact_test
