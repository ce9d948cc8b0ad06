// simdact itself, through its header-only span drivers (built with SIMDACT_BENCH_ARCH_FLAGS), at
// both accuracy levels.
#include "simdact_cases.hpp"

namespace {

using namespace bench;

struct header_only {
    static void forward(auto const& f, auto x, auto y) { simdact::forward(f, x, y); }
    static void derivative(auto const& f, auto x, auto d) { simdact::derivative(f, x, d); }
    static void backward(auto const& f, auto x, auto dy, auto dx) {
        simdact::backward(f, x, dy, dx);
    }
    static void backward_from_output(auto const& f, auto y, auto dy, auto dx) {
        simdact::backward_from_output(f, y, dy, dx);
    }
};

registrar const simdact_impl{
    {"simdact", simdact_prepare<header_only, float>, simdact_prepare<header_only, double>}};
registrar const simdact_fast_impl{{"simdact_fast", simdact_fast_prepare<header_only, float>,
                                   simdact_fast_prepare<header_only, double>}};

} // namespace
