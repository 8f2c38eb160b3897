/*
 * link-syntax: a link that did not render because its syntax is slightly
 * off: a space between the text and the destination ("[text] (url)"),
 * full-width brackets or parentheses ("[text]（url）", "【text】(url)",
 * "[text](url）"), an unclosed "(", a reference "[text][5]" whose label
 * has no definition, and a link with empty text "[](url)".
 *
 * Translators type Chinese punctuation by habit and an input method
 * turns "(" into "（" without asking; CommonMark then leaves the whole
 * link as literal text and the reader sees brackets and a raw URL. The
 * failed link is still in the prose run, as literal "[" "]" "(" text
 * characters (a rendered link has no bracket characters at all), so the
 * check pairs the literal brackets of a run and looks at what follows
 * each pair. Link reference definitions are not in cmark's tree, so the
 * labels that have one are read from the source.
 */
#include "rule.h"

#include <string.h>

/* ---- Link reference definitions ------------------------------------- */

typedef struct defs {
	bool scanned;
	size_t n;
	const char **labels; /* normalized: ASCII lower case, single spaces */
} defs;

/* Normalizes label S (N bytes) into OUT (N + 1 bytes at least). */
static size_t normalize(const char *s, size_t n, char *out)
{
	size_t k = 0;
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = k > 0;
			continue;
		}
		if (space)
			out[k++] = ' ';
		space = false;
		out[k++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	out[k] = '\0';
	return k;
}

/* The label of a definition on line [S, E) ("[label]: ..." after block
 * quote markers and indentation), or false. */
static bool def_label(const char *s, const char *e, const char **ls, size_t *ln)
{
	while (s < e && (*s == ' ' || *s == '\t' || *s == '>'))
		s++;
	if (s >= e || *s != '[')
		return false;
	const char *p = s + 1;
	while (p < e && *p != ']' && *p != '[')
		p++;
	if (p + 1 >= e || *p != ']' || p[1] != ':' || p == s + 1)
		return false;
	*ls = s + 1;
	*ln = (size_t)(p - s - 1);
	return true;
}

/* Is line [S, E) a code fence? Sets *FENCE to its character. */
static bool is_fence(const char *s, const char *e, char *fence)
{
	while (s < e && (*s == ' ' || *s == '\t' || *s == '>'))
		s++;
	if (e - s < 3 || (*s != '`' && *s != '~') || s[1] != *s || s[2] != *s)
		return false;
	*fence = *s;
	return true;
}

/* Reads the labels of every definition outside fenced code, once per
 * document. Two passes: count, then store. */
static const defs *doc_defs(tl_check *ck, const tl_doc *doc)
{
	defs *d = tl_check_state(ck, sizeof *d);
	if (d->scanned)
		return d;
	d->scanned = true;
	const tl_source *src = doc->src;
	for (int pass = 0; pass < 2; pass++) {
		char fence = 0;
		size_t n = 0;
		for (size_t l = 0; l < src->nlines; l++) {
			size_t ls, le;
			tl_source_line_span(src, l, &ls, &le);
			const char *s = src->data + ls, *e = src->data + le;
			char f;
			if (is_fence(s, e, &f)) {
				if (!fence)
					fence = f;
				else if (f == fence)
					fence = 0;
				continue;
			}
			const char *lab;
			size_t len;
			if (fence || !def_label(s, e, &lab, &len))
				continue;
			if (pass == 1) {
				char *out =
				    tl_arena_alloc(tl_check_arena(ck), len + 1);
				normalize(lab, len, out);
				d->labels[n] = out;
			}
			n++;
		}
		if (pass == 0) {
			d->n = n;
			d->labels =
			    tl_arena_alloc(tl_check_arena(ck),
			                   (n ? n : 1) * sizeof *d->labels);
		}
	}
	return d;
}

static bool defined(tl_check *ck, const tl_doc *doc, const char *s, size_t n)
{
	const defs *d = doc_defs(ck, doc);
	char *key = tl_arena_alloc(tl_check_arena(ck), n + 1);
	normalize(s, n, key);
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->labels[i], key) == 0)
			return true;
	return false;
}

/* ---- Destinations ----------------------------------------------------- */

/* Is [S, S+N) plainly a URL: a scheme "x://", "mailto:" or "www."? */
static bool plain_url(const char *s, size_t n)
{
	if (n >= 4 && strncmp(s, "www.", 4) == 0)
		return true;
	if (n >= 7 && strncmp(s, "mailto:", 7) == 0)
		return true;
	size_t i = 0;
	while (i < n &&
	       ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
	        (i > 0 && ((s[i] >= '0' && s[i] <= '9') || s[i] == '+' ||
	                   s[i] == '.' || s[i] == '-'))))
		i++;
	return i > 0 && i + 3 < n && s[i] == ':' && s[i + 1] == '/' &&
	       s[i + 2] == '/';
}

/* Does [S, S+N) look like a link destination at all: a URL, a path
 * ("/usr/share", "a/b"), an anchor, or a file name with an extension?
 * No spaces and nothing but ASCII. */
static bool link_like(const char *s, size_t n)
{
	if (n == 0)
		return false;
	bool slash = false;
	size_t dot = n;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= ' ' || c >= 0x7F || c == '[' || c == ']')
			return false;
		if (c == '/')
			slash = true;
		if (c == '.')
			dot = i;
	}
	if (slash || s[0] == '#' || plain_url(s, n))
		return true;
	/* "notes.md": a name, a dot, an extension of letters. */
	if (dot == 0 || dot + 1 >= n || n - dot > 6)
		return false;
	for (size_t i = dot + 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= 'A' && s[i] <= 'Z')))
			return false;
	return true;
}

/* ---- The check -------------------------------------------------------- */

static bool is_word_char(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* Are the characters [S, E) of RUN all digits (a citation number)? */
static bool all_digits(const tl_run *run, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (!tl_run_is_text(run, i) ||
		    !(run->chars[i].cls & TL_CLS_DIGIT))
			return false;
	return s < e;
}

/* Can "[text][label]" (brackets at OPEN, CLOSE, CLOSE + 1 and END) be a
 * link reference at all? Not a run of citation numbers, "尝试[1][2][3]",
 * nor an editorial bracket whose label has no letter, digit or CJK
 * character in it, "[2016][……]": neither was ever meant as a link. */
static bool may_be_reference(const tl_run *run, size_t open, size_t close,
                             size_t end)
{
	if (all_digits(run, open + 1, close) && all_digits(run, close + 2, end))
		return false;
	for (size_t i = close + 2; i < end; i++)
		if (run->chars[i].cls &
		    (TL_CLS_LATIN | TL_CLS_DIGIT | TL_CLS_CJK))
			return true;
	return false;
}

/* "[text][label]": reports a label that has no definition. CLOSE is the
 * "]" of the text; the label starts at CLOSE + 1. */
static void check_reference(tl_check *ck, const tl_run *run, size_t open,
                            size_t close)
{
	size_t k = close + 2;
	while (k < run->n && run->chars[k].kind == TL_CHAR_TEXT &&
	       run->chars[k].cp != '[' && run->chars[k].cp != ']')
		k++;
	if (k >= run->n || !tl_run_is_bare(run, k, ']'))
		return;
	/* "a[i][j]" is an index expression, not a link. */
	if (open > 0 && is_word_char(run->chars[open - 1].cp))
		return;
	const char *data = run->doc->src->data;
	size_t ls = run->chars[close + 1].end, le = run->chars[k].start;
	if (ls == le) /* "[text][]": the text is the label */
		return;
	if (!may_be_reference(run, open, close, k))
		return;
	if (defined(ck, run->doc, data + ls, le - ls))
		return;
	const char *msg = tl_check_printf(
	    ck, "%s [%.*s] %s", tl_check_msg(ck, "Link reference", "链接引用"),
	    (int)(le - ls), data + ls,
	    tl_check_msg(ck, "has no definition", "没有定义"));
	tl_check_report(ck, run->chars[open].start, run->chars[k].end, msg,
	                NULL);
}

/* Looks at what follows the literal bracket pair OPEN..CLOSE. */
static void check_pair(tl_check *ck, const tl_run *run, size_t open,
                       size_t close)
{
	const tl_char *ch = run->chars;
	const char *data = run->doc->src->data;
	bool fw_bracket = ch[open].cp == 0x3010; /* 【 */
	size_t j = close + 1;
	while (j < run->n &&
	       (tl_run_is_bare(run, j, ' ') || tl_run_is_bare(run, j, '\t')))
		j++;
	if (j >= run->n)
		return;
	bool space = j > close + 1;
	if (!space && !fw_bracket && tl_run_is_bare(run, j, '[')) {
		check_reference(ck, run, open, close);
		return;
	}
	bool fw_open = tl_run_is_bare(run, j, 0xFF08); /* （ */
	if (!fw_open && !tl_run_is_bare(run, j, '('))
		return;
	/* The destination: up to the matching ")" or the first "）". */
	size_t k = j + 1;
	int depth = 0;
	for (; k < run->n; k++) {
		if (ch[k].kind == TL_CHAR_BREAK)
			break;
		if (tl_run_is_bare(run, k, 0xFF09))
			break;
		if (tl_run_is_bare(run, k, '('))
			depth++;
		if (tl_run_is_bare(run, k, ')') && depth-- == 0)
			break;
	}
	bool closed = k < run->n && ch[k].kind != TL_CHAR_BREAK;
	bool fw_close = closed && ch[k].cp == 0xFF09;
	size_t ds = ch[j].end;
	size_t de = closed ? ch[k].start : ch[k - 1].end;
	while (ds < de && (data[ds] == ' ' || data[ds] == '\t'))
		ds++;
	while (de > ds && (data[de - 1] == ' ' || data[de - 1] == '\t'))
		de--;
	/* A plain URL and nothing else. */
	bool plain =
	    link_like(data + ds, de - ds) && plain_url(data + ds, de - ds);
	/* Only the start of the destination is a URL ("(https://x.org 后"). */
	bool url_start = plain_url(data + ds, de - ds);
	bool image =
	    open > 0 && tl_run_is_bare(run, open - 1, '!') && !fw_bracket;
	size_t start = ch[image ? open - 1 : open].start;
	size_t end = closed ? ch[k].end : de;

	const char *msg;
	if (fw_bracket || fw_open || fw_close) {
		/* Chinese text in full-width brackets is common; only a plain
		 * URL after 【】 makes it a link. */
		if (!fw_bracket && !fw_open && url_start &&
		    !link_like(data + ds, de - ds)) {
			/* "(https://x.org/、…）": the "）" closes something
			 * else; the "(" is unclosed. */
			tl_check_report(ck, start, ch[j + 1].end,
			                tl_check_msg(ck,
			                             "Link did not render: "
			                             "unclosed '('",
			                             "链接未生效：“(”没有闭合"),
			                NULL);
			return;
		}
		if (fw_bracket ? !plain : !link_like(data + ds, de - ds))
			return;
		msg = tl_check_msg(ck,
		                   "Link did not render: full-width bracket or "
		                   "parenthesis",
		                   "链接未生效：使用了全角括号");
	} else if (space) {
		if (!link_like(data + ds, de - ds))
			return;
		msg = tl_check_msg(ck,
		                   "Link did not render: space between ']' "
		                   "and '('",
		                   "链接未生效：“]”与“(”之间有空格");
	} else if (!closed) {
		if (!url_start)
			return;
		tl_edit edit = {ch[j + 1].end, ch[j + 1].end, ")"};
		tl_fix fix = {TL_FIX_UNSAFE, &edit, 1};
		msg = tl_check_msg(ck, "Link did not render: unclosed '('",
		                   "链接未生效：“(”没有闭合");
		/* The URL is one opaque character: ")" goes after it, unless
		 * the URL holds parentheses of its own: which ")" would close
		 * the link is then anyone's guess (and a bare URL takes in a
		 * balancing ")", so the fix would never settle). */
		const tl_char *u = &ch[j + 1];
		bool parens =
		    u->kind == TL_CHAR_URL &&
		    (memchr(data + u->start, '(', u->end - u->start) ||
		     memchr(data + u->start, ')', u->end - u->start));
		tl_check_report(ck, start, end, msg,
		                u->kind == TL_CHAR_URL && !parens ? &fix
		                                                  : NULL);
		return;
	} else {
		/* "[text](a b)": cmark takes no space in a destination. */
		bool blank = false;
		for (size_t p = ds; p < de; p++)
			blank |= data[p] == ' ';
		if (!blank || !url_start)
			return;
		msg = tl_check_msg(ck,
		                   "Link did not render: space in the "
		                   "destination",
		                   "链接未生效：链接地址中有空格");
		tl_check_report(ck, start, end, msg, NULL);
		return;
	}

	/* The fix: half-width brackets and parentheses, no space. */
	tl_edit edits[5];
	size_t ne = 0;
	if (fw_bracket) {
		edits[ne++] = (tl_edit){ch[open].start, ch[open].end, "["};
		edits[ne++] = (tl_edit){ch[close].start, ch[close].end, "]"};
	}
	size_t gs = ch[close].end, ge = ch[j].start;
	for (size_t p = gs; p < ge; p++)
		if (data[p] != ' ' && data[p] != '\t')
			return; /* not a plain gap: report nothing we cannot fix
			         */
	if (fw_open)
		edits[ne++] = (tl_edit){gs, ch[j].end, "("};
	else if (ge > gs)
		edits[ne++] = (tl_edit){gs, ge, ""};
	if (fw_close)
		edits[ne++] = (tl_edit){ch[k].start, ch[k].end, ")"};
	tl_fix fix = {plain ? TL_FIX_SAFE : TL_FIX_UNSAFE, edits, ne};
	tl_check_report(ck, start, end, msg, closed ? &fix : NULL);
}

#define MAX_NEST 32

static void check_run(tl_check *ck, const tl_run *run)
{
	/* A pair is "[" and "]" or U+3010 and U+3011: a run without both
	 * marks of either pair has no pair to check. */
	bool ascii_pair =
	    tl_run_has_ascii(run, '[') && tl_run_has_ascii(run, ']');
	bool fw_pair =
	    tl_run_may_have(run, 0x3010) && tl_run_may_have(run, 0x3011);
	if (!ascii_pair && !fw_pair)
		return;
	size_t stack[MAX_NEST];
	size_t top = 0;
	for (size_t i = 0; i < run->n; i++) {
		const tl_char *c = &run->chars[i];
		/* The code point first: it rules out nearly every character
		 * at once. */
		if (c->cp != '[' && c->cp != ']' && c->cp != 0x3010 &&
		    c->cp != 0x3011)
			continue;
		if (c->kind != TL_CHAR_TEXT || (c->flags & TL_CF_LITERAL))
			continue;
		if (c->cp == '[' || c->cp == 0x3010 /* 【 */) {
			if (top < MAX_NEST)
				stack[top++] = i;
			continue;
		}
		if (c->cp != ']' && c->cp != 0x3011 /* 】 */)
			continue;
		if (top == 0)
			continue;
		size_t open = stack[--top];
		bool fw = run->chars[open].cp == 0x3010;
		if (fw != (c->cp == 0x3011))
			continue;
		/* Both brackets in the same inline container. */
		if (run->chars[open].depth != c->depth ||
		    run->chars[open].flags != c->flags)
			continue;
		check_pair(ck, run, open, i);
	}
}

/* "[](url)": a link with no text renders as nothing at all. */
static void check_doc(tl_check *ck, const tl_doc *doc)
{
	const tl_doc_nodes *nd = tl_doc_nodes_of(doc);
	for (size_t i = 0; i < nd->nlinks; i++) {
		cmark_node *node = nd->links[i];
		if (cmark_node_get_type(node) != CMARK_NODE_LINK ||
		    cmark_node_first_child(node))
			continue;
		size_t s, e;
		tl_doc_node_span(doc, node, &s, &e);
		tl_check_report(
		    ck, s, e,
		    tl_check_msg(ck, "Link has empty text", "链接文字为空"),
		    NULL);
	}
}

const tl_rule tl_rule_link_syntax = {
    .name = "link-syntax",
    .summary = "Links that did not render because of their syntax",
    .summary_zh = "语法错误导致未生效的链接",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_SOMETIMES,
    .options = NULL,
    .description =
        "Flags a link that CommonMark left as literal text: a space "
        "between the text and the destination (`[text] (url)`, "
        "`![alt] (src)`), full-width brackets or parentheses "
        "(`[text]（url）`, `【text】(url)`, `[text](url）`), an unclosed "
        "`[text](url`, a space inside the destination, a reference "
        "`[text][5]` whose label has no definition `[5]: url`, and a link "
        "with empty text `[](url)`.\n\n"
        "Why: an input method types `（` for `(` without asking, and one "
        "such character turns a link into brackets and a raw URL on the "
        "page.\n\n"
        "How it decides: a failed link is literal bracket text in the "
        "paragraph, so the rule pairs the literal `[` `]` (and `【` `】`) "
        "and looks at what follows. After a space or a full-width "
        "parenthesis the destination must look like one: a URL, a path "
        "with `/`, an `#anchor` or a file name such as `a.md`, with no "
        "spaces and no CJK. After `【】`, and for an unclosed `(` or a "
        "space inside the destination, it must be plainly a URL (a "
        "scheme such as `https://`, or `www.`). A reference label is "
        "looked up among the definitions `[label]:` in the source "
        "outside fenced code.\n\n"
        "Not flagged: bracketed text with nothing link-like after it "
        "(`[Linux中国]`, task boxes `[ ]` and `[x]`, `【注意】（见下文）`), "
        "footnotes and references that have a definition, index "
        "expressions such as `a[i][j]`, numeric citation markers "
        "(`尝试[1][2][3]`), editorial brackets whose label has no letter, "
        "digit or CJK character (`[2016][……]`), escaped brackets, and "
        "code.",
    .fix_doc = "Drops the space and turns full-width brackets and "
               "parentheses half-width. Safe when the destination is plainly "
               "a URL (a scheme or `www.`); otherwise, as with a "
               "configuration snippet `[stylesdir] (/usr/share/styles)`, "
               "the brackets may not be a link at all and the fix is unsafe. "
               "An unclosed `(` gets an unsafe `)` after the URL, unless the "
               "URL holds parentheses of its own. Undefined "
               "references and empty link text have no fix.",
    .description_zh =
        "标记被 CommonMark 当作普通文字留下的链接：文字和目标之间有空格（"
        "`[text] (url)`、`![alt] (src)`），全角的方括号或圆括号（`[text]（"
        "url）`、`【text】(url)`、`[text](url）`），未闭合的 "
        "`[text](url`，目标中含有空格，标签没有定义 `[5]: url` "
        "的引用 `[text][5]`，以及文字为空的链接 `[](url)`。\n\n"
        "原因：输入法会不声不响地把 `(` 打成 `（`，一个这样的字符就会让页"
        "面上的链接变成方括号加一个裸 URL。\n\n判断方法：失败的链接在段落中"
        "是普通的方括号文字，所以规则把普通的 `[` `]`（以及 `【` "
        "`】`）配对，再看它们后面是什么。在空格或全角圆括号之后，"
        "目标必须看起来像一个目标：URL、含 `/` 的路径、`#anchor` "
        "或 `a.md` 这样的文件名，不含空格和中文。在 `【】` 之后，"
        "以及对于未闭合的 `(` 或目标中有空格的情况，目标必须明显是 "
        "URL（有 `https://` 这样的协议，或以 `www.` 开头）。引用标签在源文"
        "件中围栏代码之外的定义 `[label]:` 中查找。\n\n不标记："
        "后面没有任何像链接的内容的方括号文字（`[Linux中国]`、"
        "任务框 `[ ]` 和 `[x]`、`【注意】（见下文）`），有定义的脚注和引用"
        "，`a[i][j]` 这样的下标表达式，数字引用标记（`尝试[1][2][3]`），"
        "标签中没有字母、数字或汉字的编者方括号（`[2016][……]`），转义的方括号"
        "，以及代码。",
    .fix_doc_zh =
        "删除空格，并把全角的方括号和圆括号改成半角。目标明显是 "
        "URL（有协议或以 `www.` 开头）时修复是安全的；否则，例如配置片段 "
        "`[stylesdir] (/usr/share/styles)`，这对方括号可能根本不是链接，"
        "修复是不安全的。未闭合的 `(` 会得到一个加在 URL 之后的不安全的 "
        "`)`，除非 URL 本身含有括号。未定义的引用和空的链接文字没有修复。",
    .bad = "参见[项目主页] (https://example.org)和【文档】(https://example.org/"
           "docs)。\n",
    .good = "参见[项目主页](https://example.org)和[文档](https://example.org/"
            "docs)。\n",
    .check_run = check_run,
    .check_doc = check_doc,
};
