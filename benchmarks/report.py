#!/usr/bin/env python3
"""Turns the raw measurements of run.sh into benchmarks/results/: results.md
(the tables), results.json (every derived figure) and chart.png (from the
Google Benchmark figures; needs matplotlib, Debian's python3-matplotlib, and
is skipped with a note where it is missing). The tables need only the stdlib.

  benchmarks/report.py --gbench gbench.json --startup startup.json \
      --compile compile.json --out benchmarks/results
"""

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys

FLAVOURS = ("direct", "map", "poco", "llvm", "autoreg")
PEERS = ("map", "poco", "llvm")
SHORT = {"direct": "direct", "map": "map", "poco": "Poco", "llvm": "llvm", "autoreg": "autoreg"}
LABEL = {"direct": "direct (floor)", "map": "unordered_map", "poco": "Poco", "llvm": "llvm::Registry",
         "autoreg": "autoreg"}


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------

def read_gbench(path):
    """Best repetition of every benchmark: least CPU and real time, most items/s."""
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}
    best = {}
    for b in raw["benchmarks"]:
        if b.get("run_type", "iteration") != "iteration" or "error_occurred" in b:
            continue
        name = b.get("run_name", b["name"])
        unit = scale[b.get("time_unit", "ns")]
        entry = best.setdefault(name, {"cpu_ns": float("inf"), "real_ns": float("inf"),
                                       "items_per_second": 0.0, "repetitions": 0})
        entry["cpu_ns"] = min(entry["cpu_ns"], b["cpu_time"] * unit)
        entry["real_ns"] = min(entry["real_ns"], b["real_time"] * unit)
        entry["items_per_second"] = max(entry["items_per_second"], b.get("items_per_second", 0.0))
        entry["repetitions"] += 1
    return raw.get("context", {}), best


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# ---------------------------------------------------------------------------
# Deriving the figures
# ---------------------------------------------------------------------------

def derive(context, gb, startup, compile_):
    sizes = sorted({int(m.group(1)) for name in gb for m in [re.match(r"create/direct/(\d+)$", name)] if m})
    out = {"sizes": sizes}

    # Run time: ratios within this run.
    create = {}
    for n in sizes:
        floor = gb["create/direct/%d" % n]["cpu_ns"]
        create[n] = {f: {"ns": gb["create/%s/%d" % (f, n)]["cpu_ns"],
                         "ratio": gb["create/%s/%d" % (f, n)]["cpu_ns"] / floor} for f in FLAVOURS}
    out["create"] = create
    absent = {}
    for n in sizes:
        base = gb["absent/map/%d" % n]["cpu_ns"]
        absent[n] = {f: {"ns": gb["absent/%s/%d" % (f, n)]["cpu_ns"],
                         "ratio": gb["absent/%s/%d" % (f, n)]["cpu_ns"] / base} for f in FLAVOURS[1:]}
    out["absent"] = absent
    threads_n = next(int(m.group(1)) for name in gb
                     for m in [re.match(r"threads/direct/(\d+)/", name)] if m)
    threads = {}
    for f in FLAVOURS:
        one = gb["threads/%s/%d/real_time/threads:1" % (f, threads_n)]["items_per_second"]
        two = gb["threads/%s/%d/real_time/threads:2" % (f, threads_n)]["items_per_second"]
        threads[f] = {"one": one, "two": two, "scaling": two / one}
    for f in FLAVOURS:
        threads[f]["relative_to_direct"] = threads[f]["scaling"] / threads["direct"]["scaling"]
    out["threads"] = {"n": threads_n, "flavours": threads}
    parts = {}
    for n in sizes:
        p = {"create": gb["create/autoreg/%d" % n]["cpu_ns"],
             "create_unguarded": gb["parts/autoreg/%d/create_unguarded" % n]["cpu_ns"],
             "absent": gb["absent/autoreg/%d" % n]["cpu_ns"],
             "absent_unguarded": gb["parts/autoreg/%d/absent_unguarded" % n]["cpu_ns"],
             "hash": gb["parts/autoreg/%d/hash" % n]["cpu_ns"],
             "direct": gb["create/direct/%d" % n]["cpu_ns"]}
        section = gb.get("parts/autoreg/%d/read_section" % n)
        if section:
            p["read_section"] = section["cpu_ns"]
        parts[n] = p
    out["parts"] = parts

    # Start-up and first access: callgrind instruction counts.
    ins, heap = startup["instructions"], startup["heap"]
    separate = sorted(n for n in startup["sizes"] if "direct/%d/start" % n in ins)
    lo, hi = separate[0], separate[-1]
    per_reg = {f: (ins["%s/%d/start" % (f, hi)] - ins["%s/%d/start" % (f, lo)]) / (hi - lo)
               for f in FLAVOURS}
    allocations = {f: (heap["%s/%d" % (f, hi)]["before_main"]["allocations"] -
                       heap["%s/%d" % (f, lo)]["before_main"]["allocations"]) / (hi - lo)
                   for f in FLAVOURS}
    out["startup"] = {
        "sizes": [lo, hi],
        "instructions_per_registration": per_reg,
        "net_of_direct": {f: per_reg[f] - per_reg["direct"] for f in FLAVOURS},
        "allocations_per_registration": allocations,
        "allocations_before_main": {f: {n: heap["%s/%d" % (f, n)]["before_main"]["allocations"] -
                                        heap["direct/%d" % n]["before_main"]["allocations"]
                                        for n in separate} for f in FLAVOURS},
    }
    first = {}
    for n in startup["sizes"]:
        for f in FLAVOURS[1:]:
            key = "%s/%d/first" % (f, n)
            if key not in ins:
                continue
            start = ins.get("%s/%d/start" % (f, n), ins.get("all/%d/start" % n))
            first.setdefault(f, {})[n] = {"instructions": ins[key] - start,
                                          "per_entry": (ins[key] - start) / n}
    out["first_access"] = first
    out["first_access_bound_now"] = {
        n: (ins["bind_now/autoreg/%d/first" % n] - ins["bind_now/autoreg/%d/start" % n]) / n
        for n in startup["sizes"] if "bind_now/autoreg/%d/first" % n in ins}
    profile = startup.get("profile")
    if profile:
        profile = dict(profile, functions=profile["functions"][:12])
    out["first_access_profile"] = profile

    # Memory per entry: heap after the first access plus the static registry structures.
    memory = {}
    for f in FLAVOURS[1:]:
        h, d = heap["%s/%d" % (f, hi)], heap["direct/%d" % hi]
        registration = (h["before_main"]["bytes"] - d["before_main"]["bytes"]) / hi
        index = h["first_access"]["bytes"] / hi
        memory[f] = {"n": hi, "heap_at_registration": registration, "heap_at_first_access": index,
                     "static": h["static_bytes_per_entry"],
                     "total": registration + index + h["static_bytes_per_entry"]}
    for n in startup["sizes"]:
        h = heap.get("all/%d" % n)
        if h:
            memory["autoreg_at_%d" % n] = {"n": n, "heap_at_first_access": h["first_access"]["bytes"] / n}
    out["memory"] = memory

    # Compile time, size, headers.
    k = compile_["classes"]
    cpu = {name: min(v) for name, v in compile_["cpu_seconds"].items()}
    per_class = {f: 1000.0 * (cpu["program/%s/%d" % (f, k)] - cpu["program/%s/0" % f]) / k for f in FLAVOURS}
    sizes_ = compile_["sizes"]
    bytes_per_class = {}
    for f in FLAVOURS:
        a, b = sizes_["%s/0" % f], sizes_["%s/%d" % (f, k)]
        bytes_per_class[f] = {"text": (b["text"] - a["text"]) / k, "data": (b["data"] - a["data"]) / k,
                              "bss": (b["bss"] - a["bss"]) / k,
                              "text_data": (b["text"] + b["data"] - a["text"] - a["data"]) / k}
    for f in FLAVOURS:
        bytes_per_class[f]["over_direct"] = (bytes_per_class[f]["text_data"] -
                                             bytes_per_class["direct"]["text_data"])
    includes = {w: 1000.0 * (cpu["include/%s" % w] - cpu["include/empty"])
                for w in ("std", "required", "class", "autoreg", "llvm", "poco")}
    out["compile"] = {"classes": k, "rounds": compile_["rounds"], "compiler": compile_["compiler"],
                      "flags": compile_["flags"], "ms_per_class": per_class,
                      "ratio_to_map": {f: per_class[f] / per_class["map"] for f in FLAVOURS},
                      "program_seconds": {f: [cpu["program/%s/0" % f], cpu["program/%s/%d" % (f, k)]]
                                          for f in FLAVOURS},
                      "bytes_per_class": bytes_per_class, "include_ms": includes,
                      "empty_tu_ms": 1000.0 * cpu["include/empty"]}
    out["context"] = {key: context.get(key) for key in
                      ("date", "host_name", "num_cpus", "mhz_per_cpu", "load_avg", "library_build_type")}
    return out


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

def x(v, digits=2):
    return "%.*f×" % (digits, v)


def num(v, digits=0):
    return "{:,.{d}f}".format(v, d=digits)


def verdict(ok):
    return "**met**" if ok else "**missed**"


def machine_lines(d, machine):
    ctx = d["context"]
    loads = ctx.get("load_avg") or []
    return [
        "- CPU: %s, %s logical CPUs (%s MHz as Google Benchmark reads it)" % (
            machine["cpu"], ctx.get("num_cpus"), ctx.get("mhz_per_cpu")),
        "- OS: %s; compiler: %s, flags `%s`" % (machine["os"], d["compile"]["compiler"],
                                               " ".join(d["compile"]["flags"])),
        "- Date: %s; load average when the run-time figures started: %s (other work on the "
        "machine: every figure is a ratio within this run, of each benchmark's best repetition)" % (
            machine["date"], ", ".join("%.2f" % v for v in loads) if loads else "n/a"),
        "- autoreg measured: %s" % machine["commit"],
        "- Google Benchmark library build type (as it reports itself): %s (Debian's package; the "
        "timed loops are this project's code, built `-O2`)" % ctx.get("library_build_type"),
    ]


def summary_table(d):
    sizes, create, absent = d["sizes"], d["create"], d["absent"]
    rows = []
    for n in sizes:
        c = create[n]
        rows.append(("`create(key)` hit, N=%d (time ÷ direct)" % n,
                     "direct 1.00×; map %s; Poco %s; llvm %s" % (x(c["map"]["ratio"]), x(c["poco"]["ratio"]),
                                                                   x(c["llvm"]["ratio"], 1)),
                     x(c["autoreg"]["ratio"]), "≤ 1.25×", c["autoreg"]["ratio"] <= 1.25))
    for n in sizes:
        a = absent[n]
        rows.append(("absent-key lookup, N=%d (time ÷ map)" % n,
                     "map 1.00×; Poco %s; llvm %s" % (x(a["poco"]["ratio"]), x(a["llvm"]["ratio"], 1)),
                     x(a["autoreg"]["ratio"]), "≤ 0.4×", a["autoreg"]["ratio"] <= 0.4))
    t = d["threads"]["flavours"]
    # Where even the floor cannot scale, the machine was busy and the run says nothing.
    busy = t["direct"]["scaling"] < 1.7
    rows.append(("two threads ÷ one, N=%d (items/s)" % d["threads"]["n"],
                 "; ".join("%s %.2f" % (SHORT[f], t[f]["scaling"]) for f in ("direct", "map", "poco", "llvm")),
                 "%.2f (%.2f of direct's)" % (t["autoreg"]["scaling"], t["autoreg"]["relative_to_direct"]),
                 "≥ 1.85", "inconclusive: direct itself scaled %.2f, the cores were busy" %
                 t["direct"]["scaling"] if busy else t["autoreg"]["scaling"] >= 1.85))
    s = d["startup"]
    net = s["net_of_direct"]
    shape = d.get("mixin", {}).get("mixin_over_direct")
    rows.append(("start-up per registration (instructions, beyond the class itself)",
                 "; ".join("%s %s" % (SHORT[f], num(net[f])) for f in PEERS),
                 num(net["autoreg"]) + ("" if shape is None else
                                        " (%s of them the mixin's type information)" %
                                        num(shape["instructions"])),
                 "≤ 100", net["autoreg"] <= 100))
    allocs = s["allocations_per_registration"]
    hi = s["sizes"][1]
    before = s["allocations_before_main"]["autoreg"][hi]
    rows.append(("heap allocations per registration (malloc, incl. glibc's own)",
                 "; ".join("%s %.2f" % (SHORT[f], allocs[f]) for f in PEERS),
                 "%.3f (%d at N=%d)" % (allocs["autoreg"], before, hi), "0", before == 0))
    fa = d["first_access"]["autoreg"]
    bound = d.get("first_access_bound_now", {})
    worst = max([v["per_entry"] for v in fa.values()] + list(bound.values()))
    rows.append(("first access (instructions per entry; with `LD_BIND_NOW=1` in brackets)",
                 "map, Poco, llvm build nothing lazily",
                 ", ".join("%s (%s) at N=%d" % (num(fa[n]["per_entry"]),
                                                 num(bound[n]) if n in bound else "?", n)
                           for n in sorted(fa)),
                 "≤ 300 at every N, both ways", worst <= 300))
    c = d["compile"]
    ms = c["ms_per_class"]
    rows.append(("compile per class (%d classes in one TU, CPU ms)" % c["classes"],
                 "; ".join("%s %.1f" % (SHORT[f], ms[f]) for f in ("map", "poco", "llvm", "direct")),
                 "%.1f (%.2f× map)" % (ms["autoreg"], c["ratio_to_map"]["autoreg"]), "≤ 0.8× map",
                 c["ratio_to_map"]["autoreg"] <= 0.8))
    b = c["bytes_per_class"]
    rows.append(("text+data per class, beyond the class itself (bytes)",
                 "; ".join("%s %s" % (SHORT[f], num(b[f]["over_direct"])) for f in PEERS) +
                 " (direct's class itself: %s)" % num(b["direct"]["text_data"]),
                 "%s (%s in all%s)" % (num(b["autoreg"]["over_direct"]), num(b["autoreg"]["text_data"]),
                                       "" if shape is None else
                                       "; the mixin's type information %s" % num(shape["text_data"])),
                 "≤ 200 B", b["autoreg"]["over_direct"] <= 200))
    inc = c["include_ms"]
    rows.append(("including `<autoreg/autoreg.hpp>` (CPU ms beyond an empty TU)",
                 "map's headers %.0f; llvm %.0f; Poco %.0f" % (inc["std"], inc["llvm"], inc["poco"]),
                 "%.0f = %.2f× map's (the standard headers its API needs alone: %.0f = %.2f×)" % (
                     inc["autoreg"], inc["autoreg"] / inc["std"], inc["required"],
                     inc["required"] / inc["std"]),
                 "≤ 1.0× map's headers", inc["autoreg"] <= inc["std"]))
    rows.append(("including what a file that defines registered classes needs: "
                 "`<autoreg/auto_register.hpp>`, `<string_view>` (CPU ms)",
                 "map's headers %.0f" % inc["std"],
                 "%.0f = %.2f× map's" % (inc["class"], inc["class"] / inc["std"]),
                 "≤ 0.6× map's headers", inc["class"] <= 0.6 * inc["std"]))
    m = d["memory"]
    rows.append(("memory per entry at N=%d (bytes: heap + static)" % hi,
                 "; ".join("%s %s" % (SHORT[f], num(m[f]["total"])) for f in PEERS),
                 "%s (%s index + %s static)" % (num(m["autoreg"]["total"]),
                                                num(m["autoreg"]["heap_at_first_access"]),
                                                num(m["autoreg"]["static"])),
                 "(reported)", None))
    lines = ["| figure | floor / peers | autoreg | target | met? |", "|---|---|---|---|---|"]
    for fig, peers, ours, target, ok in rows:
        shown = "—" if ok is None else ok if isinstance(ok, str) else verdict(ok)
        lines.append("| %s | %s | %s | %s | %s |" % (fig, peers, ours, target, shown))
    return lines


def detail_tables(d):
    sizes = d["sizes"]
    lines = ["### Run time (best repetition, CPU ns per call)", "",
             "| | " + " | ".join("N=%d" % n for n in sizes) + " |",
             "|---|" + "---|" * len(sizes)]
    for f in FLAVOURS:
        lines.append("| create, %s | %s |" % (LABEL[f], " | ".join(
            "%.1f ns (%s)" % (d["create"][n][f]["ns"], x(d["create"][n][f]["ratio"])) for n in sizes)))
    for f in FLAVOURS[1:]:
        lines.append("| absent, %s | %s |" % (LABEL[f], " | ".join(
            "%.1f ns (%s)" % (d["absent"][n][f]["ns"], x(d["absent"][n][f]["ratio"])) for n in sizes)))
    lines += ["", "Where autoreg's `create` goes (same run; \"unguarded\" is the lookup without the "
              "read section, unsafe against unloading, the floor any read side could reach):", "",
              "| | " + " | ".join("N=%d" % n for n in sizes) + " |", "|---|" + "---|" * len(sizes)]
    for key, label in (("direct", "direct `make_unique` (the floor)"), ("create", "autoreg `create`"),
                       ("create_unguarded", "autoreg lookup + factory, no read section"),
                       ("absent", "autoreg `contains` (absent)"),
                       ("absent_unguarded", "autoreg lookup (absent), no read section"),
                       ("hash", "`hash_key` alone"), ("read_section", "read section alone")):
        cells = ["%.1f ns" % d["parts"][n][key] if key in d["parts"][n] else "" for n in sizes]
        lines.append("| %s | %s |" % (label, " | ".join(cells)))
    t = d["threads"]
    lines += ["", "### Two threads against one (N=%d, wall-clock items/s, best repetition)" % t["n"], "",
              "| flavour | 1 thread | 2 threads | scaling | ÷ direct's scaling |", "|---|---|---|---|---|"]
    for f in FLAVOURS:
        v = t["flavours"][f]
        lines.append("| %s | %.1f M/s | %.1f M/s | %.2f | %.2f |" % (
            LABEL[f], v["one"] / 1e6, v["two"] / 1e6, v["scaling"], v["relative_to_direct"]))
    s = d["startup"]
    lo, hi = s["sizes"]
    lines += ["", "### Start-up (callgrind, whole process; slope between N=%d and N=%d)" % (lo, hi), "",
              "| flavour | instructions per class | beyond direct | heap allocations per class | "
              "allocations before main at N=%d (beyond direct) |" % hi, "|---|---|---|---|---|"]
    for f in FLAVOURS:
        lines.append("| %s | %s | %s | %.3f | %d |" % (
            LABEL[f], num(s["instructions_per_registration"][f], 1), num(s["net_of_direct"][f], 1),
            s["allocations_per_registration"][f], s["allocations_before_main"][f][hi]))
    lines += ["", "### First lookup (callgrind: instructions of the program that looks one absent key up, "
              "minus the program that returns at once)", "",
              "| flavour | " + " | ".join("N=%d" % n for n in sorted(d["first_access"]["autoreg"])) + " |",
              "|---|" + "---|" * len(d["first_access"]["autoreg"])]
    for f in FLAVOURS[1:]:
        fa = d["first_access"].get(f, {})
        lines.append("| %s | %s |" % (LABEL[f], " | ".join(
            "%s (%s per entry)" % (num(fa[n]["instructions"]), num(fa[n]["per_entry"], 1)) if n in fa else ""
            for n in sorted(d["first_access"]["autoreg"]))))
    bound = {int(n): v for n, v in d.get("first_access_bound_now", {}).items()}
    if bound:
        lines.append("| autoreg, `LD_BIND_NOW=1` (symbols bound before main, as the others bind theirs "
                     "while registering) | %s |" % " | ".join(
                         "%s per entry" % num(bound[n], 1) if n in bound else ""
                         for n in sorted(d["first_access"]["autoreg"])))
    prof = d.get("first_access_profile")
    if prof:
        lines += ["", "autoreg's first access at N=%d, by function (callgrind, exclusive instructions):" %
                  prof["n"], "", "| instructions | per entry | function |", "|---|---|---|"]
        for row in prof["functions"][:10]:
            lines.append("| %s | %.1f | `%s` |" % (num(row["instructions"]), row["instructions"] / prof["n"],
                                                   row["function"]))
    m = d["memory"]
    lines += ["", "### Memory per entry (N=%d; heap in glibc chunk bytes)" % m["autoreg"]["n"], "",
              "| flavour | heap at registration | heap at first access | static registry structures | total |",
              "|---|---|---|---|---|"]
    for f in FLAVOURS[1:]:
        v = m[f]
        lines.append("| %s | %.1f | %.1f | %d | %.1f |" % (LABEL[f], v["heap_at_registration"],
                                                          v["heap_at_first_access"], v["static"], v["total"]))
    for key, v in m.items():
        if key.startswith("autoreg_at_"):
            lines.append("| autoreg, N=%d | | %.1f | | |" % (v["n"], v["heap_at_first_access"]))
    c = d["compile"]
    lines += ["", "### Compile cost and size (%d classes in one TU vs none, %s, best of %d; "
              "sizes of the linked PIE programs, `size` Berkeley format)" % (
                  c["classes"], " ".join(c["flags"]), c["rounds"]), "",
              "| flavour | CPU s, 0 classes | CPU s, %d classes | ms per class | ÷ map | text | data | "
              "text+data | beyond direct | bss |" % c["classes"], "|---|---|---|---|---|---|---|---|---|---|"]
    for f in FLAVOURS:
        b = c["bytes_per_class"][f]
        p0, p1 = c["program_seconds"][f]
        lines.append("| %s | %.2f | %.2f | %.1f | %.2f | %.0f | %.0f | %.0f | %.0f | %.0f |" % (
            LABEL[f], p0, p1, c["ms_per_class"][f], c["ratio_to_map"][f], b["text"], b["data"],
            b["text_data"], b["over_direct"], b["bss"]))
    lines += ["", "Headers alone (CPU ms beyond an empty TU, which takes %.0f ms):" % c["empty_tu_ms"], "",
              "| `<string>` + `<unordered_map>` + `<memory>` | what autoreg's API needs: "
              "`<memory>` `<string>` `<stdexcept>` `<vector>` | "
              "`<autoreg/auto_register.hpp>` + `<string_view>` | "
              "`<autoreg/autoreg.hpp>` | `llvm/Support/Registry.h` | `Poco/DynamicFactory.h` |",
              "|---|---|---|---|---|---|",
              "| %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |" % (
                  c["include_ms"]["std"], c["include_ms"]["required"], c["include_ms"]["class"],
                  c["include_ms"]["autoreg"], c["include_ms"]["llvm"], c["include_ms"]["poco"])]
    if "mixin" in d:
        m = d["mixin"]
        per = m["per_class"]
        lines += ["", "### What the mixin's place among the bases costs (slope between N=%d and "
                  "N=%d; %s, `%s`)" % (m["sizes"][0], m["sizes"][1], m["compiler"], m["flags"]), "",
                  "`AutoRegister<Base, C>` is a class between `Base` and `C`, so it has type "
                  "information of its own, which the loader relocates (one symbol, two addresses) "
                  "in every program that holds the class. `mixin` is the direct floor's classes "
                  "deriving from an empty `Mix<Base, C>` instead of `Base`, which registers "
                  "nothing (benchmarks/mixin_cost.py):", "",
                  "| program | start-up instructions per class | text+data bytes per class |",
                  "|---|---|---|"]
        for v, label in (("direct", "direct (floor)"), ("mixin", "the mixin's shape alone"),
                         ("autoreg", "autoreg")):
            lines.append("| %s | %s | %s |" % (label, num(per[v]["instructions"]),
                                               num(per[v]["text_data"])))
        lines.append("| mixin − direct: what any base-class mixin costs | %s | %s |" % (
            num(m["mixin_over_direct"]["instructions"]), num(m["mixin_over_direct"]["text_data"])))
        lines.append("| autoreg − mixin: what registering costs | %s | %s |" % (
            num(m["autoreg_over_mixin"]["instructions"]), num(m["autoreg_over_mixin"]["text_data"])))
    return lines


def chart(d, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator
    except ImportError:
        return False
    sizes = d["sizes"]
    colours = {"direct": "#999999", "map": "#4c72b0", "poco": "#dd8452", "llvm": "#55a868",
               "autoreg": "#c44e52"}

    def ratio_axis(ax, values, label):
        low, high = min(values), max(values)
        ticks, t = [], 0.125
        while t <= high * 2:
            if t >= low / 2:
                ticks.append(t)
            t *= 2
        ax.set_yscale("log")
        ax.yaxis.set_major_locator(FixedLocator(ticks))
        ax.yaxis.set_minor_locator(NullLocator())
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: "%g×" % v))
        ax.set_ylabel(label)

    def bars(ax, flavours, values, target, target_label):
        width = 0.8 / len(flavours)
        for i, f in enumerate(flavours):
            xs = [k + (i - (len(flavours) - 1) / 2) * width for k in range(len(sizes))]
            ys = [values[n][f]["ratio"] for n in sizes]
            ax.bar(xs, ys, width, label=SHORT[f], color=colours[f])
            if f == "autoreg":
                for xv, yv in zip(xs, ys):
                    ax.text(xv, yv * 1.04, "%.2f" % yv, ha="center", va="bottom", fontsize=7)
        ax.axhline(target, color="black", linestyle="--", linewidth=1)
        ax.text(-0.45, target * 1.04, target_label, ha="left", va="bottom", fontsize=8)
        ax.set_xticks(range(len(sizes)), ["N=%d" % n for n in sizes])

    fig, axes = plt.subplots(1, 3, figsize=(15, 4.6), gridspec_kw={"width_ratios": [5, 4, 3]})
    ax = axes[0]
    bars(ax, FLAVOURS, d["create"], 1.25, "autoreg target 1.25×")
    ratio_axis(ax, [d["create"][n][f]["ratio"] for n in sizes for f in FLAVOURS],
               "time ÷ direct make_unique (log)")
    ax.set_title("create(key) of a present key")
    ax.legend(fontsize=8, loc="upper left")
    ax = axes[1]
    bars(ax, FLAVOURS[1:], d["absent"], 0.4, "autoreg target 0.4×")
    ratio_axis(ax, [d["absent"][n][f]["ratio"] for n in sizes for f in FLAVOURS[1:]],
               "time ÷ unordered_map (log)")
    ax.set_title("lookup of an absent key")
    ax = axes[2]
    t = d["threads"]["flavours"]
    ax.bar(range(len(FLAVOURS)), [t[f]["scaling"] for f in FLAVOURS],
           color=[colours[f] for f in FLAVOURS])
    for i, f in enumerate(FLAVOURS):
        ax.text(i, t[f]["scaling"] + 0.02, "%.2f" % t[f]["scaling"], ha="center", va="bottom", fontsize=7)
    ax.axhline(1.85, color="black", linestyle="--", linewidth=1)
    ax.text(-0.4, 1.87, "autoreg target 1.85", ha="left", va="bottom", fontsize=8)
    ax.set_ylim(0, 2.1)
    ax.set_xticks(range(len(FLAVOURS)), [SHORT[f] for f in FLAVOURS])
    ax.set_ylabel("items/s, 2 threads ÷ 1 thread")
    ax.set_title("two threads, N=%d" % d["threads"]["n"])
    fig.suptitle("autoreg against the registries users pick — ratios within one run, best of each "
                 "benchmark's repetitions (%s, %s logical CPUs, %s)" % (
                     d["machine"]["cpu"], d["context"].get("num_cpus"), d["machine"]["date"]),
                 fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return True


def commit_of(repo):
    try:
        head = subprocess.run(["git", "-C", repo, "log", "-1", "--format=%h (%ad) %s", "--date=short"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", repo, "status", "--porcelain", "--", "include"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return "commit %s%s" % (head, ", with uncommitted changes in include/" if dirty else "")


def machine_info(repo):
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    os_name = platform.platform()
    try:
        with open("/etc/os-release", encoding="utf-8") as f:
            fields = dict(line.rstrip("\n").split("=", 1) for line in f if "=" in line)
        os_name = "%s, Linux %s" % (fields.get("PRETTY_NAME", "").strip('"'), platform.release())
    except OSError:
        pass
    return {"cpu": cpu, "os": os_name, "commit": commit_of(repo),
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gbench", required=True)
    parser.add_argument("--startup", required=True)
    parser.add_argument("--compile", required=True)
    parser.add_argument("--mixin", help="mixin_cost.py's JSON: what the mixin's shape costs a class")
    parser.add_argument("--source", help="a file naming the commit measured (run.sh writes it before "
                        "building); without it, the checkout's current commit")
    parser.add_argument("--command", default="benchmarks/run.sh",
                        help="the command that reproduces the results, for the page")
    parser.add_argument("--out", required=True, help="directory for results.md, results.json, chart.png")
    args = parser.parse_args(argv)

    context, gb = read_gbench(args.gbench)
    d = derive(context, gb, load(args.startup), load(args.compile))
    if args.mixin:
        d["mixin"] = load(args.mixin)
    d["machine"] = machine_info(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if args.source:
        with open(args.source, encoding="utf-8") as f:
            d["machine"]["commit"] = ", ".join(line.strip() for line in f if line.strip())
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "results.json"), "w", encoding="utf-8") as f:
        json.dump(d, f, indent=1, sort_keys=True)
        f.write("\n")
    have_chart = chart(d, os.path.join(args.out, "chart.png"))

    lines = ["# autoreg benchmark results", "",
             "Generated by `%s` (benchmarks/report.py); do not edit by hand." % args.command, ""]
    lines += machine_lines(d, d["machine"]) + [""]
    if have_chart:
        lines += ["![autoreg against its peers](chart.png)", ""]
    else:
        lines += ["(No chart: matplotlib is missing; install python3-matplotlib and rerun.)", ""]
    lines += ["## Targets", ""] + summary_table(d) + [""]
    lines += ["How to read it: \"direct\" is a `switch` over the class's index calling "
              "`std::make_unique<C_i>()`, with no key at all; every other flavour gets the key as a "
              "`std::string_view`. Keys are 10–24 characters, half of them longer than libstdc++'s "
              "15-character small-string buffer, looked up in a fixed pseudo-random order. "
              "\"Beyond the class itself\" subtracts what the direct floor's program spends on the "
              "same classes (vtables, RTTI, destructors, `make_unique`).", ""]
    lines += ["## Details", ""] + detail_tables(d) + [""]
    with open(os.path.join(args.out, "results.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
