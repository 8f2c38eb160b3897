#!/usr/bin/env bash
# bench.sh: the side-by-side benchmark of issue 7 (make bench). It prints
# figures and never fails on them: it is a measurement, not a test.
#
# On the same files it runs translint (--preset recommended, and
# --preset translation when that preset exists, one job), cmark -t xml on
# the same bytes (the parse floor) and AutoCorrect (--lint --threads 1)
# when it is installed, and prints CPU seconds (user + sys) and peak RSS
# for each (the median of BENCH_REPEAT rounds), with ratios to cmark.
# Then: one ~15 KB article end to end
# (median wall time of many runs), growth on the corpus concatenated into
# one file of 2 MB, 20 MB and 200 MB, and -j 2 against -j 1 in wall time.
#
# Environment:
#   TRANSLINT    the binary (default ./translint)
#   BENCH_CORPUS a folder of .md files (default ../shared/corpus/lctt, else
#                ../shared/corpus, else a generated corpus)
#   AUTOCORRECT  the autocorrect command (default: node_modules/.bin/
#                autocorrect here or in $AUTOCORRECT_DIR, when present;
#                install with: npm install --prefix DIR autocorrect-node)
#   BENCH_RUNS   runs of the 15 KB article (default 200)
#   BENCH_REPEAT rounds of the whole-corpus comparison (default 5)
#   BENCH_GROWTH_REPEAT runs of each growth size, median (default 3)
#   BENCH_GROWTH multiples of 2 MB for the growth test (default "1 10 100")
#   BENCH_INSTRUCTIONS=1 also counts the instructions of linting
#                lctt-pairs alone and with the originals (valgrind's
#                callgrind, about two minutes), the figure that does not
#                move with the machine's load
set -u

cd "$(dirname "$0")/.." || exit 2
root=$PWD
: "${TRANSLINT:=./translint}"
[[ $TRANSLINT == /* ]] || TRANSLINT=$root/$TRANSLINT
: "${BENCH_RUNS:=200}"
: "${BENCH_REPEAT:=5}"
: "${BENCH_GROWTH_REPEAT:=3}"
: "${BENCH_GROWTH:=1 10 100}"

for tool in python3 /usr/bin/time; do
	command -v "$tool" >/dev/null ||
		{ echo "bench: needs $tool (apt-get install python3 time)" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/translint-bench.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
export LANG=C
unset LC_ALL LC_MESSAGES

corpus=${BENCH_CORPUS:-}
if [ -z "$corpus" ]; then
	for c in ../shared/corpus/lctt ../shared/corpus; do
		[ -d "$c" ] && { corpus=$(cd "$c" && pwd); break; }
	done
fi
if [ -z "$corpus" ]; then
	corpus=$tmp/corpus
	mkdir -p "$corpus"
	echo "# no shared corpus: generating 300 articles in $corpus"
	python3 - "$corpus" <<'EOF'
import random, sys
random.seed(42)
out = sys.argv[1]
zh = "我们使用的系统程序内核数据文件服务网络安全开发工具配置命令运行版本支持".strip()
en = ["Linux", "Go", "Kubernetes", "Docker", "API", "GitHub", "Python", "HTTP"]
def sentence():
    s = []
    for _ in range(random.randint(4, 12)):
        r = random.random()
        if r < 0.15: s.append(" " + random.choice(en) + " ")
        elif r < 0.2: s.append(" `%s` " % random.choice(en).lower())
        elif r < 0.25: s.append(str(random.randint(1, 2000)))
        else: s.append("".join(random.choice(zh) for _ in range(random.randint(2, 6))))
        s.append(random.choice(["", "", "，", "、"]))
    return "".join(s).strip() + "。"
for i in range(300):
    parts = ["# 文章%d：%s\n" % (i, sentence())]
    for j in range(random.randint(8, 30)):
        r = random.random()
        if r < 0.1: parts.append("## 第%d节\n" % j)
        elif r < 0.2: parts.append("```sh\n$ ls -la /tmp\n$ echo hello\n```\n")
        elif r < 0.3: parts.append("- " + sentence() + "\n- " + sentence() + "\n")
        elif r < 0.35: parts.append("> " + sentence() + "\n")
        else: parts.append(" ".join(sentence() for _ in range(random.randint(2, 6)))
                           + " 参见 [文档](https://example.com/%d)。\n" % j)
    with open("%s/article%03d.md" % (out, i), "w") as f:
        f.write("\n".join(parts))
EOF
fi

find "$corpus" -type f -name '*.md' | LC_ALL=C sort >"$tmp/files"
nfiles=$(wc -l <"$tmp/files")
bytes=$(tr '\n' '\0' <"$tmp/files" | xargs -0 cat | wc -c)

echo "# machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) RAM"
echo "# translint: $TRANSLINT ($("$TRANSLINT" --version 2>/dev/null | head -1))"
echo "# corpus: $corpus ($nfiles files, $bytes bytes)"
echo

# measure LABEL CMD...: one run; prints and records "cpu rss wall" in
# $tmp/m.LABEL. CPU (user + sys) comes from wait4 to the microsecond (GNU
# time prints 10 ms steps, too coarse for the 2 MB step of the growth
# test), peak RSS from GNU time, which starts the command from a small
# process (a child forked from Python would report Python's memory).
measure()
{
	local label=$1
	shift
	python3 - "$tmp/m.$label" "$tmp/rss" "$@" <<'EOF' 2>"$tmp/stderr"
import os, sys, time
out, rss_file, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
argv = ["/usr/bin/time", "-f", "%M", "-o", rss_file] + cmd
null = os.open(os.devnull, os.O_WRONLY)
t = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ,
                     file_actions=[(os.POSIX_SPAWN_DUP2, null, 1),
                                   (os.POSIX_SPAWN_DUP2, null, 2)])
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t
cpu = ru.ru_utime + ru.ru_stime
rss = int(open(rss_file).read().split()[-1])
st = os.waitstatus_to_exitcode(status)
open(out, "w").write("%.3f %d %.3f\n" % (cpu, rss, wall))
print("%-34s %8.3f s CPU %9d KB peak RSS %8.3f s wall  (status %d)" % (
    out.split("/m.", 1)[1], cpu, rss, wall, st))
EOF
}

ratio()
{
	python3 -c "import sys; a=float(sys.argv[1]); b=float(sys.argv[2]); print('%.2f' % (a / b) if b else 'n/a')" "$1" "$2"
}

# The same bytes for everyone: the file list (xargs would split it).
mapfile -t files <"$tmp/files"

# The three measured against each other run in turn, BENCH_REPEAT times,
# so that a change of load on a shared machine touches all of them; the
# median CPU of each is the figure, with the spread beside it.
echo "## Whole corpus, one job (median of $BENCH_REPEAT rounds, tools in turn)"
# Without the cmark command (Debian's package cmark, not only
# libcmark-dev) the floor is not measured: a missing command would
# "finish" in a few milliseconds and make every ratio meaningless.
labels=(translint-recommended)
if command -v cmark >/dev/null 2>&1; then
	labels=(cmark-xml translint-recommended)
fi
if "$TRANSLINT" --preset translation /dev/null >/dev/null 2>&1 ||
	[ $? -eq 1 ]; then
	labels+=(translint-translation)
fi
for ((r = 0; r < BENCH_REPEAT; r++)); do
	for l in "${labels[@]}"; do
		case $l in
		cmark-xml) cmd=(cmark -t xml) ;;
		translint-recommended) cmd=("$TRANSLINT" -j 1 --no-color
			--format gcc --preset recommended) ;;
		translint-translation) cmd=("$TRANSLINT" -j 1 --no-color
			--format gcc --preset translation) ;;
		esac
		measure "$l round $((r + 1))" "${cmd[@]}" "${files[@]}" >/dev/null
		cat "$tmp/m.$l round $((r + 1))" >>"$tmp/rounds.$l"
	done
done
for l in "${labels[@]}"; do
	python3 - "$tmp/rounds.$l" "$l" "$tmp/m.$l" <<'EOF'
import statistics, sys
rows = [list(map(float, x.split())) for x in open(sys.argv[1])]
cpu = [r[0] for r in rows]
rss = max(r[1] for r in rows)
wall = statistics.median(r[2] for r in rows)
med = statistics.median(cpu)
open(sys.argv[3], "w").write("%.3f %d %.3f\n" % (med, rss, wall))
print("%-34s %8.3f s CPU (%.3f..%.3f) %9d KB peak RSS %8.3f s wall" % (
    sys.argv[2], med, min(cpu), max(cpu), rss, wall))
EOF
done
ac=${AUTOCORRECT:-}
for d in "$root" "${AUTOCORRECT_DIR:-/nonexistent}"; do
	[ -z "$ac" ] && [ -x "$d/node_modules/.bin/autocorrect" ] &&
		ac=$d/node_modules/.bin/autocorrect
done
if [ -n "$ac" ]; then
	measure autocorrect "$ac" --lint --threads 1 "${files[@]}"
else
	echo "autocorrect                        not installed (npm install --prefix DIR autocorrect-node; AUTOCORRECT_DIR=DIR)"
fi
if ! [ -f "$tmp/m.cmark-xml" ]; then
	echo "cmark-xml                          not installed (apt-get install cmark): no ratios"
fi
[ -f "$tmp/m.cmark-xml" ] && read -r cm_cpu cm_rss _ <"$tmp/m.cmark-xml"
for l in translint-recommended translint-translation autocorrect; do
	[ -f "$tmp/m.cmark-xml" ] || break
	[ -f "$tmp/m.$l" ] || continue
	read -r c r _ <"$tmp/m.$l"
	printf '%-34s CPU %s x cmark, RSS %s x cmark\n' "$l" \
		"$(ratio "$c" "$cm_cpu")" "$(ratio "$r" "$cm_rss")"
done
echo

echo "## One article of about 15 KB, end to end (median of $BENCH_RUNS runs)"
article=$(python3 - "$tmp/files" <<'EOF'
import os, sys
files = [l.strip() for l in open(sys.argv[1]) if l.strip()]
print(min(files, key=lambda f: abs(os.path.getsize(f) - 15000)))
EOF
)
python3 - "$TRANSLINT" "$article" "$BENCH_RUNS" <<'EOF'
import os, statistics, subprocess, sys, time
tl, art, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
ts = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run([tl, "--no-color", art], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    ts.append(time.perf_counter() - t)
ts.sort()
print("%s (%d bytes): median %.2f ms, p10 %.2f ms, p90 %.2f ms" % (
    art, os.path.getsize(art), statistics.median(ts) * 1e3,
    ts[len(ts) // 10] * 1e3, ts[len(ts) * 9 // 10] * 1e3))
EOF
echo

echo "## Growth: the corpus concatenated into one file"
python3 - "$tmp/files" "$tmp/base.md" <<'EOF'
import sys
files = [l.strip() for l in open(sys.argv[1]) if l.strip()]
out, n = open(sys.argv[2], "wb"), 0
while n < 2 * 1024 * 1024:
    for f in files:
        data = open(f, "rb").read()
        out.write(data + b"\n\n")
        n += len(data) + 2
        if n >= 2 * 1024 * 1024:
            break
EOF
prev=
for k in $BENCH_GROWTH; do
	: >"$tmp/grow.md"
	for ((i = 0; i < k; i++)); do cat "$tmp/base.md" >>"$tmp/grow.md"; done
	size=$(wc -c <"$tmp/grow.md")
	label="growth ${k}x ($((size / 1048576)) MB)"
	: >"$tmp/rounds.grow"
	for ((r = 0; r < BENCH_GROWTH_REPEAT; r++)); do
		measure "$label" "$TRANSLINT" --no-color --format gcc \
			"$tmp/grow.md" >/dev/null
		cat "$tmp/m.$label" >>"$tmp/rounds.grow"
	done
	python3 - "$tmp/rounds.grow" "$label" "$tmp/m.$label" <<'EOF'
import statistics, sys
rows = [list(map(float, x.split())) for x in open(sys.argv[1])]
cpu = statistics.median(r[0] for r in rows)
rss = max(r[1] for r in rows)
open(sys.argv[3], "w").write("%.3f %d 0\n" % (cpu, rss))
print("%-34s %8.3f s CPU (median of %d) %9d KB peak RSS" % (
    sys.argv[2], cpu, len(rows), rss))
EOF
	read -r c r _ <"$tmp/m.$label"
	printf '    %.0f MB/s; RSS limit 4 x size + 16 MB = %s KB' \
		"$(python3 -c "print($size / 1048576 / max($c, 0.001))")" \
		"$(( (4 * size + 16 * 1048576) / 1024 ))"
	[ -n "$prev" ] && printf '; %s x the CPU of the previous size' "$(ratio "$c" "$prev")"
	echo
	prev=$c
	rm -f "$tmp/grow.md"
done
echo

echo "## Jobs (wall time, whole corpus)"
measure "-j 1" "$TRANSLINT" -j 1 --no-color --format gcc "${files[@]}"
measure "-j 2" "$TRANSLINT" -j 2 --no-color --format gcc "${files[@]}"
read -r _ _ w1 <"$tmp/m.-j 1"
read -r _ _ w2 <"$tmp/m.-j 2"
echo "-j 2 takes $(ratio "$w2" "$w1") x the wall time of -j 1"
echo

# ---- A translation with its original (issue 15, point 8) --------------------
# The CPU of linting every translation of lctt-pairs alone and with its
# original, in one process (tools/source-bench.c, the lctt preset: its
# source rules are on), and the CPU of each step it adds; then one pair
# made of the first 100 pairs, and of the first 1,000, end to end through
# the command line, for the growth of CPU and memory. (Different
# articles: the same article repeated ten times gives the alignment no
# anchor found once, docs/performance.md.)
pairs=../shared/corpus/lctt-pairs
: "${SOURCE_BENCH:=build/tools/source-bench}"
echo "## With the original (lctt-pairs)"
if [ ! -d "$pairs/en" ] || [ ! -x "$SOURCE_BENCH" ]; then
	echo "skipped: no $pairs or no $SOURCE_BENCH (make bench builds it)"
else
	"$SOURCE_BENCH" --rounds "$BENCH_REPEAT" --phases yes "$pairs"
	if [ "${BENCH_INSTRUCTIONS:-0}" = 1 ] && command -v valgrind >/dev/null; then
		for side in alone with; do
			valgrind --tool=callgrind --toggle-collect=tl_lint_with_original \
				--callgrind-out-file="$tmp/cg.$side" "$SOURCE_BENCH" --rounds 1 \
				--only "$side" "$pairs" >/dev/null 2>"$tmp/cg.$side.log"
			sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/cg.$side.log" >"$tmp/ir.$side"
		done
		ia=$(cat "$tmp/ir.alone") iw=$(cat "$tmp/ir.with")
		echo "instructions (callgrind): alone $ia, with the originals $iw," \
			"ratio $(ratio "$iw" "$ia") (issue 15.8: at most 2.2)"
	fi
	prev=
	for k in 100 1000; do
		: >"$tmp/big.en.md"
		: >"$tmp/big.zh.md"
		n=0
		for f in "$pairs"/zh/*; do
			[ -f "$pairs/en/${f##*/}" ] || continue
			n=$((n + 1))
			[ "$n" -gt "$k" ] && break
			cat "$pairs/en/${f##*/}" >>"$tmp/big.en.md"
			cat "$f" >>"$tmp/big.zh.md"
		done
		size=$(($(wc -c <"$tmp/big.en.md") + $(wc -c <"$tmp/big.zh.md")))
		for with in alone original; do
			label="$k pairs as one ($((size / 1048576)) MB), $with"
			if [ "$with" = alone ]; then
				measure "$label" "$TRANSLINT" --preset lctt \
					--no-color --format gcc "$tmp/big.zh.md"
			else
				measure "$label" "$TRANSLINT" --preset lctt \
					--no-color --format gcc \
					--source "$tmp/big.en.md" "$tmp/big.zh.md"
			fi
		done
		read -r c r _ <"$tmp/m.$label"
		[ -n "$prev" ] && echo "    $((k / 100))x the pairs: $(ratio "$c" "$prev") x the CPU, $(ratio "$r" "$prev_rss") x the peak RSS, with the original"
		prev=$c
		prev_rss=$r
	done
	rm -f "$tmp"/big.*.md
fi
