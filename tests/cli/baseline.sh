#!/usr/bin/env bash
# baseline.sh: adopting translint on an archive (issue 13.8): --statistics
# (findings counted per rule, as ruff prints them) and a baseline
# (--write-baseline FILE, then --baseline FILE reports only the findings
# FILE does not hold, matched by file, rule and text, not line numbers,
# and counted, so that a copied line is new).
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

mkdir -p arc/sub
write arc/a.md '# 标题\n\n关于Go的文章。\n\n使用Rust编写，参见...\n'
write arc/sub/b.md '他说"你好"。\n\n关于Go的文章。\n'

# ---- --statistics ----------------------------------------------------------

tl --statistics arc
check "--statistics: counts per rule, the most frequent first" \
	eval 'status_is 0 && [ "$(sed -n 1p out)" = "6  space-cjk-latin  [*]  A space between CJK characters and Latin words" ] &&
	[ "$(sed -n 2p out)" = "1  ellipsis         [*]  The Chinese ellipsis ……" ] &&
	out_has "^1  quote-style      \[\*\]  " && [ "$(wc -l <out)" -eq 3 ]'
tl --statistics --format json arc
check "--statistics --format json: a list of rule, count, fixable, summary" \
	eval 'status_is 0 && python3 -c "
import json, sys
v = json.load(open(\"out\"))
assert v[0] == {\"rule\": \"space-cjk-latin\", \"count\": 6, \"fixable\": 6,
  \"summary\": \"A space between CJK characters and Latin words\"}, v[0]
assert [x[\"rule\"] for x in v] == [\"space-cjk-latin\", \"ellipsis\", \"quote-style\"]
"'
tl --statistics --fail-on warning arc
check "--statistics keeps the exit status of the run" eval 'status_is 1'
tl --statistics --lang zh arc
check "--statistics: summaries in the message language" \
	eval 'out_has "^6  space-cjk-latin  \[\*\]  中文与英文单词之间加空格"'
tl --statistics --format sarif arc
check "--statistics with another format is a usage error" eval 'status_is 2'
tl --statistics --fix arc
check "--statistics does not fix" eval 'status_is 2'
write clean.md '# 标题\n'
tl --statistics clean.md
check "--statistics with no findings prints nothing" \
	eval 'status_is 0 && out_empty'

# ---- --write-baseline, then --baseline ---------------------------------------

tl --write-baseline base.json arc
check "--write-baseline prints no findings and exits 0" \
	eval 'status_is 0 && out_empty &&
	err_has "wrote 8 findings of 2 files to base.json"'
check "the baseline is JSON, one finding a line, counted" \
	python3 -c '
import json
v = json.load(open("base.json"))
assert v["version"] == 1
f = v["findings"]
assert sum(x["count"] for x in f) == 8, f
c = [x for x in f if x["path"] == "arc/sub/b.md" and x["rule"] == "space-cjk-latin"]
assert [(x["text"], x["context"], x["count"]) for x in c] == [
    ("o的", "关于Go的文章。", 1), ("于G", "关于Go的文章。", 1)], c
assert len(open("base.json").read().splitlines()) == len(f) + 2
'
tl --baseline base.json --fail-on warning arc
check "--baseline: nothing new, nothing reported, exit 0" \
	eval 'status_is 0 && ! out_has "warning"'

# Lines moved down: still known. A new finding and a copied line: new.
write arc/a.md '# 标题\n\n新的一段。\n\n关于Go的文章。\n\n使用Rust编写，参见...\n\n用Python写的。\n\n关于Go的文章。\n'
tl -f gcc --baseline base.json --fail-on warning arc
check "--baseline: lines moved are still known, new findings are reported" \
	eval 'status_is 1 && out_has "arc/a.md:9:1: warning: .*space-cjk-latin" &&
	out_has "arc/a.md:9:7: warning"'
check "--baseline: a copied line is new (counts, not a set)" \
	eval 'out_has "arc/a.md:11:2: warning" && out_has "arc/a.md:11:4: warning" &&
	! out_has "arc/a.md:5:" && ! out_has "arc/a.md:7:" && [ "$(wc -l <out)" -eq 4 ]'
tl --statistics --baseline base.json arc
check "--statistics counts what the baseline lets through" \
	eval 'status_is 0 && [ "$(cat out)" = "4  space-cjk-latin  [*]  A space between CJK characters and Latin words" ]'

# The same path written another way, from the file's folder or with ./.
tl -f gcc --baseline base.json ./arc/sub/b.md
check "--baseline: ./ in front of a path is the same path" \
	eval 'status_is 0 && out_empty'
(cd arc && "$TRANSLINT" -f gcc --baseline ../base.json sub/b.md >../out 2>../err)
status=$?
check "--baseline: paths are as given on the command line (another folder: new)" \
	eval 'status_is 0 && out_has "^sub/b.md:3:2: warning"'

# A fix that changes the text makes the finding new; a fixed one is gone.
tl -f gcc --baseline base.json --stdin --stdin-filename arc/sub/b.md <<<'他说"你好呀"。'
check "--baseline: changed text is a new finding" \
	eval 'out_has "arc/sub/b.md:1:3: warning: .*quote-style"'

write bad.json '{"version": 2, "findings": []}\n'
tl --baseline bad.json arc
check "--baseline: a file that is no baseline is an error" \
	eval 'status_is 2 && err_has "bad.json: not a translint baseline"'
tl --baseline missing.json arc
check "--baseline: a missing file is an error" \
	eval 'status_is 2 && err_has "missing.json"'
tl --write-baseline base.json --fix arc
check "--write-baseline with --fix is a usage error" eval 'status_is 2'

exit $((failures > 0))
