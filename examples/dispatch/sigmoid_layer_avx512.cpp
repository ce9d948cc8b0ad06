// sigmoid_layer for xsimd::avx512bw; built with that architecture's flags (see CMakeLists.txt).
#include "sigmoid_layer_impl.hpp"

template char const* sigmoid_layer::operator()<xsimd::avx512bw>(xsimd::avx512bw,
                                                                std::span<float const>,
                                                                std::span<float>) const;
