/*
 * attribution: the block that says where the original article is, and
 * who translated and reviewed it, is missing, misplaced or incomplete.
 *
 * Every translation community asks for it, each in its own form: a block
 * quote under the title ("> 译自 [Title](https://…)，作者 Name。"), a list
 * ("> * 原文地址：…"), a footer ("via: https://…" then "作者：", "译者：",
 * "校对："). Losing the link to the original is the one mistake a
 * translated article cannot afford: it is the author's credit and, often,
 * the licence's condition.
 *
 * The check works on top-level blocks of cmark's tree (HTML blocks, such
 * as suppression comments, are not counted; the front matter is not a
 * block). The attribution block is the first block among the first
 * `within` blocks (or among the last `within` with `position: end`) whose
 * source text matches `pattern` (PCRE2, multi-line) and, with `quote`, is
 * a block quote. Its fields are looked for in that block, or, at the end
 * of a document, in that block and every block after it (footers spread
 * over several paragraphs).
 */
#include "rule.h"

#include <string.h>

static const tl_option_def options[] = {
    {"position", TL_OPTION_ENUM, "start", "start|end",
     "Where the attribution goes: near the start (after the front matter) "
     "or at the end.",
     "出处块的位置：开头附近（前置元数据之后）或文末。"},
    {"within", TL_OPTION_INT, "3", NULL,
     "How many top-level blocks from the start (or the end) may precede "
     "(or follow) it.",
     "出处块之前（或之后）最多可以有几个顶层块，从开头（或结尾）"
     "算起。"},
    {"pattern", TL_OPTION_REGEX, "译自|原文", NULL,
     "PCRE2 pattern the attribution block's source text matches.",
     "出处块源文本须匹配的 PCRE2 模式。"},
    {"quote", TL_OPTION_BOOL, "true", NULL,
     "The attribution must be a block quote.", "出处块必须是引用块。"},
    {"link", TL_OPTION_BOOL, "true", NULL,
     "The attribution must link to the original with an absolute http(s) "
     "URL.",
     "出处块必须用绝对 http(s) 地址链接原文。"},
    {"fields", TL_OPTION_LIST, "", NULL,
     "Labels that must appear with a value or link, such as [译者, 校对].",
     "必须出现并带有值或链接的标签，例如 `[译者, 校对]`。"},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL, NULL},
};

/* What the check keeps of a top-level block that matches the pattern:
 * its index among the blocks that count (no HTML blocks), its source
 * span and its links. A document may be parsed in pieces (markdown.c),
 * so the blocks are looked at as each piece is parsed and judged when the
 * document is done. */
typedef struct block {
	size_t index;
	size_t s, e;
	bool http;     /* it links to an absolute http(s) URL */
	bool relative; /* it has another link, at [rs, re) */
	size_t rs, re;
} block;

/* The pattern (compiled with the configuration) and what matching it
 * needs in this document. */
typedef struct matcher {
	const pcre2_code *re;
	pcre2_match_data *md;
	pcre2_match_context *mc;
} matcher;

typedef struct state {
	bool ready; /* M is set */
	struct matcher m;
	size_t n;      /* blocks that count, so far */
	bool any;      /* FIRST is set */
	block first;   /* the first matching block */
	block *recent; /* position end: the matching blocks among the last
	                  `within` (malloc'd, freed at the end) */
	size_t nrecent, cap;
} state;

static bool is_http_url(const char *u)
{
	size_t k = strncmp(u, "https://", 8) == 0  ? 8
	           : strncmp(u, "http://", 7) == 0 ? 7
	                                           : 0;
	return k && u[k] && u[k] != '/';
}

/* Fills B's link facts from the links under NODE. */
static void find_links(const tl_doc *doc, cmark_node *node, block *b)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while (!b->http && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_LINK)
			continue;
		const char *u = cmark_node_get_url(n);
		if (u && is_http_url(u)) {
			b->http = true;
		} else if (!b->relative) {
			b->relative = true;
			tl_doc_node_span(doc, n, &b->rs, &b->re);
		}
	}
	cmark_iter_free(it);
}

/* Checks the link to the original in block B. */
static void check_link(tl_check *ck, const tl_doc *doc, const block *b)
{
	if (b->http)
		return;
	/* A bare URL ("via: https://…") is a link to GitHub and most sites. */
	const char *src = doc->src->data;
	size_t s = b->s, e = b->e;
	for (size_t i = s; i + 8 < e; i++)
		if ((memcmp(src + i, "https://", 8) == 0 ||
		     memcmp(src + i, "http://", 7) == 0) &&
		    (i == s || src[i - 1] == ' ' || src[i - 1] == '\t' ||
		     src[i - 1] == ':' || src[i - 1] == '<'))
			return;
	if (b->relative) {
		tl_check_report(
		    ck, b->rs, b->re,
		    tl_check_msg(ck,
		                 "The link to the original is not an "
		                 "absolute http(s) URL",
		                 "原文链接不是以 http(s):// 开头的完整"
		                 "网址"),
		    NULL);
		return;
	}
	size_t line = tl_source_line_index(doc->src, s);
	size_t ls, le;
	tl_source_line_span(doc->src, line, &ls, &le);
	tl_check_report(ck, ls, le,
	                tl_check_msg(ck,
	                             "The attribution has no link to the "
	                             "original",
	                             "出处说明缺少原文链接"),
	                NULL);
}

/* Whether the value after a label at P (region end E) is empty. */
static bool value_empty(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (p < e && *p == ':')
		p++;
	else if (e - p >= 3 && memcmp(p, "\xef\xbc\x9a", 3) == 0) /* ： */
		p += 3;
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	return p >= e || *p == '\n' || *p == '\r';
}

/* Checks the fields option over source [S, E); FIRST is the block's first
 * line, where a missing field is reported. */
static void check_fields(tl_check *ck, const tl_doc *doc, size_t s, size_t e)
{
	const tl_option_list *fields = tl_check_list(ck, "fields");
	const char *src = doc->src->data;
	size_t ls, le;
	tl_source_line_span(doc->src, tl_source_line_index(doc->src, s), &ls,
	                    &le);
	for (size_t k = 0; k < fields->n; k++) {
		const char *f = fields->items[k];
		size_t len = strlen(f);
		const char *empty = NULL;
		bool found = false;
		for (const char *p = src + s;
		     len && !found && p + len <= src + e; p++) {
			if (memcmp(p, f, len) != 0)
				continue;
			if (value_empty(p + len, src + e)) {
				if (!empty)
					empty = p;
			} else {
				found = true;
			}
		}
		if (!found && empty)
			tl_check_reportf(ck, (size_t)(empty - src),
			                 (size_t)(empty - src) + len, NULL,
			                 "Attribution field '%.*s' has no "
			                 "value",
			                 "出处说明的“%.*s”一项没有填写",
			                 (int)len, f);
		else if (!found && len)
			tl_check_reportf(ck, ls, le, NULL,
			                 "The attribution lacks the field "
			                 "'%.*s'",
			                 "出处说明缺少“%.*s”一项", (int)len, f);
	}
}

/* The pattern, with match data and limits for this document (in its
 * arena). */
static matcher compile(tl_check *ck)
{
	state *st = tl_check_state(ck, sizeof *st);
	if (st->ready)
		return st->m;
	pcre2_general_context *gc = tl_regex_context(tl_check_arena(ck));
	matcher m = {tl_check_regex(ck, "pattern"), NULL, NULL};
	m.mc = pcre2_match_context_create(gc);
	pcre2_set_match_limit(m.mc, 100000);
	m.md = pcre2_match_data_create(1, gc);
	st->ready = true;
	st->m = m;
	return m;
}

/* Looks at the top-level blocks of the piece just parsed and keeps the
 * matching ones that may turn out to be the attribution. */
static void check_doc(tl_check *ck, const tl_doc *doc)
{
	state *st = tl_check_state(ck, sizeof *st);
	matcher m = compile(ck);
	bool at_end = strcmp(tl_check_option(ck, "position"), "end") == 0;
	bool quote = tl_check_option_bool(ck, "quote");
	long within = tl_check_option_int(ck, "within");
	for (cmark_node *c = cmark_node_first_child(doc->root); c;
	     c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) == CMARK_NODE_HTML_BLOCK)
			continue;
		/* An attribution block: a block quote (with `quote`) whose
		 * source matches the pattern. */
		block b = {st->n++, 0, 0, false, false, 0, 0};
		if (quote && cmark_node_get_type(c) != CMARK_NODE_BLOCK_QUOTE)
			continue;
		tl_doc_node_span(doc, c, &b.s, &b.e);
		if (pcre2_match(m.re, (PCRE2_SPTR)doc->src->data + b.s,
		                b.e - b.s, 0, 0, m.md, m.mc) < 0)
			continue;
		find_links(doc, c, &b);
		if (!st->any) {
			st->first = b;
			st->any = true;
		}
		if (!at_end || within < 0)
			continue;
		/* Only the last `within` blocks can be the window: forget
		 * the matches that fell out of it. */
		size_t keep = 0;
		for (size_t k = 0; k < st->nrecent; k++)
			if (st->recent[k].index + (size_t)within >= st->n)
				st->recent[keep++] = st->recent[k];
		st->nrecent = keep;
		st->recent = tl_grow(st->recent, st->nrecent, &st->cap,
		                     sizeof *st->recent);
		st->recent[st->nrecent++] = b;
	}
}

/* Judges the document once every piece was seen. */
static void check_end(tl_check *ck, const tl_doc *doc)
{
	if (tl_doc_is_readme(doc))
		return;
	state *st = tl_check_state(ck, sizeof *st);
	bool at_end = strcmp(tl_check_option(ck, "position"), "end") == 0;
	bool quote = tl_check_option_bool(ck, "quote");
	long within = tl_check_option_int(ck, "within");
	size_t n = st->n;
	size_t lo = 0, hi = n; /* the window */
	if (within >= 0 && (size_t)within < n) {
		if (at_end)
			lo = n - (size_t)within;
		else
			hi = (size_t)within;
	}

	/* The first match in the window, else the first anywhere. */
	const block *f = NULL;
	if (st->any && st->first.index >= lo && st->first.index < hi)
		f = &st->first;
	for (size_t k = 0; !f && k < st->nrecent; k++)
		if (st->recent[k].index >= lo && st->recent[k].index < hi)
			f = &st->recent[k];
	if (!f && st->any)
		f = &st->first;
	size_t found = f ? f->index : n;
	bool linked = tl_check_option_bool(ck, "link");
	block b = f ? *f : (block){0, 0, 0, false, false, 0, 0};
	free(st->recent);
	st->recent = NULL;

	if (found == n) {
		size_t ls, le;
		tl_source_line_span(
		    doc->src,
		    tl_source_line_index(doc->src, doc->fm_kind == TL_FM_NONE
		                                       ? doc->src->body
		                                       : doc->fm_start),
		    &ls, &le);
		if (ls < doc->src->body)
			ls = doc->src->body;
		const char *what =
		    quote ? tl_check_msg(ck, "block quote", "引用块")
		          : tl_check_msg(ck, "block", "段落");
		const char *where =
		    at_end ? tl_check_msg(ck, "among the last", "位于文末")
		           : tl_check_msg(ck, "among the first", "位于开头");
		tl_check_reportf(ck, ls, le, NULL,
		                 "No attribution: expected a %s matching "
		                 "/%s/ %s %ld blocks",
		                 "缺少出处说明：应有一个%s匹配 /%s/，%s %ld "
		                 "个块之内",
		                 what, tl_check_option(ck, "pattern"), where,
		                 within);
		return;
	}
	size_t s = b.s, e = b.e;
	if (found < lo || found >= hi) {
		size_t ls, le;
		tl_source_line_span(doc->src, tl_source_line_index(doc->src, s),
		                    &ls, &le);
		tl_check_report(
		    ck, ls, le,
		    at_end ? tl_check_msgf(ck,
		                           "The attribution should be among "
		                           "the last %ld blocks",
		                           "出处说明应位于文末 %ld 个块之内",
		                           within)
		           : tl_check_msgf(ck,
		                           "The attribution should be among "
		                           "the first %ld blocks",
		                           "出处说明应位于开头 %ld 个块之内",
		                           within),
		    NULL);
	}
	if (linked)
		check_link(ck, doc, &b);
	check_fields(ck, doc, s, at_end ? doc->src->len : e);
}

const tl_rule tl_rule_attribution = {
    .name = "attribution",
    .summary = "The attribution to the original is present and complete",
    .summary_zh = "出处说明（原文链接、作者、译者等）齐全",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_NONE,
    .options = options,
    .description =
        "A README (`README.md` in any folder) is a note to its readers, "
        "not an article, and is not asked for one. "
        "Looks for the block that says where the original article is and "
        "reports, each with its own message: no such block; a block "
        "found outside its place; no link to the original with an "
        "absolute http or https URL (a Markdown link, or a bare URL as in "
        "`via: https://…`); a field of `fields` missing, or present with "
        "nothing after its label (`译者：` and the end of the line).\n\n"
        "The attribution block is the first top-level block among the "
        "first `within` blocks after the front matter (`position: end`: "
        "among the last `within`) whose source text matches `pattern` "
        "(PCRE2, multi-line: `^` is a line start) and, with `quote`, is "
        "a block quote. HTML blocks (comments) are not counted. Fields "
        "are looked for in that block; with `position: end`, in it and "
        "every block after it, since footers spread over several "
        "paragraphs. A field is its label, optional spaces and an "
        "optional `:` or `：`, then anything up to the end of the line.\n\n"
        "Why: the link to the original is the author's credit and often "
        "the licence's condition; translation communities also credit "
        "the translator and the reviewer in the same place.",
    .fix_doc = "None: only the translator knows where the original is.",
    .description_zh =
        "README（任何文件夹中的 `README.md`）是写给读者的说明而不是文章，"
        "不要求它有这一项。"
        "查找说明原文出处的那一块内容，并分别报告以下问题：没有这样的块；"
        "块出现在规定位置之外；没有用绝对 http 或 https 地址链接原文（Mar"
        "kdown 链接，或像 `via: https://…` 那样的裸 URL）；`fields` "
        "中的某个字段缺失，或标签后面什么也没有（`译者：` 之后直接换行）"
        "。\n\n出处块是前置元数据之后前 `within` 个顶层块中（`position: "
        "end` 时为最后 `within` 个），第一个源文本匹配 `pattern`（PCRE2，"
        "多行模式：`^` 匹配行首）的块；设置了 `quote` 时，它还必须是引用块"
        "。HTML 块（注释）不计入。字段在这个块中查找；`position: "
        "end` 时也在它之后的每一块中查找，因为文末信息常常分成几段。"
        "一个字段由标签、可选的空格、可选的 `:` 或 `：`，以及直到行尾的内"
        "容组成。\n\n原因：原文链接是对作者的署名，也常常是许可证的要求；"
        "翻译社区还在同一处注明译者和校对者。",
    .fix_doc_zh = "无：原文在哪里，只有译者知道。",
    .bad = "# 开放模型\n\n> 译自 Open Models，作者 Alex Williams。\n\n正文。\n",
    .good = "# 开放模型\n\n> 译自 [Open Models](https://example.com/open-"
            "models)，作者 Alex Williams。\n\n正文。\n",
    .check_doc = check_doc,
    .check_end = check_end,
};
