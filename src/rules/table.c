/*
 * table.c: the one table of built-in rules. Names are never reused.
 *
 * To add a rule: write src/rules/NAME.c (a comment on what it flags and
 * why, its metadata, its check function) defining `const tl_rule
 * tl_rule_NAME`, declare it below, add it to the table, and add its
 * fixtures in tests/fixtures/NAME/.
 */
#include "rule.h"

#include <string.h>

extern const tl_rule tl_rule_invalid_utf8;
extern const tl_rule tl_rule_binary_file;
extern const tl_rule tl_rule_unknown_rule;
extern const tl_rule tl_rule_space_cjk_latin;
extern const tl_rule tl_rule_space_cjk_number;
extern const tl_rule tl_rule_space_cjk_code;
extern const tl_rule tl_rule_quote_style;
extern const tl_rule tl_rule_quote_pairing;
extern const tl_rule tl_rule_terminology;
extern const tl_rule tl_rule_no_space_fullwidth;
extern const tl_rule tl_rule_fullwidth_punctuation;
extern const tl_rule tl_rule_halfwidth_punctuation;
extern const tl_rule tl_rule_fullwidth_alphanumeric;
extern const tl_rule tl_rule_repeated_punctuation;
extern const tl_rule tl_rule_ellipsis;
extern const tl_rule tl_rule_dash;
extern const tl_rule tl_rule_heading_punctuation;
extern const tl_rule tl_rule_link_syntax;
extern const tl_rule tl_rule_link_destination;
extern const tl_rule tl_rule_emphasis_syntax;
extern const tl_rule tl_rule_front_matter;
extern const tl_rule tl_rule_attribution;
extern const tl_rule tl_rule_untranslated;

static const tl_rule *const table[] = {
    &tl_rule_invalid_utf8,
    &tl_rule_binary_file,
    &tl_rule_unknown_rule,
    &tl_rule_space_cjk_latin,
    &tl_rule_space_cjk_number,
    &tl_rule_space_cjk_code,
    &tl_rule_no_space_fullwidth,
    &tl_rule_fullwidth_punctuation,
    &tl_rule_halfwidth_punctuation,
    &tl_rule_fullwidth_alphanumeric,
    &tl_rule_repeated_punctuation,
    &tl_rule_ellipsis,
    &tl_rule_dash,
    &tl_rule_quote_style,
    &tl_rule_quote_pairing,
    &tl_rule_heading_punctuation,
    &tl_rule_terminology,
    &tl_rule_link_syntax,
    &tl_rule_link_destination,
    &tl_rule_emphasis_syntax,
    &tl_rule_front_matter,
    &tl_rule_attribution,
    &tl_rule_untranslated,
};

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
