/*
 * test_fix.c: tl_fix_apply, the one routine that turns chosen fixes into
 * new bytes: offset order, overlaps skipped, and spacing fixes waiting
 * for the next round where they touch another rule's edit (fix.c).
 */
#include "check.h"
#include "internal.h"

#include <stdlib.h>

/* A result over TEXT with N diagnostics, each one fix of one edit. */
typedef struct one {
	const char *rule;
	size_t start, end;
	const char *text;
	tl_applicability app;
} one;

static tl_result *result_of(const char *text, const one *d, size_t n)
{
	tl_result *res = tl_xcalloc(1, sizeof *res);
	res->source = tl_source_new("t.md", text, strlen(text));
	res->arena = tl_arena_new();
	res->diags = tl_xcalloc(n ? n : 1, sizeof *res->diags);
	res->ndiags = n;
	for (size_t i = 0; i < n; i++) {
		tl_edit *e = tl_arena_alloc(res->arena, sizeof *e);
		*e = (tl_edit){d[i].start, d[i].end, d[i].text};
		res->diags[i] = (tl_diag){
		    d[i].rule, TL_SEVERITY_WARNING,      d[i].start, d[i].end,
		    "m",       (tl_fix){d[i].app, e, 1}, TL_NONE,    TL_NONE};
	}
	return res;
}

/* TEXT with the fixes D applied, as a string (the caller frees), or
 * NULL when nothing applied. */
static char *apply(const char *text, const one *d, size_t n, bool unsafe)
{
	tl_result *res = result_of(text, d, n);
	size_t len = 0;
	char *out = tl_fix_apply(res, unsafe, &len);
	tl_result_free(res);
	if (!out)
		return NULL;
	char *s = tl_xstrndup(out, len);
	free(out);
	return s;
}

#define FW_COMMA "\xEF\xBC\x8C" /* ， */

TEST(offset_order_and_overlap)
{
	one d[] = {
	    {"b", 2, 3, "X", TL_FIX_SAFE},
	    {"a", 0, 1, "Y", TL_FIX_SAFE},
	    {"c", 2, 4, "Z", TL_FIX_SAFE}, /* overlaps b */
	};
	char *s = apply("abcde", d, 3, false);
	REQUIRE(s != NULL);
	CHECK_EQ_STR(s, "YbXde");
	free(s);
}

TEST(unsafe_only_when_asked)
{
	one d[] = {{"a", 0, 1, "Y", TL_FIX_UNSAFE}};
	CHECK(apply("abc", d, 1, false) == NULL);
	char *s = apply("abc", d, 1, true);
	REQUIRE(s != NULL);
	CHECK_EQ_STR(s, "Ybc");
	free(s);
}

/* "and， Join": one rule makes the mark ",", another deletes the space
 * after it. Together they would write "and,Join"; the space waits. */
TEST(spacing_waits_beside_a_changed_mark)
{
	const char *t = "and" FW_COMMA " Join";
	one d[] = {
	    {"halfwidth-punctuation", 3, 6, ",", TL_FIX_SAFE},
	    {"no-space-fullwidth", 6, 7, "", TL_FIX_SAFE},
	};
	char *s = apply(t, d, 2, false);
	REQUIRE(s != NULL);
	CHECK_EQ_STR(s, "and, Join");
	free(s);
	/* In either order of the diagnostics. */
	one r[] = {d[1], d[0]};
	s = apply(t, r, 2, false);
	REQUIRE(s != NULL);
	CHECK_EQ_STR(s, "and, Join");
	free(s);
}

/* The space before the mark waits too, though it comes first. */
TEST(spacing_waits_before_a_changed_mark)
{
	const char *t = "said \xE3\x80\x8Chi\xE3\x80\x8D to";
	one d[] = {
	    {"no-space-fullwidth", 4, 5, "", TL_FIX_SAFE},
	    {"quote-style", 5, 8, "\"", TL_FIX_SAFE},
	};
	char *s = apply(t, d, 2, false);
	REQUIRE(s != NULL);
	CHECK_EQ_STR(s, "said \"hi\xE3\x80\x8D to");
	free(s);
	/* An inserted space waits the same way. */
	one e[] = {
	    {"space-cjk-latin", 5, 5, " ", TL_FIX_SAFE},
	    {"terminology", 5, 8, "X", TL_FIX_SAFE},
	};
	s = apply(t, e, 2, false);
	REQUIRE(s != NULL);
	CHECK_EQ_STR(s, "said Xhi\xE3\x80\x8D to");
	free(s);
}

/* A spacing fix that touches nothing of another rule, or only edits of
 * its own rule, is applied in the same round. */
TEST(spacing_apart_or_same_rule)
{
	const char *t = "a" FW_COMMA " b  c";
	one d[] = {
	    {"halfwidth-punctuation", 1, 4, ",", TL_FIX_SAFE},
	    {"no-space-fullwidth", 6, 7, "", TL_FIX_SAFE},
	};
	char *s = apply(t, d, 2, false);
	REQUIRE(s != NULL);
	CHECK_EQ_STR(s, "a, b c");
	free(s);
	one e[] = {
	    {"r", 1, 4, ",", TL_FIX_SAFE},
	    {"r", 4, 5, "", TL_FIX_SAFE},
	};
	s = apply(t, e, 2, false);
	REQUIRE(s != NULL);
	CHECK_EQ_STR(s, "a,b  c");
	free(s);
}

/* Two spacing fixes meeting at a gap are not held back by each other:
 * only a fix that changes something else makes one wait. */
TEST(spacing_beside_spacing)
{
	one d[] = {
	    {"no-space-fullwidth", 1, 3, "", TL_FIX_SAFE},
	    {"space-cjk-latin", 3, 3, " ", TL_FIX_SAFE},
	};
	char *s = apply("a  bc", d, 2, false);
	REQUIRE(s != NULL);
	CHECK_EQ_STR(s, "a bc");
	free(s);
}

int main(void)
{
	struct check_suite s = {0};
	RUN(&s, offset_order_and_overlap);
	RUN(&s, unsafe_only_when_asked);
	RUN(&s, spacing_waits_beside_a_changed_mark);
	RUN(&s, spacing_waits_before_a_changed_mark);
	RUN(&s, spacing_apart_or_same_rule);
	RUN(&s, spacing_beside_spacing);
	return check_finish(&s);
}
