/*
 * model.h: what the files of the document model share among themselves
 * and nobody else needs (rules and the engine see the model through
 * internal.h). The model is six files, one job each:
 *
 *   markdown.c     the document: parsing it, whole or piece by piece, and
 *                  mapping cmark's positions to source offsets
 *   frontmatter.c  finding the front matter block before parsing
 *   pool.c         the memory cmark allocates from while it parses
 *   pieces.c       the planner that cuts a very large source into pieces
 *   runs.c         building a prose run from a paragraph or heading
 *   passes.c       the passes over a built run: bare URLs, e-mail
 *                  addresses and inline math made opaque, table cells
 */
#ifndef TL_MODEL_H
#define TL_MODEL_H

#include "internal.h"

#include <string.h>

/* The code point of an opaque element (code span, URL, math). */
#define TL_OBJECT 0xFFFCu

/* The end of the line starting at P in S (LEN bytes): the offset of its
 * line ending. */
static inline size_t tl_line_end(const char *s, size_t len, size_t p)
{
	if (p >= len)
		return p;
	const char *nl = memchr(s + p, '\n', len - p);
	size_t e = nl ? (size_t)(nl - s) : len;
	const char *cr = memchr(s + p, '\r', e - p);
	return cr ? (size_t)(cr - s) : e;
}

/* The start of the line after the one ending at P (LF, CRLF or CR). */
static inline size_t tl_line_next(const char *s, size_t len, size_t p)
{
	if (p < len && s[p] == '\r') {
		p++;
		if (p < len && s[p] == '\n')
			p++;
	} else if (p < len && s[p] == '\n') {
		p++;
	}
	return p;
}

/* ---- Front matter (frontmatter.c) -------------------------------------- */

/* Sets DOC's fm_* fields: the front matter block at the top of its
 * source, or TL_FM_NONE. */
void tl_frontmatter_find(tl_doc *doc);

/* ---- cmark's memory (pool.c) ------------------------------------------- */

/* A pool that a document's tree is parsed into; freed in one step. */
typedef struct tl_pool tl_pool;
tl_pool *tl_pool_new(void);
/* Frees POOL and every block in it (the whole tree). NULL is a no-op. */
void tl_pool_free(tl_pool *pool);
/* The allocator to give cmark_parser_new_with_mem: until tl_pool_stop,
 * what cmark allocates on this thread comes from POOL. */
cmark_mem *tl_pool_start(tl_pool *pool);
void tl_pool_stop(void);
/* Aborts with a message: cmark cannot be told that memory ran out. */
void *tl_pool_out_of_memory(void);

/* ---- Pieces (pieces.c) -------------------------------------------------- */

/* Plans the pieces of DOC: where each begins, and the definitions to
 * append. Unless SPLIT, or for a source below PIECE_MIN_SOURCE, the
 * document is one piece. */
void tl_pieces_plan(tl_doc *doc, bool split);
/* Blots out, in TEXT (a copy of source bytes [START, END)), the labels of
 * the definitions that an earlier one of the same label overrides. */
void tl_pieces_shadow(const tl_doc *doc, char *text, size_t start, size_t end);
/* Whether the last top-level block of ROOT is a code or HTML block that
 * ran to the end of a piece of LINES lines. */
bool tl_pieces_runs_to_end(cmark_node *root, int lines);

/* ---- Passes over a built run (passes.c) --------------------------------- */

/* The `after` entries of a run being built (tl_run.afters), by
 * increasing index; a pass that drops or merges characters renumbers
 * them. */
typedef struct tl_char_afters {
	tl_char_after *v;
	size_t n, cap;
} tl_char_afters;
/* Character I of CHARS gets AFTER (its end: no entry). */
void tl_char_afters_set(tl_char_afters *a, const tl_char *chars, size_t i,
                        size_t after);
/* The `after` of character I of CHARS. */
size_t tl_char_afters_get(const tl_char_afters *a, const tl_char *chars,
                          size_t i);

/* Each makes the bare URLs and e-mail addresses (tl_pass_urls) or the
 * inline math (tl_pass_math) among the *N characters of a run being built
 * one opaque character each, updating *N and AFTERS; returns whether it
 * changed any character. tl_pass_urls notes in KEPT (when not NULL) what
 * follows each bare URL up to and with the next white space. */
bool tl_pass_urls(tl_char *chars, size_t *n, tl_char_afters *afters,
                  tl_doc_kept *kept);
bool tl_pass_math(tl_char *chars, size_t *n, tl_char_afters *afters);
/* Makes template tags, wikilinks and footnote markers among the *N
 * characters of a run being built over source S (LEN bytes) one opaque
 * TL_CHAR_MARKUP character each, and drops the tildes of GFM
 * strikethrough; returns whether it changed any character. */
bool tl_pass_markup(const char *s, size_t len, tl_char *chars, size_t *n,
                    tl_char_afters *afters);
/* Whether the paragraph starting at START (source S of LEN bytes, block
 * ending at LIMIT) is a pipe table; if so its cell separators among the
 * N CHARS become TL_CHAR_SEP. */
bool tl_pass_table(const char *s, size_t len, size_t limit, size_t start,
                   tl_char *chars, size_t n);

#endif
