/*
 * html.c: the html format, one self-contained review page for all the
 * files of a run (issue 16): an overview, then one section per file with
 * its counts, its document as it renders with every finding drawn on its
 * span (html_doc.c), and the list of its findings, each with its rule,
 * message and fix (the edits as before -> after), linking to its mark.
 *
 * Self-contained: the style sheet and the script are inline
 * (src/emit/html.css, html.js, embedded at build time), nothing is loaded
 * (no font, no image: a document's images show their alt text), and a
 * Content-Security-Policy that allows exactly those two inline blocks,
 * by their SHA-256 digests, makes sure of it: even a bug in the escaping
 * could not run a document's script or fetch anything.
 *
 * The page is written as the other formats are, in pieces: begin() the
 * head (with the script, which works while a long page is still loading)
 * and the overview's frame, file() one section per file (in a worker
 * thread; it keeps no state), end() the run's totals. The overview's
 * tables (files, findings per rule) need every file's counts, which only
 * exist once the last section is written, so the script fills them from
 * the sections' data-* counts and the list rows, and moves the totals
 * up. Without script the sections still give
 * every count.
 */
#include "emit/html.h"
#include "embedded.h"
#include "ruledoc.h"

#include <stdlib.h>
#include <string.h>

/* The edits of one fix shown at most; the rest are counted. */
#define MAX_EDITS 8
/* Code points of context on each side of an edit. */
#define CONTEXT 8

static const struct tl_embedded_file *asset(const char *name)
{
	for (const struct tl_embedded_file *f = tl_html_assets; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL; /* not reached: the build embeds both */
}

static const char *word(const tl_emit_ctx *ctx, tl_html_word w)
{
	return tl_html_word_in(ctx->lang, w);
}

/* The page of every built-in rule of the run, with its summary, once:
 * the script links the rule names of the overview and the tooltip to
 * them. Custom rules have no page. */
static void write_rule_pages(const tl_emit_ctx *ctx, tl_buf *out)
{
	tl_buf url = {0};

	tl_buf_puts(out, "<p id=\"rule-pages\" hidden>");
	for (size_t i = 0; i < ctx->nrules; i++) {
		const tl_rule *r = ctx->rules[i];
		const char *summary = ctx->lang == TL_LANG_ZH && r->summary_zh
		                          ? r->summary_zh
		                          : r->summary;
		url.len = 0;
		if (!tl_rule_url(&url, r->name, ctx->lang))
			continue;
		tl_buf_puts(out, "<a href=\"");
		tl_html_puts(out, url.data);
		tl_buf_puts(out, "\" title=\"");
		tl_html_puts(out, summary);
		tl_buf_puts(out, "\">");
		tl_html_puts(out, r->name);
		tl_buf_puts(out, "</a>");
	}
	tl_buf_puts(out, "</p>\n");
	tl_buf_free(&url);
}

static void html_begin(const tl_emit_ctx *ctx, tl_buf *out)
{
	const struct tl_embedded_file *css = asset("html.css");
	const struct tl_embedded_file *js = asset("html.js");
	char css_hash[45], js_hash[45];

	tl_html_sha256_base64(css->data, css->len, css_hash);
	tl_html_sha256_base64(js->data, js->len, js_hash);
	tl_buf_printf(out,
	              "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	              "<meta charset=\"utf-8\">\n"
	              "<meta http-equiv=\"Content-Security-Policy\" "
	              "content=\"default-src 'none'; style-src 'sha256-%s'; "
	              "script-src 'sha256-%s'; img-src 'none'; "
	              "base-uri 'none'; form-action 'none'\">\n"
	              "<meta name=\"viewport\" content=\"width=device-width, "
	              "initial-scale=1\">\n"
	              "<meta name=\"color-scheme\" content=\"light dark\">\n"
	              "<meta name=\"referrer\" content=\"no-referrer\">\n"
	              "<meta name=\"generator\" content=\"translint %s\">\n"
	              "<title>",
	              ctx->lang == TL_LANG_ZH ? "zh" : "en", css_hash, js_hash,
	              ctx->tool_version);
	tl_html_puts(out, word(ctx, TL_HW_TITLE));
	tl_buf_puts(out, "</title>\n<style>");
	tl_buf_append(out, css->data, css->len);
	/* The script comes first, so that tooltips and keys work while a
	 * long page is still loading; it waits for the document before it
	 * fills the overview. */
	tl_buf_puts(out, "</style>\n<script>");
	tl_buf_append(out, js->data, js->len);
	tl_buf_puts(out, "</script>\n</head>\n<body>\n"
	                 "<nav class=\"skip\" aria-label=\"skip links\">");
	tl_buf_puts(out, "<a href=\"#overview\">");
	tl_html_puts(out, word(ctx, TL_HW_SKIP_OVERVIEW));
	tl_buf_puts(out, "</a> <a href=\"#files\">");
	tl_html_puts(out, word(ctx, TL_HW_SKIP_FILES));
	tl_buf_puts(out, "</a></nav>\n<header>\n<h1>");
	tl_html_puts(out, word(ctx, TL_HW_TITLE));
	tl_buf_printf(out, "</h1>\n<p class=\"meta\">%zu ", ctx->files);
	tl_html_puts(out, word(ctx, ctx->files == 1 ? TL_HW_FILE_COUNTED
	                                            : TL_HW_FILES_COUNTED));
	tl_buf_puts(out, " · ");
	if (ctx->fix_mode) {
		tl_html_puts(out, word(ctx, TL_HW_AFTER_FIX));
		tl_buf_puts(out, " · ");
	}
	tl_html_puts(out, word(ctx, TL_HW_GENERATED));
	tl_buf_printf(out, " translint %s</p>\n<p class=\"keys\">",
	              ctx->tool_version);
	tl_html_puts(out, word(ctx, TL_HW_KEYS));
	tl_buf_puts(out,
	            "</p>\n</header>\n<div id=\"tip\" role=\"tooltip\" "
	            "hidden></div>\n<main>\n"
	            "<section id=\"overview\" aria-labelledby=\"overview-h\">\n"
	            "<h2 id=\"overview-h\">");
	tl_html_puts(out, word(ctx, TL_HW_OVERVIEW));
	tl_buf_puts(out, "</h2>\n<noscript><p>");
	tl_html_puts(out, word(ctx, TL_HW_NOSCRIPT));
	/* The tables' bodies are the script's. */
	tl_buf_puts(out, "</p></noscript>\n<table id=\"ov-files\"><caption>");
	tl_html_puts(out, word(ctx, TL_HW_FILES_CAPTION));
	tl_buf_puts(out, "</caption>\n<thead><tr><th scope=\"col\">");
	tl_html_puts(out, word(ctx, TL_HW_FILE));
	for (tl_html_word w = TL_HW_ERRORS; w <= TL_HW_TOTAL; w++) {
		tl_buf_puts(out, "</th><th scope=\"col\">");
		tl_html_puts(out, word(ctx, w));
	}
	tl_buf_puts(out, "</th></tr></thead>\n<tbody></tbody></table>\n"
	                 "<table id=\"ov-rules\"><caption>");
	tl_html_puts(out, word(ctx, TL_HW_RULES_CAPTION));
	tl_buf_puts(out, "</caption>\n<thead><tr><th scope=\"col\">");
	tl_html_puts(out, word(ctx, TL_HW_RULE));
	for (tl_html_word w = TL_HW_ERRORS; w <= TL_HW_TOTAL; w++) {
		tl_buf_puts(out, "</th><th scope=\"col\">");
		tl_html_puts(out, word(ctx, w));
	}
	tl_buf_puts(out, "</th></tr></thead>\n<tbody></tbody></table>\n");
	write_rule_pages(ctx, out);
	tl_buf_puts(out, "</section>\n<div id=\"files\">\n");
	if (ctx->files == 0) {
		tl_buf_puts(out, "<p>");
		tl_html_puts(out, word(ctx, TL_HW_NO_FILES));
		tl_buf_puts(out, "</p>\n");
	}
}

/* The start of the UTF-8 character before P, not before LO. */
static size_t char_back(const char *s, size_t lo, size_t p)
{
	if (p > lo)
		p--;
	while (p > lo && ((unsigned char)s[p] & 0xC0) == 0x80)
		p--;
	return p;
}

static size_t char_next(const char *s, size_t hi, size_t p)
{
	if (p < hi)
		p++;
	while (p < hi && ((unsigned char)s[p] & 0xC0) == 0x80)
		p++;
	return p;
}

/* Appends N bytes at S with their white space made visible (for the
 * changed part of an edit, where a space is often the whole change). */
static void visible(tl_buf *out, const char *s, size_t n)
{
	size_t plain = 0;

	for (size_t i = 0; i < n; i++) {
		const char *sym = s[i] == ' '    ? "\xE2\x90\xA3" /* ␣ */
		                  : s[i] == '\t' ? "\xE2\x87\xA5" /* ⇥ */
		                  : s[i] == '\n' ? "\xE2\x86\xB5" /* ↵ */
		                  : s[i] == '\r' ? ""
		                                 : NULL;
		if (!sym)
			continue;
		tl_html_escape(out, s + plain, i - plain, false);
		tl_buf_puts(out, sym);
		plain = i + 1;
	}
	tl_html_escape(out, s + plain, n - plain, false);
}

/* One edit as before -> after, with a little context on its line. */
static void write_edit(tl_buf *out, const tl_source *src, const tl_edit *e)
{
	size_t line = tl_source_line_index(src, e->start), ls, le;
	size_t a = e->start, b = e->end;
	const char *text = e->text ? e->text : "";

	tl_source_line_span(src, line, &ls, &le);
	if (ls > a)
		ls = a;
	for (int i = 0; i < CONTEXT && a > ls; i++)
		a = char_back(src->data, ls, a);
	line = tl_source_line_index(src, e->end);
	tl_source_line_span(src, line, &ls, &le);
	if (le < b)
		le = b;
	for (int i = 0; i < CONTEXT && b < le; i++)
		b = char_next(src->data, le, b);

	tl_buf_puts(out, "<span>");
	tl_html_escape(out, src->data + a, e->start - a, false);
	if (e->end > e->start) {
		tl_buf_puts(out, "<del>");
		visible(out, src->data + e->start, e->end - e->start);
		tl_buf_puts(out, "</del>");
	}
	tl_html_escape(out, src->data + e->end, b - e->end, false);
	tl_buf_puts(out, "</span> \xE2\x86\x92 <span>"); /* → */
	tl_html_escape(out, src->data + a, e->start - a, false);
	if (*text) {
		tl_buf_puts(out, "<ins>");
		visible(out, text, strlen(text));
		tl_buf_puts(out, "</ins>");
	}
	tl_html_escape(out, src->data + e->end, b - e->end, false);
	tl_buf_puts(out, "</span>");
}

static void write_fix(const tl_emit_ctx *ctx, tl_buf *out, const tl_source *src,
                      const tl_fix *fix)
{
	size_t shown = fix->nedits < MAX_EDITS ? fix->nedits : MAX_EDITS;

	tl_buf_printf(out, "<small class=\"fix %s\"> <i>",
	              tl_emit_applicability_name(fix->applicability));
	tl_html_puts(out, word(ctx, fix->applicability == TL_FIX_SAFE
	                                ? TL_HW_SAFE_FIX
	                                : TL_HW_UNSAFE_FIX));
	tl_buf_puts(out, ":</i> ");
	for (size_t i = 0; i < shown; i++) {
		if (i)
			tl_buf_puts(out, "; ");
		write_edit(out, src, &fix->edits[i]);
	}
	if (fix->nedits > shown) {
		tl_buf_printf(out, "; +%zu ", fix->nedits - shown);
		tl_html_puts(out, word(ctx, TL_HW_MORE_EDITS));
	}
	tl_buf_puts(out, "</small>");
}

/* Whether D is a finding of a rule that compares the translation with
 * its original (a source rule: it has the check_original hook). */
static bool from_source_rule(const tl_diag *d)
{
	const tl_rule *r = tl_rule_find(d->rule);

	return r && r->check_original;
}

/* Finding K of RES in the list. The row is kept small (a long draft has
 * thousands): position link, severity, rule, then the message and fix,
 * which the finding's marks name as their description. The rule's page
 * is linked once, from the overview and the tooltip (#rule-pages).
 * Beside an original (WHERE: the TL_HTML_* flags the pair view gave the
 * finding, NULL when the page shows no original), a source rule's
 * finding also links to its place in the original, after its own, or
 * says that it has none. */
static void write_row(const tl_emit_ctx *ctx, tl_buf *out, const char *id,
                      const tl_result *res, size_t k,
                      const unsigned char *where)
{
	const tl_diag *d = &res->diags[k];
	const char *sev = tl_severity_name(d->severity);
	tl_pos at =
	    tl_source_position(res->source, d->start, TL_UNIT_CODEPOINT);
	tl_pos oat;
	bool in_original = tl_emit_original(res, d, TL_UNIT_CODEPOINT, &oat);

	tl_buf_printf(out,
	              "<li id=\"%s-r%zu\" class=\"%c\"><a href=\"#%s-%zu\">"
	              "%zu:%zu</a> ",
	              id, k + 1, sev[0], id, k + 1, at.line, at.column);
	if (in_original && where && (where[k] & TL_HTML_IN_ORIGINAL)) {
		tl_buf_printf(out, "<a class=\"o\" href=\"#%s-o%zu\">", id,
		              k + 1);
		tl_html_puts(out, word(ctx, TL_HW_IN_ORIGINAL));
		tl_buf_printf(out, " %zu:%zu</a> ", oat.line, oat.column);
	} else if (in_original) {
		/* An original the page could not show (not text). */
		tl_buf_puts(out, "<span class=\"o\">");
		tl_html_puts(out, word(ctx, TL_HW_IN_ORIGINAL));
		tl_buf_printf(out, " %zu:%zu</span> ", oat.line, oat.column);
	}
	tl_buf_printf(out, "<b>%s</b> <code>", sev);
	tl_html_puts(out, d->rule);
	tl_buf_printf(out, "</code> <span id=\"%s-d%zu\">", id, k + 1);
	tl_html_puts(out, d->message);
	if (d->fix.applicability != TL_FIX_NONE)
		write_fix(ctx, out, res->source, &d->fix);
	tl_buf_puts(out, "</span>");
	if (where && !in_original && from_source_rule(d)) {
		tl_buf_puts(out, " <small class=\"nop\">");
		tl_html_puts(out, word(ctx, where[k] & TL_HTML_FACES_GAP
		                                ? TL_HW_NO_PLACE_GAP
		                                : TL_HW_NO_PLACE));
		tl_buf_puts(out, "</small>");
	}
	tl_buf_puts(out, "</li>\n");
}

/* Whether RES is shown beside its original: both are text. */
static bool paired(const tl_result *res)
{
	const tl_source *o = res->original, *t = res->source;

	return o && o->nul == TL_NONE && o->bad_utf8 == TL_NONE &&
	       t->nul == TL_NONE && t->bad_utf8 == TL_NONE;
}

static void html_file(const tl_emit_ctx *ctx, tl_buf *out, const tl_result *res)
{
	char id[18];
	size_t n[3] = {0, 0, 0}, fixable = 0;
	unsigned char *where = NULL; /* beside an original: see write_row */

	tl_html_file_id(res->source->path, id);
	for (size_t k = 0; k < res->ndiags; k++) {
		tl_severity s = res->diags[k].severity;
		n[s == TL_SEVERITY_ERROR     ? 0
		  : s == TL_SEVERITY_WARNING ? 1
		                             : 2]++;
		fixable += tl_emit_fixable(ctx, &res->diags[k]);
	}
	tl_buf_printf(
	    out,
	    "<section class=\"file\" id=\"%s\" aria-labelledby=\"%s-h\" "
	    "data-e=\"%zu\" data-w=\"%zu\" data-i=\"%zu\" "
	    "data-x=\"%zu\">\n<h2 id=\"%s-h\" class=\"path\">",
	    id, id, n[0], n[1], n[2], fixable, id);
	tl_html_puts(out, res->source->path);
	tl_buf_printf(
	    out, "</h2>\n<p class=\"counts\"><span class=\"n e\">%zu</span> ",
	    n[0]);
	tl_html_puts(out, word(ctx, TL_HW_ERRORS));
	tl_buf_printf(out, " · <span class=\"n w\">%zu</span> ", n[1]);
	tl_html_puts(out, word(ctx, TL_HW_WARNINGS));
	tl_buf_printf(out, " · <span class=\"n i\">%zu</span> ", n[2]);
	tl_html_puts(out, word(ctx, TL_HW_INFOS));
	tl_buf_printf(out, " · %zu ", fixable);
	tl_html_puts(out, word(ctx, TL_HW_FIXABLE));
	if (res->ndiags) {
		tl_buf_printf(
		    out, " · <a class=\"skip-list\" href=\"#%s-list\">", id);
		tl_html_puts(out, word(ctx, TL_HW_SKIP_TO_FINDINGS));
		tl_buf_puts(out, "</a>");
	}
	tl_buf_puts(out, "</p>\n");

	if (res->ndiags == 0) {
		tl_buf_puts(out, "<details class=\"clean\"><summary>");
		tl_html_puts(out, word(ctx, TL_HW_SHOW_DOCUMENT));
		tl_buf_puts(out, "</summary>\n");
	}
	if (paired(res)) {
		where = tl_xmalloc(res->ndiags + 1);
		tl_html_pair(out, res, id, ctx->lang, where);
	} else {
		tl_buf_puts(out, "<div class=\"doc\" lang=\"zh\">\n");
		tl_html_document(out, res, id, ctx->lang);
		tl_buf_puts(out, "</div>\n");
	}
	if (res->ndiags == 0) {
		tl_buf_puts(out, "</details>\n<p class=\"none\">");
		tl_html_puts(out, word(ctx, TL_HW_NO_FINDINGS));
		tl_buf_puts(out, "</p>\n</section>\n");
		free(where);
		return;
	}
	tl_buf_printf(out, "<h3 id=\"%s-list\">", id);
	tl_html_puts(out, word(ctx, TL_HW_FINDINGS));
	tl_buf_printf(out, " (%zu)</h3>\n<ol class=\"findings\">\n",
	              res->ndiags);
	for (size_t k = 0; k < res->ndiags; k++)
		write_row(ctx, out, id, res, k, where);
	tl_buf_puts(out, "</ol>\n</section>\n");
	free(where);
}

static void html_end(const tl_emit_ctx *ctx, tl_buf *out,
                     const tl_emit_summary *sum)
{
	/* The totals, which the script moves into the overview. */
	tl_buf_printf(out,
	              "</div>\n<p id=\"totals\" data-files=\"%zu\" "
	              "data-e=\"%zu\" data-w=\"%zu\" data-i=\"%zu\" "
	              "data-x=\"%zu\">%zu ",
	              sum->files, sum->errors, sum->warnings, sum->infos,
	              sum->fixable, sum->files);
	tl_html_puts(out, word(ctx, sum->files == 1 ? TL_HW_FILE_COUNTED
	                                            : TL_HW_FILES_COUNTED));
	tl_buf_printf(out, " · <span class=\"n e\">%zu</span> ", sum->errors);
	tl_html_puts(out, word(ctx, TL_HW_ERRORS));
	tl_buf_printf(out, " · <span class=\"n w\">%zu</span> ", sum->warnings);
	tl_html_puts(out, word(ctx, TL_HW_WARNINGS));
	tl_buf_printf(out, " · <span class=\"n i\">%zu</span> ", sum->infos);
	tl_html_puts(out, word(ctx, TL_HW_INFOS));
	tl_buf_printf(out, " · %zu ", sum->fixable);
	tl_html_puts(out, word(ctx, TL_HW_FIXABLE));
	tl_buf_puts(out, "</p>\n</main>\n</body>\n</html>\n");
}

const tl_emitter tl_emit_html = {
    .name = "html",
    .separator = "",
    .begin = html_begin,
    .file = html_file,
    .end = html_end,
};
