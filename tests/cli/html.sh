#!/usr/bin/env bash
# html.sh: --format html, the review page (issue 16). First the page as
# written (python3's html.parser, tests/cli/html_page.py): every finding
# drawn on its exact text, inside inline markup, at block boundaries, in
# front matter, in code, over a line break and across two blocks, as an
# insertion point, or as its source bytes where they render as nothing;
# the page's invariants (one anchor and one row per finding, unique ids,
# nothing loaded, no handler); hostile documents; bytes that are not
# text; the CSP digests. Then html5lib's strict parse (python3-html5lib;
# skipped without it). Then, with Chromium (the Debian package
# chromium; skipped without it), as a reader sees it: the DOM after the
# script ran (overview filled, tooltip on keyboard focus, no script of a
# document ran), and screenshots in light and dark mode that are not
# blank.
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
	for p in marks many evil bytes; do
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

finish
