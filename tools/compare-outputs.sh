#!/usr/bin/env bash
# compare-outputs.sh: do two translint binaries say the same things about
# the same corpus? The identity check for changes meant to keep behaviour
# (refactoring, speed work): findings in every output format with two
# presets, and the --diff of the safe and of the unsafe fixes.
#
#   tools/compare-outputs.sh OLD_BINARY NEW_BINARY [CORPUS]
#
# CORPUS defaults to ../shared/corpus. Each output is written to a
# temporary folder as OLD/NAME and NEW/NAME and compared with cmp; the
# script prints one line per output (same / DIFFERS) and exits 1 when any
# differs, keeping the folder so that the outputs can be diffed. To get an
# OLD binary of the commit a branch started from:
#
#   git worktree add /tmp/base $(git merge-base HEAD main) &&
#   make -C /tmp/base -j2 && tools/compare-outputs.sh /tmp/base/translint ./translint
set -u

if [ $# -lt 2 ]; then
	echo "usage: $0 OLD_BINARY NEW_BINARY [CORPUS]" >&2
	exit 2
fi
old=$(realpath "$1") || exit 2
new=$(realpath "$2") || exit 2
corpus=${3:-$(dirname "$0")/../../shared/corpus}
[ -d "$corpus" ] || { echo "compare-outputs: no corpus at $corpus" >&2; exit 2; }
corpus=$(realpath "$corpus")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tl-compare.XXXXXX") || exit 2
mkdir -p "$tmp/old" "$tmp/new"
export LANG=C
unset LC_ALL LC_MESSAGES
export NO_COLOR=1

# NAME ARGS...: runs both binaries on the corpus with ARGS, from the
# corpus folder so that paths are relative and equal.
run()
{
	local name=$1
	shift
	(cd "$corpus" && "$old" "$@" . >"$tmp/old/$name" 2>&1; echo "exit $?" >>"$tmp/old/$name")
	(cd "$corpus" && "$new" "$@" . >"$tmp/new/$name" 2>&1; echo "exit $?" >>"$tmp/new/$name")
}

for preset in recommended translation lctt; do
	for fmt in text gcc json sarif rdjson github; do
		run "$preset.$fmt" --preset "$preset" --format "$fmt" -j 2
	done
	run "$preset.diff-safe" --preset "$preset" --diff -j 2
	run "$preset.diff-unsafe" --preset "$preset" --diff --unsafe-fixes -j 2
	run "$preset.zh.gcc" --preset "$preset" --format gcc --lang zh -j 2
done

status=0
for f in "$tmp"/old/*; do
	name=$(basename "$f")
	if cmp -s "$f" "$tmp/new/$name"; then
		printf 'same     %s (%s bytes)\n' "$name" "$(wc -c <"$f")"
	else
		printf 'DIFFERS  %s\n' "$name"
		status=1
	fi
done
if [ $status -eq 0 ]; then
	rm -rf "$tmp"
	echo "compare-outputs: identical"
else
	echo "compare-outputs: outputs differ; kept in $tmp (diff -r $tmp/old $tmp/new)"
fi
exit $status
