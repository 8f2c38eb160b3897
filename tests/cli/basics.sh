#!/usr/bin/env bash
# basics.sh: the command line's contract: --help and --version, usage
# errors (exit 2, on stderr), exit statuses 0 and 1, rule selection
# options, --list-rules and --explain, the message language.
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

# ---- Help, version, usage errors -------------------------------------

tl --help
check "--help exits 0 with usage on stdout" \
	eval 'status_is 0 && out_has "^Usage: translint" && err_empty'
tl -h
check "-h is --help" eval 'status_is 0 && out_has "^Usage: translint"'
tl --version
check "--version prints the version" \
	eval 'status_is 0 && head -n 1 out | grep -q "^translint [0-9][0-9.]*$"'

tl --bogus
check "unknown option is a usage error" \
	eval 'status_is 2 && out_empty && err_has "^translint: error: .*--bogus"'
tl --fixx
check "misspelled option names the nearest one" \
	eval 'status_is 2 && err_has "did you mean .--fix."'
tl -x
check "unknown short option is a usage error" eval 'status_is 2 && out_empty'
tl --format
check "option without its value is a usage error" \
	eval 'status_is 2 && err_has "needs a value"'
tl --fix=yes a.md
check "flag given a value is a usage error" eval 'status_is 2'
tl -f xml
check "unknown format is a usage error" \
	eval 'status_is 2 && err_has "text, gcc, json"'
tl --severity space-cjk-latn=error
check "unknown rule names the nearest rule" \
	eval 'status_is 2 && err_has "space-cjk-latin"'
tl --severity space-cjk-latin=loud
check "unknown severity level is a usage error" eval 'status_is 2'
tl --enable no-such-rule
check "--enable of an unknown rule is a usage error" eval 'status_is 2'
tl --jobs 0
check "--jobs 0 is a usage error" eval 'status_is 2'
tl --max-warnings many
check "--max-warnings needs a number" eval 'status_is 2'
tl -
check "'-' is refused with a hint at --stdin" \
	eval 'status_is 2 && err_has "--stdin"'
tl --list-rules a.md
check "--list-rules takes no paths" eval 'status_is 2'
tl --preset no-such-preset
check "unknown preset stops the run" \
	eval 'status_is 2 && err_has "^translint: error: "'

# ---- Exit statuses ------------------------------------------------------

write clean.md '这是 Go 语言的测试。\n'
write latin.md '使用Go编写\n'

tl --select space-cjk-latin clean.md
check "clean file: exit 0, no output" eval 'status_is 0 && out_empty'
tl --select space-cjk-latin latin.md
check "warnings only: exit 0" \
	eval 'status_is 0 && out_has "space-cjk-latin"'
tl --select space-cjk-latin --severity space-cjk-latin=error latin.md
check "an error-level diagnostic: exit 1" \
	eval 'status_is 1 && out_has "error"'
tl --select space-cjk-latin --max-warnings 0 latin.md
check "--max-warnings 0 with warnings: exit 1" \
	eval 'status_is 1 && err_has "too many warnings"'
tl --select space-cjk-latin --max-warnings 100 latin.md
check "warnings within --max-warnings: exit 0" eval 'status_is 0'
tl --select space-cjk-latin --severity space-cjk-latin=off latin.md
check "--severity RULE=off turns it off" eval 'status_is 0 && out_empty'

# ---- fail-on (issue 13) ---------------------------------------------------

tl --select space-cjk-latin --fail-on warning latin.md
check "--fail-on warning: a warning fails (exit 1), shown" \
	eval 'status_is 1 && out_has "space-cjk-latin"'
tl --select space-cjk-latin --fail-on warning clean.md
check "--fail-on warning: a clean file passes" eval 'status_is 0'
tl --select space-cjk-latin --fail-on warning \
	--severity space-cjk-latin=info latin.md
check "--fail-on warning: an info passes" eval 'status_is 0'
tl --select space-cjk-latin --fail-on info \
	--severity space-cjk-latin=info latin.md
check "--fail-on info: an info fails" eval 'status_is 1'
tl --select space-cjk-latin --fail-on error latin.md
check "--fail-on error: warnings pass" eval 'status_is 0'
tl --select space-cjk-latin --fail-on off latin.md
check "--fail-on off is a usage error" \
	eval 'status_is 2 && err_has "fail-on"'
mkdir fo fo/strict
printf 'fail-on: warning\n' >fo/strict/.translint.yml
write fo/a.md '使用Go编写\n'
write fo/strict/b.md '使用 Go 编写\n'
tl --select space-cjk-latin fo
check "fail-on in a configuration applies to its files only" eval 'status_is 0'
write fo/strict/b.md '使用Go编写\n'
tl --select space-cjk-latin fo
check "fail-on: warning in a configuration fails on its file's warning" \
	eval 'status_is 1'
tl --select space-cjk-latin --fail-on error fo
check "--fail-on overrides fail-on of the configuration" eval 'status_is 0'
printf 'extends: [recommended]\nfail-on: warn\n' >fo/strict/.translint.yml
tl fo
check "a bad fail-on: configuration error at its position" \
	eval 'status_is 2 && err_has "fo/strict/.translint.yml:2:10: fail-on must be error, warning or info"'
printf 'fail-on: warning\n' >fo/base.yml
printf 'extends: [../base.yml]\n' >fo/strict/.translint.yml
tl --select space-cjk-latin fo
check "fail-on comes through extends" eval 'status_is 1'
tl --print-config fo/strict/b.md
check "--print-config shows fail-on" eval 'status_is 0 && out_has "^fail-on: warning$"'
printf 'extends: [../base.yml]\nfail-on: error\n' >fo/strict/.translint.yml
tl --select space-cjk-latin fo
check "a file's own fail-on wins over the one it extends" eval 'status_is 0'

# ---- Rule selection -------------------------------------------------------

write mixed.md '使用Go编写了15个\n'
tl --select space-cjk-number -f gcc mixed.md
check "--select runs only the selected rule" \
	eval 'out_has "space-cjk-number" && ! out_has "space-cjk-latin"'
tl --select space-cjk-number --select space-cjk-latin -f gcc mixed.md
check "--select is repeatable" \
	eval 'out_has "space-cjk-number" && out_has "space-cjk-latin"'
tl --disable space-cjk-latin -f gcc mixed.md
check "--disable turns a rule off" \
	eval '! out_has "space-cjk-latin" && out_has "space-cjk-number"'
tl --select space-cjk-number --enable space-cjk-latin -f gcc mixed.md
check "--enable adds a rule to a selection" eval 'out_has "space-cjk-latin"'

# ---- Information ----------------------------------------------------------

tl --list-rules
check "--list-rules lists name, severity, fix" \
	eval 'status_is 0 && grep -q "^space-cjk-latin  *warning  *safe " out'
tl --explain space-cjk-latin
check "--explain prints the rule page" \
	eval 'status_is 0 && head -n 1 out | grep -qx "# space-cjk-latin"'
cp out explain.md
mkdir docs
tl --write-rule-docs docs
check "--explain is the page --write-rule-docs writes" \
	eval 'status_is 0 && cmp -s explain.md docs/space-cjk-latin.md'
tl --explain space-cjk
check "--explain of an unknown rule is a usage error" \
	eval 'status_is 2 && err_has "space-cjk-"'

# In Chinese: docs/rules/zh/RULE.md, the same sections in the same order.
check "--write-rule-docs writes the Chinese pages in zh/" \
	eval '[ "$(ls docs/zh | wc -l)" = "$(ls docs/*.md | wc -l)" ]'
tl --explain space-cjk-latin --lang zh
check "--explain --lang zh prints the Chinese page" \
	eval 'status_is 0 && out_has "^## 检查什么$" && out_has "^## 修复的安全性$" &&
		! out_has "^## What it flags" && cmp -s out docs/zh/space-cjk-latin.md'
LANG=zh_CN.UTF-8 tl --explain space-cjk-latin
check "--explain follows LANG" cmp -s out docs/zh/space-cjk-latin.md
check "the two pages link to each other" \
	eval 'grep -qx "\[中文\](zh/space-cjk-latin.md)" docs/space-cjk-latin.md &&
		grep -qx "\[English\](../space-cjk-latin.md)" docs/zh/space-cjk-latin.md'
check "the Chinese pages have the English pages' sections" \
	eval '(for f in docs/*.md; do
		[ "$(grep -c "^## " "$f")" = "$(grep -c "^## " "docs/zh/${f#docs/}")" ] || exit 1
	done)'
# The Chinese text follows the typography translint checks.
tl --format gcc docs/zh
check "the Chinese pages pass translint's own rules" eval 'status_is 0 && [ ! -s out ]'
tl --lang zh --select space-cjk-latin -f json latin.md
check "--lang zh links findings to the Chinese pages" \
	eval 'out_has "\"url\": \"[^\"]*/docs/rules/zh/space-cjk-latin.md\""'

# ---- Language ---------------------------------------------------------------

tl --select space-cjk-latin --lang zh latin.md
check "--lang zh gives a Chinese summary" eval 'out_has "个问题"'
LANG=zh_CN.UTF-8 tl --select space-cjk-latin latin.md
check "LANG=zh_CN gives Chinese" eval 'out_has "个问题"'
LANG=zh_CN.UTF-8 LC_ALL=C tl --select space-cjk-latin latin.md
check "LC_ALL takes precedence over LANG" eval 'out_has "problem"'
LANG=zh_CN.UTF-8 tl --lang en --select space-cjk-latin latin.md
check "--lang en overrides the locale" eval 'out_has "problem"'

finish
