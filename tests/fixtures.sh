#!/usr/bin/env bash
# fixtures.sh: runs the Markdown fixtures, the readable heart of the suite.
#
# Layout (docs/testing.md says more):
#
#   tests/fixtures/RULE/CASE.md         the input
#   tests/fixtures/RULE/CASE.expected   the findings, exactly as
#                                       "translint --select RULE --format gcc
#                                       --no-color CASE.md" prints them from
#                                       inside RULE/ (empty: no findings)
#   tests/fixtures/RULE/CASE.fixed.md   optional: the input after the safe
#                                       fixes; without it, fixing must change
#                                       nothing
#   tests/fixtures/RULE/CASE.yml        optional: a configuration for this
#                                       case (passed as -c CASE.yml), for
#                                       rule options
#   tests/fixtures/RULE/CASE.rules      optional: the rules to run together
#                                       (names separated by white space;
#                                       RULE must be one), for cases where
#                                       rules meet; "recommended" runs the
#                                       whole preset
#   tests/fixtures/RULE/CASE.unsafe.md  optional: the input after the safe
#                                       and unsafe fixes (--unsafe-fixes)
#   tests/fixtures/RULE/CASE.orig.md    optional: the English original that
#                                       CASE.md translates, passed as
#                                       --source CASE.orig.md to every run of
#                                       the case (the source rules, DESIGN.md
#                                       section 8.3)
#
# Each case prints four lines, "ok - RULE/CASE: CHECK" or "not ok - ...:
# reason" followed by a short diff as "#" comments:
#
#   findings    the findings equal CASE.expected;
#   fix         --fix on standard input gives CASE.fixed.md (or the input);
#   fixed       linting the fixed text finds nothing fixable left;
#   idempotent  fixing the fixed text again changes nothing;
# and, with CASE.unsafe.md, a fifth:
#   unsafe      --fix --unsafe-fixes gives CASE.unsafe.md, and fixing that
#               again changes nothing.
#
# A case is one thing tested, named for it (heading.md, table-cell.md,
# closed-by-backtick.md), as markdownlint's and ruff's fixtures are: adding
# a case adds files and renumbers nothing. Run whole (no RULE given), the
# script also checks that every rule --list-rules prints has cases of
# each kind:
#
#   flagged      a case with findings (a non-empty CASE.expected);
#   not flagged  a case without (an empty CASE.expected);
#   fixed        a case with CASE.fixed.md or CASE.unsafe.md, unless the
#                rule's metadata says it has no fix ("-" in the fix
#                column of --list-rules): those are exempt.
#
# Usage:
#   tests/fixtures.sh [RULE | RULE/CASE]...         run all or some cases
#   tests/fixtures.sh --update [RULE | RULE/CASE]... rewrite CASE.expected from
#                                                   what translint prints now
#
# TRANSLINT names the binary (default: ./translint of this repository).
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
: "${TRANSLINT:=$root/translint}"
if [[ $TRANSLINT == */* && $TRANSLINT != /* ]]; then
	TRANSLINT=$PWD/$TRANSLINT
fi

update=0
if [ "${1:-}" = --update ]; then
	update=1
	shift
fi

# English messages whatever the user's locale: .expected files are English.
unset LC_ALL LC_MESSAGES LANGUAGE NO_COLOR
export LANG=C

tmp=$(mktemp -d "${TMPDIR:-/tmp}/translint-fixtures.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

status=0

# tl OUT ARGS...: runs translint with ARGS in the current folder, standard
# output to OUT and standard error to $tmp/err. Succeeds when translint did
# its job (status 0 or 1: findings are not an error); otherwise sets WHY.
why=
tl()
{
	local out=$1 st
	shift
	"$TRANSLINT" "$@" >"$out" 2>"$tmp/err"
	st=$?
	[ "$st" -le 1 ] && return 0
	if [ "$st" -gt 128 ]; then
		why="translint was killed by signal $((st - 128))"
	else
		why="translint exited with status $st"
	fi
	return 1
}

ok()
{
	echo "ok - $1"
}

# not_ok NAME REASON: one failed check; comments may follow.
not_ok()
{
	echo "not ok - $1: $2"
	status=1
}

# A short unified diff of two files, as comments.
show_diff()
{
	diff -u --label "$3" --label "$4" "$1" "$2" | head -n 40 | sed 's/^/# /'
}

show_stderr()
{
	head -n 20 "$tmp/err" | sed 's/^/# /'
}

# selected RULE CASE: whether the command line asks for this case.
selected()
{
	local w
	[ "${#filters[@]}" -eq 0 ] && return 0
	for w in "${filters[@]}"; do
		[ "$w" = "$1" ] || [ "$w" = "$1/$2" ] && return 0
	done
	return 1
}

# check_case RULE CASE, run inside tests/fixtures/RULE.
check_case()
{
	local rule=$1 case=$2 name="$1/$2" want r
	local -a args=(--select "$rule")
	if [ -f "$case.rules" ]; then
		args=()
		# shellcheck disable=SC2013 # names, one word each
		for r in $(cat "$case.rules"); do
			if [ "$r" = recommended ]; then
				args+=(--preset recommended)
			else
				args+=(--select "$r")
			fi
		done
	fi
	[ -f "$case.yml" ] && args+=(-c "$case.yml")
	[ -f "$case.orig.md" ] && args+=(--source "$case.orig.md")

	# (a) The findings.
	if [ "$update" -eq 1 ]; then
		if ! tl "$tmp/found" "${args[@]}" --format gcc --no-color "$case.md"; then
			echo "$name: $why" >&2
			show_stderr >&2
			status=1
		elif ! cmp -s "$tmp/found" "$case.expected"; then
			cp "$tmp/found" "$case.expected"
			echo "updated tests/fixtures/$name.expected"
		fi
		return
	fi
	if ! [ -f "$case.expected" ]; then
		not_ok "$name: findings" "no $case.expected (tests/fixtures.sh --update $name writes it)"
	elif ! tl "$tmp/found" "${args[@]}" --format gcc --no-color "$case.md"; then
		not_ok "$name: findings" "$why"
		show_stderr
	elif cmp -s "$case.expected" "$tmp/found"; then
		ok "$name: findings"
	else
		not_ok "$name: findings" "differ from $case.expected"
		show_diff "$case.expected" "$tmp/found" "$case.expected" found
	fi

	# (b) The safe fix.
	want=$case.md
	[ -f "$case.fixed.md" ] && want=$case.fixed.md
	args+=(--stdin --stdin-filename "$case.md")
	if ! tl "$tmp/fixed" "${args[@]}" --fix <"$case.md"; then
		not_ok "$name: fix" "$why"
		show_stderr
		not_ok "$name: fixed" "no fixed text to check"
		not_ok "$name: idempotent" "no fixed text to check"
		return
	fi
	if cmp -s "$want" "$tmp/fixed"; then
		ok "$name: fix"
	else
		not_ok "$name: fix" "differs from $want"
		show_diff "$want" "$tmp/fixed" "$want" fixed
	fi

	# (c) Nothing fixable left in what the fix produced.
	if ! tl "$tmp/json" "${args[@]}" --format json <"$tmp/fixed"; then
		not_ok "$name: fixed" "$why"
		show_stderr
	elif grep -Eq '"fixable": *0([^0-9]|$)' "$tmp/json"; then
		ok "$name: fixed"
	else
		not_ok "$name: fixed" "the fixed text still has fixable findings"
		tl "$tmp/left" "${args[@]}" --format gcc --no-color <"$tmp/fixed" &&
			head -n 20 "$tmp/left" | sed 's/^/# /'
	fi

	# (d) Fixing is idempotent.
	if ! tl "$tmp/fixed2" "${args[@]}" --fix <"$tmp/fixed"; then
		not_ok "$name: idempotent" "$why"
		show_stderr
	elif cmp -s "$tmp/fixed" "$tmp/fixed2"; then
		ok "$name: idempotent"
	else
		not_ok "$name: idempotent" "fixing the fixed text changed it again"
		show_diff "$tmp/fixed" "$tmp/fixed2" fixed "fixed twice"
	fi

	# (e) The unsafe fixes too, when the case says what they give.
	[ -f "$case.unsafe.md" ] || return
	if ! tl "$tmp/unsafe" "${args[@]}" --fix --unsafe-fixes <"$case.md" ||
		! tl "$tmp/unsafe2" "${args[@]}" --fix --unsafe-fixes <"$tmp/unsafe"; then
		not_ok "$name: unsafe" "$why"
		show_stderr
	elif ! cmp -s "$case.unsafe.md" "$tmp/unsafe"; then
		not_ok "$name: unsafe" "differs from $case.unsafe.md"
		show_diff "$case.unsafe.md" "$tmp/unsafe" "$case.unsafe.md" unsafe
	elif ! cmp -s "$tmp/unsafe" "$tmp/unsafe2"; then
		not_ok "$name: unsafe" "fixing the unsafely fixed text changed it again"
		show_diff "$tmp/unsafe" "$tmp/unsafe2" unsafe "unsafe twice"
	else
		ok "$name: unsafe"
	fi
}

# check_batch RULE CASE...: the same four checks as check_case for cases
# that share their arguments (no CASE.yml, CASE.orig.md or CASE.unsafe.md,
# the same CASE.rules), run inside tests/fixtures/RULE with four translint
# processes for the whole group instead of four for each case: findings of
# every case at once (split by the "CASE.md:" that starts each gcc line),
# --fix on copies of the files in a temporary folder, the fixed copies
# linted for anything fixable, and fixed again. It is how the fixtures run
# under valgrind (TL_UNDER_VALGRIND), where each process pays about a second
# of start-up: one process per check and case took over four hours on two
# shared cores. The standard-input path of --fix still runs under valgrind
# for the cases checked one by one.
check_batch()
{
	local rule=$1 c r d
	shift
	local -a cases=("$@") files=() args=(--select "$rule")
	if [ -f "$1.rules" ]; then
		args=()
		# shellcheck disable=SC2013 # names, one word each
		for r in $(cat "$1.rules"); do
			if [ "$r" = recommended ]; then
				args+=(--preset recommended)
			else
				args+=(--select "$r")
			fi
		done
	fi
	for c in "${cases[@]}"; do files+=("$c.md"); done
	d=$tmp/batch
	rm -rf "$d" && mkdir -p "$d/fixed" "$d/fixed2" || exit 2

	# (a) The findings, split by file name.
	local found_ok=1 fix_ok=1 fixed_ok=1 idem_ok=1 fixable=0
	if ! tl "$d/found" -j 1 "${args[@]}" --format gcc --no-color "${files[@]}"; then
		found_ok=0
		for c in "${cases[@]}"; do not_ok "$rule/$c: findings" "$why"; done
		show_stderr
	fi
	# (b) The safe fix, on copies (the folder has no .translint.yml, as the
	# fixtures' folders have none).
	cp "${files[@]}" "$d/fixed/" || exit 2
	if ! (cd "$d/fixed" && tl "$d/out" -j 1 "${args[@]}" --fix "${files[@]}"); then
		fix_ok=0
		show_stderr
	fi
	# (c) Nothing fixable left; (d) fixing again changes nothing.
	cp "$d"/fixed/*.md "$d/fixed2/" || exit 2
	if ! (cd "$d/fixed" && tl "$d/json" -j 1 "${args[@]}" --format json "${files[@]}"); then
		fixed_ok=0
		show_stderr
	elif ! grep -Eq '"fixable": *0([^0-9]|$)' "$d/json"; then
		fixable=1
	fi
	if ! (cd "$d/fixed2" && tl "$d/out" -j 1 "${args[@]}" --fix "${files[@]}"); then
		idem_ok=0
		show_stderr
	fi

	for c in "${cases[@]}"; do
		local name="$rule/$c" want=$c.md
		[ -f "$c.fixed.md" ] && want=$c.fixed.md
		if [ "$found_ok" -eq 1 ]; then
			awk -v p="$c.md:" 'index($0, p) == 1' "$d/found" >"$d/mine"
			if ! [ -f "$c.expected" ]; then
				not_ok "$name: findings" "no $c.expected (tests/fixtures.sh --update $name writes it)"
			elif cmp -s "$c.expected" "$d/mine"; then
				ok "$name: findings"
			else
				not_ok "$name: findings" "differ from $c.expected"
				show_diff "$c.expected" "$d/mine" "$c.expected" found
			fi
		fi
		if [ "$fix_ok" -eq 0 ]; then
			not_ok "$name: fix" "$why"
		elif cmp -s "$want" "$d/fixed/$c.md"; then
			ok "$name: fix"
		else
			not_ok "$name: fix" "differs from $want"
			show_diff "$want" "$d/fixed/$c.md" "$want" fixed
		fi
		# Which file is still fixable is asked only when some is.
		if [ "$fixed_ok" -eq 0 ]; then
			not_ok "$name: fixed" "$why"
		elif [ "$fixable" -eq 0 ]; then
			ok "$name: fixed"
		elif (cd "$d/fixed" && tl "$d/json1" "${args[@]}" --format json "$c.md") &&
			grep -Eq '"fixable": *0([^0-9]|$)' "$d/json1"; then
			ok "$name: fixed"
		else
			not_ok "$name: fixed" "the fixed text still has fixable findings"
		fi
		if [ "$idem_ok" -eq 0 ]; then
			not_ok "$name: idempotent" "$why"
		elif cmp -s "$d/fixed/$c.md" "$d/fixed2/$c.md"; then
			ok "$name: idempotent"
		else
			not_ok "$name: idempotent" "fixing the fixed text changed it again"
			show_diff "$d/fixed/$c.md" "$d/fixed2/$c.md" fixed "fixed twice"
		fi
	done
}

if ! command -v "$TRANSLINT" >/dev/null 2>&1; then
	echo "not ok - fixtures: $TRANSLINT is not an executable (run make first)"
	exit 1
fi

filters=("$@")
shopt -s nullglob
for dir in "$root"/tests/fixtures/*/; do
	rule=${dir%/}
	rule=${rule##*/}
	cd "$dir" || exit 2
	# Under valgrind, cases that share their arguments run as groups
	# (check_batch), keyed by their CASE.rules ("-" for none).
	declare -A groups=()
	for input in *.md; do
		case $input in *.fixed.md | *.unsafe.md | *.orig.md) continue ;; esac
		c=${input%.md}
		selected "$rule" "$c" || continue
		if [ -n "${TL_UNDER_VALGRIND:-}" ] && [ "$update" -eq 0 ] &&
			! [ -f "$c.yml" ] && ! [ -f "$c.orig.md" ] && ! [ -f "$c.unsafe.md" ]; then
			key=-
			[ -f "$c.rules" ] && key=$(tr -s ' \n\t' ' ' <"$c.rules")
			groups[$key]+="$c "
			continue
		fi
		check_case "$rule" "$c"
	done
	for key in "${!groups[@]}"; do
		# shellcheck disable=SC2086 # case names are single words
		check_batch "$rule" ${groups[$key]}
	done
	unset groups
done

# Every rule has cases of each kind (see the top of this file).
if [ "${#filters[@]}" -eq 0 ] && [ "$update" -eq 0 ]; then
	if ! "$TRANSLINT" --list-rules >"$tmp/rules" 2>"$tmp/err"; then
		not_ok "fixtures: kinds" "translint --list-rules failed"
	fi
	while read -r rule _ fix _; do
		dir=$root/tests/fixtures/$rule
		flagged=0 clean=0 fixed=0
		for e in "$dir"/*.expected; do
			[ -e "$e" ] || continue
			if [ -s "$e" ]; then flagged=1; else clean=1; fi
			[ -f "${e%.expected}.fixed.md" ] ||
				[ -f "${e%.expected}.unsafe.md" ] && fixed=1
		done
		if [ "$flagged" -eq 1 ]; then
			ok "$rule: has a flagged case"
		else
			not_ok "$rule: has a flagged case" "no case in tests/fixtures/$rule/ has findings"
		fi
		if [ "$clean" -eq 1 ]; then
			ok "$rule: has a not-flagged case"
		else
			not_ok "$rule: has a not-flagged case" "no case in tests/fixtures/$rule/ has an empty .expected"
		fi
		if [ "$fix" = - ]; then
			ok "$rule: has a fixed case # skip the rule has no fix"
		elif [ "$fixed" -eq 1 ]; then
			ok "$rule: has a fixed case"
		else
			not_ok "$rule: has a fixed case" "the rule fixes ($fix) but no case has a .fixed.md or .unsafe.md"
		fi
	done <"$tmp/rules"
fi
exit $status
