#!/usr/bin/env python3
"""align-calibrate.py: the length model of the alignment, measured.

A development tool (docs/alignment.md). It reads what
`build/tools/align-stats --lengths DIR` prints, one line per 1-1 pair of
prose blocks whose numbers, code and links agree (original characters,
original CJK, translated characters, translated CJK), and prints:

- the weight of a CJK ideograph, in original characters, fitted by
  weighted least squares (original length ~ a * other + w * CJK of the
  translation, each pair weighted by 1 / original length, as Gale and
  Church's variance grows with the length);
- for the weight the code uses (src/align.h, TL_ALIGN_CJK_WEIGHT), the
  log ratio of translated to original length by length bin: its mean and
  standard deviation, which the variance of the length cost in
  src/align.c (len_c, len_s2, len_r) follows.

    build/tools/align-stats --lengths ../shared/corpus/lctt-pairs |
        tools/align-calibrate.py 3.2
"""
import math
import statistics
import sys


def main():
    weight = float(sys.argv[1]) if len(sys.argv) > 1 else 3.2
    rows = []
    for line in sys.stdin:
        eo, ec, zo, zc = map(int, line.split())
        if eo + ec >= 20:
            rows.append((eo + ec, zo, zc))
    if not rows:
        print("no pairs")
        return
    # Weighted least squares: en = a * zo + w * zc, weights 1 / en.
    soo = soc = scc = seo = sec = 0.0
    for en, zo, zc in rows:
        k = 1.0 / en
        soo += k * zo * zo
        soc += k * zo * zc
        scc += k * zc * zc
        seo += k * en * zo
        sec += k * en * zc
    det = soo * scc - soc * soc
    a = (seo * scc - sec * soc) / det
    w = (soo * sec - soc * seo) / det
    print("pairs: %d (original length 20 or more)" % len(rows))
    print("fit: original = %.3f * other + %.3f * CJK  (CJK weight %.2f "
          "other characters)" % (a, w, w / a))
    print("with CJK weight %.2f:" % weight)
    print("%-12s %6s %10s %8s %8s %8s" % ("length", "pairs", "mean log",
                                          "sd log", "p5", "p95"))
    bins = [(20, 60), (60, 150), (150, 300), (300, 600), (600, 10 ** 9)]
    for lo, hi in bins:
        lr = [math.log((zo + weight * zc) / en) for en, zo, zc in rows
              if lo <= en < hi and zo + weight * zc > 0]
        if len(lr) < 20:
            continue
        q = statistics.quantiles(lr, n=20)
        print("%-12s %6d %10.3f %8.3f %8.2f %8.2f" % (
            "%d-%s" % (lo, hi if hi < 10 ** 9 else ""), len(lr),
            statistics.mean(lr), statistics.pstdev(lr), q[0], q[-1]))


if __name__ == "__main__":
    main()
