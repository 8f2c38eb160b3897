/*
 * source-heading: the outline of a translation differs from its
 * original's: a heading at another level, a heading turned into another
 * kind of block (or a block into a heading), a heading out of the
 * original's order, a heading the original does not have.
 *
 * The outline is what a table of contents, the anchors of links into
 * the article and a reader skimming it rely on. The alignment pairs the
 * headings with the rest; this rule reads the pairs that hold one. A
 * dropped heading is a block with no translation, which source-missing
 * reports: it is not reported twice.
 */
#include "rule.h"

#include <string.h>

/* The level of original block B when it is a paragraph whose first line
 * is one to six '#' followed directly by a character that is not a space
 * ("###Apart from that"): CommonMark reads a paragraph, its author meant
 * a heading, and a translation that writes "### " repairs it. 0 when it
 * is not such a paragraph. */
static int unspaced_heading(const tl_source *src, const tl_align_block *b)
{
	if (b->kind != TL_ALIGN_PARAGRAPH)
		return 0;
	const char *d = src->data;
	size_t i = b->start, e = b->end;
	while (i < e && i - b->start < 3 && d[i] == ' ')
		i++;
	int n = 0;
	while (i < e && d[i] == '#' && n < 7) {
		i++;
		n++;
	}
	if (n < 1 || n > 6 || i >= e || d[i] == ' ' || d[i] == '\t' ||
	    d[i] == '\n' || d[i] == '\r')
		return 0;
	return n;
}

/* The number heading B of SRC starts with ("### 4\. Wildermyth",
 * "## 2) Setup", "### 3、安装"), or -1. */
static long heading_number(const tl_source *src, const tl_align_block *b)
{
	if (b->kind != TL_ALIGN_HEADING)
		return -1;
	const char *d = src->data;
	size_t i = b->start, e = b->end;
	while (i < e && (d[i] == '#' || d[i] == ' ' || d[i] == '\t'))
		i++;
	long n = 0;
	size_t digits = 0;
	for (; i < e && d[i] >= '0' && d[i] <= '9' && digits < 4; i++, digits++)
		n = n * 10 + (d[i] - '0');
	if (!digits || i >= e)
		return -1;
	if (d[i] == '\\')
		i++;
	if (i < e && (d[i] == '.' || d[i] == ')'))
		return n;
	return e - i >= 3 && memcmp(d + i, "、", 3) == 0 ? n : -1;
}

/* Whether original heading I is one of a numbered run of headings ("1."
 * to "10.", with only unnumbered blocks that are not headings between
 * them) of which another one has LEVEL: the original mixes levels in one
 * run (### for items 1 to 3, #### for 4 to 10, as a web page's
 * conversion can), and a translation that gives them all one of those
 * levels evens it out rather than changing the outline. */
static bool run_has_level(const tl_pairing *p, size_t i, int level)
{
	const tl_align_doc *ad = p->al->orig;
	if (heading_number(p->src, &ad->blocks[i]) < 0)
		return false;
	for (int d = -1; d <= 1; d += 2)
		for (size_t k = i; d < 0 ? k > 0 : k + 1 < ad->n;) {
			k = d < 0 ? k - 1 : k + 1;
			const tl_align_block *b = &ad->blocks[k];
			if (b->kind != TL_ALIGN_HEADING)
				continue;
			if (heading_number(p->src, b) < 0)
				break;
			if (b->level == level)
				return true;
		}
	return false;
}

/* The title of heading B of SRC without its '#' marks and spaces, into
 * [*S, *E). */
static void title_of(const tl_source *src, const tl_align_block *b, size_t *s,
                     size_t *e)
{
	const char *d = src->data;
	size_t i = b->start, end = b->end;
	const char *nl = memchr(d + i, '\n', end - i);
	if (nl)
		end = (size_t)(nl - d);
	while (i < end && (d[i] == '#' || d[i] == ' ' || d[i] == '\t'))
		i++;
	while (end > i &&
	       (d[end - 1] == ' ' || d[end - 1] == '#' || d[end - 1] == '\r'))
		end--;
	*s = i;
	*e = end;
}

/* Whether another original heading with the same title as heading I has
 * LEVEL: the original gives one recurring heading ("Advantages" under
 * each database) two levels, and the translation gives it one of them. */
static bool title_has_level(const tl_pairing *p, size_t i, int level)
{
	const tl_align_doc *ad = p->al->orig;
	const char *d = p->src->data;
	size_t s, e;
	title_of(p->src, &ad->blocks[i], &s, &e);
	for (size_t k = 0; k < ad->n; k++) {
		const tl_align_block *b = &ad->blocks[k];
		if (k == i || b->kind != TL_ALIGN_HEADING || b->level != level)
			continue;
		size_t bs, be;
		title_of(p->src, b, &bs, &be);
		if (be - bs == e - s && e > s &&
		    memcmp(d + bs, d + s, e - s) == 0)
			return true;
	}
	return false;
}

/* Whether the heading of moved pair K stands, among the translation's
 * headings paired with the original's, between the same two headings as
 * in the original: the alignment moved the pair, yet the outline's order
 * is the original's. */
static bool in_outline_order(const tl_pairing *p, size_t k)
{
	const tl_align *al = p->al;
	size_t o = al->pairs[k].orig;
	for (int d = -1; d <= 1; d += 2)
		for (size_t q = k; d < 0 ? q > 0 : q + 1 < al->npairs;) {
			q = d < 0 ? q - 1 : q + 1;
			const tl_align_pair *pr = &al->pairs[q];
			if (pr->norig != 1 || pr->ntrans != 1 ||
			    al->orig->blocks[pr->orig].kind !=
			        TL_ALIGN_HEADING ||
			    al->trans->blocks[pr->trans].kind !=
			        TL_ALIGN_HEADING)
				continue;
			if (d < 0 ? pr->orig > o : pr->orig < o)
				return false;
			break;
		}
	return true;
}

/* How far from a pair the alignment may have put the other half of a
 * heading: pairs without a block on one side between them. */
#define OFF_PAIRS 4

/* Whether the alignment left apart a translated heading and an original
 * heading of the same level that stand next to each other: translated
 * heading TH (of pair K, 0-1, or the translated side of a pair whose
 * original is no heading) and an original heading of its level in a
 * pair at most OFF_PAIRS away across pairs that lack a block on one side,
 * either dropped (1-0: a heading retitled, "### Bonus: It's fun" as "###
 * Kubernetes 的其他优势：…", which a cost by lengths and anchors does not
 * pair) or paired with a block that is no heading (the pairs set one off
 * around a paragraph the translator shortened). With ORIG, the roles are
 * the other way round: original heading OH of pair K against a
 * translated heading. The translated heading holds CJK: one left in
 * English where the original's was dropped ("### **DDE Grand Search**"
 * for "### What's New?") is a copy, not the dropped one's translation.
 * The outline is the original's; the block the alignment paired
 * otherwise is source-missing's. */
static bool heading_beside(const tl_pairing *p, size_t k, bool orig, int level)
{
	const tl_align *al = p->al;
	const tl_align_block *self = &al->trans->blocks[al->pairs[k].trans];
	for (int d = -1; d <= 1; d += 2)
		for (size_t q = k, n = 0;
		     n < OFF_PAIRS && (d < 0 ? q > 0 : q + 1 < al->npairs);
		     n++) {
			q = d < 0 ? q - 1 : q + 1;
			const tl_align_pair *pr = &al->pairs[q];
			const tl_align_block *ob =
			    pr->norig ? &al->orig->blocks[pr->orig] : NULL;
			const tl_align_block *tb =
			    pr->ntrans ? &al->trans->blocks[pr->trans] : NULL;
			/* The other half: a heading of LEVEL on the other
			 * side, whose own side holds no heading. */
			const tl_align_block *x = orig ? tb : ob,
			                     *y = orig ? ob : tb;
			if (pr->norig <= 1 && pr->ntrans <= 1 && x &&
			    x->kind == TL_ALIGN_HEADING && x->level == level &&
			    (!y || y->kind != TL_ALIGN_HEADING) &&
			    (orig ? x : self)->ncjk > 0)
				return true;
			if (pr->norig && pr->ntrans)
				break;
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
		size_t s, e;
		if (!pr->ntrans)
			continue; /* dropped: source-missing's */
		const tl_align_block *tb = &al->trans->blocks[pr->trans];
		if (!pr->norig) {
			if (tb->kind != TL_ALIGN_HEADING || tb->note ||
			    tl_pairing_heading_in_code(p, k) ||
			    heading_beside(p, k, false, tb->level))
				continue;
			tl_pairing_place(p, k, &s, &e);
			tl_check_report_original(
			    ck, s, e, TL_NONE, TL_NONE, TL_SEVERITY_OFF,
			    "This heading is not in the original",
			    "原文中没有这个标题");
			continue;
		}
		const tl_align_block *ob = &al->orig->blocks[pr->orig];
		bool oh = ob->kind == TL_ALIGN_HEADING;
		bool th = tb->kind == TL_ALIGN_HEADING;
		if (!oh && !th)
			continue;
		int olevel = ob->level;
		if (!oh) {
			/* "###Apart": a heading its author wrote without the
			 * space, repaired by the translation. */
			olevel = unspaced_heading(p->src, ob);
			oh = olevel > 0;
		}
		tl_pairing_place(p, k, &s, &e);
		tl_pos at =
		    tl_source_position(p->src, ob->start, TL_UNIT_CODEPOINT);
		if ((oh && !th && ob->kind == TL_ALIGN_HEADING &&
		     heading_beside(p, k, true, ob->level)) ||
		    (!oh && th && heading_beside(p, k, false, tb->level)))
			continue;
		if (oh && !th)
			tl_check_report_original(
			    ck, s, e, ob->start, ob->end, TL_SEVERITY_OFF,
			    "The original's heading (line %zu) is translated "
			    "as a %s",
			    "原文的标题（第 %zu 行）被译成了%s", at.line,
			    tl_pairing_kind_name(ck, tb));
		else if (!oh && th)
			tl_check_report_original(
			    ck, s, e, ob->start, ob->end, TL_SEVERITY_OFF,
			    "This heading translates a %s of the original "
			    "(line "
			    "%zu)",
			    "这个标题对应的是原文的%s（第 %zu 行）",
			    tl_pairing_kind_name(ck, ob), at.line);
		else if (olevel != tb->level &&
		         !(ob->kind == TL_ALIGN_HEADING &&
		           (run_has_level(p, pr->orig, tb->level) ||
		            title_has_level(p, pr->orig, tb->level))))
			tl_check_report_original(
			    ck, s, e, ob->start, ob->end, TL_SEVERITY_OFF,
			    "Heading level %d, the original's is %d (line %zu)",
			    "标题级别为 %d，原文是 %d（第 %zu 行）", tb->level,
			    olevel, at.line);
		else if (pr->moved && !in_outline_order(p, k))
			tl_check_report_original(
			    ck, s, e, ob->start, ob->end, TL_SEVERITY_OFF,
			    "This heading is out of the original's order (its "
			    "original is at line %zu)",
			    "这个标题的顺序与原文不同（原文在第 %zu 行）",
			    at.line);
	}
}

const tl_rule tl_rule_source_heading = {
    .name = "source-heading",
    .summary = "Headings keep the original's levels and order",
    .summary_zh = "标题应保持原文的级别和顺序",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_NONE,
    .description =
        "With an original, flags where the translation's outline differs "
        "from the original's: a heading whose level is not its original "
        "heading's (`###` for `##`), an original heading translated as "
        "another kind of block (a paragraph in bold, a list item), a "
        "heading that translates another kind of block, a heading out of "
        "the original's order, and a heading the original does not have. "
        "Headings are paired with their originals by the alignment "
        "(docs/alignment.md); ATX (`##`) and setext (`---`) headings of "
        "one level are the same, and an original paragraph that starts "
        "with `#` to `######` and no space (`###Apart`, which CommonMark "
        "does not read as a heading) counts as a heading of that level: "
        "the translation that writes `### ` repairs it. Where the "
        "original mixes levels in one numbered run of headings (`###` "
        "for items 1 to 3, `####` for 4 to 10, as a web page's "
        "conversion can), a translation that gives a heading of the run "
        "the level of another one evens the run out: not reported; so "
        "does a recurring heading (`Pros` under each product) given the "
        "level the original gives it elsewhere. A "
        "heading is out of order only when it stands among the other "
        "paired headings elsewhere than in the original. A heading that an "
        "original code block within three pairs has as a line `## …` "
        "holding one of its Latin words (the original's fences broken by "
        "the conversion of a web page, its headings left inside code) is "
        "not reported as added. Nor is a translated heading in Chinese "
        "that stands, across at most four pairs that lack a block on one "
        "side, beside an original heading of its level that the "
        "alignment left unpaired or paired with a block of another kind "
        "(a heading retitled, `## Bonus: It's fun` as `## Kubernetes "
        "的其他优势：…`, which lengths and anchors do not pair; pairs set "
        "one off around a paragraph the translator shortened): neither "
        "is that original heading reported as translated as a paragraph. "
        "A heading left in English there is still reported.\n\n"
        "A heading the translation dropped is reported by "
        "`source-missing` (a block with no translation), not again here. "
        "Without an original the rule is silent.\n\n"
        "Why: the outline is what a table of contents, links into the "
        "article and a skimming reader rely on.",
    .fix_doc = "None: the translator restores the original's outline.",
    .description_zh =
        "有原文时，标记译文大纲与原文不同之处：标题级别与原文标题不同"
        "（`###` 对应 `##`）、原文的标题被译成了其他类型的块（加粗的段落、"
        "列表项）、标题对应的是原文中其他类型的块、标题顺序与原文不同，"
        "以及原文中没有的标题。标题与原文的配对来自对齐"
        "（docs/alignment.md）；同一级别的 ATX（`##`）和 setext（`---`）"
        "标题视为相同；原文中以 `#` 到 `######` 开头、后面没有空格的段落"
        "（`###Apart`，CommonMark 不把它当作标题）视为该级别的标题，"
        "译文写成 `### ` 是修复了原文。原文在同一组编号标题中混用级别时"
        "（第 1 到 3 项用 `###`，第 4 到 10 项用 "
        "`####`，网页转换会造成这种情况），"
        "译文给其中一个标题用了该组另一个标题的级别，是把这组标题统一了："
        "不报告；反复出现的标题（每个产品下的 "
        "`Pros`）用了原文在别处给它的级别，"
        "也是如此。只有在其他已配对的标题之间所处的位置与原文不同时，标题才算顺"
        "序"
        "不同。前后三对以内的原文代码块中有一行 `## …` 含有它的某个拉丁字母"
        "单词时（网页转换弄坏了原文的围栏，标题留在了代码里），这个标题不报告为"
        "增加的标题。译文中含有中文的标题，与一个同级的原文标题相邻（中间最多隔"
        "四个一侧没有块的配对），而对齐没有给那个原文标题配对、或把它与其他类型"
        "的块配对时（改写了的标题，`## Bonus: It's fun` 译为 `## Kubernetes "
        "的其他优势：…`"
        "，长度和锚点配不上；译者缩短了一段，配对错开了一个），不报告为增加的标"
        "题，那个原文标题也不报告为被译成了段落。留在那里的英文标题仍会报告。\n"
        "\n译文漏掉的标题由 `source-missing` "
        "报告（没有译文的块），这里不再重复报告。没有原文时本规则不报告。"
        "\n\n原因：目录、指向文章内部的链接和快速浏览的读者都依赖大纲。",
    .fix_doc_zh = "无：译者应恢复原文的大纲。",
    .original = "# Backups\n\n## Install restic\n\nRun `apt install "
                "restic`.\n",
    .bad = "# 备份\n\n### 安装 restic\n\n运行 `apt install restic`。\n",
    .good = "# 备份\n\n## 安装 restic\n\n运行 `apt install restic`。\n",
    .check_original = check_original,
};
