// Fast references for float (in double) and double (in long double): each input's four exact
// values from one exp and one expm1, and the spacing to measure their errors in. Shared by the
// exhaustive test and the benchmark's accuracy table of the peers; accurate to a few ulp of the
// wider type (reference_tolerance), far below the float and double ULPs they measure.
#pragma once

#include "reference.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace simdact_test {

inline constexpr int functions = 4; // the values of `function`, the mathematical functions

// The wider type the references are computed in.
template <class T>
using wide_t = std::conditional_t<std::is_same_v<T, float>, double, long double>;
// A bound on the relative error of those references (a few ulp of R, with a wide margin).
template <class T>
constexpr wide_t<T> reference_tolerance = std::is_same_v<T, float> ? 0x1p-46 : 0x1p-58L;

// f(x) for the four functions, in R, for x not NaN.
template <class R>
std::array<R, functions> exact_values(R x) {
    // Beyond this, e^-|x| is 0 in R (skips libm's underflow path, half of all inputs).
    constexpr R zero_beyond = std::is_same_v<R, double> ? 746 : 11400;
    R const a = std::abs(x);
    R const t = a < zero_beyond ? std::exp(-a) : R(0);        // e^-|x| in [0, 1]
    R const m = a < zero_beyond ? std::expm1(-2 * a) : R(-1); // e^-2|x| - 1 in [-1, 0]
    R const up = 1 / (1 + t);                                 // sigmoid(|x|)
    R const down = t * up;                                    // sigmoid(-|x|)
    R const q = t * t;                                        // e^-2|x|
    R const r = 1 / (2 + m);                                  // 1 / (1 + e^-2|x|)
    std::array<R, functions> v;
    v[int(function::sigmoid)] = std::signbit(x) ? down : up;
    v[int(function::sigmoid_derivative)] = up * down;
    v[int(function::tanh)] = std::copysign(-m * r, x);
    v[int(function::tanh_derivative)] = 4 * q * (r * r);
    return v;
}

// 1 / the spacing of T at |r| (the subnormal spacing below T's normal range), in R: a power of
// two, so multiplying by it is exact.
template <class T, class R>
R inverse_spacing(R r) {
    using L = std::numeric_limits<T>;
    if constexpr (std::is_same_v<T, float> && std::is_same_v<R, double>) {
        // Read the exponent from the bits: |r| in [2^(e-1), 2^e) for a normal double; zero and
        // subnormal doubles give e = -1022, far below float's range.
        int const e = static_cast<int>((std::bit_cast<std::uint64_t>(r) >> 52) & 0x7ff) - 1022;
        int const k = L::digits - std::max(e, L::min_exponent);
        return std::bit_cast<double>(static_cast<std::uint64_t>(k + 1023) << 52);
    } else {
        int const e = r == 0 ? L::min_exponent : std::ilogb(r) + 1;
        return std::ldexp(R(1), L::digits - std::max(e, L::min_exponent));
    }
}

} // namespace simdact_test
