#!/usr/bin/env bash
# large.sh: a file above the size at which the model parses in pieces
# (markdown.c, 8 MB) gets the findings the same text gets in small files.
#
# The file is an article repeated: each copy must be flagged exactly as
# the article alone is, at the same place in the copy. The article holds
# what a wrong cut would break: a reference link whose definition is only
# at the top of the file (a piece without it would report the link as
# broken), a fenced code block with a blank line and text that would be
# flagged as prose, and a list item whose indented fence is never closed.
# A suppression comment pair encloses a paragraph in every copy. A few
# copies start with an HTML block holding a fence line, which the planner
# takes for a fence: it is out of step until the parse of a piece shows a
# code block running to the cut, and that piece is joined to the next.
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

if ! command -v python3 >/dev/null; then
	echo "ok - large files # skip python3 not installed"
	exit 0
fi

python3 - <<'PY' || exit 2
article = """## 第一节：标题

这里有中文English混排，还有中文123数字，参见[文档][ref]。

~~~
中文English 在代码里不算

中文English 空行之后也还在代码里
~~~

- 列表项

  ```
  缩进的代码

正文中文English，列表已经结束。

<!-- translint-disable space-cjk-latin -->

被关掉的中文English。

<!-- translint-enable -->

最后一段中文English。

"""
trap = "<div>\n~~~\n</div>\n\n" + article
header = "[ref]: https://example.com/ref\n\n"
with open("a.md", "w") as f:
    f.write(header + article)
with open("b.md", "w") as f:
    f.write(header + trap)
copies = 9 * 1024 * 1024 // len(article.encode()) + 1
order = "".join("b" if i in (4000, 6500) else "a" for i in range(copies))
with open("big.md", "w") as f:
    f.write(header + "".join(trap if c == "b" else article for c in order))
with open("order", "w") as f:
    f.write(order + "\n")
PY

tl -f gcc --no-color a.md
cp out one-a.txt
tl -f gcc --no-color b.md
cp out one-b.txt
tl -f gcc --no-color big.md
cp out big.txt

# The expected findings of big.md: each copy's, as in its file alone.
python3 - <<'PY' >expected.txt
header = 2
order = open("order").read().strip()
found, lines = {}, {}
for v in "ab":
    found[v] = []
    for l in open("one-%s.txt" % v):
        path, line, rest = l.split(":", 2)
        found[v].append((int(line) - header, rest))
    lines[v] = open("%s.md" % v).read().count("\n") - header
at = header
for v in order:
    for line, rest in found[v]:
        print("big.md:%d:%s" % (line + at, rest), end="")
    at += lines[v]
PY

if [ "$(wc -l <one-a.txt)" -lt 4 ] || grep -q "link-syntax" one-a.txt ||
	! cmp -s <(cut -d: -f3- one-a.txt) <(cut -d: -f3- one-b.txt); then
	not_ok "the article alone is flagged as expected" \
		"$(tr '\n' '|' <one-a.txt)"
else
	ok "the article alone is flagged as expected"
fi

if cmp -s expected.txt big.txt; then
	ok "a $(($(wc -c <big.md) / 1048576)) MB file: every copy flagged as the article alone"
else
	not_ok "a large file: every copy flagged as the article alone" \
		"$(diff expected.txt big.txt | head -5 | tr '\n' '|')"
fi

# The last piece ends without a line ending, in a paragraph: the
# definitions appended after it must not join that paragraph.
cp big.md tail.md
printf '结尾中文English' >>tail.md
last=$(($(wc -l <tail.md) + 1))
tl -f gcc --no-color --select space-cjk-latin tail.md
check "the last line of a large file, without a line ending, is linted" \
	out_has "^tail.md:$last:4: .*space-cjk-latin"

# A line that looks like a definition of the same label but is prose
# ("[img]:" then a word, then more text: no definition in CommonMark)
# comes first: the real definition below it must still reach the last
# piece, where the image using it is (the planner took the prose line
# for the label's first definition: the image's finding went to another
# line).
{
	printf '[img]: 不是 定义，这一行是正文。\n\n'
	printf '[img]: hhttps://example.com/a.png\n\n'
	cat big.md
	printf '\n见下图：\n\n![图][img]\n'
} >prose-first.md
last=$(wc -l <prose-first.md)
tl -f gcc --no-color --select link-destination prose-first.md
check "a large file whose first \"[img]:\" line is prose: the definition below it used" \
	out_has "^prose-first.md:$last:1: .*misspelled scheme"

# A prose line that continues a paragraph cannot be a definition
# (CommonMark 4.7: a definition cannot interrupt a paragraph), even with
# one word after "]:": cmark reads "[img]" there as a link to the real
# definition below. The planner took it for the label's first definition,
# so the last piece's image got its destination and lost its finding.
{
	printf '这是一段正文，\n[img]: 不是定义\n\n[img]: hhttps://example.com/a.png\n\n'
	cat big.md
	printf '\n见下图：\n\n![图][img]\n'
} >continued.md
last=$(wc -l <continued.md)
tl -f gcc --no-color --select link-destination continued.md
check "a large file whose first \"[img]:\" line continues a paragraph: the definition below it used" \
	out_has "^continued.md:$last:1: .*misspelled scheme"
check "a large file whose first \"[img]:\" line continues a paragraph: that line is a link" \
	out_has "^continued.md:2:1: .*misspelled scheme"

# A label defined twice, the second time in the last piece: the first
# definition counts (cmark renders the image with it), in that piece as
# well as in the whole document.
{
	printf '[dup]: https://example.com/first.png\n\n'
	cat big.md
	printf '\n[dup]: hhttps://example.com/second.png\n\n见下图：\n\n![图][dup]\n'
} >twice.md
tl -f gcc --no-color --select link-destination twice.md
check "a large file defining a label twice, the second in a later piece: the first counts" \
	out_empty

# --fix on the large file: the same fixes as on each copy alone.
cp big.md fixed.md
tl --fix --no-color a.md
tl --fix --no-color b.md
tl --fix --no-color fixed.md
python3 - <<'PY' >expected-fixed.md
header = "[ref]: https://example.com/ref\n\n"
body = {v: open("%s.md" % v).read()[len(header):] for v in "ab"}
print(header + "".join(body[v] for v in open("order").read().strip()), end="")
PY
check "--fix on a large file fixes every copy as the article alone" \
	cmp -s expected-fixed.md fixed.md

finish
