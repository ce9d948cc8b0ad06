// simdact beside the alternatives, on the same data in the same run: every activation x
// {forward, derivative, backward, backward_from_output} x {float, double} x N x {out of place,
// in place}, for every implementation compiled in (see CMakeLists.txt), plus the memory-bandwidth
// ceilings. One benchmark per case, <activation>/<operation>/<type>/<placement>/<N>, times all
// implementations of that case in rotation and reports each one's figures as counters (see
// run_group); filter cases with --benchmark_filter as usual.
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

// One implementation in a paired measurement: its prepared call, how many calls make one timed
// block, and the time per element of every block, in ns.
struct contender {
    implementation const* impl;
    std::function<void()> run;
    std::size_t calls_per_block = 1;
    std::vector<double> ns_per_elem;
};

// simdact's own builds (simdact, simdact_fast, simdact_dispatch): never counted as a peer.
bool is_ours(implementation const& impl) {
    return impl.name.rfind("simdact", 0) == 0;
}

// The q-quantile (0..1) of v, by nearest rank; v is reordered.
double quantile(std::vector<double>& v, double q) {
    auto const k = static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5);
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return v[k];
}

// The median and quartiles of a per-round ratio, as counters <name>, <name>_p25, <name>_p75.
void report_ratio(benchmark::State& state, std::string const& name, std::vector<double> ratios) {
    if (ratios.empty())
        return;
    state.counters[name] = quantile(ratios, 0.5);
    state.counters[name + "_p25"] = quantile(ratios, 0.25);
    state.counters[name + "_p75"] = quantile(ratios, 0.75);
}

// Every implementation of one case, timed in rotation on the same arrays: each iteration of the
// benchmark is a round that times one block of calls of every implementation, starting one
// further along each round. This machine's speed drifts by up to 2x within seconds (other
// tenants), so times taken in separate benchmarks, even back to back, are not comparable; times
// taken within one round are, and the median over hundreds of rounds of their ratios is what the
// tables report. Counters, per implementation I: I:ns_per_elem (median over the rounds),
// I:items_per_second and I:bytes_per_second (from that median), I:vs_simdact (median of I's time
// over simdact's in the same round; with _p25 and _p75, its quartiles); fastest_peer:vs_simdact
// and fastest_peer:vs_simdact_fast (the round's fastest peer library over simdact's accurate and
// fast levels).
template <class T>
void run_group(benchmark::State& state, activation a, operation op, bool in_place, std::size_t n) {
    auto const [x, dy, out] = buffers_for<T>(n);
    fill_spread(x, n, 0);
    fill_spread(dy, n, 12345);
    std::fill_n(out, n, T(0));
    if (op == operation::backward_from_output) // the saved output y = f(x)
        a == activation::sigmoid
            ? simdact::forward(simdact::sigmoid{}, std::span(x, n), std::span(x, n))
            : simdact::forward(simdact::tanh{}, std::span(x, n), std::span(x, n));
    T* const target = !in_place ? out : has_dy(op) ? dy : x;
    std::vector<contender> contenders;
    for (auto const& impl : implementations())
        if (prepare_of<T>(impl))
            if (auto run = prepare_of<T>(impl)(call<T>{a, op, x, dy, target, n}))
                contenders.push_back({&impl, std::move(run), 1, {}});
    if (contenders.empty()) {
        state.SkipWithError("no implementation provides this case");
        return;
    }

    // An in-place call rewrites its own input, and repeating it drifts the data: dy*f'(x) sinks
    // through the subnormals to 0, f(f(x)) converges to a fixed point. So in place, every call
    // gets the original data back, outside the timed interval, and is timed on its own (a
    // steady_clock pair adds ~20 ns, calibrated away).
    std::vector<T> const original =
        in_place ? std::vector<T>(target, target + n) : std::vector<T>{};
    double const overhead = clock_overhead();
    auto const time_block = [&](contender const& c) {
        if (!in_place) {
            auto const start = std::chrono::steady_clock::now();
            for (std::size_t k = 0; k < c.calls_per_block; ++k) {
                c.run();
                benchmark::ClobberMemory();
            }
            auto const stop = std::chrono::steady_clock::now();
            return std::chrono::duration<double>(stop - start).count() - overhead;
        }
        double seconds = 0;
        for (std::size_t k = 0; k < c.calls_per_block; ++k) {
            std::copy(original.begin(), original.end(), target);
            benchmark::ClobberMemory();
            auto const start = std::chrono::steady_clock::now();
            c.run();
            benchmark::ClobberMemory();
            auto const stop = std::chrono::steady_clock::now();
            seconds += std::chrono::duration<double>(stop - start).count() - overhead;
        }
        return seconds;
    };
    // A block lasts at least ~20 us, so the clock's resolution and its calibrated overhead are
    // small beside it, and short enough that a round sees the same machine throughout.
    for (auto& c : contenders) {
        time_block(c); // warm: code, tables, JIT, and the arrays in cache when they fit
        double const once = std::max(std::min({time_block(c), time_block(c), time_block(c)}), 1e-9);
        c.calls_per_block = static_cast<std::size_t>(std::clamp(20e-6 / once, 1.0, 10000.0));
    }

    std::size_t round = 0;
    for (auto _ : state) {
        for (std::size_t k = 0; k < contenders.size(); ++k) {
            auto& c = contenders[(round + k) % contenders.size()];
            double const seconds = std::max(time_block(c), 0.0);
            c.ns_per_elem.push_back(seconds * 1e9 / static_cast<double>(c.calls_per_block * n));
        }
        ++round;
    }
    if (round == 0)
        return;

    double const bytes_per_elem = static_cast<double>((has_dy(op) ? 3 : 2) * sizeof(T));
    contender const* simdact = nullptr;
    contender const* simdact_fast = nullptr;
    for (auto const& c : contenders) {
        if (c.impl->name == "simdact")
            simdact = &c;
        if (c.impl->name == "simdact_fast")
            simdact_fast = &c;
    }
    for (auto const& c : contenders) {
        std::vector<double> times = c.ns_per_elem;
        double const median = quantile(times, 0.5);
        state.counters[c.impl->name + ":ns_per_elem"] = median;
        if (median > 0) {
            state.counters[c.impl->name + ":items_per_second"] = 1e9 / median;
            state.counters[c.impl->name + ":bytes_per_second"] = 1e9 * bytes_per_elem / median;
        }
    }
    auto const ratios_to = [&](contender const& base, auto const& numerator) {
        std::vector<double> ratios;
        for (std::size_t r = 0; r < round; ++r)
            if (base.ns_per_elem[r] > 0)
                ratios.push_back(numerator(r) / base.ns_per_elem[r]);
        return ratios;
    };
    auto const fastest_peer = [&](std::size_t r) {
        double best = -1;
        for (auto const& c : contenders)
            if (!is_ours(*c.impl) && !c.impl->is_ceiling && (best < 0 || c.ns_per_elem[r] < best))
                best = c.ns_per_elem[r];
        return best;
    };
    bool const has_peer = std::any_of(contenders.begin(), contenders.end(), [](auto const& c) {
        return !is_ours(*c.impl) && !c.impl->is_ceiling;
    });
    if (simdact)
        for (auto const& c : contenders)
            if (&c != simdact)
                report_ratio(state, c.impl->name + ":vs_simdact",
                             ratios_to(*simdact, [&](std::size_t r) { return c.ns_per_elem[r]; }));
    if (has_peer) {
        if (simdact)
            report_ratio(state, "fastest_peer:vs_simdact", ratios_to(*simdact, fastest_peer));
        if (simdact_fast)
            report_ratio(state, "fastest_peer:vs_simdact_fast",
                         ratios_to(*simdact_fast, fastest_peer));
    }
    state.counters["n"] = static_cast<double>(n);
    state.counters["rounds"] = static_cast<double>(round);
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
                for (auto n : sizes) {
                    std::string const label = std::string(name(a)) + "/" + name(op) + "/" + type +
                                              "/" + (in_place ? "in_place" : "out_of_place") + "/" +
                                              std::to_string(n);
                    benchmark::RegisterBenchmark(label.c_str(),
                                                 [a, op, in_place, n](benchmark::State& s) {
                                                     run_group<T>(s, a, op, in_place,
                                                                  static_cast<std::size_t>(n));
                                                 })
                        // Enough rounds for stable medians: hundreds in cache; on 16M, where a
                        // round with the slowest (Eigen's double tanh: ~0.5 s) can take ~1.5 s, 8
                        // or more.
                        ->MinTime(n > (1 << 20) ? 3.0 : 0.3)
                        ->Unit(benchmark::kMillisecond);
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
