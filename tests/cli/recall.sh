#!/usr/bin/env bash
# recall.sh: tests/inject_defects.py, the recall of the source rules on
# injected defects (docs/accuracy.md), on the pairs of tests/cli/pairs
# (en/NAME the original, zh/NAME its translation: this project's own
# text). Every defect injected there must be found by the right rule at
# the right line; `make source-recall` runs the same script over
# ../shared/corpus/lctt-pairs.
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

if ! command -v python3 >/dev/null; then
	ok "recall on injected defects # skip python3 not installed"
	exit 0
fi

python3 "$root/tests/inject_defects.py" --preset translation --per-kind 3 \
	--min-recall 100 "$TRANSLINT" "$root/tests/cli/pairs" >out 2>err
status=$?
check "every injected defect is found by its rule at its line" \
	eval 'status_is 0 && err_empty && ! grep -q "^miss" out'
for kind in paragraph digit link code-span code-line english; do
	check "recall: defects of kind $kind are injected" \
		eval "grep -Eq '^$kind +[a-z-]+ +[1-9][0-9]* ' out"
done

# The script finds a miss: with source-number off, no digit is found.
printf 'extends: [translation]\nrules:\n  source-number: off\n' >off.yml
python3 "$root/tests/inject_defects.py" --preset translation --config off.yml \
	--min-recall 100 "$TRANSLINT" "$root/tests/cli/pairs" >out 2>err
status=$?
check "a rule turned off shows as misses and fails --min-recall" \
	eval 'status_is 1 && grep -Eq "^digit +source-number +[1-9][0-9]* +0 " out &&
		grep -q "^miss digit: " out'

# A paragraph that source-missing's may-drop lets go is no defect when
# deleted: with may-drop matching every block, no paragraph is injected
# (the script once counted them as misses: an It's FOSS widget).
printf 'extends: [translation]\nrules:\n  source-missing:\n    may-drop: "[\\\\s\\\\S]"\n' >drop.yml
python3 "$root/tests/inject_defects.py" --preset translation --config drop.yml \
	--kinds paragraph "$TRANSLINT" "$root/tests/cli/pairs" >out 2>err
status=$?
check "a paragraph that may-drop lets go is not injected" \
	eval 'status_is 0 && err_empty && grep -Eq "^paragraph +source-missing +0 +0 " out &&
		! grep -q "^miss" out'

exit $((failures > 0))
