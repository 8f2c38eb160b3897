/*
 * source-number: a number of an original block missing from its
 * translation (`4.15 billion` translated as `4.5 亿`, a year changed, a
 * count dropped).
 *
 * A number survives translation, but not always as written: Chinese
 * counts in 万 and 亿 where English counts in thousands, millions and
 * billions, drops thousands separators, and writes small counts as
 * numerals. Numbers are therefore compared by their significant digits
 * (align.h's number anchors: `4.15 billion` and `41.5 亿` both give 415,
 * `1,000` and `1000` both 1, `2 million` and `200 万` both 2, `10%` 1).
 * A year (four digits from 1000 to 2999) must come back exactly, as must
 * a version (`1.2.3`, kept as written by the anchors); a whole number up
 * to twelve may come back as a Chinese numeral (三, 十二, 两 for 2) or
 * an English number word. Numbers inside code (inline or blocks) are not
 * this rule's: source-inline-code and source-code compare them exactly.
 *
 * A number is looked for in the translated blocks of its pair and in the
 * block just before and after them (those of prose: not in a code block,
 * whose numbers are the code's), by its key or as the original writes
 * it (glued to a word, "Windows3.2", it is no anchor there): translators move a
 * clause across a sentence break, and a number found there is no loss.
 * Unless the pair changed it: a number the original writes twice nearby
 * (a version in the title and the paragraph) is then found in the copy
 * left, so the pair's counts are compared as well (changed()).
 *
 * What a reviewer must see is a changed number: the translation writes,
 * where the original's number was, another one a digit away from it
 * (changed() finds that copy). A number merely absent is most often a
 * free rendering ("as shown in Figure 1" → "如下图所示", "3D" → "立体",
 * "the early 2000s" → "21 世纪初"), so a lost number without a changed
 * copy is reported only when it matters on its own (significant(): a
 * version, a decimal, a whole number from 100, a unit or a price), not
 * in a heading (titles are rewritten freely: "… in 2022" dropped), and
 * the translation writes it nowhere else (anywhere()).
 */
#include "rule.h"

#include <stdio.h>
#include <string.h>

/* The Chinese numerals and English words of 0 to 12. */
static const char *const numerals[13][4] = {
    {"零", "〇", "zero", NULL},     {"一", "one", NULL, NULL},
    {"二", "两", "俩", "two"},      {"三", "three", NULL, NULL},
    {"四", "four", NULL, NULL},     {"五", "five", NULL, NULL},
    {"六", "six", NULL, NULL},      {"七", "seven", NULL, NULL},
    {"八", "eight", NULL, NULL},    {"九", "nine", NULL, NULL},
    {"十", "ten", NULL, NULL},      {"十一", "eleven", NULL, NULL},
    {"十二", "twelve", NULL, NULL},
};

/* Blocks whose numbers are compared: prose, table rows, images. */
static bool compared(const tl_align_block *b)
{
	return tl_pairing_is_prose(b) || b->kind == TL_ALIGN_IMAGE;
}

/* Whether number anchor AN of original block B lies in a code span: an
 * odd number of backticks between the start of its line and it ("`nc(1)`"
 * is the code's, source-inline-code's). */
static bool in_code(const tl_source *src, const tl_align_block *b,
                    const tl_align_anchor *an)
{
	size_t s = an->start;
	if (s < b->start || s > b->end || s > src->len)
		return false;
	/* Back to the start of the line, counting, or to the block's first
	 * backtick: none before it. Most blocks have none. */
	const char *f = memchr(src->data + b->start, '`', s - b->start);
	if (!f)
		return false;
	size_t first = (size_t)(f - src->data), ticks = 0;
	for (size_t i = s; i > first && src->data[i - 1] != '\n'; i--)
		ticks += src->data[i - 1] == '`';
	return ticks % 2 == 1;
}

static bool letter_at(const char *d, size_t i, size_t end)
{
	return i < end &&
	       ((d[i] >= 'a' && d[i] <= 'z') || (d[i] >= 'A' && d[i] <= 'Z'));
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return n > 0;
}

/* Whether translated blocks [FIRST, END) write the decade of digit D
 * ("7" for the 1970s or the '70s): "70 年代", "70年代", "七十年代", or
 * "70" with "年代" just after it ("50 到 60 年代"). */
static bool decade_found(const tl_pairing *p, size_t first, size_t end, char d)
{
	char w[32];
	int l = snprintf(w, sizeof w, "%s十年代", numerals[d - '0'][0]);
	if (tl_pairing_near_text(p, first, end, w, (size_t)l, false))
		return true;
	const char *t = p->trans->data;
	for (size_t j = first; j < end; j++) {
		const tl_align_block *b = &p->al->trans->blocks[j];
		for (size_t i = b->start; i + 2 <= b->end; i++) {
			if (t[i] != d || t[i + 1] != '0' ||
			    (i > b->start && t[i - 1] >= '0' &&
			     t[i - 1] <= '9') ||
			    (i + 2 < b->end && t[i + 2] >= '0' &&
			     t[i + 2] <= '9'))
				continue;
			/* "年代" within the next 16 bytes, no line between. */
			for (size_t k = i + 2; k + 6 <= b->end && k < i + 18;
			     k++) {
				if (t[k] == '\n')
					break;
				if (memcmp(t + k, "年代", 6) == 0)
					return true;
			}
		}
	}
	return false;
}

/* How many times block B of text T holds W (N bytes), a Chinese
 * numeral, not as the end of a longer one ("十万" in "五十万") nor the
 * start of one ("三千" in "三千五"). */
static size_t numeral_count(const char *t, const tl_align_block *b,
                            const char *w, size_t n)
{
	static const char digits[] = "零〇一二两三四五六七八九十百千万亿";
	size_t count = 0;
	for (size_t i = b->start; i + n <= b->end; i++) {
		/* To the next place of W's last byte: its first, the lead
		 * byte of a CJK character (E4 to E9), starts a third of the
		 * bytes of Chinese text. */
		const char *f =
		    memchr(t + i + n - 1, w[n - 1], b->end - n + 1 - i);
		if (!f)
			break;
		i = (size_t)(f - t) - (n - 1);
		if (memcmp(t + i, w, n) != 0)
			continue;
		bool before = false, after = false;
		for (size_t c = 0; c + 3 <= sizeof digits - 1; c += 3) {
			before |= i >= b->start + 3 &&
			          memcmp(t + i - 3, digits + c, 3) == 0;
			after |= i + n + 3 <= b->end &&
			         memcmp(t + i + n, digits + c, 3) == 0;
		}
		count += !before && !after;
	}
	return count;
}

/* Whether translated blocks [FIRST, END) hold the Chinese numeral W (N
 * bytes) on its own (numeral_count). */
static bool numeral_at(const tl_pairing *p, size_t first, size_t end,
                       const char *w, size_t n)
{
	for (size_t j = first; j < end; j++)
		if (numeral_count(p->trans->data, &p->al->trans->blocks[j], w,
		                  n))
			return true;
	return false;
}

/* Whether translated blocks [FIRST, END) write V, a whole number with one
 * significant digit and at least one zero (d × 10^k), in Chinese
 * numerals: "十万" for 100,000, "一百" or "百" for 100, "三千" for 3000.
 * The units from 十 to 亿 (10^1 to 10^8). */
static bool numeral_found(const tl_pairing *p, size_t first, size_t end,
                          const char *s, size_t n)
{
	static const char *const units[] = {NULL,   "十",   "百",   "千", "万",
	                                    "十万", "百万", "千万", "亿"};
	char digits[40];
	size_t nd = 0;
	for (size_t i = 0; i < n && nd < sizeof digits - 1; i++)
		if (s[i] >= '0' && s[i] <= '9')
			digits[nd++] = s[i];
		else if (s[i] != ',')
			return false; /* a decimal point: not a whole number */
	if (nd < 2 || digits[0] == '0')
		return false;
	for (size_t i = 1; i < nd; i++)
		if (digits[i] != '0')
			return false;
	size_t k = nd - 1;
	if (k >= sizeof units / sizeof *units)
		return false;
	char w[32];
	int l = snprintf(w, sizeof w, "%s%s", numerals[digits[0] - '0'][0],
	                 units[k]);
	if (numeral_at(p, first, end, w, (size_t)l))
		return true;
	/* "十万", "百万", "千": one of them without "一". */
	return digits[0] == '1' &&
	       numeral_at(p, first, end, units[k], strlen(units[k]));
}

/* Whether the number written S (N bytes) of the original is found in
 * translated blocks [FIRST, END). WRITTEN: S is the original's text (not
 * the anchor's key, which drops the points of "22.04": no year);
 * DECADE: the original writes it as a decade ("the 1970s", "the '70s"),
 * which Chinese writes "70 年代" (or "20 世纪 70 年代", "七十年代"). */
static bool found(const tl_pairing *p, const tl_align_anchor *a, size_t first,
                  size_t end, const char *s, size_t n, bool written,
                  bool decade)
{
	bool year = written && n == 4 && all_digits(s, n) &&
	            (s[0] == '1' || s[0] == '2') &&
	            !letter_at(p->src->data, a->end, p->src->len);
	if (decade && (year || (n == 2 && all_digits(s, n))) &&
	    s[n - 1] == '0' && s[n - 2] != '0' &&
	    decade_found(p, first, end, s[n - 2]))
		return true;
	if (year)
		return tl_pairing_near_text(p, first, end, s, n, true);
	if (tl_pairing_near_has(p, first, end, a->hash) ||
	    tl_pairing_near_text(p, first, end, s, n, true))
		return true;
	if (written && numeral_found(p, first, end, s, n))
		return true;
	if (n <= 2 && all_digits(s, n)) {
		int v = n == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
		for (int k = 0; v <= 12 && k < 4 && numerals[v][k]; k++)
			if (tl_pairing_near_text(p, first, end, numerals[v][k],
			                         strlen(numerals[v][k]), false))
				return true;
	}
	return false;
}

static bool digit_at(const char *d, size_t i, size_t end)
{
	return i < end && d[i] >= '0' && d[i] <= '9';
}

/* A number as written, for tl_pairing_sum; counted in a block up to
 * CAP (once a block has that many, it is not looked at further). */
struct written {
	const char *s;
	size_t n;
	size_t cap;
};

/* The English word of W when it is zero or a whole number from two to
 * twelve ("four" for "4", "zero" for "0": "initialises the counter to
 * zero" is "初始化为 0"), else NULL. Not "one", a pronoun as often as a
 * number,
 * nor words joined by a hyphen ("non-zero", "two-thirds"), counted
 * below. */
static const char *english_word(const struct written *w)
{
	if (w->n > 2 || !all_digits(w->s, w->n) ||
	    (w->n == 2 && w->s[0] == '0'))
		return NULL;
	int v =
	    w->n == 1 ? w->s[0] - '0' : (w->s[0] - '0') * 10 + (w->s[1] - '0');
	for (int k = 0;
	     (v == 0 || (v >= 2 && v <= 12)) && k < 4 && numerals[v][k]; k++)
		if ((unsigned char)numerals[v][k][0] < 0x80)
			return numerals[v][k];
	return NULL;
}

/* How many times block B (of prose, not the project's template) writes
 * the number W: not inside a longer number ("22" in "5.22", "1" in
 * "10"), but anywhere else, code spans too (a translator may put "0, 1"
 * in code as "`0`、`1`"); a number up to twelve also as its English word
 * ("4 Simple Steps" above "these four simple steps", translated "4 个
 * 简单的步骤": the 4 of the title is the one lost). */
static size_t count_written(const tl_pairing *p, bool orig,
                            const tl_align_block *b, const void *arg)
{
	const struct written *w = arg;
	const char *d = orig ? p->src->data : p->trans->data;
	if (!compared(b) || (orig && tl_pairing_is_template(b)) || !w->n ||
	    !w->cap)
		return 0;
	size_t c = 0;
	for (size_t i = b->start; i + w->n <= b->end; i++) {
		/* To the next byte that may start W. */
		const char *f = memchr(d + i, w->s[0], b->end - w->n + 1 - i);
		if (!f)
			break;
		i = (size_t)(f - d);
		if (memcmp(d + i, w->s, w->n) != 0 ||
		    (i > b->start && digit_at(d, i - 1, b->end)) ||
		    (i > b->start + 1 && d[i - 1] == '.' &&
		     digit_at(d, i - 2, b->end)) ||
		    digit_at(d, i + w->n, b->end) ||
		    (d[i + w->n] == '.' && digit_at(d, i + w->n + 1, b->end)))
			continue;
		if (++c >= w->cap)
			return c;
	}
	const char *e = english_word(w);
	size_t l = e ? strlen(e) : 0;
	/* The next places of E's first letter in lower and in upper case
	 * (its words are lower case), found with memchr. */
	const char *lo = NULL, *up = NULL;
	for (size_t i = b->start; e && i + l <= b->end; i++) {
		const char *lim = d + b->end - l + 1;
		if (!lo || lo < d + i)
			lo = memchr(d + i, e[0], (size_t)(lim - (d + i)));
		if (!lo)
			lo = lim;
		if (!up || up < d + i)
			up = memchr(d + i, e[0] - 32, (size_t)(lim - (d + i)));
		if (!up)
			up = lim;
		const char *f = lo < up ? lo : up;
		if (f >= lim)
			break;
		i = (size_t)(f - d);
		/* The second letter first: E's first letter ("t", "f",
		 * "s") starts many words of English text. */
		c += (d[i + 1] | 0x20) == e[1] &&
		     strncasecmp(d + i, e, l) == 0 &&
		     !(i > b->start &&
		       (letter_at(d, i - 1, b->end) || d[i - 1] == '-')) &&
		     !letter_at(d, i + l, b->end) &&
		     !(i + l < b->end && d[i + l] == '-');
	}
	if (c >= w->cap)
		return c;
	/* And in the translation as its Chinese numeral, which stands for
	 * the English word ("two ways" → "两种方法"): without it, the
	 * original's words would outweigh the translation's digits. */
	if (e && !orig) {
		int v = w->n == 1 ? w->s[0] - '0'
		                  : (w->s[0] - '0') * 10 + (w->s[1] - '0');
		for (int k = 0; k < 4 && numerals[v][k]; k++)
			if ((unsigned char)numerals[v][k][0] >= 0x80)
				c += numeral_count(d, b, numerals[v][k],
				                   strlen(numerals[v][k]));
	}
	return c;
}

/* How many more times translated blocks [FIRST, END) write W than their
 * original blocks (negative: fewer). */
static long surplus(const tl_pairing *p, size_t first, size_t end,
                    const char *s, size_t n)
{
	struct written w = {s, n, SIZE_MAX};
	return (long)tl_pairing_sum(p, first, end, false, count_written, &w) -
	       (long)tl_pairing_sum(p, first, end, true, count_written, &w);
}

/* Whether the number of anchor AN of original block B may come back
 * with other digits by its magnitude: the original writes it with
 * thousands separators or a magnitude after it ("17,300", "$100k",
 * "60 billion"), or the pair's translated blocks [TS, TE) count in 万
 * or 亿 ("10 万", "600 亿"). Such a number is compared by its
 * significant digits only. */
static bool magnitude(const tl_pairing *p, const tl_align_anchor *an, size_t ts,
                      size_t te)
{
	static const char *const words[] = {"k",        "K",         "M",
	                                    " hundred", " thousand", " million",
	                                    " billion", " trillion", NULL};
	const char *d = p->src->data;
	if (memchr(d + an->start, ',', an->end - an->start))
		return true;
	for (size_t i = 0; words[i]; i++) {
		size_t l = strlen(words[i]);
		if (an->end + l <= p->src->len &&
		    memcmp(d + an->end, words[i], l) == 0)
			return true;
	}
	return tl_pairing_near_text(p, ts, te, "万", 3, false) ||
	       tl_pairing_near_text(p, ts, te, "亿", 3, false);
}

/* Whether S and T (N and M bytes) are one number changed into another:
 * a digit or two apart (a third of a long one). */
static bool near_number(const char *s, size_t n, const char *t, size_t m)
{
	size_t d = tl_edit_distance(s, n, t, m);
	if (d >= 1 && (d == 1 || 3 * d <= n))
		return true;
	/* Two digits swapped ("35%" written "53%"). */
	if (n != m || d != 2)
		return false;
	size_t i = 0, j;
	while (i < n && s[i] == t[i])
		i++;
	for (j = i + 1; j < n && s[j] == t[j];)
		j++;
	return j < n && s[i] == t[j] && s[j] == t[i] &&
	       memcmp(s + j + 1, t + j + 1, n - j - 1) == 0;
}

/* Whether number anchor Y of block B (of side ORIG) counts, with its
 * written form into *S, *N: in prose, outside code spans, written in
 * digits (not a key the anchor made), with no leading zero ("02", "00.1":
 * translators drop it). */
static bool counted(const tl_pairing *p, bool orig, const tl_align_block *b,
                    const tl_align_anchor *y, const char **s, size_t *n)
{
	const tl_source *src = orig ? p->src : p->trans;
	if (y->type != TL_ANCHOR_NUMBER || y->end <= y->start ||
	    y->end - y->start > 32 || !compared(b) ||
	    (orig && tl_pairing_is_template(b)) || in_code(src, b, y))
		return false;
	*s = src->data + y->start;
	*n = y->end - y->start;
	/* A link's reference label in the translation ("[eBPF][8]" whose
	 * definition is missing), no number of the text. */
	if (!orig && y->start >= 2 && src->data[y->start - 1] == '[' &&
	    src->data[y->start - 2] == ']' && y->end < src->len &&
	    src->data[y->end] == ']')
		return false;
	/* A month of the translation ("6 月 26 日" for "June 16"), which
	 * the original names in a word. */
	size_t at = y->end + (y->end < src->len && src->data[y->end] == ' ');
	if (!orig && *n <= 2 && at + 3 <= src->len &&
	    memcmp(src->data + at, "月", 3) == 0)
		return false;
	return (*s)[0] >= '0' && (*s)[0] <= '9' &&
	       !((*s)[0] == '0' && *n > 1 && (*s)[1] != '.');
}

/* Whether pair K, with translated blocks [TS, TE) and the blocks near
 * them [FIRST, END), writes number W (N bytes) fewer times than its
 * original blocks (ORIG true) or more times (ORIG false), and so do the
 * blocks near it (a number moved to a neighbour is neither). */
static bool unbalanced(const tl_pairing *p, size_t ts, size_t te, size_t first,
                       size_t end, const char *w, size_t n, bool orig)
{
	/* The pair's original blocks counted, then its translated ones
	 * only as far as the answer needs (most numbers come back as often
	 * as they are written: the first copy found says so). A block
	 * counted up to CAP holds CAP or more exactly when it holds that
	 * many: so does the sum. */
	struct written all = {w, n, SIZE_MAX};
	size_t o = tl_pairing_sum(p, ts, te, true, count_written, &all);
	struct written upto = {w, n, orig ? o : o + 1};
	size_t t = tl_pairing_sum(p, ts, te, false, count_written, &upto);
	if (orig ? t >= o : t <= o)
		return false;
	long near = surplus(p, first, end, w, n);
	return orig ? near < 0 : near > 0;
}

/* The copy of number S (N bytes, as the original writes it, anchor AN)
 * that pair K changed, with its length in *YN; NULL when there is none.
 * The pair writes S fewer times than its original (and so do the blocks
 * near it, [FIRST, END): it was not moved to a neighbour), and writes
 * one other number more times, a digit or two away from it, that no
 * other number the pair lost is as near to: its changed copy ("5.22"
 * written "6.22" in a paragraph while the title keeps "5.22"; "1" written
 * "2" where "一" stands nearby). A number rendered in words or put in
 * code leaves no such copy; a pair that renumbers freely ("第 3 行和第 4
 * 行" for "Both the lines") has more than one, and is left alone.
 *
 * Only the numbers near S count: the pair must write exactly one of
 * them more often (a renumbering pair writes two: "第 1 行和第 3 行" for
 * "2 lines"). FOUND: S is still found near the pair (a copy of it left);
 * then numbers with a magnitude are left alone (their digits change with
 * the unit). */
static const char *changed(const tl_pairing *p, size_t k,
                           const tl_align_anchor *an, const char *s, size_t n,
                           size_t first, size_t end, bool found, size_t *yn)
{
	const tl_align_pair *pr = &p->al->pairs[k];
	size_t ts = pr->trans, te = pr->trans + pr->ntrans;
	const char *w, *y = NULL;
	size_t wn;
	*yn = 0;
	/* unbalanced() first: most numbers come back as often as written,
	 * which it tells from a copy or two, where magnitude() looks for
	 * 万 and 亿 in every byte of the pair's translation. */
	if (!counted(p, true, &p->al->orig->blocks[pr->orig], an, &w, &wn) ||
	    !unbalanced(p, ts, te, first, end, s, n, true) ||
	    (found && magnitude(p, an, ts, te)))
		return NULL;
	/* The one number near S the pair writes more often than its
	 * original. */
	for (size_t j = ts; j < te; j++) {
		const tl_align_block *b = &p->al->trans->blocks[j];
		for (size_t a = 0; a < b->nanchors; a++) {
			if (!counted(p, false, b, &b->anchors[a], &w, &wn) ||
			    (y && wn == *yn && memcmp(w, y, wn) == 0) ||
			    !near_number(s, n, w, wn) ||
			    !unbalanced(p, ts, te, first, end, w, wn, false))
				continue;
			if (y)
				return NULL;
			y = w, *yn = wn;
		}
	}
	if (!y || !near_number(s, n, y, *yn))
		return NULL;
	/* No other number the pair lost is as near to it. */
	size_t d = tl_edit_distance(s, n, y, *yn);
	for (size_t i = pr->orig; i < pr->orig + pr->norig; i++) {
		const tl_align_block *b = &p->al->orig->blocks[i];
		for (size_t a = 0; a < b->nanchors; a++) {
			/* Lost: not found by its key either ("20 billion"
			 * is "200 亿"). */
			if (!counted(p, true, b, &b->anchors[a], &w, &wn) ||
			    tl_pairing_near_has(p, first, end,
			                        b->anchors[a].hash) ||
			    (wn == n && memcmp(w, s, n) == 0) ||
			    tl_edit_distance(w, wn, y, *yn) > d ||
			    !unbalanced(p, ts, te, first, end, w, wn, true))
				continue;
			return NULL;
		}
	}
	return y;
}

/* Whether number anchor AN is written "[N]": a reference label or a
 * citation marker whose link the conversion lost ("eBPF [2]",
 * "[alternatives][11]" with no definition read), no number of the
 * text. */
static bool marker(const tl_source *src, const tl_align_anchor *an)
{
	return an->start > 0 && an->end < src->len &&
	       src->data[an->start - 1] == '[' && src->data[an->end] == ']';
}

/* Whether translated blocks [FIRST, END) write the digits of S (N bytes,
 * with thousands separators) grouped otherwise: "5,3687,0912" (by ten
 * thousands) or "192，168" (a full-width comma) for "536,870,912" and
 * "192,168". */
static bool regrouped(const tl_pairing *p, size_t first, size_t end,
                      const char *s, size_t n)
{
	const char *t = p->trans->data;
	for (size_t j = first; j < end; j++) {
		const tl_align_block *b = &p->al->trans->blocks[j];
		for (size_t i = b->start; i < b->end; i++) {
			if (!digit_at(t, i, b->end) ||
			    (i > b->start &&
			     (digit_at(t, i - 1, b->end) || t[i - 1] == ',')))
				continue;
			size_t at = i, k = 0;
			while (k < n && at < b->end) {
				if (s[k] == ',') {
					k++;
				} else if (t[at] == s[k]) {
					k++, at++;
				} else if (k && t[at] == ',') {
					at++;
				} else if (k && at + 3 <= b->end &&
				           memcmp(t + at, "，", 3) == 0) {
					at += 3;
				} else {
					break;
				}
			}
			if (k == n && !digit_at(t, at, b->end))
				return true;
		}
	}
	return false;
}

/* Whether the translation writes number AN (S, N bytes) anywhere in its
 * prose, by its key, as a Chinese numeral or grouped otherwise; not in
 * the bytes of URLs ("2021" of ".../uploads/2021/06/..."), which the
 * anchors do not read as numbers. */
static bool anywhere(const tl_pairing *p, const tl_align_anchor *an,
                     const char *s, size_t n, bool written)
{
	for (size_t j = 0; j < p->al->trans->n; j++)
		if (compared(&p->al->trans->blocks[j]) &&
		    (tl_pairing_near_has(p, j, j + 1, an->hash) ||
		     (written && numeral_found(p, j, j + 1, s, n)) ||
		     (written && memchr(s, ',', n) &&
		      regrouped(p, j, j + 1, s, n))))
			return true;
	return false;
}

/* Whether number AN of SRC is the version of a license in a credit
 * line ("CC BY-SA 4.0", "CC-BY-SA 4.0"), which LCTT drops. */
static bool license(const tl_source *src, const tl_align_anchor *an)
{
	const char *d = src->data;
	size_t i = an->start;
	while (i > 0 && an->start - i < 16 &&
	       (d[i - 1] == ' ' || d[i - 1] == '-' ||
	        (d[i - 1] >= 'A' && d[i - 1] <= 'Z')))
		i--;
	for (; i + 4 <= an->start; i++)
		if (memcmp(d + i, "CC", 2) == 0)
			return true;
	return false;
}

/* Units after a number that make it a quantity worth keeping ("2 GB",
 * "64-bit", "100 km", "1000W"). */
static const char *const units[] = {
    "B",   "KB",  "kB",   "MB",     "GB",   "TB",    "PB", "KiB", "MiB", "GiB",
    "TiB", "bit", "bits", "Kbps",   "Mbps", "Gbps",  "Hz", "kHz", "MHz", "GHz",
    "W",   "kW",  "mAh",  "km",     "cm",   "mm",    "nm", "kg",  "ms",  "fps",
    "dpi", "px",  "inch", "inches", "core", "cores", NULL};

/* Whether number AN of the original, S (N bytes as written), is part of
 * an idiom that a translation renders by meaning: a course's "101" after
 * a name ("our Python 101 article", an introduction: "入门"), and a
 * height in feet made an adjective ("the 30,000-foot answer", seen from
 * far above: "从整体上来看"). */
/* Whether the word that ends before byte E of D starts with a capital
 * letter (a name: "Python", "Linux"). */
static bool capital(const char *d, size_t e)
{
	size_t b = e;
	while (b > 0 && letter_at(d, b - 1, e))
		b--;
	return b < e && d[b] >= 'A' && d[b] <= 'Z';
}

static bool idiom(const tl_pairing *p, const tl_align_anchor *an, const char *s,
                  size_t n)
{
	const char *d = p->src->data;
	size_t len = p->src->len, e = an->end;
	if (n == 3 && memcmp(s, "101", 3) == 0)
		return an->start >= 2 && d[an->start - 1] == ' ' &&
		       letter_at(d, an->start - 2, len) &&
		       capital(d, an->start - 1) && !letter_at(d, e, len) &&
		       !digit_at(d, e, len) &&
		       !(e < len && d[e] == '.' && digit_at(d, e + 1, len));
	return e + 5 <= len && memcmp(d + e, "-foot", 5) == 0 &&
	       !letter_at(d, e + 5, len);
}

/* Whether number AN of the original, S (N bytes as written), lost from
 * its translation and not changed into another, is worth a reviewer's
 * look: a version or a decimal ("20.04.4", "1.4"), a whole number from
 * 100 (years too; not "100%", which is "完全"), a quantity with a unit
 * ("64-bit", "2 GB") or a price ("$5"). Small numbers are the ones a
 * translation renders by meaning: figure, step and line numbers ("as
 * shown in Figure 1", 如下图所示), counts in words ("articles 1 and 2",
 * 本篇和上篇), "3D" (立体), and decades ("the early 2000s", 21 世纪初). */
static bool significant(const tl_pairing *p, const tl_align_anchor *an,
                        const char *s, size_t n, bool decade)
{
	const char *d = p->src->data;
	size_t len = p->src->len, whole = 0;
	bool lead = true, point = false;
	if (decade || marker(p->src, an) || license(p->src, an) ||
	    idiom(p, an, s, n))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.') {
			point |= i + 1 < n && digit_at(s, i + 1, n);
			break;
		}
		if (digit_at(s, i, n) && !(lead && s[i] == '0'))
			whole++, lead = false;
	}
	if (point)
		return true;
	if (whole >= 3)
		return !(an->end < len && d[an->end] == '%' && n == 3 &&
		         memcmp(s, "100", 3) == 0);
	if (whole == 0)
		return false;
	if (an->start > 0 && d[an->start - 1] == '$')
		return true;
	size_t at = an->end;
	bool glued = at < len && letter_at(d, at, len);
	if (at < len && (d[at] == ' ' || d[at] == '-'))
		at++;
	for (size_t u = 0; units[u]; u++) {
		size_t l = strlen(units[u]);
		if (at + l <= len && memcmp(d + at, units[u], l) == 0 &&
		    !letter_at(d, at + l, len) && (glued || l > 1))
			return true;
	}
	return false;
}

/* Places number anchor AN, whose span is not its text (the anchors lose
 * their place after a link: "[Fedora 34 Workstation][4]"), where block B
 * of SRC writes its key as a word of its own, into *OUT; false when it
 * does not. */
static bool place(const tl_source *src, const tl_align_block *b,
                  const tl_align_anchor *an, tl_align_anchor *out)
{
	const char *d = src->data;
	size_t n = strlen(an->key);
	for (size_t i = b->start; n && i + n <= b->end; i++) {
		if (memcmp(d + i, an->key, n) != 0 ||
		    (i > b->start && (digit_at(d, i - 1, b->end) ||
		                      letter_at(d, i - 1, b->end) ||
		                      strchr("/.-_=#", d[i - 1]))) ||
		    digit_at(d, i + n, b->end) || letter_at(d, i + n, b->end) ||
		    (i + n < b->end && d[i + n] == '.' &&
		     digit_at(d, i + n + 1, b->end)))
			continue;
		*out = *an;
		out->start = i;
		out->end = i + n;
		return true;
	}
	return false;
}

/* Whether number AN of SRC is a piece of a longer one the anchors split
 * at a comma that is no thousands separator: "$3,90,000" (grouped by
 * lakhs: "39 万"), "--key=1,1". */
static bool split(const tl_source *src, const tl_align_anchor *an)
{
	const char *d = src->data;
	return (an->start >= 2 && d[an->start - 1] == ',' &&
	        digit_at(d, an->start - 2, src->len)) ||
	       (an->end + 1 < src->len && d[an->end] == ',' &&
	        digit_at(d, an->end + 1, src->len));
}

/* Whether number S (N bytes) is a power of ten whose exponent the
 * original's conversion lost ("1018" for 10 to the 18th) and translated
 * blocks [FIRST, END) write it as one ("10<sup>18</sup>", "10^18"). */
static bool power(const tl_pairing *p, size_t first, size_t end, const char *s,
                  size_t n)
{
	char w[48];
	if (n < 3 || n > 6 || s[0] != '1' || s[1] != '0' || !all_digits(s, n))
		return false;
	int l = snprintf(w, sizeof w, "10<sup>%.*s</sup>", (int)(n - 2), s + 2);
	if (tl_pairing_near_text(p, first, end, w, (size_t)l, false))
		return true;
	l = snprintf(w, sizeof w, "10^%.*s", (int)(n - 2), s + 2);
	return tl_pairing_near_text(p, first, end, w, (size_t)l, true);
}

/* The end of a number glued by '-' to a word at byte I of D (block end
 * E): digits, with points between them ("UTF-8", "SHA-256",
 * "podman-3.2.2-1.fc34", "java-11-openjdk"), when a word of two letters
 * or more stands just before the '-' and no letter, digit or '_' after
 * the number ("x86-64" and "amd64" are names). 0 when there is none. */
static size_t glued_end(const char *d, size_t i, size_t e)
{
	if (!digit_at(d, i, e) || i < 3 || d[i - 1] != '-' ||
	    !letter_at(d, i - 2, e) || !letter_at(d, i - 3, e))
		return 0;
	size_t j = i;
	while (digit_at(d, j, e) ||
	       (j < e && d[j] == '.' && j > i && digit_at(d, j + 1, e)))
		j++;
	if (j < e && (letter_at(d, j, e) || d[j] == '_'))
		return 0;
	return j;
}

/* The start of the word before the '-' of a glued number at byte I. */
static size_t glued_start(const char *d, size_t i, size_t b)
{
	size_t w = i - 1;
	while (w > b && letter_at(d, w - 1, i))
		w--;
	return w;
}

/* Whether translated block B holds, at byte I, word W (WN bytes, with
 * its '-') glued to a number other than S (N bytes) but a digit or two
 * away from it; its length (word and number) into *YN. */
static bool glued_copy(const tl_pairing *p, const tl_align_block *b, size_t i,
                       const char *w, size_t wn, const char *s, size_t n,
                       size_t *yn)
{
	const char *t = p->trans->data;
	if (i + wn > b->end || memcmp(t + i, w, wn) != 0 ||
	    (i > b->start && letter_at(t, i - 1, b->end)))
		return false;
	size_t e = glued_end(t, i + wn, b->end);
	tl_align_anchor at = {.start = i, .end = e};
	if (!e || in_code(p->trans, b, &at) ||
	    (e - i - wn == n && memcmp(t + i + wn, s, n) == 0) ||
	    !near_number(s, n, t + i + wn, e - i - wn))
		return false;
	*yn = e - i;
	return true;
}

/* Numbers glued by '-' to a word ("UTF-8", "SHA-256", "java-11"), which
 * the anchors read as words (docs/alignment.md): reported only when
 * changed, the pair writing the word with the number fewer times than
 * its original (the blocks around agreeing) and the same word with
 * exactly one other number, a digit or two away, more times ("UTF-8"
 * translated "UTF-9"); the word translated, the number is compared as
 * other numbers are (changed(): "Step-6" as "步骤 7"). A glued number
 * merely absent is the word's rendering ("catch-22" as "进退两难"), left
 * alone. */
static void check_glued(tl_check *ck, const tl_pairing *p, size_t k,
                        size_t first, size_t end)
{
	const tl_align *al = p->al;
	const tl_align_pair *pr = &al->pairs[k];
	size_t ts = pr->trans, te = pr->trans + pr->ntrans;
	const char *d = p->src->data;
	for (size_t o = pr->orig; o < pr->orig + pr->norig; o++) {
		const tl_align_block *ob = &al->orig->blocks[o];
		if (!compared(ob) || tl_pairing_is_template(ob))
			continue;
		for (size_t i = ob->start; i < ob->end; i++) {
			/* A glued number follows a '-' (glued_end()): to the
			 * byte after the next one. */
			if (i == 0 || d[i - 1] != '-') {
				const char *h = memchr(d + i, '-', ob->end - i);
				if (!h)
					break;
				i = (size_t)(h - d) + 1;
				if (i >= ob->end)
					break;
			}
			size_t ne = glued_end(d, i, ob->end);
			if (!ne)
				continue;
			size_t ws = glued_start(d, i, ob->start);
			tl_align_anchor an = {.start = ws, .end = ne};
			const char *g = d + ws, *s = d + i;
			size_t gn = ne - ws, wn = i - ws, n = ne - i;
			/* Once per word and pair: not written before in the
			 * pair's original blocks. */
			bool seen = false;
			for (size_t q = al->orig->blocks[pr->orig].start;
			     q + gn <= ws && !seen; q++)
				seen = memcmp(d + q, g, gn) == 0 &&
				       !digit_at(d, q + gn, ob->end);
			if (seen || in_code(p->src, ob, &an) ||
			    !unbalanced(p, ts, te, first, end, g, gn, true))
				continue;
			const char *y = NULL;
			size_t yn = 0;
			bool two = false;
			for (size_t j = ts; j < te && !two; j++) {
				const tl_align_block *b = &al->trans->blocks[j];
				if (!compared(b))
					continue;
				for (size_t c = b->start; c < b->end && !two;
				     c++) {
					size_t cn;
					const char *t = p->trans->data + c;
					if (!glued_copy(p, b, c, g, wn, s, n,
					                &cn) ||
					    (y && cn == yn &&
					     memcmp(t, y, cn) == 0) ||
					    !unbalanced(p, ts, te, first, end,
					                t, cn, false))
						continue;
					two = y != NULL;
					y = t, yn = cn;
				}
			}
			if (two)
				continue;
			if (!y) {
				/* The word translated, the number kept as a
				 * number ("Step-6" as "步骤 6", "catch-22" as
				 * "第 22 条"): compared as other numbers are.
				 */
				an.type = TL_ANCHOR_NUMBER;
				an.start = i;
				y = changed(p, k, &an, s, n, first, end, true,
				            &yn);
				if (y) {
					ws = i;
					g = s;
					gn = n;
				}
			}
			if (!y)
				continue;
			size_t rs, re;
			tl_pairing_place(p, k, &rs, &re);
			tl_check_report_original(
			    ck, rs, re, ws, ne, TL_SEVERITY_OFF,
			    "Number %.*s of the original is changed in its "
			    "translation: %.*s",
			    "原文中的数字 %.*s 在译文中被改动：%.*s", (int)gn,
			    g, (int)yn, y);
			i = ne;
		}
	}
}

/* Whether block B of SRC writes the whole number S (N bytes): not
 * inside a longer one. */
static bool writes(const tl_source *src, const tl_align_block *b, const char *s,
                   size_t n)
{
	const char *d = src->data;
	for (size_t i = b->start; i + n <= b->end; i++)
		if (memcmp(d + i, s, n) == 0 &&
		    !(i > b->start && digit_at(d, i - 1, b->end)) &&
		    !digit_at(d, i + n, b->end))
			return true;
	return false;
}

/* Whether original heading I, whose number S (N bytes) the translation
 * changed into Y (YN bytes), repeats the number of the original's
 * heading of its level before it ("### Method 1" twice), and Y is the
 * next one ("### 方法 2"): the translator numbered the run in order,
 * correcting the original. */
static bool renumbered(const tl_pairing *p, size_t i, const char *s, size_t n,
                       const char *y, size_t yn)
{
	const tl_align_doc *ad = p->al->orig;
	const tl_align_block *h = &ad->blocks[i];
	if (h->kind != TL_ALIGN_HEADING || n > 3 || yn > 3 ||
	    !all_digits(s, n) || !all_digits(y, yn))
		return false;
	long a = 0, c = 0;
	for (size_t k = 0; k < n; k++)
		a = a * 10 + (s[k] - '0');
	for (size_t k = 0; k < yn; k++)
		c = c * 10 + (y[k] - '0');
	if (c != a + 1)
		return false;
	for (size_t k = i; k > 0;) {
		const tl_align_block *b = &ad->blocks[--k];
		if (b->kind == TL_ALIGN_HEADING && b->level <= h->level)
			return b->level == h->level && writes(p->src, b, s, n);
	}
	return false;
}

static void check_original(tl_check *ck, const tl_pairing *p)
{
	if (!p->al)
		return;
	const tl_align *al = p->al;
	for (size_t k = 0; k < al->npairs; k++) {
		const tl_align_pair *pr = &al->pairs[k];
		if (!pr->norig || !pr->ntrans)
			continue;
		size_t first, end;
		tl_pairing_near(p, k, &first, &end);
		check_glued(ck, p, k, first, end);
		for (size_t i = pr->orig; i < pr->orig + pr->norig; i++) {
			const tl_align_block *ob = &al->orig->blocks[i];
			if (!compared(ob) || tl_pairing_is_template(ob))
				continue;
			for (size_t a = 0; a < ob->nanchors; a++) {
				const tl_align_anchor *an = &ob->anchors[a];
				if (an->type != TL_ANCHOR_NUMBER)
					continue;
				/* The number as the original writes it; its
				 * key when the anchor has no span of its own.
				 */
				const char *s = p->src->data + an->start;
				size_t n = an->end - an->start;
				bool written = true;
				tl_align_anchor placed;
				if ((n == 0 || n > 32 ||
				     !(s[0] >= '0' && s[0] <= '9')) &&
				    place(p->src, ob, an, &placed)) {
					an = &placed;
					s = p->src->data + an->start;
					n = an->end - an->start;
				} else if (n == 0 || n > 32 ||
				           !(s[0] >= '0' && s[0] <= '9')) {
					s = an->key;
					n = strlen(an->key);
					written = false;
				}
				/* Once per number and pair: a number the
				 * block wrote before is never reported again,
				 * and is passed over before the counting
				 * (what follows only reads). */
				bool seen = false;
				for (size_t b = 0; b < a && !seen; b++)
					seen = ob->anchors[b].hash == an->hash;
				if (seen || in_code(p->src, ob, an) ||
				    (written && split(p->src, an)))
					continue;
				bool decade =
				    written && an->end < p->src->len &&
				    (p->src->data[an->end] == 's' ||
				     (p->src->data[an->end] == '\'' &&
				      an->end + 1 < p->src->len &&
				      p->src->data[an->end + 1] == 's'));
				/* In prose, not in code: a port changed in
				 * a sentence is not found in the code block
				 * next to it. */
				bool hit = false;
				for (size_t j = first; j < end && !hit; j++)
					hit = compared(&al->trans->blocks[j]) &&
					      (found(p, an, j, j + 1, s, n,
					             written, decade) ||
					       (written && memchr(s, ',', n) &&
					        regrouped(p, j, j + 1, s, n)));
				size_t yn = 0;
				const char *y =
				    written && !decade
				        ? changed(p, k, an, s, n, first, end,
				                  hit, &yn)
				        : NULL;
				if (y && renumbered(p, i, s, n, y, yn))
					continue;
				/* A number lost without a changed copy is
				 * reported when it matters and the
				 * translation writes it nowhere. */
				if (hit ? !y
				        : !y &&
				              (ob->kind == TL_ALIGN_HEADING ||
				               !significant(p, an, s, n,
				                            decade) ||
				               anywhere(p, an, s, n, written) ||
				               (written &&
				                power(p, first, end, s, n))))
					continue;
				size_t ts, te;
				tl_pairing_place(p, k, &ts, &te);
				if (y)
					tl_check_report_original(
					    ck, ts, te, an->start, an->end,
					    TL_SEVERITY_OFF,
					    "Number %.*s of the original is "
					    "changed in its translation: %.*s",
					    "原文中的数字 %.*s 在译文中被改动："
					    "%.*s",
					    (int)n, s, (int)yn, y);
				else
					tl_check_report_original(
					    ck, ts, te, an->start, an->end,
					    TL_SEVERITY_OFF,
					    "Number %.*s of the original is "
					    "missing from its translation",
					    "原文中的数字 %.*s 在译文中缺失",
					    (int)n, s);
			}
		}
	}
}

const tl_rule tl_rule_source_number = {
    .name = "source-number",
    .summary = "Every number of the original is in its translation",
    .summary_zh = "原文中的每个数字都应出现在译文中",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_NONE,
    .description =
        "With an original, flags a number of an original block (a "
        "paragraph, heading, list item, quote, table row or image's alt "
        "text) that its translated block does not have. The finding "
        "stands on the translated block's first line and points at the "
        "number in the original.\n\n"
        "Numbers are compared by their significant digits, as Chinese "
        "counts in 万 and 亿: `4.15 billion` = `41.5 亿`, `2 million` = "
        "`200 万`, `1,000` = `1000`, `10%` = `10%`, `16GB` = `16 GB`. "
        "What counts as a number: digits with a decimal point and "
        "thousands separators; a number glued to a unit (`64-bit`) is "
        "the number; `2020-01` is two numbers; a number glued by `-` to a "
        "word (`UTF-8`, `SHA-256`, `java-11`) is compared with its word, "
        "and reported only when changed (`UTF-9`; with the word translated, "
        "as another number: `Step-6` as `步骤 7`). Kept exactly: years (four "
        "digits from 1000 to 2999: `2019` must not become `2018`, nor "
        "`2000` become `2`) and versions with two dots or more (`1.2.3`). "
        "A whole number up to twelve also matches its Chinese numeral "
        "(`3` = `三`, `2` = `二`/`两`, `12` = `十二`) or its English "
        "word, and a round number its Chinese numeral with a unit "
        "(`100,000` = `十万`, `300` = `三百`). A decade matches as "
        "Chinese writes it (`the 1970s` and `the '70s` = `70 年代`, "
        "`七十年代`, `60 到 70 年代`). A number inside inline code of "
        "the original is `source-inline-code`'s.\n\n"
        "A number is looked for in the translated block of its pair and "
        "in the blocks just before and after it (translators move a "
        "clause across a sentence break), but not in code blocks: a "
        "port changed in a sentence is not found in the code block "
        "next to it.\n\n"
        "A changed number is reported as such (`Number 4.15 of the "
        "original is changed in its translation: 4.5`): the translated "
        "block writes it fewer times than its original (and the blocks "
        "around agree), and writes another number, a digit or two away "
        "from it or with two digits swapped, more times (`5.22` in the "
        "title and `6.22` in the paragraph for `5.22` twice; `2` where "
        "`1` was, with `一` nearby; `[5]` for the citation `[3]`), and "
        "exactly one such number. When the number is still found "
        "nearby, numbers with a magnitude (`$100k`, `17,300`, a block "
        "counting in 万 or 亿) are left alone; a block that renumbers "
        "freely (two near candidates), numbers with a "
        "leading zero (`June 02`) and the months of Chinese dates "
        "(`6 月` for `June`) and reference labels (`[eBPF][8]` with no "
        "definition) are never taken for a changed copy. A heading that "
        "repeats the number of the heading of its level before it "
        "(`### Method 1` twice) and is translated with the next one "
        "(`### 方法 2`) is numbered in order, not changed.\n\n"
        "A number that is simply absent is reported only when it matters "
        "on its own, stands outside a heading (titles are rewritten "
        "freely: `… in 2022` dropped), and the translation writes it "
        "nowhere else (in its "
        "prose, by its significant digits, as a Chinese numeral, or "
        "grouped otherwise: `5,3687,0912`, `192，168`; a power of ten "
        "the original's conversion flattened, `1018`, as "
        "`10<sup>18</sup>`): a version or a "
        "decimal (`20.04.4`, `1.4`), a whole number from 100 (`36060`, "
        "`2009`; not `100%`), a number with a unit (`64-bit`, `2 GB`, "
        "`1000W`) or a price (`$5`). Small numbers, decades and "
        "citation markers are what translations render by meaning, and "
        "are left alone when absent: `as shown in Figure 1` (如下图所示), "
        "`articles 1 and 2` (本篇和上篇), `3D` (立体), `0, 1, …, 7` "
        "(`0 到 7`), `(#2)` (②), `the early 2000s` (21 世纪初), `[2]`; "
        "so are two idioms, a course's `101` after a name (`our Python "
        "101 article`, 入门) and a height made an adjective (`the "
        "30,000-foot view`, 从整体上看); so is the license of a credit line "
        "(`CC BY-SA 4.0`), which LCTT "
        "drops. Pieces of a number the comma splits otherwise than by "
        "thousands (`$3,90,000`, `--key=1,1`) are not compared. "
        "Numbers in code are not "
        "compared here: `source-inline-code` and `source-code` compare "
        "them exactly. Without an original the rule is silent.\n\n"
        "Why: a changed figure (`4.15 亿` for `4.15 billion`) reads "
        "fine; only the original shows it is wrong.",
    .fix_doc = "None: which number is right is for the translator to say.",
    .description_zh =
        "有原文时，标记原文块（段落、标题、列表项、引用、表格行或图片的"
        "替代文字）中有、而对应译文块中没有的数字。问题报告在译文块的第一"
        "行，并指向原文中的那个数字。\n\n"
        "数字按有效数字比较，因为中文以万和亿计数：`4.15 billion` = "
        "`41.5 亿`，`2 million` = `200 万`，`1,000` = `1000`，`10%` = "
        "`10%`，`16GB` = `16 GB`。什么算数字：带小数点和千位分隔符的数"
        "字串；与单位连写的数字（`64-bit`）取其数字；`2020-01` "
        "是两个数字；用 `-` 与单词连写的数字（`UTF-8`、`SHA-256`、`java-11`）"
        "连同单词一起比较，只在被改动时报告（`UTF-9`；单词译出时按普通数字"
        "比较：`Step-6` 写成 `步骤 7`）。必须完全一致的：年份（1000 到 2999 "
        "的四位数："
        "`2019` 不能变成 `2018`，`2000` 也不能变成 `2`）和带两个及以上"
        "小数点的版本号（`1.2.3`）。十二以内的整数也可以写成中文数字"
        "（`3` = `三`，`2` = `二`/`两`，`12` = `十二`）或英文单词；整数也可以"
        "写成带单位的中文数字（`100,000` = `十万`，`300` = `三百`）。年代按"
        "中文的写法匹配（`the 1970s` 和 `the '70s` = `70 年代`、"
        "`七十年代`、`60 到 70 年代`）。原文行内代码中的数字由 "
        "`source-inline-code` 检查。\n\n"
        "数字在其配对的译文块以及前后相邻的译文块中查找（译者会把从句移"
        "到句子边界的另一侧），但不在代码块中查找：句子中改错的端口号，"
        "不会因为旁边的代码块里有它而算作找到。\n\n"
        "被改动的数字报告为改动（`Number 4.15 of the original is changed "
        "in its translation: 4.5`）：译文块写它的次数比原文块少（前后相邻的"
        "块也一样），并且多写了另一个与它只差一两位数字、或两位数字互换的"
        "数字（原文标题和段落都写 `5.22`，译文段落写成 `6.22`；`1` 写成 "
        "`2`，而旁边有 `一`；引用标记 `[3]` 写成 `[5]`），且这样的数字恰好"
        "只有一个。如果这个数字在附近仍然找得到，带数量级的数字"
        "（`$100k`、`17,300`、以万或亿计数的译文块）不在此列；自由重新编号"
        "的块（有两个相近的候选）、有前导零的数字（`June 02`）以及中文日期中"
        "的月份（`June` 写作 `6 月`）以及引用式链接的标签（没有定义的 "
        "`[eBPF][8]`）都不会被当作改动后的数字。标题重复了它前面同级标题"
        "的编号（两个 `### Method 1`），译文用下一个编号（`### 方法 2`）时，"
        "是按顺序编号，不算改动。\n\n"
        "只是缺失的数字，仅当它本身重要、不在标题中（标题常被自由改写："
        "`… in 2022` 被删掉），且译文其他地方也没有写它时才报告"
        "（在正文中按有效数字、中文数字或其他分组方式查找：`5,3687,0912`、"
        "`192，168`；原文转换时压平的十的幂 `1018` 写作 "
        "`10<sup>18</sup>`）：版本号或小数（`20.04.4`、`1.4`）、100 "
        "及以上的整数"
        "（`36060`、`2009`；不含 `100%`）、带单位的数字（`64-bit`、`2 GB`、"
        "`1000W`）或价格（`$5`）。小数字、年代和引用标记是译文常按意思翻译的"
        "内容，缺失时不报告：`as shown in Figure 1`（如下图所示）、"
        "`articles 1 and 2`（本篇和上篇）、`3D`（立体）、`0, 1, …, 7`"
        "（`0 到 7`）、`(#2)`（②）、`the early 2000s`（21 世纪初）、`[2]`；"
        "两个习语也是如此：名称后表示课程的 `101`（`our Python 101 "
        "article`，入门）和作形容词的高度（`the 30,000-foot view`，"
        "从整体上看）；"
        "署名行中许可证的版本号（`CC BY-SA 4.0`，LCTT 会删掉署名行）也一样。"
        "逗号不按千位分隔的数字片段（`$3,90,000`、`--key=1,1`）不作比较。"
        "代码中的数字不在此比较：`source-"
        "inline-"
        "code` 和 `source-code` 会逐字比较它们。没有原文时本规则不报告。"
        "\n\n原因：改错的数字（把 `4.15 billion` 写成 `4.15 "
        "亿`）读起来毫无问题，只有对照原文才能发现。",
    .fix_doc_zh = "无：哪个数字正确应由译者判断。",
    .original = "The company raised 4.15 billion dollars in 2019 from "
                "three investors.\n",
    .bad = "该公司在 2018 年从三位投资者那里筹集了 4.5 亿美元。\n",
    .good = "该公司在 2019 年从三位投资者那里筹集了 41.5 亿美元。\n",
    .check_original = check_original,
};
