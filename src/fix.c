/*
 * fix.c: applying fixes. A fix is data (byte edits plus an applicability);
 * this is the one routine that turns chosen fixes into new bytes, and the
 * loop that lints and fixes again until nothing fixable is left.
 *
 * Fixes are taken in offset order and a fix whose extent overlaps one
 * already taken is skipped, never merged: the next round lints the new
 * text and offers it again if it still applies. Two insertions at the
 * same offset count as overlapping, so two rules can never both insert a
 * space into one gap.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct candidate {
	const tl_fix *fix;
	size_t start; /* extent of the fix: first edit start */
	size_t end;   /* last edit end */
	size_t order; /* position in the result, for a stable sort */
} candidate;

static int candidate_cmp(const void *a, const void *b)
{
	const candidate *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

char *tl_fix_apply(const tl_result *res, bool unsafe, size_t *out_len)
{
	const tl_source *src = res->source;
	if (src->nul != TL_NONE || src->bad_utf8 != TL_NONE)
		return NULL;

	candidate *cand =
	    tl_xmalloc((res->ndiags ? res->ndiags : 1) * sizeof *cand);
	size_t n = 0;
	for (size_t i = 0; i < res->ndiags; i++) {
		const tl_fix *f = &res->diags[i].fix;
		if (f->nedits == 0 || f->applicability == TL_FIX_NONE ||
		    (f->applicability == TL_FIX_UNSAFE && !unsafe))
			continue;
		cand[n++] = (candidate){f, f->edits[0].start,
		                        f->edits[f->nedits - 1].end, i};
	}
	if (n == 0) {
		free(cand);
		return NULL;
	}
	qsort(cand, n, sizeof *cand, candidate_cmp);

	tl_buf out = {0};
	size_t copied = 0;         /* source bytes before this are in OUT */
	size_t taken_end = 0;      /* end of the last taken fix's extent */
	bool taken_insert = false; /* it ended with an insertion there */
	bool changed = false;
	for (size_t i = 0; i < n; i++) {
		const candidate *c = &cand[i];
		const tl_edit *first = &c->fix->edits[0];
		if (changed && (c->start < taken_end ||
		                (c->start == taken_end && taken_insert &&
		                 first->start == first->end)))
			continue;
		for (size_t k = 0; k < c->fix->nedits; k++) {
			const tl_edit *e = &c->fix->edits[k];
			tl_buf_append(&out, src->data + copied,
			              e->start - copied);
			tl_buf_append(&out, e->text, strlen(e->text));
			copied = e->end;
		}
		const tl_edit *last = &c->fix->edits[c->fix->nedits - 1];
		taken_end = c->end;
		taken_insert = last->start == last->end;
		changed = true;
	}
	free(cand);
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
