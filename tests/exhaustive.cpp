// The exhaustive accuracy test, for the instruction set this binary is built for.
//
// float: every one of the 2^32 bit patterns (or every stride-th, first argument) through
//   sigmoid, fast::sigmoid, sigmoid.derivative, tanh, fast::tanh, tanh.derivative, relu and
//   leaky_relu (values and derivatives), and derivative_from_output on sigmoid's and tanh's
//   outputs. The special values (edge_values() and NaNs) are checked whatever the stride.
// double: a deterministic sample (second argument) through the same functions: bit patterns
//   uniform over |x| <= 750 (so every binade, subnormals and tiny values included), values uniform
//   in [-750, 750] and in [-40, 40], magnitudes log-uniform in [2^-30, 2^6], and any bit pattern
//   at all (huge, inf, NaN).
//
// Reference: each input's four exact values in a wider type (double for float, long double for
// double), from one exp and one expm1 and with no subtraction of nearly equal numbers:
// t = e^-|x|, sigmoid = 1/(1+t) or t/(1+t), sigmoid' = t/(1+t)^2, tanh|x| = -m/(2+m) with
// m = expm1(-2|x|), tanh' = 4q/(2+m)^2 with q = t^2 = 1 + m. The error of a result is measured in
// ULP of its format at the exact value (2^-149 for float, 2^-1074 for double below the normal
// range). The worst point of each function is computed again with MPFR (support/reference.hpp);
// that figure is the one printed beside the bound and checked against it.
//
// Exact, not merely within the bound: NaN -> NaN; sigmoid(+-0) = 0.5, sigmoid'(+-0) = 0.25,
// tanh(+-0) = +-0, tanh'(+-0) = 1; sigmoid(-inf) = +0, sigmoid(+inf) = 1, tanh(+-inf) = +-1 and
// both derivatives +0 at +-inf; and every result whose correctly rounded value is an asymptote
// (0 or 1 for sigmoid, -1 or 1 for tanh, 0 for the derivatives: saturation must be exact, at both
// accuracy levels). relu and leaky_relu bit for bit. derivative_from_output (float only): y - y*y
// (sigmoid) and 1 - y*y (tanh) rounded once, as documented; within 1 ULP of that, and counted,
// where the architecture has no fused multiply-add and simdact emulates it.
//
// What runs where (tests/CMakeLists.txt, label `exhaustive`, the GCC suite of tests/run.sh): the
// AVX-512 build and the baseline (SSE2) build, whose kernels emulate every fused multiply-add and
// are some 30 times slower, each check every float and 10^8 doubles. On two Zen 5 cores, side
// by side under ctest -j 2: about 2.5 and 5.5 minutes. A stride (every 7th float is still 613
// million, all residues of the low mantissa bits) cuts that where it matters.
//
// Usage: simdact_exhaustive [float stride, 1 (or 0) = every float] [double samples]
#include "support/inputs.hpp"
#include "support/reference.hpp"
#include "support/wide_reference.hpp"

#include <simdact/simdact.hpp>

#include <mpfr.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <span>
#include <thread>
#include <type_traits>
#include <vector>

using namespace simdact_test;

namespace {

// The documented bounds, in ULP: the README ("Two accuracy levels", "Accuracy") and the comments
// of simdact::sigmoid, simdact::tanh and simdact::fast::{sigmoid, tanh} state these numbers.
// Change them together, never here alone.
constexpr double accurate_max_ulp = 1.0;   // sigmoid, tanh
constexpr double fast_max_ulp = 4.0;       // fast::sigmoid, fast::tanh
constexpr double derivative_max_ulp = 2.0; // sigmoid.derivative, tanh.derivative

constexpr double leaky_alpha = simdact::leaky_relu{}.alpha;

enum kernel : int {
    sigmoid_k,
    fast_sigmoid_k,
    sigmoid_d_k,
    tanh_k,
    fast_tanh_k,
    tanh_d_k,
    kernels
};
struct kernel_info {
    char const* name;
    function f;
    double bound;
};
constexpr kernel_info info[kernels] = {
    {"sigmoid", function::sigmoid, accurate_max_ulp},
    {"fast::sigmoid", function::sigmoid, fast_max_ulp},
    {"sigmoid'", function::sigmoid_derivative, derivative_max_ulp},
    {"tanh", function::tanh, accurate_max_ulp},
    {"fast::tanh", function::tanh, fast_max_ulp},
    {"tanh'", function::tanh_derivative, derivative_max_ulp},
};

// The functions checked bit for bit.
enum bitwise_op : int {
    relu_op,
    relu_d_op,
    leaky_op,
    leaky_d_op,
    sigmoid_from_output_op,
    tanh_from_output_op,
    bitwise_ops
};
constexpr char const* bitwise_name[bitwise_ops] = {"relu",
                                                   "relu'",
                                                   "leaky_relu",
                                                   "leaky_relu'",
                                                   "sigmoid.derivative_from_output",
                                                   "tanh.derivative_from_output"};

// derivative_from_output is one multiply-add: rounded once where the architecture fuses it, but
// emulated "within a hair" elsewhere (detail/arith.hpp), so there 1 ULP off is allowed (and
// counted).
#if defined(__FMA__) || defined(__AVX512F__)
constexpr bool fused_multiply_add = true;
#else
constexpr bool fused_multiply_add = false;
#endif

// Where f must reach its asymptote exactly: 0 or 1 for sigmoid, -1 or 1 for tanh, 0 for the
// derivatives.
template <class T>
bool is_asymptote(function f, T v) {
    switch (f) {
    case function::sigmoid:
        return v == 0 || v == 1;
    case function::tanh:
        return v == 1 || v == -1;
    default:
        return v == 0;
    }
}

// The exact value of f at +-0 and +-inf.
template <class T>
T special_value(function f, T x) {
    bool const negative = std::signbit(x);
    if (x == 0) {
        switch (f) {
        case function::sigmoid:
            return T(0.5);
        case function::sigmoid_derivative:
            return T(0.25);
        case function::tanh:
            return x; // signed zero
        default:
            return T(1);
        }
    }
    switch (f) {
    case function::sigmoid:
        return negative ? T(0) : T(1);
    case function::tanh:
        return negative ? T(-1) : T(1);
    default:
        return T(0);
    }
}

template <class T>
bits_t<T> bits(T x) {
    return std::bit_cast<bits_t<T>>(x);
}

// Same value and sign; any NaN equals any NaN.
template <class T>
bool identical(T a, T b) {
    return std::isnan(a) ? std::isnan(b) : bits(a) == bits(b);
}

// a + b rounded once to float, for floats or products of two floats a and b with |a| >= |b|
// (so the double sum s and its error e are exact: Fast2Sum).
float rounded_sum(double a, double b) {
    double const s = a + b;
    double const e = b - (s - a); // a + b == s + e exactly
    float const f = static_cast<float>(s);
    if (e == 0 || static_cast<double>(f) == s)
        return f; // |e| is far below half a float ulp: s + e rounds as s does
    // s lies strictly between f and its neighbour g; only when s is exactly their midpoint does
    // e decide (the conversion of s then broke the tie to even).
    float const g = std::nextafter(f, s > f ? INFINITY : -INFINITY);
    if (static_cast<double>(f) + static_cast<double>(g) != 2 * s)
        return f;
    return e > 0 ? std::max(f, g) : std::min(f, g);
}

template <class T>
struct worst_point {
    double ulp = -1;
    T x = 0, y = 0;
    // Larger error first, then the smaller bit pattern, so the result does not depend on which
    // thread saw which point.
    bool worse_than(worst_point const& o) const {
        return ulp > o.ulp || (ulp == o.ulp && bits(x) < bits(o.x));
    }
};

// A result that differs from the value it must have exactly.
template <class T>
struct wrong_result {
    std::uint64_t count = 0;
    T x = 0, y = 0, expected = 0;

    void add(T xi, T yi, T e) {
        if (count++ == 0 || bits(xi) < bits(x)) {
            x = xi;
            y = yi;
            expected = e;
        }
    }
    void merge(wrong_result const& o) {
        if (o.count && (count == 0 || bits(o.x) < bits(x))) {
            x = o.x;
            y = o.y;
            expected = o.expected;
        }
        count += o.count;
    }
};

template <class T>
struct tally {
    worst_point<T> worst[kernels];
    wrong_result<T> not_exact[kernels];
    wrong_result<T> bitwise_wrong[bitwise_ops];
    wrong_result<T> not_rounded_once[2]; // derivative_from_output, within the allowance
    double kernel_seconds[kernels] = {};
    std::uint64_t points = 0;

    void merge(tally const& t) {
        points += t.points;
        for (int k = 0; k < kernels; ++k) {
            if (t.worst[k].worse_than(worst[k]))
                worst[k] = t.worst[k];
            not_exact[k].merge(t.not_exact[k]);
            kernel_seconds[k] += t.kernel_seconds[k];
        }
        for (int b = 0; b < bitwise_ops; ++b)
            bitwise_wrong[b].merge(t.bitwise_wrong[b]);
        for (int b = 0; b < 2; ++b)
            not_rounded_once[b].merge(t.not_rounded_once[b]);
    }
};

// One thread's arrays, reused from chunk to chunk.
template <class T>
struct workspace {
    std::vector<T> x, out[kernels], rectified[4], from_output[2], ones;

    void resize(std::size_t n) {
        x.resize(n);
        for (auto& v : out)
            v.resize(n);
        for (auto& v : rectified)
            v.resize(n);
        for (auto& v : from_output)
            v.resize(n);
        ones.assign(n, T(1));
    }
};

template <class Body>
void timed(double& seconds, Body const& body) {
    auto const start = std::chrono::steady_clock::now();
    body();
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Runs every function on w.x[0, n) and checks every result.
template <class T>
void check(workspace<T>& w, std::size_t n, tally<T>& t) {
    using R = wide_t<T>;
    using S = std::span<T>;
    using C = std::span<T const>;
    C const x(w.x.data(), n);
    auto out = [&](int k) { return S(w.out[k].data(), n); };
    double* const sec = t.kernel_seconds;
    timed(sec[sigmoid_k], [&] { simdact::forward(simdact::sigmoid{}, x, out(sigmoid_k)); });
    timed(sec[fast_sigmoid_k],
          [&] { simdact::forward(simdact::fast::sigmoid{}, x, out(fast_sigmoid_k)); });
    timed(sec[sigmoid_d_k], [&] { simdact::derivative(simdact::sigmoid{}, x, out(sigmoid_d_k)); });
    timed(sec[tanh_k], [&] { simdact::forward(simdact::tanh{}, x, out(tanh_k)); });
    timed(sec[fast_tanh_k], [&] { simdact::forward(simdact::fast::tanh{}, x, out(fast_tanh_k)); });
    timed(sec[tanh_d_k], [&] { simdact::derivative(simdact::tanh{}, x, out(tanh_d_k)); });

    simdact::forward(simdact::relu{}, x, S(w.rectified[0].data(), n));
    simdact::derivative(simdact::relu{}, x, S(w.rectified[1].data(), n));
    simdact::forward(simdact::leaky_relu{}, x, S(w.rectified[2].data(), n));
    simdact::derivative(simdact::leaky_relu{}, x, S(w.rectified[3].data(), n));
    constexpr bool from_output = std::is_same_v<T, float>;
    if constexpr (from_output) {
        C const ones(w.ones.data(), n);
        simdact::backward_from_output(simdact::sigmoid{}, C(w.out[sigmoid_k].data(), n), ones,
                                      S(w.from_output[0].data(), n));
        simdact::backward_from_output(simdact::tanh{}, C(w.out[tanh_k].data(), n), ones,
                                      S(w.from_output[1].data(), n));
    }

    T const alpha = static_cast<T>(leaky_alpha);
    for (std::size_t i = 0; i < n; ++i) {
        T const xi = x[i];
        bool const nan = std::isnan(xi);

        // relu, leaky_relu: x for x >= 0 (-0 included), else +0 / alpha*x; slopes 1, 0 / alpha.
        T const rectified_expected[4] = {
            xi >= 0 ? xi : (xi < 0 ? T(0) : xi), xi >= 0 ? T(1) : (xi < 0 ? T(0) : xi),
            xi >= 0 ? xi : (xi < 0 ? alpha * xi : xi), xi >= 0 ? T(1) : (xi < 0 ? alpha : xi)};
        for (int b = 0; b < 4; ++b)
            if (!identical(w.rectified[b][i], rectified_expected[b]))
                t.bitwise_wrong[b].add(xi, w.rectified[b][i], rectified_expected[b]);

        if constexpr (from_output) {
            T const ys = w.out[sigmoid_k][i], yt = w.out[tanh_k][i];
            double const ys2 = double(ys) * ys, yt2 = double(yt) * yt; // exact
            T const expected[2] = {std::isnan(ys) ? ys : rounded_sum(ys, -ys2),
                                   std::isnan(yt) ? yt : rounded_sum(1.0, -yt2)};
            for (int b = 0; b < 2; ++b) {
                T const y = b == 0 ? ys : yt, d = w.from_output[b][i];
                if (identical(d, expected[b]))
                    continue;
                bool const one_ulp_off = std::nextafter(expected[b], T(-2)) == d ||
                                         std::nextafter(expected[b], T(2)) == d;
                if (!fused_multiply_add && one_ulp_off)
                    t.not_rounded_once[b].add(y, d, expected[b]);
                else
                    t.bitwise_wrong[sigmoid_from_output_op + b].add(y, d, expected[b]);
            }
        }

        if (nan) {
            for (int k = 0; k < kernels; ++k)
                if (!std::isnan(out(k)[i]))
                    t.not_exact[k].add(xi, out(k)[i], xi);
            continue;
        }

        // Per function: the exact value, the spacing there, and the value a result must equal
        // exactly, if any.
        std::array<R, functions> const r = exact_values(static_cast<R>(xi));
        R inverse_unit[functions];
        T required[functions];
        bool is_required[functions];
        bool const special = xi == 0 || std::isinf(xi);
        for (int f = 0; f < functions; ++f) {
            inverse_unit[f] = inverse_spacing<T>(r[f]);
            if (special) {
                required[f] = special_value(function(f), xi);
                is_required[f] = true;
                continue;
            }
            R const d = std::abs(r[f]) * reference_tolerance<T>;
            T const lo = static_cast<T>(r[f] - d), hi = static_cast<T>(r[f] + d);
            is_required[f] = is_asymptote(function(f), lo) || is_asymptote(function(f), hi);
            if (is_required[f]) {
                // Near an asymptote. Rounded to T, r is the correctly rounded value unless the
                // reference's own error straddles a rounding boundary: then ask MPFR.
                required[f] = lo == hi ? lo : reference<T>(function(f), xi);
                is_required[f] = is_asymptote(function(f), required[f]);
            }
        }

        for (int k = 0; k < kernels; ++k) {
            int const f = int(info[k].f);
            T const y = out(k)[i];
            if (is_required[f] && !identical(y, required[f]))
                t.not_exact[k].add(xi, y, required[f]);
            double const e =
                std::isnan(y)
                    ? INFINITY
                    : static_cast<double>(std::abs(static_cast<R>(y) - r[f]) * inverse_unit[f]);
            worst_point<T> const p{e, xi, y};
            if (p.worse_than(t.worst[k]))
                t.worst[k] = p;
        }
    }
    t.points += n;
}

// Runs body(first, count, workspace, tally) over [0, total) in chunks on every core; returns the
// merged tally.
template <class T, class Body>
tally<T> on_every_core(std::uint64_t total, Body const& body) {
    std::uint64_t const chunk = 1 << 13; // every array of a chunk together fits in L2
    std::atomic<std::uint64_t> next{0};
    unsigned const workers = std::max(1u, std::thread::hardware_concurrency());
    std::vector<tally<T>> tallies(workers);
    std::vector<std::thread> threads;
    for (unsigned w = 0; w < workers; ++w)
        threads.emplace_back([&, w] {
            workspace<T> space;
            space.resize(chunk);
            for (std::uint64_t start; (start = next.fetch_add(chunk)) < total;)
                body(start, std::min(chunk, total - start), space, tallies[w]);
            mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE); // MPFR's per-thread constants
        });
    for (auto& th : threads)
        th.join();
    tally<T> all;
    for (auto const& t : tallies)
        all.merge(t);
    return all;
}

// The special values, always checked.
template <class T>
tally<T> check_specials() {
    using L = std::numeric_limits<T>;
    std::vector<T> x = edge_values<T>();
    for (T v : {L::quiet_NaN(), -L::quiet_NaN(), L::signaling_NaN()})
        x.push_back(v);
    workspace<T> space;
    space.resize(x.size());
    space.x = x;
    tally<T> t;
    check(space, x.size(), t);
    return t;
}

// A value in decimal and hex, in a fixed width.
template <class T>
constexpr int value_width = sizeof(T) == 4 ? 15 + 13 : 24 + 21;

template <class T>
void print_value(T v) {
    std::printf("%-*.*g (0x%0*llx)", value_width<T> - 5 - int(2 * sizeof(T)),
                sizeof(T) == 4 ? 9 : 17, static_cast<double>(v), int(2 * sizeof(T)),
                static_cast<unsigned long long>(bits(v)));
}

// Prints the table (the worst points computed again with MPFR) and every failure; returns the
// number of failed checks.
template <class T>
int report(char const* type, tally<T> const& all, double seconds) {
    std::printf("\n%s: %llu inputs, %.1f s on %u threads\n\n", type,
                static_cast<unsigned long long>(all.points), seconds,
                std::max(1u, std::thread::hardware_concurrency()));
    std::printf("| function      | max ULP | MPFR    | bound | %-*s | %-*s | not exact | "
                "kernel ns/x |\n|---|---|---|---|---|---|---|---|\n",
                value_width<T>, "worst x", value_width<T>, "result there");
    int failures = 0;
    double mpfr_ulp[kernels];
    for (int k = 0; k < kernels; ++k) {
        worst_point<T> const& w = all.worst[k];
        mpfr_ulp[k] = ulp_error<T>(info[k].f, w.x, w.y);
        std::printf("| %-13s | %7.3f | %7.3f | %5.1f | ", info[k].name, w.ulp, mpfr_ulp[k],
                    info[k].bound);
        print_value(w.x);
        std::printf(" | ");
        print_value(w.y);
        std::printf(" | %9llu | %11.2f |\n",
                    static_cast<unsigned long long>(all.not_exact[k].count),
                    all.kernel_seconds[k] * 1e9 / static_cast<double>(all.points));
    }
    std::printf("\n");
    auto print_example = [](wrong_result<T> const& r, char const* input) {
        std::printf("e.g. %s = ", input);
        print_value(r.x);
        std::printf(" gives ");
        print_value(r.y);
        std::printf(" instead of ");
        print_value(r.expected);
        std::printf("\n");
    };
    for (int b = 0; b < bitwise_ops; ++b) {
        if (b >= sigmoid_from_output_op && !std::is_same_v<T, float>)
            continue;
        std::printf("%s: %llu wrong\n", bitwise_name[b],
                    static_cast<unsigned long long>(all.bitwise_wrong[b].count));
        if (b >= sigmoid_from_output_op && all.not_rounded_once[b - sigmoid_from_output_op].count) {
            wrong_result<T> const& r = all.not_rounded_once[b - sigmoid_from_output_op];
            std::printf("    and %llu one ULP off the once-rounded value (allowed: no fused "
                        "multiply-add here), ",
                        static_cast<unsigned long long>(r.count));
            print_example(r, "y");
        }
    }

    auto print_wrong = [&](wrong_result<T> const& r, char const* what, char const* input) {
        std::printf("FAIL %s %s: %llu results are not exact, ", type, what,
                    static_cast<unsigned long long>(r.count));
        print_example(r, input);
    };
    for (int k = 0; k < kernels; ++k) {
        if (!(mpfr_ulp[k] <= info[k].bound)) {
            ++failures;
            std::printf("FAIL %s %s: max error %.3f ULP (MPFR) at x = ", type, info[k].name,
                        mpfr_ulp[k]);
            print_value(all.worst[k].x);
            std::printf(" (result ");
            print_value(all.worst[k].y);
            std::printf(", correctly rounded ");
            print_value(reference<T>(info[k].f, all.worst[k].x));
            std::printf(") exceeds the documented bound of %.0f ULP\n", info[k].bound);
        }
        if (all.not_exact[k].count) {
            ++failures;
            print_wrong(all.not_exact[k], info[k].name, "x");
        }
    }
    for (int b = 0; b < bitwise_ops; ++b)
        if (all.bitwise_wrong[b].count) {
            ++failures;
            print_wrong(all.bitwise_wrong[b], bitwise_name[b], b < 4 ? "x" : "y");
        }
    return failures;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The i-th double sample: a deterministic mix of every region, whichever thread draws it.
double double_sample(std::uint64_t i) {
    std::uint64_t z = (i + 1) * 0x9e3779b97f4a7c15ull; // splitmix64
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    z ^= z >> 31;
    double const unit = static_cast<double>(z >> 11) * 0x1p-53; // [0, 1)
    double const sign = z & 1 ? -1.0 : 1.0;
    switch (i % 8) {
    case 0:
    case 1: // every finite pattern up to 750, subnormals included, equally likely
        return sign * std::bit_cast<double>((z >> 1) % (std::bit_cast<std::uint64_t>(750.0) + 1));
    case 2:
    case 3:
        return unit * 1500 - 750;
    case 4:
    case 5:
        return unit * 80 - 40;
    case 6:
        return sign * std::exp2(unit * 36 - 30);
    default:
        return std::bit_cast<double>(z); // any pattern: huge, tiny, inf, NaN
    }
}

} // namespace

int main(int argc, char** argv) {
    std::uint64_t const stride =
        std::max<std::uint64_t>(1, argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1);
    std::uint64_t const double_samples =
        argc > 2 ? std::strtoull(argv[2], nullptr, 10) : std::uint64_t{100'000'000};
    std::uint64_t const floats = ((std::uint64_t{1} << 32) + stride - 1) / stride;
    std::printf("architecture %s; float: %llu bit patterns (stride %llu); double: %llu samples; "
                "bounds: %.0f ULP, fast %.0f, derivatives %.0f\n",
                xsimd::default_arch::name(), static_cast<unsigned long long>(floats),
                static_cast<unsigned long long>(stride),
                static_cast<unsigned long long>(double_samples), accurate_max_ulp, fast_max_ulp,
                derivative_max_ulp);
#if defined(SIMDACT_DETAIL_RCP14_TEST)
    std::printf("the AVX-512 kernels' 14-bit reciprocal (vrcp14ps) replaced by 1/x rounded %s to "
                "14 bits\n",
                SIMDACT_DETAIL_RCP14_TEST == 1 ? "down" : "up");
#endif

    auto start = std::chrono::steady_clock::now();
    tally<float> f = check_specials<float>();
    f.merge(on_every_core<float>(floats, [&](std::uint64_t first, std::uint64_t count,
                                             workspace<float>& w, tally<float>& t) {
        for (std::uint64_t i = 0; i < count; ++i)
            w.x[i] = std::bit_cast<float>(static_cast<std::uint32_t>((first + i) * stride));
        check(w, count, t);
    }));
    int failures = report("float", f, seconds_since(start));

    start = std::chrono::steady_clock::now();
    tally<double> d = check_specials<double>();
    d.merge(on_every_core<double>(double_samples, [](std::uint64_t first, std::uint64_t count,
                                                     workspace<double>& w, tally<double>& t) {
        for (std::uint64_t i = 0; i < count; ++i)
            w.x[i] = double_sample(first + i);
        check(w, count, t);
    }));
    failures += report("double", d, seconds_since(start));

    std::printf("\n%s\n", failures ? "FAILED" : "passed");
    return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
