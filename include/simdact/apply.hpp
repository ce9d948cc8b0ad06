// Span drivers: run an activation (or any functor of the same shape) over whole arrays.
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/batch_group.hpp>
#include <simdact/detail/checks.hpp>
#include <simdact/detail/lanewise.hpp>
#include <simdact/detail/stream.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <ranges>
#include <type_traits>
#include <utility>

SIMDACT_BEGIN_NAMESPACE

/// A contiguous, sized range of float or double: std::span, std::vector, std::array, C arrays.
template <class R>
concept real_range = std::ranges::contiguous_range<R> && std::ranges::sized_range<R> &&
    detail::real<std::remove_cv_t<std::ranges::range_value_t<R>>>;

/// A real_range whose elements can be written.
template <class R>
concept writable_real_range =
    real_range<R> && !std::is_const_v<std::remove_reference_t<std::ranges::range_reference_t<R>>>;

/// A functor that has f(x) and f.derivative(x) for xsimd batches of T (simdact's activations, or
/// your own with a templated operator() and derivative()).
template <class F, class T, class Arch = xsimd::default_arch>
concept activation = requires(F const& f, xsimd::batch<T, Arch> const& x) {
    { f(x) } -> std::convertible_to<xsimd::batch<T, Arch>>;
    { f.derivative(x) } -> std::convertible_to<xsimd::batch<T, Arch>>;
};

/// An activation that can also give its derivative from its output (sigmoid, tanh).
template <class F, class T, class Arch = xsimd::default_arch>
concept activation_with_output_derivative = activation<F, T, Arch> &&
    requires(F const& f, xsimd::batch<T, Arch> const& y) {
    { f.derivative_from_output(y) } -> std::convertible_to<xsimd::batch<T, Arch>>;
};

namespace detail {

template <class R>
using element_t = std::remove_cv_t<std::ranges::range_value_t<R>>;

template <class Arch, class R> // Arch: see check_same_size
span_info info(char const* name, R& r) {
    return {name, static_cast<void const*>(std::ranges::data(r)),
            static_cast<std::size_t>(std::ranges::size(r))};
}

// The drivers' operations on a batch of each input, or on a batch_group of each where
// `grouped` (the functors in group_kernels).
template <class F>
struct forward_op {
    F f;
    static constexpr bool grouped = group_kernels<F>;
    auto operator()(auto const& x) const { return f(x); }
};

template <class F>
struct derivative_op {
    F f;
    static constexpr bool grouped = group_kernels<F>;
    auto operator()(auto const& x) const { return f.derivative(x); }
};

template <class F>
struct backward_op {
    F f;
    static constexpr bool grouped = group_kernels<F>;
    auto operator()(auto const& x, auto const& dy) const { return dy * f.derivative(x); }
};

template <class F>
struct backward_from_output_op {
    F f;
    static constexpr bool grouped = false; // y (1 - y) or 1 - y^2: nothing to overlap
    auto operator()(auto const& y, auto const& dy) const {
        return dy * f.derivative_from_output(y);
    }
};

template <class Op>
concept grouped_op = Op::grouped;

// out[i] = op(in_0[i], ..., in_k[i]) batch by batch, every batch through the same vector code, so
// an element's result never depends on its position or on the length (op is lanewise).
//
// The stores are aligned: a misaligned store straddles two cache lines, and the loop is bound by
// its stores when op is cheap. When out is not aligned to a batch, the first full batch [0, w)
// is stored unaligned and the aligned loop starts at the first aligned element; when the length
// leaves a remainder, the last full batch [n - w, n) is stored unaligned after the loop. These
// overlap elements the loop also writes, with the same values. Every batch that another store
// overlaps is computed before that store, so an output that is exactly one of the inputs (in
// place) is fine: the first two batches are both computed before either is stored, and the last
// batch is computed before the loop. Only arrays shorter than one batch go through a zero-padded
// copy.
//
// When Stream is true and the inputs and the output together span stream_threshold_bytes or
// more, an output that is not one of the inputs is written with streaming stores.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
// GCC 12 at -O3 reports the full-batch loads as out of bounds for short arrays of known size,
// on paths where they never run (n < width).
#pragma GCC diagnostic ignored "-Warray-bounds"
#endif
template <class Arch, class T, std::size_t N, bool Stream, class Op>
SIMDACT_FLATTEN void transform(std::array<T const*, N> const& inputs, T* out, std::size_t n,
                               Op const& operation) {
    using B = xsimd::batch<T, Arch>;
    constexpr std::size_t width = B::size;
    // Local copies: the stores through out could alias the caller's pointers and functor as far
    // as the compiler knows, which would reload them (and convert leaky_relu's alpha) for every
    // batch.
    std::array<T const*, N> const in = inputs;
    Op const op = operation;
    auto apply_at = [&]<std::size_t... k>(std::array<T const*, N> const& src, std::size_t i,
                                          std::index_sequence<k...>) {
        return op(B::load_unaligned(src[k] + i)...);
    };
    auto batch_at = [&](std::size_t i) { return apply_at(in, i, std::make_index_sequence<N>{}); };

    if (n < width) {
        // Through one zero-padded batch.
        std::array<std::array<T, width>, N> padded{};
        std::array<T const*, N> src{};
        for (std::size_t k = 0; k < N; ++k) {
            std::copy_n(in[k], n, padded[k].data());
            src[k] = padded[k].data();
        }
        std::array<T, width> result;
        apply_at(src, 0, std::make_index_sequence<N>{}).store_unaligned(result.data());
        std::copy_n(result.data(), n, out);
        return;
    }

    auto const address = reinterpret_cast<std::uintptr_t>(out);
    if (address % sizeof(T) != 0) { // not even aligned to its elements: unaligned stores only
        B const last = batch_at(n - width);
        std::size_t i = 0;
        for (; i + width <= n; i += width)
            batch_at(i).store_unaligned(out + i);
        if (i != n)
            last.store_unaligned(out + n - width);
        return;
    }

    // [start, end): the batches stored aligned.
    std::size_t const head = (sizeof(B) - address % sizeof(B)) % sizeof(B) / sizeof(T);
    std::size_t const start = head + width <= n ? head : 0;
    std::size_t const end = start + (n - start) / width * width;
    bool const has_head = start != 0, has_tail = end != n;
    // The last batch's inputs can be overwritten by the loop when in place: computed first.
    B const last = has_tail ? batch_at(n - width) : B{};
    std::size_t i = start;
    if (has_head) {
        B const first = batch_at(0), second = batch_at(start);
        first.store_unaligned(out);
        second.store_aligned(out + start);
        i += width;
    } else if (head != 0) {
        // width <= n < head + width: the first and the last batch cover everything.
        batch_at(0).store_unaligned(out);
        i = end; // = width here; the loop below does not run
    }
    bool streamed = false;
    if constexpr (Stream && has_stream_store<Arch>) {
        // (N + 1) * n * sizeof(T) cannot overflow: n elements of T fit in memory.
        bool const in_place = std::find(in.begin(), in.end(), out) != in.end();
        if ((N + 1) * n * sizeof(T) >= stream_threshold_bytes && !in_place) {
            for (; i < end; i += width)
                stream_store(batch_at(i), out + i);
            streamed = true;
        }
    }
    // Four batches per iteration: the compute-bound functions' dependency chains (a table
    // lookup, polynomials, a division and its correction) then overlap more, and the cheap ones
    // spend fewer instructions per batch on the loop itself (README, drivers: the benchmark runs
    // before and after). sigmoid's and tanh's kernels take the four as one batch_group and run
    // them in lockstep (Op::grouped). Same code per batch, so the same results.
    for (; i + 4 * width <= end; i += 4 * width) {
        if constexpr (grouped_op<Op>) {
            auto const group = [&]<std::size_t... k>(std::index_sequence<k...>) {
                return op(load_group<B, 4>(in[k] + i)...);
            }
            (std::make_index_sequence<N>{});
            [&]<std::size_t... k>(std::index_sequence<k...>) {
                (group.batches[k].store_aligned(out + i + k * width), ...);
            }
            (std::make_index_sequence<4>{});
        } else {
            B const b0 = batch_at(i), b1 = batch_at(i + width), b2 = batch_at(i + 2 * width),
                    b3 = batch_at(i + 3 * width);
            b0.store_aligned(out + i);
            b1.store_aligned(out + i + width);
            b2.store_aligned(out + i + 2 * width);
            b3.store_aligned(out + i + 3 * width);
        }
    }
    for (; i < end; i += width)
        batch_at(i).store_aligned(out + i);
    if (has_tail)
        last.store_unaligned(out + n - width);
    if (streamed)
        stream_fence<Arch>();
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

// Checks every argument of a driver: same element type, same sizes, no partial overlap of the
// output with an input. names lists the inputs' names, then the output's. Returns the size.
template <class Arch, class Out, class... In>
std::size_t check_arguments(char const* function,
                            std::array<char const*, sizeof...(In) + 1> const& names, Out& out,
                            In&... in) {
    using T = element_t<Out>;
    static_assert((std::is_same_v<element_t<In>, T> && ...),
                  "simdact: all ranges of one call must have the same element type");
    std::size_t k = 0;
    // A plain array: std::array<span_info, N>'s members would be inline functions shared by
    // every instruction set (see check_same_size).
    span_info const inputs[] = {info<Arch>(names[k++], in)...};
    span_info const output = info<Arch>(names[sizeof...(In)], out);
    for (auto const& s : inputs)
        check_same_size<Arch>(function, inputs[0], s);
    check_same_size<Arch>(function, inputs[0], output);
    for (auto const& s : inputs)
        check_no_partial_overlap<Arch>(function, s, output, sizeof(T));
    return output.size;
}

// Checks every argument, then runs op (Stream: see transform).
template <class Arch, bool Stream, class Op, class Out, class... In>
void checked_transform(char const* function, Op const& op,
                       std::array<char const*, sizeof...(In) + 1> const& names, Out& out,
                       In&... in) {
    std::size_t const n = check_arguments<Arch>(function, names, out, in...);
    transform<Arch, element_t<Out>, sizeof...(In), Stream>({std::ranges::data(in)...},
                                                           std::ranges::data(out), n, op);
}

} // namespace detail

/// y[i] = f(x[i]). x and y: float or double, same type and size; y may be x itself (in-place).
/// Throws std::invalid_argument (naming the function and both sizes) on a size mismatch or a
/// partial overlap; nothing is written then.
template <class Arch = xsimd::default_arch, class F, real_range X, writable_real_range Y>
void forward(F const& f, X&& x, Y&& y) {
    using T = detail::element_t<Y>;
    static_assert(activation<F, T, Arch>, "simdact::forward: F needs operator() and derivative() "
                                          "templated on xsimd::batch");
    detail::checked_transform<Arch, detail::may_stream_forward<F>>(
        "forward", detail::forward_op<F>{f}, {"x", "y"}, y, x);
}

/// d[i] = f'(x[i]). Same rules as forward.
template <class Arch = xsimd::default_arch, class F, real_range X, writable_real_range D>
void derivative(F const& f, X&& x, D&& d) {
    using T = detail::element_t<D>;
    static_assert(activation<F, T, Arch>, "simdact::derivative: F needs operator() and "
                                          "derivative() templated on xsimd::batch");
    detail::checked_transform<Arch, detail::may_stream<F>>(
        "derivative", detail::derivative_op<F>{f}, {"x", "d"}, d, x);
}

/// dx[i] = dy[i] * f'(x[i]): the backward pass from the layer's input x. dx may be x or dy.
template <class Arch = xsimd::default_arch, class F, real_range X, real_range DY,
          writable_real_range DX>
void backward(F const& f, X&& x, DY&& dy, DX&& dx) {
    using T = detail::element_t<DX>;
    static_assert(activation<F, T, Arch>, "simdact::backward: F needs operator() and "
                                          "derivative() templated on xsimd::batch");
    detail::checked_transform<Arch, detail::may_stream<F>>("backward", detail::backward_op<F>{f},
                                                           {"x", "dy", "dx"}, dx, x, dy);
}

/// dx[i] = dy[i] * f'(x[i]), with f' computed from the saved output y = f(x) (for functors with
/// derivative_from_output: sigmoid, tanh). dx may be y or dy.
template <class Arch = xsimd::default_arch, class F, real_range Y, real_range DY,
          writable_real_range DX>
void backward_from_output(F const& f, Y&& y, DY&& dy, DX&& dx) {
    using T = detail::element_t<DX>;
    static_assert(activation_with_output_derivative<F, T, Arch>,
                  "simdact::backward_from_output: F needs derivative_from_output() (sigmoid and "
                  "tanh have it; relu's derivative cannot be told from its output at 0)");
    detail::checked_transform<Arch, true>("backward_from_output",
                                          detail::backward_from_output_op<F>{f}, {"y", "dy", "dx"},
                                          dx, y, dy);
}

SIMDACT_END_NAMESPACE
