#!/usr/bin/env bash
# hooks.sh: the plain git hook tools/git-pre-commit lints what is staged,
# not the working tree; and .pre-commit-hooks.yaml works with the real
# pre-commit tool (`pre-commit install`, then `git commit` in a scratch
# repository) when it is installed. Both kinds of hook stop a commit on a
# warning by default (issue 13), showing the findings, and pre-commit's
# splitting of the file list does not defeat --max-warnings.
# shellcheck source=tests/cli/common.bash
root=${TL_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$(dirname "$0")/common.bash"

if ! command -v git >/dev/null 2>&1; then
	ok "hooks: git pre-commit hook # skip git not installed"
	finish
fi
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com \
	GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com \
	GIT_CONFIG_NOSYSTEM=1 HOME=$work
# The hooks run `translint`: the binary under test, first in PATH.
mkdir bin
ln -s "$TRANSLINT" bin/translint
export PATH=$work/bin:$PATH

git init -q repo
cd repo || exit 2
cp "$root/tools/git-pre-commit" .git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
printf 'rules:\n  space-cjk-latin: error\n' >.translint.yml
git add .translint.yml
git commit -q -m config

# Staged: bad. Working tree: good. The hook must see the staged text.
write 'doc one.md' '中文Go\n'
git add 'doc one.md'
write 'doc one.md' '中文 Go\n'
git commit -q -m bad >../out 2>../err
status=$?
check "git hook: staged problem stops the commit though the working tree is clean" \
	eval '[ "$status" -ne 0 ] && grep -q "doc one\.md:1:" ../out ../err'

# Staged: good. Working tree: bad. The commit goes through.
git add 'doc one.md'
write 'doc one.md' '中文Go\n'
git commit -q -m good >../out 2>../err
status=$?
check "git hook: clean staged content commits though the working tree is bad" \
	eval '[ "$status" -eq 0 ]'

# Non-Markdown files and deleted files are not linted.
write notes.txt '中文Go\n'
git add notes.txt
git rm -q --cached 'doc one.md'
git commit -q -m other >../out 2>../err
status=$?
check "git hook: other files and deletions pass" eval '[ "$status" -eq 0 ]'

cd "$work" || exit 2

# A warning stops the commit by default (TRANSLINT_FAIL_ON=warning), and
# the finding is shown (git sends a hook's output to standard error);
# TRANSLINT_FAIL_ON= leaves it to the configuration (errors only by
# default).
git init -q plain
cd plain || exit 2
cp "$root/tools/git-pre-commit" .git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
write a.md '关于Go的文章\n'
git add a.md
git commit -q -m warn >../out 2>../err
status=$?
check "git hook: a warning stops the commit by default, and is shown" \
	eval '[ "$status" -eq 1 ] && grep -q "a\.md:1:2 *warning" ../err'
TRANSLINT_FAIL_ON= git commit -q -m warn >../out 2>../err
status=$?
check "git hook: TRANSLINT_FAIL_ON= lets warnings through" eval '[ "$status" -eq 0 ]'
printf 'fail-on: warning\n' >.translint.yml
write b.md '关于Go的文章\n'
git add .translint.yml b.md
TRANSLINT_FAIL_ON= git commit -q -m warn >../out 2>../err
status=$?
check "git hook: TRANSLINT_FAIL_ON= obeys fail-on in .translint.yml" \
	eval '[ "$status" -eq 1 ] && grep -q "b\.md:1:2" ../err'
cd "$work" || exit 2

# ---- pre-commit install + git commit ---------------------------------------

if ! command -v pre-commit >/dev/null 2>&1; then
	ok "pre-commit: translint hook # SKIP pre-commit not installed"
	ok "pre-commit: translint-fix hook # SKIP pre-commit not installed"
	ok "pre-commit: --max-warnings # SKIP pre-commit not installed"
	finish
fi
export PRE_COMMIT_HOME=$work/pc-home
# The hooks' repository: a copy of .pre-commit-hooks.yaml in a scratch
# repository, so that the test does not depend on the checkout's state.
git init -q hookrepo
cp "$root/.pre-commit-hooks.yaml" hookrepo/
(cd hookrepo && git add . && git commit -q -m hooks)
rev=$(git -C hookrepo rev-parse HEAD)

# project ID [ARGS]: a fresh repository "proj" using hook ID (with the
# YAML list ARGS as its args), installed; the caller is left inside.
project()
{
	rm -rf "$work/proj"
	git init -q "$work/proj"
	cd "$work/proj" || exit 2
	{
		echo "repos:"
		echo "  - repo: $work/hookrepo"
		echo "    rev: $rev"
		echo "    hooks:"
		echo "      - id: $1"
		[ -z "${2:-}" ] || echo "        args: $2"
	} >.pre-commit-config.yaml
	git add .pre-commit-config.yaml
	git commit -q --no-verify -m config
	pre-commit install >/dev/null 2>&1 || exit 2
}

# commit MESSAGE: git commit, pre-commit's report in ../out.
commit()
{
	git commit -q -m "$1" >../out 2>&1
	status=$?
}

project translint
write a.md '关于Go的文章\n'
write ok.md '关于 Go 的文章\n'
git add a.md ok.md
commit warn
check "pre-commit translint: a warning stops the commit and is shown" \
	eval '[ "$status" -ne 0 ] && grep -q "a\.md:1:2 *warning" ../out &&
		! grep -q "ok\.md:" ../out'
write a.md '关于 Go 的文章\n'
git add a.md
commit clean
check "pre-commit translint: a clean file commits" eval '[ "$status" -eq 0 ]'

project translint-fix
write a.md '关于Go的文章\n'
git add a.md
commit fix
check "pre-commit translint-fix: fixes the file and stops the commit" \
	eval '[ "$status" -ne 0 ] && same_bytes a.md "关于 Go 的文章\n"'
git add a.md
commit fixed
check "pre-commit translint-fix: the fixed file commits" eval '[ "$status" -eq 0 ]'
write b.md '关于 Go 的文章\n\n“未配对\n'
git add b.md
commit unfixable
check "pre-commit translint-fix: a warning it cannot fix stops the commit" \
	eval '[ "$status" -ne 0 ] && grep -q "b\.md:3:1 *warning" ../out'

# --max-warnings over pre-commit's batches: without require_serial,
# pre-commit gives each processor a share of the files (at least 4), and
# each translint would count its share alone.
project translint '[--max-warnings, "4"]'
for i in 1 2 3 4 5 6 7 8; do write "f$i.md" '中文Go\n'; done
git add f1.md f2.md f3.md f4.md
commit four
check "pre-commit --max-warnings 4: four files, one warning each, commit" \
	eval '[ "$status" -eq 0 ]'
for i in 1 2 3 4; do write "f$i.md" '中文Go，\n'; done
git add f1.md f2.md f3.md f4.md f5.md f6.md f7.md f8.md
commit eight
check "pre-commit --max-warnings 4: eight files, one warning each, fail" \
	eval '[ "$status" -ne 0 ] && grep -q "too many warnings (8, maximum 4)" ../out'
cd "$work" || exit 2
finish
