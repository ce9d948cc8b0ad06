// A few batches that a kernel runs in lockstep.
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/xsimd_compat.hpp>

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

SIMDACT_BEGIN_NAMESPACE
namespace detail {

// M batches of one type. The span drivers hand sigmoid's and tanh's kernels four at a time
// (group_kernels below), and their AVX-512 kernels run each instruction on all four before the
// next (avx512::lanes); elsewhere each batch runs on its own. Either way every batch goes through
// the same instructions as alone, so its results are the same.
template <class B, std::size_t M>
struct batch_group {
    using batch_type = B;
    using value_type = typename B::value_type;
    using arch_type = typename B::arch_type;
    static constexpr std::size_t count = M;
    std::array<B, M> batches;

    // The backward passes' dy * f'(x).
    friend batch_group operator*(batch_group const& a, batch_group const& b) noexcept {
        return each_batch([](B const& u, B const& v) { return u * v; }, a, b);
    }
};

template <class X>
struct is_batch_group : std::false_type {};
template <class B, std::size_t M>
struct is_batch_group<batch_group<B, M>> : std::true_type {};

// f on batch K of each group.
template <std::size_t K, class F, class... G>
inline auto apply_to_batch(F const& f, G const&... x) noexcept {
    return f(x.batches[K]...);
}

// f on each batch of x (and the batches of the other groups at the same place).
template <class F, class B, std::size_t M, class... G>
inline batch_group<B, M> each_batch(F const& f, batch_group<B, M> const& x,
                                    G const&... more) noexcept {
    return [&]<std::size_t... K>(std::index_sequence<K...>) {
        return batch_group<B, M>{{apply_to_batch<K>(f, x, more...)...}};
    }
    (std::make_index_sequence<M>{});
}

// The M batches from p on.
template <class B, std::size_t M>
inline batch_group<B, M> load_group(typename B::value_type const* p) noexcept {
    return [&]<std::size_t... K>(std::index_sequence<K...>) {
        return batch_group<B, M>{{B::load_unaligned(p + K * B::size)...}};
    }
    (std::make_index_sequence<M>{});
}

// f(x) for a batch; f on each batch for a batch_group.
template <class X, class F>
inline X batchwise(X const& x, F const& f) noexcept {
    if constexpr (is_batch_group<X>::value)
        return each_batch(f, x);
    else
        return f(x);
}

// True for the functors whose kernels take a batch_group (simdact's sigmoid and tanh, both
// accuracy levels): the span drivers then pass them four batches at once. A functor of the
// user's is called batch by batch, whatever its call operator accepts.
template <class F>
inline constexpr bool group_kernels = false;

} // namespace detail
SIMDACT_END_NAMESPACE
