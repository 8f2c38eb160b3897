/*
 * emphasis-syntax: "**", "*", "__" or "_" that CommonMark left as literal
 * characters because of punctuation on its inner side ("这是**重要的提示。**
 * 后面" shows both pairs of stars).
 *
 * CommonMark opens and closes emphasis by "flanking" rules written for
 * languages that put spaces between words: a closing "**" after
 * punctuation must be followed by a space or punctuation. Chinese puts no
 * space after "。" or "」", so "**…。**后面" does not close, and neither
 * does "是**「引文」**的" open. Moving the punctuation outside the markup
 * ("这是**重要的提示**。后面") renders everywhere.
 *
 * The check is precise: a literal delimiter run in the prose is one that
 * cmark did not use, so the rule pairs two literal runs of the same
 * character and length, recomputes CommonMark's flanking from the source
 * bytes around each, and reports the pair only when a run fails because
 * of its inner punctuation and the pair would parse once that
 * punctuation moves outside.
 */
#include "rule.h"

#include <string.h>
#include <utf8proc.h>

/* CommonMark's punctuation (cmark 0.30): ASCII punctuation and the
 * Unicode P categories. */
static bool is_punct(uint32_t c)
{
	if (c < 0x80)
		return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
		       (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
	switch (utf8proc_category((utf8proc_int32_t)c)) {
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return true;
	default:
		return false;
	}
}

/* Neighbors of a delimiter run: 0 stands for white space or a line end. */
static bool is_ws(uint32_t c)
{
	return c == 0 || tl_char_is_space(c);
}

typedef struct flank {
	bool open;
	bool close;
} flank;

/* CommonMark's rules for a delimiter run of D between P and Q. */
static flank flanking(uint32_t d, uint32_t p, uint32_t q)
{
	bool left = !is_ws(q) && (!is_punct(q) || is_ws(p) || is_punct(p));
	bool right = !is_ws(p) && (!is_punct(p) || is_ws(q) || is_punct(q));
	flank f = {left, right};
	if (d == '_') {
		f.open = left && (!right || is_punct(p));
		f.close = right && (!left || is_punct(q));
	}
	return f;
}

/* The code point that ends at source offset AT (0 at a line start). */
static uint32_t cp_before(const tl_run *run, size_t i)
{
	if (i == 0)
		return 0;
	const char *data = run->doc->src->data;
	size_t at = run->chars[i].start, s = at;
	if (at == 0)
		return 0;
	do
		s--;
	while (s > 0 && ((unsigned char)data[s] & 0xC0) == 0x80);
	uint32_t cp;
	tl_utf8_decode(data + s, at - s, &cp);
	return cp == '\n' || cp == '\r' ? 0 : cp;
}

/* The code point that starts right after character I (0 at a line end). */
static uint32_t cp_after(const tl_run *run, size_t i)
{
	if (i + 1 >= run->n)
		return 0;
	const tl_source *src = run->doc->src;
	size_t at = run->chars[i].end;
	if (at >= src->len)
		return 0;
	uint32_t cp;
	tl_utf8_decode(src->data + at, src->len - at, &cp);
	return cp == '\n' || cp == '\r' ? 0 : cp;
}

/* A run of literal delimiter characters: run characters [s, e). */
typedef struct delim {
	size_t s, e;
	uint32_t d;
} delim;

/* Is character I plain punctuation that can be moved: a text character
 * written as itself, next to I-1 in the source? */
static bool movable(const tl_run *run, size_t i)
{
	const tl_char *c = &run->chars[i];
	return c->kind == TL_CHAR_TEXT && !(c->flags & TL_CF_LITERAL) &&
	       c->cp != '*' && c->cp != '_' && is_punct(c->cp) && i > 0 &&
	       run->chars[i - 1].end == c->start;
}

/* Punctuation that may move across the markup: any non-ASCII mark
 * (。，」％…) and the ASCII marks that end or quote a phrase. */
static bool sentence_punct(uint32_t c)
{
	return c >= 0x80 || (c < 0x80 && strchr(".,:;!?\"'()", (int)c));
}

/* Checks the pair of literal runs A (opener) and B (closer). */
static bool check_pair(tl_check *ck, const tl_run *run, delim a, delim b)
{
	const tl_char *ch = run->chars;
	uint32_t d = a.d;
	uint32_t ap = cp_before(run, a.s), aq = cp_after(run, a.e - 1);
	uint32_t bp = cp_before(run, b.s), bq = cp_after(run, b.e - 1);
	flank fa = flanking(d, ap, aq), fb = flanking(d, bp, bq);
	/* A fails because of punctuation after it: "是**「". */
	bool a_punct = !fa.open && is_punct(aq) && !is_ws(ap) && !is_punct(ap);
	/* B fails because of punctuation before it: "。**后". */
	bool b_punct = !fb.close && is_punct(bp) && !is_ws(bq) && !is_punct(bq);
	if (!(a_punct || fa.open) || !(b_punct || fb.close))
		return false;
	if (!a_punct && !b_punct)
		return false;
	/* No emphasis rendered in between: in "**甲。**乙**「丙」**" cmark
	 * made "**乙**" strong, and the outer stars are no pair. Nor a line
	 * break: stars lines apart are rarely meant as one pair. */
	unsigned em = ch[a.s].flags & (TL_CF_EMPH | TL_CF_STRONG);
	for (size_t k = a.e; k < b.s; k++)
		if ((ch[k].flags & (TL_CF_EMPH | TL_CF_STRONG)) != em ||
		    ch[k].kind == TL_CHAR_BREAK)
			return false;
	/* The punctuation to move: after A, before B. */
	size_t as = a.e, bs = b.s;
	if (a_punct)
		while (as < b.s && movable(run, as) &&
		       ch[as].start == ch[as - 1].end)
			as++;
	if (b_punct)
		while (bs > as && movable(run, bs - 1) &&
		       ch[bs - 1].end == ch[bs].start)
			bs--;
	if ((a_punct && as == a.e) || (b_punct && bs == b.s) || as >= bs)
		return false;
	/* Chinese text is involved: CJK punctuation moved, or CJK outside. */
	bool cjk = tl_char_is_cjk(ap) || tl_char_is_cjk(bq);
	for (size_t k = a.e; k < as; k++)
		cjk |= (ch[k].cls & TL_CLS_CJK_PUNCT);
	for (size_t k = bs; k < b.s; k++)
		cjk |= (ch[k].cls & TL_CLS_CJK_PUNCT);
	if (!cjk)
		return false;
	/* Would the pair parse with the punctuation outside? */
	if (a_punct) {
		fa = flanking(d, ch[as - 1].cp, ch[as].cp);
		if (!fa.open)
			return false;
	}
	if (b_punct) {
		fb = flanking(d, ch[bs - 1].cp, ch[bs].cp);
		if (!fb.close)
			return false;
	}
	/* Moving the "/" out of a path in stars would change the text: the fix
	 * moves only sentence punctuation, quotes and brackets. */
	bool fixable = true;
	for (size_t k = a.e; k < as; k++)
		fixable &= sentence_punct(ch[k].cp);
	for (size_t k = bs; k < b.s; k++)
		fixable &= sentence_punct(ch[k].cp);
	const char *data = run->doc->src->data;
	tl_arena *arena = tl_check_arena(ck);
	tl_edit edits[4];
	size_t ne = 0;
	if (a_punct) {
		size_t ps = ch[a.e].start, pe = ch[as - 1].end;
		edits[ne++] =
		    (tl_edit){ch[a.s].start, ch[a.s].start,
		              tl_arena_strndup(arena, data + ps, pe - ps)};
		edits[ne++] = (tl_edit){ps, pe, ""};
	}
	if (b_punct) {
		size_t ps = ch[bs].start, pe = ch[b.s - 1].end;
		edits[ne++] = (tl_edit){ps, pe, ""};
		edits[ne++] =
		    (tl_edit){ch[b.e - 1].end, ch[b.e - 1].end,
		              tl_arena_strndup(arena, data + ps, pe - ps)};
	}
	tl_fix fix = {TL_FIX_UNSAFE, edits, ne};
	tl_check_report(
	    ck, ch[a.s].start, ch[b.e - 1].end,
	    tl_check_msg(ck,
	                 "Emphasis did not render: punctuation just inside "
	                 "the markup",
	                 "强调未生效：标点紧挨在强调标记内侧"),
	    fixable ? &fix : NULL);
	return true;
}

#define MAX_DELIMS 64

static void check(tl_check *ck, const tl_run *run)
{
	/* No '*' or '_' in the run: no delimiter run to look at. */
	if (!tl_run_has_ascii(run, '*') && !tl_run_has_ascii(run, '_'))
		return;
	delim ds[MAX_DELIMS];
	size_t nd = 0;
	for (size_t i = 0; i < run->n && nd < MAX_DELIMS;) {
		uint32_t d = run->chars[i].cp;
		if ((d != '*' && d != '_') || !tl_run_is_bare(run, i, d)) {
			i++;
			continue;
		}
		size_t e = i + 1;
		while (e < run->n && tl_run_is_bare(run, e, d) &&
		       run->chars[e].start == run->chars[e - 1].end)
			e++;
		ds[nd++] = (delim){i, e, d};
		i = e;
	}
	/* Each run pairs with the nearest run of the same character before
	 * it when that one is still free: a simplification of CommonMark's
	 * delimiter stack that is enough for literal runs, which are few. */
	bool used[MAX_DELIMS] = {false};
	for (size_t b = 1; b < nd; b++) {
		/* The nearest literal run of the same character before B, at
		 * the same depth and of the same length. */
		size_t a = b;
		while (a-- > 0 && ds[a].d != ds[b].d)
			;
		if (a >= b || used[a] ||
		    ds[a].e - ds[a].s != ds[b].e - ds[b].s ||
		    run->chars[ds[a].s].depth != run->chars[ds[b].s].depth)
			continue;
		if (check_pair(ck, run, ds[a], ds[b]))
			used[a] = used[b] = true;
	}
}

const tl_rule tl_rule_emphasis_syntax = {
    .name = "emphasis-syntax",
    .summary = "Emphasis markup left literal by punctuation next to CJK "
               "text",
    .summary_zh = "因标点紧挨中文而未生效的强调标记",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_UNSAFE,
    .preset = "recommended",
    .options = NULL,
    .description =
        "Flags a pair of `**`, `*`, `__` or `_` that CommonMark left as "
        "literal characters because punctuation sits just inside the "
        "markup and a CJK character just outside: `这是**重要的提示。**后面` "
        "and `是**「引文」**的` show their stars on the page.\n\n"
        "Why: CommonMark's flanking rules assume a space after closing "
        "punctuation. A closing `**` after `。` must be followed by a space "
        "or punctuation to close, and Chinese puts no space there.\n\n"
        "How it decides: the rule looks only at delimiter characters that "
        "cmark did not use, pairs two of the same character and length, "
        "recomputes CommonMark's flanking rules from the source around "
        "each, and reports the pair when one of them fails because of its "
        "inner punctuation and both would work once the punctuation moves "
        "outside. Not flagged: `2*3*4`, `a * b`, `snake_case_name`, "
        "escaped `\\*`, delimiters in code, and stars that fail for other "
        "reasons (a space inside, `** 文字**`).",
    .fix_doc = "Unsafe: moves the punctuation outside the markup "
               "(`这是**重要的提示**。后面`). The text renders as meant, but "
               "the punctuation is no longer emphasized, which the author "
               "may want to review.",
    .description_zh =
        "标记一对因标点紧贴在标记内侧、中文紧贴在标记外侧，而被 "
        "CommonMark 当作普通字符留下的 `**`、`*`、`__` 或 `_`："
        "`这是**重要的提示。**后面` 和 `是**「引文」**的` 在页面上会显示出"
        "星号。\n\n原因：CommonMark 的侧翼规则假定收尾的标点之后有空格。"
        "`。` 之后的收尾 `**` 后面必须跟空格或标点才能闭合，而中文在那里不"
        "加空格。\n\n判断方法：规则只看 cmark 没有用上的强调分隔符，"
        "把字符和长度相同的两个配成一对，根据它们周围的源文本重新计算 "
        "CommonMark 的侧翼规则；如果其中一个因内侧的标点而失效，"
        "而标点移到外侧后两个都能生效，就报告这一对。不标记："
        "`2*3*4`、`a * b`、`snake_case_name`、转义的 `\\*`、代码中的分隔符"
        "，以及因其他原因失效的星号（内侧有空格，如 `** 文字**`）"
        "。",
    .fix_doc_zh = "不安全：把标点移到标记外侧（`这是**重要的提示**。后面`）"
                  "。文字能按原意显示，但标点不再加粗，作者可能想复查一下。",
    .bad = "这是**重要的提示。**后面还有内容。\n\n还有**「引文」**的说明。\n",
    .good = "这是**重要的提示**。后面还有内容。\n\n还有「**引文**」的说明。\n",
    .check_run = check,
};
