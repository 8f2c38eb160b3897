#!/usr/bin/env bash
# formats.sh: the sarif, rdjson and github formats (DESIGN.md section 3):
# each validated against its standard's schema where the schema and
# python3-jsonschema are here, and each counting columns in its
# standard's unit. The document puts a supplementary-plane character
# (U+20000, 4 UTF-8 bytes, 2 UTF-16 code units, 1 code point) and CJK
# characters (3 bytes, 1 unit) before the findings, so a column counted
# in the wrong unit fails.
root=${TL_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
schemas=$root/../shared/schemas
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

sel=(--select space-cjk-latin)

# Line 3: 𠀀 中 文 G o. The finding is the span 文G, which starts after
# 𠀀中: code point column 3, UTF-16 column 4, byte column 8; the fix
# inserts a space before G: 4, 5 and 11.
write a.md '# 标题\n\n\360\240\200\200中文Go\n'

have_jsonschema()
{
	[ -d "$schemas" ] && python3 -c 'import jsonschema' 2>/dev/null
}

# validate SCHEMA FILE: FILE is valid JSON that SCHEMA accepts.
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
# Both schemas are self-contained ("#/definitions/..." references only),
# so nothing is fetched.
errors = list(cls(schema).iter_errors(doc))
for e in errors[:3]:
    print(e.message, list(e.absolute_path), file=sys.stderr)
sys.exit(1 if errors else 0)
PY
}

# field_is FILE EXPR JSON: EXPR (Python, with d the document in FILE)
# is JSON, compared as data; on a mismatch the value goes to ./err for
# the failure reason.
field_is()
{
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
got = eval(sys.argv[2])
if got != json.loads(sys.argv[3]):
    print("got", json.dumps(got, ensure_ascii=False), file=sys.stderr)
    sys.exit(1)' "$1" "$2" "$3" 2>err
}

# ---- sarif -------------------------------------------------------------------

tl "${sel[@]}" -f sarif a.md
cp out sarif.json
if have_jsonschema; then
	check "sarif: valid against the SARIF 2.1.0 schema" \
		validate "$schemas/sarif-schema-2.1.0.json" sarif.json
else
	ok "sarif: valid against the SARIF 2.1.0 schema # skip no ../shared/schemas or python3-jsonschema"
fi
check "sarif: exit status 0 with warnings only" status_is 0
res='d["runs"][0]["results"][0]'
loc="${res}[\"locations\"][0][\"physicalLocation\"]"
check "sarif: region columns count UTF-16 code units" \
	field_is sarif.json "${loc}[\"region\"]" \
	'{"startLine": 3, "startColumn": 4, "endLine": 3, "endColumn": 6}'
check "sarif: ruleId, level and message" \
	field_is sarif.json "[${res}[k] for k in ('ruleId', 'level', 'message')]" \
	'["space-cjk-latin", "warning",
	  {"text": "Missing space between Chinese and English"}]'
check "sarif: artifact uri is the path" \
	field_is sarif.json "${loc}[\"artifactLocation\"]" '{"uri": "a.md"}'
check "sarif: the fix as a replacement in UTF-16 columns" \
	field_is sarif.json "${res}[\"fixes\"][0][\"artifactChanges\"]" \
	'[{"artifactLocation": {"uri": "a.md"}, "replacements": [
	  {"deletedRegion": {"startLine": 3, "startColumn": 5,
	                     "endLine": 3, "endColumn": 5},
	   "insertedContent": {"text": " "}}]}]'
rules='d["runs"][0]["tool"]["driver"]["rules"]'
check "sarif: a rule with its help URI to docs/rules/RULE.md" \
	field_is sarif.json \
	"[r['helpUri'].endswith('/docs/rules/space-cjk-latin.md') for r in ${rules} if r['id'] == 'space-cjk-latin']" \
	'[true]'
check "sarif: every built-in rule listed" \
	field_is sarif.json "len(${rules})" "$("$TRANSLINT" --list-rules | grep -c .)"

write clean.md '这是 Go 语言。\n'
write 'sp ace.md' '中文Go\n'
tl "${sel[@]}" -f sarif clean.md a.md clean.md 'sp ace.md'
cp out sarif2.json
if have_jsonschema; then
	check "sarif: several files, some clean, still valid" \
		validate "$schemas/sarif-schema-2.1.0.json" sarif2.json
else
	ok "sarif: several files, some clean, still valid # skip no ../shared/schemas or python3-jsonschema"
fi
check "sarif: uri percent-encoded" \
	field_is sarif2.json \
	'd["runs"][0]["results"][-1]["locations"][0]["physicalLocation"]["artifactLocation"]' \
	'{"uri": "sp%20ace.md"}'

tl "${sel[@]}" -f sarif clean.md
cp out sarif3.json
check "sarif: no results is still a log, with an empty results array" \
	eval 'status_is 0 && field_is sarif3.json "d[\"runs\"][0][\"results\"]" "[]"'

# ---- rdjson ------------------------------------------------------------------

# The rule's page, as the json format gives it (output.sh checks that one).
tl "${sel[@]}" -f json a.md
rule_page=$(sed -n 's/.*"url": "\([^"]*\)".*/\1/p' out)
tl "${sel[@]}" -f rdjson a.md clean.md 'sp ace.md'
cp out rd.json
if have_jsonschema; then
	check "rdjson: valid against DiagnosticResult.json" \
		validate "$schemas/rdjson/DiagnosticResult.json" rd.json
else
	ok "rdjson: valid against DiagnosticResult.json # skip no ../shared/schemas or python3-jsonschema"
fi
check "rdjson: one diagnostic, columns in UTF-8 bytes, suggestion from the fix" \
	field_is rd.json 'd["diagnostics"][0]' \
	'{"message": "Missing space between Chinese and English",
	  "location": {"path": "a.md", "range": {
	    "start": {"line": 3, "column": 8}, "end": {"line": 3, "column": 12}}},
	  "severity": "WARNING", "code": {"value": "space-cjk-latin",
	    "url": "'"$rule_page"'"},
	  "suggestions": [{"range": {"start": {"line": 3, "column": 11},
	                             "end": {"line": 3, "column": 11}},
	                   "text": " "}]}'
check "rdjson: source and both files' diagnostics" \
	field_is rd.json '[d["source"], [x["location"]["path"] for x in d["diagnostics"]]]' \
	'[{"name": "translint"}, ["a.md", "sp ace.md"]]'

# ---- github ------------------------------------------------------------------

tl "${sel[@]}" -f github a.md clean.md
check "github: one workflow command, columns in code points" \
	eval '[ "$(cat out)" = "::warning file=a.md,line=3,col=3,endLine=3,endColumn=5,title=space-cjk-latin::Missing space between Chinese and English" ]'

mkdir -p 'x,y:z%'
write 'x,y:z%/b.md' '中文Go\n'
tl "${sel[@]}" -f github 'x,y:z%/b.md'
check "github: properties escape , : and %" \
	eval 'grep -q "^::warning file=x%2Cy%3Az%25/b.md,line=1," out'

# A custom rule's message carrying %, a colon and a comma: the message is
# data (only %, CR, LF escaped).
cat >.translint.yml <<'YML'
rules:
  custom:
    - id: no-percent
      pattern: "百分"
      message: "100% wrong: a, b"
      severity: error
YML
write p.md '百分\n'
tl -f github p.md
check "github: message escapes % only, error level, exit 1" \
	eval 'status_is 1 && grep -q "^::error file=p.md,line=1,col=1,endLine=1,endColumn=3,title=no-percent::100%25 wrong: a, b$" out'
tl -f json p.md
check "json: a custom rule has no page (url null)" \
	eval 'out_has "\"rule\": \"no-percent\", \"severity\": \"error\", \"message\": \"100% wrong: a, b\", \"url\": null,"'
tl -f sarif p.md
check "sarif: a custom rule is listed without a help URI" \
	field_is out "[('helpUri' in r) for r in ${rules} if r['id'] == 'no-percent']" '[false]'
rm .translint.yml

# ---- exit status is the same in every format ---------------------------------

write e.md '中文Go\n'
for f in text gcc json sarif rdjson github; do
	tl --severity space-cjk-latin=error -f "$f" e.md
	check "exit 1 for an error in format $f" status_is 1
done

finish
