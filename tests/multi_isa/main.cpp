// Runs every instruction-set copy of kernels.cpp that this CPU supports and checks that they
// agree: each copy must have run its own code (a copy that the linker had replaced by another's
// would have crashed on a CPU without that instruction set, or silently agreed), so the
// symbol test (check_symbols.cmake) is what proves the copies are separate; this proves they work.
#include "kernels.hpp"

#include <cmath>
#include <cstdio>
#include <vector>

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
        // The kernels fuse every multiply-add explicitly, so each path computes the same
        // roundings: the results must agree bit for bit.
        std::size_t differences = 0;
        for (std::size_t i = 0; i < other.size(); ++i)
            if (!(other[i] == baseline[i] || (std::isnan(other[i]) && std::isnan(baseline[i]))))
                ++differences;
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
    return failures == 0 ? 0 : 1;
}
