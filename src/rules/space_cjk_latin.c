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
     "\"Linux中国\"); a boundary inside one is never flagged.",
     "有意不加空格的词语（如品牌名 `Linux中国`）；其中的边界从不标记。"},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL, NULL},
};

static void check(tl_check *ck, const tl_run *run)
{
	const tl_option_list *allow = tl_check_list(ck, "allow");
	const char *msg = NULL;
	bool right;
	for (size_t i = 1;
	     (i = tl_next_cjk_boundary(run, i, TL_TOKEN_WORD, &right)) < run->n;
	     i++) {
		if (allow->n && tl_run_in_phrase(run, i, allow))
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
    .options = options,
    .description =
        "Flags a CJK character written directly against a Latin word, "
        "in either order (`Linux基金会`, `的Jim`). A word keeps a trailing "
        "`+`, `#` or `!` (`C++编程`, `Yahoo!网站`) and a possessive "
        "apostrophe (`Kubernetes’设计`), a word may contain digits "
        "(`v1.0版本`, `H.264编码`), and a sigil leads a word on its CJK side "
        "(`使用%s会`, `感谢@alice的`, `设置$HOME变量`, `加上!important声明`, "
        "vim's `输入:wq保存`), "
        "so that both sides are spaced alike. The check sees across inline "
        "markup: in "
        "`使用**Go**编写` the characters `用` and `G` are adjacent.\n\n"
        "Why: the Chinese copywriting guidelines followed by AutoCorrect "
        "and lint-md put one space between Chinese and English; most "
        "technical publishers typeset mixed text that way.\n\n"
        "Not flagged: phrases listed in `allow` (by default the brand "
        "`Linux中国`), code, URLs, e-mail addresses, math, front matter, "
        "HTML, a line break between the two, and text with no CJK. A personal "
        "handle is a name "
        "and is written as its owner chose: the whole text of a link, one "
        "token with no space, to a person's page (`[吃土小2叉](https://"
        "github.com/xunge0613)`: a one-segment path on GitHub, Gitee, "
        "GitLab, Twitter, Weibo, Juejin..., or a profile path such as "
        "`/people/` or `/@`), inline or by reference.",
    .fix_doc = "Safe: inserts one space. The space goes outside inline "
               "markup (`使用 **Go** 编写`, `参见 [Linux](https://kernel.org) "
               "内核`), so emphasis and links still render.",
    .description_zh =
        "标记直接紧贴拉丁字母单词的中文，前后皆然（`Linux基金会`、"
        "`的Jim`）。单词保留末尾的 `+`、`#` 或 `!`（`C++编程`、"
        "`Yahoo!网站`）和所有格撇号（`Kubernetes’设计`），单词中可以有数"
        "字（`v1.0版本`、`H.264编码`），紧贴中文一侧的前导符号也属于单词"
        "（`使用%s会`、`感谢@alice的`、`设置$HOME变量`、`加上!important声明`"
        "、vim 的 `输入:wq保存`"
        "），使两侧的空格一致。检查会越过行内标记：在 "
        "`使用**Go**编写` 中，`用` 和 `G` 是相邻的。\n\n原因：AutoCorrect "
        "和 lint-md 所遵循的中文文案排版指北在中英文之间加一个空格；"
        "大多数技术出版物都这样排版中英混排的文字。\n\n不标记："
        "`allow` 中列出的词语（默认是品牌名 `Linux中国`），代码、"
        "URL、电子邮件地址、数学公式、前置元数据、HTML，两者之间有换行的情"
        "况，以及不含中文的文字。个人昵称是名字，按主人的写法保留：链接的全部文"
        "字"
        "是一个不含空格的记号、指向个人主页（`[吃土小2叉](https://github.com/"
        "xunge0613)`：GitHub、Gitee、GitLab、Twitter、微博、掘金等网站上只有"
        "一段的路径，或 `/people/`、`/@` 这样的个人主页路径），行内链接和"
        "引用链接皆然。",
    .fix_doc_zh =
        "安全：插入一个空格。空格加在行内标记之外（`使用 **Go** "
        "编写`、`参见 [Linux](https://kernel.org) 内核`），因此强调和链接"
        "仍能正常渲染。",
    .bad = "Linux基金会的Jim Zemlin使用**Go**编写了C++程序。\n",
    .good = "Linux 基金会的 Jim Zemlin 使用 **Go** 编写了 C++ 程序。\n",
    .check_run = check,
};
