// oneDNN eltwise primitives (float; oneDNN has no f64): relu (alpha 0), leaky relu (relu with
// alpha), logistic, tanh; forward, backward from the input, and backward from the output (the
// *_use_dst_for_bwd algorithms). Primitives are created in prepare, outside the timed loop.
// oneDNN has no "derivative only" primitive.
#include "support.hpp"

#include <oneapi/dnnl/dnnl.hpp>

#include <memory>

namespace {

using namespace bench;

struct context {
    dnnl::engine engine{dnnl::engine::kind::cpu, 0};
    dnnl::stream stream{engine};
};

context& shared() {
    static context c;
    return c;
}

std::function<void()> prepare(call<float> const& c) {
    using dnnl::algorithm;
    if (c.op == operation::derivative)
        return {};
    algorithm alg = algorithm::eltwise_relu;
    float alpha = 0;
    switch (c.a) {
    case activation::relu:
        break;
    case activation::leaky_relu:
        alpha = static_cast<float>(leaky_alpha);
        break;
    case activation::sigmoid:
        alg = c.op == operation::backward_from_output ? algorithm::eltwise_logistic_use_dst_for_bwd
                                                      : algorithm::eltwise_logistic;
        break;
    default:
        alg = c.op == operation::backward_from_output ? algorithm::eltwise_tanh_use_dst_for_bwd
                                                      : algorithm::eltwise_tanh;
    }
    auto& ctx = shared();
    dnnl::memory::desc const md({static_cast<dnnl::memory::dim>(c.n)}, dnnl::memory::data_type::f32,
                                dnnl::memory::format_tag::a);
    auto const x = dnnl::memory(md, ctx.engine, const_cast<float*>(c.x));
    auto const dy = dnnl::memory(md, ctx.engine, const_cast<float*>(c.dy));
    auto const out = dnnl::memory(md, ctx.engine, c.out);

    if (c.op == operation::forward) {
        dnnl::eltwise_forward::primitive_desc const pd(
            {dnnl::prop_kind::forward_inference, alg, md, alpha, 0.0f}, ctx.engine);
        auto const primitive = std::make_shared<dnnl::eltwise_forward>(pd);
        return [primitive, x, out, &ctx] {
            primitive->execute(ctx.stream, {{DNNL_ARG_SRC, x}, {DNNL_ARG_DST, out}});
            ctx.stream.wait();
        };
    }
    dnnl::eltwise_forward::primitive_desc const hint(
        {dnnl::prop_kind::forward_training, alg, md, alpha, 0.0f}, ctx.engine);
    dnnl::eltwise_backward::primitive_desc const pd({alg, md, md, alpha, 0.0f}, ctx.engine, hint);
    auto const primitive = std::make_shared<dnnl::eltwise_backward>(pd);
    int const data_arg = c.op == operation::backward_from_output ? DNNL_ARG_DST : DNNL_ARG_SRC;
    return [primitive, x, dy, out, data_arg, &ctx] {
        primitive->execute(ctx.stream,
                           {{data_arg, x}, {DNNL_ARG_DIFF_DST, dy}, {DNNL_ARG_DIFF_SRC, out}});
        ctx.stream.wait();
    };
}

registrar const onednn_impl{{"onednn", prepare, {}}};

} // namespace
