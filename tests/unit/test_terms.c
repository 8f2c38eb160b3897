/*
 * test_terms.c: the loader of term lists (src/terms.c): a small list
 * read into its index, the built-in list, and lists it must refuse with
 * their position instead of reading them (a flow collection nested deeper
 * than the cap every YAML reader of translint has, issue 12).
 */
#include "check.h"
#include "terms.h"

#include <stdlib.h>
#include <string.h>

static const char small[] = "terms:\n"
                            "  GitHub: [Github, github]\n"
                            "  Linux: [linux]\n"
                            "keep: [github pages]\n";

TEST(terms_small)
{
	tl_terms t;
	tl_error err = {0};
	REQUIRE(tl_terms_parse(small, sizeof small - 1, &t, &err));
	CHECK_EQ_SIZE(t.nterms, 2);
	CHECK_EQ_SIZE(t.nv, 3);
	CHECK_EQ_SIZE(t.nkeep, 1);
	CHECK_EQ_STR(t.keep[0], "github pages");
	/* Sorted by first two bytes: "Gi" < "gi" < "li". */
	CHECK_EQ_STR(t.v[0].text, "Github");
	CHECK_EQ_STR(t.terms[t.v[2].term], "Linux");
	CHECK(t.v[2].lower);
	size_t p = tl_terms_pair_index("li");
	CHECK_EQ_SIZE(t.pair[p], 2);
	tl_terms_free(&t);
	CHECK(t.v == NULL && t.nv == 0);
}

TEST(terms_builtin)
{
	const tl_terms *t = tl_terms_builtin();
	REQUIRE(t != NULL);
	CHECK(t->nv > 100);
	CHECK(t == tl_terms_builtin());
}

/* A list nested 100,000 deep is refused where it goes past the cap, as
 * a configuration is, before libyaml reads it. */
TEST(terms_too_deep)
{
	size_t depth = 100000;
	const char *head = "terms:\n  Go: [golang]\nkeep: ";
	size_t hl = strlen(head);
	char *s = malloc(hl + 2 * depth + 2);
	REQUIRE(s != NULL);
	memcpy(s, head, hl);
	memset(s + hl, '[', depth);
	memset(s + hl + depth, ']', depth);
	s[hl + 2 * depth] = '\n';
	s[hl + 2 * depth + 1] = '\0';
	tl_terms t;
	tl_error err = {0};
	CHECK(!tl_terms_parse(s, hl + 2 * depth + 1, &t, &err));
	CHECK_EQ_STR(err.message, "YAML nested deeper than 100 levels");
	CHECK_EQ_STR(err.path, "rules/terms.yml");
	CHECK_EQ_SIZE(err.line, 3);
	CHECK_EQ_SIZE(err.column, 7 + 100);
	CHECK(t.v == NULL && t.strings == NULL);
	/* At the cap it is read (and refused for what it is). */
	memset(s + hl, ' ', depth);
	memset(s + hl + depth, ' ', depth);
	memset(s + hl + depth - 100, '[', 100);
	memset(s + hl + depth, ']', 100);
	CHECK(!tl_terms_parse(s, hl + 2 * depth + 1, &t, &err));
	CHECK_EQ_STR(err.message, "unexpected sequence");
	free(s);
}

/* A broken list is an error with its position, not an abort: only the
 * built-in list's loader turns it into one. */
TEST(terms_broken)
{
	static const struct {
		const char *yaml, *message;
		size_t line;
	} cases[] = {
	    {"terms:\n  Go: [golang]\nother: 1\n", "unknown key", 3},
	    {"terms:\n  Go: [golang, Go]\n", "a wrong spelling equals its term",
	     2},
	    {"terms:\n  Go: [g]\n", "a spelling of fewer than two characters",
	     2},
	    {"terms: {Go: [golang, golang]}\n",
	     "a wrong spelling is listed twice", 0},
	    {"terms: {}\n", "no terms", 0},
	    {"terms:\n  Go: [golang\n", "did not find expected ',' or ']'", 3},
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		tl_terms t;
		tl_error err = {0};
		CHECK(!tl_terms_parse(cases[k].yaml, strlen(cases[k].yaml), &t,
		                      &err));
		CHECK_EQ_STR(err.message, cases[k].message);
		CHECK_EQ_SIZE(err.line, cases[k].line);
	}
}

int main(void)
{
	struct check_suite s = {0};
	RUN(&s, terms_small);
	RUN(&s, terms_builtin);
	RUN(&s, terms_too_deep);
	RUN(&s, terms_broken);
	return check_finish(&s);
}
