// simdact through run-time dispatch (simdact_add_dispatch): the best compiled instruction set
// the CPU has, whatever flags this file was built with.
#include "simdact_cases.hpp"

#include <simdact/dispatch.hpp>

namespace {

using namespace bench;

struct dispatched {
    static void forward(auto const& f, auto x, auto y) { simdact::dispatch::forward(f, x, y); }
    static void derivative(auto const& f, auto x, auto d) {
        simdact::dispatch::derivative(f, x, d);
    }
    static void backward(auto const& f, auto x, auto dy, auto dx) {
        simdact::dispatch::backward(f, x, dy, dx);
    }
    static void backward_from_output(auto const& f, auto y, auto dy, auto dx) {
        simdact::dispatch::backward_from_output(f, y, dy, dx);
    }
};

registrar const dispatch_impl{
    {"simdact_dispatch", simdact_prepare<dispatched, float>, simdact_prepare<dispatched, double>}};

} // namespace
