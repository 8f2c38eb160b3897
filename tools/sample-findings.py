#!/usr/bin/env python3
"""sample-findings.py: a seeded random sample of findings per rule, for a
precision review by hand (docs/accuracy.md).

Reads translint's gcc-format output (files or standard input), groups the
findings by rule, and prints, for each rule, N findings drawn with
random.Random("SEED:RULE") (all of them when the rule has N or fewer;
each rule its own generator, so that a change to one rule's findings
leaves the other rules' samples as they were), each with
its source line cut around the column, and, for a finding of a source
rule, the original's line it names ("(original: PATH:LINE:COL)"), so
that a reviewer can judge it real or false. The same input and seed give the same sample.

Usage: tools/sample-findings.py [--seed S] [--per-rule N] [FILE...]
"""
import argparse
import random
import re
import sys

LINE = re.compile(r"^(.*?):(\d+):(\d+): (\w+): (.*) \[([a-z0-9-]+)\]$")
ORIGINAL = re.compile(r"\(original: (.*):(\d+):(\d+)\)$")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--per-rule", type=int, default=16)
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    lines = []
    for name in args.files or ["-"]:
        f = sys.stdin if name == "-" else open(name, encoding="utf-8")
        lines.extend(f.read().splitlines())
    by_rule = {}
    for line in lines:
        m = LINE.match(line)
        if m:
            by_rule.setdefault(m.group(6), []).append(m)
    cache = {}

    def line_of(path, ln, col):
        if path not in cache:
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    cache[path] = f.read().split("\n")
            except OSError:
                cache[path] = []
        src = cache[path]
        text = src[ln - 1] if 0 < ln <= len(src) else ""
        return text[max(0, col - 40):col + 50]

    for rule in sorted(by_rule):
        found = by_rule[rule]
        rng = random.Random(f"{args.seed}:{rule}")
        pick = found if len(found) <= args.per_rule else rng.sample(
            found, args.per_rule)
        print(f"## {rule}: {len(pick)} of {len(found)}")
        for m in pick:
            path, ln, col = m.group(1), int(m.group(2)), int(m.group(3))
            print(f"{path}:{ln}:{col}: {m.group(5)}\n"
                  f"    {line_of(path, ln, col)}")
            o = ORIGINAL.search(m.group(5))
            if o:
                print("  < " + line_of(o.group(1), int(o.group(2)),
                                       int(o.group(3))))


if __name__ == "__main__":
    main()
