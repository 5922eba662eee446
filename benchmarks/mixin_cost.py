#!/usr/bin/env python3
"""What a class pays for having `AutoRegister` among its bases, apart from
what registering it costs (python3, stdlib only).

`AutoRegister<Base, C>` is a class of its own between `Base` and `C`, as the
contract has it, and since `Base` is polymorphic it has type information of
its own, which `C`'s points to. That much any self-registering mixin costs,
before it registers anything. This script builds, at two sizes, three
programs of N classes in one TU:

  direct    struct C_i : Base, and a `switch` that makes each one
  mixin     the same, but struct C_i : Mix<Base, C_i>, an empty template
  autoreg   struct C_i : autoreg::AutoRegister<Base, C_i>, with its key

and reports, per class (the slope between the sizes), the instructions the
whole process executes from exec to exit (`valgrind --tool=callgrind`, exact)
and the text+data bytes of the program (`size`). Writes one JSON file.

  benchmarks/mixin_cost.py --include include --out mixin.json
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

from compile_cost import berkeley_size
from startup import callgrind

VARIANTS = ("direct", "mixin", "autoreg")


def program(variant, n):
    lines = ["#include <memory>", "#include <string_view>"]
    if variant == "autoreg":
        lines.append("#include <autoreg/autoreg.hpp>")
    lines += ["struct Base {",
              "    virtual ~Base() = default;",
              "    virtual int id() const noexcept = 0;",
              "};",
              "template <class B, class D>",
              "struct Mix : B {};"]
    for i in range(n):
        bases = {"direct": "Base", "mixin": "Mix<Base, C%d>" % i,
                 "autoreg": "autoreg::AutoRegister<Base, C%d>" % i}[variant]
        # Keys of 10 to 23 characters, as in the main benchmark.
        key = ("key_%04d_" % i) + "abcdefghijklmn"[:i % 15]
        lines += ["struct C%d : %s {" % (i, bases),
                  '    static constexpr std::string_view registry_key = "%s";' % key,
                  "    int id() const noexcept override { return %d; }" % i,
                  "};"]
    # The classes are used only when main gets many arguments, which it never
    # does: what is measured is their presence, not their use.
    if variant == "autoreg":
        lines += ["int main(int argc, char** argv) {",
                  "    if (argc > 100) return autoreg::Registry<Base>::create(argv[1])->id();",
                  "    return 0;",
                  "}"]
    else:
        lines.append("std::unique_ptr<Base> make(int i) {")
        lines.append("    switch (i) {")
        lines += ["        case %d: return std::make_unique<C%d>();" % (i, i) for i in range(n)]
        lines += ["    }", "    return nullptr;", "}",
                  "int main(int argc, char**) {",
                  "    if (argc > 100) return make(argc)->id();",
                  "    return 0;",
                  "}"]
    return "\n".join(lines) + "\n"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--include", required=True, help="autoreg's include directory")
    parser.add_argument("--cxx", default=os.environ.get("CXX", "c++"))
    parser.add_argument("--flags", default="-std=c++17 -O2 -DNDEBUG")
    parser.add_argument("--sizes", type=int, nargs=2, default=[16, 256])
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    lo, hi = args.sizes
    found = {}
    with tempfile.TemporaryDirectory() as scratch:
        for variant in VARIANTS:
            for n in (lo, hi):
                source = os.path.join(scratch, "%s_%d.cpp" % (variant, n))
                binary = source[:-4]
                with open(source, "w", encoding="utf-8") as f:
                    f.write(program(variant, n))
                command = [args.cxx, *shlex.split(args.flags), "-I", args.include, source,
                           "-o", binary]
                if variant == "autoreg":
                    command.append("-lfmt")
                subprocess.run(command, check=True)
                size = berkeley_size(binary)
                found[(variant, n)] = (callgrind(binary), size["text"] + size["data"])

    def slope(variant, what):
        return (found[(variant, hi)][what] - found[(variant, lo)][what]) / (hi - lo)

    per_class = {v: {"instructions": slope(v, 0), "text_data": slope(v, 1)} for v in VARIANTS}
    result = {
        "sizes": [lo, hi],
        "compiler": subprocess.run([args.cxx, "--version"], capture_output=True, text=True,
                                   check=True).stdout.splitlines()[0],
        "flags": args.flags,
        "per_class": per_class,
        # What the mixin's shape costs, and what registering costs on top.
        "mixin_over_direct": {k: per_class["mixin"][k] - per_class["direct"][k]
                              for k in ("instructions", "text_data")},
        "autoreg_over_mixin": {k: per_class["autoreg"][k] - per_class["mixin"][k]
                               for k in ("instructions", "text_data")},
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2, sort_keys=True)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
