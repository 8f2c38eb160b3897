/*
 * space-cjk-number: a number written against a CJK character with no space
 * ("筹集了4.15亿", "增长了15%的").
 *
 * The same guideline as for Latin words: one space between Chinese and a
 * number. A number is a digit run with its sign, decimal point, thousands
 * separators and a trailing "%" or "°"; a token that holds a letter
 * ("v1.0", "3D") is a word and belongs to space-cjk-latin. Some projects
 * write no space before units such as 年, 月 and 日: the skip-units option
 * lists them.
 */
#include "rule.h"

#include <string.h>

static const tl_option_def options[] = {
    {"skip-units", TL_OPTION_STRING, "", NULL,
     "CJK characters that take no space after a number, e.g. \"年月日\".",
     "数字之后不加空格的中文字符，例如 `年月日`。"},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL, NULL},
};

/* Is CP one of the characters of the UTF-8 string UNITS? */
static bool in_units(const char *units, uint32_t cp)
{
	size_t len = strlen(units);
	for (size_t i = 0; i < len;) {
		uint32_t u;
		i += tl_utf8_decode(units + i, len - i, &u);
		if (u == cp)
			return true;
	}
	return false;
}

static void check(tl_check *ck, const tl_run *run)
{
	const char *units = tl_check_option(ck, "skip-units");
	const char *msg = NULL;
	bool right;
	for (size_t i = 1; (i = tl_next_cjk_boundary(run, i, TL_TOKEN_NUMBER,
	                                             &right)) < run->n;
	     i++) {
		if (right && *units && in_units(units, run->chars[i].cp))
			continue;
		if (!msg)
			msg =
			    tl_check_msg(ck,
			                 "Missing space between Chinese and a "
			                 "number",
			                 "中文与数字之间缺少空格");
		tl_report_missing_space(ck, run, i, msg);
	}
}

const tl_rule tl_rule_space_cjk_number = {
    .name = "space-cjk-number",
    .summary = "A space between CJK characters and numbers",
    .summary_zh = "中文与数字之间加空格",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_SAFE,
    .options = options,
    .description =
        "Flags a CJK character written directly against a number, in "
        "either order (`筹集了4.15亿`, `增长了15%的`). A number is a digit "
        "run with its sign, decimal point, thousands separators and a "
        "trailing `%` or `°`, led on its CJK side by a `$` or `#` "
        "(`替换为$1即可`, `修复了#123问题`), so that both sides are spaced "
        "alike. A token with a letter in it (`v1.0`, `3D`) is "
        "a word, checked by `space-cjk-latin`. A `-` right after a CJK "
        "character is read as a hyphen (`用例-2`), not a sign, and asks "
        "for no space before it.\n\n"
        "Why: the Chinese copywriting guidelines followed by AutoCorrect "
        "and lint-md put one space between Chinese and numbers.\n\n"
        "Not flagged: a CJK unit listed in `skip-units` right after a "
        "number, code, URLs, math, front matter and HTML. A personal handle is "
        "a name "
        "and is written as its owner chose: the whole text of a link, one "
        "token with no space, to a person's page (`[吃土小2叉](https://"
        "github.com/xunge0613)`: a one-segment path on GitHub, Gitee, "
        "GitLab, Twitter, Weibo, Juejin..., or a profile path such as "
        "`/people/` or `/@`), inline or by reference.",
    .fix_doc = "Safe: inserts one space, outside any inline markup.",
    .description_zh =
        "标记直接紧贴数字的中文，前后皆然（`筹集了4.15亿`、`增长了15%的`）"
        "。数字是一串数字，连同它的正负号、小数点、千位分隔符以及末尾的 "
        "`%` 或 `°`，中文一侧还可以有前导的 `$` 或 `#`（`替换为$1即可`、"
        "`修复了#123问题`），使两侧的空格一致。含有字母的记号（`v1.0`、`3D`"
        "）是单词，由 "
        "`space-cjk-latin` 检查。紧跟在中文之后的 `-` 视为连字符（`用例-2"
        "`）而不是负号，它前面不要求空格。\n\n原因：AutoCorrect "
        "和 lint-md 所遵循的中文文案排版指北在中文与数字之间加一个空格。"
        "\n\n不标记：紧跟在数字之后、列在 `skip-units` 中的中文单位，"
        "以及代码、URL、数学公式、前置元数据和 "
        "HTML。个人昵称是名字，按主人的写法保留：链接的全部文字"
        "是一个不含空格的记号、指向个人主页（`[吃土小2叉](https://github.com/"
        "xunge0613)`：GitHub、Gitee、GitLab、Twitter、微博、掘金等网站上只有"
        "一段的路径，或 `/people/`、`/@` 这样的个人主页路径），行内链接和"
        "引用链接皆然。",
    .fix_doc_zh = "安全：在任何行内标记之外插入一个空格。",
    .bad = "该公司筹集了4.15亿美元，收入增长了15%的同时裁员200人。\n",
    .good = "该公司筹集了 4.15 亿美元，收入增长了 15% 的同时裁员 200 人。\n",
    .check_run = check,
};
