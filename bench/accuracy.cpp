// `simdact_bench --accuracy [stride]`: the accuracy of every implementation in the benchmark
// (simdact and the peers, as built here) on sigmoid, tanh and their derivatives, over every float
// bit pattern (or every stride-th), through the same prepared calls the benchmark times. The
// reference is the exhaustive test's (support/wide_reference.hpp: double, good to 2^-46), so the
// ULP figures are exact to far below what they show. A derivative is the implementation's
// derivative where it has one, else its backward pass with dy = 1 (oneDNN). Single-threaded: a
// peer's prepared call may not be safe to run from two threads.
#include "support.hpp"

#include "support/wide_reference.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

namespace bench {
namespace {

using simdact_test::function;

// One implementation's function, prepared on the sweep's buffers, and what it got wrong.
struct row {
    function f;
    std::string implementation;
    std::function<void()> run;
    double max_ulp = 0;
    float worst_x = 0, worst_y = 0;
    double max_ulp_normal = 0;    // where the exact value is a normal float (>= 2^-126)
    std::uint64_t over_one = 0;   // finite results more than 1 ULP off
    std::uint64_t not_finite = 0; // NaN or inf where the exact value is finite
    std::uint64_t nan_lost = 0;   // a NaN input that did not give NaN
    std::uint64_t points = 0;
};

void print(std::vector<row> const& rows) {
    std::printf("| function | implementation | max ULP | max ULP, normal results | worst x | "
                "result there | inputs > 1 ULP | NaN/inf for a finite value | NaN input not "
                "NaN |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|\n");
    for (auto const& r : rows)
        std::printf("| %s | %s | %.3g | %.3g | %.9g | %.9g | %.3g%% | %llu | %llu |\n",
                    simdact_test::name(r.f), r.implementation.c_str(), r.max_ulp, r.max_ulp_normal,
                    static_cast<double>(r.worst_x), static_cast<double>(r.worst_y),
                    100.0 * static_cast<double>(r.over_one) / static_cast<double>(r.points),
                    static_cast<unsigned long long>(r.not_finite),
                    static_cast<unsigned long long>(r.nan_lost));
}

} // namespace

int run_accuracy(int argc, char** argv) {
    std::uint64_t stride = 1;
    if (argc > 2)
        stride = std::max<std::uint64_t>(1, std::strtoull(argv[2], nullptr, 10));
    constexpr std::size_t chunk = std::size_t{1} << 16;
    std::vector<float> x(chunk), dy(chunk, 1.0f), out(chunk);
    std::vector<std::array<double, simdact_test::functions>> exact(chunk);

    struct wanted {
        function f;
        activation a;
        bool derivative;
    };
    wanted const functions[] = {{function::sigmoid, activation::sigmoid, false},
                                {function::sigmoid_derivative, activation::sigmoid, true},
                                {function::tanh, activation::tanh, false},
                                {function::tanh_derivative, activation::tanh, true}};
    std::vector<row> rows;
    for (auto const& w : functions)
        for (auto const& impl : implementations()) {
            if (impl.is_ceiling || !impl.f32)
                continue;
            auto make = [&](operation op) {
                return impl.f32(call<float>{w.a, op, x.data(), dy.data(), out.data(), chunk});
            };
            auto run = make(w.derivative ? operation::derivative : operation::forward);
            if (!run && w.derivative)
                run = make(operation::backward); // dy = 1
            if (run)
                rows.push_back({w.f, impl.name, std::move(run)});
        }

    auto const start = std::chrono::steady_clock::now();
    std::uint64_t const total = ((std::uint64_t{1} << 32) + stride - 1) / stride;
    for (std::uint64_t first = 0; first < total; first += chunk) {
        std::size_t const n =
            static_cast<std::size_t>(std::min<std::uint64_t>(chunk, total - first));
        for (std::size_t i = 0; i < chunk; ++i) {
            // A short last chunk repeats its last pattern: every call keeps its prepared size.
            auto const k = first + std::min<std::uint64_t>(i, n - 1);
            x[i] = std::bit_cast<float>(static_cast<std::uint32_t>(k * stride));
            if (!std::isnan(x[i]))
                exact[i] = simdact_test::exact_values(static_cast<double>(x[i]));
        }
        for (auto& r : rows) {
            r.run();
            for (std::size_t i = 0; i < n; ++i) {
                float const y = out[i];
                ++r.points;
                if (std::isnan(x[i])) {
                    r.nan_lost += !std::isnan(y);
                    continue;
                }
                double const e = exact[i][static_cast<int>(r.f)];
                if (!std::isfinite(y)) {
                    ++r.not_finite;
                    continue;
                }
                double const ulp =
                    std::abs(static_cast<double>(y) - e) * simdact_test::inverse_spacing<float>(e);
                r.over_one += ulp > 1;
                if (std::abs(e) >= std::numeric_limits<float>::min())
                    r.max_ulp_normal = std::max(r.max_ulp_normal, ulp);
                if (ulp > r.max_ulp) {
                    r.max_ulp = ulp;
                    r.worst_x = x[i];
                    r.worst_y = y;
                }
            }
        }
    }
    double const seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("Every %llu-th float bit pattern (%llu inputs, NaNs included), %.1f s. ULP: of "
                "the float result at the exact value (subnormal spacing below the normal "
                "range).\n\n",
                static_cast<unsigned long long>(stride), static_cast<unsigned long long>(total),
                seconds);
    print(rows);
    return 0;
}

} // namespace bench
