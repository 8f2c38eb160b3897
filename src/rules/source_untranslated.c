/*
 * source-untranslated: a translated block that is its original, word for
 * word: a paragraph, list item, quote, heading or table row left in
 * English.
 *
 * The untranslated rule guesses from the language alone, and must leave
 * short blocks, names and quotes be. With the original at hand there is
 * no guess: a block with no CJK character whose text is its original
 * block's (white space and block-quote markers aside) was not
 * translated. Left alone: blocks with fewer than min-words English words
 * or none of the English function words ("the", "and", "with"...): names,
 * commands, credit lines, a product's title; a block that is one link,
 * image or emphasis and nothing else (a cited title, kept in English on
 * purpose), unless an emphasis that ends sentences; words that are the
 * original's code spans, in a short block (a heading of commands); and
 * an entry of a bibliography.
 */
#include "rule.h"

#include <stdlib.h>
#include <string.h>

static const tl_option_def options[] = {
    {"min-words", TL_OPTION_INT, "4", NULL,
     "Fewest English words (two letters or more) for a block to be "
     "reported.",
     "块中至少要有多少个英文单词（两个字母及以上）才会被报告。"},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL, NULL},
};

static bool skipped_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>';
}

/* Whether [A, AE) and [B, BE) are the same text but for white space and
 * '>'. */
static bool same_text(const char *a, const char *ae, const char *b,
                      const char *be)
{
	/* The same bytes (a block left as it is): without the walk. */
	if (ae - a == be - b && memcmp(a, b, (size_t)(ae - a)) == 0)
		return true;
	for (;;) {
		while (a < ae && skipped_byte(*a))
			a++;
		while (b < be && skipped_byte(*b))
			b++;
		if (a == ae || b == be)
			return a == ae && b == be;
		if (*a++ != *b++)
			return false;
	}
}

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* English function words: a block with none is a name, a title of
 * names, a command or a credit line ("Jim Hall, CC BY-SA 4.0"), not a
 * sentence left untranslated. */
static const char *const function_words[] = {
    "the",  "a",    "an",   "and", "or",   "of",  "to",   "in",   "for",
    "with", "is",   "are",  "was", "were", "be",  "this", "that", "it",
    "you",  "your", "we",   "our", "from", "as",  "can",  "not",  "how",
    "what", "why",  "when", "if",  "will", "has", "have", "but",  "do"};

static bool is_function_word(const char *w, size_t n)
{
	if (n == 0 || n > 4)
		return false; /* longer than any */
	for (size_t i = 0; i < sizeof function_words / sizeof *function_words;
	     i++) {
		const char *f = function_words[i];
		size_t k = 0;
		while (k < n && f[k] && (w[k] | 0x20) == f[k])
			k++;
		if (k == n && !f[k])
			return true;
	}
	return false;
}

/* The code spans of an original, for code_name: their keys by FNV-1a
 * hash, sorted, made on first need (a block of the translation asks for
 * each of its words, and a scan of the whole original per word made a
 * large pair quadratic). */
typedef struct code_span {
	uint64_t h;
	const char *key;
} code_span;

typedef struct code_names {
	const tl_align_doc *ad;
	code_span *v; /* NULL until made */
	size_t n;
} code_names;

static uint64_t fnv(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static int code_span_cmp(const void *a, const void *b)
{
	uint64_t x = ((const code_span *)a)->h, y = ((const code_span *)b)->h;
	return x < y ? -1 : x > y;
}

/* Whether the word W (N bytes) is the whole of an inline code span
 * somewhere in the original of C: a command or a name ("more", "less"),
 * which a heading or a list of them keeps in English. */
static bool code_name(code_names *c, const char *w, size_t n)
{
	const tl_align_doc *ad = c->ad;
	if (!ad)
		return false;
	if (!c->v) {
		size_t total = 0;
		for (size_t i = 0; i < ad->n; i++)
			total += ad->blocks[i].nanchors;
		c->v = tl_xmalloc((total + 1) * sizeof *c->v);
		for (size_t i = 0; i < ad->n; i++)
			for (size_t k = 0; k < ad->blocks[i].nanchors; k++) {
				const tl_align_anchor *an =
				    &ad->blocks[i].anchors[k];
				if (an->type == TL_ANCHOR_CODE)
					c->v[c->n++] = (code_span){
					    fnv(an->key, strlen(an->key)),
					    an->key};
			}
		if (c->n > 1)
			qsort(c->v, c->n, sizeof *c->v, code_span_cmp);
	}
	uint64_t h = fnv(w, n);
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->v[mid].h < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < c->n && c->v[lo].h == h; lo++)
		if (strlen(c->v[lo].key) == n &&
		    memcmp(c->v[lo].key, w, n) == 0)
			return true;
	return false;
}

/* English words of two letters or more in [S, E), but for those of
 * URLs and link destinations (a white-space-separated token holding
 * "://" or "](" counts for none), and, with NAMES, those that are a
 * code span of that original (code_name); whether one is a function
 * word into *FUNCTION. */
static size_t words(const char *s, const char *e, code_names *names,
                    bool *function)
{
	size_t n = 0;
	*function = false;
	while (s < e) {
		while (s < e && skipped_byte(*s))
			s++;
		const char *t = s;
		while (s < e && !skipped_byte(*s))
			s++;
		bool url = false;
		for (const char *q = t; q + 2 < s && !url; q++)
			url = (q[0] == ':' && q[1] == '/' && q[2] == '/') ||
			      (q[0] == ']' && q[1] == '(');
		if (url)
			continue;
		for (const char *q = t; q < s;) {
			if (!is_letter(*q)) {
				q++;
				continue;
			}
			const char *w = q;
			while (q < s && is_letter(*q))
				q++;
			if (names && code_name(names, w, (size_t)(q - w)))
				continue;
			n += q - w >= 2;
			/* Asked until one is found. */
			if (!*function)
				*function =
				    is_function_word(w, (size_t)(q - w));
		}
	}
	return n;
}

/* What [S, E) is, block-quote and heading markers aside: one link or
 * image (it opens with "[" or "![" and closes with ")" or "]"), one
 * emphasis (it opens and closes with the same "*" or "_"), or neither.
 * (A block's span starts at its paragraph, after any list marker.) */
enum { ELEMENT_NONE, ELEMENT_LINK, ELEMENT_EMPHASIS };

static int one_element(const char *s, const char *e)
{
	while (s < e && (skipped_byte(*s) || *s == '#'))
		s++;
	while (e > s && (skipped_byte(e[-1]) || e[-1] == '#'))
		e--;
	if (e - s < 2)
		return ELEMENT_NONE;
	char a = *s, z = e[-1];
	if ((a == '[' || (a == '!' && s[1] == '[')) && (z == ')' || z == ']'))
		return ELEMENT_LINK;
	if ((a == '*' || a == '_') && z == a)
		return ELEMENT_EMPHASIS;
	return ELEMENT_NONE;
}

/* Whether [S, E) reads as an entry of a bibliography: two initials or
 * more ("R. Schumacher, B. Brand") or a title in curly quotes closed
 * with a comma, first or after the authors (Chicago style: "Jane Roe,
 * “A History of Shells,” Unix Review, 1984"), and a year. Such entries are
 * cited in their language, like a title. */
static bool citation(const char *s, const char *e)
{
	size_t initials = 0;
	bool year = false, opened = false, title = false;
	for (const char *q = s; q < e; q++) {
		if (q + 1 < e && *q >= 'A' && *q <= 'Z' && q[1] == '.' &&
		    (q == s || !is_letter(q[-1])))
			initials++;
		/* The title: "“" (E2 80 9C) at the start or after the
		 * authors' "," or ".", then "”" (E2 80 9D) after a comma or
		 * before one. */
		if (q + 3 <= e && memcmp(q, "\xE2\x80\x9C", 3) == 0) {
			const char *b = q;
			while (b > s && b[-1] == ' ')
				b--;
			opened = b == s || b[-1] == ',' || b[-1] == '.';
		}
		if (opened && q + 3 <= e && memcmp(q, "\xE2\x80\x9D", 3) == 0 &&
		    ((q > s && q[-1] == ',') || (q + 3 < e && q[3] == ',')))
			title = true;
		if (q + 4 <= e && (q == s || !(q[-1] >= '0' && q[-1] <= '9')) &&
		    ((q[0] == '1' && q[1] == '9') ||
		     (q[0] == '2' && q[1] == '0')) &&
		    q[2] >= '0' && q[2] <= '9' && q[3] >= '0' && q[3] <= '9' &&
		    (q + 4 == e || !(q[4] >= '0' && q[4] <= '9')))
			year = true;
	}
	return (initials >= 2 || title) && year;
}

static void check_original(tl_check *ck, const tl_pairing *p)
{
	if (!p->al)
		return;
	const tl_align *al = p->al;
	long min = tl_check_option_int(ck, "min-words");
	code_names names = {al->orig, NULL, 0};
	for (size_t k = 0; k < al->npairs; k++) {
		const tl_align_pair *pr = &al->pairs[k];
		if (pr->norig != 1 || pr->ntrans != 1)
			continue;
		const tl_align_block *ob = &al->orig->blocks[pr->orig];
		const tl_align_block *tb = &al->trans->blocks[pr->trans];
		if (!tl_pairing_is_prose(tb) || tb->ncjk ||
		    ob->kind != tb->kind)
			continue;
		const char *ts = p->trans->data + tb->start;
		const char *te = p->trans->data + tb->end;
		bool function;
		size_t least = (size_t)(min < 1 ? 1 : min);
		if (!same_text(p->src->data + ob->start, p->src->data + ob->end,
		               ts, te))
			continue;
		size_t nwords = words(ts, te, NULL, &function);
		if (nwords < least || !function)
			continue;
		/* A short block: its words that are commands of the
		 * original's code spans do not count ("more or less or
		 * most"). */
		if (nwords < 12 &&
		    (words(ts, te, &names, &function) < least || !function))
			continue;
		/* One link or image is a title cited in English; so is an
		 * emphasis, unless it ends sentences (a paragraph in
		 * italics: "_What do you think? Tell us below._"). */
		int element = one_element(ts, te);
		if (element == ELEMENT_LINK ||
		    (element == ELEMENT_EMPHASIS && !tb->nsentences) ||
		    citation(ts, te))
			continue;
		tl_check_report_original(
		    ck, tb->start, tb->end, ob->start, ob->end, TL_SEVERITY_OFF,
		    "This %s is the original's text, not translated",
		    "这个%s与原文完全相同，没有翻译",
		    tl_pairing_kind_name(ck, tb));
	}
	free(names.v);
}

const tl_rule tl_rule_source_untranslated = {
    .name = "source-untranslated",
    .summary = "No block is left as its original",
    .summary_zh = "不应有与原文完全相同的块",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_NONE,
    .options = options,
    .description =
        "With an original, flags a translated paragraph, list item, "
        "quote, heading or table row that has no CJK character and is "
        "its original block's text: the same bytes, white space and "
        "block-quote markers (`>`) aside. The block is paired with its "
        "original by the alignment (docs/alignment.md).\n\n"
        "Left alone: blocks with fewer than `min-words` English words "
        "(names, commands, a product's name; the words of URLs and link "
        "destinations are not counted, so `via: https://…` is one), blocks "
        "with none of the English function words (`the`, `and`, `with`, "
        "`is`...: a credit line `Jim Hall, CC BY-SA 4.0`, a command in a "
        "table, a list of names), and a block that is one "
        "link, image or emphasis and nothing else (`[The Art of Unix "
        "Programming](…)`, `*Linux Journal*`): a title cited in English "
        "on purpose. An emphasis that ends sentences (`_What do you "
        "think? Tell us in the comments._`) is a paragraph in italics, "
        "and is reported. In a block of fewer than 12 words, a word that "
        "is an inline code span of the original (a command: `### more "
        "or less or most`) does not count. An entry of a bibliography "
        "(two initials or more, or a title in curly quotes closed with "
        "a comma, first or after the authors' comma or period, and a "
        "year: `A. Tanenbaum and H. Bos, "
        "Modern Operating Systems, 2014.`, `Jane Roe, “A History of "
        "Shells,” Unix Review, 1984.`) is cited in its language and "
        "left alone. A block changed in any way (partly translated, "
        "reworded) is not this rule's: `untranslated` reads the language "
        "of every block. Without an original the rule is silent.\n\n"
        "Why: a block copied from the original is correct English; "
        "only the original shows it was never translated.",
    .fix_doc = "None: the block needs translating.",
    .description_zh =
        "有原文时，标记没有中文字符、且与其原文块文字相同（忽略空白和引用"
        "标记 `>`）的译文段落、列表项、引用、标题或表格行。块与原文的配对"
        "来自对齐（docs/alignment.md）。\n\n不检查：英文单词少于 "
        "`min-words` 个的块（名称、命令、产品名；URL 和链接目标中的单词不计入，"
        "因此 `via: https://…` "
        "只算一个），不含英文功能词（`the`、`and`、`with`、"
        "`is` 等）的块（署名行 `Jim Hall, CC BY-SA 4.0`、表格中的命令、"
        "名称列表），以及仅由一个链接、"
        "图片或强调组成的块（`[The Art of Unix Programming](…)`、"
        "`*Linux Journal*`）：有意保留英文的引用标题。以句子结尾的强调"
        "（`_What do you think? Tell us in the comments._`）是斜体的段落，"
        "会被报告。少于 12 个单词的块中，是原文行内代码的单词（命令："
        "`### more or less or most`）不计入。参考文献条目（两个以上的"
        "首字母缩写，或者以逗号结束、位于开头或作者之后（逗号或句点之后）"
        "的弯引号标题，再加一个年份："
        "`A. Tanenbaum and H. Bos, Modern "
        "Operating Systems, 2014.`、`Jane Roe, “A History of Shells,” "
        "Unix Review, 1984.`）按原文语言引用，不检查。有任何改动的块"
        "（部分翻译、改写）不属于本规则：`untranslated` 会检查每个块的语言。"
        "没有原文时本规则不报告。\n\n原因：从原文复制来的块是正确的英文，"
        "只有对照原文才能发现它从未被翻译。",
    .fix_doc_zh = "无：这个块需要翻译。",
    .original = "Backups are cheap.\n\nRestoring them is what costs you "
                "a weekend.\n",
    .bad = "备份很便宜。\n\nRestoring them is what costs you a "
           "weekend.\n",
    .good = "备份很便宜。\n\n恢复备份才会让你搭上一个周末。\n",
    .check_original = check_original,
};
