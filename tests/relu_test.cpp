// relu: exact values and derivative, the source material's example, special values.
#include "support/test_util.hpp"

#include <simdact/apply.hpp>
#include <simdact/relu.hpp>

#include <array>
#include <cmath>
#include <limits>

using namespace simdact_test;

template <class T>
class relu_test : public ::testing::Test {};
TYPED_TEST_SUITE(relu_test, real_types);

TYPED_TEST(relu_test, source_example) {
    using T = TypeParam;
    std::array<T, 5> const x{-2, -1, 0, 1, 2};
    std::array<T, 5> y{};
    simdact::forward(simdact::relu{}, x, y);
    EXPECT_EQ(y, (std::array<T, 5>{0, 0, 0, 1, 2}));
}

TYPED_TEST(relu_test, exact_on_dense_sweep) {
    using T = TypeParam;
    std::vector<T> const x = sweep<T>();
    std::vector<T> y(x.size()), d(x.size());
    simdact::forward(simdact::relu{}, x, y);
    simdact::derivative(simdact::relu{}, x, d);
    for (std::size_t i = 0; i < x.size(); ++i) {
        ASSERT_TRUE(same_bits(y[i], x[i] < 0 ? T(0) : x[i])) << x[i];
        ASSERT_EQ(d[i], x[i] < 0 ? T(0) : T(1)) << x[i];
    }
}

TYPED_TEST(relu_test, special_values) {
    using T = TypeParam;
    using L = std::numeric_limits<T>;
    simdact::relu const f;
    EXPECT_TRUE(std::isnan(f(L::quiet_NaN())));
    EXPECT_TRUE(std::isnan(f(-L::quiet_NaN())));
    EXPECT_TRUE(same_bits(f(-T(0)), -T(0))); // -0 >= 0: the identity branch
    EXPECT_TRUE(same_bits(f(T(0)), T(0)));
    EXPECT_EQ(f(L::infinity()), L::infinity());
    EXPECT_TRUE(same_bits(f(-L::infinity()), T(0)));
    EXPECT_EQ(f(-L::denorm_min()), T(0));
    EXPECT_EQ(f(L::denorm_min()), L::denorm_min());
    EXPECT_TRUE(std::isnan(f.derivative(L::quiet_NaN())));
    EXPECT_EQ(f.derivative(T(0)), T(1)); // the source material's convention at 0
    EXPECT_EQ(f.derivative(-T(0)), T(1));
    EXPECT_EQ(f.derivative(L::infinity()), T(1));
    EXPECT_EQ(f.derivative(-L::infinity()), T(0));
    EXPECT_EQ(f.derivative(-L::denorm_min()), T(0));
}

TYPED_TEST(relu_test, works_on_a_batch_directly) {
    using T = TypeParam;
    using B = xsimd::batch<T>;
    B const y = simdact::relu{}(B(T(-3)));
    B const d = simdact::relu{}.derivative(B(T(3)));
    for (std::size_t i = 0; i < B::size; ++i) {
        EXPECT_EQ(y.get(i), T(0));
        EXPECT_EQ(d.get(i), T(1));
    }
}
