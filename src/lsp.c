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
 * the server, and a frame with a wrong Content-Length does not make it
 * deaf (read_message resynchronises on the next header). A message is
 * at most MAX_BODY bytes, a publishDiagnostics at most MAX_DIAGNOSTICS
 * diagnostics. The server keeps no global state: everything hangs off the
 * lsp_server on serve's stack.
 */
#include "lsp.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "align.h"
#include "emit/emit.h"
#include "json.h"
#include "pairing.h"
#include "ruledoc.h"

/* A message larger than this is dropped with an error: a Markdown
 * document is far smaller, and a bogus header must not make the server
 * allocate gigabytes. */
#define MAX_BODY ((size_t)64 << 20)
/* At most this many diagnostics are published for a document (the
 * client's list and the message stay small); a note says how many more
 * there are. */
#define MAX_DIAGNOSTICS 1000

typedef struct lsp_doc {
	char *uri;
	char *path; /* the file the URI names, or NULL (untitled:, ...) */
	char *text;
	size_t len;
	long version; /* -1 when the client sent none */
	/* Its original (pairing.h), looked for on the first lint and again
	 * after each save, not on every keystroke: git may be asked. */
	bool paired;
	tl_pairing_status pst;
	tl_pairing_result pair;
} lsp_doc;

typedef struct lsp_server {
	FILE *in;
	FILE *out;
	tl_lang lang;
	tl_unit unit; /* TL_UNIT_UTF16 or TL_UNIT_BYTE */
	bool shutdown;
	/* The last frame had no usable Content-Length: its body, if it is
	 * a JSON value, is read without one (read_message). */
	bool resync;
	lsp_doc *docs;
	size_t ndocs;
	/* Which configuration applies to a document: the library's one
	 * resolver, watching the configuration files so that a keystroke
	 * reloads nothing unless one of them changed. */
	tl_resolver *configs;
	/* Finds the documents' originals; its base is the client's
	 * initializationOptions.sourceRev, if any. */
	tl_pairing *pairing;
} lsp_server;

/* ---- Framing -------------------------------------------------------- */

static void send_body(lsp_server *s, const tl_buf *body)
{
	fprintf(s->out, "Content-Length: %zu\r\n\r\n", body->len);
	fwrite(body->data, 1, body->len, s->out);
	fflush(s->out);
}

/*
 * Reading a message. A client may get the framing wrong: a Content-Length
 * too small or too large for the body, missing, negative, or absurd
 * (10^12). The server must not go deaf after one such frame, so the
 * reader resynchronises instead of trusting the header blindly:
 *
 *   - a header is found wherever a line holds "Content-Length:", also
 *     after the rest of a body that was longer than its header said
 *     ('...}}Content-Length: 52'), so the next message is read;
 *   - a body ends where its declared length ends, or earlier where the
 *     JSON value it starts with ends (a length too large would otherwise
 *     swallow the next message, or wait for bytes that never come);
 *   - without a usable length (missing, negative, not a number, above
 *     MAX_BODY), the frame gets its -32700 error at once; then a body
 *     that starts with '{' or '[' is read to the end of that JSON value,
 *     up to MAX_BODY, and answered. (Reading it before answering would
 *     wait for the next message when there is no body.)
 *
 * What cannot be read as a message gets a -32700 error and the reader
 * goes on with the next header.
 */

/* Where a JSON value being read has got to: the nesting depth, inside a
 * string or not, after a backslash or not. */
typedef struct json_end {
	size_t depth;
	bool started, in_string, escaped, done;
} json_end;

/* Feeds byte C; sets E->done when C ends the top-level object or array.
 * A body that does not start with '{' or '[' is never done. */
static void json_end_feed(json_end *e, int c)
{
	if (!e->started) {
		if (c == '{' || c == '[') {
			e->started = true;
			e->depth = 1;
		} else if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
			e->depth = SIZE_MAX; /* not JSON: never done */
			e->started = true;
		}
		return;
	}
	if (e->depth == SIZE_MAX || e->done)
		return;
	if (e->in_string) {
		if (e->escaped)
			e->escaped = false;
		else if (c == '\\')
			e->escaped = true;
		else if (c == '"')
			e->in_string = false;
		return;
	}
	if (c == '"')
		e->in_string = true;
	else if (c == '{' || c == '[')
		e->depth++;
	else if ((c == '}' || c == ']') && --e->depth == 0)
		e->done = true;
}

/* Reads a header line into LINE (CAP bytes), without its line ending.
 * A longer line keeps its end, where a header glued to the rest of a
 * body stands. Returns false at end of input with nothing read. */
static bool read_header_line(lsp_server *s, char *line, size_t cap, bool *any)
{
	size_t n = 0;
	int c;

	while ((c = getc(s->in)) != EOF) {
		*any = true;
		if (c == '\n')
			break;
		if (n + 1 == cap) {
			/* Keep the last quarter: a header is short. */
			memmove(line, line + n - cap / 4, cap / 4);
			n = cap / 4;
		}
		line[n++] = (char)c;
	}
	if (c == EOF && n == 0)
		return false;
	while (n && line[n - 1] == '\r')
		n--;
	line[n] = '\0';
	return true;
}

/* The value of a "Content-Length:" header anywhere in LINE (the last one
 * if several): 1 with *LENGTH set when it is a number of at most
 * MAX_BODY, -1 when the header is there but its value is not, 0 when
 * there is no such header. */
static int content_length(const char *line, size_t *length)
{
	const char *h = NULL, *p;
	static const char name[] = "content-length:";

	for (p = line; *p; p++)
		if (strncasecmp(p, name, sizeof name - 1) == 0)
			h = p;
	if (!h)
		return 0;
	p = h + sizeof name - 1;
	while (*p == ' ' || *p == '\t')
		p++;
	size_t v = 0, digits = 0;
	for (; *p >= '0' && *p <= '9'; p++, digits++) {
		if (v > MAX_BODY)
			return -1;
		v = v * 10 + (size_t)(*p - '0');
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (!digits || *p || v > MAX_BODY)
		return -1;
	*length = v;
	return 1;
}

/* Reads a JSON value that starts with C (the rest from the input) to
 * its end, into *BODY and *LEN: 1, or -1 when it does not end within
 * MAX_BODY bytes or before the end of input. */
static int read_json_value(lsp_server *s, int c, char **body, size_t *len)
{
	tl_buf b = {0};
	json_end e = {0};

	do {
		tl_buf_putc(&b, (char)c);
		json_end_feed(&e, c);
	} while (!e.done && b.len <= MAX_BODY && (c = getc(s->in)) != EOF);
	if (!e.done) {
		tl_buf_free(&b);
		return -1;
	}
	*body = b.data;
	*len = b.len;
	return 1;
}

/* Reads one message body. Returns 1 with *BODY (caller frees) and *LEN
 * set, 0 at end of input, -1 for a frame that could not be read (the
 * caller reports it and reads on). */
static int read_message(lsp_server *s, char **body, size_t *len)
{
	char line[1024];
	size_t length = 0;
	int have = 0, c;
	bool any = false, header = false;

	if (s->resync) {
		s->resync = false;
		while ((c = getc(s->in)) == ' ' || c == '\t' || c == '\r' ||
		       c == '\n')
			;
		if (c == '{' || c == '[')
			return read_json_value(s, c, body, len);
		if (c == EOF)
			return 0;
		ungetc(c, s->in);
	}
	for (;;) {
		if (!read_header_line(s, line, sizeof line, &any))
			return any ? -1 : 0;
		if (line[0] == '\0') {
			if (header)
				break;
			continue; /* blank lines between messages */
		}
		int h = content_length(line, &length);
		if (h) {
			have = h;
			header = true;
		} else if (strchr(line, ':')) {
			header = true; /* Content-Type or another header */
		}
	}
	if (have != 1) {
		s->resync = true;
		return -1;
	}

	/* The declared length, or less where the JSON value ends. */
	tl_buf b = {0};
	json_end e = {0};
	while (b.len < length && !e.done && (c = getc(s->in)) != EOF) {
		tl_buf_putc(&b, (char)c);
		json_end_feed(&e, c);
	}
	if (b.len == 0) {
		tl_buf_free(&b);
		return length == 0 ? -1 : 0;
	}
	*body = b.data;
	*len = b.len;
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
/* Looks for D's original under CFG unless it is known already (and
 * shows why one that should exist cannot be read, once). */
static void doc_pair(lsp_server *s, lsp_doc *d, const tl_config *cfg)
{
	tl_error err = {{0}, 0, 0, {0}};

	if (d->paired)
		return;
	d->paired = true;
	memset(&d->pair, 0, sizeof d->pair);
	d->pst = TL_PAIRING_NONE;
	if (!d->path || (tl_config_source_count(cfg) == 0 &&
	                 !tl_config_source_required(cfg)))
		return;
	d->pst = tl_pairing_find(s->pairing, cfg, d->path, &d->pair, &err);
	if (d->pst == TL_PAIRING_ERROR) {
		char msg[2200];

		snprintf(msg, sizeof msg, "translint: %s: %s", err.path,
		         err.message);
		show_message(s, 1, msg);
	}
}

/* Forgets D's original, to look for it again at the next lint. */
static void doc_unpair(lsp_doc *d)
{
	if (d->paired)
		tl_pairing_result_free(&d->pair);
	d->paired = false;
}

static tl_result *doc_lint(lsp_server *s, lsp_doc *d, const tl_config **cfg)
{
	tl_error err = {{0}, 0, 0, {0}};
	tl_original orig;
	const tl_original *o = NULL;

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
	/* With its original, the source rules run as the translator types
	 * (DESIGN.md 8.4). */
	doc_pair(s, d, *cfg);
	if (d->pst == TL_PAIRING_FOUND ||
	    (d->pst == TL_PAIRING_NONE && d->pair.required)) {
		bool found = d->pst == TL_PAIRING_FOUND;

		orig.path = d->pair.path;
		orig.data = found ? d->pair.data : NULL;
		orig.len = found ? d->pair.len : 0;
		orig.required = d->pair.required;
		orig.why = found ? NULL : d->pair.why;
		o = &orig;
	}
	return tl_lint_with_original(*cfg, s->lang, d->path ? d->path : d->uri,
	                             d->text, d->len, o);
}

static void publish(lsp_server *s, const char *uri, lsp_doc *d)
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
		for (i = 0; i < res->ndiags && i < MAX_DIAGNOSTICS; i++) {
			if (i)
				tl_buf_puts(&b, ", ");
			put_diagnostic(s, &b, res, &res->diags[i]);
		}
		if (res->ndiags > MAX_DIAGNOSTICS) {
			char msg[200];
			tl_diag note = {0};
			note.rule = "translint";
			note.severity = TL_SEVERITY_INFO;
			if (s->lang == TL_LANG_ZH)
				snprintf(
				    msg, sizeof msg,
				    "只显示了 %d 个问题，共 %zu 个；在命令行"
				    "运行 translint 可看到全部",
				    MAX_DIAGNOSTICS, res->ndiags);
			else
				snprintf(
				    msg, sizeof msg,
				    "%d of %zu problems shown; run translint "
				    "on the command line to see them all",
				    MAX_DIAGNOSTICS, res->ndiags);
			note.message = msg;
			tl_buf_puts(&b, ", ");
			put_diagnostic(s, &b, res, &note);
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

	const char *rev = tl_json_get_string(
	    tl_json_get(params, "initializationOptions"), "sourceRev");

	/* The base revision of originals (pairing.h): what --source-rev is
	 * on the command line. Without it, originals come from the working
	 * tree and from the revisions source: entries name. */
	tl_pairing_free(s->pairing);
	s->pairing = tl_pairing_new(rev && *rev ? rev : NULL, NULL);
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
	              "\"source.fixAll.translint\"]}, "
	              "\"hoverProvider\": true}, "
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
	/* A save is when the original may have moved (a git mv, a
	 * checkout) or a configuration changed: look for it again. */
	doc_unpair(d);
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
	doc_unpair(d);
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
/* textDocument/hover on a translated block: the text of the original
 * block(s) it translates (DESIGN.md 8.4), as Markdown, with where they
 * stand; an added block says it has no original. null elsewhere: outside
 * every block, or with no original found. */
static void on_hover(lsp_server *s, const tl_json *params, tl_buf *result)
{
	lsp_doc *d = doc_find(s, text_document_uri(params));
	const tl_config *cfg;
	tl_error err = {{0}, 0, 0, {0}};

	tl_buf_puts(result, "null");
	if (!d)
		return;
	cfg = lsp_config(s, d->path, &err);
	doc_pair(s, d, cfg);
	if (d->pst != TL_PAIRING_FOUND)
		return;
	tl_source *ts =
	    tl_source_new(d->path ? d->path : d->uri, d->text, d->len);
	tl_source *os = tl_source_new(d->pair.path, d->pair.data, d->pair.len);
	if (ts->bad_utf8 != TL_NONE || ts->nul != TL_NONE ||
	    os->bad_utf8 != TL_NONE || os->nul != TL_NONE) {
		tl_source_free(ts);
		tl_source_free(os);
		return;
	}
	size_t at = json_offset(s, ts, tl_json_get(params, "position"));
	tl_doc *od = tl_doc_parse(os), *td = tl_doc_parse(ts);
	tl_align *al = tl_align_new(tl_align_doc_new(od), tl_align_doc_new(td));
	size_t j = tl_align_block_at(al->trans, at);
	if (j != TL_NONE && at <= al->trans->blocks[j].end) {
		const tl_align_block *tb = &al->trans->blocks[j];
		const tl_align_pair *p = tl_align_pair_of_trans(al, j);
		tl_buf md = {0};

		if (p->norig == 0) {
			tl_buf_puts(&md,
			            s->lang == TL_LANG_ZH
			                ? "**原文**：无（原文中没有这一段）"
			                : "**Original**: none (added text)");
		} else {
			const tl_align_block *first =
			    &al->orig->blocks[p->orig];
			const tl_align_block *last =
			    &al->orig->blocks[p->orig + p->norig - 1];
			tl_pos pos = tl_source_position(os, first->start,
			                                TL_UNIT_CODEPOINT);

			tl_buf_printf(&md, "**%s** `%s:%zu`\n\n",
			              s->lang == TL_LANG_ZH ? "原文"
			                                    : "Original",
			              d->pair.path, pos.line);
			tl_buf_append(&md, os->data + first->start,
			              last->end - first->start);
		}
		tl_buf_free(result);
		memset(result, 0, sizeof *result);
		tl_buf_puts(result, "{\"contents\": {\"kind\": "
		                    "\"markdown\", \"value\": ");
		put_string(result, md.data);
		tl_buf_puts(result, "}, \"range\": ");
		put_range(s, result, ts, tb->start, tb->end);
		tl_buf_putc(result, '}');
		tl_buf_free(&md);
	}
	tl_align_free(al);
	tl_doc_free(od);
	tl_doc_free(td);
	tl_source_free(os);
	tl_source_free(ts);
}

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
	} else if (strcmp(method, "textDocument/hover") == 0) {
		on_hover(s, params, &result);
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
	s.pairing = tl_pairing_new(NULL, NULL);
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
		doc_unpair(&s.docs[i]);
	}
	free(s.docs);
	tl_resolver_free(s.configs);
	tl_pairing_free(s.pairing);
	return status;
}
