/*
 * table.c: the one table of built-in rules. Names are never reused.
 *
 * To add a rule: write src/rules/NAME.c (a comment on what it flags and
 * why, its metadata, its check function) defining `const tl_rule
 * tl_rule_NAME`, add X(NAME) to TL_RULES below, turn it on in the presets
 * that want it (the YAML files of rules/), and add its fixtures in
 * tests/fixtures/NAME/.
 */
#include "rule.h"

#include <string.h>

/* Every built-in rule, once, in the order of the table (and of
 * --list-rules, SARIF and the documentation index): X(NAME) for the rule
 * defined as tl_rule_NAME. */
#define TL_RULES(X)                                                            \
	X(invalid_utf8)                                                        \
	X(binary_file)                                                         \
	X(unknown_rule)                                                        \
	X(space_cjk_latin)                                                     \
	X(space_cjk_number)                                                    \
	X(space_cjk_code)                                                      \
	X(no_space_fullwidth)                                                  \
	X(fullwidth_punctuation)                                               \
	X(halfwidth_punctuation)                                               \
	X(fullwidth_alphanumeric)                                              \
	X(repeated_punctuation)                                                \
	X(ellipsis)                                                            \
	X(dash)                                                                \
	X(quote_style)                                                         \
	X(quote_pairing)                                                       \
	X(heading_punctuation)                                                 \
	X(terminology)                                                         \
	X(link_syntax)                                                         \
	X(link_destination)                                                    \
	X(emphasis_syntax)                                                     \
	X(front_matter)                                                        \
	X(attribution)                                                         \
	X(untranslated)                                                        \
	X(source_missing)                                                      \
	X(source_heading)                                                      \
	X(source_code)                                                         \
	X(source_inline_code)                                                  \
	X(source_link)                                                         \
	X(source_number)                                                       \
	X(source_untranslated)                                                 \
	X(glossary)

#define DECLARE(name) extern const tl_rule tl_rule_##name;
TL_RULES(DECLARE)
#undef DECLARE

#define ENTRY(name) &tl_rule_##name,
static const tl_rule *const table[] = {TL_RULES(ENTRY)};
#undef ENTRY

const tl_rule *const *tl_rules(size_t *count)
{
	*count = sizeof table / sizeof *table;
	return table;
}

const tl_rule *tl_rule_find(const char *name)
{
	/* The first byte tells most names apart without calling strcmp. */
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		if (table[i]->name[0] == name[0] &&
		    strcmp(table[i]->name, name) == 0)
			return table[i];
	return NULL;
}
