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
 * "is"...), which names and labels do not. Inside it, the mark must follow
 * a Latin letter or digit directly and be followed by one (after spaces)
 * or, for a mark that can end a sentence, by the end of the unit. "、"
 * has no English counterpart and is never flagged.
 */
#include "rule.h"

#include <stdlib.h>
#include <string.h>

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

/* Short words that only English prose has: a unit of Latin text with
 * one of them is a sentence or a title ("Mail, Reddit, and RSS feeds",
 * "systemd for Administrators"), not a list of names ("Dan Berg，IBM")
 * or a label ("GPU：GeForce RTX"), where a Chinese article rightly keeps
 * its own marks. Sorted, for bsearch. */
static const char *const function_words[] = {
    "a",    "about", "an",   "and",  "are",  "as",   "at",    "be",
    "but",  "by",    "can",  "do",   "does", "for",  "from",  "has",
    "have", "how",   "if",   "in",   "into", "is",   "it",    "its",
    "not",  "of",    "on",   "or",   "our",  "than", "that",  "the",
    "this", "to",    "was",  "we",   "what", "when", "where", "which",
    "who",  "why",   "will", "with", "you",  "your",
};

static int word_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/* Is the ASCII word W (N letters) a function word, written in lower case
 * or capitalised ("The", not "IT")? */
static bool is_function_word(const char *w, size_t n)
{
	char low[8];
	if (n == 0 || n >= sizeof low)
		return false;
	for (size_t k = 0; k < n; k++) {
		char c = w[k];
		if (c >= 'A' && c <= 'Z') {
			if (k > 0)
				return false;
			c = (char)(c - 'A' + 'a');
		}
		low[k] = c;
	}
	low[n] = '\0';
	return bsearch(low, function_words,
	               sizeof function_words / sizeof *function_words,
	               sizeof *function_words, word_cmp) != NULL;
}

static bool is_ascii_letter(const tl_run *run, size_t i)
{
	uint32_t c = run->chars[i].cp;
	return run->chars[i].kind == TL_CHAR_TEXT &&
	       ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/* The mark at I inside the Latin unit [S, E), which reads as English
 * prose when ENGLISH: report it when it sits between two Latin words. */
static void check_mark(tl_check *ck, const tl_run *run, size_t i, size_t e,
                       bool english, const char **msgfmt)
{
	uint32_t c = run->chars[i].cp;
	const char *half = halfwidth_of(c);
	if (!tl_run_is_alnum(run, i - 1))
		return;
	size_t k = i + 1;
	while (k < e && tl_run_is_blank(run, k))
		k++;
	if (k < e ? !tl_run_is_alnum(run, k) : !can_end(c))
		return;
	if (!english)
		return;
	/* "15，2020" or "1，000": a date wants a space, a number none. */
	if (c == 0xFF0C && k < e && (run->chars[i - 1].cls & TL_CLS_DIGIT) &&
	    (run->chars[k].cls & TL_CLS_DIGIT))
		return;
	/* "Hello，world" becomes "Hello, world"; "12：30" stays tight. */
	bool space = i + 1 < e && run->chars[i + 1].kind == TL_CHAR_TEXT &&
	             (run->chars[i + 1].cls & TL_CLS_LATIN);
	const char *text = space ? tl_check_printf(ck, "%s ", half) : half;
	if (!*msgfmt)
		*msgfmt =
		    tl_check_msg(ck,
		                 "Full-width punctuation in English text: "
		                 "use '%s'",
		                 "英文语境中的全角标点应为半角“%s”");
	tl_report_replace(ck, run, i, i + 1, text,
	                  tl_check_printf(ck, *msgfmt, half));
}

/* Checks the unit [S, E) when it holds no CJK and two Latin words. */
static void check_unit(tl_check *ck, const tl_run *run, size_t s, size_t e,
                       const char **msgfmt)
{
	size_t words = 0, marks = 0;
	bool english = false;
	for (size_t k = s; k < e; k++) {
		const tl_char *c = &run->chars[k];
		if (c->kind != TL_CHAR_TEXT)
			continue;
		if (c->cls & TL_CLS_CJK)
			return;
		if (halfwidth_of(c->cp))
			marks++;
		if (!(c->cls & TL_CLS_LATIN) ||
		    (k > s && run->chars[k - 1].kind == TL_CHAR_TEXT &&
		     (run->chars[k - 1].cls & TL_CLS_LATIN)))
			continue;
		/* A word starts at K. */
		words++;
		size_t w = k;
		while (w < e && is_ascii_letter(run, w))
			w++;
		if (w > k && (w == e || !tl_run_is_alnum(run, w)) &&
		    is_function_word(run->text + c->toff,
		                     run->chars[w - 1].toff + 1 - c->toff))
			english = true;
	}
	if (words < 2 || marks == 0)
		return;
	for (size_t k = s + 1; k < e; k++)
		if (run->chars[k].kind == TL_CHAR_TEXT &&
		    halfwidth_of(run->chars[k].cp))
			check_mark(ck, run, k, e, english, msgfmt);
}

static bool in_link(const tl_run *run, size_t i)
{
	return run->chars[i].kind == TL_CHAR_TEXT &&
	       (run->chars[i].flags & (TL_CF_LINK | TL_CF_IMAGE));
}

static bool ends_line(const tl_char *c)
{
	return c->kind == TL_CHAR_BREAK || c->kind == TL_CHAR_SEP;
}

/* Checks the line or table cell [S, E): as a whole when it holds no CJK;
 * otherwise the text of each link or image on its own. Every character is
 * visited a bounded number of times. */
static void check_line(tl_check *ck, const tl_run *run, size_t s, size_t e,
                       const char **msgfmt)
{
	bool cjk = false, marks = false;
	for (size_t k = s; k < e; k++) {
		const tl_char *c = &run->chars[k];
		if (c->kind == TL_CHAR_TEXT) {
			cjk = cjk || (c->cls & TL_CLS_CJK);
			/* The marks are all CJK punctuation. */
			marks = marks || ((c->cls & TL_CLS_CJK_PUNCT) &&
			                  halfwidth_of(c->cp) != NULL);
		}
	}
	if (marks && !cjk) {
		check_unit(ck, run, s, e, msgfmt);
	} else if (marks) {
		for (size_t k = s; k < e;) {
			if (!in_link(run, k)) {
				k++;
				continue;
			}
			size_t le = k;
			while (le < e && in_link(run, le))
				le++;
			check_unit(ck, run, k, le, msgfmt);
			k = le;
		}
	}
}

/* Can the character whose UTF-8 starts at byte P of the text follow a
 * Latin letter or digit directly? A look at the bytes before it: not when
 * the character before is other ASCII, nor when it is a three-byte one
 * (U+0800 and up with a lead byte of 0xE2 or more: no Latin letter or
 * digit lies there). Otherwise maybe. */
static bool may_follow_alnum(const tl_run *run, size_t p)
{
	if (p == 0)
		return false;
	unsigned char b = (unsigned char)run->text[p - 1];
	if (b < 0x80)
		return ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ||
		       (b >= '0' && b <= '9');
	unsigned char lead = p >= 3 ? (unsigned char)run->text[p - 3] : 0;
	return lead < 0xE2 || lead > 0xEF;
}

/* Does a CJK character stand before I on its line, within a few dozen
 * characters? False when none was found, which is only "maybe not". */
static bool cjk_before(const tl_run *run, size_t i)
{
	for (size_t k = i, steps = 0; k > 0 && steps < 64; steps++) {
		const tl_char *c = &run->chars[--k];
		if (ends_line(c))
			return false;
		if (c->kind == TL_CHAR_TEXT && (c->cls & TL_CLS_CJK))
			return true;
	}
	return false;
}

static void check(tl_check *ck, const tl_run *run)
{
	/* A unit is checked only with two Latin words, and the marks are
	 * all CJK punctuation. */
	if (!(run->cls_any & TL_CLS_LATIN) ||
	    !(run->cls_any & TL_CLS_CJK_PUNCT))
		return;
	const char *msgfmt = NULL;
	/* A mark is reported only right after a Latin letter or digit: jump
	 * from mark to mark in the text (，；：！？ start with byte 0xEF, 。
	 * with 0xE3) and check only the lines that hold such a mark. */
	size_t from = 0, at = 0;
	for (;;) {
		size_t p = tl_run_text_find(run, from, "\xE3\xEF");
		if (p >= run->text_len)
			break;
		from = p + 1;
		if (!may_follow_alnum(run, p))
			continue;
		size_t i = tl_run_char_at(run, at, p);
		at = i;
		const tl_char *c = &run->chars[i];
		if (i == 0 || c->kind != TL_CHAR_TEXT || !halfwidth_of(c->cp) ||
		    !tl_run_is_alnum(run, i - 1))
			continue;
		/* On a line with CJK only the text of links is checked. */
		if (!in_link(run, i) && cjk_before(run, i))
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
		from = run->chars[e].toff + 1;
		at = e;
	}
}

const tl_rule tl_rule_halfwidth_punctuation = {
    .name = "halfwidth-punctuation",
    .summary = "Half-width punctuation in English text",
    .summary_zh = "英文语境使用半角标点",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_SAFE,
    .preset = "recommended",
    .options = NULL,
    .description =
        "Flags full-width `，。；：！？` between two Latin words in English "
        "text (`[Mail，Reddit，and RSS feeds with Gnus]`), or ending it "
        "(`[What is Docker？](…)`).\n\n"
        "English text is a unit with no CJK at all (a paragraph, heading, "
        "line or table cell, or the text of one link or image) that "
        "reads as prose: it holds an English function word such as "
        "`the`, `and`, `for` or `is`. A Chinese article rightly uses its "
        "own marks between English names and labels (`支持 Go，Rust 和 "
        "Java`, `[logs，metrics，tracing](…)`, `Dan Berg，IBM`, "
        "`GPU：GeForce RTX`), so those are not flagged, nor is `、`, nor a "
        "comma between digits (`15，2020`). The mark must follow a Latin "
        "letter or digit directly.\n\n"
        "Why: the Chinese copywriting guidelines followed by AutoCorrect "
        "and lint-md keep half-width punctuation in complete English "
        "sentences and titles, even inside Chinese text.",
    .fix_doc = "Safe: replaces the mark by its half-width form, followed "
               "by a space when a letter comes right after it (`Mail, "
               "Reddit`); a colon between digits stays tight (`12:30`).",
    .description_zh =
        "标记英文中两个拉丁单词之间的全角 `，。；：！？`（`[Mail，"
        "Reddit，and RSS feeds with Gnus]`），或结束英文的全角标点（`[Wha"
        "t is Docker？](…)`）。\n\n英文指一个完全不含中文、读起来像句子的单"
        "元（一个段落、标题、行或表格单元格，或一个链接或图片的文字）"
        "：其中含有 `the`、`and`、`for`、`is` 这类英文功能词。"
        "中文文章在英文名称和标签之间使用自己的标点是对的（`支持 "
        "Go，Rust 和 Java`、`[logs，metrics，tracing](…)`、`Dan "
        "Berg，IBM`、`GPU：GeForce RTX`），因此这些不会被标记，"
        "`、` 和数字之间的逗号（`15，2020`）也不会。标点必须紧跟在拉丁字母"
        "或数字之后。\n\n原因：AutoCorrect 和 lint-md 所遵循的中文文案排版指"
        "北规定，完整的英文句子和标题即使位于中文之中，也使用半角标点。",
    .fix_doc_zh =
        "安全：把标点替换为半角形式；后面紧跟字母时再加一个空格（`Mail, "
        "Reddit`）；数字之间的冒号保持紧凑（`12:30`）。",
    .bad = "参见 [Mail，Reddit，and RSS feeds with "
           "Gnus](https://example.com/)。\n",
    .good = "参见 [Mail, Reddit, and RSS feeds with "
            "Gnus](https://example.com/)。\n",
    .check_run = check,
};
