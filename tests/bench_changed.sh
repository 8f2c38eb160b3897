#!/usr/bin/env bash
# bench_changed.sh: --changed-since at pull-request scale (issue 13). It
# builds a git repository of BENCH_FILES generated Markdown articles
# (default 3000, in folders of 100), commits them on main, changes one line
# of one file on a branch, and prints the wall time of linting the whole
# tree with and without --changed-since main (the median of BENCH_REPEAT
# runs, default 3) and the number of git processes each started. A
# measurement, not a test: it never fails on the figures.
#
#   tests/bench_changed.sh                  # ./translint
#   TRANSLINT=/path/to/old/translint tests/bench_changed.sh
set -u

cd "$(dirname "$0")/.." || exit 2
: "${TRANSLINT:=./translint}"
[[ $TRANSLINT == /* ]] || TRANSLINT=$PWD/$TRANSLINT
: "${BENCH_FILES:=3000}"
: "${BENCH_REPEAT:=3}"

work=$(mktemp -d "${TMPDIR:-/tmp}/translint-bench-changed.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
export GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@example.com \
	GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@example.com \
	GIT_CONFIG_NOSYSTEM=1 HOME=$work

# A git that counts its runs, then runs the real one.
mkdir "$work/bin"
printf '#!/bin/sh\necho x >>"%s/git.count"\nexec "%s" "$@"\n' \
	"$work" "$(command -v git)" >"$work/bin/git"
chmod +x "$work/bin/git"

git init -q "$work/repo"
cd "$work/repo" || exit 2
python3 - "$BENCH_FILES" <<'PY'
import os, sys
n = int(sys.argv[1])
para = ("这是第{i}篇文章的第{k}段，介绍如何使用Go编写服务，"
        "并在Linux上部署到Kubernetes集群中。\n\n")
for i in range(n):
    d = "docs/part%02d" % (i // 100)
    os.makedirs(d, exist_ok=True)
    with open("%s/article%04d.md" % (d, i), "w") as f:
        f.write("# 文章%d\n\n" % i)
        for k in range(12):
            f.write(para.format(i=i, k=k))
PY
git add -A && git commit -q -m base && git branch -q -M main
git checkout -q -b feature
sed -i '3s/.*/这一行在分支上改过，使用Go编写。/' docs/part00/article0000.md
git commit -q -am change

# median SECONDS...: the middle value.
median()
{
	printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"
}

# measure LABEL ARGS...: median wall time of translint ARGS in the repo.
measure()
{
	local label=$1 times=() t0 t1 i
	shift
	for i in $(seq 1 "$BENCH_REPEAT"); do
		: >"$work/git.count"
		t0=$(date +%s.%N)
		PATH=$work/bin:$PATH "$TRANSLINT" -f gcc "$@" >/dev/null 2>&1
		t1=$(date +%s.%N)
		times+=("$(echo "$t1 - $t0" | bc)")
	done
	printf '%-28s %8.2f s   %6d git processes\n' "$label" \
		"$(median "${times[@]}")" "$(wc -l <"$work/git.count")"
}

echo "# $BENCH_FILES files, one line changed; $(nproc) processors; $("$TRANSLINT" --version | head -1)"
measure "whole tree" .
measure "--changed-since main" --changed-since main .
