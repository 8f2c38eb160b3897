/*
 * json.c: the json format of DESIGN.md section 3, for scripts and
 * editors:
 *
 *     {"version": 1, "files": [
 *     {"path": "a.md", "diagnostics": [
 *       {"rule": ..., "fix": null}]}
 *     ], "summary": {"files": 1, "errors": 0, "warnings": 1, "fixable": 1}}
 *
 * Each diagnostic's "url" is its rule's page (null for a custom rule).
 * Every linted file is listed, with an empty "diagnostics" array when it
 * has none, so that an editor knows to clear what it showed before.
 * Lines and columns are 1-based and count code points; end_line and
 * end_column are the position of the span's end (exclusive); offsets are
 * bytes. The layout (one file and one diagnostic a line) is fixed so that
 * the output is byte-identical across runs and -j values.
 */
#include "emit/emit.h"
#include "ruledoc.h"

#include <string.h>

static void json_begin(const tl_emit_ctx *ctx, tl_buf *out)
{
	(void)ctx;
	tl_buf_puts(out, "{\"version\": 1, \"files\": [\n");
}

static void json_fix(tl_buf *out, const tl_fix *fix)
{
	size_t i;

	if (fix->applicability == TL_FIX_NONE) {
		tl_buf_puts(out, "null");
		return;
	}
	tl_buf_printf(out, "{\"applicability\": \"%s\", \"edits\": [",
	              tl_emit_applicability_name(fix->applicability));
	for (i = 0; i < fix->nedits; i++) {
		const tl_edit *e = &fix->edits[i];
		const char *text = e->text ? e->text : "";
		tl_buf_printf(out,
		              "%s{\"offset\": %zu, \"end_offset\": %zu, "
		              "\"text\": ",
		              i ? ", " : "", e->start, e->end);
		tl_emit_json_string(out, text, strlen(text));
		tl_buf_putc(out, '}');
	}
	tl_buf_puts(out, "]}");
}

static void json_string(tl_buf *out, const char *s)
{
	if (!s)
		s = "";
	tl_emit_json_string(out, s, strlen(s));
}

/* The rule's page, or null for a custom rule (it has none). */
static void json_url(tl_buf *out, const char *rule, tl_lang lang)
{
	tl_buf url = {0};

	tl_buf_puts(out, ", \"url\": ");
	if (tl_rule_url(&url, rule, lang))
		json_string(out, url.data);
	else
		tl_buf_puts(out, "null");
	tl_buf_free(&url);
}

/* "original": where D stands in the original (DESIGN.md 8.3), written
 * only for a finding that has a place there. */
static void json_original(tl_buf *out, const tl_result *res, const tl_diag *d)
{
	tl_pos a, b;

	if (!tl_emit_original(res, d, TL_UNIT_CODEPOINT, &a))
		return;
	b = tl_source_position(res->original, d->orig_end, TL_UNIT_CODEPOINT);
	tl_buf_puts(out, ", \"original\": {\"path\": ");
	json_string(out, res->original->path);
	tl_buf_printf(out,
	              ", \"line\": %zu, \"column\": %zu, \"end_line\": %zu, "
	              "\"end_column\": %zu, \"offset\": %zu, "
	              "\"end_offset\": %zu}",
	              a.line, a.column, b.line, b.column, d->orig_start,
	              d->orig_end);
}

static void json_file(const tl_emit_ctx *ctx, tl_buf *out, const tl_result *res)
{
	size_t i;

	(void)ctx;
	tl_buf_puts(out, "{\"path\": ");
	json_string(out, res->source->path);
	tl_buf_puts(out, ", \"diagnostics\": [");
	for (i = 0; i < res->ndiags; i++) {
		const tl_diag *d = &res->diags[i];
		tl_pos a = tl_source_position(res->source, d->start,
		                              TL_UNIT_CODEPOINT);
		tl_pos b =
		    tl_source_position(res->source, d->end, TL_UNIT_CODEPOINT);

		tl_buf_puts(out, i ? ",\n  {\"rule\": " : "\n  {\"rule\": ");
		json_string(out, d->rule);
		tl_buf_printf(out, ", \"severity\": \"%s\", \"message\": ",
		              tl_severity_name(d->severity));
		json_string(out, d->message);
		json_url(out, d->rule, ctx->lang);
		tl_buf_printf(out,
		              ", \"line\": %zu, \"column\": %zu, "
		              "\"end_line\": %zu, \"end_column\": %zu, "
		              "\"offset\": %zu, \"end_offset\": %zu, \"fix\": ",
		              a.line, a.column, b.line, b.column, d->start,
		              d->end);
		json_fix(out, &d->fix);
		json_original(out, res, d);
		tl_buf_putc(out, '}');
		tl_emit_flush(out);
	}
	tl_buf_puts(out, "]}");
}

static void json_end(const tl_emit_ctx *ctx, tl_buf *out,
                     const tl_emit_summary *sum)
{
	(void)ctx;
	tl_buf_printf(out,
	              "\n], \"summary\": {\"files\": %zu, \"errors\": %zu, "
	              "\"warnings\": %zu, \"fixable\": %zu}}\n",
	              sum->files, sum->errors, sum->warnings, sum->fixable);
}

const tl_emitter tl_emit_json = {
    .name = "json",
    .separator = ",\n",
    .begin = json_begin,
    .file = json_file,
    .end = json_end,
};
