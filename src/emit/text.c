/*
 * text.c: the default format, for people at a terminal:
 *
 *     docs/a.md:6:5  warning  message  space-cjk-latin
 *       6 | 我们使用Go编写
 *         |       ^
 *
 * then, after all files, one summary line
 *
 *     3 problems (1 error, 2 warnings), 2 fixable with --fix
 *
 * in the run's language. A run without problems prints nothing at all,
 * like a compiler (quiet success suits pre-commit hooks and editors); the
 * exit status says it passed.
 *
 * The caret line must stand under the span as a terminal shows the source
 * line, so the source line is re-rendered here: tabs expanded to the next
 * multiple of 8, East Asian wide and full-width characters two columns
 * (utf8proc_charwidth), control characters shown as their Unicode "control
 * pictures" (a NUL of a binary file as ␀, never raw bytes that could drive
 * the terminal), bidirectional controls and invalid bytes as U+FFFD.
 * A line too long to read around its span (minified text, binary files)
 * is cut to a window around the span, marked with "…" at the cut ends.
 */
#include "emit/emit.h"

#include <utf8proc.h>

#define TAB_WIDTH 8
/* A source line longer than MAX_SHOWN characters is shown as a window
 * starting CONTEXT_BEFORE characters before the span. */
#define MAX_SHOWN 400
#define CONTEXT_BEFORE 40

#define RESET "\033[0m"
#define BOLD "\033[1m"
#define DIM "\033[2m"
#define BLUE "\033[34m"

static const char *severity_color(tl_severity s)
{
	switch (s) {
	case TL_SEVERITY_ERROR:
		return "\033[1;31m";
	case TL_SEVERITY_WARNING:
		return "\033[1;33m";
	default:
		return "\033[1;36m";
	}
}

static void color_on(const tl_emit_ctx *ctx, tl_buf *out, const char *code)
{
	if (ctx->color)
		tl_buf_puts(out, code);
}

/* The length of the character at S (at least 1) and its code point; an
 * invalid byte is one U+FFFD. */
static size_t decode(const char *s, size_t n, uint32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s,
	                                        (utf8proc_ssize_t)n, &c);

	if (len < 1) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = (uint32_t)c;
	return (size_t)len;
}

static bool is_bidi_control(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Appends the character CP as shown at display column COL and returns
 * how many columns it takes. */
static size_t put_char(tl_buf *out, uint32_t cp, const char *bytes, size_t len,
                       size_t col)
{
	char enc[4];
	utf8proc_ssize_t n;
	int w;

	if (cp == '\t') {
		size_t spaces = TAB_WIDTH - col % TAB_WIDTH, i;

		for (i = 0; i < spaces; i++)
			tl_buf_putc(out, ' ');
		return spaces;
	}
	if (cp < 0x20)
		cp += 0x2400; /* ␀ ... ␟ */
	else if (cp == 0x7F)
		cp = 0x2421; /* ␡ */
	else if ((cp >= 0x80 && cp < 0xA0) || is_bidi_control(cp))
		cp = 0xFFFD;
	else if (cp != 0xFFFD) {
		tl_buf_append(out, bytes, len);
		w = utf8proc_charwidth((utf8proc_int32_t)cp);
		return w > 0 ? (size_t)w : 0;
	}
	n = utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)enc);
	tl_buf_append(out, enc, (size_t)n);
	return 1;
}

static void put_gutter(const tl_emit_ctx *ctx, tl_buf *out, size_t width,
                       size_t line)
{
	color_on(ctx, out, BLUE);
	if (line)
		tl_buf_printf(out, " %*zu | ", (int)width, line);
	else
		tl_buf_printf(out, " %*s | ", (int)width, "");
	color_on(ctx, out, RESET);
}

/* The source line of D's start and a caret line under the part of the
 * span on that line (at least one caret, also for an insertion point). */
static void put_source(const tl_emit_ctx *ctx, tl_buf *out,
                       const tl_source *src, const tl_diag *d, size_t line)
{
	size_t ls, le, s, e, p, idx, nchars = 0, sidx = 0, first = 0, last;
	size_t col = 0, cs = 0, ce = 0, width, i, start, idx0 = 0;
	bool cs_set = false, ce_set = false;
	uint32_t cp;

	tl_source_line_span(src, line - 1, &ls, &le);
	s = d->start < ls ? ls : d->start > le ? le : d->start;
	e = d->end < s ? s : d->end > le ? le : d->end;

	/* Where the span starts and how long the line is, in characters, to
	 * choose the window of an overlong line. The source's column
	 * checkpoints make this cheap on a long line; a file that is not
	 * valid UTF-8 has one diagnostic and is simply scanned. */
	if (src->bad_utf8 == TL_NONE) {
		sidx = tl_source_position(src, s, TL_UNIT_CODEPOINT).column - 1;
		nchars =
		    tl_source_position(src, le, TL_UNIT_CODEPOINT).column - 1;
	} else {
		for (p = ls; p < le; nchars++) {
			size_t n = decode(src->data + p, le - p, &cp);

			if (p + n <= s)
				sidx++;
			p += n;
		}
	}
	last = nchars;
	start = ls;
	if (nchars > MAX_SHOWN) {
		first = sidx > CONTEXT_BEFORE ? sidx - CONTEXT_BEFORE : 0;
		last = first + MAX_SHOWN < nchars ? first + MAX_SHOWN : nchars;
		/* The byte where character FIRST starts: step back from the
		 * span's start (valid UTF-8 here, or FIRST is found by the
		 * scan below). */
		if (src->bad_utf8 == TL_NONE) {
			start = s;
			for (i = sidx; i > first; i--) {
				start--;
				while (start > ls &&
				       ((unsigned char)src->data[start] &
				        0xC0) == 0x80)
					start--;
			}
		}
	}
	if (start != ls)
		idx0 = first;

	for (width = 1, i = line; i >= 10; i /= 10)
		width++;
	put_gutter(ctx, out, width, line);
	if (first > 0) {
		tl_buf_puts(out, "\xE2\x80\xA6"); /* … */
		col = 1;
	}
	for (p = start, idx = idx0; p < le && idx < last; idx++) {
		size_t n = decode(src->data + p, le - p, &cp);

		if (idx >= first) {
			if (!cs_set && p + n > s) {
				cs = col;
				cs_set = true;
			}
			if (!ce_set && p >= e) {
				ce = col;
				ce_set = true;
			}
			col += put_char(out, cp, src->data + p, n, col);
		}
		p += n;
	}
	if (!cs_set)
		cs = col;
	if (!ce_set)
		ce = col;
	if (last < nchars)
		tl_buf_puts(out, "\xE2\x80\xA6");
	tl_buf_putc(out, '\n');

	put_gutter(ctx, out, width, 0);
	for (i = 0; i < cs; i++)
		tl_buf_putc(out, ' ');
	color_on(ctx, out, severity_color(d->severity));
	for (i = 0; i < (ce > cs ? ce - cs : 1); i++)
		tl_buf_putc(out, '^');
	color_on(ctx, out, RESET);
	tl_buf_putc(out, '\n');
}

/* For a finding with a place in the original (DESIGN.md 8.3), that
 * place and the original's line under the translated one:
 *
 *       original: en.md:5:1
 *       5 | The repository lives on a server...
 *         | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
 */
static void put_original(const tl_emit_ctx *ctx, tl_buf *out,
                         const tl_result *res, const tl_diag *d)
{
	tl_pos pos;
	tl_diag od = *d;

	if (!tl_emit_original(res, d, TL_UNIT_CODEPOINT, &pos))
		return;
	color_on(ctx, out, DIM);
	tl_buf_puts(out, ctx->lang == TL_LANG_ZH ? "  原文：" : "  original: ");
	tl_emit_plain(out, res->original->path);
	tl_buf_printf(out, ":%zu:%zu", pos.line, pos.column);
	color_on(ctx, out, RESET);
	tl_buf_putc(out, '\n');
	od.start = d->orig_start;
	od.end = d->orig_end;
	put_source(ctx, out, res->original, &od, pos.line);
}

static void text_file(const tl_emit_ctx *ctx, tl_buf *out, const tl_result *res)
{
	size_t i;

	for (i = 0; i < res->ndiags; i++) {
		const tl_diag *d = &res->diags[i];
		tl_pos pos = tl_source_position(res->source, d->start,
		                                TL_UNIT_CODEPOINT);

		color_on(ctx, out, BOLD);
		tl_emit_plain(out, res->source->path);
		tl_buf_printf(out, ":%zu:%zu", pos.line, pos.column);
		color_on(ctx, out, RESET);
		tl_buf_puts(out, "  ");
		color_on(ctx, out, severity_color(d->severity));
		tl_buf_puts(out, tl_severity_name(d->severity));
		color_on(ctx, out, RESET);
		tl_buf_puts(out, "  ");
		tl_emit_plain(out, d->message);
		tl_buf_puts(out, "  ");
		color_on(ctx, out, DIM);
		tl_emit_plain(out, d->rule);
		color_on(ctx, out, RESET);
		tl_buf_putc(out, '\n');
		put_source(ctx, out, res->source, d, pos.line);
		put_original(ctx, out, res, d);
		tl_buf_putc(out, '\n');
		tl_emit_flush(out);
	}
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void summary_en(tl_buf *out, const tl_emit_summary *sum, size_t n)
{
	tl_buf_printf(out, "%zu %s (%zu %s, %zu %s", n,
	              plural(n, "problem", "problems"), sum->errors,
	              plural(sum->errors, "error", "errors"), sum->warnings,
	              plural(sum->warnings, "warning", "warnings"));
	if (sum->infos)
		tl_buf_printf(out, ", %zu info", sum->infos);
	tl_buf_putc(out, ')');
	if (sum->fixable) {
		tl_buf_printf(out, ", %zu fixable with --fix", sum->fixable);
		if (sum->unsafe_fixable)
			tl_buf_printf(out, " (%zu more with --unsafe-fixes)",
			              sum->unsafe_fixable);
	} else if (sum->unsafe_fixable) {
		tl_buf_printf(out, ", %zu fixable with --fix --unsafe-fixes",
		              sum->unsafe_fixable);
	}
}

static void summary_zh(tl_buf *out, const tl_emit_summary *sum, size_t n)
{
	tl_buf_printf(out, "共 %zu 个问题（%zu 个错误，%zu 个警告", n,
	              sum->errors, sum->warnings);
	if (sum->infos)
		tl_buf_printf(out, "，%zu 个提示", sum->infos);
	tl_buf_puts(out, "）");
	if (sum->fixable) {
		tl_buf_printf(out, "，%zu 个可用 --fix 修复", sum->fixable);
		if (sum->unsafe_fixable)
			tl_buf_printf(out,
			              "（另有 %zu 个可用 --unsafe-fixes 修复）",
			              sum->unsafe_fixable);
	} else if (sum->unsafe_fixable) {
		tl_buf_printf(out, "，%zu 个可用 --fix --unsafe-fixes 修复",
		              sum->unsafe_fixable);
	}
}

static void text_end(const tl_emit_ctx *ctx, tl_buf *out,
                     const tl_emit_summary *sum)
{
	size_t n = sum->errors + sum->warnings + sum->infos;

	if (sum->fixed_files) {
		color_on(ctx, out, BOLD);
		if (ctx->lang == TL_LANG_ZH)
			tl_buf_printf(out, "已修复 %zu 个文件",
			              sum->fixed_files);
		else
			tl_buf_printf(
			    out, "Fixed %zu %s", sum->fixed_files,
			    plural(sum->fixed_files, "file", "files"));
		color_on(ctx, out, RESET);
		tl_buf_putc(out, '\n');
	}
	if (n == 0)
		return;
	color_on(ctx, out, BOLD);
	if (ctx->lang == TL_LANG_ZH)
		summary_zh(out, sum, n);
	else
		summary_en(out, sum, n);
	color_on(ctx, out, RESET);
	tl_buf_putc(out, '\n');
}

const tl_emitter tl_emit_text = {
    .name = "text",
    .separator = "",
    .begin = NULL,
    .file = text_file,
    .end = text_end,
};
