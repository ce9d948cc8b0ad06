// sigmoid: values and derivatives against MPFR, special values, saturation.
#include "support/test_util.hpp"

#include <simdact/apply.hpp>
#include <simdact/sigmoid.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <type_traits>
#include <vector>

using namespace simdact_test;

template <class T>
class sigmoid_test : public ::testing::Test {};
TYPED_TEST_SUITE(sigmoid_test, real_types);

// The documented bounds (README, "Accuracy"; the exhaustive test checks every float).
constexpr double value_bound = 1.0;
constexpr double derivative_bound = 2.0;
constexpr double fast_value_bound = 4.0;

// The kernels' division (the fast sigmoid's and tanh's quotient, the accurate ones' first guess)
// is the correctly rounded quotient on every instruction set. xsimd's own float division on
// 64-bit ARM is not: a reciprocal estimate and two Newton steps, off by an ulp in about 40% of
// these quotients.
TYPED_TEST(sigmoid_test, kernel_division_is_correctly_rounded) {
    using T = TypeParam;
    using B = xsimd::batch<T>;
    std::mt19937 generator(12345);
    std::uniform_real_distribution<T> distribution(T(0.5), T(4));
    std::vector<T> x(B::size), y(B::size), q(B::size);
    for (int round = 0; round < 1000; ++round) {
        for (std::size_t i = 0; i < B::size; ++i) {
            x[i] = distribution(generator);
            y[i] = distribution(generator);
        }
        simdact::detail::divide(B::load_unaligned(x.data()), B::load_unaligned(y.data()))
            .store_unaligned(q.data());
        for (std::size_t i = 0; i < B::size; ++i)
            ASSERT_EQ(q[i], x[i] / y[i]) << x[i] << " / " << y[i];
    }
}

TYPED_TEST(sigmoid_test, values_within_bound_on_dense_sweep) {
    using T = TypeParam;
    auto const a = sweep_accuracy<T>(function::sigmoid, [](auto x, auto y) {
        simdact::forward(simdact::sigmoid{}, x, y);
        for (T v : y)
            ASSERT_TRUE(v >= T(0) && v <= T(1)) << v; // finite, never NaN, in [0, 1]
    });
    EXPECT_LE(a.max_ulp, value_bound) << "worst at x = " << a.worst_x;
}

TYPED_TEST(sigmoid_test, fast_values_within_bound_on_dense_sweep) {
    using T = TypeParam;
    auto const a = sweep_accuracy<T>(function::sigmoid, [](auto x, auto y) {
        simdact::forward(simdact::fast::sigmoid{}, x, y);
    });
    EXPECT_LE(a.max_ulp, fast_value_bound) << "worst at x = " << a.worst_x;
}

TYPED_TEST(sigmoid_test, fast_special_values_and_saturation_match_the_accurate_ones) {
    using T = TypeParam;
    using L = std::numeric_limits<T>;
    simdact::sigmoid const accurate;
    simdact::fast::sigmoid const fast;
    // Beyond these the result rounds to exactly 0 or 1 in T (sigmoid(-120) is 7.7e-53: zero as a
    // float, but a normal double).
    T const saturated_low = std::is_same_v<T, float> ? T(-120) : T(-750);
    T const saturated_high = std::is_same_v<T, float> ? T(20) : T(40);
    for (T x : {-L::infinity(), L::infinity(), T(0), -T(0), L::lowest(), L::max(), T(-1000),
                T(1000), saturated_low, saturated_high, L::denorm_min(), -L::denorm_min()})
        EXPECT_EQ(fast(x), accurate(x)) << x;
    EXPECT_TRUE(std::isnan(fast(L::quiet_NaN())));
    EXPECT_TRUE(std::isnan(fast(-L::quiet_NaN())));
    expect_within<T>(function::sigmoid, edge_values<T>(), fast_value_bound, fast);
}

TYPED_TEST(sigmoid_test, derivative_within_bound_on_dense_sweep) {
    using T = TypeParam;
    auto const a = sweep_accuracy<T>(function::sigmoid_derivative, [](auto x, auto d) {
        simdact::derivative(simdact::sigmoid{}, x, d);
    });
    EXPECT_LE(a.max_ulp, derivative_bound) << "worst at x = " << a.worst_x;
}

TYPED_TEST(sigmoid_test, special_values) {
    using T = TypeParam;
    using L = std::numeric_limits<T>;
    simdact::sigmoid const f;
    EXPECT_EQ(f(-L::infinity()), T(0));
    EXPECT_FALSE(std::signbit(f(-L::infinity())));
    EXPECT_EQ(f(L::infinity()), T(1));
    EXPECT_EQ(f(T(0)), T(0.5));
    EXPECT_EQ(f(-T(0)), T(0.5));
    EXPECT_TRUE(std::isnan(f(L::quiet_NaN())));
    EXPECT_TRUE(std::isnan(f(-L::quiet_NaN())));
    EXPECT_EQ(f.derivative(L::infinity()), T(0));
    EXPECT_EQ(f.derivative(-L::infinity()), T(0));
    EXPECT_EQ(f.derivative(T(0)), T(0.25));
    EXPECT_TRUE(std::isnan(f.derivative(L::quiet_NaN())));
    EXPECT_TRUE(std::isnan(f.derivative_from_output(L::quiet_NaN())));
    expect_within<T>(function::sigmoid, edge_values<T>(), value_bound, f);
    expect_within<T>(function::sigmoid_derivative, edge_values<T>(), derivative_bound,
                     [&](T x) { return f.derivative(x); });
}

TYPED_TEST(sigmoid_test, saturation_thresholds) {
    using T = TypeParam;
    simdact::sigmoid const f;
    // Where the result rounds to 1, turns subnormal, and rounds to 0, in both formats.
    for (double t : {16.6355, 36.7368, -87.3365, -103.2789, -103.9721, -708.3964, -744.4401,
                     -745.1332, 88.7228, 709.7827}) {
        auto const xs = around(static_cast<T>(t));
        expect_within<T>(function::sigmoid, xs, value_bound, f);
        expect_within<T>(function::sigmoid_derivative, xs, derivative_bound,
                         [&](T x) { return f.derivative(x); });
    }
}

TYPED_TEST(sigmoid_test, never_overflows) {
    using T = TypeParam;
    simdact::sigmoid const f;
    EXPECT_EQ(f(T(-1000)), T(0));
    T const tiny = f(T(-100)); // 3.72e-44: subnormal in float, normal in double
    EXPECT_GT(tiny, T(0));
    EXPECT_LE(ulp_error<T>(function::sigmoid, T(-100), tiny), value_bound);
    EXPECT_EQ(f(std::numeric_limits<T>::lowest()), T(0));
    EXPECT_EQ(f(std::numeric_limits<T>::max()), T(1));
}

TYPED_TEST(sigmoid_test, derivative_keeps_relative_accuracy_in_saturation) {
    using T = TypeParam;
    simdact::sigmoid const f;
    // s * (1 - s) would give 0 here: s rounds to 1.
    EXPECT_NEAR(f.derivative(T(30)) / T(9.357622968840175e-14), T(1), 1e-6);
    for (T x : {T(17), T(30), T(-30), T(60), T(-87), T(-100)})
        EXPECT_LE(ulp_error<T>(function::sigmoid_derivative, x, f.derivative(x)), derivative_bound)
            << x;
}

TYPED_TEST(sigmoid_test, derivative_matches_central_difference) {
    EXPECT_LE(worst_finite_difference_error<TypeParam>(function::sigmoid_derivative,
                                                       simdact::sigmoid{}, 100.0),
              derivative_bound);
}

TYPED_TEST(sigmoid_test, derivative_from_output_is_y_times_one_minus_y) {
    using T = TypeParam;
    using W = long double;
    simdact::sigmoid const f;
    for (int i = 0; i <= 10000; ++i) {
        T const y = static_cast<T>(i / 10000.0);
        W const exact = W(y) * (W(1) - W(y));
        T const got = f.derivative_from_output(y);
        EXPECT_LE(std::abs(W(got) - exact), W(std::numeric_limits<T>::epsilon()) * exact) << y;
    }
    // Its documented limit: once y has rounded to 1 the slope is gone.
    T const saturated = sizeof(T) == 4 ? T(20) : T(40);
    EXPECT_EQ(f(saturated), T(1));
    EXPECT_EQ(f.derivative_from_output(f(saturated)), T(0));
    EXPECT_GT(f.derivative(saturated), T(0));
}

TYPED_TEST(sigmoid_test, backward_from_output_agrees_with_backward) {
    using T = TypeParam;
    // |x| <= 2 keeps 1 - y >= 0.12, so y's own rounding is amplified at most 8 times.
    expect_backward_from_output_agrees<T>(simdact::sigmoid{}, 2.0,
                                          32 * std::numeric_limits<T>::epsilon());
}
