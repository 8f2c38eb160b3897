/*
 * internal.h: what the modules of translint share and the public header
 * does not show: the Markdown model (documents, prose runs and their byte
 * maps), character classes, and the check context rules report through.
 *
 * Data flows one way: source -> document (markdown.c) -> prose runs ->
 * rules (src/rules/) -> diagnostics (engine.c) -> fixes (fix.c) -> output
 * (src/emit/). Rules see runs and documents through const pointers; they
 * never print, never touch the tree and keep no global state.
 */
#ifndef TL_INTERNAL_H
#define TL_INTERNAL_H

#include "translint.h"

#include <cmark.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* ---- Character classes (chars.c) --------------------------------------- */

/* A CJK ideograph (Han, including extensions and compatibility forms),
 * or kana or bopomofo: the characters between which Chinese text puts no
 * space and next to which a Latin word takes one. */
bool tl_char_is_cjk(uint32_t cp);
/* CJK (full-width) punctuation: U+3000..U+303F, the full-width forms of
 * ASCII punctuation in U+FF00..U+FF65, and the curly quotes, dashes and
 * ellipsis Chinese text uses (“”‘’—…·). */
bool tl_char_is_cjk_punct(uint32_t cp);
/* A letter of a cased or Latin-like script (Latin, Greek, Cyrillic), not
 * full-width. */
bool tl_char_is_latin_letter(uint32_t cp);
/* ASCII digit. */
bool tl_char_is_digit(uint32_t cp);
/* Unicode white space (including U+3000 ideographic space). */
bool tl_char_is_space(uint32_t cp);
/* Punctuation both Chinese and English text use: the curly quotes, the em
 * dash, the ellipses and the middle dot. A mark of this kind says nothing
 * about the script around it. */
bool tl_char_is_shared_punct(uint32_t cp);
/* Full-width punctuation only CJK text uses: tl_char_is_cjk_punct minus
 * the shared marks and U+3000. */
bool tl_char_is_cjk_only_punct(uint32_t cp);
/* A Chinese numeral that numbers things: 〇 to 十, 百, 零. */
bool tl_char_is_cjk_numeral(uint32_t cp);
/* Decodes one UTF-8 character of valid input at S (LEN bytes left);
 * returns its length and stores the code point. */
size_t tl_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* The maximum nesting of YAML flow collections ("[", "{") a text may
 * have before libyaml is given it (TL_YAML_MAX_FLOW_DEPTH): libyaml
 * checks every pending simple key at each token, so deep flow nesting
 * is quadratic (100,000 "[" took minutes). */
#define TL_YAML_MAX_FLOW_DEPTH 100

/* The offset in the N bytes of YAML at S where flow collections nest
 * deeper than TL_YAML_MAX_FLOW_DEPTH, or TL_NONE. Quoted scalars and
 * comments are skipped; the count is an upper bound of libyaml's. */
size_t tl_yaml_too_deep(const char *s, size_t n);
/* Encodes CP into OUT (4 bytes at least); returns the length. */
size_t tl_utf8_encode(uint32_t cp, char *out);

/* tl_utf8_decode with the common cases inline: ASCII, and the 3-byte
 * sequences (most of Chinese text) whose lead byte needs no range check
 * of its second byte (E1..EC, EE, EF). Same results. */
static inline size_t tl_utf8_decode_fast(const char *s, size_t len,
                                         uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (len && u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (len >= 3 && u[0] >= 0xE1 && u[0] <= 0xEF && u[0] != 0xED &&
	    (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
		*cp = ((uint32_t)(u[0] & 0x0F) << 12) |
		      ((uint32_t)(u[1] & 0x3F) << 6) | (uint32_t)(u[2] & 0x3F);
		return 3;
	}
	return tl_utf8_decode(s, len, cp);
}

/* ---- Environment (util.c) ---------------------------------------------- */

/* Whether PCRE2 patterns may be JIT-compiled: true unless the environment
 * sets TL_NO_JIT to a non-empty value other than "0" (valgrind cannot follow
 * JIT code and reports false errors in it; docs/testing.md). The one
 * environment read of library code, made only when a pattern is compiled
 * (configuration load), never while linting. */
bool tl_jit_enabled(void);

/* ---- Paths (config_paths.c) ------------------------------------------- */

/* PATH made absolute and normalized lexically (caller frees). */
char *tl_path_abs(const char *path);
/* The folder part of absolute path P (caller frees). */
char *tl_path_dir(const char *p);
/* Absolute path P (owned) made relative to the working folder when it is
 * below it, for messages. */
char *tl_path_shorten(char *p);

/* ---- Markdown model (markdown.c) --------------------------------------- */

/* What a prose character is. Opaque elements (code spans, URLs, math,
 * template syntax) are
 * one character each, U+FFFC, spanning all their source bytes: rules see
 * that something is there without looking inside. */
typedef enum tl_char_kind {
	TL_CHAR_TEXT = 0, /* a character of prose */
	TL_CHAR_CODE,     /* an inline code span, backticks included */
	TL_CHAR_URL,      /* an autolink, bare URL or e-mail address */
	TL_CHAR_MATH,     /* inline math $...$ */
	TL_CHAR_BREAK,    /* a soft or hard line break; cp is '\n' */
	TL_CHAR_SEP,      /* a table cell separator '|' */
	TL_CHAR_MARKUP    /* template or extension syntax: a Hugo shortcode
	                     {{< >}} {{% %}}, a Liquid or Jinja tag {% %}
	                     {{ }}, a wikilink [[...]], a footnote marker
	                     [^1] */
} tl_char_kind;

/* Flags of a prose character: the inline context it sits in. */
enum {
	TL_CF_LINK = 1 << 0,   /* inside link text */
	TL_CF_IMAGE = 1 << 1,  /* inside image alt text */
	TL_CF_EMPH = 1 << 2,   /* inside emphasis */
	TL_CF_STRONG = 1 << 3, /* inside strong emphasis */
	TL_CF_LITERAL =
	    1 << 4,         /* the source bytes are not the character itself
	                       (backslash escape or entity): never edit them */
	TL_CF_HTML = 1 << 5 /* between inline HTML tags */
};

/* One rendered character and where it came from. Offsets are 32-bit:
 * translint refuses files of 4 GiB or more. The record is 16 bytes
 * because a long paragraph holds one per character at once (a 50 MB line
 * is 27 million of them, issue 12.8): the character's offset in the
 * run's text and the offset after the markup closing behind it are not
 * stored here but asked of the run (tl_run_toff, tl_run_after). */
typedef struct tl_char {
	uint32_t cp;    /* code point (U+FFFC for an opaque element) */
	uint32_t start; /* source bytes [start, end) of this character */
	uint32_t end;
	uint8_t kind;  /* tl_char_kind */
	uint8_t flags; /* TL_CF_* */
	uint8_t depth; /* number of inline containers (emphasis, link...),
	                  saturating at 255 */
	uint8_t cls;   /* TL_CLS_* of cp, computed once by the run builder */
} tl_char;
_Static_assert(sizeof(tl_char) == 16, "tl_char stays 16 bytes (issue 12.8)");

/* A character whose inline markup closes right behind it: text inserted
 * "after this character, outside its markup" goes at AFTER (> its end),
 * past the closing "**", "](url)" or "</b>". Few characters have one, so
 * a run lists them apart, by index (tl_run_after). */
typedef struct tl_char_after {
	uint32_t i;
	uint32_t after;
} tl_char_after;

/* The run's text offset is kept for one character in TL_TOFF_EVERY
 * (tl_run.toffs); those between are summed from their code points. */
#define TL_TOFF_SHIFT 4
#define TL_TOFF_EVERY (1u << TL_TOFF_SHIFT)

/* The classes of a character's code point, precomputed in tl_char.cls so
 * that the rules test a bit instead of classifying the same code point
 * again: cls & TL_CLS_CJK is tl_char_is_cjk(cp), and so on. Every char
 * has them, whatever its kind (an opaque U+FFFC has none, a line break's
 * '\n' is TL_CLS_SPACE). */
enum {
	TL_CLS_CJK = 1 << 0,       /* tl_char_is_cjk */
	TL_CLS_CJK_PUNCT = 1 << 1, /* tl_char_is_cjk_punct */
	TL_CLS_LATIN = 1 << 2,     /* tl_char_is_latin_letter */
	TL_CLS_DIGIT = 1 << 3,     /* tl_char_is_digit */
	TL_CLS_SPACE = 1 << 4      /* tl_char_is_space */
};
/* The TL_CLS_* bits of CP (chars.c). */
uint8_t tl_char_class(uint32_t cp);

typedef enum tl_block_kind {
	TL_BLOCK_PARAGRAPH = 0,
	TL_BLOCK_HEADING,
	TL_BLOCK_TABLE /* a paragraph that is a GFM pipe table */
} tl_block_kind;

/* Where a run's block sits. */
enum {
	TL_CTX_QUOTE = 1 << 0, /* inside a block quote */
	TL_CTX_LIST = 1 << 1   /* inside a list item */
};

/* A prose run: the rendered characters of one leaf block (paragraph or
 * heading) with a map from every character back to the source. */
typedef struct tl_run {
	const tl_char *chars;
	size_t n;
	const char *text; /* UTF-8 of the characters, NUL-terminated */
	size_t text_len;
	tl_block_kind kind;
	int level;        /* heading level, 0 otherwise */
	unsigned context; /* TL_CTX_* */
	size_t start;     /* source span of the block */
	size_t end;
	size_t block;     /* index of the top-level block holding it */
	cmark_node *node; /* the leaf block (read only) */
	const struct tl_doc *doc;
	/* A summary for rules that can skip a whole run: the OR of every
	 * character's cls, and which ASCII code points occur (bit c & 63 of
	 * ascii[c >> 6] for a character, of any kind, with cp c < 128). */
	uint8_t cls_any;
	uint64_t ascii[2];
	/* And a filter of the other code points outside U+4E00..U+9FFF
	 * (punctuation, symbols, fullwidth forms): bit tl_cp_bit(cp) is set
	 * for each one that occurs. A clear bit means "not in the run"; a
	 * set one only "maybe". */
	uint64_t other;
	size_t ncjk; /* characters with TL_CLS_CJK */
	/* The text offset of characters 0, TL_TOFF_EVERY, 2 * TL_TOFF_EVERY
	 * ... (tl_run_toff). */
	const uint32_t *toffs;
	/* The characters whose `after` is not their end, by increasing
	 * index (tl_run_after). */
	const tl_char_after *afters;
	size_t nafters;
} tl_run;

/* The number of bytes of CP in UTF-8, as tl_utf8_encode writes it. */
static inline size_t tl_utf8_len(uint32_t cp)
{
	return cp < 0x80                       ? 1
	       : cp < 0x800                    ? 2
	       : cp < 0x10000 || cp > 0x10FFFF ? 3
	                                       : 4;
}

/* The offset of character I of RUN in the run's text (text_len for
 * I == RUN->n). The text is the characters' UTF-8 one after the other,
 * so the offset is the last kept one plus the lengths of the characters
 * since (at most TL_TOFF_EVERY - 1 of them). */
static inline size_t tl_run_toff(const tl_run *run, size_t i)
{
	if (i >= run->n)
		return run->text_len;
	size_t k = i & ~(size_t)(TL_TOFF_EVERY - 1);
	size_t off = run->toffs[i >> TL_TOFF_SHIFT];
	for (; k < i; k++)
		off += tl_utf8_len(run->chars[k].cp);
	return off;
}

/* The offset in AFTERS (N entries, by increasing index) of character I's
 * entry, or N when it has none. */
static inline size_t tl_char_after_find(const tl_char_after *afters, size_t n,
                                        size_t i)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (afters[mid].i < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && afters[lo].i == i ? lo : n;
}

/* The source offset after the inline markup that closes right behind
 * character I of RUN (>= its end): where text inserted "after this
 * character, outside its markup" goes. */
static inline size_t tl_run_after(const tl_run *run, size_t i)
{
	size_t k = tl_char_after_find(run->afters, run->nafters, i);
	return k < run->nafters ? run->afters[k].after : run->chars[i].end;
}

/* Does some character of RUN have the ASCII code point C? */
static inline bool tl_run_has_ascii(const tl_run *run, unsigned char c)
{
	return (run->ascii[(c >> 6) & 1] >> (c & 63)) & 1;
}

/* The bit of tl_run.other for CP (not ASCII, not U+4E00..U+9FFF). The
 * marks rules look for (U+2000..U+206F, U+3000..U+303F, U+FF00..U+FF6F)
 * mostly fall in distinct bits. */
static inline unsigned tl_cp_bit(uint32_t cp)
{
	return (cp ^ (cp >> 6)) & 63;
}

/* May RUN hold a character with code point CP? False only when it
 * cannot. */
static inline bool tl_run_may_have(const tl_run *run, uint32_t cp)
{
	if (cp < 0x80)
		return tl_run_has_ascii(run, (unsigned char)cp);
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return (run->cls_any & TL_CLS_CJK) != 0;
	return (run->other >> tl_cp_bit(cp)) & 1;
}

/* The source offset where text inserted between run characters I-1 and I
 * belongs: after the markup closing behind I-1, before the markup opening
 * in front of I (0 < I < RUN->n). */
static inline size_t tl_run_gap(const tl_run *run, size_t i)
{
	size_t gap = tl_run_after(run, i - 1);
	/* The markup after I-1 cannot reach past the start of I. */
	return gap > run->chars[i].start ? run->chars[i].start : gap;
}

typedef enum tl_front_matter_kind {
	TL_FM_NONE = 0,
	TL_FM_YAML,    /* --- ... --- */
	TL_FM_COMMENT, /* <!-- ... --> */
	TL_FM_TOML     /* +++ ... +++ (Hugo): fm_yaml_* hold the TOML */
} tl_front_matter_kind;

/*
 * A document, parsed whole or, when it is very large, one piece at a time
 * (markdown.c: pieces end at blank lines between top-level blocks, so
 * each parses as it would in the whole). ROOT is the tree of the current
 * piece; every position it gives is mapped to the whole source.
 */
typedef struct tl_doc {
	const tl_source *src;
	cmark_node *root; /* the current piece, with source positions; owned */
	struct tl_pool *pool; /* where ROOT's tree lives, or NULL (heap) */
	tl_front_matter_kind fm_kind;
	size_t fm_start;      /* the whole front matter block, delimiters */
	size_t fm_end;        /* included, or TL_NONE */
	size_t fm_yaml_start; /* the YAML text inside it */
	size_t fm_yaml_end;
	/* The pieces: piece k is [cuts[k], cuts[k + 1]) of the source. */
	size_t *cuts;
	size_t npieces;
	char *defs; /* link reference definitions of the whole document,
	               appended to each piece of a split one; or NULL */
	size_t ndefs;
	/* The line starts of the definitions of a label defined before
	 * (pieces.c), in source order: their labels are blotted out in
	 * the text of their piece (tl_pieces_shadow). */
	size_t *shadowed;
	size_t nshadowed;
	size_t piece;      /* the current piece */
	size_t line_base;  /* the source line (0-based) of its line 1 */
	size_t block_base; /* top-level blocks of the pieces before it */
	size_t nblocks;    /* top-level blocks of the current piece */
	/* The links, images and HTML of the current piece, in document
	 * order, noted by tl_doc_each_run as it walks the tree so that
	 * rules need not walk it again (tl_doc_nodes). Owned. */
	struct tl_doc_nodes *nodes;
	/* Source bytes no fix may change, noted by tl_doc_each_run: what
	 * follows each bare URL up to and with the next white space (GFM's
	 * autolinker reads up to it), and the places where a fix would
	 * change the document's structure (runs.c: the first word of a
	 * line that could become a block marker, the text of a shortcut
	 * reference link, a paragraph that could become a link reference
	 * definition), over every piece so far. Owned. */
	struct tl_doc_kept *kept;
} tl_doc;

typedef struct tl_kept_span {
	size_t start, end;
	bool strict; /* no insertion inside at all, white space included */
} tl_kept_span;

typedef struct tl_doc_kept {
	tl_kept_span *v; /* in source order, not overlapping */
	size_t n, cap;
} tl_doc_kept;

/* Does edit E leave alone every span of DOC->kept: it deletes or
 * replaces no byte of one, and inserts nothing inside a strict one and
 * nothing but spaces or tabs inside another? (An insertion where the
 * span starts, right after the URL, is outside it: link-destination's
 * "<…>" ends the link there.) */
bool tl_doc_keeps(const tl_doc *doc, const tl_edit *e);

/* The nodes tl_doc_each_run noted. */
typedef struct tl_doc_nodes {
	cmark_node **links; /* CMARK_NODE_LINK and CMARK_NODE_IMAGE */
	size_t nlinks, cap_links;
	cmark_node **html; /* CMARK_NODE_HTML_BLOCK and _INLINE */
	size_t nhtml, cap_html;
} tl_doc_nodes;

/* The links and HTML of DOC's current piece. The engine walks the runs
 * of a piece before its check_doc and its suppression comments, and that
 * walk notes them. */
const tl_doc_nodes *tl_doc_nodes_of(const tl_doc *doc);

/* A document of SRC (valid UTF-8, no NUL) with its front matter found and
 * its pieces planned, nothing parsed yet. Free with tl_doc_free. */
tl_doc *tl_doc_new(const tl_source *src);
/* Parses piece K (< DOC->npieces) into DOC->root, dropping the tree of
 * the piece before. */
void tl_doc_parse_piece(tl_doc *doc, size_t k);
/* Drops the current tree (DOC->root becomes NULL). */
void tl_doc_drop_tree(tl_doc *doc);
/* Parses SRC whole, as one piece whatever its size. */
tl_doc *tl_doc_parse(const tl_source *src);
void tl_doc_free(tl_doc *doc);
/* The byte offset of a cmark line and column (both 1-based). */
size_t tl_doc_offset(const tl_doc *doc, int line, int column);
/* The source span of NODE: [start, end). */
void tl_doc_node_span(const tl_doc *doc, cmark_node *node, size_t *start,
                      size_t *end);

/* Calls FN for each prose run in document order. The run and its arrays
 * live only during the call. */
typedef void (*tl_run_fn)(const tl_run *run, void *user);
void tl_doc_each_run(const tl_doc *doc, tl_run_fn fn, void *user);

/* ---- Option values (option.c) ----------------------------------------- */

/* A LIST option's value: N strings. */
typedef struct tl_option_list {
	char **items;
	size_t n;
} tl_option_list;

/* A MAP or REGEX_MAP option's value: N keys, in the order written, each
 * with its list of values (a single value is a list of one). For a
 * REGEX_MAP, patterns[i] is key i's values compiled as the alternatives
 * of one pattern; NULL for a MAP. */
typedef struct tl_option_map {
	size_t n;
	char **keys;
	tl_option_list *values;
	pcre2_code **patterns;
} tl_option_map;

/* A PCRE2 general context allocating from ARENA, so that match data and
 * contexts made per document (of patterns compiled with the
 * configuration) are released with the result and need no free. */
pcre2_general_context *tl_regex_context(tl_arena *arena);

/* ---- Check context (engine.c): what rules report through ------------- */

typedef struct tl_check tl_check;

/* The language of messages for this check. */
tl_lang tl_check_lang(const tl_check *ck);
/* EN or ZH, as the language asks. */
const char *tl_check_msg(const tl_check *ck, const char *en, const char *zh);
/* A formatted string that lives as long as the result. */
const char *tl_check_printf(tl_check *ck, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* EN or ZH, as the language asks, formatted with the arguments that
 * follow (both formats take the same arguments); lives as long as the
 * result. */
const char *tl_check_msgf(tl_check *ck, const char *en, const char *zh, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 4)))
#endif
    ;
/* Reports a diagnostic of the running rule over source bytes [start, end)
 * with MESSAGE (copied) and an optional FIX (copied; NULL for none). */
void tl_check_report(tl_check *ck, size_t start, size_t end,
                     const char *message, const tl_fix *fix);
/* tl_check_report with the message tl_check_msgf(CK, EN, ZH, ...): the
 * way most rules report. */
void tl_check_reportf(tl_check *ck, size_t start, size_t end, const tl_fix *fix,
                      const char *en, const char *zh, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 7)))
#endif
    ;
/* tl_check_reportf for a finding that also has a place in the original
 * (the source rules): bytes [OSTART, OEND) of the original (TL_NONE for
 * both: none), at severity SEV (TL_SEVERITY_OFF: the rule's own; the
 * added text of source-missing is information, a required original not
 * found an error, whatever the rule's severity). No fix: what a source rule
 * finds is for a translator to decide. */
void tl_check_report_original(tl_check *ck, size_t start, size_t end,
                              size_t ostart, size_t oend, tl_severity sev,
                              const char *en, const char *zh, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 9)))
#endif
    ;
/* The options of the running rule, as the configuration built them (its
 * default when unset). A rule asks only for the options it declares, each
 * by its type (a mistake aborts as a bug of the rule):
 * tl_check_option for STRING and ENUM (also INT, BOOL and REGEX, as
 * written),
 * tl_check_option_int, tl_check_option_bool, tl_check_list for LIST,
 * tl_check_map for MAP and REGEX_MAP (with the compiled patterns),
 * tl_check_regex for REGEX. Everything lives as long as the
 * configuration. */
const char *tl_check_option(const tl_check *ck, const char *name);
long tl_check_option_int(const tl_check *ck, const char *name);
bool tl_check_option_bool(const tl_check *ck, const char *name);
const tl_option_list *tl_check_list(const tl_check *ck, const char *name);
const tl_option_map *tl_check_map(const tl_check *ck, const char *name);
/* A pattern compiled with PCRE2_UTF and PCRE2_MULTILINE (and JIT): match
 * it with match data of the document (pcre2_match_data_create with
 * tl_regex_context). */
const pcre2_code *tl_check_regex(const tl_check *ck, const char *name);
/* Per-document scratch memory of the running rule: SIZE zeroed bytes on
 * the first call in a document, the same block on later calls. */
void *tl_check_state(tl_check *ck, size_t size);
/* The rule running (a built-in rule or a custom rule's metadata). */
const tl_rule *tl_check_rule(const tl_check *ck);
/* The configuration the document is checked under. */
const tl_config *tl_check_config(const tl_check *ck);
/* The document being checked. */
const tl_doc *tl_check_doc(const tl_check *ck);
/* Memory that lives as long as the result. */
tl_arena *tl_check_arena(tl_check *ck);

/* ---- Suppression comments (suppress.c) --------------------------------- */

/* The <!-- translint-disable... --> comments of a document. */
typedef struct tl_suppress tl_suppress;
/* No comments yet, for SRC. Free with tl_suppress_free. */
tl_suppress *tl_suppress_new(const tl_source *src);
/* Adds the comments in the HTML of DOC's current piece (pieces in
 * order; after tl_doc_each_run of the piece, which notes its HTML). */
void tl_suppress_scan(tl_suppress *sup, const tl_doc *doc);
void tl_suppress_free(tl_suppress *sup);
/* Whether a diagnostic of RULE starting at OFFSET is suppressed. */
bool tl_suppress_hides(tl_suppress *sup, const char *rule, size_t offset);
/* The rule names the comments give, in order, with their source spans,
 * for reporting unknown ones: false after the last. */
bool tl_suppress_name(const tl_suppress *sup, size_t i, const char **name,
                      size_t *start, size_t *end);

#endif
