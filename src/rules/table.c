/*
 * table.c: the one table of built-in rules. Names are never reused.
 *
 * To add a rule: write src/rules/NAME.c (a comment on what it flags and
 * why, its metadata, its check function) defining `const tl_rule
 * tl_rule_NAME`, declare it below, add it to the table, and add its
 * fixtures in tests/fixtures/NAME/.
 */
#include "internal.h"

#include <string.h>

extern const tl_rule tl_rule_invalid_utf8;
extern const tl_rule tl_rule_binary_file;
extern const tl_rule tl_rule_space_cjk_latin;
extern const tl_rule tl_rule_space_cjk_number;

static const tl_rule *const table[] = {
    &tl_rule_invalid_utf8,
    &tl_rule_binary_file,
    &tl_rule_space_cjk_latin,
    &tl_rule_space_cjk_number,
};

const tl_rule *const *tl_rules(size_t *count)
{
	*count = sizeof table / sizeof *table;
	return table;
}

const tl_rule *tl_rule_find(const char *name)
{
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		if (strcmp(table[i]->name, name) == 0)
			return table[i];
	return NULL;
}
