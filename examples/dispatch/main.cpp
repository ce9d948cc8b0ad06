// Runs sigmoid over an array with the best kernel the CPU supports, chosen at run time. This file
// is compiled without any -m flag, like the rest of a program that must run on every x86-64 CPU.
#include "sigmoid_layer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

int main() {
    std::vector<float> x(1000), y(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        x[i] = static_cast<float>(i) / 50.0f - 10.0f;

    // Picks the architecture once (xsimd reads the CPU's features), then calls through it.
    auto layer = xsimd::dispatch<dispatch_archs>(sigmoid_layer{});
    char const* const arch = layer(std::span<float const>(x), std::span<float>(y));

    double worst = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        double const exact = 1 / (1 + std::exp(-static_cast<double>(x[i])));
        worst = std::max(worst, std::abs(y[i] - exact) / exact);
    }
    std::printf("sigmoid over %zu floats ran the %s kernel; max relative error %.2e\n", x.size(),
                arch, worst);
    return worst < 1e-6 ? 0 : 1;
}
