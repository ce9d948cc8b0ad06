// leaky_relu: exact values and derivative for several slopes, special values.
#include "support/test_util.hpp"

#include <simdact/apply.hpp>
#include <simdact/leaky_relu.hpp>

#include <cmath>
#include <limits>

using namespace simdact_test;

template <class T>
class leaky_relu_test : public ::testing::Test {};
TYPED_TEST_SUITE(leaky_relu_test, real_types);

TYPED_TEST(leaky_relu_test, default_slope_is_one_hundredth) {
    EXPECT_EQ(simdact::leaky_relu{}.alpha, 0.01);
    EXPECT_EQ(simdact::leaky_relu{}(TypeParam(-2)), TypeParam(-2) * TypeParam(0.01));
}

TYPED_TEST(leaky_relu_test, exact_on_dense_sweep) {
    using T = TypeParam;
    std::vector<T> const x = sweep<T>();
    std::vector<T> y(x.size()), d(x.size());
    for (double alpha : {0.01, 0.2, 0.0, 1.5}) {
        simdact::leaky_relu const f{alpha};
        T const a = static_cast<T>(alpha);
        simdact::forward(f, x, y);
        simdact::derivative(f, x, d);
        for (std::size_t i = 0; i < x.size(); ++i) {
            ASSERT_TRUE(same_bits(y[i], x[i] < 0 ? T(a * x[i]) : x[i])) << alpha << " " << x[i];
            ASSERT_EQ(d[i], x[i] < 0 ? a : T(1)) << alpha << " " << x[i];
        }
    }
}

TYPED_TEST(leaky_relu_test, source_example_keeps_a_small_slope_for_negatives) {
    using T = TypeParam;
    std::vector<T> const x{-2, -1, 0, 1, 2};
    std::vector<T> y(5);
    simdact::forward(simdact::leaky_relu{0.1}, x, y);
    EXPECT_EQ(y, (std::vector<T>{T(-2) * T(0.1), T(-0.1), 0, 1, 2}));
}

TYPED_TEST(leaky_relu_test, special_values) {
    using T = TypeParam;
    using L = std::numeric_limits<T>;
    simdact::leaky_relu const f;
    EXPECT_TRUE(std::isnan(f(L::quiet_NaN())));
    EXPECT_TRUE(std::isnan(f.derivative(L::quiet_NaN())));
    EXPECT_TRUE(same_bits(f(-T(0)), -T(0)));
    EXPECT_EQ(f(L::infinity()), L::infinity());
    EXPECT_EQ(f(-L::infinity()), -L::infinity());
    EXPECT_EQ(f.derivative(T(0)), T(1));
    EXPECT_EQ(f.derivative(-T(0)), T(1));
    EXPECT_EQ(f.derivative(-L::infinity()), T(0.01));
    EXPECT_EQ(f.derivative(L::infinity()), T(1));
}
