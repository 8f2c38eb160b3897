/*
 * common.h: helpers that several rules share. Each works on a prose run
 * and knows nothing of any one rule.
 */
#ifndef TL_RULES_COMMON_H
#define TL_RULES_COMMON_H

#include "internal.h"

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

/* Is character I of RUN a prose CJK character? */
static inline bool tl_run_is_cjk(const tl_run *run, size_t i)
{
	return run->chars[i].kind == TL_CHAR_TEXT &&
	       (run->chars[i].cls & TL_CLS_CJK);
}

/* Does the boundary between characters I-1 and I of RUN fall inside an
 * occurrence of one of the comma-separated PHRASES in the run's text
 * (a brand written without spaces, such as "Linux中国")? */
bool tl_run_in_phrase(const tl_run *run, size_t i, const char *phrases);

/* Reports [chars[i-1].start, chars[i].end) with a safe fix inserting one
 * space in the gap between characters I-1 and I (outside any markup). */
void tl_report_missing_space(tl_check *ck, const tl_run *run, size_t i,
                             const char *message);

#endif
