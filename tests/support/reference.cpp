#include "reference.hpp"

#include <mpfr.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <vector>

namespace simdact_test {
namespace {

constexpr mpfr_prec_t precision = 256;

// RAII for mpfr_t.
struct real {
    mpfr_t v;
    explicit real(mpfr_prec_t p = precision) { mpfr_init2(v, p); }
    ~real() { mpfr_clear(v); }
    real(real const&) = delete;
    real& operator=(real const&) = delete;
};

// out = sigmoid(x) = 1 / (1 + exp(-x))
void sigmoid(mpfr_t out, mpfr_t const x) {
    mpfr_neg(out, x, MPFR_RNDN);
    mpfr_exp(out, out, MPFR_RNDN);
    mpfr_add_ui(out, out, 1, MPFR_RNDN);
    mpfr_ui_div(out, 1, out, MPFR_RNDN);
}

void evaluate(function f, mpfr_t out, mpfr_t const x) {
    switch (f) {
    case function::sigmoid:
        sigmoid(out, x);
        return;
    case function::sigmoid_derivative: { // sigmoid(x) * sigmoid(-x)
        real minus_x(mpfr_get_prec(out)), other(mpfr_get_prec(out));
        mpfr_neg(minus_x.v, x, MPFR_RNDN);
        sigmoid(other.v, minus_x.v);
        sigmoid(out, x);
        mpfr_mul(out, out, other.v, MPFR_RNDN);
        return;
    }
    case function::tanh:
        mpfr_tanh(out, x, MPFR_RNDN);
        return;
    case function::tanh_derivative: // sech(x)^2
        mpfr_sech(out, x, MPFR_RNDN);
        mpfr_sqr(out, out, MPFR_RNDN);
        return;
    }
}

template <class T>
void set(mpfr_t out, T x) {
    mpfr_set_d(out, static_cast<double>(x), MPFR_RNDN); // exact: every float is a double
}

// |y - ref| / ulp_T(ref)
template <class T>
double distance_in_ulp(mpfr_t const ref, T y) {
    using limits = std::numeric_limits<T>;
    if (mpfr_nan_p(ref))
        return std::isnan(y) ? 0.0 : std::numeric_limits<double>::infinity();
    if (std::isnan(y))
        return std::numeric_limits<double>::infinity();
    if (mpfr_inf_p(ref))
        return (std::isinf(y) && (y > 0) == (mpfr_sgn(ref) > 0))
                   ? 0.0
                   : std::numeric_limits<double>::infinity();
    // ref in [2^(e-1), 2^e): ulp = 2^(e - digits), never below the subnormal spacing.
    long e = mpfr_zero_p(ref) ? limits::min_exponent : mpfr_get_exp(ref);
    e = std::max<long>(e, limits::min_exponent);
    real diff(precision * 2);
    set(diff.v, y);
    mpfr_sub(diff.v, diff.v, ref, MPFR_RNDN);
    mpfr_abs(diff.v, diff.v, MPFR_RNDN);
    mpfr_mul_2si(diff.v, diff.v, limits::digits - e, MPFR_RNDN);
    return mpfr_get_d(diff.v, MPFR_RNDN);
}

} // namespace

template <class T>
double ulp_error(function f, T x, T y) {
    real rx, ref;
    set(rx.v, x);
    evaluate(f, ref.v, rx.v);
    return distance_in_ulp(ref.v, y);
}

template <class T>
T reference(function f, T x) {
    using limits = std::numeric_limits<T>;
    real rx, ref;
    set(rx.v, x);
    evaluate(f, ref.v, rx.v);
    // Round once into T's precision and exponent range, subnormals included.
    mpfr_exp_t const old_emin = mpfr_get_emin(), old_emax = mpfr_get_emax();
    mpfr_set_emin(limits::min_exponent - limits::digits + 1);
    mpfr_set_emax(limits::max_exponent);
    real rounded(limits::digits);
    int inexact = mpfr_set(rounded.v, ref.v, MPFR_RNDN);
    inexact = mpfr_check_range(rounded.v, inexact, MPFR_RNDN);
    mpfr_subnormalize(rounded.v, inexact, MPFR_RNDN);
    mpfr_set_emin(old_emin);
    mpfr_set_emax(old_emax);
    if constexpr (std::is_same_v<T, float>)
        return mpfr_get_flt(rounded.v, MPFR_RNDN);
    else
        return mpfr_get_d(rounded.v, MPFR_RNDN);
}

template <class T>
double finite_difference_ulp_error(function derivative, T x, T d) {
    constexpr mpfr_prec_t wide = 1024;
    function const g =
        derivative == function::sigmoid_derivative ? function::sigmoid : function::tanh;
    real h(wide), lo(wide), hi(wide), f_lo(wide), f_hi(wide);
    mpfr_set_ui_2exp(h.v, 1, -200, MPFR_RNDN);
    set(lo.v, x);
    mpfr_sub(lo.v, lo.v, h.v, MPFR_RNDN); // exact at this precision for |x| < 2^800
    set(hi.v, x);
    mpfr_add(hi.v, hi.v, h.v, MPFR_RNDN);
    evaluate(g, f_lo.v, lo.v);
    evaluate(g, f_hi.v, hi.v);
    mpfr_sub(f_hi.v, f_hi.v, f_lo.v, MPFR_RNDN);
    mpfr_mul_2ui(f_hi.v, f_hi.v, 199, MPFR_RNDN); // / 2h = * 2^199
    return distance_in_ulp(f_hi.v, d);
}

template <class T>
accuracy measure(function f, std::span<T const> x, std::span<T const> y) {
    if (x.size() != y.size())
        throw std::invalid_argument("measure: x and y differ in size");
    unsigned const workers = std::max(1u, std::thread::hardware_concurrency());
    std::vector<accuracy> partial(workers);
    std::vector<std::thread> threads;
    for (unsigned w = 0; w < workers; ++w) {
        threads.emplace_back([&, w] {
            accuracy& a = partial[w];
            for (std::size_t i = w; i < x.size(); i += workers) {
                double const e = ulp_error(f, x[i], y[i]);
                if (!(e <= a.max_ulp)) { // NaN counts as worst
                    a.max_ulp = std::isnan(e) ? std::numeric_limits<double>::infinity() : e;
                    a.worst_x = static_cast<double>(x[i]);
                }
                ++a.points;
            }
            // MPFR keeps per-thread caches of constants (log 2, ...); free them before the
            // thread ends, or LeakSanitizer reports them.
            mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE);
        });
    }
    for (auto& t : threads)
        t.join();
    accuracy total;
    for (auto const& a : partial) {
        if (a.max_ulp > total.max_ulp || total.points == 0) {
            total.max_ulp = a.max_ulp;
            total.worst_x = a.worst_x;
        }
        total.points += a.points;
    }
    return total;
}

#define SIMDACT_TEST_INSTANTIATE(T)                                                                \
    template double ulp_error<T>(function, T, T);                                                  \
    template T reference<T>(function, T);                                                          \
    template double finite_difference_ulp_error<T>(function, T, T);                                \
    template accuracy measure<T>(function, std::span<T const>, std::span<T const>);
SIMDACT_TEST_INSTANTIATE(float)
SIMDACT_TEST_INSTANTIATE(double)

} // namespace simdact_test
