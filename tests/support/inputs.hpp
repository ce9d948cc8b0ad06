// Test inputs: a dense sweep over the whole floating-point range, and the special values.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <vector>

namespace simdact_test {

template <class T>
using bits_t = std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>;

// Finite values, both signs: `patterns` bit patterns evenly spaced over the whole encoding (every
// binade from the subnormals to the largest finite, so tiny magnitudes are well covered), plus
// `uniform` values evenly spaced in [-limit, limit], where the functions do their work.
template <class T>
std::vector<T> sweep(std::size_t patterns = std::size_t{1} << 20,
                     std::size_t uniform = std::size_t{1} << 19, T limit = T(40)) {
    using U = bits_t<T>;
    std::vector<T> out;
    out.reserve(patterns + uniform);
    U const stride = std::numeric_limits<U>::max() / static_cast<U>(patterns);
    // An odd offset so the steps do not all land on round numbers.
    for (U b = 0x1234567 | 1, i = 0; i < patterns; ++i, b += stride) {
        T const x = std::bit_cast<T>(b);
        if (std::isfinite(x))
            out.push_back(x);
    }
    for (std::size_t i = 0; i < uniform; ++i)
        out.push_back(-limit + T(2) * limit * static_cast<T>(i) / static_cast<T>(uniform - 1));
    return out;
}

// +-0, +-denorm_min, +-largest subnormal, +-smallest normal, +-1, +-largest finite, and +-inf.
template <class T>
std::vector<T> edge_values() {
    using L = std::numeric_limits<T>;
    std::vector<T> v{T(0),     L::denorm_min(), std::nextafter(L::min(), T(0)), L::min(), T(1),
                     L::max(), L::infinity()};
    std::size_t const n = v.size();
    for (std::size_t i = 0; i < n; ++i)
        v.push_back(-v[i]);
    return v;
}

} // namespace simdact_test
