/*
 * prose.h: helpers of the quote, inline-code and terminology rules
 * (space-cjk-code, quote-style, quote-pairing, terminology). Each works on
 * a prose run and knows nothing of any one rule.
 */
#ifndef TL_RULES_PROSE_H
#define TL_RULES_PROSE_H

#include "internal.h"

/* Is character I of RUN a prose (TEXT) character with code point CP? */
bool tl_prose_is(const tl_run *run, size_t i, uint32_t cp);
/* Is character I of RUN a prose Latin letter or ASCII digit? */
static inline bool tl_prose_is_alnum(const tl_run *run, size_t i)
{
	return i < run->n && run->chars[i].kind == TL_CHAR_TEXT &&
	       (run->chars[i].cls & (TL_CLS_LATIN | TL_CLS_DIGIT));
}
/* Is character I of RUN prose white space? */
bool tl_prose_is_space(const tl_run *run, size_t i);
/* Is character I of RUN a prose CJK ideograph or CJK punctuation mark
 * (the characters that make "CJK context", DESIGN section 1)? */
bool tl_prose_is_cjk_context(const tl_run *run, size_t i);

/* Is the ' or ’ at I of RUN an apostrophe rather than a quote: between
 * two letters or digits ("it's", "don’t"), or before a digit with no
 * letter or digit in front ("'90s")? */
bool tl_prose_is_apostrophe(const tl_run *run, size_t i);

/*
 * Inline HTML elements whose content is code or keyboard input (<code>,
 * <kbd>, <samp>, <var>, <tt>, <pre>) or not text at all (<script>,
 * <style>, <svg>, <math>). cmark gives their content as ordinary text
 * nodes and the model does not mark it (TL_CF_HTML is not set yet), so
 * these rules find the tags themselves: they sit in the source gaps
 * between run characters, which is where inline HTML leaves its bytes.
 *
 * Ask about characters in increasing order; each gap is scanned once, so
 * a pass over a run stays linear.
 */
typedef struct tl_prose_html {
	const tl_run *run;
	size_t next; /* the first character whose gap is not scanned yet */
	int depth;   /* open code-like elements */
	/* Source bytes [clear_from, clear_to) hold no '<', found by one
	 * memchr: a gap inside them holds no tag and is not scanned. */
	size_t clear_from, clear_to;
} tl_prose_html;

void tl_prose_html_init(tl_prose_html *h, const tl_run *run);
/* Is character I inside a code-like inline HTML element? I must not be
 * smaller than in the previous call. */
bool tl_prose_html_in_code(tl_prose_html *h, size_t i);

#endif
