/*
 * space-cjk-code: inline code written against a CJK character with no
 * space between them ("使用`go`命令"), or, with `style: forbid`, a space
 * between them ("使用 `go` 命令").
 *
 * The Chinese copywriting guidelines that AutoCorrect and lint-md follow
 * treat inline code like a Latin word: one space on each side when the
 * neighbour is a CJK ideograph, none next to full-width punctuation
 * ("运行 `make`。"). Some projects write no space around code instead, so
 * the style option turns the rule around. Only a CJK ideograph (or kana)
 * right next to the code counts: punctuation needs no space, and a line
 * break already separates.
 */
#include "rule.h"

#include <string.h>

static const tl_option_def options[] = {
    {"style", TL_OPTION_ENUM, "require", "require|forbid",
     "`require`: one space between CJK and inline code; `forbid`: none.",
     "`require`：中文与行内代码之间加一个空格；`forbid`：不加。"},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL, NULL},
};

static bool is_code(const tl_run *run, size_t i)
{
	return run->chars[i].kind == TL_CHAR_CODE;
}

/* Reports the spaces between CJK character C and code span K (in either
 * order; spaces are the characters strictly between them). The fix
 * deletes the source bytes between the two when they are plain spaces and
 * nothing else: a space written as an entity, or markup in between (where
 * deleting the space could stop "**" from opening emphasis), gets the
 * finding without a fix. */
static void report_space(tl_check *ck, const tl_run *run, size_t lo, size_t hi,
                         const char *msg)
{
	const char *s = run->doc->src->data;
	size_t from = run->chars[lo].end, to = run->chars[hi].start;
	bool plain = from < to;
	for (size_t p = from; p < to && plain; p++)
		plain = s[p] == ' ' || s[p] == '\t';
	tl_edit edit = {from, to, ""};
	tl_fix fix = {TL_FIX_SAFE, &edit, 1};
	tl_check_report(ck, run->chars[lo + 1].start, run->chars[hi - 1].end,
	                msg, plain ? &fix : NULL);
}

static void check_forbid(tl_check *ck, const tl_run *run)
{
	const char *msg = NULL;
	for (size_t i = 0; i < run->n; i++) {
		if (!is_code(run, i))
			continue;
		/* Before the code: CJK, spaces, code. */
		size_t k = i;
		while (k > 0 && tl_run_is_cp(run, k - 1, ' '))
			k--;
		bool before = k < i && k > 0 && tl_run_is_cjk(run, k - 1);
		/* After the code: code, spaces, CJK. */
		size_t m = i + 1;
		while (m < run->n && tl_run_is_cp(run, m, ' '))
			m++;
		bool after = m > i + 1 && m < run->n && tl_run_is_cjk(run, m);
		if ((before || after) && !msg)
			msg = tl_check_msg(ck,
			                   "Space between Chinese and inline "
			                   "code (style: forbid)",
			                   "中文与行内代码之间不应有空格"
			                   "（style: forbid）");
		if (before)
			report_space(ck, run, k - 1, i, msg);
		if (after)
			report_space(ck, run, i, m, msg);
	}
}

/* Reports the missing space at boundary I, with the message *MSG looked
 * up the first time. */
static void report_missing(tl_check *ck, const tl_run *run, size_t i,
                           const char **msg)
{
	if (!*msg)
		*msg = tl_check_msg(ck,
		                    "Missing space between Chinese and inline "
		                    "code",
		                    "中文与行内代码之间缺少空格");
	tl_report_missing_space(ck, run, i, *msg);
}

static void check(tl_check *ck, const tl_run *run)
{
	/* Both styles look for inline code (an opaque U+FFFC) and a CJK
	 * character: a run without either has nothing to report. */
	if (!(run->cls_any & TL_CLS_CJK) || !tl_run_may_have(run, 0xFFFC))
		return;
	if (strcmp(tl_check_option(ck, "style"), "forbid") == 0) {
		check_forbid(ck, run);
		return;
	}
	/* Each code span is checked on both sides, boundary I before it and
	 * I + 1 after it, so the boundaries come in increasing order. Two
	 * spans in a row share no boundary to report, as neither is CJK. */
	const char *msg = NULL;
	for (size_t i = 0; i < run->n; i++) {
		if (!is_code(run, i))
			continue;
		if (i > 0 && tl_run_is_cjk(run, i - 1))
			report_missing(ck, run, i, &msg);
		if (i + 1 < run->n && tl_run_is_cjk(run, i + 1))
			report_missing(ck, run, i + 1, &msg);
	}
}

const tl_rule tl_rule_space_cjk_code = {
    .name = "space-cjk-code",
    .summary = "A space between CJK characters and inline code",
    .summary_zh = "中文与行内代码之间加空格",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_SAFE,
    .options = options,
    .description =
        "Flags an inline code span written directly against a CJK "
        "ideograph, in either order (``使用`go`命令``). With "
        "`style: forbid`, flags the opposite: spaces between a CJK "
        "ideograph and inline code (``使用 `go` 命令``).\n\n"
        "Why: the Chinese copywriting guidelines followed by AutoCorrect "
        "and lint-md treat inline code like an English word, with one "
        "space between it and Chinese text; some projects prefer none, "
        "which `style: forbid` enforces.\n\n"
        "Not flagged: code next to punctuation (``运行 `make`。``), code "
        "separated by a line break, inline HTML `<code>` elements, and "
        "code blocks.",
    .fix_doc =
        "Safe. `require` inserts one space outside any inline markup "
        "(``使用 **`go`** 命令``). `forbid` deletes the spaces when they are "
        "plain spaces with no markup beside them; a space written as an "
        "entity, or one next to `**` or `[`, is reported without a fix, "
        "because deleting it could stop the markup from rendering.",
    .description_zh =
        "标记直接紧贴中文的行内代码，前后皆然（``使用`go`命令``）"
        "。`style: forbid` 时反过来，标记中文与行内代码之间的空格（``使用"
        " `go` 命令``）。\n\n原因：AutoCorrect 和 lint-md 所遵循的中文文案排"
        "版指北把行内代码当作英文单词，与中文之间加一个空格；"
        "有些项目不加，`style: forbid` 用来强制这种写法。\n\n不标记："
        "紧挨标点的代码（``运行 `make`。``），隔着换行的代码，"
        "行内 HTML 的 `<code>` 元素，以及代码块。",
    .fix_doc_zh =
        "安全。`require` 在任何行内标记之外插入一个空格（``使用 "
        "**`go`** 命令``）。`forbid` 只在空格是普通空格、旁边没有标记时删"
        "除它；写成字符实体的空格，或紧挨 `**` 或 `[` 的空格，"
        "只报告不修复，因为删除它可能让标记无法渲染。",
    .bad = "使用`go build`命令编译，然后运行`./app`。\n",
    .good = "使用 `go build` 命令编译，然后运行 `./app`。\n",
    .check_run = check,
};
