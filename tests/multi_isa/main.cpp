// Runs every instruction-set copy of kernels.cpp that this CPU supports and checks that they
// agree: each copy must have run its own code (a copy that the linker had replaced by another's
// would have crashed on a CPU without that instruction set, or silently agreed), so the
// symbol test (check_symbols.cmake) is what proves the copies are separate; this proves they work.
#include "kernels.hpp"

#include <simdact/dispatch.hpp>
#include <simdact/simdact.hpp>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <vector>

namespace {

// kernels.cpp's calls through simdact::dispatch, from this baseline translation unit.
std::vector<double> run_dispatched(std::vector<float> const& x) {
    std::size_t const n = x.size();
    std::vector<float> y(n), d(n), dx(n);
    std::vector<double> out;
    auto keep = [&](std::vector<float> const& v) { out.insert(out.end(), v.begin(), v.end()); };
    simdact::dispatch::forward(simdact::relu{}, x, y);
    keep(y);
    simdact::dispatch::backward(simdact::leaky_relu{0.05}, x, y, dx);
    keep(dx);
    simdact::dispatch::forward(simdact::sigmoid{}, x, y);
    keep(y);
    simdact::dispatch::backward_from_output(simdact::sigmoid{}, y, x, dx);
    keep(dx);
    simdact::dispatch::derivative(simdact::tanh{}, x, d);
    keep(d);
    out.push_back(simdact::sigmoid{}(0.75f));
    std::vector<double> xd(x.begin(), x.end()), yd(n);
    simdact::dispatch::forward(simdact::tanh{}, xd, yd);
    out.insert(out.end(), yd.begin(), yd.end());
    simdact::dispatch::derivative(simdact::sigmoid{}, xd, yd);
    out.insert(out.end(), yd.begin(), yd.end());
    return out;
}

} // namespace

int main() {
    std::vector<float> x;
    for (int i = -300; i <= 300; ++i) // 601 values: every tail length is hit by some width
        x.push_back(static_cast<float>(i) / 16.0f);
    x.push_back(0.0f);
    x.push_back(-0.0f);

    auto const baseline = multi_isa::run_baseline(x);
    int failures = 0;
    auto compare = [&](char const* name, std::vector<double> const& other) {
        if (other.size() != baseline.size()) {
            std::printf("%s: %zu results, baseline %zu\n", name, other.size(), baseline.size());
            ++failures;
            return;
        }
        // Each instruction set has its own kernels (AVX-512 uses a table and vscalefps, SSE2
        // has no fused multiply-add), each within 1 ULP of the exact result: two copies may
        // differ by 2 ULP of float, never more.
        std::size_t differences = 0;
        for (std::size_t i = 0; i < other.size(); ++i) {
            double const a = other[i], b = baseline[i];
            double const tolerance =
                2 * double(FLT_EPSILON) * std::max(std::abs(a), std::abs(b)) + 2e-45;
            if (!(std::abs(a - b) <= tolerance || (std::isnan(a) && std::isnan(b))))
                ++differences;
        }
        std::printf("%s: %zu results, %zu differ from baseline\n", name, other.size(), differences);
        failures += differences != 0;
    };
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        compare("avx2", multi_isa::run_avx2(x));
    else
        std::printf("avx2: not supported by this CPU, not run\n");
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl") &&
        __builtin_cpu_supports("avx512cd"))
        compare("avx512", multi_isa::run_avx512(x));
    else
        std::printf("avx512: not supported by this CPU, not run\n");

    // The dispatched path, capped at each instruction set in turn, against that set's copy, on
    // the same inputs plus special values (the copies agree with each other on those only where
    // no intermediate overflows, so they are compared here, same set against same set).
    std::vector<float> with_specials = x;
    for (float v : {INFINITY, -INFINITY, NAN, 3.4e38f, -3.4e38f, 1e-45f, -1e-45f, 1e-30f})
        with_specials.push_back(v);
    using simdact::dispatch::isa;
    struct path {
        isa level;
        bool runs;
        std::vector<double> (*header_only)(std::vector<float> const&);
    };
    bool const has_avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    bool const has_avx512 =
        __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl") &&
        __builtin_cpu_supports("avx512cd");
    for (path const& p : {path{isa::sse2, true, multi_isa::run_baseline},
                          path{isa::avx2, has_avx2, multi_isa::run_avx2},
                          path{isa::avx512, has_avx512, multi_isa::run_avx512}}) {
        if (!p.runs)
            continue;
        simdact::dispatch::set_max_isa(p.level);
        if (simdact::dispatch::active() != p.level) {
            std::printf("dispatch capped at %s runs %s\n", simdact::dispatch::name(p.level),
                        simdact::dispatch::name(simdact::dispatch::active()));
            ++failures;
            continue;
        }
        auto const expected = p.header_only(with_specials);
        auto const got = run_dispatched(with_specials);
        std::size_t differences = got.size() == expected.size() ? 0 : got.size() + 1;
        for (std::size_t i = 0; i < got.size() && i < expected.size(); ++i)
            if (!(got[i] == expected[i] || (std::isnan(got[i]) && std::isnan(expected[i]))))
                ++differences;
        std::printf(
            "dispatch capped at %s: %zu results, %zu differ from the header-only %s build\n",
            simdact::dispatch::name(p.level), got.size(), differences,
            simdact::dispatch::name(p.level));
        failures += differences != 0;
    }
    return failures == 0 ? 0 : 1;
}
