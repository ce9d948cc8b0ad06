#!/usr/bin/env python3
"""Turns simdact_bench's JSON output into Markdown tables and, optionally, a chart.

simdact_bench times every implementation of a case in rotation within one benchmark and reports,
per implementation, its median time per element and the median over the rounds of its time over
simdact's in the same round (with quartiles); these tables show those paired ratios, never a
ratio of two separately measured times.

One table per element type and N. Each row is a case (activation, operation, out of place or in
place): simdact's time per element, its bandwidth, its time over the memory ceiling's, the
fastest peer library's time over simdact's, then one column per other implementation with that
implementation's time over simdact's (simdact::fast and the dispatched build included), and the
fastest peer's time over simdact::fast's. The ceiling and fastest-peer columns give the
interquartile range of the per-round ratio in brackets. Then every time, in ns per element.
Implementations or cases missing from the JSON (peers not compiled in, a filter) are left out or
left blank.

Usage: table.py results.json [--chart chart.svg]
"""
import json
import sys
from collections import defaultdict

SIMDACT = "simdact"
FAST = "simdact_fast"
OURS = (SIMDACT, FAST, "simdact_dispatch")
CEILING = "ceiling"
ACTIVATIONS = ("relu", "leaky_relu", "sigmoid", "tanh")
OPERATIONS = ("forward", "derivative", "backward", "backward_from_output")
PLACEMENTS = ("out_of_place", "in_place")
TYPES = ("float", "double")


def load(path):
    """Per case (activation, op, type, placement, n): {impl: ns per element}, {impl: GB/s},
    {impl or "fastest_peer": (median, p25, p75) of its time over simdact's per round}, and
    (median, p25, p75) of the fastest peer's time over simdact_fast's."""
    with open(path) as f:
        data = json.load(f)
    times = defaultdict(dict)
    bandwidth = defaultdict(dict)
    ratios = defaultdict(dict)
    over_fast = {}
    for b in data.get("benchmarks", []):
        if b.get("error_occurred"):
            continue
        # With repetitions, only the median counts.
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        # Names are <activation>/<op>/<type>/<placement>/<N>[/min_time:...]
        parts = b.get("run_name", b["name"]).split("/")
        if len(parts) < 5 or not parts[4].isdigit():
            continue
        activation, op, typ, placement, n = parts[:5]
        key = (activation, op, typ, placement, int(n))
        for counter, value in b.items():
            impl, _, field = counter.partition(":")
            if not field:
                continue
            if field == "ns_per_elem":
                times[key][impl] = value
            elif field == "bytes_per_second":
                bandwidth[key][impl] = value / 1e9
            elif field == "vs_simdact":
                ratios[key][impl] = (value, b.get(counter + "_p25"), b.get(counter + "_p75"))
            elif field == "vs_simdact_fast" and impl == "fastest_peer":
                over_fast[key] = (value, b.get(counter + "_p25"), b.get(counter + "_p75"))
    return data.get("context", {}), times, bandwidth, ratios, over_fast


def rank(value, order):
    return order.index(value) if value in order else len(order)


def case_order(key):
    activation, op, typ, placement, n = key
    return (rank(typ, TYPES), n, rank(activation, ACTIVATIONS), activation, rank(op, OPERATIONS),
            op, rank(placement, PLACEMENTS))


def impl_order(impl):
    return (impl not in OURS, rank(impl, OURS), impl)


def fmt(v, digits=3):
    return f"{v:.{digits}f}" if v is not None else ""


def label(key):
    activation, op, _, placement, _ = key
    return f"{activation} {op}" + (", in place" if placement == "in_place" else "")


def machine(context):
    cpu = context.get("cpu_model") or "unknown CPU"
    host = context.get("host_name")
    return f"{cpu} ({context.get('num_cpus', '?')} CPUs{', host ' + host if host else ''})"


def markdown_table(header, rows):
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")


def with_spread(r, invert=False, digits=2):
    """A paired ratio as 'median (p25-p75)'; invert gives simdact's over the other's."""
    if not r or r[0] is None:
        return ""
    median, low, high = r
    if invert:
        median, low, high = 1 / median, 1 / high if high else None, 1 / low if low else None
    if low is None or high is None:
        return fmt(median, digits)
    return f"{fmt(median, digits)} ({fmt(low, digits)}–{fmt(high, digits)})"


def ratio_tables(times, bandwidth, ratios, over_fast):
    """One table per (type, N): simdact's figures and every other implementation's ratio."""
    groups = sorted({(k[2], k[4]) for k in times}, key=lambda g: (rank(g[0], TYPES), g[1]))
    for typ, n in groups:
        keys = sorted((k for k in times if (k[2], k[4]) == (typ, n) and SIMDACT in times[k]),
                      key=case_order)
        if not keys:
            continue
        others = sorted({i for k in keys for i in times[k] if i != SIMDACT and i != CEILING},
                        key=impl_order)
        has_fast = any(k in over_fast for k in keys)
        header = ["case", "simdact ns/elem", "GB/s", "simdact / ceiling",
                  "fastest peer / simdact"] + others
        if has_fast:
            header.append("fastest peer / simdact_fast")
        rows = []
        for key in keys:
            r = ratios[key]
            row = [label(key), fmt(times[key][SIMDACT]), fmt(bandwidth[key].get(SIMDACT), 1),
                   with_spread(r.get(CEILING), invert=True), with_spread(r.get("fastest_peer"))]
            row += [fmt(r[i][0], 2) if i in r else "" for i in others]
            if has_fast:
                row.append(with_spread(over_fast.get(key)))
            rows.append(row)
        print(f"\n### {typ}, N = {n}\n")
        markdown_table(header, rows)


def everything(times):
    impls = sorted({i for t in times.values() for i in t}, key=impl_order)
    print("\n### Every time, ns per element\n")
    rows = []
    for key in sorted(times, key=case_order):
        rows.append([f"{label(key)}, {key[2]}, {key[4]}"] +
                    [fmt(times[key].get(i)) for i in impls])
    markdown_table(["case"] + impls, rows)


def chart(path, context, times):
    """Forward passes, out of place, float: ns per element of every implementation, at the
    smallest N measured (in cache) and the largest (in memory)."""
    try:
        import matplotlib
    except ImportError:
        print(f"\nmatplotlib is not installed (Debian: python3-matplotlib): {path} not written",
              file=sys.stderr)
        return
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    def forward(k):
        return k[1] == "forward" and k[2] == "float" and k[3] == "out_of_place"

    sizes = sorted({k[4] for k in times if forward(k)})
    if not sizes:
        print(f"\nno float forward case out of place: {path} not written", file=sys.stderr)
        return
    panels = sorted({sizes[0], sizes[-1]})
    activations = [a for a in ACTIVATIONS if any(forward(k) and k[0] == a for k in times)]
    impls = sorted({i for k, t in times.items() if forward(k) for i in t}, key=impl_order)
    palette = plt.cm.tab20.colors
    # simdact's own in strong colours first, then the others; the same colour in every panel.
    colors = {impl: palette[(2 * j) % 20 if j < 10 else (2 * j + 1) % 20]
              for j, impl in enumerate(impls)}
    fig, axes = plt.subplots(1, len(panels), figsize=(7 * len(panels), 5.4), squeeze=False)
    for ax, n in zip(axes[0], panels):
        for a, act in enumerate(activations):
            values = times.get((act, "forward", "float", "out_of_place", n), {})
            present = [i for i in impls if i in values]
            width = 0.84 / max(1, len(present))
            for j, impl in enumerate(present):
                ax.bar(a + (j - (len(present) - 1) / 2) * width, values[impl], width,
                       color=colors[impl], edgecolor="black", linewidth=0.3,
                       hatch="//" if impl == CEILING else None)
        ax.set_xticks(range(len(activations)), activations)
        ax.set_yscale("log")
        ax.set_ylabel("ns per element (log scale; lower is faster)")
        size = n * 4 * 2
        shown = f"{size / 2**20:g} MiB" if size >= 2**20 else f"{size / 2**10:g} KiB"
        ax.set_title(f"float forward, out of place, N = {n} ({shown} read and written)",
                     fontsize="medium")
        ax.grid(axis="y", which="both", alpha=0.3)
    shown_impls = [i for i in impls if any(i in times.get(
        (act, "forward", "float", "out_of_place", n), {}) for act in activations for n in panels)]
    handles = [Patch(facecolor=colors[i], edgecolor="black", linewidth=0.3,
                     hatch="//" if i == CEILING else None) for i in shown_impls]
    names = ["ceiling (memcpy)" if i == CEILING else i for i in shown_impls]
    columns = min(len(names), 6)
    # Row by row, in impl_order (the legend fills column by column).
    rows = -(-len(names) // columns)
    order = [r * columns + c for c in range(columns) for r in range(rows) if r * columns + c < len(names)]
    fig.legend([handles[k] for k in order], [names[k] for k in order], loc="lower center",
               ncol=columns, fontsize="small", frameon=False)
    fig.suptitle(f"simdact_bench, {context.get('date', '?')[:10]}, {machine(context)}, "
                 "one thread; header-only simdact built for "
                 f"{context.get('simdact_architecture', '?')}; ceiling: memcpy",
                 fontsize="medium")
    fig.tight_layout(rect=(0, 0.03 + 0.045 * rows, 1, 1))
    # No timestamp in the file, so that it changes only when the figures do.
    fig.savefig(path, metadata={"Date": None} if path.endswith(".svg") else None)
    print(f"\nChart: {path}")


def main(argv):
    args = argv[1:]
    chart_path = None
    if "--chart" in args:
        i = args.index("--chart")
        if i + 1 >= len(args):
            sys.exit(__doc__)
        chart_path = args[i + 1]
        del args[i : i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    context, times, bandwidth, ratios, over_fast = load(args[0])
    print(f"simdact_bench, {context.get('date', '?')}, on {machine(context)}; header-only "
          f"simdact built for {context.get('simdact_architecture', '?')}, dispatched simdact "
          f"running {context.get('simdact_dispatch', '-')}; real time, one thread. The "
          "implementations of a case are timed in rotation, a block of calls each per round, on "
          "the same arrays: a time is the median over the rounds, a ratio the median of the "
          "ratio within each round (its interquartile range in brackets).\n")
    print(f"Compiled in: {context.get('simdact_bench_peers', '?')}.\n")
    print("Each implementation's column is its time / simdact's (> 1: simdact is faster); "
          "fastest peer: the fastest library other than simdact in each round. "
          "ceiling: memcpy (one input) or c[i] = a[i] + b[i] (two inputs), the memory bound; "
          "simdact_fast: simdact::fast (sigmoid, tanh); simdact_dispatch: simdact's run-time "
          "dispatch; GB/s counts every array read or written once.\n")
    overhead = context.get("clock_overhead_ns")
    print("In place: every call starts from the original data (restored outside the timed "
          "interval) and is timed on its own, less the clock's own overhead"
          + (f" ({float(overhead):.0f} ns)." if overhead else "."))
    if not times:
        print("\nNo results.")
    ratio_tables(times, bandwidth, ratios, over_fast)
    if times:
        everything(times)
    if chart_path:
        chart(chart_path, context, times)


if __name__ == "__main__":
    main(sys.argv)
