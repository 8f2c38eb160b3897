/*
 * fullwidth-alphanumeric: full-width Latin letters and digits
 * ("ＣＢＤ", "１６").
 *
 * The forms U+FF10..FF19, U+FF21..FF3A and U+FF41..FF5A exist for legacy
 * CJK encodings. In running text they look like wide, spaced-out Latin;
 * search does not find "ＣＢＤ" when the reader types "CBD", and a number
 * typed in them is not a number to any tool. The Chinese copywriting
 * guidelines that AutoCorrect and lint-md follow ask for half-width
 * letters and digits everywhere. Every such character in prose is
 * flagged, one finding per run of them, wherever it stands.
 */
#include "rule.h"

#include <string.h>

static bool is_fullwidth_alnum(uint32_t c)
{
	return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
	       (c >= 0xFF41 && c <= 0xFF5A);
}

static bool fullwidth_at(const tl_run *run, size_t i)
{
	const tl_char *c = &run->chars[i];
	return c->kind == TL_CHAR_TEXT && !(c->flags & TL_CF_LITERAL) &&
	       is_fullwidth_alnum(c->cp);
}

/* Does RUN's text hold one of the forms? In UTF-8 they are EF BC 90..99
 * (digits), EF BC A1..BA and EF BD 81..9A (letters): memchr jumps from
 * one 0xEF byte to the next. The tests stop at the first byte that
 * differs, so they never read past the NUL that ends the text. */
static bool may_have_forms(const tl_run *run)
{
	const unsigned char *p = (const unsigned char *)run->text;
	const unsigned char *end = p + run->text_len;
	while ((p = memchr(p, 0xEF, (size_t)(end - p))) != NULL) {
		if ((p[1] == 0xBC && ((p[2] >= 0x90 && p[2] <= 0x99) ||
		                      (p[2] >= 0xA1 && p[2] <= 0xBA))) ||
		    (p[1] == 0xBD && p[2] >= 0x81 && p[2] <= 0x9A))
			return true;
		p++;
	}
	return false;
}

static void check(tl_check *ck, const tl_run *run)
{
	if (!may_have_forms(run))
		return;
	const char *msgfmt = NULL;
	for (size_t i = 0; i < run->n; i++) {
		/* The forms start at U+FF10: most characters stop here. */
		if (run->chars[i].cp < 0xFF10 || !fullwidth_at(run, i))
			continue;
		/* Right after a bare URL, ASCII letters would become part of
		 * it. */
		bool after_url = i > 0 && run->chars[i - 1].kind == TL_CHAR_URL;
		/* The run of them, as long as their bytes are contiguous
		 * (markup between two splits the finding). */
		size_t e = i + 1;
		while (e < run->n && fullwidth_at(run, e) &&
		       run->chars[e].start == run->chars[e - 1].end)
			e++;
		/* Their NFKC form is ASCII, U+FEE0 below. */
		char text[64];
		size_t n = 0;
		size_t stop = i;
		while (stop < e && n + 1 < sizeof text)
			text[n++] = (char)(run->chars[stop++].cp - 0xFEE0);
		text[n] = '\0';
		if (!msgfmt)
			msgfmt = tl_check_msg(ck,
			                      "Full-width letters or digits: "
			                      "write '%s'",
			                      "全角字母或数字应为半角“%s”");
		if (!after_url)
			tl_report_replace(ck, run, i, stop, text,
			                  tl_check_printf(ck, msgfmt, text));
		i = stop - 1;
	}
}

const tl_rule tl_rule_fullwidth_alphanumeric = {
    .name = "fullwidth-alphanumeric",
    .summary = "Half-width letters and digits",
    .summary_zh = "字母和数字使用半角",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_SAFE,
    .options = NULL,
    .description =
        "Flags full-width Latin letters and digits (`ＡＢＣ１２３`, "
        "U+FF10..FF19, U+FF21..FF3A, U+FF41..FF5A) in prose.\n\n"
        "Why: they look like wide, spaced-out Latin, searches for the "
        "ASCII spelling miss them, and numbers typed in them are not "
        "numbers to any tool. The Chinese copywriting guidelines "
        "followed by AutoCorrect and lint-md write letters and digits "
        "half-width.\n\n"
        "Not flagged: code, URLs, math, HTML and front matter; "
        "characters written as entities (`&#xFF21;`).",
    .fix_doc = "Safe: replaces each character by its NFKC form, the ASCII "
               "letter or digit. Spacing against CJK is then "
               "`space-cjk-latin`'s and `space-cjk-number`'s business.",
    .description_zh =
        "标记正文中的全角拉丁字母和数字（`ＡＢＣ１２３`，U+FF10..FF19、"
        "U+FF21..FF3A、U+FF41..FF5A）。\n\n原因：它们看起来像加宽、"
        "加了间距的拉丁字母，按 ASCII 拼写搜索会漏掉，用它们输入的数字对任"
        "何工具来说都不是数字。AutoCorrect 和 lint-md 所遵循的中文文案排版"
        "指北要求字母和数字使用半角。\n\n不标记：代码、URL、数学公式、"
        "HTML 和前置元数据；写成字符实体的字符（`&#xFF21;`）。",
    .fix_doc_zh = "安全：把每个字符替换为它的 NFKC 形式，即对应的 ASCII "
                  "字母或数字。与中文之间的空格随后由 `space-cjk-latin` "
                  "和 `space-cjk-number` 处理。",
    .bad = "我们将在１６点出发去ＣＢＤ中心。\n",
    .good = "我们将在16点出发去CBD中心。\n",
    .check_run = check,
};
