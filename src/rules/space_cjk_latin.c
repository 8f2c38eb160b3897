/*
 * space-cjk-latin: a Latin word written against a CJK character with no
 * space between them ("Linux基金会", "的Jim", "C++编程").
 *
 * The Chinese copywriting guidelines that AutoCorrect and lint-md follow
 * ask for one space between Chinese and English words: it is how most
 * technical publishers typeset mixed text, and a missing one is the most
 * common slip in translated articles. The check runs on the rendered text,
 * so it sees across inline markup: in "使用**Go**编写" the characters "用"
 * and "G" are adjacent, and the space goes outside the markup.
 */
#include "rule.h"

static const tl_option_def options[] = {
    {"allow", TL_OPTION_LIST, "Linux中国", NULL,
     "Phrases written without spaces on purpose (brand names such as "
     "\"Linux中国\"); a boundary inside one is never flagged."},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL},
};

static void check(tl_check *ck, const tl_run *run)
{
	const char *allow = tl_check_option(ck, "allow");
	const char *msg = NULL;
	bool right;
	for (size_t i = 1;
	     (i = tl_next_cjk_boundary(run, i, TL_TOKEN_WORD, &right)) < run->n;
	     i++) {
		if (*allow && tl_run_in_phrase(run, i, allow))
			continue;
		if (!msg)
			msg = tl_check_msg(ck,
			                   "Missing space between Chinese and "
			                   "English",
			                   "中英文之间缺少空格");
		tl_report_missing_space(ck, run, i, msg);
	}
}

const tl_rule tl_rule_space_cjk_latin = {
    .name = "space-cjk-latin",
    .summary = "A space between CJK characters and Latin words",
    .summary_zh = "中文与英文单词之间加空格",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_SAFE,
    .preset = "recommended",
    .options = options,
    .description =
        "Flags a CJK character written directly against a Latin word, "
        "in either order (`Linux基金会`, `的Jim`). A word keeps a trailing "
        "`+` or `#` (`C++编程`), and a word may contain digits (`v1.0版本`, "
        "`H.264编码`). The check sees across inline markup: in "
        "`使用**Go**编写` the characters `用` and `G` are adjacent.\n\n"
        "Why: the Chinese copywriting guidelines followed by AutoCorrect "
        "and lint-md put one space between Chinese and English; most "
        "technical publishers typeset mixed text that way.\n\n"
        "Not flagged: phrases listed in `allow` (by default the brand "
        "`Linux中国`), code, URLs, e-mail addresses, math, front matter, "
        "HTML, a line break between the two, and text with no CJK.",
    .fix_doc = "Safe: inserts one space. The space goes outside inline "
               "markup (`使用 **Go** 编写`, `参见 [Linux](https://kernel.org) "
               "内核`), so emphasis and links still render.",
    .bad = "Linux基金会的Jim Zemlin使用**Go**编写了C++程序。\n",
    .good = "Linux 基金会的 Jim Zemlin 使用 **Go** 编写了 C++ 程序。\n",
    .check_run = check,
};
