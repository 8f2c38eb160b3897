/*
 * source.c: a document's bytes and what is known about them before any
 * Markdown is parsed: whether they are valid UTF-8 and free of NUL
 * bytes, where each line starts, and how a byte offset becomes the line
 * and column each output standard counts (code points, UTF-16 code units
 * or bytes), and back.
 *
 * Lines. A line ends at LF, CRLF or a lone CR, as in CommonMark. Every
 * line ending starts a new line, so "a\n" has two lines, the second empty
 * and starting at offset 2 (the end of the file); an empty file has one
 * empty line. This keeps "offset == len" inside a line for diagnostics at
 * the end of the file, and it is how editors number lines.
 *
 * Columns. Line 1 counts from just after a BOM, which no editor shows.
 * Columns are counted by walking the one line, never the file. Invalid
 * UTF-8 counts one unit per bad byte, the way decoders substitute one
 * U+FFFD per bad byte, so positions stay defined in files that the
 * invalid-utf8 rule reports.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* The offset of the first byte of the first ill-formed sequence (the
 * lead byte of a truncated, overlong or surrogate sequence; the byte
 * itself for a stray continuation or an F5..FF byte), or TL_NONE. */
static size_t utf8_first_bad(const char *data, size_t len)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n;

		/* Skip ASCII eight bytes at a time: most input is ASCII. */
		while (len - i >= 8) {
			uint64_t w;

			memcpy(&w, data + i, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if ((unsigned char)data[i] < 0x80) {
			i++;
			continue;
		}
		/* Chinese text: a run of well-formed three-byte sequences.
		 * Leads E1..EC and EE..EF take any two continuation bytes;
		 * E0 and ED (whose second byte is restricted) and everything
		 * else go through the decoder below. */
		const unsigned char *u = (const unsigned char *)data;
		const unsigned char *q = u + i;
		const unsigned char *end3 = len >= 3 ? u + len - 2 : u;
		while (q < end3) {
			unsigned c0 = q[0];
			if (c0 - 0xE1u > 0xEFu - 0xE1u || c0 == 0xED ||
			    (((unsigned)q[1] ^ 0x80u) |
			     ((unsigned)q[2] ^ 0x80u)) >= 0x40u)
				break;
			q += 3;
		}
		i = (size_t)(q - u);
		if (i >= len || u[i] < 0x80)
			continue;
		n = tl_utf8_decode_fast(data + i, len - i, &cp);
		if (n == 1 && cp == 0xFFFD)
			return i;
		i += n;
	}
	return TL_NONE;
}

/* The offset of the first byte C at or after FROM, or LEN. */
static size_t find_byte(const char *d, size_t len, size_t from, char c)
{
	const char *p = from < len ? memchr(d + from, c, len - from) : NULL;
	return p ? (size_t)(p - d) : len;
}

/* Fills the line index; also notes whether the first line ending is
 * CRLF. */
static void index_lines(tl_source *src)
{
	const char *d = src->data;
	size_t cap = src->len / 32 + 2, n = 0, len = src->len;
	bool first = true;

	src->lines = tl_xmalloc(cap * sizeof *src->lines);
	src->lines[n++] = 0;
	/* The next LF and the next CR, found with memchr. */
	size_t nl = find_byte(d, len, 0, '\n'), cr = find_byte(d, len, 0, '\r');
	for (;;) {
		size_t i = nl < cr ? nl : cr;
		if (i >= len)
			break;
		if (d[i] == '\r' && i + 1 < len && d[i + 1] == '\n') {
			if (first)
				src->crlf = true;
			i++;
		}
		first = false;
		if (n == cap) {
			cap *= 2;
			src->lines =
			    tl_xrealloc(src->lines, cap * sizeof *src->lines);
		}
		src->lines[n++] = i + 1;
		if (nl <= i)
			nl = find_byte(d, len, i + 1, '\n');
		if (cr <= i)
			cr = find_byte(d, len, i + 1, '\r');
	}
	src->nlines = n;
}

static size_t column_base(const tl_source *src, size_t line);

/* Builds the column checkpoints when some line is longer than
 * TL_SOURCE_MARK: without them, writing N diagnostics on one 1 MB line
 * would scan the line N times. Valid UTF-8 only. */
static void index_marks(tl_source *src)
{
	bool longline = false;
	for (size_t i = 0; i < src->nlines && !longline; i++) {
		size_t end = i + 1 < src->nlines ? src->lines[i + 1] : src->len;
		longline = end - src->lines[i] > TL_SOURCE_MARK;
	}
	if (!longline)
		return;
	src->nmarks = src->len / TL_SOURCE_MARK + 1;
	src->marks = tl_xmalloc(src->nmarks * sizeof *src->marks);
	const unsigned char *d = (const unsigned char *)src->data;
	size_t line = 0, cp = 0, u16 = 0, p = column_base(src, 0), k = 0;
	for (;;) {
		/* Record every checkpoint that position P has reached. */
		while (k < src->nmarks && k * TL_SOURCE_MARK <= p) {
			src->marks[k] =
			    (struct tl_source_mark){p, line, cp, u16};
			k++;
		}
		if (p >= src->len || k == src->nmarks)
			break;
		if (line + 1 < src->nlines && p >= src->lines[line + 1]) {
			line++;
			p = column_base(src, line);
			cp = u16 = 0;
			continue;
		}
		/* The characters up to the next line, checkpoint or the end,
		 * counted byte by byte without a branch: in valid UTF-8 a
		 * character starts at each byte that is no continuation
		 * byte, and takes two UTF-16 units when its lead is F0 or
		 * above. A character across E is stepped over whole. */
		size_t e = src->len;
		if (line + 1 < src->nlines && src->lines[line + 1] < e)
			e = src->lines[line + 1];
		if (k * TL_SOURCE_MARK < e)
			e = k * TL_SOURCE_MARK;
		size_t starts = 0, quads = 0;
		for (; p < e; p++) {
			starts += (d[p] & 0xC0) != 0x80;
			quads += d[p] >= 0xF0;
		}
		while (p < src->len && (d[p] & 0xC0) == 0x80)
			p++;
		cp += starts;
		u16 += starts + quads;
	}
	for (; k < src->nmarks; k++)
		src->marks[k] = (struct tl_source_mark){p, line, cp, u16};
}

tl_source *tl_source_new(const char *path, const char *data, size_t len)
{
	tl_source *src = tl_xcalloc(1, sizeof *src);
	const char *nul;

	/* Never NULL, so output code can print it without a test. */
	src->path = tl_xstrdup(path ? path : "");
	src->data = tl_xmalloc(len + 1);
	if (len)
		memcpy(src->data, data, len);
	src->data[len] = '\0';
	src->len = len;
	if (len >= 3 && memcmp(src->data, "\xEF\xBB\xBF", 3) == 0)
		src->body = 3;
	src->bad_utf8 = utf8_first_bad(src->data, len);
	nul = len ? memchr(src->data, '\0', len) : NULL;
	src->nul = nul ? (size_t)(nul - src->data) : TL_NONE;
	index_lines(src);
	if (src->bad_utf8 == TL_NONE)
		index_marks(src);
	return src;
}

void tl_source_free(tl_source *src)
{
	if (!src)
		return;
	free(src->path);
	free(src->data);
	free(src->lines);
	free(src->marks);
	free(src);
}

size_t tl_source_line_index(const tl_source *src, size_t offset)
{
	size_t lo = 0, hi = src->nlines;

	/* The last line whose start is at or before OFFSET. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (src->lines[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Where columns of LINE start: after the BOM on the first line. */
static size_t column_base(const tl_source *src, size_t line)
{
	return line == 0 ? src->body : src->lines[line];
}

/* Where LINE's content ends, before its line ending. */
static size_t line_end(const tl_source *src, size_t line)
{
	size_t next;

	if (line + 1 >= src->nlines)
		return src->len;
	next = src->lines[line + 1];
	if (src->data[next - 1] == '\n' && next - 1 > src->lines[line] &&
	    src->data[next - 2] == '\r')
		return next - 2;
	return next - 1;
}

void tl_source_line_span(const tl_source *src, size_t line, size_t *start,
                         size_t *end)
{
	if (line >= src->nlines) {
		*start = *end = src->len;
		return;
	}
	*start = column_base(src, line);
	*end = line_end(src, line);
}

/* The start of the character holding OFFSET, not before BASE. A lead
 * byte always starts a character, whatever precedes it (a valid sequence
 * never covers a lead byte, and an invalid byte is a unit of its own), so
 * looking back at most three bytes gives the same answer as decoding the
 * line from its start. */
static size_t char_start(const tl_source *src, size_t base, size_t offset)
{
	size_t p = offset, n;
	uint32_t cp;

	while (p > base && offset - p < 3 &&
	       ((unsigned char)src->data[p] & 0xC0) == 0x80)
		p--;
	if (p == offset || ((unsigned char)src->data[p] & 0xC0) == 0x80)
		return offset;
	n = tl_utf8_decode(src->data + p, src->len - p, &cp);
	return p + n > offset ? p : offset;
}

/* How many UNITs the character of N bytes counts for. */
static size_t unit_width(size_t n, tl_unit unit)
{
	if (unit == TL_UNIT_BYTE)
		return n;
	/* Only well-formed 4-byte sequences (U+10000 and up) need a
	 * surrogate pair; invalid bytes decode one at a time. */
	return unit == TL_UNIT_UTF16 && n == 4 ? 2 : 1;
}

tl_pos tl_source_position(const tl_source *src, size_t offset, tl_unit unit)
{
	tl_pos pos;
	size_t base, p, col = 0;

	if (offset > src->len)
		offset = src->len;
	pos.line = tl_source_line_index(src, offset);
	base = column_base(src, pos.line);
	if (offset <= base) {
		/* Offsets inside the BOM are the first column. */
		pos.line++;
		pos.column = 1;
		return pos;
	}
	if (unit == TL_UNIT_BYTE) {
		pos.line++;
		pos.column = char_start(src, base, offset) - base + 1;
		return pos;
	}
	p = base;
	if (src->marks) {
		/* Start from the last checkpoint on this line before OFFSET. */
		size_t k = offset / TL_SOURCE_MARK;
		while (k > 0 && src->marks[k].offset > offset)
			k--;
		const struct tl_source_mark *m = &src->marks[k];
		if (m->line == pos.line && m->offset >= base &&
		    m->offset <= offset) {
			p = m->offset;
			col = unit == TL_UNIT_UTF16 ? m->u16 : m->cp;
		}
	}
	if (src->bad_utf8 == TL_NONE) {
		/* Valid UTF-8: a character starts at each byte that is not a
		 * continuation byte, and only 4-byte ones take two UTF-16
		 * units. */
		const unsigned char *d = (const unsigned char *)src->data;
		size_t end = char_start(src, p, offset);
		size_t starts = 0, quads = 0;
		for (; p < end; p++) {
			starts += (d[p] & 0xC0) != 0x80;
			quads += d[p] >= 0xF0;
		}
		col += starts + (unit == TL_UNIT_UTF16 ? quads : 0);
		offset = p;
	}
	for (; p < offset;) {
		uint32_t cp;
		size_t n = 1;

		if ((unsigned char)src->data[p] >= 0x80)
			n = tl_utf8_decode(src->data + p, src->len - p, &cp);
		if (p + n > offset)
			break; /* inside this character: count its start */
		col += unit_width(n, unit);
		p += n;
	}
	pos.line++;
	pos.column = col + 1;
	return pos;
}

size_t tl_source_offset(const tl_source *src, size_t line, size_t column,
                        tl_unit unit)
{
	size_t base, end, p, col = 0;

	if (line >= src->nlines)
		return src->len;
	base = column_base(src, line);
	end = line_end(src, line);
	if (unit == TL_UNIT_BYTE) {
		if (column >= end - base)
			return end;
		return char_start(src, base, base + column);
	}
	for (p = base; p < end && col < column;) {
		uint32_t cp;
		size_t n = 1, w;

		if ((unsigned char)src->data[p] >= 0x80)
			n = tl_utf8_decode(src->data + p, end - p, &cp);
		w = unit_width(n, unit);
		if (col + w > column)
			break; /* inside a surrogate pair: the character */
		col += w;
		p += n;
	}
	return p;
}
