// Every float: all 2^32 bit patterns through each float function and derivative, on every core.
// Each result is compared with a double-precision reference (glibc's exp, tanh and cosh: no
// formula of simdact's), the worst point of each function is re-checked with MPFR, and the run
// fails if a documented bound is exceeded or a special or saturated result is not exact.
// Usage: simdact_exhaustive [log2 of the stride between patterns; 0 = every pattern]
#include "support/reference.hpp"

#include <simdact/simdact.hpp>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

using namespace simdact_test;

namespace {

enum kernel : int { sigmoid_f, sigmoid_d, tanh_f, tanh_d, kernels };
constexpr char const* kernel_name[kernels] = {"sigmoid", "sigmoid'", "tanh", "tanh'"};
constexpr function kernel_function[kernels] = {function::sigmoid, function::sigmoid_derivative,
                                               function::tanh, function::tanh_derivative};
constexpr double kernel_bound[kernels] = {2.0, 4.0, 2.0, 4.0}; // the README's bounds

struct worst_point {
    double ulp = 0;
    float x = 0, y = 0;
};

struct tally {
    worst_point worst[kernels];
    std::uint64_t inexact_special[kernels] = {}; // NaN, +-inf, saturated: must be exact
    std::uint64_t relu_wrong = 0, points = 0;
    float first_bad_x[kernels] = {};
};

double reference(kernel k, double x) {
    switch (k) {
    case sigmoid_f:
        return 1 / (1 + std::exp(-x));
    case sigmoid_d:
        return 1 / (1 + std::exp(-x)) * (1 / (1 + std::exp(x)));
    case tanh_f:
        return std::tanh(x);
    default: {
        double const c = std::cosh(x);
        return 1 / (c * c);
    }
    }
}

// Spacing of floats at |r| (subnormal spacing below the normal range).
double float_ulp(double r) {
    int e = 0;
    std::frexp(r, &e); // |r| = m * 2^e, m in [0.5, 1)
    return std::ldexp(1.0, std::max(e - 24, -149));
}

// A result is saturated when it sits on the function's asymptote: the exact value is within a
// quarter ULP of float of 0 or 1 (sigmoid), of -1 or 1 (tanh), of 0 (the derivatives). It must
// then be that value exactly (the semantics table), not merely within the bound.
bool saturated(kernel k, double r, float& exact) {
    if (k == sigmoid_d || k == tanh_d || k == sigmoid_f) {
        if (std::abs(r) < 0x1p-151) {
            exact = 0.0f;
            return true;
        }
    }
    if (k == sigmoid_f || k == tanh_f) {
        for (float v : {1.0f, -1.0f})
            if (k == tanh_f || v > 0)
                if (std::abs(r - v) < 0.25 * 0x1p-24) {
                    exact = v;
                    return true;
                }
    }
    return false;
}

void check_chunk(std::uint64_t first, std::uint64_t count, std::uint64_t stride, tally& t) {
    std::vector<float> x(count), out[kernels], relu_y(count), relu_d(count);
    for (std::uint64_t i = 0; i < count; ++i)
        x[i] = std::bit_cast<float>(static_cast<std::uint32_t>(first + i * stride));
    for (auto& o : out)
        o.resize(count);
    simdact::forward(simdact::sigmoid{}, x, out[sigmoid_f]);
    simdact::derivative(simdact::sigmoid{}, x, out[sigmoid_d]);
    simdact::forward(simdact::tanh{}, x, out[tanh_f]);
    simdact::derivative(simdact::tanh{}, x, out[tanh_d]);
    simdact::forward(simdact::relu{}, x, relu_y);
    simdact::derivative(simdact::relu{}, x, relu_d);

    for (std::uint64_t i = 0; i < count; ++i) {
        float const xi = x[i];
        // relu: x for x >= 0 (so -0 -> -0), else +0; relu' 1 / 0; NaN -> NaN. Bit for bit.
        float const relu_expected = xi >= 0 ? xi : (xi < 0 ? 0.0f : xi);
        float const slope_expected = xi >= 0 ? 1.0f : (xi < 0 ? 0.0f : xi);
        bool const relu_ok = std::isnan(xi) ? std::isnan(relu_y[i]) && std::isnan(relu_d[i])
                                            : std::bit_cast<std::uint32_t>(relu_y[i]) ==
                                                      std::bit_cast<std::uint32_t>(relu_expected) &&
                                                  relu_d[i] == slope_expected;
        t.relu_wrong += !relu_ok;

        for (int k = 0; k < kernels; ++k) {
            float const y = out[k][i];
            if (std::isnan(xi)) {
                if (!std::isnan(y) && t.inexact_special[k]++ == 0)
                    t.first_bad_x[k] = xi;
                continue;
            }
            double const r = reference(static_cast<kernel>(k), xi);
            float exact = 0;
            if (saturated(static_cast<kernel>(k), r, exact) || std::isinf(xi)) {
                if (std::isinf(xi))
                    exact = static_cast<float>(r);
                bool const ok = y == exact && std::signbit(y) == std::signbit(exact);
                if (!ok && t.inexact_special[k]++ == 0)
                    t.first_bad_x[k] = xi;
                if (!ok)
                    continue;
            }
            double const e = std::isnan(y) ? INFINITY : std::abs(y - r) / float_ulp(r);
            if (e > t.worst[k].ulp)
                t.worst[k] = {e, xi, y};
        }
    }
    t.points += count;
}

} // namespace

int main(int argc, char** argv) {
    unsigned const stride_log2 = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 0;
    std::uint64_t const stride = std::uint64_t{1} << stride_log2;
    std::uint64_t const total = (std::uint64_t{1} << 32) / stride;
    std::uint64_t const chunk = 1 << 16;
    std::printf("architecture %s, %llu float inputs (stride %llu)\n", xsimd::default_arch::name(),
                static_cast<unsigned long long>(total), static_cast<unsigned long long>(stride));

    std::atomic<std::uint64_t> next{0};
    unsigned const workers = std::max(1u, std::thread::hardware_concurrency());
    std::vector<tally> tallies(workers);
    std::vector<std::thread> threads;
    for (unsigned w = 0; w < workers; ++w)
        threads.emplace_back([&, w] {
            for (std::uint64_t start; (start = next.fetch_add(chunk)) < total;)
                check_chunk(start * stride, std::min(chunk, total - start), stride, tallies[w]);
        });
    for (auto& th : threads)
        th.join();

    tally all;
    for (auto const& t : tallies) {
        all.points += t.points;
        all.relu_wrong += t.relu_wrong;
        for (int k = 0; k < kernels; ++k) {
            if (t.worst[k].ulp > all.worst[k].ulp)
                all.worst[k] = t.worst[k];
            if (t.inexact_special[k] && !all.inexact_special[k])
                all.first_bad_x[k] = t.first_bad_x[k];
            all.inexact_special[k] += t.inexact_special[k];
        }
    }

    bool ok = all.points == total && all.relu_wrong == 0;
    std::printf("relu, relu': %llu wrong results\n",
                static_cast<unsigned long long>(all.relu_wrong));
    std::printf("| function | max ULP (double ref) | max ULP (MPFR) | bound | at x              | "
                "special/saturated not exact |\n|---|---|---|---|---|---|\n");
    for (int k = 0; k < kernels; ++k) {
        worst_point const& w = all.worst[k];
        double const mpfr_ulp = ulp_error<float>(kernel_function[k], w.x, w.y);
        bool const row_ok = mpfr_ulp <= kernel_bound[k] && all.inexact_special[k] == 0;
        ok = ok && row_ok;
        std::printf("| %-8s | %19.3f | %14.3f | %5.1f | %-17.9g | %llu |%s\n", kernel_name[k],
                    w.ulp, mpfr_ulp, kernel_bound[k], static_cast<double>(w.x),
                    static_cast<unsigned long long>(all.inexact_special[k]),
                    row_ok ? "" : "  <-- FAILS");
        if (all.inexact_special[k])
            std::printf("    first inexact special/saturated result at x = %.9g\n",
                        static_cast<double>(all.first_bad_x[k]));
    }
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
