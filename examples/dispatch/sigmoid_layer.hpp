// A layer whose kernel is compiled once per instruction set and chosen at run time with
// xsimd::dispatch. This header declares it; sigmoid_layer_impl.hpp defines it and is included
// only by the per-architecture translation units, each built with its own -m flags.
#pragma once

#include <xsimd/xsimd.hpp>

#include <span>

// The architectures compiled in, best first; dispatch takes the first the CPU supports.
using dispatch_archs = xsimd::arch_list<xsimd::avx512bw, xsimd::fma3<xsimd::avx2>, xsimd::sse2>;

struct sigmoid_layer {
    // y = sigmoid(x) for the architecture Arch; returns Arch's name. x and y have the same
    // size (checked by the caller: xsimd's dispatcher is noexcept, so nothing may throw here).
    template <class Arch>
    char const* operator()(Arch, std::span<float const> x, std::span<float> y) const;
};

// Defined in sigmoid_layer_<arch>.cpp; declared here so no other translation unit instantiates
// them with its own flags.
extern template char const* sigmoid_layer::operator()<xsimd::avx512bw>(xsimd::avx512bw,
                                                                       std::span<float const>,
                                                                       std::span<float>) const;
extern template char const*
sigmoid_layer::operator()<xsimd::fma3<xsimd::avx2>>(xsimd::fma3<xsimd::avx2>,
                                                    std::span<float const>, std::span<float>) const;
extern template char const*
sigmoid_layer::operator()<xsimd::sse2>(xsimd::sse2, std::span<float const>, std::span<float>) const;
