// Polynomial evaluation by Horner's rule, written out at compile time.
#pragma once

#include <simdact/config.hpp>

#include <array>
#include <cstddef>
#include <utility>

SIMDACT_BEGIN_NAMESPACE
namespace detail {

// c[First] + x (c[First + 1] + x (... + x c[N - 1])) for coefficients lowest degree first: from
// the top down, acc = fma(acc, x, splat(c[i])). The steps are a fold, not a loop: GCC 12 at -O2
// keeps a loop over a dozen coefficients rolled (double tanh's), with its loop overhead in the
// kernel.
template <std::size_t First = 0, class Reg, class T, std::size_t N, class Fma, class Splat>
inline Reg horner(std::array<T, N> const& c, Reg const& x, Fma const& fma,
                  Splat const& splat) noexcept {
    static_assert(First < N);
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        Reg acc = splat(c[N - 1]);
        ((acc = fma(acc, x, splat(c[N - 2 - I]))), ...);
        return acc;
    }
    (std::make_index_sequence<N - 1 - First>{});
}

} // namespace detail
SIMDACT_END_NAMESPACE
