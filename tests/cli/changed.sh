#!/usr/bin/env bash
# changed.sh: --changed-since REF reports only the diagnostics that start
# on lines added or changed since REF (DESIGN.md section 2), in a
# temporary git repository: changed lines, untouched lines, a file git
# does not track (all new), a file added since REF, a bad REF (exit 2),
# and revision and file names that a shell would misread. Issue 12 and 13:
# a revision that looks like an option, file names that look like
# options, patterns or magic, or hold newlines and bytes that are not
# UTF-8; the merge base of a base branch that moved on; git run once per
# repository, not once per file.
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

if ! command -v git >/dev/null 2>&1; then
	ok "changed-since: git repository # skip git not installed"
	finish
fi

sel=(--select space-cjk-latin -f gcc)
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com \
	GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com \
	GIT_CONFIG_NOSYSTEM=1 HOME=$work

git init -q repo
cd repo || exit 2
write a.md '旧的Go一\n\n旧的Go二\n\n旧的Go三\n'
git add a.md
git commit -q -m base
git tag base
# Line 3 changed, line 7 added; lines 1 and 5 untouched.
write a.md '旧的Go一\n\n新的Go二\n\n旧的Go三\n\n新的Go四\n'

tl "${sel[@]}" --changed-since base a.md
check "only changed and added lines are reported" \
	eval 'status_is 0 && [ "$(cut -d: -f1,2 out | uniq | tr "\n" " ")" = "a.md:3 a.md:7 " ]'

tl "${sel[@]}" a.md
check "without the option every line is reported" \
	eval '[ "$(cut -d: -f1,2 out | uniq | grep -c .)" = 4 ]'

write new.md '全新Go\n'
tl "${sel[@]}" --changed-since base new.md
check "an untracked file counts as all new" \
	eval 'status_is 0 && grep -q "^new\.md:1:" out'

write staged.md '暂存Go\n'
git add staged.md
tl "${sel[@]}" --changed-since base staged.md
check "a file added since REF counts as all new" \
	eval 'grep -q "^staged\.md:1:" out'

tl "${sel[@]}" --changed-since HEAD a.md
check "HEAD: working-tree changes only" \
	eval '[ "$(cut -d: -f1,2 out | uniq | tr "\n" " ")" = "a.md:3 a.md:7 " ]'

git commit -q -am more
tl "${sel[@]}" --changed-since HEAD a.md
check "nothing changed since HEAD: nothing reported" \
	eval 'status_is 0 && out_empty'

tl "${sel[@]}" --changed-since no-such-ref a.md
check "a bad REF: exit 2 with an error" \
	eval 'status_is 2 && err_has "no-such-ref" && out_empty'

tl "${sel[@]}" --changed-since '$(touch pwned)' a.md
check "a REF with shell syntax is no command" \
	eval 'status_is 2 && ! [ -e pwned ]'

mkdir -p 'sub dir'
write 'sub dir/$(touch x);.md' '子目录Go\n'
tl "${sel[@]}" --changed-since base 'sub dir/$(touch x);.md'
check "a file name with spaces and shell syntax, in a subfolder" \
	eval 'grep -q "^sub dir/\$(touch x);\.md:1:" out && ! [ -e x ] && ! [ -e "sub dir/x" ]'

tl "${sel[@]}" --severity space-cjk-latin=error --changed-since HEAD a.md
check "exit 0 when the errors are on unchanged lines" status_is 0

cd "$work" || exit 2
mkdir plain
write plain/p.md '中文Go\n'
(cd plain && "$TRANSLINT" "${sel[@]}" --changed-since HEAD p.md >../out 2>../err)
status=$?
check "outside a git repository: exit 2" status_is 2

# ---- Names git must not misread (issue 12) ------------------------------

cd "$work" || exit 2
git init -q names
cd names || exit 2
nl=$'new\nline.md'
bad=$'caf\xe9.md'
names=(a.md '?.md' '*.md' '[ab].md' '-dash.md' '--output=y.md' \
	':(glob)g.md' ':!a.md' 'sp ace.md' "$nl" "$bad")
for f in "${names[@]}"; do write "./$f" '旧的Go一\n\n旧的Go二\n'; done
GIT_LITERAL_PATHSPECS=1 git add -- "${names[@]}"
git commit -q -m base
git tag base
# Only a.md changes (line 3): a name read as a pattern or magic would
# borrow its hunk.
write a.md '旧的Go一\n\n新的Go二\n'
for f in "${names[@]}"; do
	tl "${sel[@]}" --changed-since base -- "$f"
	if [ "$f" = a.md ]; then
		want=3
	else
		want=
	fi
	got=$(grep -a -o ':[0-9]*:[0-9]*: warning' out | cut -d: -f2 | uniq | tr -d '\n')
	check "a file named $(printf %q "$f"): only its own changed lines" \
		eval '[ "$status" = 0 ] && [ "$got" = "$want" ]'
done
tl "${sel[@]}" --changed-since base -- "${names[@]}"
check "all those names in one run: only a.md line 3" \
	eval 'status_is 0 && [ "$(grep -a ": warning" out | cut -d: -f1,2 | uniq)" = a.md:3 ]'
printf '再改Go\n' >>"$nl"
printf '再改Go\n' >>"$bad"
printf '再改Go\n' >>'-dash.md'
tl "${sel[@]}" --changed-since base -- "$nl" "$bad" -dash.md '?.md'
check "a newline, a byte not UTF-8, a leading dash: their line 4" \
	eval '[ "$(grep -a -c ":4:[0-9]*: warning" out)" = 3 ] &&
		[ "$(grep -a -c ": warning" out)" = 3 ]'

# A revision that looks like an option is a revision: never an option of
# git diff (--output=FILE would write FILE), also when a branch has that
# name.
tl "${sel[@]}" --changed-since --output=x a.md
check "a REF that looks like an option: exit 2, no file written" \
	eval 'status_is 2 && ! [ -e x ] && err_has "output=x"'
git update-ref refs/heads/--output=x base
tl "${sel[@]}" --changed-since --output=x a.md
check "a branch named --output=x is compared with, no file written" \
	eval 'status_is 0 && ! [ -e x ] && [ "$(cut -d: -f1,2 out | uniq)" = "a.md:3" ]'
tl "${sel[@]}" --changed-since -p a.md
check "a REF of -p is no option either" eval 'status_is 2 && out_empty'

# A binary change has no hunks: the whole file counts as changed.
printf '中文Go\000\n' >bin.md
git add bin.md
git commit -q -m bin
printf '中文Go\000改\n' >bin.md
tl "${sel[@]}" --select binary-file --changed-since HEAD bin.md
check "a changed binary file counts as all changed" \
	eval 'status_is 1 && out_has "^bin\.md:1:.*binary-file"'

# Standard input is compared through the file --stdin-filename names.
tl_in '旧的Go一\n\n新的Go二\n' "${sel[@]}" --changed-since base --stdin \
	--stdin-filename a.md
check "--stdin: the lines of the file --stdin-filename names" \
	eval 'status_is 0 && [ "$(cut -d: -f1,2 out | uniq)" = "a.md:3" ]'
mkdir sub
(cd sub && "$TRANSLINT" "${sel[@]}" --changed-since base ../a.md >../out 2>../err)
check "a path through .. from a subfolder" \
	eval '[ "$(cut -d: -f1,2 out | uniq)" = "../a.md:3" ]'

# ---- The merge base (issue 13) -----------------------------------------

cd "$work" || exit 2
git init -q mb
cd mb || exit 2
write a.md '旧的Go一\n\n旧的Go二\n\n旧的Go三\n'
git add a.md
git commit -q -m A
git branch -q -m main 2>/dev/null || true
git checkout -q -b feature
write a.md '旧的Go一\n\n旧的Go二\n\n分支Go三\n'
git commit -q -am feature
git checkout -q main
write a.md '主干Go一\n\n旧的Go二\n\n旧的Go三\n'
git commit -q -am main-moved-on
git checkout -q feature
tl "${sel[@]}" --changed-since main a.md
check "a base branch that moved on: only the branch's lines (merge base)" \
	eval 'status_is 0 && [ "$(cut -d: -f1,2 out | uniq)" = "a.md:5" ]'
write a.md '旧的Go一\n\n旧的Go二\n\n分支Go三\n\n未提交Go\n'
tl "${sel[@]}" --changed-since main a.md
check "merge base against the working tree: uncommitted lines count" \
	eval '[ "$(cut -d: -f1,2 out | uniq | tr "\n" " ")" = "a.md:5 a.md:7 " ]'
git mv a.md moved.md
write moved.md '旧的Go一\n\n旧的Go二\n\n分支Go三\n\n未提交Go\n'
git add moved.md
tl "${sel[@]}" --changed-since main moved.md
check "a renamed file: only its changed lines, as GitHub shows them" \
	eval '[ "$(cut -d: -f1,2 out | uniq | tr "\n" " ")" = "moved.md:5 moved.md:7 " ]'
git checkout -q --orphan lonely
git rm -q -r --cached . >/dev/null
git commit -q --allow-empty -m lonely
tl "${sel[@]}" --changed-since main moved.md
check "no merge base: exit 2 with git's reason" \
	eval 'status_is 2 && err_has "merge base"'

# ---- Once per repository (issue 13) ------------------------------------

# A git in PATH that logs each run, then runs the real one.
cd "$work" || exit 2
real_git=$(command -v git)
mkdir logbin
printf '#!/bin/sh\necho "$*" >>"%s/git.log"\nexec "%s" "$@"\n' "$work" "$real_git" >logbin/git
chmod +x logbin/git
git init -q many
cd many || exit 2
mkdir docs
for i in $(seq 1 60); do write "docs/f$i.md" '中文Go\n'; done
git add docs
git commit -q -m base
write docs/f7.md '中文Go\n改动Go\n'
git init -q nested
git -C nested commit -q --allow-empty -m nested
write nested/n.md '嵌套Go\n'
: >"$work/git.log"
PATH=$work/logbin:$PATH "$TRANSLINT" "${sel[@]}" --changed-since HEAD docs nested >../out 2>../err
status=$?
check "60 files in one repository and one nested: 4 git runs, not 120" \
	eval '[ "$(wc -l <"$work/git.log")" = 4 ]'
check "... with each repository's lines (the nested one is all new)" \
	eval '[ "$(cut -d: -f1,2 ../out | tr "\n" " ")" = "docs/f7.md:2 nested/n.md:1 " ]' 

finish
