/*
 * corpus_check.c: checks that translint's fixes left alone what the prose
 * rules must never touch (make corpus-check, tests/corpus_check.sh).
 *
 *   corpus_check LABEL BEFORE FIXED REFIXED [FINDINGS_BEFORE FINDINGS_FIXED]
 *
 * BEFORE, FIXED and REFIXED are three copies of the same tree of .md files:
 * the originals, the result of one `translint --fix`, and the result of
 * fixing FIXED again. For every file under BEFORE it compares BEFORE with
 * FIXED:
 *
 *   code-blocks   fenced and indented code blocks: info string and contents
 *   code-spans    code span contents
 *   html          HTML blocks and inline HTML (comments included)
 *   links         link and image destinations and titles; a fix may add
 *                 links (link-syntax repairs "[a] (b)" and the like),
 *                 listed on NEW lines, but not lose or change one
 *   urls          autolinks (<https://...>, <a@b.c>) and bare http(s)
 *                 URLs in text, read as GFM's autolink extension reads
 *                 them: up to white space or "<", less trailing
 *                 punctuation (?!.,:*_~ and quotes, an unbalanced ")",
 *                 a ";" with its entity). A URL may lose a tail that
 *                 starts with a non-ASCII character and nothing else:
 *                 the unsafe fix of link-destination, which wraps a bare
 *                 URL that runs into CJK text in angle brackets
 *                 ("https://x.com/）中" -> "<https://x.com/>）中"), passes,
 *                 and any other change to a URL fails
 *   front-matter  the leading "---" YAML block, "+++" TOML block or
 *                 "<!--" comment, byte for byte
 *   line-endings  the counts of CRLF, lone CR and LF line endings
 *   bom           a leading byte order mark is kept (or stays absent)
 *   glued         Latin punctuation glued to a Latin letter or digit that
 *                 was not glued before: a mark of ",.;:!?)]\"" followed,
 *                 or one of "([\"" preceded, by a letter or digit with
 *                 no space, in the rendered text of a paragraph or
 *                 heading ("and， Join" fixed into "and,Join", "said
 *                 「hi」 to" into "said\"hi\"to"). Each such place is a
 *                 key (the character before, the mark, the character
 *                 after; letters lower-cased, full-width letters and
 *                 digits read as ASCII) and FIXED may hold no key more
 *                 often than BEFORE. A full-width mark is not Latin
 *                 punctuation, so "Error：8" fixed into "Error:8" fails;
 *                 a mark between two digits ("12:30", "1,000", "4.15")
 *                 is a number, not a glued mark
 *   findings      with FINDINGS_BEFORE and FINDINGS_FIXED (the gcc-format
 *                 output of translint on BEFORE and on FIXED): the fixed
 *                 file may have no more findings of a rule on a line than
 *                 the original had (fixes keep the lines where they are),
 *                 so a fix that creates another rule's finding fails
 *
 * and FIXED with REFIXED byte for byte (idempotent). The elements are what
 * cmark parses (CMARK_OPT_SOURCEPOS), not lines: a fix that moves a code
 * span to another line passes, one that edits its contents fails. Only
 * libcmark is used, none of translint's own code, so the check does not
 * share translint's mistakes.
 *
 * Output: one line per failing file and check, naming the first differing
 * element, then one summary line per check with counts. Exit status 1 when
 * anything failed, 2 when the check could not run.
 */

#include <cmark.h>
#include <ctype.h>
#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { K_CODE_BLOCK, K_CODE_SPAN, K_HTML, K_LINK, K_AUTOLINK, K_NKINDS };

enum {
	C_FRONT_MATTER = K_NKINDS,
	C_LINE_ENDINGS,
	C_BOM,
	C_GLUED,
	C_FINDINGS,
	C_IDEMPOTENT,
	C_NCHECKS
};

static const char *const check_names[C_NCHECKS] = {
    "code-blocks", "code-spans",   "html",         "links",
    "urls",        "front-matter", "line-endings", "bom",
    "glued",       "findings",     "idempotent",
};

typedef struct {
	char *text; /* what is compared, malloc'd */
	size_t len;
	int line; /* where it starts, 0 when cmark gave no position */
} elem;

typedef struct {
	elem *v;
	size_t n, cap;
} elems;

typedef struct {
	char *data;
	size_t len;
} buf;

static const char *label;
static const char *dirs[3];
static size_t dir_len;
static long files;
static long changed;
static long failed_files;
static long new_links;
static long failed[C_NCHECKS];
static long compared[C_NCHECKS];

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		fprintf(stderr, "corpus_check: out of memory\n");
		exit(2);
	}
	return p;
}

static bool read_file(const char *path, buf *b)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t cap = 65536, len = 0;
	char *d = xmalloc(cap);
	size_t got;
	while ((got = fread(d + len, 1, cap - len, f)) > 0) {
		len += got;
		if (len == cap) {
			cap *= 2;
			char *nd = realloc(d, cap);
			if (!nd) {
				free(d);
				fclose(f);
				return false;
			}
			d = nd;
		}
	}
	bool ok = !ferror(f);
	fclose(f);
	b->data = d;
	b->len = len;
	return ok;
}

static void push(elems *es, const char *a, size_t alen, const char *b,
                 size_t blen, int line)
{
	if (es->n == es->cap) {
		es->cap = es->cap ? 2 * es->cap : 64;
		elem *nv = realloc(es->v, es->cap * sizeof *nv);
		if (!nv) {
			fprintf(stderr, "corpus_check: out of memory\n");
			exit(2);
		}
		es->v = nv;
	}
	/* Two strings joined by a byte that cannot occur in either. */
	char *t = xmalloc(alen + blen + 2);
	memcpy(t, a, alen);
	t[alen] = '\x1f';
	if (blen)
		memcpy(t + alen + 1, b, blen);
	t[alen + 1 + blen] = '\0';
	es->v[es->n].text = t;
	es->v[es->n].len = alen + 1 + blen;
	es->v[es->n].line = line;
	es->n++;
}

static void free_elems(elems *es)
{
	for (size_t i = 0; i < es->n; i++)
		free(es->v[i].text);
	free(es->v);
	es->v = NULL;
	es->n = es->cap = 0;
}

static const char *str(const char *s)
{
	return s ? s : "";
}

/* The line of a node, or of its nearest ancestor that has one. */
static int node_line(cmark_node *n)
{
	for (; n; n = cmark_node_parent(n))
		if (cmark_node_get_start_line(n) > 0)
			return cmark_node_get_start_line(n);
	return 0;
}

/* An autolink is a link without title whose only child is text that is
 * the destination (or the destination without "mailto:"). */
static bool is_autolink(cmark_node *n)
{
	const char *url = str(cmark_node_get_url(n));
	cmark_node *c = cmark_node_first_child(n);
	if (!c || cmark_node_next(c) ||
	    cmark_node_get_type(c) != CMARK_NODE_TEXT)
		return false;
	if (*str(cmark_node_get_title(n)))
		return false;
	const char *lit = str(cmark_node_get_literal(c));
	return strcmp(lit, url) == 0 ||
	       (strncmp(url, "mailto:", 7) == 0 && strcmp(lit, url + 7) == 0);
}

static size_t line_end(const char *s, size_t len, size_t p)
{
	while (p < len && s[p] != '\n' && s[p] != '\r')
		p++;
	return p;
}

static size_t next_line(const char *s, size_t len, size_t e)
{
	if (e < len && s[e] == '\r' && e + 1 < len && s[e + 1] == '\n')
		return e + 2;
	return e < len ? e + 1 : e;
}

static bool line_is(const char *s, size_t p, size_t e, const char *w)
{
	size_t n = strlen(w);
	if (e - p < n || memcmp(s + p, w, n) != 0)
		return false;
	for (p += n; p < e; p++)
		if (s[p] != ' ' && s[p] != '\t')
			return false;
	return true;
}

/* The length of the front matter of b, which starts at body (after any
 * BOM): a "---" line up to the next "---" or "..." line, a "+++" line up
 * to the next "+++" line (TOML), or a "<!--" on the first line up to the
 * end of the line that holds its "-->". *yaml says it was one of the
 * first two kinds (blanked before cmark parses). 0 when there is none. */
static size_t front_matter(const buf *b, size_t body, bool *yaml)
{
	const char *s = b->data;
	size_t len = b->len, e = line_end(s, len, body);
	*yaml = false;
	bool toml = line_is(s, body, e, "+++");
	if (toml || line_is(s, body, e, "---")) {
		for (size_t q = next_line(s, len, e); q < len;) {
			size_t qe = line_end(s, len, q);
			if (toml ? line_is(s, q, qe, "+++")
			         : line_is(s, q, qe, "---") ||
			               line_is(s, q, qe, "...")) {
				*yaml = true;
				return next_line(s, len, qe) - body;
			}
			if (qe == len)
				break;
			q = next_line(s, len, qe);
		}
		return 0;
	}
	if (e - body >= 4 && memcmp(s + body, "<!--", 4) == 0) {
		for (size_t q = body + 4; q + 3 <= len; q++)
			if (memcmp(s + q, "-->", 3) == 0)
				return next_line(s, len,
				                 line_end(s, len, q + 3)) -
				       body;
	}
	return 0;
}

static size_t bom_len(const buf *b)
{
	return b->len >= 3 && memcmp(b->data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

static bool in_link(cmark_node *n)
{
	for (n = cmark_node_parent(n); n; n = cmark_node_parent(n))
		if (cmark_node_get_type(n) == CMARK_NODE_LINK ||
		    cmark_node_get_type(n) == CMARK_NODE_IMAGE)
			return true;
	return false;
}

/* Can S start a host name (cmark-gfm: not white space, not
 * punctuation)? "https://”" is no URL. */
static bool host_start(const char *s)
{
	unsigned char c = (unsigned char)*s;
	if (c < 0x80)
		return isalnum(c);
	/* The punctuation blocks Chinese text uses: general punctuation,
	 * CJK symbols and punctuation, full-width forms. */
	unsigned cp = 0;
	if ((c & 0xF0) == 0xE0 && s[1] && s[2])
		cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) |
		     (s[2] & 0x3Fu);
	return !((cp >= 0x2000 && cp <= 0x206F) ||
	         (cp >= 0x3000 && cp <= 0x303F) ||
	         (cp >= 0xFF00 && cp <= 0xFF65));
}

/* GFM's trailing punctuation rules on the URL [S, E): the new end. */
static char *gfm_trim(char *s, char *e)
{
	size_t open = 0, close = 0;
	for (char *p = s; p < e; p++) {
		open += *p == '(';
		close += *p == ')';
	}
	while (e > s) {
		char c = e[-1];
		if (strchr("?!.,:*_~'\"", c)) {
			e--;
		} else if (c == ')' && close > open) {
			close--;
			e--;
		} else if (c == ';') {
			char *p = e - 1;
			while (p > s && isalnum((unsigned char)p[-1]))
				p--;
			e = p > s && p < e - 1 && p[-1] == '&' ? p - 1 : e - 1;
		} else {
			break;
		}
	}
	return e;
}

/* The bare http(s) URLs in the text that starts at n: n and the text
 * nodes right after it (cmark splits text at "_", "*", "[" and the like),
 * unless n follows a text node (then it was scanned already) or is inside
 * a link. */
static void bare_urls(cmark_node *n, elems *out)
{
	cmark_node *prev = cmark_node_previous(n);
	if ((prev && cmark_node_get_type(prev) == CMARK_NODE_TEXT) ||
	    in_link(n))
		return;
	size_t len = 0;
	cmark_node *m;
	for (m = n; m && cmark_node_get_type(m) == CMARK_NODE_TEXT;
	     m = cmark_node_next(m))
		len += strlen(str(cmark_node_get_literal(m)));
	char *t = xmalloc(len + 1), *p = t;
	for (m = n; m && cmark_node_get_type(m) == CMARK_NODE_TEXT;
	     m = cmark_node_next(m)) {
		const char *lit = str(cmark_node_get_literal(m));
		size_t l = strlen(lit);
		memcpy(p, lit, l);
		p += l;
	}
	*p = '\0';
	for (char *q = t; (q = strstr(q, "http")) != NULL;) {
		size_t skip = strncmp(q, "https://", 8) == 0  ? 8
		              : strncmp(q, "http://", 7) == 0 ? 7
		                                              : 0;
		if (!skip || (q > t && isalnum((unsigned char)q[-1])) ||
		    !host_start(q + skip)) {
			q += 4;
			continue;
		}
		char *e = q + skip;
		while (*e && *e != '<' && !isspace((unsigned char)*e))
			e++;
		e = gfm_trim(q + skip, e);
		if (e > q + skip)
			push(out, q, (size_t)(e - q), "", 0, node_line(n));
		q = e > q + skip ? e : q + skip;
	}
	free(t);
}

/* ---- Glued punctuation --------------------------------------------- */

typedef struct {
	unsigned *v;
	size_t n, cap;
} cps;

static void cps_push(cps *c, unsigned cp)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 256;
		unsigned *nv = realloc(c->v, c->cap * sizeof *nv);
		if (!nv) {
			fprintf(stderr, "corpus_check: out of memory\n");
			exit(2);
		}
		c->v = nv;
	}
	c->v[c->n++] = cp;
}

/* Appends the code points of UTF-8 S (valid: translint rewrites nothing
 * else); a bad byte is taken as itself. */
static void cps_utf8(cps *c, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	while (*u) {
		unsigned cp = *u;
		int n = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : cp >= 0xC0 ? 1 : 0;
		u++;
		if (n)
			cp &= 0x3F >> n;
		for (; n > 0 && (*u & 0xC0) == 0x80; n--)
			cp = (cp << 6) | (*u++ & 0x3F);
		cps_push(c, cp);
	}
}

/* Stands for a code span, inline HTML or anything else that is not
 * text: neither a letter nor a mark. */
#define OBJ 0xFFFCu

/* The rendered text of the inline children of leaf block N. */
static void rendered(cmark_node *n, cps *out)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node *c = cmark_iter_get_node(it);
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
			cps_utf8(out, str(cmark_node_get_literal(c)));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			cps_push(out, '\n');
			break;
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			cps_push(out, OBJ);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* A letter or digit as ASCII, lower-cased (full-width forms read as
 * their ASCII letters), or 0 for anything else. */
static unsigned alnum_of(unsigned cp)
{
	if (cp >= 0xFF10 && cp <= 0xFF5E)
		cp -= 0xFEE0;
	if (cp >= 'A' && cp <= 'Z')
		return cp - 'A' + 'a';
	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
		return cp;
	return 0;
}

/* The word (letters and digits, as alnum_of reads them) of T that ends
 * before I (DIR < 0) or starts after it (DIR > 0), appended to W. */
static size_t word_at(const cps *t, size_t i, int dir, char *w, size_t cap)
{
	size_t s = i, e = i;
	if (dir < 0) {
		while (s > 0 && alnum_of(t->v[s - 1]))
			s--;
	} else {
		s = e = i + 1;
		while (e < t->n && alnum_of(t->v[e]))
			e++;
	}
	size_t n = 0;
	for (size_t k = s; k < e && n + 1 < cap; k++)
		w[n++] = (char)alnum_of(t->v[k]);
	w[n] = '\0';
	return n;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The words of a document, sorted: what a glued mark may have been put
 * into. */
typedef struct {
	char **v;
	size_t n, cap;
} words;

static void words_of(const cps *t, words *out)
{
	char w[128];
	size_t i = 0;
	while (i < t->n) {
		while (i < t->n && !alnum_of(t->v[i]))
			i++;
		size_t n = 0;
		while (i < t->n && alnum_of(t->v[i])) {
			if (n + 1 < sizeof w)
				w[n++] = (char)alnum_of(t->v[i]);
			i++;
		}
		if (!n)
			continue;
		w[n] = '\0';
		if (out->n == out->cap) {
			out->cap = out->cap ? 2 * out->cap : 256;
			char **nv = realloc(out->v, out->cap * sizeof *nv);
			if (!nv) {
				fprintf(stderr,
				        "corpus_check: out of memory\n");
				exit(2);
			}
			out->v = nv;
		}
		out->v[out->n] = xmalloc(n + 1);
		memcpy(out->v[out->n++], w, n + 1);
	}
}

static void free_words(words *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
}

/* The glued marks of text T, as keys "PMN": the letter or digit before
 * ("." for anything else), the mark, the letter or digit after. With
 * BEFORE (the sorted words of the original), a mark put inside a word
 * of the original is left out: "Nodejs" fixed into "Node.js" glues no
 * two words together. */
static void glued_marks(const cps *t, int line, const words *before, elems *out)
{
	for (size_t i = 0; i < t->n; i++) {
		unsigned m = t->v[i];
		if (m >= 0x80 || m == 0 || !strchr(",.;:!?)]([\"", (int)m))
			continue;
		unsigned p = i > 0 ? alnum_of(t->v[i - 1]) : 0;
		unsigned q = i + 1 < t->n ? alnum_of(t->v[i + 1]) : 0;
		bool right = q && strchr(",.;:!?)]\"", (int)m);
		bool left = p && strchr("([\"", (int)m);
		if (!right && !left)
			continue;
		/* "12:30", "1,000", "4.15": a number. */
		if (strchr(",.:", (int)m) && p >= '0' && p <= '9' && q >= '0' &&
		    q <= '9')
			continue;
		if (before && before->n && p && q) {
			char w[256], *key = w;
			size_t n = word_at(t, i, -1, w, 128);
			word_at(t, i, 1, w + n, 128);
			if (bsearch(&key, before->v, before->n,
			            sizeof *before->v, str_cmp))
				continue;
		}
		char key[3] = {p ? (char)p : '.', (char)m, q ? (char)q : '.'};
		push(out, key, 3, "", 0, line);
	}
}

/* Parses b with cmark (a "---" front matter blanked out, line endings
 * kept, so lines stay right) and collects the elements by kind, and the
 * glued marks of its paragraphs and headings into GLUED (judged against
 * the words BEFORE of the original, when given), and their words into
 * WORDS (when not NULL). */
static void collect(const buf *b, elems out[K_NKINDS], elems *glued,
                    const words *before, words *wout)
{
	size_t body = bom_len(b);
	bool yaml;
	size_t fm = front_matter(b, body, &yaml);
	char *copy = xmalloc(b->len + 1);
	memcpy(copy, b->data, b->len);
	if (yaml)
		for (size_t i = body; i < body + fm; i++)
			if (copy[i] != '\n' && copy[i] != '\r')
				copy[i] = ' ';
	cmark_node *doc =
	    cmark_parse_document(copy, b->len, CMARK_OPT_SOURCEPOS);
	free(copy);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node *n = cmark_iter_get_node(it);
		const char *a, *c;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
			bare_urls(n, &out[K_AUTOLINK]);
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING: {
			cps t = {0};
			rendered(n, &t);
			glued_marks(&t, node_line(n), before, glued);
			if (wout)
				words_of(&t, wout);
			free(t.v);
			break;
		}
		case CMARK_NODE_CODE_BLOCK:
			a = str(cmark_node_get_fence_info(n));
			c = str(cmark_node_get_literal(n));
			push(&out[K_CODE_BLOCK], a, strlen(a), c, strlen(c),
			     node_line(n));
			break;
		case CMARK_NODE_CODE:
			c = str(cmark_node_get_literal(n));
			push(&out[K_CODE_SPAN], c, strlen(c), "", 0,
			     node_line(n));
			break;
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			c = str(cmark_node_get_literal(n));
			push(&out[K_HTML], c, strlen(c), "", 0, node_line(n));
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			a = str(cmark_node_get_url(n));
			c = str(cmark_node_get_title(n));
			push(&out[cmark_node_get_type(n) == CMARK_NODE_LINK &&
			                  is_autolink(n)
			              ? K_AUTOLINK
			              : K_LINK],
			     a, strlen(a), c, strlen(c), node_line(n));
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
}

/* Prints s (at most 80 bytes) on one line, control bytes escaped. */
static void show(const char *s, size_t len)
{
	putchar('"');
	size_t i;
	for (i = 0; i < len && i < 80; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\x1f')
			fputs("\" \"", stdout);
		else if (c == '\n')
			fputs("\\n", stdout);
		else if (c == '\r')
			fputs("\\r", stdout);
		else if (c == '\t')
			fputs("\\t", stdout);
		else if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			printf("\\x%02x", c);
		else
			putchar(c);
	}
	/* Finish a cut UTF-8 character so the line stays valid. */
	while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
		putchar(s[i++]);
	putchar('"');
	if (i < len)
		fputs("...", stdout);
}

static bool fail(int check, const char *rel)
{
	failed[check]++;
	printf("FAIL %s %s: %s: ", label, check_names[check], rel);
	return false;
}

/* The new links of the file being checked, for the urls check. */
static const elem *new_link_v[64];
static size_t new_link_n;

static void new_link(const char *rel, const elem *e)
{
	new_links++;
	if (new_link_n < 64)
		new_link_v[new_link_n++] = e;
	printf("NEW %s links: %s: line %d: ", label, rel, e->line);
	show(e->text, e->len);
	putchar('\n');
}

static bool same_elem(const elem *x, const elem *y)
{
	return x->len == y->len && memcmp(x->text, y->text, x->len) == 0;
}

/* Links: every link and image of a must be in b, in order, unchanged;
 * b may hold more (link-syntax repairs broken link syntax into links),
 * which are listed as "new" but do not fail. */
static bool compare_links(const char *rel, const elems *a, const elems *b)
{
	compared[K_LINK] += (long)a->n;
	new_link_n = 0;
	size_t j = 0;
	for (size_t i = 0; i < a->n; i++) {
		size_t k = j;
		while (k < b->n && !same_elem(&a->v[i], &b->v[k]))
			k++;
		if (k == b->n) {
			fail(K_LINK, rel);
			printf("element %zu, line %d: ", i + 1, a->v[i].line);
			show(a->v[i].text, a->v[i].len);
			if (j < b->n) {
				printf(" -> line %d: ", b->v[j].line);
				show(b->v[j].text, b->v[j].len);
			} else {
				fputs(" lost", stdout);
			}
			putchar('\n');
			return false;
		}
		for (; j < k; j++)
			new_link(rel, &b->v[j]);
		j = k + 1;
	}
	for (; j < b->n; j++)
		new_link(rel, &b->v[j]);
	return true;
}

/* The code point of the UTF-8 character at S (3 bytes at most here). */
static unsigned cp_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] < 0x80)
		return u[0];
	if ((u[0] & 0xE0) == 0xC0)
		return ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
	return ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
}

/* Punctuation of Chinese text: general punctuation (curly quotes,
 * dashes, ellipsis), CJK symbols and punctuation, full-width forms. */
static bool fullwidth_punct(unsigned cp)
{
	return (cp >= 0x2000 && cp <= 0x206F) ||
	       (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF65);
}

/* Where text that GFM swallows into URL X (N bytes) begins: at the first
 * mark of Chinese text, or at CJK right after an ASCII letter, digit or "."
 * ("…/docs然后"); N when there is none. */
static size_t swallowed_at(const char *x, size_t n)
{
	for (size_t p = 0; p < n; p++) {
		unsigned char c = (unsigned char)x[p];
		if (c < 0x80 || (c & 0xC0) == 0x80)
			continue;
		unsigned cp = cp_at(x + p);
		if (fullwidth_punct(cp))
			return p;
		unsigned char b = p ? (unsigned char)x[p - 1] : 0;
		if (cp >= 0x4E00 && cp <= 0x9FFF && (isalnum(b) || b == '.'))
			return p;
	}
	return n;
}

/* Is URL element Y what X became where only the text X had swallowed
 * changed? link-destination's unsafe fix cuts that text off, prose fixes
 * may edit it; any other change fails, and so does a URL that swallows
 * more than before. Both end in the separator byte push() adds. */
static bool url_cut_off(const elem *x, const elem *y)
{
	size_t nx = x->len - 1, ny = y->len - 1, p = 0;
	size_t w = swallowed_at(x->text, nx);
	if (w == nx)
		return false;
	/* Cut off, with the trailing punctuation the cut leaves at the end
	 * ("…/a)。" read whole, "<…/a>)。" after the fix). */
	size_t cut = (size_t)(gfm_trim(x->text, x->text + w) - x->text);
	if (ny == cut && memcmp(x->text, y->text, cut) == 0)
		return true;
	while (p < nx && p < ny && x->text[p] == y->text[p])
		p++;
	return p < nx && w <= p;
}

static bool compare_elems(int k, const char *rel, const elems *a,
                          const elems *b);

static bool compare_kind(int k, const char *rel, const elems *a, const elems *b)
{
	if (k == K_LINK)
		return compare_links(rel, a, b);
	compared[k] += (long)a->n;
	elems kept = {0};
	if (k == K_AUTOLINK && new_link_n > 0) {
		/* A bare URL that a new link took as its destination (in
		 * "[a](URL" + line break + "x)", which link-syntax closes) is
		 * no longer bare: leave those out of a. */
		kept.v = xmalloc(a->n * sizeof *kept.v);
		for (size_t i = 0; i < a->n; i++) {
			bool taken = false;
			for (size_t m = 0; m < new_link_n && !taken; m++)
				taken =
				    same_elem(&a->v[i], new_link_v[m]) ||
				    (new_link_v[m]->len < a->v[i].len &&
				     url_cut_off(&a->v[i], new_link_v[m]) &&
				     memcmp(a->v[i].text, new_link_v[m]->text,
				            new_link_v[m]->len - 1) == 0);
			if (!taken)
				kept.v[kept.n++] = a->v[i];
		}
		a = &kept;
	}
	bool ok = compare_elems(k, rel, a, b);
	free(kept.v);
	return ok;
}

static bool compare_elems(int k, const char *rel, const elems *a,
                          const elems *b)
{
	size_t n = a->n < b->n ? a->n : b->n;
	for (size_t i = 0; i < n; i++) {
		if (a->v[i].len == b->v[i].len &&
		    memcmp(a->v[i].text, b->v[i].text, a->v[i].len) == 0)
			continue;
		if (k == K_AUTOLINK && url_cut_off(&a->v[i], &b->v[i]))
			continue;
		fail(k, rel);
		printf("element %zu, line %d -> %d: ", i + 1, a->v[i].line,
		       b->v[i].line);
		show(a->v[i].text, a->v[i].len);
		fputs(" -> ", stdout);
		show(b->v[i].text, b->v[i].len);
		putchar('\n');
		return false;
	}
	if (a->n != b->n) {
		fail(k, rel);
		printf("%zu elements -> %zu", a->n, b->n);
		const elems *more = a->n > b->n ? a : b;
		printf(", first %s at line %d: ", more == a ? "lost" : "new",
		       more->v[n].line);
		show(more->v[n].text, more->v[n].len);
		putchar('\n');
		return false;
	}
	return true;
}

static int elem_cmp(const void *a, const void *b)
{
	const elem *x = a, *y = b;
	int c = memcmp(x->text, y->text, x->len < y->len ? x->len : y->len);
	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->line - y->line;
}

/* Fails when B holds some element more often than A (both sorted). */
static bool compare_multiset(int check, const char *rel, elems *a, elems *b,
                             const char *what)
{
	if (a->n)
		qsort(a->v, a->n, sizeof *a->v, elem_cmp);
	if (b->n)
		qsort(b->v, b->n, sizeof *b->v, elem_cmp);
	compared[check] += (long)b->n;
	size_t i = 0;
	for (size_t j = 0; j < b->n;) {
		size_t je = j;
		while (je < b->n && same_elem(&b->v[j], &b->v[je]))
			je++;
		while (i < a->n && elem_cmp(&a->v[i], &b->v[j]) < 0 &&
		       !same_elem(&a->v[i], &b->v[j]))
			i++;
		size_t ie = i;
		while (ie < a->n && same_elem(&a->v[ie], &b->v[j]))
			ie++;
		if (je - j > ie - i) {
			fail(check, rel);
			/* The line of the first occurrence past those A had. */
			printf("%s on line %d: ", what,
			       b->v[j + (ie - i)].line);
			show(b->v[j].text, b->v[j].len);
			printf(" (%zu before, %zu after)\n", ie - i, je - j);
			return false;
		}
		i = ie;
		j = je;
	}
	return true;
}

/* ---- Findings -------------------------------------------------------- */

/* One finding of a gcc-format file: the file (relative to its folder)
 * and the key "RULE LINE". */
typedef struct {
	char *rel;
	elem key;
} finding;

typedef struct {
	finding *v;
	size_t n, cap;
} findings;

static findings found[2]; /* of BEFORE, of FIXED */
static bool have_findings;

static int finding_cmp(const void *a, const void *b)
{
	const finding *x = a, *y = b;
	return strcmp(x->rel, y->rel);
}

/* Reads the gcc-format output PATH of translint run on folder DIR:
 * "DIR/REL.md:LINE:COL: SEVERITY: MESSAGE [RULE]". */
static void read_findings(const char *path, const char *dir, findings *out)
{
	buf b;
	if (!read_file(path, &b)) {
		fprintf(stderr, "corpus_check: cannot read %s\n", path);
		exit(2);
	}
	size_t dl = strlen(dir);
	for (size_t p = 0; p < b.len;) {
		size_t e = line_end(b.data, b.len, p);
		char *l = b.data + p;
		size_t n = e - p;
		p = next_line(b.data, b.len, e);
		if (n <= dl + 1 || memcmp(l, dir, dl) != 0 || l[dl] != '/' ||
		    l[n - 1] != ']')
			continue;
		char *rel = l + dl + 1;
		char *md = strstr(rel, ".md:");
		size_t open = n - 1;
		while (open > 0 && l[open] != '[')
			open--;
		if (!md || md > l + open)
			continue;
		int line = atoi(md + 4);
		size_t rl = (size_t)(md + 3 - rel);
		if (out->n == out->cap) {
			out->cap = out->cap ? 2 * out->cap : 1024;
			finding *nv = realloc(out->v, out->cap * sizeof *nv);
			if (!nv) {
				fprintf(stderr,
				        "corpus_check: out of memory\n");
				exit(2);
			}
			out->v = nv;
		}
		finding *f = &out->v[out->n++];
		f->rel = xmalloc(rl + 1);
		memcpy(f->rel, rel, rl);
		f->rel[rl] = '\0';
		char key[256];
		int kl = snprintf(key, sizeof key, "%.*s line %d",
		                  (int)(n - 1 - open - 1), l + open + 1, line);
		if (kl < 0 || (size_t)kl >= sizeof key)
			kl = sizeof key - 1;
		f->key.text = xmalloc((size_t)kl + 1);
		memcpy(f->key.text, key, (size_t)kl + 1);
		f->key.len = (size_t)kl;
		f->key.line = line;
	}
	free(b.data);
	if (out->n) /* qsort wants a pointer even for nothing */
		qsort(out->v, out->n, sizeof *out->v, finding_cmp);
}

/* The findings of REL in F, as elements (pointing into F). */
static void findings_of(const findings *f, const char *rel, elems *out)
{
	size_t lo = 0, hi = f->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(f->v[mid].rel, rel) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t e = lo;
	while (e < f->n && strcmp(f->v[e].rel, rel) == 0)
		e++;
	out->n = out->cap = e - lo;
	out->v = xmalloc((e - lo) * sizeof *out->v);
	for (size_t k = lo; k < e; k++)
		out->v[k - lo] = f->v[k].key;
}

static void count_endings(const buf *b, long c[3])
{
	c[0] = c[1] = c[2] = 0;
	for (size_t i = 0; i < b->len; i++) {
		if (b->data[i] == '\r') {
			if (i + 1 < b->len && b->data[i + 1] == '\n') {
				c[0]++;
				i++;
			} else {
				c[1]++;
			}
		} else if (b->data[i] == '\n') {
			c[2]++;
		}
	}
}

static int first_diff_line(const buf *a, const buf *b)
{
	int line = 1;
	for (size_t i = 0; i < a->len && i < b->len; i++) {
		if (a->data[i] != b->data[i])
			return line;
		if (a->data[i] == '\n')
			line++;
	}
	return line;
}

static void check_file(const char *rel)
{
	buf v[3];
	for (int i = 0; i < 3; i++) {
		size_t n = strlen(dirs[i]) + strlen(rel) + 2;
		char *path = xmalloc(n);
		snprintf(path, n, "%s/%s", dirs[i], rel);
		if (!read_file(path, &v[i])) {
			fprintf(stderr, "corpus_check: cannot read %s\n", path);
			exit(2);
		}
		free(path);
	}
	files++;
	bool ok = true;
	bool same =
	    v[0].len == v[1].len && memcmp(v[0].data, v[1].data, v[0].len) == 0;
	if (!same) {
		changed++;
		elems a[K_NKINDS] = {0}, b[K_NKINDS] = {0};
		elems ga = {0}, gb = {0};
		words wa = {0};
		collect(&v[0], a, &ga, NULL, &wa);
		if (wa.n)
			qsort(wa.v, wa.n, sizeof *wa.v, str_cmp);
		collect(&v[1], b, &gb, &wa, NULL);
		free_words(&wa);
		/* In order: the urls check looks at the links' new ones. */
		for (int k = 0; k < K_NKINDS; k++)
			ok &= compare_kind(k, rel, &a[k], &b[k]);
		for (int k = 0; k < K_NKINDS; k++) {
			free_elems(&a[k]);
			free_elems(&b[k]);
		}
		ok &= compare_multiset(C_GLUED, rel, &ga, &gb, "newly glued");
		free_elems(&ga);
		free_elems(&gb);
		if (have_findings) {
			elems fa, fb;
			findings_of(&found[0], rel, &fa);
			findings_of(&found[1], rel, &fb);
			ok &= compare_multiset(C_FINDINGS, rel, &fa, &fb,
			                       "new finding");
			free(fa.v);
			free(fb.v);
		}

		bool ya, yb;
		size_t ba = bom_len(&v[0]), bb = bom_len(&v[1]);
		size_t fa = front_matter(&v[0], ba, &ya);
		size_t fb = front_matter(&v[1], bb, &yb);
		if (fa && (fa != fb ||
		           memcmp(v[0].data + ba, v[1].data + bb, fa) != 0)) {
			ok = fail(C_FRONT_MATTER, rel);
			printf(
			    "%zu bytes -> %zu, first difference on line %d\n",
			    fa, fb, first_diff_line(&v[0], &v[1]));
		}

		long ea[3], eb[3];
		count_endings(&v[0], ea);
		count_endings(&v[1], eb);
		if (memcmp(ea, eb, sizeof ea) != 0) {
			ok = fail(C_LINE_ENDINGS, rel);
			printf("CRLF/CR/LF %ld/%ld/%ld -> %ld/%ld/%ld, first "
			       "difference on line %d\n",
			       ea[0], ea[1], ea[2], eb[0], eb[1], eb[2],
			       first_diff_line(&v[0], &v[1]));
		}
		if (ba != bb) {
			ok = fail(C_BOM, rel);
			printf("%s\n", ba ? "BOM removed" : "BOM added");
		}
	}
	/* The element checks count elements (only of changed files: an
	 * unchanged file passes them trivially); these count files. */
	compared[C_FRONT_MATTER]++;
	compared[C_LINE_ENDINGS]++;
	compared[C_BOM]++;
	compared[C_IDEMPOTENT]++;

	if (v[1].len != v[2].len || memcmp(v[1].data, v[2].data, v[1].len)) {
		ok = fail(C_IDEMPOTENT, rel);
		printf("a second --fix changed line %d\n",
		       first_diff_line(&v[1], &v[2]));
	}
	if (!ok)
		failed_files++;
	for (int i = 0; i < 3; i++)
		free(v[i].data);
}

/* nftw's callback cannot take a context: the paths are gathered here and
 * sorted, so the output is in a stable order. */
static char **paths;
static size_t npaths, cappaths;

static int visit(const char *path, const struct stat *st, int type,
                 struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	size_t n = strlen(path);
	if (type != FTW_F || n < 3 || strcmp(path + n - 3, ".md") != 0)
		return 0;
	if (npaths == cappaths) {
		cappaths = cappaths ? 2 * cappaths : 1024;
		char **np = realloc(paths, cappaths * sizeof *np);
		if (!np)
			return 1;
		paths = np;
	}
	const char *rel = path + dir_len;
	while (*rel == '/')
		rel++;
	size_t rn = strlen(rel) + 1;
	paths[npaths] = xmalloc(rn);
	memcpy(paths[npaths], rel, rn);
	npaths++;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	if (argc != 5 && argc != 7) {
		fprintf(stderr,
		        "usage: corpus_check LABEL BEFORE FIXED REFIXED "
		        "[FINDINGS_BEFORE FINDINGS_FIXED]\n");
		return 2;
	}
	label = argv[1];
	dirs[0] = argv[2];
	dirs[1] = argv[3];
	dirs[2] = argv[4];
	dir_len = strlen(dirs[0]);
	if (argc == 7) {
		read_findings(argv[5], dirs[0], &found[0]);
		read_findings(argv[6], dirs[1], &found[1]);
		have_findings = true;
	}
	if (nftw(dirs[0], visit, 32, FTW_PHYS) != 0) {
		fprintf(stderr, "corpus_check: cannot walk %s\n", dirs[0]);
		return 2;
	}
	if (npaths)
		qsort(paths, npaths, sizeof *paths, by_name);
	for (size_t i = 0; i < npaths; i++) {
		check_file(paths[i]);
		free(paths[i]);
	}
	free(paths);
	for (int k = 0; k < 2; k++) {
		for (size_t i = 0; i < found[k].n; i++) {
			free(found[k].v[i].rel);
			free(found[k].v[i].key.text);
		}
		free(found[k].v);
	}

	long total = 0;
	for (int c = 0; c < C_NCHECKS; c++) {
		total += failed[c];
		if (c == K_LINK)
			printf("%s %s: %ld files, %ld elements in the %ld "
			       "changed files, %ld files failed, %ld new links "
			       "(NEW lines)\n",
			       label, check_names[c], files, compared[c],
			       changed, failed[c], new_links);
		else if (c < K_NKINDS || c == C_GLUED)
			printf("%s %s: %ld files, %ld elements in the %ld "
			       "changed files, %ld files failed\n",
			       label, check_names[c], files, compared[c],
			       changed, failed[c]);
		else if (c == C_FINDINGS && !have_findings)
			printf("%s %s: not checked (no findings given)\n",
			       label, check_names[c]);
		else if (c == C_FINDINGS)
			printf(
			    "%s %s: %ld files, %ld findings after the fix in "
			    "the %ld changed files, %ld files failed\n",
			    label, check_names[c], files, compared[c], changed,
			    failed[c]);
		else
			printf("%s %s: %ld files, %ld failed\n", label,
			       check_names[c], compared[c], failed[c]);
	}
	printf("%s: %ld files, %ld changed by --fix, %ld passed, %ld failed\n",
	       label, files, changed, files - failed_files, failed_files);
	return total ? 1 : 0;
}
