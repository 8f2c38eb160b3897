/*
 * html_pair.c: a translation beside its original (issue 16, point 3),
 * for the review page of a file linted with its original (--source).
 *
 * Both documents are listed in blocks and aligned (align.h: DESIGN.md
 * section 8.2), and each is rendered flat (html_doc.c): every leaf block
 * on its own, its place in the output noted. Each leaf then goes to the
 * alignment block it overlaps most, and the pairs of the alignment, in
 * the translation's order, become the rows of a two-column grid: the
 * original's blocks on the left, the translation's on the right, a
 * hatched gap facing a block that has no counterpart (a paragraph
 * dropped or added), a split or merged paragraph in one row, a moved
 * block marked as such. The translation's findings are drawn on the right
 * as everywhere else; a finding that also has a place in the original
 * (the source rules' findings) is drawn there too, at its span in the
 * original, its anchor "ID-oK" describing the same row of the list as
 * the translation's "ID-K" (the script and the list link the two). A
 * finding about an original block that has no translation (a dropped
 * paragraph: its place in the translation is an empty span where the
 * block would stand) has its translation's anchor on the gap facing
 * that block, in the same row, rather than as a caret at the start of
 * the next row. What the pair view did with each finding goes back to
 * the list (TL_HTML_IN_ORIGINAL ...), which says where a source
 * finding has no place in the original.
 */
#include "align.h"
#include "emit/html.h"

#include <stdlib.h>
#include <string.h>

/* Rows in a group (<div class="rows">), which the style sheet lets the
 * browser skip while off screen. */
#define ROWS_PER_GROUP 24

/* Where finding D of RES stands in the original, as a span of
 * RES->original: the source rules (DESIGN.md 8.3) give each of their
 * findings one (tl_diag.orig_start). */
static bool original_at(const tl_result *res, const tl_diag *d, size_t *start,
                        size_t *end)
{
	if (!res->original || d->orig_start == TL_NONE)
		return false;
	*start = d->orig_start;
	*end = d->orig_end;
	return true;
}

typedef struct pair_side {
	tl_html_side side;
	tl_buf html;
	const tl_align_doc *ad;
	size_t *first; /* per block: its first leaf, or TL_NONE */
	size_t *next;  /* per leaf: the next leaf of its block */
	size_t *last;
	size_t orphans; /* first leaf of no block (a document of no block) */
	tl_diag *own;   /* the findings drawn on this side, when not all */
	size_t *numbers;
	size_t *gap_first; /* per pair: its first finding drawn on the gap */
	size_t *gap_next;  /* per finding: the next one on the same gap */
} pair_side;

static long overlap(const tl_html_leaf *l, const tl_align_block *b)
{
	size_t s = l->start > b->start ? l->start : b->start;
	size_t e = l->end < b->end ? l->end : b->end;
	return (long)e - (long)s;
}

/* Gives each leaf of P the block it overlaps most (of the one holding its
 * start and the next): linear, both lists being in source order. */
static void map_leaves(pair_side *p)
{
	const tl_align_doc *ad = p->ad;
	size_t nl = p->side.nleaves;

	p->first = tl_xmalloc((ad->n + 1) * sizeof *p->first);
	p->last = tl_xmalloc((ad->n + 1) * sizeof *p->last);
	p->next = tl_xmalloc((nl + 1) * sizeof *p->next);
	for (size_t b = 0; b < ad->n; b++)
		p->first[b] = p->last[b] = TL_NONE;
	p->orphans = TL_NONE;
	size_t orphan_last = TL_NONE;
	for (size_t i = 0; i < nl; i++) {
		const tl_html_leaf *l = &p->side.leaves[i];
		p->next[i] = TL_NONE;
		if (l->html_end == l->html_start)
			continue;
		if (ad->n == 0) {
			if (orphan_last == TL_NONE)
				p->orphans = i;
			else
				p->next[orphan_last] = i;
			orphan_last = i;
			continue;
		}
		size_t b = tl_align_block_at(ad, l->start);
		if (b == TL_NONE)
			b = 0;
		if (b + 1 < ad->n &&
		    overlap(l, &ad->blocks[b + 1]) > overlap(l, &ad->blocks[b]))
			b++;
		if (p->last[b] == TL_NONE)
			p->first[b] = i;
		else
			p->next[p->last[b]] = i;
		p->last[b] = i;
	}
}

static void write_leaves(tl_buf *out, const pair_side *p, size_t i)
{
	for (; i != TL_NONE; i = p->next[i]) {
		const tl_html_leaf *l = &p->side.leaves[i];
		tl_buf_append(out, p->html.data + l->html_start,
		              l->html_end - l->html_start);
	}
}

static const char *sev_class(tl_severity s)
{
	return s == TL_SEVERITY_ERROR     ? "e"
	       : s == TL_SEVERITY_WARNING ? "w"
	                                  : "i";
}

/* The gap of row I of P, saying GAP, with the anchors of the findings
 * drawn on it: the first over the gap's words, any other as a caret
 * after them. */
static void write_gap(tl_buf *out, const pair_side *p, const tl_result *res,
                      const char *id, size_t i, const char *gap)
{
	size_t k = p->gap_first ? p->gap_first[i] : TL_NONE;

	tl_buf_puts(out, "<p class=\"gap\">");
	if (k == TL_NONE) {
		tl_html_puts(out, gap);
		tl_buf_puts(out, "</p>\n");
		return;
	}
	for (bool first = true; k != TL_NONE; k = p->gap_next[k]) {
		tl_buf_printf(out,
		              "<mark class=\"f %s%s\" id=\"%s-%zu\" "
		              "tabindex=\"0\" aria-describedby=\"%s-d%zu\" "
		              "data-f=\"%zu\">",
		              sev_class(res->diags[k].severity),
		              first ? "" : " x0", id, k + 1, id, k + 1, k + 1);
		if (first)
			tl_html_puts(out, gap);
		tl_buf_puts(out, "</mark>");
		first = false;
	}
	tl_buf_puts(out, "</p>\n");
}

/* One cell of row I: blocks [B, B + N) of P, or the gap saying GAP. */
static void write_cell(tl_buf *out, const pair_side *p, const tl_result *res,
                       const char *id, size_t i, size_t b, size_t n,
                       const char *cls, const char *lang, const char *gap)
{
	tl_buf_printf(out, "<div class=\"%s\" role=\"cell\" lang=\"%s\">\n",
	              cls, lang);
	if (n == 0)
		write_gap(out, p, res, id, i, gap);
	for (size_t k = 0; k < n; k++)
		write_leaves(out, p, p->first[b + k]);
	tl_buf_puts(out, "</div>\n");
}

typedef struct placed {
	tl_diag d;
	size_t number; /* its row in the list */
} placed;

static int by_start(const void *a, const void *b)
{
	const placed *x = a, *y = b;

	if (x->d.start != y->d.start)
		return x->d.start < y->d.start ? -1 : 1;
	return x->number < y->number ? -1 : x->number > y->number;
}

/* The findings of RES that have a place in the original, there, sorted
 * by it; each marked TL_HTML_IN_ORIGINAL in WHERE. */
static void original_findings(pair_side *p, const tl_result *res,
                              unsigned char *where)
{
	placed *v = tl_xmalloc((res->ndiags + 1) * sizeof *v);
	size_t n = 0;

	for (size_t k = 0; k < res->ndiags; k++) {
		size_t s, e;
		if (!original_at(res, &res->diags[k], &s, &e))
			continue;
		v[n].d = res->diags[k];
		v[n].d.start = s;
		v[n].d.end = e < s ? s : e;
		v[n].number = k + 1;
		n++;
		where[k] |= TL_HTML_IN_ORIGINAL;
	}
	qsort(v, n, sizeof *v, by_start);
	p->own = tl_xmalloc((n + 1) * sizeof *p->own);
	p->numbers = tl_xmalloc((n + 1) * sizeof *p->numbers);
	for (size_t i = 0; i < n; i++) {
		p->own[i] = v[i].d;
		p->numbers[i] = v[i].number;
	}
	free(v);
	p->side.diags = p->own;
	p->side.ndiags = n;
	p->side.numbers = p->numbers;
}

/* Whether finding D stands for original blocks that have no
 * translation: an empty span in the translation (where the blocks would
 * be) and a place in an original block of a pair without translated
 * blocks; that pair's index into *PAIR. */
static bool on_gap(const tl_align *al, const tl_diag *d, size_t *pair)
{
	if (d->orig_start == TL_NONE || d->end != d->start)
		return false;
	size_t b = tl_align_block_at(al->orig, d->orig_start);
	if (b == TL_NONE || d->orig_start >= al->orig->blocks[b].end)
		return false;
	*pair = al->orig_pair[b];
	return al->pairs[*pair].ntrans == 0;
}

/* The translation's findings of RES for side P: all of them but those
 * drawn on a gap (on_gap), which go to P->gap_first, in order. A finding
 * with no place in the original whose translated block faces a gap (an
 * added paragraph) is marked TL_HTML_FACES_GAP in WHERE. */
static void translated_findings(pair_side *p, const tl_result *res,
                                const tl_align *al, unsigned char *where)
{
	size_t n = 0, pair, *last;

	p->gap_first = tl_xmalloc((al->npairs + 1) * sizeof *p->gap_first);
	last = tl_xmalloc((al->npairs + 1) * sizeof *last);
	p->gap_next = tl_xmalloc((res->ndiags + 1) * sizeof *p->gap_next);
	p->own = tl_xmalloc((res->ndiags + 1) * sizeof *p->own);
	p->numbers = tl_xmalloc((res->ndiags + 1) * sizeof *p->numbers);
	for (size_t i = 0; i < al->npairs; i++)
		p->gap_first[i] = last[i] = TL_NONE;
	for (size_t k = 0; k < res->ndiags; k++) {
		const tl_diag *d = &res->diags[k];
		p->gap_next[k] = TL_NONE;
		if (on_gap(al, d, &pair)) {
			if (last[pair] == TL_NONE)
				p->gap_first[pair] = k;
			else
				p->gap_next[last[pair]] = k;
			last[pair] = k;
			continue;
		}
		if (d->orig_start == TL_NONE && al->trans->n) {
			size_t b = tl_align_block_at(al->trans, d->start);
			if (b != TL_NONE &&
			    d->start < al->trans->blocks[b].end &&
			    al->pairs[al->trans_pair[b]].norig == 0)
				where[k] |= TL_HTML_FACES_GAP;
		}
		p->own[n] = *d;
		p->numbers[n] = k + 1;
		n++;
	}
	free(last);
	p->side.diags = p->own;
	p->side.ndiags = n;
	p->side.numbers = p->numbers;
}

static void pair_side_free(pair_side *p)
{
	free(p->side.leaves);
	tl_buf_free(&p->html);
	free(p->first);
	free(p->next);
	free(p->last);
	free(p->own);
	free(p->numbers);
	free(p->gap_first);
	free(p->gap_next);
}

/* The title of a row of pair type T (moved or not), or NULL. */
static const char *row_title(tl_lang lang, const tl_align_pair *pr)
{
	if (pr->moved)
		return tl_html_word_in(lang, TL_HW_PAIR_MOVED);
	switch (pr->type) {
	case TL_PAIR_1_2:
		return tl_html_word_in(lang, TL_HW_PAIR_SPLIT);
	case TL_PAIR_2_1:
		return tl_html_word_in(lang, TL_HW_PAIR_MERGED);
	case TL_PAIR_1_0:
		return tl_html_word_in(lang, TL_HW_GAP_DROPPED);
	case TL_PAIR_0_1:
		return tl_html_word_in(lang, TL_HW_GAP_ADDED);
	default:
		return NULL;
	}
}

void tl_html_pair(tl_buf *out, const tl_result *res, const char *id,
                  tl_lang lang, unsigned char *where)
{
	static const char *const type_class[] = {"r11", "r10", "r01", "r12",
	                                         "r21"};
	const tl_source *os = res->original, *ts = res->source;
	/* The engine's alignment when the source rules made one. */
	tl_align *own = NULL;
	const tl_align *al = res->alignment;
	pair_side o, t;

	if (!al) {
		tl_doc *od = tl_doc_parse(os), *td = tl_doc_parse(ts);

		al = own =
		    tl_align_new(tl_align_doc_new(od), tl_align_doc_new(td));
		tl_doc_free(od);
		tl_doc_free(td);
	}
	memset(&o, 0, sizeof o);
	memset(&t, 0, sizeof t);
	o.side.src = os;
	o.side.prefix = "o";
	o.side.blocks = o.ad = al->orig;
	memset(where, 0, res->ndiags);
	original_findings(&o, res, where);
	t.side.src = ts;
	translated_findings(&t, res, al, where);
	t.side.prefix = "";
	t.side.blocks = t.ad = al->trans;
	tl_html_render(&o.html, &o.side, id, lang, true);
	tl_html_render(&t.html, &t.side, id, lang, true);
	map_leaves(&o);
	map_leaves(&t);

	tl_buf_puts(out,
	            "<div class=\"doc pair\" role=\"table\" aria-label=\"");
	tl_html_puts(out, tl_html_word_in(lang, TL_HW_PAIR_LABEL));
	tl_buf_puts(out, "\">\n<div class=\"row head\" role=\"row\">"
	                 "<div class=\"o\" role=\"columnheader\"><b>");
	tl_html_puts(out, tl_html_word_in(lang, TL_HW_ORIGINAL));
	tl_buf_puts(out, "</b> <code>");
	tl_html_puts(out, os->path);
	tl_buf_puts(out, "</code></div><div class=\"t\" role=\"columnheader\">"
	                 "<b>");
	tl_html_puts(out, tl_html_word_in(lang, TL_HW_TRANSLATION));
	tl_buf_puts(out, "</b> <code>");
	tl_html_puts(out, ts->path);
	tl_buf_puts(out, "</code></div></div>\n");
	for (size_t i = 0; i < al->npairs; i++) {
		const tl_align_pair *pr = &al->pairs[i];
		const char *title = row_title(lang, pr);
		if (i % ROWS_PER_GROUP == 0)
			tl_buf_puts(out, i ? "</div>\n<div class=\"rows\" "
			                     "role=\"rowgroup\">\n"
			                   : "<div class=\"rows\" "
			                     "role=\"rowgroup\">\n");
		tl_buf_printf(out,
		              "<div class=\"row %s%s\" role=\"row\" "
		              "data-pair=\"%zu\"",
		              type_class[pr->type], pr->moved ? " moved" : "",
		              i + 1);
		if (title) {
			tl_buf_puts(out, " title=\"");
			tl_html_puts(out, title);
			tl_buf_puts(out, "\"");
		}
		tl_buf_puts(out, ">\n");
		write_cell(out, &o, res, id, i, pr->orig, pr->norig, "o", "en",
		           tl_html_word_in(lang, TL_HW_GAP_ADDED));
		write_cell(out, &t, res, id, i, pr->trans, pr->ntrans, "t",
		           "zh", tl_html_word_in(lang, TL_HW_GAP_DROPPED));
		tl_buf_puts(out, "</div>\n");
	}
	if (al->npairs)
		tl_buf_puts(out, "</div>\n");
	if (o.orphans != TL_NONE || t.orphans != TL_NONE) {
		/* A document without blocks (empty, or only blank lines):
		 * what it wrote, in a row of its own. */
		tl_buf_puts(out, "<div class=\"row\" role=\"row\">"
		                 "<div class=\"o\" role=\"cell\" lang=\"en\">");
		write_leaves(out, &o, o.orphans);
		tl_buf_puts(out, "</div><div class=\"t\" role=\"cell\" "
		                 "lang=\"zh\">");
		write_leaves(out, &t, t.orphans);
		tl_buf_puts(out, "</div></div>\n");
	}
	tl_buf_puts(out, "</div>\n");
	pair_side_free(&o);
	pair_side_free(&t);
	tl_align_free(own);
}
