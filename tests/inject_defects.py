#!/usr/bin/env python3
"""inject_defects.py: recall of the source rules on injected defects.

Takes pairs of a folder (en/NAME the original, zh/NAME its translation,
as ../shared/corpus/lctt-pairs and tests/cli/pairs hold them), injects
one defect at a time into a translation, runs translint on the edited
pair and checks that the right rule reports the defect at the right
line (docs/accuracy.md, issue 15 point 7). The six kinds:

    paragraph   a translated paragraph deleted      source-missing, where it
                                                    was, naming its original
    digit       a digit of a number changed          source-number, on the
                                                    block, naming the number
    link        a link's destination removed (the   source-link, on the
                link made its text)                  block, naming the
                                                    destination
    code-span   an inline code span altered         source-inline-code, on
                                                    the span's line
    code-line   a line of a code block altered      source-code, on the line
    english     a paragraph replaced by its         source-untranslated, on
                English original                    the paragraph

A defect is injected only where the answer is known: in a block that the
alignment of the unedited pair (--print-alignment) pairs 1-1 with an
original block of the same kind, and (for the digit, link and code
kinds) where that original block has the number, destination or code
that the translation carries; no paragraph is deleted that
source-missing's may-drop lets go in the configuration that runs (a
site's widget, a credit line: leaving it out is no defect). A defect counts as found when the edited
pair has a finding of the kind's rule at the expected line (and, where
the kind names one, the expected line of the original) that the unedited
pair does not have. For each kind it prints the defects made and found
and the recall, then the misses (with --show-misses, every one).

Usage: tests/inject_defects.py [--per-kind N] [--seed S] [--preset P]
           [--config FILE] [--min-recall PCT] [--show-misses] [--dump DIR]
           TRANSLINT FOLDER

--per-kind N: at most N defects of each kind per pair (default 1).
--preset P: the preset translint runs with (default lctt); the six source
rules are selected, unless --config FILE is given, which then says which
rules run. --dump DIR: each missed edit is written there as KIND-NAME.
--min-recall: exit 1 when a kind's recall is under PCT (default 0: only
report). Standard library only.
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

RULES = ["source-missing", "source-number", "source-link",
         "source-inline-code", "source-code", "source-untranslated"]
KINDS = [("paragraph", "source-missing"), ("digit", "source-number"),
         ("link", "source-link"), ("code-span", "source-inline-code"),
         ("code-line", "source-code"), ("english", "source-untranslated")]

PAIR = re.compile(r"^(\S+) (\S+) ↔ (\S+)  (.+?)(?: → (.+?))?  cost")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
CODE_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
INLINE_LINK = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\(([^()\s]+)\)")
REF_LINK = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\[([^\[\]\n]+)\]")
REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*(\S+)", re.M)
# What a number must not be inside: code spans, link destinations and
# labels, HTML, URLs.
# (and list markers, "3.", which are no number of the text).
HIDDEN = re.compile(r"`[^`\n]*`|\]\([^)\n]*\)|\]\[[^\]\n]*\]|<[^>\n]*>|"
                    r"https?://\S+|\[[^\]\n]*\]:\s*\S+|^\s*\d+[.)](?=\s)",
                    re.M)


def rng_range(spec):
    """(first, last) 1-based lines of "12-14", "12" or None for "-"."""
    if spec == "-":
        return None
    a, _, b = spec.partition("-")
    return int(a), int(b or a)


def alignment(tl, preset, orig, trans):
    """The 1-1 pairs of one kind: [(kind, (o1, o2), (t1, t2))]."""
    out = subprocess.run([tl, "--preset", preset, "--no-color", "--source",
                          orig, "--print-alignment", trans],
                         capture_output=True, text=True)
    pairs = []
    for line in out.stdout.splitlines():
        m = PAIR.match(line)
        if not m or m.group(1) != "1-1" or m.group(5):
            continue
        o, t = rng_range(m.group(2)), rng_range(m.group(3))
        if o and t:
            pairs.append((m.group(4), o, t))
    return pairs


def findings(tl, preset, orig, trans, config=None):
    """{(rule, line, original line, column, original column, message)}
    of the source rules."""
    args = [tl, "--preset", preset, "--no-color", "-f", "json",
            "--source", orig]
    if config:
        args += ["-c", config]
    else:
        for r in RULES:
            args += ["--select", r]
    out = subprocess.run(args + [trans], capture_output=True, text=True)
    try:
        doc = json.loads(out.stdout)
    except ValueError:
        return None
    got = set()
    for f in doc.get("files", []):
        for d in f.get("diagnostics", []):
            o = d.get("original") or {}
            got.add((d["rule"], d["line"], o.get("line"), d["column"],
                     o.get("column"), d["message"]))
    return got


def block(lines, r):
    return "\n".join(lines[r[0] - 1:r[1]])


# Credit lines, which source-missing lets translators drop (may-drop).
CREDIT = re.compile(r"(?i)^\W*(?:images?|photos?|screenshots?)(?: credits?)?"
                    r"(?: by\b|:)|\bCC(?:0| BY)")


def is_prose(text):
    """A paragraph of prose: CJK, not a note, not markup alone."""
    s = text.strip()
    return (CJK.search(s) is not None and not s.startswith(("|", "<", "!"))
            and "译注" not in s[:12])


def alter(s):
    """S with one character changed: the last letter or digit."""
    for i in range(len(s) - 1, -1, -1):
        c = s[i]
        if c.isascii() and c.isalnum():
            if c.isdigit():
                n = str((int(c) + 1) % 10)
            elif c in "zZ":
                n = chr(ord(c) - 1)
            else:
                n = chr(ord(c) + 1)
            return s[:i] + n + s[i + 1:]
    return None


def first_digit(s):
    """S with its first significant digit changed (1 more, 9 to 1), so
    that the number's significant digits change."""
    for i, c in enumerate(s):
        if c in "123456789":
            return s[:i] + ("1" if c == "9" else str(int(c) + 1)) + \
                s[i + 1:]
    return s[:-1] + "1"


def visible(text):
    """Spans of TEXT outside HIDDEN, as a mask of booleans."""
    mask = [True] * len(text)
    for m in HIDDEN.finditer(text):
        for i in range(m.start(), m.end()):
            mask[i] = False
    return mask


def may_drop(tl, preset, config=None):
    """source-missing's may-drop (the original blocks a translation may
    leave out: a site's widgets, credit lines) as the configuration that
    runs says, compiled for Python (PCRE's \\z is Python's \\Z), or
    None."""
    args = [tl, "--preset", preset, "--no-color", "--print-config"]
    if config:
        args += ["-c", config]
    out = subprocess.run(args, capture_output=True, text=True).stdout
    m = re.search(r"source-missing: \{[^\n]*?may-drop: '((?:[^']|'')*)'",
                  out)
    if not m or not m.group(1):
        return None
    try:
        return re.compile(m.group(1).replace("''", "'").replace(r"\z",
                                                                r"\Z"))
    except re.error:
        return None


def candidates(kind, en, zh, pairs, defs_en, defs_zh):
    """Defects of KIND that can be injected: a list of (edit, expect),
    edit a function of the translation's lines giving the edited lines,
    expect (rule, line, original line or None)."""
    out = []
    for k, o, t in pairs:
        ob, tb = block(en, o), block(zh, t)
        if CJK.search(ob):
            continue  # the project's template (LCTT's footer)
        if k != "code block" and not CJK.search(tb):
            continue  # not translated: a defect already
        if kind == "paragraph" and k == "paragraph" and is_prose(tb) \
                and not CREDIT.search(ob):
            # The block and the blank line after it go; the next
            # block then starts where it stood.
            if t[1] < len(zh) and zh[t[1]].strip() == "":
                nxt = t[1] + 1  # 0-based: the first line after it
                while nxt < len(zh) and zh[nxt].strip() == "":
                    nxt += 1
                out.append((lambda L, t=t: L[:t[0] - 1] + L[t[1] + 1:],
                            ("source-missing",
                             t[0] + nxt - (t[1] + 1), o[0]), o))
        elif kind == "english" and k == "paragraph" and is_prose(tb) \
                and not CJK.search(ob) and o[1] - o[0] == t[1] - t[0]:
            out.append((lambda L, t=t, o=o: L[:t[0] - 1] +
                        en[o[0] - 1:o[1]] + L[t[1]:],
                        ("source-untranslated", t[0], o[0]), ob))
        elif kind == "digit" and k in ("paragraph", "list item", "heading",
                                       "quote"):
            omask = visible(ob)
            onums = {m.group(0) for m in NUMBER.finditer(ob)
                     if omask[m.start()]}
            mask = visible(tb)
            for m in NUMBER.finditer(tb):
                if not mask[m.start()] or m.group(0) not in onums or \
                        tb.count(m.group(0)) != 1:
                    continue
                # The original's line of the number (its first
                # occurrence in the block).
                at = ob.find(m.group(0))
                oline = o[0] + ob[:at].count("\n")
                line = t[0] + tb[:m.start()].count("\n")
                li = line - 1
                col = m.start() - (tb.rfind("\n", 0, m.start()) + 1)
                num = first_digit(m.group(0))

                def edit(L, li=li, col=col, w=m.group(0), num=num):
                    L = list(L)
                    s = L[li]
                    L[li] = s[:col] + num + s[col + len(w):]
                    return L
                out.append((edit, ("source-number", t[0], oline),
                            m.group(0)))
        elif kind == "link" and k in ("paragraph", "list item", "heading",
                                      "quote"):
            for m in list(INLINE_LINK.finditer(tb)) + \
                    list(REF_LINK.finditer(tb)):
                dest = m.group(2)
                if m.re is REF_LINK:
                    dest = defs_zh.get(m.group(2).lower())
                    if dest is None:
                        continue
                    # The original's block must use the same destination.
                    olabels = [defs_en.get(x.group(2).lower())
                               for x in REF_LINK.finditer(ob)]
                    if dest not in olabels:
                        continue
                    oat = next(x for x in REF_LINK.finditer(ob)
                               if defs_en.get(x.group(2).lower()) == dest)
                else:
                    oat = next((x for x in INLINE_LINK.finditer(ob)
                                if x.group(2) == dest), None)
                    if oat is None:
                        continue
                # The link must be the block's only way to that
                # destination.
                same = [x for x in list(INLINE_LINK.finditer(tb)) +
                        list(REF_LINK.finditer(tb))
                        if (x.group(2) if x.re is INLINE_LINK else
                            defs_zh.get(x.group(2).lower())) == dest]
                if len(same) != 1 or dest.startswith("#"):
                    continue
                oline = o[0] + ob[:oat.start()].count("\n")
                line = t[0] + tb[:m.start()].count("\n")
                col = m.start() - (tb.rfind("\n", 0, m.start()) + 1)

                def edit(L, li=line - 1, col=col, w=m.group(0),
                         text=m.group(1)):
                    L = list(L)
                    s = L[li]
                    L[li] = s[:col] + text + s[col + len(w):]
                    return L
                out.append((edit, ("source-link", t[0], oline), dest))
        elif kind == "code-span" and k in ("paragraph", "list item", "heading",
                                           "quote"):
            ospans = [m for m in CODE_SPAN.finditer(ob)]
            for m in CODE_SPAN.finditer(tb):
                om = next((x for x in ospans if x.group(1) == m.group(1)),
                          None)
                new = alter(m.group(1))
                if om is None or new is None or \
                        any(x.group(1) == new for x in ospans) or \
                        tb.count("`" + m.group(1) + "`") != 1:
                    continue
                oline = o[0] + ob[:om.start()].count("\n")
                line = t[0] + tb[:m.start()].count("\n")
                col = m.start() - (tb.rfind("\n", 0, m.start()) + 1)

                def edit(L, li=line - 1, col=col, w=m.group(0), new=new):
                    L = list(L)
                    s = L[li]
                    L[li] = s[:col] + "`" + new + "`" + s[col + len(w):]
                    return L
                out.append((edit, ("source-inline-code", line, oline),
                            m.group(1)))
        elif kind == "code-line" and k == "code block":
            ol = en[o[0] - 1:o[1]]
            for i in range(t[0], t[1] - 1):  # inside the fences
                s = zh[i]
                if not s.strip() or CJK.search(s) or s.strip() not in \
                        [x.strip() for x in ol] or s.lstrip().startswith(
                            ("```", "~~~")):
                    continue
                new = alter(s)
                if new is None or new.strip() in [x.strip() for x in ol]:
                    continue
                oi = [x.strip() for x in ol].index(s.strip())

                def edit(L, li=i, new=new):
                    L = list(L)
                    L[li] = new
                    return L
                out.append((edit, ("source-code", i + 1, o[0] + oi),
                            s.strip()))
    return out


def around(lines, line):
    """The text of the block holding 1-based LINE of LINES and of the
    blocks just before and after it (blocks cut at blank lines)."""
    i = min(max(line - 1, 0), len(lines) - 1)
    start, end, seen = i, i, 0
    while start > 0 and seen < 2:
        start -= 1
        if lines[start].strip() == "" and start + 1 < len(lines) and \
                lines[start + 1].strip() != "":
            seen += 1
    seen = 0
    while end + 1 < len(lines) and seen < 2:
        end += 1
        if lines[end].strip() == "" and lines[end - 1].strip() != "":
            seen += 1
    return "\n".join(lines[start:end + 1])


NUMERALS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
WORD = re.compile(r"[A-Za-z]{2,}")


def explain(kind, what, want, lines, same, tl, preset, en_path, edited):
    """Why a defect was missed, as far as the edited text tells: the class
    of the miss for docs/accuracy.md."""
    if same:
        return "reported at another line (the alignment placed it there)"
    near = around(lines, want[1])
    out = subprocess.run([tl, "--preset", preset, "--no-color",
                          "--source", en_path, "--print-alignment",
                          edited], capture_output=True, text=True)
    pair = None
    for line in out.stdout.splitlines():
        m = PAIR.match(line)
        o = m and rng_range(m.group(2))
        if o and o[0] <= want[2] <= o[1]:
            pair = m.group(1)
    if kind == "paragraph":
        if pair == "2-1":
            return "alignment: read as merged with a neighbour (2-1)"
        if pair == "1-0":
            return ("alignment: dropped, but left unreported (by design: "
                    "may-drop, e.g. a site's widget, or the template)")
        return f"alignment: paired with another block ({pair})"
    if pair == "1-0" or pair is None:
        return ("alignment: the edited block lost its pair (source-missing "
                "reports it instead)")
    if kind == "digit":
        key = what.replace(",", "").replace(".", "").strip("0")
        keys = {m.group(0).replace(",", "").replace(".", "").strip("0")
                for m in NUMBER.finditer(near)}
        if what in near.replace(" ", ""):
            return "the number is written again in the block or next to it"
        if key in keys:
            return ("a number with the same significant digits is in the "
                    "block or next to it")
        if what.isdigit() and int(what) <= 10 and \
                NUMERALS[int(what)] in near:
            return "its Chinese numeral is in the block or next to it"
        return "other"
    if kind == "link":
        if "creativecommons.org/" in what:
            return ("a credit line's license link (left alone by design: "
                    "LCTT translates or drops credit lines)")
        defs = {m.group(1).lower(): m.group(2)
                for m in REF_DEF.finditer("\n".join(lines))}
        dests = [m.group(2) for m in INLINE_LINK.finditer(near)] + \
            [defs.get(m.group(2).lower(), "")
             for m in REF_LINK.finditer(near)]
        if what in near or what in dests:
            return "the destination is in the block or next to it"
        return "other"
    if kind == "code-span":
        if "`" + what + "`" in near:
            return "the span is in the block or next to it"
        return "other"
    if kind == "english":
        words = WORD.findall(CODE_SPAN.sub("", what))
        text = what.strip()
        if CREDIT.search(text):
            return "a credit line (left alone by design)"
        if re.fullmatch(r"[_*]+[^\n]*[_*]+|!?\[[^\]]*\][\[(][^\])]*[\])]",
                        text):
            return ("one link or emphasis and nothing else (left alone by "
                    "design)")
        if len(words) < 4:
            return "fewer than 4 English words (left alone by design)"
        return "other"
    return "other"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-kind", type=int, default=1)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--preset", default="lctt")
    ap.add_argument("--config", help="a configuration file (-c) as well")
    ap.add_argument("--min-recall", type=float, default=0)
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--only", help="comma-separated names of pairs")
    ap.add_argument("--kinds", help="comma-separated kinds (default: all)")
    ap.add_argument("--dump", help="write each missed edit to this folder")
    ap.add_argument("translint")
    ap.add_argument("folder")
    a = ap.parse_args()
    tl = os.path.abspath(a.translint)
    names = sorted(os.listdir(os.path.join(a.folder, "zh")))
    if a.only:
        names = [n for n in names if n in a.only.split(",")]
    droppable = may_drop(tl, a.preset, a.config)
    tmp = tempfile.mkdtemp(prefix="inject.")
    made = {k: 0 for k, _ in KINDS}
    found = {k: 0 for k, _ in KINDS}
    misses = []
    try:
        for name in names:
            en_path = os.path.join(a.folder, "en", name)
            zh_path = os.path.join(a.folder, "zh", name)
            if not os.path.exists(en_path):
                continue
            with open(en_path, encoding="utf-8", errors="replace") as f:
                en = f.read().split("\n")
            with open(zh_path, encoding="utf-8", errors="replace") as f:
                zh = f.read().split("\n")
            pairs = alignment(tl, a.preset, en_path, zh_path)
            base = findings(tl, a.preset, en_path, zh_path,
                            a.config) or set()
            defs_en = {m.group(1).lower(): m.group(2)
                       for m in REF_DEF.finditer("\n".join(en))}
            defs_zh = {m.group(1).lower(): m.group(2)
                       for m in REF_DEF.finditer("\n".join(zh))}
            for kind, rule in KINDS:
                if a.kinds and kind not in a.kinds.split(","):
                    continue
                rng = random.Random(f"{a.seed}:{kind}:{name}")
                cands = candidates(kind, en, zh, pairs, defs_en, defs_zh)
                for edit, want, what in rng.sample(
                        cands, min(a.per_kind, len(cands))):
                    # A paragraph that may-drop lets go is no defect
                    # when deleted (as credit lines, left out above):
                    # dropped after the draw, so that the other pairs
                    # draw what they drew before.
                    if kind == "paragraph" and droppable and \
                            droppable.search(block(en, what).rstrip(" \r\n")):
                        continue
                    edited = os.path.join(tmp, "zh.md")
                    with open(edited, "w", encoding="utf-8") as f:
                        f.write("\n".join(edit(zh)))
                    got = findings(tl, a.preset, en_path, edited, a.config)
                    made[kind] += 1
                    new = (got or set()) - base
                    ok = any(r == want[0] and ln == want[1] and
                             (want[2] is None or ol == want[2])
                             for r, ln, ol, *_ in new)
                    if ok:
                        found[kind] += 1
                    else:
                        same = sorted((x for x in new if x[0] == rule), key=str)
                        with open(edited, encoding="utf-8") as f:
                            lines = f.read().split("\n")
                        why = explain(kind, what, want, lines, same, tl,
                                      a.preset, en_path, edited)
                        misses.append((kind, name, want, same, why))
                        if a.dump:
                            os.makedirs(a.dump, exist_ok=True)
                            shutil.copy(edited, os.path.join(
                                a.dump, f"{kind}-{name}"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    bad = False
    print(f"{'kind':<10} {'rule':<20} {'made':>6} {'found':>6} {'recall':>7}")
    for kind, rule in KINDS:
        r = 100.0 * found[kind] / made[kind] if made[kind] else 100.0
        bad |= made[kind] > 0 and r < a.min_recall
        print(f"{kind:<10} {rule:<20} {made[kind]:>6} {found[kind]:>6} "
              f"{r:>6.1f}%")
    why = {}
    for kind, _, _, _, w in misses:
        why[(kind, w)] = why.get((kind, w), 0) + 1
    for (kind, w), n in sorted(why.items()):
        print(f"misses {kind}: {n} {w}")
    shown = misses if a.show_misses else misses[:20]
    for kind, name, want, same, w in shown:
        print(f"miss {kind}: {name}: expected {want[0]} at line {want[1]}"
              f" (original line {want[2]}); the rule's new findings: "
              f"{[(x[1], x[2]) for x in same] or 'none'}; {w}")
    if len(shown) < len(misses):
        print(f"... {len(misses) - len(shown)} more misses (--show-misses)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
