/*
 * fuzz_lint.c: the libFuzzer target (make fuzz). It lints arbitrary bytes
 * and fixes them, and aborts when a promise of the design does not hold:
 *
 *   - diagnostics are sorted by start, then rule, then end, and every span
 *     lies inside the file (start <= end <= length);
 *   - every fix is a list of sorted, non-overlapping edits inside the file;
 *   - fixing is idempotent: fixing the output of tl_fix_document again
 *     changes nothing (DESIGN.md section 5);
 *   - invalid UTF-8 and binary input is never fixed;
 *   - a safe fix keeps what the document renders, less the prose: cmark's
 *     tree of the fixed text has the same blocks (kind, heading level,
 *     list type, start and tightness, fence info), the same code, HTML,
 *     links and images (destination and title), emphasis and line breaks
 *     as the original's; only the text of text nodes may differ. The
 *     signature is built here from libcmark alone, none of translint's
 *     code, so the check does not share translint's mistakes. link-syntax
 *     is off for this check, since its safe fix makes a link on purpose
 *     ("[a] (b)" -> "[a](b)"); unsafe fixes are not held to it.
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

#include <cmark.h>

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

/* A growing string, for the structure signature. */
typedef struct sig {
	char *s;
	size_t len, cap;
} sig;

static void sig_add(sig *g, const char *s, size_t n)
{
	if (g->len + n + 1 > g->cap) {
		g->cap = (g->len + n + 1) * 2;
		g->s = realloc(g->s, g->cap);
		if (!g->s)
			abort();
	}
	memcpy(g->s + g->len, s, n);
	g->len += n;
	g->s[g->len] = '\0';
}

static void sig_str(sig *g, const char *s)
{
	sig_add(g, s ? s : "", s ? strlen(s) : 0);
}

/* What cmark renders of DOC less the prose: every node's kind in tree
 * order with its attributes and the literal of code and HTML, but no text
 * node (a fix may split or join them, or empty one: "a&b" is one node,
 * "a，b" another).
 *
 * Footnotes are GFM's, not CommonMark's: cmark reads "[^1]: 见Go。" as a
 * link reference definition whose destination a space would end, while
 * GFM renderers read a footnote, which is prose (translint lints it as
 * such). So "[^label]" is read as "{^label}" in both texts. */
static sig signature(const char *doc, size_t len)
{
	sig g = {0}, in = {0};
	size_t i, j;
	char num[64];

	sig_add(&in, doc, len);
	for (i = 0; i + 1 < in.len; i++) {
		if (in.s[i] != '[' || in.s[i + 1] != '^')
			continue;
		for (j = i + 2; j < in.len && !strchr("[]\n", in.s[j]); j++)
			;
		if (j < in.len && in.s[j] == ']') {
			in.s[i] = '{';
			in.s[j] = '}';
		}
	}

	cmark_node *root =
	    cmark_parse_document(in.s, in.len, CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);

		if (t == CMARK_NODE_TEXT)
			continue;
		if (ev == CMARK_EVENT_EXIT) {
			sig_str(&g, "/;");
			continue;
		}
		sig_str(&g, cmark_node_get_type_string(n));
		switch (t) {
		case CMARK_NODE_HEADING:
			snprintf(num, sizeof num, " %d",
			         cmark_node_get_heading_level(n));
			sig_str(&g, num);
			break;
		case CMARK_NODE_LIST:
			snprintf(num, sizeof num, " %d %d %d %d",
			         (int)cmark_node_get_list_type(n),
			         (int)cmark_node_get_list_delim(n),
			         cmark_node_get_list_start(n),
			         cmark_node_get_list_tight(n));
			sig_str(&g, num);
			break;
		case CMARK_NODE_CODE_BLOCK:
			sig_str(&g, " ");
			sig_str(&g, cmark_node_get_fence_info(n));
			/* fall through */
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			sig_str(&g, " ");
			sig_str(&g, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			sig_str(&g, " <");
			sig_str(&g, cmark_node_get_url(n));
			sig_str(&g, "> \"");
			sig_str(&g, cmark_node_get_title(n));
			sig_str(&g, "\"");
			break;
		default:
			break;
		}
		sig_str(&g, ";");
	}
	cmark_iter_free(it);
	cmark_node_free(root);
	free(in.s);
	if (!g.s)
		sig_str(&g, "");
	return g;
}

/* Aborts, after printing both signatures, when the safe fix FIXED of DOC
 * renders differently, less the prose. */
static void check_structure(const char *doc, size_t len, const char *fixed,
                            size_t fixed_len)
{
	sig a = signature(doc, len), b = signature(fixed, fixed_len);

	if (a.len != b.len || memcmp(a.s, b.s, a.len) != 0) {
		fprintf(stderr, "before: %s\nafter:  %s\n", a.s, b.s);
		fail("a safe fix changed what the document renders");
	}
	free(a.s);
	free(b.s);
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
	if (!unsafe)
		tl_config_set_severity(cfg, "link-syntax", TL_SEVERITY_OFF);

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
			if (!unsafe)
				check_structure(doc, len, fixed, out_len);
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
