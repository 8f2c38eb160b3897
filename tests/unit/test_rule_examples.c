/*
 * test_rule_examples.c: the bad and good examples in every rule's metadata
 * are what --explain and docs/rules/RULE.md show users, so they are run as
 * tests: the bad example is flagged by its rule, the good one is not, the
 * safe fix of the bad one gives the good one (for rules whose fixes are all
 * safe), and the rule's messages exist in English and in Chinese. The
 * examples of a source rule translate the rule's original, and are linted
 * with it.
 */
#include "check.h"
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The configuration of RULE's examples (example_config), loaded from a
 * temporary file as the command line would load it. */
static tl_config *example_config(const tl_rule *rule)
{
	char path[] = "/tmp/translint-example-XXXXXX";
	int fd = mkstemp(path);
	tl_error err;
	if (fd < 0) {
		perror("mkstemp");
		exit(2);
	}
	FILE *fp = fdopen(fd, "w");
	fputs(rule->example_config, fp);
	fclose(fp);
	tl_config *cfg = tl_config_load(path, NULL, &err);
	remove(path);
	if (!cfg) {
		fprintf(stderr, "%s: example_config: %zu:%zu: %s\n", rule->name,
		        err.line, err.column, err.message);
		exit(2);
	}
	return cfg;
}

/* A configuration with only RULE on, at its default severity (under the
 * configuration its examples need, if any). */
static tl_config *only(const tl_rule *rule)
{
	tl_error err;
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	tl_config *cfg = rule->example_config
	                     ? example_config(rule)
	                     : tl_config_preset("recommended", &err);
	for (size_t i = 0; i < n; i++)
		tl_config_set_severity(cfg, rules[i]->name, TL_SEVERITY_OFF);
	tl_config_set_severity(cfg, rule->name, rule->severity);
	return cfg;
}

static size_t count(const tl_result *res, const char *rule)
{
	size_t k = 0;
	for (size_t i = 0; i < res->ndiags; i++)
		k += strcmp(res->diags[i].rule, rule) == 0;
	return k;
}

/* Rules the engine reports itself, with no check function: their
 * examples describe bytes a C string cannot hold. */
static bool engine_rule(const tl_rule *r)
{
	return !r->check_run && !r->check_doc && !r->check_original;
}

/* TEXT (an example of rule R) linted under CFG, with R's original when it
 * has one. */
static tl_result *lint(const tl_config *cfg, tl_lang lang, const tl_rule *r,
                       const char *path, const char *text)
{
	tl_original orig = {"original.md", r->original,
	                    r->original ? strlen(r->original) : 0, false, NULL};
	return tl_lint_with_original(cfg, lang, path, text, strlen(text),
	                             r->original ? &orig : NULL);
}

static bool has_non_ascii(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s >= 0x80)
			return true;
	return false;
}

TEST(every_rule_has_examples_and_docs)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	for (size_t i = 0; i < n; i++) {
		const tl_rule *r = rules[i];
		if (!r->summary || !r->summary_zh || !r->description ||
		    !r->fix_doc || !r->bad || !r->good || !*r->bad || !*r->good)
			FAIL("rule %s lacks documentation or examples",
			     r->name);
	}
}

/* The Chinese page (docs/rules/zh/RULE.md, --explain --lang zh) has
 * every text the English one has, so that neither falls back on the other
 * language. */
TEST(every_rule_has_chinese_docs)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	for (size_t i = 0; i < n; i++) {
		const tl_rule *r = rules[i];
		if ((r->description && !has_non_ascii(r->description_zh)) ||
		    (r->description_more &&
		     !has_non_ascii(r->description_more_zh)) ||
		    (r->fix_doc && !has_non_ascii(r->fix_doc_zh)))
			FAIL("rule %s lacks its Chinese description or fix "
			     "safety",
			     r->name);
		for (const tl_option_def *o = r->options; o && o->name; o++)
			if (!has_non_ascii(o->doc_zh))
				FAIL("option %s of rule %s lacks its Chinese "
				     "description",
				     o->name, r->name);
	}
}

TEST(bad_examples_are_flagged)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	for (size_t i = 0; i < n; i++) {
		const tl_rule *r = rules[i];
		if (engine_rule(r))
			continue;
		tl_config *cfg = only(r);
		tl_result *res = lint(cfg, TL_LANG_EN, r, "bad.md", r->bad);
		if (count(res, r->name) == 0)
			FAIL("the bad example of %s is not flagged", r->name);
		tl_result_free(res);
		tl_config_free(cfg);
	}
}

TEST(good_examples_are_clean)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	for (size_t i = 0; i < n; i++) {
		const tl_rule *r = rules[i];
		if (engine_rule(r))
			continue;
		tl_config *cfg = only(r);
		tl_result *res = lint(cfg, TL_LANG_EN, r, "good.md", r->good);
		if (count(res, r->name) != 0)
			FAIL("the good example of %s is flagged (%s)", r->name,
			     res->diags[0].message);
		tl_result_free(res);
		tl_config_free(cfg);
	}
}

TEST(safe_fix_of_bad_gives_good)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	for (size_t i = 0; i < n; i++) {
		const tl_rule *r = rules[i];
		if (engine_rule(r) || r->fixable != TL_FIXABLE_SAFE)
			continue;
		tl_config *cfg = only(r);
		size_t len = 0;
		char *fixed =
		    tl_fix_document(cfg, TL_LANG_EN, "bad.md", r->bad,
		                    strlen(r->bad), false, &len, NULL);
		if (!fixed || len != strlen(r->good) ||
		    memcmp(fixed, r->good, len) != 0)
			FAIL("fixing the bad example of %s does not give the "
			     "good one",
			     r->name);
		free(fixed);
		tl_config_free(cfg);
	}
}

TEST(messages_in_both_languages)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	for (size_t i = 0; i < n; i++) {
		const tl_rule *r = rules[i];
		if (engine_rule(r))
			continue;
		tl_config *cfg = only(r);
		tl_result *en = lint(cfg, TL_LANG_EN, r, "bad.md", r->bad);
		tl_result *zh = lint(cfg, TL_LANG_ZH, r, "bad.md", r->bad);
		if (en->ndiags == 0 || zh->ndiags != en->ndiags)
			FAIL("%s: the languages give different findings",
			     r->name);
		else if (has_non_ascii(en->diags[0].message) &&
		         strcmp(en->diags[0].message, zh->diags[0].message) ==
		             0)
			FAIL("%s: same message in both languages", r->name);
		else if (!has_non_ascii(zh->diags[0].message))
			FAIL("%s: the Chinese message has no Chinese: %s",
			     r->name, zh->diags[0].message);
		tl_result_free(en);
		tl_result_free(zh);
		tl_config_free(cfg);
	}
}

int main(void)
{
	struct check_suite suite = {0};
	RUN(&suite, every_rule_has_examples_and_docs);
	RUN(&suite, every_rule_has_chinese_docs);
	RUN(&suite, bad_examples_are_flagged);
	RUN(&suite, good_examples_are_clean);
	RUN(&suite, safe_fix_of_bad_gives_good);
	RUN(&suite, messages_in_both_languages);
	return check_finish(&suite);
}
