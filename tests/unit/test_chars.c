/*
 * test_chars.c: unit tests of src/chars.c: the character classes at and
 * around each range boundary, and the UTF-8 decoder and encoder, the
 * decoder checked exhaustively against a from-first-principles
 * definition of well-formed UTF-8.
 */
#include "check.h"

#include "internal.h"

#include <stdint.h>

/* Checks PRED over a list of code points that must all give WANT, and
 * names the first one that does not. */
#define CHECK_ALL(pred, want, ...)                                             \
	do {                                                                   \
		static const uint32_t cps_[] = {__VA_ARGS__};                  \
		size_t i_;                                                     \
		for (i_ = 0; i_ < sizeof cps_ / sizeof cps_[0]; i_++)          \
			if (pred(cps_[i_]) != (want))                          \
				FAIL("%s(U+%04X) is not %s", #pred,            \
				     (unsigned)cps_[i_], #want);               \
	} while (0)

TEST(chars_cjk_ideographs)
{
	CHECK_ALL(tl_char_is_cjk, true, 0x4E00, 0x4E2D /* 中 */, 0x9FFF, 0x3400,
	          0x4DBF, 0xF900, 0xFAFF, 0x20000, 0x2A700, 0x30000, 0x3FFFF,
	          0x2E80, 0x2F00 /* ⼀ */, 0x2FDF);
	/* Iteration and number marks act as ideographs. */
	CHECK_ALL(tl_char_is_cjk, true, 0x3005 /* 々 */, 0x3006, 0x3007, 0x3021,
	          0x3029, 0x3038, 0x303B);
	/* Kana and bopomofo. */
	CHECK_ALL(tl_char_is_cjk, true, 0x3040, 0x3042 /* あ */,
	          0x30AB /* カ */, 0x30FF, 0x3100, 0x3105 /* ㄅ */, 0x312F,
	          0x31A0, 0x31BF, 0x31F0, 0x31FF);
}

TEST(chars_not_cjk)
{
	CHECK_ALL(tl_char_is_cjk, false, 'a', 'Z', '0', ' ', 0x00E9, 0x2E7F,
	          0x2FE0, 0x3000, 0x3001 /* 、 */, 0x3002 /* 。 */,
	          0x300A /* 《 */, 0x3004, 0x3008, 0x3020, 0x302A, 0x3037,
	          0x303C, 0x3130, 0x3190, 0x31C0, 0x4DC0 /* ䷀ */, 0xA000,
	          0xAC00 /* 가 */, 0xF8FF, 0xFB00, 0xFF0C /* ， */,
	          0xFF21 /* Ａ */, 0x1F600 /* 😀 */, 0x1FFFF, 0x40000, 0x10FFFF,
	          0x110000, 0xFFFFFFFF);
}

TEST(chars_cjk_punct)
{
	CHECK_ALL(tl_char_is_cjk_punct, true, 0x3000, 0x3001, 0x3002, 0x3003,
	          0x3004, 0x3008, 0x300A, 0x300B, 0x300C, 0x300D, 0x300E,
	          0x300F, 0x3010, 0x3011, 0x301C, 0x3020, 0x302A, 0x3030,
	          0x3037, 0x303C, 0x303F);
	CHECK_ALL(tl_char_is_cjk_punct, true, 0xFF01 /* ！ */, 0xFF08 /* （ */,
	          0xFF09, 0xFF0C /* ， */, 0xFF0E, 0xFF0F, 0xFF1A /* ： */,
	          0xFF1B, 0xFF1F /* ？ */, 0xFF20, 0xFF3B, 0xFF40, 0xFF5B,
	          0xFF5E /* ～ */, 0xFF65);
	CHECK_ALL(tl_char_is_cjk_punct, true, 0x00B7, 0x2014, 0x2018, 0x2019,
	          0x201C, 0x201D, 0x2026, 0x22EF, 0xFE30, 0xFE4F);
}

TEST(chars_not_cjk_punct)
{
	/* The ideograph-like marks, ASCII punctuation, full-width letters
	 * and digits (a different rule), and the neighbours of each range. */
	CHECK_ALL(tl_char_is_cjk_punct, false, 0x3005, 0x3006, 0x3007, 0x3021,
	          0x3029, 0x3038, 0x303B, 0x3040, 0x2FFF);
	CHECK_ALL(tl_char_is_cjk_punct, false, 'a', ',', '.', '"', '\'', '(',
	          '!', 0x00B6, 0x00B8, 0x2013, 0x2015, 0x2017, 0x201A, 0x201B,
	          0x201E, 0x2025, 0x2027, 0x22EE, 0xFE2F, 0xFE50, 0xFF00,
	          0xFF10 /* ０ */, 0xFF19, 0xFF21 /* Ａ */, 0xFF3A, 0xFF41,
	          0xFF5A, 0xFF66, 0x4E00, 0x110000);
}

TEST(chars_cjk_classes_disjoint)
{
	uint32_t cp;

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		if (tl_char_is_cjk(cp) && tl_char_is_cjk_punct(cp)) {
			FAIL("U+%04X is both CJK and CJK punctuation",
			     (unsigned)cp);
			break;
		}
	}
}

TEST(chars_latin_letters)
{
	uint32_t cp;

	for (cp = 0; cp < 0x80; cp++) {
		bool want =
		    (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');

		if (tl_char_is_latin_letter(cp) != want)
			FAIL("ASCII %u", (unsigned)cp);
	}
	CHECK_ALL(tl_char_is_latin_letter, true, 0x00C0, 0x00E9 /* é */,
	          0x00DF /* ß */, 0x00FF, 0x0100, 0x024F, 0x01C5 /* ǅ */,
	          0x03B1 /* α */, 0x03A9 /* Ω */, 0x0401 /* Ё */,
	          0x044F /* я */, 0x04FF, 0x0500, 0x1E9E /* ẞ */,
	          0x1EBF /* ế */, 0x1F00 /* ἀ */);
	CHECK_ALL(tl_char_is_latin_letter, false, 0x00D7 /* × */,
	          0x00F7 /* ÷ */, 0x00AA /* ª */, 0x00BF, 0x00B5, 0x02B0,
	          0x037E /* Greek question mark */, 0x0387, 0x0482,
	          0x0483 /* combining titlo */, 0x0300 /* combining grave */,
	          0xFF21 /* Ａ */, 0xFF41 /* ａ */, 0x4E2D, 0x3042, 0x0660,
	          0x05D0 /* א */, 0x110000);
}

TEST(chars_digits)
{
	CHECK_ALL(tl_char_is_digit, true, '0', '5', '9');
	CHECK_ALL(tl_char_is_digit, false, '/', ':', 'a', 0xFF10 /* ０ */,
	          0x0663 /* ٣ */, 0x00B2 /* ² */, 0x2460 /* ① */, 0x3007);
}

TEST(chars_space)
{
	CHECK_ALL(tl_char_is_space, true, ' ', '\t', '\n', '\v', '\f', '\r',
	          0x0085, 0x00A0, 0x1680, 0x2000, 0x2005, 0x200A, 0x2028,
	          0x2029, 0x202F, 0x205F, 0x3000);
	CHECK_ALL(tl_char_is_space, false, 0, 'a', 0x1F, 0x7F, 0x200B, 0x200D,
	          0x2060, 0xFEFF, 0x180E, 0x3001, 0x110000, 0xFFFFFFFF);
}

/* Decodes the N bytes of S and checks the length and code point. */
#define CHECK_DECODE(lit, want_len, want_cp)                                   \
	do {                                                                   \
		uint32_t cp_ = 0;                                              \
		size_t n_ = tl_utf8_decode((lit), sizeof(lit) - 1, &cp_);      \
		if (n_ != (size_t)(want_len) || cp_ != (uint32_t)(want_cp))    \
			FAIL("decode(%s) = %zu, U+%04X; want %zu, U+%04X",     \
			     #lit, n_, (unsigned)cp_, (size_t)(want_len),      \
			     (unsigned)(want_cp));                             \
	} while (0)

TEST(chars_decode_valid)
{
	CHECK_DECODE("A", 1, 'A');
	CHECK_DECODE("\x7F", 1, 0x7F);
	CHECK_DECODE("\xC2\x80", 2, 0x80);
	CHECK_DECODE("\xDF\xBF", 2, 0x7FF);
	CHECK_DECODE("\xE0\xA0\x80", 3, 0x800);
	CHECK_DECODE("中", 3, 0x4E2D);
	CHECK_DECODE("\xED\x9F\xBF", 3, 0xD7FF);
	CHECK_DECODE("\xEE\x80\x80", 3, 0xE000);
	CHECK_DECODE("\xEF\xBB\xBF", 3, 0xFEFF);
	CHECK_DECODE("\xEF\xBF\xBD", 3, 0xFFFD);
	CHECK_DECODE("\xF0\x90\x80\x80", 4, 0x10000);
	CHECK_DECODE("𠀀", 4, 0x20000);
	CHECK_DECODE("😀", 4, 0x1F600);
	CHECK_DECODE("\xF4\x8F\xBF\xBF", 4, 0x10FFFF);
	/* Only the first character is decoded. */
	CHECK_DECODE("中文", 3, 0x4E2D);
}

TEST(chars_decode_invalid)
{
	/* Each decodes as one byte of U+FFFD. */
	CHECK_DECODE("\x80", 1, 0xFFFD);             /* stray continuation */
	CHECK_DECODE("\xBF\xBF", 1, 0xFFFD);         /* stray continuation */
	CHECK_DECODE("\xC0\x80", 1, 0xFFFD);         /* overlong NUL */
	CHECK_DECODE("\xC1\xBF", 1, 0xFFFD);         /* overlong */
	CHECK_DECODE("\xE0\x80\x80", 1, 0xFFFD);     /* overlong */
	CHECK_DECODE("\xE0\x9F\xBF", 1, 0xFFFD);     /* overlong */
	CHECK_DECODE("\xED\xA0\x80", 1, 0xFFFD);     /* U+D800 */
	CHECK_DECODE("\xED\xBF\xBF", 1, 0xFFFD);     /* U+DFFF */
	CHECK_DECODE("\xF0\x80\x80\x80", 1, 0xFFFD); /* overlong */
	CHECK_DECODE("\xF0\x8F\xBF\xBF", 1, 0xFFFD); /* overlong */
	CHECK_DECODE("\xF4\x90\x80\x80", 1, 0xFFFD); /* U+110000 */
	CHECK_DECODE("\xF5\x80\x80\x80", 1, 0xFFFD);
	CHECK_DECODE("\xF8\x88\x80\x80\x80", 1, 0xFFFD);
	CHECK_DECODE("\xFE", 1, 0xFFFD);
	CHECK_DECODE("\xFF", 1, 0xFFFD);
	CHECK_DECODE("\xC3", 1, 0xFFFD);         /* truncated */
	CHECK_DECODE("\xE4\xB8", 1, 0xFFFD);     /* truncated */
	CHECK_DECODE("\xF0\x9F\x98", 1, 0xFFFD); /* truncated */
	CHECK_DECODE("\xC3"
	             "A",
	             1, 0xFFFD); /* cut by ASCII */
	CHECK_DECODE("\xE4\xB8"
	             "A",
	             1, 0xFFFD);
	CHECK_DECODE("\xE4\xE4\xB8\xAD", 1, 0xFFFD); /* cut by a lead */
	CHECK_DECODE("\xF0\x9F\x98\xC0", 1, 0xFFFD);
}

TEST(chars_decode_respects_len)
{
	uint32_t cp = 0;

	/* The bytes are valid but LEN cuts them: never read past LEN. */
	CHECK_EQ_SIZE(tl_utf8_decode("中", 2, &cp), 1);
	CHECK_EQ_INT(cp, 0xFFFD);
	CHECK_EQ_SIZE(tl_utf8_decode("😀", 3, &cp), 1);
	CHECK_EQ_INT(cp, 0xFFFD);
	CHECK_EQ_SIZE(tl_utf8_decode("😀", 4, &cp), 4);
	CHECK_EQ_INT(cp, 0x1F600);
	CHECK_EQ_SIZE(tl_utf8_decode("abc", 0, &cp), 0);
}

TEST(chars_decode_zwj_sequence)
{
	/* A family emoji is one glyph but five code points. */
	static const char s[] = "👨‍👩‍👧";
	static const uint32_t want_cp[] = {0x1F468, 0x200D, 0x1F469, 0x200D,
	                                   0x1F467};
	static const size_t want_len[] = {4, 3, 4, 3, 4};
	size_t p = 0, k = 0, len = sizeof s - 1;

	while (p < len && k < 5) {
		uint32_t cp;
		size_t n = tl_utf8_decode(s + p, len - p, &cp);

		CHECK_EQ_SIZE(n, want_len[k]);
		CHECK_EQ_INT(cp, want_cp[k]);
		p += n;
		k++;
	}
	CHECK_EQ_SIZE(k, 5);
	CHECK_EQ_SIZE(p, len);
}

/* Well-formed UTF-8 from first principles: the bytes are the shortest
 * encoding of a Unicode scalar value. Returns the length of the
 * well-formed character at the start of S, or 0. */
static size_t ref_valid_len(const unsigned char *s, size_t len)
{
	size_t k, i;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	k = s[0] >= 0xF0 && s[0] < 0xF8   ? 4
	    : s[0] >= 0xE0 && s[0] < 0xF0 ? 3
	    : s[0] >= 0xC0 && s[0] < 0xE0 ? 2
	                                  : 0;
	if (k == 0 || k > len)
		return 0;
	cp = s[0] & (0x7F >> k);
	for (i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	if ((cp < 0x80 && k > 1) || (cp < 0x800 && k > 2) ||
	    (cp < 0x10000 && k > 3))
		return 0;
	return k;
}

/* Compares the decoder with the reference on N bytes of S. */
static int decode_agrees(const unsigned char *s, size_t n)
{
	uint32_t cp;
	size_t got = tl_utf8_decode((const char *)s, n, &cp);
	size_t want = ref_valid_len(s, n);

	if (want == 0)
		return got == 1 && cp == 0xFFFD;
	return got == want;
}

TEST(chars_decode_exhaustive)
{
	/* Every 1-, 2- and 3-byte input, and every 4-byte input with the
	 * second and third bytes drawn from the boundary values. */
	static const unsigned char mid[] = {0x00, 0x41, 0x7F, 0x80, 0x8F,
	                                    0x90, 0x9F, 0xA0, 0xBF, 0xC0,
	                                    0xE0, 0xF0, 0xFF};
	unsigned char s[4];
	unsigned a, b, c, d;
	size_t i, j;

	for (a = 0; a < 256; a++) {
		s[0] = (unsigned char)a;
		if (!decode_agrees(s, 1)) {
			FAIL("1 byte %02X", a);
			return;
		}
		for (b = 0; b < 256; b++) {
			s[1] = (unsigned char)b;
			if (!decode_agrees(s, 2)) {
				FAIL("2 bytes %02X %02X", a, b);
				return;
			}
			for (c = 0; c < 256; c++) {
				s[2] = (unsigned char)c;
				if (!decode_agrees(s, 3)) {
					FAIL("3 bytes %02X %02X %02X", a, b, c);
					return;
				}
			}
		}
	}
	for (a = 0xF0; a < 0x100; a++) {
		for (i = 0; i < sizeof mid; i++) {
			for (j = 0; j < sizeof mid; j++) {
				for (d = 0; d < 256; d++) {
					s[0] = (unsigned char)a;
					s[1] = mid[i];
					s[2] = mid[j];
					s[3] = (unsigned char)d;
					if (!decode_agrees(s, 4)) {
						FAIL("4 bytes %02X %02X %02X "
						     "%02X",
						     a, s[1], s[2], d);
						return;
					}
				}
			}
		}
	}
}

TEST(chars_encode_roundtrip)
{
	uint32_t cp;

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		char buf[4];
		uint32_t back = 0;
		size_t n, want;

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		n = tl_utf8_encode(cp, buf);
		if (n != want || tl_utf8_decode(buf, n, &back) != n ||
		    back != cp) {
			FAIL(
			    "U+%04X encodes in %zu bytes and decodes as U+%04X",
			    (unsigned)cp, n, (unsigned)back);
			return;
		}
	}
}

TEST(chars_encode_non_characters)
{
	static const uint32_t bad[] = {0xD800, 0xDBFF,   0xDC00,
	                               0xDFFF, 0x110000, 0xFFFFFFFF};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char buf[4];
		size_t n = tl_utf8_encode(bad[i], buf);

		CHECK_EQ_MEM(buf, n, "\xEF\xBF\xBD", 3);
	}
}

int main(void)
{
	struct check_suite suite = {0};

	RUN(&suite, chars_cjk_ideographs);
	RUN(&suite, chars_not_cjk);
	RUN(&suite, chars_cjk_punct);
	RUN(&suite, chars_not_cjk_punct);
	RUN(&suite, chars_cjk_classes_disjoint);
	RUN(&suite, chars_latin_letters);
	RUN(&suite, chars_digits);
	RUN(&suite, chars_space);
	RUN(&suite, chars_decode_valid);
	RUN(&suite, chars_decode_invalid);
	RUN(&suite, chars_decode_respects_len);
	RUN(&suite, chars_decode_zwj_sequence);
	RUN(&suite, chars_decode_exhaustive);
	RUN(&suite, chars_encode_roundtrip);
	RUN(&suite, chars_encode_non_characters);
	return check_finish(&suite);
}
