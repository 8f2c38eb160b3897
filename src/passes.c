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
	tl_char_afters *afters;
	bool changed; /* some characters were made one opaque character */
} run_chars;

/* The kind of a character a collapse took in, until the pass ends. */
#define DEAD 0xFF

/* Replaces chars [i, k) by one opaque character of KIND. The character
 * goes at K - 1 and the others are marked DEAD, to be dropped when the
 * pass ends (compact): moving the rest of the run down at each collapse
 * made 20,000 URLs or $math$ spans in one paragraph quadratic (issue
 * 12.6). A pass reads on from I + 1 and skips what is not text; looking
 * back from K it finds the opaque character, as before. */
static void collapse(run_chars *b, size_t i, size_t k, uint8_t kind)
{
	tl_char c = b->chars[i];
	c.cp = TL_OBJECT;
	c.kind = kind;
	/* It ends as the last one, whose `after` entry (index K - 1) it
	 * keeps; those of the others go with them (sweep). */
	c.end = b->chars[k - 1].end;
	for (size_t j = i; j + 1 < k; j++)
		b->chars[j].kind = DEAD;
	b->chars[k - 1] = c;
	b->changed = true;
}

static bool is_dead(const tl_char *c)
{
	return c->kind == DEAD;
}

/* Drops the characters GONE says, moving the others down with their
 * `after` entries renumbered. */
static void sweep(run_chars *b, bool (*gone)(const tl_char *))
{
	tl_char_afters *a = b->afters;
	size_t n = 0, e = 0, kept = 0;
	for (size_t i = 0; i < b->n; i++) {
		bool keep = !gone(&b->chars[i]);
		for (; e < a->n && a->v[e].i <= i; e++)
			if (a->v[e].i == i && keep)
				a->v[kept++] =
				    (tl_char_after){(uint32_t)n, a->v[e].after};
		if (keep)
			b->chars[n++] = b->chars[i];
	}
	a->n = kept;
	b->n = n;
}

/* Drops the characters collapse marked DEAD. */
static void compact(run_chars *b)
{
	if (b->changed)
		sweep(b, is_dead);
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

/*
 * Bare URLs, as GFM's autolink extension reads them: a scheme
 * ("http://", "https://", "ftp://") or "www.", a domain, then everything
 * up to the next white space or "<", less trailing punctuation (?!.,:*_~
 * and quotes, a ";" with the entity it may end, a ")" that no "(" of the
 * URL opened). So "https://zh.wikipedia.org/wiki/握手_(技术)" and
 * "www.example.com/中文路径" are URLs whole: a path may hold CJK.
 *
 * GFM also reads on into text that was never meant as part of a URL,
 * when no space follows it: "https://x.com/a）中损失" links "）中损失" too.
 * The model ends the URL where that text starts, so that rules read it
 * as prose and link-destination reports it: at full-width punctuation,
 * or at a CJK character right after an ASCII letter or digit, "." or a
 * closing mark ("…/docs然后", "…/a.中文"), which ends a path segment; a
 * CJK character after "/", "=", "?", "_" and the like begins one
 * ("…/wiki/维基百科:格式手册", "…?q=测试,结果").
 *
 * What GFM reads after the URL up to the next white space, and that
 * white space, are noted in KEPT: a fix that changed them would change
 * where the renderer ends the link ("docs\" 然后" made "docs”然后").
 * After a URL that runs into text, only the white space is.
 */

/* Is C prose that GFM's autolinker reads on through: not white space
 * (ASCII white space only: cmark's), not "<"? A URL also ends at markup
 * (its characters are not contiguous in the source). */
static bool url_char(const run_chars *b, size_t k, size_t i)
{
	const tl_char *c = &b->chars[k];
	if (c->kind != TL_CHAR_TEXT || c->cp == '<' ||
	    (c->cp < 0x80 && (c->cp <= ' ' || c->cp == 0x7F)))
		return false;
	return k == i || c->start == b->chars[k - 1].end;
}

/* Can C be part of a domain name (cmark-gfm: not white space, not
 * punctuation; "-", "_" and "." too)? */
static bool domain_char(uint32_t c)
{
	if (c < 0x80)
		return is_alnum(c) || c == '-' || c == '_' || c == '.';
	return !tl_char_is_space(c) && !tl_char_is_cjk_punct(c) &&
	       c != TL_OBJECT;
}

/* After which ASCII characters does CJK text begin a path segment rather
 * than run on from the end of one? */
static bool opens_segment(uint32_t c)
{
	return c != 0 && strchr("/=?&#_-:,+(%~|@!*$", (int)c) != NULL;
}

/* The end of the URL proper among [I, K): where text GFM would swallow
 * begins, after the domain that ends at D. */
static size_t url_cut(const run_chars *b, size_t d, size_t k)
{
	for (size_t j = d; j < k; j++) {
		uint32_t c = b->chars[j].cp;
		if (c < 0x80)
			continue;
		if (tl_char_is_cjk_punct(c))
			return j;
		if (!tl_char_is_cjk(c))
			continue;
		uint32_t p = b->chars[j - 1].cp;
		if (p < 0x80 && !opens_segment(p))
			return j;
	}
	return k;
}

/* GFM's trailing punctuation rules on [I, K). */
static size_t url_trim(const run_chars *b, size_t i, size_t k)
{
	size_t open = 0, close = 0;
	for (size_t q = i; q < k; q++) {
		open += b->chars[q].cp == '(';
		close += b->chars[q].cp == ')';
	}
	while (k > i) {
		uint32_t c = b->chars[k - 1].cp;
		if (c < 0x80 && c && strchr("?!.,:*_~'\"", (int)c)) {
			k--;
		} else if (c == ')' && close > open) {
			close--;
			k--;
		} else if (c == ';') {
			/* "&amp;" and the like: the entity goes too. */
			size_t e = k - 1;
			while (e > i && b->chars[e - 1].cp < 0x80 &&
			       is_alnum(b->chars[e - 1].cp))
				e--;
			k = e > i && e < k - 1 && b->chars[e - 1].cp == '&'
			        ? e - 1
			        : k - 1;
		} else {
			break;
		}
	}
	return k;
}

/* Notes that no fix may change source bytes [S, E) (tl_doc_keeps). */
static void keep(tl_doc_kept *kept, size_t s, size_t e)
{
	if (!kept || e <= s || (kept->n && s < kept->v[kept->n - 1].end))
		return;
	kept->v = tl_grow(kept->v, kept->n, &kept->cap, sizeof *kept->v);
	kept->v[kept->n++] = (tl_kept_span){s, e, false};
}

/* The bare URL starting at I with a scheme of SKIP characters (or "www."
 * when WWW): its end, or I when there is none (a scheme with no host,
 * "https://”"). Notes what follows it in KEPT. */
static size_t url_at(run_chars *b, size_t i, size_t skip, bool www,
                     tl_doc_kept *kept)
{
	size_t d = i + skip;
	if (d >= b->n || !url_char(b, d, i) || !domain_char(b->chars[d].cp) ||
	    b->chars[d].cp == '.' || b->chars[d].cp == '-' ||
	    b->chars[d].cp == '_')
		return i;
	size_t dots = 0;
	while (d < b->n && url_char(b, d, i) && domain_char(b->chars[d].cp)) {
		dots += b->chars[d].cp == '.';
		d++;
	}
	if (www && dots == 0)
		return i;
	size_t raw = d;
	while (raw < b->n && url_char(b, raw, i))
		raw++;
	size_t cut = url_cut(b, d, raw);
	size_t k = url_trim(b, i, cut);
	if (k <= i + skip)
		return i;
	/* GFM reads up to RAW and ends the link at K too, unless text was
	 * cut off (link-destination reports that): then what lies between
	 * must stay as it is. Either way the white space after RAW keeps
	 * the link apart from the text that follows. */
	bool ws = raw < b->n && b->chars[raw].kind == TL_CHAR_TEXT &&
	          (b->chars[raw].cp == ' ' || b->chars[raw].cp == '\t');
	size_t ks = cut == raw ? b->chars[k - 1].end
	            : ws       ? b->chars[raw].start
	                       : 0;
	size_t ke = ws ? b->chars[raw].end : b->chars[raw - 1].end;
	if (cut == raw || ws)
		keep(kept, ks, ke);
	return k;
}

/* Finds bare URLs ("https://...", "www.x") and e-mail addresses in the
 * run and makes each one opaque character. */
static void collapse_urls(run_chars *b, tl_doc_kept *kept)
{
	for (size_t i = 0; i < b->n; i++) {
		const tl_char *c = &b->chars[i];
		if (c->kind != TL_CHAR_TEXT || c->cp > 0x7F)
			continue;
		bool boundary = i == 0 || !is_alnum(b->chars[i - 1].cp);
		if (boundary &&
		    (c->cp == 'h' || c->cp == 'f' || c->cp == 'w')) {
			size_t skip = has_at(b, i, "http://")    ? 7
			              : has_at(b, i, "https://") ? 8
			              : has_at(b, i, "ftp://")   ? 6
			              : has_at(b, i, "www.")     ? 4
			                                         : 0;
			size_t k =
			    skip ? url_at(b, i, skip, skip == 4, kept) : i;
			if (k > i) {
				collapse(b, i, k, TL_CHAR_URL);
				continue;
			}
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
				i = k - 1;
			}
		}
	}
}

/* Finds inline math, "$...$" and "$$...$$", in the pandoc way: the opening
 * "$" has a non-space after it, the closing one a non-space before it and
 * no digit after it (so "$5 and $10" is money, not math). */
#define MAX_MATH 4000

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
		/* No span is longer than MAX_MATH characters: without the
		 * bound, each of 20,000 "$" with no closer read to the end. */
		size_t k = open,
		       stop = open + MAX_MATH < b->n ? open + MAX_MATH : b->n;
		for (; k < stop; k++) {
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
		if (k >= stop || k == open)
			continue;
		collapse(b, i, display ? k + 2 : k + 1, TL_CHAR_MATH);
		i = display ? k + 1 : k;
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

/*
 * Template and extension syntax, which CommonMark leaves as text but is
 * no prose: Hugo shortcodes ({{< x >}}, {{% x %}}), Liquid and Jinja tags
 * ({% x %}, {{ x }}), wikilinks ([[Page]]) and footnote markers ([^1],
 * also when a definition made cmark read it as a link). Each becomes one
 * opaque character, found by its delimiters in the source, so that a tag
 * holding inline HTML ("{{<figure src=\"a\">}}") is found whole too.
 */

/* Where the next occurrence of one closing delimiter is: searched for
 * once per occurrence, so that many openers with no closer, or one
 * closer far away, stay linear. */
typedef struct closer {
	const char *pat;
	size_t at;   /* the occurrence found last, or TL_NONE for none */
	size_t from; /* where that search started */
	bool searched;
} closer;

/* The offset of PAT in S at or after FROM, before TO, or TL_NONE. */
static size_t closer_at(closer *c, const char *s, size_t from, size_t to)
{
	if (c->searched && from >= c->from &&
	    (c->at == TL_NONE || from <= c->at))
		return c->at;
	size_t n = strlen(c->pat), at = TL_NONE;
	for (size_t p = from; p + n <= to;) {
		const char *hit = memchr(s + p, c->pat[0], to - n + 1 - p);
		if (!hit)
			break;
		p = (size_t)(hit - s);
		if (memcmp(hit, c->pat, n) == 0) {
			at = p;
			break;
		}
		p++;
	}
	c->searched = true;
	c->from = from;
	c->at = at;
	return at;
}

/* The end of the template tag or extension syntax that opens at source
 * offset P (the run's source ends at LIM), or 0. */
static size_t markup_end(const char *s, size_t p, size_t lim, closer *cl)
{
	if (p + 1 >= lim)
		return 0;
	if (s[p] == '{' && (s[p + 1] == '{' || s[p + 1] == '%')) {
		closer *c = s[p + 1] == '%'   ? &cl[0]
		            : s[p + 2] == '<' ? &cl[1]
		            : s[p + 2] == '%' ? &cl[2]
		                              : &cl[3];
		size_t at = closer_at(c, s, p + 2, lim);
		return at == TL_NONE ? 0 : at + strlen(c->pat);
	}
	if (s[p] == '[' && s[p + 1] == '[') {
		/* A wikilink: "]]" on the same line, no "[" inside. */
		size_t at = closer_at(&cl[4], s, p + 2, lim);
		if (at == TL_NONE || at == p + 2 ||
		    memchr(s + p + 2, '[', at - p - 2) ||
		    memchr(s + p + 2, '\n', at - p - 2) ||
		    memchr(s + p + 2, '\r', at - p - 2))
			return 0;
		return at + 2;
	}
	if (s[p] == '[' && s[p + 1] == '^') {
		/* A footnote marker: "[^" and a label of up to 64 bytes. */
		size_t q = p + 2;
		while (q < lim && q < p + 66 && s[q] != ']' && s[q] != '[' &&
		       (unsigned char)s[q] > ' ')
			q++;
		return q > p + 2 && q < lim && s[q] == ']' ? q + 1 : 0;
	}
	return 0;
}

static void collapse_markup(run_chars *b, const char *s, size_t len)
{
	if (b->n == 0)
		return;
	size_t lim = tl_char_afters_get(b->afters, b->chars, b->n - 1);
	if (lim > len)
		lim = len;
	closer cl[5] = {{"%}", 0, 0, false},
	                {">}}", 0, 0, false},
	                {"%}}", 0, 0, false},
	                {"}}", 0, 0, false},
	                {"]]", 0, 0, false}};
	for (size_t i = 0; i < b->n; i++) {
		const tl_char *c = &b->chars[i];
		if (c->kind != TL_CHAR_TEXT || (c->flags & TL_CF_LITERAL))
			continue;
		size_t end = 0;
		if (c->cp == '{' || c->cp == '[') {
			end = markup_end(s, c->start, lim, cl);
		} else if (c->cp == '^' && (c->flags & TL_CF_LINK) &&
		           c->start > 0 && s[c->start - 1] == '[') {
			/* "[^1]" that a definition made a link: its text. */
			end = markup_end(s, c->start - 1, lim, cl);
			if (end)
				end--; /* the "]" is the link's markup */
		}
		if (!end)
			continue;
		/* A footnote definition's marker takes its ":" with it. */
		if (c->cp == '[' && s[c->start + 1] == '^' && end < lim &&
		    s[end] == ':' &&
		    (i == 0 || b->chars[i - 1].kind == TL_CHAR_BREAK))
			end++;
		size_t k = i + 1;
		while (k < b->n && b->chars[k].start < end)
			k++;
		collapse(b, i, k, TL_CHAR_MARKUP);
	}
}

/*
 * GFM strikethrough, "~~text~~": cmark without the extension leaves the
 * tildes as text. They are markup, as "**" is: the pass takes them out of
 * the run, and the text they close over carries them in its "after", so
 * that rules see "使用~~Go~~编写" across them and insert outside them.
 */

/* Is I the first of exactly two "~" written as themselves, side by side
 * in the source? */
static bool tilde_pair(const run_chars *b, size_t i)
{
	const tl_char *c = b->chars;
	return i + 1 < b->n && c[i].kind == TL_CHAR_TEXT && c[i].cp == '~' &&
	       !(c[i].flags & TL_CF_LITERAL) && c[i + 1].kind == TL_CHAR_TEXT &&
	       c[i + 1].cp == '~' && !(c[i + 1].flags & TL_CF_LITERAL) &&
	       c[i + 1].start == c[i].end &&
	       !(i > 0 && c[i - 1].cp == '~' &&
	         c[i - 1].kind == TL_CHAR_TEXT) &&
	       !(i + 2 < b->n && c[i + 2].cp == '~' &&
	         c[i + 2].kind == TL_CHAR_TEXT);
}

static bool blank_at(const run_chars *b, size_t i)
{
	return i >= b->n || b->chars[i].kind == TL_CHAR_BREAK ||
	       (b->chars[i].kind == TL_CHAR_TEXT &&
	        tl_char_is_space(b->chars[i].cp));
}

/* Is character I punctuation to CommonMark's flanking rules: ASCII
 * punctuation, a Unicode punctuation mark, or the backtick of a code span
 * (which begins and ends with one)? */
static bool punct_at(const run_chars *b, size_t i)
{
	const tl_char *c = &b->chars[i];
	if (c->kind == TL_CHAR_CODE || c->kind == TL_CHAR_MARKUP)
		return true;
	if (c->kind != TL_CHAR_TEXT)
		return false;
	uint32_t cp = c->cp;
	if (cp < 0x80)
		return cp > ' ' && cp != 0x7F && !tl_char_is_digit(cp) &&
		       !tl_char_is_latin_letter(cp);
	return tl_char_is_cjk_punct(cp) || (cp >= 0x2010 && cp <= 0x205E);
}

/* GFM's flanking for the "~~" at I and I+1 (cmark-gfm applies the rules
 * of "*"): may it open (*OPEN) or close (*CLOSE)? "文字~~（删除）~~文字"
 * does neither, and GitHub shows its tildes. */
static void tilde_flanking(const run_chars *b, size_t i, bool *open,
                           bool *close)
{
	bool p_ws = i == 0 || blank_at(b, i - 1);
	bool q_ws = blank_at(b, i + 2);
	bool p_pu = !p_ws && punct_at(b, i - 1);
	bool q_pu = !q_ws && punct_at(b, i + 2);
	*open = !q_ws && (!q_pu || p_ws || p_pu);
	*close = !p_ws && (!p_pu || q_ws || q_pu);
}

static bool is_dropped_tilde(const tl_char *c)
{
	return c->kind == TL_CHAR_TEXT && c->cp == 0;
}

static void drop_strikethrough(run_chars *b)
{
	/* Pair each closing "~~" (after a non-space) with the open one
	 * (before a non-space) before it, on the same line. */
	size_t open = TL_NONE;
	bool any = false;
	for (size_t i = 0; i + 1 < b->n; i++) {
		if (b->chars[i].kind == TL_CHAR_BREAK)
			open = TL_NONE;
		if (!tilde_pair(b, i))
			continue;
		bool left, right;
		tilde_flanking(b, i, &left, &right);
		bool can_close = open != TL_NONE && right && i > open + 2;
		bool can_open = left;
		if (can_close) {
			/* Mark the four tildes for dropping (cp 0). */
			tl_char_afters_set(
			    b->afters, b->chars, i - 1,
			    tl_char_afters_get(b->afters, b->chars, i + 1));
			b->chars[open].cp = b->chars[open + 1].cp = 0;
			b->chars[i].cp = b->chars[i + 1].cp = 0;
			open = TL_NONE;
			any = true;
		} else if (can_open) {
			open = i;
		}
		i++;
	}
	if (!any)
		return;
	sweep(b, is_dropped_tilde);
	b->changed = true;
}

bool tl_pass_markup(const char *s, size_t len, tl_char *chars, size_t *n,
                    tl_char_afters *afters)
{
	run_chars b = {chars, *n, afters, false};
	collapse_markup(&b, s, len);
	compact(&b);
	drop_strikethrough(&b);
	*n = b.n;
	return b.changed;
}

bool tl_pass_urls(tl_char *chars, size_t *n, tl_char_afters *afters,
                  tl_doc_kept *kept)
{
	run_chars b = {chars, *n, afters, false};
	collapse_urls(&b, kept);
	compact(&b);
	*n = b.n;
	return b.changed;
}

bool tl_pass_math(tl_char *chars, size_t *n, tl_char_afters *afters)
{
	run_chars b = {chars, *n, afters, false};
	collapse_math(&b);
	compact(&b);
	*n = b.n;
	return b.changed;
}
