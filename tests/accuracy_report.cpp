// Prints the accuracy table of the README for the architecture this binary was built for, and
// fails if a documented bound is exceeded. Usage: simdact_accuracy [points-per-function]
#include "support/inputs.hpp"
#include "support/reference.hpp"

#include <simdact/simdact.hpp>

#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace simdact_test;

namespace {

bool all_ok = true;

template <class T, class Compute>
void row(function f, char const* label, std::size_t patterns, double bound, Compute compute) {
    std::vector<T> const x = sweep<T>(patterns, patterns / 2);
    std::vector<T> y(x.size());
    compute(x, y);
    accuracy const a = measure<T>(f, std::span<T const>(x), std::span<T const>(y));
    bool const ok = a.max_ulp <= bound;
    all_ok = all_ok && ok;
    std::printf("| %-12s | %-6s | %8.3f | %5.1f | %-24.17g | %9zu |%s\n", label,
                sizeof(T) == 4 ? "float" : "double", a.max_ulp, bound, a.worst_x, a.points,
                ok ? "" : "  <-- EXCEEDS BOUND");
}

template <class T>
void rows(std::size_t patterns) {
    using S = std::span<T const>;
    using D = std::span<T>;
    row<T>(function::sigmoid, "sigmoid", patterns, 1.0,
           [](S x, D y) { simdact::forward(simdact::sigmoid{}, x, y); });
    row<T>(function::sigmoid, "fast sigmoid", patterns, 4.0,
           [](S x, D y) { simdact::forward(simdact::fast::sigmoid{}, x, y); });
    row<T>(function::sigmoid_derivative, "sigmoid'", patterns, 2.0,
           [](S x, D y) { simdact::derivative(simdact::sigmoid{}, x, y); });
    row<T>(function::tanh, "tanh", patterns, 1.0,
           [](S x, D y) { simdact::forward(simdact::tanh{}, x, y); });
    row<T>(function::tanh, "fast tanh", patterns, 4.0,
           [](S x, D y) { simdact::forward(simdact::fast::tanh{}, x, y); });
    row<T>(function::tanh_derivative, "tanh'", patterns, 2.0,
           [](S x, D y) { simdact::derivative(simdact::tanh{}, x, y); });
}

} // namespace

int main(int argc, char** argv) {
    std::size_t const patterns =
        argc > 1 ? std::strtoull(argv[1], nullptr, 10) : std::size_t{1} << 20;
    std::printf("architecture: %s, xsimd %d.%d.%d\n\n", xsimd::default_arch::name(),
                XSIMD_VERSION_MAJOR, XSIMD_VERSION_MINOR, XSIMD_VERSION_PATCH);
    std::printf(
        "| function     | type   | max ULP  | bound | worst x                  | points    |\n");
    std::printf(
        "|--------------|--------|----------|-------|--------------------------|-----------|\n");
    rows<float>(patterns);
    rows<double>(patterns);
    return all_ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
