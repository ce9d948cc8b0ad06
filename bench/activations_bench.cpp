// Throughput of simdact's drivers beside a plain scalar loop over the same data.
// Usage: simdact_bench [Google Benchmark flags]
#include <simdact/simdact.hpp>

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstddef>
#include <vector>

namespace {

template <class T>
std::vector<T> inputs(std::size_t n) {
    std::vector<T> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = static_cast<T>(-8.0 + 16.0 * static_cast<double>(i * 7919 % n) / n);
    return v;
}

template <class T>
void report(benchmark::State& state, std::size_t n, std::size_t arrays) {
    auto const items = static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(n);
    state.SetItemsProcessed(items);
    state.SetBytesProcessed(items * static_cast<std::int64_t>(arrays * sizeof(T)));
}

template <class T, class F>
void simdact_forward(benchmark::State& state) {
    auto const n = static_cast<std::size_t>(state.range(0));
    auto const x = inputs<T>(n);
    std::vector<T> y(n);
    for (auto _ : state) {
        simdact::forward(F{}, x, y);
        benchmark::DoNotOptimize(y.data());
        benchmark::ClobberMemory();
    }
    report<T>(state, n, 2);
}

template <class T, class F>
void simdact_backward(benchmark::State& state) {
    auto const n = static_cast<std::size_t>(state.range(0));
    auto const x = inputs<T>(n);
    std::vector<T> const dy(n, T(1));
    std::vector<T> dx(n);
    for (auto _ : state) {
        simdact::backward(F{}, x, dy, dx);
        benchmark::DoNotOptimize(dx.data());
        benchmark::ClobberMemory();
    }
    report<T>(state, n, 3);
}

// The loop a user would write by hand with <cmath>.
struct scalar_relu {
    template <class T>
    T operator()(T x) const {
        return x > T(0) ? x : T(0);
    }
};
struct scalar_sigmoid {
    template <class T>
    T operator()(T x) const {
        return T(1) / (T(1) + std::exp(-x));
    }
};
struct scalar_tanh {
    template <class T>
    T operator()(T x) const {
        return std::tanh(x);
    }
};

template <class T, class F>
void scalar_forward(benchmark::State& state) {
    auto const n = static_cast<std::size_t>(state.range(0));
    auto const x = inputs<T>(n);
    std::vector<T> y(n);
    F const f;
    for (auto _ : state) {
        for (std::size_t i = 0; i < n; ++i)
            y[i] = f(x[i]);
        benchmark::DoNotOptimize(y.data());
        benchmark::ClobberMemory();
    }
    report<T>(state, n, 2);
}

#define SIMDACT_BENCH_SIZES ->Arg(4096)->Arg(65536)

BENCHMARK(simdact_forward<float, simdact::relu>) SIMDACT_BENCH_SIZES;
BENCHMARK(scalar_forward<float, scalar_relu>) SIMDACT_BENCH_SIZES;
BENCHMARK(simdact_forward<float, simdact::sigmoid>) SIMDACT_BENCH_SIZES;
BENCHMARK(scalar_forward<float, scalar_sigmoid>) SIMDACT_BENCH_SIZES;
BENCHMARK(simdact_forward<float, simdact::tanh>) SIMDACT_BENCH_SIZES;
BENCHMARK(scalar_forward<float, scalar_tanh>) SIMDACT_BENCH_SIZES;
BENCHMARK(simdact_backward<float, simdact::sigmoid>) SIMDACT_BENCH_SIZES;
BENCHMARK(simdact_backward<float, simdact::tanh>) SIMDACT_BENCH_SIZES;
BENCHMARK(simdact_forward<double, simdact::sigmoid>) SIMDACT_BENCH_SIZES;
BENCHMARK(scalar_forward<double, scalar_sigmoid>) SIMDACT_BENCH_SIZES;
BENCHMARK(simdact_forward<double, simdact::tanh>) SIMDACT_BENCH_SIZES;
BENCHMARK(scalar_forward<double, scalar_tanh>) SIMDACT_BENCH_SIZES;

} // namespace

BENCHMARK_MAIN();
