/*
 * no-space-fullwidth: spaces next to full-width punctuation ("中文 ，",
 * "。 注意", "，” Zemlin").
 *
 * A full-width mark carries its own white space in its glyph; the Chinese
 * copywriting guidelines that AutoCorrect and lint-md follow write no
 * space between it and the characters around it. Translators who put a
 * space between Chinese and English out of habit put one next to the
 * marks too, and the text shows gaps twice the width of a character.
 *
 * The marks ，。、；：！？（）《》【】「」『』 belong to Chinese alone: a space
 * between one of them and CJK, a Latin letter, a digit, inline code or
 * another such mark is flagged. Curly quotes, the em dash and the ellipsis
 * are shared with English ("The “cloud” way", "SAN JOSE, CALIF. — 来自"),
 * so a space next to one of them is flagged only when the mark stands in
 * Chinese: a quote with CJK on either side, a dash or ellipsis with CJK
 * on both. A space next to a URL is never touched: without it,
 * GitHub's autolinker would swallow the mark into the link. Nor is a
 * space that CommonMark needs to see "**" open or close (emphasis_safe).
 *
 * Nor a space on the English side of a mark in English text ("Note：
 * this", "and （see below） now", as punct.h decides with
 * halfwidth-punctuation, which turns such marks half-width): after a
 * sentence mark or a closing bracket or quote, before an opening one.
 * Deleting it would glue the mark, once half-width, to the next word
 * ("Note:this"). Nor the space after a possessive apostrophe
 * ("Kubernetes’ 设计"): it ends an English word and is no quote.
 *
 * Spaces beside the dash are house style: the guides behind AutoCorrect
 * and zhlint keep them, and gold-miner's asks for them ("中文 —— 中文").
 * The option dash-spaces says which: none (the default) flags them like
 * any other; keep leaves them alone either way; around leaves them and
 * flags a dash —— glued to a CJK character, a Latin letter, a digit or
 * inline code in Chinese text, with a safe fix that inserts the space.
 */
#include "rule.h"

#include <string.h>

static const tl_option_def options[] = {
    {"dash-spaces", TL_OPTION_ENUM, "none", "none|keep|around",
     "Spaces beside the dash `——`: `none` (the default) flags them like "
     "any other; `keep` leaves them alone, there or not; `around` wants "
     "one on each side in Chinese text (`中文 —— 中文`, gold-miner's "
     "style) and flags a dash glued to a word.",
     "破折号 `——` 两侧的空格：`none`（默认）与其他标点一样标记；`keep` "
     "不管有没有都不标记；`around` 要求中文中的破折号两侧各有一个空格"
     "（`中文 —— 中文`，掘金翻译计划的风格），标记紧贴文字的破折号。"},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL, NULL},
};

static bool is_quote(uint32_t c)
{
	return c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019;
}

/* Full-width marks of DESIGN's list that are Chinese alone. */
static bool is_own_mark(uint32_t c)
{
	switch (c) {
	case 0xFF0C: /* ， */
	case 0x3002: /* 。 */
	case 0x3001: /* 、 */
	case 0xFF1B: /* ； */
	case 0xFF1A: /* ： */
	case 0xFF01: /* ！ */
	case 0xFF1F: /* ？ */
	case 0xFF08: /* （ */
	case 0xFF09: /* ） */
	case 0x300A: /* 《 */
	case 0x300B: /* 》 */
	case 0x3010: /* 【 */
	case 0x3011: /* 】 */
	case 0x300C: /* 「 */
	case 0x300D: /* 」 */
	case 0x300E: /* 『 */
	case 0x300F: /* 』 */
		return true;
	default:
		return false;
	}
}

static bool own_mark(const tl_run *run, size_t i)
{
	return tl_run_is_text(run, i) && is_own_mark(run->chars[i].cp);
}

static bool shared_mark(const tl_run *run, size_t i)
{
	return tl_run_is_text(run, i) &&
	       (is_quote(run->chars[i].cp) || run->chars[i].cp == 0x2014 ||
	        run->chars[i].cp == 0x2026 || run->chars[i].cp == 0x22EF);
}

/* What may stand across the space from a mark: CJK, a Latin letter, a
 * digit, inline code or template syntax ("[^1] 。"), or a Chinese-only
 * mark. */
static bool neighbour_ok(const tl_run *run, size_t i)
{
	const tl_char *c = &run->chars[i];
	if (c->kind == TL_CHAR_CODE || c->kind == TL_CHAR_MARKUP)
		return true;
	if (c->kind != TL_CHAR_TEXT)
		return false;
	return (c->cls & TL_CLS_CJK) || (c->cls & TL_CLS_LATIN) ||
	       (c->cls & TL_CLS_DIGIT) || is_own_mark(c->cp);
}

static bool is_cjk_or_own(const tl_run *run, size_t i)
{
	return tl_run_is_text(run, i) && ((run->chars[i].cls & TL_CLS_CJK) ||
	                                  is_own_mark(run->chars[i].cp));
}

/* The far side of the shared mark at M, away from the space: the first
 * character past M and any marks like it, skipping spaces. Is it CJK? */
static bool far_side_cjk(const tl_run *run, size_t m, int dir)
{
	uint32_t cp = run->chars[m].cp;
	size_t k = m;
	for (int steps = 0; steps < 16; steps++) {
		if (dir < 0 ? k == 0 : k + 1 >= run->n)
			return false;
		k = dir < 0 ? k - 1 : k + 1;
		const tl_char *c = &run->chars[k];
		if (c->kind != TL_CHAR_TEXT)
			return false;
		if (c->cp == cp || (c->cls & TL_CLS_SPACE))
			continue;
		return (c->cls & TL_CLS_CJK) || is_own_mark(c->cp);
	}
	return false;
}

/* Does the shared mark M, with the spaces and then OTHER on one side,
 * stand in Chinese? A quote does with CJK on either side ("说 “你好”",
 * "“Downloads” 按钮", "，” Zemlin"). A dash or an ellipsis needs CJK on
 * both sides: "`Ctrl+O` — 打开" and "CALIF. — 来自" are English dashes,
 * and deleting one space of two would leave the dash lopsided. */
static bool shared_in_cjk(const tl_run *run, size_t m, size_t other, int away)
{
	bool far = far_side_cjk(run, m, away);
	if (is_quote(run->chars[m].cp))
		return far || is_cjk_or_own(run, other);
	return far && is_cjk_or_own(run, other);
}

/* Marks after which English puts a space, and before which none: the
 * sentence marks halfwidth-punctuation turns half-width, and closing
 * brackets and quotes. */
static bool spaced_after(uint32_t c)
{
	switch (c) {
	case 0xFF0C: /* ， */
	case 0x3002: /* 。 */
	case 0xFF1B: /* ； */
	case 0xFF1A: /* ： */
	case 0xFF01: /* ！ */
	case 0xFF1F: /* ？ */
	case 0xFF09: /* ） */
	case 0x300B: /* 》 */
	case 0x3011: /* 】 */
	case 0x300D: /* 」 */
	case 0x300F: /* 』 */
		return true;
	default:
		return false;
	}
}

/* Opening brackets and quotes, before which English puts a space. */
static bool spaced_before(uint32_t c)
{
	return c == 0xFF08 || c == 0x300A || c == 0x3010 || c == 0x300C ||
	       c == 0x300E;
}

/* Is the mark at M in English text (punct.h)? UC keeps what was found
 * about its line: the gaps come in order. */
static bool english_mark(const tl_run *run, size_t m, tl_unit_cache *uc)
{
	tl_unit_span u;
	return tl_punct_unit(run, m, uc, &u) && u.english;
}

/* Is the gap between A and B (A < B) on the English side of a mark in
 * English text, beside a Latin letter, a digit or code? */
static bool english_side(const tl_run *run, size_t a, size_t b,
                         tl_unit_cache *uc)
{
	if (own_mark(run, a) && spaced_after(run->chars[a].cp) &&
	    neighbour_ok(run, b) && !is_cjk_or_own(run, b))
		return english_mark(run, a, uc);
	if (own_mark(run, b) && spaced_before(run->chars[b].cp) &&
	    neighbour_ok(run, a) && !is_cjk_or_own(run, a))
		return english_mark(run, b, uc);
	return false;
}

/* Is there inline HTML (a tag or comment, "<" in the source) between
 * characters I and I+1? A mark and a space apart from each other across
 * an image or a comment are not what they seem: "、<img> 、" is no
 * repeated mark, and the space may be all that keeps two images apart. */
static bool html_between(const tl_run *run, size_t i)
{
	const char *src = run->doc->src->data;
	size_t from = run->chars[i].end, to = run->chars[i + 1].start;
	return to > from && memchr(src + from, '<', to - from) != NULL;
}

/* Should the spaces between A and B (A < B, all between them spaces)
 * go? DASH_FREE: spaces beside a dash are house style (dash-spaces). */
static bool flag_gap(const tl_run *run, size_t a, size_t b, tl_unit_cache *uc,
                     bool dash_free)
{
	if (dash_free &&
	    (tl_run_is_cp(run, a, 0x2014) || tl_run_is_cp(run, b, 0x2014)))
		return false;
	if (run->chars[a].kind == TL_CHAR_URL ||
	    run->chars[b].kind == TL_CHAR_URL)
		return false;
	if (html_between(run, a) || html_between(run, b - 1))
		return false;
	if (tl_run_is_possessive(run, a))
		return false;
	if (english_side(run, a, b, uc))
		return false;
	if (own_mark(run, a) && (neighbour_ok(run, b) || shared_mark(run, b)))
		return true;
	if (own_mark(run, b) && (neighbour_ok(run, a) || shared_mark(run, a)))
		return true;
	if (shared_mark(run, a) && neighbour_ok(run, b))
		return shared_in_cjk(run, a, b, -1);
	if (shared_mark(run, b) && neighbour_ok(run, a))
		return shared_in_cjk(run, b, a, 1);
	return false;
}

static bool is_emphasis_byte(char c)
{
	return c == '*' || c == '_' || c == '~';
}

/* Is character I punctuation to CommonMark's flanking rules (a code
 * span counts by its backtick)? */
static bool flanking_punct(const tl_run *run, size_t i)
{
	const tl_char *c = &run->chars[i];
	/* Code and template syntax begin and end with punctuation. */
	if (c->kind == TL_CHAR_CODE || c->kind == TL_CHAR_MARKUP)
		return true;
	if (c->kind != TL_CHAR_TEXT)
		return false;
	uint32_t cp = c->cp;
	return tl_char_is_cjk_punct(cp) ||
	       (cp < 0x80 && cp > ' ' && !tl_char_is_digit(cp) &&
	        !tl_char_is_latin_letter(cp));
}

/* Does deleting the spaces [S, E) keep emphasis as it renders? An
 * emphasis delimiter next to the spaces then touches the character across
 * them; CommonMark still sees it open or close when that character is
 * punctuation ("**强调** ，" becomes "**强调**，"), but not always when it
 * is a letter ("**“引语”** 然后": "”**然" does not close). */
static bool emphasis_safe(const tl_run *run, size_t s, size_t e)
{
	const char *src = run->doc->src->data;
	size_t len = run->doc->src->len;
	size_t start = run->chars[s].start, end = run->chars[e - 1].end;
	if (start > 0 && is_emphasis_byte(src[start - 1]) &&
	    !flanking_punct(run, e))
		return false;
	if (end < len && is_emphasis_byte(src[end]) &&
	    !flanking_punct(run, s - 1))
		return false;
	return true;
}

/* Can byte B start a mark of is_own_mark or shared_mark? */
static bool lead_of_mark(char b)
{
	unsigned char u = (unsigned char)b;
	return u == 0xE2 || u == 0xE3 || u == 0xEF;
}

/* Can a space go between the dash and character I of RUN: a CJK
 * character, a Latin letter, a digit, inline code or template syntax? */
static bool dash_neighbour(const tl_run *run, size_t i)
{
	return i < run->n && neighbour_ok(run, i) && !own_mark(run, i);
}

/* dash-spaces: around. Reports each dash —— (two em dashes or more) in
 * Chinese text, CJK next to it on one side at least, with a word glued
 * to it. */
static void check_dash_around(tl_check *ck, const tl_run *run)
{
	const char *msg = NULL;
	for (size_t i = 1; i < run->n; i++) {
		if (!tl_run_is_cp(run, i, 0x2014))
			continue;
		size_t j = i;
		while (j < run->n && tl_run_is_cp(run, j, 0x2014))
			j++;
		size_t d = i;
		i = j;
		if (j - d < 2 ||
		    !(far_side_cjk(run, d, -1) || far_side_cjk(run, j - 1, 1)))
			continue;
		bool before = dash_neighbour(run, d - 1);
		bool after = dash_neighbour(run, j);
		if (!before && !after)
			continue;
		tl_edit edits[2];
		size_t ne = 0;
		if (before) {
			size_t g = tl_run_gap(run, d);
			edits[ne++] = (tl_edit){g, g, " "};
		}
		if (after) {
			size_t g = tl_run_gap(run, j);
			edits[ne++] = (tl_edit){g, g, " "};
		}
		if (!msg)
			msg = tl_check_msg(ck, "Missing space beside the dash",
			                   "破折号两侧缺少空格");
		tl_fix fix = {TL_FIX_SAFE, edits, ne};
		tl_check_report(ck, run->chars[d].start, run->chars[j - 1].end,
		                msg, &fix);
	}
}

static void check(tl_check *ck, const tl_run *run)
{
	const char *dash = tl_check_option(ck, "dash-spaces");
	bool dash_free = strcmp(dash, "none") != 0;
	if (strcmp(dash, "around") == 0 && tl_run_may_have(run, 0x2014))
		check_dash_around(ck, run);
	/* A gap flagged is spaces next to a mark, and every mark is CJK
	 * punctuation. */
	if (!(run->cls_any & TL_CLS_CJK_PUNCT) ||
	    (!tl_run_has_ascii(run, ' ') && !tl_run_has_ascii(run, '\t')))
		return;
	const char *msg = NULL;
	const char *t = run->text;
	tl_unit_cache uc = {0};
	bool tabs = tl_run_has_ascii(run, '\t');
	/* Jump from space to space in the text: each space or tab there is
	 * one of prose, and a run of them is a gap between two characters. */
	for (size_t p = 0, at = 0;;) {
		if (tabs) {
			p = tl_run_text_find(run, p, " \t");
		} else {
			const char *sp = memchr(t + p, ' ', run->text_len - p);
			p = sp ? (size_t)(sp - t) : run->text_len;
		}
		if (p >= run->text_len)
			break;
		size_t q = p;
		while (q < run->text_len && (t[q] == ' ' || t[q] == '\t'))
			q++;
		size_t from = p;
		p = q;
		/* Every mark is three bytes long, with a lead byte of 0xE2,
		 * 0xE3 or 0xEF: a gap with no such character on either side
		 * is not flagged. */
		if (from == 0 || q >= run->text_len ||
		    !(lead_of_mark(from >= 3 ? t[from - 3] : 0) ||
		      lead_of_mark(t[q])))
			continue;
		size_t s = tl_run_char_at(run, at, from), e = s;
		at = s;
		if (s == 0 || !tl_run_is_blank(run, s) ||
		    tl_run_is_blank(run, s - 1))
			continue;
		while (e < run->n && tl_run_is_blank(run, e))
			e++;
		if (e >= run->n || !flag_gap(run, s - 1, e, &uc, dash_free))
			continue;
		if (!tl_run_editable(run, s, e) || !emphasis_safe(run, s, e))
			continue;
		size_t start = run->chars[s].start, end = run->chars[e - 1].end;
		/* The white space that ends a bare URL's link is not ours
		 * to delete ("“见 https://x.com/a” 然后"): without it GFM
		 * would link the text after it too. */
		tl_edit edit = {start, end, ""};
		if (!tl_doc_keeps(run->doc, &edit))
			continue;
		if (!msg)
			msg = tl_check_msg(
			    ck, "Space next to full-width punctuation",
			    "全角标点与其他字符之间不加空格");
		tl_fix fix = {TL_FIX_SAFE, &edit, 1};
		tl_check_report(ck, run->chars[s - 1].start, run->chars[e].end,
		                msg, &fix);
	}
}

const tl_rule tl_rule_no_space_fullwidth = {
    .name = "no-space-fullwidth",
    .summary = "No space next to full-width punctuation",
    .summary_zh = "全角标点前后不加空格",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_SAFE,
    .options = options,
    .description =
        "Flags spaces between full-width punctuation and CJK, a Latin "
        "letter, a digit or inline code (`中文 ，`, `。 注意`, `使用 Go "
        "（一种语言）`).\n\n"
        "The marks `，。、；：！？（）《》【】「」『』` are used by Chinese "
        "alone, and any such space is flagged. Curly quotes, `—` and `…` "
        "are shared with English, so a space next to them is flagged "
        "only when the mark is plainly Chinese: a quote with CJK on "
        "either side (`，” Zemlin`, `说 “你好”`), a dash or ellipsis with "
        "CJK on both sides (`中文 —— 中文`). English quoted in an "
        "article keeps its spacing (`The “cloud” way`, `SAN JOSE, CALIF. "
        "— 来自`).\n\n"
        "Why: a full-width mark has its white space built into the "
        "glyph; the Chinese copywriting guidelines followed by "
        "AutoCorrect and lint-md put no space around it.\n\n"
        "Not flagged: a space next to a bare URL (GitHub would swallow "
        "the mark into the link), a space between emphasis markup and a "
        "letter that CommonMark needs to see where `**` opens or closes "
        "(`**“引语”** 然后`), line breaks, table cell borders, a space "
        "with inline HTML between it and the mark (`<img>、<!-- --> "
        "<img>`); the space on the English side of a mark in English "
        "text, as `halfwidth-punctuation` decides it (after `Note： this`, "
        "before and after `and （see below） now`), which that rule "
        "turns half-width; and the space after a possessive apostrophe "
        "(`Kubernetes’ 设计`), which ends an English word.\n\n"
        "Spaces beside the dash `——` are house style, set by "
        "`dash-spaces`: with `none` (the default) they are flagged as "
        "above; with `keep` they are left alone; with `around` (the "
        "`gold-miner` preset) they are wanted, and a dash glued to a "
        "word in Chinese text is flagged (`中文——中文`).",
    .fix_doc = "Safe: deletes the spaces (with `dash-spaces: around`, "
               "inserts the missing space beside a dash, outside inline "
               "markup). Escaped spaces and entities (`&#32;`, `&nbsp;`) "
               "are never touched.",
    .description_zh =
        "标记全角标点与中文、拉丁字母、数字或行内代码之间的空格（`中文 "
        "，`、`。 注意`、`使用 Go （一种语言）`）。\n\n`，。、；"
        "：！？（）《》【】「」『』` 只用于中文，它们旁边的任何空格都会被"
        "标记。弯引号、`—` 和 `…` 中英文共用，所以只有当标点明显属于中文时"
        "才标记它们旁边的空格：任一侧是中文的引号（`，” Zemlin`、"
        "`说 “你好”`），两侧都是中文的破折号或省略号（`中文 —— "
        "中文`）。文章中引用的英文保留它的空格（`The “cloud” "
        "way`、`SAN JOSE, CALIF. — 来自`）。\n\n原因：全角标点的字形本身就带"
        "有空白；AutoCorrect 和 lint-md 所遵循的中文文案排版指北在它两侧不"
        "加空格。\n\n不标记：紧挨裸 URL 的空格（否则 GitHub 会把标点吞进链接"
        "），CommonMark 用来判断 `**` 在哪里开始或结束的、强调标记与字母之"
        "间的空格（`**“引语”** 然后`），换行，表格单元格的边框，与标点之间"
        "隔着行内 HTML 的空格（`<img>、<!-- --> <img>`）；英文中的标点在"
        "英文一侧的空格（`Note： this` 的冒号之后，`and （see below） now` "
        "的括号外侧），是否英文由 `halfwidth-punctuation` 判断，并由它把这些"
        "标点改为半角；以及所有格撇号之后的空格（`Kubernetes’ 设计`），它"
        "结束的是一个英文单词。\n\n破折号 `——` 两侧的空格属于体例，由 "
        "`dash-spaces` 决定：`none`（默认）时如上标记；`keep` 时不管；"
        "`around`（`gold-miner` 预设）时要求有空格，并标记中文中紧贴文字的"
        "破折号（`中文——中文`）。",
    .fix_doc_zh =
        "安全：删除这些空格（`dash-spaces: around` 时在行内标记之外插入破折号"
        "旁缺少的空格）。转义的空格和字符实体（`&#32;`、`&nbsp;`）从不改动。",
    .bad = "他说： “开源更安全 ，” Zemlin 表示 。 注意\n",
    .good = "他说：“开源更安全，”Zemlin 表示。注意\n",
    .check_run = check,
};
