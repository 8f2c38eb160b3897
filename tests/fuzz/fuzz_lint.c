/*
 * fuzz_lint.c: the libFuzzer target (make fuzz). It lints arbitrary bytes
 * and fixes them, and aborts when a promise of the design does not hold:
 *
 *   - diagnostics are sorted by start, then rule, then end, and every span
 *     lies inside the file (start <= end <= length);
 *   - every fix is a list of sorted, non-overlapping edits inside the file;
 *   - fixing is idempotent: fixing the output of tl_fix_document again
 *     changes nothing (DESIGN.md section 5);
 *   - invalid UTF-8 and binary input is never fixed.
 *
 * The first byte chooses the configuration: bit 0 the preset
 * (recommended or translation), bit 1 the message language, bit 2
 * whether to fix, bit 3 whether unsafe fixes are applied too, bits 4-7 a
 * rule to turn off (so that fixes interact differently). The rest is the
 * document.
 *
 * Configurations are built once per process and kept: building them per
 * input would fuzz the YAML loader more than the linter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "translint.h"

static tl_config *configs[2];

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_lint: invariant violated: %s\n", what);
	abort();
}

static const tl_config *config_for(unsigned preset)
{
	static const char *const names[2] = {"recommended", "translation"};

	if (!configs[preset]) {
		tl_error err;

		configs[preset] = tl_config_preset(names[preset], &err);
		if (!configs[preset])
			configs[preset] = tl_config_preset(names[0], &err);
		if (!configs[preset])
			fail("no recommended preset");
	}
	return configs[preset];
}

static int cmp_diag(const tl_diag *a, const tl_diag *b)
{
	int c;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	c = strcmp(a->rule, b->rule);
	if (c)
		return c;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	return 0;
}

static void check_result(const tl_result *res, size_t len)
{
	size_t i, j;

	if (!res || !res->source || res->source->len != len)
		fail("tl_lint result does not describe the input");
	for (i = 0; i < res->ndiags; i++) {
		const tl_diag *d = &res->diags[i];

		if (!d->rule || !d->message)
			fail("diagnostic without rule or message");
		if (d->start > d->end || d->end > len)
			fail("diagnostic span outside the file");
		if (i > 0 && cmp_diag(&res->diags[i - 1], d) > 0)
			fail("diagnostics not sorted");
		if (d->fix.applicability == TL_FIX_NONE)
			continue;
		if (d->fix.nedits == 0 || !d->fix.edits)
			fail("fix without edits");
		for (j = 0; j < d->fix.nedits; j++) {
			const tl_edit *e = &d->fix.edits[j];

			if (e->start > e->end || e->end > len || !e->text)
				fail("edit outside the file");
			if (j > 0 && d->fix.edits[j - 1].end > e->start)
				fail("edits overlap or are unsorted");
		}
	}
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	unsigned mode;
	const tl_config *base;
	tl_config *cfg;
	tl_lang lang;
	bool unsafe;
	const char *doc;
	size_t len, nrules;
	tl_result *res;
	const tl_rule *const *rules;

	if (size == 0)
		return 0;
	mode = data[0];
	doc = (const char *)data + 1;
	len = size - 1;
	base = config_for(mode & 1);
	lang = (mode & 2) ? TL_LANG_ZH : TL_LANG_EN;
	unsafe = (mode & 8) != 0;

	cfg = tl_config_copy(base);
	rules = tl_rules(&nrules);
	if ((mode >> 4) != 0 && nrules > 0)
		tl_config_set_severity(cfg,
		                       rules[((mode >> 4) - 1) % nrules]->name,
		                       TL_SEVERITY_OFF);

	res = tl_lint(cfg, lang, "fuzz.md", doc, len);
	check_result(res, len);

	if (mode & 4) {
		size_t out_len = 0, again_len = 0;
		bool unfixable = res->source->bad_utf8 != TL_NONE ||
		                 res->source->nul != TL_NONE;
		char *fixed = tl_fix_document(cfg, lang, "fuzz.md", doc, len,
		                              unsafe, &out_len, NULL);

		if (fixed && unfixable)
			fail("invalid UTF-8 or binary input was fixed");
		if (fixed) {
			tl_result *res2;
			char *again;

			res2 = tl_lint(cfg, lang, "fuzz.md", fixed, out_len);
			check_result(res2, out_len);
			tl_result_free(res2);
			again =
			    tl_fix_document(cfg, lang, "fuzz.md", fixed,
			                    out_len, unsafe, &again_len, NULL);
			if (again && (again_len != out_len ||
			              memcmp(again, fixed, out_len) != 0))
				fail("fixing a fixed document changed it");
			free(again);
		}
		free(fixed);
	}
	tl_result_free(res);
	tl_config_free(cfg);
	return 0;
}
