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

/* The closing mark of the opening bracket or quote C, or 0. A straight
 * double quote closes itself. */
static uint32_t closer_of(uint32_t c)
{
	switch (c) {
	case '(':
		return ')';
	case '"':
		return '"';
	case 0xFF08: /* （ */
		return 0xFF09;
	case 0x201C: /* “ */
		return 0x201D;
	case 0x2018: /* ‘ */
		return 0x2019;
	case 0x300C: /* 「 */
	case 0x300E: /* 『 */
	case 0x300A: /* 《 */
	case 0x3010: /* 【 */
		return c + 1;
	default:
		return 0;
	}
}

/* The opening mark of the closing bracket or quote C, or 0. */
static uint32_t opener_of(uint32_t c)
{
	switch (c) {
	case ')':
		return '(';
	case '"':
		return '"';
	case 0xFF09:
		return 0xFF08;
	case 0x201D:
		return 0x201C;
	case 0x2019:
		return 0x2018;
	case 0x300D:
	case 0x300F:
	case 0x300B:
	case 0x3011:
		return c - 1;
	default:
		return 0;
	}
}

/* Moving punctuation out on one side only can split a pair of brackets
 * or quotes: "中文**（SDK）**" would become "中文（**SDK）**". So the
 * opening marks moved out before the text [*AS past A.e) take their
 * closing marks with them when these end the text, and the other way
 * round: "中文（**SDK**）". */
static void keep_pairs(const tl_run *run, delim a, delim b, size_t *as,
                       size_t *bs)
{
	const tl_char *ch = run->chars;
	/* The marks moved out before the text open from the outside in;
	 * their partners must close from the inside out, at its end. */
	for (size_t k = *as; k > a.e; k--) {
		uint32_t want = closer_of(ch[k - 1].cp);
		if (!want || *bs <= *as || ch[*bs - 1].cp != want ||
		    !movable(run, *bs - 1) || ch[*bs - 1].end != ch[*bs].start)
			break;
		(*bs)--;
	}
	for (size_t k = *bs; k < b.s; k++) {
		uint32_t want = opener_of(ch[k].cp);
		if (!want || *as >= *bs || ch[*as].cp != want ||
		    !movable(run, *as) || ch[*as].start != ch[*as - 1].end)
			break;
		(*as)++;
	}
}

/* Is the text between A and B one link, whole ("**[链接](u)**")? Its
 * first character follows "[" right after A, and its last is followed
 * by the link's end ("](u)", "][ref]" or "]") right before B. */
static bool one_link(const tl_run *run, delim a, delim b)
{
	const tl_char *ch = run->chars;
	const char *data = run->doc->src->data;
	if (b.s <= a.e)
		return false;
	size_t f = a.e, l = b.s - 1;
	if (ch[f].start != ch[a.e - 1].end + 1 || data[ch[a.e - 1].end] != '[')
		return false;
	for (size_t k = f; k <= l; k++) {
		if ((ch[k].flags & (TL_CF_LINK | TL_CF_IMAGE)) != TL_CF_LINK)
			return false;
		/* No second link starts inside. */
		if (k > f && ch[k].start > ch[k - 1].end &&
		    memchr(data + ch[k - 1].end, ']',
		           ch[k].start - ch[k - 1].end))
			return false;
	}
	size_t ge = ch[b.s].start;
	return ge > ch[l].end && data[ch[l].end] == ']' &&
	       (data[ge - 1] == ')' || data[ge - 1] == ']');
}

static const char *message(tl_check *ck)
{
	return tl_check_msg(ck,
	                    "Emphasis did not render: punctuation just inside "
	                    "the markup",
	                    "强调未生效：标点紧挨在强调标记内侧");
}

/* A pair that failed because of something on its inner side that cannot
 * move: a code span ("**`code`**文字"), a link or image ("**[链接](u)**
 * 文字"), inline HTML. A link that is the whole text takes the markup
 * inside it ("[**链接**](u)文字", which renders the same); otherwise a
 * space between the failing delimiter and the CJK text outside lets it
 * work, as it would appear there anyway beside code. */
static bool check_object(tl_check *ck, const tl_run *run, delim a, delim b,
                         bool a_fails, bool b_fails)
{
	const tl_char *ch = run->chars;
	const char *data = run->doc->src->data;
	tl_arena *arena = tl_check_arena(ck);
	uint32_t d = a.d;
	size_t as = ch[a.s].start, ae = ch[a.e - 1].end;
	size_t bs = ch[b.s].start, be = ch[b.e - 1].end;
	/* Chinese text outside, as everywhere in this rule: "h**[a][1]**"
	 * in English is no slip of a translator. */
	uint32_t ap = cp_before(run, a.s), bq = cp_after(run, b.e - 1);
	if ((a_fails && !tl_char_is_cjk(ap)) ||
	    (b_fails && !tl_char_is_cjk(bq)))
		return false;
	const char *mark = tl_arena_strndup(arena, data + as, ae - as);
	tl_edit edits[4];
	size_t ne = 0;
	if (one_link(run, a, b)) {
		size_t f = a.e, l = b.s - 1;
		/* Inside the link text, the markup must work too. */
		if (!flanking(d, '[', ch[f].cp).open ||
		    !flanking(d, ch[l].cp, ']').close)
			return false;
		edits[ne++] = (tl_edit){as, ae, ""};
		edits[ne++] = (tl_edit){ch[f].start, ch[f].start, mark};
		edits[ne++] = (tl_edit){ch[l].end, ch[l].end, mark};
		edits[ne++] = (tl_edit){bs, be, ""};
	} else {
		if (a_fails)
			edits[ne++] = (tl_edit){as, as, " "};
		if (b_fails)
			edits[ne++] = (tl_edit){be, be, " "};
	}
	tl_fix fix = {TL_FIX_UNSAFE, edits, ne};
	tl_check_report(
	    ck, as, be,
	    tl_check_msg(ck,
	                 "Emphasis did not render: code, a link or "
	                 "an image just inside the markup",
	                 "强调未生效：代码、链接或图片紧挨在强调标记"
	                 "内侧"),
	    &fix);
	return true;
}

/* A pair of "_" or "__" that failed because CJK text touches it outside
 * ("__Go__文字", "中文_强调_后面"): CommonMark lets "_" open or close only
 * at the edge of a word, and takes a CJK character for part of one.
 * "*" has no such rule, so the fix writes the pair with stars. */
static bool check_underscore(tl_check *ck, const tl_run *run, delim a, delim b,
                             uint32_t ap, uint32_t aq, uint32_t bp, uint32_t bq)
{
	if (a.d != '_')
		return false;
	flank fa = flanking('_', ap, aq), fb = flanking('_', bp, bq);
	flank sa = flanking('*', ap, aq), sb = flanking('*', bp, bq);
	if ((fa.open && fb.close) || !sa.open || !sb.close)
		return false;
	/* The failing side has CJK outside it. */
	if ((!fa.open && !tl_char_is_cjk(ap)) ||
	    (!fb.close && !tl_char_is_cjk(bq)))
		return false;
	const tl_char *ch = run->chars;
	size_t n = a.e - a.s;
	const char *stars = n == 1 ? "*" : n == 2 ? "**" : "***";
	if (n > 3)
		return false;
	tl_edit edits[2] = {{ch[a.s].start, ch[a.e - 1].end, stars},
	                    {ch[b.s].start, ch[b.e - 1].end, stars}};
	tl_fix fix = {TL_FIX_UNSAFE, edits, 2};
	tl_check_report(ck, ch[a.s].start, ch[b.e - 1].end,
	                tl_check_msg(ck,
	                             "Emphasis did not render: '_' next to "
	                             "CJK text (use '*')",
	                             "强调未生效：“_”紧挨中文（应使用“*”）"),
	                &fix);
	return true;
}

/* Is character I something on the inner side of a delimiter that cannot
 * be moved outside: a code span, math, a URL, or the end of a link or
 * image (its "](u)" in the source between I and the delimiter)? */
static bool immovable_object(const tl_run *run, size_t i, size_t delim_at)
{
	const tl_char *c = &run->chars[i];
	if (c->kind == TL_CHAR_CODE || c->kind == TL_CHAR_URL ||
	    c->kind == TL_CHAR_MATH || c->kind == TL_CHAR_MARKUP)
		return true;
	if (c->kind != TL_CHAR_TEXT)
		return false;
	size_t from = i < delim_at ? c->end : run->chars[delim_at].end;
	size_t to = i < delim_at ? run->chars[delim_at].start : c->start;
	/* Markup in between: a link's or image's brackets, inline HTML. */
	return to > from;
}

/* Checks the pair of literal runs A (opener) and B (closer). */
static bool check_pair(tl_check *ck, const tl_run *run, delim a, delim b)
{
	const tl_char *ch = run->chars;
	uint32_t d = a.d;
	uint32_t ap = cp_before(run, a.s), aq = cp_after(run, a.e - 1);
	uint32_t bp = cp_before(run, b.s), bq = cp_after(run, b.e - 1);
	flank fa = flanking(d, ap, aq), fb = flanking(d, bp, bq);
	/* No emphasis rendered in between: in "**甲。**乙**「丙」**" cmark
	 * made "**乙**" strong, and the outer stars are no pair. Nor a line
	 * break: stars lines apart are rarely meant as one pair. */
	unsigned em = ch[a.s].flags & (TL_CF_EMPH | TL_CF_STRONG);
	for (size_t k = a.e; k < b.s; k++)
		if ((ch[k].flags & (TL_CF_EMPH | TL_CF_STRONG)) != em ||
		    ch[k].kind == TL_CHAR_BREAK)
			return false;
	if (b.s <= a.e)
		return false;
	if (check_underscore(ck, run, a, b, ap, aq, bp, bq))
		return true;
	/* A fails because of punctuation after it: "是**「". */
	bool a_punct = !fa.open && is_punct(aq) && !is_ws(ap) && !is_punct(ap);
	/* B fails because of punctuation before it: "。**后". */
	bool b_punct = !fb.close && is_punct(bp) && !is_ws(bq) && !is_punct(bq);
	if (!(a_punct || fa.open) || !(b_punct || fb.close))
		return false;
	if (!a_punct && !b_punct)
		return false;
	if ((a_punct && immovable_object(run, a.e, a.e - 1)) ||
	    (b_punct && immovable_object(run, b.s - 1, b.s)))
		return check_object(ck, run, a, b, a_punct, b_punct);
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
	keep_pairs(run, a, b, &as, &bs);
	if (as >= bs)
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
	if (as > a.e && !flanking(d, ch[as - 1].cp, ch[as].cp).open)
		return false;
	if (bs < b.s && !flanking(d, ch[bs - 1].cp, ch[bs].cp).close)
		return false;
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
	if (as > a.e) {
		size_t ps = ch[a.e].start, pe = ch[as - 1].end;
		edits[ne++] =
		    (tl_edit){ch[a.s].start, ch[a.s].start,
		              tl_arena_strndup(arena, data + ps, pe - ps)};
		edits[ne++] = (tl_edit){ps, pe, ""};
	}
	if (bs < b.s) {
		size_t ps = ch[bs].start, pe = ch[b.s - 1].end;
		edits[ne++] = (tl_edit){ps, pe, ""};
		edits[ne++] =
		    (tl_edit){ch[b.e - 1].end, ch[b.e - 1].end,
		              tl_arena_strndup(arena, data + ps, pe - ps)};
	}
	tl_fix fix = {TL_FIX_UNSAFE, edits, ne};
	tl_check_report(ck, ch[a.s].start, ch[b.e - 1].end, message(ck),
	                fixable ? &fix : NULL);
	return true;
}

#define MAX_DELIMS 64

static void check(tl_check *ck, const tl_run *run)
{
	/* No '*', '_' or '~' in the run: no delimiter run to look at. */
	if (!tl_run_has_ascii(run, '*') && !tl_run_has_ascii(run, '_') &&
	    !tl_run_has_ascii(run, '~'))
		return;
	delim ds[MAX_DELIMS];
	size_t nd = 0;
	for (size_t i = 0; i < run->n && nd < MAX_DELIMS;) {
		uint32_t d = run->chars[i].cp;
		if ((d != '*' && d != '_' && d != '~') ||
		    !tl_run_is_bare(run, i, d)) {
			i++;
			continue;
		}
		size_t e = i + 1;
		while (e < run->n && tl_run_is_bare(run, e, d) &&
		       run->chars[e].start == run->chars[e - 1].end)
			e++;
		/* GFM strikethrough is "~~" exactly: the tildes the model
		 * left are the ones that did not render. */
		if (d == '~' && e - i != 2) {
			i = e;
			continue;
		}
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
    .options = NULL,
    .description =
        "Flags a pair of `**`, `*`, `__` or `_` that CommonMark left as "
        "literal characters because punctuation sits just inside the "
        "markup and a CJK character just outside: `这是**重要的提示。**后面` "
        "and `是**「引文」**的` show their stars on the page.\n\n"
        "Also flagged: a pair with inline code, a link or an image just "
        "inside it (`**`code`**文字`, `**[链接](u)**文字`), which fails the "
        "same way; and a pair of `_` or `__` with CJK text outside it "
        "(`__Go__文字`): CommonMark opens and closes `_` only at the edge "
        "of a word, and takes CJK characters for letters. GFM "
        "strikethrough `~~` follows the rules of `*` and fails the same "
        "way (`文字~~（删除）~~文字`).\n\n"
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
               "(`这是**重要的提示**。后面`), a pair of brackets or quotes "
               "both at once (`中文（**SDK**）`, never `（**SDK）**`). A "
               "link that is the whole emphasized text takes the markup "
               "inside it (`[**链接**](u)文字`, which renders the same); "
               "with code or an image, a space goes between the markup and "
               "the CJK text (`**`code`** 文字`). `_` and `__` next to CJK "
               "become `*` and `**` (`**Go**文字`). The text renders as "
               "meant, but the punctuation is no longer emphasized, which "
               "the author may want to review.",
    .description_zh =
        "标记一对因标点紧贴在标记内侧、中文紧贴在标记外侧，而被 "
        "CommonMark 当作普通字符留下的 `**`、`*`、`__` 或 `_`："
        "`这是**重要的提示。**后面` 和 `是**「引文」**的` 在页面上会显示出"
        "星号。\n\n同样标记：内侧紧贴行内代码、链接或图片的一对标记"
        "（`**`code`**文字`、`**[链接](u)**文字`），失效的原因相同；"
        "外侧紧贴中文的一对 `_` 或 `__`（`__Go__文字`）：CommonMark 只在"
        "词的边缘让 `_` 开始或结束强调，而把中文字符当作字母。GFM 的删除线 "
        "`~~` "
        "遵循 `*` 的规则，也会这样失效（`文字~~（删除）~~文字`）。\n\n"
        "原因：CommonMark 的侧翼规则假定收尾的标点之后有空格。"
        "`。` 之后的收尾 `**` 后面必须跟空格或标点才能闭合，而中文在那里不"
        "加空格。\n\n判断方法：规则只看 cmark 没有用上的强调分隔符，"
        "把字符和长度相同的两个配成一对，根据它们周围的源文本重新计算 "
        "CommonMark 的侧翼规则；如果其中一个因内侧的标点而失效，"
        "而标点移到外侧后两个都能生效，就报告这一对。不标记："
        "`2*3*4`、`a * b`、`snake_case_name`、转义的 `\\*`、代码中的分隔符"
        "，以及因其他原因失效的星号（内侧有空格，如 `** 文字**`）"
        "。",
    .fix_doc_zh = "不安全：把标点移到标记外侧（`这是**重要的提示**。后面`），"
                  "成对的括号或引号一起移出（`中文（**SDK**）`，而不是 "
                  "`（**SDK）**`）。整段强调文字就是一个链接时，把标记移进"
                  "链接文字（`[**链接**](u)文字`，显示效果相同）；内侧是代码"
                  "或图片时，在标记与外侧中文之间加一个空格（`**`code`** "
                  "文字`）。紧贴中文的 `_` 和 `__` 改为 `*` 和 `**`"
                  "（`**Go**文字`）。文字能按原意显示，但标点不再加粗，"
                  "作者可能想复查一下。",
    .bad = "这是**重要的提示。**后面还有内容。\n\n还有**「引文」**的说明。\n",
    .good = "这是**重要的提示**。后面还有内容。\n\n还有「**引文**」的说明。\n",
    .check_run = check,
};
