/*
 * pieces.c: the planner that cuts a very large source into pieces.
 *
 * cmark holds the whole tree of a document while it parses: about seven
 * times the size of the text. A very large file is therefore parsed in
 * pieces of about PIECE_SIZE bytes, one after the other, each tree freed
 * before the next is built, so that memory stays a small multiple of the
 * file and time grows linearly with it.
 *
 * A piece ends where CommonMark itself starts afresh: before a line that
 * follows a blank line and begins, unindented, with a letter, a digit-free
 * word, a CJK character or "#". Such a line closes every list item and
 * block quote and begins a paragraph or a heading; only a fenced code
 * block or an HTML block of kinds 1 to 5 can stay open across it, so the
 * planner follows those, and a piece whose last block still ran to its
 * end is joined to the next one and parsed again. Link reference
 * definitions apply to the whole document: those found by the planner
 * are appended to every piece (after its end, where they add no
 * characters to any run). The first definition of a label is the one
 * that counts, but in a piece cmark meets the piece's own definitions
 * before the appended ones: the label of every later definition of a
 * label is made one no link uses (tl_doc.shadowed) in the text cmark
 * parses, so that it stays a definition and wins nowhere.
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PIECE_MIN_SOURCE (8u << 20) /* smaller sources are one piece */
#define PIECE_SIZE (2u << 20)

typedef struct planner {
	char fence;       /* '`' or '~' while a fenced code block is open */
	size_t fence_len; /* its opening run */
	bool list_fence;  /* it was indented in a list: the item may end it */
	bool in_list;     /* a list item may be open */
	int html;         /* the kind (1 to 5) of an open HTML block, or 0 */
} planner;

/* Does a list item marker ("-", "*", "+", "1.", "1)") start at Q? */
static bool is_list_marker(const char *s, size_t q, size_t e)
{
	size_t r = q;
	if (r < e && (s[r] == '-' || s[r] == '*' || s[r] == '+')) {
		r++;
	} else {
		while (r < e && r - q < 9 && s[r] >= '0' && s[r] <= '9')
			r++;
		if (r == q || r >= e || (s[r] != '.' && s[r] != ')'))
			return false;
		r++;
	}
	return r == e || s[r] == ' ' || s[r] == '\t';
}

/* The end marker of HTML block kind K (CommonMark 4.6). */
static bool html_closes(int k, const char *s, size_t p, size_t e)
{
	static const char *const ends1[] = {"</script>", "</pre>", "</style>",
	                                    "</textarea>"};
	static const char *const ends[] = {NULL, NULL, "-->", "?>", ">", "]]>"};
	for (; p < e; p++) {
		if (k == 1) {
			for (size_t i = 0; i < 4; i++) {
				size_t n = strlen(ends1[i]);
				if (e - p >= n &&
				    strncasecmp(s + p, ends1[i], n) == 0)
					return true;
			}
		} else {
			size_t n = strlen(ends[k]);
			if (e - p >= n && memcmp(s + p, ends[k], n) == 0)
				return true;
		}
	}
	return false;
}

/* The kind (1 to 5) of HTML block that line [P, E) opens, or 0. */
static int html_opens(const char *s, size_t p, size_t e)
{
	static const char *const tags1[] = {"script", "pre", "style",
	                                    "textarea"};
	if (p >= e || s[p] != '<')
		return 0;
	for (size_t i = 0; i < 4; i++) {
		size_t n = strlen(tags1[i]);
		if (e - p > n && strncasecmp(s + p + 1, tags1[i], n) == 0) {
			char c = p + 1 + n < e ? s[p + 1 + n] : '\n';
			if (c == ' ' || c == '\t' || c == '>' || c == '\n')
				return 1;
		}
	}
	if (e - p >= 4 && memcmp(s + p, "<!--", 4) == 0)
		return 2;
	if (e - p >= 2 && s[p + 1] == '?')
		return 3;
	if (e - p >= 9 && memcmp(s + p, "<![CDATA[", 9) == 0)
		return 5;
	if (e - p >= 3 && s[p + 1] == '!' && s[p + 2] >= 'A' && s[p + 2] <= 'Z')
		return 4;
	return 0;
}

/* Follows line [P, E) (without its line ending): fenced code blocks and
 * HTML blocks that may hold blank lines. BLANK_BEFORE: the line before
 * was blank. Returns whether the line starts outside any such block. */
static bool plan_line(planner *pl, const char *s, size_t p, size_t e,
                      bool blank_before)
{
	size_t q = p;
	while (q < e && q - p < 4 && s[q] == ' ')
		q++;
	/* An unindented line after a blank one that starts no list item
	 * ends every list, and with it a fence indented in an item (CommonMark
	 * 5.2): the item's fence need not be closed. */
	if (pl->in_list && blank_before && q == p && q < e && s[q] != ' ' &&
	    s[q] != '\t' && !is_list_marker(s, q, e)) {
		pl->in_list = false;
		if (pl->fence && pl->list_fence)
			pl->fence = 0;
	}
	bool outside = !pl->fence && !pl->html;
	if (outside && q - p < 4 && is_list_marker(s, q, e))
		pl->in_list = true;
	if (pl->fence) {
		size_t n = 0;
		while (q + n < e && s[q + n] == pl->fence)
			n++;
		size_t r = q + n;
		while (r < e && (s[r] == ' ' || s[r] == '\t'))
			r++;
		if (q - p < 4 && n >= pl->fence_len && r == e)
			pl->fence = 0;
		return outside;
	}
	if (pl->html) {
		if (html_closes(pl->html, s, p, e))
			pl->html = 0;
		return outside;
	}
	if (q - p >= 4)
		return outside;
	if (q < e && (s[q] == '`' || s[q] == '~')) {
		size_t n = 0;
		while (q + n < e && s[q + n] == s[q])
			n++;
		if (n >= 3 &&
		    (s[q] == '~' || !memchr(s + q + n, '`', e - q - n))) {
			pl->fence = s[q];
			pl->fence_len = n;
			pl->list_fence = pl->in_list && q > p;
		}
		return outside;
	}
	int k = html_opens(s, q, e);
	if (k && !html_closes(k, s, q + 1, e))
		pl->html = k;
	return outside;
}

static bool is_blank(const char *s, size_t p, size_t e)
{
	for (; p < e; p++)
		if (s[p] != ' ' && s[p] != '\t')
			return false;
	return true;
}

/* Whether line [P, E), outside code and HTML blocks and not blank, is a
 * line of paragraph text that the next line may continue: not an ATX
 * heading, a setext underline or thematic break, an HTML line or (after
 * no paragraph: PARA false) indented code. A definition cannot interrupt
 * a paragraph (CommonMark 4.7), so the line after such a line is none:
 * "正文，\n[img]: 不是定义" is a paragraph with a link in it. */
static bool is_paragraph_line(const char *s, size_t p, size_t e, bool para)
{
	size_t q = p;
	while (q < e && q - p < 4 && s[q] == ' ')
		q++;
	if (q - p >= 4 || (q < e && s[q] == '\t'))
		return para; /* indented code, unless it continues text */
	size_t h = q;
	while (h < e && h - q < 7 && s[h] == '#')
		h++;
	if (h > q && h - q <= 6 && (h == e || s[h] == ' ' || s[h] == '\t'))
		return false;
	if (q < e && s[q] == '<')
		return false;
	if (q < e && strchr("=-*_", s[q])) {
		size_t r = q, marks = 0;
		for (; r < e; r++) {
			if (s[r] == s[q])
				marks++;
			else if (s[r] != ' ' && s[r] != '\t')
				break;
		}
		if (r == e && (s[q] == '=' || s[q] == '-' || marks >= 3))
			return false;
	}
	return true;
}

/* Whether what follows "]:" in [P, E) can be a definition's destination
 * and title: a destination ("<...>" or a word), then nothing or the start
 * of a title ('"', '\'' or '('; a title may go on over lines). Text after
 * the destination makes it no definition: "[^1]: 在 Go 中，……" is prose,
 * and taken for the first definition of "^1" it would hide the real one
 * further down (CommonMark 4.7). */
static bool is_destination(const char *s, size_t p, size_t e)
{
	while (p < e && (s[p] == ' ' || s[p] == '\t'))
		p++;
	if (p >= e)
		return false;
	if (s[p] == '<') {
		for (p++; p < e && s[p] != '>'; p++)
			if (s[p] == '<' || (s[p] == '\\' && ++p >= e))
				return false;
		if (p >= e)
			return false;
		p++;
	} else {
		while (p < e && s[p] != ' ' && s[p] != '\t')
			p++;
	}
	size_t t = p;
	while (p < e && (s[p] == ' ' || s[p] == '\t'))
		p++;
	return p >= e ||
	       (p > t && (s[p] == '"' || s[p] == '\'' || s[p] == '('));
}

/* Whether line [P, E) is a link reference definition on one line:
 * "[label]:" at most three spaces in, then a destination. */
static bool is_definition(const char *s, size_t p, size_t e)
{
	size_t q = p;
	while (q < e && q - p < 3 && s[q] == ' ')
		q++;
	if (q >= e || s[q] != '[')
		return false;
	for (size_t r = q + 1; r < e && r - q < 1000; r++) {
		if (s[r] == '\\') {
			r++;
		} else if (s[r] == '[') {
			return false;
		} else if (s[r] == ']') {
			return r > q + 1 && r + 1 < e && s[r + 1] == ':' &&
			       is_destination(s, r + 2, e);
		}
	}
	return false;
}

/* A set of link labels, normalised as CommonMark matches them (ASCII
 * case and runs of white space folded; enough to drop the repeats). */
typedef struct label_set {
	char **v; /* open addressing; NULL is empty */
	size_t cap, n;
} label_set;

static char *label_key(const char *s, size_t p, size_t e)
{
	tl_buf k = {0};
	while (p < e && s[p] != '[')
		p++;
	bool space = false;
	for (p++; p < e && s[p] != ']'; p++) {
		char c = s[p];
		if (c == '\\' && p + 1 < e) {
			tl_buf_putc(&k, c);
			c = s[++p];
		}
		if (c == ' ' || c == '\t') {
			space = k.len > 0;
			continue;
		}
		if (space)
			tl_buf_putc(&k, ' ');
		space = false;
		tl_buf_putc(&k,
		            c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
	}
	if (!k.data)
		tl_buf_puts(&k, "");
	return k.data;
}

/* Adds KEY (owned) unless present; whether it was new. */
static bool label_add(label_set *ls, char *key)
{
	if (ls->n * 2 >= ls->cap) {
		label_set big = {
		    tl_xcalloc(ls->cap ? ls->cap * 2 : 64, sizeof(char *)),
		    ls->cap ? ls->cap * 2 : 64, 0};
		for (size_t i = 0; i < ls->cap; i++)
			if (ls->v[i])
				label_add(&big, ls->v[i]);
		free(ls->v);
		*ls = big;
	}
	size_t h = 5381;
	for (const char *c = key; *c; c++)
		h = h * 33 + (unsigned char)*c;
	for (size_t i = h & (ls->cap - 1);; i = (i + 1) & (ls->cap - 1)) {
		if (!ls->v[i]) {
			ls->v[i] = key;
			ls->n++;
			return true;
		}
		if (strcmp(ls->v[i], key) == 0) {
			free(key);
			return false;
		}
	}
}

static void label_set_free(label_set *ls)
{
	for (size_t i = 0; i < ls->cap; i++)
		free(ls->v[i]);
	free(ls->v);
}

/* Plans the pieces of DOC: where each begins, and the definitions to
 * append. Unless SPLIT, or for a source below PIECE_MIN_SOURCE, the
 * document is one piece. */
void tl_pieces_plan(tl_doc *doc, bool split)
{
	const tl_source *src = doc->src;
	const char *s = src->data;
	size_t first = doc->fm_kind != TL_FM_NONE ? doc->fm_end : src->body;
	size_t cap = 2, shadow_cap = 0;

	doc->cuts = tl_xmalloc(cap * sizeof *doc->cuts);
	doc->cuts[0] = 0;
	doc->npieces = 1;
	if (split && src->len >= PIECE_MIN_SOURCE) {
		planner pl = {0, 0, false, false, 0};
		tl_buf defs = {0};
		label_set labels = {NULL, 0, 0};
		bool blank_before = true;
		bool para = false; /* the line before is paragraph text */
		size_t line = tl_source_line_index(src, first);
		for (; line < src->nlines; line++) {
			size_t p, e;
			tl_source_line_span(src, line, &p, &e);
			if (p < first)
				p = first;
			bool outside = plan_line(&pl, s, p, e, blank_before);
			unsigned char c = (unsigned char)s[p];
			if (outside && blank_before &&
			    p - doc->cuts[doc->npieces - 1] >= PIECE_SIZE &&
			    (c >= 0x80 || c == '#' || (c >= 'a' && c <= 'z') ||
			     (c >= 'A' && c <= 'Z'))) {
				if (doc->npieces + 1 >= cap) {
					cap *= 2;
					doc->cuts = tl_xrealloc(
					    doc->cuts, cap * sizeof *doc->cuts);
				}
				doc->cuts[doc->npieces++] = p;
			}
			/* A definition cannot continue a paragraph (a label
			 * no other piece uses costs nothing). */
			bool def = outside && !para && is_definition(s, p, e);
			/* The first definition of a label is the one that
			 * counts: the others are not appended, and are kept
			 * from winning in their own piece. */
			if (def && label_add(&labels, label_key(s, p, e))) {
				tl_buf_append(&defs, s + p, e - p);
				tl_buf_putc(&defs, '\n');
			} else if (def) {
				doc->shadowed =
				    tl_grow(doc->shadowed, doc->nshadowed,
				            &shadow_cap, sizeof *doc->shadowed);
				doc->shadowed[doc->nshadowed++] = p;
			}
			blank_before = is_blank(s, p, e);
			para = outside && !pl.fence && !pl.html && !def &&
			       !blank_before &&
			       is_paragraph_line(s, p, e, para);
		}
		label_set_free(&labels);
		/* Definitions appended to every piece must stay a small part
		 * of it; past that, parse whole. */
		if (defs.len > PIECE_SIZE / 4)
			doc->npieces = 1;
		if (doc->npieces > 1) {
			doc->defs = defs.data;
			doc->ndefs = defs.len;
		} else {
			tl_buf_free(&defs);
			doc->nshadowed = 0;
		}
	}
	doc->cuts[doc->npieces] = src->len;
}

void tl_pieces_shadow(const tl_doc *doc, char *text, size_t start, size_t end)
{
	const char *s = doc->src->data;
	for (size_t k = 0; k < doc->nshadowed; k++) {
		size_t p = doc->shadowed[k];
		if (p < start || p >= end)
			continue;
		/* The label's bytes, between '[' and the first unescaped
		 * ']' (is_definition found one on the line): U+0001 is no
		 * white space, so the label stays a label, and no reference
		 * is written with it. */
		while (s[p] != '[')
			p++;
		for (p++; s[p] != ']'; p++) {
			if (s[p] == '\\')
				text[p++ - start] = '\x01';
			text[p - start] = '\x01';
		}
	}
}

/* Whether the last top-level block is a code or HTML block that ran to
 * the end of a piece of LINES lines: a fence or an HTML block the planner
 * took for closed was still open at the cut. (One inside a list item or
 * a block quote is not: the line after the cut ends its container in
 * the whole document as well.) */
bool tl_pieces_runs_to_end(cmark_node *root, int lines)
{
	cmark_node *n = cmark_node_last_child(root);
	if (!n)
		return false;
	cmark_node_type t = cmark_node_get_type(n);
	return (t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_HTML_BLOCK) &&
	       cmark_node_get_end_line(n) >= lines;
}
