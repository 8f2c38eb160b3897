/*
 * check.h: translint's header-only unit-test framework, small enough to
 * read before writing a test.
 *
 * Protocol, which the Makefile and the test runner count on: every test
 * case prints exactly one line to stdout, "ok - NAME" or
 * "not ok - NAME: REASON", and the program exits 1 when any case failed,
 * 0 otherwise. Nothing else goes to stdout.
 *
 * A test program looks like this:
 *
 *     #include "check.h"
 *
 *     TEST(source_empty)
 *     {
 *             tl_source *src = tl_source_new(NULL, "", 0);
 *
 *             REQUIRE(src != NULL);
 *             CHECK_EQ_SIZE(src->nlines, 1);
 *             tl_source_free(src);
 *     }
 *
 *     int main(void)
 *     {
 *             struct check_suite suite = {0};
 *
 *             RUN(&suite, source_empty);
 *             return check_finish(&suite);
 *     }
 *
 * CHECK_* macros record a failure and carry on, so one run shows every
 * broken expectation of a case (the line shows the first, and how many
 * more); REQUIRE stops the case, for when what follows would crash. The
 * reason names the file and line of the failed check. There is no global
 * state: TEST gives each case a context parameter the macros use.
 */
#ifndef TL_CHECK_H
#define TL_CHECK_H

#include <stdio.h>
#include <string.h>

/* The running test case. */
struct check_case {
	int failures;
	char reason[512];
};

/* Counts of a whole test program. */
struct check_suite {
	int passed;
	int failed;
};

/* Records a failure of the running case; keeps the first reason. */
static inline void check_fail_(struct check_case *tc, const char *file,
                               int line, const char *what)
{
	if (tc->failures++ == 0)
		snprintf(tc->reason, sizeof tc->reason, "%s:%d: %s", file, line,
		         what);
}

/* Writes S as a quoted C string into OUT, so that the reason stays on one
 * line whatever the strings compared hold. */
static inline void check_quote_(char *out, size_t cap, const char *s, size_t n)
{
	size_t o = 0, i;

	if (!s) {
		snprintf(out, cap, "(null)");
		return;
	}
	out[o++] = '"';
	for (i = 0; i < n && o + 10 < cap; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			out[o++] = '\\';
			out[o++] = (char)c;
		} else if (c < 0x20 || c == 0x7F) {
			o += (size_t)snprintf(out + o, cap - o, "\\x%02X", c);
		} else {
			out[o++] = (char)c;
		}
	}
	if (i < n)
		o += (size_t)snprintf(out + o, cap - o, "...");
	snprintf(out + o, cap - o, "\"");
}

static inline void check_fail_str_(struct check_case *tc, const char *file,
                                   int line, const char *expr, const char *a,
                                   size_t alen, const char *b, size_t blen)
{
	char qa[160], qb[160], what[400];

	check_quote_(qa, sizeof qa, a, alen);
	check_quote_(qb, sizeof qb, b, blen);
	snprintf(what, sizeof what, "%s: %s != %s", expr, qa, qb);
	check_fail_(tc, file, line, what);
}

/* Runs one case and prints its line. */
static inline void check_run_(struct check_suite *suite, const char *name,
                              void (*fn)(struct check_case *))
{
	struct check_case tc;
	char *nl;

	memset(&tc, 0, sizeof tc);
	fn(&tc);
	/* One line per case, whatever a FAIL message held. */
	while ((nl = strpbrk(tc.reason, "\r\n")) != NULL)
		*nl = ' ';
	if (tc.failures == 0) {
		suite->passed++;
		printf("ok - %s\n", name);
	} else {
		suite->failed++;
		if (tc.failures > 1)
			printf("not ok - %s: %s (and %d more)\n", name,
			       tc.reason, tc.failures - 1);
		else
			printf("not ok - %s: %s\n", name, tc.reason);
	}
	fflush(stdout);
}

/* The exit status of the program. */
static inline int check_finish(const struct check_suite *suite)
{
	return suite->failed ? 1 : 0;
}

#define TEST(name) static void name(struct check_case *check_tc_)
#define RUN(suite, name) check_run_((suite), #name, name)

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond))                                                   \
			check_fail_(check_tc_, __FILE__, __LINE__,             \
			            "CHECK(" #cond ") failed");                \
	} while (0)

/* Stops the running case when COND is false. */
#define REQUIRE(cond)                                                          \
	do {                                                                   \
		if (!(cond)) {                                                 \
			check_fail_(check_tc_, __FILE__, __LINE__,             \
			            "REQUIRE(" #cond ") failed");              \
			return;                                                \
		}                                                              \
	} while (0)

/* Fails with a message of its own (printf-style, one line). */
#define FAIL(...)                                                              \
	do {                                                                   \
		char check_msg_[400];                                          \
		snprintf(check_msg_, sizeof check_msg_, __VA_ARGS__);          \
		check_fail_(check_tc_, __FILE__, __LINE__, check_msg_);        \
	} while (0)

#define CHECK_EQ_SIZE(a, b)                                                    \
	do {                                                                   \
		size_t check_a_ = (a), check_b_ = (b);                         \
		if (check_a_ != check_b_)                                      \
			FAIL("%s == %s: %zu != %zu", #a, #b, check_a_,         \
			     check_b_);                                        \
	} while (0)

#define CHECK_EQ_INT(a, b)                                                     \
	do {                                                                   \
		long long check_a_ = (a), check_b_ = (b);                      \
		if (check_a_ != check_b_)                                      \
			FAIL("%s == %s: %lld != %lld", #a, #b, check_a_,       \
			     check_b_);                                        \
	} while (0)

/* Compares NUL-terminated strings; NULL equals only NULL. */
#define CHECK_EQ_STR(a, b)                                                     \
	do {                                                                   \
		const char *check_a_ = (a), *check_b_ = (b);                   \
		if (!check_a_ || !check_b_ ? check_a_ != check_b_              \
		                           : strcmp(check_a_, check_b_) != 0)  \
			check_fail_str_(                                       \
			    check_tc_, __FILE__, __LINE__, #a " == " #b,       \
			    check_a_, check_a_ ? strlen(check_a_) : 0,         \
			    check_b_, check_b_ ? strlen(check_b_) : 0);        \
	} while (0)

/* Compares byte strings that may hold NULs. */
#define CHECK_EQ_MEM(a, alen, b, blen)                                         \
	do {                                                                   \
		const char *check_a_ = (a), *check_b_ = (b);                   \
		size_t check_al_ = (alen), check_bl_ = (blen);                 \
		if (check_al_ != check_bl_ ||                                  \
		    (check_al_ && memcmp(check_a_, check_b_, check_al_)))      \
			check_fail_str_(check_tc_, __FILE__, __LINE__,         \
			                #a " == " #b, check_a_, check_al_,     \
			                check_b_, check_bl_);                  \
	} while (0)

#endif
