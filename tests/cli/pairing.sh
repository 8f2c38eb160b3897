#!/usr/bin/env bash
# pairing.sh: finding the original of a translation (DESIGN.md 8.1,
# issue 15 point 1), in temporary git repositories with real commits:
# source: entries (groups, first match wins, a file's own entries before
# its presets'), side-by-side .en.md/.zh.md files, revision: base with
# --source-rev and with --changed-since (the merge base, not the tip of a
# base branch that moved on), the LCTT move (sources/X at the base,
# translated/X in the working tree) and the gold-miner replacement (the
# same path at the base), --source, names with spaces, leading dashes
# and glob characters, a revision that looks like an option, a missing
# original (silent, or source-required), an original that cannot be read
# (exit 2, the other files still linted), and every configuration error
# of source: with its position. --print-source shows what was chosen;
# the review page (--format html) shows the original's text, which tells
# which bytes were read.
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

if ! command -v git >/dev/null 2>&1; then
	ok "pairing: git repositories # skip git not installed"
	finish
fi
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com \
	GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com \
	GIT_CONFIG_NOSYSTEM=1 HOME=$work

# src FILE...: the lines "FILE: original X" / "FILE: no original" of
# --print-source (without the explanation lines).
src()
{
	tl --print-source "$@"
	grep -v '^  ' out >heads
}
heads_are()
{
	[ "$(cat heads)" = "$(printf '%s\n' "$@")" ]
}

# ---- Entries in the working tree -----------------------------------------

mkdir side && cd side || exit 2
git init -q .
mkdir -p docs zh/guide en/guide
write docs/a.en.md 'Hello Go\n'
write docs/a.zh.md '你好Go\n'
write zh/guide/install.md '安装\n'
write en/guide/install.md 'Install\n'
write .translint.yml 'source:
  - match: "(.+)\\\\.zh\\\\.md"
    original: "$1.en.md"
  - match: "zh/([^/]+)/(.+)"
    original: "en/$1/$2"
  - match: "zh/.+"
    original: "never/$0"
'
src docs/a.zh.md zh/guide/install.md docs/a.en.md
check "side by side: X.zh.md pairs with X.en.md; groups \$1 and \$2" \
	eval 'status_is 0 && heads_are "docs/a.zh.md: original docs/a.en.md" \
		"zh/guide/install.md: original en/guide/install.md" \
		"docs/a.en.md: no original"'
check "the first entry that matches wins" \
	eval '! grep -q never out && grep -q "read from the working tree" out'
check "--print-source says which entry matched and where it is written" \
	grep -qF 'source: entry of .translint.yml:2, match "(.+)\.zh\.md", original "$1.en.md" -> docs/a.en.md' out
check "no entry matches: why" \
	eval 'grep -qx "  no source: entry matches (3 tried)" out'

# The match covers the whole path relative to the configuration's folder:
# "zh/.+" must not match "docs/zh/x.md" from its middle.
mkdir -p docs/zh
write docs/zh/x.md '中文\n'
src docs/zh/x.md
check "a match covers the whole path, not a part of it" \
	eval 'heads_are "docs/zh/x.md: no original"'

# Paths are relative to the folder of the configuration that wrote the
# entry, wherever translint runs.
cd docs || exit 2
src a.zh.md
check "paths relative to the configuration's folder, run from below it" \
	eval 'heads_are "a.zh.md: original a.en.md"'
cd .. || exit 2

src --source en/guide/install.md docs/a.zh.md
check "--source overrides the entries" \
	eval 'heads_are "docs/a.zh.md: original en/guide/install.md" && grep -q "^  --source" out'

# $$ is a dollar sign.
write .translint.yml 'source:\n  - match: "(.+)\\\\.zh\\\\.md"\n    original: "$$/$1.md"\n'
mkdir -p '$/docs'
write '$/docs/a.md' 'x\n'
src docs/a.zh.md
check "\$\$ in original is a dollar sign" \
	eval 'heads_are "docs/a.zh.md: original \$/docs/a.md"'

# A file's own entries are tried before those of what it extends.
mkdir -p translated sources own
write translated/t.md '译文\n'
write sources/t.md 'Original\n'
write own/t.md 'Mine\n'
write .translint.yml 'extends: [lctt]\nsource:\n  - match: "translated/(.+)"\n    original: "own/$1"\n'
src translated/t.md
check "a file's own entries come before its preset's" \
	eval 'heads_are "translated/t.md: original own/t.md"'
write .translint.yml 'extends: [lctt]\n'
src translated/t.md
check "lctt preset: translated/X pairs with sources/X" \
	eval 'heads_are "translated/t.md: original sources/t.md"'
tl --print-config translated/t.md
check "--print-config shows the entries" \
	eval 'out_has "^- {match: translated/(.+), original: sources/\$1}$"'
cd .. || exit 2

# ---- Missing and unreadable originals -----------------------------------

mkdir miss && cd miss || exit 2
git init -q .
write .translint.yml 'source:\n  - match: "(.+)\\\\.zh\\\\.md"\n    original: "$1.en.md"\n'
write a.zh.md '中文Go\n'
write b.zh.md '中文Go\n'
src a.zh.md
check "a missing original: no original, and why" \
	eval 'status_is 0 && heads_are "a.zh.md: no original" &&
		grep -q "a.en.md does not exist, and no base revision was given" out'
tl --select space-cjk-latin -f gcc a.zh.md
check "a missing original is silent when not required" \
	eval 'status_is 0 && err_empty && out_has "^a.zh.md:1:2: "'
write .translint.yml 'source-required: true\nsource:\n  - match: "(.+)\\\\.zh\\\\.md"\n    original: "$1.en.md"\n'
src a.zh.md
check "source-required: said by --print-source" \
	eval 'heads_are "a.zh.md: no original (source-required: a source-missing error)"'
tl --select source-missing -f gcc a.zh.md
check "source-required: no original is a source-missing error, with why" \
	eval 'status_is 1 && out_has "^a.zh.md:1:1: error: .*a.en.md does not exist.*\[source-missing\]"'
tl --print-config a.zh.md
check "source-required: shown by --print-config" out_has '^source-required: true$'
cp out printed.yml
tl -c printed.yml --print-source a.zh.md
check "--print-config's source entries load again" \
	eval 'status_is 0 && grep -q "^a.zh.md: no original (source-required" out'

write .translint.yml 'source:\n  - match: "(.+)\\\\.zh\\\\.md"\n    original: "$1.en.md"\n'
mkdir a.en.md
tl --select space-cjk-latin -f gcc a.zh.md b.zh.md
check "an original that cannot be read: exit 2, the file named, the other files linted" \
	eval 'status_is 2 && err_has "^translint: error: a.en.md: cannot read the original: a folder, not a file$" &&
		out_has "^a.zh.md:1:2: " && out_has "^b.zh.md:1:2: "'
src a.zh.md b.zh.md
check "--print-source: the error, then the other files" \
	eval 'status_is 2 && err_has "a.en.md: cannot read the original" && heads_are "b.zh.md: no original"'
rmdir a.en.md
cd .. || exit 2

# ---- Revisions ------------------------------------------------------------

mkdir revs && cd revs || exit 2
git init -q -b main . 2>/dev/null || { git init -q . && git checkout -q -b main; }
write .translint.yml 'source:\n  - match: "(.+)\\\\.zh\\\\.md"\n    original: "$1.en.md"\n    revision: base\n'
write a.en.md 'Original at the fork\n'
write a.zh.md '中文\n'
git add -A && git commit -q -m fork
fork=$(git rev-parse HEAD)
git checkout -q -b feature
write a.zh.md '中文译文\n'
write a.en.md 'Edited on the branch\n'
git commit -q -am translate
git checkout -q main
write a.en.md 'Changed on main after the fork\n'
git commit -q -am moved
git checkout -q feature

src a.zh.md
check "revision: base without --source-rev or --changed-since: no original, and why" \
	eval 'status_is 0 && heads_are "a.zh.md: no original" && grep -q "read at the base revision, and none was given" out'
src --changed-since main a.zh.md
check "--changed-since: the merge base, shown by its short commit id" \
	eval 'heads_are "a.zh.md: original ${fork:0:12}:a.en.md" && grep -q "the merge base of --changed-since main and HEAD" out'
tl --format html --changed-since main a.zh.md
check "--changed-since: the original as it was at the fork, not at main's tip nor in the working tree" \
	eval 'out_has "Original at the fork" && ! out_has "after the fork" && ! out_has "Edited on the branch"'
src --source-rev main a.zh.md
check "--source-rev REV: the base is REV" \
	eval 'heads_are "a.zh.md: original main:a.en.md"'
tl --format html --source-rev main --changed-since HEAD a.zh.md
check "--source-rev wins over the merge base of --changed-since" \
	out_has "Changed on main after the fork"

write .translint.yml 'source:\n  - match: "(.+)\\\\.zh\\\\.md"\n    original: "$1.en.md"\n    revision: main\n'
src a.zh.md
check "revision: REV reads REV, with no base given" \
	eval 'heads_are "a.zh.md: original main:a.en.md" && grep -q "read from git at revision main" out'
write .translint.yml 'source:\n  - match: "(.+)\\\\.zh\\\\.md"\n    original: "$1.en.md"\n'
write b.zh.md '中文\n'
src --source-rev main b.zh.md
check "absent from the working tree and from the base: no original" \
	eval 'status_is 0 && heads_are "b.zh.md: no original" && grep -q "b.en.md is not in main" out'

# A revision that looks like an option is a revision, never an option.
tl --print-source --source-rev --output=leak b.zh.md
check "--source-rev starting with '-': an unknown revision, exit 2, nothing written" \
	eval 'status_is 2 && err_has "source-rev --output=leak: not a commit" && [ ! -e leak ] && [ ! -e ./--output=leak ]'
write .translint.yml 'source:\n  - match: "(.+)\\\\.zh\\\\.md"\n    original: "$1.en.md"\n    revision: "--output=leak2"\n'
tl --select space-cjk-latin -f gcc a.zh.md b.zh.md
check "revision: starting with '-' in the configuration: a per-file error" \
	eval 'status_is 2 && err_has "^translint: error: a.en.md: cannot read the original: revision --output=leak2: not a commit" &&
		err_has "^translint: error: b.en.md: " && [ ! -e leak2 ]'
write .translint.yml 'source:\n  - match: "(.+)\\\\.zh\\\\.md"\n    original: "$1.en.md"\n    revision: base\n'
rm a.en.md
src --changed-since nope a.zh.md
check "--changed-since an unknown REF: a clear error" \
	eval 'status_is 2 && err_has "changed-since nope: no merge base"'
git checkout -q a.en.md
cd .. || exit 2

# Names that a shell or git would misread: spaces, a leading dash, glob
# characters, pathspec magic. They reach git on its standard input only.
mkdir names && cd names || exit 2
git init -q -b main . 2>/dev/null || { git init -q . && git checkout -q -b main; }
write .translint.yml 'source:\n  - match: "zh/(.+)"\n    original: "en/$1"\n    revision: base\n'
mkdir -p en zh
for n in 'a b.md' '-x.md' '[ab]*?.md' ':(glob)c.md'; do
	write "en/$n" "Original of $n\n"
	write "zh/$n" "译文\n"
done
git add -A && git commit -q -m base
src --source-rev HEAD -- 'zh/a b.md' 'zh/-x.md' 'zh/[ab]*?.md' 'zh/:(glob)c.md'
check "names with spaces, leading dashes, glob characters and pathspec magic" \
	eval 'status_is 0 && heads_are "zh/a b.md: original HEAD:en/a b.md" "zh/-x.md: original HEAD:en/-x.md" \
		"zh/[ab]*?.md: original HEAD:en/[ab]*?.md" "zh/:(glob)c.md: original HEAD:en/:(glob)c.md"'
tl --format html --source-rev HEAD -- 'zh/[ab]*?.md'
check "a glob-like name reads that file, not what the glob matches" \
	eval 'out_has "Original of \[ab\]\*?.md"'
cd .. || exit 2

# ---- The conventions of real projects -----------------------------------

# LCTT: the translation pull request moves sources/tech/X to
# translated/tech/X and translates it.
mkdir lctt && cd lctt || exit 2
git init -q -b master . 2>/dev/null || { git init -q . && git checkout -q -b master; }
mkdir -p sources/tech
write 'sources/tech/20240101 Hello Go.md' 'Hello Go, from the original\n\nVersion 4.15 is out.\n'
write .translint.yml 'extends: [lctt]\n'
git add -A && git commit -q -m 'add a source'
git checkout -q -b translate
mkdir -p translated/tech
git mv 'sources/tech/20240101 Hello Go.md' 'translated/tech/20240101 Hello Go.md'
write 'translated/tech/20240101 Hello Go.md' '你好Go\n'
git commit -q -am 'translated'
src --changed-since master 'translated/tech/20240101 Hello Go.md'
check "lctt: sources/X read at the base, translated/X in the working tree" \
	eval "status_is 0 && heads_are \"translated/tech/20240101 Hello Go.md: original \$(git rev-parse --short=12 master):sources/tech/20240101 Hello Go.md\""
tl --format html --changed-since master 'translated/tech/20240101 Hello Go.md'
check "lctt: the original's text is the base's" out_has "Hello Go, from the original"
tl -f gcc --changed-since master 'translated/tech/20240101 Hello Go.md'
check "lctt: the source rules compare with the original found (its place in the finding)" \
	eval "out_has '\[source-' && out_has \"original: \$(git rev-parse --short=12 master):sources/tech/20240101 Hello Go.md:3:\""
src 'translated/tech/20240101 Hello Go.md'
check "lctt without a base: no original, silently" \
	eval 'status_is 0 && heads_are "translated/tech/20240101 Hello Go.md: no original"'
cd .. || exit 2

# gold-miner: the translation replaces the English text in the same file.
mkdir gold && cd gold || exit 2
git init -q -b master . 2>/dev/null || { git init -q . && git checkout -q -b master; }
mkdir -p article/2024
write article/2024/go.md 'Hello Go, in English\n'
write .translint.yml 'extends: [gold-miner]\n'
git add -A && git commit -q -m 'add an article'
git checkout -q -b translate
write article/2024/go.md '你好Go\n'
git commit -q -am 'translated'
src --changed-since master article/2024/go.md
check "gold-miner: the same path at the base" \
	eval "status_is 0 && heads_are \"article/2024/go.md: original \$(git rev-parse --short=12 master):article/2024/go.md\""
tl --format html --changed-since master article/2024/go.md
check "gold-miner: the original is the English text, not the translation" \
	eval 'out_has "Hello Go, in English"'
cd .. || exit 2

# ---- --source, and the command line --------------------------------------

cd revs || exit 2
git rm -q --cached a.en.md && mv a.en.md ../a.en.md.kept
src --source a.en.md --changed-since main a.zh.md
check "--source FILE absent from the working tree: read at the base" \
	eval "heads_are \"a.zh.md: original \${fork:0:12}:a.en.md\""
tl --print-source --source a.en.md a.zh.md b.zh.md
check "--source with --print-source takes one file" \
	eval 'status_is 2 && err_has "--source pairs one translated file"'
tl --select space-cjk-latin --format html --source nope.md a.zh.md
check "--source naming nothing: exit 2" \
	eval 'status_is 2 && err_has "^translint: error: --source nope.md: .*nope.md does not exist"'
mv ../a.en.md.kept a.en.md
cd .. || exit 2
tl --print-source
check "--print-source needs files" eval 'status_is 2 && err_has "print-source takes files"'
tl --source-rev '' a.md
check "--source-rev with an empty revision" eval 'status_is 2 && err_has "source-rev: the revision is empty"'
mkdir quiet && cd quiet || exit 2
write en.md 'Hello, 42 apples.\n'
write zh.md '你好，43 个苹果。\n'
tl --source en.md zh.md
check "--source with no rule comparing: told so, exit 0" \
	eval 'status_is 0 && err_has "^translint: warning: --source en.md: no rule that compares with the original is enabled for zh.md"'
tl --select source-number --source en.md zh.md
check "--source with one source rule selected: no warning, its finding" \
	eval 'status_is 0 && err_empty && out_has "source-number"'
cd .. || exit 2

# ---- Configuration errors, each at its place -----------------------------

mkdir bad
write bad/a.md '中文\n'
err_case()
{
	local name=$1 yaml=$2 want=$3
	write bad/.translint.yml "$yaml"
	tl bad/a.md
	check "$name" eval "status_is 2 && out_empty && err_has \"\$want\""
}
err_case "source: not a list" 'source: {match: a}\n' \
	'bad/.translint.yml:1:9: source must be a list of maps with match and original, not a map'
err_case "source: an entry that is not a map" 'source:\n  - "a.md"\n' \
	'bad/.translint.yml:2:5: a source entry must be a map with match and original, not a value'
err_case "source: unknown key, with the nearest" \
	'source:\n  - match: a\n    orignal: b\n' \
	"bad/.translint.yml:3:5: unknown key 'orignal' in a source entry (did you mean 'original'?)"
err_case "source: no match" 'source:\n  - original: b\n' \
	'bad/.translint.yml:2:5: a source entry needs match: a pattern'
err_case "source: no original" 'source:\n  - match: a\n' \
	'bad/.translint.yml:2:5: a source entry needs original: '
err_case "source: match is not a string" 'source:\n  - {match: [a], original: b}\n' \
	'bad/.translint.yml:2:13: match of a source entry must be a string'
err_case "source: an empty revision" \
	"source:\n  - {match: a, original: b, revision: ''}\n" \
	'bad/.translint.yml:2:39: revision of a source entry must be a non-empty string'
err_case "source: a bad pattern, at its offending character" \
	"source:\n  - match: 'zh/(.+'\n    original: b\n" \
	'bad/.translint.yml:2:19: source match: invalid pattern: missing closing parenthesis at offset 6'
err_case "source: \$7 with fewer groups, at the dollar" \
	"source:\n  - match: 'zh/(.+)'\n    original: 'en/\$1/\$7'\n" \
	'bad/.translint.yml:3:22: source original: \$7, but the match has 1 group (\$0 is the whole path)'
err_case "source: a dollar without a group number" \
	"source:\n  - match: 'zh/(.+)'\n    original: 'en/\$x'\n" \
	"bad/.translint.yml:3:19: source original: '\\$' must be followed by a group number"
err_case "source-required: not a boolean" 'source-required: maybe\n' \
	'bad/.translint.yml:1:18: source-required must be true or false'
err_case "source: a misspelled top-level key" 'sources: []\n' \
	"bad/.translint.yml:1:1: unknown key 'sources' in the configuration (did you mean 'source'?)"
write bad/.translint.yml 'source:\nsource-required:\n'
tl --print-source bad/a.md
check "source: and source-required: with no value are no keys" \
	eval 'status_is 0 && out_has "^bad/a.md: no original$"'

finish
