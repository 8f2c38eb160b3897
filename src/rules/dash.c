/*
 * dash: a dash between Chinese words written "--" or as a single "—"
 * ("开源模型--尤其是", "大模型—正在改变").
 *
 * The Chinese dash (破折号) is two em dashes, "——", two characters wide
 * (GB/T 15834; the Chinese copywriting guidelines that AutoCorrect and
 * lint-md follow). "--" is an ASCII stand-in and a single "—" is the
 * English dash, half as long as the Chinese one.
 *
 * Both are English too: "--" starts command-line options ("--fix") and
 * "—" sets off English clauses ("SAN JOSE, CALIF. — 来自"). So a dash is
 * flagged only with CJK on both sides (looking past spaces, quotes and
 * brackets); a code span on either side leaves it alone. A single "—"
 * is also the Chinese connector (连接号) in "北京—上海" and
 * "客户端—服务器架构", which GB/T 15834 writes that way: see connector().
 */
#include "rule.h"

static const tl_option_def options[] = {
    {"style", TL_OPTION_ENUM, "——", "——",
     "The dash to write: \"——\" (U+2014 twice).",
     "要写的破折号：`——`（两个 U+2014）。"},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL, NULL},
};

static bool cjk_side(const tl_run *run, size_t i, int dir)
{
	tl_side side = tl_punct_side(run, i, dir);
	return side.kind == TL_SIDE_CJK && !side.object;
}

/* Is the single "—" at I, with no space around it, rather a connector
 * (连接号)? GB/T 15834 writes one "—" between the two ends of a range or
 * a pair ("北京—上海", "客户端—服务器架构") and spaces letters out with it
 * ("相—当—慢"). A dash sets off a clause or a subtitle instead, so the
 * text after it runs on: at least four ideographs before the next mark
 * ("安全性—如果您", "冰淇淋三明治—摩登时代"). */
static bool connector(const tl_run *run, size_t i)
{
	if ((i > 0 && tl_run_is_blank(run, i - 1)) ||
	    tl_run_is_blank(run, i + 1))
		return false;
	size_t k = i + 1;
	while (k < run->n && k <= i + 4 && tl_run_is_cjk(run, k))
		k++;
	return k - (i + 1) < 4;
}

static void check(tl_check *ck, const tl_run *run)
{
	/* A dash is '-' or the CJK punctuation U+2014, and is flagged
	 * only between CJK sides. */
	if (!(run->cls_any & (TL_CLS_CJK | TL_CLS_CJK_PUNCT)) ||
	    (!tl_run_has_ascii(run, '-') && !(run->cls_any & TL_CLS_CJK_PUNCT)))
		return;
	/* What can be flagged: "--" or "---", and a single "—". Each is
	 * searched for in the text, and the dashes found are taken in
	 * order. */
	const char *pats[2];
	size_t npats = 0;
	if (tl_run_has_ascii(run, '-'))
		pats[npats++] = "--";
	if (tl_run_may_have(run, 0x2014))
		pats[npats++] = "—";
	if (npats == 0)
		return;
	const char *style = NULL, *msg = NULL;
	tl_mark_walk w;
	tl_mark_walk_start(&w, run, pats, npats);
	size_t s, e;
	while (tl_mark_walk_next(&w, &s, &e)) {
		const tl_char *c = &run->chars[s];
		size_t len = e - s;
		if (c->cp == '-' ? len != 2 && len != 3 : len != 1)
			continue;
		if (!cjk_side(run, s, -1) || !cjk_side(run, e - 1, 1))
			continue;
		if (c->cp == 0x2014 && connector(run, s))
			continue;
		if (!msg) {
			style = tl_check_option(ck, "style");
			msg = tl_check_msgf(
			    ck, "Write a dash in Chinese text as '%s'",
			    "中文破折号应为“%s”", style);
		}
		tl_report_replace(ck, run, s, e, style, msg);
	}
}

const tl_rule tl_rule_dash = {
    .name = "dash",
    .summary = "The Chinese dash ——",
    .summary_zh = "中文破折号使用“——”",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_SAFE,
    .options = options,
    .description =
        "Flags `--` (or `---`) and a single `—` with CJK on both sides "
        "(`开源模型--尤其是大模型`, `大模型—正在改变行业`), looking past "
        "spaces, quotes and brackets.\n\n"
        "Not flagged: a dash with a Latin word, a digit, inline code or "
        "nothing on either side (`--fix`, `SAN JOSE, CALIF. — 来自`, "
        "`1—2`), `——` itself, escaped hyphens and `&mdash;`. A single "
        "`—` with no space around it and fewer than four ideographs "
        "after it is taken for the connector GB/T 15834 writes that way "
        "(`北京—上海`, `客户端—服务器（C/S）`, `相—当—慢`); a dash sets "
        "off a clause that runs on (`安全性—如果您的`).\n\n"
        "Why: GB/T 15834 and the Chinese copywriting guidelines followed "
        "by AutoCorrect and lint-md write the Chinese dash as two em "
        "dashes, two characters wide; `--` is a typewriter stand-in and "
        "`—` alone is the English dash.",
    .fix_doc = "Safe: replaces the dash by `——`. Spaces around it are "
               "left to `no-space-fullwidth`.",
    .description_zh =
        "标记两侧都是中文的 `--`（或 `---`）和单个 `—`（`开源模型--尤其是"
        "大模型`、`大模型—正在改变行业`），判断时会越过空格、"
        "引号和括号。\n\n不标记：任一侧是拉丁字母单词、数字、行内代码或什么"
        "都没有的破折号（`--fix`、`SAN JOSE, CALIF. — 来自`、"
        "`1—2`），`——` 本身，转义的连字符和 `&mdash;`。两侧没有空格、"
        "后面不足四个汉字的单个 `—` 按 GB/T 15834 视为连接号（`北京—上海`"
        "、`客户端—服务器（C/S）`、`相—当—慢`）；引出后续分句的则是破折号"
        "（`安全性—如果您的`）。\n\n原因：GB/T 15834 以及 AutoCorrect "
        "和 lint-md 所遵循的中文文案排版指北，都把中文破折号写成两个 "
        "em dash，占两个汉字宽；`--` 是打字机时代的替代写法，"
        "单个 `—` 是英文破折号。",
    .fix_doc_zh =
        "安全：把破折号替换为 `——`。两侧的空格交给 `no-space-fullwidth` "
        "处理。",
    .bad = "开源模型--尤其是大模型—正在改变行业。\n",
    .good = "开源模型——尤其是大模型——正在改变行业。\n",
    .check_run = check,
};
