#!/usr/bin/env bash
# fuzz_regressions.sh: replays every input the fuzzer once broke
# (tests/fuzz/regressions/*) through the command line, so that they stay
# fixed without clang or libFuzzer. A file is a raw fuzz input, read as
# tests/fuzz/fuzz_lint.c reads it: the first byte chooses the
# configuration (bit 0 preset translation instead of recommended, bit 1
# Chinese messages, bit 2 fix, bit 3 unsafe fixes too; the rule turned off
# by bits 4-7 is not replayed), the rest is the document. Each must lint
# with status 0 or 1 in time, and when fixed, fixing again changes nothing.
dir=$(cd "$(dirname "$0")/../fuzz" && pwd)/regressions
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

limit=20
if [ "${TL_TEST_TIMEOUT:-600}" -gt 600 ]; then
	limit=600
fi

shopt -s nullglob
inputs=("$dir"/*)
if [ ${#inputs[@]} -eq 0 ]; then
	ok "fuzz regressions # SKIP none recorded yet"
	finish
fi

for f in "${inputs[@]}"; do
	name=fuzz/regressions/${f##*/}
	mode=$(head -c 1 "$f" | od -An -tu1 | tr -d ' ')
	mode=${mode:-0}
	tail -c +2 "$f" >doc.md
	args=(--no-color --format gcc)
	((mode & 1)) && args+=(--preset translation)
	((mode & 2)) && args+=(--lang zh)
	timeout "$limit" "$TRANSLINT" "${args[@]}" doc.md >out 2>err
	status=$?
	if [ "$status" -gt 1 ]; then
		not_ok "$name: lints" "$(why)"
		continue
	fi
	ok "$name: lints"
	((mode & 4)) || continue
	((mode & 8)) && args+=(--unsafe-fixes)
	timeout "$limit" "$TRANSLINT" "${args[@]}" --fix doc.md >out 2>err
	s1=$?
	cp doc.md once.md
	timeout "$limit" "$TRANSLINT" "${args[@]}" --fix doc.md >out 2>err
	status=$?
	if [ "$s1" -gt 1 ] || [ "$status" -gt 1 ]; then
		not_ok "$name: --fix is idempotent" "first status $s1; $(why)"
	elif ! cmp -s once.md doc.md; then
		not_ok "$name: --fix is idempotent" "the second --fix changed it"
	else
		ok "$name: --fix is idempotent"
	fi
done

finish
