#!/usr/bin/env bash
# sample.sh: the spacing rules end to end on the real sample article of
# ../shared/samples (HTML-comment front matter, "> 译自" attribution): every
# missing space in the body is reported, nothing in the front matter or in
# URLs, --fix changes nothing but spaces, and a second --fix changes
# nothing. Skips cleanly when ../shared is absent (the suite must pass
# without it).
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

sample=$root/../shared/samples/thenewstack-zh-sample.md
if [ ! -f "$sample" ]; then
	ok "sample article # SKIP ../shared/samples is absent"
	finish
fi
cp "$sample" a.md
spacing=(--select space-cjk-latin --select space-cjk-number)

tl "${spacing[@]}" -f gcc a.md
check "line 6: Linux基金会, 的Jim, Zemlin在, 在AI.dev, AI.dev大会" \
	eval 'out_has "^a.md:6:37: .*space-cjk-latin" && out_has "^a.md:6:41: " &&
	out_has "^a.md:6:51: " && out_has "^a.md:6:52: " && out_has "^a.md:6:58: "'
check "4.15亿: both sides of the number" \
	eval 'out_has "space-cjk-number" && [ "$(grep -c "space-cjk-number" out)" = 2 ]'
check "nothing in the front matter (lines 1 to 4)" \
	eval '! grep -q "^a.md:[1-4]:" out'

# Every finding lies outside the destinations of links and bare URLs:
# the two characters of each span are in the rendered prose.
python3 - a.md out >check.txt <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read().split("\n")
bad = 0
for line in open(sys.argv[2], encoding="utf-8"):
    m = re.match(r"a\.md:(\d+):(\d+):", line)
    l, c = int(m.group(1)), int(m.group(2))
    src = text[l - 1]
    # Inside "](...)": the finding would be in a link destination.
    for d in re.finditer(r"\]\(([^)]*)\)", src):
        if d.start(1) <= c - 1 < d.end(1):
            bad += 1
    for u in re.finditer(r"https?://\S+", src):
        if u.start() <= c - 1 < u.end() and not src[u.start() - 2:u.start()] == "](":
            bad += 1
print(bad)
PY
check "no finding inside a URL or link destination" eval '[ "$(cat check.txt)" = 0 ]'

cp a.md orig.md
tl "${spacing[@]}" --fix a.md
check "--fix exits 0" eval 'status_is 0'
check "--fix changes nothing but spaces" \
	eval 'cmp -s <(tr -d " " <orig.md) <(tr -d " " <a.md) && ! cmp -s orig.md a.md'
check "--fix only inserts (the fixed file is longer)" \
	eval '[ "$(wc -c <a.md)" -gt "$(wc -c <orig.md)" ]'
cp a.md once.md
tl "${spacing[@]}" --fix a.md
check "a second --fix changes nothing" eval 'cmp -s once.md a.md'
tl "${spacing[@]}" -f gcc a.md
check "nothing left after the fix" eval 'status_is 0 && out_empty'
finish
