/*
 * lsp.c: translint as a language server. It reads JSON-RPC messages
 * framed by Content-Length headers on standard input, keeps the text of
 * every open document (full sync: each change sends the whole text), lints
 * it on open, change and save, publishes the diagnostics, and answers
 * textDocument/codeAction with one quick fix per fixable diagnostic under
 * the cursor plus a source.fixAll action that applies every safe fix to a
 * fixpoint, as --fix does.
 *
 * Positions: the client's units, negotiated at initialize
 * (general.positionEncodings): utf-8 (bytes) when offered, else utf-16,
 * the protocol's default. Lines and characters are 0-based, so the
 * 1-based tl_source_position is shifted by one.
 *
 * Robustness: a message that is not JSON gets a -32700 error, one that
 * is not a request -32600, an unknown method -32601; none of them stops
 * the server. The server keeps no global state: everything hangs off the
 * lsp_server on serve's stack.
 */
#include "lsp.h"

#include <stdlib.h>
#include <string.h>

#include "emit/emit.h"
#include "json.h"
#include "ruledoc.h"

/* Bodies larger than this are read and dropped with an error: a
 * Markdown document is far smaller, and a bogus header must not make the
 * server allocate gigabytes. */
#define MAX_BODY ((size_t)64 << 20)

typedef struct lsp_doc {
	char *uri;
	char *path; /* the file the URI names, or NULL (untitled:, ...) */
	char *text;
	size_t len;
	long version; /* -1 when the client sent none */
} lsp_doc;

typedef struct lsp_server {
	FILE *in;
	FILE *out;
	tl_lang lang;
	tl_unit unit; /* TL_UNIT_UTF16 or TL_UNIT_BYTE */
	bool shutdown;
	lsp_doc *docs;
	size_t ndocs;
	/* Which configuration applies to a document: the library's one
	 * resolver, watching the configuration files so that a keystroke
	 * reloads nothing unless one of them changed. */
	tl_resolver *configs;
} lsp_server;

/* ---- Framing -------------------------------------------------------- */

static void send_body(lsp_server *s, const tl_buf *body)
{
	fprintf(s->out, "Content-Length: %zu\r\n\r\n", body->len);
	fwrite(body->data, 1, body->len, s->out);
	fflush(s->out);
}

/* Reads one message body. Returns 1 with *BODY (caller frees) set, 0 at
 * end of input, -1 for a frame without a usable Content-Length (the
 * body, if any, cannot be found: the caller reports it and reads on). */
static int read_message(lsp_server *s, char **body, size_t *len)
{
	char line[1024];
	size_t length = 0;
	bool have_length = false, any = false;

	for (;;) {
		size_t n;

		if (!fgets(line, sizeof line, s->in))
			return any ? -1 : 0;
		any = true;
		n = strlen(line);
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0)
			break;
		if (strncmp(line, "Content-Length:", 15) == 0) {
			char *end;
			unsigned long long v = strtoull(line + 15, &end, 10);

			while (*end == ' ' || *end == '\t')
				end++;
			if (*end == '\0' && end != line + 15) {
				length = (size_t)v;
				have_length = true;
			}
		}
	}
	if (!have_length)
		return -1;
	if (length > MAX_BODY) {
		size_t k;

		for (k = 0; k < length && getc(s->in) != EOF; k++)
			;
		return -1;
	}
	*body = tl_xmalloc(length + 1);
	if (fread(*body, 1, length, s->in) != length) {
		free(*body);
		return 0;
	}
	(*body)[length] = '\0';
	*len = length;
	return 1;
}

/* ---- Output helpers ------------------------------------------------- */

static void put_string(tl_buf *out, const char *s)
{
	if (!s)
		s = "";
	tl_emit_json_string(out, s, strlen(s));
}

/* A JSON-RPC response: ID is the raw id as the client wrote it ("null"
 * when unknown); RESULT a JSON value, or NULL with CODE and MESSAGE for
 * an error. */
static void respond(lsp_server *s, const char *id, size_t id_len,
                    const char *result, int code, const char *message)
{
	tl_buf b = {0};

	tl_buf_puts(&b, "{\"jsonrpc\": \"2.0\", \"id\": ");
	if (id)
		tl_buf_append(&b, id, id_len);
	else
		tl_buf_puts(&b, "null");
	if (result) {
		tl_buf_puts(&b, ", \"result\": ");
		tl_buf_puts(&b, result);
	} else {
		tl_buf_printf(
		    &b, ", \"error\": {\"code\": %d, \"message\": ", code);
		put_string(&b, message);
		tl_buf_putc(&b, '}');
	}
	tl_buf_putc(&b, '}');
	send_body(s, &b);
	tl_buf_free(&b);
}

static void show_message(lsp_server *s, int type, const char *message)
{
	tl_buf b = {0};

	tl_buf_printf(&b,
	              "{\"jsonrpc\": \"2.0\", \"method\": "
	              "\"window/showMessage\", \"params\": {\"type\": %d, "
	              "\"message\": ",
	              type);
	put_string(&b, message);
	tl_buf_puts(&b, "}}");
	send_body(s, &b);
	tl_buf_free(&b);
}

/* OFFSET as an LSP Position. */
static void put_position(const lsp_server *s, tl_buf *out, const tl_source *src,
                         size_t offset)
{
	tl_pos p = tl_source_position(src, offset, s->unit);

	tl_buf_printf(out, "{\"line\": %zu, \"character\": %zu}", p.line - 1,
	              p.column - 1);
}

static void put_range(const lsp_server *s, tl_buf *out, const tl_source *src,
                      size_t start, size_t end)
{
	tl_buf_puts(out, "{\"start\": ");
	put_position(s, out, src, start);
	tl_buf_puts(out, ", \"end\": ");
	put_position(s, out, src, end);
	tl_buf_putc(out, '}');
}

static int lsp_severity(tl_severity sev)
{
	switch (sev) {
	case TL_SEVERITY_ERROR:
		return 1;
	case TL_SEVERITY_WARNING:
		return 2;
	case TL_SEVERITY_INFO:
	case TL_SEVERITY_OFF:
		break;
	}
	return 3;
}

/* PATH as a file: URI (an absolute path as it is, a relative one from
 * the server's folder), bytes other than unreserved ones and "/"
 * percent-encoded (RFC 3986). */
static void put_file_uri(tl_buf *out, const char *path)
{
	char *abs = realpath(path, NULL);
	const char *p = abs ? abs : path;

	tl_buf_puts(out, "file://");
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("/-._~", c))
			tl_buf_putc(out, (char)c);
		else
			tl_buf_printf(out, "%%%02X", c);
	}
	free(abs);
}

/* relatedInformation: where D stands in RES's original (DESIGN.md 8.3),
 * for a source rule's finding. */
static void put_related(const lsp_server *s, tl_buf *out, const tl_result *res,
                        const tl_diag *d)
{
	tl_buf uri = {0};
	tl_pos pos;

	if (!tl_emit_original(res, d, TL_UNIT_BYTE, &pos))
		return;
	put_file_uri(&uri, res->original->path);
	tl_buf_puts(out,
	            ", \"relatedInformation\": [{\"location\": {\"uri\": ");
	put_string(out, uri.data);
	tl_buf_puts(out, ", \"range\": ");
	put_range(s, out, res->original, d->orig_start, d->orig_end);
	tl_buf_puts(out, "}, \"message\": ");
	put_string(out, s->lang == TL_LANG_ZH ? "原文" : "original");
	tl_buf_putc(out, '}');
	tl_buf_putc(out, ']');
	tl_buf_free(&uri);
}

static void put_diagnostic(const lsp_server *s, tl_buf *out,
                           const tl_result *res, const tl_diag *d)
{
	tl_buf url = {0};
	const tl_source *src = res->source;

	tl_buf_puts(out, "{\"range\": ");
	put_range(s, out, src, d->start, d->end);
	tl_buf_printf(
	    out, ", \"severity\": %d, \"code\": ", lsp_severity(d->severity));
	put_string(out, d->rule);
	/* LSP 3.16: the client links the code to the rule's page. */
	if (tl_rule_url(&url, d->rule, s->lang)) {
		tl_buf_puts(out, ", \"codeDescription\": {\"href\": ");
		put_string(out, url.data);
		tl_buf_putc(out, '}');
	}
	tl_buf_free(&url);
	tl_buf_puts(out, ", \"source\": \"translint\", \"message\": ");
	put_string(out, d->message);
	put_related(s, out, res, d);
	tl_buf_putc(out, '}');
}

/* ---- Documents ------------------------------------------------------ */

static lsp_doc *doc_find(lsp_server *s, const char *uri)
{
	size_t i;

	for (i = 0; uri && i < s->ndocs; i++)
		if (strcmp(s->docs[i].uri, uri) == 0)
			return &s->docs[i];
	return NULL;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The local path a file: URI names (caller frees), or NULL for other
 * schemes. "file:///a%20b.md" is "/a b.md"; an authority other than
 * empty or localhost is not a local file. */
static char *uri_to_path(const char *uri)
{
	const char *p;
	tl_buf b = {0};

	if (strncmp(uri, "file://", 7) != 0)
		return NULL;
	p = uri + 7;
	if (strncmp(p, "localhost/", 10) == 0)
		p += 9;
	if (*p != '/')
		return NULL;
	for (; *p; p++) {
		int hi, lo;

		if (*p == '%' && (hi = hexval(p[1])) >= 0 &&
		    (lo = hexval(p[2])) >= 0) {
			tl_buf_putc(&b, (char)(hi * 16 + lo));
			p += 2;
		} else {
			tl_buf_putc(&b, *p);
		}
	}
	return b.data;
}

static void doc_set_text(lsp_doc *d, const char *text, size_t len)
{
	free(d->text);
	d->text = tl_xmalloc(len + 1);
	if (len)
		memcpy(d->text, text, len);
	d->text[len] = '\0';
	d->len = len;
}

/* The configuration for the document at PATH (NULL: a document with no
 * file, configured as one in the current folder): the nearest
 * .translint.yml with its overrides for PATH, else the recommended
 * preset (tl_resolver). On a configuration error it falls back to the
 * preset and fills ERR. The configuration belongs to the resolver. */
static const tl_config *lsp_config(lsp_server *s, const char *path,
                                   tl_error *err)
{
	const tl_config *cfg;

	err->message[0] = '\0';
	cfg = tl_resolver_config(s->configs, path ? path : "./-", err);
	return cfg ? cfg : tl_resolver_default(s->configs);
}

/* Lints D under its configuration (caller frees the result; *CFG
 * belongs to the resolver). */
static tl_result *doc_lint(lsp_server *s, const lsp_doc *d,
                           const tl_config **cfg)
{
	tl_error err = {{0}, 0, 0, {0}};

	*cfg = lsp_config(s, d->path, &err);
	if (err.message[0]) {
		char msg[2200];

		snprintf(msg, sizeof msg, "translint: %s:%zu:%zu: %s", err.path,
		         err.line, err.column, err.message);
		show_message(s, 1, msg);
	}
	/* A file ignore: names gets no diagnostics (and so no fixes), as on
	 * the command line. */
	if (d->path && tl_config_ignores(*cfg, d->path))
		return tl_lint(*cfg, s->lang, d->path, "", 0);
	return tl_lint(*cfg, s->lang, d->path ? d->path : d->uri, d->text,
	               d->len);
}

static void publish(lsp_server *s, const char *uri, const lsp_doc *d)
{
	tl_buf b = {0};
	const tl_config *cfg = NULL;
	tl_result *res = NULL;
	size_t i;

	tl_buf_puts(&b, "{\"jsonrpc\": \"2.0\", \"method\": "
	                "\"textDocument/publishDiagnostics\", \"params\": "
	                "{\"uri\": ");
	put_string(&b, uri);
	if (d && d->version >= 0)
		tl_buf_printf(&b, ", \"version\": %ld", d->version);
	tl_buf_puts(&b, ", \"diagnostics\": [");
	if (d) {
		res = doc_lint(s, d, &cfg);
		for (i = 0; i < res->ndiags; i++) {
			if (i)
				tl_buf_puts(&b, ", ");
			put_diagnostic(s, &b, res, &res->diags[i]);
		}
	}
	tl_buf_puts(&b, "]}}");
	send_body(s, &b);
	tl_buf_free(&b);
	tl_result_free(res);
}

/* ---- Methods -------------------------------------------------------- */

static const char *text_document_uri(const tl_json *params)
{
	return tl_json_get_string(tl_json_get(params, "textDocument"), "uri");
}

static void on_initialize(lsp_server *s, const tl_json *params, tl_buf *result)
{
	const tl_json *encs = tl_json_get(
	    tl_json_get(tl_json_get(params, "capabilities"), "general"),
	    "positionEncodings");
	size_t i;

	s->unit = TL_UNIT_UTF16;
	for (i = 0; encs && encs->type == TL_JSON_ARRAY && i < encs->n; i++)
		if (encs->items[i]->type == TL_JSON_STRING &&
		    strcmp(encs->items[i]->str, "utf-8") == 0)
			s->unit = TL_UNIT_BYTE;
	tl_buf_printf(result,
	              "{\"capabilities\": {\"positionEncoding\": \"%s\", "
	              "\"textDocumentSync\": {\"openClose\": true, "
	              "\"change\": 1, \"save\": {\"includeText\": true}}, "
	              "\"codeActionProvider\": {\"codeActionKinds\": "
	              "[\"quickfix\", \"source.fixAll\", "
	              "\"source.fixAll.translint\"]}}, "
	              "\"serverInfo\": {\"name\": \"translint\", "
	              "\"version\": \"%s\"}}",
	              s->unit == TL_UNIT_BYTE ? "utf-8" : "utf-16", TL_VERSION);
}

static void on_did_open(lsp_server *s, const tl_json *params)
{
	const tl_json *td = tl_json_get(params, "textDocument");
	const char *uri = tl_json_get_string(td, "uri");
	const tl_json *text = tl_json_get(td, "text");
	lsp_doc *d;

	if (!uri || !text || text->type != TL_JSON_STRING)
		return;
	d = doc_find(s, uri);
	if (!d) {
		s->docs =
		    tl_xrealloc(s->docs, (s->ndocs + 1) * sizeof *s->docs);
		d = &s->docs[s->ndocs++];
		memset(d, 0, sizeof *d);
		d->uri = tl_xstrdup(uri);
		d->path = uri_to_path(uri);
	}
	d->version = (long)tl_json_get_size(td, "version", (size_t)-1);
	doc_set_text(d, text->str, text->len);
	publish(s, uri, d);
}

static void on_did_change(lsp_server *s, const tl_json *params)
{
	const tl_json *td = tl_json_get(params, "textDocument");
	lsp_doc *d = doc_find(s, tl_json_get_string(td, "uri"));
	const tl_json *changes = tl_json_get(params, "contentChanges");
	const tl_json *last;

	if (!d || !changes || changes->type != TL_JSON_ARRAY || !changes->n)
		return;
	/* Full sync: the last change holds the whole text. */
	last = tl_json_get(changes->items[changes->n - 1], "text");
	if (!last || last->type != TL_JSON_STRING)
		return;
	d->version = (long)tl_json_get_size(td, "version", (size_t)-1);
	doc_set_text(d, last->str, last->len);
	publish(s, d->uri, d);
}

static void on_did_save(lsp_server *s, const tl_json *params)
{
	lsp_doc *d = doc_find(s, text_document_uri(params));
	const tl_json *text = tl_json_get(params, "text");

	if (!d)
		return;
	if (text && text->type == TL_JSON_STRING)
		doc_set_text(d, text->str, text->len);
	publish(s, d->uri, d);
}

static void on_did_close(lsp_server *s, const tl_json *params)
{
	const char *uri = text_document_uri(params);
	lsp_doc *d = doc_find(s, uri);

	if (!d)
		return;
	/* Clear what the editor shows for the closed document. */
	publish(s, d->uri, NULL);
	free(d->uri);
	free(d->path);
	free(d->text);
	*d = s->docs[--s->ndocs];
}

/* Whether an action of KIND passes the client's context.only filter: a
 * kind matches an entry equal to it or to one of its dotted prefixes. */
static bool kind_wanted(const tl_json *only, const char *kind)
{
	size_t i;

	if (!only || only->type != TL_JSON_ARRAY)
		return true;
	for (i = 0; i < only->n; i++) {
		const tl_json *k = only->items[i];

		if (k->type == TL_JSON_STRING &&
		    strncmp(kind, k->str, k->len) == 0 &&
		    (kind[k->len] == '\0' || kind[k->len] == '.'))
			return true;
	}
	return false;
}

static size_t json_offset(const lsp_server *s, const tl_source *src,
                          const tl_json *pos)
{
	return tl_source_offset(src, tl_json_get_size(pos, "line", 0),
	                        tl_json_get_size(pos, "character", 0), s->unit);
}

static void put_edit_changes(tl_buf *out, const char *uri)
{
	tl_buf_puts(out, ", \"edit\": {\"changes\": {");
	put_string(out, uri);
	tl_buf_puts(out, ": [");
}

static void on_code_action(lsp_server *s, const tl_json *params, tl_buf *result)
{
	lsp_doc *d = doc_find(s, text_document_uri(params));
	const tl_json *range = tl_json_get(params, "range");
	const tl_json *only =
	    tl_json_get(tl_json_get(params, "context"), "only");
	const tl_config *cfg;
	tl_result *res;
	size_t i, k, from, to, nactions = 0;

	if (!d) {
		tl_buf_puts(result, "[]");
		return;
	}
	res = doc_lint(s, d, &cfg);
	from = json_offset(s, res->source, tl_json_get(range, "start"));
	to = json_offset(s, res->source, tl_json_get(range, "end"));
	tl_buf_putc(result, '[');
	for (i = 0; i < res->ndiags && kind_wanted(only, "quickfix"); i++) {
		const tl_diag *dg = &res->diags[i];

		if (dg->fix.applicability == TL_FIX_NONE || !dg->fix.nedits ||
		    dg->end < from || dg->start > to)
			continue;
		if (nactions++)
			tl_buf_puts(result, ", ");
		tl_buf_puts(result, "{\"title\": ");
		{
			tl_buf title = {0};

			tl_buf_printf(&title, "%s (%s%s)", dg->message,
			              dg->rule,
			              dg->fix.applicability == TL_FIX_UNSAFE
			                  ? ", unsafe fix"
			                  : "");
			put_string(result, title.data);
			tl_buf_free(&title);
		}
		tl_buf_printf(result,
		              ", \"kind\": \"quickfix\", \"isPreferred\": %s, "
		              "\"diagnostics\": [",
		              dg->fix.applicability == TL_FIX_SAFE ? "true"
		                                                   : "false");
		put_diagnostic(s, result, res, dg);
		tl_buf_puts(result, "]");
		put_edit_changes(result, d->uri);
		for (k = 0; k < dg->fix.nedits; k++) {
			const tl_edit *e = &dg->fix.edits[k];

			tl_buf_puts(result,
			            k ? ", {\"range\": " : "{\"range\": ");
			put_range(s, result, res->source, e->start, e->end);
			tl_buf_puts(result, ", \"newText\": ");
			put_string(result, e->text);
			tl_buf_putc(result, '}');
		}
		tl_buf_puts(result, "]}}}");
	}
	if (kind_wanted(only, "source.fixAll.translint")) {
		size_t fixed_len;
		char *fixed =
		    tl_fix_document(cfg, s->lang, d->path ? d->path : d->uri,
		                    d->text, d->len, false, &fixed_len, NULL);

		if (fixed) {
			if (nactions++)
				tl_buf_puts(result, ", ");
			tl_buf_puts(result,
			            "{\"title\": \"Fix all safely fixable "
			            "translint problems\", \"kind\": "
			            "\"source.fixAll.translint\"");
			put_edit_changes(result, d->uri);
			tl_buf_puts(result, "{\"range\": ");
			put_range(s, result, res->source, 0, d->len);
			tl_buf_puts(result, ", \"newText\": ");
			tl_emit_json_string(result, fixed, fixed_len);
			tl_buf_puts(result, "}]}}}");
			free(fixed);
		}
	}
	tl_buf_putc(result, ']');
	tl_result_free(res);
}

/* ---- Dispatch ------------------------------------------------------- */

/* Handles one message; returns false when the server must stop (exit). */
static bool handle(lsp_server *s, const char *body, size_t len, int *status)
{
	tl_arena *arena = tl_arena_new();
	tl_json *msg = tl_json_parse(arena, body, len);
	const tl_json *id, *params;
	const char *method, *raw_id = NULL;
	size_t raw_len = 0;
	tl_buf result = {0};
	bool go_on = true;

	if (!msg) {
		respond(s, NULL, 0, NULL, -32700, "Parse error");
		goto out;
	}
	id = tl_json_get(msg, "id");
	if (id && (id->type == TL_JSON_NUMBER || id->type == TL_JSON_STRING)) {
		raw_id = id->raw;
		raw_len = id->raw_len;
	}
	method = tl_json_get_string(msg, "method");
	params = tl_json_get(msg, "params");
	if (!method) {
		/* A response to a request we never send, or garbage. */
		if (msg->type != TL_JSON_OBJECT ||
		    (!tl_json_get(msg, "result") && !tl_json_get(msg, "error")))
			respond(s, raw_id, raw_len, NULL, -32600,
			        "Invalid Request");
		goto out;
	}
	if (strcmp(method, "exit") == 0) {
		*status = s->shutdown ? 0 : 1;
		go_on = false;
		goto out;
	}
	if (s->shutdown && raw_id) {
		respond(s, raw_id, raw_len, NULL, -32600,
		        "Invalid Request: the server is shutting down");
		goto out;
	}
	if (strcmp(method, "initialize") == 0) {
		on_initialize(s, params, &result);
	} else if (strcmp(method, "shutdown") == 0) {
		s->shutdown = true;
		tl_buf_puts(&result, "null");
	} else if (strcmp(method, "textDocument/codeAction") == 0) {
		on_code_action(s, params, &result);
	} else if (strcmp(method, "textDocument/didOpen") == 0) {
		on_did_open(s, params);
	} else if (strcmp(method, "textDocument/didChange") == 0) {
		on_did_change(s, params);
	} else if (strcmp(method, "textDocument/didSave") == 0) {
		on_did_save(s, params);
	} else if (strcmp(method, "textDocument/didClose") == 0) {
		on_did_close(s, params);
	} else if (raw_id) {
		respond(s, raw_id, raw_len, NULL, -32601, "Method not found");
		goto out;
	}
	/* Notifications (initialized, $/..., unknown ones) get no answer. */
	if (raw_id && result.len)
		respond(s, raw_id, raw_len, result.data, 0, NULL);
out:
	tl_buf_free(&result);
	tl_arena_free(arena);
	return go_on;
}

int tl_lsp_serve(FILE *in, FILE *out, tl_lang lang)
{
	lsp_server s;
	int status = 1;
	size_t i;

	memset(&s, 0, sizeof s);
	s.in = in;
	s.out = out;
	s.lang = lang;
	s.unit = TL_UNIT_UTF16;
	{
		tl_error err;
		/* The recommended preset is built in: this cannot fail. */
		s.configs = tl_resolver_new(NULL, NULL, NULL, 0, true, &err);
	}
	for (;;) {
		char *body = NULL;
		size_t len = 0;
		int rc = read_message(&s, &body, &len);
		bool go_on;

		if (rc == 0)
			break;
		if (rc < 0) {
			respond(&s, NULL, 0, NULL, -32700,
			        "Parse error: no valid Content-Length header");
			continue;
		}
		go_on = handle(&s, body, len, &status);
		free(body);
		if (!go_on)
			break;
	}
	for (i = 0; i < s.ndocs; i++) {
		free(s.docs[i].uri);
		free(s.docs[i].path);
		free(s.docs[i].text);
	}
	free(s.docs);
	tl_resolver_free(s.configs);
	return status;
}
