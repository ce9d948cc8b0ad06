// The definition of sigmoid_layer's kernel, for the per-architecture translation units only.
#pragma once

#include "sigmoid_layer.hpp"

#include <simdact/simdact.hpp>

template <class Arch>
char const* sigmoid_layer::operator()(Arch, std::span<float const> x, std::span<float> y) const {
    // The architecture is explicit: every simdact template instantiated here carries Arch in its
    // name, so the copies in the other translation units stay separate.
    simdact::forward<Arch>(simdact::sigmoid{}, x, y);
    return Arch::name();
}
