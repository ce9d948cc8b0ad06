// sigmoid_layer for xsimd::fma3<xsimd::avx2>; built with that architecture's flags (see
// CMakeLists.txt).
#include "sigmoid_layer_impl.hpp"

template char const* sigmoid_layer::operator()<xsimd::fma3<xsimd::avx2>>(xsimd::fma3<xsimd::avx2>,
                                                                         std::span<float const>,
                                                                         std::span<float>) const;
