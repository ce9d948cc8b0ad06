// A small multilayer perceptron trained from scratch with simdact's span drivers.
//
// The task is XOR on the plane: a point (u, v) in [-1, 1]^2 belongs to class 1 when u and v have
// the same sign. No straight line separates the classes, so the hidden layers have to learn it.
//
//   2 inputs -> 16 tanh -> 16 softsign (a user-written functor) -> 1 sigmoid, mean squared error,
//   mini-batch Adam.
//
// Each activation runs over a whole layer's batch of values in one call: forward() on the way in,
// backward() (from the pre-activation) or backward_from_output() (from the saved output) on the
// way back. The program prints the loss per epoch and exits with status 1 unless the final loss
// falls below `loss_threshold`.
#include <simdact/simdact.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <span>
#include <vector>

namespace {

constexpr float loss_threshold = 0.02f;
constexpr int epochs = 60;
constexpr std::size_t batch_size = 32;
constexpr std::size_t samples = 512;

// softsign(x) = x / (1 + |x|), written by the user: any functor with a templated operator() and
// derivative() works with simdact's drivers.
struct softsign {
    template <class V>
    V operator()(V const& x) const {
        return x / (V(1) + xsimd::abs(x));
    }
    template <class V>
    V derivative(V const& x) const {
        V const d = V(1) + xsimd::abs(x);
        return V(1) / (d * d);
    }
};

// A fixed-seed generator, so every run (and every standard library) trains the same network.
class random_source {
public:
    float uniform(float lo, float hi) {
        state_ = state_ * 6364136223846793005u + 1442695040888963407u;
        float const unit = static_cast<float>(state_ >> 40) * 0x1p-24f; // [0, 1)
        return lo + (hi - lo) * unit;
    }
    std::size_t below(std::size_t n) {
        return std::min(n - 1, static_cast<std::size_t>(uniform(0, static_cast<float>(n))));
    }

private:
    std::uint64_t state_ = 0x5eed;
};

// A fully connected layer z = a W + b over a batch of rows, with Adam's moment estimates.
struct dense_layer {
    std::size_t inputs, outputs;
    std::vector<float> weights, bias, weight_grad, bias_grad;
    std::vector<float> weight_m, weight_v, bias_m, bias_v;

    dense_layer(std::size_t in, std::size_t out, random_source& rng)
        : inputs(in), outputs(out), weights(in * out), bias(out, 0.0f), weight_grad(in * out),
          bias_grad(out), weight_m(in * out), weight_v(in * out), bias_m(out), bias_v(out) {
        float const limit = std::sqrt(6.0f / static_cast<float>(in + out)); // Glorot uniform
        for (float& w : weights)
            w = rng.uniform(-limit, limit);
    }

    void forward(std::span<float const> a, std::span<float> z, std::size_t rows) const {
        for (std::size_t r = 0; r < rows; ++r)
            for (std::size_t o = 0; o < outputs; ++o) {
                float sum = bias[o];
                for (std::size_t i = 0; i < inputs; ++i)
                    sum += a[r * inputs + i] * weights[i * outputs + o];
                z[r * outputs + o] = sum;
            }
    }

    // Gradients of the weights from dz; da = dz W^T when the caller needs it (empty otherwise).
    void backward(std::span<float const> a, std::span<float const> dz, std::span<float> da,
                  std::size_t rows) {
        std::fill(weight_grad.begin(), weight_grad.end(), 0.0f);
        std::fill(bias_grad.begin(), bias_grad.end(), 0.0f);
        for (std::size_t r = 0; r < rows; ++r)
            for (std::size_t o = 0; o < outputs; ++o) {
                float const g = dz[r * outputs + o];
                bias_grad[o] += g;
                for (std::size_t i = 0; i < inputs; ++i)
                    weight_grad[i * outputs + o] += a[r * inputs + i] * g;
            }
        if (da.empty())
            return;
        for (std::size_t r = 0; r < rows; ++r)
            for (std::size_t i = 0; i < inputs; ++i) {
                float sum = 0;
                for (std::size_t o = 0; o < outputs; ++o)
                    sum += dz[r * outputs + o] * weights[i * outputs + o];
                da[r * inputs + i] = sum;
            }
    }

    void adam_step(int step, float learning_rate) {
        update(weights, weight_grad, weight_m, weight_v, step, learning_rate);
        update(bias, bias_grad, bias_m, bias_v, step, learning_rate);
    }

private:
    static void update(std::vector<float>& p, std::vector<float> const& g, std::vector<float>& m,
                       std::vector<float>& v, int step, float learning_rate) {
        constexpr float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;
        float const c1 = 1 - std::pow(beta1, static_cast<float>(step));
        float const c2 = 1 - std::pow(beta2, static_cast<float>(step));
        for (std::size_t k = 0; k < p.size(); ++k) {
            m[k] = beta1 * m[k] + (1 - beta1) * g[k];
            v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k];
            p[k] -= learning_rate * (m[k] / c1) / (std::sqrt(v[k] / c2) + epsilon);
        }
    }
};

struct network {
    dense_layer l1, l2, l3;
    // Per-batch buffers: pre-activations z and activations a of each layer.
    std::vector<float> z1, a1, z2, a2, z3, y;

    explicit network(random_source& rng)
        : l1(2, 16, rng), l2(16, 16, rng), l3(16, 1, rng), z1(samples * 16), a1(samples * 16),
          z2(samples * 16), a2(samples * 16), z3(samples), y(samples) {}

    // Runs `rows` inputs through the network; returns the outputs.
    std::span<float const> predict(std::span<float const> x, std::size_t rows) {
        auto const z1s = std::span(z1).first(rows * 16), a1s = std::span(a1).first(rows * 16);
        auto const z2s = std::span(z2).first(rows * 16), a2s = std::span(a2).first(rows * 16);
        auto const z3s = std::span(z3).first(rows), ys = std::span(y).first(rows);
        l1.forward(x, z1s, rows);
        simdact::forward(simdact::tanh{}, z1s, a1s);
        l2.forward(a1s, z2s, rows);
        simdact::forward(softsign{}, z2s, a2s);
        l3.forward(a2s, z3s, rows);
        simdact::forward(simdact::sigmoid{}, z3s, ys);
        return ys;
    }

    // One Adam step on a mini-batch; returns its mean squared error.
    float train(std::span<float const> x, std::span<float const> target, int step) {
        std::size_t const rows = target.size();
        auto const out = predict(x, rows);
        std::vector<float> dy(rows), d16a(rows * 16), d16b(rows * 16);
        float loss = 0;
        for (std::size_t r = 0; r < rows; ++r) {
            float const e = out[r] - target[r];
            loss += e * e;
            dy[r] = 2 * e / static_cast<float>(rows);
        }
        // Output layer: sigmoid's slope from its saved output y, in place into dy.
        simdact::backward_from_output(simdact::sigmoid{}, out, dy, dy);
        l3.backward(std::span(a2).first(rows * 16), dy, d16a, rows);
        // Hidden layers: the slope from the pre-activation z (the accurate form).
        simdact::backward(softsign{}, std::span(z2).first(rows * 16), d16a, d16a);
        l2.backward(std::span(a1).first(rows * 16), d16a, d16b, rows);
        simdact::backward(simdact::tanh{}, std::span(z1).first(rows * 16), d16b, d16b);
        l1.backward(x, d16b, {}, rows);

        constexpr float learning_rate = 0.01f;
        l1.adam_step(step, learning_rate);
        l2.adam_step(step, learning_rate);
        l3.adam_step(step, learning_rate);
        return loss / static_cast<float>(rows);
    }
};

} // namespace

int main() {
    random_source rng;
    std::vector<float> points(samples * 2), labels(samples);
    for (std::size_t s = 0; s < samples; ++s) {
        float const u = rng.uniform(-1, 1), v = rng.uniform(-1, 1);
        points[2 * s] = u;
        points[2 * s + 1] = v;
        labels[s] = (u > 0) == (v > 0) ? 1.0f : 0.0f;
    }

    network net(rng);
    std::vector<std::size_t> order(samples);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::vector<float> batch_x(batch_size * 2), batch_t(batch_size);
    int step = 0;
    float loss = 0;
    for (int epoch = 1; epoch <= epochs; ++epoch) {
        for (std::size_t k = samples - 1; k > 0; --k) // Fisher-Yates shuffle
            std::swap(order[k], order[rng.below(k + 1)]);
        for (std::size_t first = 0; first < samples; first += batch_size) {
            for (std::size_t r = 0; r < batch_size; ++r) {
                std::size_t const s = order[first + r];
                batch_x[2 * r] = points[2 * s];
                batch_x[2 * r + 1] = points[2 * s + 1];
                batch_t[r] = labels[s];
            }
            net.train(batch_x, batch_t, ++step);
        }

        auto const out = net.predict(points, samples);
        loss = 0;
        std::size_t correct = 0;
        for (std::size_t s = 0; s < samples; ++s) {
            float const e = out[s] - labels[s];
            loss += e * e;
            correct += (out[s] > 0.5f) == (labels[s] > 0.5f);
        }
        loss /= static_cast<float>(samples);
        std::printf("epoch %2d  loss %.4f  accuracy %5.1f%%\n", epoch, static_cast<double>(loss),
                    100.0 * static_cast<double>(correct) / samples);
    }

    bool const ok = loss < loss_threshold;
    std::printf("final loss %.4f %s %.4f: %s\n", static_cast<double>(loss),
                ok ? "<" : ">=", static_cast<double>(loss_threshold),
                ok ? "trained" : "FAILED to train");
    return ok ? 0 : 1;
}
