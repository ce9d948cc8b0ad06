#!/usr/bin/env python3
"""Regenerates include/simdact/detail/coefficients.hpp.

Each polynomial is a Chebyshev fit (near-minimax) computed with mpmath at 60 digits, then
rounded coefficient by coefficient to the target type. The error written beside each table is
re-measured with the *rounded* coefficients on a dense grid, in high precision.

Usage:
    gen_coefficients.py            print the header to stdout
    gen_coefficients.py --check F  exit 1 if F differs from what this script prints
"""
import sys

import mpmath as mp

mp.mp.dps = 60

# (name, bits of precision, literal suffix)
TYPES = [("float", 24, "f"), ("double", 53, "")]

# exp(r) = 1 + r * q(r) for |r| <= ln(2)/2 (a hair wider: the reduction rounds k*ln2).
EXP_HALF_WIDTH = mp.log(2) / 2 * mp.mpf("1.0001")
EXP_DEGREE = {"float": 6, "double": 11}

# The AVX-512 kernels: a table of 2^(j/N) (N = 32 entries for float, 16 for double: two
# registers either way) and exp(r) = 1 + r * p(r) for r in [0, ln(2)/N] (rounding toward -inf in
# the reduction; a hair below 0 for the rounding of x*log2(e)).
TABLE_SIZE = {"float": 32, "double": 16}
TABLE_DEGREE = {"float": 3, "double": 7}


def table_range(size):
    step = mp.log(2) / size
    return -step * mp.mpf("0.001"), step * mp.mpf("1.001")


# ... and fast::tanh's: exp(2h) - 1 = h * e(h) for |h| <= ln(2)/(4N) (round to nearest; 2x
# reduced by multiples of ln(2)/N; N = FAST_TABLE_SIZE, below). Like sigmoid (below), it takes
# 2^K * (1 + j/N) from the bits of the rounded argument, so its table holds 2^(j/N) / (1 + j/N),
# as hi + lo.
TANH_E_DEGREE = {"float": 3, "double": 6}

# ... and the AVX-512 sigmoid's (both levels): with x log2(e) rounded up to K + j/N, the kernel
# builds 2^(K + c) * (1 + j/N) from the bits of the rounded argument (no vscalef), so its table
# holds 2^c * (1 + j/N) * 2^(-j/N), as hi + lo. c keeps
# 2^(K + c) a normal number wherever the result does not round to 0.
SIGMOID_SCALE = {"float": 24, "double": 53}
# The fast kernels' tables (fast::sigmoid's, hi only, and fast::tanh's, below) have 16 entries in
# float too: one register, looked up with vpermps, which competes less with the multiply-adds
# than the two-register vpermt2ps (README, Accuracy); so do the derivatives'. fast::sigmoid and
# the derivatives take every other entry of sigmoid_table_hi and exp2; r then spans
# [0, ln(2)/16], with a polynomial of its own, exp_table16_p (float only: in double the tables
# above have 16 entries).
FAST_TABLE_SIZE = {"float": 16, "double": 16}



def tanh_h(ctype):
    return mp.log(2) / (4 * FAST_TABLE_SIZE[ctype]) * mp.mpf("1.01")


# tanh(x) = x + x * z * g(z), z = x*x, for |x| < TANH_POLY_LIMIT.
TANH_POLY_LIMIT = mp.mpf("0.35")
TANH_DEGREE = {"float": 3, "double": 8}

# ... and the AVX-512 kernels' shorter one, below a lower limit: their exp part (a table, a
# compensated reciprocal) stays within the bound down to it, which the generic one does not.
TANH_SHORT_LIMIT = mp.mpf("0.2")
TANH_SHORT_DEGREE = {"float": 2, "double": 6}


def round_to(x, bits):
    with mp.workprec(bits):
        return +x


def hex_literal(x, bits, suffix):
    # Python's float.hex is exact for a value that fits a double (every float does).
    return float(round_to(x, bits)).hex() + suffix


def horner(coeffs, x):
    acc = mp.mpf(0)
    for c in reversed(coeffs):
        acc = acc * x + c
    return acc


def exp_q(r):
    return mp.expm1(r) / r if r != 0 else mp.mpf(1)


def expm1_over_r(r):
    return mp.expm1(r) / r if r != 0 else mp.mpf(1)


def table_error(coeffs, lo, hi):
    worst = mp.mpf(0)
    for i in range(4001):
        r = lo + (hi - lo) * i / 4000
        approx = 1 + r * horner(coeffs, r)
        worst = max(worst, abs(approx - mp.exp(r)) / mp.exp(r))
    return worst


def expm1_2h_over_h(h):
    return mp.expm1(2 * h) / h if h != 0 else mp.mpf(2)


def expm1_2h_error(coeffs, half_width):
    worst = mp.mpf(0)
    for i in range(4001):
        h = -half_width + 2 * half_width * i / 4000
        if h == 0:
            continue
        exact = mp.expm1(2 * h)
        worst = max(worst, abs(h * horner(coeffs, h) - exact) / abs(exact))
    return worst


def tanh_g(z):
    x = mp.sqrt(z)
    return (mp.tanh(x) - x) / (z * x)


def fit(f, lo, hi, degree, bits):
    coeffs, _ = mp.chebyfit(f, [lo, hi], degree + 1, error=True)
    # chebyfit returns the highest degree first.
    return [round_to(c, bits) for c in reversed(coeffs)]


def exp_error(coeffs):
    worst = mp.mpf(0)
    for i in range(4001):
        r = -EXP_HALF_WIDTH + 2 * EXP_HALF_WIDTH * i / 4000
        approx = 1 + r * horner(coeffs, r)
        worst = max(worst, abs(approx - mp.exp(r)) / mp.exp(r))
    return worst


def tanh_error(coeffs, limit):
    worst = mp.mpf(0)
    for i in range(1, 4001):
        x = limit * i / 4000
        z = x * x
        approx = x + x * z * horner(coeffs, z)
        worst = max(worst, abs(approx - mp.tanh(x)) / mp.tanh(x))
    return worst


def table(name, coeffs, bits, suffix, ctype):
    body = ", ".join(hex_literal(c, bits, suffix) for c in coeffs)
    return f"    static constexpr {ctype} {name}[{len(coeffs)}] = {{{body}}};\n"


def split(values, bits):
    """Each value as hi + lo, both rounded to bits, and the sum's max relative error."""
    hi = [round_to(v, bits) for v in values]
    lo = [round_to(v - h, bits) for v, h in zip(values, hi)]
    error = max(abs(h + l - v) / v for h, l, v in zip(hi, lo, values))
    return hi, lo, error


def split_tables(name, formula, values, bits, suffix, ctype):
    """The tables name_hi and name_lo of split(values), with formula and the error beside them."""
    hi, lo, error = split(values, bits)
    return (
        f"    // {formula} = {name}_hi[j] + {name}_lo[j], max relative error "
        f"2^{mp.nstr(mp.log(error, 2), 4)}\n"
        + table(f"{name}_hi", hi, bits, suffix, ctype)
        + table(f"{name}_lo", lo, bits, suffix, ctype)
    )


def generate():
    out = []
    out.append("// Generated by tests/tools/gen_coefficients.py -- do not edit by hand.\n")
    out.append("// Polynomial coefficients, lowest degree first (evaluate with Horner's rule).\n")
    out.append("// clang-format off\n#pragma once\n\n#include <simdact/config.hpp>\n\n")
    out.append("SIMDACT_BEGIN_NAMESPACE\nnamespace detail {\n\n")
    out.append("template <class T>\nstruct coefficients;\n\n")
    for ctype, bits, suffix in TYPES:
        exp_c = fit(exp_q, -EXP_HALF_WIDTH, EXP_HALF_WIDTH, EXP_DEGREE[ctype], bits)
        tanh_c = fit(tanh_g, mp.mpf(10) ** -40, TANH_POLY_LIMIT**2, TANH_DEGREE[ctype], bits)
        e_exp = exp_error(exp_c)
        e_tanh = tanh_error(tanh_c, TANH_POLY_LIMIT)
        short_c = fit(tanh_g, mp.mpf(10) ** -40, TANH_SHORT_LIMIT**2, TANH_SHORT_DEGREE[ctype],
                      bits)
        e_short = tanh_error(short_c, TANH_SHORT_LIMIT)
        out.append(f"template <>\nstruct coefficients<{ctype}> {{\n")
        out.append(
            f"    // exp(r) = 1 + r*q(r), |r| <= {mp.nstr(EXP_HALF_WIDTH, 8)}; "
            f"max relative error 2^{mp.nstr(mp.log(e_exp, 2), 4)}\n"
        )
        out.append(table("exp_q", exp_c, bits, suffix, ctype))
        out.append(
            f"    // tanh(x) = x + x*z*g(z), z = x*x, |x| < {mp.nstr(TANH_POLY_LIMIT, 4)}; "
            f"max relative error 2^{mp.nstr(mp.log(e_tanh, 2), 4)}\n"
        )
        out.append(table("tanh_g", tanh_c, bits, suffix, ctype))
        out.append(
            f"    static constexpr {ctype} tanh_poly_limit = "
            f"{hex_literal(TANH_POLY_LIMIT, bits, suffix)};\n"
        )
        out.append(
            f"    // the same, |x| < {mp.nstr(TANH_SHORT_LIMIT, 4)} (the AVX-512 kernels); "
            f"max relative error 2^{mp.nstr(mp.log(e_short, 2), 4)}\n"
        )
        out.append(table("tanh_g_short", short_c, bits, suffix, ctype))
        out.append(
            f"    static constexpr {ctype} tanh_short_limit = "
            f"{hex_literal(TANH_SHORT_LIMIT, bits, suffix)};\n"
        )
        size = TABLE_SIZE[ctype]
        r_lo, r_hi = table_range(size)
        p_c = fit(expm1_over_r, r_lo, r_hi, TABLE_DEGREE[ctype] - 1, bits)
        p_c[0] = mp.mpf(1)  # exact: keeps r*p(r) ~ r for tiny r
        powers = [mp.power(2, mp.mpf(j) / size) for j in range(size)]
        out.append(split_tables("exp2", f"2^(j/{size})", powers, bits, suffix, ctype))
        out.append(
            f"    // exp(r) = 1 + r*p(r), r in [{mp.nstr(r_lo, 4)}, {mp.nstr(r_hi, 8)}]; "
            f"max relative error 2^{mp.nstr(mp.log(table_error(p_c, r_lo, r_hi), 2), 4)}\n"
        )
        out.append(table("exp_table_p", p_c, bits, suffix, ctype))
        h_max = tanh_h(ctype)
        e_c = fit(expm1_2h_over_h, -h_max, h_max, TANH_E_DEGREE[ctype], bits)
        out.append(
            f"    // exp(2h) - 1 = h*e(h), |h| <= {mp.nstr(h_max, 8)}; "
            f"max relative error 2^{mp.nstr(mp.log(expm1_2h_error(e_c, h_max), 2), 4)}\n"
        )
        out.append(table("expm1_2h", e_c, bits, suffix, ctype))
        fsize = FAST_TABLE_SIZE[ctype]
        quotients = [mp.power(2, mp.mpf(j) / fsize) / (1 + mp.mpf(j) / fsize) for j in range(fsize)]
        out.append(
            split_tables("tanh_table", f"2^(j/{fsize}) / (1 + j/{fsize})", quotients, bits,
                         suffix, ctype)
        )
        c = SIGMOID_SCALE[ctype]
        scaled = [mp.power(2, c) * (1 + mp.mpf(j) / size) * mp.power(2, -mp.mpf(j) / size)
                  for j in range(size)]
        s_hi, s_lo, e_sum = split(scaled, bits)
        e_hi = max(abs(h - v) / v for h, v in zip(s_hi, scaled))
        out.append(
            f"    // 2^{c} * (1 + j/{size}) * 2^(-j/{size}) = sigmoid_table_hi[j] + sigmoid_table_lo[j];\n"
            f"    // max relative error of hi alone 2^{mp.nstr(mp.log(e_hi, 2), 4)}, "
            f"of the sum 2^{mp.nstr(mp.log(e_sum, 2), 4)}\n"
        )
        out.append(f"    static constexpr int sigmoid_scale = {c};\n")
        out.append(table("sigmoid_table_hi", s_hi, bits, suffix, ctype))
        out.append(table("sigmoid_table_lo", s_lo, bits, suffix, ctype))
        size = FAST_TABLE_SIZE[ctype]
        if size != TABLE_SIZE[ctype]:
            r_lo, r_hi = table_range(size)
            fast_p = fit(expm1_over_r, r_lo, r_hi, TABLE_DEGREE[ctype] - 1, bits)
            fast_p[0] = mp.mpf(1)
            out.append(
                f"    // the same with {size} entries (fast::sigmoid, the derivatives): exp(r) = "
                f"1 + r*p(r), r in [{mp.nstr(r_lo, 4)}, {mp.nstr(r_hi, 8)}]; max relative error "
                f"2^{mp.nstr(mp.log(table_error(fast_p, r_lo, r_hi), 2), 4)}\n"
            )
            out.append(table("exp_table16_p", fast_p, bits, suffix, ctype))
        out.append("};\n\n")
    out.append("} // namespace detail\nSIMDACT_END_NAMESPACE\n// clang-format on\n")
    return "".join(out)


def main(argv):
    text = generate()
    if len(argv) == 3 and argv[1] == "--check":
        with open(argv[2], encoding="utf-8") as f:
            committed = f.read()
        if committed != text:
            sys.stderr.write(f"{argv[2]} is out of date: run {argv[0]} > {argv[2]}\n")
            return 1
        print(f"{argv[2]} matches the generator")
        return 0
    if len(argv) != 1:
        sys.stderr.write(__doc__)
        return 2
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
