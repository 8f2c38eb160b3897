/*
 * runs.c: turns every paragraph and heading of a parsed document into a
 * prose run: the characters a reader sees, each mapped back to the exact
 * source bytes it came from.
 *
 * The map is what makes rules precise and fixes safe. cmark reports a
 * source position for each inline node, but the literal text of a node is
 * not always its source bytes (backslash escapes, entities) and positions
 * are known to be off in some corners, so every text node is *aligned*
 * byte by byte against the source at the reported position, and when that
 * fails, searched for forward from the last mapped byte. A run whose text
 * cannot be aligned is dropped whole: a missed finding is better than a
 * fix written at the wrong offset.
 *
 * Code spans and autolinks become one U+FFFC character spanning all their
 * bytes, so rules see that something stands there without looking inside
 * (passes.c does the same for bare URLs, e-mail addresses and inline
 * math). Link destinations, HTML tags and comments produce no characters
 * at all.
 */
#include "model.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct builder {
	const tl_doc *doc;
	const char *s; /* source bytes */
	size_t len;
	tl_char *chars;
	size_t n, cap;
	uint32_t *toffs;       /* tl_run.toffs, room for cap characters */
	tl_char_afters afters; /* tl_run.afters */
	tl_buf text;
	size_t cursor; /* end of the last mapped source byte */
	size_t limit;  /* end of the block */
	uint16_t depth;
	uint8_t flags;
	bool bad;            /* alignment failed: drop the run */
	bool maybe_url;      /* some literal holds "://", "www." or '@' */
	bool maybe_math;     /* some literal holds '$' */
	bool maybe_markup;   /* some literal holds '{', '[', '^' or '~' */
	tl_doc_nodes *nodes; /* where links and HTML are noted */
	/* Each character is sealed as it is added: its class bits, its
	 * offset in the run's text, its bytes appended to the text, the
	 * run's summary updated. Only a change to characters already sealed
	 * (a URL or math collapsed, a literal rolled back) makes finish()
	 * compute it all again. */
	size_t tlen; /* bytes of text so far */
	uint64_t ascii[2], other;
	unsigned cls_any;
	size_t ncjk;
	bool resummarize;
	size_t *breaks; /* indexes of the line breaks, whose end finish()
	                   sets to the next character's start */
	size_t nbreaks, cap_breaks;
	/* The class bits of the last few code points outside ASCII and
	 * U+4E00..U+9FFF (CJK punctuation, mostly: a handful of marks
	 * recur), by tl_cp_bit; 0 is never such a code point. */
	uint32_t class_cp[64];
	uint8_t class_of[64];
	/* Spans of this run that no fix may change (keep_structure), to be
	 * merged into the document's kept spans when the run is emitted. */
	tl_kept_span *keeps;
	size_t nkeeps, cap_keeps;
	int skip_html;  /* inside <rt>/<rp>: annotation, not running text */
	int shift_line; /* a line whose inline columns cmark misreports */
	long shift;     /* by this many bytes (negative: too far left) */
} builder;

/* cmark's inline source positions on a continuation line of a list item
 * that is indented differently from the item's content are off by a
 * constant. When a text node is found by search rather than at its
 * reported column, the difference is remembered for that line and every
 * later position on it is corrected. */
static size_t shifted(const builder *b, size_t off)
{
	long o = (long)off - b->shift;
	return o < 0 ? 0 : (size_t)o > b->len ? b->len : (size_t)o;
}

static size_t node_offset(const builder *b, int line, int column)
{
	size_t off = tl_doc_offset(b->doc, line, column);
	if (line == b->shift_line)
		off = shifted(b, off);
	return off;
}

static void node_span(const builder *b, cmark_node *node, size_t *start,
                      size_t *end)
{
	tl_doc_node_span(b->doc, node, start, end);
	int sl = cmark_node_get_start_line(node);
	int el = cmark_node_get_end_line(node);
	if (sl == b->shift_line)
		*start = shifted(b, *start);
	if (el == b->shift_line)
		*end = shifted(b, *end);
	if (*end < *start)
		*end = *start;
}

/* tl_char_class of the ASCII characters, for finish(). */
static const uint8_t ascii_class[128] = {
    ['\t'] = TL_CLS_SPACE,
    ['\n'] = TL_CLS_SPACE,
    ['\v'] = TL_CLS_SPACE,
    ['\f'] = TL_CLS_SPACE,
    ['\r'] = TL_CLS_SPACE,
    [' '] = TL_CLS_SPACE,
    ['0'] = TL_CLS_DIGIT,
    ['1'] = TL_CLS_DIGIT,
    ['2'] = TL_CLS_DIGIT,
    ['3'] = TL_CLS_DIGIT,
    ['4'] = TL_CLS_DIGIT,
    ['5'] = TL_CLS_DIGIT,
    ['6'] = TL_CLS_DIGIT,
    ['7'] = TL_CLS_DIGIT,
    ['8'] = TL_CLS_DIGIT,
    ['9'] = TL_CLS_DIGIT,
#define L(c) [c] = TL_CLS_LATIN, [c - 'a' + 'A'] = TL_CLS_LATIN
    L('a'),
    L('b'),
    L('c'),
    L('d'),
    L('e'),
    L('f'),
    L('g'),
    L('h'),
    L('i'),
    L('j'),
    L('k'),
    L('l'),
    L('m'),
    L('n'),
    L('o'),
    L('p'),
    L('q'),
    L('r'),
    L('s'),
    L('t'),
    L('u'),
    L('v'),
    L('w'),
    L('x'),
    L('y'),
    L('z'),
#undef L
};

/* Room for N more bytes of text and its NUL. */
static void text_reserve(builder *b, size_t n)
{
	if (b->text.cap < b->tlen + n + 1) {
		size_t cap = b->text.cap ? b->text.cap : 256;
		while (cap < b->tlen + n + 1)
			cap *= 2;
		b->text.data = tl_xrealloc(b->text.data, cap);
		b->text.cap = cap;
	}
}

/* The class bits of CP, through the builder's cache for the code points
 * outside ASCII and U+4E00..U+9FFF; notes CP in the run's summary. */
static inline uint8_t classify(builder *b, uint32_t cp)
{
	uint8_t cls;
	if (cp < 0x80) {
		cls = ascii_class[cp];
		b->ascii[cp >> 6] |= (uint64_t)1 << (cp & 63);
	} else if (cp >= 0x4E00 && cp <= 0x9FFF) {
		cls = TL_CLS_CJK;
	} else {
		unsigned h = tl_cp_bit(cp);
		if (b->class_cp[h] != cp) {
			b->class_cp[h] = cp;
			b->class_of[h] = tl_char_class(cp);
		}
		cls = b->class_of[h];
		b->other |= (uint64_t)1 << h;
	}
	b->cls_any |= cls;
	b->ncjk += (cls & TL_CLS_CJK) != 0;
	return cls;
}

/* Room for N more characters. */
static void chars_reserve(builder *b, size_t n)
{
	if (b->cap - b->n >= n)
		return;
	while (b->cap - b->n < n)
		b->cap = b->cap ? b->cap * 2 : 256;
	b->chars = tl_xrealloc(b->chars, b->cap * sizeof *b->chars);
	b->toffs = tl_xrealloc(b->toffs, ((b->cap >> TL_TOFF_SHIFT) + 1) *
	                                     sizeof *b->toffs);
}

/* Notes that character I starts at text offset TOFF, if it is one whose
 * offset the run keeps (tl_run_toff). */
static inline void note_toff(builder *b, size_t i, size_t toff)
{
	if ((i & (TL_TOFF_EVERY - 1)) == 0)
		b->toffs[i >> TL_TOFF_SHIFT] = (uint32_t)toff;
}

/* Seals character C, just added (see builder). */
static void seal(builder *b, tl_char *c)
{
	text_reserve(b, 4);
	note_toff(b, (size_t)(c - b->chars), b->tlen);
	c->cls = classify(b, c->cp);
	b->tlen += tl_utf8_encode(c->cp, b->text.data + b->tlen);
	if (c->kind == TL_CHAR_BREAK) {
		b->breaks = tl_grow(b->breaks, b->nbreaks, &b->cap_breaks,
		                    sizeof *b->breaks);
		b->breaks[b->nbreaks++] = (size_t)(c - b->chars);
	}
}

void tl_char_afters_set(tl_char_afters *a, const tl_char *chars, size_t i,
                        size_t after)
{
	size_t k = tl_char_after_find(a->v, a->n, i);
	if (after == chars[i].end) {
		if (k < a->n) {
			memmove(&a->v[k], &a->v[k + 1],
			        (a->n - k - 1) * sizeof *a->v);
			a->n--;
		}
		return;
	}
	if (k == a->n) {
		/* Closing markup is met in order: the entry goes last but
		 * when a pass moves an `after` back. */
		a->v = tl_grow(a->v, a->n, &a->cap, sizeof *a->v);
		k = a->n;
		while (k > 0 && a->v[k - 1].i > i)
			k--;
		memmove(&a->v[k + 1], &a->v[k], (a->n - k) * sizeof *a->v);
		a->n++;
	}
	a->v[k] = (tl_char_after){(uint32_t)i, (uint32_t)after};
}

size_t tl_char_afters_get(const tl_char_afters *a, const tl_char *chars,
                          size_t i)
{
	size_t k = tl_char_after_find(a->v, a->n, i);
	return k < a->n ? a->v[k].after : chars[i].end;
}

static tl_char *push(builder *b, uint32_t cp, size_t start, size_t end,
                     uint8_t kind, uint8_t flags)
{
	chars_reserve(b, 1);
	tl_char *c = &b->chars[b->n++];
	c->cp = cp;
	c->start = (uint32_t)start;
	c->end = (uint32_t)end;
	c->kind = kind;
	c->flags = flags;
	c->depth = b->depth > 255 ? 255 : (uint8_t)b->depth;
	seal(b, c);
	return c;
}

static bool is_ascii_punct(char c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
	       (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

/* The length of an entity reference "&...;" at S (up to END), or 0. */
static size_t entity_len(const char *s, size_t p, size_t end)
{
	size_t q = p + 1;
	if (q < end && s[q] == '#') {
		q++;
		if (q < end && (s[q] == 'x' || s[q] == 'X'))
			q++;
	}
	size_t first = q;
	while (q < end && q - p < 40 &&
	       ((s[q] >= 'a' && s[q] <= 'z') || (s[q] >= 'A' && s[q] <= 'Z') ||
	        (s[q] >= '0' && s[q] <= '9')))
		q++;
	if (q == first || q >= end || s[q] != ';')
		return 0;
	return q + 1 - p;
}

/* Aligns the literal LIT (LN bytes) with the source at P; on success
 * appends its characters and returns true. Nothing is appended on
 * failure. Line breaks never occur inside a text literal, so the source
 * must match byte for byte except for escapes and entities. */
static bool align_at(builder *b, const char *lit, size_t ln, size_t p)
{
	size_t mark = b->n;
	size_t i = 0;
	/* At most one character per byte of the literal. */
	chars_reserve(b, ln);
	const uint8_t depth = b->depth > 255 ? 255 : (uint8_t)b->depth;
	/* Most literals are their source bytes, with no entity and no
	 * escape: decode them without comparing byte by byte, noting on the
	 * way what the URL and math passes look for ("://", "www.", '@',
	 * '$'; the literal ends with a NUL, so looking ahead is safe). */
	if (p + ln <= b->len && !memchr(lit, '&', ln) &&
	    memcmp(b->s + p, lit, ln) == 0) {
		tl_char *out = b->chars + b->n;
		/* The literal is the text of its characters, as it is. */
		text_reserve(b, ln);
		memcpy(b->text.data + b->tlen, lit, ln);
		size_t toff = b->tlen;
		b->tlen += ln;
		while (i < ln) {
			uint32_t cp;
			size_t k;
			unsigned char c = (unsigned char)lit[i];
			if (c < 0x80) {
				cp = c;
				k = 1;
				if (c <= '@') {
					if (c == '@' ||
					    (c == ':' && lit[i + 1] == '/' &&
					     lit[i + 2] == '/'))
						b->maybe_url = true;
					else if (c == '$')
						b->maybe_math = true;
				} else if (c == 'w' && lit[i + 1] == 'w' &&
				           lit[i + 2] == 'w' &&
				           lit[i + 3] == '.') {
					b->maybe_url = true;
				} else if (c == '{' || c == '[' || c == '^' ||
				           c == '~') {
					b->maybe_markup = true;
				}
			} else {
				k = tl_utf8_decode_fast(lit + i, ln - i, &cp);
			}
			note_toff(b, (size_t)(out - b->chars), toff + i);
			*out++ = (tl_char){cp,
			                   (uint32_t)p,
			                   (uint32_t)(p + k),
			                   TL_CHAR_TEXT,
			                   b->flags,
			                   depth,
			                   classify(b, cp)};
			p += k;
			i += k;
		}
		b->n = (size_t)(out - b->chars);
		b->cursor = p;
		return true;
	}
	b->maybe_url = b->maybe_url || strchr(lit, '@') || strstr(lit, "://") ||
	               strstr(lit, "www.");
	b->maybe_math = b->maybe_math || strchr(lit, '$');
	b->maybe_markup = b->maybe_markup || strpbrk(lit, "{[^~");
	while (i < ln) {
		uint32_t cp;
		size_t k = tl_utf8_decode_fast(lit + i, ln - i, &cp);
		size_t el = b->s[p] == '&' ? entity_len(b->s, p, b->len) : 0;
		if (el && (ln - i < el || memcmp(b->s + p, lit + i, el) != 0)) {
			/* An entity decodes to one character (the few that
			 * decode to two end up misaligned and drop the run);
			 * an unknown one stays literal and matches below. */
			push(b, cp, p, p + el, TL_CHAR_TEXT,
			     b->flags | TL_CF_LITERAL);
			p += el;
		} else if (p + k <= b->len &&
		           memcmp(b->s + p, lit + i, k) == 0) {
			push(b, cp, p, p + k, TL_CHAR_TEXT, b->flags);
			p += k;
		} else if (p + 1 < b->len && b->s[p] == '\\' &&
		           is_ascii_punct(b->s[p + 1]) && k == 1 &&
		           b->s[p + 1] == lit[i]) {
			push(b, cp, p, p + 2, TL_CHAR_TEXT,
			     b->flags | TL_CF_LITERAL);
			p += 2;
		} else {
			/* The characters already sealed go: their text and
			 * summary are computed again by finish(). */
			b->n = mark;
			b->resummarize = true;
			return false;
		}
		i += k;
	}
	b->cursor = p;
	return true;
}

/* Maps a text literal: at cmark's reported position first, then by a
 * bounded forward search from the cursor. */
static void add_text(builder *b, cmark_node *node)
{
	const char *lit = cmark_node_get_literal(node);
	size_t ln = lit ? strlen(lit) : 0;
	if (ln == 0 || b->bad)
		return;
	int line = cmark_node_get_start_line(node);
	size_t at = node_offset(b, line, cmark_node_get_start_column(node));
	if (at >= b->cursor && align_at(b, lit, ln, at))
		return;
	size_t tries = 0;
	for (size_t p = b->cursor; p < b->limit && tries < 4096; p++) {
		char c = b->s[p];
		if (c != lit[0] && c != '\\' && c != '&')
			continue;
		tries++;
		if (align_at(b, lit, ln, p)) {
			size_t raw = tl_doc_offset(
			    b->doc, line, cmark_node_get_start_column(node));
			if (tl_source_line_index(b->doc->src, p) !=
			    (size_t)(line - 1) + b->doc->line_base) {
				/* Found on another line than reported: cmark's
				 * positions for this block are off by lines (as
				 * after link reference definitions it
				 * consumed), and earlier characters may sit on
				 * equal bytes in the wrong place. */
				b->bad = true;
				return;
			}
			b->shift_line = line;
			b->shift = (long)raw - (long)p;
			return;
		}
	}
	b->bad = true;
}

/* The name of the HTML tag at S (after '<' and an optional '/'). */
static bool tag_is(const char *lit, const char *name)
{
	size_t i = 1;
	if (lit[i] == '/')
		i++;
	size_t n = strlen(name);
	for (size_t k = 0; k < n; k++, i++) {
		char c = lit[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != name[k])
			return false;
	}
	char c = lit[i];
	return c == '>' || c == ' ' || c == '/' || c == '\t' || c == '\n' ||
	       c == '\r';
}

static void add_html(builder *b, cmark_node *node)
{
	const char *lit = cmark_node_get_literal(node);
	size_t start, end;
	node_span(b, node, &start, &end);
	if (!lit || lit[0] != '<')
		return;
	if (b->s[start] != '<' || end == 0 || b->s[end - 1] != '>') {
		b->bad = true;
		return;
	}
	bool closing = lit[1] == '/';
	if (closing && tag_is(lit, "ruby")) {
		/* A malformed annotation ("<rt>a<rt>b</rt>") ends with its
		 * ruby element at the latest. */
		b->skip_html = 0;
	} else if (tag_is(lit, "rt") || tag_is(lit, "rp")) {
		b->skip_html += closing ? -1 : 1;
		if (b->skip_html < 0)
			b->skip_html = 0;
	} else if (tag_is(lit, "br") && !b->skip_html) {
		push(b, '\n', start, end, TL_CHAR_BREAK, b->flags);
	} else if (closing && b->n > 0) {
		/* Text inserted after the character before a closing tag
		 * goes outside the element, as for emphasis. */
		tl_char_afters_set(&b->afters, b->chars, b->n - 1, end);
	}
	if (end > b->cursor)
		b->cursor = end;
}

/* The full span of a code span: cmark reports only the content, so step
 * out over the backtick strings on both sides. */
static void add_code(builder *b, cmark_node *node)
{
	size_t start, end;
	node_span(b, node, &start, &end);
	if (start == 0 || end >= b->len || b->s[end] != '`') {
		b->bad = true;
		return;
	}
	while (start > b->cursor && b->s[start - 1] != '`')
		start--;
	while (start > b->cursor && b->s[start - 1] == '`')
		start--;
	while (end < b->limit && b->s[end] != '`')
		end++;
	while (end < b->limit && b->s[end] == '`')
		end++;
	push(b, TL_OBJECT, start, end, TL_CHAR_CODE, b->flags);
	b->cursor = end;
}

static void add_break(builder *b)
{
	push(b, '\n', b->cursor, b->cursor, TL_CHAR_BREAK, b->flags);
}

/* Is NODE an autolink ("<https://x.org>", "<a@b.org>")? Its text is its
 * destination (less "mailto:" for an e-mail address). A link written as
 * "[https://x.org](https://x.org)" counts too: its text is a URL all the
 * same. */
static bool is_autolink(cmark_node *node)
{
	cmark_node *child = cmark_node_first_child(node);
	if (!child || cmark_node_next(child) ||
	    cmark_node_get_type(child) != CMARK_NODE_TEXT)
		return false;
	const char *text = cmark_node_get_literal(child);
	const char *url = cmark_node_get_url(node);
	if (!text || !url)
		return false;
	if (strncmp(url, "mailto:", 7) == 0 && strcmp(url + 7, text) == 0)
		return true;
	return strcmp(url, text) == 0;
}

static void note(cmark_node ***v, size_t *n, size_t *cap, cmark_node *node)
{
	*v = tl_grow(*v, *n, cap, sizeof **v);
	(*v)[(*n)++] = node;
}

/* ---- What a fix may not change ------------------------------------------
 *
 * A prose fix edits text, but some text is also Markdown syntax, or
 * becomes syntax when a full-width character turns half-width, and then
 * a safe fix would change what the document renders (issue 12.5):
 *
 *   - the first word of a line of a paragraph, when it could be a block
 *     marker: "１. 步骤" fixed into "1. 步骤" is a list, "＃ 标题" a
 *     heading, "－－－" a thematic break or an underline;
 *   - the text of a shortcut or collapsed reference link, which is also
 *     its label: "[中文Go]" fixed into "[中文 Go]" no longer finds the
 *     definition "[中文Go]: https://..." and renders as text;
 *   - a paragraph that starts as a link reference definition would
 *     ("[a]: https://e.com/x中文 ，y", "[注]：https://..."): cmark read
 *     it as text because of something a fix could change.
 *
 * These spans join the document's kept spans (tl_doc_keeps), strictly:
 * no insertion inside either. The engine then drops any fix that would
 * change them, whichever rule made it, and the finding stays without
 * its fix. The fuzz target checks the promise (tests/fuzz/fuzz_lint.c:
 * a safe fix keeps what cmark renders, less the prose).
 */

static void keep_span(builder *b, size_t start, size_t end)
{
	if (end <= start)
		return;
	b->keeps =
	    tl_grow(b->keeps, b->nkeeps, &b->cap_keeps, sizeof *b->keeps);
	b->keeps[b->nkeeps++] = (tl_kept_span){start, end, true};
}

/* The ASCII character a fix could turn CP into ("１" -> '1', "＃" -> '#',
 * "。" -> '.', "—" -> '-'), CP itself when it is ASCII, or 0. */
static char ascii_fold(uint32_t cp)
{
	if (cp < 0x80)
		return (char)cp;
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return (char)(cp - 0xFEE0);
	switch (cp) {
	case 0x3002: /* 。 */
		return '.';
	case 0x2010:
	case 0x2011:
	case 0x2012:
	case 0x2013:
	case 0x2014:
	case 0x2015:
	case 0x2212:
		return '-';
	case 0x3010: /* 【 */
		return '[';
	case 0x3011: /* 】 */
		return ']';
	default:
		return 0;
	}
}

static bool is_blank_char(const tl_char *c)
{
	return c->kind == TL_CHAR_BREAK || c->cp == ' ' || c->cp == '\t' ||
	       c->cp == 0x3000;
}

/* Could the line whose first word is B->chars[I..K) open a block once
 * its characters are folded to ASCII: "#" to "######", ">", a bullet
 * ("-" "+" "*" alone), an ordered list marker ("1." "12)"), a fence
 * ("```" "~~~"), an underline or thematic break ("===" "---" "***"
 * "___"), HTML, a table row? A word that merely starts with "*" or "-"
 * ("**粗体**", "-v") is none. */
static bool could_open_block(const builder *b, size_t i, size_t k)
{
	char c = ascii_fold(b->chars[i].cp);
	if (c == '>' || c == '<' || c == '|')
		return true;
	if (c && strchr("#*+-=_`~", c)) {
		size_t same = i;
		while (same < k && ascii_fold(b->chars[same].cp) == c)
			same++;
		if (c == '`' || c == '~')
			return same - i >= 3;
		if (c == '#')
			return same == k && k - i <= 6;
		return same == k && (k - i == 1 || (c != '+' && c != '#'));
	}
	size_t d = i;
	while (d < k && d - i < 10 && ascii_fold(b->chars[d].cp) >= '0' &&
	       ascii_fold(b->chars[d].cp) <= '9')
		d++;
	if (d == i || d >= k)
		return false;
	c = ascii_fold(b->chars[d].cp);
	return c == '.' || c == ')';
}

/* A link or image at [START, END) written as a shortcut or collapsed
 * reference ("[text]", "[text][]"): its text is its label, so the whole
 * of it is kept. A full reference "[text][label]" and an inline link
 * "[text](url)" keep nothing: their text is prose only. */
static void keep_reference(builder *b, size_t start, size_t end)
{
	const char *s = b->s;
	if (end < start + 2 || end > b->len || s[end - 1] != ']')
		return;
	/* A label holds no unescaped bracket: the last "[" before the
	 * closing "]" opens it. */
	size_t q = end - 1;
	while (q > start && !(s[q - 1] == '[' && (q < 2 || s[q - 2] != '\\')))
		q--;
	if (q == start)
		return;
	q--; /* the "[" */
	bool shortcut = q == start || (q == start + 1 && s[start] == '!');
	bool collapsed = q + 2 == end && q > start && s[q - 1] == ']';
	if (shortcut || collapsed)
		keep_span(b, start, end);
}

/* Does the source at P (before LIMIT) hold the character C, or its
 * full-width form? Returns the bytes it takes, or 0. */
static size_t folded_at(const builder *b, size_t p, size_t limit, char c)
{
	if (p < limit && b->s[p] == c)
		return 1;
	/* U+FF01..U+FF5E are EF BC 81..EF BD 9E. */
	unsigned v = (unsigned char)c + 0xFEE0;
	if (p + 3 <= limit && (unsigned char)b->s[p] == 0xEF &&
	    (unsigned char)b->s[p + 1] == (0xBC | ((v >> 6) & 1)) &&
	    (unsigned char)b->s[p + 2] == (0x80 | (v & 0x3F)))
		return 3;
	return 0;
}

/* Notes the spans of the run [START, END) of kind KIND that a fix may
 * not change (see above). */
static void keep_structure(builder *b, const tl_run *run, size_t start,
                           size_t end)
{
	if (run->kind == TL_BLOCK_PARAGRAPH) {
		/* "[label]:" with a label that is no footnote's ("[^1]:"
		 * is GFM's footnote, prose). */
		size_t w = folded_at(b, start, end, '[');
		if (w && !folded_at(b, start + w, end, '^')) {
			size_t p = start + w,
			       lim = p + 1000 < end ? p + 1000 : end;
			while (p < lim && !folded_at(b, p, lim, ']') &&
			       !folded_at(b, p, lim, '['))
				p++;
			size_t c = folded_at(b, p, lim, ']');
			if (c && folded_at(b, p + c, end, ':')) {
				keep_span(b, start, end);
				return;
			}
		}
	}
	/* An ATX heading's text starts after its "#": a marker there is
	 * text. Setext headings and paragraphs are read line by line. */
	if (run->kind == TL_BLOCK_HEADING && start < b->len &&
	    b->s[start] == '#')
		return;
	if (run->kind != TL_BLOCK_PARAGRAPH && run->kind != TL_BLOCK_HEADING)
		return;
	for (size_t i = 0; i < b->n; i++) {
		if (i > 0 && b->chars[i - 1].kind != TL_CHAR_BREAK)
			continue;
		size_t k = i;
		while (k < b->n && !is_blank_char(&b->chars[k]))
			k++;
		if (k > i && could_open_block(b, i, k))
			keep_span(b, b->chars[i].start, b->chars[k - 1].end);
	}
}

static int kept_cmp(const void *a, const void *b)
{
	const tl_kept_span *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* Merges the run's spans into the document's kept spans, which the URL
 * pass extended from index N0 on: sorted, overlapping spans joined (the
 * union is strict when either was). */
static void merge_keeps(builder *b, size_t n0)
{
	tl_doc_kept *k = b->doc->kept;
	if (b->nkeeps == 0)
		return;
	for (size_t i = n0; i < k->n; i++) {
		b->keeps = tl_grow(b->keeps, b->nkeeps, &b->cap_keeps,
		                   sizeof *b->keeps);
		b->keeps[b->nkeeps++] = k->v[i];
	}
	qsort(b->keeps, b->nkeeps, sizeof *b->keeps, kept_cmp);
	k->n = n0;
	for (size_t i = 0; i < b->nkeeps; i++) {
		tl_kept_span s = b->keeps[i];
		if (k->n && s.start < k->v[k->n - 1].end) {
			tl_kept_span *last = &k->v[k->n - 1];
			if (s.end > last->end)
				last->end = s.end;
			last->strict |= s.strict;
			continue;
		}
		k->v = tl_grow(k->v, k->n, &k->cap, sizeof *k->v);
		k->v[k->n++] = s;
	}
	b->nkeeps = 0;
}

static void walk_inlines(builder *b, cmark_node *block)
{
	cmark_iter *it = cmark_iter_new(block);
	cmark_event_type ev;
	/* Index of the first character of each open container, to know
	 * whether the container produced any character when it closes. */
	size_t open_at[64];
	uint8_t open_flags[64];
	int top = 0;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		if (node == block)
			continue;
		cmark_node_type t = cmark_node_get_type(node);
		tl_doc_nodes *nd = b->nodes;
		if ((t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) &&
		    ev == CMARK_EVENT_ENTER)
			note(&nd->links, &nd->nlinks, &nd->cap_links, node);
		else if (t == CMARK_NODE_HTML_INLINE)
			note(&nd->html, &nd->nhtml, &nd->cap_html, node);
		if (b->skip_html && t != CMARK_NODE_HTML_INLINE)
			continue;
		switch (t) {
		case CMARK_NODE_TEXT: {
			add_text(b, node);
			break;
		}
		case CMARK_NODE_CODE:
			add_code(b, node);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			add_break(b);
			break;
		case CMARK_NODE_HTML_INLINE:
			add_html(b, node);
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
		case CMARK_NODE_EMPH:
		case CMARK_NODE_STRONG: {
			size_t start, end;
			node_span(b, node, &start, &end);
			if (ev == CMARK_EVENT_ENTER && t == CMARK_NODE_LINK &&
			    is_autolink(node)) {
				push(b, TL_OBJECT, start, end, TL_CHAR_URL,
				     b->flags);
				b->cursor = end;
				cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
				break;
			}
			if (ev == CMARK_EVENT_ENTER &&
			    (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE))
				keep_reference(b, start, end);
			if (ev == CMARK_EVENT_ENTER) {
				if (top < 64) {
					open_at[top] = b->n;
					open_flags[top] = b->flags;
				}
				top++;
				b->depth++;
				b->flags |=
				    t == CMARK_NODE_LINK    ? TL_CF_LINK
				    : t == CMARK_NODE_IMAGE ? TL_CF_IMAGE
				    : t == CMARK_NODE_EMPH  ? TL_CF_EMPH
				                            : TL_CF_STRONG;
			} else {
				/* The end must be a closing delimiter, or the
				 * reported position is off and the gap after
				 * the last character unknown. */
				char last = end > 0 ? b->s[end - 1] : 0;
				if (!strchr(")]*_", last) || end < b->cursor) {
					b->bad = true;
					break;
				}
				top--;
				b->depth--;
				if (top < 64) {
					b->flags = open_flags[top];
					if (b->n > open_at[top])
						tl_char_afters_set(
						    &b->afters, b->chars,
						    b->n - 1, end);
				}
				if (end > b->cursor)
					b->cursor = end;
			}
			break;
		}
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* Completes the run from what the characters' seals gathered: each line
 * break ends where the next character starts, the text gets its NUL and
 * the run its summary. When characters changed after they were sealed (a
 * URL or math collapsed, a literal rolled back), they are all sealed
 * again first. */
static void finish(builder *b, tl_run *run)
{
	if (b->resummarize) {
		b->tlen = 0;
		b->ascii[0] = b->ascii[1] = b->other = 0;
		b->cls_any = 0;
		b->ncjk = 0;
		b->nbreaks = 0;
		for (size_t i = 0; i < b->n; i++)
			seal(b, &b->chars[i]);
	}
	for (size_t k = 0; k < b->nbreaks; k++) {
		size_t i = b->breaks[k];
		tl_char *c = &b->chars[i];
		if (c->start == c->end && i + 1 < b->n &&
		    b->chars[i + 1].start > c->start) {
			c->end = b->chars[i + 1].start;
			tl_char_afters_set(&b->afters, b->chars, i, c->end);
		}
	}
	text_reserve(b, 0);
	b->text.data[b->tlen] = '\0';
	b->text.len = b->tlen;
	run->cls_any = (uint8_t)b->cls_any;
	run->ascii[0] = b->ascii[0];
	run->ascii[1] = b->ascii[1];
	run->other = b->other;
	run->ncjk = b->ncjk;
}

static unsigned block_context(cmark_node *node)
{
	unsigned ctx = 0;
	for (cmark_node *p = cmark_node_parent(node); p;
	     p = cmark_node_parent(p)) {
		cmark_node_type t = cmark_node_get_type(p);
		if (t == CMARK_NODE_BLOCK_QUOTE)
			ctx |= TL_CTX_QUOTE;
		else if (t == CMARK_NODE_ITEM)
			ctx |= TL_CTX_LIST;
	}
	return ctx;
}

const tl_doc_nodes *tl_doc_nodes_of(const tl_doc *doc)
{
	return doc->nodes;
}

/* Makes the builder ready for a new run over source [START, END). */
static void reset(builder *b, size_t start, size_t end)
{
	b->n = 0;
	b->cursor = start;
	b->limit = end;
	b->depth = 0;
	b->flags = 0;
	b->bad = false;
	b->skip_html = 0;
	b->shift_line = 0;
	b->shift = 0;
	b->maybe_url = false;
	b->maybe_math = false;
	b->maybe_markup = false;
	b->tlen = 0;
	b->ascii[0] = b->ascii[1] = b->other = 0;
	b->cls_any = 0;
	b->ncjk = 0;
	b->resummarize = false;
	b->nbreaks = 0;
	b->nkeeps = 0;
	b->afters.n = 0;
}

/* Runs the passes over the characters built, completes RUN and hands it
 * to FN. */
static void emit(builder *b, tl_run *run, size_t start, size_t end,
                 tl_run_fn fn, void *user)
{
	/* A table's delimiter row holds a '|' among the run's characters:
	 * no '|', no table. */
	if (run->kind == TL_BLOCK_PARAGRAPH &&
	    (b->ascii['|' >> 6] >> ('|' & 63) & 1) &&
	    tl_pass_table(b->s, b->len, b->limit, start, b->chars, b->n))
		run->kind = TL_BLOCK_TABLE;
	size_t n0 = b->doc->kept->n;
	if (b->maybe_markup &&
	    tl_pass_markup(b->s, b->len, b->chars, &b->n, &b->afters))
		b->resummarize = true;
	if (b->maybe_url &&
	    tl_pass_urls(b->chars, &b->n, &b->afters, b->doc->kept))
		b->resummarize = true;
	if (b->maybe_math && tl_pass_math(b->chars, &b->n, &b->afters))
		b->resummarize = true;
	keep_structure(b, run, start, end);
	merge_keeps(b, n0);
	finish(b, run);
	run->chars = b->chars;
	run->n = b->n;
	run->toffs = b->toffs;
	run->afters = b->afters.v;
	run->nafters = b->afters.n;
	run->text = b->text.data;
	run->text_len = b->text.len;
	run->start = start;
	run->end = end;
	run->doc = b->doc;
	fn(run, user);
}

/*
 * Footnote definitions, "[^1]: 参见官网。", are prose. cmark (without the
 * footnote extension) reads one whose text is a single word, as Chinese
 * text with no spaces mostly is, as a link reference definition and
 * drops it from the tree; one after such a definition it leaves in a
 * paragraph whose lines it misreports, which the walk drops. So the
 * lines are found in the source, and each one that no prose run covers
 * and no code or HTML block holds becomes a run of its own: the marker,
 * one opaque character, then the text as written. A text with inline
 * syntax in it (`*_[]<&\~$) is left out: its characters could not be
 * read without cmark.
 */

/* Finds the footnote definition lines in [FROM, TO): line starts, in
 * order, into *OUT (the caller frees). */
static size_t footnote_lines(const char *s, size_t from, size_t to,
                             size_t **out)
{
	size_t n = 0, cap = 0;
	*out = NULL;
	/* LS is the start of the line holding SEEN, moved on as the search
	 * goes, so that every byte is looked at a bounded number of times. */
	size_t ls = from, seen = from;
	for (size_t p = from; p < to;) {
		const char *hit = memchr(s + p, '[', to - p);
		if (!hit)
			break;
		size_t q = (size_t)(hit - s);
		p = q + 1;
		if (q + 1 >= to || s[q + 1] != '^')
			continue;
		for (; seen < q; seen++)
			if (s[seen] == '\n' || s[seen] == '\r')
				ls = seen + 1;
		/* At the start of its line, after up to three spaces and
		 * block quote markers. */
		size_t k = ls, spaces = 0;
		while (k < q && (s[k] == ' ' || s[k] == '>')) {
			spaces = s[k] == '>' ? 0 : spaces + 1;
			k++;
		}
		if (k != q || spaces > 3)
			continue;
		size_t e = q + 2;
		while (e < to && e < q + 66 && s[e] != ']' && s[e] != '[' &&
		       (unsigned char)s[e] > ' ')
			e++;
		if (e == q + 2 || e + 1 >= to || s[e] != ']' || s[e + 1] != ':')
			continue;
		*out = tl_grow(*out, n, &cap, sizeof **out);
		(*out)[n++] = q;
	}
	return n;
}

/* Builds and hands to FN the run of the footnote definition whose marker
 * starts at Q, unless its text holds inline syntax. */
static void footnote_run(builder *b, size_t q, size_t block, tl_run_fn fn,
                         void *user)
{
	const char *s = b->s;
	size_t le = tl_line_end(s, b->len, q);
	size_t m = q;
	while (s[m] != ']')
		m++;
	m += 2; /* past "]:" */
	size_t te = le;
	while (te > m && (s[te - 1] == ' ' || s[te - 1] == '\t'))
		te--;
	for (size_t p = m; p < te; p++)
		if (strchr("`*_[]<&\\~$", s[p]))
			return;
	reset(b, q, le);
	push(b, TL_OBJECT, q, m, TL_CHAR_MARKUP, 0);
	for (size_t p = m; p < te;) {
		uint32_t cp;
		size_t k = tl_utf8_decode_fast(s + p, te - p, &cp);
		push(b, cp, p, p + k, TL_CHAR_TEXT, 0);
		if (cp == '@' || cp == ':' || cp == 'w')
			b->maybe_url = true;
		p += k;
	}
	tl_run run = {0};
	run.kind = TL_BLOCK_PARAGRAPH;
	run.block = b->doc->block_base + block;
	size_t ls = q;
	while (ls > 0 && s[ls - 1] != '\n' && s[ls - 1] != '\r')
		ls--;
	run.context = memchr(s + ls, '>', q - ls) ? TL_CTX_QUOTE : 0;
	emit(b, &run, q, le, fn, user);
}

void tl_doc_each_run(const tl_doc *doc, tl_run_fn fn, void *user)
{
	builder b = {0};
	b.doc = doc;
	b.s = doc->src->data;
	b.len = doc->src->len;
	/* The node lists are filled anew by every walk (the document is
	 * const to the rules; its lists are the model's own notes). */
	b.nodes = doc->nodes;
	b.nodes->nlinks = 0;
	b.nodes->nhtml = 0;

	/* The footnote definition lines of this piece, past the front
	 * matter, and the next one not yet placed. */
	size_t from = doc->cuts[doc->piece], to = doc->cuts[doc->piece + 1];
	if (doc->piece == 0 && doc->fm_kind != TL_FM_NONE)
		from = doc->fm_end;
	size_t *notes = NULL, nnotes = 0, next = 0;
	if (from < to)
		nnotes = footnote_lines(b.s, from, to, &notes);

	size_t block = 0;
	cmark_node *top = NULL;
	cmark_iter *it = cmark_iter_new(doc->root);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (cmark_node_parent(node) == doc->root) {
			if (top)
				block++;
			top = node;
		}
		cmark_node_type t = cmark_node_get_type(node);
		if (t == CMARK_NODE_HTML_BLOCK)
			note(&b.nodes->html, &b.nodes->nhtml,
			     &b.nodes->cap_html, node);
		bool prose =
		    t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING;
		if (!prose && t != CMARK_NODE_CODE_BLOCK &&
		    t != CMARK_NODE_HTML_BLOCK)
			continue;

		size_t start, end;
		tl_doc_node_span(doc, node, &start, &end);
		/* Definitions before this block, which cmark dropped. */
		for (; next < nnotes && notes[next] < start; next++)
			footnote_run(&b, notes[next], block, fn, user);
		if (!prose) {
			while (next < nnotes && notes[next] < end)
				next++;
			continue;
		}
		reset(&b, start, end);
		walk_inlines(&b, node);
		/* The inline walk is done: skip the subtree. */
		cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
		if (b.bad) {
			/* Definitions in a dropped paragraph are read on
			 * their own. */
			for (; next < nnotes && notes[next] < end; next++)
				footnote_run(&b, notes[next], block, fn, user);
			continue;
		}
		while (next < nnotes && notes[next] < end)
			next++;

		tl_run run = {0};
		run.kind = t == CMARK_NODE_HEADING ? TL_BLOCK_HEADING
		                                   : TL_BLOCK_PARAGRAPH;
		run.level = t == CMARK_NODE_HEADING
		                ? cmark_node_get_heading_level(node)
		                : 0;
		run.context = block_context(node);
		run.block = doc->block_base + block;
		run.node = node;
		emit(&b, &run, start, end, fn, user);
	}
	for (; next < nnotes; next++)
		footnote_run(&b, notes[next], block, fn, user);
	cmark_iter_free(it);
	free(notes);
	free(b.chars);
	free(b.toffs);
	free(b.afters.v);
	free(b.breaks);
	free(b.keeps);
	tl_buf_free(&b.text);
}
