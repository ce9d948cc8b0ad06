// Argument checks of the span drivers: sizes must match, and an output must either be exactly an
// input (in-place) or not overlap it at all. Every check runs before anything is written.
#pragma once

#include <simdact/config.hpp>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

SIMDACT_BEGIN_NAMESPACE
namespace detail {

struct span_info {
    char const* name;
    void const* data;
    std::size_t size;
};

// Templated on the architecture only so that translation units built for different instruction
// sets never share a definition: the linker keeps one copy of a shared inline function, and the
// copy compiled with AVX-512 must not end up in the code path of a baseline CPU. The messages
// are built out of line, so that the checks inline: as calls, they took about 5 ns of each
// driver call (measured by hand), as long as relu on a few hundred floats.
template <class Arch>
[[noreturn]] SIMDACT_DETAIL_COLD void
throw_size_mismatch(char const* function, span_info const& first, span_info const& other) {
    throw std::invalid_argument(std::string("simdact::") + function +
                                ": size mismatch: " + first.name + " has " +
                                std::to_string(first.size) + " elements but " + other.name +
                                " has " + std::to_string(other.size));
}

template <class Arch>
[[noreturn]] SIMDACT_DETAIL_COLD void
throw_partial_overlap(char const* function, span_info const& in, span_info const& out) {
    throw std::invalid_argument(std::string("simdact::") + function + ": " + out.name + " (" +
                                std::to_string(out.size) + " elements) partially overlaps " +
                                in.name + " (" + std::to_string(in.size) +
                                " elements); an output must be the same span as an input or "
                                "not overlap it");
}

template <class Arch>
inline void check_same_size(char const* function, span_info const& first, span_info const& other) {
    if (first.size != other.size)
        throw_size_mismatch<Arch>(function, first, other);
}

template <class Arch>
inline void check_no_partial_overlap(char const* function, span_info const& in,
                                     span_info const& out, std::size_t element_size) {
    auto const in_begin = reinterpret_cast<std::uintptr_t>(in.data);
    auto const out_begin = reinterpret_cast<std::uintptr_t>(out.data);
    bool const same = in_begin == out_begin && in.size == out.size;
    bool const disjoint = in_begin + in.size * element_size <= out_begin ||
                          out_begin + out.size * element_size <= in_begin;
    if (!same && !disjoint)
        throw_partial_overlap<Arch>(function, in, out);
}

} // namespace detail
SIMDACT_END_NAMESPACE
