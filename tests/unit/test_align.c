/*
 * test_align.c: the alignment of a translation with its original
 * (src/align.h). Small documents, one per thing the alignment must get
 * right: each pair type, reordered items, a document without anchors,
 * edited code, and a long document whose band must stay narrow.
 *
 * An alignment is checked by its signature: one "O:T" per pair, in order,
 * where O and T are the block indexes of each side ("3+4" for two, "-" for
 * none) and a moved pair starts with '~'. "0:0 1:- 2:1" reads: block 0
 * with block 0, original block 1 dropped, original 2 with translated 1.
 */
#include "align.h"
#include "check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct pair_docs {
	tl_source *os, *ts;
	tl_doc *od, *td;
	tl_align *al;
	char sig[4096];
} pair_docs;

static void side_sig(char *out, size_t cap, size_t first, size_t n)
{
	if (n == 0)
		snprintf(out, cap, "-");
	else if (n == 1)
		snprintf(out, cap, "%zu", first);
	else
		snprintf(out, cap, "%zu+%zu", first, first + 1);
}

static void pair_docs_open(pair_docs *p, const char *orig, const char *trans)
{
	p->os = tl_source_new("en.md", orig, strlen(orig));
	p->ts = tl_source_new("zh.md", trans, strlen(trans));
	p->od = tl_doc_parse(p->os);
	p->td = tl_doc_parse(p->ts);
	p->al = tl_align_new(tl_align_doc_new(p->od), tl_align_doc_new(p->td));
	size_t o = 0;
	p->sig[0] = '\0';
	for (size_t k = 0; k < p->al->npairs && o + 40 < sizeof p->sig; k++) {
		const tl_align_pair *x = &p->al->pairs[k];
		char a[32], b[32];
		side_sig(a, sizeof a, x->orig, x->norig);
		side_sig(b, sizeof b, x->trans, x->ntrans);
		o +=
		    (size_t)snprintf(p->sig + o, sizeof p->sig - o, "%s%s%s:%s",
		                     k ? " " : "", x->moved ? "~" : "", a, b);
	}
}

static void pair_docs_close(pair_docs *p)
{
	tl_align_free(p->al);
	tl_doc_free(p->od);
	tl_doc_free(p->td);
	tl_source_free(p->os);
	tl_source_free(p->ts);
}

/* The anchor of BLOCK with TYPE and KEY, or NULL. */
static const tl_align_anchor *find_anchor(const tl_align_block *block,
                                          tl_anchor_type type, const char *key)
{
	for (size_t i = 0; i < block->nanchors; i++)
		if (block->anchors[i].type == type &&
		    strcmp(block->anchors[i].key, key) == 0)
			return &block->anchors[i];
	return NULL;
}

/* The key of the Latin word W. */
static uint64_t word(const char *w)
{
	return tl_align_hash(TL_ANCHOR_WORD, w, strlen(w));
}

/* The source text of BLOCK (in a static buffer). */
static const char *block_text(const tl_source *src, const tl_align_block *b)
{
	static char buf[256];
	size_t n = b->end - b->start < sizeof buf - 1 ? b->end - b->start
	                                              : sizeof buf - 1;
	memcpy(buf, src->data + b->start, n);
	buf[n] = '\0';
	return buf;
}

/* ---- Listing blocks -------------------------------------------------------
 */

TEST(blocks_kinds_and_spans)
{
	static const char md[] = "---\n"
	                         "title: A title\n"
	                         "---\n"
	                         "[#]: via: \"https://example.org/a\"\n"
	                         "[#]: translator: \" \"\n"
	                         "\n"
	                         "Title\n"
	                         "=====\n"
	                         "\n"
	                         "## Part one\n"
	                         "\n"
	                         "A paragraph.\n"
	                         "\n"
	                         "  * an item\n"
	                         "  * another item\n"
	                         "\n"
	                         "> quoted text\n"
	                         "\n"
	                         "| a | b |\n"
	                         "|---|---|\n"
	                         "| 1 | 2 |\n"
	                         "\n"
	                         "```sh\n"
	                         "ls -l\n"
	                         "```\n"
	                         "\n"
	                         "![alt text][1]\n"
	                         "\n"
	                         "<div>html</div>\n"
	                         "\n"
	                         "* * *\n"
	                         "\n"
	                         "[1]: https://example.org/image.png\n";
	static const tl_align_kind want[] = {
	    TL_ALIGN_FRONT_MATTER, TL_ALIGN_META,      TL_ALIGN_META,
	    TL_ALIGN_HEADING,      TL_ALIGN_HEADING,   TL_ALIGN_PARAGRAPH,
	    TL_ALIGN_ITEM,         TL_ALIGN_ITEM,      TL_ALIGN_QUOTE,
	    TL_ALIGN_TABLE_ROW,    TL_ALIGN_TABLE_ROW, TL_ALIGN_CODE,
	    TL_ALIGN_IMAGE,        TL_ALIGN_HTML,      TL_ALIGN_BREAK,
	    TL_ALIGN_META};
	static const char *const text[] = {
	    "---\ntitle: A title\n---",
	    "[#]: via: \"https://example.org/a\"",
	    "[#]: translator: \" \"",
	    "Title\n=====",
	    "## Part one",
	    "A paragraph.",
	    "an item",
	    "another item",
	    "quoted text",
	    "| a | b |",
	    "| 1 | 2 |",
	    "```sh\nls -l\n```",
	    "![alt text][1]",
	    "<div>html</div>",
	    "* * *",
	    "[1]: https://example.org/image.png"};
	tl_source *src = tl_source_new("a.md", md, sizeof md - 1);
	tl_doc *doc = tl_doc_parse(src);
	tl_align_doc *ad = tl_align_doc_new(doc);
	CHECK_EQ_SIZE(ad->n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < ad->n && i < sizeof want / sizeof want[0]; i++) {
		if (ad->blocks[i].kind != want[i])
			FAIL("block %zu is a %s, not a %s", i,
			     tl_align_kind_name(ad->blocks[i].kind),
			     tl_align_kind_name(want[i]));
		CHECK_EQ_STR(block_text(src, &ad->blocks[i]), text[i]);
	}
	CHECK_EQ_INT(ad->blocks[3].level, 1);
	CHECK_EQ_INT(ad->blocks[4].level, 2);
	CHECK_EQ_INT(ad->blocks[6].context, TL_CTX_LIST);
	/* The image's destination, its reference resolved. */
	CHECK(find_anchor(&ad->blocks[12], TL_ANCHOR_LINK,
	                  "https://example.org/image.png") != NULL);
	/* The code block's line. */
	CHECK(find_anchor(&ad->blocks[11], TL_ANCHOR_LINE, "ls -l") != NULL);
	/* Blocks at offsets. */
	CHECK_EQ_SIZE(tl_align_block_at(ad, 0), 0);
	CHECK_EQ_SIZE(tl_align_block_at(ad, ad->blocks[5].start + 3), 5);
	tl_align_doc_free(ad);
	tl_doc_free(doc);
	tl_source_free(src);
}

/* cmark reports a paragraph that begins with definitions as starting at
 * them; they are metadata blocks of their own, and the paragraph starts
 * after them. A paragraph of lines that all look like definitions (one
 * cmark rejects) is metadata too. */
TEST(blocks_definitions_before_paragraph)
{
	static const char md[] = "[a]: https://a.example\n"
	                         "[b]: https://b.example\n"
	                         "Text with `code` after them.\n"
	                         "\n"
	                         "[c]: https://c.example (a (nested) title)\n"
	                         "[d]: https://d.example\n";
	tl_source *src = tl_source_new("a.md", md, sizeof md - 1);
	tl_doc *doc = tl_doc_parse(src);
	tl_align_doc *ad = tl_align_doc_new(doc);
	REQUIRE(ad->n == 5);
	CHECK_EQ_INT(ad->blocks[0].kind, TL_ALIGN_META);
	CHECK_EQ_INT(ad->blocks[1].kind, TL_ALIGN_META);
	CHECK_EQ_INT(ad->blocks[2].kind, TL_ALIGN_PARAGRAPH);
	CHECK_EQ_STR(block_text(src, &ad->blocks[2]),
	             "Text with `code` after them.");
	const tl_align_anchor *code =
	    find_anchor(&ad->blocks[2], TL_ANCHOR_CODE, "code");
	REQUIRE(code != NULL);
	CHECK_EQ_MEM(md + code->start, code->end - code->start, "`code`", 6);
	CHECK_EQ_INT(ad->blocks[3].kind, TL_ALIGN_META);
	CHECK_EQ_INT(ad->blocks[4].kind, TL_ALIGN_META);
	CHECK(find_anchor(&ad->blocks[0], TL_ANCHOR_LINK,
	                  "https://a.example") != NULL);
	tl_align_doc_free(ad);
	tl_doc_free(doc);
	tl_source_free(src);
}

TEST(anchors_numbers_words_code_links)
{
	static const char en[] =
	    "It grew to 4.15 billion in 2021, up 1,000 from version 1.2.3; "
	    "run `--force` on Kubernetes at https://k8s.io/docs. See [the "
	    "guide][g] and a x86_64 build.\n"
	    "\n"
	    "[g]: https://example.org/guide\n";
	static const char zh[] = "它在 2021 年增长到 41.5 亿，比 1.2.3 版多了 "
	                         "1000；在 Kubernetes 上运行 `--force`。\n";
	tl_source *os = tl_source_new("en.md", en, sizeof en - 1);
	tl_source *ts = tl_source_new("zh.md", zh, sizeof zh - 1);
	tl_doc *od = tl_doc_parse(os), *td = tl_doc_parse(ts);
	tl_align_doc *oa = tl_align_doc_new(od), *ta = tl_align_doc_new(td);
	REQUIRE(oa->n == 2 && ta->n == 1);
	const tl_align_block *o = &oa->blocks[0], *t = &ta->blocks[0];
	/* Significant digits: 4.15 billion is 41.5 亿; 1,000 is 1000. */
	CHECK(find_anchor(o, TL_ANCHOR_NUMBER, "415") != NULL);
	CHECK(find_anchor(t, TL_ANCHOR_NUMBER, "415") != NULL);
	CHECK(find_anchor(o, TL_ANCHOR_NUMBER, "1") != NULL);
	CHECK(find_anchor(t, TL_ANCHOR_NUMBER, "1") != NULL);
	/* Years and versions as written. */
	CHECK(find_anchor(o, TL_ANCHOR_NUMBER, "2021") != NULL);
	CHECK(find_anchor(o, TL_ANCHOR_NUMBER, "1.2.3") != NULL);
	CHECK(find_anchor(t, TL_ANCHOR_NUMBER, "1.2.3") != NULL);
	/* Inline code, its source span exact. */
	const tl_align_anchor *a = find_anchor(o, TL_ANCHOR_CODE, "--force");
	REQUIRE(a != NULL);
	CHECK_EQ_MEM(en + a->start, a->end - a->start, "`--force`", 9);
	CHECK(find_anchor(t, TL_ANCHOR_CODE, "--force") != NULL);
	/* Words, lowercased; one letter is no word; identifiers whole;
	 * common English words left out. Words inside code count. */
	CHECK(tl_align_block_has(o, word("kubernetes")));
	CHECK(tl_align_block_has(t, word("kubernetes")));
	CHECK(tl_align_block_has(o, word("x86_64")));
	CHECK(tl_align_block_has(o, word("grew")));
	CHECK(!tl_align_block_has(o, word("a")));
	CHECK(!tl_align_block_has(o, word("the")));
	CHECK(tl_align_block_has(t, word("force")));
	/* A bare URL without its trailing period; a reference link. */
	CHECK(find_anchor(o, TL_ANCHOR_LINK, "https://k8s.io/docs") != NULL);
	CHECK(find_anchor(o, TL_ANCHOR_LINK, "https://example.org/guide") !=
	      NULL);
	/* Keys sorted and distinct. */
	for (size_t i = 1; i < o->nkeys; i++)
		CHECK(o->keys[i - 1] < o->keys[i]);
	/* Lengths: CJK ideographs apart. */
	CHECK(t->ncjk > 10);
	CHECK_EQ_SIZE(o->ncjk, 0);
	tl_align_doc_free(oa);
	tl_align_doc_free(ta);
	tl_doc_free(od);
	tl_doc_free(td);
	tl_source_free(os);
	tl_source_free(ts);
}

/* An LCTT header written without a blank line before the setext title:
 * cmark reads the definitions and the title as one heading, and they
 * are split off as metadata all the same. */
TEST(blocks_definitions_before_setext_heading)
{
	static const char md[] = "[#]: via: \"https://example.org/a\"\n"
	                         "[#]: translator: \"someone\"\n"
	                         "标题\n"
	                         "======\n";
	tl_source *src = tl_source_new("a.md", md, sizeof md - 1);
	tl_doc *doc = tl_doc_parse(src);
	tl_align_doc *ad = tl_align_doc_new(doc);
	REQUIRE(ad->n == 3);
	CHECK_EQ_INT(ad->blocks[0].kind, TL_ALIGN_META);
	CHECK_EQ_INT(ad->blocks[1].kind, TL_ALIGN_META);
	CHECK_EQ_INT(ad->blocks[2].kind, TL_ALIGN_HEADING);
	CHECK_EQ_STR(block_text(src, &ad->blocks[2]), "标题\n======");
	tl_align_doc_free(ad);
	tl_doc_free(doc);
	tl_source_free(src);

	/* With a paragraph right after the underline, which cmark counts
	 * into the heading's span. */
	static const char md2[] = "[#]: via: \"https://example.org/a\"\n"
	                          "标题\n"
	                          "======\n"
	                          "第一段。\n";
	src = tl_source_new("a.md", md2, sizeof md2 - 1);
	doc = tl_doc_parse(src);
	ad = tl_align_doc_new(doc);
	REQUIRE(ad->n == 3);
	CHECK_EQ_INT(ad->blocks[0].kind, TL_ALIGN_META);
	CHECK_EQ_INT(ad->blocks[1].kind, TL_ALIGN_HEADING);
	CHECK_EQ_STR(block_text(src, &ad->blocks[1]), "标题\n======");
	CHECK_EQ_INT(ad->blocks[2].kind, TL_ALIGN_PARAGRAPH);
	tl_align_doc_free(ad);
	tl_doc_free(doc);
	tl_source_free(src);
}

/* A number with its unit is the number and the unit: "16GB" meets
 * "16 GB". */
TEST(anchors_number_with_unit)
{
	static const char md[] = "一种有 16GB 存储和 64-bit 处理器。\n";
	tl_source *src = tl_source_new("a.md", md, sizeof md - 1);
	tl_doc *doc = tl_doc_parse(src);
	tl_align_doc *ad = tl_align_doc_new(doc);
	REQUIRE(ad->n == 1);
	const tl_align_anchor *a =
	    find_anchor(&ad->blocks[0], TL_ANCHOR_NUMBER, "16");
	REQUIRE(a != NULL);
	CHECK_EQ_MEM(md + a->start, a->end - a->start, "16", 2);
	CHECK(find_anchor(&ad->blocks[0], TL_ANCHOR_NUMBER, "64") != NULL);
	CHECK(tl_align_block_has(&ad->blocks[0], word("gb")));
	CHECK(tl_align_block_has(&ad->blocks[0], word("bit")));
	tl_align_doc_free(ad);
	tl_doc_free(doc);
	tl_source_free(src);
}

/* The stop words are left out of the keys, and no other word: their
 * hashes are written out in align_blocks.c, and one written wrong would
 * keep its word. */
TEST(anchors_stop_words)
{
	static const char *const stop[] = {
	    "able",    "about",   "after",   "again",    "against", "all",
	    "also",    "always",  "an",      "and",      "another", "any",
	    "are",     "around",  "as",      "at",       "back",    "be",
	    "because", "been",    "before",  "being",    "below",   "between",
	    "both",    "but",     "by",      "came",     "can",     "come",
	    "could",   "did",     "didn",    "do",       "does",    "doesn",
	    "don",     "down",    "during",  "each",     "even",    "every",
	    "few",     "first",   "for",     "from",     "get",     "gets",
	    "getting", "go",      "goes",    "going",    "good",    "got",
	    "had",     "has",     "have",    "he",       "her",     "here",
	    "him",     "himself", "his",     "how",      "however", "if",
	    "in",      "into",    "is",      "it",       "its",     "itself",
	    "just",    "let",     "lets",    "like",     "made",    "make",
	    "makes",   "many",    "may",     "me",       "might",   "more",
	    "most",    "much",    "must",    "my",       "need",    "needs",
	    "new",     "next",    "no",      "not",      "now",     "of",
	    "off",     "often",   "on",      "once",     "one",     "only",
	    "or",      "other",   "our",     "out",      "over",    "own",
	    "per",     "really",  "same",    "see",      "she",     "should",
	    "since",   "so",      "some",    "still",    "such",    "take",
	    "takes",   "than",    "that",    "the",      "their",   "them",
	    "then",    "there",   "these",   "they",     "thing",   "things",
	    "think",   "this",    "those",   "through",  "to",      "too",
	    "two",     "under",   "until",   "up",       "us",      "use",
	    "used",    "uses",    "using",   "very",     "want",    "was",
	    "way",     "ways",    "we",      "well",     "were",    "what",
	    "when",    "where",   "whether", "which",    "while",   "who",
	    "why",     "will",    "with",    "within",   "without", "would",
	    "yet",     "you",     "your",    "yourself",
	};
	tl_buf md = {0};
	for (size_t i = 0; i < sizeof stop / sizeof *stop; i++) {
		tl_buf_append(&md, stop[i], strlen(stop[i]));
		tl_buf_putc(&md, ' ');
	}
	tl_buf_append(&md, "Kubernetes\n", 11);
	tl_source *src = tl_source_new("a.md", md.data, md.len);
	tl_doc *doc = tl_doc_parse(src);
	tl_align_doc *ad = tl_align_doc_new(doc);
	REQUIRE(ad->n == 1);
	for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
		CHECK(!tl_align_block_has(&ad->blocks[0], word(stop[i])));
	CHECK(tl_align_block_has(&ad->blocks[0], word("kubernetes")));
	CHECK(ad->blocks[0].nkeys == 1);
	tl_align_doc_free(ad);
	tl_doc_free(doc);
	tl_source_free(src);
	tl_buf_free(&md);
}

/* Chinese punctuation between ideographs is counted as characters, not
 * ideographs; 。？！ end sentences, one of a run once; （ that opens no
 * note counts as punctuation. */
TEST(blocks_cjk_punctuation_counted)
{
	static const char md[] = "中文，“引号”：《书》、（注）。问？！好…—"
	                         "‘单’；「甲」『乙』。。\n";
	tl_source *src = tl_source_new("a.md", md, sizeof md - 1);
	tl_doc *doc = tl_doc_parse(src);
	tl_align_doc *ad = tl_align_doc_new(doc);
	REQUIRE(ad->n == 1);
	CHECK_EQ_INT((int)ad->blocks[0].ncjk, 11);
	CHECK_EQ_INT((int)ad->blocks[0].nchars, 23);
	CHECK_EQ_INT((int)ad->blocks[0].nsentences, 3);
	tl_align_doc_free(ad);
	tl_doc_free(doc);
	tl_source_free(src);
}

/* Translators' notes: one inside a paragraph adds neither length nor
 * anchors; a paragraph that is a note is marked, and added cheaply. */
TEST(anchors_translator_notes)
{
	static const char md[] =
	    "安装 `restic`。（LCTT 译注：也可以用 `brew` 安装，见 "
	    "[官网](https://restic.net)。）\n"
	    "\n"
	    "（译注：原文此处有一张图片。）\n"
	    "\n"
	    "> 译注：这一段是译者加的。\n"
	    "\n"
	    "运行 `restic init`（译者注：`init` 只需运行一次。）。\n"
	    "\n"
	    "> 译者注：这一段也是。\n";
	tl_source *src = tl_source_new("a.md", md, sizeof md - 1);
	tl_doc *doc = tl_doc_parse(src);
	tl_align_doc *ad = tl_align_doc_new(doc);
	REQUIRE(ad->n == 5);
	const tl_align_block *b = &ad->blocks[0];
	CHECK(!b->note);
	CHECK(find_anchor(b, TL_ANCHOR_CODE, "restic") != NULL);
	CHECK(find_anchor(b, TL_ANCHOR_CODE, "brew") == NULL);
	CHECK(find_anchor(b, TL_ANCHOR_LINK, "https://restic.net") == NULL);
	CHECK_EQ_SIZE(b->ncjk, 2); /* 安装 */
	CHECK(ad->blocks[1].note);
	CHECK(ad->blocks[2].note);
	CHECK_EQ_SIZE(ad->blocks[2].ncjk + ad->blocks[2].nchars, 0);
	/* 译者注, as some translators write it. */
	CHECK(!ad->blocks[3].note);
	CHECK(find_anchor(&ad->blocks[3], TL_ANCHOR_CODE, "restic init"));
	CHECK(find_anchor(&ad->blocks[3], TL_ANCHOR_CODE, "init") == NULL);
	CHECK_EQ_SIZE(ad->blocks[3].ncjk, 2); /* 运行 */
	CHECK(ad->blocks[4].note);
	tl_align_doc_free(ad);
	tl_doc_free(doc);
	tl_source_free(src);
}

/* ---- Pair types -----------------------------------------------------------
 */

/* An article of a heading and paragraphs of different lengths, with
 * anchors in some of them, and its translation. */
#define EN_HEAD "# Backing up a laptop\n\n"
#define ZH_HEAD "# 备份笔记本电脑\n\n"
#define EN_P1                                                                  \
	"Backups are boring until the day a disk dies, and then they are "     \
	"the only thing anyone wants to talk about.\n\n"
#define ZH_P1                                                                  \
	"备份很无聊，直到硬盘坏掉的那一天，那时它就成了大家唯一想谈的事。\n\n"
#define EN_P2 "Install `restic` with your package manager.\n\n"
#define ZH_P2 "用你的包管理器安装 `restic`。\n\n"
#define EN_P3                                                                  \
	"The first snapshot copies everything and can take hours on a slow "   \
	"network, so start it in the evening and let it run overnight while "  \
	"you sleep.\n\n"
#define ZH_P3                                                                                                    \
	"第一次快照会复制所有内容，在慢速网络上可能需要几个小时，所以请在晚上" \
	"开始，让它在你睡觉时整夜运行。\n\n"
#define EN_P4 "Later snapshots only send what changed.\n\n"
#define ZH_P4 "之后的快照只发送改动的部分。\n\n"
#define EN_P5                                                                  \
	"Test a restore every month: a backup you have never restored is a "   \
	"hope, not a backup, as the old saying goes among system "             \
	"administrators who learned it the hard way.\n\n"
#define ZH_P5                                                                                                    \
	"每个月测试一次恢复：正如那些吃过苦头的系统管理员常说的，从未恢复过的" \
	"备份只是一种希望，而不是备份。\n\n"
#define EN_ALL EN_HEAD EN_P1 EN_P2 EN_P3 EN_P4 EN_P5
#define ZH_ALL ZH_HEAD ZH_P1 ZH_P2 ZH_P3 ZH_P4 ZH_P5

TEST(pair_one_to_one)
{
	pair_docs p;
	pair_docs_open(&p, EN_ALL, ZH_ALL);
	CHECK_EQ_STR(p.sig, "0:0 1:1 2:2 3:3 4:4 5:5");
	for (size_t k = 0; k < p.al->npairs; k++)
		CHECK_EQ_INT(p.al->pairs[k].type, TL_PAIR_1_1);
	/* Each block knows its pair, both ways. */
	CHECK(tl_align_pair_of_trans(p.al, 3)->orig == 3);
	CHECK(tl_align_pair_of_orig(p.al, 4)->trans == 4);
	CHECK(tl_align_pair_of_trans(p.al, 6) == NULL);
	pair_docs_close(&p);
}

TEST(pair_dropped_paragraph)
{
	pair_docs p;
	pair_docs_open(&p, EN_ALL, ZH_HEAD ZH_P1 ZH_P2 ZH_P4 ZH_P5);
	CHECK_EQ_STR(p.sig, "0:0 1:1 2:2 3:- 4:3 5:4");
	const tl_align_pair *x = tl_align_pair_of_orig(p.al, 3);
	REQUIRE(x != NULL);
	CHECK_EQ_INT(x->type, TL_PAIR_1_0);
	CHECK_EQ_SIZE(x->trans, TL_NONE);
	pair_docs_close(&p);
}

/* Sentence ends: '.', '?' and '!' before white space or the end, a run
 * once, not the '.' of a one-letter word; 。？！ on the other side. */
TEST(blocks_sentence_ends)
{
	const char *md = "One. Two? Three! Really?! Wait... and e.g. this, "
	                 "U.S. too \"quoted.\" end.\n\n"
	                 "一。二？三！真的？！没有句号\n\n"
	                 "3.5 and node.js, no end\n";
	tl_source *src = tl_source_new("a.md", md, strlen(md));
	tl_doc *doc = tl_doc_parse(src);
	tl_align_doc *ad = tl_align_doc_new(doc);
	REQUIRE(ad->n == 3);
	CHECK_EQ_SIZE(ad->blocks[0].nsentences, 6);
	CHECK_EQ_SIZE(ad->blocks[1].nsentences, 4);
	CHECK_EQ_SIZE(ad->blocks[2].nsentences, 0);
	tl_align_doc_free(ad);
	tl_doc_free(doc);
	tl_source_free(src);
}

/* A '.' after an ideograph ends a sentence: the byte before it is part
 * of a multibyte character, no letter (it was read out of the bounds of
 * a 128-entry table, which gcc and clang builds read differently). */
TEST(blocks_sentence_end_after_ideograph)
{
	const char *md = "我们有 ARM 系统.\n\n"
	                 "写于 2021 年. 然后是 x. 结束.\n";
	tl_source *src = tl_source_new("a.md", md, strlen(md));
	tl_doc *doc = tl_doc_parse(src);
	tl_align_doc *ad = tl_align_doc_new(doc);
	REQUIRE(ad->n == 2);
	CHECK_EQ_SIZE(ad->blocks[0].nsentences, 1);
	/* "x." is a one-letter word's: not an end. */
	CHECK_EQ_SIZE(ad->blocks[1].nsentences, 2);
	tl_align_doc_free(ad);
	tl_doc_free(doc);
	tl_source_free(src);
}

/* A paragraph dropped between two of like length and no anchors: the
 * lengths alone put the drop one block off (the translation of the
 * third fits the second's length better); the sentences put it right. */
TEST(pair_dropped_paragraph_by_sentences)
{
	pair_docs p;
	pair_docs_open(&p,
	               "Backups matter more than most people think, until "
	               "the day a disk fails.\n\n"
	               "Snapshots are quick. They are cheap. They are not "
	               "backups on their own.\n\n"
	               "A copy kept on another machine in another building "
	               "survives a fire in the office.\n\n"
	               "Restore a single file now and then, so that you know "
	               "for sure that the backups really work.\n",
	               "大多数人直到磁盘坏掉的那天，才知道备份有多重要。\n\n"
	               "放在另一栋楼里另一台机器上的副本，能在火灾中幸存。\n\n"
	               "时不时恢复一个文件，这样你才能确定备份真的管用。\n");
	CHECK_EQ_STR(p.sig, "0:0 1:- 2:1 3:2");
	pair_docs_close(&p);
}

/* A paragraph dropped next to a short one: the lengths alone drop the
 * short one (it costs less to leave out) and pair the dropped
 * paragraph's original with the short one's translation. The Latin
 * words the translation keeps tell them apart: Linux is in the first
 * pair on both sides; Inkscape and Scribus, which the translation has
 * elsewhere, are not in the first translated paragraph. */
TEST(pair_dropped_paragraph_by_kept_words)
{
	pair_docs p;
	pair_docs_open(&p,
	               "Desktop publishing on Linux needs only a few free "
	               "programs.\n\n"
	               "Inkscape and Scribus are the two I use every day for "
	               "my work.\n\n"
	               "Both of them save their files in open formats that "
	               "anyone can read.\n\n"
	               "Install Inkscape and Scribus from the software center "
	               "of your distribution.\n",
	               "在 Linux 上做桌面排版只需要几个自由软件。\n\n"
	               "它们都把文件存为任何人都能读取的开放格式。\n\n"
	               "从你的发行版的软件中心安装 Inkscape 和 Scribus。\n");
	CHECK_EQ_STR(p.sig, "0:0 1:- 2:1 3:2");
	/* tl_align_cost says what the alignment used: the same words,
	 * narrowed and marked. */
	for (size_t k = 0; k < p.al->npairs; k++) {
		const tl_align_pair *x = &p.al->pairs[k];
		if (!x->norig || !x->ntrans)
			continue;
		double c = tl_align_cost(p.al, x->orig, x->norig, x->trans,
		                         x->ntrans, NULL);
		CHECK(c == x->cost);
		/* In whole thousandths of a nat, computed in integers: the
		 * same in every build. */
		double m = c * 1000.0;
		CHECK(fabs(m - (double)llround(m)) < 1e-6);
	}
	pair_docs_close(&p);
}

/* The translator dropped the first paragraph and put a picture of their
 * own at the top (LCTT's lead image): the image is added (its
 * destination is nowhere in the original), and no rendering of the
 * dropped paragraph. */
TEST(pair_dropped_paragraph_beside_added_image)
{
	pair_docs p;
	pair_docs_open(&p,
	               "# Backups\n\n"
	               "Every backup tool promises safety, but only a restore "
	               "proves that a copy works.\n\n"
	               "This article shows how I test mine every month with a "
	               "spare disk.\n",
	               "# 备份\n\n"
	               "![](https://img.example.cn/lead.jpg)\n\n"
	               "本文介绍我每月如何用备用磁盘测试备份。\n");
	CHECK_EQ_STR(p.sig, "0:0 -:1 1:- 2:2");
	pair_docs_close(&p);
}

TEST(pair_added_paragraph)
{
	pair_docs p;
	pair_docs_open(
	    &p, EN_ALL,
	    ZH_HEAD ZH_P1 ZH_P2 ZH_P3
	    "（译注：restic 的仓库可以放在任何兼容 S3 的对象存储上，"
	    "也可以放在另一台机器的 SFTP 目录里。）\n\n" ZH_P4 ZH_P5);
	CHECK_EQ_STR(p.sig, "0:0 1:1 2:2 3:3 -:4 4:5 5:6");
	CHECK_EQ_INT(tl_align_pair_of_trans(p.al, 4)->type, TL_PAIR_0_1);
	pair_docs_close(&p);
}

TEST(pair_split_paragraph)
{
	pair_docs p;
	pair_docs_open(
	    &p, EN_ALL,
	    ZH_HEAD ZH_P1 ZH_P2
	    "第一次快照会复制所有内容，在慢速网络上可能需要几个小时。"
	    "\n\n所以请在晚上开始，让它在你睡觉时整夜运行。\n\n" ZH_P4 ZH_P5);
	CHECK_EQ_STR(p.sig, "0:0 1:1 2:2 3:3+4 4:5 5:6");
	CHECK_EQ_INT(tl_align_pair_of_orig(p.al, 3)->type, TL_PAIR_1_2);
	pair_docs_close(&p);
}

TEST(pair_merged_paragraphs)
{
	pair_docs p;
	pair_docs_open(
	    &p, EN_ALL,
	    ZH_HEAD ZH_P1 ZH_P2
	    "第一次快照会复制所有内容，在慢速网络上可能需要几个小时，"
	    "所以请在晚上开始，让它在你睡觉时整夜运行。之后的快照只"
	    "发送改动的部分。\n\n" ZH_P5);
	CHECK_EQ_STR(p.sig, "0:0 1:1 2:2 3+4:3 5:4");
	CHECK_EQ_INT(tl_align_pair_of_trans(p.al, 3)->type, TL_PAIR_2_1);
	pair_docs_close(&p);
}

/* The translator put the items in another order: each is still paired
 * with its original, as a moved pair where the order changed. */
TEST(pair_reordered_list_items)
{
	static const char en[] = "Three tools help:\n"
	                         "\n"
	                         "  * `rsync` copies files between machines\n"
	                         "  * `borg` keeps deduplicated archives\n"
	                         "  * `rclone` talks to cloud storage\n"
	                         "\n"
	                         "Pick one.\n";
	static const char zh[] = "有三个工具可以帮忙：\n"
	                         "\n"
	                         "  * `rclone` 与云存储打交道\n"
	                         "  * `rsync` 在机器之间复制文件\n"
	                         "  * `borg` 保存去重的归档\n"
	                         "\n"
	                         "选一个吧。\n";
	pair_docs p;
	pair_docs_open(&p, en, zh);
	CHECK_EQ_STR(p.sig, "0:0 ~3:1 1:2 2:3 4:4");
	const tl_align_pair *x = tl_align_pair_of_orig(p.al, 3);
	REQUIRE(x != NULL);
	CHECK_EQ_INT(x->type, TL_PAIR_1_1);
	CHECK(x->moved);
	pair_docs_close(&p);
}

/* No numbers, code, links or Latin words: the kinds and the lengths
 * decide. The long paragraph dropped is found by its length. */
TEST(pair_no_anchors)
{
	static const char en[] =
	    "## Why\n"
	    "\n"
	    "Short one.\n"
	    "\n"
	    "This paragraph is much longer than the others around it, because "
	    "it explains at some length why anybody would bother doing any of "
	    "this in the first place, and then goes on for a while more.\n"
	    "\n"
	    "Another short one.\n"
	    "\n"
	    "## How\n"
	    "\n"
	    "The end.\n";
	static const char zh[] = "## 为什么\n"
	                         "\n"
	                         "短的一段。\n"
	                         "\n"
	                         "另一个短的段落。\n"
	                         "\n"
	                         "## 怎么做\n"
	                         "\n"
	                         "结束。\n";
	pair_docs p;
	pair_docs_open(&p, en, zh);
	CHECK_EQ_STR(p.sig, "0:0 1:1 2:- 3:2 4:3 5:4");
	/* The original's words are anchors; the translation has none. */
	for (size_t i = 0; i < p.al->trans->n; i++)
		CHECK_EQ_SIZE(p.al->trans->blocks[i].nkeys, 0);
	pair_docs_close(&p);

	/* The same without the drop: all 1-1. */
	static const char zh2[] =
	    "## 为什么\n"
	    "\n"
	    "短的一段。\n"
	    "\n"
	    "这一段比周围的段落长得多，因为它相当详细地解释了"
	    "为什么会有人首先费心去做这些事情，然后又继续说了"
	    "一会儿。\n"
	    "\n"
	    "另一个短的段落。\n"
	    "\n"
	    "## 怎么做\n"
	    "\n"
	    "结束。\n";
	pair_docs_open(&p, en, zh2);
	CHECK_EQ_STR(p.sig, "0:0 1:1 2:2 3:3 4:4 5:5");
	pair_docs_close(&p);
}

/* A code block whose comment was translated and whose command was
 * edited is still the same block: paired 1-1, kind code. */
TEST(pair_code_block_edited)
{
	static const char en[] = "Run this:\n"
	                         "\n"
	                         "```bash\n"
	                         "# list the snapshots\n"
	                         "restic -r /srv/backup snapshots\n"
	                         "restic -r /srv/backup check\n"
	                         "restic -r /srv/backup stats\n"
	                         "```\n"
	                         "\n"
	                         "Then this:\n"
	                         "\n"
	                         "```\n"
	                         "restic forget --keep-daily 7\n"
	                         "```\n";
	static const char zh[] = "运行这个：\n"
	                         "\n"
	                         "```bash\n"
	                         "# 列出快照\n"
	                         "restic -r /srv/backup snapshots\n"
	                         "restic -r /srv/backups check\n"
	                         "restic -r /srv/backup stats\n"
	                         "```\n"
	                         "\n"
	                         "然后这个：\n"
	                         "\n"
	                         "```\n"
	                         "restic forget --keep-daily 7\n"
	                         "```\n";
	pair_docs p;
	pair_docs_open(&p, en, zh);
	CHECK_EQ_STR(p.sig, "0:0 1:1 2:2 3:3");
	CHECK_EQ_INT(p.al->trans->blocks[1].kind, TL_ALIGN_CODE);
	/* The unchanged lines are shared anchors. */
	CHECK(find_anchor(&p.al->trans->blocks[1], TL_ANCHOR_LINE,
	                  "restic -r /srv/backup stats") != NULL);
	pair_docs_close(&p);
}

/* A long listing cut in two by the translator: a 1-2 pair of code. */
TEST(pair_code_block_split)
{
	tl_buf en = {0}, zh = {0};
	tl_buf_puts(&en, "The script:\n\n```sh\n");
	tl_buf_puts(&zh, "脚本：\n\n```sh\n");
	for (int k = 0; k < 12; k++) {
		tl_buf_printf(&en, "cp /srv/data/file%d /backup/\n", k);
		tl_buf_printf(&zh, "cp /srv/data/file%d /backup/\n", k);
		if (k == 5)
			tl_buf_puts(&zh, "```\n\n```sh\n");
	}
	tl_buf_puts(&en, "```\n\nDone.\n");
	tl_buf_puts(&zh, "```\n\n完成。\n");
	pair_docs p;
	pair_docs_open(&p, en.data, zh.data);
	CHECK_EQ_STR(p.sig, "0:0 1:1+2 2:3");
	pair_docs_close(&p);
	tl_buf_free(&en);
	tl_buf_free(&zh);
}

/* A debugging view a reader can follow. */
TEST(print_view)
{
	pair_docs p;
	pair_docs_open(&p, "# Title\n\nDropped paragraph here.\n\nKept `x`.\n",
	               "# 标题\n\n保留 `x`。\n");
	tl_buf out = {0};
	tl_align_print(p.al, &out);
	char expected[1024];
	snprintf(expected, sizeof expected,
	         "1-1 1 ↔ 1  heading  cost %.2f\n"
	         "    - # Title\n"
	         "    + # 标题\n"
	         "1-0 3 ↔ -  paragraph  cost %.2f\n"
	         "    - Dropped paragraph here.\n"
	         "1-1 5 ↔ 3  paragraph  cost %.2f\n"
	         "    - Kept `x`.\n"
	         "    + 保留 `x`。\n",
	         p.al->pairs[0].cost, p.al->pairs[1].cost, p.al->pairs[2].cost);
	CHECK_EQ_STR(out.data, expected);
	tl_buf_free(&out);
	pair_docs_close(&p);
}

TEST(empty_documents)
{
	pair_docs p;
	pair_docs_open(&p, "", "");
	CHECK_EQ_SIZE(p.al->npairs, 0);
	CHECK(tl_align_pair_of_orig(p.al, 0) == NULL);
	pair_docs_close(&p);
	pair_docs_open(&p, "One.\n\nTwo.\n", "");
	CHECK_EQ_STR(p.sig, "0:- 1:-");
	pair_docs_close(&p);
	pair_docs_open(&p, "", "一。\n");
	CHECK_EQ_STR(p.sig, "-:0");
	pair_docs_close(&p);
}

/* ---- The band -------------------------------------------------------------
 */

/* Appends paragraph K of a long generated article: each names its own
 * URL, so the anchors unique to one block draw the guide path. */
static void long_para(tl_buf *b, size_t k, bool zh)
{
	if (zh)
		tl_buf_printf(
		    b,
		    "第 %zu 节说明了如何配置 [服务 %zu](https://example.org/"
		    "s/%zu)，以及为什么默认值通常就够用。\n\n",
		    k, k, k);
	else
		tl_buf_printf(
		    b,
		    "Section %zu explains how to configure [service "
		    "%zu](https://example.org/s/%zu) and why the defaults "
		    "are usually enough.\n\n",
		    k, k, k);
}

/* The destination of the first link of B, or NULL. */
static const char *link_of(const tl_align_block *b)
{
	for (size_t i = 0; i < b->nanchors; i++)
		if (b->anchors[i].type == TL_ANCHOR_LINK)
			return b->anchors[i].key;
	return NULL;
}

/* A long document: 3,000 paragraphs, one dropped every 97, 20 added in one
 * place (more than the band's half width), a paragraph with no anchor every
 * 10. The cells stay within the bound of align.h and near 2 * BAND + a few
 * per row, and every edit is found. */
TEST(long_document_band)
{
	tl_buf en = {0}, zh = {0};
	size_t n = 3000, dropped = 0;
	for (size_t k = 0; k < n; k++) {
		if (k % 10 == 5) {
			tl_buf_puts(&en, "A short remark without anchors.\n\n");
			tl_buf_puts(&zh, "一句没有锚点的简短评论。\n\n");
			continue;
		}
		long_para(&en, k, false);
		if (k % 97 == 50) {
			dropped++;
			continue;
		}
		long_para(&zh, k, true);
		if (k == 1500)
			for (int a = 0; a < 20; a++)
				tl_buf_puts(&zh,
				            "（译注：这是译者加的一段说明，原文"
				            "没有。）\n\n");
	}
	pair_docs p;
	pair_docs_open(&p, en.data, zh.data);
	size_t no = p.al->orig->n;
	CHECK_EQ_SIZE(no, n);
	size_t bound = p.al->trans->n +
	               (no + 1) * (2 * (TL_ALIGN_BAND + TL_ALIGN_WIDEN) + 4);
	if (p.al->cells > bound)
		FAIL("%zu cells, over the bound %zu", p.al->cells, bound);
	/* Narrow where the anchors agree: far below the bound. */
	if (p.al->cells > no * (2 * TL_ALIGN_BAND + 6))
		FAIL("%zu cells for %zu rows: the band is not narrow",
		     p.al->cells, no);
	size_t n10 = 0, n01 = 0, n11 = 0;
	for (size_t k = 0; k < p.al->npairs; k++) {
		const tl_align_pair *x = &p.al->pairs[k];
		n10 += x->type == TL_PAIR_1_0;
		n01 += x->type == TL_PAIR_0_1;
		if (x->type == TL_PAIR_1_1) {
			n11++;
			/* Every 1-1 pair names the same service. */
			const tl_align_block *o = &p.al->orig->blocks[x->orig];
			const tl_align_block *t =
			    &p.al->trans->blocks[x->trans];
			const char *ol = link_of(o), *tl = link_of(t);
			if (ol != tl && (!ol || !tl || strcmp(ol, tl) != 0))
				FAIL("original block %zu (%s) paired with "
				     "translated block %zu (%s)",
				     x->orig, ol ? ol : "no link", x->trans,
				     tl ? tl : "no link");
		}
	}
	CHECK_EQ_SIZE(n10, dropped);
	CHECK_EQ_SIZE(n01, 20);
	CHECK_EQ_SIZE(n11, n - dropped);
	pair_docs_close(&p);
	tl_buf_free(&en);
	tl_buf_free(&zh);
}

/* Paragraph K of a stretch without anchors, of one of three lengths. */
static void plain_para(tl_buf *b, size_t k, bool zh)
{
	static const int words[] = {3, 16, 50};
	int n = words[k % 3];
	for (int w = 0; w < n; w++)
		tl_buf_puts(b, zh ? (w ? "，这样" : "这样")
		                  : (w ? " that" : "That"));
	tl_buf_puts(b, zh ? "。\n\n" : ".\n\n");
}

/* Twenty paragraphs added at the start of a stretch of 59 without
 * anchors: the guide path, straight between the anchored paragraphs
 * around the stretch, strays from the true path by more than the band's
 * half width there, so the band must widen by the stretch's skew for
 * the lengths to be matched. */
TEST(band_widens_where_skewed)
{
	tl_buf en = {0}, zh = {0};
	for (size_t s = 0; s < 3; s++) {
		long_para(&en, s, false);
		long_para(&zh, s, true);
		if (s == 1)
			for (int a = 0; a < 20; a++)
				tl_buf_puts(
				    &zh,
				    "这是译者加的一句话，原文中没有。\n\n");
		for (size_t k = 0; k < 59; k++) {
			plain_para(&en, k, false);
			plain_para(&zh, k, true);
		}
	}
	pair_docs p;
	pair_docs_open(&p, en.data, zh.data);
	/* Original block i is translated block i, or i + 20 after the
	 * added paragraphs. */
	for (size_t i = 0; i < p.al->orig->n; i++) {
		const tl_align_pair *x = tl_align_pair_of_orig(p.al, i);
		size_t want = i <= 60 ? i : i + 20;
		if (x->type != TL_PAIR_1_1 || x->trans != want) {
			FAIL("original block %zu: %s with %zu, not 1-1 with "
			     "%zu",
			     i, tl_pair_type_name(x->type), x->trans, want);
			break;
		}
	}
	for (size_t j = 61; j < 81; j++)
		CHECK_EQ_INT(tl_align_pair_of_trans(p.al, j)->type,
		             TL_PAIR_0_1);
	pair_docs_close(&p);
	tl_buf_free(&en);
	tl_buf_free(&zh);
}

/* A document of 8 MB or more is parsed in pieces (markdown.c): listed
 * piece by piece, it gives the blocks of the whole parse, definitions
 * between and after them included. */
/* The alignment of EN and ZH with the original listed alone and listed
 * against the translation (tl_align_doc_new_against): the same pairs
 * and costs. */
static void check_against_same(struct check_case *check_tc_, const char *en,
                               const char *zh)
{
	tl_source *os = tl_source_new("en.md", en, strlen(en));
	tl_source *ts = tl_source_new("zh.md", zh, strlen(zh));
	tl_doc *od = tl_doc_parse(os), *td = tl_doc_parse(ts);
	tl_align *a = tl_align_new(tl_align_doc_new(od), tl_align_doc_new(td));
	tl_align_doc *ta = tl_align_doc_new(td);
	tl_align_doc *oa = tl_align_doc_new_against(od, ta);
	CHECK(tl_align_doc_narrowed(oa, ta));
	CHECK(!tl_align_doc_narrowed(a->orig, a->trans));
	tl_align *b = tl_align_new(oa, ta);
	CHECK_EQ_SIZE(b->npairs, a->npairs);
	size_t differ = 0;
	for (size_t k = 0; k < a->npairs && k < b->npairs; k++) {
		const tl_align_pair *x = &a->pairs[k], *y = &b->pairs[k];
		if (x->type != y->type || x->orig != y->orig ||
		    x->trans != y->trans || x->moved != y->moved ||
		    x->cost != y->cost)
			differ++;
	}
	CHECK_EQ_SIZE(differ, 0);
	CHECK(a->cost == b->cost);
	tl_align_free(a);
	tl_align_free(b);
	tl_doc_free(od);
	tl_doc_free(td);
	tl_source_free(os);
	tl_source_free(ts);
}

/* An original listed against its translation keeps only the words the
 * translation has, and aligns as it would listed alone. */
TEST(anchors_original_against_translation)
{
	static const char en[] =
	    "Install restic and Kopia on the backup server.\n\n"
	    "The server keeps snapshots for a year.\n\n"
	    "Use `kopia snapshot` on the laptop.\n";
	static const char zh[] = "在备份服务器上安装 restic 和 kopia。\n\n"
	                         "服务器把快照保存一年。\n\n"
	                         "在笔记本电脑上用 `kopia snapshot`。\n";
	tl_source *os = tl_source_new("en.md", en, sizeof en - 1);
	tl_source *ts = tl_source_new("zh.md", zh, sizeof zh - 1);
	tl_doc *od = tl_doc_parse(os), *td = tl_doc_parse(ts);
	tl_align_doc *ta = tl_align_doc_new(td);
	tl_align_doc *alone = tl_align_doc_new(od);
	tl_align_doc *oa = tl_align_doc_new_against(od, ta);
	REQUIRE(oa->n == 3 && alone->n == 3);
	/* Listed alone, the original has all its words. */
	CHECK(tl_align_block_has(&alone->blocks[0], word("install")));
	CHECK(tl_align_block_has(&alone->blocks[0], word("server")));
	/* Against the translation, only the words it kept. */
	CHECK(tl_align_block_has(&oa->blocks[0], word("restic")));
	CHECK(tl_align_block_has(&oa->blocks[0], word("kopia")));
	CHECK(!tl_align_block_has(&oa->blocks[0], word("install")));
	CHECK(!tl_align_block_has(&oa->blocks[0], word("server")));
	CHECK(!tl_align_block_has(&oa->blocks[1], word("snapshots")));
	CHECK(!tl_align_block_has(&oa->blocks[1], word("year")));
	CHECK_EQ_SIZE(oa->blocks[1].nkeys, 0);
	/* Anchors other than words are all kept. */
	CHECK(find_anchor(&oa->blocks[2], TL_ANCHOR_CODE, "kopia snapshot") !=
	      NULL);
	CHECK(tl_align_block_has(&oa->blocks[2], word("snapshot")));
	CHECK(!tl_align_block_has(&oa->blocks[2], word("laptop")));
	tl_align_doc_free(alone);
	tl_align *al = tl_align_new(oa, ta);
	CHECK_EQ_SIZE(al->npairs, 3);
	tl_align_free(al);
	tl_doc_free(od);
	tl_doc_free(td);
	tl_source_free(os);
	tl_source_free(ts);

	check_against_same(check_tc_, en, zh);
	check_against_same(check_tc_, EN_ALL, ZH_ALL);
	check_against_same(check_tc_, EN_ALL, ZH_HEAD ZH_P1 ZH_P2 ZH_P4 ZH_P5);
	check_against_same(check_tc_, EN_ALL,
	                   ZH_HEAD ZH_P1 ZH_P2
	                   "第一次快照会复制所有内容，在慢速网络上可能需要几个"
	                   "小时。\n\n所以请在晚上开始，让它在你睡觉时整夜运行"
	                   "。\n\n" ZH_P4 ZH_P5);
}

TEST(blocks_by_piece)
{
	tl_buf md = {0};
	tl_buf_puts(&md,
	            "[#]: via: \"https://example.org/a\"\n\nTitle\n=====\n\n");
	for (size_t k = 0; md.len < (9u << 20); k++) {
		tl_buf_printf(
		    &md,
		    "## Part %zu\n\nParagraph %zu with `code %zu` and "
		    "[a link](https://example.org/%zu).\n\n"
		    "```\nline %zu\n```\n\n",
		    k, k, k, k, k);
		if (k % 1000 == 0)
			tl_buf_printf(
			    &md, "[r%zu]: https://example.org/r/%zu\n\n", k, k);
	}
	tl_buf_puts(&md, "[1]: https://example.org/end\n");
	tl_source *src = tl_source_new("big.md", md.data, md.len);
	tl_doc *whole = tl_doc_parse(src);
	tl_align_doc *a = tl_align_doc_new(whole);
	tl_doc_free(whole);
	tl_doc *doc = tl_doc_new(src);
	REQUIRE(doc->npieces > 1);
	tl_doc_parse_piece(doc, 0);
	tl_align_doc *b = tl_align_doc_new(doc);
	for (size_t k = 1; k < doc->npieces; k++) {
		tl_doc_parse_piece(doc, k);
		tl_align_doc_add(b, doc);
	}
	tl_doc_free(doc);
	CHECK_EQ_SIZE(b->n, a->n);
	size_t differ = 0;
	for (size_t i = 0; i < a->n && i < b->n; i++)
		if (a->blocks[i].kind != b->blocks[i].kind ||
		    a->blocks[i].start != b->blocks[i].start ||
		    a->blocks[i].end != b->blocks[i].end ||
		    a->blocks[i].nkeys != b->blocks[i].nkeys)
			differ++;
	CHECK_EQ_SIZE(differ, 0);
	CHECK_EQ_INT(b->blocks[b->n - 1].kind, TL_ALIGN_META);
	tl_align_doc_free(a);
	tl_align_doc_free(b);
	tl_source_free(src);
	tl_buf_free(&md);
}

int main(void)
{
	struct check_suite suite = {0};

	RUN(&suite, blocks_kinds_and_spans);
	RUN(&suite, blocks_definitions_before_paragraph);
	RUN(&suite, blocks_definitions_before_setext_heading);
	RUN(&suite, anchors_numbers_words_code_links);
	RUN(&suite, anchors_number_with_unit);
	RUN(&suite, anchors_stop_words);
	RUN(&suite, blocks_cjk_punctuation_counted);
	RUN(&suite, anchors_translator_notes);
	RUN(&suite, anchors_original_against_translation);
	RUN(&suite, pair_one_to_one);
	RUN(&suite, pair_dropped_paragraph);
	RUN(&suite, blocks_sentence_ends);
	RUN(&suite, blocks_sentence_end_after_ideograph);
	RUN(&suite, pair_dropped_paragraph_by_sentences);
	RUN(&suite, pair_dropped_paragraph_by_kept_words);
	RUN(&suite, pair_dropped_paragraph_beside_added_image);
	RUN(&suite, pair_added_paragraph);
	RUN(&suite, pair_split_paragraph);
	RUN(&suite, pair_merged_paragraphs);
	RUN(&suite, pair_reordered_list_items);
	RUN(&suite, pair_no_anchors);
	RUN(&suite, pair_code_block_edited);
	RUN(&suite, pair_code_block_split);
	RUN(&suite, print_view);
	RUN(&suite, empty_documents);
	RUN(&suite, long_document_band);
	RUN(&suite, band_widens_where_skewed);
	RUN(&suite, blocks_by_piece);
	return check_finish(&suite);
}
