/*
 * emit.c: the table of output formats by name, and the small helpers the
 * emitters share (JSON strings, one-line plain text, fixability).
 *
 * The table is the one place that knows every format: --format looks its
 * argument up here and --help lists the names from here.
 */
#include "emit/emit.h"

#include <string.h>

#include <utf8proc.h>

/* Every format --format accepts, in the order --help lists them. */
static const tl_emitter *const emitters[] = {
    &tl_emit_text,   &tl_emit_gcc,    &tl_emit_json, &tl_emit_sarif,
    &tl_emit_rdjson, &tl_emit_github, &tl_emit_html,
};

#define NEMITTERS (sizeof emitters / sizeof emitters[0])

/* The chunk being streamed on this thread, set only while a caller's
 * file() runs (as pool.c's pool is set only while cmark parses). */
static _Thread_local tl_emit_stream *streaming;

void tl_emit_stream_set(tl_emit_stream *stream)
{
	streaming = stream;
}

void tl_emit_flush(tl_buf *out)
{
	if (streaming && streaming->out == out &&
	    out->len >= TL_EMIT_FLUSH_BYTES)
		streaming->write(streaming);
}

const tl_emitter *tl_emit_find(const char *name)
{
	size_t i;

	for (i = 0; i < NEMITTERS; i++)
		if (strcmp(emitters[i]->name, name) == 0)
			return emitters[i];
	return NULL;
}

void tl_emit_names(tl_buf *out)
{
	size_t i;

	for (i = 0; i < NEMITTERS; i++) {
		if (i)
			tl_buf_puts(out, ", ");
		tl_buf_puts(out, emitters[i]->name);
	}
}

void tl_emit_json_string(tl_buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0;

	tl_buf_putc(out, '"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		utf8proc_int32_t cp;
		utf8proc_ssize_t len;

		if (c >= 0x80) {
			len = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
			                       (utf8proc_ssize_t)(n - i), &cp);
			if (len < 1) {
				/* U+FFFD, so the output stays valid. */
				tl_buf_puts(out, "\xEF\xBF\xBD");
				i++;
			} else {
				tl_buf_append(out, s + i, (size_t)len);
				i += (size_t)len;
			}
			continue;
		}
		switch (c) {
		case '"':
			tl_buf_puts(out, "\\\"");
			break;
		case '\\':
			tl_buf_puts(out, "\\\\");
			break;
		case '\n':
			tl_buf_puts(out, "\\n");
			break;
		case '\r':
			tl_buf_puts(out, "\\r");
			break;
		case '\t':
			tl_buf_puts(out, "\\t");
			break;
		case '\b':
			tl_buf_puts(out, "\\b");
			break;
		case '\f':
			tl_buf_puts(out, "\\f");
			break;
		default:
			if (c < 0x20) {
				char esc[7] = {'\\', 'u',         '0',
				               '0',  hex[c >> 4], hex[c & 15],
				               '\0'};
				tl_buf_puts(out, esc);
			} else {
				tl_buf_putc(out, (char)c);
			}
		}
		i++;
	}
	tl_buf_putc(out, '"');
}

size_t tl_emit_control_len(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p[0] < 0x20 || p[0] == 0x7F)
		return p[0] ? 1 : 0;
	if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
		return 2; /* C1: U+0080..U+009F */
	if (p[0] == 0xD8 && p[1] == 0x9C)
		return 2; /* U+061C ARABIC LETTER MARK */
	if (p[0] == 0xE2 && p[1] == 0x80 &&
	    (p[2] == 0x8E || p[2] == 0x8F || (p[2] >= 0xAA && p[2] <= 0xAE)))
		return 3; /* U+200E, U+200F, U+202A..U+202E */
	if (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)
		return 3; /* U+2066..U+2069 */
	return 0;
}

void tl_emit_plain(tl_buf *out, const char *s)
{
	const char *p = s;
	size_t n;

	if (!s)
		return;
	while (*p) {
		n = tl_emit_control_len(p);
		if (!n) {
			p++;
			continue;
		}
		tl_buf_append(out, s, (size_t)(p - s));
		tl_buf_putc(out, ' ');
		p += n;
		s = p;
	}
	tl_buf_append(out, s, (size_t)(p - s));
}

bool tl_emit_original(const tl_result *res, const tl_diag *d, tl_unit unit,
                      tl_pos *pos)
{
	if (!res->original || d->orig_start == TL_NONE ||
	    d->orig_start > res->original->len)
		return false;
	*pos = tl_source_position(res->original, d->orig_start, unit);
	return true;
}

void tl_emit_original_note(const tl_emit_ctx *ctx, tl_buf *out,
                           const tl_result *res, const tl_diag *d)
{
	tl_pos pos;

	if (!tl_emit_original(res, d, TL_UNIT_CODEPOINT, &pos))
		return;
	tl_buf_puts(out, ctx->lang == TL_LANG_ZH ? "（原文：" : " (original: ");
	tl_emit_plain(out, res->original->path);
	tl_buf_printf(out, ":%zu:%zu%s", pos.line, pos.column,
	              ctx->lang == TL_LANG_ZH ? "）" : ")");
}

bool tl_emit_fixable(const tl_emit_ctx *ctx, const tl_diag *d)
{
	return d->fix.applicability == TL_FIX_SAFE ||
	       (ctx->unsafe && d->fix.applicability == TL_FIX_UNSAFE);
}

const char *tl_emit_applicability_name(tl_applicability a)
{
	switch (a) {
	case TL_FIX_SAFE:
		return tl_fixability_name(TL_FIXABLE_SAFE);
	case TL_FIX_UNSAFE:
		return tl_fixability_name(TL_FIXABLE_UNSAFE);
	case TL_FIX_NONE:
		break;
	}
	return NULL;
}
