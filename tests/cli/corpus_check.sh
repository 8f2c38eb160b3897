#!/usr/bin/env bash
# corpus_check.sh: the checker behind make corpus-check
# (tests/corpus_check.c) catches what it must: a fix that glues a Latin
# mark to the next word, and a fix that leaves another rule's finding
# behind; and lets pass what is fine. The corpus itself is not needed:
# each case is a tiny tree of files written here. CORPUS_CHECK names the
# checker (make test builds it); without it, the cases are skipped.
checker=${CORPUS_CHECK:-}
if [ -z "$checker" ] || ! [ -x "$checker" ]; then
	echo "ok - corpus checker # SKIP CORPUS_CHECK is not set"
	exit 0
fi
checker=$(realpath "$checker")
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

# pair NAME BEFORE FIXED: a tree of one file, a.md, before and after a
# fix (the fix fixed again gives the same).
pair()
{
	rm -rf "$1"
	mkdir -p "$1/before" "$1/fixed" "$1/again"
	printf "$2" >"$1/before/a.md"
	printf "$3" >"$1/fixed/a.md"
	printf "$3" >"$1/again/a.md"
}

# run NAME [FINDINGS...]: the checker on pair NAME, output in ./out.
run()
{
	local d=$1
	shift
	"$checker" safe "$work/$d/before" "$work/$d/fixed" "$work/$d/again" "$@" \
		>out 2>err
	status=$?
}

# Glued marks: the damage of issue 11, point 1 and 2.
glued()
{
	pair g "$1" "$2"
	run g
	check "glued: $3" eval 'status_is 1 && out_has "FAIL safe glued: a.md"'
}
glued 'Click Start and， Join the team.\n' 'Click Start and,Join the team.\n' \
	'"and， Join" fixed into "and,Join"'
glued 'Note： this\n' 'Note:this\n' '"Note： this" fixed into "Note:this"'
glued '**Reference Error**：8.7.1\n' '**Reference Error**:8.7.1\n' \
	'a full-width mark made half-width against a digit'
glued 'He said 「hello」 to me.\n' 'He said"hello"to me.\n' \
	'quotes made half-width without their spaces'
glued 'and （see below） now\n' 'and(see below)now\n' \
	'brackets made half-width without their spaces'
glued '> - [Yoav Weiss](u)， 2016\n' '> - [Yoav Weiss](u),2016\n' \
	'in a list in a block quote, after a link'

fine()
{
	pair f "$1" "$2"
	run f
	check "not glued: $3" eval 'status_is 0 && ! out_has FAIL'
}
fine 'Click Start and， Join the team.\n' 'Click Start and, Join the team.\n' \
	'the space kept'
fine 'Hello，world\n' 'Hello, world\n' 'a space added'
fine '时间是 12：30。\n' '时间是 12:30。\n' 'between two digits'
fine 'Use Nodejs today.\n' 'Use Node.js today.\n' \
	'a mark put inside a word of the original'
fine 'He said "hello" to me.\n使用Go\n' 'He said "hello" to me.\n使用 Go\n' \
	'glued marks the original had'
fine 'Run `a`，then\n' 'Run `a`, then\n' 'after code'

# URLs, read as GFM reads them.
urls()
{
	pair u "$1" "$2"
	run u
	if [ "$3" = fails ]; then
		check "urls: $4" eval 'status_is 1 && out_has "FAIL safe urls: a.md"'
	else
		check "urls: $4" eval 'status_is 0 && ! out_has FAIL'
	fi
}
urls '"见 https://x.com/docs" 然后\n' '“见 https://x.com/docs”然后\n' fails \
	'the white space after a URL deleted'
urls '"见 https://x.com/docs" 然后\n' '“见 https://x.com/docs” 然后\n' fails \
	'a quote GFM trims made one it does not'
urls '见 https://x.com/wiki/握手_(技术) 然后\n' '见 https://x.com/wiki/握手_（技术） 然后\n' \
	fails 'a CJK path changed'
urls '访问 https://x.com/a）中 后\n' '访问 <https://x.com/a>）中 后\n' passes \
	'swallowed text cut off'
urls '见 (https://x.com/a)。后\n' '见 (<https://x.com/a>)。后\n' passes \
	'swallowed text cut off with an unbalanced parenthesis'
urls '访问 https://x.com/a，中文English 后\n' '访问 https://x.com/a，中文 English 后\n' \
	passes 'a fix inside swallowed text'

# Findings: FIXED may not have a finding the original did not have.
pair n '你好:： 世界\n' '你好：： 世界\n'
printf '%s\n' "$work/n/before/a.md:1:3: warning: Half-width ':' in Chinese text: use '：' [fullwidth-punctuation]" >before.gcc
printf '%s\n' "$work/n/fixed/a.md:1:3: warning: Repeated punctuation '：：' [repeated-punctuation]" >fixed.gcc
run n before.gcc fixed.gcc
check "findings: a fix that leaves another rule's finding fails" \
	eval 'status_is 1 && out_has "FAIL safe findings: a.md: new finding on line 1: \"repeated-punctuation line 1\""'
printf '%s\n' "$work/n/before/a.md:1:3: warning: x [repeated-punctuation]" >before.gcc
run n before.gcc fixed.gcc
check "findings: one the original had passes" eval 'status_is 0 && out_has "safe findings: 1 files, 1 findings"'
: >fixed.gcc
run n before.gcc fixed.gcc
check "findings: fewer pass" eval 'status_is 0'
run n
check "findings: not checked without the files" \
	eval 'status_is 0 && out_has "safe findings: not checked"'

finish
