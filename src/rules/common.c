/*
 * common.c: rule helpers (rule.h) about spacing: where a CJK character
 * meets a Latin word or a number, brand phrases written without spaces,
 * and the report of a missing space.
 */
#include "rule.h"

#include <string.h>

/* Characters that can sit inside a number or a word with digits. */
static bool is_token_inner(uint32_t c)
{
	return c == '.' || c == ',' || c == '%' || c == '+' || c == '-' ||
	       c == '_' || c == '#' || c == '\'' || c == 0xB0 /* ° */;
}

/* Scans the token from character I away from the CJK side and says
 * whether it holds a letter (a word such as "v1.0" or "H.264") or only
 * digits and number punctuation. */
static tl_token_kind scan_token(const tl_run *run, size_t i, bool forward)
{
	bool digits = false;
	size_t k = i;
	for (;;) {
		uint32_t c = run->chars[k].cp;
		if (!tl_run_is_text(run, k))
			break;
		if (run->chars[k].cls & TL_CLS_LATIN)
			return TL_TOKEN_WORD;
		if (run->chars[k].cls & TL_CLS_DIGIT)
			digits = true;
		else if (!is_token_inner(c))
			break;
		if (forward ? k + 1 >= run->n : k == 0)
			break;
		k = forward ? k + 1 : k - 1;
	}
	return digits ? TL_TOKEN_NUMBER : TL_TOKEN_NONE;
}

tl_token_kind tl_token_at(const tl_run *run, size_t i, bool forward)
{
	if (!tl_run_is_text(run, i))
		return TL_TOKEN_NONE;
	uint32_t c = run->chars[i].cp;
	/* The class bits are tl_char_is_latin_letter and tl_char_is_digit. */
	if (run->chars[i].cls & TL_CLS_LATIN)
		return TL_TOKEN_WORD;
	if (run->chars[i].cls & TL_CLS_DIGIT)
		return scan_token(run, i, forward);
	if (forward)
		/* A '-' after CJK is a hyphen more often than a sign
		 * ("用例-2"): no space is asked for there. */
		return TL_TOKEN_NONE;
	/* Backward: a word keeps a trailing "+" or "#" ("C++", "C#"), and a
	 * number its "%" or "°". */
	size_t k = i;
	if (c == '+' || c == '#') {
		while (k > 0 && tl_run_is_text(run, k) &&
		       (run->chars[k].cp == '+' || run->chars[k].cp == '#'))
			k--;
		return tl_run_is_text(run, k) &&
		               (run->chars[k].cls & TL_CLS_LATIN)
		           ? TL_TOKEN_WORD
		           : TL_TOKEN_NONE;
	}
	if ((c == '%' || c == 0xB0) && k > 0 && tl_run_is_text(run, k - 1) &&
	    (run->chars[k - 1].cls & TL_CLS_DIGIT))
		return scan_token(run, k - 1, false);
	return TL_TOKEN_NONE;
}

void tl_report_missing_space(tl_check *ck, const tl_run *run, size_t i,
                             const char *message)
{
	size_t gap = tl_run_gap(run, i);
	tl_edit edit = {gap, gap, " "};
	tl_fix fix = {TL_FIX_SAFE, &edit, 1};
	tl_check_report(ck, run->chars[i - 1].start, run->chars[i].end, message,
	                &fix);
}

bool tl_run_in_phrase(const tl_run *run, size_t i, const char *phrases)
{
	size_t at = run->chars[i].toff;
	for (const char *p = phrases; *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		/* An occurrence holding the boundary starts in (at - len, at).
		 */
		size_t from = at >= len ? at - len + 1 : 0;
		for (size_t s = from; len && s < at && s + len <= run->text_len;
		     s++)
			if (memcmp(run->text + s, p, len) == 0)
				return true;
		p += len + (comma != NULL);
	}
	return false;
}

/* Can tl_token_at find a token at C (FORWARD as there)? Only at a prose
 * letter or digit, or, backward, at a trailing "+", "#", "%" or "°": a
 * cheap test that spares the call at the many boundaries between CJK and
 * punctuation or spaces. */
static bool may_be_token(const tl_char *c, bool forward)
{
	if (c->kind != TL_CHAR_TEXT)
		return false;
	if (c->cls & (TL_CLS_LATIN | TL_CLS_DIGIT))
		return true;
	return !forward &&
	       (c->cp == '+' || c->cp == '#' || c->cp == '%' || c->cp == 0xB0);
}

size_t tl_next_cjk_boundary(const tl_run *run, size_t from, tl_token_kind kind,
                            bool *cjk_right)
{
	/* A boundary needs CJK, and a word a Latin letter, a number a digit
	 * (tl_token_at finds no token without one). */
	unsigned need = kind == TL_TOKEN_WORD     ? TL_CLS_LATIN
	                : kind == TL_TOKEN_NUMBER ? TL_CLS_DIGIT
	                                          : 0;
	if (from >= run->n || !(run->cls_any & TL_CLS_CJK) ||
	    (need && !(run->cls_any & need)))
		return run->n;
	const tl_char *ch = run->chars;
	/* The class bit alone says "prose CJK": only a TL_CHAR_TEXT char can
	 * have TL_CLS_CJK, the other kinds being U+FFFC, '\n' or '|'. */
	bool left = (ch[from - 1].cls & TL_CLS_CJK) != 0;
	size_t n = run->n;
	for (size_t i = from; i < n; i++) {
		/* Skip to the next character on the other side of the divide
		 * between CJK and the rest: a boundary is only there. */
		if (left)
			while (i < n && (ch[i].cls & TL_CLS_CJK))
				i++;
		else
			while (i < n && !(ch[i].cls & TL_CLS_CJK))
				i++;
		if (i >= n)
			break;
		bool right = !left;
		left = right;
		/* The token side: before the CJK character, or after it. */
		size_t t = right ? i - 1 : i;
		if (kind != TL_TOKEN_NONE && !may_be_token(&ch[t], !right))
			continue;
		if (tl_token_at(run, t, !right) == kind) {
			*cjk_right = right;
			return i;
		}
	}
	return n;
}
