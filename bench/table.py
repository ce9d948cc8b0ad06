#!/usr/bin/env python3
"""Turns simdact_bench's JSON output into Markdown tables and, optionally, a chart.

For each case: simdact's time per element and bandwidth, its fast level and dispatched build,
the fastest other implementation and its ratio to simdact, and simdact's ratio to the memory
ceiling; then each peer's ratio to simdact, case by case; then every time.

Usage: table.py results.json [--chart chart.svg]
"""
import json
import sys
from collections import defaultdict

OURS = ("simdact", "simdact_fast", "simdact_dispatch")
CEILING = "ceiling"


def load(path):
    with open(path) as f:
        data = json.load(f)
    times = defaultdict(dict)  # (activation, op, type, placement, n) -> {impl: ns per element}
    bandwidth = defaultdict(dict)  # same key -> {impl: GB/s}
    for b in data["benchmarks"]:
        if b.get("error_occurred"):
            continue
        # With repetitions, only the median counts; without, every run is an iteration.
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") != "median":
                continue
            name = b["run_name"]
        else:
            name = b["name"]
        if name.endswith("/manual_time"):  # the in-place cases, timed call by call
            name = name[: -len("/manual_time")]
        parts = name.split("/")
        if len(parts) != 6:
            continue
        activation, op, typ, placement, impl, n = parts
        key = (activation, op, typ, placement, int(n))
        unit = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
        times[key][impl] = b["real_time"] * unit / int(n)
        if "bytes_per_second" in b:
            bandwidth[key][impl] = b["bytes_per_second"] / 1e9
    return data.get("context", {}), times, bandwidth


def case_order(key):
    activation, op, typ, placement, n = key
    return (typ, activation, op, placement, n)


def fmt(v, digits=3):
    return f"{v:.{digits}f}" if v is not None else "-"


def peers_of(t):
    return {k: v for k, v in t.items() if k not in OURS and k != CEILING}


def summary(times, bandwidth):
    print("| case | simdact ns/elem | GB/s | fast | dispatched | fastest other | "
          "other / simdact | other / fast | simdact / ceiling |")
    print("|---|---|---|---|---|---|---|---|---|")
    for key in sorted(times, key=case_order):
        t = times[key]
        ours = t.get("simdact")
        if ours is None:
            continue
        fast = t.get("simdact_fast")
        others = peers_of(t)
        best = min(others, key=others.get) if others else None
        ceiling = t.get(CEILING)
        print(f"| {'/'.join(map(str, key))} | {ours:.3f} | {fmt(bandwidth[key].get('simdact'), 1)} | "
              f"{fmt(fast)} | {fmt(t.get('simdact_dispatch'))} | "
              f"{f'{others[best]:.3f} ({best})' if best else '-'} | "
              f"{fmt(others[best] / ours, 2) if best else '-'} | "
              f"{fmt(others[best] / fast, 2) if best and fast else '-'} | "
              f"{fmt(ours / ceiling, 2) if ceiling else '-'} |")


def ratios(times):
    peers = sorted({i for t in times.values() for i in peers_of(t)})
    if not peers:
        return
    print("\nEach peer's time / simdact's (> 1: simdact is faster; for sigmoid and tanh the second "
          "figure is against simdact::fast):\n")
    print("| case | " + " | ".join(peers) + " |")
    print("|---|" + "---|" * len(peers))
    for key in sorted(times, key=case_order):
        t = times[key]
        ours, fast = t.get("simdact"), t.get("simdact_fast")
        if ours is None:
            continue
        cells = []
        for p in peers:
            if p not in t:
                cells.append("")
            elif fast:
                cells.append(f"{t[p] / ours:.2f} / {t[p] / fast:.2f}")
            else:
                cells.append(f"{t[p] / ours:.2f}")
        print(f"| {'/'.join(map(str, key))} | " + " | ".join(cells) + " |")


def everything(times):
    impls = sorted({i for t in times.values() for i in t})
    print("\nAll implementations (ns per element):\n")
    print("| case | " + " | ".join(impls) + " |")
    print("|---|" + "---|" * len(impls))
    for key in sorted(times, key=case_order):
        row = [f"{times[key][i]:.3f}" if i in times[key] else "" for i in impls]
        print(f"| {'/'.join(map(str, key))} | " + " | ".join(row) + " |")


def chart(path, context, times):
    """Forward passes, out of place, float: ns per element of every implementation, N = 4096
    (in cache) and the largest N measured (in memory)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted({k[4] for k in times if k[1] == "forward" and k[2] == "float"})
    if not sizes:
        print(f"no float forward cases: {path} not written", file=sys.stderr)
        return
    panels = sorted({sizes[0], sizes[-1]})
    activations = ["relu", "leaky_relu", "sigmoid", "tanh"]
    impls = sorted({i for k, t in times.items() if k[1] == "forward" and k[2] == "float"
                    for i in t}, key=lambda i: (i not in OURS, i != CEILING, i))
    fig, axes = plt.subplots(1, len(panels), figsize=(7 * len(panels), 4.8), squeeze=False)
    width = 0.8 / max(1, len(impls))
    for ax, n in zip(axes[0], panels):
        for j, impl in enumerate(impls):
            xs, ys = [], []
            for a, act in enumerate(activations):
                v = times.get((act, "forward", "float", "out_of_place", n), {}).get(impl)
                if v is not None:
                    xs.append(a + (j - (len(impls) - 1) / 2) * width)
                    ys.append(v)
            ax.bar(xs, ys, width, label=impl, color=plt.cm.tab20(j % 20))
        ax.set_xticks(range(len(activations)), activations)
        ax.set_yscale("log")
        ax.set_ylabel("ns per element (log scale; lower is faster)")
        ax.set_title(f"float forward, out of place, N = {n}")
        ax.grid(axis="y", which="both", alpha=0.3)
    axes[0][0].legend(fontsize="small", ncol=2)
    machine = context.get("cpu_model") or context.get("host_name", "?")
    fig.suptitle(f"simdact_bench, {context.get('date', '?')}, {machine}, "
                 f"{context.get('num_cpus', '?')} CPUs, single thread, "
                 f"header-only simdact built for {context.get('simdact_architecture', '?')}",
                 fontsize="medium")
    fig.tight_layout()
    fig.savefig(path)
    print(f"\nChart: {path}")


def main(argv):
    args = argv[1:]
    chart_path = None
    if "--chart" in args:
        i = args.index("--chart")
        chart_path = args[i + 1]
        del args[i : i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    context, times, bandwidth = load(args[0])
    print(f"simdact_bench, {context.get('date', '?')}, on {context.get('cpu_model') or context.get('host_name', '?')} "
          f"({context.get('num_cpus', '?')} CPUs); header-only simdact built for "
          f"{context.get('simdact_architecture', '?')}, dispatched simdact running "
          f"{context.get('simdact_dispatch', '-')}; ns per element, real time, single thread.\n")
    print(f"Peers compiled in: {context.get('simdact_bench_peers', '?')}.\n")
    print("fastest other: the fastest implementation that is not simdact. ceiling: memcpy (one "
          "input) or a[i] + b[i] (two inputs), the memory bound. fast: simdact::fast (sigmoid, "
          "tanh).\n")
    print("in_place: every call starts from the original data (restored outside the timed "
          "interval) and is timed on its own, less the clock's own "
          f"{float(context.get('clock_overhead_ns', 'nan')):.0f} ns.\n")
    summary(times, bandwidth)
    ratios(times)
    everything(times)
    if chart_path:
        chart(chart_path, context, times)


if __name__ == "__main__":
    main(sys.argv)
