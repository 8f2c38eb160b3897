/*
 * rdjson.c: the reviewdog Diagnostic Format (rdjson), one JSON document
 * for a whole run that `reviewdog -f=rdjson` reads:
 *
 *     {"source": {"name": "translint", "url": ...}, "diagnostics": [
 *       {"message": ..., "location": {"path": "a.md", "range":
 *         {"start": {"line": 3, "column": 13}, "end": {...}}},
 *        "severity": "WARNING", "code": {"value": "space-cjk-latin",
 *        "url": ...}, "suggestions": [{"range": {...}, "text": " "}]}]}
 *
 * Columns count UTF-8 bytes, as reviewdog.proto says ('a𐐀b': b is column
 * 6); lines and columns are 1-based and the end is exclusive. Each edit of
 * a diagnostic's fix is one suggestion (reviewdog applies them together).
 * A file without diagnostics writes nothing, so that the array gets no
 * dangling separator.
 */
#include "emit/emit.h"
#include "ruledoc.h"

#include <string.h>

static void rdjson_string(tl_buf *out, const char *s)
{
	if (!s)
		s = "";
	tl_emit_json_string(out, s, strlen(s));
}

static void rdjson_range(tl_buf *out, const tl_source *src, size_t start,
                         size_t end)
{
	tl_pos a = tl_source_position(src, start, TL_UNIT_BYTE);
	tl_pos b = tl_source_position(src, end, TL_UNIT_BYTE);

	tl_buf_printf(out,
	              "{\"start\": {\"line\": %zu, \"column\": %zu}, "
	              "\"end\": {\"line\": %zu, \"column\": %zu}}",
	              a.line, a.column, b.line, b.column);
}

static const char *rdjson_severity(tl_severity s)
{
	switch (s) {
	case TL_SEVERITY_ERROR:
		return "ERROR";
	case TL_SEVERITY_WARNING:
		return "WARNING";
	case TL_SEVERITY_INFO:
		return "INFO";
	case TL_SEVERITY_OFF:
		break;
	}
	return "UNKNOWN_SEVERITY";
}

/* related_locations: where D stands in the original (DESIGN.md 8.3),
 * for a source rule's finding. */
static void rdjson_related(const tl_emit_ctx *ctx, tl_buf *out,
                           const tl_result *res, const tl_diag *d)
{
	tl_pos pos;

	if (!tl_emit_original(res, d, TL_UNIT_BYTE, &pos))
		return;
	tl_buf_puts(out, ", \"related_locations\": [{\"message\": ");
	rdjson_string(out, ctx->lang == TL_LANG_ZH ? "原文" : "original");
	tl_buf_puts(out, ", \"location\": {\"path\": ");
	rdjson_string(out, res->original->path);
	tl_buf_puts(out, ", \"range\": ");
	rdjson_range(out, res->original, d->orig_start, d->orig_end);
	tl_buf_puts(out, "}}]");
}

static void rdjson_begin(const tl_emit_ctx *ctx, tl_buf *out)
{
	(void)ctx;
	tl_buf_puts(out, "{\"source\": {\"name\": \"translint\"}, "
	                 "\"diagnostics\": [\n");
}

static void rdjson_file(const tl_emit_ctx *ctx, tl_buf *out,
                        const tl_result *res)
{
	size_t i, k;

	(void)ctx;
	for (i = 0; i < res->ndiags; i++) {
		const tl_diag *d = &res->diags[i];
		tl_buf url = {0};

		tl_buf_puts(out, i ? ",\n{\"message\": " : "{\"message\": ");
		rdjson_string(out, d->message);
		tl_buf_puts(out, ", \"location\": {\"path\": ");
		rdjson_string(out, res->source->path);
		tl_buf_puts(out, ", \"range\": ");
		rdjson_range(out, res->source, d->start, d->end);
		tl_buf_printf(out,
		              "}, \"severity\": \"%s\", \"code\": "
		              "{\"value\": ",
		              rdjson_severity(d->severity));
		rdjson_string(out, d->rule);
		if (tl_rule_url(&url, d->rule, ctx->lang)) {
			tl_buf_puts(out, ", \"url\": ");
			rdjson_string(out, url.data);
		}
		tl_buf_free(&url);
		tl_buf_putc(out, '}');
		if (d->fix.applicability != TL_FIX_NONE && d->fix.nedits) {
			tl_buf_puts(out, ", \"suggestions\": [");
			for (k = 0; k < d->fix.nedits; k++) {
				const tl_edit *e = &d->fix.edits[k];

				tl_buf_puts(out, k ? ", {\"range\": "
				                   : "{\"range\": ");
				rdjson_range(out, res->source, e->start,
				             e->end);
				tl_buf_puts(out, ", \"text\": ");
				rdjson_string(out, e->text);
				tl_buf_putc(out, '}');
			}
			tl_buf_putc(out, ']');
		}
		rdjson_related(ctx, out, res, d);
		tl_buf_putc(out, '}');
		tl_emit_flush(out);
	}
}

static void rdjson_end(const tl_emit_ctx *ctx, tl_buf *out,
                       const tl_emit_summary *sum)
{
	(void)ctx;
	(void)sum;
	tl_buf_puts(out, "\n]}\n");
}

const tl_emitter tl_emit_rdjson = {
    .name = "rdjson",
    .separator = ",\n",
    .begin = rdjson_begin,
    .file = rdjson_file,
    .end = rdjson_end,
};
