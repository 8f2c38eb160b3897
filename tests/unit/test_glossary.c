/*
 * test_glossary.c: how a glossary (src/glossary.c) matches its terms,
 * renderings and rejects in text: English terms without case, as whole
 * words and in the plural; a space matching any gap; Chinese anywhere;
 * the longest needle at a place; entries of an extending file replacing
 * inherited ones that share a term.
 */
#include "check.h"
#include "glossary.h"

#include <stdlib.h>
#include <string.h>

static const char glossary_text[] = "- term: fork\n"
                                    "  zh: 复刻\n"
                                    "  reject: [分叉]\n"
                                    "- term: [repo, repository]\n"
                                    "  zh: [代码仓库, 软件仓库]\n"
                                    "- term: [live USB, live session]\n"
                                    "  zh: 立付\n"
                                    "- term: box\n"
                                    "  zh: 盒子\n"
                                    "- term: pod\n"
                                    "  zh: 容器荚\n"
                                    "  reject: [容器]\n";

static tl_glossary *load(void)
{
	tl_error err;
	tl_glossary *g = tl_glossary_parse("g.yml", glossary_text,
	                                   strlen(glossary_text), &err);
	if (!g) {
		fprintf(stderr, "%zu:%zu: %s\n", err.line, err.column,
		        err.message);
		abort();
	}
	return g;
}

/* The text of the first needle of KIND found in TEXT, or "" (static). */
static const char *first(const tl_glossary *g, tl_gloss_kind kind,
                         const char *text)
{
	static char buf[200];
	tl_gloss_hit h;
	buf[0] = '\0';
	if (tl_glossary_find(g, kind, text, strlen(text), 0, &h))
		snprintf(buf, sizeof buf, "%.*s", (int)(h.end - h.start),
		         text + h.start);
	return buf;
}

#define TERM(text) first(g, TL_GLOSS_TERM, text)

TEST(terms_without_case_and_in_the_plural)
{
	tl_glossary *g = load();
	CHECK(strcmp(TERM("Fork it"), "Fork") == 0);
	CHECK(strcmp(TERM("two FORKS of it"), "FORKS") == 0);
	CHECK(strcmp(TERM("the repositories"), "repositories") == 0);
	CHECK(strcmp(TERM("a repo's README"), "repo") == 0);
	CHECK(strcmp(TERM("three boxes"), "boxes") == 0);
	CHECK(strcmp(TERM("使用fork命令"), "fork") == 0);
	CHECK(strcmp(TERM("a fork-based flow"), "fork") == 0);
	tl_glossary_unref(g);
}

TEST(terms_as_whole_words_only)
{
	tl_glossary *g = load();
	CHECK(strcmp(TERM("forking"), "") == 0);
	CHECK(strcmp(TERM("my_fork"), "") == 0);
	CHECK(strcmp(TERM("fork.c"), "") == 0);
	CHECK(strcmp(TERM("/usr/fork"), "") == 0);
	CHECK(strcmp(TERM("--fork"), "") == 0);
	CHECK(strcmp(TERM("repo/sub"), "") == 0);
	CHECK(strcmp(TERM("podcast"), "") == 0);
	/* Sentence punctuation ends a word. */
	CHECK(strcmp(TERM("a fork."), "fork") == 0);
	CHECK(strcmp(TERM("(fork)"), "fork") == 0);
	tl_glossary_unref(g);
}

TEST(a_space_matches_any_gap)
{
	tl_glossary *g = load();
	CHECK(strcmp(TERM("a live USB stick"), "live USB") == 0);
	CHECK(strcmp(TERM("a live-usb stick"), "live-usb") == 0);
	CHECK(strcmp(TERM("a live\nUSB"), "live\nUSB") == 0);
	CHECK(strcmp(TERM("Live USBs"), "Live USBs") == 0);
	CHECK(strcmp(TERM("live in the USA"), "") == 0);
	tl_glossary_unref(g);
}

TEST(chinese_anywhere_longest_first)
{
	tl_glossary *g = load();
	CHECK(strcmp(first(g, TL_GLOSS_ZH, "放到软件仓库里"), "软件仓库") == 0);
	CHECK(strcmp(first(g, TL_GLOSS_REJECT, "先分叉再说"), "分叉") == 0);
	CHECK(strcmp(first(g, TL_GLOSS_ZH, "若干容器荚"), "容器荚") == 0);
	tl_gloss_hit h;
	const char *t = "仓库";
	CHECK(!tl_glossary_find(g, TL_GLOSS_ZH, t, strlen(t), 0, &h));
	tl_glossary_unref(g);
}

/* The search passes over bytes no needle starts with and asks the first
 * two and three bytes before a needle is tried: needles of one and two
 * bytes, with a gap second or third, at the text's end, and words that
 * share a needle's first letters still find what they should. */
TEST(short_needles_and_gaps_pass_the_filters)
{
	static const char text[] = "- term: [x, go, a b, ab c, Vim]\n"
	                           "  zh: 某\n"
	                           "  reject: [某某]\n";
	tl_error err;
	tl_glossary *g = tl_glossary_parse("s.yml", text, strlen(text), &err);
	REQUIRE(g != NULL);
	CHECK(strcmp(TERM("press x now"), "x") == 0);
	CHECK(strcmp(TERM("let it go"), "go") == 0);
	CHECK(strcmp(TERM("gone, good, then go."), "go") == 0);
	CHECK(strcmp(TERM("xa a\nb"), "a\nb") == 0);
	CHECK(strcmp(TERM("ab"), "ab") == 0);
	CHECK(strcmp(TERM("see ab-c"), "ab-c") == 0);
	CHECK(strcmp(TERM("vi, vim"), "vim") == 0);
	CHECK(strcmp(TERM("VIM"), "VIM") == 0);
	CHECK(strcmp(TERM("vimrc vi"), "") == 0);
	CHECK(strcmp(first(g, TL_GLOSS_REJECT, "某人某某"), "某某") == 0);
	CHECK(strcmp(first(g, TL_GLOSS_ZH, "abc某"), "某") == 0);
	tl_glossary_unref(g);
}

TEST(merge_replaces_entries_sharing_a_term)
{
	tl_glossary *g = load();
	tl_error err;
	const char *add = "- term: [Fork, fork it]\n  zh: 派生\n";
	tl_glossary *a = tl_glossary_parse("add.yml", add, strlen(add), &err);
	REQUIRE(a != NULL);
	tl_glossary *m = tl_glossary_merge(g, a);
	CHECK_EQ_SIZE(tl_glossary_count(m), tl_glossary_count(g));
	CHECK(strcmp(first(m, TL_GLOSS_ZH, "派生"), "派生") == 0);
	CHECK(strcmp(first(m, TL_GLOSS_ZH, "复刻"), "") == 0);
	CHECK(strcmp(first(m, TL_GLOSS_REJECT, "分叉"), "") == 0);
	CHECK(strcmp(first(m, TL_GLOSS_ZH, "软件仓库"), "软件仓库") == 0);
	CHECK_EQ_SIZE(tl_glossary_files(m)->n, 2);
	tl_glossary_unref(m);
	tl_glossary_unref(a);
	tl_glossary_unref(g);
}

int main(void)
{
	struct check_suite suite = {0};
	RUN(&suite, terms_without_case_and_in_the_plural);
	RUN(&suite, terms_as_whole_words_only);
	RUN(&suite, a_space_matches_any_gap);
	RUN(&suite, chinese_anywhere_longest_first);
	RUN(&suite, short_needles_and_gaps_pass_the_filters);
	RUN(&suite, merge_replaces_entries_sharing_a_term);
	return check_finish(&suite);
}
