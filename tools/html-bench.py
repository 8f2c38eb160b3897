#!/usr/bin/env python3
"""html-bench.py: how --format html holds up on a very long document.

    tools/html-bench.py [--size MB] [--bare P] [--pair] [--translint ./translint]
                        [--chromium chromium] [--keep DIR] [--json]

Writes an article of about SIZE megabytes (default 1: headings, paragraphs
with findings of several rules, as dense as --bare makes them, emphasis,
links, inline code, lists, block quotes, code blocks, pipe tables, all
generated here: no corpus text); with --pair also its English original
(long.en.md: each block's Latin words, code, links and numbers with
English words between them; some blocks dropped from the translation,
some added, some numbers, links and code changed), linted with
--preset translation --source, so that the page shows the two side by
side with the source rules' findings on both sides. It
times translint --format html on it (CPU of the child, from wait4), and
loads the page in headless Chromium inside a harness page that measures,
with the browser's own clock (performance.now):

  paint    the page's first contentful paint (its top is on screen)
  parsed   the page parsed (DOMContentLoaded: the overview filled)
  load     from inserting the page's iframe to its load event
  layout   style and layout of the whole page, forced once after load
  focus    focusing a finding: its tooltip filled and placed (200 findings
           spread over the page; mean and worst)
  hover    the same through a mouseover event
  next     the j key, from one finding to the next (200 presses)
  other    with --pair, the o key on a finding drawn in the original, to
           its mark in the translation (up to 200 of them)

The harness reaches into the page's iframe, which Chromium allows between
file: URLs only with --allow-file-access-from-files; the page itself loads
nothing and its CSP is untouched. Prints one line per figure, or JSON.
Needs python3 and, for the browser figures, chromium.
"""
import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

WORDS = ["Linux", "GitHub", "Kubernetes", "API", "Go", "Rust", "Docker",
         "systemd", "Python", "JavaScript", "CPU", "GNOME", "Firefox", "SSH"]
CJK = ("我们在这个项目中使用了新的工具来处理日志并且发现性能提升明显"
       "开发者可以通过配置文件调整行为然后重新启动服务即可生效")


def sentence(rng, n, bare):
    """A Chinese sentence of N clauses with Latin words, inline code,
    links and numbers, each written without the spaces around it (a
    finding on each side) with probability BARE, and clauses ending in a
    half-width comma (another finding) as often."""
    out = []
    for i in range(n):
        k = rng.randrange(6, 14)
        start = rng.randrange(0, len(CJK) - k)
        out.append(CJK[start:start + k])
        w = rng.choice(WORDS)
        r = rng.random()
        if r < 0.15:
            w = "**" + w + "**"
        elif r < 0.25:
            w = "`" + w.lower() + " --help`"
        elif r < 0.32:
            w = "[%s](https://example.com/%d)" % (w, rng.randrange(1000))
        elif r < 0.40:
            w = "%d%%" % rng.randrange(100)
        out.append(w if rng.random() < bare else " " + w + " ")
        out.append(CJK[start:start + 3])
        if i + 1 < n:
            out.append("," if rng.random() < bare else
                       rng.choice(["，", "；", "："]))
    return "".join(out) + "。"


def article(size, bare):
    rng = random.Random(16)
    parts = ["---\ntitle: 很长的文章\nauthor: 测试\n---\n\n"]
    n, block = len(parts[0].encode()), 0
    while n < size:
        block += 1
        r = rng.random()
        if block % 12 == 1:
            text = "%s 第 %d 节 %s\n\n" % ("#" * rng.randrange(2, 4),
                                         block, CJK[block % 40:][:8])
        elif r < 0.55:
            text = sentence(rng, rng.randrange(2, 6), bare) + "\n\n"
        elif r < 0.7:
            text = "".join("- " + sentence(rng, 1, bare) + "\n"
                           for _ in range(rng.randrange(2, 5))) + "\n"
        elif r < 0.8:
            text = "> " + sentence(rng, 2, bare) + "\n\n"
        elif r < 0.9:
            text = "```sh\n# 注释%d\n%s --version\n```\n\n" % (
                block, rng.choice(WORDS).lower())
        else:
            text = "| 名称 | 说明 |\n| --- | --- |\n" + "".join(
                "| %s | %s |\n" % (rng.choice(WORDS), CJK[:12])
                for _ in range(3)) + "\n"
        parts.append(text)
        n += len(text.encode())
    return "".join(parts)


EN = ("the team used a new tool to process the logs and found that the "
      "build got much faster developers can change the behaviour in the "
      "configuration file and restart the service").split()


def english(rng, zh):
    """The original of translated block ZH: its Latin words, inline code,
    links and numbers (the anchors the alignment and the source rules
    compare) with English words for the Chinese between them, and the
    block's Markdown markers kept."""
    out, n = [], 0
    for part in re.split(r"([\u3000-\u9fff\uff00-\uffef]+)", zh):
        if re.match(r"[\u3000-\u9fff\uff00-\uffef]", part or " "):
            k = max(2, len(part) // 2)
            start = rng.randrange(0, len(EN) - k)
            out.append(" " + " ".join(EN[start:start + k]) + " ")
            n += 1
        else:
            out.append(part)
    text = re.sub(r"[ ]{2,}", " ", "".join(out))
    return "\n".join(line.strip(" ") for line in text.split("\n"))


def pair(rng, zh):
    """The English original of article ZH (its blocks separated by blank
    lines), and the translation with its changes: about one block in 40
    dropped, one in 60 added, one number in 20 and one link in 20 changed,
    one code block in 10 edited."""
    en_blocks, zh_blocks = [], []
    for block in zh.split("\n\n"):
        if not block.strip():
            continue
        if block.startswith("---\n"):
            en_blocks.append(block.replace("很长的文章", "A long article")
                             .replace("测试", "Test"))
            zh_blocks.append(block)
            continue
        en = block if block.startswith("```") else english(rng, block)
        r = rng.random()
        if r < 0.025 and not block.startswith("#"):
            en_blocks.append(en)         # dropped in the translation
            continue
        if r < 0.04:
            zh_blocks.append("这一段是译者添加的说明，原文中没有。")
        t = block
        if rng.random() < 0.05:
            t = re.sub(r"(\d+)%", lambda m: "%d%%" % (int(m.group(1)) + 1),
                       t, count=1)
        if rng.random() < 0.05:
            t = t.replace("https://example.com/", "https://example.org/", 1)
        if block.startswith("```") and rng.random() < 0.1:
            t = t.replace("--version", "-V", 1)
        en_blocks.append(en)
        zh_blocks.append(t)
    return "\n\n".join(en_blocks) + "\n", "\n\n".join(zh_blocks) + "\n"


HARNESS = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>bench</title></head>
<body><pre id="result">pending</pre>
<script>
"use strict";
var t0 = performance.now();
var frame = document.createElement("iframe");
frame.style.width = "1280px";
frame.style.height = "900px";
frame.addEventListener("load", function () {
  var r = {load: performance.now() - t0};
  var w = frame.contentWindow, d = frame.contentDocument;
  var fcp = w.performance.getEntriesByName("first-contentful-paint")[0];
  var nav = w.performance.getEntriesByType("navigation")[0];
  r.paint = fcp ? fcp.startTime : -1;
  r.parsed = nav ? nav.domContentLoadedEventEnd : -1;
  var t = performance.now();
  r.height = d.documentElement.scrollHeight;
  r.layout = performance.now() - t;
  var marks = d.querySelectorAll("mark.f[id]");
  r.marks = marks.length;
  r.rows = d.querySelectorAll("#ov-files tbody tr").length;
  document.getElementById("result").textContent = JSON.stringify(r);
  if (!marks.length) return;
  function measure(fn) {
    var times = [], n = Math.min(200, marks.length);
    for (var i = 0; i < n; i++) {
      var m = marks[Math.floor(i * marks.length / n)];
      var s = performance.now();
      var from = fn(m);
      if (typeof from === "number") s = from;
      d.getElementById("tip").getBoundingClientRect();
      times.push(performance.now() - s);
    }
    times.sort(function (a, b) { return a - b; });
    var sum = times.reduce(function (a, b) { return a + b; }, 0);
    return {mean: sum / times.length, max: times[times.length - 1]};
  }
  r.focus = measure(function (m) { m.focus(); });
  r.hover = measure(function (m) {
    m.dispatchEvent(new w.MouseEvent("mouseover", {bubbles: true}));
  });
  marks[0].focus();
  r.next = measure(function () {
    d.dispatchEvent(new w.KeyboardEvent("keydown", {key: "j", bubbles: true}));
  });
  var others = d.querySelectorAll(".pair .o mark.f[id]");
  if (others.length) {
    var i = 0, moved = 0;
    r.other = measure(function () {
      var o = others[Math.floor(i++ * others.length / Math.min(200, marks.length))
                     % others.length];
      o.focus();
      var s = performance.now();
      o.dispatchEvent(new w.KeyboardEvent("keydown", {key: "o", bubbles: true}));
      if (d.activeElement !== o && d.activeElement.dataset.f === o.dataset.f) moved++;
      return s;
    });
    r.originals = others.length;
    r.other_moved = moved;
  }
  r.tip = !d.getElementById("tip").hidden;
  document.getElementById("result").textContent = JSON.stringify(r);
});
frame.src = "PAGE";
document.body.appendChild(frame);
</script></body></html>
"""


def run_child(cmd, **kw):
    """Runs CMD; returns (CompletedProcess, CPU seconds of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(cmd, **kw)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return p, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=float, default=1.0)
    ap.add_argument("--bare", type=float, default=0.5,
                    help="share of Latin words, code spans, links and "
                         "numbers written without the spaces around them, "
                         "and of clauses ending in a half-width comma: 0.5 "
                         "(the default) gives about 21,000 findings a "
                         "megabyte, the density of the corpus's worst "
                         "drafts; 0.05 about 2,000, its average")
    ap.add_argument("--pair", action="store_true",
                    help="also an English original, the page showing the "
                         "two side by side (--preset translation --source)")
    ap.add_argument("--translint", default="./translint")
    ap.add_argument("--chromium", default="chromium")
    ap.add_argument("--keep", help="write the files here and keep them")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    work = a.keep or tempfile.mkdtemp(prefix="html-bench.")
    os.makedirs(work, exist_ok=True)
    res = {}
    try:
        doc = os.path.join(work, "long.md")
        text = article(int(a.size * 1e6), a.bare)
        extra = []
        if a.pair:
            orig, text = pair(random.Random(17), text)
            with open(os.path.join(work, "long.en.md"), "w",
                      encoding="utf-8") as f:
                f.write(orig)
            extra = ["--preset", "translation", "--source",
                     os.path.join(work, "long.en.md")]
            res["original_bytes"] = len(orig.encode())
        with open(doc, "w", encoding="utf-8") as f:
            f.write(text)
        res["article_bytes"] = os.path.getsize(doc)
        page = os.path.join(work, "long.html")
        with open(page, "wb") as out:
            p, cpu = run_child([os.path.abspath(a.translint), "--format",
                                "html", "-j", "1"] + extra + [doc],
                               stdout=out)
        if p.returncode not in (0, 1):
            print("html-bench: translint failed", file=sys.stderr)
            return 2
        res["translint_cpu_s"] = round(cpu, 3)
        res["page_bytes"] = os.path.getsize(page)
        if shutil.which(a.chromium):
            harness = os.path.join(work, "bench.html")
            with open(harness, "w", encoding="utf-8") as f:
                f.write(HARNESS.replace("PAGE", "long.html"))
            prof = tempfile.mkdtemp(prefix="html-bench-profile.")
            t = time.monotonic()
            p = subprocess.run(
                [a.chromium] + FLAGS + ["--user-data-dir=" + prof,
                                        "--allow-file-access-from-files",
                                        "--window-size=1400,1000",
                                        "--dump-dom", "file://" + harness],
                capture_output=True, text=True, timeout=600)
            res["chromium_wall_s"] = round(time.monotonic() - t, 2)
            shutil.rmtree(prof, ignore_errors=True)
            dom = p.stdout
            start = dom.find('<pre id="result">')
            text = dom[start + 17:dom.find("</pre>", start)]
            try:
                r = json.loads(text.replace("&quot;", '"'))
            except ValueError:
                print("html-bench: no result from the harness: " + text[:200],
                      file=sys.stderr)
                return 1
            for k, v in r.items():
                if isinstance(v, dict):
                    for kk, vv in v.items():
                        res["%s_%s_ms" % (k, kk)] = round(vv, 2)
                elif k in ("load", "layout", "paint", "parsed"):
                    res[k + "_ms"] = round(v, 1)
                else:
                    res[k] = v
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    if a.json:
        print(json.dumps(res))
    else:
        for k, v in res.items():
            print("%-18s %s" % (k, v))
    return 0


if __name__ == "__main__":
    sys.exit(main())
