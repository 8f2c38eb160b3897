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
	python3 - "$1" "$2" <<'PY' >py.out 2>&1
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
    print(e.message, list(e.absolute_path))
sys.exit(1 if errors else 0)
PY
}

# jq_py FILE EXPR: prints EXPR evaluated in Python with d the JSON of FILE.
jq_py()
{
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
print(eval(sys.argv[2]))' "$1" "$2"
}

# ---- sarif -------------------------------------------------------------------

tl "${sel[@]}" -f sarif a.md
cp out sarif.json
if have_jsonschema; then
	check "sarif: valid against the SARIF 2.1.0 schema" \
		eval 'validate "$schemas/sarif-schema-2.1.0.json" sarif.json ||
		{ cat py.out >&2; false; }'
else
	ok "sarif: valid against the SARIF 2.1.0 schema # skip no ../shared/schemas or python3-jsonschema"
fi
check "sarif: exit status 0 with warnings only" status_is 0
r='d["runs"][0]["results"][0]'
check "sarif: region columns count UTF-16 code units" \
	eval '[ "$(jq_py sarif.json "[$r[\"locations\"][0][\"physicalLocation\"][\"region\"][k] for k in (\"startLine\", \"startColumn\", \"endLine\", \"endColumn\")]")" = "[3, 4, 3, 6]" ]'
check "sarif: ruleId, level and message" \
	eval '[ "$(jq_py sarif.json "($r[\"ruleId\"], $r[\"level\"], bool($r[\"message\"][\"text\"]))")" = "('"'space-cjk-latin'"', '"'warning'"', True)" ]'
check "sarif: artifact uri is the path" \
	eval '[ "$(jq_py sarif.json "$r[\"locations\"][0][\"physicalLocation\"][\"artifactLocation\"][\"uri\"]")" = a.md ]'
check "sarif: the fix as a replacement in UTF-16 columns" \
	eval '[ "$(jq_py sarif.json "$r[\"fixes\"][0][\"artifactChanges\"][0][\"replacements\"][0]")" = "{'"'deletedRegion'"': {'"'startLine'"': 3, '"'startColumn'"': 5, '"'endLine'"': 3, '"'endColumn'"': 5}, '"'insertedContent'"': {'"'text'"': '"' '"'}}" ]'
check "sarif: every built-in rule with a help URI to its page" \
	eval '[ "$(jq_py sarif.json "[x[\"helpUri\"] for x in d[\"runs\"][0][\"tool\"][\"driver\"][\"rules\"] if x[\"id\"] == \"space-cjk-latin\"][0].endswith(\"/space-cjk-latin.md\")")" = True ] &&
		[ "$(jq_py sarif.json "len(d[\"runs\"][0][\"tool\"][\"driver\"][\"rules\"])")" = "$("$TRANSLINT" --list-rules | grep -c .)" ]'

write clean.md '这是 Go 语言。\n'
write 'sp ace.md' '中文Go\n'
tl "${sel[@]}" -f sarif clean.md a.md clean.md 'sp ace.md'
cp out sarif2.json
if have_jsonschema; then
	check "sarif: several files, some clean, still valid" \
		eval 'validate "$schemas/sarif-schema-2.1.0.json" sarif2.json'
else
	ok "sarif: several files, some clean, still valid # skip no schema or python3-jsonschema"
fi
check "sarif: uri percent-encoded" \
	eval '[ "$(jq_py sarif2.json "d[\"runs\"][0][\"results\"][-1][\"locations\"][0][\"physicalLocation\"][\"artifactLocation\"][\"uri\"]")" = "sp%20ace.md" ]'

tl "${sel[@]}" -f sarif clean.md
check "sarif: no results is still a valid log" \
	eval 'status_is 0 && [ "$(jq_py out "len(d[\"runs\"][0][\"results\"])")" = 0 ]'

# ---- rdjson ------------------------------------------------------------------

tl "${sel[@]}" -f rdjson a.md clean.md 'sp ace.md'
cp out rd.json
if have_jsonschema; then
	check "rdjson: valid against DiagnosticResult.json" \
		eval 'validate "$schemas/rdjson/DiagnosticResult.json" rd.json ||
		{ cat py.out >&2; false; }'
else
	ok "rdjson: valid against DiagnosticResult.json # skip no ../shared/schemas or python3-jsonschema"
fi
r='d["diagnostics"][0]'
check "rdjson: columns count UTF-8 bytes" \
	eval '[ "$(jq_py rd.json "$r[\"location\"][\"range\"]")" = "{'"'start'"': {'"'line'"': 3, '"'column'"': 8}, '"'end'"': {'"'line'"': 3, '"'column'"': 12}}" ]'
check "rdjson: source, severity, code and path" \
	eval '[ "$(jq_py rd.json "(d[\"source\"][\"name\"], $r[\"severity\"], $r[\"code\"][\"value\"], $r[\"location\"][\"path\"], len(d[\"diagnostics\"]))")" = "('"'translint'"', '"'WARNING'"', '"'space-cjk-latin'"', '"'a.md'"', 2)" ]'
check "rdjson: suggestions from the fix, in bytes" \
	eval '[ "$(jq_py rd.json "$r[\"suggestions\"]")" = "[{'"'range'"': {'"'start'"': {'"'line'"': 3, '"'column'"': 11}, '"'end'"': {'"'line'"': 3, '"'column'"': 11}}, '"'text'"': '"' '"'}]" ]'

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
rm .translint.yml

# ---- exit status is the same in every format ---------------------------------

write e.md '中文Go\n'
for f in text gcc json sarif rdjson github; do
	tl --severity space-cjk-latin=error -f "$f" e.md
	check "exit 1 for an error in format $f" status_is 1
done

finish
