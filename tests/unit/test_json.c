/*
 * test_json.c: the JSON reader of the language server (src/json.c) and
 * the hunk parser of --changed-since (src/changed.c): what they accept,
 * what they refuse, and that hostile input is refused, not crashed on.
 */
#include "changed.h"
#include "check.h"
#include "json.h"

#include <stdlib.h>

static tl_json *parse(tl_arena *a, const char *s)
{
	return tl_json_parse(a, s, strlen(s));
}

TEST(json_object_members)
{
	tl_arena *a = tl_arena_new();
	tl_json *v = parse(a, " {\"id\": 12, \"method\": \"x/y\", "
	                      "\"params\": {\"ok\": true, \"n\": null, "
	                      "\"list\": [1, -2.5e1, \"s\"]}} ");
	const tl_json *list;

	REQUIRE(v != NULL);
	CHECK_EQ_INT(v->type, TL_JSON_OBJECT);
	CHECK_EQ_STR(tl_json_get_string(v, "method"), "x/y");
	CHECK_EQ_SIZE(tl_json_get_size(v, "id", 0), 12);
	CHECK_EQ_MEM(tl_json_get(v, "id")->raw, tl_json_get(v, "id")->raw_len,
	             "12", 2);
	CHECK(tl_json_get(tl_json_get(v, "params"), "ok")->boolean);
	CHECK_EQ_INT(tl_json_get(tl_json_get(v, "params"), "n")->type,
	             TL_JSON_NULL);
	list = tl_json_get(tl_json_get(v, "params"), "list");
	REQUIRE(list && list->n == 3);
	CHECK(list->items[1]->number == -25.0);
	CHECK(tl_json_get(v, "missing") == NULL);
	CHECK(tl_json_get_string(v, "id") == NULL);
	tl_arena_free(a);
}

TEST(json_string_escapes)
{
	tl_arena *a = tl_arena_new();
	tl_json *v =
	    parse(a, "\"a\\n\\\"\\u4e2d\\ud840\\udc00\\ud800x\\u0000\"");

	REQUIRE(v != NULL);
	/* \ud840\udc00 is U+20000; a lone surrogate becomes U+FFFD. */
	CHECK_EQ_MEM(v->str, v->len,
	             "a\n\"\xE4\xB8\xAD\xF0\xA0\x80\x80\xEF\xBF\xBDx\0", 15);
	tl_arena_free(a);
}

TEST(json_refuses_bad_input)
{
	static const char *const bad[] = {
	    "",      "{",         "{\"a\" 1}", "[1,]",     "{\"a\":1,}",
	    "01",    "1.",        "-",         "tru",      "\"\\x\"",
	    "\"a",   "\"\\u12\"", "[1] 2",     "{1: 2}",   "\"\x01\"",
	    "nulll", "[\"a\"",    "1e",        "{\"a\":}", "// c\n1",
	};
	tl_arena *a = tl_arena_new();
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (parse(a, bad[i]) != NULL)
			CHECK(!bad[i]);
	tl_arena_free(a);
}

TEST(json_deep_nesting_refused)
{
	tl_arena *a = tl_arena_new();
	size_t n = 100000, i;
	char *s = malloc(2 * n + 1);

	for (i = 0; i < n; i++) {
		s[i] = '[';
		s[n + i] = ']';
	}
	s[2 * n] = '\0';
	CHECK(tl_json_parse(a, s, 2 * n) == NULL);
	CHECK(tl_json_parse(a, s + n - 100, 200) != NULL);
	free(s);
	tl_arena_free(a);
}

TEST(changed_hunks)
{
	static const char diff[] = "diff --git a/a.md b/a.md\n"
	                           "--- a/a.md\n+++ b/a.md\n"
	                           "@@ -3 +3 @@ heading\n-old\n+new\n"
	                           "@@ -5,0 +6,2 @@\n+x\n+y\n"
	                           "@@ -9,2 +10,0 @@\n-gone\n-gone\n";
	tl_changed c;

	tl_changed_parse(diff, sizeof diff - 1, &c);
	CHECK_EQ_SIZE(c.nranges, 2);
	CHECK(!tl_changed_has(&c, 2));
	CHECK(tl_changed_has(&c, 3));
	CHECK(!tl_changed_has(&c, 5));
	CHECK(tl_changed_has(&c, 6));
	CHECK(tl_changed_has(&c, 7));
	CHECK(!tl_changed_has(&c, 8));
	CHECK(!tl_changed_has(&c, 10));
	tl_changed_free(&c);
}

int main(void)
{
	struct check_suite suite = {0};

	RUN(&suite, json_object_members);
	RUN(&suite, json_string_escapes);
	RUN(&suite, json_refuses_bad_input);
	RUN(&suite, json_deep_nesting_refused);
	RUN(&suite, changed_hunks);
	return check_finish(&suite);
}
