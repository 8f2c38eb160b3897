#!/usr/bin/env bash
# signals.sh: a signal during --fix leaves no temporary behind (issue 12:
# 36 runs in 60 left a .NAME.tl-XXXXXX file). --fix on a 2 MB file is
# started again and again, and each time SIGTERM, SIGINT or SIGHUP is sent
# while its temporary file exists (the script waits until it sees one).
# Every run must leave no temporary, and the file either as it was or
# fully fixed; the runs the signal caught must die of it.
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

if ! command -v python3 >/dev/null 2>&1; then
	ok "signals during --fix # SKIP python3 not installed"
	finish
fi
# Under valgrind every run killed by its signal would report as leaks
# the memory it held when it died, which is no bug: ASan (make asan-test)
# checks this script's runs instead.
if [ -n "${TL_UNDER_VALGRIND:-}" ]; then
	ok "signals during --fix # SKIP under valgrind (a killed run leaks by design)"
	finish
fi
runs=18 paragraphs=20000
python3 - "$paragraphs" <<'PY'
import sys
with open("big.md", "w") as f:
    for i in range(int(sys.argv[1])):
        f.write("第%d段使用Go编写，版本%d发布了\n\n" % (i, i))
PY
cp big.md big.orig
"$TRANSLINT" --fix --select space-cjk-latin big.md >/dev/null 2>&1
cp big.md big.fixed

# Job control: a background job of a script would otherwise start with
# SIGINT ignored, and translint keeps an ignored signal ignored.
set -m
sigs=(TERM INT HUP)
caught=0 left=0 partial=0 wrong_status=0
# (The shell's job reports, "Terminated" and the like, go nowhere.)
for i in $(seq 1 "$runs"); do
	sig=${sigs[$((i % 3))]}
	cp big.orig big.md
	"$TRANSLINT" --fix --select space-cjk-latin big.md >/dev/null 2>&1 &
	pid=$!
	while kill -0 "$pid" 2>/dev/null && ! compgen -G '.big.md.tl-*' >/dev/null; do
		:
	done
	kill "-$sig" "$pid" 2>/dev/null
	wait "$pid"
	st=$?
	if [ "$st" -ge 128 ]; then
		caught=$((caught + 1))
		[ "$st" = $((128 + $(kill -l "$sig"))) ] || wrong_status=$((wrong_status + 1))
	fi
	if compgen -G '.big.md.tl-*' >/dev/null; then
		left=$((left + 1))
		rm -f .big.md.tl-*
	fi
	cmp -s big.md big.orig || cmp -s big.md big.fixed || partial=$((partial + 1))
done 2>/dev/null
set +m
check "$runs signals during --fix: no temporary left ($left runs left one)" \
	eval '[ "$left" = 0 ]'
check "... the file is the original or the fixed text, never a mix" \
	eval '[ "$partial" = 0 ]'
check "... the signal caught a temporary in at least a third of the runs ($caught)" \
	eval '[ "$caught" -ge $((runs / 3)) ]'
check "... a caught run dies of its signal (exit status 128 + N)" \
	eval '[ "$wrong_status" = 0 ]'
finish
