/*
 * gcc.c: the gcc format, one diagnostic a line and nothing else:
 *
 *     path:line:col: severity: message [rule]
 *
 * the shape compilers print, which vim's default errorformat, Emacs
 * compilation mode and efm-langserver read without configuration. Columns
 * count code points. It is also the format the test fixtures expect,
 * because a diff of two such files reads well.
 */
#include "emit/emit.h"

/* Appends the decimal digits of N, as "%zu" prints them. */
static void put_number(tl_buf *out, size_t n)
{
	char digits[24];
	size_t k = sizeof digits;

	do {
		digits[--k] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	tl_buf_append(out, digits + k, sizeof digits - k);
}

static void gcc_file(const tl_emit_ctx *ctx, tl_buf *out, const tl_result *res)
{
	tl_buf path = {NULL, 0, 0};
	size_t i;

	if (res->ndiags == 0)
		return;
	/* Every line starts with the same path: escape it once. */
	tl_emit_plain(&path, res->source->path);
	for (i = 0; i < res->ndiags; i++) {
		const tl_diag *d = &res->diags[i];
		tl_pos pos = tl_source_position(res->source, d->start,
		                                TL_UNIT_CODEPOINT);

		/* ":line:col: severity: ", written without the cost of a
		 * printf. */
		tl_buf_append(out, path.data, path.len);
		tl_buf_putc(out, ':');
		put_number(out, pos.line);
		tl_buf_putc(out, ':');
		put_number(out, pos.column);
		tl_buf_puts(out, ": ");
		tl_buf_puts(out, tl_severity_name(d->severity));
		tl_buf_puts(out, ": ");
		tl_emit_plain(out, d->message);
		tl_emit_original_note(ctx, out, res, d);
		tl_buf_puts(out, " [");
		tl_emit_plain(out, d->rule);
		tl_buf_puts(out, "]\n");
		tl_emit_flush(out);
	}
	tl_buf_free(&path);
}

const tl_emitter tl_emit_gcc = {
    .name = "gcc",
    .separator = "",
    .begin = NULL,
    .file = gcc_file,
    .end = NULL,
};
