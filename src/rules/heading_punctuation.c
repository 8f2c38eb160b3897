/*
 * heading-punctuation: a heading that ends in "。，；：、" or ".,;:"
 * ("## 安装步骤：", "## Conclusion.").
 *
 * A heading is a title, not a sentence: the Chinese copywriting
 * guidelines and lint-md's correct-title-trailing-punctuation, like
 * markdownlint's MD026 for English, end it with no period, comma, colon
 * or semicolon. A question or exclamation mark and an ellipsis carry
 * meaning and are kept ("## 为什么选择 Rust？", "## 未完待续……").
 *
 * A final "." that belongs to an ellipsis ("Wait...") or an abbreviation
 * ("U.S.", "Inc.", "etc.") is not punctuation added to the title and is
 * kept.
 */
#include "rule.h"

#include <string.h>

static bool is_trailing_mark(uint32_t c)
{
	switch (c) {
	case 0x3002: /* 。 */
	case 0xFF0C: /* ， */
	case 0xFF1B: /* ； */
	case 0xFF1A: /* ： */
	case 0x3001: /* 、 */
	case '.':
	case ',':
	case ';':
	case ':':
		return true;
	default:
		return false;
	}
}

/* Abbreviations that end in a period in English titles. */
static const char *const abbreviations[] = {
    "approx", "Co", "Corp", "Dr", "e.g", "etc",  "i.e", "Inc", "Jr",
    "Ltd",    "Mr", "Mrs",  "Ms", "No",  "Prof", "Sr",  "St",  "vs",
};

/* Is the "." at I the end of an abbreviation: a single letter ("U.S.",
 * "J.") or a word of the list above? */
static bool ends_abbreviation(const tl_run *run, size_t i)
{
	size_t k = i;
	while (k > 0 && run->chars[k - 1].kind == TL_CHAR_TEXT &&
	       ((run->chars[k - 1].cls & TL_CLS_LATIN) ||
	        run->chars[k - 1].cp == '.'))
		k--;
	if (k == i)
		return false;
	if (i - k == 1)
		return true;
	size_t from = tl_run_toff(run, k), to = tl_run_toff(run, i);
	for (size_t a = 0; a < sizeof abbreviations / sizeof *abbreviations;
	     a++)
		if (strlen(abbreviations[a]) == to - from &&
		    memcmp(abbreviations[a], run->text + from, to - from) == 0)
			return true;
	/* A word with periods inside is an abbreviation too ("U.S."). */
	for (size_t q = k; q < i; q++)
		if (run->chars[q].cp == '.')
			return true;
	return false;
}

#define MAX_MARKS 8

/* Is RUN a setext heading underlined with "-" whose text ends a sentence
 * (its mark at S is 。！？ or .!?)? That is a paragraph written right
 * above a thematic break, "……是一个非常好的主意。" over LCTT's line of
 * dashes before the footer: CommonMark reads the pair as a heading, but
 * the writer meant a sentence and a rule, and the full stop is right. */
static bool paragraph_before_rule(const tl_run *run, size_t s)
{
	uint32_t c = run->chars[s].cp;
	if (run->level != 2 || !(c == 0x3002 || c == 0xFF01 || c == 0xFF1F ||
	                         c == '.' || c == '!' || c == '?'))
		return false;
	/* The underline: the last line of the block, dashes and spaces. */
	const char *src = run->doc->src->data;
	size_t e = run->end;
	while (e > run->start && (src[e - 1] == '\n' || src[e - 1] == '\r' ||
	                          src[e - 1] == ' ' || src[e - 1] == '\t'))
		e--;
	size_t ls = e;
	while (ls > run->start && src[ls - 1] != '\n')
		ls--;
	if (ls <= run->chars[run->n - 1].end)
		return false; /* an ATX heading: no line after the text */
	for (size_t k = ls; k < e; k++)
		if (src[k] != '-' && src[k] != ' ' && src[k] != '\t')
			return false;
	return e > ls;
}

static void check(tl_check *ck, const tl_run *run)
{
	if (run->kind != TL_BLOCK_HEADING || run->n == 0)
		return;
	size_t s = run->n;
	while (s > 0 && run->chars[s - 1].kind == TL_CHAR_TEXT &&
	       is_trailing_mark(run->chars[s - 1].cp))
		s--;
	size_t n = run->n - s;
	if (n == 0 || n > MAX_MARKS)
		return;
	/* Something must stay: a word, not only marks or a number. */
	bool word = false;
	for (size_t k = 0; k < s && !word; k++)
		word = run->chars[k].kind == TL_CHAR_CODE ||
		       (run->chars[k].kind == TL_CHAR_TEXT &&
		        ((run->chars[k].cls & TL_CLS_CJK) ||
		         (run->chars[k].cls & TL_CLS_LATIN)));
	if (!word)
		return;
	size_t dots = 0;
	for (size_t k = s; k < run->n; k++)
		dots += run->chars[k].cp == '.';
	if (dots > 1 || (s > 0 && tl_run_is_cp(run, s - 1, 0x2026)))
		return;
	if (run->chars[s].cp == '.' && ends_abbreviation(run, s))
		return;
	if (paragraph_before_rule(run, s))
		return;
	/* One edit per mark: markup may stand between them ("**注意：**。"). */
	tl_edit edits[MAX_MARKS];
	for (size_t k = s; k < run->n; k++) {
		if (!tl_run_editable(run, k, k + 1))
			return;
		edits[k - s] =
		    (tl_edit){run->chars[k].start, run->chars[k].end, ""};
	}
	size_t tend = run->text_len;
	const char *marks =
	    tl_check_printf(ck, "%.*s", (int)(tend - tl_run_toff(run, s)),
	                    run->text + tl_run_toff(run, s));
	tl_fix fix = {TL_FIX_SAFE, edits, n};
	tl_check_reportf(ck, run->chars[s].start, run->chars[run->n - 1].end,
	                 &fix,
	                 "Heading ends with "
	                 "punctuation '%s'",
	                 "标题不应以标点“%s”结尾", marks);
}

const tl_rule tl_rule_heading_punctuation = {
    .name = "heading-punctuation",
    .summary = "No period, comma, colon or semicolon ending a heading",
    .summary_zh = "标题末尾不加句号、逗号、冒号或分号",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_SAFE,
    .options = NULL,
    .description =
        "Flags a heading whose text ends in `。，；：、` or `.,;:` "
        "(`## 安装步骤：`, `## Conclusion.`).\n\n"
        "Kept: `？！` and `?!`, an ellipsis (`……`, `...`), the period of "
        "an abbreviation (`U.S.`, `Inc.`, `etc.`), and a heading that "
        "would be left with no word. Nor is a sentence ending in `。` or "
        "`.` underlined with `-`: CommonMark reads it as a setext heading, "
        "but it is a paragraph written right above a thematic break (LCTT's "
        "line of dashes before the footer), and its full stop is right.\n\n"
        "Why: a heading is a title, not a sentence. The Chinese "
        "copywriting guidelines and lint-md's "
        "correct-title-trailing-punctuation, like markdownlint's MD026 "
        "for English, end headings without such marks.",
    .fix_doc = "Safe: deletes the trailing marks, inside or outside "
               "inline markup (`## **注意：**` becomes `## **注意**`). "
               "Escaped marks (`\\.`) are left alone.",
    .description_zh =
        "标记以 `。，；：、` 或 `.,;:` 结尾的标题（`## 安装步骤："
        "`、`## Conclusion.`）。\n\n保留：`？！` 和 `?!`，省略号（`……`、"
        "`...`），缩写的句点（`U.S.`、`Inc.`、`etc.`），以及去掉标点后就没"
        "有文字的标题。以 `。` 或 `.` 结尾、下面一行是 `-` 的句子也不标记："
        "CommonMark 把它读作 setext 标题，但它其实是紧贴在分隔线（LCTT 页脚前"
        "的那行短横线）上方的段落，句号是对的。\n\n原因：标题是题目，不是句子。"
        "中文文案排版指北和 "
        "lint-md 的 correct-title-trailing-punctuation，与英文的 "
        "markdownlint MD026 一样，标题末尾不加这些标点。",
    .fix_doc_zh = "安全：删除末尾的标点，无论它在行内标记之内还是之外（`## "
                  "**注意：**` 变成 `## **注意**`）。转义的标点（`\\.`）"
                  "保持不变。",
    .bad = "## 安装步骤：\n",
    .good = "## 安装步骤\n",
    .check_run = check,
};
