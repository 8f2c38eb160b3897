/*
 * ellipsis: an ellipsis in Chinese text written as "...", "。。。" or a
 * single "…" ("起初在...", "等等…").
 *
 * The Chinese ellipsis is two ellipsis characters, "……", six dots centred
 * on the line and two characters wide (GB/T 15834; the Chinese
 * copywriting guidelines that AutoCorrect and lint-md follow, lint-md's
 * use-standard-ellipsis). Three ASCII dots sit on the baseline and are
 * half as wide; "。。。" is three periods; a single "…" is half an
 * ellipsis. Some publishers set "⋯⋯" (U+22EF, centred on every font)
 * instead: the style option chooses, and an ellipsis in the other style is
 * flagged too.
 *
 * "..." and "…" are English too ("and so on..."), so they are flagged only
 * in CJK context (tl_punct_in_cjk, rule.h), never between Latin letters or
 * digits
 * ("1...10"), between two code spans ("`if` … `endif`") nor right after a
 * URL. A menu item quoted from a user interface keeps its dots ("选择
 * “另存为…”", or glossed with <ruby>): the interface names it so. "。。。" is
 * Chinese whatever stands around it.
 */
#include "rule.h"

#include <string.h>

static const tl_option_def options[] = {
    {"style", TL_OPTION_ENUM, "……", "……|⋯⋯",
     "The ellipsis to write: \"……\" (U+2026 twice) or \"⋯⋯\" (U+22EF "
     "twice).",
     "要写的省略号：`……`（两个 U+2026）或 `⋯⋯`（两个 U+22EF）"
     "。"},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL, NULL},
};

static bool is_close_quote(uint32_t c)
{
	return c == 0x201D || c == '"' || c == 0x300D || c == 0x300F;
}

static bool is_open_quote(uint32_t c)
{
	return c == 0x201C || c == '"' || c == 0x300C || c == 0x300E;
}

static bool is_clause_mark(uint32_t c)
{
	return c == 0xFF0C || c == 0x3002 || c == 0xFF01 || c == 0xFF1F ||
	       c == 0xFF1B || c == 0xFF1A;
}

/* Does the ellipsis [S, E) end a short quoted label ("选择 “另存为…”")
 * or the base text of a ruby gloss ("<ruby>特定用户...<rt>Specific
 * people...</rt></ruby>")? A menu item that opens a dialog is named with
 * "…" in the user interface, which the translation quotes as it is. */
static bool ends_label(const tl_run *run, size_t s, size_t e)
{
	const tl_source *src = run->doc->src;
	size_t end = run->chars[e - 1].end;
	if (end + 3 <= src->len && src->data[end] == '<' &&
	    (src->data[end + 1] | 0x20) == 'r' &&
	    ((src->data[end + 2] | 0x20) == 't' ||
	     (src->data[end + 2] | 0x20) == 'p'))
		return true;
	if (e >= run->n || run->chars[e].kind != TL_CHAR_TEXT ||
	    !is_close_quote(run->chars[e].cp))
		return false;
	for (size_t k = s, steps = 0; k > 0 && steps < 12; steps++) {
		const tl_char *c = &run->chars[--k];
		if (c->kind == TL_CHAR_BREAK || c->kind == TL_CHAR_SEP)
			return false;
		if (c->kind != TL_CHAR_TEXT)
			continue;
		if (is_open_quote(c->cp))
			return true;
		if (is_clause_mark(c->cp))
			return false;
	}
	return false;
}

/* Is the character next to [S, E) in direction DIR, past spaces, a code
 * span? */
static bool code_beside(const tl_run *run, size_t s, size_t e, int dir)
{
	size_t k = dir < 0 ? s : e - 1;
	for (;;) {
		if (dir < 0 ? k == 0 : k + 1 >= run->n)
			return false;
		k = dir < 0 ? k - 1 : k + 1;
		if (!tl_run_is_blank(run, k))
			return run->chars[k].kind == TL_CHAR_CODE;
	}
}

/* Does the text of RUN at character K start with the UTF-8 string W? */
static bool text_at(const tl_run *run, size_t k, const char *w)
{
	if (k >= run->n)
		return false;
	size_t off = tl_run_toff(run, k), n = strlen(w);
	return off + n <= run->text_len && memcmp(run->text + off, w, n) == 0;
}

/* Are the three dots [S, E) a placeholder the sentence talks about,
 * standing apart between spaces and followed by what explains it ("其中
 * ... 代表要归档的文件")? They are a token of a command's syntax, not an
 * ellipsis. */
static bool placeholder(const tl_run *run, size_t s, size_t e)
{
	static const char *const explains[] = {"代表", "表示", "指",   "是",
	                                       "为",   "处",   "部分", NULL};
	if (e - s != 3 || (s > 0 && !tl_run_is_blank(run, s - 1)) ||
	    !tl_run_is_blank(run, e))
		return false;
	size_t k = e;
	while (tl_run_is_blank(run, k))
		k++;
	for (size_t i = 0; explains[i]; i++)
		if (text_at(run, k, explains[i]))
			return true;
	return false;
}

static void check(tl_check *ck, const tl_run *run)
{
	/* The marks are '.' and CJK punctuation (。 … ⋯); dots need a CJK
	 * side. */
	if (!(run->cls_any & TL_CLS_CJK_PUNCT) &&
	    (!tl_run_has_ascii(run, '.') || !(run->cls_any & TL_CLS_CJK)))
		return;
	/* What can be flagged: three dots or more, three "。" or more, and
	 * any "…" or "⋯". Each is searched for in the text, and the marks
	 * found are taken in order. */
	const char *pats[4];
	size_t npats = 0;
	if (tl_run_has_ascii(run, '.'))
		pats[npats++] = "...";
	if (tl_run_may_have(run, 0x3002))
		pats[npats++] = "。。。";
	if (tl_run_may_have(run, 0x2026))
		pats[npats++] = "…";
	if (tl_run_may_have(run, 0x22EF))
		pats[npats++] = "⋯";
	if (npats == 0)
		return;
	const char *style = NULL, *msg = NULL;
	uint32_t mine = 0; /* the character the style is made of */
	tl_mark_walk w;
	tl_mark_walk_start(&w, run, pats, npats);
	size_t s, e;
	while (tl_mark_walk_next(&w, &s, &e)) {
		uint32_t cp = run->chars[s].cp;
		size_t len = e - s;
		if (!style) {
			style = tl_check_option(ck, "style");
			mine = strcmp(style, "⋯⋯") == 0 ? 0x22EF : 0x2026;
		}
		bool flag;
		if (cp == '.')
			flag = len >= 3 && tl_punct_in_cjk(run, s, e);
		else if (cp == 0x3002)
			flag = len >= 3;
		else if (cp == mine)
			flag = len % 2 == 1 && tl_punct_in_cjk(run, s, e);
		else /* the other style's character */
			flag = tl_punct_in_cjk(run, s, e);
		/* A label's ellipsis is one "…" or three dots; six dots are
		 * a Chinese ellipsis mistyped ("“我想......”"). Between two
		 * code spans ("`if` … `endif`") the dots elide code. */
		bool label_like = cp == '.' ? len == 3 : len == 1;
		if (!flag || (cp == '.' && placeholder(run, s, e)) ||
		    (cp != 0x3002 && ((label_like && ends_label(run, s, e)) ||
		                      (code_beside(run, s, e, -1) &&
		                       code_beside(run, s, e, 1)))))
			continue;
		if (!msg)
			msg = tl_check_msgf(
			    ck,
			    "Write an ellipsis in Chinese text as "
			    "'%s'",
			    "中文省略号应为“%s”", style);
		tl_report_replace(ck, run, s, e, style, msg);
	}
}

const tl_rule tl_rule_ellipsis = {
    .name = "ellipsis",
    .summary = "The Chinese ellipsis ……",
    .summary_zh = "中文省略号使用“……”",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_SAFE,
    .options = options,
    .description =
        "Flags an ellipsis in Chinese text written as `...` (three dots "
        "or more), `。。。` (three periods or more) or a single `…` "
        "(an odd number of them), and with `style: \"⋯⋯\"` an ellipsis "
        "written `……`, or with the default style one written `⋯⋯`.\n\n"
        "`...` and `…` are flagged only in CJK context: the nearest "
        "character before them that tells a script is CJK (or, at the "
        "start of a line, the one after them). English quoted in an "
        "article keeps its dots (`and so on...`), as do ranges between "
        "letters or digits (`1...10`) or code spans (`` `if` … `endif` ``), "
        "dots right after a URL, and an interface label quoted or glossed "
        "with `<ruby>` (`选择 “另存为…”`), which names a menu item as the "
        "program does, and three dots standing apart as a placeholder the "
        "sentence explains (`其中 ... 代表要归档的文件`).\n\n"
        "Why: GB/T 15834 and the Chinese copywriting guidelines followed "
        "by AutoCorrect and lint-md write the Chinese ellipsis as two "
        "ellipsis characters, six dots two characters wide.",
    .fix_doc = "Safe: replaces the dots by the configured style (`……` "
               "by default). Escaped dots (`\\.`) are left alone; spaces "
               "around the ellipsis are left to `no-space-fullwidth`.",
    .description_zh =
        "标记中文里写成 `...`（三个或更多点）、`。。。`（三个或更多句号）"
        "或单个 `…`（奇数个）的省略号；`style: \"⋯⋯\"` 时标记写成 "
        "`……` 的省略号，默认样式下则标记写成 `⋯⋯` 的。\n\n`...` "
        "和 `…` 只在中文语境中标记：它们之前最近的、能判断文字的字符是中文"
        "（位于行首时看它们之后的字符）。文章中引用的英文保留原来的点（`a"
        "nd so on...`），字母或数字之间表示范围的点（`1...10`）"
        "、代码之间的点（`` `if` … `endif` ``）、紧跟在 URL 之后的点，"
        "以及加引号或用 `<ruby>` 注音的界面文字（`选择 “另存为…”`，"
        "照程序原样称呼菜单项），以及句子所解释的、前后有空格的占位符三个点"
        "（`其中 ... 代表要归档的文件`）也都保留。\n\n原因：GB/T 15834 以及 "
        "AutoCorrect 和 lint-md 所遵循的中文文案排版指北，都把中文省略号写"
        "成两个省略号字符，共六个点，占两个汉字宽。",
    .fix_doc_zh =
        "安全：把这些点替换为所配置的样式（默认 `……`）。转义的点（`\\.`）"
        "保持不变；省略号两侧的空格交给 `no-space-fullwidth` "
        "处理。",
    .bad = "起初在...后来。。。再后来…\n",
    .good = "起初在……后来……再后来……\n",
    .check_run = check,
};
