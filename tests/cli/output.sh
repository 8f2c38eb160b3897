#!/usr/bin/env bash
# output.sh: the shapes of the text, gcc and json formats (DESIGN.md
# section 3), caret alignment under wide characters and tabs, and when
# colour is used.
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

sel=(--select space-cjk-latin)

write a.md '# 标题\n\n中文中文Go\n'

# ---- gcc -------------------------------------------------------------------

tl "${sel[@]}" -f gcc a.md
check "gcc: path:line:col: severity: message [rule], nothing else" \
	eval 'status_is 0 && [ -s out ] &&
		! grep -v "^a\.md:3:[0-9]*: warning: .* \[space-cjk-latin\]$" out'

# ---- text ------------------------------------------------------------------

tl "${sel[@]}" -f text a.md
check "text: header line path:line:col  severity  message  rule" \
	eval 'grep -q "^a\.md:3:[0-9]*  warning  .*  space-cjk-latin$" out'
check "text: the source line under the header" \
	eval 'grep -q "^ 3 | 中文中文Go$" out'
check "text: summary line" \
	eval 'tail -n 1 out | grep -q "^[0-9]* problems* (0 errors, [0-9]* warnings*), [0-9]* fixable with --fix$"'
check "text: no colour when not a terminal" eval '! grep -q $'"'"'\033'"'"' out'

# The caret stands under the span's first character: each CJK character
# before it takes two columns.
col=$(grep -m 1 "^a\.md:3:" out | cut -d: -f3 | cut -d' ' -f1)
caret=$(grep -m 1 "^   | *\^" out | sed 's/^   | //' | sed 's/\^.*//')
check "text: caret aligned under wide characters" \
	eval '[ "${#caret}" = "$((2 * (col - 1)))" ]'

write tab.md 'a\t中文Go\n'
tl "${sel[@]}" tab.md
col=$(grep -m 1 "^tab\.md:1:" out | cut -d: -f3 | cut -d' ' -f1)
caret=$(grep -m 1 "^   | *\^" out | sed 's/^   | //' | sed 's/\^.*//')
check "text: tabs expanded to 8 columns before the caret" \
	eval 'grep -q "^ 1 | a       中文Go$" out &&
		[ "${#caret}" = "$((8 + 2 * (col - 3)))" ]'

write clean.md '这是 Go 语言。\n'
tl "${sel[@]}" clean.md
check "text: no problems, no output" eval 'status_is 0 && out_empty'

tl "${sel[@]}" --lang zh a.md
check "text: Chinese summary with --lang zh" \
	eval 'tail -n 1 out | grep -q "^共 [0-9]* 个问题（0 个错误，[0-9]* 个警告）"'

write ctl.md '使用Go编写\033[31m红\n'
tl "${sel[@]}" ctl.md
check "text: control characters in the source are not sent raw" \
	eval '! grep -q $'"'"'\033'"'"' out && out_has "␛"'

# Control characters from a file name or the document's text (quoted in
# a message) never reach the terminal raw in text, gcc or github output
# (issue 12.9): ESC, BEL, U+0085 NEL, U+009B CSI, U+202E RLO.
ctl=$'c\033[31m\a\xc2\x85\xc2\x9b\xe2\x80\xae.md'
printf '使用Go编写\n' >"$ctl"
write ctlterm.md '使用Go编写\033]0;x\a\xc2\x85\xc2\x9b\xe2\x80\xae\n'
for fmt in text gcc github; do
	tl -f "$fmt" "${sel[@]}" "$ctl" ctlterm.md
	check "$fmt: no control character of a name or text reaches the output" \
		eval 'status_is 0 && [ "$(wc -l <out)" -ge 4 ] &&
			! LC_ALL=C grep -q $'"'"'[\001-\011\013-\037\177]'"'"' out &&
			! LC_ALL=C grep -q $'"'"'\xc2[\x80-\x9f]'"'"' out &&
			! LC_ALL=C grep -q $'"'"'\xe2\x80\xae'"'"' out'
done

# ---- json --------------------------------------------------------------------

tl "${sel[@]}" -f json a.md clean.md
check "json: top-level shape" \
	eval 'head -c 28 out | grep -q "^{\"version\": 1, \"files\": \[" &&
		out_has "\"summary\": {\"files\": 2, \"errors\": 0, \"warnings\": [0-9]*, \"fixable\": [0-9]*}}"'
check "json: a file without findings has an empty list" \
	eval 'out_has "{\"path\": \"clean.md\", \"diagnostics\": \[\]}"'
check "json: diagnostic fields in order" \
	eval 'out_has "{\"rule\": \"space-cjk-latin\", \"severity\": \"warning\", \"message\": \"[^\"]*\", \"url\": \"https://[^\"]*/docs/rules/space-cjk-latin.md\", \"line\": 3, \"column\": [0-9]*, \"end_line\": 3, \"end_column\": [0-9]*, \"offset\": [0-9]*, \"end_offset\": [0-9]*, \"fix\": {\"applicability\": \"safe\", \"edits\": \[{\"offset\": [0-9]*, \"end_offset\": [0-9]*, \"text\": \" \"}\]}}"'
if command -v python3 >/dev/null 2>&1; then
	check "json: parses, and offsets match line and column" \
		python3 -c '
import json, sys
doc = json.load(open("out", encoding="utf-8"))
src = open("a.md", "rb").read()
for d in doc["files"][0]["diagnostics"]:
    for off, line, col in ((d["offset"], d["line"], d["column"]),
                           (d["end_offset"], d["end_line"], d["end_column"])):
        lines = src[:off].split(b"\n")
        assert len(lines) == line, (off, line)
        assert len(lines[-1].decode()) + 1 == col, (off, col)
assert doc["summary"]["files"] == 2
'
else
	ok "json: parses # SKIP no python3"
fi

mkdir q
write 'q/a"b\c.md' '使用Go编写\n'
tl "${sel[@]}" -f json q
check "json: strings are escaped" \
	grep -qF '"path": "q/a\"b\\c.md"' out
write ctl.md 'x\001使用Go\n'
tl "${sel[@]}" -f json ctl.md
if command -v python3 >/dev/null 2>&1; then
	check "json: valid with control characters in the input" \
		python3 -c 'import json; json.load(open("out", encoding="utf-8"))'
fi

tl "${sel[@]}" -f json empty-folder-that-does-not-exist
check "json: still valid JSON after an I/O error" \
	eval 'status_is 2 && out_has "\"files\": 0"'

# ---- colour ------------------------------------------------------------------

# colour_run OUT ARGS...: runs translint on a terminal (script(1)),
# standard output to OUT.
colour_run()
{
	local o=$1
	shift
	script -qec "$(printf '%q ' "$TRANSLINT" "$@")" /dev/null >"$o" 2>&1
}
if command -v script >/dev/null 2>&1 && colour_run probe --version &&
	grep -q translint probe; then
	colour_run tty.out "${sel[@]}" a.md
	check "colour on a terminal" eval 'grep -q $'"'"'\033\['"'"' tty.out'
	NO_COLOR=1 colour_run tty.out "${sel[@]}" a.md
	check "no colour with NO_COLOR" \
		eval '! grep -q $'"'"'\033\['"'"' tty.out && grep -q space-cjk-latin tty.out'
	colour_run tty.out --no-color "${sel[@]}" a.md
	check "no colour with --no-color" \
		eval '! grep -q $'"'"'\033\['"'"' tty.out && grep -q space-cjk-latin tty.out'
	colour_run tty.out -f gcc "${sel[@]}" a.md
	check "gcc format never has colour" eval '! grep -q $'"'"'\033\['"'"' tty.out'
else
	ok "colour on a terminal # SKIP no script(1)"
fi

# ---- Writing standard output ----------------------------------------------

if [ -w /dev/full ]; then
	"$TRANSLINT" "${sel[@]}" a.md >/dev/full 2>err
	status=$?
	check "a full standard output is an error (exit 2)" \
		eval 'status_is 2 && err_has "standard output"'
fi

finish
