#!/usr/bin/env bash
# fixtures_groups.sh: the fixtures checked in groups, as they run under
# valgrind (tests/fixtures.sh runs the cases that share their arguments
# with four processes a group when TL_UNDER_VALGRIND is set), give the
# same "ok" lines as checked one case at a time, and a wrong expectation
# still fails its own case. On three small rules (24 cases, under valgrind
# too) whose cases mix a group with a CASE.rules and one with a CASE.yml.
# shellcheck source=tests/cli/common.bash
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/common.bash"
export TRANSLINT

rules=(dash fullwidth-alphanumeric space-cjk-code)
env -u TL_UNDER_VALGRIND bash "$top/tests/fixtures.sh" "${rules[@]}" |
	sort >one
TL_UNDER_VALGRIND=1 bash "$top/tests/fixtures.sh" "${rules[@]}" | sort >grouped
check "grouped fixtures: the cases of one at a time, all ok" \
	eval '[ -s one ] && ! grep -q "^not ok" one && cmp -s one grouped'

# A copy of one rule's folder with a wrong expectation: the grouped run
# fails that case and no other.
mkdir -p copy/tests/fixtures
cp -R "$top/tests/fixtures/dash" copy/tests/fixtures/
cp "$top/tests/fixtures.sh" copy/tests/
echo "heading.md:9:9: not there" >>copy/tests/fixtures/dash/heading.expected
TL_UNDER_VALGRIND=1 bash copy/tests/fixtures.sh dash >bad
check "grouped fixtures: a wrong expectation fails its case only" \
	eval '[ "$(grep -c "^not ok" bad)" = 1 ] &&
		grep -q "^not ok - dash/heading: findings" bad'
finish
