// Eigen 3.4 arrays: cwiseMax, select, logistic(), tanh(); derivatives as s*(1-s) and 1-t*t.
#include "support.hpp"

#include <Eigen/Core>

namespace {

using namespace bench;

template <class T>
std::function<void()> prepare(call<T> const& c) {
    using A = Eigen::Array<T, Eigen::Dynamic, 1>;
    auto const n = static_cast<Eigen::Index>(c.n);
    Eigen::Map<A const> const x(c.x, n), dy(c.dy, n);
    Eigen::Map<A> out(c.out, n);
    T const alpha = static_cast<T>(leaky_alpha);
    switch (c.a) {
    case activation::relu:
        switch (c.op) {
        case operation::forward:
            return [=]() mutable { out = x.cwiseMax(T(0)); };
        case operation::derivative:
            return [=]() mutable { out = (x >= T(0)).template cast<T>(); };
        case operation::backward:
            return [=]() mutable { out = (x >= T(0)).select(dy, T(0)); };
        default:
            return {};
        }
    case activation::leaky_relu:
        switch (c.op) {
        case operation::forward:
            return [=]() mutable { out = (x > T(0)).select(x, alpha * x); };
        case operation::derivative:
            return [=]() mutable { out = (x >= T(0)).select(A::Ones(n), alpha); };
        case operation::backward:
            return [=]() mutable { out = (x >= T(0)).select(dy, alpha * dy); };
        default:
            return {};
        }
    case activation::sigmoid:
        switch (c.op) {
        case operation::forward:
            return [=]() mutable { out = x.logistic(); };
        case operation::derivative:
            return [=]() mutable { out = x.logistic() * (T(1) - x.logistic()); };
        case operation::backward:
            return [=]() mutable { out = dy * x.logistic() * (T(1) - x.logistic()); };
        default:
            return [=]() mutable { out = dy * x * (T(1) - x); };
        }
    default:
        switch (c.op) {
        case operation::forward:
            return [=]() mutable { out = x.tanh(); };
        case operation::derivative:
            return [=]() mutable { out = T(1) - x.tanh().square(); };
        case operation::backward:
            return [=]() mutable { out = dy * (T(1) - x.tanh().square()); };
        default:
            return [=]() mutable { out = dy * (T(1) - x.square()); };
        }
    }
}

registrar const eigen_impl{{"eigen", prepare<float>, prepare<double>}};

} // namespace
