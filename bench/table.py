#!/usr/bin/env python3
"""Turns simdact_bench's JSON output into Markdown tables: for each case, simdact's time per
element beside the fastest other implementation's, their ratio, and the memory ceiling; then
every implementation's time, per case.

Usage: table.py results.json
"""
import json
import sys
from collections import defaultdict


def main(path):
    with open(path) as f:
        data = json.load(f)
    cases = defaultdict(dict)  # (activation, op, type, placement, n) -> {impl: ns per element}
    for b in data["benchmarks"]:
        if b.get("error_occurred") or b.get("run_type") == "aggregate":
            continue
        name = b["name"]
        if name.endswith("/manual_time"):  # the in-place cases, timed call by call
            name = name[: -len("/manual_time")]
        parts = name.split("/")
        if len(parts) != 6:
            continue
        activation, op, typ, placement, impl, n = parts
        unit = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
        cases[(activation, op, typ, placement, int(n))][impl] = b["real_time"] * unit / int(n)

    context = data.get("context", {})
    print(f"simdact_bench on {context.get('host_name', '?')}, {context.get('num_cpus', '?')} CPUs, "
          f"header-only simdact built for {context.get('simdact_architecture', '?')}, "
          f"dispatched simdact running {context.get('simdact_dispatch', '-')}; "
          "ns per element, real time, single thread.\n")
    print(f"Peers compiled in: {context.get('simdact_bench_peers', '?')}.\n")
    print("ratio = fastest other implementation's time / simdact's time "
          "(> 1: simdact is faster). ceiling: memcpy (one input) or a[i] + b[i] (two inputs).\n")
    print("in_place: every call starts from the original data (restored outside the timed "
          "interval) and is timed on its own, less the clock's own "
          f"{float(context.get('clock_overhead_ns', 'nan')):.0f} ns.\n")
    print("| activation | operation | type | placement | N | simdact | simdact dispatched | "
          "fastest other | ratio | ceiling |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for key in sorted(cases, key=lambda k: (k[2], k[0], k[1], k[3], k[4])):
        times = cases[key]
        ours = times.get("simdact")
        others = {k: v for k, v in times.items()
                  if k not in ("simdact", "simdact_dispatch", "ceiling")}
        if ours is None:
            continue
        best = min(others, key=others.get) if others else None
        ratio = f"{others[best] / ours:.2f}" if best else "-"
        best_text = f"{others[best]:.3f} ({best})" if best else "-"
        dispatched = times.get("simdact_dispatch")
        dispatched_text = f"{dispatched:.3f}" if dispatched is not None else "-"
        ceiling = times.get("ceiling")
        ceiling_text = f"{ceiling:.3f}" if ceiling is not None else "-"
        activation, op, typ, placement, n = key
        print(f"| {activation} | {op} | {typ} | {placement} | {n} | {ours:.3f} | "
              f"{dispatched_text} | {best_text} | {ratio} | {ceiling_text} |")

    impls = sorted({i for t in cases.values() for i in t})
    print("\nAll implementations (ns per element):\n")
    print("| case | " + " | ".join(impls) + " |")
    print("|---|" + "---|" * len(impls))
    for key in sorted(cases, key=lambda k: (k[2], k[0], k[1], k[3], k[4])):
        row = [f"{cases[key][i]:.3f}" if i in cases[key] else "" for i in impls]
        print(f"| {'/'.join(map(str, key))} | " + " | ".join(row) + " |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
