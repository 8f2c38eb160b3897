/*
 * link-destination: a link whose destination is wrong in a way the page
 * does not show until someone clicks: empty ("[x]()"), a placeholder
 * left by a tool ("None", "null", "undefined"), a misspelled scheme
 * ("hhttps://", "htps://", "http:/x"), a domain with no scheme
 * ("tukaani.org", "github.com/user", which a browser resolves as a path
 * on the current site), and a bare URL that runs into CJK text or
 * full-width punctuation ("https://x.com/a/）中"), which GFM renderers
 * swallow into the link.
 *
 * Destinations come from cmark's LINK and IMAGE nodes, reference links
 * included. The swallowed tail is seen in the prose run: the model reads
 * a bare URL as GFM does, CJK path included ("…/wiki/握手_(技术)"), but
 * ends it where text it runs into begins (passes.c), so a URL character
 * followed with no space by CJK text is exactly the case GFM gets wrong.
 */
#include "rule.h"

#include <string.h>

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static bool is_alpha(char c)
{
	c = lower(c);
	return c >= 'a' && c <= 'z';
}

static bool is_alnum(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

/* Does S equal WORD, ignoring ASCII case? */
static bool equal_nocase(const char *s, size_t n, const char *word)
{
	if (strlen(word) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower(s[i]) != word[i])
			return false;
	return true;
}

/* ---- Schemes ------------------------------------------------------- */

/* Schemes that are not typos of "http" although they look close. */
static const char *const schemes[] = {
    "ftp",   "ftps", "sftp", "file", "mailto", "tel",  "data", "irc",  "ircs",
    "ssh",   "git",  "svn",  "ws",   "wss",    "news", "nntp", "xmpp", "magnet",
    "about", "sms",  "smb",  "nfs",  "rtsp",   "rtmp", "s3",   "gs",   "hdfs"};

/* The edit distance of A (N bytes, compared lower-cased) and B. */
static size_t distance(const char *a, size_t n, const char *b)
{
	char low[16];
	if (n >= sizeof low)
		return 99;
	for (size_t i = 0; i < n; i++)
		low[i] = lower(a[i]);
	return tl_edit_distance(low, n, b, strlen(b));
}

/* A misspelled http(s) scheme at the start of URL: "hhttps://",
 * "htps://", "http:/x", "https//x", "http;//x". Returns the length of
 * the bad prefix, or 0. */
static size_t bad_scheme(const char *url)
{
	size_t n = 0;
	while (is_alpha(url[n]))
		n++;
	if (n < 3 || n > 8)
		return 0;
	const char *rest = url + n;
	bool http =
	    equal_nocase(url, n, "http") || equal_nocase(url, n, "https");
	if (http) {
		if (strncmp(rest, "://", 3) == 0)
			/* "https://https://x": a scheme typed twice. */
			return (strncmp(rest + 3, "http:", 5) == 0 ||
			        strncmp(rest + 3, "https:", 6) == 0)
			           ? n + 3
			           : 0;
		if (rest[0] == ':' || rest[0] == ';' ||
		    strncmp(rest, "//", 2) == 0)
			return n + strspn(rest, ":;/");
		return 0;
	}
	/* Another word followed by a scheme separator: a typo when it is
	 * close to "http" or "https" and not a scheme of its own. */
	if (strncmp(rest, "://", 3) != 0 && strncmp(rest, ":/", 2) != 0)
		return 0;
	for (size_t i = 0; i < sizeof schemes / sizeof *schemes; i++)
		if (equal_nocase(url, n, schemes[i]))
			return 0;
	if (distance(url, n, "http") > 2 && distance(url, n, "https") > 2)
		return 0;
	/* Both t and p, as in every misspelling seen: "htp", "htttps". */
	if (!memchr(url, 't', n) || !memchr(url, 'p', n))
		return 0;
	return n + strspn(rest, ":/");
}

/* ---- Bare domains -------------------------------------------------- */

/* Top-level domains that articles link to. Names that are also common
 * file extensions (md, sh, py, rs, pl, so, cc, ...) are left out on
 * purpose: "a.md" is a file next to the article, not Moldova. */
static const char *const tlds[] = {
    "com",  "org", "net", "io",   "dev",  "ai",   "cn",    "edu",    "gov",
    "info", "co",  "me",  "app",  "xyz",  "tech", "cloud", "site",   "top",
    "us",   "uk",  "de",  "jp",   "fr",   "ru",   "tv",    "biz",    "eu",
    "ca",   "au",  "nl",  "se",   "ch",   "it",   "es",    "kr",     "tw",
    "hk",   "sg",  "br",  "blog", "news", "wiki", "page",  "online",
};

/* Is the start of URL (no scheme) a domain name such as "tukaani.org"
 * or "github.com/user": dot-separated labels, the last a known TLD,
 * followed by the end, "/", ":port", "?" or "#". Returns its length. */
static size_t bare_domain(const char *url)
{
	size_t n = 0, dots = 0, last = 0;
	while (is_alnum(url[n]) || url[n] == '-' || url[n] == '.') {
		if (url[n] == '.') {
			if (n == 0 || url[n - 1] == '.')
				return 0;
			dots++;
			last = n + 1;
		}
		n++;
	}
	if (dots == 0 || last >= n)
		return 0;
	char c = url[n];
	if (c != '\0' && c != '/' && c != ':' && c != '?' && c != '#')
		return 0;
	for (size_t i = 0; i < sizeof tlds / sizeof *tlds; i++)
		if (equal_nocase(url + last, n - last, tlds[i]))
			return n;
	return 0;
}

/* ---- The checks ------------------------------------------------------ */

static void check_url(tl_check *ck, const tl_doc *doc, cmark_node *node)
{
	const char *url = cmark_node_get_url(node);
	if (!url)
		url = "";
	size_t n = strlen(url), k;
	const char *msg = NULL;
	if (n == 0) {
		msg = tl_check_msg(ck, "Link destination is empty",
		                   "链接地址为空");
	} else if (equal_nocase(url, n, "none") ||
	           equal_nocase(url, n, "null") ||
	           equal_nocase(url, n, "undefined") ||
	           equal_nocase(url, n, "nan")) {
		msg = tl_check_printf(ck, "%s: %s",
		                      tl_check_msg(ck,
		                                   "Link destination is a "
		                                   "placeholder",
		                                   "链接地址是占位值"),
		                      url);
	} else if ((k = bad_scheme(url)) > 0) {
		msg = tl_check_printf(ck, "%s: %.*s",
		                      tl_check_msg(ck,
		                                   "Link destination has a "
		                                   "misspelled scheme",
		                                   "链接地址的协议拼写有误"),
		                      (int)k, url);
	} else if ((k = bare_domain(url)) > 0) {
		msg = tl_check_printf(
		    ck, "%s: %.*s",
		    tl_check_msg(ck,
		                 "Link destination is a domain "
		                 "without a scheme (read as a "
		                 "relative path)",
		                 "链接地址是缺少协议（如 "
		                 "https://）的域名，会被当作相对"
		                 "路径"),
		    (int)k, url);
	}
	if (!msg)
		return;
	/* The node's span, only for a link that is reported: finding it
	 * costs more than all the tests above. */
	size_t s, e;
	tl_doc_node_span(doc, node, &s, &e);
	tl_check_report(ck, s, e, msg, NULL);
}

static void check_doc(tl_check *ck, const tl_doc *doc)
{
	const tl_doc_nodes *nd = tl_doc_nodes_of(doc);
	for (size_t i = 0; i < nd->nlinks; i++)
		check_url(ck, doc, nd->links[i]);
}

/* A bare URL followed, with no space, by text GFM takes into it. */
static void check_run(tl_check *ck, const tl_run *run)
{
	/* A URL is an opaque U+FFFC, and what swallows it CJK text or
	 * punctuation: a run without both has nothing to report. */
	if (!tl_run_may_have(run, 0xFFFC) ||
	    !(run->cls_any & (TL_CLS_CJK | TL_CLS_CJK_PUNCT)))
		return;
	const char *data = run->doc->src->data;
	for (size_t i = 0; i + 1 < run->n; i++) {
		const tl_char *u = &run->chars[i];
		/* The code point first: it rules out nearly every character
		 * at once. */
		if (u->cp != 0xFFFC || u->kind != TL_CHAR_URL ||
		    (u->flags & (TL_CF_LINK | TL_CF_IMAGE | TL_CF_HTML)))
			continue;
		/* Bare URLs only: not "<https://x>", not an e-mail address. */
		char c0 = lower(data[u->start]);
		if (c0 != 'h' && c0 != 'f' && c0 != 'w')
			continue;
		if (!memchr(data + u->start, '/', u->end - u->start) &&
		    strncmp(data + u->start, "www.", 4) != 0)
			continue;
		/* GFM links "www." only at the start of a line, after white
		 * space or after one of "*_~(": "host是www.example.com并且" is
		 * no link at all, so nothing is swallowed. */
		if (c0 == 'w' && u->start > 0 &&
		    !strchr(" \t\r\n*_~(", data[u->start - 1]))
			continue;
		/* GFM reads on to the next space or "<" and trims trailing
		 * ASCII punctuation, which the model left after the URL;
		 * find the first character of that stretch that is not
		 * ASCII. */
		size_t k = i + 1, end = u->end;
		for (; k < run->n; k++) {
			const tl_char *c = &run->chars[k];
			if (c->kind != TL_CHAR_TEXT || c->start != end ||
			    c->cp <= ' ' || c->cp == '<' || c->cp >= 0x80)
				break;
			end = c->end;
		}
		if (k >= run->n || run->chars[k].kind != TL_CHAR_TEXT ||
		    run->chars[k].start != end ||
		    !((run->chars[k].cls & TL_CLS_CJK) ||
		      (run->chars[k].cls & TL_CLS_CJK_PUNCT)))
			continue;
		/* Already written "<https://x>" by hand: not ours to judge. */
		if (i > 0 && run->chars[i - 1].cp == '<' &&
		    run->chars[i - 1].end == u->start)
			continue;
		/* "<https://x>" ends the link in every renderer; "<www.x>" is
		 * no autolink in CommonMark and would show its brackets, so a
		 * www link gets no fix. Nor does the destination of a link
		 * that did not render ("[文档](https://x.org/a_(b)，后"):
		 * wrapped, it would still be no link, and where its ")" was
		 * meant to go is link-syntax's finding, not a guess to make
		 * here. */
		bool www = c0 == 'w';
		bool failed_link = i >= 2 && run->chars[i - 1].cp == '(' &&
		                   run->chars[i - 2].cp == ']' &&
		                   run->chars[i - 1].kind == TL_CHAR_TEXT &&
		                   run->chars[i - 2].kind == TL_CHAR_TEXT;
		tl_edit edits[2] = {{u->start, u->start, "<"},
		                    {u->end, u->end, ">"}};
		tl_fix fix = {TL_FIX_UNSAFE, edits, 2};
		tl_check_report(
		    ck, u->start, run->chars[k].end,
		    tl_check_msg(ck,
		                 "Text after a bare URL is swallowed "
		                 "into the link by GFM renderers",
		                 "裸露 URL 后紧跟的文字会被 GFM "
		                 "渲染器并入链接"),
		    www || failed_link ? NULL : &fix);
	}
}

const tl_rule tl_rule_link_destination = {
    .name = "link-destination",
    .summary = "Link destinations that are empty, misspelled or lack a "
               "scheme",
    .summary_zh = "链接地址为空、拼写错误或缺少协议",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_UNSAFE,
    .options = NULL,
    .description =
        "Flags a link or image whose destination is empty (`[x]()`), a "
        "placeholder (`None`, `null`, `undefined`, `NaN`), a misspelled "
        "scheme (`hhttps://`, `htps://`, `http:/x`, `https//x`, "
        "`https://https://x`), or a domain with no scheme (`tukaani.org`, "
        "`github.com/user`); and a bare URL followed with no space by CJK "
        "text or full-width punctuation (`https://x.com/a/）中`).\n\n"
        "Why: a browser reads `tukaani.org` as a file next to the page, a "
        "misspelled scheme goes nowhere, and GFM renderers (GitHub, many "
        "static site generators) extend a bare URL up to the next space, "
        "so the Chinese text after it becomes part of a broken link.\n\n"
        "How it decides: a scheme is misspelled when the word before "
        "`:/` is within two edits of `http` or `https`, holds a `t` and a "
        "`p`, and is not a scheme of its own (`ftp`, `sftp`, `file`...). "
        "A domain is dot-separated labels ending in a known top-level "
        "domain (`com`, `org`, `net`, `io`, `dev`, `ai`, `cn`...) followed "
        "by the end, `/`, `:`, `?` or `#`; top-level domains that are also "
        "file extensions (`md`, `sh`, `py`, `rs`, `pl`) are left out, so "
        "relative paths (`images/a.png`, `../x.md`, `a.md`, `#anchor`) "
        "are not flagged.\n\n"
        "A bare URL is read as GFM's autolink extension reads it, up to "
        "the next white space, less trailing punctuation and unbalanced "
        "parentheses; its path may hold CJK "
        "(`https://zh.wikipedia.org/wiki/握手_(技术)`, "
        "`https://example.com/搜索?q=测试,结果`, `www.example.com/中文路径`), "
        "and such a URL followed by white space is not flagged. Text is "
        "swallowed when the URL runs, with no space, into full-width "
        "punctuation, or into CJK right after a letter, a digit, `.` or a "
        "closing mark (`…/docs然后`, `…/a.中文`, `…/wiki/(技术)后来`). A "
        "`www.` URL is a link in GFM only at the start of a line or after "
        "white space or `*_~(`, so `host是www.example.com并且` swallows "
        "nothing.",
    .fix_doc = "Only the swallowed tail has a fix, and it is unsafe: it "
               "wraps the URL in angle brackets (`<https://x.com/a/>）中`), "
               "which ends the link in every renderer but changes the "
               "source's look; none for the destination of a link that did "
               "not render (`[文档](https://x.org/a_(b)，后`), whose repair "
               "is link-syntax's. The other findings need the right address, "
               "which only the author knows.",
    .description_zh =
        "标记目标为空（`[x]()`）、是占位符（`None`、`null`、`undefined`、"
        "`NaN`）、协议名拼错（`hhttps://`、`htps://`、`http:/x`、"
        "`https//x`、`https://https://x`）或只有域名没有协议（`tukaani.or"
        "g`、`github.com/user`）的链接或图片；以及后面不加空格紧跟中文或全"
        "角标点的裸 URL（`https://x.com/a/）中`）。\n\n原因：浏览器会把 "
        "`tukaani.org` 当作页面旁边的文件，拼错协议的链接哪里也去不了，"
        "而 GFM 渲染器（GitHub 和许多静态网站生成器）会把裸 URL "
        "一直延伸到下一个空格，于是后面的中文也成了一个坏链接的一部分。"
        "\n\n判断方法：`:/` 之前的单词与 `http` 或 `https` 相差不超过两次编"
        "辑、含有 `t` 和 `p`、本身又不是另一种协议（`ftp`、`sftp`、"
        "`file` 等）时，视为协议拼错。域名是以已知顶级域名（`com`、"
        "`org`、`net`、`io`、`dev`、`ai`、`cn` 等）结尾、由点分隔的若干标"
        "签，其后是结尾、`/`、`:`、`?` 或 `#`；同时也是文件扩展名的顶级域"
        "名（`md`、`sh`、`py`、`rs`、`pl`）不算在内，因此相对路径（`image"
        "s/a.png`、`../x.md`、`a.md`、`#anchor`）不会被标记。\n\n"
        "裸 URL 按 GFM 自动链接扩展的方式读取：一直到下一个空白，去掉末尾的"
        "标点和不成对的括号；路径中可以有中文"
        "（`https://zh.wikipedia.org/wiki/握手_(技术)`、"
        "`https://example.com/搜索?q=测试,结果`、`www.example.com/中文路径`）"
        "，这样的 URL 后面跟着空白时不会被标记。URL 不加空格地连上全角标点，"
        "或在字母、数字、`.` 或右括号之后连上中文（`…/docs然后`、"
        "`…/a.中文`、`…/wiki/(技术)后来`）时，才算吞掉了文字。`www.` "
        "开头的 URL 在 GFM 中只有位于行首、空白或 `*_~(` 之后才是链接，所以 "
        "`host是www.example.com并且` 没有吞掉任何文字。",
    .fix_doc_zh =
        "只有被吞掉的尾巴有修复，而且是不安全的：用尖括号把 URL "
        "括起来（`<https://x.com/a/>）中`），这在所有渲染器中都能结束链接"
        "，但改变了源文件的样子；没有生效的链接的目标（`[文档](https://x.o"
        "rg/a_(b)，后`）没有修复，它的修复属于 link-syntax。其他问题需要正确"
        "的地址，只有作者知道。",
    .bad = "参见[官网](tukaani.org)和[文档](htps://example.org/docs)，"
           "或访问 https://example.org/）中的说明。\n",
    .good = "参见[官网](https://tukaani.org)和[文档](https://example.org/"
            "docs)，或访问 <https://example.org/>）中的说明。\n",
    .check_run = check_run,
    .check_doc = check_doc,
};
