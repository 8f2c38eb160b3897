#!/usr/bin/env bash
# glossary.sh: the project glossary (DESIGN.md section 8.3): glossary: in
# the configuration, read relative to the configuration file, in the
# language server's reloads, printed by --print-config, and every mistake
# in a glossary file reported at its FILE:LINE:COL with exit 2, as other
# configuration errors are. The rule's findings are in
# tests/fixtures/glossary/.
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

# glwrite FILE TEXT: write for a TEXT that starts with "-" (a YAML list).
glwrite()
{
	# shellcheck disable=SC2059 # TEXT is a format on purpose
	printf -- "$2" >"$1"
}

mkdir -p proj/docs proj/terms
write proj/docs/a.md '先分叉这个项目。\n'
glwrite proj/terms/g.yml '- term: fork\n  zh: 复刻\n  reject: [分叉]\n'

# ---- Finding the file -----------------------------------------------------

write proj/.translint.yml 'extends: []\nglossary: terms/g.yml\nrules: {glossary: on}\n'
tl -f gcc proj/docs/a.md
check "glossary: is relative to the configuration file" \
	eval 'status_is 0 && out_has "proj/docs/a.md:1:2: warning: .*分叉.*\[glossary\]"'
tl --print-config proj/docs/a.md
check "--print-config names the glossary file and writes its entries" \
	eval 'status_is 0 && out_has "^# glossary from: proj/terms/g.yml" &&
	out_has "^- {term: fork, zh: 复刻, reject: 分叉}"'
cp out printed.yml
tl -c printed.yml -f gcc proj/docs/a.md
check "... and the printed configuration loads to the same findings" \
	eval 'status_is 0 && out_has "proj/docs/a.md:1:2: warning: .*分叉.*\[glossary\]"'
(cd proj/docs && "$TRANSLINT" -f gcc a.md >../../out 2>../../err)
status=$?
check "... also from another working folder" \
	eval 'status_is 0 && out_has "a.md:1:2: warning"'
write proj/.translint.yml 'extends: []\nglossary: terms/g.yml\n'
tl -f gcc proj/docs/a.md
check "a glossary alone does not turn the rule on" \
	eval 'status_is 0 && out_empty'
write proj/.translint.yml 'extends: [translation]\nglossary: terms/g.yml\n'
tl -f gcc proj/docs/a.md
check "the translation preset has the rule on" \
	eval 'out_has "1:2: warning: .*\[glossary\]"'
write b.md '先分叉这个项目。\n'
tl --preset translation -f gcc b.md
check "... and without a glossary it says nothing" \
	eval '! out_has "glossary"'

# ---- Errors in the configuration --------------------------------------------

gl_err()
{
	local name=$1 conf=$2 want=$3
	write proj/.translint.yml "$conf"
	tl -f gcc proj/docs/a.md
	check "$name" eval "status_is 2 && out_empty && err_has \"$want\""
}
gl_err "a missing glossary file" 'glossary: nope.yml\n' \
	"proj/.translint.yml:1:11: cannot read glossary 'nope.yml': no such file"
gl_err "a folder as glossary" 'glossary: terms\n' \
	"proj/.translint.yml:1:11: cannot read glossary 'terms': it is a folder"
gl_err "glossary: a map" 'glossary: {a: b}\n' \
	"proj/.translint.yml:1:11: glossary must be a file, or a list"
gl_err "a misspelt glossary key" 'glosary: terms/g.yml\n' \
	"1:1: unknown key 'glosary' in the configuration (did you mean 'glossary'?)"
gl_err "an inline entry with a mistake, at its place" \
	'glossary:\n  - {term: fork, zh: 复刻}\n  - {term: pod, zhh: 容器荚}\n' \
	"proj/.translint.yml:3:17: unknown key 'zhh' in a glossary entry .*(did you mean 'zh'?)"

# ---- Errors in the glossary file ---------------------------------------------

write proj/.translint.yml 'glossary: terms/bad.yml\n'
bad()
{
	local name=$1 text=$2 want=$3
	glwrite proj/terms/bad.yml "$text"
	tl -f gcc proj/docs/a.md
	check "$name" eval "status_is 2 && out_empty && err_has \"$want\""
}
bad "YAML syntax error at its place" '- term: [fork\n' \
	'proj/terms/bad.yml:2:1: YAML syntax error'
bad "not a list" 'term: fork\n' \
	'proj/terms/bad.yml:1:1: a glossary must be a list of entries'
bad "an entry that is not a map" '- fork\n' \
	'proj/terms/bad.yml:1:3: a glossary entry must be a map'
bad "an unknown key, with the nearest" '- term: fork\n  rejects: [分叉]\n' \
	"proj/terms/bad.yml:2:3: unknown key 'rejects' in a glossary entry .*(did you mean 'reject'?)"
bad "an entry without a term" '- zh: 复刻\n' \
	'proj/terms/bad.yml:1:3: a glossary entry needs a term'
bad "an empty rendering" '- term: fork\n  zh: [复刻, " "]\n' \
	"proj/terms/bad.yml:2:12: 'zh' holds an empty string"
bad "keep-english not a boolean" '- term: shell\n  keep-english: maybe\n' \
	"proj/terms/bad.yml:2:17: 'keep-english' must be true or false"
bad "an entry with nothing to check" '- term: fork\n' \
	"proj/terms/bad.yml:1:3: the entry for 'fork' has nothing to check"
bad "a rendering both accepted and rejected" \
	'- term: fork\n  zh: 复刻\n  reject: [分叉, 复刻]\n' \
	"proj/terms/bad.yml:3:11: '复刻' is both accepted and rejected for 'fork'"
bad "a term given twice (case aside)" \
	'- term: fork\n  zh: 复刻\n- term: [Fork]\n  zh: 分支\n' \
	"proj/terms/bad.yml:3:9: term 'Fork' is already in the glossary, at line 1"
bad "a nested list" '- term: [[fork]]\n  zh: 复刻\n' \
	"proj/terms/bad.yml:1:10: 'term' must be a list of strings, not hold a list"

# ---- With an original ----------------------------------------------------------

write proj/.translint.yml 'extends: []\nglossary: terms/g.yml\nrules: {glossary: on}\n'
write orig.md 'Intro.\n\nFirst fork the project.\n'
write proj/docs/c.md '简介。\n\n先派生这个项目。\n'
tl -f gcc --source orig.md proj/docs/c.md
check "--source: a term of the original without its rendering, at the block, pointing at the term" \
	eval 'status_is 0 && out_has "proj/docs/c.md:3:1: warning: \"fork\" of the original is not rendered as the glossary says: no \"复刻\" .*(original: orig.md:3:7) \[glossary\]"'
tl -f json --source orig.md proj/docs/c.md
check "... JSON carries the original's location of the term" \
	eval 'out_has "\"original\": *{\"path\": *\"orig.md\", *\"line\": *3, *\"column\": *7"'
tl -f gcc proj/docs/c.md
check "... and without an original that half is silent" \
	eval 'status_is 0 && out_empty'
write proj/docs/c.md '简介。\n\n先复刻这个项目。\n'
tl -f gcc --source orig.md proj/docs/c.md
check "... the rendering present: nothing" eval 'status_is 0 && out_empty'
write proj/docs/c.md '简介。\n\n先 fork 这个项目。\n'
tl -f gcc --source orig.md proj/docs/c.md
check "... the term kept in English where the glossary does not allow it" \
	eval 'out_has "\"fork\" of the original is kept in English"'
glwrite proj/terms/g.yml '- term: fork\n  zh: 复刻\n  keep-english: true\n  reject: [分叉]\n'
tl -f gcc --source orig.md proj/docs/c.md
check "... and allowed with keep-english" eval 'status_is 0 && out_empty'
glwrite proj/terms/g.yml '- term: shell\n  zh: 交互界面\n- term: secure shell\n  keep-english: true\n'
write orig.md 'Log in over secure shell.\n'
write proj/docs/c.md '通过 SSH 登录。\n'
tl -f gcc --source orig.md proj/docs/c.md
check "an entry with no rendering shields the shorter term inside it" \
	eval 'status_is 0 && out_empty'
glwrite proj/terms/g.yml '- term: shell\n  zh: 交互界面\n'
tl -f gcc --source orig.md proj/docs/c.md
check "... (without it: flagged)" eval 'out_has "\"shell\" of the original"'
write orig.md 'Boot the Live USB.\n'
write lctt.md '启动 Live USB。\n'
tl --preset lctt --select glossary -f gcc --source orig.md lctt.md
check "the lctt preset: live USB kept in English, not 立付" \
	eval 'out_has "lctt.md:1:1: warning: \"Live USB\" of the original is kept in English.*立付"'
glwrite proj/terms/g.yml '- term: fork\n  zh: 复刻\n  reject: [分叉]\n'
write orig.md 'See my fork.https://example.org/x for it.\n'
write proj/docs/c.md '见我的派生 https://example.org/x。\n'
tl -f gcc --source orig.md proj/docs/c.md
check "a term before a URL glued to it, which ends its word once the URL is masked" \
	eval 'out_has "c.md:1:1: warning: \"fork\" of the original is not rendered"'

# ---- A changed glossary ---------------------------------------------------------

write proj/.translint.yml 'extends: []\nglossary: terms/g.yml\nrules: {glossary: on}\n'
tl -f gcc proj/docs/a.md
check "(before the change: flagged)" eval 'status_is 0 && out_has "分叉"'
glwrite proj/terms/g.yml '- term: fork\n  zh: 分叉\n'
tl -f gcc proj/docs/a.md
check "a changed glossary file is read again by the next run" \
	eval 'status_is 0 && out_empty'

finish
