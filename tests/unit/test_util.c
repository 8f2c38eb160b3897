#include "check.h"
#include "translint.h"
#include <stdint.h>
#include <stdlib.h>
TEST(arena)
{
	tl_arena *a = tl_arena_new();
	size_t i;
	char *prev = NULL;
	for (i = 0; i < 20000; i++) {
		size_t sz = (i * 7919) % 300;
		unsigned char *p = tl_arena_alloc(a, sz);
		CHECK(((uintptr_t)p & 15) == 0);
		for (size_t k = 0; k < sz; k++)
			if (p[k]) {
				FAIL("not zeroed");
				break;
			}
		memset(p, 0xAB, sz);
	}
	for (i = 0; i < 50; i++) {
		unsigned char *big = tl_arena_alloc(a, 100000 + i);
		CHECK(((uintptr_t)big & 15) == 0);
		CHECK(big[100000 + i - 1] == 0);
		memset(big, 1, 100000 + i);
		char *s = tl_arena_strdup(a, "hello");
		CHECK_EQ_STR(s, "hello");
		CHECK(s != prev);
		prev = s;
	}
	CHECK(tl_arena_alloc(a, 0) != tl_arena_alloc(a, 0));
	CHECK_EQ_STR(tl_arena_strndup(a, "abcdef", 3), "abc");
	CHECK_EQ_STR(tl_arena_strndup(a, "ab\0cd", 5), "ab");
	CHECK(tl_arena_strdup(a, NULL) == NULL);
	CHECK_EQ_STR(tl_arena_printf(a, "%d-%s", 42, "中文"), "42-中文");
	char longs[70000];
	memset(longs, 'x', sizeof longs - 1);
	longs[sizeof longs - 1] = 0;
	char *l = tl_arena_printf(a, "%s!", longs);
	CHECK_EQ_SIZE(strlen(l), sizeof longs);
	tl_arena_free(a);
	tl_arena_free(NULL);
	a = tl_arena_new();
	tl_arena_free(a);
	a = tl_arena_new();
	CHECK(tl_arena_alloc(a, 50000) != NULL);
	CHECK(tl_arena_alloc(a, 5) != NULL);
	tl_arena_free(a);
}
TEST(buf)
{
	tl_buf b = {0};
	tl_buf_append(&b, "", 0);
	REQUIRE(b.data != NULL);
	CHECK_EQ_STR(b.data, "");
	for (int i = 0; i < 1000; i++)
		tl_buf_printf(&b, "%d,", i);
	CHECK_EQ_SIZE(b.len, strlen(b.data));
	tl_buf_free(&b);
	CHECK(b.data == NULL && b.len == 0 && b.cap == 0);
	tl_buf_puts(&b, "ab");
	tl_buf_putc(&b, 'c');
	tl_buf_append(&b, "d\0e", 3);
	CHECK_EQ_MEM(b.data, b.len, "abcd\0e", 6);
	CHECK(b.data[b.len] == 0);
	tl_buf_free(&b);
	tl_buf_printf(&b, "%s", "");
	CHECK(b.data != NULL && b.len == 0);
	tl_buf_free(&b);
	tl_buf_free(NULL);
}
TEST(severity)
{
	tl_severity s = TL_SEVERITY_OFF;
	CHECK_EQ_STR(tl_severity_name(TL_SEVERITY_ERROR), "error");
	CHECK_EQ_STR(tl_severity_name(TL_SEVERITY_WARNING), "warning");
	CHECK_EQ_STR(tl_severity_name(TL_SEVERITY_INFO), "info");
	CHECK_EQ_STR(tl_severity_name(TL_SEVERITY_OFF), "off");
	CHECK_EQ_STR(tl_severity_name((tl_severity)9), "unknown");
	CHECK(tl_severity_parse("warning", &s) && s == TL_SEVERITY_WARNING);
	CHECK(tl_severity_parse("error", &s) && s == TL_SEVERITY_ERROR);
	CHECK(!tl_severity_parse("Error", &s) && s == TL_SEVERITY_ERROR);
	CHECK(!tl_severity_parse("", &s));
	CHECK(!tl_severity_parse(NULL, &s));
}
TEST(errors)
{
	tl_error e;
	char big[3000];
	memset(&e, 0x55, sizeof e);
	tl_error_set(&e, NULL, 3, 4, "bad %s", "key");
	CHECK_EQ_STR(e.path, "");
	CHECK_EQ_STR(e.message, "bad key");
	CHECK_EQ_SIZE(e.line, 3);
	CHECK_EQ_SIZE(e.column, 4);
	memset(big, 'p', sizeof big);
	big[sizeof big - 1] = 0;
	tl_error_set(&e, big, 0, 0, "%s", big);
	CHECK_EQ_SIZE(strlen(e.path), 1023);
	CHECK_EQ_SIZE(strlen(e.message), 1023);
	/* 中 is 3 bytes: 1023 = 341 * 3, so 342 of them cut one in the middle
	 */
	tl_buf b = {0};
	tl_buf_puts(&b, "a");
	for (int i = 0; i < 400; i++)
		tl_buf_puts(&b, "中");
	tl_error_set(&e, b.data, 1, 1, "%s", b.data);
	CHECK_EQ_SIZE(strlen(e.message), 1 + 340 * 3);
	CHECK_EQ_SIZE(strlen(e.path), 1 + 340 * 3);
	tl_buf_free(&b);
	tl_buf_puts(&b, "ab");
	for (int i = 0; i < 400; i++)
		tl_buf_puts(&b, "😀");
	tl_error_set(&e, "", 1, 1, "%s", b.data);
	CHECK_EQ_SIZE(strlen(e.message), 2 + 255 * 4);
	tl_buf_free(&b);
	tl_error_set(NULL, "x", 1, 1, "y");
	char *s = tl_xstrdup("abc");
	CHECK_EQ_STR(s, "abc");
	free(s);
	s = tl_xstrndup("abc", 2);
	CHECK_EQ_STR(s, "ab");
	free(s);
	CHECK(tl_xstrdup(NULL) == NULL);
	s = tl_xmalloc(0);
	CHECK(s != NULL);
	s = tl_xrealloc(s, 0);
	CHECK(s != NULL);
	free(s);
	s = tl_xcalloc(0, 5);
	CHECK(s != NULL);
	free(s);
}
TEST(grow)
{
	int *v = NULL;
	size_t n = 0, cap = 0;
	for (int i = 0; i < 1000; i++) {
		v = tl_grow(v, n, &cap, sizeof *v);
		CHECK(cap > n);
		v[n++] = i;
	}
	CHECK_EQ_SIZE(n, 1000);
	CHECK(cap >= 1000 && cap < 2000);
	bool same = true;
	for (int i = 0; i < 1000; i++)
		same = same && v[i] == i;
	CHECK(same);
	free(v);
}

int main(void)
{
	struct check_suite s = {0};
	RUN(&s, arena);
	RUN(&s, buf);
	RUN(&s, severity);
	RUN(&s, errors);
	RUN(&s, grow);
	return check_finish(&s);
}
