/*
 * sarif.c: SARIF 2.1.0 (OASIS Static Analysis Results Interchange
 * Format), what GitHub code scanning and many review tools import. One
 * run: tool.driver names translint and lists every built-in rule (id,
 * short description, help URI to its page under docs/rules/), then one
 * result per diagnostic with its rule, level, message, location and, when
 * the diagnostic has one, the fix as artifactChanges/replacements.
 *
 * Columns count UTF-16 code units, the SARIF default (run.columnKind
 * "utf16CodeUnits", written out so that no reader has to assume it).
 * Lines and columns are 1-based; an end column is exclusive, so an empty
 * span (an insertion point) has startColumn == endColumn.
 *
 * The help URIs are the rule pages of ruledoc.h (tl_rule_url).
 *
 * A file without results writes nothing (the results of several files
 * are one array, and emit.h's driver puts the separator only between
 * non-empty chunks).
 */
#include "emit/emit.h"
#include "ruledoc.h"

#include <string.h>

static void sarif_string(tl_buf *out, const char *s)
{
	if (!s)
		s = "";
	tl_emit_json_string(out, s, strlen(s));
}

/* PATH as a URI reference: relative paths stay relative (SARIF resolves
 * them against the run's working folder), absolute ones become file://
 * URIs, and every byte outside the unreserved set and '/' is
 * percent-encoded (spaces, '#', '%', non-ASCII UTF-8). */
static void sarif_uri(tl_buf *out, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	tl_buf uri = {0};
	const unsigned char *p;

	if (path[0] == '/')
		tl_buf_puts(&uri, "file://");
	else if (path[0] == '.' && path[1] == '/')
		path += 2;
	for (p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			tl_buf_putc(&uri, (char)*p);
		} else {
			tl_buf_putc(&uri, '%');
			tl_buf_putc(&uri, hex[*p >> 4]);
			tl_buf_putc(&uri, hex[*p & 15]);
		}
	}
	tl_buf_puts(&uri, "");
	sarif_string(out, uri.data);
	tl_buf_free(&uri);
}

static void sarif_region(tl_buf *out, const tl_source *src, size_t start,
                         size_t end)
{
	tl_pos a = tl_source_position(src, start, TL_UNIT_UTF16);
	tl_pos b = tl_source_position(src, end, TL_UNIT_UTF16);

	tl_buf_printf(out,
	              "{\"startLine\": %zu, \"startColumn\": %zu, "
	              "\"endLine\": %zu, \"endColumn\": %zu}",
	              a.line, a.column, b.line, b.column);
}

static const char *sarif_level(tl_severity s)
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
	return "note";
}

static void sarif_begin(const tl_emit_ctx *ctx, tl_buf *out)
{
	size_t i;

	tl_buf_puts(out, "{\"$schema\": "
	                 "\"https://json.schemastore.org/sarif-2.1.0.json\", "
	                 "\"version\": \"2.1.0\", \"runs\": [{\n"
	                 "\"tool\": {\"driver\": {\"name\": \"translint\", ");
	tl_buf_puts(out, "\"version\": ");
	sarif_string(out, ctx->tool_version);
	tl_buf_puts(out, ", \"informationUri\": ");
	sarif_string(out, TL_DOCS_URL);
	tl_buf_puts(out, ", \"rules\": [");
	for (i = 0; i < ctx->nrules; i++) {
		const tl_rule *r = ctx->rules[i];

		tl_buf_puts(out, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
		sarif_string(out, r->name);
		tl_buf_puts(out, ", \"shortDescription\": {\"text\": ");
		sarif_string(out, ctx->lang == TL_LANG_ZH && r->summary_zh
		                      ? r->summary_zh
		                      : r->summary);
		tl_buf_puts(out, "}");
		/* Custom rules (rules: custom:) have no page of their own. */
		if (tl_rule_find(r->name) == r) {
			tl_buf uri = {0};

			tl_buf_puts(out, ", \"helpUri\": ");
			tl_rule_url(&uri, r->name, ctx->lang);
			sarif_string(out, uri.data);
			tl_buf_free(&uri);
		}
		tl_buf_printf(out,
		              ", \"defaultConfiguration\": {\"level\": "
		              "\"%s\"}}",
		              sarif_level(r->severity));
	}
	tl_buf_puts(out, "]}},\n\"columnKind\": \"utf16CodeUnits\", "
	                 "\"results\": [\n");
}

static void sarif_fix(tl_buf *out, const tl_result *res, const tl_diag *d)
{
	size_t i;

	tl_buf_printf(out, ", \"fixes\": [{\"description\": {\"text\": \"%s\"}",
	              d->fix.applicability == TL_FIX_SAFE ? "safe fix"
	                                                  : "unsafe fix");
	tl_buf_puts(out, ", \"artifactChanges\": [{\"artifactLocation\": "
	                 "{\"uri\": ");
	sarif_uri(out, res->source->path);
	tl_buf_puts(out, "}, \"replacements\": [");
	for (i = 0; i < d->fix.nedits; i++) {
		const tl_edit *e = &d->fix.edits[i];

		tl_buf_puts(out, i ? ", {\"deletedRegion\": "
		                   : "{\"deletedRegion\": ");
		sarif_region(out, res->source, e->start, e->end);
		tl_buf_puts(out, ", \"insertedContent\": {\"text\": ");
		sarif_string(out, e->text);
		tl_buf_puts(out, "}}");
	}
	tl_buf_puts(out, "]}]}]");
}

/* relatedLocations: where D stands in the original (DESIGN.md 8.3), for
 * a source rule's finding. */
static void sarif_related(const tl_emit_ctx *ctx, tl_buf *out,
                          const tl_result *res, const tl_diag *d)
{
	tl_pos pos;

	if (!tl_emit_original(res, d, TL_UNIT_UTF16, &pos))
		return;
	tl_buf_puts(out, ", \"relatedLocations\": [{\"id\": 1, "
	                 "\"physicalLocation\": {\"artifactLocation\": "
	                 "{\"uri\": ");
	sarif_uri(out, res->original->path);
	tl_buf_puts(out, "}, \"region\": ");
	sarif_region(out, res->original, d->orig_start, d->orig_end);
	tl_buf_puts(out, "}, \"message\": {\"text\": ");
	sarif_string(out, ctx->lang == TL_LANG_ZH ? "原文" : "original");
	tl_buf_puts(out, "}}]");
}

static void sarif_file(const tl_emit_ctx *ctx, tl_buf *out,
                       const tl_result *res)
{
	size_t i;

	for (i = 0; i < res->ndiags; i++) {
		const tl_diag *d = &res->diags[i];

		tl_buf_puts(out, i ? ",\n{\"ruleId\": " : "{\"ruleId\": ");
		sarif_string(out, d->rule);
		tl_buf_printf(out,
		              ", \"level\": \"%s\", \"message\": {\"text\": ",
		              sarif_level(d->severity));
		sarif_string(out, d->message);
		tl_buf_puts(out, "}, \"locations\": [{\"physicalLocation\": "
		                 "{\"artifactLocation\": {\"uri\": ");
		sarif_uri(out, res->source->path);
		tl_buf_puts(out, "}, \"region\": ");
		sarif_region(out, res->source, d->start, d->end);
		tl_buf_puts(out, "}}]");
		sarif_related(ctx, out, res, d);
		if (d->fix.applicability != TL_FIX_NONE && d->fix.nedits)
			sarif_fix(out, res, d);
		tl_buf_putc(out, '}');
		tl_emit_flush(out);
	}
}

static void sarif_end(const tl_emit_ctx *ctx, tl_buf *out,
                      const tl_emit_summary *sum)
{
	(void)ctx;
	(void)sum;
	tl_buf_puts(out, "\n]}]}\n");
}

const tl_emitter tl_emit_sarif = {
    .name = "sarif",
    .separator = ",\n",
    .begin = sarif_begin,
    .file = sarif_file,
    .end = sarif_end,
};
