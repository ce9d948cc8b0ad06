// simdact::dispatch: every compiled path, forced in turn with set_max_isa, gives what the
// header-only drivers give (bit for bit but for NaN payloads: the kernels are the same, and every
// instruction-set build of them agrees, see multi_isa), for every length around the batch widths,
// special values, a user functor; and the same argument checks. Built without -m flags, with
// simdact_add_dispatch(... FUNCTORS simdact_test::softsign).
#include "support/softsign.hpp"
#include "support/test_util.hpp"

#include <simdact/dispatch.hpp>
#include <simdact/simdact.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

using namespace simdact_test;
using simdact::dispatch::isa;

namespace {

bool cpu_has(isa i) {
    __builtin_cpu_init();
    if (i == isa::avx512)
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
               __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl") &&
               __builtin_cpu_supports("avx512cd");
    if (i == isa::avx2)
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return true;
}

template <class T>
std::vector<T> values(std::size_t n) {
    std::vector<T> v(n);
    T const specials[] = {T(0),
                          -T(0),
                          std::numeric_limits<T>::infinity(),
                          -std::numeric_limits<T>::infinity(),
                          std::numeric_limits<T>::quiet_NaN(),
                          std::numeric_limits<T>::denorm_min(),
                          std::numeric_limits<T>::max()};
    for (std::size_t i = 0; i < n; ++i)
        v[i] = i % 11 < 7 ? specials[i % 11]
                          : static_cast<T>((static_cast<double>(i * 7919 % 193) - 96.0) / 4.0);
    return v;
}

// The dispatched path runs another instruction set's kernels than this translation unit's
// header-only calls: exact functors agree bit for bit, sigmoid and tanh (each within 1 ULP, 2 for
// the derivatives) within `ulps` ULP of each other. multi_isa compares each set with its own
// header-only build exactly.
template <class T>
bool close(T got, T expected, int ulps) {
    if (ulps == 0 || same_value(got, expected))
        return same_value(got, expected);
    T const scale = std::max(std::abs(got), std::abs(expected));
    return std::abs(got - expected) <= T(ulps) * std::max(scale * std::numeric_limits<T>::epsilon(),
                                                          std::numeric_limits<T>::denorm_min());
}

template <class T, class F>
void expect_same_as_header_only(F const& f, char const* label, int ulps = 0) {
    for (std::size_t n = 0; n <= 67; ++n) {
        auto const x = values<T>(n);
        auto const dy = values<T>(n + 5);
        std::span<T const> const dys(dy.data() + 5, n);
        std::vector<T> expected(n), got(n);

        simdact::forward(f, x, expected);
        simdact::dispatch::forward(f, x, got);
        for (std::size_t i = 0; i < n; ++i)
            ASSERT_TRUE(close(got[i], expected[i], ulps))
                << label << " forward n=" << n << " i=" << i;

        simdact::derivative(f, x, expected);
        simdact::dispatch::derivative(f, x, got);
        for (std::size_t i = 0; i < n; ++i)
            ASSERT_TRUE(close(got[i], expected[i], ulps)) << label << " derivative n=" << n;

        simdact::backward(f, x, dys, expected);
        simdact::dispatch::backward(f, x, dys, got);
        for (std::size_t i = 0; i < n; ++i)
            ASSERT_TRUE(close(got[i], expected[i], ulps)) << label << " backward n=" << n;

        if constexpr (simdact::activation_with_output_derivative<F, T>) {
            // From real outputs y = f(x): on values no activation returns (huge y), y*(1-y)
            // overflows, and FMA hardware and its exact emulation then differ.
            std::vector<T> y(n);
            simdact::forward(f, x, y);
            simdact::backward_from_output(f, y, dys, expected);
            simdact::dispatch::backward_from_output(f, y, dys, got);
            for (std::size_t i = 0; i < n; ++i)
                ASSERT_TRUE(close(got[i], expected[i], ulps))
                    << label << " backward_from_output n=" << n;
        }

        std::vector<T> in_place = x; // in place, as the header-only drivers allow
        simdact::dispatch::forward(f, in_place, in_place);
        simdact::forward(f, x, expected);
        for (std::size_t i = 0; i < n; ++i)
            ASSERT_TRUE(close(in_place[i], expected[i], ulps)) << label << " in place n=" << n;
    }
}

class dispatch_test : public ::testing::TestWithParam<isa> {
protected:
    void SetUp() override {
        if (!cpu_has(GetParam()))
            GTEST_SKIP() << "this CPU lacks " << simdact::dispatch::name(GetParam());
        simdact::dispatch::set_max_isa(GetParam());
    }
    void TearDown() override { simdact::dispatch::set_max_isa(isa::avx512); }
};

TEST_P(dispatch_test, runs_the_capped_path) {
    EXPECT_EQ(simdact::dispatch::active(), GetParam());
}

TEST_P(dispatch_test, same_results_as_header_only_float) {
    expect_same_as_header_only<float>(simdact::relu{}, "relu");
    expect_same_as_header_only<float>(simdact::leaky_relu{0.05}, "leaky_relu");
    expect_same_as_header_only<float>(simdact::sigmoid{}, "sigmoid", 4);
    expect_same_as_header_only<float>(simdact::tanh{}, "tanh", 4);
    expect_same_as_header_only<float>(softsign{}, "softsign (user functor)");
}

TEST_P(dispatch_test, same_results_as_header_only_double) {
    expect_same_as_header_only<double>(simdact::relu{}, "relu");
    expect_same_as_header_only<double>(simdact::leaky_relu{0.05}, "leaky_relu");
    expect_same_as_header_only<double>(simdact::sigmoid{}, "sigmoid", 4);
    expect_same_as_header_only<double>(simdact::tanh{}, "tanh", 4);
    expect_same_as_header_only<double>(softsign{}, "softsign (user functor)");
}

TEST_P(dispatch_test, bad_input_throws_and_writes_nothing) {
    std::vector<float> x(8, 1.0f), y(7, -3.0f);
    try {
        simdact::dispatch::forward(simdact::sigmoid{}, x, y);
        FAIL() << "no exception";
    } catch (std::invalid_argument const& e) {
        EXPECT_EQ(std::string(e.what()),
                  "simdact::dispatch::forward: size mismatch: x has 8 elements but y has 7");
    }
    for (float v : y)
        EXPECT_EQ(v, -3.0f);
    std::vector<double> buffer(16, 0.5);
    std::span<double const> const in(buffer.data(), 8);
    std::span<double> const overlapping(buffer.data() + 4, 8);
    EXPECT_THROW(simdact::dispatch::backward(simdact::tanh{}, in, in, overlapping),
                 std::invalid_argument);
}

INSTANTIATE_TEST_SUITE_P(every_path, dispatch_test,
                         ::testing::Values(isa::sse2, isa::avx2, isa::avx512),
                         [](auto const& info) { return simdact::dispatch::name(info.param); });

} // namespace
