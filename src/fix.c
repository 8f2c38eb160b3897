/*
 * fix.c: applying fixes. A fix is data (byte edits plus an applicability);
 * this is the one routine that turns chosen fixes into new bytes, and the
 * loop that lints and fixes again until nothing fixable is left.
 *
 * Fixes are taken in offset order and a fix with an edit that overlaps an
 * edit already taken is skipped, never merged: the next round lints the
 * new text and offers it again if it still applies. Two insertions at the
 * same offset count as overlapping, so two rules can never both insert a
 * space into one gap.
 *
 * Rules whose edits touch the same mark or the space beside it must agree,
 * and they cannot when each judges the old text: halfwidth-punctuation
 * turns the "，" of "and， Join" into ",", no-space-fullwidth deletes the
 * space after the "，", and together they write "and,Join". So a spacing
 * fix (one that only inserts or deletes white space) whose edits touch or
 * overlap an edit of another rule's fix that changes anything else waits
 * for the next round, which lints the new text: the mark is settled
 * first, and the space is judged beside the mark it will stand next to.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct candidate {
	const tl_fix *fix;
	const char *rule;
	size_t start; /* first edit start */
	size_t order; /* position in the result, for a stable sort */
	bool spacing; /* every edit inserts or deletes white space only */
} candidate;

static int candidate_cmp(const void *a, const void *b)
{
	const candidate *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Edits taken so far, as two bitmaps: the source bytes replaced, and the
 * offsets text is inserted at. Overlap is judged edit by edit, not by a
 * fix's extent, so that nested pairs (the two parentheses of "(…(…)…)")
 * are all taken in one round: judged by extent, only the outermost pair
 * fits, one nesting level a round, and deep nesting would not converge in
 * TL_FIX_MAX_ROUNDS. */
typedef struct taken {
	unsigned char *bytes; /* bit i: byte i is replaced */
	unsigned char *ins;   /* bit i: text is inserted at offset i */
} taken;

static bool bit(const unsigned char *map, size_t i)
{
	return map[i / 8] & (1u << (i % 8));
}

static void set_bit(unsigned char *map, size_t i)
{
	map[i / 8] |= (unsigned char)(1u << (i % 8));
}

/* Whether edit E is free: replaces no byte already replaced and has no
 * insertion strictly inside it; an insertion is free unless text is
 * already inserted there or the offset lies inside a replacement. */
static bool edit_free(const taken *t, const tl_edit *e, size_t len)
{
	if (e->start == e->end)
		return !bit(t->ins, e->start) &&
		       !(e->start > 0 && e->start < len &&
		         bit(t->bytes, e->start - 1) &&
		         bit(t->bytes, e->start));
	for (size_t i = e->start; i < e->end; i++)
		if (bit(t->bytes, i) || (i > e->start && bit(t->ins, i)))
			return false;
	return true;
}

static bool all_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/* Does FIX only insert or delete spaces and tabs in SRC? */
static bool is_spacing(const tl_fix *f, const char *src)
{
	for (size_t k = 0; k < f->nedits; k++) {
		const tl_edit *e = &f->edits[k];
		bool ins = e->start == e->end;
		if (ins ? !*e->text || !all_blank(e->text, strlen(e->text))
		        : *e->text ||
		              !all_blank(src + e->start, e->end - e->start))
			return false;
	}
	return true;
}

/* Where the edits of the fixes that are not spacing fixes begin and end,
 * sorted by offset, with their rule. */
typedef struct bound {
	size_t at;
	const char *rule;
} bound;

static int bound_cmp(const void *a, const void *b)
{
	const bound *x = a, *y = b;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* Does an edit of spacing fix F (of RULE) touch or overlap an edit of
 * another rule's fix in B[0..N)? Spacing edits are a few bytes long, so
 * a bound of the other edit lies within [start, end] of one of them,
 * unless that edit covers it whole, which the overlap test of
 * tl_fix_apply catches when that fix is taken first. */
static bool must_wait(const tl_fix *f, const char *rule, const bound *b,
                      size_t n)
{
	for (size_t k = 0; k < f->nedits; k++) {
		const tl_edit *e = &f->edits[k];
		size_t lo = 0, hi = n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (b[mid].at < e->start)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < n && b[lo].at <= e->end; lo++)
			if (strcmp(b[lo].rule, rule) != 0)
				return true;
	}
	return false;
}

static int edit_cmp(const void *a, const void *b)
{
	const tl_edit *x = *(const tl_edit *const *)a;
	const tl_edit *y = *(const tl_edit *const *)b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	/* At one offset, an insertion goes before a replacement. */
	return (x->end > x->start) - (y->end > y->start);
}

char *tl_fix_apply(const tl_result *res, bool unsafe, size_t *out_len)
{
	const tl_source *src = res->source;
	if (src->nul != TL_NONE || src->bad_utf8 != TL_NONE)
		return NULL;

	candidate *cand =
	    tl_xmalloc((res->ndiags ? res->ndiags : 1) * sizeof *cand);
	size_t n = 0, nedits = 0;
	for (size_t i = 0; i < res->ndiags; i++) {
		const tl_fix *f = &res->diags[i].fix;
		if (f->nedits == 0 || f->applicability == TL_FIX_NONE ||
		    (f->applicability == TL_FIX_UNSAFE && !unsafe))
			continue;
		bool spacing = is_spacing(f, src->data);
		cand[n++] = (candidate){f, res->diags[i].rule,
		                        f->edits[0].start, i, spacing};
		nedits += f->nedits;
	}
	if (n == 0) {
		free(cand);
		return NULL;
	}
	qsort(cand, n, sizeof *cand, candidate_cmp);

	bound *bounds = tl_xmalloc(2 * nedits * sizeof *bounds);
	size_t nbounds = 0;
	for (size_t i = 0; i < n; i++) {
		if (cand[i].spacing)
			continue;
		for (size_t k = 0; k < cand[i].fix->nedits; k++) {
			const tl_edit *e = &cand[i].fix->edits[k];
			bounds[nbounds++] = (bound){e->start, cand[i].rule};
			bounds[nbounds++] = (bound){e->end, cand[i].rule};
		}
	}
	qsort(bounds, nbounds, sizeof *bounds, bound_cmp);

	size_t mapsize = src->len / 8 + 1;
	taken t = {tl_xcalloc(mapsize, 1), tl_xcalloc(mapsize, 1)};
	const tl_edit **edits = tl_xmalloc(nedits * sizeof *edits);
	size_t ntaken = 0;
	for (size_t i = 0; i < n; i++) {
		const tl_fix *f = cand[i].fix;
		if (cand[i].spacing &&
		    must_wait(f, cand[i].rule, bounds, nbounds))
			continue;
		bool ok = true;
		for (size_t k = 0; k < f->nedits && ok; k++)
			ok = edit_free(&t, &f->edits[k], src->len);
		if (!ok)
			continue;
		for (size_t k = 0; k < f->nedits; k++) {
			const tl_edit *e = &f->edits[k];
			if (e->start == e->end)
				set_bit(t.ins, e->start);
			for (size_t b = e->start; b < e->end; b++)
				set_bit(t.bytes, b);
			edits[ntaken++] = e;
		}
	}
	free(cand);
	free(bounds);
	free(t.bytes);
	free(t.ins);
	qsort(edits, ntaken, sizeof *edits, edit_cmp);

	tl_buf out = {0};
	size_t copied = 0; /* source bytes before this are in OUT */
	for (size_t i = 0; i < ntaken; i++) {
		const tl_edit *e = edits[i];
		tl_buf_append(&out, src->data + copied, e->start - copied);
		tl_buf_append(&out, e->text, strlen(e->text));
		copied = e->end;
	}
	free(edits);
	tl_buf_append(&out, src->data + copied, src->len - copied);
	if (out.len == src->len && memcmp(out.data, src->data, src->len) == 0) {
		tl_buf_free(&out);
		return NULL;
	}
	*out_len = out.len;
	return out.data;
}

char *tl_fix_document(const tl_config *cfg, tl_lang lang, const char *path,
                      const char *data, size_t len, bool unsafe,
                      size_t *out_len, int *rounds)
{
	char *cur = NULL;
	size_t cur_len = len;
	int done = 0;
	for (int round = 0; round < TL_FIX_MAX_ROUNDS; round++) {
		tl_result *res =
		    tl_lint(cfg, lang, path, cur ? cur : data, cur_len);
		size_t next_len = 0;
		char *next = tl_fix_apply(res, unsafe, &next_len);
		tl_result_free(res);
		if (!next)
			break;
		free(cur);
		cur = next;
		cur_len = next_len;
		done++;
	}
	if (rounds)
		*rounds = done;
	if (cur)
		*out_len = cur_len;
	return cur;
}
