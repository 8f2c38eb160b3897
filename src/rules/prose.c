/*
 * prose.c: rule helpers (rule.h) about prose around quotes and code:
 * apostrophes, and code-like inline HTML (<code>, <kbd>...).
 */
#include "rule.h"

#include <string.h>

bool tl_run_is_apostrophe(const tl_run *run, size_t i)
{
	bool before = i > 0 && tl_run_is_alnum(run, i - 1);
	if (before && tl_run_is_alnum(run, i + 1))
		return true;
	return !before && i + 1 < run->n &&
	       run->chars[i + 1].kind == TL_CHAR_TEXT &&
	       (run->chars[i + 1].cls & TL_CLS_DIGIT);
}

/* ---- Code-like inline HTML ------------------------------------------- */

/* Elements whose content is not prose to be rewritten. */
static const char *const code_tags[] = {
    "code", "kbd", "samp", "var", "tt", "pre", "script", "style", "svg", "math",
};

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* If S[P..E) starts a tag of code_tags ("<code ...>" or "</code>"),
 * returns +1 for an opening tag, -1 for a closing one; 0 otherwise. A
 * self-closing tag ("<code/>") opens nothing. */
static int tag_at(const char *s, size_t p, size_t e)
{
	size_t q = p + 1;
	int dir = 1;
	if (q < e && s[q] == '/') {
		dir = -1;
		q++;
	}
	size_t name = q;
	while (q < e &&
	       ((s[q] >= 'a' && s[q] <= 'z') || (s[q] >= 'A' && s[q] <= 'Z')))
		q++;
	if (q == name || q >= e)
		return 0;
	char c = s[q];
	if (c != '>' && c != ' ' && c != '\t' && c != '\n' && c != '\r' &&
	    c != '/')
		return 0;
	size_t len = q - name;
	for (size_t t = 0; t < sizeof code_tags / sizeof *code_tags; t++) {
		const char *tag = code_tags[t];
		if (strlen(tag) != len)
			continue;
		size_t k = 0;
		while (k < len && lower(s[name + k]) == tag[k])
			k++;
		if (k < len)
			continue;
		if (dir > 0) {
			/* A self-closing tag: look for "/>" before ">". */
			while (q < e && s[q] != '>')
				q++;
			if (q < e && s[q - 1] == '/')
				return 0;
		}
		return dir;
	}
	return 0;
}

void tl_run_html_init(tl_run_html *h, const tl_run *run)
{
	h->run = run;
	h->next = 0;
	h->depth = 0;
	h->clear_from = h->clear_to = 0;
}

/* Scans the source gap in front of character K for code-like tags,
 * stepping over HTML comments. */
static void scan_gap(tl_run_html *h, size_t k)
{
	const tl_run *run = h->run;
	const char *s = run->doc->src->data;
	size_t p = k == 0 ? run->start : run->chars[k - 1].end;
	size_t e = run->chars[k].start;
	while (p < e) {
		if (s[p] != '<') {
			p++;
			continue;
		}
		if (e - p >= 4 && memcmp(s + p, "<!--", 4) == 0) {
			const char *end = NULL;
			for (size_t q = p + 4; q + 3 <= e; q++)
				if (memcmp(s + q, "-->", 3) == 0) {
					end = s + q + 3;
					break;
				}
			if (!end)
				return;
			p = (size_t)(end - s);
			continue;
		}
		h->depth += tag_at(s, p, e);
		if (h->depth < 0)
			h->depth = 0;
		p++;
	}
}

/* Does the gap in front of character K (source bytes [P, E)) need
 * scan_gap? Not when it is empty, nor when it holds no '<', which one
 * memchr tells for this gap and the ones after it up to the next '<'. */
static bool gap_may_hold_tag(tl_run_html *h, size_t p, size_t e)
{
	if (p >= e || (p >= h->clear_from && e <= h->clear_to))
		return false;
	const tl_run *run = h->run;
	const char *s = run->doc->src->data;
	size_t limit = e > run->end ? e : run->end;
	const char *lt = memchr(s + p, '<', limit - p);
	h->clear_from = p;
	h->clear_to = lt ? (size_t)(lt - s) : limit;
	return e > h->clear_to;
}

bool tl_run_html_in_code(tl_run_html *h, size_t i)
{
	const tl_run *run = h->run;
	if (run->n == 0)
		return h->depth > 0;
	if (h->next == 0) {
		if (gap_may_hold_tag(h, run->start, run->chars[0].start))
			scan_gap(h, 0);
		h->next = 1;
	}
	size_t last = i < run->n ? i : run->n - 1;
	for (size_t k = h->next; k <= last; k++) {
		/* Most gaps are empty: one comparison tells. */
		size_t p = run->chars[k - 1].end, e = run->chars[k].start;
		if (p < e && gap_may_hold_tag(h, p, e))
			scan_gap(h, k);
	}
	if (h->next <= last)
		h->next = last + 1;
	return h->depth > 0;
}
