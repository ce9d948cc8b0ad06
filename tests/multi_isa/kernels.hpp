// The entry points of the per-instruction-set copies of kernels.cpp. Plain functions with
// distinct names: nothing of simdact appears in this interface.
#pragma once

#include <vector>

namespace multi_isa {

std::vector<double> run_baseline(std::vector<float> const& x);
std::vector<double> run_avx2(std::vector<float> const& x);
std::vector<double> run_avx512(std::vector<float> const& x);

} // namespace multi_isa
