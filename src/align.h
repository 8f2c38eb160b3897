/*
 * align.h: which block of a translation renders which block of its
 * original (DESIGN.md section 8.2). The source rules, the original's
 * location in every output format, the language server's hover and the
 * Action's pairing are all built on it.
 *
 * Two steps, each its own object:
 *
 *   1. tl_align_doc_new lists the blocks of one parsed document in source
 *      order: front matter, metadata lines (link reference definitions
 *      such as LCTT's "[#]: via: ..." header and "[1]: URL" footer),
 *      headings, paragraphs, list-item and block-quote paragraphs, table
 *      rows, code blocks, images, HTML blocks and thematic breaks. Each
 *      block carries its source span and the anchors that survive
 *      translation (numbers by significant digits, inline code, link and
 *      image destinations with reference links resolved, Latin words,
 *      code and HTML lines) and its length, for a Gale-Church cost.
 *
 *   2. tl_align_new aligns the block lists of an original and its
 *      translation by dynamic programming with 1-1, 1-0, 0-1, 1-2 and 2-1
 *      pairs, inside a band around a guide path drawn through the anchors
 *      found once in each document, widened where the anchors disagree;
 *      then a pass pairs the blocks left alone on both sides that share
 *      anchors (a moved image, reordered list items; prose also by two
 *      words) as "moved" 1-1 pairs.
 *
 * Pair types read original-translation: 1-0 is an original block with no
 * translation (dropped), 0-1 a translated block with no original (added),
 * 1-2 an original paragraph split in two, 2-1 two merged into one.
 *
 * Cost: listing is linear in the document. Alignment evaluates at most
 *     m + (n + 1) * (2 * (TL_ALIGN_BAND + TL_ALIGN_WIDEN) + 4)
 * cells for n original and m translated blocks (tl_align.cells counts
 * them): the guide path's cells (at most m + 4n + 1) and TL_ALIGN_BAND
 * plus at most TL_ALIGN_WIDEN on each side of them in every row. Each
 * cell costs time linear in the anchors of the blocks involved; finding
 * the guide path costs O(A log A) for the A anchors. Memory is linear in
 * the cells and the anchors. Where the true alignment strays from the
 * guide path by more than the band allows, the pairs there are the best
 * the band holds, not the global optimum; the move pass still pairs what
 * anchors show.
 *
 * Ownership: a tl_align_doc owns its blocks and their anchors (one arena)
 * and refers to the tl_source it was built from, which must outlive it;
 * it does not keep the cmark tree. tl_align_new takes ownership of both
 * block lists; tl_align_free frees them with the alignment. No function
 * prints; none keeps global state, so alignments run in parallel threads.
 */
#ifndef TL_ALIGN_H
#define TL_ALIGN_H

#include "internal.h"

/* Half width of the band around the guide path, in blocks. */
#define TL_ALIGN_BAND 3
/* The most the band is widened where anchors disagree or the guide path's
 * stretch between two anchors is skewed, in blocks. */
#define TL_ALIGN_WIDEN 64

/* What a block is. Paragraphs take the kind of their innermost container
 * (TL_ALIGN_ITEM in a list item, TL_ALIGN_QUOTE in a block quote); a
 * paragraph holding only images (and links around them) is an image; a
 * pipe table is one block per row, its delimiter row left out. */
typedef enum tl_align_kind {
	TL_ALIGN_FRONT_MATTER = 0,
	TL_ALIGN_META, /* a link reference definition line */
	TL_ALIGN_HEADING,
	TL_ALIGN_PARAGRAPH,
	TL_ALIGN_ITEM,
	TL_ALIGN_QUOTE,
	TL_ALIGN_TABLE_ROW,
	TL_ALIGN_CODE,
	TL_ALIGN_IMAGE,
	TL_ALIGN_HTML,
	TL_ALIGN_BREAK, /* a thematic break */
	TL_ALIGN_NKINDS
} tl_align_kind;

/* "paragraph", "heading", ... */
const char *tl_align_kind_name(tl_align_kind kind);

/* What an anchor is. */
typedef enum tl_anchor_type {
	TL_ANCHOR_NUMBER = 0, /* key: significant digits ("4.15" and "41.5"
	                         give "415", "1,000" and "1000" give "1");
	                         versions ("1.2.3") as written */
	TL_ANCHOR_CODE,       /* key: an inline code span's content */
	TL_ANCHOR_LINK,       /* key: a link or image destination (reference
	                         links resolved), a bare URL, an href or src
	                         of inline HTML */
	TL_ANCHOR_LINE,       /* key: a line of a code, HTML or front matter
	                         block, or a metadata line, trimmed, runs of
	                         spaces and tabs made one space */
	TL_ANCHOR_WORD        /* a Latin word of two letters or more, ASCII
	                         letters lowercased, common English words
	                         left out; also each word and number inside
	                         inline code. Words are keys only (the
	                         original's thousands would make records the
	                         costliest part of listing): look one up with
	                         tl_align_block_has */
} tl_anchor_type;

/* One anchor of a block. */
typedef struct tl_align_anchor {
	tl_anchor_type type;
	const char *key; /* NUL-terminated; lives with the block list */
	size_t start;    /* its source span: exact for code spans, links, */
	size_t end;      /* images, lines; for numbers and words in text,
	                    the first occurrence of its bytes in the block
	                    after the previous anchor (the block's span when
	                    the source spells it otherwise, as with escapes) */
	uint64_t hash;   /* of type and key; the type is in the top 3 bits */
} tl_align_anchor;

/* One block. */
typedef struct tl_align_block {
	tl_align_kind kind;
	int level;         /* heading level 1-6; 0 for other kinds */
	unsigned context;  /* TL_CTX_QUOTE, TL_CTX_LIST: containers around */
	size_t start;      /* source span [start, end), without the line */
	size_t end;        /* ending of its last line */
	bool note;         /* a translator's note: the block begins with
	                      译注, 译者注 or LCTT 译注, in parentheses or not (the
	                      notes inside other blocks are left out of
	                      their length and anchors) */
	size_t nchars;     /* rendered characters but CJK ideographs */
	size_t ncjk;       /* CJK ideographs (the length is their sum,
	                      weighted: tl_align_length) */
	size_t nsentences; /* sentence ends in its text: '.', '?' or '!'
	                      before white space or the end of a text (not
	                      after a one-letter word: "e.g."; a run such
	                      as "?!" or "..." once), and 。？！ */
	const tl_align_anchor *anchors; /* in source order; no words */
	size_t nanchors;
	const uint64_t *keys; /* the distinct hashes of its anchors and
	                         words, ascending (so types come grouped,
	                         words last): for comparing sets. In an
	                         original listed against its translation
	                         (tl_align_doc_new_against), only the words
	                         the translation has */
	size_t nkeys;
} tl_align_block;

/* The hash of an anchor of TYPE with KEY (N bytes), as in keys. */
uint64_t tl_align_hash(tl_anchor_type type, const char *key, size_t n);
/* Whether BLOCK has the anchor or word of HASH: O(log keys). */
bool tl_align_block_has(const tl_align_block *block, uint64_t hash);

/* Sorts the N keys at V ascending, in place (for the module's own use:
 * listing sorts each block's keys, aligning its points). */
void tl_align_sort_keys(uint64_t *v, size_t n);

/* The blocks of one document. */
typedef struct tl_align_doc {
	const tl_source *src;
	tl_align_block *blocks;
	size_t n;
	struct tl_align_build *build; /* private: the state of listing */
} tl_align_doc;

/* The blocks of DOC's current tree: the whole document when it was parsed
 * with tl_doc_parse, its first piece after tl_doc_new and
 * tl_doc_parse_piece(doc, 0). DOC's source must outlive the result; the
 * tree need not. Free with tl_align_doc_free, or hand to tl_align_new. */
tl_align_doc *tl_align_doc_new(const tl_doc *doc);
/* The blocks of an original DOC, as tl_align_doc_new, listed against
 * TRANS, its translation's blocks, already listed in full: only the
 * words that some block of TRANS has are kept in the keys (the others
 * cannot match, and the alignment's cost does not count an original's
 * words that its translation lacks), which makes listing and aligning
 * cheaper and changes no alignment. TRANS must outlive the result's
 * listing (the last tl_align_doc_add). What the engine calls. */
tl_align_doc *tl_align_doc_new_against(const tl_doc *doc,
                                       const tl_align_doc *trans);
/* Whether ORIG was listed against TRANS (for tl_align_new). */
bool tl_align_doc_narrowed(const tl_align_doc *orig, const tl_align_doc *trans);
/* Adds the blocks of DOC's current piece, for a document parsed piece by
 * piece: call after each tl_doc_parse_piece but the first, in order. */
void tl_align_doc_add(tl_align_doc *ad, const tl_doc *doc);
void tl_align_doc_free(tl_align_doc *ad);

/* The length of BLOCK for the length-ratio cost, in characters of the
 * original language: a CJK ideograph counts as TL_ALIGN_CJK_WEIGHT, every
 * other rendered character as one. Calibrated on the English-Chinese
 * pairs of LCTT (docs/alignment.md). */
#define TL_ALIGN_CJK_WEIGHT 3.2
double tl_align_length(const tl_align_block *block);

typedef enum tl_pair_type {
	TL_PAIR_1_1 = 0,
	TL_PAIR_1_0, /* an original block, no translation */
	TL_PAIR_0_1, /* a translated block, no original */
	TL_PAIR_1_2, /* an original block translated as two */
	TL_PAIR_2_1  /* two original blocks translated as one */
} tl_pair_type;

/* "1-1", "1-0", ... */
const char *tl_pair_type_name(tl_pair_type type);

/* One pair: NORIG consecutive original blocks from ORIG and NTRANS
 * consecutive translated blocks from TRANS (an index is TL_NONE when its
 * count is 0). */
typedef struct tl_align_pair {
	tl_pair_type type;
	size_t orig, norig;
	size_t trans, ntrans;
	double cost; /* the pair's cost, about -log of its probability */
	bool moved;  /* a 1-1 pair out of the order of the others */
} tl_align_pair;

/* An alignment. PAIRS run in the translation's order; a 1-0 pair stands
 * where its original block fell, and a moved pair where its translated
 * block is. Every block is in exactly one pair. */
typedef struct tl_align {
	tl_align_doc *orig;
	tl_align_doc *trans;
	tl_align_pair *pairs;
	size_t npairs;
	size_t *orig_pair;  /* the pair of each original block */
	size_t *trans_pair; /* the pair of each translated block */
	size_t cells;       /* dynamic programming cells evaluated */
	double cost;        /* the total of the pairs' costs */
	tl_arena *arena;    /* private: owns pairs and indexes */
} tl_align;

/* Aligns ORIG (the original's blocks) with TRANS (the translation's);
 * takes ownership of both. Never fails; empty documents give no pairs.
 * Free with tl_align_free. */
tl_align *tl_align_new(tl_align_doc *orig, tl_align_doc *trans);
void tl_align_free(tl_align *al);

/* What the cost of a pair is made of: the prior of its type (a skip's
 * whole cost), a change of kind or heading level, the length ratio, and
 * the anchors (negative when they agree). */
typedef struct tl_align_cost_parts {
	double type;
	double kind;
	double length;
	double anchors;
} tl_align_cost_parts;

/* The cost AL's model gives to pairing NORIG original blocks from ORIG
 * with NTRANS translated blocks from TRANS (one of the five pair types),
 * whether or not the alignment chose that pair; its parts into PARTS when
 * not NULL. A pair that cannot be (two kinds merged, front matter with a
 * paragraph, counts out of range) costs 1e30 or more. For debugging and
 * for tests. */
double tl_align_cost(const tl_align *al, size_t orig, size_t norig,
                     size_t trans, size_t ntrans, tl_align_cost_parts *parts);

/* The pair holding translated block J / original block I. */
const tl_align_pair *tl_align_pair_of_trans(const tl_align *al, size_t j);
const tl_align_pair *tl_align_pair_of_orig(const tl_align *al, size_t i);

/* The index of the block of AD whose span holds OFFSET, or of the last
 * block before it; TL_NONE when OFFSET is before every block. Binary
 * search: O(log n). */
size_t tl_align_block_at(const tl_align_doc *ad, size_t offset);

/* Appends to OUT a readable view of AL, one entry per pair: the type,
 * the original's and the translation's 1-based line ranges, the kind, the
 * cost, and an excerpt of each block (the start of its first line), for
 * --print-alignment and for debugging. */
void tl_align_print(const tl_align *al, tl_buf *out);

/* ---- The pairing the source rules see ---------------------------------- */

/* A translation with its original, as the engine hands it to the
 * check_original hook of a rule (translint.h): the rules of DESIGN.md
 * section 8.3 read everything they compare from here. */
typedef struct tl_pairing {
	const tl_original
	    *orig;              /* as the caller gave it: path, required, why */
	const tl_source *src;   /* the original's bytes, or NULL when none was
	                           found or it is not text (invalid UTF-8, NUL
	                           bytes) */
	const tl_source *trans; /* the translation's bytes */
	const tl_align *al;     /* the alignment; NULL exactly when SRC is */
} tl_pairing;

#endif
