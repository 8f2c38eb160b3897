/*
 * test_markdown.c: the document model. Every prose character must map to
 * the exact source bytes it came from, across inline markup, escapes,
 * entities, line breaks and containers; everything that is not prose must
 * stay out of the runs.
 */
#include "check.h"
#include "internal.h"
#include "rules/rule.h"

#include <stdlib.h>
#include <string.h>

/* All runs of a document, copied out of the callback. */
typedef struct runs {
	tl_source *src;
	tl_doc *doc;
	size_t n;
	struct {
		tl_char *chars;
		size_t *after; /* tl_run_after of each character */
		size_t nchars;
		char *text;
		tl_block_kind kind;
		int level;
		unsigned context;
	} r[32];
	int bad_invariant; /* number of characters breaking an invariant */
	char first_bad[128];
} runs;

/* The TL_CLS_* bits of CP, from the tl_char_is_* functions. */
static uint8_t class_of(uint32_t cp)
{
	return (uint8_t)((tl_char_is_cjk(cp) ? TL_CLS_CJK : 0) |
	                 (tl_char_is_cjk_punct(cp) ? TL_CLS_CJK_PUNCT : 0) |
	                 (tl_char_is_latin_letter(cp) ? TL_CLS_LATIN : 0) |
	                 (tl_char_is_digit(cp) ? TL_CLS_DIGIT : 0) |
	                 (tl_char_is_space(cp) ? TL_CLS_SPACE : 0));
}

static void collect(const tl_run *run, void *user)
{
	runs *rs = user;
	if (rs->n == 32)
		return;
	rs->r[rs->n].chars = tl_xmalloc((run->n + 1) * sizeof(tl_char));
	memcpy(rs->r[rs->n].chars, run->chars, run->n * sizeof(tl_char));
	rs->r[rs->n].after = tl_xmalloc((run->n + 1) * sizeof(size_t));
	for (size_t i = 0; i < run->n; i++)
		rs->r[rs->n].after[i] = tl_run_after(run, i);
	rs->r[rs->n].nchars = run->n;
	rs->r[rs->n].text = tl_xstrdup(run->text);
	rs->r[rs->n].kind = run->kind;
	rs->r[rs->n].level = run->level;
	rs->r[rs->n].context = run->context;
	/* Invariants every run must keep. */
	const char *data = rs->doc->src->data;
	size_t ncjk = 0;
	for (size_t i = 0; i < run->n; i++) {
		const tl_char *c = &run->chars[i];
		char enc[4];
		size_t k = tl_utf8_encode(c->cp, enc);
		size_t after = tl_run_after(run, i), toff = tl_run_toff(run, i);
		bool ok = c->start <= c->end && c->end <= after &&
		          after <= rs->doc->src->len &&
		          (i == 0 || c->start >= run->chars[i - 1].end);
		if (c->kind == TL_CHAR_TEXT && !(c->flags & TL_CF_LITERAL))
			ok = ok && c->end - c->start == k &&
			     memcmp(data + c->start, enc, k) == 0;
		/* The class bits are those of the code point, and the
		 * run's summary holds every character. */
		ok = ok && c->cls == class_of(c->cp) &&
		     tl_run_may_have(run, c->cp) &&
		     (run->cls_any & c->cls) == c->cls;
		/* The run's text holds each character's UTF-8 at its offset,
		 * one after the other. */
		size_t next = tl_run_toff(run, i + 1);
		ok = ok && toff + k == next &&
		     memcmp(run->text + toff, enc, k) == 0;
		/* And the searches by text offset find the character. */
		ok = ok && tl_run_char_at(run, 0, toff) == i &&
		     tl_run_char_at(run, i, toff + k - 1) == i &&
		     tl_run_char_from(run, toff) == i &&
		     tl_run_char_from(run, toff + 1) == i + 1;
		ncjk += (c->cls & TL_CLS_CJK) != 0;
		/* The summary's count of CJK characters, at the last one. */
		ok = ok && (i + 1 < run->n || ncjk == run->ncjk);
		if (!ok && rs->bad_invariant++ == 0)
			snprintf(rs->first_bad, sizeof rs->first_bad,
			         "run %zu char %zu U+%04X [%u,%u) after %u",
			         rs->n, i, (unsigned)c->cp, (unsigned)c->start,
			         (unsigned)c->end, (unsigned)after);
	}
	rs->n++;
}

static runs *parse(const char *md)
{
	runs *rs = tl_xcalloc(1, sizeof *rs);
	rs->src = tl_source_new("t.md", md, strlen(md));
	rs->doc = tl_doc_parse(rs->src);
	tl_doc_each_run(rs->doc, collect, rs);
	return rs;
}

static void done(runs *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		free(rs->r[i].chars);
		free(rs->r[i].after);
		free(rs->r[i].text);
	}
	tl_doc_free(rs->doc);
	tl_source_free(rs->src);
	free(rs);
}

/* The source bytes of character I of run R, as a string (static buffer). */
static const char *src_of(runs *rs, size_t r, size_t i)
{
	static char buf[256];
	const tl_char *c = &rs->r[r].chars[i];
	size_t n = c->end - c->start;
	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, rs->src->data + c->start, n);
	buf[n] = 0;
	return buf;
}

struct probe {
	int n;
	bool comma, fw_comma, ellipsis, dash, quote, x, ideo;
};

static void summary_probe(const tl_run *run, void *user)
{
	struct probe *p = user;
	p->n++;
	p->comma = tl_run_may_have(run, ',');
	p->fw_comma = tl_run_may_have(run, 0xFF0C);
	p->ellipsis = tl_run_may_have(run, 0x2026);
	p->dash = tl_run_may_have(run, 0x2014);
	p->quote = tl_run_may_have(run, 0x201C);
	p->x = tl_run_may_have(run, 'E');
	p->ideo = tl_run_may_have(run, 0x6587);
}

/* The index of the first character of run R with code point CP. */
static size_t index_of(runs *rs, size_t r, uint32_t cp)
{
	for (size_t i = 0; i < rs->r[r].nchars; i++)
		if (rs->r[r].chars[i].cp == cp)
			return i;
	return (size_t)-1;
}

#define OBJ "\xef\xbf\xbc" /* U+FFFC */

TEST(emphasis_is_transparent)
{
	runs *rs = parse("使用**Go**编写\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "使用Go编写");
	CHECK_EQ_INT(rs->bad_invariant, 0);
	size_t g = index_of(rs, 0, 'G');
	REQUIRE(g == 2);
	/* "用" ends before the opening "**": a space goes there. */
	CHECK_EQ_SIZE(rs->r[0].chars[1].end, 6);
	CHECK_EQ_SIZE(rs->r[0].after[1], 6);
	CHECK_EQ_SIZE(rs->r[0].chars[2].start, 8);
	CHECK(rs->r[0].chars[2].flags & TL_CF_STRONG);
	CHECK_EQ_INT(rs->r[0].chars[2].depth, 1);
	/* "o" is followed by the closing "**": its gap is after them. */
	CHECK_EQ_SIZE(rs->r[0].chars[3].end, 10);
	CHECK_EQ_SIZE(rs->r[0].after[3], 12);
	CHECK_EQ_SIZE(rs->r[0].chars[4].start, 12);
	done(rs);
}

TEST(nested_emphasis_and_underscore)
{
	runs *rs = parse("*中文 __Go__*，之后\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "中文 Go，之后");
	CHECK_EQ_INT(rs->bad_invariant, 0);
	size_t o = index_of(rs, 0, 'o');
	REQUIRE(o != (size_t)-1);
	CHECK_EQ_INT(rs->r[0].chars[o].depth, 2);
	/* Both "__" and "*" close after "o". */
	CHECK_EQ_SIZE(rs->r[0].after[o], strlen("*中文 __Go__*"));
	done(rs);
}

TEST(link_text_not_destination)
{
	runs *rs = parse("参见[Linux](https://kernel.org \"t\")内核\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "参见Linux内核");
	CHECK_EQ_INT(rs->bad_invariant, 0);
	size_t x = index_of(rs, 0, 'x');
	REQUIRE(x != (size_t)-1);
	CHECK(rs->r[0].chars[x].flags & TL_CF_LINK);
	CHECK_EQ_SIZE(rs->r[0].after[x],
	              strlen("参见[Linux](https://kernel.org \"t\")"));
	CHECK_EQ_SIZE(rs->r[0].after[1], strlen("参见"));
	done(rs);
}

TEST(reference_link_and_image_alt)
{
	runs *rs =
	    parse("看[文档][d]和![图片alt](a.png)。\n\n[d]: https://x.org\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "看文档和图片alt。");
	CHECK_EQ_INT(rs->bad_invariant, 0);
	size_t a = index_of(rs, 0, 'a');
	REQUIRE(a != (size_t)-1);
	CHECK(rs->r[0].chars[a].flags & TL_CF_IMAGE);
	size_t wen = index_of(rs, 0, 0x6863); /* 档 */
	REQUIRE(wen != (size_t)-1);
	CHECK_EQ_SIZE(rs->r[0].after[wen], strlen("看[文档][d]"));
	done(rs);
}

TEST(code_span_is_one_opaque_char)
{
	runs *rs = parse("使用`go build`命令和`` a`b ``。\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "使用" OBJ "命令和" OBJ "。");
	CHECK_EQ_INT(rs->bad_invariant, 0);
	CHECK_EQ_INT(rs->r[0].chars[2].kind, TL_CHAR_CODE);
	CHECK_EQ_STR(src_of(rs, 0, 2), "`go build`");
	CHECK_EQ_STR(src_of(rs, 0, 6), "`` a`b ``");
	done(rs);
}

TEST(code_span_across_lines)
{
	runs *rs = parse("中文`a\nb`文\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "中文" OBJ "文");
	CHECK_EQ_STR(src_of(rs, 0, 2), "`a\nb`");
	CHECK_EQ_INT(rs->bad_invariant, 0);
	done(rs);
}

TEST(backslash_escape_maps_to_two_bytes)
{
	runs *rs = parse("中\\*文\\_x\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "中*文_x");
	CHECK_EQ_INT(rs->bad_invariant, 0);
	CHECK_EQ_STR(src_of(rs, 0, 1), "\\*");
	CHECK(rs->r[0].chars[1].flags & TL_CF_LITERAL);
	CHECK_EQ_STR(src_of(rs, 0, 2), "文");
	CHECK_EQ_STR(src_of(rs, 0, 3), "\\_");
	done(rs);
}

TEST(entities_map_to_their_reference)
{
	runs *rs = parse("A&amp;B&#x4E2D;文&copy;\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "A&B中文\xc2\xa9");
	CHECK_EQ_INT(rs->bad_invariant, 0);
	CHECK_EQ_STR(src_of(rs, 0, 1), "&amp;");
	CHECK_EQ_STR(src_of(rs, 0, 3), "&#x4E2D;");
	CHECK(rs->r[0].chars[3].flags & TL_CF_LITERAL);
	CHECK_EQ_STR(src_of(rs, 0, 4), "文");
	CHECK_EQ_STR(src_of(rs, 0, 5), "&copy;");
	done(rs);
}

TEST(multiline_paragraph_in_quote_and_list)
{
	runs *rs = parse("> 第一行Go\n> 第二行\n\n- 列表项\n  续行abc\n");
	REQUIRE(rs->n == 2);
	CHECK_EQ_STR(rs->r[0].text, "第一行Go\n第二行");
	CHECK(rs->r[0].context & TL_CTX_QUOTE);
	CHECK_EQ_INT(rs->r[0].chars[5].kind, TL_CHAR_BREAK);
	CHECK_EQ_STR(src_of(rs, 0, 6), "第");
	CHECK_EQ_SIZE(rs->r[0].chars[6].start, strlen("> 第一行Go\n> "));
	CHECK_EQ_STR(rs->r[1].text, "列表项\n续行abc");
	CHECK(rs->r[1].context & TL_CTX_LIST);
	CHECK_EQ_STR(src_of(rs, 1, 4), "续");
	CHECK_EQ_INT(rs->bad_invariant, 0);
	done(rs);
}

TEST(crlf_and_bom)
{
	runs *rs = parse("\xef\xbb\xbf# 标题Go\r\n\r\n正文\r\n第二行\r\n");
	REQUIRE(rs->n == 2);
	CHECK_EQ_STR(rs->r[0].text, "标题Go");
	CHECK_EQ_INT(rs->r[0].kind, TL_BLOCK_HEADING);
	CHECK_EQ_INT(rs->r[0].level, 1);
	CHECK_EQ_SIZE(rs->r[0].chars[0].start, 5);
	CHECK_EQ_STR(rs->r[1].text, "正文\n第二行");
	CHECK_EQ_STR(src_of(rs, 1, 3), "第");
	CHECK_EQ_INT(rs->bad_invariant, 0);
	done(rs);
}

TEST(lone_cr_line_endings)
{
	runs *rs = parse("甲\r乙Go\r\r丙\r");
	REQUIRE(rs->n == 2);
	CHECK_EQ_STR(rs->r[0].text, "甲\n乙Go");
	CHECK_EQ_STR(src_of(rs, 0, 2), "乙");
	CHECK_EQ_STR(rs->r[1].text, "丙");
	CHECK_EQ_INT(rs->bad_invariant, 0);
	done(rs);
}

TEST(yaml_front_matter_is_not_prose)
{
	runs *rs = parse("---\ntitle: 标题Go\ntags: [a]\n---\n\n正文Go\n");
	CHECK_EQ_INT(rs->doc->fm_kind, TL_FM_YAML);
	CHECK_EQ_SIZE(rs->doc->fm_start, 0);
	CHECK_EQ_SIZE(rs->doc->fm_end,
	              strlen("---\ntitle: 标题Go\ntags: [a]\n---\n"));
	CHECK_EQ_SIZE(rs->doc->fm_yaml_start, 4);
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "正文Go");
	done(rs);
}

TEST(comment_front_matter_is_not_prose)
{
	runs *rs = parse(
	    "<!--\ntitle: 标题\ncover: https://x.org/a.jpg\n-->\n\n正文\n");
	CHECK_EQ_INT(rs->doc->fm_kind, TL_FM_COMMENT);
	CHECK_EQ_SIZE(rs->doc->fm_yaml_start, 4);
	CHECK_EQ_SIZE(
	    rs->doc->fm_end,
	    strlen("<!--\ntitle: 标题\ncover: https://x.org/a.jpg\n-->\n"));
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "正文");
	done(rs);
}

TEST(not_front_matter)
{
	/* A thematic break without a closing line, and a directive comment. */
	runs *rs = parse("---\n\n正文\n");
	CHECK_EQ_INT(rs->doc->fm_kind, TL_FM_NONE);
	done(rs);
	rs = parse("<!-- translint-disable -->\n正文\n");
	CHECK_EQ_INT(rs->doc->fm_kind, TL_FM_NONE);
	done(rs);
}

TEST(code_blocks_and_html_blocks_excluded)
{
	runs *rs = parse(
	    "```go\n中文Go\n```\n\n    缩进Go\n\n<div>\n中文Go\n</div>\n\n"
	    "<!-- 注释Go -->\n\n段落\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "段落");
	done(rs);
}

TEST(inline_html_is_transparent)
{
	runs *rs = parse("中<b>Go</b>文<!-- c -->字<br>行\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "中Go文字\n行");
	CHECK_EQ_INT(rs->bad_invariant, 0);
	size_t o = index_of(rs, 0, 'o');
	CHECK_EQ_SIZE(rs->r[0].after[o], strlen("中<b>Go</b>"));
	done(rs);
}

TEST(ruby_annotation_skipped)
{
	runs *rs = parse("<ruby>容器<rt>container</rt></ruby>技术\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "容器技术");
	done(rs);
	rs = parse("<ruby>复制<rt>复制<rt>Copy</rt></ruby>之后Go\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "复制之后Go");
	done(rs);
}

TEST(autolink_bare_url_and_email)
{
	runs *rs = parse(
	    "见<https://a.org/x>和 https://b.org/y?q=1 。邮件a.b@c.org。\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "见" OBJ "和 " OBJ " 。邮件" OBJ "。");
	CHECK_EQ_STR(src_of(rs, 0, 1), "<https://a.org/x>");
	CHECK_EQ_INT(rs->r[0].chars[1].kind, TL_CHAR_URL);
	CHECK_EQ_STR(src_of(rs, 0, 4), "https://b.org/y?q=1");
	CHECK_EQ_STR(src_of(rs, 0, 9), "a.b@c.org");
	done(rs);
}

TEST(bare_url_trailing_punctuation)
{
	runs *rs = parse("(see https://x.org/a_(b)). and www.y.com.\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(src_of(rs, 0, 5), "https://x.org/a_(b)");
	size_t w = index_of(rs, 0, 0xFFFC);
	CHECK(w == 5);
	done(rs);
}

/* GFM's autolink extension: to the next white space or "<", CJK in the
 * path, trailing punctuation and unbalanced parentheses left out. */
TEST(bare_url_gfm_extent)
{
	runs *rs = parse("见 https://zh.wikipedia.org/wiki/握手_(技术) 然后，"
	                 "https://example.com/搜索?q=测试,结果 和 "
	                 "www.example.com/中文路径。\n\n"
	                 "“https://”。https://x.org/a\"b\" 与 "
	                 "https://x.org/a?b=1&amp; 后\n");
	REQUIRE(rs->n == 2);
	CHECK_EQ_STR(src_of(rs, 0, 2),
	             "https://zh.wikipedia.org/wiki/握手_(技术)");
	size_t u = index_of(rs, 0, 0xFFFC);
	CHECK(u == 2);
	CHECK_EQ_STR(rs->r[0].text, "见 " OBJ " 然后，" OBJ " 和 " OBJ "。");
	CHECK_EQ_STR(src_of(rs, 0, 7), "https://example.com/搜索?q=测试,结果");
	CHECK_EQ_STR(src_of(rs, 0, 11), "www.example.com/中文路径");
	/* A scheme with no host is no URL; quotes and an entity's ";" are
	 * trailing punctuation. */
	CHECK(strncmp(rs->r[1].text, "“https://”。", strlen("“https://”。")) ==
	      0);
	size_t v = index_of(rs, 1, 0xFFFC);
	REQUIRE(v != (size_t)-1);
	CHECK_EQ_STR(src_of(rs, 1, v), "https://x.org/a\"b");
	done(rs);
}

/* Text a URL runs into is prose: the URL ends where it starts. */
TEST(bare_url_swallowed_text)
{
	runs *rs =
	    parse("访问 https://x.com/scam/）中损失，https://x.com/a.中文 "
	          "和 https://x.com/docs然后 与 "
	          "https://x.com/wiki/(技术)后来\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(src_of(rs, 0, 3), "https://x.com/scam/");
	CHECK_EQ_STR(rs->r[0].text, "访问 " OBJ "）中损失，" OBJ ".中文 和 " OBJ
	                            "然后 与 " OBJ "后来");
	CHECK_EQ_STR(src_of(rs, 0, 9), "https://x.com/a");
	done(rs);
}

/* What follows a bare URL up to the next white space, and that white
 * space, no fix may change. */
TEST(bare_url_kept)
{
	const char *text =
	    "请访问 https://x.com/docs\" 然后 https://y.com/a）中 后\n";
	runs *rs = parse(text);
	REQUIRE(rs->n == 1);
	const char *q = strstr(text, "docs\"") + 4;
	size_t at = (size_t)(q - text);
	tl_edit quote = {at, at + 1, "”"};
	CHECK(!tl_doc_keeps(rs->doc, &quote));
	tl_edit space = {at + 1, at + 2, ""};
	CHECK(!tl_doc_keeps(rs->doc, &space));
	tl_edit word = {at + 1, at + 1, "x"};
	CHECK(!tl_doc_keeps(rs->doc, &word));
	tl_edit blank = {at + 1, at + 1, " "};
	CHECK(tl_doc_keeps(rs->doc, &blank));
	tl_edit close = {at, at, ">"};
	CHECK(tl_doc_keeps(rs->doc, &close));
	tl_edit after = {at + 2, at + 5, ""};
	CHECK(tl_doc_keeps(rs->doc, &after));
	/* After a URL that runs into text, only the white space. */
	const char *m = strstr(text, "）中");
	size_t mo = (size_t)(m - text);
	tl_edit mark = {mo, mo + 3, ")"};
	CHECK(tl_doc_keeps(rs->doc, &mark));
	tl_edit ws = {mo + 6, mo + 7, ""};
	CHECK(!tl_doc_keeps(rs->doc, &ws));
	done(rs);
}

TEST(inline_math_excluded)
{
	runs *rs = parse("公式$a*b*c$和$$x$$，价格$5到$10\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "公式" OBJ "和" OBJ "，价格$5到$10");
	CHECK_EQ_STR(src_of(rs, 0, 2), "$a*b*c$");
	CHECK_EQ_INT(rs->r[0].chars[2].kind, TL_CHAR_MATH);
	done(rs);
}

TEST(table_separators)
{
	runs *rs = parse("| 名称 | 说明 |\n|---|:-:|\n| Go | 语言 |\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_INT(rs->r[0].kind, TL_BLOCK_TABLE);
	size_t bar = index_of(rs, 0, '|');
	CHECK(bar != (size_t)-1 && rs->r[0].chars[bar].kind == TL_CHAR_SEP);
	CHECK_EQ_INT(rs->bad_invariant, 0);
	done(rs);
}

TEST(setext_heading_and_definitions)
{
	runs *rs = parse("标题Go\n===\n\n[#]: via: (https://x.org)\n[^1]: "
	                 "脚注\n\n正文[^1]\n");
	/* The footnote definition cmark dropped is a run of its own, and
	 * its marker, like the reference's, one opaque character. */
	REQUIRE(rs->n == 3);
	CHECK_EQ_INT(rs->r[0].kind, TL_BLOCK_HEADING);
	CHECK_EQ_STR(rs->r[0].text, "标题Go");
	CHECK_EQ_STR(rs->r[1].text, OBJ " 脚注");
	CHECK_EQ_STR(rs->r[2].text, "正文" OBJ);
	CHECK_EQ_INT(rs->bad_invariant, 0);
	done(rs);
}

TEST(tabs_and_supplementary_characters)
{
	runs *rs = parse("中\t𠀀文😀Go\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "中\t𠀀文😀Go");
	CHECK_EQ_STR(src_of(rs, 0, 2), "𠀀");
	CHECK_EQ_INT(rs->bad_invariant, 0);
	done(rs);
}

TEST(hard_line_breaks)
{
	runs *rs = parse("甲  \n乙\\\n丙\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_STR(rs->r[0].text, "甲\n乙\n丙");
	CHECK_EQ_INT(rs->bad_invariant, 0);
	done(rs);
}

TEST(failed_links_stay_text)
{
	runs *rs = parse("[文本] (https://x.org) 和【中】(y)\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_INT(rs->bad_invariant, 0);
	done(rs);
}

TEST(consumed_definitions_never_mismap)
{
	/* cmark consumes the two valid definitions and reports the paragraph
	 * left (the third line is no definition: its title has parentheses
	 * inside) at line 1 instead of 3. Its "[#]" link would align with the
	 * equal bytes of line 1: the run is dropped instead. */
	const char *md = "[#]: a: (x)\n[#]: b: (y)\n"
	                 "[#]: c: (one (two) three)\n\n"
	                 "后面的段落Go\n";
	size_t defs = strlen("[#]: a: (x)\n[#]: b: (y)\n");
	runs *rs = parse(md);
	CHECK_EQ_INT(rs->bad_invariant, 0);
	for (size_t r = 0; r < rs->n; r++)
		for (size_t i = 0; i < rs->r[r].nchars; i++)
			if (rs->r[r].chars[i].start < defs)
				FAIL(
				    "run %zu char %zu mapped into a definition",
				    r, i);
	REQUIRE(rs->n >= 1);
	CHECK_EQ_STR(rs->r[rs->n - 1].text, "后面的段落Go");
	done(rs);
}

TEST(run_summary_rules_out_what_is_absent)
{
	const char *md = "中文，句子。English words 42\n";
	tl_source *src = tl_source_new("t.md", md, strlen(md));
	tl_doc *doc = tl_doc_parse(src);
	struct probe got = {0};
	tl_doc_each_run(doc, summary_probe, &got);
	CHECK_EQ_INT(got.n, 1);
	CHECK(got.fw_comma);  /* ， */
	CHECK(got.ideo);      /* an ideograph */
	CHECK(got.x);         /* 'E' */
	CHECK(!got.comma);    /* no ASCII ',' */
	CHECK(!got.ellipsis); /* no … */
	CHECK(!got.dash);     /* no — */
	CHECK(!got.quote);    /* no “ */
	tl_doc_free(doc);
	tl_source_free(src);
}

TEST(class_bits_match_the_classes)
{
	/* Every class and none, in one run: ideographs (BMP, extension B,
	 * iteration mark), kana, CJK and shared punctuation, ideographic
	 * space, Latin, Greek, Cyrillic, digits, full-width forms, symbols,
	 * a no-break space, code, a line break and an emoji. */
	runs *rs = parse("中文々𠀀かナ，。「」“”—…· \u3000"
	                 "Go é Ωя 42 ＡＢ１ × ÷ ° \u00a0 `x` ®😀\\\n"
	                 "下一行 | 表\n");
	REQUIRE(rs->n == 1);
	CHECK_EQ_INT(rs->bad_invariant, 0);
	size_t seen = 0;
	for (size_t i = 0; i < rs->r[0].nchars; i++) {
		const tl_char *c = &rs->r[0].chars[i];
		CHECK_EQ_INT(c->cls, class_of(c->cp));
		CHECK_EQ_INT(c->cls, tl_char_class(c->cp));
		seen |= c->cls;
	}
	CHECK_EQ_INT(seen, TL_CLS_CJK | TL_CLS_CJK_PUNCT | TL_CLS_LATIN |
	                       TL_CLS_DIGIT | TL_CLS_SPACE);
	size_t x = index_of(rs, 0, 0xFFFC);
	REQUIRE(x != (size_t)-1);
	CHECK_EQ_INT(rs->r[0].chars[x].cls, 0);
	done(rs);
	/* Outside runs: every code point of the BMP and the planes above
	 * that the tables name. */
	for (uint32_t cp = 0; cp < 0x40000; cp++)
		if (tl_char_class(cp) != class_of(cp)) {
			FAIL("U+%04X: class %d, expected %d", (unsigned)cp,
			     tl_char_class(cp), class_of(cp));
			break;
		}
}

TEST(depth_saturates)
{
	/* 300 nested emphases: the depth stops at 255. */
	tl_buf md = {0};
	for (int i = 0; i < 300; i++)
		tl_buf_puts(&md, "*a ");
	tl_buf_puts(&md, "中");
	for (int i = 0; i < 300; i++)
		tl_buf_puts(&md, " a*");
	tl_buf_puts(&md, "\n");
	runs *rs = parse(md.data);
	REQUIRE(rs->n == 1);
	CHECK_EQ_INT(rs->bad_invariant, 0);
	size_t z = index_of(rs, 0, 0x4E2D);
	REQUIRE(z != (size_t)-1);
	CHECK_EQ_INT(rs->r[0].chars[z].depth, 255);
	done(rs);
	tl_buf_free(&md);
}

int main(void)
{
	struct check_suite suite = {0};
	RUN(&suite, emphasis_is_transparent);
	RUN(&suite, nested_emphasis_and_underscore);
	RUN(&suite, link_text_not_destination);
	RUN(&suite, reference_link_and_image_alt);
	RUN(&suite, code_span_is_one_opaque_char);
	RUN(&suite, code_span_across_lines);
	RUN(&suite, backslash_escape_maps_to_two_bytes);
	RUN(&suite, entities_map_to_their_reference);
	RUN(&suite, multiline_paragraph_in_quote_and_list);
	RUN(&suite, crlf_and_bom);
	RUN(&suite, lone_cr_line_endings);
	RUN(&suite, yaml_front_matter_is_not_prose);
	RUN(&suite, comment_front_matter_is_not_prose);
	RUN(&suite, not_front_matter);
	RUN(&suite, code_blocks_and_html_blocks_excluded);
	RUN(&suite, inline_html_is_transparent);
	RUN(&suite, ruby_annotation_skipped);
	RUN(&suite, autolink_bare_url_and_email);
	RUN(&suite, bare_url_trailing_punctuation);
	RUN(&suite, bare_url_gfm_extent);
	RUN(&suite, bare_url_swallowed_text);
	RUN(&suite, bare_url_kept);
	RUN(&suite, inline_math_excluded);
	RUN(&suite, table_separators);
	RUN(&suite, setext_heading_and_definitions);
	RUN(&suite, tabs_and_supplementary_characters);
	RUN(&suite, hard_line_breaks);
	RUN(&suite, failed_links_stay_text);
	RUN(&suite, consumed_definitions_never_mismap);
	RUN(&suite, class_bits_match_the_classes);
	RUN(&suite, run_summary_rules_out_what_is_absent);
	RUN(&suite, depth_saturates);
	return check_finish(&suite);
}
