#!/usr/bin/env bash
# static.sh: the binary of `make static` (build/static/translint, or
# TL_STATIC_BIN) is fully static and works on a system that has nothing
# but it: run in a chroot holding only the binary and the test documents,
# it gives the same findings, fixes and messages as ./translint, which
# exercises each library linked in (cmark parses, PCRE2 runs a custom
# rule, utf8proc normalises full-width letters, libyaml reads the
# configuration). The chroot needs root, or a user namespace
# (unshare -r); without either, or without the binary, the cases skip.
# shellcheck source=tests/cli/common.bash
root=${TL_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$(dirname "$0")/common.bash"

static=${TL_STATIC_BIN:-$root/build/static/translint}
cases=("static: no program interpreter, no shared library"
	"static: same version as the binary under test"
	"static: in an empty chroot: findings as ./translint"
	"static: in an empty chroot: --fix through stdin"
	"static: in an empty chroot: Chinese messages, two files in parallel"
	"static: in an empty chroot: language server")
skip_all()
{
	local c
	for c in "${cases[@]}"; do
		ok "$c # SKIP $1"
	done
	finish
}

[ -x "$static" ] || skip_all "no static binary (make static)"
command -v readelf >/dev/null 2>&1 || skip_all "readelf not installed"
if [ "$(id -u)" = 0 ] && command -v chroot >/dev/null 2>&1; then
	jail=(chroot)
elif command -v unshare >/dev/null 2>&1 && unshare -r true 2>/dev/null; then
	jail=(unshare -r chroot)
else
	skip_all "no chroot: neither root nor user namespaces"
fi
# Under valgrind, TRANSLINT is a wrapper script: compare with the
# binary it wraps only through its output, which is the same.

check "static: no program interpreter, no shared library" \
	eval '! readelf -lW "$static" | grep -q INTERP &&
		! readelf -dW "$static" 2>/dev/null | grep -q NEEDED'
check "static: same version as the binary under test" \
	eval '[ "$("$static" --version)" = "$("$TRANSLINT" --version)" ]'

# The root of the chroot: the binary and the documents, nothing else (no
# /lib, no /etc, no /proc, no /tmp).
mkdir -p jail/doc
cp "$static" jail/translint
cat >jail/doc/.translint.yml <<'YML'
extends: [recommended]
rules:
  custom:
    - id: no-dotnet-typo
      message: "“.NET” 被误译为“。NET”"
      pattern: '。NET'
      replace: '.NET'
YML
printf '# 标题\n\n使用Go和Ｒｕｓｔ编写，支持。NET平台...\n\n链接 [文档] (https://example.com)\n' >jail/doc/a.md
printf '中文Go\n' >jail/doc/b.md

# Paths are relative to / inside the chroot, to the jail outside.
jailed()
{
	"${jail[@]}" "$work/jail" /translint "$@"
}
(cd jail && "$TRANSLINT" --format gcc doc/a.md >"$work/want" 2>&1)
jailed --format gcc doc/a.md >out 2>err
status=$?
check "static: in an empty chroot: findings as ./translint" \
	eval '[ -s "$work/want" ] && grep -q no-dotnet-typo out &&
		grep -q fullwidth-alphanumeric out && cmp -s out "$work/want"'

(cd jail && "$TRANSLINT" --fix --stdin --stdin-filename doc/a.md <doc/a.md >"$work/want" 2>&1)
jailed --fix --stdin --stdin-filename doc/a.md <jail/doc/a.md >out 2>err
status=$?
check "static: in an empty chroot: --fix through stdin" \
	eval 'grep -q "使用 Go 和 Rust 编写" out && cmp -s out "$work/want"'

(cd jail && "$TRANSLINT" --lang zh -j 2 --format gcc doc >"$work/want" 2>&1)
jailed --lang zh -j 2 --format gcc doc >out 2>err
status=$?
check "static: in an empty chroot: Chinese messages, two files in parallel" \
	eval 'grep -q "^doc/b.md:1:2: warning: 中英文之间缺少空格" out &&
		cmp -s out "$work/want"'

# One request and the exit, framed as LSP messages.
lsp_message()
{
	printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"
}
init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
{
	lsp_message "$init"
	lsp_message '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
	lsp_message '{"jsonrpc":"2.0","method":"exit"}'
} >lsp.in
jailed lsp <lsp.in >out 2>err
status=$?
check "static: in an empty chroot: language server" \
	eval 'status_is 0 && grep -q "\"name\": \"translint\"" out'

finish
