#!/usr/bin/env bash
# stdin.sh: --stdin and --stdin-filename: linting standard input, and
# --stdin --fix printing the fixed document and nothing else.
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

sel=(--select space-cjk-latin)

tl_in '使用Go编写\n' --stdin "${sel[@]}" -f gcc
check "--stdin lints standard input as <stdin>" \
	eval 'status_is 0 && grep -q "^<stdin>:1:[0-9]*: warning: .* \[space-cjk-latin\]$" out'
tl_in '使用Go编写\n' --stdin --stdin-filename docs/a.md "${sel[@]}" -f gcc
check "--stdin-filename names standard input" \
	eval 'status_is 0 && grep -q "^docs/a.md:1:" out && ! out_has "<stdin>"'
tl_in '使用Go编写\n' --stdin "${sel[@]}" -f json
check "--stdin with json" eval 'out_has "\"path\": \"<stdin>\""'
tl_in '这是 Go 语言。\n' --stdin "${sel[@]}"
check "--stdin clean input: exit 0, no output" \
	eval 'status_is 0 && out_empty && err_empty'

tl_in '使用Go编写\n' --stdin --fix "${sel[@]}"
check "--stdin --fix prints exactly the fixed document" \
	eval 'status_is 0 && same_bytes out "使用 Go 编写\n" && err_empty'
tl_in '使用Go编写' --stdin --fix "${sel[@]}"
check "--stdin --fix keeps a missing final newline missing" \
	eval 'same_bytes out "使用 Go 编写"'
tl_in '使用Go编写\r\n\r\n第二段Go\r\n' --stdin --fix "${sel[@]}"
check "--stdin --fix keeps CRLF line endings" \
	eval 'same_bytes out "使用 Go 编写\r\n\r\n第二段 Go\r\n"'
tl_in '这是 Go 语言。\n' --stdin --fix "${sel[@]}"
check "--stdin --fix of a clean document prints it unchanged" \
	eval 'status_is 0 && same_bytes out "这是 Go 语言。\n"'
tl_in '使用Go编写\n' --stdin --fix "${sel[@]}" \
	--severity space-cjk-latin=error
check "--stdin --fix: the status is that of what remains" \
	eval 'status_is 0 && same_bytes out "使用 Go 编写\n"'
tl_in 'abc\377使用Go\n' --stdin --fix "${sel[@]}" --select invalid-utf8
check "--stdin --fix of invalid UTF-8 prints the input, exit 1" \
	eval 'status_is 1 && same_bytes out "abc\377使用Go\n"'

tl_in '使用Go编写\n' --stdin --stdin-filename a.md --diff "${sel[@]}"
check "--stdin --diff prints a diff" \
	eval 'status_is 0 && out_has "^--- a/a.md$" && out_has "^+++ b/a.md$" &&
		out_has "^-使用Go编写$" && out_has "^+使用 Go 编写$"'

tl_in '' --stdin-filename a.md
check "--stdin-filename without --stdin is a usage error" eval 'status_is 2'
write a.md 'x\n'
tl_in '' --stdin a.md
check "--stdin with paths is a usage error" eval 'status_is 2'

finish
