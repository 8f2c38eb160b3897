#!/usr/bin/env bash
# html.sh: --format html, the review page (issue 16). First the page as
# written (python3's html.parser, tests/cli/html_page.py): every finding
# drawn on its exact text, inside inline markup, at block boundaries, in
# front matter, in code, over a line break and across two blocks, as an
# insertion point, or as its source bytes where they render as nothing;
# the page's invariants (one anchor and one row per finding, unique ids,
# nothing loaded, no handler); hostile documents; bytes that are not
# text; a translation beside its original, the source rules' findings
# drawn on both sides; the CSP digests. Then html5lib's strict parse
# (python3-html5lib; skipped without it). Then, with Chromium (the Debian
# package chromium; skipped without it), as a reader sees it: the DOM
# after the script ran (overview filled, tooltip on keyboard focus, no
# script of a document ran, marks on both sides of a pair), screenshots
# in light and dark mode that are not blank, keys and pointer on a source
# finding (tests/cli/html_keys.html), printing, and a 1 MB article that
# stays responsive, alone and beside an original (tools/html-bench.py).
root=${TL_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
page=$root/tests/cli/html_page.py
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

# findings_are PAGE EXPECTED: the findings html_page.py reads in PAGE
# (PATH K RULE KIND TEXT, tab-separated) are EXPECTED (printf format);
# a difference goes to ./err.
findings_are()
{
	python3 "$page" findings "$1" >found 2>err || return 1
	# shellcheck disable=SC2059
	printf "$2" >wanted
	diff wanted found >err
}

page_ok()
{
	python3 "$page" check "$1" >err 2>&1
}

# ---- Findings on their exact text ------------------------------------------

mkdir marks && cd marks || exit 2
write .translint.yml 'rules:
  front-matter: {required: [title, cover]}
  custom:
    - id: todo
      message: "TODO left in <b>the</b> text"
      pattern: "TODO"
      scope: raw
    - id: two-lines
      message: "甲 ends a line, 乙 starts the next"
      pattern: '"'"'甲\\n乙'"'"'
      scope: raw
    - id: two-blocks
      message: "a sentence across two paragraphs"
      pattern: '"'"'段。\\n\\n第'"'"'
      scope: raw
    - id: insert
      message: "a space after 丙, before 丁"
      pattern: "丙|(?<=丙)(?=丁)"
      replace: " "
      scope: raw
    - id: scheme
      message: "htps is no scheme"
      pattern: "htps"
      scope: raw
    - id: marker
      message: "a list marker"
      pattern: "(?m)^\\\\+ "
      scope: raw
'
# Line 1-3 front matter; 5 a heading; 7-9 a paragraph with strong
# emphasis, a link and a soft break; 11-13 a fenced code block; 15 a list
# item; 17 and 19 two paragraphs, the file ending without a newline.
printf -- '---\ntitle: 文档\n---\n\n# 标题。\n\n使用**Go**编写,链接[文本](htps://x.com)结束\n甲\n乙在第二行,丙丁相连。\n\n```sh\necho TODO\n```\n\n+ 列表项Github\n\n第一段。\n\n第二段丙丁' >doc.md
tl --format html doc.md
check "exit status as every format: 0 for warnings only" status_is 0
cp out ../marks.html
check "findings drawn on their exact text" findings_are out \
	'doc.md\t1\tfront-matter\ttext\t---
doc.md\t2\theading-punctuation\ttext\t。
doc.md\t3\tspace-cjk-latin\ttext\t用G
doc.md\t4\tspace-cjk-latin\ttext\to编
doc.md\t5\tfullwidth-punctuation\ttext\t,
doc.md\t6\tlink-destination\ttext\t文本
doc.md\t7\tscheme\tsource\thtps
doc.md\t8\ttwo-lines\ttext\t甲↵\\n乙
doc.md\t9\tfullwidth-punctuation\ttext\t,
doc.md\t10\tinsert\ttext\t丙
doc.md\t11\tinsert\tinsert\t
doc.md\t12\ttodo\ttext\tTODO
doc.md\t13\tmarker\tsource\t+ 
doc.md\t14\tspace-cjk-latin\ttext\t项G
doc.md\t15\tterminology\ttext\tGithub
doc.md\t16\ttwo-blocks\ttext\t段。第
doc.md\t17\tinsert\ttext\t丙
doc.md\t18\tinsert\tinsert\t
'
check "the page's invariants" page_ok out

# Where the marks sit in the markup: across **Go** the first finding
# starts outside <strong> and goes on inside it; the front matter is
# shown as its source; the code finding is inside <code>; the finding
# over two paragraphs has a piece in each.
has()
{
	grep -q -F -e "$1" out
}
check "a finding across inline markup is split at the element" has \
	'<strong><mark class="f w c" data-f="3">G</mark>'
check "front matter shown as its source" has '<pre class="fm" data-l="1">'
check "a finding in a code block is inside its code" has \
	'<code>echo <mark class="f w" id='
check "a finding across two blocks goes on in the second" has \
	'<p class="p" data-l="19"><mark class="f w c" data-f="16">第</mark>'
check "an insertion point between the two characters" \
	python3 -c 'import re, sys
s = open("out", encoding="utf-8").read()
sys.exit(not re.search(r"丙</mark><mark class=\"f w x0\"[^>]*></mark>丁相连", s))'
check "a message with markup is text" has \
	'TODO left in &lt;b&gt;the&lt;/b&gt; text'
cd .. || exit 2

# ---- Several files: order, -j, ids --------------------------------------------

mkdir many && cd many || exit 2
for i in 1 2 3 4 5 6; do
	write "f$i.md" "# 第${i}个Go文件\n\n正文用了${i}个API。\n"
done
write clean.md '# 标题\n\n没有问题。\n'
tl --format html -j 1 .
cp out one-job
tl --format html -j 4 .
check "byte-identical whatever -j is" cmp -s out one-job
check "seven sections in input order" python3 -c 'import re, sys
s = open("out", encoding="utf-8").read()
paths = re.findall(r"<h2 id=\"f[0-9a-f]{16}-h\" class=\"path\">([^<]*)</h2>", s)
sys.exit(paths != ["clean.md"] + ["f%d.md" % i for i in range(1, 7)])'
check "ids unique, one anchor and one row per finding" page_ok out
check "a file without findings folds its document" has \
	'<details class="clean"><summary>No findings: show the document'
cp out ../many.html
cd .. || exit 2

# ---- Hostile documents ---------------------------------------------------------

# Nothing a document holds may become markup or script: raw HTML blocks
# and inline tags, event handler attributes, a javascript: link, quotes
# that try to leave an attribute (link title, image title, path), a
# closing </pre> or </code> in code and comments, a message with markup.
# Each payload, if it ran, would set data-pwned on <body>: the Chromium
# part below checks that nothing did.
mkdir evil && cd evil || exit 2
write .translint.yml 'rules:
  custom:
    - id: evil
      message: "<script>document.body.dataset.pwned=\\"msg\\"</script>"
      pattern: "pwned"
      scope: raw
'
cat >'x<i>&"y.md' <<'EOF'
---
title: "<script>document.body.dataset.pwned='fm'</script>"
---

# 标题<img src=x onerror="document.body.dataset.pwned='img'">

正文<script>document.body.dataset.pwned='inline'</script>中文[点我](javascript:document.body.dataset.pwned='js')和[x](https://e.com/"onmouseover="document.body.dataset.pwned='attr')与![图](https://e.com/a.png "\"><script>document.body.dataset.pwned='title'</script>")。

<script>document.body.dataset.pwned='block'</script>

<iframe src="https://example.com/"></iframe>

<style>body{display:none}</style>

`</code><script>document.body.dataset.pwned='code'</script>`

&lt;script&gt;document.body.dataset.pwned='entity'&lt;/script&gt;

<!-- </pre><script>document.body.dataset.pwned='comment'</script> -->

```html
</code></pre><script>document.body.dataset.pwned='fence'</script>
```
EOF
tl --format html .
cp out ../evil.html
check "hostile document: no handler, no loading element, safe links" page_ok out
check "hostile document: the page's one script only" \
	test "$(grep -c '<script' out)" = 1
# Ten payloads outside the front matter, which custom rules do not see.
check "hostile document: every payload is a finding" \
	test "$(python3 "$page" findings out | grep -c "	evil	")" = 10
cd .. || exit 2

# ---- Bytes that are not text ----------------------------------------------------

mkdir bytes && cd bytes || exit 2
write bad.md '中文\377\376ok\n'
write bin.md 'a\000b\n'
write ctl.md '中文\001\033[31m\302\205\357\267\220 <\n'
tl --format html .
check "invalid UTF-8, NUL bytes, controls: the page is valid UTF-8" \
	python3 -c 'open("out", encoding="utf-8", errors="strict").read()'
check "invalid UTF-8 and binary files are listed, not rendered" \
	grep -q "Not rendered: the file is not valid UTF-8" out
check "control characters are shown as their pictures" \
	grep -q '中文␁␛\[31m' out
check "pages of such files keep the invariants" page_ok out
cp out ../bytes.html
cd .. || exit 2

# ---- A translation beside its original (--source) -----------------------------

mkdir pair && cd pair || exit 2
cat >en.md <<'EOF'
---
title: Building tools in Go
---

# Building tools in Go

Go is a language for building reliable tools. It was released in 2009.

This paragraph was dropped by the translator.

- Fast builds with `go build`
- A single static binary

```sh
go build ./...
```

| Tool | Use |
| --- | --- |
| gofmt | formatting |

See [the docs](https://go.dev/doc/) for more. It has 4.15 million users.

[1]: https://go.dev
EOF
cat >zh.md <<'EOF'
---
title: 用 Go 构建工具
---

# 用Go构建工具

Go是一门用于构建可靠工具的语言。它于 2009 年发布。

- 使用 `go build` 快速构建
- 单个静态二进制文件

这是译者添加的一段。

```sh
go build ./...
```

| 工具 | 用途 |
| --- | --- |
| gofmt | 格式化 |

更多内容见[文档](https://go.dev/doc/)。

它有 415 万用户。

[1]: https://go.dev
EOF
tl --source en.md --format html zh.md
cp out ../pair.html
# The rows of the alignment: a dropped paragraph facing a gap, an added
# one, a paragraph split in two, a table row by row, the reference
# definitions as their source.
cat >rows.want <<'EOF'
head	Original en.md	Translation zh.md
r11	--- title: Building tools in Go ---	--- title: 用 Go 构建工具 ---
r11	Building tools in Go	用Go构建工具
r11	Go is a language for building reliable tools. It was released in 2009.	Go是一门用于构建可靠工具的语言。它于 2009 年发布。
r10	This paragraph was dropped by the translator.	GAP
r11	Fast builds with go build	使用 go build 快速构建
r11	A single static binary	单个静态二进制文件
r01	GAP	这是译者添加的一段。
r11	go build ./...	go build ./...
r11	Tool Use	工具 用途
r11	gofmt formatting	gofmt 格式化
r12	See the docs for more. It has 4.15 million users.	更多内容见文档。 它有 415 万用户。
r11	[1]: https://go.dev	[1]: https://go.dev
EOF
check "--source: the two documents side by side, aligned" \
	sh -c 'python3 "$1" pairs out >rows.txt && diff rows.want rows.txt >&2' \
	sh "$page" 2>err
check "--source: the translation's findings on its side" findings_are out \
	'zh.md\t1\tspace-cjk-latin\ttext\t用G
zh.md\t2\tspace-cjk-latin\ttext\to构
zh.md\t3\tspace-cjk-latin\ttext\to是
'
check "--source: the page's invariants" page_ok out
tl --source en.md --format gcc zh.md
check "--source with another format: linted, told no source rule is on" \
	eval 'status_is 0 && err_has "no rule that compares with the original" && out_has "^zh.md:5:3: warning"'
tl --source en.md --format html zh.md en.md
check "--source with two files: a usage error" status_is 2
tl --source missing.md --format html zh.md
check "--source naming no file: exit 2, the findings still reported" \
	eval 'status_is 2 && grep -q "missing.md" err && python3 "$page" check out >/dev/null'
cd .. || exit 2

# ---- Source findings on both sides -------------------------------------------

# The findings of the source rules have a place in the original too: each
# is drawn there on its exact span (the inline code, the link, the number
# the translation lost, the dropped paragraph, the block left in English),
# as an anchor SECTION-oK described by the same row as its translation's
# mark, and its row links to it. A dropped paragraph's mark on the
# translation's side is the gap facing it, in the same row; an added
# paragraph has no place in the original, and its row says so.
mkdir srcpair && cd srcpair || exit 2
write .translint.yml 'rules:
  source-missing: on
  source-inline-code: on
  source-link: on
  source-number: on
  source-untranslated: on
'
cat >en.md <<'EOF'
# Getting started

Install it with `make install` and read [the guide](https://example.com/guide) first.

The project had 340 contributors in 2015.

## Usage

This whole paragraph about usage was dropped by the translator, with its 12 examples.

Keep the defaults unless you know why.

## Support

Ask on the forum.
EOF
cat >zh.md <<'EOF'
# 入门

使用 `make` 安装，先阅读[指南](https://example.org/guide)。

该项目在 2015 年有 430 位贡献者。

## 用法

Keep the defaults unless you know why.

## 支持

在论坛上提问。

这一段是译者加的说明。
EOF
tl --source en.md --format html zh.md
cp out ../srcpair.html
check "source findings: drawn on the translation's side" findings_are out \
	'zh.md\t1\tsource-inline-code\ttext\t使用 make 安装，先阅读指南。
zh.md\t2\tsource-link\ttext\t指南
zh.md\t3\tsource-number\ttext\t该项目在 2015 年有 430 位贡献者。
zh.md\t4\tsource-missing\ttext\tnot in the translation
zh.md\t5\tsource-untranslated\ttext\tKeep the defaults unless you know why.
zh.md\t6\tsource-missing\ttext\t这一段是译者加的说明。
'
# originals_are PAGE EXPECTED: as findings_are, for the marks on the
# original's side and the rows' links to them.
originals_are()
{
	python3 "$page" originals "$1" >found 2>err || return 1
	# shellcheck disable=SC2059
	printf "$2" >wanted
	diff wanted found >err
}
check "source findings: drawn on the original's side, at their span there" \
	originals_are out \
	'zh.md\t1\tsource-inline-code\ttext\tmake install\toriginal 3:17
zh.md\t2\tsource-link\ttext\tthe guide\toriginal 3:41
zh.md\t3\tsource-number\ttext\t340\toriginal 5:17
zh.md\t4\tsource-missing\ttext\tThis whole paragraph about usage was dropped by the translator, with its 12 examples.\toriginal 9:1
zh.md\t5\tsource-untranslated\ttext\tKeep the defaults unless you know why.\toriginal 11:1
'
check "source findings: one anchor on each side, the row linking both" \
	page_ok out
check "source findings: the dropped paragraph's two marks in one row" \
	python3 -c 'import re, sys
s = open("out", encoding="utf-8").read()
row = re.search(r"<div class=\"row r10\"[^>]*>(.*?)</div>\n</div>", s, re.S).group(1)
sys.exit(not (re.search(r"id=\"f[0-9a-f]{16}-o4\"", row) and
              re.search(r"<p class=\"gap\"><mark class=\"f w\" id=\"f[0-9a-f]{16}-4\"", row)))'
check "source findings: no place in the original, said in the list" \
	sh -c 'python3 "$1" notes out >notes.txt &&
	       printf "zh.md\t6\tsource-missing\tno place in the original: a gap faces it there\n" |
	       diff - notes.txt >&2' sh "$page" 2>err
# A finding of a rule that does not compare with the original has no
# note and no link to the original; in Chinese, the words are Chinese.
write zh2.md '使用Go编写。\n'
write en2.md 'Written in Go.\n'
tl --source en2.md --format html zh2.md
check "source findings: no note nor link for the other rules" \
	sh -c 'grep -q "<mark class=\"f w\"" out &&
	       ! grep -q "class=\"nop\"" out && ! grep -q "class=\"o\" href" out'
tl --source en.md --format html --lang zh zh.md
check "source findings: the list's words in Chinese" \
	sh -c 'grep -q ">原文 5:17</a>" out &&
	       grep -q "原文中没有对应位置：原文一侧为空" out'
cd .. || exit 2

# ---- Language, CSP ---------------------------------------------------------------

write zh.md '使用Go编写\n'
tl --format html --lang zh zh.md
check "--lang zh: the page's words in Chinese" \
	grep -q '<html lang="zh">.*' out
check "--lang zh: the overview's title" grep -q '<h2 id="overview-h">概览</h2>' out

# The Content-Security-Policy names the digests of the inline style sheet
# and script: a browser runs them (the Chromium part shows it does) and
# nothing else.
check "CSP: the digests of the page's style and script" python3 -c 'import base64, hashlib, re, sys
s = open("out", encoding="utf-8").read()
csp = re.search(r"Content-Security-Policy\" content=\"([^\"]*)\"", s).group(1)
def digest(t):
    return "sha256-" + base64.b64encode(hashlib.sha256(t.encode()).digest()).decode()
style = re.search(r"<style>(.*?)</style>", s, re.S).group(1)
script = re.search(r"<script>(.*?)</script>", s, re.S).group(1)
want = "default-src '"'"'none'"'"'; style-src '"'"'%s'"'"'; script-src '"'"'%s'"'"'" % (digest(style), digest(script))
sys.exit(not csp.startswith(want))'

# ---- Strict HTML (python3-html5lib) ---------------------------------------------

html5lib_python=
for py in python3 /usr/bin/python3; do
	if "$py" -c 'import html5lib' 2>/dev/null; then
		html5lib_python=$py
		break
	fi
done
if [ -n "$html5lib_python" ]; then
	for p in marks many evil bytes pair srcpair; do
		check "html5lib strict parse: $p" \
			"$html5lib_python" "$page" strict "$p.html"
	done
	# The validator is strict: a page with a misnested end tag fails.
	printf '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><p><div></div></p></body></html>' >broken.html
	check "html5lib strict parse rejects a broken page" \
		test "$("$html5lib_python" "$page" strict broken.html >/dev/null; echo $?)" = 1
else
	echo "ok - html5lib strict parse # SKIP python3-html5lib is not installed"
fi

# ---- In Chromium ---------------------------------------------------------------

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
	echo "ok - Chromium: the page as a reader sees it # SKIP chromium is not installed"
	finish
fi

# browse OUT FLAGS... URL: headless Chromium with a fresh profile (no
# network, no first-run, no update), what it prints to OUT.
browse()
{
	local out=$1 profile
	shift
	profile=$(mktemp -d "$work/profile.XXXXXX")
	timeout 300 "$chromium" --headless --no-sandbox --disable-gpu \
		--disable-quic --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$profile" --hide-scrollbars "$@" \
		>"$out" 2>/dev/null
}

# A 1 MB article as dense in findings as the worst drafts of the corpus
# (about 21,000): the page loads, every finding has its mark, and
# focusing, hovering or moving to a finding stays well under a tenth of a
# second (tools/html-bench.py measures with the browser's clock; the
# limits are loose, for a busy machine, but anything quadratic in the
# page's size breaks them). docs/performance.md has the figures.
size=1
[ -n "${TL_UNDER_VALGRIND:-}" ] && size=0.1
python3 "$root/tools/html-bench.py" --json --size "$size" \
	--translint "$TRANSLINT" --chromium "$chromium" >bench.json 2>bench.err &
bench=$!

# One page of the fixture folders together (each with its configuration),
# opened at the anchor of the finding over two lines; the marks page
# alone, in light and dark mode; the pair page, its DOM and a screenshot.
# All at once: Chromium mostly waits.
tl --format html marks evil many
cp out all.html
# The first section is marks/doc.md's; its finding 8 is two-lines.
anchor=$(grep -o '<section class="file" id="f[0-9a-f]*"' all.html | head -1 |
	cut -d'"' -f4)-8
browse dom.html --dump-dom "file://$work/all.html#$anchor" &
pids=$!
browse /dev/null --window-size=900,1200 --screenshot="$work/light.png" \
	"file://$work/marks.html" &
pids="$pids $!"
browse /dev/null --window-size=900,1200 --force-dark-mode \
	--screenshot="$work/dark.png" "file://$work/marks.html" &
pids="$pids $!"
browse pair-dom.html --dump-dom "file://$work/pair.html" &
pids="$pids $!"
browse /dev/null --window-size=1100,1400 --screenshot="$work/pair.png" \
	"file://$work/pair.html" &
pids="$pids $!"
# The source findings' page: its DOM, screenshots in light and dark mode,
# and the keyboard and the mouse on it (tests/cli/html_keys.html), in
# light and dark mode.
browse srcpair-dom.html --dump-dom "file://$work/srcpair.html" &
pids="$pids $!"
browse /dev/null --window-size=1100,1400 --screenshot="$work/srcpair.png" \
	"file://$work/srcpair.html" &
pids="$pids $!"
browse /dev/null --window-size=1100,1400 --force-dark-mode \
	--screenshot="$work/srcpair-dark.png" "file://$work/srcpair.html" &
pids="$pids $!"
cp "$root/tests/cli/html_keys.html" keys.html
browse keys.txt --allow-file-access-from-files --dump-dom \
	"file://$work/keys.html?srcpair.html" &
pids="$pids $!"
browse keys-dark.txt --allow-file-access-from-files --force-dark-mode \
	--dump-dom "file://$work/keys.html?srcpair.html" &
pids="$pids $!"
browse /dev/null --no-pdf-header-footer --print-to-pdf="$work/srcpair.pdf" \
	"file://$work/srcpair.html" &
pids="$pids $!"
# shellcheck disable=SC2086 # the process ids
wait $pids

check "Chromium: the page's script filled the overview" python3 -c 'import subprocess, sys
rows = subprocess.run([sys.executable, sys.argv[1], "rows", "dom.html"],
                      capture_output=True, text=True).stdout.split("\n")
want = ["file marks/doc.md 0 18 0 18", "file evil/x<i>&\"y.md 0 13 0 13",
        "file many/clean.md 0 0 0 0", "rule space-cjk-latin 0 24 0 24",
        "rule evil 0 10 0 10", "rule insert 0 4 0 4",
        "rule two-lines 0 1 0 1"]
missing = [w for w in want if w not in rows]
print(missing, rows[:12], file=sys.stderr)
sys.exit(bool(missing))' "$page" 2>err
check "Chromium: the findings drawn as in the page written" \
	sh -c 'python3 "$1" findings all.html >a.txt &&
	       python3 "$1" findings dom.html >b.txt && cmp -s a.txt b.txt &&
	       test -s a.txt' sh "$page"
check "Chromium: the DOM keeps the invariants" page_ok dom.html
check "Chromium: no script or handler of a document ran" \
	sh -c '! grep -q "data-pwned" dom.html &&
	       grep -q "<title>translint review</title>" dom.html'
check "Chromium: a finding focused from the address shows its tooltip" \
	sh -c 'python3 "$1" tip dom.html >tip.txt &&
	       grep -q "^warning two-lines 8:1 *甲 ends a line, 乙 starts the next$" tip.txt' \
	sh "$page"

# light.png and dark.png: not blank (some ink on the background), and
# the background follows the colour scheme.
shot_is()
{
	python3 "$page" png "$1" >shot.txt 2>err || return 1
	python3 -c 'import sys
w, h, bg, ink = open("shot.txt").read().split()
r, g, b = (int(bg[i:i + 2], 16) for i in (0, 2, 4))
light = (r + g + b) / 3 > 128
ok = float(ink) > 0.02 and light == (sys.argv[1] == "light")
print(w, h, bg, ink, file=sys.stderr)
sys.exit(not ok)' "$2" 2>>err
}
check "Chromium: a screenshot in light mode, not blank" shot_is light.png light
check "Chromium: a screenshot in dark mode, not blank" shot_is dark.png dark
check "Chromium: a screenshot of a translation beside its original, not blank" \
	shot_is pair.png light
check "Chromium: the rows of the pair as written" \
	sh -c 'python3 "$1" pairs pair.html >a.txt &&
	       python3 "$1" pairs pair-dom.html >b.txt && cmp -s a.txt b.txt &&
	       [ "$(grep -c "^r" b.txt)" = 12 ]' sh "$page"

check "Chromium: source findings drawn on both sides as in the page written" \
	sh -c 'python3 "$1" originals srcpair.html >a.txt &&
	       python3 "$1" originals srcpair-dom.html >b.txt && cmp -s a.txt b.txt &&
	       [ "$(wc -l <b.txt)" = 5 ] && python3 "$1" check srcpair-dom.html' \
	sh "$page" 2>err
check "Chromium: source findings, screenshots in light and dark mode" \
	eval 'shot_is srcpair.png light && shot_is srcpair-dark.png dark'
# keys_ok FILE DARK: what html_keys.html did on the source findings' page.
keys_ok()
{
	python3 -c 'import html, json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
r = json.loads(html.unescape(re.search(r"<pre id=\"result\">(.*?)</pre>", dom, re.S).group(1)))
print(r, file=sys.stderr)
sec, k = r["sec"], r["k"]
o, t = "%s-o%s" % (sec, k), "%s-%s" % (sec, k)
want = {"k": "1", "focus": o, "tabindex": 0, "o": t, "o_back": o,
        "enter": "in %s-r%s" % (sec, k), "click": o, "tipclick": t,
        "escape": None, "j": "%s-o2" % sec, "dark": sys.argv[2] == "dark"}
bad = {x: r.get(x) for x in want if r.get(x) != want[x]}
tip = r.get("tip_o") or ""
if not ("source-inline-code 3:1" in tip and "original 3:17" in tip and
        "make install" in tip):
    bad["tip_o"] = tip
if not (r.get("tip_t") == tip and r.get("hover") == tip):
    bad["same tooltip"] = (r.get("tip_t"), r.get("hover"))
if r.get("bg_o") != r.get("bg_t") or r.get("bg_o") == r.get("bg"):
    bad["colours"] = (r.get("bg"), r.get("bg_o"), r.get("bg_t"))
print(bad, file=sys.stderr)
sys.exit(bool(bad) or "error" in r)' "$1" "$2" 2>err
}
check "Chromium: keys and pointer on a source finding, both sides (light)" \
	keys_ok keys.txt light
check "Chromium: keys and pointer on a source finding, both sides (dark)" \
	keys_ok keys-dark.txt dark
# Printed (the print style sheet): each mark numbered, the five findings
# with a place in the original numbered on both sides, the added
# paragraph's once; the text read back with pdftotext (poppler-utils).
if command -v pdftotext >/dev/null 2>&1; then
	check "Chromium: printed, each source finding numbered on both sides" \
		sh -c 'pdftotext srcpair.pdf srcpair.txt &&
		       for k in 1 2 3 4 5; do
		           [ "$(grep -o "\[$k\]" srcpair.txt | wc -l)" -ge 2 ] || exit 1
		       done
		       [ "$(grep -o "\[6\]" srcpair.txt | wc -l)" = 1 ]'
else
	check "Chromium: printed to PDF (pdftotext is not installed to read it)" \
		sh -c 'head -c 5 srcpair.pdf | grep -q "^%PDF"'
fi

if wait "$bench"; then
	check "Chromium: a ${size} MB article, every finding marked" python3 -c 'import json, sys
r = json.load(open("bench.json"))
print(r, file=sys.stderr)
sys.exit(not (r["marks"] > 1000 and r["tip"]))' 2>err
	check "Chromium: a ${size} MB article stays responsive" python3 -c 'import json, sys
r = json.load(open("bench.json"))
slow = {k: v for k, v in r.items()
        if k.endswith("mean_ms") and v > 100 or k == "parsed_ms" and v > 180000}
print(slow, file=sys.stderr)
sys.exit(bool(slow))' 2>err
else
	not_ok "Chromium: a ${size} MB article" "$(tail -c 300 bench.err)"
fi

# The same article beside an English original of its own (--pair): the
# page of two columns, with the source rules' findings on both sides,
# and the key o from a finding in the original to the translation's.
if python3 "$root/tools/html-bench.py" --json --size "$size" --pair \
	--translint "$TRANSLINT" --chromium "$chromium" >pbench.json 2>pbench.err; then
	check "Chromium: a ${size} MB translation beside its original stays responsive" \
		python3 -c 'import json, sys
r = json.load(open("pbench.json"))
slow = {k: v for k, v in r.items()
        if k.endswith("mean_ms") and v > 100 or k == "parsed_ms" and v > 180000}
print(r, slow, file=sys.stderr)
sys.exit(bool(slow) or not (r["marks"] > 1000 and r["tip"] and
                            r.get("originals", 0) > 10 and
                            r.get("other_moved") == min(200, r["marks"])))' 2>err
else
	not_ok "Chromium: a ${size} MB translation beside its original" \
		"$(tail -c 300 pbench.err)"
fi

finish
