#!/usr/bin/env bash
# action.sh: the steps of the GitHub Action (action.yml) after the build:
# find the Markdown files the pull request changed, lint them with
# --changed-since the base as GitHub annotations, write the job summary
# (tools/action-summary.py), the review page (--format html, which
# action.yml attaches to the run as an artifact) and optionally a SARIF
# log for code scanning. Each changed translation is paired with its
# original by the source: entries of the configuration, which read
# revision: base (and originals moved away, as LCTT's) at that same base.
# It runs anywhere with the GitHub variables set, which is how
# tests/cli/action.sh runs it.
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
#   INPUT_UPLOAD_SARIF   "true": write SARIF, to $RUNNER_TEMP/translint.sarif
#                        unless INPUT_SARIF_FILE names a file (action.yml
#                        uploads it)
#   INPUT_SUMMARY        "false": no job summary (default: one, when
#                        GITHUB_STEP_SUMMARY is set)
#   INPUT_REVIEW_PAGE    "false": no review page (default: one, written to
#                        $RUNNER_TEMP/translint-review/translint-review.html
#                        with the same files and lines as the annotations,
#                        and named in the step output review-page)
#   INPUT_FAIL_ON        the --fail-on level (unset: warning, as the
#                        action's default; empty: the configuration's)
#   INPUT_ARGS           more translint options (split on spaces)
#   GITHUB_EVENT_NAME, GITHUB_BASE_REF, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
#   GITHUB_SERVER_URL, GITHUB_REPOSITORY  as GitHub sets them
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

sarif=${INPUT_SARIF_FILE:-}
if [ -z "$sarif" ] && [ "${INPUT_UPLOAD_SARIF:-false}" = true ]; then
	sarif=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/translint.sarif
fi
page=
if [ "${INPUT_REVIEW_PAGE:-true}" != false ]; then
	page=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/translint-review/translint-review.html
fi
summary=
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ "${INPUT_SUMMARY:-true}" != false ]; then
	summary=$GITHUB_STEP_SUMMARY
fi

# shellcheck disable=SC2206 # INPUT_PATHS and INPUT_ARGS are word lists
pathspecs=(${INPUT_PATHS:-.})
# shellcheck disable=SC2206
extra=(${INPUT_ARGS:-})
fail_on=${INPUT_FAIL_ON-warning}
if [ -n "$fail_on" ]; then
	extra=(--fail-on "$fail_on" "${extra[@]}")
fi

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
	[ -z "$sarif" ] || echo "sarif-file=$sarif" >>"$GITHUB_OUTPUT"
fi
if [ "${#files[@]}" -eq 0 ]; then
	echo "translint: no changed Markdown files"
	[ -z "$sarif" ] ||
		"$TRANSLINT" --format sarif --stdin --stdin-filename none.md \
			</dev/null >"$sarif"
	[ -z "$summary" ] ||
		printf '### translint\n\nNo changed Markdown files.\n' >>"$summary"
	exit 0
fi

"$TRANSLINT" "${extra[@]}" "${changed[@]}" --format github -- "${files[@]}"
status=$?

# The other formats only report: translint's status is the github run's,
# unless one of them could not do its job.
if [ -n "$sarif" ]; then
	"$TRANSLINT" "${extra[@]}" "${changed[@]}" --format sarif -- \
		"${files[@]}" >"$sarif"
	[ $? -lt 2 ] || status=2
fi
if [ -n "$page" ]; then
	mkdir -p "$(dirname "$page")" &&
		"$TRANSLINT" "${extra[@]}" "${changed[@]}" --format html -- \
			"${files[@]}" >"$page"
	if [ $? -lt 2 ]; then
		[ -z "${GITHUB_OUTPUT:-}" ] ||
			echo "review-page=$page" >>"$GITHUB_OUTPUT"
	else
		status=2
	fi
fi
if [ -n "$summary" ]; then
	json=$(mktemp) || exit 2
	"$TRANSLINT" "${extra[@]}" "${changed[@]}" --format json -- \
		"${files[@]}" >"$json"
	json_status=$?
	blob=
	if [ -n "${GITHUB_REPOSITORY:-}" ] && sha=$(git rev-parse HEAD 2>/dev/null); then
		blob=${GITHUB_SERVER_URL:-https://github.com}/$GITHUB_REPOSITORY/blob/$sha/
	fi
	if [ "$json_status" -ge 2 ]; then
		status=2
	elif ! command -v python3 >/dev/null 2>&1; then
		printf '### translint\n\nNo summary: python3 is not installed.\n' >>"$summary"
	elif ! python3 "$here/tools/action-summary.py" --base "$base" \
		--blob "$blob" <"$json" >>"$summary"; then
		echo "translint: error: could not write the job summary" >&2
		status=2
	fi
	rm -f "$json"
fi
exit "$status"
