#!/bin/bash
# corpus_check.sh: make corpus-check. Fixes a copy of every .md file of
# the shared corpus with the recommended preset, once with the safe fixes
# and once (into another copy) with --unsafe-fixes, fixes each result a
# second time, and runs build/tests/corpus_check on each pass: what the
# prose rules must never touch (code, HTML, link destinations, front
# matter, line endings, BOM) must be byte-identical, no Latin mark may be
# newly glued to a letter or digit, the fixed files may have no finding
# the originals did not have (each copy is linted for that), and the
# second fix must change nothing. See docs/testing.md.
#
# Environment: TRANSLINT (default ./translint), CORPUS_CHECK (default
# build/tests/corpus_check), CORPUS (default ../shared/corpus);
# CORPUS_CHECK_KEEP=1 keeps the copies (before/, safe/, safe-again/,
# unsafe/, unsafe-again/) and prints where they are.
# Exit status: 0 all passed or no corpus, 1 a check failed, 2 could not run.

set -u
translint=$(realpath "${TRANSLINT:-./translint}") || exit 2
checker=$(realpath "${CORPUS_CHECK:-build/tests/corpus_check}") || exit 2
corpus=${CORPUS:-../shared/corpus}

if [ ! -d "$corpus" ]; then
	echo "corpus-check: skipped ($corpus is absent)"
	exit 0
fi

# translint --fix syncs every file it writes: on a disk that doubles the
# time, so the copies (about 140 MB) go to /dev/shm when it is there,
# unless TMPDIR says otherwise.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
	export TMPDIR=/dev/shm
fi
tmp=$(mktemp -d) || exit 2
if [ -n "${CORPUS_CHECK_KEEP:-}" ]; then
	echo "corpus-check: keeping the copies in $tmp"
else
	trap 'rm -rf "$tmp"' EXIT
fi
start=$SECONDS

# Both passes and both rounds use one copy of the binary, so a rebuild of
# ./translint while the check runs cannot pass for a fix that is not
# idempotent.
cp "$translint" "$tmp/translint" || exit 2
translint=$tmp/translint

# The corpus is read-only: copy the .md files only (so no configuration
# file comes along), then make the copy writable for --fix.
mkdir "$tmp/before"
(cd "$corpus" && find . -name '*.md' -type f -print0 |
	tar --null -T - -cf -) | tar -xf - -C "$tmp/before" || exit 2
chmod -R u+w "$tmp/before"
n=$(find "$tmp/before" -name '*.md' -type f | wc -l)
echo "corpus-check: $n files from $corpus"

# translint looks for .translint.yml from each file upwards: none must
# be found above the temporary folder, or the preset would not be the
# recommended one alone.
d=$tmp
while [ "$d" != / ]; do
	d=$(dirname "$d")
	if [ -e "$d/.translint.yml" ]; then
		echo "corpus-check: $d/.translint.yml would apply; set TMPDIR elsewhere" >&2
		exit 2
	fi
done

status=0
# fix DIR OPTIONS...: exit 0 and 1 are fine (1: problems left).
fix() {
	local dir=$1
	shift
	"$translint" --preset recommended --fix "$@" "$dir" > /dev/null
	local s=$?
	if [ $s -gt 1 ]; then
		echo "corpus-check: translint --fix $* exited with status $s" >&2
		exit 2
	fi
}

# lint DIR OUT: the gcc-format findings of DIR, for the findings check.
lint() {
	"$translint" --preset recommended --format gcc --no-color "$1" > "$2"
	local s=$?
	if [ $s -gt 1 ]; then
		echo "corpus-check: translint on $1 exited with status $s" >&2
		exit 2
	fi
}

lint "$tmp/before" "$tmp/before.findings"

for pass in safe unsafe; do
	opts=()
	[ $pass = unsafe ] && opts=(--unsafe-fixes)
	t0=$SECONDS
	cp -R "$tmp/before" "$tmp/$pass"
	fix "$tmp/$pass" "${opts[@]}"
	cp -R "$tmp/$pass" "$tmp/$pass-again"
	fix "$tmp/$pass-again" "${opts[@]}"
	lint "$tmp/$pass" "$tmp/$pass.findings"
	"$checker" "$pass" "$tmp/before" "$tmp/$pass" "$tmp/$pass-again" \
		"$tmp/before.findings" "$tmp/$pass.findings"
	s=$?
	[ $s -gt $status ] && status=$s
	echo "corpus-check: $pass pass took $((SECONDS - t0)) s"
done

echo "corpus-check: $((SECONDS - start)) s in all," \
	"$([ $status = 0 ] && echo passed || echo FAILED)"
exit $status
