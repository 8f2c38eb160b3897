#!/usr/bin/env bash
# fix.sh: --fix rewrites files (atomically, keeping their mode, only when
# something changed, never a file that is not valid UTF-8), and --diff
# shows the same changes without making them.
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

sel=(--select space-cjk-latin --select invalid-utf8 --select binary-file)

# ---- --fix ---------------------------------------------------------------

write a.md '# 标题\n\n使用Go编写\n'
chmod 640 a.md
tl --fix "${sel[@]}" a.md
check "--fix rewrites the file" \
	eval 'status_is 0 && same_bytes a.md "# 标题\n\n使用 Go 编写\n"'
check "--fix keeps the permission bits" eval '[ "$(mode_of a.md)" = "-rw-r-----" ]'
check "--fix reports what remains (nothing)" \
	eval '! out_has "space-cjk-latin"'
check "--fix leaves no temporary file" \
	eval '[ "$(ls -A | grep -c "tl-")" = 0 ]'

write clean.md '这是 Go 语言。\n'
before=$(ls -i clean.md)
tl --fix "${sel[@]}" clean.md
check "--fix does not rewrite a file it does not change" \
	eval 'status_is 0 && [ "$(ls -i clean.md)" = "$before" ]'

write crlf.md '使用Go编写\r\n'
tl --fix "${sel[@]}" crlf.md
check "--fix keeps CRLF" eval 'same_bytes crlf.md "使用 Go 编写\r\n"'

write bad.md 'abc\377使用Go\n'
tl --fix "${sel[@]}" bad.md
check "--fix never rewrites invalid UTF-8" \
	eval 'status_is 1 && same_bytes bad.md "abc\377使用Go\n" && out_has invalid-utf8'
write bin.md 'a\000b使用Go\n'
tl --fix "${sel[@]}" bin.md
check "--fix never rewrites a binary file" \
	eval 'status_is 1 && same_bytes bin.md "a\000b使用Go\n"'

write err.md '使用Go编写\n'
tl --fix "${sel[@]}" --severity space-cjk-latin=error err.md
check "--fix: exit status of what remains after fixing" eval 'status_is 0'

write real.md '使用Go编写\n'
ln -s real.md link.md
tl --fix "${sel[@]}" link.md
check "--fix through a symbolic link keeps the link" \
	eval '[ -L link.md ] && same_bytes real.md "使用 Go 编写\n"'

write one.md '使用Go编写\n'
tl --fix "${sel[@]}" missing.md one.md
check "--fix: a missing file is reported, the others fixed, exit 2" \
	eval 'status_is 2 && err_has "missing.md" && same_bytes one.md "使用 Go 编写\n"'

# A write beyond the file-size limit fails with EFBIG (translint ignores
# SIGXFSZ) and leaves the original as it was.
{
	for i in $(seq 1 200); do printf '第%d段使用Go编写\n\n' "$i"; done
} >big.md
cp big.md big.orig
(
	ulimit -f 2 2>/dev/null || exit 0
	"$TRANSLINT" --fix "${sel[@]}" big.md >out 2>err
	echo $? >status
)
status=$(cat status 2>/dev/null || echo none)
check "--fix past the file-size limit: exit 2, original kept" \
	eval 'status_is 2 && cmp -s big.md big.orig && err_has "big.md" &&
		[ "$(ls -A | grep -c "tl-")" = 0 ]'

if [ "$(id -u)" != 0 ]; then
	mkdir ro
	write ro/a.md '使用Go编写\n'
	chmod 555 ro
	tl --fix "${sel[@]}" ro/a.md
	check "--fix in a read-only folder: exit 2, file kept" \
		eval 'status_is 2 && same_bytes ro/a.md "使用Go编写\n"'
	chmod 755 ro
else
	ok "--fix in a read-only folder # SKIP running as root"
fi

# ---- --diff --------------------------------------------------------------

write d.md '# 标题\n\n使用Go编写\n\n结尾\n'
cp d.md d.orig
tl --diff "${sel[@]}" d.md
check "--diff changes nothing" eval 'cmp -s d.md d.orig'
check "--diff prints a unified diff" \
	eval 'status_is 0 && out_has "^--- a/d.md$" && out_has "^+++ b/d.md$" &&
		out_has "^@@ -1,5 +1,5 @@$" && out_has "^-使用Go编写$" &&
		out_has "^+使用 Go 编写$" && out_has "^ # 标题$"'
if command -v patch >/dev/null 2>&1; then
	mkdir p && cp d.md p/d.md && cp out d.diff
	(cd p && patch -s -p1 <../d.diff) >/dev/null 2>&1
	"$TRANSLINT" --stdin --fix "${sel[@]}" <d.md >d.fixed 2>/dev/null
	check "--diff applies with patch -p1 to what --fix gives" \
		eval 'cmp -s p/d.md d.fixed'
else
	ok "--diff applies with patch -p1 # SKIP no patch"
fi
tl --diff "${sel[@]}" clean.md
check "--diff of a clean file prints nothing" eval 'status_is 0 && out_empty'
write nonl.md '使用Go编写'
tl --diff "${sel[@]}" nonl.md
check "--diff marks a missing final newline" \
	eval 'out_has "^\\\\ No newline at end of file$"'
tl --diff -f json a.md
check "--diff with --format is a usage error" eval 'status_is 2'

# A file name is quoted as git quotes it (issue 12.9): a name with a
# newline would otherwise put a line of its own in the diff ("-x", a
# removal patch would look for).
nl=$'e\n-x\n.md'
printf '使用Go编写\n' >"$nl"
tl --diff "${sel[@]}" "$nl"
check "--diff quotes a name with a newline as git does" \
	eval 'status_is 0 && out_has "^--- \"a/e\\\\n-x\\\\n.md\"$" &&
		out_has "^+++ \"b/e\\\\n-x\\\\n.md\"$" && ! out_has "^-x$"'
if command -v git >/dev/null 2>&1; then
	cp out nl.diff
	git apply nl.diff >/dev/null 2>&1
	check "git apply reads the quoted name and fixes that file" \
		eval 'grep -q "使用 Go 编写" "$nl"'
else
	ok "git apply reads the quoted name # SKIP no git"
fi
printf '使用Go编写\n' >'a b.md'
tl --diff "${sel[@]}" 'a b.md'
check "--diff ends a name with a space with a tab, as git does" \
	eval 'out_has "^--- a/a b.md	$" && out_has "^+++ b/a b.md	$"'

finish
