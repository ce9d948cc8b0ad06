// Runs sigmoid through simdact::dispatch and checks that the instruction set it ran on is the
// best one this CPU has below the cap in SIMDACT_MAX_ARCH, and that the results are right.
#include <simdact/dispatch.hpp>
#include <simdact/simdact.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

int main() {
    using simdact::dispatch::isa;
    __builtin_cpu_init();
    isa best = isa::sse2;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        best = isa::avx2;
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl") &&
        __builtin_cpu_supports("avx512cd"))
        best = isa::avx512;
    isa expected = best;
    if (char const* cap = std::getenv("SIMDACT_MAX_ARCH")) {
        isa const capped = std::strcmp(cap, "sse2") == 0   ? isa::sse2
                           : std::strcmp(cap, "avx2") == 0 ? isa::avx2
                                                           : isa::avx512;
        expected = capped < best ? capped : best;
    }

    std::vector<float> x(1001), y(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        x[i] = static_cast<float>(i) / 50.0f - 10.0f;
    simdact::dispatch::forward(simdact::sigmoid{}, x, y);
    double worst = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        double const exact = 1 / (1 + std::exp(-static_cast<double>(x[i])));
        worst = std::max(worst, std::abs(y[i] - exact) / exact);
    }
    isa const ran = simdact::dispatch::active();
    bool const ok = ran == expected && worst < 1e-6;
    std::printf("dispatch ran %s (expected %s), max relative error %.2e: %s\n",
                simdact::dispatch::name(ran), simdact::dispatch::name(expected), worst,
                ok ? "ok" : "WRONG");
    return ok ? 0 : 1;
}
