/*
 * untranslated: an English paragraph, heading or list item left in a
 * Chinese translation.
 *
 * Translators work paragraph by paragraph, and a skipped one reads fine
 * to a spelling checker: it is correct English. What gives it away is a
 * block of several English words with no Chinese at all in a document
 * that is otherwise Chinese. Which documents are "mostly Chinese" is known
 * only at the end, so check_run counts CJK characters and Latin words of
 * the whole document and keeps the candidate blocks in the rule's state;
 * check_end reports them when the counts say the document is Chinese.
 *
 * Left alone: code, URLs and math (opaque in the prose run), link and
 * image text (a link-only line names an English article), tables, block
 * quotes (English in a quote is quoted on purpose: program output, a
 * licence, the original's words), words glued to "/", "_", "=" or "\\"
 * (paths, identifiers, settings),
 * blocks with fewer than min-words counted words, names (a word with a
 * capital after its first letter, "GitHub", "API", is not counted, and a
 * block with fewer than two all-lowercase words is a list of names or a
 * title, not a sentence), and any top-level block whose source matches
 * skip-pattern (the attribution, quotes marked as the original).
 */
#include "rule.h"

#include <string.h>

static const tl_option_def options[] = {
    {"min-words", TL_OPTION_INT, "8", NULL,
     "Fewest counted Latin words for a block to be reported.",
     "一个块至少要有多少个计入的拉丁单词才会被报告。"},
    {"skip-pattern", TL_OPTION_REGEX, "译自|原文|^via:", NULL,
     "PCRE2 pattern (multi-line): a top-level block whose source matches "
     "it is not checked (the attribution, quoted original text). Empty: "
     "every block is checked.",
     "PCRE2 模式（多行模式）：源文本匹配它的顶层块不做检查（出处块、"
     "引用的原文）。为空时检查每个块。"},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL, NULL},
};

typedef struct span {
	size_t start, end;
} span;

/* Per-document state. */
typedef struct state {
	bool ready;           /* RE and its match data are set, which waits for
	                         the first block that may be reported */
	const pcre2_code *re; /* NULL: the pattern is empty */
	pcre2_match_data *md;
	pcre2_match_context *mc;
	size_t cjk;   /* CJK characters of the document's prose */
	size_t words; /* Latin words of the document's prose */
	span *cand;   /* blocks to report if the document is Chinese */
	size_t ncand, cap;
} state;

static void compile_skip(tl_check *ck, state *st)
{
	st->ready = true;
	/* An empty pattern would match every block: it skips none. */
	if (!*tl_check_option(ck, "skip-pattern"))
		return;
	pcre2_general_context *gc = tl_regex_context(tl_check_arena(ck));
	st->re = tl_check_regex(ck, "skip-pattern");
	st->mc = pcre2_match_context_create(gc);
	pcre2_set_match_limit(st->mc, 100000);
	st->md = pcre2_match_data_create(1, gc);
}

/* Whether the top-level block holding RUN matches the skip pattern. */
static bool skipped(tl_check *ck, state *st, const tl_run *run)
{
	if (!st->ready)
		compile_skip(ck, st);
	if (!st->re)
		return false;
	cmark_node *top = run->node;
	if (!top) /* a footnote definition cmark dropped (runs.c) */
		return false;
	while (cmark_node_parent(top) && cmark_node_get_type(cmark_node_parent(
	                                     top)) != CMARK_NODE_DOCUMENT)
		top = cmark_node_parent(top);
	size_t s, e;
	tl_doc_node_span(run->doc, top, &s, &e);
	return pcre2_match(st->re, (PCRE2_SPTR)run->doc->src->data + s, e - s,
	                   0, 0, st->md, st->mc) >= 0;
}

static bool is_word_char(const tl_char *c)
{
	return c->kind == TL_CHAR_TEXT &&
	       ((c->cls & TL_CLS_LATIN) || (c->cls & TL_CLS_DIGIT) ||
	        c->cp == '\'' || c->cp == 0x2019 || c->cp == '-');
}

static bool is_glue(uint32_t cp)
{
	return cp == '/' || cp == '_' || cp == '=' || cp == '\\';
}

static bool is_upper(uint32_t cp)
{
	return cp >= 'A' && cp <= 'Z';
}

static void check_run(tl_check *ck, const tl_run *run)
{
	state *st = tl_check_state(ck, sizeof *st);

	/* Only prose characters carry class bits: the model counted the
	 * CJK ones. Words start with a Latin letter: a run without one has
	 * none. */
	size_t cjk = run->ncjk, words = 0, counted = 0, lower = 0;
	size_t n = (run->cls_any & TL_CLS_LATIN) ? run->n : 0;
	for (size_t i = 0; i < n;) {
		const tl_char *c = &run->chars[i];
		if (!(c->cls & TL_CLS_LATIN) || c->kind != TL_CHAR_TEXT) {
			i++;
			continue;
		}
		/* A word: letters, with digits, apostrophes and hyphens. */
		size_t j = i;
		bool caps_inside = false, all_lower = true;
		while (j < run->n && is_word_char(&run->chars[j])) {
			if (is_upper(run->chars[j].cp)) {
				all_lower = false;
				caps_inside |= j > i;
			}
			j++;
		}
		words++;
		/* A word glued to "/", "_", "=" or "\\" is part of a path, an
		 * identifier or a setting, not of a sentence. */
		bool token = (i > 0 && is_glue(run->chars[i - 1].cp)) ||
		             (j < run->n && is_glue(run->chars[j].cp));
		if (!(c->flags & (TL_CF_LINK | TL_CF_IMAGE)) && !caps_inside &&
		    !token) {
			counted++;
			lower += all_lower;
		}
		i = j;
	}
	st->cjk += cjk;
	st->words += words;

	long min = tl_check_option_int(ck, "min-words");
	if (cjk || run->kind == TL_BLOCK_TABLE ||
	    (run->context & TL_CTX_QUOTE) || min < 1 || counted < (size_t)min ||
	    lower < 2 || skipped(ck, st, run))
		return;
	if (st->ncand == st->cap) {
		size_t cap = st->cap ? 2 * st->cap : 8;
		span *v = tl_arena_alloc(tl_check_arena(ck), cap * sizeof *v);
		if (st->ncand)
			memcpy(v, st->cand, st->ncand * sizeof *v);
		st->cand = v;
		st->cap = cap;
	}
	st->cand[st->ncand++] = (span){run->start, run->end};
}

static void check_end(tl_check *ck, const tl_doc *doc)
{
	(void)doc;
	state *st = tl_check_state(ck, sizeof *st);
	/* Mostly Chinese: at least as many CJK characters as Latin words.
	 * A Chinese technical article has several times more; a document
	 * left half in English still passes, an English one does not. */
	if (st->cjk == 0 || st->cjk < st->words)
		return;
	const char *msg =
	    tl_check_msg(ck, "This block looks untranslated (English only)",
	                 "此段似乎未翻译（只有英文）");
	for (size_t i = 0; i < st->ncand; i++)
		tl_check_report(ck, st->cand[i].start, st->cand[i].end, msg,
		                NULL);
}

const tl_rule tl_rule_untranslated = {
    .name = "untranslated",
    .summary = "No English paragraph left untranslated",
    .summary_zh = "不应遗留未翻译的英文段落",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_NONE,
    .options = options,
    .description =
        "Flags a paragraph, heading or list item with at least "
        "`min-words` Latin words and no CJK character, in a document "
        "whose prose is mostly Chinese (at least as many CJK characters "
        "as Latin words).\n\n"
        "Not counted: code spans, URLs, math, and the text of links and "
        "images (a line made of links names English articles); words with "
        "a capital letter after the first (`GitHub`, `API`), as names. A "
        "block with fewer than two all-lowercase words is taken for a "
        "title or a list of names and left alone. Words glued to `/`, `_`, "
        "`=` or `\\` are parts of paths, identifiers or settings and are "
        "not counted. Block quotes are not checked (English quoted on "
        "purpose: program output, a licence, the original's words), nor "
        "tables, "
        "nor any top-level block whose source matches `skip-pattern` (by "
        "default the attribution, `译自`/`原文`, and an LCTT `via:` "
        "line).\n\n"
        "Why: a skipped paragraph is correct English, so no spelling "
        "checker sees it; only its language gives it away.",
    .fix_doc = "None: the paragraph needs translating.",
    .description_zh =
        "在正文以中文为主（中文字符数不少于拉丁单词数）的文档中，"
        "标记含有至少 `min-words` 个拉丁单词、却没有一个中文字符的段落、"
        "标题或列表项。\n\n不计入：行内代码、URL、数学公式，以及链接和图片的"
        "文字（由链接组成的一行是在列举英文文章）；首字母之后还有大写字母"
        "的单词（`GitHub`、`API`），它们是名称。全小写单词少于两个的块视为"
        "标题或名称列表，不做检查。与 `/`、`_`、`=` 或 `\\` 粘在一起的单词"
        "是路径、标识符或设置的一部分，不计入。不检查引用块（有意引用的英"
        "文：程序输出、许可证、原文的话），不检查表格，也不检查源文本匹配"
        " `skip-pattern` 的顶层块（默认是出处块 `译自`/`原文` "
        "和 LCTT 的 `via:` 行）。\n\n原因：漏译的段落是正确的英文，"
        "拼写检查发现不了它；只有它所用的语言会暴露它。",
    .fix_doc_zh = "无：这一段需要翻译。",
    .bad = "开源模型是透明的，因此人们可以发现漏洞。\n\nThe open model is "
           "transparent, so people can find the bugs in it.\n",
    .good = "开源模型是透明的，因此人们可以发现漏洞。\n\n"
            "开放模型是透明的，所以人们可以发现其中的错误。\n",
    .check_run = check_run,
    .check_end = check_end,
};
