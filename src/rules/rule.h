/*
 * rule.h: the one header a rule includes. It brings the model and the
 * check context (internal.h) and the helpers rules share, each working on
 * a prose run and knowing nothing of any one rule. Index:
 *
 *   The document: tl_doc_is_readme (a README)    (here, inline)
 *   One character of a run: tl_run_is_*           (here, inline)
 *     tl_run_is_text        prose text (not code, URL, math, break...)
 *     tl_run_is_cp          prose text with a given code point
 *     tl_run_is_bare        ...written as itself (no escape or entity)
 *     tl_run_is_blank       a space or tab
 *     tl_run_is_whitespace  any white space (U+3000 included)
 *     tl_run_is_alnum       a Latin letter or digit
 *     tl_run_is_cjk         a CJK ideograph (or kana, bopomofo)
 *     tl_run_is_cjk_context a CJK ideograph or CJK punctuation mark
 *     tl_run_is_apostrophe  a ' or ’ that is an apostrophe    (prose.c)
 *   Every tl_run_is_* is false for an index past the end of the run.
 *   One code point: tl_char_is_* in internal.h (chars.c).
 *
 *   Finding things in a run's text                           (punct.c)
 *     tl_run_text_find, tl_run_char_at, tl_run_char_from, tl_mark_walk_*
 *   Spacing between CJK and Latin words or numbers          (common.c)
 *     tl_token_at, tl_next_cjk_boundary, tl_run_in_phrase,
 *     tl_run_is_vim_command
 *   The script around a punctuation mark                     (punct.c)
 *     tl_punct_side, tl_punct_in_cjk
 *   English text inside a Chinese article                    (punct.c)
 *     tl_punct_unit, tl_punct_unit_english
 *   A possessive apostrophe ending a word                   (common.c)
 *     tl_run_is_possessive
 *   Code-like inline HTML (<code>, <kbd>...)                 (prose.c)
 *     tl_run_html_init, tl_run_html_in_code
 *   Editing and reporting                         (punct.c, common.c)
 *     tl_run_editable, tl_report_replace, tl_report_missing_space;
 *     tl_check_reportf and tl_check_msgf are in internal.h
 *   PCRE2 memory from the document's arena: tl_regex_context in
 *     internal.h (option.c)
 *   Comparing with the original (the source rules, check_original)
 *                                                     (source_common.c)
 *     tl_pairing (align.h), tl_pairing_original_of, tl_pairing_place,
 *     tl_pairing_has, tl_pairing_near, tl_pairing_near_has,
 *     tl_pairing_near_text, tl_pairing_sum, tl_pairing_altered,
 *     tl_pairing_excerpt,
 *     tl_pairing_kind_name, tl_pairing_is_prose, tl_pairing_is_template,
 * tl_pairing_is_comment, tl_text_has_cjk; tl_check_report_original is in
 * internal.h
 *
 * A rule file needs nothing else: #include "rule.h".
 */
#ifndef TL_RULES_RULE_H
#define TL_RULES_RULE_H

#include "align.h"
#include "internal.h"

#include <strings.h>

/* ---- The document ----------------------------------------------------------
 */

/* Is DOC a README ("README.md", "readme.markdown", in any folder)? A
 * repository's or a folder's readme is a note to its readers, never a
 * translated article: the rules that ask an article for its metadata
 * (front-matter's missing header, attribution) leave it alone. */
static inline bool tl_doc_is_readme(const tl_doc *doc)
{
	const char *p = doc->src->path, *base = p;
	for (; p && *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	return base && strncasecmp(base, "readme.", 7) == 0;
}

/* ---- One character of a run --------------------------------------------- */

/* Is character I of RUN prose text (not a code span, URL, math, line break
 * or table separator)? */
static inline bool tl_run_is_text(const tl_run *run, size_t i)
{
	return i < run->n && run->chars[i].kind == TL_CHAR_TEXT;
}

/* Is character I of RUN prose text with code point CP? */
static inline bool tl_run_is_cp(const tl_run *run, size_t i, uint32_t cp)
{
	return i < run->n && run->chars[i].kind == TL_CHAR_TEXT &&
	       run->chars[i].cp == cp;
}

/* Is character I of RUN prose text with code point CP written as itself
 * in the source (not a backslash escape or an entity), so that it can be
 * Markdown syntax? */
static inline bool tl_run_is_bare(const tl_run *run, size_t i, uint32_t cp)
{
	return i < run->n && run->chars[i].kind == TL_CHAR_TEXT &&
	       !(run->chars[i].flags & TL_CF_LITERAL) && run->chars[i].cp == cp;
}

/* Is character I of RUN a space or tab of prose? */
static inline bool tl_run_is_blank(const tl_run *run, size_t i)
{
	return i < run->n && run->chars[i].kind == TL_CHAR_TEXT &&
	       (run->chars[i].cp == ' ' || run->chars[i].cp == '\t');
}

/* Is character I of RUN prose white space of any kind (tl_char_is_space:
 * U+3000 and the other Unicode spaces too)? */
static inline bool tl_run_is_whitespace(const tl_run *run, size_t i)
{
	return i < run->n && run->chars[i].kind == TL_CHAR_TEXT &&
	       (run->chars[i].cls & TL_CLS_SPACE);
}

/* Is character I of RUN a prose Latin letter or digit? */
static inline bool tl_run_is_alnum(const tl_run *run, size_t i)
{
	return i < run->n && run->chars[i].kind == TL_CHAR_TEXT &&
	       (run->chars[i].cls & (TL_CLS_LATIN | TL_CLS_DIGIT)) != 0;
}

/* Is character I of RUN a prose CJK character (tl_char_is_cjk)? */
static inline bool tl_run_is_cjk(const tl_run *run, size_t i)
{
	return i < run->n && run->chars[i].kind == TL_CHAR_TEXT &&
	       (run->chars[i].cls & TL_CLS_CJK);
}

/* Is character I of RUN a prose CJK ideograph or CJK punctuation mark
 * (the characters that make "CJK context", DESIGN section 1)? */
static inline bool tl_run_is_cjk_context(const tl_run *run, size_t i)
{
	return i < run->n && run->chars[i].kind == TL_CHAR_TEXT &&
	       (run->chars[i].cls & (TL_CLS_CJK | TL_CLS_CJK_PUNCT));
}

/* Is the ' or ’ at I of RUN an apostrophe rather than a quote: between
 * two letters or digits ("it's", "don’t"), or before a digit with no
 * letter or digit in front ("'90s")? */
bool tl_run_is_apostrophe(const tl_run *run, size_t i);

/* ---- Finding things in a run's text ------------------------------------- */

/* The offset of the first byte of RUN's text at or after FROM that is one
 * of the bytes of SET (non-NUL), or run->text_len when none is. Rules use
 * it to jump to the few places that can hold what they look for. */
size_t tl_run_text_find(const tl_run *run, size_t from, const char *set);

/* The index of the character of RUN whose text starts at byte OFF of
 * run->text, searching from character FROM on (OFF must start a
 * character at or after FROM's). */
size_t tl_run_char_at(const tl_run *run, size_t from, size_t off);
/* The index of the first character of RUN whose text starts at byte OFF
 * of run->text or later (run->n when none does). */
size_t tl_run_char_from(const tl_run *run, size_t off);

/* A walk, in text order, over the stretches of one repeated mark that
 * start where one of up to TL_MARK_PATS strings occurs in a run's text
 * ("--" and "—" for the dash rule): each string is searched for once per
 * occurrence, and the search goes on after each stretch. */
#define TL_MARK_PATS 4
typedef struct tl_mark_walk {
	const tl_run *run;
	const char *const *pats;
	size_t npats;
	size_t next[TL_MARK_PATS]; /* where each string occurs next */
	size_t p;                  /* where the search goes on */
	size_t at;                 /* a character at or before the next hit */
} tl_mark_walk;

void tl_mark_walk_start(tl_mark_walk *w, const tl_run *run,
                        const char *const *pats, size_t n);
/* The next stretch [*S, *E) of prose characters equal to the one a string
 * was found at, or false when there is none. */
bool tl_mark_walk_next(tl_mark_walk *w, size_t *s, size_t *e);

/* ---- Spacing between CJK and Latin words or numbers --------------------- */

/* What stands on one side of a CJK character. */
typedef enum tl_token_kind {
	TL_TOKEN_NONE = 0, /* nothing a space is wanted before */
	TL_TOKEN_WORD,     /* a Latin word: letters, maybe digits, "C++" */
	TL_TOKEN_NUMBER    /* a number: digits with sign, "." "," "%" "°" */
} tl_token_kind;

/* The kind of token that character I of RUN ends (FORWARD false: the
 * token lies before a CJK character at I+1) or starts (FORWARD true: it
 * follows a CJK character at I-1). */
tl_token_kind tl_token_at(const tl_run *run, size_t i, bool forward);

/* The first I at or after FROM (FROM >= 1) where characters I-1 and I are
 * a CJK character and a token of KIND, in either order, or RUN->n when
 * there is none. *CJK_RIGHT tells which side the CJK character is on. */
size_t tl_next_cjk_boundary(const tl_run *run, size_t from, tl_token_kind kind,
                            bool *cjk_right);

/* Is the ":" at I of RUN the start of a vim ex command a reader types
 * (":wq", ":q!", ":set")? It is no colon of the sentence: it keeps its
 * form and is spaced from CJK like the word it leads. */
bool tl_run_is_vim_command(const tl_run *run, size_t i);

/* Does the boundary between characters I-1 and I of RUN fall inside an
 * occurrence of one of the PHRASES in the run's text (a brand written
 * without spaces, such as "Linux中国")? */
bool tl_run_in_phrase(const tl_run *run, size_t i,
                      const tl_option_list *phrases);

/* ---- The script around a punctuation mark -------------------------------- */

/*
 * DESIGN section 1 defines the CJK context of a mark as the nearest
 * non-space character before it (or, at the start of a run, after it)
 * being CJK. These helpers make that precise: curly quotes, dashes and
 * ellipses are used by English text too, so they say nothing about the
 * script and are looked through (tl_char_is_shared_punct), as are ASCII
 * quotes and brackets; a line break or table cell separator ends the
 * search like the start of a run.
 */

/* What stands on one side of a character. */
typedef enum tl_side_kind {
	TL_SIDE_NONE = 0, /* the run starts or ends, or a line break or
	                     table cell separator comes first */
	TL_SIDE_CJK,      /* a CJK ideograph or CJK-only punctuation */
	TL_SIDE_LATIN,    /* a Latin letter or a digit */
	TL_SIDE_URL,      /* a URL or e-mail address */
	TL_SIDE_OTHER     /* anything else (ASCII punctuation, symbols) */
} tl_side_kind;

typedef struct tl_side {
	tl_side_kind kind;
	size_t at;    /* index of the character found, or TL_NONE */
	bool object;  /* an inline code span or math was passed */
	bool skipped; /* anything at all was passed (space, quote...) */
} tl_side;

/* The nearest telling character before (DIR < 0) or after (DIR > 0)
 * character I of RUN. Spaces, shared marks, ASCII quotes and brackets,
 * code spans and math are passed over (a code span or math sets OBJECT);
 * the search gives up after a few dozen characters (TL_SIDE_OTHER), so
 * that a rule stays linear in the run. */
tl_side tl_punct_side(const tl_run *run, size_t i, int dir);

/* Is the mark at characters [S, E) of RUN in CJK context? Not when it
 * stands between two Latin letters or digits ("4.15", "a:b") or right
 * after a URL. Otherwise it is when the side before it is CJK; when that
 * side was found past a code span or math ("运行 `make`, 然后"), the side
 * after it must be CJK too or empty; when nothing stands before it, the
 * side after it decides. */
bool tl_punct_in_cjk(const tl_run *run, size_t s, size_t e);

/* ---- English text inside a Chinese article ------------------------------- */

/*
 * halfwidth-punctuation turns the full-width marks of English text
 * half-width, and no-space-fullwidth must then keep the spaces English
 * puts beside them (and quote-style leave their corner quotes alone):
 * all ask these functions, so that they agree on which text is English.
 *
 * A unit is the line or table cell of a character; when that holds CJK,
 * the text of the link or image the character is in (a title quoted in
 * a Chinese sentence); otherwise there is none.
 */
typedef struct tl_unit_span {
	size_t s, e;  /* characters [s, e) of the run */
	bool english; /* tl_punct_unit_english of them */
} tl_unit_span;

/* What tl_punct_unit found last: the line it looked at and the unit,
 * so that asking about many characters of one line costs one look at
 * the line. Start with it zeroed, for one run. */
typedef struct tl_unit_cache {
	bool have_line, have_unit;
	size_t line_s, line_e;
	bool line_cjk;
	tl_unit_span unit;
} tl_unit_cache;

/* The unit of character I of RUN, or false when it has none. */
bool tl_punct_unit(const tl_run *run, size_t i, tl_unit_cache *c,
                   tl_unit_span *u);

/* Do characters [S, E) of RUN read as English prose: no CJK, two Latin
 * words or more, one of them an English function word ("the", "and",
 * "for", "is"...)? Names and labels have none ("Dan Berg，IBM",
 * "GPU：GeForce RTX"), and a Chinese article rightly keeps its own marks
 * between them. */
bool tl_punct_unit_english(const tl_run *run, size_t s, size_t e);

/* Is the ’ or ' at I of RUN a possessive apostrophe ("Kubernetes’ 设计",
 * "users' 数据"): after a Latin letter, not before a letter or digit,
 * with no quote opened before it on its line that it could close? It
 * ends the English word before it, as the "s" would. */
bool tl_run_is_possessive(const tl_run *run, size_t i);

/* ---- Code-like inline HTML ------------------------------------------------
 */

/*
 * Inline HTML elements whose content is code or keyboard input (<code>,
 * <kbd>, <samp>, <var>, <tt>, <pre>) or not text at all (<script>,
 * <style>, <svg>, <math>). cmark gives their content as ordinary text
 * nodes and the model does not mark it (TL_CF_HTML is not set yet), so
 * rules find the tags themselves: they sit in the source gaps between
 * run characters, which is where inline HTML leaves its bytes.
 *
 * Ask about characters in increasing order; each gap is scanned once, so
 * a pass over a run stays linear.
 */
typedef struct tl_run_html {
	const tl_run *run;
	size_t next; /* the first character whose gap is not scanned yet */
	int depth;   /* open code-like elements */
	/* Source bytes [clear_from, clear_to) hold no '<', found by one
	 * memchr: a gap inside them holds no tag and is not scanned. */
	size_t clear_from, clear_to;
} tl_run_html;

void tl_run_html_init(tl_run_html *h, const tl_run *run);
/* Is character I inside a code-like inline HTML element? I must not be
 * smaller than in the previous call. */
bool tl_run_html_in_code(tl_run_html *h, size_t i);

/* ---- Editing and reporting ------------------------------------------------
 */

/* Can characters [I, J) of RUN be rewritten: prose text, none of them an
 * escape or entity, their bytes one contiguous range (no markup inside)? */
bool tl_run_editable(const tl_run *run, size_t i, size_t j);

/* Reports characters [I, J) of RUN with MESSAGE and a safe fix replacing
 * their bytes by TEXT, when they are editable; returns false (and reports
 * nothing) when they are not. */
bool tl_report_replace(tl_check *ck, const tl_run *run, size_t i, size_t j,
                       const char *text, const char *message);

/* Reports [chars[i-1].start, chars[i].end) with a safe fix inserting one
 * space in the gap between characters I-1 and I (outside any markup). */
void tl_report_missing_space(tl_check *ck, const tl_run *run, size_t i,
                             const char *message);

/* ---- Comparing with the original ------------------------------------------
 */

/*
 * The source rules (DESIGN.md section 8.3) have one hook, check_original,
 * called once per document with a tl_pairing (align.h): the original's
 * and the translation's bytes and the alignment of their blocks
 * (tl_align: pairs in the translation's order, each block with its kind,
 * span and anchors). A rule walks P->al->pairs, compares the anchors of
 * a pair's original blocks with its translated blocks', and reports with
 * tl_check_report_original, giving the place in the original too.
 */

/* The original blocks of translated block J (an index of
 * P->al->trans->blocks): the index of the first in P->al->orig->blocks,
 * their number into *N (0, 1 or 2: a dropped-in block has none, a merge
 * has two). TL_NONE when there are none. */
size_t tl_pairing_original_of(const tl_pairing *p, size_t j, size_t *n);

/* Where a finding about pair K of P->al stands in the translation: the
 * span of its first translated block's first line; for a pair without a
 * translated block (1-0), an empty span at the start of the next
 * translated block in the translation's order, else at the end of the
 * previous one, else at the start of the document. */
void tl_pairing_place(const tl_pairing *p, size_t k, size_t *start,
                      size_t *end);

/* Whether one of the translated (ORIG false) or original (ORIG true)
 * blocks of pair PR has the anchor or word of HASH (tl_align_hash). */
bool tl_pairing_has(const tl_pairing *p, const tl_align_pair *pr, bool orig,
                    uint64_t hash);

/* The translated blocks a comparison of pair K of P->al looks at: the
 * pair's own and, when it has any, the one just before and the one just
 * after them (a sentence moved across a paragraph break, a pair the
 * alignment set one block off). Into [*FIRST, *END) of
 * P->al->trans->blocks; empty for a pair with no translated block.
 * Inline: the source rules ask it of every pair. */
static inline void tl_pairing_near(const tl_pairing *p, size_t k, size_t *first,
                                   size_t *end)
{
	const tl_align_pair *pr = &p->al->pairs[k];
	*first = *end = 0;
	if (!pr->ntrans)
		return;
	*first = pr->trans > 0 ? pr->trans - 1 : 0;
	*end = pr->trans + pr->ntrans + 1;
	if (*end > p->al->trans->n)
		*end = p->al->trans->n;
}

/* Whether one of the translated blocks [FIRST, END) has the anchor or
 * word of HASH. */
bool tl_pairing_near_has(const tl_pairing *p, size_t first, size_t end,
                         uint64_t hash);

/* Whether the bytes of translated blocks [FIRST, END) hold S (N bytes);
 * with DIGITS, not between two ASCII digits (a year inside a longer
 * number does not count). */
bool tl_pairing_near_text(const tl_pairing *p, size_t first, size_t end,
                          const char *s, size_t n, bool digits);

/* A count of something in block B of side ORIG (an original block when
 * true), for tl_pairing_sum; ARG is the caller's. */
typedef size_t (*tl_pairing_counter)(const tl_pairing *p, bool orig,
                                     const tl_align_block *b, const void *arg);

/* The sum of COUNT over translated blocks [FIRST, END) (ORIG false), or
 * over the original blocks of the pairs those blocks belong to (ORIG
 * true: each pair's once). Comparing the two sums over a pair, and over
 * the blocks near it, tells a number or code span written twice there
 * and changed once from one the translation still has. */
size_t tl_pairing_sum(const tl_pairing *p, size_t first, size_t end, bool orig,
                      tl_pairing_counter count, const void *arg);

/* The anchor of pair K's translated blocks that reads as an altered copy
 * of MISSING (an anchor of the pair's original blocks that the
 * translation lacks): of the same type, absent from the original blocks,
 * not in USED (N hashes, anchors already given out) and nearest to it by
 * edit distance, when at most half of the longer of the two differs;
 * else NULL. */
const tl_align_anchor *tl_pairing_altered(const tl_pairing *p, size_t k,
                                          const tl_align_anchor *missing,
                                          const uint64_t *used, size_t n);

/* The start of block B of SRC for a message: its first line, trimmed,
 * cut after about MAX characters (with "…"), Markdown markers at its
 * start ("#", ">", "-", "*", "1.") left out. Lives with the result. */
const char *tl_pairing_excerpt(tl_check *ck, const tl_source *src,
                               const tl_align_block *b, size_t max);

/* The kind of block B ("paragraph", "段落"...) in the language of CK's
 * messages. */
const char *tl_pairing_kind_name(tl_check *ck, const tl_align_block *b);

/* Prose blocks and table rows: the blocks whose words, terms and code
 * spans the source rules compare. (This and the next are inline: the
 * source rules ask them of every block.) */
static inline bool tl_pairing_is_prose(const tl_align_block *b)
{
	switch (b->kind) {
	case TL_ALIGN_HEADING:
	case TL_ALIGN_PARAGRAPH:
	case TL_ALIGN_ITEM:
	case TL_ALIGN_QUOTE:
	case TL_ALIGN_TABLE_ROW:
		return true;
	default:
		return false;
	}
}

/* Whether original block B is the translation project's template rather
 * than the author's text: it is mostly CJK (at least as many CJK
 * characters as others), as LCTT's footer in its English originals
 * ("译者：[译者ID](…)"). The source rules leave such blocks alone. */
static inline bool tl_pairing_is_template(const tl_align_block *b)
{
	return b->ncjk > 0 && b->ncjk >= b->nchars;
}

/* Whether the translated heading of the 0-1 pair K of P->al is one the
 * original wrote inside a code block whose fences the conversion of a web
 * page broke: an original code block among the pairs within three of K
 * has a line "## Title" (two to six '#', a space) holding a Latin word of
 * the heading's ("#### Enable PIE" for "#### 启用 PIE"). */
bool tl_pairing_heading_in_code(const tl_pairing *p, size_t k);

/* Whether the translated text block (in CJK) of the 0-1 pair K of P->al
 * renders a sentence the original wrote inside a code block whose fences
 * the conversion of a web page broke: an original code block among the
 * pairs within three of K has a line of prose (a capital first, six words
 * or more, a colon or full stop last) holding two Latin words or numbers
 * of the block's ("Change the MTU of eth0 … as follows:" for "使用
 * `nmstatectl edit` 命令将 `eth0` 接口的 MTU 改为 9000 字节"). */
bool tl_pairing_prose_in_code(const tl_pairing *p, size_t k);

/* Whether link destination KEY is a site's icon ("…/favicon.ico",
 * "…/android-chrome-192x192.png", "…/apple-touch-icon.png", or any picture
 * at the size Ghost gives a bookmark card's icon,
 * "…/content/images/size/w256h256/…/Linux-Handbook-New-Logo.png"): what
 * the conversion of a web page kept of a card that linked another
 * article (its title and link lost), which the translator drops or
 * writes as the link it stood for. */
bool tl_pairing_is_icon(const char *key);

/* Whether block B of SRC is an HTML comment and nothing else. */
bool tl_pairing_is_comment(const tl_source *src, const tl_align_block *b);

/* Whether the NUL-terminated UTF-8 text S holds a CJK character (an
 * anchor's key translated, a line holding a translated comment). */
bool tl_text_has_cjk(const char *s);

/* FNV-1a of the N bytes at S continued from H, eight bytes a round (a
 * fold after each): its values are only for comparing with one another
 * within a rule. */
uint64_t tl_hash_words(uint64_t h, const char *s, size_t n);

#endif
