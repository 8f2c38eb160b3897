/*
 * passes.c: the passes over a prose run once its characters are built
 * (runs.c). cmark leaves bare URLs, e-mail addresses and inline math as
 * plain text: they are found here and each made one opaque character, so
 * that no rule reads inside them. And cmark (without the GFM extension)
 * reads a pipe table as a paragraph: its cell separators are marked here.
 */
#include "model.h"

#include <string.h>

/* The characters of the run being built: a pass may shorten them. */
typedef struct run_chars {
	tl_char *chars;
	size_t n;
	bool changed; /* some characters were made one opaque character */
} run_chars;

/* Replaces chars [i, k) by one opaque character of KIND. */
static void collapse(run_chars *b, size_t i, size_t k, uint8_t kind)
{
	tl_char c = b->chars[i];
	c.cp = TL_OBJECT;
	c.kind = kind;
	c.end = b->chars[k - 1].end;
	c.after = b->chars[k - 1].after;
	b->chars[i] = c;
	memmove(&b->chars[i + 1], &b->chars[k], (b->n - k) * sizeof(tl_char));
	b->n -= k - i - 1;
	b->changed = true;
}

static bool is_alnum(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Does the run have the ASCII string W at I, as contiguous prose? */
static bool has_at(const run_chars *b, size_t i, const char *w)
{
	for (size_t k = 0; w[k]; k++) {
		if (i + k >= b->n)
			return false;
		const tl_char *c = &b->chars[i + k];
		if (c->kind != TL_CHAR_TEXT || c->cp != (unsigned char)w[k])
			return false;
	}
	return true;
}

/* A character a URL can hold: printable ASCII but '<' and space (GFM's
 * extended autolinks end at white space and '<'; translint also ends one
 * at the first non-ASCII character, which the link-destination rule
 * reports as swallowed text). */
static bool url_char(const tl_char *c)
{
	return c->kind == TL_CHAR_TEXT && c->cp > ' ' && c->cp < 0x7F &&
	       c->cp != '<';
}

/* The end of a URL starting at I, with trailing punctuation and an
 * unbalanced ')' left out as GFM does. */
static size_t url_end(const run_chars *b, size_t i)
{
	size_t k = i;
	while (k < b->n && url_char(&b->chars[k]) &&
	       (k == i || b->chars[k].start == b->chars[k - 1].end))
		k++;
	for (;;) {
		if (k <= i)
			return k;
		uint32_t c = b->chars[k - 1].cp;
		if (strchr("?!.,:*_~'\";", (int)c)) {
			k--;
			continue;
		}
		if (c == ')') {
			int bal = 0;
			for (size_t q = i; q < k; q++)
				bal += b->chars[q].cp == '('   ? 1
				       : b->chars[q].cp == ')' ? -1
				                               : 0;
			if (bal < 0) {
				k--;
				continue;
			}
		}
		return k;
	}
}

/* Finds bare URLs ("https://...", "www.x") and e-mail addresses in the
 * run and makes each one opaque character. */
static void collapse_urls(run_chars *b)
{
	for (size_t i = 0; i < b->n; i++) {
		const tl_char *c = &b->chars[i];
		if (c->kind != TL_CHAR_TEXT || c->cp > 0x7F)
			continue;
		bool boundary = i == 0 || !is_alnum(b->chars[i - 1].cp);
		if (boundary &&
		    (c->cp == 'h' || c->cp == 'f' || c->cp == 'w') &&
		    (has_at(b, i, "http://") || has_at(b, i, "https://") ||
		     has_at(b, i, "ftp://") || has_at(b, i, "www."))) {
			size_t k = url_end(b, i);
			if (k > i + 4)
				collapse(b, i, k, TL_CHAR_URL);
			continue;
		}
		if (c->cp == '@' && i > 0 && is_alnum(b->chars[i - 1].cp)) {
			/* local@domain.tld */
			size_t s = i;
			while (s > 0 && b->chars[s - 1].kind == TL_CHAR_TEXT &&
			       (is_alnum(b->chars[s - 1].cp) ||
			        strchr("._+-", (int)b->chars[s - 1].cp)))
				s--;
			size_t k = i + 1, dots = 0;
			while (k < b->n && b->chars[k].kind == TL_CHAR_TEXT &&
			       (is_alnum(b->chars[k].cp) ||
			        b->chars[k].cp == '-' ||
			        b->chars[k].cp == '.')) {
				dots += b->chars[k].cp == '.';
				k++;
			}
			while (k > i + 1 && b->chars[k - 1].cp == '.') {
				k--;
				dots--;
			}
			if (dots > 0 && s < i && k > i + 1) {
				collapse(b, s, k, TL_CHAR_URL);
				i = s;
			}
		}
	}
}

/* Finds inline math, "$...$" and "$$...$$", in the pandoc way: the opening
 * "$" has a non-space after it, the closing one a non-space before it and
 * no digit after it (so "$5 and $10" is money, not math). */
static void collapse_math(run_chars *b)
{
	for (size_t i = 0; i < b->n; i++) {
		if (b->chars[i].cp != '$' || b->chars[i].kind != TL_CHAR_TEXT ||
		    (b->chars[i].flags & TL_CF_LITERAL))
			continue;
		bool display = i + 1 < b->n && b->chars[i + 1].cp == '$';
		size_t open = display ? i + 2 : i + 1;
		if (open >= b->n)
			break;
		if (!display && tl_char_is_space(b->chars[open].cp))
			continue;
		size_t k = open;
		for (; k < b->n; k++) {
			const tl_char *c = &b->chars[k];
			if (c->cp != '$' || c->kind != TL_CHAR_TEXT ||
			    (c->flags & TL_CF_LITERAL))
				continue;
			if (display) {
				if (k + 1 < b->n && b->chars[k + 1].cp == '$')
					break;
				continue;
			}
			if (tl_char_is_space(b->chars[k - 1].cp))
				continue;
			if (k + 1 < b->n &&
			    tl_char_is_digit(b->chars[k + 1].cp))
				continue;
			break;
		}
		if (k >= b->n || k == open)
			continue;
		collapse(b, i, display ? k + 2 : k + 1, TL_CHAR_MATH);
	}
}

/* A GFM table delimiter row: cells of dashes with optional colons,
 * separated by '|' (at least one '|' or more than one cell). */
static bool is_delimiter_row(const char *s, size_t p, size_t e)
{
	bool pipe = false, dash = false;
	for (; p < e; p++) {
		char c = s[p];
		if (c == '|')
			pipe = true;
		else if (c == '-')
			dash = true;
		else if (c != ':' && c != ' ' && c != '\t')
			return false;
	}
	return pipe && dash;
}

/* cmark (without the GFM extension) reads a pipe table as a paragraph.
 * Its second line tells: a delimiter row. The cell separators then become
 * TL_CHAR_SEP so that no rule sees "a | 中" as adjacent prose. */
bool tl_pass_table(const char *s, size_t len, size_t limit, size_t start,
                   tl_char *chars, size_t n)
{
	size_t e1 = tl_line_end(s, len, start);
	size_t l2 = tl_line_next(s, len, e1);
	if (l2 >= limit)
		return false;
	size_t e2 = tl_line_end(s, len, l2);
	/* Skip container prefixes ("> ", list indentation). */
	size_t p = l2;
	while (p < e2 && (s[p] == ' ' || s[p] == '>' || s[p] == '\t'))
		p++;
	if (!is_delimiter_row(s, p, e2))
		return false;
	for (size_t i = 0; i < n; i++)
		if (chars[i].cp == '|' && chars[i].kind == TL_CHAR_TEXT &&
		    !(chars[i].flags & TL_CF_LITERAL))
			chars[i].kind = TL_CHAR_SEP;
	return true;
}

bool tl_pass_urls(tl_char *chars, size_t *n)
{
	run_chars b = {chars, *n, false};
	collapse_urls(&b);
	*n = b.n;
	return b.changed;
}

bool tl_pass_math(tl_char *chars, size_t *n)
{
	run_chars b = {chars, *n, false};
	collapse_math(&b);
	*n = b.n;
	return b.changed;
}
