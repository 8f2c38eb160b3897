#!/usr/bin/env python3
"""align-inject.py: how well the alignment recovers known edits.

A development tool (docs/alignment.md), not part of the test suite. It
takes the pairs of a folder such as ../shared/corpus/lctt-pairs that the
alignment pairs all 1-1, so that their true alignment is known, edits one
translation at a time in one of five ways, and checks that the alignment
of the edited pair is the one the edit implies:

    drop    a translated paragraph deleted        its original: 1-0
    add     a paragraph of another article added  it: 0-1
    merge   two translated paragraphs joined      2-1
    split   a translated paragraph cut in two     1-2
    move    an image moved two blocks down        1-1 (moved)

A paragraph here is a one-line block of prose on both sides. For each kind
it prints how many edits were made, how many alignments came out exactly
as expected, how many got the edited pair right, and the pairs lost
elsewhere (collateral errors).

    tools/align-inject.py [--per-file N] [--seed S] [--show KIND] \\
        build/tools/align-stats ../shared/corpus/lctt-pairs
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

PLAIN_START = re.compile(r"[\u4e00-\u9fffA-Za-z“「《（(]")
NOT_PLAIN = re.compile(r"^(\s|#|!|\[|\*|-|\+|\||>|`|~|<|\d+[.)]|=)")
IMAGE = re.compile(r"^!\[[^\]]*\](\[[^\]]*\]|\([^)]*\))\s*$")


def run_pairs(tool, folder):
    """{name: [(type, o1, o2, t1, t2)]} from align-stats --pairs."""
    out = subprocess.run([tool, "--pairs", folder], check=True,
                         capture_output=True, text=True).stdout
    result, name = {}, None
    for line in out.splitlines():
        if line.startswith("== "):
            name = line[3:]
            result[name] = []
        else:
            t, a, b, c, d = line.split()
            result[name].append((t, int(a), int(b), int(c), int(d)))
    return result


def is_plain(lines, i):
    """Is 0-based line I a one-line paragraph (blank lines around)?"""
    if i <= 0 or i + 1 >= len(lines):
        return False
    s = lines[i]
    return (s.strip() != "" and not NOT_PLAIN.match(s) and
            PLAIN_START.match(s) is not None and
            lines[i - 1].strip() == "" and lines[i + 1].strip() == "")


def shifted(pairs, at, delta):
    """PAIRS with translated lines after AT moved by DELTA."""
    out = []
    for t, o1, o2, t1, t2 in pairs:
        t1 = t1 + delta if t1 > at else t1
        t2 = t2 + delta if t2 > at else t2
        out.append((t, o1, o2, t1, t2))
    return out


def variants(name, en, zh, base, donors, rng, per_file):
    """Edited translations of one pair: (kind, new zh lines, expected)."""
    zl = zh.split("\n")
    el = en.split("\n")
    # 1-1 pairs of one-line paragraphs on both sides, by translated line.
    plain = [(o1, t1) for t, o1, o2, t1, t2 in base
             if t == "1-1" and is_plain(zl, t1 - 1) and is_plain(el, o1 - 1)]
    out = []
    if not plain:
        return out
    for _ in range(per_file):
        o, t = rng.choice(plain)
        i = t - 1
        # drop
        new = zl[:i] + zl[i + 2:]
        exp = [p for p in base if p[3] != t]
        exp = shifted(exp, t, -2)
        exp.append(("1-0", o, 0, 0, 0))
        out.append(("drop", new, exp))
        # add, after this paragraph
        donor = rng.choice(donors)
        new = zl[:i + 1] + ["", donor] + zl[i + 1:]
        exp = shifted(base, t, 2) + [("0-1", 0, 0, t + 2, 0)]
        out.append(("add", new, exp))
        # merge with the next block when it is a plain paragraph too
        nxt = [(o2, t2) for (o2, t2) in plain if t2 == t + 2]
        if nxt:
            o2, _ = nxt[0]
            new = zl[:i] + [zl[i] + zl[i + 2]] + zl[i + 3:]
            exp = [p for p in base if p[3] not in (t, t + 2)]
            exp = shifted(exp, t + 2, -2) + [("2-1", o, o2, t, 0)]
            out.append(("merge", new, exp))
        # split at the full stop nearest the middle
        s = zl[i]
        stops = [m.end() for m in re.finditer("。", s) if m.end() < len(s)]
        if stops and len(s) >= 60:
            cut = min(stops, key=lambda k: abs(k - len(s) / 2))
            new = zl[:i] + [s[:cut], "", s[cut:]] + zl[i + 1:]
            exp = [p for p in base if p[3] != t]
            exp = shifted(exp, t, 2) + [("1-2", o, 0, t, t + 2)]
            out.append(("split", new, exp))
    # move an image two blocks down
    images = [(o1, t1) for tt, o1, o2, t1, t2 in base
              if tt == "1-1" and 0 < t1 <= len(zl) and IMAGE.match(zl[t1 - 1])
              and t1 >= 2 and zl[t1 - 2].strip() == ""
              and t1 < len(zl) and zl[t1].strip() == ""]
    if images:
        o, t = rng.choice(images)
        starts = sorted(p[3] for p in base if p[3] > t)
        # The block two blocks down must be followed by a blank line.
        if len(starts) >= 3 and zl[starts[2] - 2].strip() == "":
            dest = starts[2] - 1  # 0-based line of the block after next
            i = t - 1
            img = zl[i]
            rest = zl[:i] + zl[i + 2:]
            d = dest - 2
            new = rest[:d] + [img, ""] + rest[d:]
            exp = []
            for p in base:
                tt, o1, o2, t1, t2 = p
                if t1 == t:
                    continue
                if t < t1 < dest + 1:
                    t1 -= 2
                exp.append((tt, o1, o2, t1, t2))
            exp.append(("1-1", o, 0, d + 1, 0))
            out.append(("move", new, exp))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tool")
    ap.add_argument("folder")
    ap.add_argument("--per-file", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", default="", help="print the misses of KIND")
    ap.add_argument("--keep", default="", help="write the edited pairs "
                    "into this folder (en/, zh/, expected.json) and keep "
                    "them")
    ap.add_argument("--eval", default="", help="align the edited pairs "
                    "kept in this folder again and report")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    if args.eval:
        with open(os.path.join(args.eval, "expected.json"),
                  encoding="utf-8") as f:
            expected = {v: (k, [tuple(p) for p in e])
                        for v, (k, e) in json.load(f).items()}
        got = run_pairs(args.tool, args.eval)
        report(expected, got, args.show, len(expected), len(expected))
        return


    base = run_pairs(args.tool, args.folder)
    names = sorted(n for n, ps in base.items()
                   if all(p[0] == "1-1" for p in ps))
    donors = []
    texts = {}
    for n in sorted(base):
        with open(os.path.join(args.folder, "zh", n), encoding="utf-8") as f:
            zh = f.read()
        zl = zh.split("\n")
        donors += [zl[i] for i in range(len(zl)) if is_plain(zl, i)][:3]
        if n in names:
            with open(os.path.join(args.folder, "en", n),
                      encoding="utf-8") as f:
                texts[n] = (f.read(), zh)

    tmp = args.keep or tempfile.mkdtemp(prefix="align-inject.")
    try:
        os.makedirs(os.path.join(tmp, "en"), exist_ok=True)
        os.makedirs(os.path.join(tmp, "zh"), exist_ok=True)
        expected = {}
        for n in names:
            en, zh = texts[n]
            for k, (kind, new, exp) in enumerate(
                    variants(n, en, zh, base[n], donors, rng,
                             args.per_file)):
                v = "%s %d %s" % (kind, k, n)
                with open(os.path.join(tmp, "en", v), "w",
                          encoding="utf-8") as f:
                    f.write(en)
                with open(os.path.join(tmp, "zh", v), "w",
                          encoding="utf-8") as f:
                    f.write("\n".join(new))
                expected[v] = (kind, exp)
        if args.keep:
            with open(os.path.join(tmp, "expected.json"), "w",
                      encoding="utf-8") as f:
                json.dump(expected, f)
        got = run_pairs(args.tool, tmp)
    finally:
        if not args.keep:
            shutil.rmtree(tmp)
    report(expected, got, args.show, len(names), len(base))


def report(expected, got, show, nbase, nall):
    kinds = ["drop", "add", "merge", "split", "move"]
    stats = {k: [0, 0, 0, 0] for k in kinds}  # made, exact, edit ok, lost
    for v, (kind, exp) in sorted(expected.items()):
        g = set(got.get(v, []))
        e = set(exp)
        edit = exp[-1]
        s = stats[kind]
        s[0] += 1
        s[1] += g == e
        s[2] += edit in g
        s[3] += len(e - g) - (edit not in g)
        if kind == show and edit not in g:
            print("miss:", v, "expected", edit,
                  "got", sorted(g - e)[:6], file=sys.stderr)
    print("%-6s %6s %8s %10s %10s" % ("edit", "made", "exact", "edit found",
                                       "pairs lost"))
    for k in kinds:
        s = stats[k]
        if s[0]:
            print("%-6s %6d %7.1f%% %9.1f%% %10d" % (
                k, s[0], 100.0 * s[1] / s[0], 100.0 * s[2] / s[0], s[3]))
    print("(%d pairs of files aligned all 1-1 of %d)" % (nbase, nall))


if __name__ == "__main__":
    main()
