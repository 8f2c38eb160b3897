/*
 * repeated-punctuation: sentence marks doubled or mixed ("。。", "，，",
 * "，。", "！！", "？？").
 *
 * The Chinese copywriting guidelines that AutoCorrect and lint-md follow
 * say not to repeat punctuation: "！！" shouts, and "，。" is a slip that
 * leaves one of the two marks wrong. Accepted: "？！" (and "！？"), which
 * GB/T 15834 and the guidelines allow for a question asked in surprise;
 * a "？" or "！" that ends a title, inside 《》 ("《这是我的！：…》" renders
 * the title "Mine!: …") or at the end of link text followed by the
 * sentence's own mark ("[什么是 Bash？][3]。"). A run of three or more
 * "。" is a badly typed ellipsis: the ellipsis rule reports it.
 *
 * Collapsing "。。" or "，，" to one mark is certainly what was meant, so
 * that fix is safe. For the other runs, which mark to keep is a choice of
 * meaning, and no fix is offered.
 */
#include "rule.h"

#include <string.h>

static bool is_sentence_mark(uint32_t c)
{
	switch (c) {
	case 0x3002: /* 。 */
	case 0xFF0C: /* ， */
	case 0x3001: /* 、 */
	case 0xFF1B: /* ； */
	case 0xFF1A: /* ： */
	case 0xFF01: /* ！ */
	case 0xFF1F: /* ？ */
		return true;
	default:
		return false;
	}
}

static bool mark_at(const tl_run *run, size_t i)
{
	return run->chars[i].kind == TL_CHAR_TEXT &&
	       is_sentence_mark(run->chars[i].cp);
}

/* Does a question or exclamation mark end a title among marks [S, E):
 * inside 《》 ("《这是我的！：…》" is the title "Mine!: …") or at the end of
 * link text followed by the sentence's own mark ("[什么是 Bash？][3]。")? */
static bool ends_title(const tl_run *run, size_t s, size_t e, int titles)
{
	uint32_t first = run->chars[s].cp;
	if (first != 0xFF1F && first != 0xFF01)
		return false;
	if (titles > 0)
		return true;
	unsigned link = TL_CF_LINK | TL_CF_IMAGE;
	for (size_t k = s + 1; k < e; k++)
		if ((run->chars[k].flags & link) !=
		    (run->chars[k - 1].flags & link))
			return true;
	return false;
}

/* Is the UTF-8 at T one of the sentence marks? Each is three bytes:
 * 、。 are E3 80 81 and E3 80 82, the others EF BC xx. The tests stop at
 * the first byte that differs, so they never read past a NUL. */
static bool mark_bytes(const unsigned char *t)
{
	if (t[0] == 0xE3)
		return t[1] == 0x80 && (t[2] == 0x81 || t[2] == 0x82);
	return t[0] == 0xEF && t[1] == 0xBC &&
	       (t[2] == 0x8C || t[2] == 0x9B || t[2] == 0x9A || t[2] == 0x81 ||
	        t[2] == 0x9F);
}

/* Does RUN's text hold two sentence marks in a row? Two marks next to
 * each other in the run are next to each other in the text too. The
 * first one starts with byte 0xE3 or 0xEF: memchr jumps from one such
 * byte to the next. */
static bool has_pair(const tl_run *run)
{
	const unsigned char *t = (const unsigned char *)run->text;
	const unsigned char *end = t + run->text_len;
	static const unsigned char leads[2] = {0xE3, 0xEF};
	for (int k = 0; k < 2; k++) {
		const unsigned char *p = t;
		while ((p = memchr(p, leads[k], (size_t)(end - p))) != NULL) {
			if (mark_bytes(p) && mark_bytes(p + 3))
				return true;
			p++;
		}
	}
	return false;
}

static void check(tl_check *ck, const tl_run *run)
{
	/* Nothing is flagged without two sentence marks in a row, all of
	 * them CJK punctuation. */
	if (!(run->cls_any & TL_CLS_CJK_PUNCT) || !has_pair(run))
		return;
	int titles = 0; /* 《 open minus 》 closed */
	for (size_t i = 0; i < run->n; i++) {
		/* The marks and 《》 are all CJK punctuation. */
		if (!(run->chars[i].cls & TL_CLS_CJK_PUNCT) &&
		    run->chars[i].kind != TL_CHAR_SEP)
			continue;
		if (run->chars[i].kind == TL_CHAR_SEP)
			titles = 0;
		else if (tl_run_is_cp(run, i, 0x300A))
			titles++;
		else if (tl_run_is_cp(run, i, 0x300B) && titles > 0)
			titles--;
		if (!mark_at(run, i))
			continue;
		size_t e = i + 1;
		bool same = true;
		while (e < run->n && mark_at(run, e)) {
			same = same && run->chars[e].cp == run->chars[i].cp;
			e++;
		}
		size_t len = e - i;
		uint32_t first = run->chars[i].cp;
		size_t s = i;
		i = e - 1;
		if (len < 2)
			continue;
		if (len == 2 && (first == 0xFF1F || first == 0xFF01) &&
		    (run->chars[s + 1].cp == 0xFF1F ||
		     run->chars[s + 1].cp == 0xFF01) &&
		    run->chars[s + 1].cp != first)
			continue; /* ？！ and ！？ */
		if (ends_title(run, s, e, titles))
			continue;
		if (same && first == 0x3002 && len >= 3)
			continue; /* 。。。: the ellipsis rule's */
		size_t tend = e < run->n ? tl_run_toff(run, e) : run->text_len;
		const char *marks = tl_check_printf(
		    ck, "%.*s", (int)(tend - tl_run_toff(run, s)),
		    run->text + tl_run_toff(run, s));
		const char *msg = tl_check_msgf(ck, "Repeated punctuation '%s'",
		                                "标点符号“%s”重复使用", marks);
		size_t start = run->chars[s].start, end = run->chars[e - 1].end;
		bool safe =
		    same && (first == 0xFF0C || (first == 0x3002 && len == 2));
		if (safe && tl_run_editable(run, s + 1, e)) {
			tl_edit edit = {run->chars[s + 1].start,
			                run->chars[e - 1].end, ""};
			tl_fix fix = {TL_FIX_SAFE, &edit, 1};
			tl_check_report(ck, start, end, msg, &fix);
		} else {
			tl_check_report(ck, start, end, msg, NULL);
		}
	}
}

const tl_rule tl_rule_repeated_punctuation = {
    .name = "repeated-punctuation",
    .summary = "No doubled or mixed sentence marks",
    .summary_zh = "不重复使用标点符号",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_SOMETIMES,
    .options = NULL,
    .description =
        "Flags two or more full-width sentence marks `。，、；：！？` in a "
        "row: doubled (`。。`, `，，`, `！！`, `？？`) or mixed (`，。`, "
        "`：，`).\n\n"
        "Why: the Chinese copywriting guidelines followed by AutoCorrect "
        "and lint-md do not repeat punctuation; a mixed pair is a slip "
        "that leaves one of its marks wrong.\n\n"
        "Not flagged: `？！` and `！？`, which GB/T 15834 and the "
        "guidelines allow for a surprised question; a `？` or `！` ending "
        "a title, inside `《》` or at the end of link text followed by "
        "the sentence's own mark (`[什么是 Bash？](…)。`); three or more "
        "`。`, a mistyped ellipsis that `ellipsis` reports; marks with a "
        "quote or bracket between them.",
    .fix_doc = "`。。` and `，，` (any number of commas): safe, keeps one "
               "mark. Other runs have no fix: which mark is meant is a "
               "question of meaning.",
    .description_zh =
        "标记连续两个或更多的全角句读标点 `。，、；：！？`：重复的（`。"
        "。`、`，，`、`！！`、`？？`）或混用的（`，。`、`：，"
        "`）。\n\n原因：AutoCorrect 和 lint-md 所遵循的中文文案排版指北不重"
        "复使用标点；混用的一对是笔误，其中一个标点必定是错的。"
        "\n\n不标记：`？！` 和 `！？`，GB/T 15834 和指北允许用它们表示惊讶的"
        "疑问；结束书名、位于 `《》` 中或位于链接文字末尾、后面跟着句子本"
        "身标点的 `？` 或 `！`（`[什么是 Bash？](…)。`）；三个或更多的 "
        "`。`，这是打错的省略号，由 `ellipsis` 报告；中间隔着引号或括号的"
        "标点。",
    .fix_doc_zh =
        "`。。` 和 `，，`（任意个逗号）：安全，只保留一个。其他连续标点没"
        "有修复：该用哪个标点取决于文意。",
    .bad = "德国队竟然战胜了巴西队！！球迷们，，都没想到。。\n",
    .good = "德国队竟然战胜了巴西队！球迷们，都没想到。\n",
    .check_run = check,
};
