/*
 * punct.h: what the punctuation rules share: which marks belong to Chinese
 * alone and which both scripts use, the "context" of a mark (what script
 * stands next to it, looking past spaces, quotes and brackets), and a way
 * to report a character range replaced by new text with a safe fix.
 *
 * DESIGN section 1 defines the CJK context of a mark as the nearest
 * non-space character before it (or, at the start of a run, after it)
 * being CJK. These helpers make that precise: curly quotes, dashes and
 * ellipses are used by English text too, so they say nothing about the
 * script and are looked through, as are ASCII quotes and brackets; a line
 * break or table cell separator ends the search like the start of a run.
 */
#ifndef TL_RULES_PUNCT_H
#define TL_RULES_PUNCT_H

#include "common.h"

/* Punctuation both Chinese and English text use: the curly quotes, the em
 * dash, the ellipses and the middle dot. A mark of this kind says nothing
 * about the script around it. */
bool tl_punct_is_shared(uint32_t cp);

/* Full-width punctuation only CJK text uses: tl_char_is_cjk_punct minus
 * the shared marks. */
bool tl_punct_is_cjk_only(uint32_t cp);

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

/* Is character I of RUN prose text (not code, URL, break...) with code
 * point CP? */
static inline bool tl_run_text_is(const tl_run *run, size_t i, uint32_t cp)
{
	return i < run->n && run->chars[i].kind == TL_CHAR_TEXT &&
	       run->chars[i].cp == cp;
}

/* Is character I of RUN a space or tab of prose? */
static inline bool tl_run_is_space(const tl_run *run, size_t i)
{
	return i < run->n && run->chars[i].kind == TL_CHAR_TEXT &&
	       (run->chars[i].cp == ' ' || run->chars[i].cp == '\t');
}

/* Is character I of RUN a prose Latin letter or digit? */
static inline bool tl_run_is_alnum(const tl_run *run, size_t i)
{
	return i < run->n && run->chars[i].kind == TL_CHAR_TEXT &&
	       (run->chars[i].cls & (TL_CLS_LATIN | TL_CLS_DIGIT)) != 0;
}

/* Can characters [I, J) of RUN be rewritten: prose text, none of them an
 * escape or entity, their bytes one contiguous range (no markup inside)? */
bool tl_run_editable(const tl_run *run, size_t i, size_t j);

/* The index of the character of RUN whose text starts at byte OFF of
 * run->text, searching from character FROM on (OFF must start a
 * character at or after FROM's). */
size_t tl_run_char_at(const tl_run *run, size_t from, size_t off);

/* The offset of the first byte of RUN's text at or after FROM that is one
 * of the bytes of SET (non-NUL), or run->text_len when none is. Rules use
 * it to jump to the few places that can hold what they look for. */
size_t tl_run_text_find(const tl_run *run, size_t from, const char *set);

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

/* Reports characters [I, J) of RUN with MESSAGE and a safe fix replacing
 * their bytes by TEXT, when they are editable; returns false (and reports
 * nothing) when they are not. */
bool tl_report_replace(tl_check *ck, const tl_run *run, size_t i, size_t j,
                       const char *text, const char *message);

#endif
