/*
 * baseline.c: accepted findings (baseline.h): building a baseline from
 * lint results, writing and reading its JSON file, and taking the
 * findings it holds out of a result.
 *
 * Every string of an entry (path, rule, text) is kept as JSON writes it
 * (tl_emit_json_string: escaped, invalid UTF-8 as U+FFFD), both when a
 * result adds it and when a file is read back, so that what was written
 * matches whatever bytes the document holds. Entries are sorted by path,
 * rule and text; filtering a file looks its findings up by binary search.
 */
#include "baseline.h"
#include "emit/emit.h"
#include "io.h"
#include "json.h"

#include <stdlib.h>
#include <string.h>

/* Characters of the line kept on either side of the flagged text, and
 * the most bytes of the flagged text itself. */
#define CONTEXT_CHARS 20
#define MAX_SPAN_BYTES 200

typedef struct entry {
	/* JSON-escaped, without quotes: the file, the rule, the flagged
	 * characters and the line around them */
	char *path, *rule, *text, *context;
	size_t count;
} entry;

struct tl_baseline {
	entry *v;
	size_t n, cap;
	bool sorted;
};

tl_baseline *tl_baseline_new(void)
{
	return tl_xcalloc(1, sizeof(tl_baseline));
}

void tl_baseline_free(tl_baseline *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n; i++) {
		free(b->v[i].path);
		free(b->v[i].rule);
		free(b->v[i].text);
		free(b->v[i].context);
	}
	free(b->v);
	free(b);
}

/* S (N bytes) as JSON writes it, without the quotes (caller frees). */
static char *escaped(const char *s, size_t n)
{
	tl_buf b = {0};
	tl_emit_json_string(&b, s, n);
	char *r = tl_xstrndup(b.data + 1, b.len - 2);
	tl_buf_free(&b);
	return r;
}

/* A path as the baseline keeps it: without leading "./". */
static const char *plain_path(const char *p)
{
	while (p[0] == '.' && p[1] == '/')
		for (p += 2; *p == '/';)
			p++;
	return p;
}

static bool is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* The flagged text of diagnostic D in S (at most MAX_SPAN_BYTES of it)
 * into *TEXT, and into *CONTEXT up to CONTEXT_CHARS characters of its
 * line before it, the text, and up to CONTEXT_CHARS characters after it
 * on the line where it ends. */
static void key_of(const tl_source *s, const tl_diag *d, char **text,
                   char **context)
{
	const char *t = s->data;
	size_t start = d->start < s->len ? d->start : s->len;
	size_t end = d->end < start ? start : d->end > s->len ? s->len : d->end;
	size_t b = start, a = end, k;
	bool cut = false;

	for (k = 0;
	     k < CONTEXT_CHARS && b > 0 && t[b - 1] != '\n' && t[b - 1] != '\r';
	     k++)
		do
			b--;
		while (b > 0 && is_cont((unsigned char)t[b]));
	if (end - start > MAX_SPAN_BYTES) {
		end = start + MAX_SPAN_BYTES;
		while (end > start && is_cont((unsigned char)t[end]))
			end--;
		cut = true;
	}
	for (k = 0; !cut && k < CONTEXT_CHARS && a < s->len && t[a] != '\n' &&
	            t[a] != '\r';
	     k++)
		do
			a++;
		while (a < s->len && is_cont((unsigned char)t[a]));
	*text = escaped(t + start, end - start);
	*context = escaped(t + b, (cut ? end : a) - b);
}

static void push(tl_baseline *b, char *path, char *rule, char *text,
                 char *context, size_t count)
{
	b->v = tl_grow(b->v, b->n, &b->cap, sizeof *b->v);
	b->v[b->n++] = (entry){path, rule, text, context, count};
	b->sorted = false;
}

void tl_baseline_add(tl_baseline *b, const char *path, const tl_result *res)
{
	const char *p = plain_path(path);
	for (size_t i = 0; i < res->ndiags; i++) {
		const tl_diag *d = &res->diags[i];
		char *text, *context;
		key_of(res->source, d, &text, &context);
		push(b, escaped(p, strlen(p)),
		     escaped(d->rule, strlen(d->rule)), text, context, 1);
	}
}

void tl_baseline_merge(tl_baseline *b, tl_baseline *from)
{
	for (size_t i = 0; i < from->n; i++)
		push(b, from->v[i].path, from->v[i].rule, from->v[i].text,
		     from->v[i].context, from->v[i].count);
	from->n = 0;
	tl_baseline_free(from);
}

static int entry_cmp(const void *x, const void *y)
{
	const entry *a = x, *b = y;
	int c = strcmp(a->path, b->path);
	if (!c)
		c = strcmp(a->rule, b->rule);
	if (!c)
		c = strcmp(a->text, b->text);
	if (!c)
		c = strcmp(a->context, b->context);
	return c;
}

/* Sorts B and folds equal entries into one, counts summed. */
static void normalize(tl_baseline *b)
{
	size_t k = 0;
	if (b->sorted)
		return;
	if (b->n)
		qsort(b->v, b->n, sizeof *b->v, entry_cmp);
	for (size_t i = 0; i < b->n; i++) {
		if (k && entry_cmp(&b->v[k - 1], &b->v[i]) == 0) {
			b->v[k - 1].count += b->v[i].count;
			free(b->v[i].path);
			free(b->v[i].rule);
			free(b->v[i].text);
			free(b->v[i].context);
			continue;
		}
		b->v[k++] = b->v[i];
	}
	b->n = k;
	b->sorted = true;
}

size_t tl_baseline_count(const tl_baseline *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++)
		n += b->v[i].count;
	return n;
}

void tl_baseline_write(tl_baseline *b, tl_buf *out)
{
	normalize(b);
	tl_buf_puts(out, "{\"version\": 1, \"findings\": [");
	for (size_t i = 0; i < b->n; i++)
		tl_buf_printf(out,
		              "%s\n {\"path\": \"%s\", \"rule\": \"%s\", "
		              "\"text\": \"%s\", \"context\": \"%s\", "
		              "\"count\": %zu}",
		              i ? "," : "", b->v[i].path, b->v[i].rule,
		              b->v[i].text, b->v[i].context, b->v[i].count);
	tl_buf_puts(out, "\n]}\n");
}

tl_baseline *tl_baseline_read(const char *path, tl_error *err)
{
	char *data;
	size_t len;
	if (tl_io_read_file(path, &data, &len, NULL, err) != 0)
		return NULL;
	tl_arena *arena = tl_arena_new();
	const tl_json *root = tl_json_parse(arena, data, len);
	const tl_json *list = tl_json_get(root, "findings");
	const tl_json *version = tl_json_get(root, "version");
	tl_baseline *b = NULL;

	if (!root || !list || list->type != TL_JSON_ARRAY || !version ||
	    version->type != TL_JSON_NUMBER || version->number != 1) {
		tl_error_set(
		    err, path, 0, 0,
		    "not a translint baseline (JSON with \"version\": "
		    "1 and \"findings\"; --write-baseline writes one)");
		goto out;
	}
	b = tl_baseline_new();
	for (size_t i = 0; i < list->n; i++) {
		const tl_json *e = list->items[i];
		const tl_json *p = tl_json_get(e, "path");
		const tl_json *r = tl_json_get(e, "rule");
		const tl_json *t = tl_json_get(e, "text");
		const tl_json *c = tl_json_get(e, "context");
		size_t count = tl_json_get_size(e, "count", 0);
		if (!p || p->type != TL_JSON_STRING || !r ||
		    r->type != TL_JSON_STRING || !t ||
		    t->type != TL_JSON_STRING || !c ||
		    c->type != TL_JSON_STRING || count == 0) {
			tl_error_set(err, path, 0, 0,
			             "finding %zu of the baseline needs path, "
			             "rule, text, context (strings) and count "
			             "(1 or more)",
			             i + 1);
			tl_baseline_free(b);
			b = NULL;
			goto out;
		}
		const char *pp = plain_path(p->str);
		push(b, escaped(pp, p->len - (size_t)(pp - p->str)),
		     escaped(r->str, r->len), escaped(t->str, t->len),
		     escaped(c->str, c->len), count);
	}
	normalize(b);
out:
	tl_arena_free(arena);
	free(data);
	return b;
}

void tl_baseline_filter(const tl_baseline *b, const char *path, tl_result *res)
{
	if (!b->n || !res->ndiags)
		return;
	const char *pp = plain_path(path);
	char *p = escaped(pp, strlen(pp));
	/* The entries of this file: [lo, hi). B was sorted when read. */
	size_t lo = 0, hi = b->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(b->v[mid].path, p) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	hi = lo;
	while (hi < b->n && strcmp(b->v[hi].path, p) == 0)
		hi++;
	if (lo == hi) {
		free(p);
		return;
	}
	size_t *left = tl_xmalloc((hi - lo) * sizeof *left);
	for (size_t i = lo; i < hi; i++)
		left[i - lo] = b->v[i].count;
	size_t kept = 0;
	for (size_t i = 0; i < res->ndiags; i++) {
		const tl_diag *d = &res->diags[i];
		entry key = {p, escaped(d->rule, strlen(d->rule)), NULL, NULL,
		             0};
		key_of(res->source, d, &key.text, &key.context);
		const entry *hit =
		    bsearch(&key, b->v + lo, hi - lo, sizeof *b->v, entry_cmp);
		free(key.rule);
		free(key.text);
		free(key.context);
		if (hit && left[hit - (b->v + lo)] > 0) {
			left[hit - (b->v + lo)]--;
			continue;
		}
		res->diags[kept++] = *d;
	}
	res->ndiags = kept;
	free(left);
	free(p);
}
