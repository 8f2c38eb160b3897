#!/usr/bin/env bash
# changed.sh: --changed-since REF reports only the diagnostics that start
# on lines added or changed since REF (DESIGN.md section 2), in a
# temporary git repository: changed lines, untouched lines, a file git
# does not track (all new), a file added since REF, a bad REF (exit 2),
# and revision and file names that a shell would misread.
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

finish
