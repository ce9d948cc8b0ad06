// The source material's example: relu over [-2, -1, 0, 1, 2] gives [0, 0, 0, 1, 2].
#include <simdact/simdact.hpp>

#include <cstdio>
#include <span>
#include <vector>

namespace {

void print(char const* label, std::span<float const> values) {
    std::printf("%s: [", label);
    for (std::size_t i = 0; i < values.size(); ++i)
        std::printf(i == 0 ? "%g" : ", %g", static_cast<double>(values[i]));
    std::printf("]\n");
}

} // namespace

int main() {
    std::vector<float> const input{-2, -1, 0, 1, 2};
    std::vector<float> output(input.size());
    simdact::forward(simdact::relu{}, input, output);
    print("Input", input);
    print("Output", output);

    // relu'(x) is 1 for x >= 0 and 0 for x < 0.
    std::vector<float> slope(input.size());
    simdact::derivative(simdact::relu{}, input, slope);
    print("Derivative", slope);
}
