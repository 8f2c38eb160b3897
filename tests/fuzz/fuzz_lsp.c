/*
 * fuzz_lsp.c: the libFuzzer target for the language server's input (make
 * fuzz): the JSON reader (src/json.c) and the message framing and
 * dispatch (src/lsp.c). The input is the byte stream a client writes to
 * the server's standard input, read from memory (fmemopen); what the
 * server writes goes to memory too (open_memstream). It aborts when a
 * promise does not hold:
 *
 *   - tl_json_parse on the whole input either fails or gives a tree
 *     whose raw text lies inside the input and whose strings have the
 *     length they claim;
 *   - whatever the input, the server's output is a sequence of frames,
 *     each "Content-Length: N\r\n\r\n" and N bytes that tl_json_parse
 *     reads as a JSON object: a bad frame from the client never makes
 *     the server write a bad one.
 *
 * Crashes, leaks, undefined behaviour and hangs are ASan's, UBSan's and
 * libFuzzer's to find. A document URI makes the server look for a
 * .translint.yml above the path it names, as it does for an editor.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "lsp.h"

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_lsp: invariant violated: %s\n", what);
	abort();
}

/* Checks the tree V read from [S, S + N). */
static void check_tree(const tl_json *v, const char *s, size_t n, int depth)
{
	size_t i;

	if (depth > 300)
		fail("a tree deeper than the parser allows");
	if (!v->raw || v->raw < s || v->raw + v->raw_len > s + n)
		fail("raw text outside the input");
	if (v->type == TL_JSON_STRING && (!v->str || v->str[v->len] != '\0'))
		fail("a string without its terminating NUL");
	if ((v->type == TL_JSON_ARRAY || v->type == TL_JSON_OBJECT) && v->n &&
	    !v->items)
		fail("a container without its items");
	for (i = 0; i < v->n; i++) {
		if (v->type == TL_JSON_OBJECT && !v->keys[i])
			fail("an object member without a key");
		check_tree(v->items[i], s, n, depth + 1);
	}
}

/* Checks that OUT (N bytes) is a sequence of well-formed frames. */
static void check_output(const char *out, size_t n)
{
	static const char head[] = "Content-Length: ";
	size_t p = 0;

	while (p < n) {
		char *end;
		unsigned long long len;

		if (n - p < sizeof head - 1 ||
		    memcmp(out + p, head, sizeof head - 1) != 0)
			fail("output that is not a Content-Length header");
		len = strtoull(out + p + sizeof head - 1, &end, 10);
		if ((size_t)(end - out) + 4 > n || memcmp(end, "\r\n\r\n", 4))
			fail("a header not ended by an empty line");
		p = (size_t)(end - out) + 4;
		if (len > n - p)
			fail("a body shorter than its Content-Length");
		{
			tl_arena *a = tl_arena_new();
			tl_json *v = tl_json_parse(a, out + p, (size_t)len);

			if (!v || v->type != TL_JSON_OBJECT)
				fail("a body that is no JSON object");
			tl_arena_free(a);
		}
		p += (size_t)len;
	}
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	tl_arena *arena = tl_arena_new();
	tl_json *v = tl_json_parse(arena, (const char *)data, size);
	FILE *in, *out;
	char *buf = NULL;
	size_t len = 0;

	if (v)
		check_tree(v, (const char *)data, size, 0);
	tl_arena_free(arena);

	if (size == 0)
		return 0;
	in = fmemopen((void *)data, size, "r");
	out = open_memstream(&buf, &len);
	if (!in || !out)
		abort();
	tl_lsp_serve(in, out, (data[0] & 1) ? TL_LANG_ZH : TL_LANG_EN);
	fclose(in);
	fclose(out);
	check_output(buf, len);
	free(buf);
	return 0;
}
