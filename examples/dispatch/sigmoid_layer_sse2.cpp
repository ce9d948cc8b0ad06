// sigmoid_layer for xsimd::sse2; built with that architecture's flags (see CMakeLists.txt).
#include "sigmoid_layer_impl.hpp"

template char const* sigmoid_layer::operator()<xsimd::sse2>(xsimd::sse2, std::span<float const>,
                                                            std::span<float>) const;
