/*
 * option.h: typed option values (option.c). A rule declares its options
 * in its metadata (tl_option_def: a name, a type, a default); the
 * configuration builds one value per option when it loads, checked
 * against the type, with every pattern compiled once (JIT where PCRE2
 * has it), and rules read the value through tl_check_option,
 * tl_check_list, tl_check_map and tl_check_regex (internal.h). A value is
 * immutable once built and shared, reference counted, by the copies of a
 * configuration (one per set of overrides, one per command line).
 */
#ifndef TL_OPTION_H
#define TL_OPTION_H

#include "internal.h"

typedef struct tl_optval {
	int refs;
	tl_option_type type;
	/* STRING, ENUM: the value; INT, BOOL: the value as printed ("12",
	 * "true"); REGEX: the pattern. NULL for the other types. */
	char *text;
	long num;            /* INT; BOOL: 0 or 1 */
	tl_option_list list; /* LIST */
	tl_option_map map;   /* MAP, REGEX_MAP */
	pcre2_code *re;      /* REGEX */
} tl_optval;

/* An empty value of TYPE with one reference: the builder fills it. */
tl_optval *tl_optval_new(tl_option_type type);
tl_optval *tl_optval_ref(tl_optval *v);
/* Drops a reference; frees V with the last one. NULL is a no-op. */
void tl_optval_unref(tl_optval *v);

/* Appends ITEM (copied) to LIST. */
void tl_option_list_add(tl_option_list *list, const char *item);
/* Appends KEY (copied) with an empty list of values to V's map, and
 * returns that list. */
tl_option_list *tl_optval_map_add(tl_optval *v, const char *key);

/* The value DEF->default_value stands for (a list's items separated by
 * ','; a map's default is empty). A default that does not build is a bug
 * of the rule: it aborts. */
tl_optval *tl_optval_default(const tl_option_def *def);

/* Compiles V's patterns: REGEX, its text; REGEX_MAP, each key's values as
 * the alternatives of one pattern. False with WHY filled when one does
 * not compile (the caller has checked each pattern with
 * tl_regex_compile, which says where). */
bool tl_optval_compile(tl_optval *v, char *why, size_t why_cap);

/* The flags option patterns are compiled with: UTF, and ^ and $ at the
 * start and end of every line. */
#define TL_OPTION_REGEX_FLAGS (PCRE2_UTF | PCRE2_MULTILINE)

/* Compiles the LEN bytes of PATTERN with FLAGS, then JIT-compiles it
 * unless TL_NO_JIT says not to (tl_jit_enabled). NULL when it does not
 * compile, with WHY filled ("invalid pattern: MESSAGE at offset N") and
 * *AT the offset PCRE2 reports, in code points from the start of the
 * pattern (N too). */
pcre2_code *tl_regex_compile(const char *pattern, size_t len, uint32_t flags,
                             char *why, size_t why_cap, size_t *at);

/* The place of option OPT of built-in rule RULE_INDEX (in tl_rules()) in
 * a configuration's values, or -1 when the rule has no such option. */
long tl_config_option_slot(size_t rule_index, const char *opt);
/* The values of CFG's options, slot by slot (tl_config_option_slot). */
tl_optval *const *tl_config_optvals(const tl_config *cfg);

#endif
