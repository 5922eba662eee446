#!/usr/bin/env python3
"""Compile cost, size, and the cost of including each registry's headers
(python3, stdlib only).

Reruns, one at a time, the exact compile commands CMake used (from
compile_commands.json) for

  generated/compile/<flavour>_<K>.cpp   a program with K registered classes
  generated/compile/<flavour>_0.cpp     the same program with none
  src/include_<what>.cpp                a TU that includes only some headers

and keeps each command's least CPU time (user + system of the compiler) over
several rounds; the rounds go through every command in turn, so that a busy
spell of the machine hits all flavours alike. Sizes are `size` (Berkeley
format: text includes read-only data, data includes .data.rel.ro) of the
linked programs. Writes one JSON file.

  benchmarks/compile_cost.py --build build/bench --out compile.json
"""

import argparse
import json
import os
import re
import resource
import shlex
import subprocess
import sys
import tempfile
import time

FLAVOURS = ("direct", "map", "poco", "llvm", "autoreg")
INCLUDES = ("empty", "std", "required", "class", "autoreg", "llvm", "poco")


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command, cwd):
    before, start = children_cpu(), time.monotonic()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    return children_cpu() - before, time.monotonic() - start


def compile_command(entry, output):
    """The command with its object file sent elsewhere and no depfile."""
    words = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    out, skip = [], False
    for i, word in enumerate(words):
        if skip:
            skip = False
            continue
        if word in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            if word == "-o":
                out += ["-o", output]
            continue
        if word in ("-MD", "-MMD"):
            continue
        out.append(word)
    return out


def berkeley_size(path):
    done = subprocess.run(["size", "--format=berkeley", path], capture_output=True, text=True,
                          check=True)
    text, data, bss = (int(x) for x in done.stdout.splitlines()[1].split()[:3])
    return {"text": text, "data": data, "bss": bss}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", required=True, help="the top build directory (compile_commands.json)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    with open(os.path.join(args.build, "compile_commands.json"), encoding="utf-8") as f:
        database = json.load(f)
    bench_dir = os.path.join(args.build, "benchmarks")
    with open(os.path.join(bench_dir, "generated", "compile", "manifest.json"), encoding="utf-8") as f:
        classes = json.load(f)["classes"]

    by_file = {os.path.realpath(e["file"]): e for e in database}
    here = os.path.dirname(os.path.realpath(__file__))
    wanted = {}
    for flavour in FLAVOURS:
        for count in (0, classes):
            wanted["program/%s/%d" % (flavour, count)] = os.path.join(
                bench_dir, "generated", "compile", "%s_%d.cpp" % (flavour, count))
    for what in INCLUDES:
        wanted["include/%s" % what] = os.path.join(here, "src", "include_%s.cpp" % what)

    with tempfile.TemporaryDirectory() as scratch:
        commands = {}
        for name, source in wanted.items():
            entry = by_file.get(os.path.realpath(source))
            if entry is None:
                raise SystemExit("compile_cost.py: %s is not in compile_commands.json; configure "
                                 "with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON" % source)
            commands[name] = (compile_command(entry, os.path.join(scratch, "out.o")),
                              entry["directory"])
        cpu = {name: [] for name in commands}
        wall = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, (command, cwd) in commands.items():
                c, w = timed(command, cwd)
                cpu[name].append(c)
                wall[name].append(w)

    sizes = {}
    for flavour in FLAVOURS:
        for count in (0, classes):
            exe = os.path.join(bench_dir, "autoreg_bench_compile_%s_%d" % (flavour, count))
            sizes["%s/%d" % (flavour, count)] = berkeley_size(exe)

    compiler = subprocess.run([commands["include/empty"][0][0], "--version"], capture_output=True,
                              text=True, check=False).stdout.splitlines()[0]
    flags = [w for w in commands["program/autoreg/%d" % classes][0][1:]
             if re.match(r"-(O|std|g$|f)", w)]
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"classes": classes, "rounds": args.rounds, "compiler": compiler,
                   "flags": flags, "cpu_seconds": cpu, "wall_seconds": wall, "sizes": sizes},
                  f, indent=2, sort_keys=True)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
