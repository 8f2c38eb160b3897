/*
 * github.c: GitHub Actions workflow commands, one a line, which the
 * runner turns into annotations on the pull request:
 *
 *     ::warning file=a.md,line=3,col=5,endLine=3,endColumn=7,title=RULE::MSG
 *
 * (error, warning, or notice for info). Columns count code points and the
 * end is exclusive, as in the json format. Values are escaped as the
 * runner unescapes them (actions/toolkit, command.ts): in the message
 * '%', CR and LF become %25, %0D, %0A; in property values ':' and ','
 * too (%3A, %2C), since they delimit properties. Any other control
 * character (ESC, BEL, U+0085, U+009B) or bidirectional control
 * (U+202E) becomes a space, as in the gcc format: the runner prints the
 * command to the log, where it would reach a terminal.
 */
#include "emit/emit.h"

static void github_escape(tl_buf *out, const char *s, bool property)
{
	for (; s && *s; s++) {
		size_t n =
		    *s == '\r' || *s == '\n' ? 0 : tl_emit_control_len(s);
		if (n) {
			tl_buf_putc(out, ' ');
			s += n - 1;
			continue;
		}
		switch (*s) {
		case '%':
			tl_buf_puts(out, "%25");
			break;
		case '\r':
			tl_buf_puts(out, "%0D");
			break;
		case '\n':
			tl_buf_puts(out, "%0A");
			break;
		case ':':
			tl_buf_puts(out, property ? "%3A" : ":");
			break;
		case ',':
			tl_buf_puts(out, property ? "%2C" : ",");
			break;
		default:
			tl_buf_putc(out, *s);
		}
	}
}

static const char *github_command(tl_severity s)
{
	switch (s) {
	case TL_SEVERITY_ERROR:
		return "error";
	case TL_SEVERITY_WARNING:
		return "warning";
	case TL_SEVERITY_INFO:
	case TL_SEVERITY_OFF:
		break;
	}
	return "notice";
}

static void github_file(const tl_emit_ctx *ctx, tl_buf *out,
                        const tl_result *res)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < res->ndiags; i++) {
		const tl_diag *d = &res->diags[i];
		tl_pos a = tl_source_position(res->source, d->start,
		                              TL_UNIT_CODEPOINT);
		tl_pos b =
		    tl_source_position(res->source, d->end, TL_UNIT_CODEPOINT);

		tl_buf_printf(out, "::%s file=", github_command(d->severity));
		github_escape(out, res->source->path, true);
		tl_buf_printf(out,
		              ",line=%zu,col=%zu,endLine=%zu,endColumn=%zu,"
		              "title=",
		              a.line, a.column, b.line, b.column);
		github_escape(out, d->rule, true);
		tl_buf_puts(out, "::");
		github_escape(out, d->message, false);
		if (d->orig_start != TL_NONE) {
			tl_buf note = {0};

			tl_emit_original_note(ctx, &note, res, d);
			if (note.len)
				github_escape(out, note.data, false);
			tl_buf_free(&note);
		}
		tl_buf_putc(out, '\n');
		tl_emit_flush(out);
	}
}

const tl_emitter tl_emit_github = {
    .name = "github",
    .separator = "",
    .begin = NULL,
    .file = github_file,
    .end = NULL,
};
