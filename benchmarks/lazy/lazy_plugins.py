#!/usr/bin/env python3
"""Lazy plugins against eager loading: a generated folder of plugins (1,000
with 10 classes each by default), started up eagerly (load_libraries), indexed
without a cache, and indexed with a warm cache. Reports, as ratios to eager
loading, the start-up wall time (median of --runs), its instructions (callgrind,
the floor of a program that starts up nothing subtracted) and peak resident
memory, and the first create of one key against load_library() of another
plugin in the same process, after it, and of the one library that declares
the key in a process of its own. The first create is timed after the
registry's first access (contains() of a key no plugin has), which builds
its index of every key in every mode and is reported apart; the next create,
of another key of the library the first loaded, is reported too, and the
first create against load_library() of the same plugin in its place, in a
process started up alike (the first dlopen after the index was built). Last, past
the first in a process, the mean lazy create (the load of its library
included) of 99 plugins against the mean load_library() of the same 99, in
processes of their own, alternated.

    benchmarks/lazy/lazy_plugins.py [--plugins 1000] [--classes 10] [--runs 5] [--work DIR]

--work keeps the generated plugins in DIR and reuses those already built
there (compiling 1,000 plugins takes minutes): only for the same sizes.
"""
import argparse
import concurrent.futures
import json
import os
import pathlib
import re
import statistics
import subprocess
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
INCLUDE = HERE.parent.parent / "include"
CXX = os.environ.get("CXX", "g++")
FLAGS = ["-std=c++17", "-O2", "-I", str(INCLUDE), "-I", str(HERE)]


def plugin_source(p, classes):
    lines = ['#include "plugin_base.hpp"', "namespace {"]
    for c in range(classes):
        lines.append(
            f"struct P{p}C{c} : autoreg::AutoRegister<bench::Plugin, P{p}C{c}> {{\n"
            f'    static constexpr std::string_view registry_key = "p{p}c{c}";\n'
            f"    int id() const override {{ return {p * 10 + c}; }}\n}};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def build_plugin(work, p, classes):
    source = work / "src" / f"p{p}.cpp"
    source.write_text(plugin_source(p, classes))
    out = work / "plugins" / f"libp{p:04}.so"
    if out.exists():
        return
    subprocess.run([CXX, *FLAGS, "-fPIC", "-shared", "-fvisibility=hidden", str(source),
                    "-o", str(out), "-lfmt"], check=True)


SERIES = 100  # host.cpp's series_length


def run(host, mode, work, cache, valgrind=False, plugin=None):
    plugin = run.plugin if plugin is None else plugin
    command = [str(host), mode, str(work / "plugins"), str(cache), str(plugin)]
    if valgrind:
        command.append("startup")  # start-up's instructions alone
        out = work / f"callgrind.{mode}"
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
                       check=True, capture_output=True)
        total = re.search(r"^summary: (\d+)", out.read_text(), re.M)
        return int(total.group(1))
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plugins", type=int, default=1000)
    parser.add_argument("--classes", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=pathlib.Path)
    args = parser.parse_args()
    if args.classes < 6:
        parser.error("--classes must be at least 6: the create asks for class 5")
    if args.plugins < SERIES:
        parser.error(f"--plugins must be at least {SERIES}: a series loads that many")
    run.plugin = args.plugins // 2
    work = args.work or pathlib.Path(tempfile.mkdtemp(prefix="autoreg-lazy-bench-"))
    (work / "src").mkdir(parents=True, exist_ok=True)
    (work / "plugins").mkdir(exist_ok=True)
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count()) as pool:
        list(pool.map(lambda p: build_plugin(work, p, args.classes), range(args.plugins)))
    host = work / "host"
    subprocess.run([CXX, *FLAGS, str(HERE / "host.cpp"), "-rdynamic", "-o", str(host), "-lfmt",
                    "-ldl"], check=True)
    cache = work / "index.cache"
    run(host, "warm", work, cache)  # writes the cache

    modes = ["none", "eager", "cold", "warm", "one"]
    samples = {m: [run(host, m, work, cache) for _ in range(args.runs)] for m in modes}
    median = {m: {k: statistics.median(s[k] for s in samples[m]) for k in samples[m][0]}
              for m in modes}
    instructions = {m: run(host, m, work, cache, valgrind=True) for m in modes}
    # Alternated, so that both series see the machine in the same phase.
    series = {"series-lazy": [], "series-load": []}
    first_load = {"cold-load": [], "warm-load": []}
    for _ in range(args.runs):
        for m in series:
            series[m].append(run(host, m, work, cache, plugin=0)["series_ns"])
        for m in first_load:
            first_load[m].append(run(host, m, work, cache)["first_load_ns"])
    floor = instructions["none"]
    eager = median["eager"]
    print(f"{args.plugins} plugins x {args.classes} classes, {CXX}, median of {args.runs} runs")
    print(f"{'':8} {'start-up':>12} {'ratio':>7} {'instructions':>14} {'ratio':>7} "
          f"{'max RSS':>9} {'ratio':>7} {'first access':>13} {'first create':>13} "
          f"{'next create':>12} {'a load':>10}")
    for m in ["eager", "cold", "warm", "one"]:
        d = median[m]
        i = instructions[m] - floor
        load = f"{d['next_load_ns'] / 1e3:8.1f}us" if m != "eager" else f"{'':10}"
        print(f"{m:8} {d['startup_ns'] / 1e6:10.2f}ms {d['startup_ns'] / eager['startup_ns']:7.3f} "
              f"{i:14,} {i / (instructions['eager'] - floor):7.3f} {d['max_rss_kb']:7}kB "
              f"{d['max_rss_kb'] / eager['max_rss_kb']:7.3f} {d['first_access_ns'] / 1e3:11.1f}us "
              f"{d['first_create_ns'] / 1e3:11.1f}us {d['second_create_ns'] / 1e3:10.1f}us {load}")
    one = median["one"]
    one_load = one["startup_ns"]
    one_whole = one["startup_ns"] + one["first_access_ns"] + one["first_create_ns"]
    for m in ["cold", "warm"]:
        load = statistics.median(first_load[m + "-load"])
        print(f"{m}: first create / load_library() of the same plugin in its place, after the "
              f"same start-up and first access: {median[m]['first_create_ns'] / load:.2f} "
              f"({load / 1e3:.1f}us)")
        ratios = [s["first_create_ns"] / s["next_load_ns"] for s in samples[m]]
        print(f"{m}: first create / load_library() of another plugin in the same process: "
              f"{statistics.median(ratios):.2f} (runs {min(ratios):.2f}-{max(ratios):.2f}); "
              f"/ one library's load_library() in a process of its own: "
              f"{median[m]['first_create_ns'] / one_load:.2f}; / its load, first access and "
              f"create: {median[m]['first_create_ns'] / one_whole:.2f}")
    lazy = statistics.median(series["series-lazy"])
    load = statistics.median(series["series-load"])
    print(f"past the first: a lazy create {lazy / 1e3:.1f}us, load_library() {load / 1e3:.1f}us "
          f"(mean of {SERIES - 1}, median of {args.runs} processes each): {lazy / load:.2f}")
    print(f"plugins and results in {work}")


if __name__ == "__main__":
    main()
