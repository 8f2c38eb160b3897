#!/usr/bin/env bash
# hooks.sh: the plain git hook tools/git-pre-commit lints what is staged,
# not the working tree; and .pre-commit-hooks.yaml works with the real
# pre-commit tool (`pre-commit try-repo`) when it is installed.
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

# ---- pre-commit try-repo ---------------------------------------------------

if ! command -v pre-commit >/dev/null 2>&1; then
	ok "pre-commit try-repo translint # skip pre-commit not installed"
	ok "pre-commit try-repo translint-fix # skip pre-commit not installed"
	finish
fi
# try-repo wants a git repository holding .pre-commit-hooks.yaml: a copy
# of the hooks file in a scratch repository, so the test does not depend
# on the state of the checkout.
git init -q hookrepo
cp "$root/.pre-commit-hooks.yaml" hookrepo/
(cd hookrepo && git add . && git commit -q -m hooks)
git init -q proj
cd proj || exit 2
write a.md '中文Go\n'
printf 'rules:\n  space-cjk-latin: error\n' >.translint.yml
git add a.md .translint.yml
PRE_COMMIT_HOME=$work/pc-home pre-commit try-repo ../hookrepo translint \
	--files a.md >../out 2>&1
status=$?
check "pre-commit try-repo translint: fails on a problem" \
	eval '[ "$status" -ne 0 ] && grep -q "a\.md:1:" ../out'
PRE_COMMIT_HOME=$work/pc-home pre-commit try-repo ../hookrepo translint-fix \
	--files a.md >../out 2>&1
check "pre-commit try-repo translint-fix: fixes the file" \
	eval 'same_bytes a.md "中文 Go\n"'
finish
