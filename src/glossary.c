/*
 * glossary.c: project glossaries (glossary.h): reading the YAML file,
 * merging the glossaries of the files a configuration extends, and
 * finding terms, renderings and rejects in text.
 *
 * A glossary is built once, when the configuration loads, and never
 * written again: its needles (every term, plural and rendering, folded
 * to lower case) sit in one array sorted by a bucket of their first code
 * point, so that a search looks, at each character of the text, only at
 * the needles that can start there. A project glossary holds tens to a
 * few thousand entries; a search stays linear in the text.
 *
 * Library code: errors go to a tl_error with the file, line and column
 * of the offending node (libyaml marks); nothing here prints.
 */
#include "glossary.h"
#include "option.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Buckets of first code points (a power of two). */
#define NBUCKETS 1024
/* The most distinct first bytes a matcher's needles may have for find()
 * to compare 16 bytes of a text with each of them at once. */
#define MAX_FIRST 8

typedef struct needle {
	char *text; /* folded: ASCII lower case, one ' ' for white space */
	size_t len;
	size_t entry;
	bool latin_start, latin_end; /* an ASCII letter or digit at the edge */
} needle;

typedef struct matcher {
	needle *v; /* sorted by bucket, then longest first */
	size_t n;
	uint32_t start[NBUCKETS + 1]; /* bucket b is v[start[b]..start[b+1]) */
	/* The first two bytes a needle may match, as the text writes them
	 * (folded, they are a needle's first two): bit (a << 8) | b is set
	 * when one could start at bytes a, b of a text. Unfolded, so that
	 * may_start() folds only the few candidates that pass. */
	uint8_t pairs[65536 / 8];
	/* The first three bytes, folded, hashed (tri_hash): bit H is set
	 * when a needle may start with three bytes of hash H. A pair of
	 * first bytes some needle starts with but does not go on from with
	 * a third literal byte (one or two bytes long, a gap second or
	 * third) is set in WEAK, where the hash is not asked. */
	uint8_t tri[65536 / 8];
	uint8_t weak[65536 / 8];
	/* What each byte of a text is to a search: CLS_START when a needle
	 * may start at it (its folded value is a needle's first byte),
	 * CLS_ALNUM for an ASCII letter or digit. */
	uint8_t cls[256];
	/* The bytes that start a needle, when they are few (NFIRST of
	 * them, at most MAX_FIRST; 0 when more), ORed with 0x20, each
	 * written 16 times, the last repeated up to MAX_FIRST: find16()
	 * compares 16 bytes of a text with each at once, instead of a
	 * table lookup a byte. */
	unsigned nfirst;
	unsigned char first[MAX_FIRST][16];
} matcher;

enum { CLS_START = 1, CLS_ALNUM = 2 };

static unsigned tri_hash(unsigned a, unsigned b, unsigned c)
{
	return ((a * 251u + b) * 251u + c) & 0xFFFFu;
}

static bool bit_at(const uint8_t *v, unsigned i)
{
	return v[i >> 3] & (1u << (i & 7));
}

static void bit_set(uint8_t *v, unsigned i)
{
	v[i >> 3] |= (uint8_t)(1u << (i & 7));
}

/* The index of the lowest bit set in V (not 0). */
static unsigned lowest_bit(uint32_t v)
{
#if defined(__GNUC__)
	return (unsigned)__builtin_ctz(v);
#else
	unsigned i = 0;
	while (!(v & 1u)) {
		v >>= 1;
		i++;
	}
	return i;
#endif
}

struct tl_glossary {
	int refs;
	tl_gloss_entry *e;
	size_t n;
	tl_option_list files;
	matcher m[TL_GLOSS_NKINDS];
};

/* ---- Entries ------------------------------------------------------------ */

static void strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static char **strv_copy(char *const *v, size_t n)
{
	char **c = tl_xmalloc((n + 1) * sizeof *c);
	for (size_t i = 0; i < n; i++)
		c[i] = tl_xstrdup(v[i]);
	return c;
}

static void entry_free(tl_gloss_entry *e)
{
	strv_free(e->terms, e->nterms);
	strv_free(e->zh, e->nzh);
	strv_free(e->reject, e->nreject);
}

static void entry_copy(tl_gloss_entry *to, const tl_gloss_entry *from)
{
	to->terms = strv_copy(from->terms, from->nterms);
	to->nterms = from->nterms;
	to->zh = strv_copy(from->zh, from->nzh);
	to->nzh = from->nzh;
	to->reject = strv_copy(from->reject, from->nreject);
	to->nreject = from->nreject;
	to->keep_english = from->keep_english;
}

static tl_glossary *glossary_new(void)
{
	tl_glossary *g = tl_xcalloc(1, sizeof *g);
	g->refs = 1;
	return g;
}

tl_glossary *tl_glossary_ref(tl_glossary *g)
{
	g->refs++;
	return g;
}

void tl_glossary_unref(tl_glossary *g)
{
	if (!g || --g->refs > 0)
		return;
	for (size_t i = 0; i < g->n; i++)
		entry_free(&g->e[i]);
	free(g->e);
	strv_free(g->files.items, g->files.n);
	for (int k = 0; k < TL_GLOSS_NKINDS; k++) {
		for (size_t i = 0; i < g->m[k].n; i++)
			free(g->m[k].v[i].text);
		free(g->m[k].v);
	}
	free(g);
}

size_t tl_glossary_count(const tl_glossary *g)
{
	return g ? g->n : 0;
}

const tl_gloss_entry *tl_glossary_entry(const tl_glossary *g, size_t i)
{
	return &g->e[i];
}

size_t tl_glossary_needles(const tl_glossary *g, tl_gloss_kind kind)
{
	return g ? g->m[kind].n : 0;
}

const tl_option_list *tl_glossary_files(const tl_glossary *g)
{
	return &g->files;
}

/* ---- Needles ------------------------------------------------------------ */

static bool is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Is C white space a needle's ' ' stands for (with the hyphen)? */
static bool is_gap(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-';
}

/* S folded: ASCII lower case, every run of white space (and, when
 * HYPHEN, of hyphens) one ' ', none at the ends (caller frees). */
static char *fold_text(const char *s, bool hyphen)
{
	size_t n = strlen(s);
	char *out = tl_xmalloc(n + 1), *o = out;
	bool gap = false;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    (hyphen && c == '-')) {
			gap = o > out;
			continue;
		}
		if (gap)
			*o++ = ' ';
		gap = false;
		*o++ = (char)fold(c);
	}
	*o = '\0';
	return out;
}

static uint32_t bucket_of(const char *s, size_t len)
{
	uint32_t cp;
	tl_utf8_decode(s, len, &cp);
	return cp & (NBUCKETS - 1);
}

static void needle_add(matcher *m, size_t *cap, char *text, size_t entry)
{
	size_t len = strlen(text);
	if (len == 0) {
		free(text);
		return;
	}
	m->v = tl_grow(m->v, m->n, cap, sizeof *m->v);
	m->v[m->n++] =
	    (needle){text, len, entry, is_alnum((unsigned char)text[0]),
	             is_alnum((unsigned char)text[len - 1])};
}

/* The plurals of folded term T: "forks", "boxes", "repositories". */
static void plurals(matcher *m, size_t *cap, const char *t, size_t entry)
{
	size_t n = strlen(t);
	if (n == 0 || !is_alnum((unsigned char)t[n - 1]) ||
	    (t[n - 1] >= '0' && t[n - 1] <= '9'))
		return;
	tl_buf b = {0};
	tl_buf_printf(&b, "%ss", t);
	needle_add(m, cap, b.data, entry);
	char last = t[n - 1], prev = n > 1 ? t[n - 2] : 'a';
	if (last == 's' || last == 'x' || last == 'z' ||
	    ((last == 'h') && (prev == 'c' || prev == 's'))) {
		tl_buf c = {0};
		tl_buf_printf(&c, "%ses", t);
		needle_add(m, cap, c.data, entry);
	}
	if (last == 'y' && n > 1 && !strchr("aeiou", prev)) {
		tl_buf c = {0};
		tl_buf_printf(&c, "%.*sies", (int)(n - 1), t);
		needle_add(m, cap, c.data, entry);
	}
}

static int needle_cmp(const void *a, const void *b)
{
	const needle *x = a, *y = b;
	uint32_t bx = bucket_of(x->text, x->len),
	         by = bucket_of(y->text, y->len);
	if (bx != by)
		return bx < by ? -1 : 1;
	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	int c = strcmp(x->text, y->text);
	if (c)
		return c;
	/* The same text for two entries: the earlier entry first. */
	return x->entry < y->entry ? -1 : x->entry > y->entry;
}

static void matcher_sort(matcher *m)
{
	if (m->n > 1)
		qsort(m->v, m->n, sizeof *m->v, needle_cmp);
	/* One needle per text: the first entry's. */
	size_t w = 0;
	for (size_t i = 0; i < m->n; i++) {
		if (w && strcmp(m->v[w - 1].text, m->v[i].text) == 0) {
			free(m->v[i].text);
			continue;
		}
		m->v[w++] = m->v[i];
	}
	m->n = w;
	size_t i = 0;
	for (uint32_t b = 0; b < NBUCKETS; b++) {
		m->start[b] = (uint32_t)i;
		while (i < m->n && bucket_of(m->v[i].text, m->v[i].len) == b)
			i++;
	}
	m->start[NBUCKETS] = (uint32_t)m->n;
	/* The pairs folded, as the needles are, expanded into M->pairs. */
	uint8_t folded[sizeof m->pairs] = {0};
	memset(m->cls, 0, sizeof m->cls);
	for (unsigned c = 0; c < 256; c++)
		if (is_alnum((unsigned char)c))
			m->cls[c] = CLS_ALNUM;
	for (i = 0; i < m->n; i++) {
		unsigned char a = (unsigned char)m->v[i].text[0];
		/* Needles are folded: an ASCII letter starts one in either
		 * case. */
		m->cls[a] |= CLS_START;
		if (a >= 'a' && a <= 'z')
			m->cls[a - 32] |= CLS_START;
	}
	m->nfirst = 0;
	for (unsigned c = 0; c < 256 && m->nfirst <= MAX_FIRST; c++)
		if ((m->cls[c] & CLS_START) && !(c >= 'A' && c <= 'Z')) {
			if (m->nfirst < MAX_FIRST)
				memset(m->first[m->nfirst], (int)(c | 0x20),
				       16);
			m->nfirst++;
		}
	if (m->nfirst > MAX_FIRST)
		m->nfirst = 0;
	for (unsigned k = m->nfirst; k && k < MAX_FIRST; k++)
		memcpy(m->first[k], m->first[k - 1], 16);
	memset(m->tri, 0, sizeof m->tri);
	memset(m->weak, 0, sizeof m->weak);
	for (i = 0; i < m->n; i++) {
		const unsigned char *t = (const unsigned char *)m->v[i].text;
		if (m->v[i].len >= 3 && t[1] != ' ' && t[2] != ' ') {
			bit_set(m->tri, tri_hash(t[0], t[1], t[2]));
			continue;
		}
		for (unsigned c = 0; c < 256; c++)
			if (m->v[i].len == 1 || t[1] == ' ' || c == t[1])
				bit_set(m->weak, t[0] << 8 | c);
	}
	for (i = 0; i < m->n; i++) {
		unsigned a = (unsigned char)m->v[i].text[0];
		unsigned b = (unsigned char)m->v[i].text[1];
		/* One byte long, or a gap (any white space, or none) next:
		 * any second byte. */
		for (unsigned c = 0; c < 256; c++)
			if (c == b || m->v[i].len == 1 || b == ' ')
				bit_set(folded, a << 8 | c);
	}
	/* Only a byte that folds to a needle's first byte (CLS_START)
	 * starts a pair. */
	memset(m->pairs, 0, sizeof m->pairs);
	for (unsigned a = 0; a < 256; a++) {
		if (!(m->cls[a] & CLS_START))
			continue;
		unsigned fa = fold((unsigned char)a);
		for (unsigned b = 0; b < 256; b++)
			if (bit_at(folded, fa << 8 | fold((unsigned char)b)))
				bit_set(m->pairs, a << 8 | b);
	}
}

/* Builds the needles of G's entries. */
static void compile(tl_glossary *g)
{
	size_t cap[TL_GLOSS_NKINDS] = {0};
	for (size_t i = 0; i < g->n; i++) {
		const tl_gloss_entry *e = &g->e[i];
		for (size_t k = 0; k < e->nterms; k++) {
			char *t = fold_text(e->terms[k], true);
			plurals(&g->m[TL_GLOSS_TERM], &cap[TL_GLOSS_TERM], t,
			        i);
			needle_add(&g->m[TL_GLOSS_TERM], &cap[TL_GLOSS_TERM], t,
			           i);
		}
		for (size_t k = 0; k < e->nzh; k++)
			needle_add(&g->m[TL_GLOSS_ZH], &cap[TL_GLOSS_ZH],
			           fold_text(e->zh[k], false), i);
		for (size_t k = 0; k < e->nreject; k++)
			needle_add(&g->m[TL_GLOSS_REJECT],
			           &cap[TL_GLOSS_REJECT],
			           fold_text(e->reject[k], false), i);
	}
	for (int k = 0; k < TL_GLOSS_NKINDS; k++)
		matcher_sort(&g->m[k]);
}

/* ---- Finding ------------------------------------------------------------ */

/* The end of needle N matched at byte P of TEXT, or 0 when it does not
 * match there. */
static size_t match_at(const needle *nd, const char *text, size_t len, size_t p)
{
	size_t i = p;
	for (size_t k = 0; k < nd->len; k++) {
		if (nd->text[k] == ' ') {
			while (i < len && is_gap((unsigned char)text[i]))
				i++;
			continue;
		}
		if (i >= len ||
		    fold((unsigned char)text[i]) != (unsigned char)nd->text[k])
			return 0;
		i++;
	}
	return i;
}

/* May a Latin word start at byte P of TEXT: not right after a letter, a
 * digit or an identifier, path or option character ("my_fork", "/fork",
 * ".fork", "--fork")? A hyphen after a word joins a compound: an English
 * term in one ("x-fork") is still that term when HYPHEN_JOINS is false
 * (the terms of the original), and a rendering in one is part of a name
 * ("my-whitelist-file") when it is true (what the translation writes). */
static bool word_starts(const char *text, size_t p, bool hyphen_joins)
{
	if (p == 0)
		return true;
	unsigned char b = (unsigned char)text[p - 1];
	if (is_alnum(b) || (b != 0 && strchr("_/.@\\$#~", b)))
		return false;
	/* "-fork" and "--fork" are options; "x-fork" a compound. */
	if (b == '-')
		return !hyphen_joins && p >= 2 &&
		       is_alnum((unsigned char)text[p - 2]);
	return true;
}

/* May a Latin word end at byte E of TEXT: not before a letter, a digit,
 * an identifier character, or a path, domain or port separator followed
 * by one ("fork.c", "repo/x", "node:18"), nor, when HYPHEN_JOINS, a
 * hyphen followed by one? */
static bool word_ends(const char *text, size_t len, size_t e, bool hyphen_joins)
{
	if (e >= len)
		return true;
	unsigned char a = (unsigned char)text[e];
	if (is_alnum(a) || a == '_')
		return false;
	if (a == '-' && hyphen_joins && e + 1 < len &&
	    is_alnum((unsigned char)text[e + 1]))
		return false;
	if (a != 0 && strchr("/.:@\\", a) && e + 1 < len &&
	    (is_alnum((unsigned char)text[e + 1]) || text[e + 1] == '_'))
		return false;
	return true;
}

/* The longest needle of M that matches at byte P of TEXT, a character's
 * start, ending at *END; NULL when none does. *NEAR (NEAR may be NULL)
 * is set when a needle's bytes stand there at a word's start but do not
 * end a word. */
static const needle *find_at(const matcher *m, const char *text, size_t len,
                             size_t p, bool hyphen_joins, size_t *end,
                             bool *near)
{
	uint32_t cp;
	tl_utf8_decode_fast(text + p, len - p, &cp);
	if (cp < 0x80)
		cp = fold((unsigned char)cp);
	uint32_t b = cp & (NBUCKETS - 1);
	for (uint32_t k = m->start[b]; k < m->start[b + 1]; k++) {
		const needle *nd = &m->v[k];
		size_t e = match_at(nd, text, len, p);
		if (e == 0 ||
		    (nd->latin_start && !word_starts(text, p, hyphen_joins)))
			continue;
		if (nd->latin_end && !word_ends(text, len, e, hyphen_joins)) {
			if (near)
				*near = true;
			continue;
		}
		*end = e;
		return nd;
	}
	return NULL;
}

/* Whether a needle of M may start at byte P of TEXT (LEN bytes), by
 * its first two or three bytes: the cheap test of a candidate of
 * tl_glossary_find(), which most fail. */
static inline bool may_start(const matcher *m, const unsigned char *u,
                             size_t len, size_t p)
{
	unsigned ra = u[p], rb = p + 1 < len ? u[p + 1] : 0u;
	if (!bit_at(m->pairs, ra << 8 | rb))
		return false;
	unsigned a = fold((unsigned char)ra), b = fold((unsigned char)rb);
	unsigned pair = a << 8 | b;
	return bit_at(m->weak, pair) ||
	       (p + 2 < len && bit_at(m->tri, tri_hash(a, b, fold(u[p + 2]))));
}

/* Whether a needle of M starts at byte P of TEXT (LEN bytes), a
 * candidate of tl_glossary_find() that may_start() let through; the
 * longest one into *HIT. */
static bool try_at(const matcher *m, const char *text, size_t len, size_t p,
                   bool hyphen_joins, tl_gloss_hit *hit, bool *near)
{
	const unsigned char *u = (const unsigned char *)text;
	if ((m->cls[u[p]] & CLS_ALNUM) && !word_starts(text, p, hyphen_joins))
		return false;
	size_t e;
	const needle *nd = find_at(m, text, len, p, hyphen_joins, &e, near);
	if (!nd)
		return false;
	hit->start = p;
	hit->end = e;
	hit->entry = nd->entry;
	return true;
}

#if defined(__SSE2__)
/* find() for a matcher with few first bytes (M->nfirst), 16 bytes of
 * TEXT at a time in SSE2 (which every x86-64 processor has): each byte
 * compared with each first byte, and whether it is a letter or digit
 * found by two range tests, where the loop of find() looks each byte up
 * in M->cls. The candidates are those of find(), and a few more: the
 * bytes are compared with the first bytes ORed with 0x20, as letters
 * fold, so that a byte that differs from a first byte in that bit only
 * (a letter's other case, and '@' for '`', C4 for E4) is one too;
 * try_at() finds no needle there, its first two bytes being no needle's
 * (it folds only letters). */
static bool find16(const matcher *m, const char *text, size_t len, size_t from,
                   bool hyphen_joins, tl_gloss_hit *hit, bool *near)
{
	const unsigned char *u = (const unsigned char *)text;
	/* The first bytes, each in a register (MAX_FIRST is 8): the same
	 * eight comparisons whatever their number. */
#define FIRST(i) _mm_loadu_si128((const __m128i *)m->first[i])
	const __m128i f0 = FIRST(0), f1 = FIRST(1), f2 = FIRST(2),
	              f3 = FIRST(3), f4 = FIRST(4), f5 = FIRST(5),
	              f6 = FIRST(6), f7 = FIRST(7);
#undef FIRST
	const __m128i case_bit = _mm_set1_epi8(0x20), a = _mm_set1_epi8('a'),
	              letters = _mm_set1_epi8(25), zero = _mm_set1_epi8('0'),
	              digits = _mm_set1_epi8(9);
	uint32_t prev = 0; /* whether the byte before BASE is alphanumeric */
	for (size_t base = from; base < len; base += 16) {
		__m128i v;
		if (len - base >= 16) {
			v = _mm_loadu_si128((const __m128i *)(u + base));
		} else {
			/* The last bytes, padded with NULs: no first byte
			 * (a needle starts with none, nor with a space, what
			 * a NUL ORed with 0x20 is), no letter or digit. */
			unsigned char last[16] = {0};
			memcpy(last, u + base, len - base);
			v = _mm_loadu_si128((const __m128i *)last);
		}
		__m128i lc = _mm_or_si128(v, case_bit);
		__m128i starts = _mm_or_si128(
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(lc, f0),
		                              _mm_cmpeq_epi8(lc, f1)),
		                 _mm_or_si128(_mm_cmpeq_epi8(lc, f2),
		                              _mm_cmpeq_epi8(lc, f3))),
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(lc, f4),
		                              _mm_cmpeq_epi8(lc, f5)),
		                 _mm_or_si128(_mm_cmpeq_epi8(lc, f6),
		                              _mm_cmpeq_epi8(lc, f7))));
		/* x <= k, unsigned, as min(x, k) == x. */
		__m128i l = _mm_sub_epi8(lc, a), d = _mm_sub_epi8(v, zero);
		__m128i alnum =
		    _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(l, letters), l),
		                 _mm_cmpeq_epi8(_mm_min_epu8(d, digits), d));
		uint32_t st = (uint32_t)_mm_movemask_epi8(starts);
		uint32_t an = (uint32_t)_mm_movemask_epi8(alnum);
		uint32_t cand = st & ~(an & (an << 1 | prev));
		prev = an >> 15;
		while (cand) {
			size_t p = base + lowest_bit(cand);
			if (may_start(m, u, len, p) &&
			    try_at(m, text, len, p, hyphen_joins, hit, near))
				return true;
			cand &= cand - 1;
		}
	}
	return false;
}
#endif

/* tl_glossary_find(), and tl_glossary_find_near() with NEAR. */
static bool find(const tl_glossary *g, tl_gloss_kind kind, const char *text,
                 size_t len, size_t from, tl_gloss_hit *hit, bool *near)
{
	if (!g)
		return false;
	const matcher *m = &g->m[kind];
	if (m->n == 0)
		return false;
	bool hyphen_joins = kind != TL_GLOSS_TERM;
#if defined(__SSE2__)
	if (m->nfirst)
		return find16(m, text, len, from, hyphen_joins, hit, near);
#endif
	const unsigned char *u = (const unsigned char *)text;
	const uint8_t *cls = m->cls;
	/* A needle is tried at a byte some needle starts with (a UTF-8
	 * continuation byte never is one, so a needle is tried only at the
	 * start of a character), but not inside a run of letters and
	 * digits: a needle starting with a letter or digit must start a
	 * word, and none does there. The bytes' classes are gathered 16 at
	 * a time, two bits each (CLS_START at bit 2i, CLS_ALNUM at bit
	 * 2i + 1), and the candidates read off them: the loop takes a
	 * branch per candidate, not two per byte. FROM itself is a
	 * candidate whatever is before it (word_starts() judges it). */
	uint32_t prev = 0; /* CLS_ALNUM of the byte before BASE, at bit 0 */
	for (size_t base = from; base < len; base += 16) {
		uint32_t c = 0;
		if (len - base >= 16) {
			/* A constant count: the compiler unrolls it. */
			for (unsigned i = 0; i < 16; i++)
				c |= (uint32_t)cls[u[base + i]] << (2 * i);
		} else {
			for (size_t i = 0; base + i < len; i++)
				c |= (uint32_t)cls[u[base + i]] << (2 * i);
		}
		uint32_t alnum = (c >> 1) & 0x55555555u;
		uint32_t cand =
		    c & 0x55555555u & ~(alnum & (alnum << 2 | prev));
		prev = alnum >> 30;
		while (cand) {
			size_t p = base + lowest_bit(cand) / 2;
			if (may_start(m, u, len, p) &&
			    try_at(m, text, len, p, hyphen_joins, hit, near))
				return true;
			cand &= cand - 1;
		}
	}
	return false;
}

bool tl_glossary_find(const tl_glossary *g, tl_gloss_kind kind,
                      const char *text, size_t len, size_t from,
                      tl_gloss_hit *hit)
{
	return find(g, kind, text, len, from, hit, NULL);
}

bool tl_glossary_find_near(const tl_glossary *g, tl_gloss_kind kind,
                           const char *text, size_t len, size_t from,
                           tl_gloss_hit *hit, bool *near)
{
	*near = false;
	return find(g, kind, text, len, from, hit, near);
}

void tl_gloss_entry_renderings(const tl_gloss_entry *e, const char *sep,
                               tl_buf *out)
{
	tl_buf_puts(out, "");
	for (size_t k = 0; k < e->nzh; k++) {
		if (k)
			tl_buf_puts(out, sep);
		tl_buf_puts(out, e->zh[k]);
	}
	if (e->keep_english) {
		if (e->nzh)
			tl_buf_puts(out, sep);
		tl_buf_puts(out, e->terms[0]);
	}
}

/* ---- Merging ------------------------------------------------------------ */

static bool shares_term(const tl_gloss_entry *a, const tl_gloss_entry *b)
{
	bool same = false;
	for (size_t i = 0; i < a->nterms && !same; i++) {
		char *x = fold_text(a->terms[i], true);
		for (size_t k = 0; k < b->nterms && !same; k++) {
			char *y = fold_text(b->terms[k], true);
			same = strcmp(x, y) == 0;
			free(y);
		}
		free(x);
	}
	return same;
}

tl_glossary *tl_glossary_merge(const tl_glossary *base, const tl_glossary *add)
{
	tl_glossary *g = glossary_new();
	size_t cap = 0;
	for (size_t i = 0; base && i < base->n; i++) {
		bool replaced = false;
		for (size_t k = 0; k < add->n && !replaced; k++)
			replaced = shares_term(&base->e[i], &add->e[k]);
		if (replaced)
			continue;
		g->e = tl_grow(g->e, g->n, &cap, sizeof *g->e);
		entry_copy(&g->e[g->n++], &base->e[i]);
	}
	for (size_t i = 0; i < add->n; i++) {
		g->e = tl_grow(g->e, g->n, &cap, sizeof *g->e);
		entry_copy(&g->e[g->n++], &add->e[i]);
	}
	for (size_t i = 0; base && i < base->files.n; i++)
		tl_option_list_add(&g->files, base->files.items[i]);
	for (size_t i = 0; i < add->files.n; i++)
		tl_option_list_add(&g->files, add->files.items[i]);
	compile(g);
	return g;
}

/* ---- Reading the file --------------------------------------------------- */

typedef struct reader {
	const char *path;
	yaml_document_t doc;
	tl_error *err;
} reader;

static bool fail(reader *r, const yaml_node_t *n, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static bool fail(reader *r, const yaml_node_t *n, const char *fmt, ...)
{
	char msg[900];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	tl_error_set(r->err, r->path, n ? n->start_mark.line + 1 : 0,
	             n ? n->start_mark.column + 1 : 0, "%s", msg);
	return false;
}

static const char *scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE
	           ? (const char *)n->data.scalar.value
	           : NULL;
}

static const char *kind_name(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_MAPPING_NODE:
		return "a map";
	case YAML_SEQUENCE_NODE:
		return "a list";
	default:
		return "a value";
	}
}

/* Is S nothing but white space? */
static bool blank(const char *s)
{
	for (; *s; s++)
		if (!strchr(" \t\r\n", *s))
			return false;
	return true;
}

/* Reads KEY's value N, a string or a list of strings, into *OUT (each
 * trimmed and not empty). */
static bool strings_of(reader *r, const char *key, yaml_node_t *n, char ***out,
                       size_t *nout)
{
	yaml_node_t *one[1] = {n};
	yaml_node_t **items = one;
	size_t count = 1;
	if (n->type == YAML_SEQUENCE_NODE) {
		count = (size_t)(n->data.sequence.items.top -
		                 n->data.sequence.items.start);
		items = tl_xmalloc((count + 1) * sizeof *items);
		for (size_t i = 0; i < count; i++)
			items[i] = yaml_document_get_node(
			    &r->doc, n->data.sequence.items.start[i]);
	} else if (!scalar(n)) {
		return fail(r, n,
		            "'%s' must be a string or a list of strings, "
		            "not %s",
		            key, kind_name(n));
	}
	bool ok = true;
	for (size_t i = 0; i < count && ok; i++) {
		const char *s = scalar(items[i]);
		if (!s)
			ok = fail(r, items[i],
			          "'%s' must be a list of strings, not hold %s",
			          key, kind_name(items[i]));
		else if (blank(s))
			ok = fail(r, items[i], "'%s' holds an empty string",
			          key);
		else {
			/* Kept as written, trimmed. */
			*out = tl_xrealloc(*out, (*nout + 2) * sizeof **out);
			const char *a = s;
			while (*a && strchr(" \t\r\n", *a))
				a++;
			size_t l = strlen(a);
			while (l && strchr(" \t\r\n", a[l - 1]))
				l--;
			(*out)[(*nout)++] = tl_xstrndup(a, l);
		}
	}
	if (items != one)
		free(items);
	return ok;
}

/* Where in F an entry's term was first written, for duplicates. */
typedef struct seen_term {
	char *folded;
	size_t line;
} seen_term;

static bool read_entry(reader *r, yaml_node_t *m, tl_gloss_entry *e,
                       seen_term **seen, size_t *nseen)
{
	static const char *const keys[] = {"term", "zh", "reject",
	                                   "keep-english", NULL};
	yaml_node_t *vals[4] = {NULL};
	if (m->type != YAML_MAPPING_NODE)
		return fail(r, m,
		            "a glossary entry must be a map {term, zh, reject, "
		            "keep-english}, not %s",
		            kind_name(m));
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start;
	     p < m->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&r->doc, p->key);
		const char *name = scalar(k);
		if (!name)
			return fail(r, k, "keys must be plain names, not %s",
			            kind_name(k));
		size_t i = 0;
		while (keys[i] && strcmp(keys[i], name) != 0)
			i++;
		if (!keys[i]) {
			tl_nearest s = tl_nearest_start(name, strlen(name));
			for (size_t j = 0; keys[j]; j++)
				tl_nearest_add(&s, keys[j], strlen(keys[j]));
			const char *near = tl_nearest_typo(&s);
			char hint[200] = "";
			if (near)
				snprintf(hint, sizeof hint,
				         " (did you mean '%s'?)", near);
			return fail(r, k,
			            "unknown key '%s' in a glossary entry "
			            "(term, zh, reject, keep-english)%s",
			            name, hint);
		}
		vals[i] = yaml_document_get_node(&r->doc, p->value);
	}
	if (!vals[0])
		return fail(r, m, "a glossary entry needs a term");
	if (!strings_of(r, "term", vals[0], &e->terms, &e->nterms))
		return false;
	if (e->nterms == 0)
		return fail(r, vals[0], "a glossary entry needs a term");
	if (vals[1] && !strings_of(r, "zh", vals[1], &e->zh, &e->nzh))
		return false;
	if (vals[2] &&
	    !strings_of(r, "reject", vals[2], &e->reject, &e->nreject))
		return false;
	if (vals[3]) {
		const char *v = scalar(vals[3]);
		if (v && (!strcmp(v, "true") || !strcmp(v, "yes")))
			e->keep_english = true;
		else if (!v || (strcmp(v, "false") && strcmp(v, "no")))
			return fail(r, vals[3],
			            "'keep-english' must be true or false");
	}
	if (e->nzh == 0 && e->nreject == 0 && !e->keep_english)
		return fail(r, m,
		            "the entry for '%s' has nothing to check: give zh, "
		            "reject or keep-english: true",
		            e->terms[0]);
	/* A rendering both accepted and rejected is a mistake of the
	 * file, as is a term defined twice. */
	for (size_t i = 0; i < e->nreject; i++) {
		char *x = fold_text(e->reject[i], false);
		bool clash = false;
		for (size_t k = 0; k < e->nzh && !clash; k++) {
			char *y = fold_text(e->zh[k], false);
			clash = strcmp(x, y) == 0;
			free(y);
		}
		for (size_t k = 0; k < e->nterms && !clash && e->keep_english;
		     k++) {
			char *y = fold_text(e->terms[k], false);
			clash = strcmp(x, y) == 0;
			free(y);
		}
		free(x);
		if (clash)
			return fail(
			    r, vals[2],
			    "'%s' is both accepted and rejected for '%s'",
			    e->reject[i], e->terms[0]);
	}
	for (size_t i = 0; i < e->nterms; i++) {
		char *t = fold_text(e->terms[i], true);
		for (size_t k = 0; k < *nseen; k++)
			if (strcmp((*seen)[k].folded, t) == 0) {
				size_t line = (*seen)[k].line;
				free(t);
				return fail(r, vals[0],
				            "term '%s' is already in the "
				            "glossary, at line %zu",
				            e->terms[i], line);
			}
		*seen = tl_xrealloc(*seen, (*nseen + 1) * sizeof **seen);
		(*seen)[(*nseen)++] =
		    (seen_term){t, vals[0]->start_mark.line + 1};
	}
	return true;
}

/* The entries ITEMS[0..N) of R's document into a new glossary, or NULL
 * (R's error filled). */
static tl_glossary *entries_of(reader *r, yaml_node_t **items, size_t n)
{
	tl_glossary *g = glossary_new();
	tl_option_list_add(&g->files, r->path);
	seen_term *seen = NULL;
	size_t nseen = 0, cap = 0;
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++) {
		g->e = tl_grow(g->e, g->n, &cap, sizeof *g->e);
		memset(&g->e[g->n], 0, sizeof *g->e);
		ok = read_entry(r, items[i], &g->e[g->n], &seen, &nseen);
		g->n++;
	}
	for (size_t i = 0; i < nseen; i++)
		free(seen[i].folded);
	free(seen);
	if (!ok) {
		tl_glossary_unref(g);
		return NULL;
	}
	compile(g);
	return g;
}

tl_glossary *tl_glossary_of_nodes(const char *path, yaml_document_t *doc,
                                  yaml_node_t **items, size_t n, tl_error *err)
{
	reader r = {path, *doc, err};
	return entries_of(&r, items, n);
}

tl_glossary *tl_glossary_parse(const char *path, const char *data, size_t len,
                               tl_error *err)
{
	reader r;
	memset(&r, 0, sizeof r);
	r.path = path;
	r.err = err;
	yaml_parser_t parser;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (!yaml_parser_load(&parser, &r.doc)) {
		tl_error_set(
		    err, path, parser.problem_mark.line + 1,
		    parser.problem_mark.column + 1, "YAML syntax error: %s%s%s",
		    parser.problem ? parser.problem : "YAML syntax error",
		    parser.context ? " " : "",
		    parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		return NULL;
	}
	yaml_parser_delete(&parser);

	tl_glossary *g = NULL;
	yaml_node_t *root = yaml_document_get_root_node(&r.doc);
	if (root && root->type == YAML_SCALAR_NODE &&
	    root->data.scalar.length == 0)
		root = NULL; /* an empty file: no entries */
	if (root && root->type != YAML_SEQUENCE_NODE) {
		fail(&r, root,
		     "a glossary must be a list of entries {term, zh, reject, "
		     "keep-english}, not %s",
		     kind_name(root));
	} else {
		size_t n = root ? (size_t)(root->data.sequence.items.top -
		                           root->data.sequence.items.start)
		                : 0;
		yaml_node_t **items = tl_xmalloc((n + 1) * sizeof *items);
		for (size_t i = 0; i < n; i++)
			items[i] = yaml_document_get_node(
			    &r.doc, root->data.sequence.items.start[i]);
		g = entries_of(&r, items, n);
		free(items);
	}
	yaml_document_delete(&r.doc);
	return g;
}
