/*
 * emit.h: the output formats of translint. An emitter turns lint results
 * into bytes in one format (text, gcc, json, ...); it knows diagnostics
 * (tl_result, tl_diag, tl_source_position) and rule metadata (tl_rule),
 * never how a rule works.
 *
 * Emitters append to a tl_buf instead of writing to a stream so that the
 * command line can render each file's output in a worker thread and still
 * print the files in input order, whatever -j says. Every callback is a
 * pure function of its arguments: no state survives between calls, which
 * is what makes calling file() from several threads at once safe.
 *
 * The output of one run is
 *
 *     begin()  file(1)  SEP  file(2)  SEP ...  file(N)  end()
 *
 * where SEP is the emitter's separator, written by the caller between two
 * non-empty file chunks only (a JSON array needs commas between elements;
 * a file whose chunk is empty, as in SARIF when it has no result, must not
 * leave a dangling one).
 *
 * Adding a format: write src/emit/NAME.c defining a `const tl_emitter`,
 * declare it below, add it to the table in emit.c, and name it in the
 * --help text of main.c and in docs/cli.md.
 */
#ifndef TL_EMIT_H
#define TL_EMIT_H

#include "translint.h"

/* What every emitter may know about the run. Filled once by main.c before
 * begin() and read-only afterwards. */
typedef struct tl_emit_ctx {
	tl_lang lang;  /* language of the words the emitter adds itself */
	bool color;    /* ANSI colours allowed (a terminal, no NO_COLOR) */
	bool unsafe;   /* --unsafe-fixes: unsafe fixes count as fixable */
	bool fix_mode; /* --fix: the diagnostics are those left after fixing */
	size_t files;  /* number of documents that will be linted */
	/* All built-in rules, in table order (SARIF lists them as
	 * tool.driver.rules). */
	const tl_rule *const *rules;
	size_t nrules;
	const char *tool_version; /* TL_VERSION */
} tl_emit_ctx;

/* Totals of a run, given to end(). */
typedef struct tl_emit_summary {
	size_t files;    /* documents linted (not counting I/O failures) */
	size_t errors;   /* diagnostics by severity */
	size_t warnings; /* ... */
	size_t infos;    /* ... */
	size_t fixable;  /* fixable as the run was asked (see ctx.unsafe) */
	/* Fixable only with --unsafe-fixes, when it was not given (0 when
	 * it was: they are in FIXABLE then). */
	size_t unsafe_fixable;
	size_t fixed_files; /* files --fix rewrote */
} tl_emit_summary;

typedef struct tl_emitter {
	const char *name; /* as given to --format */
	/* Written between two non-empty file chunks ("" for none). */
	const char *separator;
	/* Each callback may be NULL (nothing to write). */
	void (*begin)(const tl_emit_ctx *ctx, tl_buf *out);
	void (*file)(const tl_emit_ctx *ctx, tl_buf *out, const tl_result *res);
	void (*end)(const tl_emit_ctx *ctx, tl_buf *out,
	            const tl_emit_summary *sum);
} tl_emitter;

extern const tl_emitter tl_emit_text;
extern const tl_emitter tl_emit_gcc;
extern const tl_emitter tl_emit_json;
extern const tl_emitter tl_emit_sarif;
extern const tl_emitter tl_emit_rdjson;
extern const tl_emitter tl_emit_github;
extern const tl_emitter tl_emit_html;

/* The emitter called NAME, or NULL. */
const tl_emitter *tl_emit_find(const char *name);
/* Appends the names of all emitters, "text, gcc, json", for errors. */
void tl_emit_names(tl_buf *out);

/* ---- Writing a long file chunk as it grows (emit.c) --------------------
 *
 * One file's chunk can be far larger than the file (the text format
 * quotes the source line of every finding: a 5 MB line with 374,000
 * findings gave 341 MB of text, all of it held until the file was done,
 * issue 12.8). When the caller knows that a chunk is the next thing to
 * print (the command line linting one file at a time), it makes the chunk
 * a stream for the time of file(): the emitters call tl_emit_flush after
 * each diagnostic, and once the chunk holds TL_EMIT_FLUSH_BYTES its bytes
 * are handed to the stream's write, which prints them and empties the
 * chunk. The bytes printed are the same, in the same order. The stream
 * is thread-local, as file() runs on the caller's thread; emitters stay
 * free of state. */

#define TL_EMIT_FLUSH_BYTES ((size_t)1 << 16)

typedef struct tl_emit_stream {
	tl_buf *out; /* the chunk that is streamed */
	/* Prints OUT's bytes and empties it. */
	void (*write)(struct tl_emit_stream *stream);
} tl_emit_stream;

/* Makes STREAM the stream of this thread (NULL: none). */
void tl_emit_stream_set(tl_emit_stream *stream);
/* Called by the emitters between diagnostics: writes OUT out when it is
 * this thread's stream and holds TL_EMIT_FLUSH_BYTES or more. */
void tl_emit_flush(tl_buf *out);

/* ---- Helpers shared by the emitters (emit.c) --------------------------- */

/* Appends the N bytes at S as a JSON string literal, quotes included:
 * quote, backslash and control characters escaped, other characters kept
 * as UTF-8, any invalid UTF-8 byte replaced by U+FFFD so that the output
 * is always valid JSON. */
void tl_emit_json_string(tl_buf *out, const char *s, size_t n);
/* Appends S for a one-line human format: every control character (C0
 * with newline and tab, DEL, C1 such as U+0085 NEL and U+009B CSI) and
 * every bidirectional control (U+202E...) becomes a space, so that
 * neither a message nor a path can break the line, send terminal escape
 * sequences or reorder what the reader sees. */
void tl_emit_plain(tl_buf *out, const char *s);
/* Whether D has a place in the original RES was linted with (a source
 * rule's finding, DESIGN.md 8.3); its start in UNIT into *POS. Every
 * format shows it: JSON "original", SARIF relatedLocations, rdjson
 * related_locations, LSP relatedInformation, a line in text, a note at
 * the end of the message in gcc and github (tl_emit_original_note). */
bool tl_emit_original(const tl_result *res, const tl_diag *d, tl_unit unit,
                      tl_pos *pos);
/* Appends " (original: PATH:LINE:COLUMN)", in the run's language, for
 * the one-line formats, when D has a place in the original. */
void tl_emit_original_note(const tl_emit_ctx *ctx, tl_buf *out,
                           const tl_result *res, const tl_diag *d);
/* The length in bytes of the control character or bidirectional control
 * at S (as tl_emit_plain replaces), or 0. */
size_t tl_emit_control_len(const char *s);
/* Whether D counts as fixable in this run. */
bool tl_emit_fixable(const tl_emit_ctx *ctx, const tl_diag *d);
/* "safe", "unsafe" (NULL for TL_FIX_NONE). */
const char *tl_emit_applicability_name(tl_applicability a);

/* ---- Unified diff (diff.c) --------------------------------------------- */

/* Appends a unified diff from OLD to NEW (the document as --fix would
 * write it) with headers "--- a/PATH" and "+++ b/PATH" and three lines
 * of context, as diff -u and git diff write it. Lines are compared with
 * their line endings; a last line without one is marked "\ No newline at
 * end of file". Appends nothing when the two are equal. */
void tl_emit_diff(tl_buf *out, const char *path, const char *old,
                  size_t old_len, const char *new_text, size_t new_len);

#endif
