// Lets one kernel written for xsimd batches also serve scalar calls.
#pragma once

#include <simdact/config.hpp>
#include <simdact/detail/batch_group.hpp>
#include <simdact/detail/xsimd_compat.hpp>

#include <type_traits>

SIMDACT_BEGIN_NAMESPACE
namespace detail {

template <class T>
concept real = std::is_same_v<T, float> || std::is_same_v<T, double>;

template <class V>
concept real_or_batch = real<V> ||(is_batch<V>::value&& real<typename V::value_type>);

// Also a batch_group: what the call operators of the functors in group_kernels accept.
template <class V>
concept real_batch_or_group = real_or_batch<V> || is_batch_group<V>::value;

// A batch (or a batch_group) goes straight to the kernel. A scalar is broadcast into a batch of
// Arch and lane 0 is returned, so a scalar call gives bit for bit what the span drivers give for
// that element.
template <class Arch, class V, class Kernel>
inline V lanewise(V const& x, Kernel const& kernel) noexcept {
    if constexpr (is_batch<V>::value || is_batch_group<V>::value)
        return kernel(x);
    else
        return kernel(xsimd::batch<V, Arch>(x)).get(0);
}

} // namespace detail
SIMDACT_END_NAMESPACE
