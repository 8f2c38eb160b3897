#!/usr/bin/env bash
# docs.sh: what the documentation promises exists. Every revision a
# snippet names (pre-commit's "rev:", an Action's "uses: ...@REV") must be
# one users can fetch: the main branch or a tag of this repository (no
# release is tagged yet, so a "v0.1.0" in the docs would send users to
# nothing).
# shellcheck source=tests/cli/common.bash
root=${TL_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$(dirname "$0")/common.bash"

docs=("$root"/README.md "$root"/docs/*.md "$root"/.pre-commit-hooks.yaml
	"$root"/action.yml)

# The revisions named, one a line: "FILE: REV".
for f in "${docs[@]}"; do
	[ -f "$f" ] || continue
	sed -n -e 's/^[#[:space:]]*rev:[[:space:]]*\([^[:space:]#]*\).*/\1/p' \
		-e 's/.*uses:[[:space:]]*translint\/translint@\([^[:space:]#]*\).*/\1/p' \
		"$f" | sed "s|^|${f#"$root"/}: |"
done >revs
check "the docs name revisions (pre-commit rev:, uses: @)" test -s revs

if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
	tags=$(git -C "$root" tag -l)
	bad=
	while read -r file rev; do
		[ "$rev" = main ] && continue
		grep -qxF -- "$rev" <<<"$tags" || bad="$bad $file $rev"
	done <revs
	check "every revision the docs name is main or a tag" \
		eval '[ -z "$bad" ] || { echo "not main and no tag:$bad" >err; false; }'
else
	ok "every revision the docs name is main or a tag # skip not a git checkout"
fi

exit $((failures > 0))
