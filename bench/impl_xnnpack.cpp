// XNNPACK operators (float, forward only; this XNNPACK has no float tanh): sigmoid, leaky relu,
// and relu as a clamp to [0, +inf). Created and set up in prepare, run without a thread pool.
#include "support.hpp"

#include <xnnpack.h>

#include <limits>
#include <memory>

namespace {

using namespace bench;

std::function<void()> prepare(call<float> const& c) {
    static bool const initialized = xnn_initialize(nullptr) == xnn_status_success;
    if (!initialized || c.op != operation::forward || c.a == activation::tanh)
        return {};
    xnn_operator_t op = nullptr;
    xnn_status status = xnn_status_success;
    switch (c.a) {
    case activation::sigmoid:
        status = xnn_create_sigmoid_nc_f32(1, 1, 1, 0, &op);
        break;
    case activation::leaky_relu:
        status = xnn_create_leaky_relu_nc_f32(1, 1, 1, static_cast<float>(leaky_alpha), 0, &op);
        break;
    default:
        status =
            xnn_create_clamp_nc_f32(1, 1, 1, 0.0f, std::numeric_limits<float>::infinity(), 0, &op);
    }
    if (status != xnn_status_success)
        return {};
    std::shared_ptr<xnn_operator> const owner(op, xnn_delete_operator);
    switch (c.a) {
    case activation::sigmoid:
        status = xnn_setup_sigmoid_nc_f32(op, c.n, c.x, c.out, nullptr);
        break;
    case activation::leaky_relu:
        status = xnn_setup_leaky_relu_nc_f32(op, c.n, c.x, c.out, nullptr);
        break;
    default:
        status = xnn_setup_clamp_nc_f32(op, c.n, c.x, c.out, nullptr);
    }
    if (status != xnn_status_success)
        return {};
    return [owner] { xnn_run_operator(owner.get(), nullptr); };
}

registrar const xnnpack_impl{{"xnnpack", prepare, {}}};

} // namespace
