// Every float: all 2^32 bit patterns through each float function at both accuracy levels and each
// derivative, on every core. Each result is compared with a double-precision reference (glibc's
// exp, tanh and cosh: no formula of simdact's), the worst point of each function is re-checked
// with MPFR, and the run fails if a documented bound is exceeded or a special or saturated result
// is not exact. Then the same for double on a sample spread over the whole range (random bit
// patterns, uniform values in [-40, 40] and [-750, 750], magnitudes 2^-60 to 2^10), against long
// double references.
// Usage: simdact_exhaustive [log2 of the float stride, 0 = every pattern] [double samples]
#include "support/reference.hpp"

#include <simdact/simdact.hpp>

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <thread>
#include <vector>

using namespace simdact_test;

namespace {

enum kernel : int { sigmoid_f, fast_sigmoid_f, sigmoid_d, tanh_f, fast_tanh_f, tanh_d, kernels };
constexpr char const* kernel_name[kernels] = {"sigmoid", "fast::sigmoid", "sigmoid'",
                                              "tanh",    "fast::tanh",    "tanh'"};
constexpr function kernel_function[kernels] = {
    function::sigmoid, function::sigmoid, function::sigmoid_derivative,
    function::tanh,    function::tanh,    function::tanh_derivative};
// The documented bounds (README, "Accuracy"; the functors' comments).
constexpr double kernel_bound[kernels] = {1.0, 4.0, 2.0, 1.0, 4.0, 2.0};

template <class T>
struct worst_point {
    double ulp = 0;
    T x = 0, y = 0;
};

template <class T>
struct tally {
    worst_point<T> worst[kernels];
    std::uint64_t inexact_special[kernels] = {}; // NaN, +-inf, saturated: must be exact
    std::uint64_t relu_wrong = 0, points = 0;
    T first_bad_x[kernels] = {};

    void merge(tally const& t) {
        points += t.points;
        relu_wrong += t.relu_wrong;
        for (int k = 0; k < kernels; ++k) {
            if (t.worst[k].ulp > worst[k].ulp)
                worst[k] = t.worst[k];
            if (t.inexact_special[k] && !inexact_special[k])
                first_bad_x[k] = t.first_bad_x[k];
            inexact_special[k] += t.inexact_special[k];
        }
    }
};

// What kernel k approximates, in R (a wider type than the kernel's): no formula of simdact's.
template <class R>
R reference(kernel k, R x) {
    switch (kernel_function[k]) {
    case function::sigmoid:
        return 1 / (1 + std::exp(-x));
    case function::sigmoid_derivative:
        return 1 / (1 + std::exp(-x)) * (1 / (1 + std::exp(x)));
    case function::tanh:
        return std::tanh(x);
    default: {
        R const c = std::cosh(x);
        return 1 / (c * c);
    }
    }
}

// Spacing of T at |r| (subnormal spacing below the normal range).
template <class T>
double ulp_of(long double r) {
    using L = std::numeric_limits<T>;
    int e = 0;
    std::frexp(static_cast<double>(r), &e); // |r| = m * 2^e, m in [0.5, 1)
    return std::ldexp(1.0, std::max(e - L::digits, L::min_exponent - L::digits));
}

// A result is saturated when it sits on the function's asymptote: the exact value is within a
// quarter ULP of 0 or 1 (sigmoid), of -1 or 1 (tanh), of 0 (the derivatives). It must then be
// that value exactly (the semantics table), not merely within the bound.
template <class T>
bool saturated(kernel k, long double r, T& exact) {
    using L = std::numeric_limits<T>;
    long double const quarter_ulp_below_one = std::ldexp(0.25L, -L::digits);
    bool const derivative = kernel_function[k] == function::sigmoid_derivative ||
                            kernel_function[k] == function::tanh_derivative;
    if (derivative || kernel_function[k] == function::sigmoid) {
        if (std::abs(r) < std::ldexp(0.5L, L::min_exponent - L::digits - 1)) {
            exact = T(0);
            return true;
        }
    }
    if (!derivative) {
        for (T v : {T(1), T(-1)})
            if (kernel_function[k] == function::tanh || v > 0)
                if (std::abs(r - v) < quarter_ulp_below_one) {
                    exact = v;
                    return true;
                }
    }
    return false;
}

// Runs every kernel on x.
template <class T>
void run_kernels(std::vector<T> const& x, std::vector<T> (&out)[kernels]) {
    for (auto& o : out)
        o.resize(x.size());
    simdact::forward(simdact::sigmoid{}, x, out[sigmoid_f]);
    simdact::forward(simdact::fast::sigmoid{}, x, out[fast_sigmoid_f]);
    simdact::derivative(simdact::sigmoid{}, x, out[sigmoid_d]);
    simdact::forward(simdact::tanh{}, x, out[tanh_f]);
    simdact::forward(simdact::fast::tanh{}, x, out[fast_tanh_f]);
    simdact::derivative(simdact::tanh{}, x, out[tanh_d]);
}

// Compares every kernel's results on x with the references (R: double for float, long double
// for double).
template <class T, class R>
void check_values(std::vector<T> const& x, tally<T>& t) {
    std::vector<T> out[kernels];
    run_kernels(x, out);
    for (std::size_t i = 0; i < x.size(); ++i) {
        T const xi = x[i];
        for (int k = 0; k < kernels; ++k) {
            T const y = out[k][i];
            if (std::isnan(xi)) {
                if (!std::isnan(y) && t.inexact_special[k]++ == 0)
                    t.first_bad_x[k] = xi;
                continue;
            }
            R const r = reference(static_cast<kernel>(k), static_cast<R>(xi));
            T exact = 0;
            if (saturated(static_cast<kernel>(k), r, exact) || std::isinf(xi)) {
                if (std::isinf(xi))
                    exact = static_cast<T>(r);
                bool const ok = y == exact && std::signbit(y) == std::signbit(exact);
                if (!ok && t.inexact_special[k]++ == 0)
                    t.first_bad_x[k] = xi;
                if (!ok)
                    continue;
            }
            // In R: the difference of two doubles near the subnormal range may not be a double.
            double const e =
                std::isnan(y) ? INFINITY : static_cast<double>(std::abs(y - r) / ulp_of<T>(r));
            if (e > t.worst[k].ulp)
                t.worst[k] = {e, xi, y};
        }
    }
    t.points += x.size();
}

void check_float_chunk(std::uint64_t first, std::uint64_t count, std::uint64_t stride,
                       tally<float>& t) {
    std::vector<float> x(count), relu_y(count), relu_d(count);
    for (std::uint64_t i = 0; i < count; ++i)
        x[i] = std::bit_cast<float>(static_cast<std::uint32_t>(first + i * stride));
    check_values<float, double>(x, t);
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
    }
}

// The i-th double sample: a deterministic mix of every region, whichever thread draws it.
double double_sample(std::uint64_t i) {
    std::uint64_t z = (i + 1) * 0x9e3779b97f4a7c15ull; // splitmix64
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    z ^= z >> 31;
    double const unit = static_cast<double>(z >> 11) * 0x1p-53; // [0, 1)
    switch (i % 4) {
    case 0:
        return std::bit_cast<double>(z); // any pattern: huge, tiny, subnormal, inf, NaN
    case 1:
        return unit * 80 - 40;
    case 2:
        return unit * 1500 - 750;
    default:
        return std::ldexp(z & 1 ? -1.0 : 1.0, -60) * std::exp2(unit * 70);
    }
}

// Runs body(first, count, tally) over [0, total) in chunks on every core; returns the merged
// tally.
template <class T, class Body>
tally<T> on_every_core(std::uint64_t total, Body const& body) {
    std::uint64_t const chunk = 1 << 16;
    std::atomic<std::uint64_t> next{0};
    unsigned const workers = std::max(1u, std::thread::hardware_concurrency());
    std::vector<tally<T>> tallies(workers);
    std::vector<std::thread> threads;
    for (unsigned w = 0; w < workers; ++w)
        threads.emplace_back([&, w] {
            for (std::uint64_t start; (start = next.fetch_add(chunk)) < total;)
                body(start, std::min(chunk, total - start), tallies[w]);
        });
    for (auto& th : threads)
        th.join();
    tally<T> all;
    for (auto const& t : tallies)
        all.merge(t);
    return all;
}

// Prints the table (the worst points re-checked with MPFR); false if a bound is exceeded or a
// special or saturated result is not exact.
template <class T>
bool report(tally<T> const& all) {
    bool ok = true;
    std::printf(
        "| function      | max ULP (%s ref) | max ULP (MPFR) | bound | at x                     "
        "| special/saturated not exact |\n|---|---|---|---|---|---|\n",
        sizeof(T) == 4 ? "double" : "long double");
    for (int k = 0; k < kernels; ++k) {
        worst_point<T> const& w = all.worst[k];
        double const mpfr_ulp = ulp_error<T>(kernel_function[k], w.x, w.y);
        bool const row_ok = mpfr_ulp <= kernel_bound[k] && all.inexact_special[k] == 0;
        ok = ok && row_ok;
        std::printf("| %-13s | %8.3f | %14.3f | %5.1f | %-24.17g | %llu |%s\n", kernel_name[k],
                    w.ulp, mpfr_ulp, kernel_bound[k], static_cast<double>(w.x),
                    static_cast<unsigned long long>(all.inexact_special[k]),
                    row_ok ? "" : "  <-- FAILS");
        if (all.inexact_special[k])
            std::printf("    first inexact special/saturated result at x = %.17g\n",
                        static_cast<double>(all.first_bad_x[k]));
    }
    return ok;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv) {
    unsigned const stride_log2 = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 0;
    std::uint64_t const double_samples =
        argc > 2 ? std::strtoull(argv[2], nullptr, 10) : std::uint64_t{100'000'000};
    std::uint64_t const stride = std::uint64_t{1} << stride_log2;
    std::uint64_t const total = (std::uint64_t{1} << 32) / stride;
    std::printf("architecture %s, %llu float inputs (stride %llu), %llu double samples, %u "
                "threads\n\n",
                xsimd::default_arch::name(), static_cast<unsigned long long>(total),
                static_cast<unsigned long long>(stride),
                static_cast<unsigned long long>(double_samples),
                std::max(1u, std::thread::hardware_concurrency()));

    auto start = std::chrono::steady_clock::now();
    tally<float> const floats =
        on_every_core<float>(total, [&](std::uint64_t first, std::uint64_t count, tally<float>& t) {
            check_float_chunk(first * stride, count, stride, t);
        });
    bool ok = floats.points == total && floats.relu_wrong == 0;
    std::printf("float, every input (%.0f s). relu, relu': %llu wrong results\n\n",
                seconds_since(start), static_cast<unsigned long long>(floats.relu_wrong));
    ok = report(floats) && ok;

    start = std::chrono::steady_clock::now();
    tally<double> const doubles = on_every_core<double>(
        double_samples, [](std::uint64_t first, std::uint64_t count, tally<double>& t) {
            std::vector<double> x(count);
            for (std::uint64_t i = 0; i < count; ++i)
                x[i] = double_sample(first + i);
            check_values<double, long double>(x, t);
        });
    ok = ok && doubles.points == double_samples;
    std::printf("\ndouble, %llu samples (%.0f s)\n\n",
                static_cast<unsigned long long>(double_samples), seconds_since(start));
    ok = report(doubles) && ok;
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
