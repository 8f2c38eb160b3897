#!/usr/bin/env python3
"""html_page.py: reads a page of translint --format html, or Chromium's
--dump-dom of one, for tests/cli/html.sh.

    html_page.py findings PAGE   what a reviewer sees of each finding, one a
                                 line, tab-separated: PATH K RULE KIND TEXT
                                 (KIND: text,
                                 source or insert; TEXT: the text of all
                                 its marks, with line breaks as \\n); beside
                                 an original, on the translation's side
    html_page.py originals PAGE  the same for the marks on the original's
                                 side of a translation beside its original,
                                 and the list's link to them: PATH K RULE
                                 KIND TEXT LINK (LINK: the text of the
                                 row's link to the original)
    html_page.py notes PAGE      the rows' notes that a finding has no place
                                 in the original: PATH K RULE NOTE
    html_page.py check PAGE      the page's invariants (below); prints the
                                 broken ones and exits 1
    html_page.py rows PAGE       the overview's rows, as the script filled
                                 them: "file PATH E W I T", "rule R E W I T"
    html_page.py tip PAGE        the text of the visible tooltip, or nothing
    html_page.py pairs PAGE      the rows of a translation beside its
                                 original, one a line, tab-separated: the
                                 row's classes, then the original's and the
                                 translation's text ("GAP" for a gap)
    html_page.py strict PAGE     html5lib's strict parse: exits 1 with the
                                 first parse error (exit 3 without html5lib)
    html_page.py png IMAGE       a screenshot's size, its most common colour
                                 (the background) and the share of pixels of
                                 another colour: "W H RRGGBB INK"

The invariants: every id is unique; every finding K of a file section has
exactly one anchor (the mark with id SECTION-K, tabindex 0, described by
SECTION-dK, which exists) and one row SECTION-rK whose position link (its
first <a>) points at that anchor, and whose <code> names the rule; beside
an original, a finding drawn on the original's side has exactly one
anchor there too (SECTION-oK, tabindex 0, described by the same
SECTION-dK), and its row links to it (<a class="o">), and a row links to
the original only then; no element carries an event handler attribute (on...), and
the only script, style, meta and link elements are the page's own; nothing
is loaded (no img, iframe, object, embed, audio, video, source or link
element, no src attribute); and every href is a fragment of the page or an
http, https or mailto address.

Standard library only (html.parser), but for strict, which needs
python3-html5lib.
"""
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
LOADING = {"img", "iframe", "object", "embed", "audio", "video", "source",
           "link", "frame", "frameset", "portal"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # (tag, attrs)
        self.ids = {}            # id -> count
        self.marks = {}          # (section, K) -> [elements]
        self.order = []          # (section, K) in document order
        self.paths = {}          # section id -> path
        self.rows = {}           # (section, K) -> href of its row's link
        self.olinks = {}         # (section, K) -> [href, text] of a.o
        self.notes = {}          # (section, K) -> its row's note (.nop)
        self.rules = {}          # (section, K) -> rule of its row
        self.problems = []
        self.scripts = 0
        self.styles = 0
        self.metas = 0
        self.overview = []       # rows of the overview tables
        self.tip = None          # text of the tooltip when shown
        self._cells = None
        self._table = None
        self._h2 = None
        self.pairs = []          # [classes, original text, translation text]

    def section(self):
        for tag, a in reversed(self.stack):
            if tag == "section" and "file" in a.get("class", "").split():
                return a.get("id")
        return None

    def inside(self, pred):
        return any(pred(tag, a) for tag, a in self.stack)

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        for k in a:
            if k.startswith("on"):
                self.problems.append(f"event handler attribute {k} on <{tag}>")
        if "src" in a or "srcset" in a:
            self.problems.append(f"a source attribute on <{tag}>")
        if tag in LOADING:
            self.problems.append(f"a <{tag}> element")
        if tag == "script":
            self.scripts += 1
        if tag == "style":
            self.styles += 1
        if tag == "meta":
            self.metas += 1
        if "style" in a and a.get("id") != "tip":  # the script places it
            self.problems.append(f"a style attribute on <{tag}>")
        href = a.get("href")
        if href is not None and not href.startswith("#") and \
                not href.lower().startswith(("http://", "https://", "mailto:")):
            self.problems.append(f"href {href!r}")
        if "id" in a:
            self.ids[a["id"]] = self.ids.get(a["id"], 0) + 1
        sec = self.section()
        if tag == "section" and "file" in a.get("class", "").split():
            sec = a.get("id")
        if tag == "mark" and "f" in a.get("class", "").split():
            key = (sec, a.get("data-f"))
            side = "o" if any(x.get("_cell") == 1
                              for t, x in self.stack) else "t"
            el = {"attrs": a, "text": [], "side": side}
            if key not in self.marks:
                self.marks[key] = []
                self.order.append(key)
            self.marks[key].append(el)
            a["_el"] = el
        if tag == "h2" and "path" in a.get("class", "").split():
            self._h2 = [sec, []]
        parent = self.stack[-1] if self.stack else ("", {})
        rid = parent[1].get("id", "") if parent[0] == "li" else ""
        if sec and rid.startswith(sec + "-r"):
            key = (sec, rid[len(sec) + 2:])
            if tag == "a" and key not in self.rows:
                self.rows[key] = href
            elif tag == "a" and "o" in a.get("class", "").split():
                self.olinks[key] = [href, ""]
                a["_olink"] = key
            if tag == "small" and "nop" in a.get("class", "").split():
                self.notes[key] = ""
                a["_note"] = key
            if tag == "code":
                a["_rule"] = key
                self.rules[key] = ""
        if tag == "table" and a.get("id") in ("ov-files", "ov-rules"):
            self._table = a["id"]
        if tag == "tr" and self._table and not self.inside(
                lambda t, a: t == "thead"):
            self._cells = []
        if tag in ("td", "th") and self._cells is not None:
            self._cells.append("")
        classes = a.get("class", "").split()
        if tag == "div" and "row" in classes and self.inside(
                lambda t, x: "pair" in x.get("class", "").split()):
            self.pairs.append([" ".join(c for c in classes if c != "row"),
                               "", ""])
            a["_row"] = True
        if tag == "div" and ("o" in classes or "t" in classes) and \
                self.stack and "_row" in self.stack[-1][1]:
            a["_cell"] = 1 if "o" in classes else 2
        if tag == "p" and "gap" in classes:
            a["_gap"] = True
        if tag == "div" and a.get("id") == "tip":
            self.tip = None if "hidden" in a else []
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            t, a = self.stack.pop()
            if t == "h2" and self._h2:
                self.paths[self._h2[0]] = "".join(self._h2[1])
                self._h2 = None
            if t == "tr" and self._cells is not None:
                self.overview.append((self._table, self._cells))
                self._cells = None
            if t == "table" and self._table:
                self._table = None
            if t == tag:
                break

    def handle_data(self, data):
        for tag, a in self.stack:
            if "_el" in a:
                a["_el"]["text"].append(data)
            if "_rule" in a:
                self.rules[a["_rule"]] += data
            if "_olink" in a:
                self.olinks[a["_olink"]][1] += data
            if "_note" in a:
                self.notes[a["_note"]] += data
        if self._h2:
            self._h2[1].append(data)
        cell = [x["_cell"] for t, x in self.stack if "_cell" in x]
        if cell and not any(x.get("aria-hidden") == "true" or "_gap" in x
                            for t, x in self.stack):
            self.pairs[-1][cell[-1]] += data
        elif cell and any("_gap" in x for t, x in self.stack):
            self.pairs[-1][cell[-1]] = "GAP"
        if self._cells is not None and self._cells:
            self._cells[-1] += data
        if self.tip is not None and self.inside(
                lambda t, a: t == "div" and a.get("id") == "tip"):
            self.tip.append(data)


def parse(path):
    p = Page()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    p.close()
    return p


def kind_of(elements):
    classes = elements[0]["attrs"].get("class", "").split()
    if "x0" in classes:
        return "insert"
    if "x" in classes:
        return "source"
    return "text"


def findings(p, side):
    order = {}
    for sec, k in p.order:
        els = [e for e in p.marks[(sec, k)] if e["side"] == side]
        if els:
            order[(sec, k)] = els
    # On the original's side, in the original's order (the section's
    # marks there come row by row, as the translation's do).
    for (sec, k), els in order.items():
        rule = p.rules.get((sec, k), "?")
        text = "".join("".join(e["text"]) for e in els)
        text = text.replace("\n", "\\n")
        line = f"{p.paths.get(sec, sec)}\t{k}\t{rule}\t{kind_of(els)}\t{text}"
        if side == "o":
            line += "\t" + p.olinks.get((sec, k), ["", "-"])[1]
        print(line)


def notes(p):
    for (sec, k), note in p.notes.items():
        rule = p.rules.get((sec, k), "?")
        print(f"{p.paths.get(sec, sec)}\t{k}\t{rule}\t{note}")


def check(p):
    bad = list(p.problems)
    for i, n in p.ids.items():
        if n > 1:
            bad.append(f"id {i} used {n} times")
    if p.scripts != 1 or p.styles != 1:
        bad.append(f"{p.scripts} script and {p.styles} style elements")
    for (sec, k), els in p.marks.items():
        # A finding may also be drawn in the original (SECTION-oK).
        for side, prefix in (("t", ""), ("o", "o")):
            mine = [e for e in els if e["side"] == side]
            if side == "o" and not mine:
                if (sec, k) in p.olinks:
                    bad.append(f"{sec} finding {k}: a link to no original")
                continue
            anchors = [e for e in mine if "id" in e["attrs"]]
            if len(anchors) != 1:
                bad.append(f"{sec} finding {k}: {len(anchors)} anchors "
                           f"on side {side}")
                continue
            a = anchors[0]["attrs"]
            if a["id"] != f"{sec}-{prefix}{k}" or a.get("tabindex") != "0":
                bad.append(f"{sec} finding {k}: anchor {a}")
            if a.get("aria-describedby") != f"{sec}-d{k}" or \
                    f"{sec}-d{k}" not in p.ids:
                bad.append(f"{sec} finding {k}: described by "
                           f"{a.get('aria-describedby')}")
            link = p.rows.get((sec, k)) if side == "t" else \
                p.olinks.get((sec, k), [None])[0]
            if link != f"#{sec}-{prefix}{k}":
                bad.append(f"{sec} finding {k}: row links {link} "
                           f"for side {side}")
    for key in p.rows:
        if key not in p.marks:
            bad.append(f"row {key} has no mark")
    for b in bad:
        print(b)
    return 1 if bad else 0


def rows(p):
    for table, cells in p.overview:
        kind = "file" if table == "ov-files" else "rule"
        print(kind, " ".join(c.strip() for c in cells))


def strict(path):
    try:
        import html5lib
    except ImportError:
        return 3
    with open(path, "rb") as f:
        data = f.read()
    parser = html5lib.HTMLParser(strict=True)
    try:
        parser.parse(data, transport_encoding="utf-8")
    except Exception as e:  # html5lib raises ParseError with the position
        print(f"{type(e).__name__}: {e}")
        return 1
    return 0


def png(path):
    """Decodes an 8-bit RGB or RGBA PNG (what Chromium writes) with zlib
    alone and returns (width, height, background, ink)."""
    import struct
    import zlib
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                raise ValueError("unsupported PNG")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    counts = {}
    for y in range(h):
        ft = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pr) & 255
        if y % 2 == 0:  # every other row is plenty for counting
            for x in range(0, stride, bpp * 2):
                key = bytes(line[x:x + 3])
                counts[key] = counts.get(key, 0) + 1
        prev = line
    total = sum(counts.values())
    bg, n = max(counts.items(), key=lambda kv: kv[1])
    return w, h, bg.hex(), (total - n) / total


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "strict":
        return strict(path)
    if mode == "png":
        w, h, bg, ink = png(path)
        print(f"{w} {h} {bg} {ink:.4f}")
        return 0
    p = parse(path)
    if mode == "findings":
        findings(p, "t")
    elif mode == "originals":
        findings(p, "o")
    elif mode == "notes":
        notes(p)
    elif mode == "check":
        return check(p)
    elif mode == "rows":
        rows(p)
    elif mode == "pairs":
        for cls, o, t in p.pairs:
            print("\t".join([cls] + [" ".join(x.split()) for x in (o, t)]))
    elif mode == "tip":
        if p.tip is not None:
            print(" ".join("".join(p.tip).split()))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
