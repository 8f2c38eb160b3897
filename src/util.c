/*
 * util.c: the small pieces every module leans on: allocation that aborts
 * instead of returning NULL, the per-document arena, the growable byte
 * buffer, severity names and the error record library code fills instead
 * of printing.
 *
 * Allocation failure is the one place library code writes to stderr and
 * ends the process: a linter that runs out of memory cannot report
 * anything useful, and checking every allocation by hand would bury the
 * real logic (see STYLE.md, "nobody checks malloc for NULL by hand").
 */
#include "internal.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Memory ------------------------------------------------------------ */

static void out_of_memory(void)
{
	fputs("translint: out of memory\n", stderr);
	abort();
}

/* malloc(0) and realloc(p, 0) may legitimately return NULL (and the
 * latter may free P); asking for at least one byte keeps "NULL means
 * failure" true and every returned pointer freeable. */
void *tl_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *tl_xcalloc(size_t count, size_t size)
{
	void *p;

	if (count == 0 || size == 0)
		count = size = 1;
	p = calloc(count, size);
	if (!p)
		out_of_memory();
	return p;
}

void *tl_xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *tl_grow(void *p, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return p;
	if (*cap > SIZE_MAX / 2 / (size ? size : 1))
		out_of_memory();
	*cap = *cap ? *cap * 2 : 8;
	return tl_xrealloc(p, *cap * size);
}

/* NULL in, NULL out: callers copy optional strings without a test. */
char *tl_xstrdup(const char *s)
{
	if (!s)
		return NULL;
	return tl_xstrndup(s, strlen(s));
}

/* Copies at most N bytes of S, stopping at a NUL, as POSIX strndup. */
char *tl_xstrndup(const char *s, size_t n)
{
	const char *nul;
	char *p;

	if (!s)
		return NULL;
	nul = memchr(s, '\0', n);
	if (nul)
		n = (size_t)(nul - s);
	if (n == SIZE_MAX)
		out_of_memory();
	p = tl_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/*
 * The arena is a list of chunks; allocation bumps a cursor in the newest
 * one. Every allocation is zeroed (callers may rely on it): each block is
 * cleared when it is handed out, not the whole chunk when it is made,
 * since most documents use a few hundred bytes of their first chunk (a
 * calloc of every chunk was 8 % of the instructions of a run over many
 * small files). An allocation bigger than a quarter of a chunk gets a
 * chunk of its own, linked behind the current one, so that one big block
 * does not waste the rest of the chunk being filled.
 */
#define ARENA_CHUNK_SIZE ((size_t)8 * 1024)
#define ARENA_ALIGN ((size_t)16)

struct arena_chunk {
	struct arena_chunk *next;
	size_t size; /* usable bytes in data */
	size_t used;
	unsigned char data[];
};

struct tl_arena {
	struct arena_chunk *head; /* the chunk being filled; NULL at first */
};

/* Padding that brings P up to ARENA_ALIGN. Computed on the address itself
 * because malloc only promises alignof(max_align_t), which is 8 on some
 * platforms. */
static size_t align_pad(const unsigned char *p)
{
	return (size_t)(-(uintptr_t)p & (ARENA_ALIGN - 1));
}

static struct arena_chunk *arena_chunk_new(size_t size)
{
	struct arena_chunk *c;

	if (size > SIZE_MAX - sizeof *c)
		out_of_memory();
	c = tl_xmalloc(sizeof *c + size);
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

tl_arena *tl_arena_new(void)
{
	return tl_xcalloc(1, sizeof(tl_arena));
}

void tl_arena_free(tl_arena *arena)
{
	struct arena_chunk *c, *next;

	if (!arena)
		return;
	for (c = arena->head; c; c = next) {
		next = c->next;
		free(c);
	}
	free(arena);
}

void *tl_arena_alloc(tl_arena *arena, size_t size)
{
	return memset(tl_arena_alloc_raw(arena, size), 0, size ? size : 1);
}

void *tl_arena_alloc_raw(tl_arena *arena, size_t size)
{
	struct arena_chunk *c = arena->head;
	size_t pad;

	/* Zero-sized requests still get a distinct pointer. */
	if (size == 0)
		size = 1;
	if (size > SIZE_MAX - 2 * ARENA_ALIGN - sizeof *c)
		out_of_memory();
	if (c) {
		pad = align_pad(c->data + c->used);
		if (pad + size <= c->size - c->used) {
			void *p = c->data + c->used + pad;
			c->used += pad + size;
			return p;
		}
	}
	if (size > ARENA_CHUNK_SIZE / 4) {
		struct arena_chunk *big = arena_chunk_new(size + ARENA_ALIGN);

		big->used = big->size;
		if (c) {
			big->next = c->next;
			c->next = big;
		} else {
			arena->head = big;
		}
		return big->data + align_pad(big->data);
	}
	c = arena_chunk_new(ARENA_CHUNK_SIZE);
	c->next = arena->head;
	arena->head = c;
	pad = align_pad(c->data);
	c->used = pad + size;
	return c->data + pad;
}

char *tl_arena_strdup(tl_arena *arena, const char *s)
{
	if (!s)
		return NULL;
	return tl_arena_strndup(arena, s, strlen(s));
}

char *tl_arena_strndup(tl_arena *arena, const char *s, size_t n)
{
	const char *nul;
	char *p;

	if (!s)
		return NULL;
	nul = memchr(s, '\0', n);
	if (nul)
		n = (size_t)(nul - s);
	p = tl_arena_alloc(arena, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *tl_arena_printf(tl_arena *arena, const char *fmt, ...)
{
	va_list ap, ap2;
	int n;
	char *p;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	/* Only an invalid format or a wide-character conversion fails;
	 * an empty string is the least surprising answer. */
	if (n < 0) {
		va_end(ap2);
		return tl_arena_alloc(arena, 1);
	}
	p = tl_arena_alloc(arena, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}

/* ---- Growable buffer ---------------------------------------------------- */

/* Makes room for N more bytes plus the terminating NUL. */
static void buf_reserve(tl_buf *buf, size_t n)
{
	size_t need, cap;

	if (n > SIZE_MAX - buf->len - 1)
		out_of_memory();
	need = buf->len + n + 1;
	if (need <= buf->cap)
		return;
	cap = buf->cap ? buf->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	buf->data = tl_xrealloc(buf->data, cap);
	buf->cap = cap;
}

void tl_buf_append(tl_buf *buf, const char *s, size_t n)
{
	buf_reserve(buf, n);
	if (n)
		memcpy(buf->data + buf->len, s, n);
	buf->len += n;
	buf->data[buf->len] = '\0';
}

void tl_buf_puts(tl_buf *buf, const char *s)
{
	tl_buf_append(buf, s, strlen(s));
}

void tl_buf_putc(tl_buf *buf, char c)
{
	tl_buf_append(buf, &c, 1);
}

void tl_buf_printf(tl_buf *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	/* Format into the room there is (at least 128 bytes); only what
	 * does not fit is formatted a second time. */
	buf_reserve(buf, 128);
	va_start(ap, fmt);
	n = vsnprintf(buf->data + buf->len, buf->cap - buf->len, fmt, ap);
	va_end(ap);
	if (n < 0) {
		buf->data[buf->len] = '\0';
		return;
	}
	if ((size_t)n < buf->cap - buf->len) {
		buf->len += (size_t)n;
		return;
	}
	buf_reserve(buf, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	buf->len += (size_t)n;
}

/* Leaves BUF empty and reusable. */
void tl_buf_free(tl_buf *buf)
{
	if (!buf)
		return;
	free(buf->data);
	buf->data = NULL;
	buf->len = 0;
	buf->cap = 0;
}

/* ---- Environment ----------------------------------------------------- */

/* See internal.h: read at each call, so that a test can set it per run. */
bool tl_jit_enabled(void)
{
	const char *v = getenv("TL_NO_JIT");
	return !v || !*v || strcmp(v, "0") == 0;
}

/* ---- Severities and errors ---------------------------------------------- */

static const char *const severity_names[] = {
    [TL_SEVERITY_OFF] = "off",
    [TL_SEVERITY_INFO] = "info",
    [TL_SEVERITY_WARNING] = "warning",
    [TL_SEVERITY_ERROR] = "error",
};

#define NSEVERITIES (sizeof severity_names / sizeof severity_names[0])

/* Never NULL, so that callers can print the result unconditionally. */
static const char *const fixability_names[] = {
    [TL_FIXABLE_NONE] = "none",
    [TL_FIXABLE_SAFE] = "safe",
    [TL_FIXABLE_UNSAFE] = "unsafe",
    [TL_FIXABLE_SOMETIMES] = "sometimes",
};

const char *tl_fixability_name(tl_fixability f)
{
	return (size_t)f < sizeof fixability_names / sizeof *fixability_names
	           ? fixability_names[f]
	           : "none";
}

const char *tl_severity_name(tl_severity severity)
{
	if ((size_t)severity >= NSEVERITIES)
		return "unknown";
	return severity_names[severity];
}

/* Exact, lower-case names only: the configuration reports anything else
 * with the nearest valid name instead of guessing. */
bool tl_severity_parse(const char *name, tl_severity *out)
{
	size_t i;

	if (!name)
		return false;
	for (i = 0; i < NSEVERITIES; i++) {
		if (strcmp(name, severity_names[i]) == 0) {
			*out = (tl_severity)i;
			return true;
		}
	}
	return false;
}

/* Cuts a UTF-8 sequence that truncation left incomplete at the end of the
 * LEN bytes of S, so that a long Chinese message stays valid UTF-8 (JSON
 * and SARIF output require it). */
static void trim_partial_utf8(char *s, size_t len)
{
	size_t i = len, lead, need;
	unsigned char c;

	/* Find the start of the last character: at most 3 bytes back. */
	while (i > 0 && len - i < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return;
	lead = i - 1;
	c = (unsigned char)s[lead];
	if (c < 0x80)
		return;
	need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	if (len - lead < need)
		s[lead] = '\0';
}

static void copy_truncated(char *dst, size_t cap, const char *src)
{
	size_t n = strlen(src);

	if (n >= cap) {
		n = cap - 1;
		memcpy(dst, src, n);
		dst[n] = '\0';
		trim_partial_utf8(dst, n);
		return;
	}
	memcpy(dst, src, n + 1);
}

/* ERR may be NULL for callers that do not want the details. */
void tl_error_set(tl_error *err, const char *path, size_t line, size_t column,
                  const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!err)
		return;
	copy_truncated(err->path, sizeof err->path, path ? path : "");
	err->line = line;
	err->column = column;
	va_start(ap, fmt);
	n = vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	if (n < 0)
		err->message[0] = '\0';
	else if ((size_t)n >= sizeof err->message)
		trim_partial_utf8(err->message, sizeof err->message - 1);
}

size_t tl_edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
	/* One row of the Levenshtein table; names are short, so it lives on
	 * the stack unless B is long. */
	size_t small[64];
	size_t *row = nb < 64 ? small : tl_xmalloc((nb + 1) * sizeof *row);
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	size_t d = row[nb];
	if (row != small)
		free(row);
	return d;
}

tl_nearest tl_nearest_start(const char *name, size_t len)
{
	tl_nearest s = {name, len, NULL, 0, (size_t)-1};
	return s;
}

void tl_nearest_add(tl_nearest *s, const char *cand, size_t len)
{
	if (len == 0)
		return;
	size_t d = tl_edit_distance(s->name, s->len, cand, len);
	if (d < s->best_d) {
		s->best_d = d;
		s->best = cand;
		s->best_len = len;
	}
}

const char *tl_nearest_typo(const tl_nearest *s)
{
	size_t longer = s->len > s->best_len ? s->len : s->best_len;
	return s->best && s->best_d * 2 <= longer ? s->best : NULL;
}

size_t tl_yaml_too_deep(const char *s, size_t n)
{
	size_t depth = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i], before = i ? s[i - 1] : '\n';
		/* A quote opens a scalar, and '#' a comment, only where a
		 * token can start; "don't" and "a#b" are plain text. */
		bool token = strchr(" \t\r\n[{,:", before) != NULL;
		if (c == '#' && token && before != ':' && before != ',' &&
		    before != '[' && before != '{') {
			while (i + 1 < n && s[i + 1] != '\n' &&
			       s[i + 1] != '\r')
				i++;
		} else if (c == '"' && token) {
			for (i++; i < n && s[i] != '"'; i++)
				if (s[i] == '\\')
					i++;
		} else if (c == '\'' && token) {
			/* '' inside is a quote, read here as two strings. */
			for (i++; i < n && s[i] != '\''; i++)
				;
		} else if (c == '[' || c == '{') {
			if (++depth > TL_YAML_MAX_FLOW_DEPTH)
				return i;
		} else if ((c == ']' || c == '}') && depth > 0) {
			depth--;
		}
	}
	return TL_NONE;
}
