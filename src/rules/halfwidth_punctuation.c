/*
 * halfwidth-punctuation: full-width punctuation inside English text
 * ("[Mail，Reddit，and RSS feeds with Gnus]", "[What is Docker？](…)").
 *
 * English keeps its own marks: the Chinese copywriting guidelines that
 * AutoCorrect and lint-md follow write complete English sentences and
 * titles with half-width punctuation even inside a Chinese article. A
 * translator who retypes an English title on a Chinese keyboard leaves
 * ，。：？ between English words, which renders with wide gaps.
 *
 * Precision first: a Chinese sentence lists English names with Chinese
 * marks ("支持 Go，Rust 和 Java", "[logs，metrics，tracing](…)", "### 7、
 * Nitrux OS", "GPU：GeForce RTX") and that is right. So a mark is flagged
 * only inside a unit of text with no CJK at all (a paragraph, heading,
 * line or table cell, or the text of one link or image) that reads as
 * English prose: it holds an English function word ("the", "and", "for",
 * "is"...), which names and labels do not (punct.h, which
 * no-space-fullwidth asks too). Inside it, a sentence mark must follow a
 * Latin letter or digit directly and be followed by one (after spaces)
 * or, for a mark that can end a sentence, by the end of the unit; a pair
 * of brackets （） or corner quotes 「」『』 becomes ASCII as a pair. "、"
 * has no English counterpart and is never flagged; 【】 would turn into
 * link syntax and 《》 have no ASCII form.
 *
 * Not English prose either, though no CJK character is in it: a unit
 * holding 、 or 《》【】, which only Chinese writes ("### 10、Linux From
 * Scratch（LFS）"); a unit wholly inside （） (a Chinese-style caption or
 * credit, "（Image by: Ray Paik, CC BY-SA 4.0）"); an abbreviation or
 * name in （） glued to the word it glosses ("[Linux From Scratch（LFS）]",
 * "Podman-in-Podman（pipglr）"). And in a Chinese document a mark beside a
 * link, a URL or a number is how the translator punctuated a reference
 * line ("Screenshot by Jim Hall，[CC-BY SA 4.0][3]", "[Yoav Weiss](u)，
 * 2016"): it is left alone there; a document with little Chinese in it
 * gets it half-width, with its space.
 *
 * The fix leaves English spacing, never less: a space after a sentence
 * mark ("Note：this" becomes "Note: this", "Error：8.7.1" "Error: 8.7.1"),
 * outside brackets and quotes and none inside them ("and（see below）now"
 * becomes "and (see below) now").
 */
#include "rule.h"

static const char *halfwidth_of(uint32_t c)
{
	switch (c) {
	case 0xFF0C: /* ， */
		return ",";
	case 0x3002: /* 。 */
		return ".";
	case 0xFF1B: /* ； */
		return ";";
	case 0xFF1A: /* ： */
		return ":";
	case 0xFF01: /* ！ */
		return "!";
	case 0xFF1F: /* ？ */
		return "?";
	default:
		return NULL;
	}
}

/* Marks that may end an English sentence or title. */
static bool can_end(uint32_t c)
{
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1A;
}

/* The brackets and quotes English writes half-width: the ASCII form of
 * the full-width opening (*OPENS) or closing mark C, or NULL. 【】 are
 * left alone ("[…]" would be link syntax), and 《》 have no ASCII form. */
static const char *pair_half(uint32_t c, bool *opens)
{
	*opens = c == 0xFF08 || c == 0x300C || c == 0x300E;
	switch (c) {
	case 0xFF08: /* （ */
		return "(";
	case 0xFF09: /* ） */
		return ")";
	case 0x300C: /* 「 */
	case 0x300D: /* 」 */
		return "\"";
	case 0x300E: /* 『 */
	case 0x300F: /* 』 */
		return "'";
	default:
		return NULL;
	}
}

static bool is_digit_at(const tl_run *run, size_t i)
{
	return i < run->n && run->chars[i].kind == TL_CHAR_TEXT &&
	       (run->chars[i].cls & TL_CLS_DIGIT);
}

static const char *message(tl_check *ck, const char **msgfmt, const char *half)
{
	if (!*msgfmt)
		*msgfmt =
		    tl_check_msg(ck,
		                 "Full-width punctuation in English text: "
		                 "use '%s'",
		                 "英文语境中的全角标点应为半角“%s”");
	return tl_check_printf(ck, *msgfmt, half);
}

/* Can character I end or start an English word beside a mark: a Latin
 * letter or digit, or inline code ("It is `x`， and")? */
static bool word_end(const tl_run *run, size_t i)
{
	return tl_run_is_alnum(run, i) ||
	       (i < run->n && run->chars[i].kind == TL_CHAR_CODE);
}

/* Per-document state: whether the document is Chinese, asked once. */
typedef struct state {
	bool known, chinese;
} state;

/* Is the document of RUN mostly Chinese: at least one CJK ideograph for
 * every four ASCII words of its source? Code and URLs count too, which a
 * Chinese technical article has plenty of: the bar is low on purpose. */
static bool doc_chinese(tl_check *ck, const tl_run *run)
{
	state *st = tl_check_state(ck, sizeof *st);
	if (st->known)
		return st->chinese;
	const unsigned char *p = (const unsigned char *)run->doc->src->data;
	size_t n = run->doc->src->len, cjk = 0, words = 0;
	bool in_word = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char b = p[i];
		/* Lead bytes E4..E9 start U+4000..U+9FFF: the ideographs. */
		cjk += b >= 0xE4 && b <= 0xE9;
		bool letter = (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
		words += letter && !in_word;
		in_word = letter;
	}
	st->known = true;
	st->chinese = cjk > 0 && 4 * cjk >= words;
	return st->chinese;
}

/* Is character I of RUN (a neighbour of a mark outside any link) part of
 * a link, an image or a URL, or a digit? */
static bool reference_side(const tl_run *run, size_t i, unsigned mark_flags)
{
	if (i >= run->n)
		return false;
	const tl_char *c = &run->chars[i];
	unsigned links = TL_CF_LINK | TL_CF_IMAGE;
	return c->kind == TL_CHAR_URL || (c->cls & TL_CLS_DIGIT) ||
	       ((c->flags & links) && !(mark_flags & links));
}

/* The sentence mark at I inside the English unit ending at E: report it
 * when it sits between two Latin words or ends the unit after one. */
static void check_mark(tl_check *ck, const tl_run *run, size_t i, size_t e,
                       const char **msgfmt)
{
	uint32_t c = run->chars[i].cp;
	const char *half = halfwidth_of(c);
	if (!word_end(run, i - 1))
		return;
	size_t k = i + 1;
	while (k < e && tl_run_is_blank(run, k))
		k++;
	if (k < e ? !word_end(run, k) : !can_end(c))
		return;
	/* A reference line of a Chinese document: "Jim Hall，[CC-BY]",
	 * "Weiss， 2016". */
	unsigned f = run->chars[i].flags;
	if ((reference_side(run, i - 1, f) || reference_side(run, k, f)) &&
	    doc_chinese(ck, run))
		return;
	bool digits = is_digit_at(run, i - 1) && k < e && is_digit_at(run, k);
	/* "15，2020" or "1，000": a date wants a space, a number none. */
	if (c == 0xFF0C && digits)
		return;
	/* English puts a space after the mark: "Hello，world" becomes
	 * "Hello, world" and "Error：8.7.1" "Error: 8.7.1"; between two
	 * digits it stays tight ("12：30" is "12:30"). A space already
	 * there is kept (no-space-fullwidth leaves it too). */
	bool space = k == i + 1 && k < e && !digits;
	const char *text = space ? tl_check_printf(ck, "%s ", half) : half;
	tl_report_replace(ck, run, i, i + 1, text, message(ck, msgfmt, half));
}

/* The full-width brackets or quotes O and C, a pair inside an English
 * unit: both become ASCII at once. English puts a space outside a
 * bracket and none inside it ("and（see below）now" becomes "and (see
 * below) now", "said「hi」to" becomes "said \"hi\" to"): the fix adds the
 * one outside where a letter or digit touches the mark, and takes the
 * spaces inside with it. */
static void check_pair(tl_check *ck, const tl_run *run, size_t o, size_t c,
                       const char **msgfmt)
{
	bool opens;
	const char *ho = pair_half(run->chars[o].cp, &opens);
	const char *hc = pair_half(run->chars[c].cp, &opens);
	size_t oe = o + 1, cs = c;
	while (oe < cs && tl_run_is_blank(run, oe))
		oe++;
	while (cs > oe && tl_run_is_blank(run, cs - 1))
		cs--;
	if (oe >= cs || !tl_run_editable(run, o, oe) ||
	    !tl_run_editable(run, cs, c + 1))
		return;
	/* "Linux From Scratch（LFS）": one word in （） glued to the word it
	 * glosses is a Chinese annotation. */
	if (run->chars[o].cp == 0xFF08 && o > 0 &&
	    tl_run_is_alnum(run, o - 1)) {
		size_t k = oe;
		while (k < cs && !tl_run_is_whitespace(run, k))
			k++;
		if (k == cs)
			return;
	}
	bool before = o > 0 && tl_run_is_alnum(run, o - 1);
	bool after = tl_run_is_alnum(run, c + 1);
	tl_edit edits[2] = {
	    {run->chars[o].start, run->chars[oe - 1].end,
	     before ? tl_check_printf(ck, " %s", ho) : ho},
	    {run->chars[cs].start, run->chars[c].end,
	     after ? tl_check_printf(ck, "%s ", hc) : hc},
	};
	tl_fix fix = {TL_FIX_SAFE, edits, 2};
	tl_check_report(
	    ck, run->chars[o].start, run->chars[c].end,
	    message(ck, msgfmt, tl_check_printf(ck, "%s%s", ho, hc)), &fix);
}

/* Pairs of brackets and quotes nest no deeper than this in a title. */
#define MAX_OPEN 16

/* Checks the marks of the English unit [S, E). */
static void check_unit(tl_check *ck, const tl_run *run, size_t s, size_t e,
                       const char **msgfmt)
{
	size_t open[MAX_OPEN];
	size_t nopen = 0;
	/* 、《》【】 are Chinese only: the unit is Chinese typography. */
	for (size_t k = s; k < e; k++) {
		uint32_t cp = run->chars[k].cp;
		if (tl_run_is_text(run, k) &&
		    (cp == 0x3001 || cp == 0x300A || cp == 0x300B ||
		     cp == 0x3010 || cp == 0x3011))
			return;
	}
	/* A unit wholly inside （）: a Chinese-style caption or credit. */
	size_t fs = s, le = e;
	while (fs < le && tl_run_is_whitespace(run, fs))
		fs++;
	while (le > fs && tl_run_is_whitespace(run, le - 1))
		le--;
	if (le - fs >= 2 && tl_run_is_cp(run, fs, 0xFF08) &&
	    tl_run_is_cp(run, le - 1, 0xFF09))
		return;
	for (size_t k = s; k < e; k++) {
		const tl_char *ch = &run->chars[k];
		bool opens;
		if (ch->kind != TL_CHAR_TEXT || !(ch->cls & TL_CLS_CJK_PUNCT))
			continue;
		if (halfwidth_of(ch->cp)) {
			if (k > s)
				check_mark(ck, run, k, e, msgfmt);
			continue;
		}
		if (!pair_half(ch->cp, &opens))
			continue;
		if (opens) {
			if (nopen < MAX_OPEN)
				open[nopen++] = k;
			continue;
		}
		/* The nearest open mark of the same pair: each closing
		 * mark's code point follows its opening one's. */
		size_t m = nopen;
		while (m > 0 && run->chars[open[m - 1]].cp != ch->cp - 1)
			m--;
		if (m == 0)
			continue;
		check_pair(ck, run, open[m - 1], k, msgfmt);
		nopen = m - 1;
	}
}

static bool ends_line(const tl_char *c)
{
	return c->kind == TL_CHAR_BREAK || c->kind == TL_CHAR_SEP;
}

/* Is [S, E) of RUN Latin text with no CJK in a document that is not
 * Chinese? There every such unit is English, function words or not
 * ("[Yoav Weiss](u)， 2016" is "[Yoav Weiss](u), 2016"). */
static bool latin_unit(tl_check *ck, const tl_run *run, size_t s, size_t e)
{
	bool latin = false;
	for (size_t k = s; k < e; k++) {
		if (run->chars[k].cls & TL_CLS_CJK)
			return false;
		latin |= (run->chars[k].cls & TL_CLS_LATIN) != 0;
	}
	return latin && !doc_chinese(ck, run);
}

/* Checks the line or table cell [S, E): as a whole when it holds no CJK;
 * otherwise the text of each link or image on its own. Every character is
 * visited a bounded number of times. */
static void check_line(tl_check *ck, const tl_run *run, size_t s, size_t e,
                       const char **msgfmt)
{
	tl_unit_cache uc = {0};
	for (size_t k = s; k < e;) {
		tl_unit_span u;
		if (!tl_punct_unit(run, k, &uc, &u)) {
			k++;
			continue;
		}
		if (u.english || latin_unit(ck, run, u.s, u.e))
			check_unit(ck, run, u.s, u.e, msgfmt);
		k = u.e > k ? u.e : k + 1;
	}
}

/* Is C one of the marks this rule turns half-width? */
static bool is_mark(uint32_t c)
{
	bool opens;
	return halfwidth_of(c) || pair_half(c, &opens);
}

static void check(tl_check *ck, const tl_run *run)
{
	/* A unit is checked only with two Latin words, and the marks are
	 * all CJK punctuation. */
	if (!(run->cls_any & TL_CLS_LATIN) ||
	    !(run->cls_any & TL_CLS_CJK_PUNCT))
		return;
	const char *msgfmt = NULL;
	/* Jump from mark to mark in the text (，；：！？（） start with byte
	 * 0xEF, 。「」『』 with 0xE3) and check only the lines that hold
	 * such a mark. */
	size_t from = 0, at = 0;
	for (;;) {
		size_t p = tl_run_text_find(run, from, "\xE3\xEF");
		if (p >= run->text_len)
			break;
		from = p + 1;
		size_t i = tl_run_char_at(run, at, p);
		at = i;
		const tl_char *c = &run->chars[i];
		if (c->kind != TL_CHAR_TEXT || !is_mark(c->cp))
			continue;
		size_t s = i, e = i;
		while (s > 0 && !ends_line(&run->chars[s - 1]))
			s--;
		while (e < run->n && !ends_line(&run->chars[e]))
			e++;
		check_line(ck, run, s, e, &msgfmt);
		if (e >= run->n)
			break;
		/* Go on after the line break or cell separator. */
		from = tl_run_toff(run, e) + 1;
		at = e;
	}
}

const tl_rule tl_rule_halfwidth_punctuation = {
    .name = "halfwidth-punctuation",
    .summary = "Half-width punctuation in English text",
    .summary_zh = "英文语境使用半角标点",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_SAFE,
    .options = NULL,
    .description =
        "Flags full-width `，。；：！？` between two Latin words in English "
        "text (`[Mail，Reddit，and RSS feeds with Gnus]`), or ending it "
        "(`[What is Docker？](…)`), and full-width brackets `（）` and "
        "corner quotes `「」` `『』` around English text (`and （see below） "
        "now`, `He said 「hello」 to me.`).\n\n"
        "English text is a unit with no CJK at all (a paragraph, heading, "
        "line or table cell, or the text of one link or image) that "
        "reads as prose: it holds an English function word such as "
        "`the`, `and`, `for` or `is`. A Chinese article rightly uses its "
        "own marks between English names and labels (`支持 Go，Rust 和 "
        "Java`, `[logs，metrics，tracing](…)`, `Dan Berg，IBM`, "
        "`GPU：GeForce RTX`), so those are not flagged, nor is `、`, nor a "
        "comma between digits (`15，2020`), nor `【】` (as `[]` they would "
        "be link syntax) or `《》`. A sentence mark must follow a Latin "
        "letter, a digit or inline code directly.\n\n"
        "Chinese typography without Chinese characters is left alone too: a "
        "unit holding `、` or `《》【】`, a unit wholly inside `（）` (a "
        "caption or credit, `（Image by: Ada Lovelace）`), one word in `（）` "
        "glued to the word it glosses (`Linux From Scratch（LFS）`), and, in "
        "a Chinese document, a mark beside a link, a URL or a number (a "
        "reference line: `Screenshot by Jim Hall，[CC BY-SA 4.0](…)`, "
        "`[Yoav Weiss](…)， 2016`). In a document that is not Chinese (fewer "
        "than one CJK ideograph for every four ASCII words) every unit "
        "without CJK is English, names and labels included.\n\n"
        "Why: the Chinese copywriting guidelines followed by AutoCorrect "
        "and lint-md keep half-width punctuation in complete English "
        "sentences and titles, even inside Chinese text.",
    .fix_doc = "Safe: replaces the mark by its half-width form and leaves "
               "English spacing: a space after a sentence mark when a letter "
               "or digit comes right after it (`Mail, Reddit`, `Error: "
               "8.7.1`), but none between digits (`12:30`); brackets and "
               "quotes become `()`, `\"\"` and `''` as a pair, with a space "
               "outside where a letter touches them and none inside (`and "
               "(see below) now`). A space already there is kept, and "
               "`no-space-fullwidth` keeps it too.",
    .description_zh =
        "标记英文中两个拉丁单词之间的全角 `，。；：！？`（`[Mail，"
        "Reddit，and RSS feeds with Gnus]`），或结束英文的全角标点（`[Wha"
        "t is Docker？](…)`），以及英文文字两边的全角括号 `（）` 和直角引号 "
        "`「」` `『』`（`and （see below） now`、`He said 「hello」 to "
        "me.`）。\n\n英文指一个完全不含中文、读起来像句子的单"
        "元（一个段落、标题、行或表格单元格，或一个链接或图片的文字）"
        "：其中含有 `the`、`and`、`for`、`is` 这类英文功能词。"
        "中文文章在英文名称和标签之间使用自己的标点是对的（`支持 "
        "Go，Rust 和 Java`、`[logs，metrics，tracing](…)`、`Dan "
        "Berg，IBM`、`GPU：GeForce RTX`），因此这些不会被标记，"
        "`、` 和数字之间的逗号（`15，2020`）也不会，`【】`（改成 `[]` 会变成"
        "链接语法）和 `《》` 也不会。句中标点必须紧跟在拉丁字母、"
        "数字或行内代码之后。\n\n"
        "没有汉字的中文排版同样不标记：含有 `、` 或 `《》【】` 的单元，"
        "整个包在 `（）` 里的单元（图片说明或署名，`（Image by: Ada "
        "Lovelace）`），紧贴在所注释单词后、`（）` 里只有一个词的注释"
        "（`Linux From Scratch（LFS）`），以及中文文档里紧挨链接、URL 或数字"
        "的标点（参考条目：`Screenshot by Jim Hall，[CC BY-SA 4.0](…)`、"
        "`[Yoav Weiss](…)， 2016`）。在非中文文档（每四个 ASCII 单词不到一个"
        "汉字）中，每个不含中文的单元都是英文，名称和标签也不例外。\n\n原因：Au"
        "toCorrect 和 lint-md "
        "所遵循的中文文案排版指"
        "北规定，完整的英文句子和标题即使位于中文之中，也使用半角标点。",
    .fix_doc_zh =
        "安全：把标点替换为半角形式，并保留英文的空格：句中标点后面紧跟字母"
        "或数字时加一个空格（`Mail, Reddit`、`Error: 8.7.1`），数字之间不加"
        "（`12:30`）；括号和引号成对地改为 `()`、`\"\"` 和 `''`，紧贴字母的"
        "外侧加空格，内侧不留空格（`and (see below) now`）。原有的空格保留，"
        "`no-space-fullwidth` 也会保留它。",
    .bad = "参见 [Mail，Reddit，and RSS feeds with "
           "Gnus](https://example.com/)。\n",
    .good = "参见 [Mail, Reddit, and RSS feeds with "
            "Gnus](https://example.com/)。\n",
    .check_run = check,
};
