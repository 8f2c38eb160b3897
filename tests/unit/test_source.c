/*
 * test_source.c: unit tests of src/source.c: copying, BOM, UTF-8
 * validation with the exact first bad offset, NUL detection, the line
 * index for every kind of line ending, and offset <-> line/column in the
 * three units (code points, UTF-16 code units, bytes), including a
 * randomised comparison against a naive whole-file reference.
 *
 * String literals holding raw bytes are split after each \x escape
 * ("\xE4" "a") because C would otherwise read "\xE4a" as one escape.
 */
#include "check.h"

#include "internal.h"

#include <stdint.h>
#include <stdlib.h>

#define SRC(lit) tl_source_new("t.md", (lit), sizeof(lit) - 1)

static const char *unit_name(tl_unit unit)
{
	return unit == TL_UNIT_CODEPOINT ? "codepoint"
	       : unit == TL_UNIT_UTF16   ? "utf16"
	                                 : "byte";
}

/* Checks the position of OFF in UNIT and says which offset failed. */
#define CHECK_POS(src, off, unit, l, c)                                        \
	do {                                                                   \
		size_t o_ = (off);                                             \
		tl_pos p_ = tl_source_position((src), o_, (unit));             \
		if (p_.line != (size_t)(l) || p_.column != (size_t)(c))        \
			FAIL("position(%zu, %s) = %zu:%zu, want %zu:%zu", o_,  \
			     unit_name(unit), p_.line, p_.column, (size_t)(l), \
			     (size_t)(c));                                     \
	} while (0)

/* Checks the position of OFF in all three units. */
#define CHECK_POS3(src, off, l, cp, u16, byte)                                 \
	do {                                                                   \
		CHECK_POS(src, off, TL_UNIT_CODEPOINT, l, cp);                 \
		CHECK_POS(src, off, TL_UNIT_UTF16, l, u16);                    \
		CHECK_POS(src, off, TL_UNIT_BYTE, l, byte);                    \
	} while (0)

#define CHECK_OFF(src, line, col, unit, want)                                  \
	do {                                                                   \
		size_t got_ = tl_source_offset((src), (line), (col), (unit));  \
		if (got_ != (size_t)(want))                                    \
			FAIL("offset(%zu, %zu, %s) = %zu, want %zu",           \
			     (size_t)(line), (size_t)(col), unit_name(unit),   \
			     got_, (size_t)(want));                            \
	} while (0)

#define CHECK_SPAN(src, line, s, e)                                            \
	do {                                                                   \
		size_t s_, e_;                                                 \
		tl_source_line_span((src), (line), &s_, &e_);                  \
		if (s_ != (size_t)(s) || e_ != (size_t)(e))                    \
			FAIL("line_span(%zu) = [%zu, %zu), want [%zu, %zu)",   \
			     (size_t)(line), s_, e_, (size_t)(s),              \
			     (size_t)(e));                                     \
	} while (0)

/* Checks the whole line index against WANT (N entries). */
static int lines_equal(const tl_source *src, const size_t *want, size_t n)
{
	size_t i;

	if (src->nlines != n)
		return 0;
	for (i = 0; i < n; i++)
		if (src->lines[i] != want[i])
			return 0;
	return 1;
}

#define CHECK_LINES(src, ...)                                                  \
	do {                                                                   \
		static const size_t want_[] = {__VA_ARGS__};                   \
		if (!lines_equal((src), want_,                                 \
		                 sizeof want_ / sizeof want_[0]))              \
			FAIL("line index of %zu lines differs from {%s}",      \
			     (src)->nlines, #__VA_ARGS__);                     \
	} while (0)

TEST(source_copies_data)
{
	char buf[] = "abc";
	tl_source *src = tl_source_new("docs/a.md", buf, 3);

	REQUIRE(src != NULL);
	buf[0] = 'x';
	CHECK_EQ_MEM(src->data, src->len, "abc", 3);
	CHECK(src->data != buf);
	CHECK(src->data[3] == '\0');
	CHECK_EQ_STR(src->path, "docs/a.md");
	CHECK_EQ_SIZE(src->body, 0);
	CHECK_EQ_SIZE(src->bad_utf8, TL_NONE);
	CHECK_EQ_SIZE(src->nul, TL_NONE);
	CHECK(!src->crlf);
	tl_source_free(src);
	tl_source_free(NULL);
}

TEST(source_null_path)
{
	tl_source *src = tl_source_new(NULL, "x", 1);

	REQUIRE(src != NULL);
	CHECK_EQ_STR(src->path, "");
	tl_source_free(src);
}

TEST(source_empty_file)
{
	tl_source *src = tl_source_new(NULL, NULL, 0);
	tl_unit u;

	REQUIRE(src != NULL);
	REQUIRE(src->data != NULL);
	CHECK(src->data[0] == '\0');
	CHECK_EQ_SIZE(src->len, 0);
	CHECK_EQ_SIZE(src->body, 0);
	CHECK_LINES(src, 0);
	CHECK_EQ_SIZE(src->bad_utf8, TL_NONE);
	CHECK_EQ_SIZE(src->nul, TL_NONE);
	CHECK(!src->crlf);
	CHECK_EQ_SIZE(tl_source_line_index(src, 0), 0);
	CHECK_POS3(src, 0, 1, 1, 1, 1);
	CHECK_POS3(src, 5, 1, 1, 1, 1);
	CHECK_SPAN(src, 0, 0, 0);
	CHECK_SPAN(src, 1, 0, 0);
	for (u = TL_UNIT_CODEPOINT; u <= TL_UNIT_BYTE; u++) {
		CHECK_OFF(src, 0, 0, u, 0);
		CHECK_OFF(src, 0, 7, u, 0);
		CHECK_OFF(src, 3, 0, u, 0);
	}
	tl_source_free(src);
}

TEST(source_ascii_lines)
{
	tl_source *src = SRC("ab\ncd\n");

	REQUIRE(src != NULL);
	CHECK_LINES(src, 0, 3, 6);
	CHECK(!src->crlf);
	CHECK_POS3(src, 0, 1, 1, 1, 1);
	CHECK_POS3(src, 1, 1, 2, 2, 2);
	CHECK_POS3(src, 2, 1, 3, 3, 3); /* the line ending itself */
	CHECK_POS3(src, 3, 2, 1, 1, 1);
	CHECK_POS3(src, 5, 2, 3, 3, 3);
	CHECK_POS3(src, 6, 3, 1, 1, 1); /* end of file: the empty last line */
	CHECK_POS3(src, 99, 3, 1, 1, 1);
	CHECK_SPAN(src, 0, 0, 2);
	CHECK_SPAN(src, 1, 3, 5);
	CHECK_SPAN(src, 2, 6, 6);
	CHECK_SPAN(src, 3, 6, 6);
	tl_source_free(src);
}

TEST(source_last_line_without_newline)
{
	tl_source *src = SRC("ab\ncd");

	REQUIRE(src != NULL);
	CHECK_LINES(src, 0, 3);
	CHECK_POS3(src, 4, 2, 2, 2, 2);
	CHECK_POS3(src, 5, 2, 3, 3, 3);
	CHECK_SPAN(src, 1, 3, 5);
	CHECK_OFF(src, 1, 2, TL_UNIT_CODEPOINT, 5);
	CHECK_OFF(src, 1, 9, TL_UNIT_CODEPOINT, 5);
	CHECK_OFF(src, 2, 0, TL_UNIT_CODEPOINT, 5);
	tl_source_free(src);
}

TEST(source_only_newlines)
{
	tl_source *src = SRC("\n\n");

	REQUIRE(src != NULL);
	CHECK_LINES(src, 0, 1, 2);
	CHECK_POS3(src, 0, 1, 1, 1, 1);
	CHECK_POS3(src, 1, 2, 1, 1, 1);
	CHECK_POS3(src, 2, 3, 1, 1, 1);
	CHECK_SPAN(src, 0, 0, 0);
	CHECK_SPAN(src, 1, 1, 1);
	CHECK_SPAN(src, 2, 2, 2);
	tl_source_free(src);
}

TEST(source_crlf)
{
	tl_source *src = SRC("ab\r\ncd\r\n");

	REQUIRE(src != NULL);
	CHECK(src->crlf);
	CHECK_LINES(src, 0, 4, 8);
	CHECK_SPAN(src, 0, 0, 2);
	CHECK_SPAN(src, 1, 4, 6);
	CHECK_SPAN(src, 2, 8, 8);
	CHECK_POS3(src, 2, 1, 3, 3, 3); /* the CR */
	CHECK_POS3(src, 3, 1, 4, 4, 4); /* the LF belongs to line 1 too */
	CHECK_POS3(src, 4, 2, 1, 1, 1);
	CHECK_POS3(src, 8, 3, 1, 1, 1);
	CHECK_EQ_SIZE(tl_source_line_index(src, 3), 0);
	CHECK_OFF(src, 0, 9, TL_UNIT_CODEPOINT, 2); /* clamped before CR */
	CHECK_OFF(src, 0, 9, TL_UNIT_BYTE, 2);
	CHECK_OFF(src, 1, 1, TL_UNIT_UTF16, 5);
	tl_source_free(src);
}

TEST(source_lone_cr)
{
	tl_source *src = SRC("a\rbc\rd");

	REQUIRE(src != NULL);
	CHECK(!src->crlf);
	CHECK_LINES(src, 0, 2, 5);
	CHECK_SPAN(src, 0, 0, 1);
	CHECK_SPAN(src, 1, 2, 4);
	CHECK_SPAN(src, 2, 5, 6);
	CHECK_POS3(src, 3, 2, 2, 2, 2);
	CHECK_POS3(src, 6, 3, 2, 2, 2);
	CHECK_OFF(src, 1, 5, TL_UNIT_BYTE, 4);
	tl_source_free(src);
}

TEST(source_mixed_endings)
{
	/* LF, CRLF, lone CR, LF, then a CR right after that LF: "\n\r" is
	 * two endings, not one, and leaves an empty line between them. */
	tl_source *src = SRC("a\nb\r\nc\rd\n\re");

	REQUIRE(src != NULL);
	CHECK(!src->crlf); /* the first ending is LF */
	CHECK_LINES(src, 0, 2, 5, 7, 9, 10);
	CHECK_SPAN(src, 0, 0, 1);
	CHECK_SPAN(src, 1, 2, 3);
	CHECK_SPAN(src, 2, 5, 6);
	CHECK_SPAN(src, 3, 7, 8);
	CHECK_SPAN(src, 4, 9, 9);
	CHECK_SPAN(src, 5, 10, 11);
	CHECK_POS3(src, 9, 5, 1, 1, 1);
	CHECK_POS3(src, 10, 6, 1, 1, 1);
	CHECK_POS3(src, 11, 6, 2, 2, 2);
	tl_source_free(src);

	/* CR CR LF: a lone CR, then CRLF. */
	src = SRC("x\r\r\ny");
	REQUIRE(src != NULL);
	CHECK(!src->crlf);
	CHECK_LINES(src, 0, 2, 4);
	CHECK_SPAN(src, 1, 2, 2);
	tl_source_free(src);

	/* The flag follows the first ending only. */
	src = SRC("a\r\nb\nc");
	REQUIRE(src != NULL);
	CHECK(src->crlf);
	tl_source_free(src);
	src = SRC("a\rb\r\n");
	REQUIRE(src != NULL);
	CHECK(!src->crlf);
	tl_source_free(src);
	src = SRC("a\r"); /* a CR at the end of the file is a lone CR */
	REQUIRE(src != NULL);
	CHECK(!src->crlf);
	CHECK_LINES(src, 0, 2);
	tl_source_free(src);
}

TEST(source_line_index_search)
{
	/* Lines of lengths 0, 1, 2, ... so that every gap size occurs. */
	tl_buf buf = {0};
	tl_source *src;
	size_t i, j, line = 0, nlines = 300;

	for (i = 0; i < nlines; i++) {
		for (j = 0; j < i % 17; j++)
			tl_buf_putc(&buf, 'x');
		tl_buf_putc(&buf, '\n');
	}
	src = tl_source_new(NULL, buf.data, buf.len);
	REQUIRE(src != NULL);
	CHECK_EQ_SIZE(src->nlines, nlines + 1);
	for (i = 0; i <= buf.len; i++) {
		if (i > 0 && buf.data[i - 1] == '\n')
			line++;
		if (tl_source_line_index(src, i) != line) {
			FAIL("line_index(%zu) = %zu, want %zu", i,
			     tl_source_line_index(src, i), line);
			break;
		}
	}
	CHECK_EQ_SIZE(tl_source_line_index(src, buf.len + 100), nlines);
	tl_source_free(src);
	tl_buf_free(&buf);
}

TEST(source_cjk_columns)
{
	tl_source *src = SRC("中文ab\n文");

	REQUIRE(src != NULL);
	CHECK_EQ_SIZE(src->bad_utf8, TL_NONE);
	CHECK_POS3(src, 0, 1, 1, 1, 1);
	CHECK_POS3(src, 3, 1, 2, 2, 4);
	CHECK_POS3(src, 6, 1, 3, 3, 7);
	CHECK_POS3(src, 7, 1, 4, 4, 8);
	CHECK_POS3(src, 8, 1, 5, 5, 9);
	/* Inside a character: its start. */
	CHECK_POS3(src, 1, 1, 1, 1, 1);
	CHECK_POS3(src, 5, 1, 2, 2, 4);
	CHECK_POS3(src, 9, 2, 1, 1, 1);
	CHECK_POS3(src, 11, 2, 1, 1, 1);
	CHECK_POS3(src, 12, 2, 2, 2, 4);
	CHECK_OFF(src, 0, 1, TL_UNIT_CODEPOINT, 3);
	CHECK_OFF(src, 0, 1, TL_UNIT_UTF16, 3);
	CHECK_OFF(src, 0, 3, TL_UNIT_BYTE, 3);
	CHECK_OFF(src, 0, 1, TL_UNIT_BYTE, 0); /* inside 中 */
	CHECK_OFF(src, 0, 5, TL_UNIT_BYTE, 3); /* inside 文 */
	CHECK_OFF(src, 0, 3, TL_UNIT_CODEPOINT, 7);
	CHECK_OFF(src, 1, 1, TL_UNIT_CODEPOINT, 12);
	tl_source_free(src);
}

TEST(source_supplementary_plane)
{
	/* 𠀀 is U+20000: 4 bytes, 2 UTF-16 code units, 1 code point. */
	tl_source *src = SRC("a𠀀b");

	REQUIRE(src != NULL);
	REQUIRE(src->len == 6);
	CHECK_EQ_SIZE(src->bad_utf8, TL_NONE);
	CHECK_POS3(src, 1, 1, 2, 2, 2);
	CHECK_POS3(src, 5, 1, 3, 4, 6);
	CHECK_POS3(src, 6, 1, 4, 5, 7);
	CHECK_POS3(src, 2, 1, 2, 2, 2);
	CHECK_POS3(src, 4, 1, 2, 2, 2);
	CHECK_OFF(src, 0, 2, TL_UNIT_CODEPOINT, 5);
	CHECK_OFF(src, 0, 3, TL_UNIT_UTF16, 5);
	/* Column 2 in UTF-16 is between the surrogates of 𠀀. */
	CHECK_OFF(src, 0, 2, TL_UNIT_UTF16, 1);
	CHECK_OFF(src, 0, 4, TL_UNIT_UTF16, 6);
	CHECK_OFF(src, 0, 3, TL_UNIT_BYTE, 1);
	tl_source_free(src);
}

TEST(source_emoji)
{
	/* 😀 then a family emoji: man ZWJ woman ZWJ girl is five code
	 * points (4 + 3 + 4 + 3 + 4 bytes; 2 + 1 + 2 + 1 + 2 UTF-16). */
	tl_source *src = SRC("😀👨‍👩‍👧x");

	REQUIRE(src != NULL);
	REQUIRE(src->len == 23);
	CHECK_EQ_SIZE(src->bad_utf8, TL_NONE);
	CHECK_POS3(src, 4, 1, 2, 3, 5);
	CHECK_POS3(src, 8, 1, 3, 5, 9);   /* the first ZWJ */
	CHECK_POS3(src, 11, 1, 4, 6, 12); /* woman */
	CHECK_POS3(src, 22, 1, 7, 11, 23);
	CHECK_POS3(src, 23, 1, 8, 12, 24);
	CHECK_OFF(src, 0, 6, TL_UNIT_CODEPOINT, 22);
	CHECK_OFF(src, 0, 10, TL_UNIT_UTF16, 22);
	CHECK_OFF(src, 0, 9, TL_UNIT_UTF16, 18); /* inside the girl */
	tl_source_free(src);
}

TEST(source_bom)
{
	tl_source *src = SRC("\xEF\xBB\xBF"
	                     "ab\n中d");

	REQUIRE(src != NULL);
	CHECK_EQ_SIZE(src->body, 3);
	CHECK_EQ_SIZE(src->bad_utf8, TL_NONE);
	CHECK_LINES(src, 0, 6);
	CHECK_POS3(src, 0, 1, 1, 1, 1); /* inside the BOM */
	CHECK_POS3(src, 2, 1, 1, 1, 1);
	CHECK_POS3(src, 3, 1, 1, 1, 1);
	CHECK_POS3(src, 4, 1, 2, 2, 2);
	CHECK_POS3(src, 5, 1, 3, 3, 3);
	CHECK_POS3(src, 6, 2, 1, 1, 1); /* the BOM is line 1's business */
	CHECK_POS3(src, 9, 2, 2, 2, 4);
	CHECK_SPAN(src, 0, 3, 5);
	CHECK_SPAN(src, 1, 6, 10);
	CHECK_OFF(src, 0, 0, TL_UNIT_CODEPOINT, 3);
	CHECK_OFF(src, 0, 1, TL_UNIT_UTF16, 4);
	CHECK_OFF(src, 0, 0, TL_UNIT_BYTE, 3);
	CHECK_OFF(src, 0, 2, TL_UNIT_BYTE, 5);
	CHECK_OFF(src, 1, 1, TL_UNIT_CODEPOINT, 9);
	tl_source_free(src);

	/* A BOM is only a BOM at the start. */
	src = SRC("a\xEF\xBB\xBF");
	REQUIRE(src != NULL);
	CHECK_EQ_SIZE(src->body, 0);
	CHECK_POS3(src, 4, 1, 3, 3, 5);
	tl_source_free(src);
	src = SRC("\xEF\xBB");
	REQUIRE(src != NULL);
	CHECK_EQ_SIZE(src->body, 0);
	CHECK_EQ_SIZE(src->bad_utf8, 0);
	tl_source_free(src);
}

TEST(source_bom_only)
{
	tl_source *src = SRC("\xEF\xBB\xBF");
	tl_unit u;

	REQUIRE(src != NULL);
	CHECK_EQ_SIZE(src->body, 3);
	CHECK_EQ_SIZE(src->bad_utf8, TL_NONE);
	CHECK_LINES(src, 0);
	CHECK_POS3(src, 3, 1, 1, 1, 1);
	CHECK_POS3(src, 1, 1, 1, 1, 1);
	CHECK_SPAN(src, 0, 3, 3);
	for (u = TL_UNIT_CODEPOINT; u <= TL_UNIT_BYTE; u++) {
		CHECK_OFF(src, 0, 0, u, 3);
		CHECK_OFF(src, 0, 5, u, 3);
	}
	tl_source_free(src);

	src = SRC("\xEF\xBB\xBF\n");
	REQUIRE(src != NULL);
	CHECK_LINES(src, 0, 4);
	CHECK_SPAN(src, 0, 3, 3);
	CHECK_POS3(src, 4, 2, 1, 1, 1);
	tl_source_free(src);
}

/* Builds a source from LEN bytes and checks its first bad offset. */
static size_t bad_offset(const char *bytes, size_t len)
{
	tl_source *src = tl_source_new(NULL, bytes, len);
	size_t bad = src->bad_utf8;

	tl_source_free(src);
	return bad;
}

#define BAD(lit) bad_offset((lit), sizeof(lit) - 1)

TEST(source_valid_utf8_boundaries)
{
	CHECK_EQ_SIZE(BAD("\xC2\x80"), TL_NONE);             /* U+0080 */
	CHECK_EQ_SIZE(BAD("\xDF\xBF"), TL_NONE);             /* U+07FF */
	CHECK_EQ_SIZE(BAD("\xE0\xA0\x80"), TL_NONE);         /* U+0800 */
	CHECK_EQ_SIZE(BAD("\xED\x9F\xBF"), TL_NONE);         /* U+D7FF */
	CHECK_EQ_SIZE(BAD("\xEE\x80\x80"), TL_NONE);         /* U+E000 */
	CHECK_EQ_SIZE(BAD("\xEF\xBF\xBD"), TL_NONE);         /* U+FFFD */
	CHECK_EQ_SIZE(BAD("\xEF\xBF\xBF"), TL_NONE);         /* U+FFFF */
	CHECK_EQ_SIZE(BAD("\xF0\x90\x80\x80"), TL_NONE);     /* U+10000 */
	CHECK_EQ_SIZE(BAD("\xF4\x8F\xBF\xBF"), TL_NONE);     /* U+10FFFF */
	CHECK_EQ_SIZE(BAD("plain ASCII, 中文, 😀"), TL_NONE); /* mixed */
}

TEST(source_invalid_stray_continuation)
{
	CHECK_EQ_SIZE(BAD("ab\x80"
	                  "cd"),
	              2);
	CHECK_EQ_SIZE(BAD("\xBF"), 0);
	/* One continuation byte too many after a valid character. */
	CHECK_EQ_SIZE(BAD("中\x80"), 3);
	CHECK_EQ_SIZE(BAD("\xF0\x9F\x98\x80\x80"), 4);
}

TEST(source_invalid_overlong)
{
	CHECK_EQ_SIZE(BAD("a\xC0\x80"), 1);
	CHECK_EQ_SIZE(BAD("ab\xC1\xBF"), 2);
	CHECK_EQ_SIZE(BAD("\xE0\x80\x80"), 0);
	CHECK_EQ_SIZE(BAD("x\xE0\x9F\xBF"), 1);
	CHECK_EQ_SIZE(BAD("\xF0\x80\x80\x80"), 0);
	CHECK_EQ_SIZE(BAD("xyz\xF0\x8F\xBF\xBF"), 3);
}

TEST(source_invalid_surrogate)
{
	CHECK_EQ_SIZE(BAD("xy\xED\xA0\x80"), 2);           /* U+D800 */
	CHECK_EQ_SIZE(BAD("\xED\xBF\xBF"), 0);             /* U+DFFF */
	CHECK_EQ_SIZE(BAD("中\xED\xB0\x80"), 3);           /* low surrogate */
	CHECK_EQ_SIZE(BAD("\xED\xA0\xBD\xED\xB8\x80"), 0); /* CESU-8 pair */
}

/* Every three-byte lead with every second byte and edge third bytes,
 * after a CJK character and before one (the fast path for runs of
 * three-byte sequences): the first bad offset is the one the strict
 * decoder gives. */
TEST(source_three_byte_sequences_match_the_decoder)
{
	static const unsigned char thirds[] = {0x00, 0x41, 0x7F, 0x80, 0x9F,
	                                       0xA0, 0xBF, 0xC0, 0xFF};
	size_t wrong = 0;
	for (unsigned b0 = 0xE0; b0 <= 0xEF; b0++)
		for (unsigned b1 = 0; b1 <= 0xFF; b1++)
			for (size_t t = 0; t < sizeof thirds; t++) {
				char s[9] = "\xE4\xB8\xAD";
				s[3] = (char)b0;
				s[4] = (char)b1;
				s[5] = (char)thirds[t];
				memcpy(s + 6, "\xE6\x96\x87", 3);
				uint32_t cp;
				size_t n = tl_utf8_decode(s + 3, 6, &cp);
				bool valid = n == 3 && cp != 0xFFFD;
				size_t bad = bad_offset(s, 9);
				if (valid ? bad != TL_NONE : bad != 3)
					wrong++;
			}
	CHECK_EQ_SIZE(wrong, 0);
}

TEST(source_invalid_truncated)
{
	CHECK_EQ_SIZE(BAD("abc\xE4\xB8"), 3); /* cut by the end of file */
	CHECK_EQ_SIZE(BAD("abc\xE4"), 3);
	CHECK_EQ_SIZE(BAD("\xC3"), 0);
	CHECK_EQ_SIZE(BAD("ok\xF0\x9F\x98"), 2);
	/* Cut by an ASCII byte or a new lead byte. */
	CHECK_EQ_SIZE(BAD("\xE4\xB8"
	                  "a"),
	              0);
	CHECK_EQ_SIZE(BAD("a\xE4\xE4\xB8\xAD"), 1);
	CHECK_EQ_SIZE(BAD("\xC3\n"), 0);
}

TEST(source_invalid_out_of_range)
{
	CHECK_EQ_SIZE(BAD("\xF4\x90\x80\x80"), 0); /* U+110000 */
	CHECK_EQ_SIZE(BAD("a\xF5\x80\x80\x80"), 1);
	CHECK_EQ_SIZE(BAD("ab\xF8\x88\x80\x80\x80"), 2);
	CHECK_EQ_SIZE(BAD("\xFE"), 0);
	CHECK_EQ_SIZE(BAD("abc\xFF"), 3);
}

TEST(source_invalid_after_long_ascii)
{
	/* The validator skips ASCII in words of 8 bytes: put the bad byte
	 * at every position around word boundaries. */
	char buf[64];
	size_t at, len;

	for (at = 0; at < 40; at++) {
		for (len = at + 1; len <= at + 9 && len <= sizeof buf; len++) {
			memset(buf, 'a', sizeof buf);
			buf[at] = (char)0x80;
			if (bad_offset(buf, len) != at)
				FAIL("bad byte at %zu of %zu found at %zu", at,
				     len, bad_offset(buf, len));
		}
	}
	memset(buf, 'a', sizeof buf);
	CHECK_EQ_SIZE(bad_offset(buf, sizeof buf), TL_NONE);
	/* The first of several. */
	CHECK_EQ_SIZE(BAD("中\x80\xFF"), 3);
}

TEST(source_invalid_positions)
{
	/* Each invalid byte is one unit in every unit. */
	tl_source *src = SRC("a\x80\x80"
	                     "b中\xE4\xB8"
	                     "c");

	REQUIRE(src != NULL);
	CHECK_EQ_SIZE(src->bad_utf8, 1);
	CHECK_POS3(src, 1, 1, 2, 2, 2);
	CHECK_POS3(src, 2, 1, 3, 3, 3);
	CHECK_POS3(src, 3, 1, 4, 4, 4);
	CHECK_POS3(src, 4, 1, 5, 5, 5);
	CHECK_POS3(src, 7, 1, 6, 6, 8); /* the truncated E4 */
	CHECK_POS3(src, 8, 1, 7, 7, 9); /* its B8, alone */
	CHECK_POS3(src, 9, 1, 8, 8, 10);
	CHECK_OFF(src, 0, 5, TL_UNIT_CODEPOINT, 7);
	CHECK_OFF(src, 0, 6, TL_UNIT_UTF16, 8);
	CHECK_OFF(src, 0, 8, TL_UNIT_BYTE, 8);
	tl_source_free(src);

	/* A stray continuation byte after a 4-byte character is not part
	 * of it, even looking backwards from it. */
	src = SRC("\xF0\x9F\x98\x80\x80");
	REQUIRE(src != NULL);
	CHECK_POS3(src, 3, 1, 1, 1, 1);
	CHECK_POS3(src, 4, 1, 2, 3, 5);
	CHECK_POS3(src, 5, 1, 3, 4, 6);
	CHECK_OFF(src, 0, 4, TL_UNIT_BYTE, 4);
	tl_source_free(src);
}

TEST(source_nul_bytes)
{
	tl_source *src = SRC("ab\0cd\0");

	REQUIRE(src != NULL);
	CHECK_EQ_SIZE(src->len, 6);
	CHECK_EQ_SIZE(src->nul, 2);
	CHECK_EQ_SIZE(src->bad_utf8, TL_NONE); /* NUL is valid UTF-8 */
	CHECK_EQ_MEM(src->data, src->len, "ab\0cd\0", 6);
	CHECK(src->data[6] == '\0');
	CHECK_POS3(src, 4, 1, 5, 5, 5);
	tl_source_free(src);

	src = SRC("\0");
	REQUIRE(src != NULL);
	CHECK_EQ_SIZE(src->nul, 0);
	tl_source_free(src);

	src = SRC("no nul here\n");
	REQUIRE(src != NULL);
	CHECK_EQ_SIZE(src->nul, TL_NONE);
	tl_source_free(src);
}

TEST(source_offset_clamping)
{
	tl_source *src = SRC("中a\r\nb");
	tl_unit u;

	REQUIRE(src != NULL);
	for (u = TL_UNIT_CODEPOINT; u <= TL_UNIT_BYTE; u++) {
		CHECK_OFF(src, 0, 100, u, 4); /* end of line, before CRLF */
		CHECK_OFF(src, 1, 100, u, 7);
		CHECK_OFF(src, 2, 0, u, 7); /* no such line: end of file */
		CHECK_OFF(src, (size_t)-1, 0, u, 7);
		CHECK_OFF(src, 0, (size_t)-1, u, 4);
	}
	CHECK_OFF(src, 0, 2, TL_UNIT_CODEPOINT, 4);
	CHECK_OFF(src, 0, 4, TL_UNIT_BYTE, 4);
	tl_source_free(src);
}

/* The start of the character holding OFF, decoding D from the start. */
static size_t ref_char_start(const char *d, size_t len, size_t off)
{
	size_t p = 0;

	while (p < len) {
		uint32_t cp;
		size_t n = tl_utf8_decode(d + p, len - p, &cp);

		if (p + n > off)
			return p;
		p += n;
	}
	return len;
}

/* Line and column of OFF by walking the whole file from its start, with
 * no line index: the reference the indexed version must agree with. */
static tl_pos ref_position(const char *d, size_t len, size_t off, tl_unit unit)
{
	tl_pos pos = {1, 1};
	size_t p = 0;

	if (len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0) {
		if (off < 3)
			return pos;
		p = 3;
	}
	while (p < off && p < len) {
		uint32_t cp;
		size_t n;

		if (d[p] == '\r' && p + 1 < len && d[p + 1] == '\n') {
			if (off == p + 1) {
				pos.column++; /* on the LF of a CRLF */
				return pos;
			}
			p += 2;
			pos.line++;
			pos.column = 1;
			continue;
		}
		if (d[p] == '\r' || d[p] == '\n') {
			p++;
			pos.line++;
			pos.column = 1;
			continue;
		}
		n = tl_utf8_decode(d + p, len - p, &cp);
		if (p + n > off)
			break;
		pos.column += unit == TL_UNIT_BYTE                   ? n
		              : unit == TL_UNIT_UTF16 && cp > 0xFFFF ? 2
		                                                     : 1;
		p += n;
	}
	return pos;
}

/* A tiny deterministic generator (xorshift32): the same cases each run. */
static uint32_t next_rand(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

/* Pieces random documents are made of: line endings, ASCII, CJK,
 * supplementary characters, and each kind of invalid UTF-8. */
static const char *const pieces[] = {
    "a",
    "b",
    " ",
    "\n",
    "\r",
    "\r\n",
    "中",
    "文",
    "𠀀",
    "😀",
    "\xE2\x80\x8D",
    "\x80",
    "\xC0\x80",
    "\xED\xA0\x80",
    "\xE4\xB8",
    "\xF5",
    "\xF4\x90\x80\x80",
    "\xFF",
    "\0",
    "é",
};

TEST(source_random_against_reference)
{
	uint32_t seed = 12345;
	int doc;

	for (doc = 0; doc < 2000; doc++) {
		tl_buf buf = {0};
		tl_source *src;
		size_t npieces = next_rand(&seed) % 24, i, off, line;
		tl_unit u;

		if (next_rand(&seed) % 4 == 0)
			tl_buf_puts(&buf, "\xEF\xBB\xBF");
		for (i = 0; i < npieces; i++) {
			const char *pc =
			    pieces[next_rand(&seed) %
			           (sizeof pieces / sizeof pieces[0])];

			/* "\0" is one byte; strlen would give 0. */
			tl_buf_append(&buf, pc, *pc ? strlen(pc) : 1);
		}
		tl_buf_append(&buf, "", 0);
		src = tl_source_new(NULL, buf.data, buf.len);
		for (off = 0; off <= buf.len + 1; off++) {
			for (u = TL_UNIT_CODEPOINT; u <= TL_UNIT_BYTE; u++) {
				tl_pos got = tl_source_position(src, off, u);
				tl_pos want =
				    ref_position(buf.data, buf.len, off, u);

				if (got.line != want.line ||
				    got.column != want.column) {
					FAIL("doc %d: position(%zu, %s) = "
					     "%zu:%zu, want %zu:%zu",
					     doc, off, unit_name(u), got.line,
					     got.column, want.line,
					     want.column);
					goto next;
				}
			}
		}
		/* Round trips: every offset within a line's content maps
		 * back to the start of its character. */
		for (line = 0; line < src->nlines; line++) {
			size_t s, e;

			tl_source_line_span(src, line, &s, &e);
			for (off = s; off <= e; off++) {
				size_t want =
				    off == e ? e
				             : ref_char_start(buf.data, buf.len,
				                              off);

				if (want < s)
					want = s;
				for (u = TL_UNIT_CODEPOINT; u <= TL_UNIT_BYTE;
				     u++) {
					tl_pos p =
					    tl_source_position(src, off, u);
					size_t back = tl_source_offset(
					    src, p.line - 1, p.column - 1, u);

					if (p.line - 1 != line ||
					    back != want) {
						FAIL("doc %d: offset %zu (%s) "
						     "-> %zu:%zu -> %zu, want "
						     "%zu",
						     doc, off, unit_name(u),
						     p.line, p.column, back,
						     want);
						goto next;
					}
				}
			}
		}
	next:
		tl_source_free(src);
		tl_buf_free(&buf);
	}
}

TEST(source_scans_one_line)
{
	/* 2 MB of 10-byte lines, and the position of every offset: fast
	 * when a conversion searches the index and scans one line, hopeless
	 * (hours) if it scanned the file. */
	size_t nlines = 200000, n = nlines * 10, off;
	char *data = malloc(n);
	tl_source *src;

	REQUIRE(data != NULL);
	for (off = 0; off < n; off++)
		data[off] = off % 10 == 9 ? '\n' : 'a';
	src = tl_source_new(NULL, data, n);
	CHECK_EQ_SIZE(src->nlines, nlines + 1);
	for (off = 0; off < n; off++) {
		tl_pos p = tl_source_position(src, off, TL_UNIT_UTF16);

		if (p.line != off / 10 + 1 || p.column != off % 10 + 1) {
			FAIL("position(%zu) = %zu:%zu", off, p.line, p.column);
			break;
		}
	}
	CHECK_EQ_SIZE(tl_source_offset(src, nlines - 1, 4, TL_UNIT_CODEPOINT),
	              n - 6);
	tl_source_free(src);
	free(data);
}

/* Lines longer than TL_SOURCE_MARK use column checkpoints: every offset
 * of a long mixed line (ASCII, CJK, supplementary characters) must give
 * the same column as counting from the line start. */
TEST(source_long_line_checkpoints)
{
	static const char *const pieces[] = {"a", "中", "\xF0\xA0\x80\x80",
	                                     "😀", "bc", "\n"};
	tl_buf b = {0};
	for (int i = 0; i < 6000; i++)
		tl_buf_puts(&b, pieces[(i * 7 + i / 13) % (i % 997 ? 5 : 6)]);
	tl_source *src = tl_source_new("long.md", b.data, b.len);
	REQUIRE(src->marks != NULL);
	size_t line = 0, cp = 0, u16 = 0;
	int bad = 0;
	for (size_t p = 0; p < src->len;) {
		tl_pos a = tl_source_position(src, p, TL_UNIT_CODEPOINT);
		tl_pos w = tl_source_position(src, p, TL_UNIT_UTF16);
		if (a.line != line + 1 || a.column != cp + 1 ||
		    w.column != u16 + 1)
			bad++;
		unsigned char c = (unsigned char)src->data[p];
		size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		if (c == '\n') {
			line++;
			cp = u16 = 0;
		} else {
			cp++;
			u16 += n == 4 ? 2 : 1;
		}
		p += n;
	}
	CHECK_EQ_INT(bad, 0);
	tl_source_free(src);
	tl_buf_free(&b);
}

int main(void)
{
	struct check_suite suite = {0};

	RUN(&suite, source_copies_data);
	RUN(&suite, source_null_path);
	RUN(&suite, source_empty_file);
	RUN(&suite, source_ascii_lines);
	RUN(&suite, source_last_line_without_newline);
	RUN(&suite, source_only_newlines);
	RUN(&suite, source_crlf);
	RUN(&suite, source_lone_cr);
	RUN(&suite, source_mixed_endings);
	RUN(&suite, source_line_index_search);
	RUN(&suite, source_cjk_columns);
	RUN(&suite, source_supplementary_plane);
	RUN(&suite, source_emoji);
	RUN(&suite, source_bom);
	RUN(&suite, source_bom_only);
	RUN(&suite, source_valid_utf8_boundaries);
	RUN(&suite, source_invalid_stray_continuation);
	RUN(&suite, source_invalid_overlong);
	RUN(&suite, source_invalid_surrogate);
	RUN(&suite, source_three_byte_sequences_match_the_decoder);
	RUN(&suite, source_invalid_truncated);
	RUN(&suite, source_invalid_out_of_range);
	RUN(&suite, source_invalid_after_long_ascii);
	RUN(&suite, source_invalid_positions);
	RUN(&suite, source_nul_bytes);
	RUN(&suite, source_offset_clamping);
	RUN(&suite, source_random_against_reference);
	RUN(&suite, source_scans_one_line);
	RUN(&suite, source_long_line_checkpoints);
	return check_finish(&suite);
}
