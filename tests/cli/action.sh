#!/usr/bin/env bash
# action.sh: tools/action.sh, the shell steps of the GitHub Action
# (action.yml), run locally in a temporary repository with the variables
# GitHub sets on a pull request: only changed Markdown files, only
# changed lines, workflow-command annotations, the optional SARIF file,
# the review page and the step outputs; and, in action.yml, the steps
# that upload what the script wrote.
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

mkdir "$work/runner-temp"
page=$work/runner-temp/translint-review/translint-review.html
run_action()
{
	: >"$work/gh-output"
	rm -f "$page"
	env GITHUB_ACTIONS=true GITHUB_EVENT_NAME=pull_request \
		GITHUB_BASE_REF=main GITHUB_HEAD_REF=feature \
		GITHUB_OUTPUT="$work/gh-output" GITHUB_WORKSPACE="$PWD" \
		RUNNER_TEMP="$work/runner-temp" TRANSLINT="$TRANSLINT" "$@" \
		bash "$root/tools/action.sh" >"$work/out" 2>"$work/err"
	status=$?
}

run_action
check "pull request: annotations for changed lines of changed files only" \
	eval '[ "$(sort "$work/out" | cut -d, -f1,2)" = "$(printf "%s\n" "::warning file=new doc.md,line=1" "::warning file=old.md,line=2")" ]'
check "pull request: warnings fail the step by default (exit 1)" status_is 1
check "step output: number of files" grep -qx 'files=2' "$work/gh-output"

# The review page: the same files and lines as the annotations.
check "review page: written to RUNNER_TEMP, named in the outputs" \
	eval 'grep -qx "review-page=$page" "$work/gh-output" && [ -s "$page" ]'
check "review page: the findings of the changed lines only" \
	eval '[ "$(python3 "$root/tests/cli/html_page.py" findings "$page" | cut -f1,3,5)" = "$(printf "%s\t%s\t%s\n" "new doc.md" space-cjk-latin 新G "old.md" space-cjk-latin 的G)" ]'
run_action INPUT_REVIEW_PAGE=false
check "review page: off with review-page: false" \
	eval '[ ! -e "$page" ] && ! grep -q review-page "$work/gh-output" && status_is 1'
run_action INPUT_BASE=HEAD
check "review page: none when no Markdown file changed" \
	eval '[ ! -e "$page" ] && ! grep -q review-page "$work/gh-output"'

# action.yml uploads the page the script named, as an artifact, when the
# input asks for it, and links it from the job summary.
yml=$root/action.yml
check "action.yml: the review-page inputs, default on" \
	eval 'grep -A3 "^  review-page:" "$yml" | grep -q "default: \"true\"" &&
		grep -q "^  review-page-artifact:" "$yml"'
check "action.yml: actions/upload-artifact with the page the script wrote" \
	python3 -c 'import re, sys
y = open(sys.argv[1]).read()
step = y[y.index("- name: Attach the review page"):]
step = step[:step.index("\n    - name:", 1)]
need = ["id: page", "uses: actions/upload-artifact@v4",
        "if: always() && inputs.review-page == '"'"'true'"'"' && steps.lint.outputs.review-page != '"'"''"'"'",
        "name: ${{ inputs.review-page-artifact }}",
        "path: ${{ steps.lint.outputs.review-page }}"]
missing = [n for n in need if n not in step]
print(missing, file=sys.stderr)
sys.exit(bool(missing) or "INPUT_REVIEW_PAGE: ${{ inputs.review-page }}" not in y)' "$yml" 2>"$work/err"

run_action INPUT_FAIL_ON=error
check "fail-on error: the same annotations, warnings pass (exit 0)" \
	eval 'status_is 0 && [ "$(grep -c "^::warning" "$work/out")" = 2 ]'
run_action INPUT_FAIL_ON=
check "fail-on empty: the configuration decides (errors only)" status_is 0

run_action INPUT_FAIL_ON=error INPUT_SARIF_FILE="$work/out.sarif" \
	INPUT_ARGS="--severity space-cjk-latin=error"
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

# ---- The job summary ----------------------------------------------------------

: >"$work/summary"
run_action GITHUB_STEP_SUMMARY="$work/summary" GITHUB_REPOSITORY=o/r \
	GITHUB_SERVER_URL=https://github.example
check "summary: totals, on the changed lines" \
	grep -q '^\*\*2 problems\*\* (0 errors, 2 warnings, 0 infos) in 2 of 2 Markdown files on the lines changed since `[0-9a-f]\{12\}`; 2 fixable' "$work/summary"
check "summary: counts per rule, the rule linked to its page" \
	grep -q '^| \[space-cjk-latin\](https://[^)]*/space-cjk-latin\.md) | warning | 2 |$' "$work/summary"
check "summary: nothing past the annotation limit, no such section" \
	eval '! grep -q "not shown" "$work/summary"'

: >"$work/summary"
run_action GITHUB_STEP_SUMMARY="$work/summary" INPUT_SUMMARY=false
check "summary: off with summary: false" eval '[ ! -s "$work/summary" ]'

run_action GITHUB_STEP_SUMMARY="$work/summary" INPUT_BASE=HEAD
check "summary: no changed Markdown file" \
	grep -qx 'No changed Markdown files.' "$work/summary"

# 14 warnings (12 here, old.md and new doc.md) and 11 errors (a custom
# rule whose message needs escaping in a table): GitHub shows 10 of each;
# the summary lists the other five.
git checkout -q -b many
cat >.translint.yml <<'YML'
rules:
  custom:
    - id: no-x
      pattern: "XX"
      message: "a|b <i>x</i>"
      severity: error
YML
for i in $(seq 1 12); do printf '中文Go\n\n'; done >"many lines.md"
for i in $(seq 1 11); do printf 'XX\n\n'; done >>"many lines.md"
git add .
git commit -q -m many
: >"$work/summary"
run_action GITHUB_STEP_SUMMARY="$work/summary" GITHUB_REPOSITORY=o/r \
	GITHUB_SERVER_URL=https://github.example GITHUB_HEAD_REF=many
sha=$(git rev-parse HEAD)
check "summary: five problems past the annotation limit" \
	grep -q '^#### 5 problems not shown as annotations' "$work/summary"
check "summary: the 11th and 12th warnings, linked to their lines" \
	eval 'grep -q "^| \[many lines.md:21:2\](https://github.example/o/r/blob/$sha/many%20lines.md#L21) | warning | space-cjk-latin | " "$work/summary" &&
		grep -q "^| \[many lines.md:23:2\]" "$work/summary" &&
		! grep -q "^| \[many lines.md:19:" "$work/summary"'
check "summary: the 11th error, its message escaped" \
	grep -q '^| \[many lines.md:45:1\](.*) | error | no-x | a\\|b \\<i\\>x\\</i\\> |$' "$work/summary"
check "summary: the step still fails on errors" status_is 1

# upload-sarif without a sarif-file: the log goes to RUNNER_TEMP.
run_action INPUT_UPLOAD_SARIF=true RUNNER_TEMP="$work/runner-temp"
check "upload-sarif: the SARIF log in RUNNER_TEMP, named in the outputs" \
	eval 'grep -qx "sarif-file=$work/runner-temp/translint.sarif" "$work/gh-output" &&
		grep -q "\"ruleId\": \"no-x\"" "$work/runner-temp/translint.sarif"'


# ---- Pairing each changed translation with its original (issue 15.6) ------

# A scratch repository per convention, with the commits a translation
# pull request makes, and origin/master as actions/checkout leaves it.
# run_action runs in the current folder (GITHUB_WORKSPACE=$PWD).
scratch()
{
	cd "$work" || exit 2
	git init -q -b master "$1" 2>/dev/null ||
		{ git init -q "$1" && git -C "$1" checkout -q -b master; }
	cd "$1" || exit 2
}
pr_action()
{
	run_action GITHUB_BASE_REF=master GITHUB_HEAD_REF=translate "$@"
}

# LCTT: the pull request moves sources/tech/X to translated/tech/X and
# translates it; master moved on after the branch began.
scratch lctt
mkdir -p sources/tech
printf 'Hello Go, the LCTT original.\n\nA second paragraph.\n' \
	>"sources/tech/20240101 Hello Go.md"
printf 'Another article.\n' >sources/tech/other.md
printf 'extends: [lctt]\n' >.translint.yml
git add -A && git commit -q -m 'add sources'
git checkout -q -b translate
mkdir -p translated/tech
git mv "sources/tech/20240101 Hello Go.md" "translated/tech/20240101 Hello Go.md"
printf '你好，LCTT 的译文。\n' >"translated/tech/20240101 Hello Go.md"
git commit -q -am 'translated'
git checkout -q master
printf 'Master moved on.\n' >>sources/tech/other.md
git commit -q -am 'more on master'
git update-ref refs/remotes/origin/master master
git checkout -q translate
pr_action
check "lctt: the changed translation is linted" grep -qx 'files=1' "$work/gh-output"
check "lctt: the review page pairs translated/X with sources/X at the base" \
	eval 'python3 "$root/tests/cli/html_page.py" pairs "$page" >"$work/pairs" &&
		grep -q "Hello Go, the LCTT original\." "$work/pairs" &&
		grep -q "你好，LCTT 的译文。" "$work/pairs"'
check "lctt: no error reading the original" eval '! grep -q "error" "$work/err"'

# gold-miner: the pull request replaces the English text of the same file.
scratch gold
mkdir -p article/2024
printf 'Hello Go, the gold-miner original.\n' >article/2024/go.md
printf 'extends: [gold-miner]\n' >.translint.yml
git add -A && git commit -q -m 'add an article'
git checkout -q -b translate
printf '你好，掘金的译文。\n' >article/2024/go.md
git commit -q -am 'translated'
git update-ref refs/remotes/origin/master master
pr_action
check "gold-miner: the review page pairs the file with itself at the base" \
	eval 'python3 "$root/tests/cli/html_page.py" pairs "$page" >"$work/pairs" &&
		grep -q "Hello Go, the gold-miner original\." "$work/pairs" &&
		grep -q "你好，掘金的译文。" "$work/pairs"'
check "gold-miner: no error reading the original" eval '! grep -q "error" "$work/err"'

finish
