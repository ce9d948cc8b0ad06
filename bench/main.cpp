// simdact beside the alternatives, on the same data in the same run: every activation x
// {forward, derivative, backward, backward_from_output} x {float, double} x N x {out of place,
// in place}, for every implementation compiled in (see CMakeLists.txt), plus the memory-bandwidth
// ceilings. Names: <activation>/<operation>/<type>/<placement>/<implementation>/<N>; Google
// Benchmark appends /manual_time to the in-place ones (see run_case), so filter on N with
// '/4096(/|$)' rather than '/4096$' when in-place cases are wanted.
// Usage: simdact_bench [Google Benchmark flags]; bench/table.py turns its JSON into tables.
// simdact_bench --accuracy [stride] prints the implementations' accuracy instead (accuracy.cpp).
#include "support.hpp"

#include <simdact/simdact.hpp>
#if defined(SIMDACT_DISPATCH_AVX2) || defined(SIMDACT_DISPATCH_AVX512)
#include <simdact/dispatch.hpp>
#endif

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <new>
#include <span>
#include <string>
#include <vector>

namespace bench {

std::vector<implementation>& implementations() {
    static std::vector<implementation> all;
    return all;
}

char const* name(activation a) {
    switch (a) {
    case activation::relu:
        return "relu";
    case activation::leaky_relu:
        return "leaky_relu";
    case activation::sigmoid:
        return "sigmoid";
    default:
        return "tanh";
    }
}

char const* name(operation op) {
    switch (op) {
    case operation::forward:
        return "forward";
    case operation::derivative:
        return "derivative";
    case operation::backward:
        return "backward";
    default:
        return "backward_from_output";
    }
}

namespace {

bool has_dy(operation op) {
    return op == operation::backward || op == operation::backward_from_output;
}

// Inputs spread over [-10, 10] in a scrambled order (no long runs of one sign for branchy code).
template <class T>
void fill_spread(T* v, std::size_t n, std::size_t seed) {
    for (std::size_t i = 0; i < n; ++i)
        v[i] = static_cast<T>(-10.0 + 20.0 * static_cast<double>((i * 7919 + seed) % n) /
                                          static_cast<double>(n));
}

// x, dy and the output of a case. Every implementation gets the same three arrays for a given
// element type and N, so their times are not skewed by where the allocator put each one's
// buffers: each array starts on a 64-byte boundary (as a framework's tensors do), and they sit
// 1 KiB apart modulo 4 KiB, so that a load and a store at the same index never alias in the
// cache's 4 KiB-periodic address check. Allocated on first use and kept for the whole run.
template <class T>
struct arrays {
    T* x;
    T* dy;
    T* out;
};

template <class T>
arrays<T> buffers_for(std::size_t n) {
    struct free_block {
        void operator()(void* p) const noexcept { std::free(p); }
    };
    static std::map<std::size_t, std::unique_ptr<void, free_block>> blocks;
    constexpr std::size_t page = 4096, apart = 1024;
    std::size_t const stride = (n * sizeof(T) + page - 1) / page * page + page;
    auto& block = blocks[n];
    if (!block) {
        block.reset(std::aligned_alloc(page, 3 * stride));
        if (!block)
            throw std::bad_alloc();
    }
    auto* const base = static_cast<std::byte*>(block.get());
    return {reinterpret_cast<T*>(base), reinterpret_cast<T*>(base + stride + apart),
            reinterpret_cast<T*>(base + 2 * stride + 2 * apart)};
}

template <class T>
prepare_fn<T> const& prepare_of(implementation const& impl) {
    if constexpr (sizeof(T) == 4)
        return impl.f32;
    else
        return impl.f64;
}

// What an empty timed interval measures: the median of back-to-back steady_clock readings, in
// seconds. Subtracted from every manually timed call.
double clock_overhead() {
    static double const seconds = [] {
        std::vector<double> samples(10001);
        for (auto& s : samples) {
            auto const start = std::chrono::steady_clock::now();
            benchmark::ClobberMemory();
            auto const stop = std::chrono::steady_clock::now();
            s = std::chrono::duration<double>(stop - start).count();
        }
        std::nth_element(samples.begin(), samples.begin() + samples.size() / 2, samples.end());
        return samples[samples.size() / 2];
    }();
    return seconds;
}

template <class T>
void run_case(benchmark::State& state, implementation const& impl, activation a, operation op,
              bool in_place, std::size_t n) {
    auto const [x, dy, out] = buffers_for<T>(n);
    fill_spread(x, n, 0);
    fill_spread(dy, n, 12345);
    std::fill_n(out, n, T(0));
    if (op == operation::backward_from_output) // the saved output y = f(x)
        a == activation::sigmoid
            ? simdact::forward(simdact::sigmoid{}, std::span(x, n), std::span(x, n))
            : simdact::forward(simdact::tanh{}, std::span(x, n), std::span(x, n));
    T* const target = !in_place ? out : has_dy(op) ? dy : x;
    auto const run = prepare_of<T>(impl)(call<T>{a, op, x, dy, target, n});
    if (!run) {
        state.SkipWithError("not provided");
        return;
    }
    if (!in_place) {
        for (auto _ : state) {
            run();
            benchmark::ClobberMemory();
        }
    } else {
        // An in-place call rewrites its own input, and repeating it drifts the data: dy*f'(x)
        // sinks through the subnormals to 0, f(f(x)) converges to a fixed point. So every call
        // gets the original data back, outside the timed interval (PauseTiming/ResumeTiming
        // would add ~0.4 us per call; a steady_clock pair adds ~20 ns, calibrated away).
        std::vector<T> const original(target, target + n);
        double const overhead = clock_overhead();
        for (auto _ : state) {
            std::copy(original.begin(), original.end(), target);
            benchmark::ClobberMemory();
            auto const start = std::chrono::steady_clock::now();
            run();
            benchmark::ClobberMemory();
            auto const stop = std::chrono::steady_clock::now();
            double const seconds = std::chrono::duration<double>(stop - start).count() - overhead;
            state.SetIterationTime(std::max(seconds, 0.0));
        }
    }
    auto const items = static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(n);
    std::int64_t const arrays = has_dy(op) ? 3 : 2;
    state.SetItemsProcessed(items);
    state.SetBytesProcessed(items * arrays * static_cast<std::int64_t>(sizeof(T)));
    state.counters["n"] = static_cast<double>(n);
}

// Whether impl has this case at all (asked on a tiny buffer, so nothing unsupported is listed).
template <class T>
bool provides(implementation const& impl, activation a, operation op) {
    if (!prepare_of<T>(impl))
        return false;
    std::vector<T> x(64, T(0.5)), dy(64, T(1)), out(64);
    return static_cast<bool>(
        prepare_of<T>(impl)(call<T>{a, op, x.data(), dy.data(), out.data(), 64}));
}

template <class T>
void register_type(char const* type) {
    std::int64_t const sizes[] = {4096, 65536, std::int64_t{16} << 20};
    for (auto a : {activation::relu, activation::leaky_relu, activation::sigmoid, activation::tanh})
        for (auto op : {operation::forward, operation::derivative, operation::backward,
                        operation::backward_from_output}) {
            if (op == operation::backward_from_output &&
                (a == activation::relu || a == activation::leaky_relu))
                continue;
            for (bool in_place : {false, true})
                for (auto n : sizes)
                    for (auto const& impl : implementations()) {
                        if (!provides<T>(impl, a, op))
                            continue;
                        std::string const label = std::string(name(a)) + "/" + name(op) + "/" +
                                                  type + "/" +
                                                  (in_place ? "in_place" : "out_of_place") + "/" +
                                                  impl.name + "/" + std::to_string(n);
                        auto* const b = benchmark::RegisterBenchmark(
                            label.c_str(), [&impl, a, op, in_place, n](benchmark::State& s) {
                                run_case<T>(s, impl, a, op, in_place, static_cast<std::size_t>(n));
                            });
                        if (in_place)
                            b->UseManualTime();
                    }
        }
}

} // namespace
} // namespace bench

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "--accuracy")
        return bench::run_accuracy(argc, argv);
    bench::register_type<float>("float");
    bench::register_type<double>("double");
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    std::string peers = "scalar_loop naive_xsimd";
#ifdef SIMDACT_BENCH_WITH_EIGEN
    peers += " eigen";
#endif
#ifdef SIMDACT_BENCH_WITH_ONEDNN
    peers += " onednn";
#endif
#ifdef SIMDACT_BENCH_WITH_XNNPACK
    peers += " xnnpack";
#endif
#ifdef SIMDACT_BENCH_WITH_SLEEF
    peers += " sleef";
#endif
    benchmark::AddCustomContext("simdact_bench_peers", peers);
    benchmark::AddCustomContext("simdact_architecture", xsimd::default_arch::name());
    benchmark::AddCustomContext("clock_overhead_ns", std::to_string(bench::clock_overhead() * 1e9));
#if defined(SIMDACT_DISPATCH_AVX2) || defined(SIMDACT_DISPATCH_AVX512)
    benchmark::AddCustomContext("simdact_dispatch",
                                simdact::dispatch::name(simdact::dispatch::active()));
#endif
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
}
