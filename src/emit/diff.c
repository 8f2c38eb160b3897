/*
 * diff.c: the unified diff --diff prints: what --fix would change in a
 * document, in the format of `diff -u` and `git diff`, so that the output
 * can be read in review or applied with `git apply` / `patch -p1`.
 *
 * Lines are compared whole, with their line endings (a CRLF file diffs
 * as CRLF lines). The line matching is Myers' O(ND) algorithm in its
 * linear-space form (the "middle snake" bisection, as in Google's
 * diff-match-patch): fixes usually touch a few lines of a long document,
 * where O(ND) time is small, and linear space keeps a rewrite of every
 * line of a large file from needing D^2 memory.
 */
#include "emit/emit.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CONTEXT 3

typedef struct line {
	const char *p;
	size_t len; /* with the line ending */
	uint64_t hash;
} line;

typedef struct differ {
	const line *a, *b;
	bool *del;          /* a[i] is not in the common subsequence */
	bool *ins;          /* b[j] is not in the common subsequence */
	ptrdiff_t *v1, *v2; /* scratch of bisect, sized for the whole input */
} differ;

/* Splits TEXT into lines ending after each LF; the last line may have no
 * LF. Returns the number of lines (caller frees *OUT). */
static size_t split_lines(const char *text, size_t len, line **out)
{
	size_t n = 0, cap = 16, p = 0;
	line *l = tl_xmalloc(cap * sizeof *l);

	while (p < len) {
		const char *nl = memchr(text + p, '\n', len - p);
		size_t end = nl ? (size_t)(nl - text) + 1 : len, i;
		uint64_t h = 14695981039346656037u; /* FNV-1a */

		for (i = p; i < end; i++)
			h = (h ^ (unsigned char)text[i]) * 1099511628211u;
		if (n == cap) {
			cap *= 2;
			l = tl_xrealloc(l, cap * sizeof *l);
		}
		l[n].p = text + p;
		l[n].len = end - p;
		l[n].hash = h;
		n++;
		p = end;
	}
	*out = l;
	return n;
}

static bool line_eq(const line *x, const line *y)
{
	return x->hash == y->hash && x->len == y->len &&
	       memcmp(x->p, y->p, x->len) == 0;
}

static void diff_range(differ *c, ptrdiff_t a0, ptrdiff_t a1, ptrdiff_t b0,
                       ptrdiff_t b1);

/* Finds the middle snake of a[a0, a1) and b[b0, b1) (both non-empty, no
 * common prefix or suffix) and recurses on the two halves around it. */
static void bisect(differ *c, ptrdiff_t a0, ptrdiff_t a1, ptrdiff_t b0,
                   ptrdiff_t b1)
{
	const ptrdiff_t n1 = a1 - a0, n2 = b1 - b0;
	const ptrdiff_t max_d = (n1 + n2 + 1) / 2;
	/* Two more than the paper's 2 * max_d: the k + 1 neighbour of the
	 * last diagonal is read before it is written. */
	const ptrdiff_t voff = max_d, vlen = 2 * max_d + 2;
	const ptrdiff_t delta = n1 - n2;
	const bool front = delta % 2 != 0;
	ptrdiff_t *v1 = c->v1, *v2 = c->v2, i, d;
	ptrdiff_t k1start = 0, k1end = 0, k2start = 0, k2end = 0;

	for (i = 0; i < vlen; i++)
		v1[i] = v2[i] = -1;
	v1[voff + 1] = 0;
	v2[voff + 1] = 0;
	for (d = 0; d < max_d; d++) {
		ptrdiff_t k;

		/* Forward from the top left. */
		for (k = -d + k1start; k <= d - k1end; k += 2) {
			ptrdiff_t ko = voff + k, x, y;

			if (k == -d || (k != d && v1[ko - 1] < v1[ko + 1]))
				x = v1[ko + 1];
			else
				x = v1[ko - 1] + 1;
			y = x - k;
			while (x < n1 && y < n2 &&
			       line_eq(&c->a[a0 + x], &c->b[b0 + y])) {
				x++;
				y++;
			}
			v1[ko] = x;
			if (x > n1) {
				k1end += 2;
			} else if (y > n2) {
				k1start += 2;
			} else if (front) {
				ptrdiff_t k2o = voff + delta - k;

				if (k2o >= 0 && k2o < vlen && v2[k2o] != -1 &&
				    x >= n1 - v2[k2o]) {
					diff_range(c, a0, a0 + x, b0, b0 + y);
					diff_range(c, a0 + x, a1, b0 + y, b1);
					return;
				}
			}
		}
		/* Backward from the bottom right. */
		for (k = -d + k2start; k <= d - k2end; k += 2) {
			ptrdiff_t ko = voff + k, x, y;

			if (k == -d || (k != d && v2[ko - 1] < v2[ko + 1]))
				x = v2[ko + 1];
			else
				x = v2[ko - 1] + 1;
			y = x - k;
			while (x < n1 && y < n2 &&
			       line_eq(&c->a[a1 - x - 1], &c->b[b1 - y - 1])) {
				x++;
				y++;
			}
			v2[ko] = x;
			if (x > n1) {
				k2end += 2;
			} else if (y > n2) {
				k2start += 2;
			} else if (!front) {
				ptrdiff_t k1o = voff + delta - k;

				if (k1o >= 0 && k1o < vlen && v1[k1o] != -1) {
					ptrdiff_t x1 = v1[k1o];
					ptrdiff_t y1 = voff + x1 - k1o;

					if (x1 >= n1 - x) {
						diff_range(c, a0, a0 + x1, b0,
						           b0 + y1);
						diff_range(c, a0 + x1, a1,
						           b0 + y1, b1);
						return;
					}
				}
			}
		}
	}
	/* No common line at all. */
	for (i = a0; i < a1; i++)
		c->del[i] = true;
	for (i = b0; i < b1; i++)
		c->ins[i] = true;
}

static void diff_range(differ *c, ptrdiff_t a0, ptrdiff_t a1, ptrdiff_t b0,
                       ptrdiff_t b1)
{
	ptrdiff_t i;

	while (a0 < a1 && b0 < b1 && line_eq(&c->a[a0], &c->b[b0])) {
		a0++;
		b0++;
	}
	while (a0 < a1 && b0 < b1 && line_eq(&c->a[a1 - 1], &c->b[b1 - 1])) {
		a1--;
		b1--;
	}
	if (a0 == a1) {
		for (i = b0; i < b1; i++)
			c->ins[i] = true;
	} else if (b0 == b1) {
		for (i = a0; i < a1; i++)
			c->del[i] = true;
	} else {
		bisect(c, a0, a1, b0, b1);
	}
}

/* One run of changed lines: a[a0, a1) replaced by b[b0, b1). */
typedef struct change {
	size_t a0, a1, b0, b1;
} change;

static void put_line(tl_buf *out, char mark, const line *l)
{
	tl_buf_putc(out, mark);
	tl_buf_append(out, l->p, l->len);
	if (l->len == 0 || l->p[l->len - 1] != '\n')
		tl_buf_puts(out, "\n\\ No newline at end of file\n");
}

/* A hunk range as diff -u writes it: "START,COUNT", with ",1" left out
 * and, for an empty range, START the line before it. */
static void put_range(tl_buf *out, size_t start, size_t count)
{
	if (count == 1)
		tl_buf_printf(out, "%zu", start + 1);
	else
		tl_buf_printf(out, "%zu,%zu", count ? start + 1 : start, count);
}

static void put_hunks(tl_buf *out, const line *a, size_t na, const line *b,
                      const change *ch, size_t nch)
{
	size_t h = 0;

	while (h < nch) {
		size_t last = h, k, pos;
		size_t as, ae, bs, be;

		/* Changes closer than twice the context share a hunk. */
		while (last + 1 < nch &&
		       ch[last + 1].a0 - ch[last].a1 <= 2 * CONTEXT)
			last++;
		as = ch[h].a0 > CONTEXT ? ch[h].a0 - CONTEXT : 0;
		bs = ch[h].b0 - (ch[h].a0 - as);
		ae = ch[last].a1 + CONTEXT < na ? ch[last].a1 + CONTEXT : na;
		be = ch[last].b1 + (ae - ch[last].a1);
		tl_buf_puts(out, "@@ -");
		put_range(out, as, ae - as);
		tl_buf_puts(out, " +");
		put_range(out, bs, be - bs);
		tl_buf_puts(out, " @@\n");
		for (pos = as, k = h; k <= last; k++) {
			size_t i;

			for (; pos < ch[k].a0; pos++)
				put_line(out, ' ', &a[pos]);
			for (i = ch[k].a0; i < ch[k].a1; i++)
				put_line(out, '-', &a[i]);
			for (i = ch[k].b0; i < ch[k].b1; i++)
				put_line(out, '+', &b[i]);
			pos = ch[k].a1;
		}
		for (; pos < ae; pos++)
			put_line(out, ' ', &a[pos]);
		h = last + 1;
	}
}

/* Appends PREFIX and PATH as git writes a name in "---" and "+++"
 * lines (quote_c_style with core.quotePath on): in double quotes, with C
 * escapes and octal bytes, when the name holds a control character, a
 * '"', a '\\' or a byte outside ASCII, so that a name with a newline
 * cannot start a hunk of its own; then a tab when it holds a space, so
 * that patch reads the name to the end of the line. */
static void put_name(tl_buf *out, const char *prefix, const char *path)
{
	const unsigned char *p;
	bool quote = false;

	for (p = (const unsigned char *)path; *p; p++)
		quote |= *p < 0x20 || *p >= 0x7F || *p == '"' || *p == '\\';
	if (!quote) {
		tl_buf_puts(out, prefix);
		tl_buf_puts(out, path);
		if (strchr(path, ' '))
			tl_buf_putc(out, '\t');
		return;
	}
	tl_buf_putc(out, '"');
	tl_buf_puts(out, prefix);
	for (p = (const unsigned char *)path; *p; p++) {
		const char *esc = NULL;
		switch (*p) {
		case '\a':
			esc = "\\a";
			break;
		case '\b':
			esc = "\\b";
			break;
		case '\t':
			esc = "\\t";
			break;
		case '\n':
			esc = "\\n";
			break;
		case '\v':
			esc = "\\v";
			break;
		case '\f':
			esc = "\\f";
			break;
		case '\r':
			esc = "\\r";
			break;
		case '"':
			esc = "\\\"";
			break;
		case '\\':
			esc = "\\\\";
			break;
		default:
			break;
		}
		if (esc)
			tl_buf_puts(out, esc);
		else if (*p < 0x20 || *p >= 0x7F)
			tl_buf_printf(out, "\\%03o", *p);
		else
			tl_buf_putc(out, (char)*p);
	}
	tl_buf_putc(out, '"');
	if (strchr(path, ' '))
		tl_buf_putc(out, '\t');
}

void tl_emit_diff(tl_buf *out, const char *path, const char *old,
                  size_t old_len, const char *new_text, size_t new_len)
{
	line *a, *b;
	size_t na, nb, i = 0, j = 0, nch = 0, cap = 8, vlen;
	change *ch;
	differ c;

	if (old_len == new_len && memcmp(old, new_text, old_len) == 0)
		return;
	na = split_lines(old, old_len, &a);
	nb = split_lines(new_text, new_len, &b);
	vlen = na + nb + 4;
	c.a = a;
	c.b = b;
	c.del = tl_xcalloc(na + 1, sizeof *c.del);
	c.ins = tl_xcalloc(nb + 1, sizeof *c.ins);
	c.v1 = tl_xmalloc(vlen * sizeof *c.v1);
	c.v2 = tl_xmalloc(vlen * sizeof *c.v2);
	diff_range(&c, 0, (ptrdiff_t)na, 0, (ptrdiff_t)nb);

	/* The unmarked lines of both sides pair up in order; what lies
	 * between two pairs is one change. */
	ch = tl_xmalloc(cap * sizeof *ch);
	while (i < na || j < nb) {
		change x;

		if (i < na && j < nb && !c.del[i] && !c.ins[j]) {
			i++;
			j++;
			continue;
		}
		x.a0 = i;
		x.b0 = j;
		while (i < na && c.del[i])
			i++;
		while (j < nb && c.ins[j])
			j++;
		x.a1 = i;
		x.b1 = j;
		if (x.a0 == x.a1 && x.b0 == x.b1)
			break; /* cannot happen: the sides pair up */
		if (nch == cap) {
			cap *= 2;
			ch = tl_xrealloc(ch, cap * sizeof *ch);
		}
		ch[nch++] = x;
	}

	tl_buf_puts(out, "--- ");
	put_name(out, "a/", path);
	tl_buf_puts(out, "\n+++ ");
	put_name(out, "b/", path);
	tl_buf_putc(out, '\n');
	put_hunks(out, a, na, b, ch, nch);
	free(ch);
	free(c.v1);
	free(c.v2);
	free(c.del);
	free(c.ins);
	free(a);
	free(b);
}
