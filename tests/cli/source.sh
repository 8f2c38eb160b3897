#!/usr/bin/env bash
# source.sh: linting a translation with its original (--source, DESIGN.md
# section 8): every format carries the original's location of a source
# rule's finding (JSON "original", SARIF relatedLocations, rdjson
# related_locations, the message of gcc and github, a line in text), in
# that format's column unit; --stdin pairs too; without --source nothing
# changes. The original's line puts "é" (2 bytes) and U+20000 (4 bytes,
# 2 UTF-16 units) before the number the translation changed, so the
# number "1,250" starts at code point column 8, UTF-16 column 9 and byte
# column 12 of line 3.
root=${TL_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
schemas=$root/../shared/schemas
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

sel=(--select source-number)
write en.md '# Users\n\nCafé \360\240\200\200 1,250 users came.\n'
write zh.md '# 用户\n\n来了 1,300 位用户。\n'

have_jsonschema()
{
	[ -d "$schemas" ] && python3 -c 'import jsonschema' 2>/dev/null
}

validate()
{
	python3 - "$1" "$2" <<'PY' 2>err
import json, sys
import jsonschema
with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
with open(sys.argv[2], encoding="utf-8") as f:
    doc = json.load(f)
cls = jsonschema.validators.validator_for(schema)
errors = list(cls(schema).iter_errors(doc))
for e in errors[:3]:
    print(e.message, list(e.absolute_path), file=sys.stderr)
sys.exit(1 if errors else 0)
PY
}

# field_is FILE EXPR JSON: EXPR (Python, d the document in FILE) is JSON.
field_is()
{
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
got = eval(sys.argv[2])
if got != json.loads(sys.argv[3]):
    print("got", json.dumps(got, ensure_ascii=False), file=sys.stderr)
    sys.exit(1)' "$1" "$2" "$3" 2>err
}

tl "${sel[@]}" -f gcc --source en.md zh.md
check "gcc: the original's place at the end of the message" \
	eval 'status_is 0 && same_bytes out "zh.md:3:1: warning: Number 1,250 of the original is missing from its translation (original: en.md:3:8) [source-number]\n"'

tl "${sel[@]}" -f github --source en.md zh.md
check "github: the original's place in the message" \
	eval 'status_is 0 && out_has "title=source-number::Number 1,250 of the original is missing from its translation (original: en.md:3:8)$"'

tl "${sel[@]}" --no-color --source en.md zh.md
check "text: the original's line under the translated one" \
	eval 'status_is 0 && same_bytes out "zh.md:3:1  warning  Number 1,250 of the original is missing from its translation  source-number\n 3 | 来了 1,300 位用户。\n   | ^^^^^^^^^^^^^^^^^^^\n  original: en.md:3:8\n 3 | Café \360\240\200\200 1,250 users came.\n   |         ^^^^^\n\n1 problem (0 errors, 1 warning)\n"'

tl "${sel[@]}" -f json --source en.md zh.md
cp out source.json
check "json: \"original\" with path, line and column (code points)" \
	field_is source.json 'd["files"][0]["diagnostics"][0]["original"]' \
	'{"path": "en.md", "line": 3, "column": 8, "end_line": 3, "end_column": 13, "offset": 20, "end_offset": 25}'

tl "${sel[@]}" -f sarif --source en.md zh.md
cp out source.sarif
check "sarif: relatedLocations with the original's region (UTF-16)" \
	field_is source.sarif 'd["runs"][0]["results"][0]["relatedLocations"]' \
	'[{"id": 1, "physicalLocation": {"artifactLocation": {"uri": "en.md"}, "region": {"startLine": 3, "startColumn": 9, "endLine": 3, "endColumn": 14}}, "message": {"text": "original"}}]'
if have_jsonschema; then
	check "sarif: valid against the SARIF 2.1.0 schema" \
		validate "$schemas/sarif-schema-2.1.0.json" source.sarif
else
	ok "sarif: valid against the SARIF 2.1.0 schema # skip no ../shared/schemas or python3-jsonschema"
fi

tl "${sel[@]}" -f rdjson --source en.md zh.md
cp out source.rdjson
check "rdjson: related_locations with the original's range (bytes)" \
	field_is source.rdjson 'd["diagnostics"][0]["related_locations"]' \
	'[{"message": "original", "location": {"path": "en.md", "range": {"start": {"line": 3, "column": 12}, "end": {"line": 3, "column": 17}}}}]'
if have_jsonschema; then
	check "rdjson: valid against DiagnosticResult.json" \
		validate "$schemas/rdjson/DiagnosticResult.json" source.rdjson
else
	ok "rdjson: valid against DiagnosticResult.json # skip no ../shared/schemas or python3-jsonschema"
fi

tl "${sel[@]}" -f gcc --lang zh --source en.md zh.md
check "gcc in Chinese: the note in Chinese" \
	eval 'status_is 0 && out_has "（原文：en.md:3:8） \[source-number\]$"'

tl_in '来了 1,300 位用户。\n' "${sel[@]}" -f gcc --source en.md --stdin --stdin-filename zh.md
check "--stdin pairs the document read from standard input" \
	eval 'status_is 0 && out_has "^zh.md:1:1: warning: Number 1,250 .*(original: en.md:3:8)"'

tl "${sel[@]}" -f json zh.md
check "without --source: the source rules are silent, no \"original\"" \
	eval 'status_is 0 && ! grep -q original out && out_has "\"diagnostics\": \[\]"'

tl --select source-missing -f gcc --source en.md zh.md en.md
check "--source with two files: a usage error" \
	eval 'status_is 2 && err_has "pairs one translated file"'

tl "${sel[@]}" -f gcc --source missing.md zh.md
check "an original that cannot be read: exit 2, named, the file still linted" \
	eval 'status_is 2 && err_has "missing.md" && out_empty'

printf 'abc\377\n' >bad.md
tl "${sel[@]}" -f gcc --source bad.md zh.md
check "an original that is not UTF-8: the source rules are silent" \
	eval 'status_is 0 && out_empty'

write en2.md '# Users\n\nThe users came to the show in the rain.\n'
cp en2.md same.md
tl --preset translation -f gcc --source en2.md same.md
check "the translation preset turns the source rules on" \
	eval 'out_has "\[source-untranslated\]$"'

# Each added destination is looked for in the whole original: in a sorted
# set, not block by block (that was quadratic: minutes here).
python3 -c '
for i in range(10000):
    print("Text %d [a](https://example.com/o%d) and [b](https://example.com/p%d).\n" % (i, i, i))
' >big.en.md
python3 -c '
for i in range(10000):
    print("文字 %d [甲](https://example.com/o%d) 和 [乙](https://another-site.org/zzz/%d)。\n" % (i, i, i))
' >big.zh.md
# 10 s natively (the quadratic version took 11.9 s on a larger pair); a
# sanitizer or valgrind build is slower by a constant, so it gets 120 s:
# make test is the run that catches the quadratic cost.
pair_limit=10
if [ -n "${ASAN_OPTIONS:-}${TL_UNDER_VALGRIND:-}" ]; then
	pair_limit=120
fi
tl_timed()
{
	timeout "$pair_limit" "$TRANSLINT" "$@" >out 2>err
	status=$?
}
tl_timed --select source-link -f gcc --source big.en.md big.zh.md
check "source-link stays linear: 10,000 added links in a 10,000-block pair" \
	eval 'status_is 0 && [ "$(grep -c "is not in the original" out)" = 10000 ]'

# A short block left in English asks, for each of its words, whether it
# is a code span of the original: in a sorted table, not by a scan of the
# whole original (that was quadratic: 18 s here).
python3 -c '
for i in range(20000):
    print("Run the `tool%d` command on the server now.\n" % i)
' >spans.en.md
cp spans.en.md spans.zh.md
tl_timed --select source-untranslated -f gcc --source spans.en.md spans.zh.md
check "source-untranslated stays linear: 20,000 code spans, 20,000 blocks" \
	eval 'status_is 0 && [ "$(grep -c "source-untranslated" out)" = 20000 ]'

finish
