/*
 * punct.c: rule helpers (rule.h) about punctuation: the script around a
 * mark, finding marks in a run's text, and replacing characters with a
 * safe fix.
 */
#include "rule.h"

#include <stdlib.h>
#include <string.h>

/* How far tl_punct_side looks past spaces, quotes and objects. */
#define SIDE_LIMIT 32

/* Marks that are passed over when looking for the script of a side:
 * quotes and brackets surround a word without saying what it is. */
static bool is_transparent(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == '(' || cp == ')' || cp == '[' ||
	       cp == ']' || tl_char_is_shared_punct(cp) || tl_char_is_space(cp);
}

tl_side tl_punct_side(const tl_run *run, size_t i, int dir)
{
	tl_side side = {TL_SIDE_NONE, TL_NONE, false, false};
	size_t k = i;
	for (int steps = 0;; steps++) {
		if (dir < 0 ? k == 0 : k + 1 >= run->n)
			return side;
		k = dir < 0 ? k - 1 : k + 1;
		if (steps >= SIDE_LIMIT) {
			side.kind = TL_SIDE_OTHER;
			return side;
		}
		const tl_char *c = &run->chars[k];
		switch (c->kind) {
		case TL_CHAR_CODE:
		case TL_CHAR_MATH:
		case TL_CHAR_MARKUP:
			side.object = true;
			side.skipped = true;
			continue;
		case TL_CHAR_URL:
			side.kind = TL_SIDE_URL;
			side.at = k;
			return side;
		case TL_CHAR_BREAK:
		case TL_CHAR_SEP:
			return side;
		default:
			break;
		}
		if (is_transparent(c->cp)) {
			side.skipped = true;
			continue;
		}
		side.at = k;
		if ((c->cls & TL_CLS_CJK) || tl_char_is_cjk_only_punct(c->cp))
			side.kind = TL_SIDE_CJK;
		else if (c->cls & (TL_CLS_LATIN | TL_CLS_DIGIT))
			side.kind = TL_SIDE_LATIN;
		else
			side.kind = TL_SIDE_OTHER;
		return side;
	}
}

bool tl_punct_in_cjk(const tl_run *run, size_t s, size_t e)
{
	if (s > 0 && tl_run_is_alnum(run, s - 1) && tl_run_is_alnum(run, e))
		return false;
	if (s > 0 && run->chars[s - 1].kind == TL_CHAR_URL)
		return false;
	tl_side before = tl_punct_side(run, s, -1);
	if (before.kind == TL_SIDE_CJK && !before.object)
		return true;
	if (before.kind != TL_SIDE_CJK && before.kind != TL_SIDE_NONE)
		return false;
	tl_side after = tl_punct_side(run, e - 1, 1);
	if (after.kind == TL_SIDE_CJK)
		return true;
	return before.kind == TL_SIDE_CJK && after.kind == TL_SIDE_NONE;
}

bool tl_run_editable(const tl_run *run, size_t i, size_t j)
{
	if (i >= j || j > run->n)
		return false;
	for (size_t k = i; k < j; k++) {
		const tl_char *c = &run->chars[k];
		if (c->kind != TL_CHAR_TEXT || (c->flags & TL_CF_LITERAL))
			return false;
		if (k > i && c->start != run->chars[k - 1].end)
			return false;
	}
	return true;
}

bool tl_report_replace(tl_check *ck, const tl_run *run, size_t i, size_t j,
                       const char *text, const char *message)
{
	if (!tl_run_editable(run, i, j))
		return false;
	tl_edit edit = {run->chars[i].start, run->chars[j - 1].end, text};
	tl_fix fix = {TL_FIX_SAFE, &edit, 1};
	tl_check_report(ck, edit.start, edit.end, message, &fix);
	return true;
}

size_t tl_run_char_at(const tl_run *run, size_t from, size_t off)
{
	/* Every character has at least one byte of text, so the offsets
	 * grow strictly: the last character starting at or before OFF.
	 * The run keeps the offset of one character in TL_TOFF_EVERY: the
	 * search finds the last kept one at or before OFF, then walks the
	 * characters after it. Callers walk forward, OFF usually a few
	 * characters past FROM: gallop from FROM to bound the search, so
	 * that a walk over a long run stays linear instead of a full binary
	 * search each step (a 1 MB line spent half its time here). */
	if (run->n == 0)
		return from;
	const uint32_t *t = run->toffs;
	size_t nt = ((run->n - 1) >> TL_TOFF_SHIFT) + 1;
	size_t lo = from >> TL_TOFF_SHIFT, hi = nt, step = 1;
	if (lo >= nt)
		lo = nt - 1;
	while (lo + step < nt && t[lo + step] <= off) {
		lo += step;
		step *= 2;
	}
	if (lo + step < hi)
		hi = lo + step;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (t[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	size_t i = lo << TL_TOFF_SHIFT, at = t[lo];
	while (i + 1 < run->n) {
		size_t next = at + tl_utf8_len(run->chars[i].cp);
		if (next > off)
			break;
		at = next;
		i++;
	}
	return i > from ? i : from;
}

size_t tl_run_char_from(const tl_run *run, size_t off)
{
	if (off == 0 || run->n == 0)
		return 0;
	return tl_run_char_at(run, 0, off - 1) + 1;
}

/*
 * The searches below are bounded by the text's length, not by a NUL:
 * the text may hold a NUL character, and a sanitizer measures every
 * string argument of strcspn or strstr in full, which made a walk over a
 * 1 MB line quadratic under AddressSanitizer.
 */
size_t tl_run_text_find(const tl_run *run, size_t from, const char *set)
{
	const unsigned char *t = (const unsigned char *)run->text;
	size_t len = run->text_len;
	if (from >= len)
		return len;
	if (set[0] && !set[1]) {
		const unsigned char *hit = memchr(t + from, set[0], len - from);
		return hit ? (size_t)(hit - t) : len;
	}
	bool in[256] = {false};
	for (const unsigned char *c = (const unsigned char *)set; *c; c++)
		in[*c] = true;
	while (from < len && !in[t[from]])
		from++;
	return from;
}

/* The offset of the first occurrence of PAT at or after FROM in RUN's
 * text, or run->text_len. */
static size_t text_search(const tl_run *run, size_t from, const char *pat)
{
	const char *t = run->text;
	size_t len = run->text_len, n = strlen(pat);
	while (from + n <= len) {
		const char *hit = memchr(t + from, pat[0], len - from - n + 1);
		if (!hit)
			break;
		from = (size_t)(hit - t);
		if (memcmp(hit, pat, n) == 0)
			return from;
		from++;
	}
	return len;
}

/* The offset of the first occurrence at or after FROM of any of the
 * walk's strings, or run->text_len. next[k] remembers where string k
 * occurs next, so that each is searched for once per occurrence. */
static size_t text_next(tl_mark_walk *w, size_t from)
{
	const tl_run *run = w->run;
	const char *const *pats = w->pats;
	size_t *next = w->next, n = w->npats;
	size_t best = run->text_len;
	for (size_t k = 0; k < n; k++) {
		if (next[k] == TL_NONE || next[k] < from)
			next[k] = text_search(run, from, pats[k]);
		if (next[k] < best)
			best = next[k];
	}
	return best;
}

void tl_mark_walk_start(tl_mark_walk *w, const tl_run *run,
                        const char *const *pats, size_t n)
{
	w->run = run;
	w->pats = pats;
	w->npats = n < TL_MARK_PATS ? n : TL_MARK_PATS;
	for (size_t k = 0; k < w->npats; k++)
		w->next[k] = TL_NONE;
	w->p = 0;
	w->at = 0;
}

bool tl_mark_walk_next(tl_mark_walk *w, size_t *s, size_t *e)
{
	const tl_run *run = w->run;
	while (w->p < run->text_len) {
		size_t hit = text_next(w, w->p);
		if (hit >= run->text_len)
			break;
		size_t i = tl_run_char_at(run, w->at, hit);
		const tl_char *c = &run->chars[i];
		w->at = i;
		/* The search goes on after the stretch: from the next
		 * character when this one is not prose. */
		w->p = i + 1 < run->n ? tl_run_toff(run, i + 1) : run->text_len;
		if (c->kind != TL_CHAR_TEXT)
			continue;
		size_t k = i + 1;
		while (tl_run_is_cp(run, k, c->cp))
			k++;
		w->p = k < run->n ? tl_run_toff(run, k) : run->text_len;
		*s = i;
		*e = k;
		return true;
	}
	w->p = run->text_len;
	return false;
}

/* ---- English units ------------------------------------------------------ */

/* Short words that only English prose has: a unit of Latin text with
 * one of them is a sentence or a title ("Mail, Reddit, and RSS feeds",
 * "systemd for Administrators"), not a list of names ("Dan Berg，IBM")
 * or a label ("GPU：GeForce RTX"). Sorted, for bsearch. */
static const char *const function_words[] = {
    "a",     "about", "after", "all",    "also",    "an",   "and",    "any",
    "are",   "as",    "at",    "be",     "because", "been", "before", "but",
    "by",    "can",   "could", "did",    "do",      "does", "each",   "every",
    "for",   "from",  "had",   "has",    "have",    "he",   "her",    "his",
    "how",   "if",    "in",    "into",   "is",      "it",   "its",    "may",
    "might", "must",  "no",    "not",    "of",      "on",   "once",   "only",
    "or",    "our",   "she",   "should", "so",      "some", "than",   "that",
    "the",   "then",  "there", "these",  "they",    "this", "those",  "to",
    "under", "until", "very",  "was",    "we",      "were", "what",   "when",
    "where", "which", "while", "who",    "why",     "will", "with",   "would",
    "you",   "your",
};

static int word_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/* Is the ASCII word W (N letters) a function word, written in lower case
 * or capitalised ("The", not "IT")? */
static bool is_function_word(const char *w, size_t n)
{
	char low[8];
	if (n == 0 || n >= sizeof low)
		return false;
	for (size_t k = 0; k < n; k++) {
		char c = w[k];
		if (c >= 'A' && c <= 'Z') {
			if (k > 0)
				return false;
			c = (char)(c - 'A' + 'a');
		}
		low[k] = c;
	}
	low[n] = '\0';
	return bsearch(low, function_words,
	               sizeof function_words / sizeof *function_words,
	               sizeof *function_words, word_cmp) != NULL;
}

static bool is_ascii_letter(const tl_run *run, size_t i)
{
	uint32_t c = run->chars[i].cp;
	return run->chars[i].kind == TL_CHAR_TEXT &&
	       ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

bool tl_punct_unit_english(const tl_run *run, size_t s, size_t e)
{
	size_t words = 0;
	bool english = false;
	for (size_t k = s; k < e; k++) {
		const tl_char *c = &run->chars[k];
		if (c->kind != TL_CHAR_TEXT)
			continue;
		if (c->cls & TL_CLS_CJK)
			return false;
		if (!(c->cls & TL_CLS_LATIN) ||
		    (k > s && run->chars[k - 1].kind == TL_CHAR_TEXT &&
		     (run->chars[k - 1].cls & TL_CLS_LATIN)))
			continue;
		/* A word starts at K. */
		words++;
		size_t w = k;
		while (w < e && is_ascii_letter(run, w))
			w++;
		if (!english && w > k && (w == e || !tl_run_is_alnum(run, w)) &&
		    is_function_word(run->text + tl_run_toff(run, k),
		                     tl_run_toff(run, w - 1) + 1 -
		                         tl_run_toff(run, k)))
			english = true;
	}
	return english && words >= 2;
}

static bool ends_line(const tl_char *c)
{
	return c->kind == TL_CHAR_BREAK || c->kind == TL_CHAR_SEP;
}

static bool in_link_text(const tl_run *run, size_t i)
{
	return run->chars[i].kind == TL_CHAR_TEXT &&
	       (run->chars[i].flags & (TL_CF_LINK | TL_CF_IMAGE));
}

bool tl_punct_unit(const tl_run *run, size_t i, tl_unit_cache *c,
                   tl_unit_span *u)
{
	if (!(c->have_line && i >= c->line_s && i < c->line_e)) {
		size_t s = i, e = i;
		while (s > 0 && !ends_line(&run->chars[s - 1]))
			s--;
		while (e < run->n && !ends_line(&run->chars[e]))
			e++;
		bool cjk = false;
		for (size_t k = s; k < e && !cjk; k++)
			cjk = run->chars[k].kind == TL_CHAR_TEXT &&
			      (run->chars[k].cls & TL_CLS_CJK);
		*c = (tl_unit_cache){true, false, s, e, cjk, {0, 0, false}};
	}
	if (c->have_unit && i >= c->unit.s && i < c->unit.e) {
		*u = c->unit;
		return true;
	}
	size_t s = c->line_s, e = c->line_e;
	if (c->line_cjk) {
		/* A line with CJK: only the text of a link or image. */
		if (!in_link_text(run, i))
			return false;
		size_t ls = i, le = i;
		while (ls > s && in_link_text(run, ls - 1))
			ls--;
		while (le < e && in_link_text(run, le))
			le++;
		s = ls;
		e = le;
	}
	c->unit = (tl_unit_span){s, e, tl_punct_unit_english(run, s, e)};
	c->have_unit = true;
	*u = c->unit;
	return true;
}
