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

static void gcc_file(const tl_emit_ctx *ctx, tl_buf *out, const tl_result *res)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < res->ndiags; i++) {
		const tl_diag *d = &res->diags[i];
		tl_pos pos = tl_source_position(res->source, d->start,
		                                TL_UNIT_CODEPOINT);

		tl_emit_plain(out, res->source->path);
		tl_buf_printf(out, ":%zu:%zu: %s: ", pos.line, pos.column,
		              tl_severity_name(d->severity));
		tl_emit_plain(out, d->message);
		tl_buf_puts(out, " [");
		tl_emit_plain(out, d->rule);
		tl_buf_puts(out, "]\n");
	}
}

const tl_emitter tl_emit_gcc = {
    .name = "gcc",
    .separator = "",
    .begin = NULL,
    .file = gcc_file,
    .end = NULL,
};
