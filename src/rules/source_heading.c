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
			if (tb->kind != TL_ALIGN_HEADING || tb->note)
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
		else if (olevel != tb->level)
			tl_check_report_original(
			    ck, s, e, ob->start, ob->end, TL_SEVERITY_OFF,
			    "Heading level %d, the original's is %d (line %zu)",
			    "标题级别为 %d，原文是 %d（第 %zu 行）", tb->level,
			    olevel, at.line);
		else if (pr->moved)
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
        "the translation that writes `### ` repairs it.\n\n"
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
        "译文写成 `### ` 是修复了原文。\n\n译文漏掉的标题由 `source-missing` "
        "报告（没有译文的块），这里不再重复报告。没有原文时本规则不报告。"
        "\n\n原因：目录、指向文章内部的链接和快速浏览的读者都依赖大纲。",
    .fix_doc_zh = "无：译者应恢复原文的大纲。",
    .original = "# Backups\n\n## Install restic\n\nRun `apt install "
                "restic`.\n",
    .bad = "# 备份\n\n### 安装 restic\n\n运行 `apt install restic`。\n",
    .good = "# 备份\n\n## 安装 restic\n\n运行 `apt install restic`。\n",
    .check_original = check_original,
};
