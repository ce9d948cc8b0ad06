// A user-written functor of the same shape as simdact's: softsign(x) = x / (1 + |x|).
#pragma once

#include <xsimd/xsimd.hpp>

namespace simdact_test {

struct softsign {
    template <class V>
    V operator()(V const& x) const {
        return x / (V(1) + xsimd::abs(x));
    }
    template <class V>
    V derivative(V const& x) const {
        V const d = V(1) + xsimd::abs(x);
        return V(1) / (d * d);
    }
};

} // namespace simdact_test
