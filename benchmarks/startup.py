#!/usr/bin/env python3
"""Start-up, first-access and heap figures of every flavour (python3, stdlib only).

For each flavour and size N it runs, under `valgrind --tool=callgrind`
(whose instruction counts repeat exactly, whatever else the machine does):

  autoreg_bench_probe_<flavour>_<N>         returns at once from main: start-up
  autoreg_bench_probe_<flavour>_<N> <key>   looks one absent key up: + first access

and autoreg's pair once more with LD_BIND_NOW=1, so that its first access can
be told apart from the dynamic linker binding operator new, malloc and the
rest on their first call (which the other flavours do before main),

and, without valgrind, autoreg_bench_heap_<flavour>_<N>, which counts the heap
allocations made before main and by the first lookup. Writes one JSON file.

  benchmarks/startup.py --build build/bench/benchmarks --out startup.json
"""

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile

FLAVOURS = ("direct", "map", "poco", "llvm", "autoreg")
COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def callgrind(program, args=(), env=None):
    """Instructions executed by the whole process (loader, static init, main)."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", program, *args]
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          check=False, env=None if env is None else dict(os.environ, **env))
    found = COLLECTED.search(done.stderr)
    if found is None:
        raise RuntimeError("no instruction count from: %s\n%s" % (" ".join(command), done.stderr))
    return int(found.group(1))


def heap(program):
    done = subprocess.run([program], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def short_name(name):
    """`std::unique_ptr<...> ns::f<A, B>(X const&) [clone .cold]` -> `ns::f<…>(…) [clone .cold]`."""
    out, depth = [], 0
    for c in name:
        if c in "<(":
            if depth == 0:
                out.append(c + "…")
            depth += 1
        elif c in ">)":
            depth -= 1
            if depth == 0:
                out.append(c)
        elif depth == 0:
            out.append(c)
    text = "".join(out)
    head, paren, tail = text.partition("(")
    return head.split(" ")[-1] + paren + tail


def profile(program, args, function, n):
    """Exclusive instructions by function, counted only inside `function`."""
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "callgrind.out")
        subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
                        "--toggle-collect=" + function, program, *args],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        done = subprocess.run(["callgrind_annotate", "--threshold=100", out], capture_output=True,
                              text=True, check=True)
    rows = []
    for line in done.stdout.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(\S.*?)\s*(\[.*\])?$", line)
        if m is None or ":" not in m.group(2):
            continue
        rows.append({"instructions": int(m.group(1).replace(",", "")),
                     "function": short_name(m.group(2).split(":", 1)[1])})
    return {"n": n, "function": function, "functions": rows[:25]}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", required=True, help="the benchmarks' build directory")
    parser.add_argument("--sizes", type=int, nargs="+", default=[16, 256, 4096])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--absent-key", default="no_such_key_here_xx",
                        help="the key the first access looks up (absent from every registry)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    def exe(name):
        path = os.path.join(args.build, name)
        if not os.path.exists(path):
            raise SystemExit("startup.py: %s is missing; build the benchmarks first" % path)
        return path

    # Sizes whose flavours share their classes have one probe for all flavours.
    combined = [n for n in args.sizes
                if os.path.exists(os.path.join(args.build, "autoreg_bench_probe_all_%d" % n))]
    jobs = {"empty": (exe("autoreg_bench_probe_empty"), ())}
    for n in args.sizes:
        if n in combined:
            probe = exe("autoreg_bench_probe_all_%d" % n)
            jobs["all/%d/start" % n] = (probe, ())
            for flavour in FLAVOURS[1:]:
                jobs["%s/%d/first" % (flavour, n)] = (probe, (flavour, args.absent_key))
            continue
        for flavour in FLAVOURS:
            probe = exe("autoreg_bench_probe_%s_%d" % (flavour, n))
            jobs["%s/%d/start" % (flavour, n)] = (probe, ())
            if flavour != "direct":
                jobs["%s/%d/first" % (flavour, n)] = (probe, (args.absent_key,))

    bound_now = {}
    for n in args.sizes:
        start = jobs.get("autoreg/%d/start" % n, jobs.get("all/%d/start" % n))
        first = jobs.get("autoreg/%d/first" % n)
        if start is not None and first is not None:
            bound_now["autoreg/%d/start" % n] = start
            bound_now["autoreg/%d/first" % n] = first

    # Instruction counts do not depend on load, so they may run side by side.
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {name: pool.submit(callgrind, program, program_args)
                   for name, (program, program_args) in jobs.items()}
        futures.update({"bind_now/" + name: pool.submit(callgrind, program, program_args,
                                                        {"LD_BIND_NOW": "1"})
                        for name, (program, program_args) in bound_now.items()})
        instructions = {name: future.result() for name, future in futures.items()}

    heaps = {"empty": heap(exe("autoreg_bench_heap_empty"))}
    for n in args.sizes:
        if n in combined:
            heaps["all/%d" % n] = heap(exe("autoreg_bench_heap_all_%d" % n))
            continue
        for flavour in FLAVOURS:
            heaps["%s/%d" % (flavour, n)] = heap(exe("autoreg_bench_heap_%s_%d" % (flavour, n)))

    # Where autoreg's first access goes, at the largest size.
    n = max(args.sizes)
    program, program_args = jobs["autoreg/%d/first" % n]
    first_profile = profile(program, program_args, "main", n)

    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"sizes": args.sizes, "instructions": instructions, "heap": heaps,
                   "profile": first_profile}, f,
                  indent=2, sort_keys=True)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
