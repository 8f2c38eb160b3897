/*
 * chars.c: the character classes the typography rules are written in
 * (CJK ideograph, CJK punctuation, Latin letter, digit, space) and the
 * UTF-8 decoder and encoder every module uses.
 *
 * These run once or more per character of every prose run, so ASCII,
 * which is most of any technical article, answers before any table or
 * utf8proc lookup. The ranges are written out rather than taken from
 * utf8proc's script data because utf8proc has no script property and
 * because "CJK" here is a typographic notion (the characters between
 * which Chinese puts no space), not a Unicode one.
 */
#include "internal.h"

#include <utf8proc.h>

struct range {
	uint32_t lo, hi;
};

static bool in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

#define NRANGES(a) (sizeof(a) / sizeof((a)[0]))

/* Sorted and disjoint. The ideographic iteration and number marks
 * (U+3005..3007, U+3021..3029, U+3038..303B) sit in the CJK Symbols and
 * Punctuation block but behave as ideographs: 々 and 〇 are words. */
static const struct range cjk_ranges[] = {
    {0x2E80, 0x2FDF},   /* CJK and Kangxi radicals */
    {0x3005, 0x3007},   /* 々 〆 〇 */
    {0x3021, 0x3029},   /* Hangzhou numerals */
    {0x3038, 0x303B},   /* Hangzhou numerals, vertical iteration mark */
    {0x3040, 0x30FF},   /* hiragana, katakana */
    {0x3100, 0x312F},   /* bopomofo */
    {0x31A0, 0x31BF},   /* bopomofo extended */
    {0x31F0, 0x31FF},   /* katakana phonetic extensions */
    {0x3400, 0x4DBF},   /* extension A */
    {0x4E00, 0x9FFF},   /* unified ideographs */
    {0xF900, 0xFAFF},   /* compatibility ideographs */
    {0x20000, 0x3FFFF}, /* extensions B and later, planes 2 and 3 */
};

bool tl_char_is_cjk(uint32_t cp)
{
	if (cp < 0x2E80)
		return false;
	/* The CJK Unified Ideographs block: most of any Chinese text. */
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return true;
	return in_ranges(cp, cjk_ranges, NRANGES(cjk_ranges));
}

/* Sorted and disjoint; U+3000..303F minus the marks tl_char_is_cjk
 * claims. U+22EF (⋯) is here because the ellipsis rule offers "⋯⋯" as a
 * house style, and a mark written in that style must give CJK context
 * like "……" does. */
static const struct range cjk_punct_ranges[] = {
    {0x00B7, 0x00B7}, /* · */
    {0x2014, 0x2014}, /* — */
    {0x2018, 0x2019}, /* ‘ ’ */
    {0x201C, 0x201D}, /* “ ” */
    {0x2026, 0x2026}, /* … */
    {0x22EF, 0x22EF}, /* ⋯ */
    {0x3000, 0x3004}, /* ideographic space, 、 。 〃 〄 */
    {0x3008, 0x3020}, /* brackets 〈〉《》「」『』【】 ..., 〜 */
    {0x302A, 0x3037}, /* tone marks, 〰 ... */
    {0x303C, 0x303F}, {0xFE30, 0xFE4F}, /* CJK compatibility forms (vertical) */
    {0xFF01, 0xFF0F}, /* ！＂＃＄％＆＇（）＊＋，－．／ */
    {0xFF1A, 0xFF20}, /* ：；＜＝＞？＠ */
    {0xFF3B, 0xFF40}, /* ［＼］＾＿｀ */
    {0xFF5B, 0xFF65}, /* ｛｜｝～ and half-width CJK brackets */
};

bool tl_char_is_cjk_punct(uint32_t cp)
{
	if (cp < 0xB7 || (cp >= 0x4E00 && cp <= 0x9FFF))
		return false;
	return in_ranges(cp, cjk_punct_ranges, NRANGES(cjk_punct_ranges));
}

/* Blocks of the Latin, Greek and Cyrillic scripts beyond ASCII. The
 * blocks also hold signs and punctuation (× ÷ ; ·), which the letter
 * category test below filters out. Full-width Latin (U+FF21..) is left
 * out on purpose: fullwidth-alphanumeric flags it instead. */
static const struct range latin_ranges[] = {
    {0x00C0, 0x024F}, /* Latin-1 letters, Latin Extended-A and -B */
    {0x0370, 0x03FF}, /* Greek and Coptic */
    {0x0400, 0x052F}, /* Cyrillic, Cyrillic Supplement */
    {0x1E00, 0x1FFF}, /* Latin Extended Additional, Greek Extended */
};

bool tl_char_is_latin_letter(uint32_t cp)
{
	utf8proc_category_t cat;

	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (!in_ranges(cp, latin_ranges, NRANGES(latin_ranges)))
		return false;
	cat = utf8proc_category((utf8proc_int32_t)cp);
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

bool tl_char_is_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

/* Unicode's White_Space property: the space separators (Zs, which
 * include U+00A0 and U+3000), the ASCII controls \t..\r, U+0085 and the
 * line and paragraph separators. */
bool tl_char_is_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	if (cp == 0x85 || cp == 0xA0 || cp == 0x3000 || cp == 0x2028 ||
	    cp == 0x2029)
		return true;
	if (cp > 0x10FFFF)
		return false;
	return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ZS;
}

/* Punctuation both Chinese and English text use: the curly quotes, the
 * em dash, the ellipses and the middle dot. */
bool tl_char_is_shared_punct(uint32_t cp)
{
	switch (cp) {
	case 0x00B7: /* · */
	case 0x2014: /* — */
	case 0x2018: /* ‘ */
	case 0x2019: /* ’ */
	case 0x201C: /* “ */
	case 0x201D: /* ” */
	case 0x2026: /* … */
	case 0x22EF: /* ⋯ */
		return true;
	default:
		return false;
	}
}

/* Full-width punctuation only CJK text uses. */
bool tl_char_is_cjk_only_punct(uint32_t cp)
{
	return tl_char_is_cjk_punct(cp) && !tl_char_is_shared_punct(cp) &&
	       cp != 0x3000;
}

/* The numerals of Chinese text that number things ("一、", "第二.",
 * "三）"): 〇 to 十, 百 and 零. */
bool tl_char_is_cjk_numeral(uint32_t cp)
{
	switch (cp) {
	case 0x3007: /* 〇 */
	case 0x4E00: /* 一 */
	case 0x4E8C: /* 二 */
	case 0x4E09: /* 三 */
	case 0x56DB: /* 四 */
	case 0x4E94: /* 五 */
	case 0x516D: /* 六 */
	case 0x4E03: /* 七 */
	case 0x516B: /* 八 */
	case 0x4E5D: /* 九 */
	case 0x5341: /* 十 */
	case 0x767E: /* 百 */
	case 0x96F6: /* 零 */
		return true;
	default:
		return false;
	}
}

uint8_t tl_char_class(uint32_t cp)
{
	if (cp < 0x80) {
		if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
			return TL_CLS_LATIN;
		if (cp >= '0' && cp <= '9')
			return TL_CLS_DIGIT;
		return tl_char_is_space(cp) ? TL_CLS_SPACE : 0;
	}
	/* The bulk of Chinese text: ideographs, nothing else. */
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return TL_CLS_CJK;
	uint8_t cls = 0;
	if (tl_char_is_cjk(cp))
		cls |= TL_CLS_CJK;
	if (tl_char_is_cjk_punct(cp))
		cls |= TL_CLS_CJK_PUNCT;
	if (tl_char_is_latin_letter(cp))
		cls |= TL_CLS_LATIN;
	if (tl_char_is_space(cp))
		cls |= TL_CLS_SPACE;
	return cls;
}

/*
 * Decodes strictly, as Unicode's table of well-formed byte sequences
 * (Table 3-7): overlong forms, surrogates, code points above U+10FFFF and
 * sequences cut short (by LEN or by a non-continuation byte) are all
 * rejected. A rejected sequence decodes as one byte of U+FFFD, so a loop
 * that advances by the returned length always moves and resynchronises
 * at the next byte. A well-formed U+FFFD is 3 bytes long, so a return of
 * 1 with U+FFFD means "invalid byte" without ambiguity. LEN 0 returns 0.
 */
size_t tl_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xBF;
	uint32_t v;
	size_t n, i;

	if (len == 0) {
		*cp = 0xFFFD;
		return 0;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] < 0xC2) {
		/* A stray continuation byte or an overlong 2-byte lead. */
		*cp = 0xFFFD;
		return 1;
	} else if (u[0] < 0xE0) {
		n = 2;
		v = u[0] & 0x1F;
	} else if (u[0] < 0xF0) {
		n = 3;
		v = u[0] & 0x0F;
		if (u[0] == 0xE0)
			lo = 0xA0; /* overlong */
		else if (u[0] == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (u[0] < 0xF5) {
		n = 4;
		v = u[0] & 0x07;
		if (u[0] == 0xF0)
			lo = 0x90; /* overlong */
		else if (u[0] == 0xF4)
			hi = 0x8F; /* above U+10FFFF */
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (len < n || u[1] < lo || u[1] > hi) {
		*cp = 0xFFFD;
		return 1;
	}
	v = (v << 6) | (u[1] & 0x3F);
	for (i = 2; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		v = (v << 6) | (u[i] & 0x3F);
	}
	*cp = v;
	return n;
}

/* Surrogates and values above U+10FFFF are not characters; they encode as
 * U+FFFD so that the output is always valid UTF-8. */
size_t tl_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *u = (unsigned char *)out;

	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		cp = 0xFFFD;
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xE0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (unsigned char)(0xF0 | (cp >> 18));
	u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	u[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}
