// tanh: values and derivatives against MPFR, oddness, tiny inputs, saturation.
#include "support/test_util.hpp"

#include <simdact/apply.hpp>
#include <simdact/tanh.hpp>

#include <cmath>
#include <limits>

using namespace simdact_test;

template <class T>
class tanh_test : public ::testing::Test {};
TYPED_TEST_SUITE(tanh_test, real_types);

// The documented bounds (README, "Accuracy"; the exhaustive test checks every float).
constexpr double value_bound = 1.0;
constexpr double derivative_bound = 2.0;
constexpr double fast_value_bound = 4.0;

TYPED_TEST(tanh_test, values_within_bound_on_dense_sweep) {
    using T = TypeParam;
    auto const a = sweep_accuracy<T>(function::tanh, [](auto x, auto y) {
        simdact::forward(simdact::tanh{}, x, y);
        for (T v : y)
            ASSERT_TRUE(v >= T(-1) && v <= T(1)) << v;
    });
    EXPECT_LE(a.max_ulp, value_bound) << "worst at x = " << a.worst_x;
}

TYPED_TEST(tanh_test, fast_values_within_bound_on_dense_sweep) {
    using T = TypeParam;
    auto const a = sweep_accuracy<T>(
        function::tanh, [](auto x, auto y) { simdact::forward(simdact::fast::tanh{}, x, y); });
    EXPECT_LE(a.max_ulp, fast_value_bound) << "worst at x = " << a.worst_x;
}

TYPED_TEST(tanh_test, fast_special_values_and_saturation_match_the_accurate_ones) {
    using T = TypeParam;
    using L = std::numeric_limits<T>;
    simdact::tanh const accurate;
    simdact::fast::tanh const fast;
    for (T x : {-L::infinity(), L::infinity(), T(0), -T(0), L::lowest(), L::max(), T(-1000),
                T(1000), T(-120), T(120), L::denorm_min(), -L::denorm_min()})
        EXPECT_EQ(fast(x), accurate(x)) << x;
    EXPECT_TRUE(std::isnan(fast(L::quiet_NaN())));
    EXPECT_TRUE(std::isnan(fast(-L::quiet_NaN())));
    expect_within<T>(function::tanh, edge_values<T>(), fast_value_bound, fast);
}

TYPED_TEST(tanh_test, derivative_within_bound_on_dense_sweep) {
    using T = TypeParam;
    auto const a = sweep_accuracy<T>(function::tanh_derivative, [](auto x, auto d) {
        simdact::derivative(simdact::tanh{}, x, d);
    });
    EXPECT_LE(a.max_ulp, derivative_bound) << "worst at x = " << a.worst_x;
}

TYPED_TEST(tanh_test, exactly_odd) {
    using T = TypeParam;
    std::vector<T> const x = sweep<T>(1 << 18, 1 << 16);
    std::vector<T> minus_x(x.size()), y(x.size()), y_of_minus(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        minus_x[i] = -x[i];
    simdact::forward(simdact::tanh{}, x, y);
    simdact::forward(simdact::tanh{}, minus_x, y_of_minus);
    for (std::size_t i = 0; i < x.size(); ++i)
        ASSERT_TRUE(same_bits(y_of_minus[i], T(-y[i]))) << x[i];
}

TYPED_TEST(tanh_test, special_values) {
    using T = TypeParam;
    using L = std::numeric_limits<T>;
    simdact::tanh const f;
    EXPECT_EQ(f(L::infinity()), T(1));
    EXPECT_EQ(f(-L::infinity()), T(-1));
    EXPECT_TRUE(same_bits(f(T(0)), T(0)));
    EXPECT_TRUE(same_bits(f(-T(0)), -T(0)));
    EXPECT_TRUE(std::isnan(f(L::quiet_NaN())));
    EXPECT_TRUE(std::isnan(f(-L::quiet_NaN())));
    EXPECT_EQ(f.derivative(L::infinity()), T(0));
    EXPECT_EQ(f.derivative(-L::infinity()), T(0));
    EXPECT_EQ(f.derivative(T(0)), T(1));
    EXPECT_TRUE(std::isnan(f.derivative(L::quiet_NaN())));
    EXPECT_TRUE(std::isnan(f.derivative_from_output(L::quiet_NaN())));
    expect_within<T>(function::tanh, edge_values<T>(), value_bound, f);
    expect_within<T>(function::tanh_derivative, edge_values<T>(), derivative_bound,
                     [&](T x) { return f.derivative(x); });
}

TYPED_TEST(tanh_test, tiny_inputs_keep_full_precision) {
    using T = TypeParam;
    using L = std::numeric_limits<T>;
    simdact::tanh const f;
    EXPECT_EQ(f(T(1e-30)), T(1e-30));
    EXPECT_EQ(f(T(-1e-30)), T(-1e-30));
    for (T x : {L::denorm_min(), L::min(), T(L::min() * 3), T(1e-20), T(1e-10)}) {
        EXPECT_EQ(f(x), x);
        EXPECT_EQ(f(-x), -x);
    }
}

TYPED_TEST(tanh_test, thresholds) {
    using T = TypeParam;
    simdact::tanh const f;
    // The polynomial/exponential switch at 0.55, where the result rounds to 1 (9.01 in float,
    // 19.06 in double), where the derivative turns subnormal and where it underflows.
    for (double t : {0.55, 0.275, 9.0109, 19.0615, 43.668, 51.99, 354.2, 372.6, 1e4}) {
        for (T x : around(static_cast<T>(t))) {
            expect_within<T>(function::tanh, {x, T(-x)}, value_bound, f);
            expect_within<T>(function::tanh_derivative, {x, T(-x)}, derivative_bound,
                             [&](T v) { return f.derivative(v); });
        }
    }
}

TYPED_TEST(tanh_test, derivative_keeps_relative_accuracy_in_saturation) {
    using T = TypeParam;
    simdact::tanh const f;
    // 1 - tanh^2 would give 0 here: tanh rounds to 1.
    EXPECT_GT(f.derivative(T(20)), T(0));
    for (T x : {T(10), T(-10), T(20), T(40), T(-43)})
        EXPECT_LE(ulp_error<T>(function::tanh_derivative, x, f.derivative(x)), derivative_bound)
            << x;
}

TYPED_TEST(tanh_test, derivative_matches_central_difference) {
    EXPECT_LE(
        worst_finite_difference_error<TypeParam>(function::tanh_derivative, simdact::tanh{}, 50.0),
        derivative_bound);
}

TYPED_TEST(tanh_test, derivative_from_output_is_one_minus_y_squared) {
    using T = TypeParam;
    using W = long double;
    simdact::tanh const f;
    for (int i = -10000; i <= 10000; ++i) {
        T const y = static_cast<T>(i / 10000.0);
        W const exact = W(1) - W(y) * W(y);
        T const got = f.derivative_from_output(y);
        EXPECT_LE(std::abs(W(got) - exact), W(std::numeric_limits<T>::epsilon()) * exact) << y;
    }
    // Its documented limit: once |y| has rounded to 1 the slope is gone.
    T const saturated = sizeof(T) == 4 ? T(10) : T(20);
    EXPECT_EQ(f(saturated), T(1));
    EXPECT_EQ(f.derivative_from_output(f(saturated)), T(0));
    EXPECT_GT(f.derivative(saturated), T(0));
}

TYPED_TEST(tanh_test, backward_from_output_agrees_with_backward) {
    using T = TypeParam;
    // |x| <= 1 keeps 1 - y^2 >= 0.42, so y's own rounding is amplified at most 4 times.
    expect_backward_from_output_agrees<T>(simdact::tanh{}, 1.0,
                                          32 * std::numeric_limits<T>::epsilon());
}
