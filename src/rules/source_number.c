/*
 * source-number: a number of an original block missing from its
 * translation (`4.15 billion` translated as `4.5 亿`, a year changed, a
 * count dropped).
 *
 * A number survives translation, but not always as written: Chinese
 * counts in 万 and 亿 where English counts in thousands, millions and
 * billions, drops thousands separators, and writes small counts as
 * numerals. Numbers are therefore compared by their significant digits
 * (align.h's number anchors: `4.15 billion` and `41.5 亿` both give 415,
 * `1,000` and `1000` both 1, `2 million` and `200 万` both 2, `10%` 1).
 * A year (four digits from 1000 to 2999) must come back exactly, as must
 * a version (`1.2.3`, kept as written by the anchors); a whole number up
 * to twelve may come back as a Chinese numeral (三, 十二, 两 for 2) or
 * an English number word. Numbers inside code (inline or blocks) are not
 * this rule's: source-inline-code and source-code compare them exactly.
 *
 * A number is looked for in the translated blocks of its pair and in the
 * block just before and after them, by its key or as the original writes
 * it (glued to a word, "Windows3.2", it is no anchor there): translators move a
 * clause across a sentence break, and a number found there is no loss.
 */
#include "rule.h"

#include <stdio.h>
#include <string.h>

/* The Chinese numerals and English words of 0 to 12. */
static const char *const numerals[13][4] = {
    {"零", "〇", "zero", NULL},     {"一", "one", NULL, NULL},
    {"二", "两", "俩", "two"},      {"三", "three", NULL, NULL},
    {"四", "four", NULL, NULL},     {"五", "five", NULL, NULL},
    {"六", "six", NULL, NULL},      {"七", "seven", NULL, NULL},
    {"八", "eight", NULL, NULL},    {"九", "nine", NULL, NULL},
    {"十", "ten", NULL, NULL},      {"十一", "eleven", NULL, NULL},
    {"十二", "twelve", NULL, NULL},
};

/* Blocks whose numbers are compared: prose, table rows, images. */
static bool compared(const tl_align_block *b)
{
	switch (b->kind) {
	case TL_ALIGN_HEADING:
	case TL_ALIGN_PARAGRAPH:
	case TL_ALIGN_ITEM:
	case TL_ALIGN_QUOTE:
	case TL_ALIGN_TABLE_ROW:
	case TL_ALIGN_IMAGE:
		return true;
	default:
		return false;
	}
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return n > 0;
}

/* Whether the number written S (N bytes) of the original is found in
 * translated blocks [FIRST, END). WRITTEN: S is the original's text (not
 * the anchor's key, which drops the points of "22.04": no year);
 * DECADE: the original writes it with an "s" ("the 1970s"), which
 * Chinese writes "70 年代" (or "20 世纪 70 年代"). */
static bool found(const tl_pairing *p, const tl_align_anchor *a, size_t first,
                  size_t end, const char *s, size_t n, bool written,
                  bool decade)
{
	bool year = written && n == 4 && all_digits(s, n) &&
	            (s[0] == '1' || s[0] == '2');
	if (year && decade && s[3] == '0' && s[2] != '0') {
		/* "70 年代", "70年代", "七十年代". */
		char d[32];
		const char *nd = numerals[s[2] - '0'][0];
		int l1 = snprintf(d, sizeof d, "%c0 年代", s[2]);
		if (tl_pairing_near_text(p, first, end, d, (size_t)l1, true))
			return true;
		l1 = snprintf(d, sizeof d, "%c0年代", s[2]);
		if (tl_pairing_near_text(p, first, end, d, (size_t)l1, true))
			return true;
		l1 = snprintf(d, sizeof d, "%s十年代", nd);
		if (tl_pairing_near_text(p, first, end, d, (size_t)l1, false))
			return true;
	}
	if (year)
		return tl_pairing_near_text(p, first, end, s, n, true);
	if (tl_pairing_near_has(p, first, end, a->hash) ||
	    tl_pairing_near_text(p, first, end, s, n, true))
		return true;
	if (n <= 2 && all_digits(s, n)) {
		int v = n == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
		for (int k = 0; v <= 12 && k < 4 && numerals[v][k]; k++)
			if (tl_pairing_near_text(p, first, end, numerals[v][k],
			                         strlen(numerals[v][k]), false))
				return true;
	}
	return false;
}

static void check_original(tl_check *ck, const tl_pairing *p)
{
	if (!p->al)
		return;
	const tl_align *al = p->al;
	for (size_t k = 0; k < al->npairs; k++) {
		const tl_align_pair *pr = &al->pairs[k];
		if (!pr->norig || !pr->ntrans)
			continue;
		size_t first, end;
		tl_pairing_near(p, k, &first, &end);
		for (size_t i = pr->orig; i < pr->orig + pr->norig; i++) {
			const tl_align_block *ob = &al->orig->blocks[i];
			if (!compared(ob) || tl_pairing_is_template(ob))
				continue;
			for (size_t a = 0; a < ob->nanchors; a++) {
				const tl_align_anchor *an = &ob->anchors[a];
				if (an->type != TL_ANCHOR_NUMBER)
					continue;
				/* The number as the original writes it; its
				 * key when the anchor has no span of its own.
				 */
				const char *s = p->src->data + an->start;
				size_t n = an->end - an->start;
				bool written = true;
				if (n == 0 || n > 32 ||
				    !(s[0] >= '0' && s[0] <= '9')) {
					s = an->key;
					n = strlen(an->key);
					written = false;
				}
				bool decade = written &&
				              an->end < p->src->len &&
				              p->src->data[an->end] == 's';
				if (found(p, an, first, end, s, n, written,
				          decade))
					continue;
				/* Once per number and pair. */
				bool seen = false;
				for (size_t b = 0; b < a && !seen; b++)
					seen = ob->anchors[b].hash == an->hash;
				if (seen)
					continue;
				size_t ts, te;
				tl_pairing_place(p, k, &ts, &te);
				tl_check_report_original(
				    ck, ts, te, an->start, an->end,
				    TL_SEVERITY_OFF,
				    "Number %.*s of the original is missing "
				    "from "
				    "its translation",
				    "原文中的数字 %.*s 在译文中缺失", (int)n,
				    s);
			}
		}
	}
}

const tl_rule tl_rule_source_number = {
    .name = "source-number",
    .summary = "Every number of the original is in its translation",
    .summary_zh = "原文中的每个数字都应出现在译文中",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_NONE,
    .description =
        "With an original, flags a number of an original block (a "
        "paragraph, heading, list item, quote, table row or image's alt "
        "text) that its translated block does not have. The finding "
        "stands on the translated block's first line and points at the "
        "number in the original.\n\n"
        "Numbers are compared by their significant digits, as Chinese "
        "counts in 万 and 亿: `4.15 billion` = `41.5 亿`, `2 million` = "
        "`200 万`, `1,000` = `1000`, `10%` = `10%`, `16GB` = `16 GB`. "
        "What counts as a number: digits with a decimal point and "
        "thousands separators; a number glued to a unit (`64-bit`) is "
        "the number; `2020-01` is two numbers. Kept exactly: years (four "
        "digits from 1000 to 2999: `2019` must not become `2018`, nor "
        "`2000` become `2`) and versions with two dots or more (`1.2.3`). "
        "A whole number up to twelve also matches its Chinese numeral "
        "(`3` = `三`, `2` = `二`/`两`, `12` = `十二`) or its English "
        "word.\n\n"
        "A number is looked for in the translated block of its pair and "
        "in the blocks just before and after it (translators move a "
        "clause across a sentence break). Numbers in code are not "
        "compared here: `source-inline-code` and `source-code` compare "
        "them exactly. Without an original the rule is silent.\n\n"
        "Why: a changed figure (`4.15 亿` for `4.15 billion`) reads "
        "fine; only the original shows it is wrong.",
    .fix_doc = "None: which number is right is for the translator to say.",
    .description_zh =
        "有原文时，标记原文块（段落、标题、列表项、引用、表格行或图片的"
        "替代文字）中有、而对应译文块中没有的数字。问题报告在译文块的第一"
        "行，并指向原文中的那个数字。\n\n"
        "数字按有效数字比较，因为中文以万和亿计数：`4.15 billion` = "
        "`41.5 亿`，`2 million` = `200 万`，`1,000` = `1000`，`10%` = "
        "`10%`，`16GB` = `16 GB`。什么算数字：带小数点和千位分隔符的数"
        "字串；与单位连写的数字（`64-bit`）取其数字；`2020-01` "
        "是两个数字。必须完全一致的：年份（1000 到 2999 的四位数："
        "`2019` 不能变成 `2018`，`2000` 也不能变成 `2`）和带两个及以上"
        "小数点的版本号（`1.2.3`）。十二以内的整数也可以写成中文数字"
        "（`3` = `三`，`2` = `二`/`两`，`12` = `十二`）或英文单词。\n\n"
        "数字在其配对的译文块以及前后相邻的译文块中查找（译者会把从句移"
        "到句子边界的另一侧）。代码中的数字不在此比较：`source-inline-"
        "code` 和 `source-code` 会逐字比较它们。没有原文时本规则不报告。"
        "\n\n原因：改错的数字（把 `4.15 billion` 写成 `4.15 "
        "亿`）读起来毫无问题，只有对照原文才能发现。",
    .fix_doc_zh = "无：哪个数字正确应由译者判断。",
    .original = "The company raised 4.15 billion dollars in 2019 from "
                "three investors.\n",
    .bad = "该公司在 2018 年从三位投资者那里筹集了 4.5 亿美元。\n",
    .good = "该公司在 2019 年从三位投资者那里筹集了 41.5 亿美元。\n",
    .check_original = check_original,
};
