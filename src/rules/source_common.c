/*
 * source_common.c: what the source rules share (rule.h, "Comparing with
 * the original"): finding a translated block's original, placing a
 * finding about a block that has no translation, testing a pair's
 * anchors, and quoting a block in a message. Every function reads the
 * alignment (align.h) and nothing else of the rules.
 */
#include "rule.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

size_t tl_pairing_original_of(const tl_pairing *p, size_t j, size_t *n)
{
	const tl_align_pair *pr = tl_align_pair_of_trans(p->al, j);
	*n = pr ? pr->norig : 0;
	return pr && pr->norig ? pr->orig : TL_NONE;
}

/* The span of the first line of block B of SRC. */
static void first_line(const tl_source *src, const tl_align_block *b,
                       size_t *start, size_t *end)
{
	const char *nl = memchr(src->data + b->start, '\n', b->end - b->start);
	size_t e = nl ? (size_t)(nl - src->data) : b->end;
	if (e > b->start && src->data[e - 1] == '\r')
		e--;
	*start = b->start;
	*end = e;
}

void tl_pairing_place(const tl_pairing *p, size_t k, size_t *start, size_t *end)
{
	const tl_align *al = p->al;
	const tl_align_block *tb = al->trans->blocks;
	if (al->pairs[k].ntrans) {
		first_line(p->trans, &tb[al->pairs[k].trans], start, end);
		return;
	}
	for (size_t i = k + 1; i < al->npairs; i++)
		if (al->pairs[i].ntrans) {
			*start = *end = tb[al->pairs[i].trans].start;
			return;
		}
	for (size_t i = k; i-- > 0;)
		if (al->pairs[i].ntrans) {
			const tl_align_pair *q = &al->pairs[i];
			*start = *end = tb[q->trans + q->ntrans - 1].end;
			return;
		}
	*start = *end = p->trans->body;
}

bool tl_pairing_has(const tl_pairing *p, const tl_align_pair *pr, bool orig,
                    uint64_t hash)
{
	const tl_align_doc *ad = orig ? p->al->orig : p->al->trans;
	size_t first = orig ? pr->orig : pr->trans;
	size_t n = orig ? pr->norig : pr->ntrans;
	for (size_t i = 0; i < n; i++)
		if (tl_align_block_has(&ad->blocks[first + i], hash))
			return true;
	return false;
}

bool tl_pairing_near_has(const tl_pairing *p, size_t first, size_t end,
                         uint64_t hash)
{
	for (size_t j = first; j < end; j++)
		if (tl_align_block_has(&p->al->trans->blocks[j], hash))
			return true;
	return false;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool tl_pairing_near_text(const tl_pairing *p, size_t first, size_t end,
                          const char *s, size_t n, bool digits)
{
	const char *d = p->trans->data;
	/* Found by its last byte: the first of a Chinese character's is
	 * shared by thousands of others. */
	char last = n ? s[n - 1] : 0;
	for (size_t j = first; j < end && n; j++) {
		const tl_align_block *b = &p->al->trans->blocks[j];
		size_t at = b->start + n - 1;
		while (at < b->end) {
			const char *l = memchr(d + at, last, b->end - at);
			if (!l)
				break;
			const char *f = l - (n - 1);
			size_t o = (size_t)(f - d);
			if (memcmp(f, s, n) == 0 &&
			    (!digits || ((o == 0 || !is_digit(d[o - 1])) &&
			                 !is_digit(d[o + n]))))
				return true;
			at = (size_t)(l - d) + 1;
		}
	}
	return false;
}

size_t tl_pairing_sum(const tl_pairing *p, size_t first, size_t end, bool orig,
                      tl_pairing_counter count, const void *arg)
{
	size_t n = 0;
	const tl_align_pair *last = NULL;
	for (size_t j = first; j < end; j++) {
		if (!orig) {
			n += count(p, false, &p->al->trans->blocks[j], arg);
			continue;
		}
		/* A pair's translated blocks are consecutive: its
		 * original blocks are counted at the first of them. */
		const tl_align_pair *pr = tl_align_pair_of_trans(p->al, j);
		if (!pr || pr == last)
			continue;
		last = pr;
		for (size_t i = pr->orig; i < pr->orig + pr->norig; i++)
			n += count(p, true, &p->al->orig->blocks[i], arg);
	}
	return n;
}

const tl_align_anchor *tl_pairing_altered(const tl_pairing *p, size_t k,
                                          const tl_align_anchor *missing,
                                          const uint64_t *used, size_t n)
{
	const tl_align_pair *pr = &p->al->pairs[k];
	const tl_align_anchor *best = NULL;
	size_t best_d = 0, ml = strlen(missing->key);
	for (size_t j = pr->trans; j < pr->trans + pr->ntrans; j++) {
		const tl_align_block *tb = &p->al->trans->blocks[j];
		for (size_t a = 0; a < tb->nanchors; a++) {
			const tl_align_anchor *an = &tb->anchors[a];
			if (an->type != missing->type ||
			    tl_pairing_has(p, pr, true, an->hash))
				continue;
			bool taken = false;
			for (size_t u = 0; u < n && !taken; u++)
				taken = used[u] == an->hash;
			if (taken)
				continue;
			size_t al = strlen(an->key);
			size_t d =
			    tl_edit_distance(missing->key, ml, an->key, al);
			size_t longer = al > ml ? al : ml;
			if (2 * d <= longer && (!best || d < best_d)) {
				best = an;
				best_d = d;
			}
		}
	}
	return best;
}

const char *tl_pairing_kind_name(tl_check *ck, const tl_align_block *b)
{
	static const char *const zh[TL_ALIGN_NKINDS] = {
	    [TL_ALIGN_FRONT_MATTER] = "前置元数据",
	    [TL_ALIGN_META] = "元数据行",
	    [TL_ALIGN_HEADING] = "标题",
	    [TL_ALIGN_PARAGRAPH] = "段落",
	    [TL_ALIGN_ITEM] = "列表项",
	    [TL_ALIGN_QUOTE] = "引用段落",
	    [TL_ALIGN_TABLE_ROW] = "表格行",
	    [TL_ALIGN_CODE] = "代码块",
	    [TL_ALIGN_IMAGE] = "图片",
	    [TL_ALIGN_HTML] = "HTML 块",
	    [TL_ALIGN_BREAK] = "分隔线",
	};
	return tl_check_lang(ck) == TL_LANG_ZH ? zh[b->kind]
	                                       : tl_align_kind_name(b->kind);
}

const char *tl_pairing_excerpt(tl_check *ck, const tl_source *src,
                               const tl_align_block *b, size_t max)
{
	size_t s, e;
	first_line(src, b, &s, &e);
	const char *d = src->data;
	/* Container and heading markers, then spaces. */
	for (;;) {
		while (s < e && (d[s] == ' ' || d[s] == '\t'))
			s++;
		if (s < e && (d[s] == '#' || d[s] == '>')) {
			while (s < e && (d[s] == '#' || d[s] == '>'))
				s++;
			continue;
		}
		if (s + 1 < e && (d[s] == '-' || d[s] == '*' || d[s] == '+') &&
		    d[s + 1] == ' ') {
			s += 2;
			continue;
		}
		size_t q = s;
		while (q < e && d[q] >= '0' && d[q] <= '9')
			q++;
		if (q > s && q + 1 < e && (d[q] == '.' || d[q] == ')') &&
		    d[q + 1] == ' ') {
			s = q + 2;
			continue;
		}
		break;
	}
	while (e > s && (d[e - 1] == ' ' || d[e - 1] == '\t'))
		e--;
	/* At most MAX characters, cut at a character boundary. */
	size_t q = s, chars = 0;
	while (q < e && chars < max) {
		uint32_t cp;
		size_t k = tl_utf8_decode_fast(d + q, e - q, &cp);
		q += k ? k : 1;
		chars++;
	}
	const char *more = q < e ? "…" : "";
	return tl_check_printf(ck, "%.*s%s", (int)(q - s), d + s, more);
}

bool tl_pairing_is_comment(const tl_source *src, const tl_align_block *b)
{
	size_t s = b->start, e = b->end;
	const char *d = src->data;
	while (s < e && (d[s] == ' ' || d[s] == '\t'))
		s++;
	while (e > s && (d[e - 1] == ' ' || d[e - 1] == '\t' ||
	                 d[e - 1] == '\n' || d[e - 1] == '\r'))
		e--;
	return e - s >= 7 && memcmp(d + s, "<!--", 4) == 0 &&
	       memcmp(d + e - 3, "-->", 3) == 0;
}

bool tl_text_has_cjk(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = tl_utf8_decode_fast(s + i, n - i, &cp);
		if (tl_char_is_cjk(cp))
			return true;
		i += k ? k : 1;
	}
	return false;
}

uint64_t tl_hash_words(uint64_t h, const char *s, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 1099511628211ull;
		h ^= h >> 32;
	}
	for (; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

/* Whether the N bytes at W, a Latin word, stand as a whole word in the
 * LEN bytes at H, letters compared without case. */
static bool has_word(const char *h, size_t len, const char *w, size_t n)
{
	for (size_t i = 0; i + n <= len; i++) {
		if (strncasecmp(h + i, w, n) != 0)
			continue;
		bool before = i > 0 && isalnum((unsigned char)h[i - 1]);
		bool after = i + n < len && isalnum((unsigned char)h[i + n]);
		if (!before && !after)
			return true;
	}
	return false;
}

/* How many words of translated block TB (in T) stand as whole words in
 * line L (N bytes): runs of letters (and digits when DIGITS) of LEAST
 * bytes or more, counted up to ENOUGH. */
static size_t words_in_line(const char *t, const tl_align_block *tb,
                            const char *l, size_t n, bool digits, size_t least,
                            size_t enough)
{
	size_t hits = 0;
	for (size_t w = tb->start; w < tb->end && hits < enough;) {
		size_t x = w;
		while (x < tb->end && (digits ? isalnum((unsigned char)t[x])
		                              : isalpha((unsigned char)t[x])))
			x++;
		if (x - w >= least && has_word(l, n, t + w, x - w))
			hits++;
		w = x > w ? x : w + 1;
	}
	return hits;
}

/* Whether FITS holds of the translated block of pair K of P (in T) and a
 * line (L, N bytes) of an original code block within three pairs of K. */
static bool near_code_line(const tl_pairing *p, size_t k,
                           bool (*fits)(const char *t, const tl_align_block *tb,
                                        const char *l, size_t n))
{
	const tl_align *al = p->al;
	const tl_align_block *tb = &al->trans->blocks[al->pairs[k].trans];
	const char *d = p->src->data;
	for (size_t q = k > 3 ? k - 3 : 0; q < al->npairs && q <= k + 3; q++)
		for (size_t i = 0; i < al->pairs[q].norig; i++) {
			const tl_align_block *ob =
			    &al->orig->blocks[al->pairs[q].orig + i];
			if (ob->kind != TL_ALIGN_CODE)
				continue;
			for (size_t l = ob->start; l < ob->end;) {
				const char *nl =
				    memchr(d + l, '\n', ob->end - l);
				size_t e = nl ? (size_t)(nl - d) : ob->end;
				if (fits(p->trans->data, tb, d + l, e - l))
					return true;
				l = e + 1;
			}
		}
	return false;
}

/* A Markdown heading line ("## Title" to "###### Title": a shell comment
 * has one '#') with a word of translated heading TB. */
static bool heading_line(const char *t, const tl_align_block *tb, const char *l,
                         size_t n)
{
	size_t h = 0;
	while (h < n && l[h] == ' ')
		h++;
	size_t m = h;
	while (m < n && l[m] == '#')
		m++;
	return m - h >= 2 && m - h <= 6 && m < n && l[m] == ' ' &&
	       words_in_line(t, tb, l + m, n - m, false, 2, 1) == 1;
}

bool tl_pairing_heading_in_code(const tl_pairing *p, size_t k)
{
	const tl_align *al = p->al;
	if (al->trans->blocks[al->pairs[k].trans].kind != TL_ALIGN_HEADING)
		return false;
	return near_code_line(p, k, heading_line);
}

bool tl_pairing_is_icon(const char *key)
{
	size_t n = strcspn(key, "?#"), s = n;
	while (s > 0 && key[s - 1] != '/')
		s--;
	const char *f = key + s;
	return (n - s == 11 && strncmp(f, "favicon.ico", 11) == 0) ||
	       strncmp(f, "android-chrome-", 15) == 0 ||
	       strncmp(f, "apple-touch-icon", 16) == 0 ||
	       strstr(key, "/content/images/size/w256h256/");
}

/* Whether line L (N bytes) reads as a sentence of prose: a capital
 * first, six words or more, a colon or full stop last. */
static bool prose_line(const char *l, size_t n)
{
	while (n && (l[n - 1] == ' ' || l[n - 1] == '\r'))
		n--;
	while (n && *l == ' ')
		l++, n--;
	if (n < 20 || !isupper((unsigned char)l[0]) ||
	    (l[n - 1] != ':' && l[n - 1] != '.'))
		return false;
	size_t words = 1;
	for (size_t i = 1; i < n; i++)
		words += l[i] == ' ' && l[i - 1] != ' ';
	return words >= 6;
}

/* A line of prose with two words of translated block TB. */
static bool prose_in_line(const char *t, const tl_align_block *tb,
                          const char *l, size_t n)
{
	return prose_line(l, n) && words_in_line(t, tb, l, n, true, 3, 2) == 2;
}

bool tl_pairing_prose_in_code(const tl_pairing *p, size_t k)
{
	const tl_align *al = p->al;
	const tl_align_block *tb = &al->trans->blocks[al->pairs[k].trans];
	if (!tb->ncjk ||
	    (tb->kind != TL_ALIGN_PARAGRAPH && tb->kind != TL_ALIGN_ITEM &&
	     tb->kind != TL_ALIGN_QUOTE))
		return false;
	return near_code_line(p, k, prose_in_line);
}
