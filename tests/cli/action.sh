#!/usr/bin/env bash
# action.sh: tools/action.sh, the shell steps of the GitHub Action
# (action.yml), run locally in a temporary repository with the variables
# GitHub sets on a pull request: only changed Markdown files, only
# changed lines, workflow-command annotations, the optional SARIF file and
# the step outputs.
# shellcheck source=tests/cli/common.bash
root=${TL_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$(dirname "$0")/common.bash"

if ! command -v git >/dev/null 2>&1; then
	ok "action: tools/action.sh # skip git not installed"
	finish
fi
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com \
	GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com \
	GIT_CONFIG_NOSYSTEM=1 HOME=$work

git init -q -b main repo 2>/dev/null || { git init -q repo && git -C repo checkout -q -b main; }
cd repo || exit 2
write old.md '旧的Go\n'
write keep.md '不动Go\n'
write notes.txt '中文Go\n'
git add .
git commit -q -m base
# What actions/checkout leaves: the base branch as a remote-tracking ref.
git update-ref refs/remotes/origin/main main
git checkout -q -b feature
write old.md '旧的Go\n新的Go\n'
write 'new doc.md' '全新Go\n'
write notes.txt '中文Go改\n'
git add .
git commit -q -m change

run_action()
{
	: >"$work/gh-output"
	env GITHUB_ACTIONS=true GITHUB_EVENT_NAME=pull_request \
		GITHUB_BASE_REF=main GITHUB_HEAD_REF=feature \
		GITHUB_OUTPUT="$work/gh-output" GITHUB_WORKSPACE="$PWD" \
		TRANSLINT="$TRANSLINT" "$@" \
		bash "$root/tools/action.sh" >"$work/out" 2>"$work/err"
	status=$?
}

run_action
check "pull request: annotations for changed lines of changed files only" \
	eval '[ "$(sort "$work/out" | cut -d, -f1,2)" = "$(printf "%s\n" "::warning file=new doc.md,line=1" "::warning file=old.md,line=2")" ]'
check "pull request: warnings only, exit 0" status_is 0
check "step output: number of files" grep -qx 'files=2' "$work/gh-output"

run_action INPUT_SARIF_FILE="$work/out.sarif" INPUT_ARGS="--severity space-cjk-latin=error"
check "errors fail the step (exit 1)" status_is 1
check "SARIF written with the same results" \
	eval 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(len(d[\"runs\"][0][\"results\"]) != 2)" "$work/out.sarif"'
check "step output: the SARIF file" grep -qx "sarif-file=$work/out.sarif" "$work/gh-output"

run_action INPUT_BASE=HEAD
check "nothing changed since the given base: no annotation" \
	eval 'status_is 0 && ! grep -q "^::" "$work/out"'

run_action GITHUB_EVENT_NAME=push GITHUB_BASE_REF=
check "outside a pull request: every Markdown file, every line" \
	eval '[ "$(grep -c "^::warning" "$work/out")" = 4 ]'

run_action GITHUB_BASE_REF=no-such-branch
check "a base branch that cannot be found: exit 2" status_is 2

finish
