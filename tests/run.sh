#!/usr/bin/env bash
# run.sh: runs translint's whole test suite and sums it up.
#
# Every test program prints one line per case, "ok - NAME" or
# "not ok - NAME: reason" (lines starting with "#" are comments). This
# script runs, from the repository root:
#
#   - each unit test program, one per tests/unit/test_*.c, built into
#     $UNIT_DIR (default build/tests);
#   - tests/fixtures.sh, the Markdown fixtures;
#   - every tests/cli/*.sh;
#
# passes their output through, counts the ok and not ok lines, and ends
# with "N passed, N failed" and exit status 1 when anything failed. A
# program that crashes or times out, or exits non-zero without a "not ok"
# line, counts as one more failure named after the program.
#
# Environment:
#   TRANSLINT        the translint command under test (default ./translint);
#                    it may carry a runner ("valgrind -q ./translint"). The
#                    tests get an absolute path to one executable in
#                    $TRANSLINT, so they may quote it and change folder.
#   UNIT_DIR         where the unit test programs are (default build/tests)
#   UNIT_RUNNER      a command to run each unit test program under
#   TL_TEST_TIMEOUT  seconds each program may take (default 600)
#   TL_TEST_LOG_DIR  a folder where sanitizers or valgrind write their
#                    reports; a report appearing there during a program
#                    fails that program, even if the program itself only
#                    looked at translint's output
#   TL_UNDER_VALGRIND  set (make valgrind-test) when translint and the
#                    unit tests run under valgrind: tests whose inputs take
#                    long even natively cut them, and say so in the case
#                    name (never a silent skip)
#   TL_NO_JIT        read by translint itself: set, it does not JIT-compile
#                    PCRE2 patterns (make valgrind-test sets it)
#
# Usage: tests/run.sh [NAME...]   run only the programs whose name (as
# printed in "# NAME") contains one of the given words.
set -u

cd "$(dirname "$0")/.." || exit 2
root=$PWD

: "${TRANSLINT:=./translint}"
: "${UNIT_DIR:=build/tests}"
: "${UNIT_RUNNER:=}"
: "${TL_TEST_TIMEOUT:=600}"
: "${TL_TEST_LOG_DIR:=}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/translint-run.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0

# One failure the suite itself found (not a line from a test program).
fail()
{
	echo "not ok - $1"
	failed=$((failed + 1))
}

# The same language, colours and locale for everyone: translint picks its
# message language from LC_ALL, LC_MESSAGES and LANG, so only LANG is set
# and a test can still ask for Chinese with LANG=zh_CN.UTF-8.
unset LC_ALL LC_MESSAGES LANGUAGE NO_COLOR
export LANG=C

# TRANSLINT as one absolute executable: words naming a file (./translint,
# build/asan/translint) become absolute, and a command of several words
# becomes a small wrapper script.
read -r -a words <<<"$TRANSLINT"
for i in "${!words[@]}"; do
	w=${words[$i]}
	if [[ $w == */* && $w != /* && -e $w ]]; then
		words[i]=$root/$w
	fi
done
if [ "${#words[@]}" -eq 1 ]; then
	TRANSLINT=${words[0]}
else
	printf '#!/bin/sh\nexec' >"$tmp/translint"
	printf ' %q' "${words[@]}" >>"$tmp/translint"
	printf ' "$@"\n' >>"$tmp/translint"
	chmod +x "$tmp/translint"
	TRANSLINT=$tmp/translint
fi
last=${words[${#words[@]} - 1]}
if ! [ -x "$last" ] && ! command -v "$last" >/dev/null 2>&1; then
	fail "translint: $last is not an executable (run make first)"
	echo "$passed passed, $failed failed"
	exit 1
fi
export TRANSLINT TL_ROOT=$root

# The reports left in TL_TEST_LOG_DIR, shown as comments. Valgrind's -q
# log files exist for every process but are empty unless it found
# something.
take_reports()
{
	local f found=1
	[ -n "$TL_TEST_LOG_DIR" ] && [ -d "$TL_TEST_LOG_DIR" ] || return 1
	for f in "$TL_TEST_LOG_DIR"/*; do
		[ -f "$f" ] || continue
		if [ -s "$f" ]; then
			echo "# ${f##*/}:"
			head -n 60 "$f" | sed 's/^/#   /'
			found=0
		fi
		rm -f "$f"
	done
	return $found
}

selected()
{
	local w
	[ "$#" -gt 1 ] || return 0
	for w in "${@:2}"; do
		[[ $1 == *"$w"* ]] && return 0
	done
	return 1
}

# run NAME COMMAND...: runs one test program and counts its lines.
run()
{
	local name=$1 status nok nfail
	shift
	echo "# $name"
	take_reports >/dev/null
	timeout -k 10 "$TL_TEST_TIMEOUT" "$@" </dev/null | tee "$tmp/out"
	status=${PIPESTATUS[0]}
	nok=$(grep -c '^ok - ' "$tmp/out")
	nfail=$(grep -c '^not ok - ' "$tmp/out")
	passed=$((passed + nok))
	failed=$((failed + nfail))
	# A program that was cut short fails even after "not ok" lines: the
	# cases it did not reach would go unreported.
	if [ "$status" -eq 124 ]; then
		fail "$name: timed out after ${TL_TEST_TIMEOUT}s"
	elif [ "$status" -gt 128 ]; then
		fail "$name: killed by signal $((status - 128))"
	elif [ "$status" -ne 0 ] && [ "$nfail" -eq 0 ]; then
		fail "$name: exited with status $status"
	fi
	if take_reports >"$tmp/reports"; then
		fail "$name: sanitizer or valgrind report"
		cat "$tmp/reports"
	fi
}

shopt -s nullglob

# Unit tests: one program per source, so a test that failed to build is
# noticed rather than silently skipped (and a stale binary whose source
# is gone does not run).
for src in tests/unit/test_*.c; do
	base=${src##*/}
	base=${base%.c}
	selected "unit/$base" "$@" || continue
	if [ -x "$UNIT_DIR/$base" ]; then
		# shellcheck disable=SC2086 # UNIT_RUNNER is a command line
		run "unit/$base" $UNIT_RUNNER "$UNIT_DIR/$base"
	else
		echo "# unit/$base"
		fail "unit/$base: $UNIT_DIR/$base is not built"
	fi
done

if [ -f tests/fixtures.sh ] && selected fixtures "$@"; then
	run fixtures bash tests/fixtures.sh
fi

for t in tests/cli/*.sh; do
	name=cli/${t##*/}
	name=${name%.sh}
	selected "$name" "$@" || continue
	run "$name" bash "$t"
done

if [ $((passed + failed)) -eq 0 ]; then
	fail "suite: no test ran"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
