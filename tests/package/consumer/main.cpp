// The program every consumer project builds: it includes simdact the way a user does and checks
// a few results, so a broken include path, target or pkg-config file fails loudly.
#include <simdact/simdact.hpp>

#include <cmath>
#include <cstdio>
#include <vector>

#ifndef SIMDACT_CONSUMER
#define SIMDACT_CONSUMER "unknown"
#endif

int main() {
    std::vector<float> const x{-2, -1, 0, 1, 2};
    std::vector<float> y(x.size());
    simdact::forward(simdact::relu{}, x, y);
    bool ok = y == std::vector<float>{0, 0, 0, 1, 2};

    std::vector<double> z{-1.0, 0.0, 0.5};
    simdact::forward(simdact::sigmoid{}, z, z); // in place
    ok = ok && z[1] == 0.5 && std::abs(z[0] - 1 / (1 + std::exp(1.0))) < 1e-15;
    ok = ok && std::abs(simdact::tanh{}(0.5) - std::tanh(0.5)) < 1e-15;

    std::printf("simdact %d.%d.%d consumed through %s: %s\n", SIMDACT_VERSION_MAJOR,
                SIMDACT_VERSION_MINOR, SIMDACT_VERSION_PATCH, SIMDACT_CONSUMER,
                ok ? "ok" : "WRONG RESULTS");
    return ok ? 0 : 1;
}
