#!/usr/bin/env bash
# config.sh: configuration (DESIGN.md sections 1.2, 1.3 and 4):
# discovery of .translint.yml, -c, --preset, extends order, rules with
# severities and options, overrides, ignore, --enable/--disable/--severity
# on top, --print-config, --init, every configuration error with its
# position, suppression comments and custom rules.
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

# A document with one space-cjk-latin problem on line 1.
doc='使用Go编写\n'

# ---- Presets -----------------------------------------------------------

# A rule's page says which preset enables it, read from the presets
# themselves (rules/*.yml), the one place that says it.
"$TRANSLINT" --explain space-cjk-latin >"$work/explain.out" 2>&1
check "a rule's page names the first preset that enables it" \
	grep -q 'Enabled in: `recommended`' "$work/explain.out"
"$TRANSLINT" --explain attribution >"$work/explain.out" 2>&1
check "a rule of the translation preset only" \
	grep -q 'Enabled in: `translation`' "$work/explain.out"

write a.md "$doc"
tl -f gcc a.md
check "no configuration: recommended applies" \
	eval 'status_is 0 && out_has "a.md:1:2: warning: .*\[space-cjk-latin\]"'
tl --preset translation -f gcc a.md
check "--preset translation extends recommended" \
	eval 'status_is 0 && out_has "space-cjk-latin"'
tl --preset recomended a.md
check "--preset with an unknown name is an error" \
	eval 'status_is 2 && err_has "unknown preset .recomended."'

# ---- Discovery ----------------------------------------------------------

mkdir -p proj/sub/deeper other
write proj/.translint.yml 'rules:\n  space-cjk-latin: error\n'
write proj/sub/.translint.yaml 'rules:\n  space-cjk-latin: info\n'
write proj/a.md "$doc"
write proj/sub/deeper/b.md "$doc"
write other/c.md "$doc"
tl -f gcc proj/a.md proj/sub/deeper/b.md other/c.md
check "nearest configuration per folder, several in one run" \
	eval 'status_is 1 && out_has "proj/a.md:1:2: error" &&
	out_has "proj/sub/deeper/b.md:1:2: info" &&
	out_has "other/c.md:1:2: warning"'
write proj/sub/.translint.yml 'rules:\n  space-cjk-latin: off\n'
tl -f gcc proj/sub/deeper/b.md
check ".translint.yml wins over .translint.yaml in the same folder" \
	eval 'status_is 0 && ! out_has "b.md"'
rm proj/sub/.translint.yml
(cd proj/sub/deeper && "$TRANSLINT" -f gcc b.md >../../../out 2>../../../err)
status=$?
check "discovery walks up from the file's folder" \
	eval 'status_is 0 && out_has "b.md:1:2: info"'
write alt.yml 'rules:\n  space-cjk-latin: error\n'
tl -c alt.yml -f gcc proj/sub/deeper/b.md
check "-c FILE replaces discovery" eval 'status_is 1 && out_has "b.md:1:2: error"'
tl --config missing.yml a.md
check "-c with a missing file is an error" \
	eval 'status_is 2 && err_has "missing.yml"'
tl_in "$doc" --stdin --stdin-filename proj/x.md -f gcc
check "--stdin-filename picks the configuration" \
	eval 'status_is 1 && out_has "proj/x.md:1:2: error"'

# ---- extends, rules, options -------------------------------------------

mkdir -p ext
write ext/one.yml 'extends: []\nrules:\n  space-cjk-latin: error\n'
write ext/two.yml 'extends: []\nrules:\n  space-cjk-latin: info\n'
write ext/a.md "$doc"
write ext/.translint.yml 'extends: [one.yml, two.yml]\n'
tl -f gcc ext/a.md
check "extends applies files in order (last wins)" \
	eval 'status_is 0 && out_has "1:2: info"'
write ext/.translint.yml 'extends: [two.yml, one.yml]\n'
tl -f gcc ext/a.md
check "extends order reversed" eval 'status_is 1 && out_has "1:2: error"'
write ext/.translint.yml 'extends: []\n'
tl -f gcc ext/a.md
check "extends: [] turns everything off" eval 'status_is 0 && out_empty'
write ext/.translint.yml 'extends: []\nrules:\n  space-cjk-number: {skip-units: 年月}\n'
write ext/n.md '发布于2024年，增长了15个\n'
tl -f gcc ext/n.md
check "naming a rule with options turns it on" \
	eval 'out_has "space-cjk-number" && ! out_has "space-cjk-latin"'
tl --print-config ext/n.md
check "--print-config shows severities and options" \
	eval 'status_is 0 && out_has "space-cjk-number: {severity: warning, skip-units: 年月}" &&
	out_has "space-cjk-latin: off"'
mkdir -p maps
write maps/.translint.yml 'extends: []\nrules:\n  front-matter:\n    required: [title]\n    fields: {cover: url}\n'
printf -- '---\ntitle: 标题\ncover: images/a.png\n---\n\n正文。\n' >maps/m.md
tl -f gcc maps/m.md
check "a map option (fields: {cover: url})" \
	eval 'out_has "maps/m.md:3:8: warning: .*cover.*\\[front-matter\\]"'
tl --print-config maps/m.md
check "a map option is printed as a map" \
	eval 'out_has "fields: {cover: url}"'
write ext/.translint.yml 'extends: recommended\nrules:\n  space-cjk-latin: off\n'
tl -f gcc --enable space-cjk-latin ext/a.md
check "--enable applies after the configuration" \
	eval 'out_has "space-cjk-latin"'
tl -f gcc --severity space-cjk-latin=error ext/a.md
check "--severity applies after the configuration" \
	eval 'status_is 1 && out_has "1:2: error"'
write ext/.translint.yml 'rules:\n  space-cjk-latin: error\n'
tl -f gcc --disable space-cjk-latin ext/a.md
check "--disable applies after the configuration" eval 'status_is 0 && out_empty'

# ---- overrides and ignore ----------------------------------------------

mkdir -p ov/docs/en ov/drafts/x
write ov/.translint.yml 'ignore: ["drafts/**", "*.skip.md"]\noverrides:\n  - files: ["docs/**/*.en.md"]\n    rules: {space-cjk-latin: off}\n  - files: ["docs/en/**"]\n    rules:\n      space-cjk-latin: error\n'
write ov/docs/a.en.md "$doc"
write ov/docs/en/b.md "$doc"
write ov/docs/c.md "$doc"
write ov/drafts/x/d.md "$doc"
write ov/e.skip.md "$doc"
tl -f gcc ov
check "overrides apply by glob relative to the configuration, ** included" \
	eval '! out_has "a.en.md" && out_has "docs/en/b.md:1:2: error" &&
	out_has "docs/c.md:1:2: warning"'
check "ignore skips matching files found in folders" \
	eval '! out_has "d.md" && ! out_has "e.skip.md"'
tl -f gcc ov/drafts/x/d.md
check "a file named explicitly is skipped too when ignore: names it" \
	eval 'status_is 0 && out_empty'
write ov/docs/en/a.en.md "$doc"
tl -f gcc ov/docs/en/a.en.md
check "overrides apply in order" eval 'out_has "a.en.md:1:2: error"'

# ---- Errors --------------------------------------------------------------

mkdir -p bad
write bad/a.md "$doc"
err_case()
{
	local name=$1 yaml=$2 want=$3
	write bad/.translint.yml "$yaml"
	tl bad/a.md
	check "$name" eval "status_is 2 && out_empty && err_has \"$want\""
}
err_case "unknown top-level key suggests the nearest" 'rule:\n  dash: off\n' \
	'bad/.translint.yml:1:1: unknown key .rule. in the configuration (did you mean .rules.?)'
err_case "unknown rule suggests the nearest" 'rules:\n  space-cjk-latn: off\n' \
	'bad/.translint.yml:2:3: unknown rule .space-cjk-latn. (did you mean .space-cjk-latin.?)'
err_case "unknown option suggests the nearest" \
	'rules:\n  space-cjk-number: {skip-unit: x}\n' \
	'2:22: unknown option .skip-unit. of rule space-cjk-number (did you mean .skip-units.?)'
err_case "bad severity word" 'rules:\n  dash: warn\n' \
	'2:9: rule dash: expected error, warning, info, off, on .*(did you mean .warning.?)'
err_case "wrong value type for an option" \
	'rules:\n  space-cjk-number: {skip-units: {a: b}}\n' \
	"2:34: option 'skip-units' of rule space-cjk-number must be a string, not a map"
err_case "wrong type for rules" 'rules: [dash]\n' \
	'1:8: rules must be a map of rule names'
err_case "wrong type for extends" 'extends: {a: b}\n' \
	'1:10: extends must be a list of strings'
err_case "unknown preset in extends" 'extends: [recomended]\n' \
	'1:11: unknown preset .recomended. (did you mean .recommended.?)'
err_case "missing extends file" 'extends: [nope.yml]\n' \
	"1:11: cannot read extends file 'nope.yml'"
err_case "bad glob in ignore" 'ignore: ["a**"]\n' \
	"1:10: bad glob 'a\*\*': '\*\*' must be a whole path segment"
err_case "bad glob in overrides" \
	'overrides:\n  - files: ["[ab"]\n    rules: {dash: off}\n' \
	"2:13: bad glob '\[ab': unclosed"
err_case "unknown key in an override" \
	'overrides:\n  - file: ["*.md"]\n' \
	"2:5: unknown key 'file' in an override (did you mean 'files'?)"
err_case "YAML syntax error with its position" 'rules: {dash: off\n' \
	'bad/.translint.yml:2:1: YAML syntax error'
err_case "invalid pattern with the PCRE2 offset" \
	"rules:\n  custom:\n    - id: x\n      message: m\n      pattern: 'a(b'\n" \
	"5:20: custom rule x: invalid pattern: missing closing parenthesis at offset 3"
err_case "invalid pattern: the column counts code points" \
	"rules:\n  custom:\n    - id: x\n      message: m\n      pattern: '中文(b'\n" \
	"5:21: custom rule x: invalid pattern: missing closing parenthesis at offset 4"
err_case "a custom pattern with \\C is refused when it loads (issue 12.7)" \
	"rules:\n  custom:\n    - id: x\n      message: m\n      pattern: '中\\\\C'\n      replace: 'y'\n" \
	"5:20: custom rule x: invalid pattern: using .C is disabled by the application at offset 3"
err_case "invalid pattern in a rule option is a configuration error" \
	"rules:\n  attribution: {pattern: '译自(a'}\n" \
	"bad/.translint.yml:2:31: option 'pattern' of rule attribution: invalid pattern: missing closing parenthesis at offset 4"
err_case "invalid skip-pattern, double-quoted" \
	'rules:\n  untranslated:\n    skip-pattern: "原文[a"\n' \
	"3:24: option 'skip-pattern' of rule untranslated: invalid pattern: missing terminating \\] for character class at offset 4"
err_case "invalid pattern of an added term" \
	'rules:\n  terminology:\n    add:\n      Kubernetes: [k8s, "k(8"]\n' \
	"4:29: option 'add' of rule terminology: invalid pattern: missing closing parenthesis at offset 3"
err_case "invalid pattern in overrides" \
	"overrides:\n  - files: ['*.md']\n    rules: {attribution: {pattern: 'a)'}}\n" \
	"3:38: option 'pattern' of rule attribution: invalid pattern: unmatched closing parenthesis at offset 1"
err_case "terminology add is a map, not the old Term=PATTERN string" \
	'rules:\n  terminology: {add: "Kubernetes=k8s?"}\n' \
	"2:22: option 'add' of rule terminology must be a map"
err_case "front-matter fields is a map, not key=kind items" \
	'rules:\n  front-matter: {fields: [cover=url]}\n' \
	"2:26: option 'fields' of rule front-matter must be a map"
err_case "custom rule without a pattern" \
	'rules:\n  custom:\n    - {id: x, message: m}\n' \
	"3:7: custom rule without 'pattern'"
err_case "unknown key in a custom rule" \
	'rules:\n  custom:\n    - {id: x, message: m, pattern: a, replce: b}\n' \
	"unknown key 'replce' in a custom rule (did you mean 'replace'?)"
err_case "replacement naming a missing group" \
	'rules:\n  custom:\n    - {id: x, message: m, pattern: a, replace: "$2"}\n' \
	"custom rule x: replace: group 2 does not exist"
err_case "custom rule id of a built-in rule" \
	'rules:\n  custom:\n    - {id: dash, message: m, pattern: a}\n' \
	"custom rule id 'dash' is the name of a built-in rule"
err_case "custom rules in overrides are refused" \
	'overrides:\n  - files: ["*.md"]\n    rules:\n      custom: []\n' \
	"4:7: custom rules are defined in the top-level rules"
rm bad/.translint.yml

# ---- --init --------------------------------------------------------------

mkdir -p init
(cd init && "$TRANSLINT" --init >../out 2>../err)
status=$?
check "--init writes .translint.yml" eval 'status_is 0 && [ -s init/.translint.yml ]'
write init/a.md "$doc"
tl -f gcc init/a.md
check "the --init file loads and keeps recommended" \
	eval 'status_is 0 && out_has "space-cjk-latin"'
(cd init && "$TRANSLINT" --init >../out 2>../err)
status=$?
check "--init refuses to overwrite" eval 'status_is 2 && err_has "already exists"'

# Every example of the template ("#  " lines) is valid once uncommented,
# and the keys left empty ("ignore:", "rules:") mean no value.
mkdir -p init/un
sed 's/^#  /  /' init/.translint.yml >init/un/.translint.yml
write init/un/a.md '关于Go的文章，使用。NET\n'
write init/un/x.en.md '关于Go的文章\n'
tl -f gcc init/un/a.md init/un/x.en.md
check "--init: the examples uncommented load and apply" \
	eval 'status_is 0 && out_has "a.md:1:2: warning: .*\[space-cjk-latin\]" &&
	out_has "\[mistranslated-dotnet\]" && ! out_has "x.en.md"'
mkdir -p init/lctt
(cd init/lctt && "$TRANSLINT" --init --preset lctt >../../out 2>../../err)
status=$?
check "--init --preset lctt writes extends: [lctt]" \
	eval 'status_is 0 && grep -qx "extends: \[lctt\]" init/lctt/.translint.yml'
tl --print-config init/lctt/a.md
check "the --init --preset lctt file loads with lctt's rules" \
	eval 'status_is 0 && out_has "^  attribution: {severity"'
mkdir -p init/bad
(cd init/bad && "$TRANSLINT" --init --preset lcct >../../out 2>../../err)
status=$?
check "--init --preset with an unknown preset writes nothing" \
	eval 'status_is 2 && err_has "unknown preset .lcct." && [ ! -e init/bad/.translint.yml ]'

# ---- --print-config reads back ------------------------------------------

# Through libyaml's emitter: a newline, quotes and backslashes survive,
# and the printed configuration loads to the same one.
mkdir -p pc
write pc/.translint.yml 'extends: [translation]\nfail-on: warning\nrules:\n  terminology:\n    add: {Kubernetes: ["k8s?", "kubernetes"], "a: b": "#x"}\n  space-cjk-latin: {allow: ["Linux中国", "- dash", "yes"]}\n  quote-style: {style: corner}\n  custom:\n    - id: two-lines\n      message: "first line\\nsecond line: \\"quoted\\" \x27single\x27"\n      pattern: "\\\\b(foo)\\\\s+\x27\\""\n      replace: "$1 \\\\ {x}: y"\n      scope: heading\noverrides:\n  - files: ["*.en.md"]\n    rules: {untranslated: off}\n'
write pc/a.en.md 'x\n'
tl --print-config pc/a.en.md
cp out pc/printed.yml
check "--print-config keeps a newline in a message" \
	eval 'status_is 0 && out_has "message: \"first line\\\\nsecond line"'
tl -c pc/printed.yml --print-config pc/a.en.md
sed 1d pc/printed.yml >pc/want
sed 1d out >pc/got
check "--print-config output reads back to the same configuration" \
	cmp -s pc/want pc/got
check "--print-config applied the override for the file" \
	grep -q '^  untranslated: off$' pc/got
tl -f json -c pc/printed.yml --stdin --stdin-filename pc/h.md <<<'# foo  '"'"'"'
check "a printed custom rule still matches and fixes" \
	eval 'out_has "first line\\\\nsecond line"'

# ---- Repeated keys and pattern columns ------------------------------------

mkdir -p rep
write rep/.translint.yml 'extends: [recommended]\nrules:\n  dash: off\nextends: [translation]\n'
write rep/a.md '正文。\n'
tl rep/a.md
check "a second extends: is an error at its position" \
	eval 'status_is 2 && err_has "rep/.translint.yml:4:1: key .extends. repeated (first on line 1)"'
write rep/.translint.yml 'rules:\n  dash: off\n  ellipsis: off\n  dash: warning\n'
tl rep/a.md
check "a rule named twice is an error at its position" \
	eval 'status_is 2 && err_has "rep/.translint.yml:4:3: key .dash. repeated"'
write rep/.translint.yml 'rules:\n  front-matter: {fields: {cover: url, cover: date}}\n'
tl rep/a.md
check "a repeated key inside an option map too" \
	eval 'status_is 2 && err_has ":2:39: key .cover. repeated"'

# The column of a pattern error counts characters (YAML's unit), whatever
# the characters before the fault and however the value is quoted; the
# offset in the message too, for a pattern and for a replacement.
mkdir -p col
write col/a.md '正文。\n'
write col/.translint.yml 'rules:\n  attribution: {pattern: 译自（(ab}\n'
tl col/a.md
check "a bad pattern: column in characters (plain)" \
	eval 'status_is 2 && err_has "col/.translint.yml:2:32: .*offset 6"'
write col/.translint.yml "rules:\n  attribution: {pattern: '译''自(ab'}\n"
tl col/a.md
check "a bad pattern: column in characters (single-quoted, '' inside)" \
	eval 'status_is 2 && err_has "col/.translint.yml:2:34: .*offset 6"'
write col/.translint.yml 'rules:\n  custom:\n    - id: x\n      message: m\n      pattern: "中文"\n      replace: "中文$x"\n'
tl col/a.md
check "a bad replacement: column and offset in characters" \
	eval 'status_is 2 && err_has "col/.translint.yml:6:19: custom rule x: replace: .\\$. at offset 2 "'

# ---- --output-file ----------------------------------------------------------

write of.md "$doc"
tl -f gcc -o of.out of.md
check "--output-file writes the findings there, not on standard output" \
	eval 'status_is 0 && out_empty && grep -q "of.md:1:2: warning" of.out'
tl --output-file nowhere/of.out of.md
check "--output-file in a missing folder is an error" \
	eval 'status_is 2 && err_has "nowhere/of.out"'

# ---- Suppression comments ----------------------------------------------

mkdir -p sup
write sup/a.md '使用Go编写\n\n<!-- translint-disable space-cjk-latin -->\n\n使用Go编写\n\n<!-- translint-enable -->\n\n使用Go编写\n\n<!-- translint-disable-next-line -->\n使用Go编写\n使用Go编写\n\n<!-- translint-disable space-cjk-latn dash -->\n'
tl -f gcc sup/a.md
check "disable / enable / disable-next-line" \
	eval 'out_has "a.md:1:2:" && ! out_has "a.md:5:" && out_has "a.md:9:2:" &&
	! out_has "a.md:12:" && out_has "a.md:13:2:"'
check "an unknown rule name in a comment is unknown-rule" \
	eval 'out_has "a.md:15:24: warning: Unknown rule .space-cjk-latn. in a suppression comment (did you mean .space-cjk-latin.?) \[unknown-rule\]"'
write sup/b.md '使用Go编写\n\n<!-- translint-disable-file space-cjk-latin -->\n'
tl -f gcc sup/b.md
check "disable-file" eval 'status_is 0 && out_empty'
write sup/c.md '<!-- translint-disable -->\n\n使用Go编写\n\n<!-- translint-enable space-cjk-latin -->\n\n使用Go编写\n'
tl -f gcc sup/c.md
check "enable RULE after disable (all) turns that rule back on" \
	eval '! out_has "c.md:3:" && out_has "c.md:7:2:"'
write sup/d.md '```\n<!-- translint-disable -->\n```\n\n使用Go编写 `<!-- translint-disable -->`\n'
tl -f gcc sup/d.md
check "comments in code are no suppression" eval 'out_has "d.md:5:2:"'
write sup/e.md '使用Go编写 <!-- translint-disable --> 使用Go编写\n'
tl -f gcc sup/e.md
check "inline comment suppresses from where it is" \
	eval 'out_has "e.md:1:2:" && ! out_has "e.md:1:3[0-9]:"'

# ---- Custom rules ----------------------------------------------------------

mkdir -p cu
write cu/.translint.yml "extends: []
rules:
  custom:
    - id: mistranslated-dotnet
      message: \"“.NET” 被误译为“。NET”\"
      pattern: '。NET\\\\b'
      replace: '.NET'
      severity: error
    - id: swap
      message: swapped
      pattern: '(?<a>foo)-(bar)'
      replace: '\$2-\${a}'
      scope: raw
    - id: heading-only
      message: heading
      pattern: 'TODO'
      scope: heading
    - id: link-only
      message: link
      pattern: 'here'
      scope: link-text
    - id: slow
      message: never
      pattern: '(a+)+\$'
"
write cu/a.md '# TODO 标题\n\nTODO 使用 。NET 开发，见 [here](https://x.org) here foo-bar `foo-bar`\n\n**。**NET `。NET`\n'
tl -f gcc cu/a.md
check "custom rules report under their own id" \
	eval 'status_is 1 && out_has "a.md:3:9: error: “.NET” 被误译为“。NET” \[mistranslated-dotnet\]"'
check "scope heading matches headings only" \
	eval 'out_has "a.md:1:3: warning: heading \[heading-only\]" && [ "$(grep -c heading-only out)" = 1 ]'
check "scope link-text matches link text only" \
	eval 'out_has "a.md:3:20: warning: link \[link-only\]" && [ "$(grep -c link-only out)" = 1 ]'
check "scope raw matches the source, code included" \
	eval '[ "$(grep -c "\[swap\]" out)" = 2 ]'
check "prose patterns do not see inside code or across markup" \
	eval '[ "$(grep -c mistranslated-dotnet out)" = 1 ]'
tl --diff cu/a.md
check "replace with \$N and \${name} is a safe fix" \
	eval 'out_has "^+TODO 使用 .NET 开发，见 \[here\](https://x.org) here bar-foo \`bar-foo\`"'
tl -f json cu/a.md
check "custom rules in json output" eval 'out_has "\"rule\": *\"swap\""'
tl -f gcc cu/a.md
mv out jit.out
TL_NO_JIT=1 tl -f gcc cu/a.md
check "TL_NO_JIT=1 (no PCRE2 JIT) finds the same" eval 'cmp -s jit.out out'
(cd cu && "$TRANSLINT" --list-rules >../out 2>../err)
status=$?
check "--list-rules shows the custom rules" \
	eval 'status_is 0 && out_has "^mistranslated-dotnet .*safe" && out_has "^heading-only "'
awk 'BEGIN { s = ""; for (i = 0; i < 20000; i++) s = s "a"; print s "b" }' >cu/slow.md
tl -f gcc cu/slow.md
check "a catastrophic pattern ends with a diagnostic, not a hang" \
	eval 'out_has "custom rule slow stopped: match limit" && out_has "\[slow\]"'
tl -f gcc --disable heading-only --severity link-only=error cu/a.md
check "--disable and --severity take custom rule ids" \
	eval '! out_has "heading-only" && out_has "a.md:3:20: error: link \[link-only\]"'
tl -f sarif cu/a.md
check "SARIF lists custom rules in tool.driver.rules" \
	eval 'out_has "\"id\": \"mistranslated-dotnet\""'
tl -f gcc --select swap cu/a.md
check "--select takes a custom rule id" \
	eval 'out_has "\[swap\]" && ! out_has "link-only" && ! out_has "mistranslated"'
tl -f gcc --enable swapp cu/a.md
check "an id no configuration defines is an error" \
	eval 'status_is 2 && err_has "unknown rule .swapp."'
tl --print-config cu/a.md
check "--print-config lists custom rules" \
	eval 'out_has "id: mistranslated-dotnet" && out_has "scope: raw"'

# ---- Reach: the repository's root, extends (issue 12) --------------------

# A .translint.yml above the repository's top folder does not apply.
mkdir -p reach/repo/sub
write reach/.translint.yml 'rules:\n  space-cjk-latin: off\n'
write reach/repo/sub/a.md "$doc"
tl -f gcc reach/repo/sub/a.md
check "without .git, a configuration further up applies" \
	eval 'status_is 0 && out_empty'
mkdir reach/repo/.git
tl -f gcc reach/repo/sub/a.md
check "the search stops at the repository's top folder (.git)" \
	eval 'status_is 0 && out_has "a.md:1:2: warning"'
rmdir reach/repo/.git
write reach/repo/.git 'gitdir: /elsewhere\n'
tl -f gcc reach/repo/sub/a.md
check "... also where .git is a file (a worktree, a submodule)" \
	eval 'status_is 0 && out_has "a.md:1:2: warning"'
write reach/repo/.translint.yml 'rules:\n  space-cjk-latin: error\n'
tl -f gcc reach/repo/sub/a.md
check "the top folder's own configuration applies" \
	eval 'status_is 1 && out_has "a.md:1:2: error"'
(cd reach/repo/sub && "$TRANSLINT" --print-config a.md >../../../out 2>../../../err)
check "--print-config names the repository's file" \
	eval 'out_has "^# from: .*reach/repo/\.translint\.yml$"'

# extends reads regular files only, bounded, and quotes nothing of a file
# that is not a configuration.
mkdir -p ext2/folder.yml
printf 'password: hunter2\ntoken: s3cr3t\n' >ext2/secrets.yml
printf 'root:x:0:0:root:/root:/bin/bash\n' >ext2/passwd
head -c 2000000 /dev/zero | tr '\0' '#' >ext2/huge.yml
write ext2/a.md "$doc"
ext_case()
{
	local name=$1 target=$2 want=$3
	printf 'extends: [%s]\n' "$target" >ext2/.translint.yml
	timeout 20 "$TRANSLINT" -f gcc ext2/a.md >out 2>err
	status=$?
	check "$name" eval "status_is 2 && err_has \"$want\""
}
ext_case "extends a folder: refused" folder.yml \
	"1:11: cannot read extends file 'folder.yml': it is a folder"
ext_case "extends a device: refused, not read" /dev/zero \
	"1:11: cannot read extends file '/dev/zero': not a regular file"
if mkfifo ext2/fifo.yml 2>/dev/null; then
	ext_case "extends a FIFO: refused, no wait for a writer" fifo.yml \
		"cannot read extends file 'fifo.yml': not a regular file"
fi
ext_case "extends a file over 1 MiB: refused" huge.yml \
	"cannot read extends file 'huge.yml': larger than 1 MiB"
ext_case "extends a file that is no configuration: named, not quoted" \
	secrets.yml "ext2/secrets.yml: not a translint configuration"
check "... nothing of its content in the message" \
	eval '! grep -q -e hunter2 -e password -e token -e s3cr3t err'
ext_case "extends a passwd file: no line of it shown" ./passwd \
	"ext2/passwd: not a translint configuration"
check "... nothing of its content in the message" eval '! grep -q root err'
printf 'extends: []\nrule:\n  dash: off\n' >ext2/typo.yml
ext_case "a configuration reached by extends still gets its hints" typo.yml \
	"typo.yml:2:1: unknown key .rule. in the configuration (did you mean .rules.?)"

# ---- ignore: .gitignore semantics, also for named files (issue 13) ------

# ig_case NAME GLOBS-YAML EXPECTED: lints the tree ig/ under ignore:
# GLOBS and compares the files reported (sorted, one line each).
mkdir -p ig/drafts/sub ig/sub/drafts ig/a ig/b ig/c ig/docs
for f in drafts/d.md drafts/keep.md drafts/sub/s.md sub/drafts/x.md a/x.md \
	b/y.md c/z.md docs/one.md docs/keep.en.md docs/two.en.md; do
	write "ig/$f" "$doc"
done
write ig/drafts.md "$doc"
ig_case()
{
	local name=$1 globs=$2 want=$3
	printf 'ignore: %s\n' "$globs" >ig/.translint.yml
	tl -f gcc ig
	got=$(cut -d: -f1 out | sort -u | sed 's|^ig/||' | tr '\n' ' ')
	check "$name" eval '[ "$got" = "$want" ]'
}
ig_case 'ignore "drafts": that name at any depth, file or folder' '[drafts]' \
	"a/x.md b/y.md c/z.md docs/keep.en.md docs/one.md docs/two.en.md drafts.md "
ig_case 'ignore "drafts/": folders only' '["drafts/"]' \
	"a/x.md b/y.md c/z.md docs/keep.en.md docs/one.md docs/two.en.md drafts.md "
ig_case 'ignore "/drafts/": anchored to the configuration'"'"'s folder' '["/drafts/"]' \
	"a/x.md b/y.md c/z.md docs/keep.en.md docs/one.md docs/two.en.md drafts.md sub/drafts/x.md "
ig_case 'ignore "{a,b}/**": each alternative' '["{a,b}/**"]' \
	"c/z.md docs/keep.en.md docs/one.md docs/two.en.md drafts.md drafts/d.md drafts/keep.md drafts/sub/s.md sub/drafts/x.md "
ig_case 'ignore "!keep.en.md" takes back what "*.en.md" took' '["*.en.md", "!keep.en.md"]' \
	"a/x.md b/y.md c/z.md docs/keep.en.md docs/one.md drafts.md drafts/d.md drafts/keep.md drafts/sub/s.md sub/drafts/x.md "
ig_case 'ignore "drafts/*" then "!drafts/keep.md": the file comes back' \
	'["drafts/*", "!drafts/keep.md"]' \
	"a/x.md b/y.md c/z.md docs/keep.en.md docs/one.md docs/two.en.md drafts.md drafts/keep.md sub/drafts/x.md "
ig_case 'as in git, nothing comes back from an ignored folder' \
	'["drafts/", "!drafts/keep.md"]' \
	"a/x.md b/y.md c/z.md docs/keep.en.md docs/one.md docs/two.en.md drafts.md "
ig_case 'ignore "docs/**/*.md" and "**/x.md"' '["docs/**/*.md", "**/x.md"]' \
	"b/y.md c/z.md drafts.md drafts/d.md drafts/keep.md drafts/sub/s.md "

printf 'ignore: ["drafts/", "sources/**"]\n' >ig/.translint.yml
tl -f gcc ig/drafts/d.md ig/c/z.md
check "a file named on the command line is skipped when ignored" \
	eval 'status_is 0 && [ "$(cut -d: -f1 out | sort -u)" = ig/c/z.md ]'
mkdir -p ig/sources
write ig/sources/en.md 'English Go\n'
cp ig/sources/en.md ig/en.orig
tl --fix --select space-cjk-latin ig/sources/en.md ig/drafts/d.md
check "--fix leaves an ignored file named on the command line alone" \
	eval 'status_is 0 && cmp -s ig/sources/en.md ig/en.orig && same_bytes ig/drafts/d.md "$doc"'
tl_in "$doc" -f gcc --stdin --stdin-filename ig/drafts/d.md
check "--stdin named as an ignored file: nothing reported" \
	eval 'status_is 0 && out_empty'
tl_in "$doc" --fix --stdin --stdin-filename ig/drafts/d.md
check "--stdin --fix named as an ignored file: the document unchanged" \
	eval 'status_is 0 && same_bytes out "$doc"'
printf 'overrides:\n  - files: ["drafts/"]\n    rules: {space-cjk-latin: error}\n' >ig/.translint.yml
tl -f gcc ig/drafts/sub/s.md ig/c/z.md
check "overrides: files: reads globs the same way (a folder's files)" \
	eval 'out_has "s.md:1:2: error" && out_has "z.md:1:2: warning"'

# A glob that cannot match anything is an error at its position.
glob_err()
{
	local glob=$1 want=$2
	printf 'ignore:\n  - "%s"\n' "$glob" >bad/.translint.yml
	tl bad/a.md
	check "ignore \"$glob\": $want" \
		eval 'status_is 2 && out_empty && err_has "bad/.translint.yml:2:5: bad glob .*$want"'
}
glob_err '../x.md' "'.' and '..' segments match nothing"
glob_err 'docs/./x.md' "'.' and '..' segments match nothing"
glob_err 'a//b.md' "an empty path segment"
glob_err '[z-a].md' "a reversed range"
glob_err '{a,b.md' "unclosed '{'"
glob_err '[ab.md' "unclosed '\['"
glob_err '/' "an empty glob"
glob_err '!' "an empty glob"
glob_err 'a**' "'\*\*' must be a whole path segment"
printf 'overrides:\n  - files: [ok.md, "x/../y.md"]\n    rules: {dash: off}\n' >bad/.translint.yml
tl bad/a.md
check "a bad glob in overrides: files: at its position" \
	eval 'status_is 2 && err_has "bad/.translint.yml:2:20: bad glob .x/\.\./y\.md."'

finish
