// Compiled once per instruction set (baseline, AVX2+FMA, AVX-512), each copy with its own flags
// and SIMDACT_TEST_ISA set to its name; all copies are linked into one program. Every copy runs
// the same simdact calls through its own default architecture.
#include "kernels.hpp"

#include <simdact/simdact.hpp>

#include <vector>

#define SIMDACT_TEST_CONCAT2(a, b) a##b
#define SIMDACT_TEST_CONCAT(a, b) SIMDACT_TEST_CONCAT2(a, b)

namespace multi_isa {

std::vector<double> SIMDACT_TEST_CONCAT(run_, SIMDACT_TEST_ISA)(std::vector<float> const& x) {
    std::size_t const n = x.size();
    std::vector<float> y(n), d(n), dx(n);
    std::vector<double> out;
    auto keep = [&](std::vector<float> const& v) { out.insert(out.end(), v.begin(), v.end()); };

    simdact::forward(simdact::relu{}, x, y);
    keep(y);
    simdact::backward(simdact::leaky_relu{0.05}, x, y, dx);
    keep(dx);
    simdact::forward(simdact::sigmoid{}, x, y);
    keep(y);
    simdact::backward_from_output(simdact::sigmoid{}, y, x, dx);
    keep(dx);
    simdact::derivative(simdact::tanh{}, x, d);
    keep(d);
    out.push_back(simdact::sigmoid{}(0.75f)); // scalar calls too

    std::vector<double> xd(x.begin(), x.end()), yd(n);
    simdact::forward(simdact::tanh{}, xd, yd);
    out.insert(out.end(), yd.begin(), yd.end());
    simdact::derivative(simdact::sigmoid{}, xd, yd);
    out.insert(out.end(), yd.begin(), yd.end());
    return out;
}

} // namespace multi_isa
