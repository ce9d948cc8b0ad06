// The span drivers: every length and alignment, in-place, guard pages, bad input, user functors.
#include "support/guarded_buffer.hpp"
#include "support/softsign.hpp"
#include "support/test_util.hpp"

#include <simdact/simdact.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

using namespace simdact_test;

namespace {

template <class T>
std::vector<T> mixed_inputs(std::size_t n) {
    std::vector<T> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = static_cast<T>((static_cast<double>(i * 7919 % 97) - 48.0) / 6.0);
    return v;
}

template <class T, class F>
void expect_matches_scalar(F const& f, std::size_t n, std::size_t offset) {
    constexpr std::size_t w = xsimd::batch<T>::size;
    std::vector<T> storage(n + w), dy_storage(n + w), out_storage(n + w), inplace(n + w);
    std::span<T> x(storage.data() + offset, n), dy(dy_storage.data() + offset, n),
        out(out_storage.data() + offset, n), in_place(inplace.data() + offset, n);
    auto const values = mixed_inputs<T>(n + 3);
    for (std::size_t i = 0; i < n; ++i) {
        x[i] = values[i];
        dy[i] = values[i + 3] + T(0.25);
    }
    simdact::forward(f, x, out);
    for (std::size_t i = 0; i < n; ++i)
        ASSERT_TRUE(same_bits(out[i], f(x[i]))) << "forward, n=" << n << " i=" << i;
    std::copy(x.begin(), x.end(), in_place.begin());
    simdact::forward(f, in_place, in_place);
    for (std::size_t i = 0; i < n; ++i)
        ASSERT_TRUE(same_bits(in_place[i], out[i])) << "forward in place, n=" << n;

    simdact::derivative(f, x, out);
    for (std::size_t i = 0; i < n; ++i)
        ASSERT_TRUE(same_bits(out[i], f.derivative(x[i]))) << "derivative, n=" << n;

    simdact::backward(f, x, dy, out);
    for (std::size_t i = 0; i < n; ++i)
        ASSERT_TRUE(same_bits(out[i], T(dy[i] * f.derivative(x[i])))) << "backward, n=" << n;
    std::copy(dy.begin(), dy.end(), in_place.begin());
    simdact::backward(f, x, in_place, in_place); // gradient overwrites dy
    for (std::size_t i = 0; i < n; ++i)
        ASSERT_TRUE(same_bits(in_place[i], out[i])) << "backward into dy, n=" << n;
    std::copy(x.begin(), x.end(), in_place.begin());
    simdact::backward(f, in_place, dy, in_place); // gradient overwrites x
    for (std::size_t i = 0; i < n; ++i)
        ASSERT_TRUE(same_bits(in_place[i], out[i])) << "backward into x, n=" << n;

    if constexpr (requires { f.derivative_from_output(x[0]); }) {
        simdact::backward_from_output(f, x, dy, out);
        for (std::size_t i = 0; i < n; ++i)
            ASSERT_TRUE(same_bits(out[i], T(dy[i] * f.derivative_from_output(x[i]))))
                << "backward_from_output, n=" << n;
    }
}

} // namespace

template <class T>
class drivers_test : public ::testing::Test {};
TYPED_TEST_SUITE(drivers_test, real_types);

TYPED_TEST(drivers_test, every_length_and_alignment_matches_the_scalar_call) {
    using T = TypeParam;
    constexpr std::size_t w = xsimd::batch<T>::size;
    // Up to nine batches and a remainder: the loop takes four batches per iteration after the
    // unaligned head, so this covers two such iterations, the batches left after them and the
    // tail, at every offset.
    for (std::size_t n = 0; n <= 9 * w + 3; ++n) {
        for (std::size_t offset = 0; offset < w; ++offset) {
            expect_matches_scalar<T>(simdact::relu{}, n, offset);
            expect_matches_scalar<T>(simdact::leaky_relu{0.125}, n, offset);
            expect_matches_scalar<T>(simdact::sigmoid{}, n, offset);
            expect_matches_scalar<T>(simdact::tanh{}, n, offset);
            expect_matches_scalar<T>(simdact::fast::sigmoid{}, n, offset);
            expect_matches_scalar<T>(simdact::fast::tanh{}, n, offset);
        }
    }
}

TYPED_TEST(drivers_test, batch_groups_give_each_batchs_result) {
    // The drivers hand sigmoid's and tanh's kernels four batches at once (detail::batch_group),
    // which the AVX-512 kernels run in lockstep (the accurate tanh two by two, the rest four by
    // four); elsewhere they run one by one. Each batch must come out as it does alone, special
    // values included (any NaN for a NaN: which one depends on the compiler's operand order). Other
    // functors are called batch by batch: softsign's unconstrained operator() would not even
    // compile for a group (user_defined_functor below runs it).
    using T = TypeParam;
    using B = xsimd::batch<T>;
    using G = simdact::detail::batch_group<B, 4>;
    using simdact::detail::group_kernels;
    static_assert(group_kernels<simdact::sigmoid> && group_kernels<simdact::fast::sigmoid> &&
                  group_kernels<simdact::tanh> && group_kernels<simdact::fast::tanh>);
    static_assert(!group_kernels<simdact::relu> && !group_kernels<simdact::leaky_relu> &&
                  !group_kernels<softsign>);
    std::vector<T> values = mixed_inputs<T>(4 * B::size);
    T const special[] = {std::numeric_limits<T>::quiet_NaN(),
                         std::numeric_limits<T>::infinity(),
                         -std::numeric_limits<T>::infinity(),
                         T(-0.0),
                         T(1e-30),
                         T(0.35),
                         T(-0.35),
                         T(100),
                         T(-200)};
    // As many as fit after three ordinary values (all of them but for SSE2 doubles: 8 lanes).
    std::copy_n(std::begin(special), std::min(std::size(special), values.size() - 3),
                values.begin() + 3);
    G const x = simdact::detail::load_group<B, 4>(values.data());
    auto const expect_each = [&](char const* name, G const& group, auto const& alone) {
        for (std::size_t k = 0; k < 4; ++k) {
            B const expected = alone(x.batches[k]);
            for (std::size_t i = 0; i < B::size; ++i)
                EXPECT_TRUE(same_value(group.batches[k].get(i), expected.get(i)))
                    << name << ": batch " << k << ", x = " << x.batches[k].get(i);
        }
    };
    auto const check = [&](char const* name, auto const& f) {
        expect_each(name, f(x), [&](B const& b) { return f(b); });
        expect_each(name, f.derivative(x), [&](B const& b) { return f.derivative(b); });
    };
    check("sigmoid", simdact::sigmoid{});
    check("fast::sigmoid", simdact::fast::sigmoid{});
    check("tanh", simdact::tanh{});
    check("fast::tanh", simdact::fast::tanh{});
}

namespace {
struct costly_functor : simdact::relu {
    static constexpr bool compute_bound = true;
};
} // namespace

TEST(drivers_store_policy, compute_bound_functions_are_never_streamed) {
    using simdact::detail::may_stream;
    static_assert(!may_stream<simdact::sigmoid> && !may_stream<simdact::tanh>);
    static_assert(!may_stream<simdact::fast::sigmoid> && !may_stream<simdact::fast::tanh>);
    static_assert(may_stream<simdact::relu> && may_stream<simdact::leaky_relu>);
    static_assert(!may_stream<costly_functor>); // a user's functor can say so too
    SUCCEED();
}

TEST(drivers_store_policy, forward_alone_may_differ) {
    using simdact::detail::may_stream_forward;
    static_assert(may_stream_forward<simdact::fast::sigmoid>); // its derivatives: not streamed
    static_assert(!may_stream_forward<simdact::fast::tanh> &&
                  !may_stream_forward<simdact::sigmoid>);
    static_assert(may_stream_forward<simdact::relu> && !may_stream_forward<costly_functor>);
    SUCCEED();
}

TYPED_TEST(drivers_test, streamed_outputs_match_the_scalar_call) {
    // Calls whose arrays span stream_threshold_bytes or more write an output that is not one of
    // their inputs with streaming stores, after an unaligned head; in-place ones do not, nor do
    // compute-bound functions (sigmoid here) except in backward_from_output. n puts forward and
    // derivative (two arrays) just above the threshold, backward (three) well above, with a tail.
    // Every path must give what the scalar call gives.
    using T = TypeParam;
    constexpr std::size_t w = xsimd::batch<T>::size;
    std::size_t const n = simdact::detail::stream_threshold_bytes / (2 * sizeof(T)) + w + 3;
    for (std::size_t offset : {std::size_t{0}, std::size_t{1}, w - 1}) {
        expect_matches_scalar<T>(simdact::relu{}, n, offset);
        expect_matches_scalar<T>(simdact::sigmoid{}, n, offset);
        expect_matches_scalar<T>(simdact::fast::sigmoid{}, n, offset);
    }
}

TYPED_TEST(drivers_test, output_not_aligned_to_its_elements) {
    // A T* at an address that is not a multiple of sizeof(T) (packed data): the drivers fall back
    // to unaligned stores throughout. Elements are read and written through memcpy only.
    using T = TypeParam;
    constexpr std::size_t w = xsimd::batch<T>::size;
    for (std::size_t n : {w, w + 1, 3 * w + 2}) {
        std::vector<T> const x = mixed_inputs<T>(n);
        std::vector<unsigned char> bytes((n + 1) * sizeof(T));
        auto* const out = reinterpret_cast<T*>(bytes.data() + 1);
        simdact::forward(simdact::leaky_relu{0.125}, x, std::span<T>(out, n));
        for (std::size_t i = 0; i < n; ++i) {
            T y;
            std::memcpy(&y, bytes.data() + 1 + i * sizeof(T), sizeof(T));
            ASSERT_TRUE(same_bits(y, simdact::leaky_relu{0.125}(x[i]))) << "n=" << n << " i=" << i;
        }
    }
}

TYPED_TEST(drivers_test, result_does_not_depend_on_position) {
    using T = TypeParam;
    constexpr std::size_t w = xsimd::batch<T>::size;
    T const probe = T(0.3125);
    std::vector<T> reference(1);
    simdact::forward(simdact::sigmoid{}, std::vector<T>{probe}, reference);
    for (std::size_t n = 1; n <= 9 * w; ++n) {
        for (std::size_t at = 0; at < n; ++at) {
            std::vector<T> x = mixed_inputs<T>(n), y(n);
            x[at] = probe;
            simdact::forward(simdact::sigmoid{}, x, y);
            ASSERT_TRUE(same_bits(y[at], reference[0])) << "n=" << n << " at=" << at;
        }
    }
}

TYPED_TEST(drivers_test, never_touches_memory_outside_the_spans) {
    using T = TypeParam;
    using side = typename guarded_buffer<T>::side;
    constexpr std::size_t w = xsimd::batch<T>::size;
    for (std::size_t n :
         {std::size_t{0}, std::size_t{1}, w - 1, w, w + 1, 3 * w + 1, std::size_t{1000}}) {
        for (side s : {side::front, side::back}) {
            guarded_buffer<T> x(n, s), dy(n, s), out(n, s);
            for (std::size_t i = 0; i < n; ++i) {
                x.span()[i] = static_cast<T>(i) - T(5);
                dy.span()[i] = T(1);
            }
            simdact::forward(simdact::tanh{}, x.span(), out.span());
            simdact::derivative(simdact::sigmoid{}, x.span(), out.span());
            simdact::backward(simdact::relu{}, x.span(), dy.span(), out.span());
            simdact::backward_from_output(simdact::sigmoid{}, x.span(), dy.span(), out.span());
            simdact::forward(simdact::leaky_relu{}, out.span(), out.span());
            if (n > 0) {
                T const expected = simdact::leaky_relu{}(
                    dy.span()[0] * simdact::sigmoid{}.derivative_from_output(x.span()[0]));
                EXPECT_EQ(out.span()[0], expected);
            }
        }
    }
}

TYPED_TEST(drivers_test, accepts_every_contiguous_range) {
    using T = TypeParam;
    std::vector<T> const vec{-2, -1, 0, 1, 2};
    std::array<T, 5> arr{};
    T c_array[5] = {};
    simdact::forward(simdact::relu{}, vec, arr);
    simdact::forward(simdact::relu{}, arr, c_array);
    simdact::forward(simdact::relu{}, std::span<T const>(c_array), std::span<T>(arr));
    EXPECT_EQ(arr, (std::array<T, 5>{0, 0, 0, 1, 2}));
}

TYPED_TEST(drivers_test, size_mismatch_throws_and_writes_nothing) {
    using T = TypeParam;
    std::vector<T> x(5, T(1)), y(4, T(7)), dy(5, T(1)), dx(6, T(7));
    try {
        simdact::forward(simdact::sigmoid{}, x, y);
        FAIL() << "no exception";
    } catch (std::invalid_argument const& e) {
        EXPECT_EQ(std::string(e.what()),
                  "simdact::forward: size mismatch: x has 5 elements but y has 4");
    }
    EXPECT_EQ(y, std::vector<T>(4, T(7)));
    try {
        simdact::backward(simdact::tanh{}, x, dy, dx);
        FAIL() << "no exception";
    } catch (std::invalid_argument const& e) {
        EXPECT_EQ(std::string(e.what()),
                  "simdact::backward: size mismatch: x has 5 elements but dx has 6");
    }
    EXPECT_EQ(dx, std::vector<T>(6, T(7)));
    EXPECT_THROW(simdact::derivative(simdact::relu{}, x, y), std::invalid_argument);
    std::vector<T> short_dy(3);
    try {
        simdact::backward_from_output(simdact::sigmoid{}, x, short_dy, dy);
        FAIL() << "no exception";
    } catch (std::invalid_argument const& e) {
        EXPECT_EQ(std::string(e.what()), "simdact::backward_from_output: size mismatch: y has 5 "
                                         "elements but dy has 3");
    }
}

TYPED_TEST(drivers_test, partial_overlap_throws_and_writes_nothing) {
    using T = TypeParam;
    std::vector<T> buffer(16);
    for (std::size_t i = 0; i < buffer.size(); ++i)
        buffer[i] = static_cast<T>(i);
    std::vector<T> const before = buffer;
    std::span<T> const all(buffer);
    try {
        simdact::forward(simdact::relu{}, all.subspan(0, 8), all.subspan(1, 8));
        FAIL() << "no exception";
    } catch (std::invalid_argument const& e) {
        EXPECT_EQ(std::string(e.what()),
                  "simdact::forward: y (8 elements) partially overlaps x (8 elements); an output "
                  "must be the same span as an input or not overlap it");
    }
    EXPECT_THROW(
        simdact::backward(simdact::relu{}, all.subspan(8, 8), all.subspan(0, 8), all.subspan(4, 8)),
        std::invalid_argument);
    EXPECT_EQ(buffer, before);
    // Inputs may overlap each other; only outputs are restricted.
    std::vector<T> dx(8);
    simdact::backward(simdact::relu{}, all.subspan(0, 8), all.subspan(1, 8), dx);
    EXPECT_EQ(dx[3], T(4));
}

TYPED_TEST(drivers_test, user_defined_functor) {
    using T = TypeParam;
    std::vector<T> const x{-3, -1, 0, 0.5, 2, 7, 9};
    std::vector<T> y(x.size()), dx(x.size()), dy(x.size(), T(2));
    simdact::forward(softsign{}, x, y);
    simdact::backward(softsign{}, x, dy, dx);
    for (std::size_t i = 0; i < x.size(); ++i) {
        T const d = T(1) + std::abs(x[i]);
        EXPECT_NEAR(y[i], x[i] / d, 4 * std::numeric_limits<T>::epsilon());
        EXPECT_NEAR(dx[i], T(2) / (d * d), 8 * std::numeric_limits<T>::epsilon());
    }
}

TYPED_TEST(drivers_test, explicit_architecture) {
    using T = TypeParam;
    std::vector<T> const x{-2, -1, 0, 1, 2};
    std::vector<T> y(5);
    simdact::forward<xsimd::default_arch>(simdact::relu{}, x, y);
    EXPECT_EQ(y, (std::vector<T>{0, 0, 0, 1, 2}));
}
