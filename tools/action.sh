#!/usr/bin/env bash
# action.sh: the steps of the GitHub Action (action.yml) after the build:
# find the Markdown files the pull request changed, lint them with
# --changed-since the base as GitHub annotations, and optionally write a
# SARIF log for code scanning. It runs anywhere with the GitHub variables
# set, which is how tests/cli/action.sh runs it.
#
# Environment (the action's inputs arrive as INPUT_*):
#   TRANSLINT            the translint command (default: translint beside
#                        this script's folder, else in PATH)
#   INPUT_BASE           the revision to compare with; default: the merge
#                        base with origin/$GITHUB_BASE_REF on pull requests,
#                        and no comparison (every Markdown file, every
#                        line) otherwise
#   INPUT_PATHS          pathspecs to lint (default: the whole repository)
#   INPUT_SARIF_FILE     also write SARIF here (for
#                        github/codeql-action/upload-sarif)
#   INPUT_ARGS           more translint options (split on spaces)
#   GITHUB_EVENT_NAME, GITHUB_BASE_REF, GITHUB_OUTPUT  as GitHub sets them
#
# Exit status: translint's (0 clean, 1 failing diagnostics, 2 trouble).
set -uo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${TRANSLINT:-}" ]; then
	if [ -x "$here/translint" ]; then
		TRANSLINT=$here/translint
	else
		TRANSLINT=translint
	fi
fi

base=${INPUT_BASE:-}
event=${GITHUB_EVENT_NAME:-}
if [ -z "$base" ] && [ -n "${GITHUB_BASE_REF:-}" ] &&
	[[ $event == pull_request* ]]; then
	ref=origin/$GITHUB_BASE_REF
	if ! git rev-parse --verify --quiet "$ref^{commit}" >/dev/null; then
		# actions/checkout fetches one commit by default.
		git fetch --no-tags --quiet origin \
			"+refs/heads/$GITHUB_BASE_REF:refs/remotes/$ref" || {
			echo "translint: error: cannot fetch the base branch $GITHUB_BASE_REF (use actions/checkout with fetch-depth: 0)" >&2
			exit 2
		}
	fi
	base=$(git merge-base HEAD "$ref") || {
		echo "translint: error: no merge base with $ref (use actions/checkout with fetch-depth: 0)" >&2
		exit 2
	}
fi

# shellcheck disable=SC2206 # INPUT_PATHS and INPUT_ARGS are word lists
pathspecs=(${INPUT_PATHS:-.})
# shellcheck disable=SC2206
extra=(${INPUT_ARGS:-})

files=()
if [ -n "$base" ]; then
	while IFS= read -r -d '' f; do
		case $f in
		*.md | *.markdown) files+=("$f") ;;
		esac
	done < <(git diff --name-only -z --diff-filter=ACMR "$base" -- "${pathspecs[@]}")
	# Files new in the working tree (not committed) count too.
	while IFS= read -r -d '' f; do
		case $f in
		*.md | *.markdown) files+=("$f") ;;
		esac
	done < <(git ls-files -z --others --exclude-standard -- "${pathspecs[@]}")
	changed=(--changed-since "$base")
else
	files=("${pathspecs[@]}")
	changed=()
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
	echo "files=${#files[@]}" >>"$GITHUB_OUTPUT"
fi
if [ "${#files[@]}" -eq 0 ]; then
	echo "translint: no changed Markdown files"
	[ -z "${INPUT_SARIF_FILE:-}" ] ||
		"$TRANSLINT" --format sarif --stdin --stdin-filename none.md \
			</dev/null >"$INPUT_SARIF_FILE"
	exit 0
fi

"$TRANSLINT" "${extra[@]}" "${changed[@]}" --format github -- "${files[@]}"
status=$?

if [ -n "${INPUT_SARIF_FILE:-}" ]; then
	"$TRANSLINT" "${extra[@]}" "${changed[@]}" --format sarif -- \
		"${files[@]}" >"$INPUT_SARIF_FILE"
	sarif_status=$?
	[ "$sarif_status" -lt 2 ] || status=2
	[ -z "${GITHUB_OUTPUT:-}" ] ||
		echo "sarif-file=$INPUT_SARIF_FILE" >>"$GITHUB_OUTPUT"
fi
exit "$status"
