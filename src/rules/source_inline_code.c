/*
 * source-inline-code: an inline code span of an original block that its
 * translation lost or altered (`--force` turned into `——force` by an
 * input method, `"a"` into `“a”`, a command "translated").
 *
 * Inline code is what a reader types: it must come through translation
 * byte for byte. Each code span of an original block is looked for, by
 * its content, in the translated blocks of its pair and the ones just
 * before and after them. One that is not found is reported at the
 * translated code span that reads as its altered copy (the same kind of
 * anchor, absent from the original, nearest by edit distance), or, when
 * there is none, on the translated block's first line.
 */
#include "rule.h"

#include <string.h>

/* The span [*S, *E) of KEY without spaces (and no-break spaces, which
 * web pages put there) at its ends. */
static void trimmed(const char *key, const char **s, const char **e)
{
	*s = key;
	*e = key + strlen(key);
	for (;;) {
		if (*s < *e && **s == ' ')
			(*s)++;
		else if (*e - *s >= 2 && (unsigned char)(*s)[0] == 0xC2 &&
		         (unsigned char)(*s)[1] == 0xA0)
			*s += 2;
		else
			break;
	}
	for (;;) {
		if (*e > *s && (*e)[-1] == ' ')
			(*e)--;
		else if (*e - *s >= 2 && (unsigned char)(*e)[-2] == 0xC2 &&
		         (unsigned char)(*e)[-1] == 0xA0)
			*e -= 2;
		else
			break;
	}
}

/* Whether translated blocks [FIRST, END) have a code span equal to KEY
 * but for spaces at its ends (` upgrade` for `upgrade`: the same
 * code). */
static bool has_trimmed(const tl_pairing *p, size_t first, size_t end,
                        const char *key)
{
	const char *ks, *ke;
	trimmed(key, &ks, &ke);
	for (size_t j = first; j < end; j++) {
		const tl_align_block *b = &p->al->trans->blocks[j];
		for (size_t a = 0; a < b->nanchors; a++) {
			const char *s, *e;
			if (b->anchors[a].type != TL_ANCHOR_CODE)
				continue;
			trimmed(b->anchors[a].key, &s, &e);
			if (e - s == ke - ks &&
			    memcmp(s, ks, (size_t)(e - s)) == 0)
				return true;
		}
	}
	return false;
}

/* Whether the code span of anchor AN in SRC is glued to the text around
 * it ("onEachLine`()`", "`task.yam`**l**"): a web page's conversion cut
 * the code there, and its translation, which puts the backticks around
 * the whole name, holds it. */
static bool glued(const tl_source *src, const tl_align_anchor *an)
{
	const char *d = src->data;
	size_t s = an->start, e = an->end;
	if (e <= s || e > src->len || d[s] != '`' || d[e - 1] != '`')
		return false;
	bool before = s > 0 && ((d[s - 1] >= 'a' && d[s - 1] <= 'z') ||
	                        (d[s - 1] >= 'A' && d[s - 1] <= 'Z') ||
	                        (d[s - 1] >= '0' && d[s - 1] <= '9'));
	bool after =
	    e < src->len &&
	    ((d[e] >= 'a' && d[e] <= 'z') || (d[e] >= 'A' && d[e] <= 'Z') ||
	     (d[e] >= '0' && d[e] <= '9') || d[e] == '*');
	return before || after;
}

/* Whether translated blocks [FIRST, END) have a code span that holds
 * KEY (N bytes). */
static bool has_within(const tl_pairing *p, size_t first, size_t end,
                       const char *key, size_t n)
{
	for (size_t j = first; j < end; j++) {
		const tl_align_block *b = &p->al->trans->blocks[j];
		for (size_t a = 0; a < b->nanchors; a++)
			if (b->anchors[a].type == TL_ANCHOR_CODE && n > 0 &&
			    strstr(b->anchors[a].key, key) &&
			    strlen(b->anchors[a].key) > n)
				return true;
	}
	(void)n;
	return false;
}

/* Whether KEY is English prose, not code: letters and spaces only, with
 * one of the commonest function words ("`You can` exclude these": a
 * stray backtick of the original made a span of a sentence). */
static bool prose(const char *key)
{
	static const char *const words[] = {
	    "the", "to",   "you",  "can",  "and", "of",   "is",   "are",
	    "it",  "this", "that", "with", "for", "your", "will", NULL};
	bool word = false;
	for (const char *c = key; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		      *c == ' ' || *c == ',' || *c == '\''))
			return false;
	const char *c = key;
	while (*c) {
		while (*c == ' ' || *c == ',')
			c++;
		const char *w = c;
		while (*c && *c != ' ' && *c != ',')
			c++;
		for (size_t i = 0; words[i] && !word; i++)
			word = strlen(words[i]) == (size_t)(c - w) &&
			       strncasecmp(words[i], w, (size_t)(c - w)) == 0;
	}
	return word && strchr(key, ' ');
}

/* Whether T is O with the placeholders between < and > translated
 * ("/home/<user name>/.icons" as "/home/<用户名>/.icons"): what is
 * outside them is the same, and each translated one holds CJK. */
static bool placeholder_translated(const char *o, const char *t)
{
	bool any = false;
	while (*o && *t) {
		if (*o == '<' && *t == '<') {
			const char *oe = strchr(o, '>'), *te = strchr(t, '>');
			if (!oe || !te)
				return false;
			bool cjk = false;
			for (const char *c = t + 1; c < te;) {
				uint32_t cp;
				size_t l =
				    tl_utf8_decode(c, (size_t)(te - c), &cp);
				cjk |= tl_char_is_cjk(cp);
				c += l ? l : 1;
			}
			if (!cjk && (oe - o != te - t ||
			             memcmp(o, t, (size_t)(oe - o)) != 0))
				return false;
			any |= cjk;
			o = oe + 1, t = te + 1;
			continue;
		}
		if (*o++ != *t++)
			return false;
	}
	return any && !*o && !*t;
}

/* Room for the altered spans given out in one pair. */
#define USED_MAX 64

static void check_original(tl_check *ck, const tl_pairing *p)
{
	if (!p->al)
		return;
	const tl_align *al = p->al;
	for (size_t k = 0; k < al->npairs; k++) {
		const tl_align_pair *pr = &al->pairs[k];
		if (!pr->norig || !pr->ntrans)
			continue;
		uint64_t used[USED_MAX];
		size_t nused = 0, first, end;
		tl_pairing_near(p, k, &first, &end);
		for (size_t i = pr->orig; i < pr->orig + pr->norig; i++) {
			const tl_align_block *ob = &al->orig->blocks[i];
			if (!tl_pairing_is_prose(ob) ||
			    tl_pairing_is_template(ob))
				continue;
			for (size_t a = 0; a < ob->nanchors; a++) {
				const tl_align_anchor *an = &ob->anchors[a];
				if (an->type != TL_ANCHOR_CODE ||
				    tl_pairing_near_has(p, first, end,
				                        an->hash) ||
				    has_trimmed(p, first, end, an->key))
					continue;
				bool seen = false;
				for (size_t b = 0; b < a && !seen; b++)
					seen = ob->anchors[b].hash == an->hash;
				if (seen)
					continue;
				if (prose(an->key) ||
				    (glued(p->src, an) &&
				     has_within(p, first, end, an->key,
				                strlen(an->key))))
					continue;
				const tl_align_anchor *alt =
				    tl_pairing_altered(p, k, an, used, nused);
				if (alt &&
				    placeholder_translated(an->key, alt->key)) {
					if (nused < USED_MAX)
						used[nused++] = alt->hash;
					continue;
				}
				if (alt) {
					if (nused < USED_MAX)
						used[nused++] = alt->hash;
					tl_check_report_original(
					    ck, alt->start, alt->end, an->start,
					    an->end, TL_SEVERITY_OFF,
					    "Inline code `%s` of the original "
					    "is "
					    "altered in its translation: `%s`",
					    "原文中的行内代码 `%s` "
					    "在译文中被改动："
					    "`%s`",
					    an->key, alt->key);
					continue;
				}
				size_t ts, te;
				tl_pairing_place(p, k, &ts, &te);
				tl_check_report_original(
				    ck, ts, te, an->start, an->end,
				    TL_SEVERITY_OFF,
				    "Inline code `%s` of the original is "
				    "missing "
				    "from its translation",
				    "原文中的行内代码 `%s` 在译文中缺失",
				    an->key);
			}
		}
	}
}

const tl_rule tl_rule_source_inline_code = {
    .name = "source-inline-code",
    .summary = "Inline code of the original comes through unchanged",
    .summary_zh = "原文的行内代码应原样保留",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_NONE,
    .description =
        "With an original, flags an inline code span of an original "
        "block (paragraph, heading, list item, quote or table row) that "
        "its translation does not have with the same content: lost, or "
        "altered (`--force` → `——force` by a Chinese input method, "
        "`\"a\"` → `“a”`, a command name translated). Code spans are "
        "compared by their content, byte for byte but for spaces at "
        "their ends (`` ` upgrade` `` is `upgrade`), looked for in the "
        "translated block of the pair and in the blocks just before and "
        "after it.\n\n"
        "An altered span is reported where it stands in the translation "
        "(the translated code span absent from the original that is "
        "nearest to the lost one by edit distance, when at most half of "
        "it differs), a lost one on the translated block's first line; "
        "both point at the span in the original. Code spans the "
        "translator added are not flagged. Without an original the rule "
        "is silent.\n\n"
        "Left alone, as damage of the original that a translator "
        "repairs or as no code at all: a span glued to the word around "
        "it (`` onEachLine`()` ``, `` `task.yam`**l** ``) when a "
        "translated span holds it (`onEachLine()`); a span of English "
        "prose, letters and spaces with a function word (`You can`, "
        "made by a stray backtick); and a placeholder between `<` and "
        "`>` translated into Chinese (`/home/<用户名>/.icons` for "
        "`/home/<user name>/.icons`), the rest unchanged.\n\n"
        "Why: inline code is what a reader types; a changed character "
        "breaks the command, and it looks right in Chinese text.",
    .fix_doc = "None: the translator puts the original's code back.",
    .description_zh =
        "有原文时，标记原文块（段落、标题、列表项、引用或表格行）中"
        "译文里找不到同样内容的行内代码：丢失了，或被改动了（中文输入法把 "
        "`--force` 变成 `——force`，`\"a\"` 变成 `“a”`，命令名被翻译）。"
        "行内代码按内容逐字节比较（两端的空格除外），在其配对的译文块以及前后相"
        "邻的译文块中"
        "查找。\n\n被改动的行内代码报告在它在译文中的位置（译文中原文没有、"
        "且与丢失的那个编辑距离最近的行内代码，差异不超过一半时），"
        "丢失的报告在译文块的第一行；两者都指向原文中的行内代码。"
        "译者增加的行内代码不报告。没有原文时本规则不报告。\n\n"
        "以下情况不报告（原文的损坏由译者修好了，或者根本不是代码）："
        "与前后单词粘连的行内代码（`` onEachLine`()` ``、"
        "`` `task.yam`**l** ``），且译文中有包含它的行内代码"
        "（`onEachLine()`）；只由字母和空格组成、含有英文虚词的英文句子"
        "（`You can`，由多余的反引号造成）；`<` 与 `>` 之间的占位符译成了"
        "中文（`/home/<用户名>/.icons` 对应 `/home/<user name>/.icons`），"
        "其余部分不变。\n\n"
        "原因：行内代码是读者要输入的内容；改动一个字符命令就错了，"
        "而它在中文里看起来毫无问题。",
    .fix_doc_zh = "无：译者应恢复原文的代码。",
    .original = "Run `git push --force` only on your own branch.\n",
    .bad = "只在自己的分支上运行 `git push ——force`。\n",
    .good = "只在自己的分支上运行 `git push --force`。\n",
    .check_original = check_original,
};
