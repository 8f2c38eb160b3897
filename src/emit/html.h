/*
 * html.h: what the files of the html format share among themselves.
 *
 *   html.c       the page: head, overview, one section per file with its
 *                counts, its document and its list of findings
 *   html_doc.c   a document as it renders, every finding drawn on its
 *                exact byte span (the part that knows the Markdown model)
 *   html_pair.c  a translation beside its original (--source): both
 *                documents rendered flat by html_doc.c, their leaves put
 *                in the rows of the alignment (align.h)
 *   html_text.c  escaping, the CSP digest (SHA-256) and the page's words
 *                in English and Chinese
 *   html.css, html.js
 *                the page's style sheet and script, embedded at build
 *                time (tools/embed.sh, build/html_assets.c)
 *
 * Ids: a file's section is "f" followed by 16 hex digits of a hash of
 * its path (emitters keep no state between files, so there is no
 * counter to number them with), and finding K (1-based, in the order of
 * the diagnostics) of that file has the ids ID-K (its first highlight),
 * ID-rK (its row in the list) and ID-dK (the row's message and fix, which
 * the highlight names with aria-describedby); beside an original, also
 * ID-oK (its first highlight in the original, described by the same
 * ID-dK, which the row links to after the message).
 */
#ifndef TL_EMIT_HTML_H
#define TL_EMIT_HTML_H

#include "embedded.h"
#include "emit/emit.h"

/* The section id of the file at PATH: "f" and 16 hex digits, in ID. */
void tl_html_file_id(const char *path, char id[18]);

/* Appends the N bytes at S as HTML text, also safe inside a double-quoted
 * attribute value: & < > " escaped, invalid UTF-8, control characters
 * and noncharacters (which HTML parsers report as errors) replaced by
 * U+FFFD, a CR or CRLF line ending made "\n" (" " when SPACE_NL, for an
 * inline code span, where a line ending renders as a space). */
void tl_html_escape(tl_buf *out, const char *s, size_t n, bool space_nl);
/* The same for a NUL-terminated string (NULL appends nothing). */
void tl_html_puts(tl_buf *out, const char *s);

/* The base64 of the SHA-256 digest of the N bytes at S, for a CSP
 * 'sha256-...' source; 44 characters and a NUL in OUT. */
void tl_html_sha256_base64(const char *s, size_t n, char out[45]);

/* The words the page adds itself, in English and Chinese. */
typedef enum tl_html_word {
	TL_HW_TITLE = 0,
	TL_HW_SKIP_OVERVIEW,
	TL_HW_SKIP_FILES,
	TL_HW_OVERVIEW,
	TL_HW_NOSCRIPT,
	TL_HW_FILES_CAPTION,
	TL_HW_FILES_COUNTED,
	TL_HW_FILE_COUNTED,
	TL_HW_RULES_CAPTION,
	TL_HW_FILE,
	TL_HW_RULE,
	TL_HW_ERRORS,
	TL_HW_WARNINGS,
	TL_HW_INFOS,
	TL_HW_TOTAL,
	TL_HW_FIXABLE,
	TL_HW_GENERATED,
	TL_HW_AFTER_FIX,
	TL_HW_FINDINGS,
	TL_HW_SKIP_TO_FINDINGS,
	TL_HW_NO_FINDINGS,
	TL_HW_SHOW_DOCUMENT,
	TL_HW_BACK_TO_DOCUMENT,
	TL_HW_SAFE_FIX,
	TL_HW_UNSAFE_FIX,
	TL_HW_MORE_EDITS,
	TL_HW_AS_SOURCE,
	TL_HW_NOT_RENDERED_UTF8,
	TL_HW_NOT_RENDERED_BINARY,
	TL_HW_NO_FILES,
	TL_HW_DOCUMENT,
	TL_HW_KEYS,
	TL_HW_PAIR_LABEL,
	TL_HW_ORIGINAL,
	TL_HW_TRANSLATION,
	TL_HW_GAP_DROPPED,
	TL_HW_GAP_ADDED,
	TL_HW_PAIR_SPLIT,
	TL_HW_PAIR_MERGED,
	TL_HW_PAIR_MOVED,
	TL_HW_IN_ORIGINAL,
	TL_HW_NO_PLACE,
	TL_HW_NO_PLACE_GAP,
	TL_HW_COUNT
} tl_html_word;

/* The word W in LANG (static). */
const char *tl_html_word_in(tl_lang lang, tl_html_word w);

/* Appends the document of RES as it renders, inside a <div class="doc">
 * that the caller opens and closes, with every diagnostic of RES drawn
 * on its span: a <mark class="f ..."> over the text it covers (split
 * where the text crosses an element), or, when the span covers nothing
 * that renders (markup, a link destination, an insertion point), a mark
 * holding the span's source bytes at the place they would be. The first
 * mark of finding K carries the ids described above; the others
 * data-f="K" only. ID is the file's section id; LANG the language of the
 * few words the document part adds itself. */
void tl_html_document(tl_buf *out, const tl_result *res, const char *id,
                      tl_lang lang);

/* ---- Rendering one side (html_doc.c) ----------------------------------- */

/* Flat rendering: where one leaf block's HTML is in the output. */
typedef struct tl_html_leaf {
	size_t start, end;           /* its source bytes */
	size_t html_start, html_end; /* its HTML, offsets into the output */
} tl_html_leaf;

struct tl_align_doc;

/* A document to render and the findings to draw on it. */
typedef struct tl_html_side {
	const tl_source *src;
	const tl_diag *diags; /* sorted by start */
	size_t ndiags;
	/* The number of each finding (its row in the list), or NULL for
	 * index + 1. */
	const size_t *numbers;
	/* Before the number in the anchors' ids: "" for the document's own
	 * findings, "o" for their places in the original. */
	const char *prefix;
	/* Flat: the document's alignment blocks (for its metadata lines),
	 * or NULL; and the leaves written, which the caller frees. */
	const struct tl_align_doc *blocks;
	tl_html_leaf *leaves;
	size_t nleaves, cap_leaves;
} tl_html_side;

/* Appends SIDE's document with its findings drawn (as
 * tl_html_document), or, when FLAT, leaf by leaf for the pair view:
 * every byte written then belongs to one leaf of SIDE->leaves. */
void tl_html_render(tl_buf *out, tl_html_side *side, const char *id,
                    tl_lang lang, bool flat);

/* ---- Side by side (html_pair.c) ---------------------------------------- */

/* What the pair view did with a finding, for its row in the list. */
enum {
	/* Drawn in the original too, at its place there (ID-oK). */
	TL_HTML_IN_ORIGINAL = 1,
	/* No place in the original, and its block faces a gap there (added
	 * text). */
	TL_HTML_FACES_GAP = 2
};

/* Appends RES's document beside its original (RES->original, both valid
 * text), block by block in the rows of their alignment (align.h), the
 * unmatched blocks facing a gap, inside a <div class="pair">; each
 * finding of RES drawn on the translation's side and, when it has a place
 * in the original, on the original's too. WHERE (RES->ndiags bytes) gets
 * the TL_HTML_* flags of each finding. */
void tl_html_pair(tl_buf *out, const tl_result *res, const char *id,
                  tl_lang lang, unsigned char *where);

/* The embedded style sheet and script (build/html_assets.c), "html.css"
 * and "html.js", then an entry whose name is NULL. */
extern const struct tl_embedded_file tl_html_assets[];

#endif
