/*
 * json.c: a recursive-descent JSON parser (RFC 8259) for the language
 * server. It is strict where leniency could hide a client bug (no
 * trailing commas, no comments, no leading zeros) and bounded where input
 * could hurt the server (nesting depth), because a language server reads
 * whatever its client sends and must answer a bad message with an error,
 * not a crash.
 */
#include "json.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MAX_DEPTH 256

typedef struct parser {
	tl_arena *arena;
	const char *s;
	size_t n;
	size_t i;
} parser;

static void skip_ws(parser *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
	                       p->s[p->i] == '\n' || p->s[p->i] == '\r'))
		p->i++;
}

static bool literal(parser *p, const char *word)
{
	size_t len = strlen(word);

	if (p->n - p->i < len || memcmp(p->s + p->i, word, len) != 0)
		return false;
	p->i += len;
	return true;
}

static int hex4(const char *s)
{
	int v = 0, k;

	for (k = 0; k < 4; k++) {
		char c = s[k];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/* A string at p->i (on the opening quote): decoded into the arena. */
static bool parse_string(parser *p, const char **out, size_t *out_len)
{
	tl_buf b = {0};
	char *copy;

	p->i++;
	for (;;) {
		unsigned char c;

		if (p->i >= p->n)
			goto fail;
		c = (unsigned char)p->s[p->i];
		if (c == '"') {
			p->i++;
			break;
		}
		if (c < 0x20)
			goto fail;
		if (c != '\\') {
			tl_buf_putc(&b, (char)c);
			p->i++;
			continue;
		}
		if (++p->i >= p->n)
			goto fail;
		c = (unsigned char)p->s[p->i++];
		switch (c) {
		case '"':
		case '\\':
		case '/':
			tl_buf_putc(&b, (char)c);
			break;
		case 'b':
			tl_buf_putc(&b, '\b');
			break;
		case 'f':
			tl_buf_putc(&b, '\f');
			break;
		case 'n':
			tl_buf_putc(&b, '\n');
			break;
		case 'r':
			tl_buf_putc(&b, '\r');
			break;
		case 't':
			tl_buf_putc(&b, '\t');
			break;
		case 'u': {
			char enc[4];
			long cp;
			int lo;

			if (p->n - p->i < 4 || (cp = hex4(p->s + p->i)) < 0)
				goto fail;
			p->i += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF && p->n - p->i >= 6 &&
			    p->s[p->i] == '\\' && p->s[p->i + 1] == 'u' &&
			    (lo = hex4(p->s + p->i + 2)) >= 0xDC00 &&
			    lo <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) +
				     (lo - 0xDC00);
				p->i += 6;
			} else if (cp >= 0xD800 && cp <= 0xDFFF) {
				cp = 0xFFFD; /* a lone surrogate */
			}
			tl_buf_append(&b, enc,
			              tl_utf8_encode((uint32_t)cp, enc));
			break;
		}
		default:
			goto fail;
		}
	}
	*out_len = b.len;
	copy = tl_arena_alloc(p->arena, b.len + 1);
	if (b.len)
		memcpy(copy, b.data, b.len);
	copy[b.len] = '\0';
	*out = copy;
	tl_buf_free(&b);
	return true;
fail:
	tl_buf_free(&b);
	return false;
}

static bool is_digit(parser *p)
{
	return p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9';
}

static bool parse_number(parser *p, double *out)
{
	size_t start = p->i;
	char *text;

	if (p->i < p->n && p->s[p->i] == '-')
		p->i++;
	if (!is_digit(p))
		return false;
	if (p->s[p->i] == '0')
		p->i++;
	else
		while (is_digit(p))
			p->i++;
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		if (!is_digit(p))
			return false;
		while (is_digit(p))
			p->i++;
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if (!is_digit(p))
			return false;
		while (is_digit(p))
			p->i++;
	}
	text = tl_arena_strndup(p->arena, p->s + start, p->i - start);
	*out = strtod(text, NULL);
	return true;
}

static tl_json *parse_value(parser *p, int depth);

/* The items of an array or object at p->i (on '[' or '{'). */
static bool parse_container(parser *p, tl_json *v, int depth)
{
	char close = v->type == TL_JSON_ARRAY ? ']' : '}';
	size_t cap = 0;

	p->i++;
	skip_ws(p);
	if (p->i < p->n && p->s[p->i] == close) {
		p->i++;
		return true;
	}
	for (;;) {
		const char *key = NULL;
		size_t key_len;
		tl_json *item;

		skip_ws(p);
		if (v->type == TL_JSON_OBJECT) {
			if (p->i >= p->n || p->s[p->i] != '"' ||
			    !parse_string(p, &key, &key_len))
				return false;
			skip_ws(p);
			if (p->i >= p->n || p->s[p->i] != ':')
				return false;
			p->i++;
		}
		item = parse_value(p, depth + 1);
		if (!item)
			return false;
		if (v->n == cap) {
			/* Grown by copying within the arena: messages are
			 * small and the arena is freed per message. */
			size_t ncap = cap ? 2 * cap : 4;
			tl_json **items =
			    tl_arena_alloc(p->arena, ncap * sizeof *items);
			const char **keys =
			    tl_arena_alloc(p->arena, ncap * sizeof *keys);

			if (v->n) {
				memcpy(items, v->items, v->n * sizeof *items);
				memcpy(keys, v->keys, v->n * sizeof *keys);
			}
			v->items = items;
			v->keys = keys;
			cap = ncap;
		}
		v->items[v->n] = item;
		v->keys[v->n] = key;
		v->n++;
		skip_ws(p);
		if (p->i >= p->n)
			return false;
		if (p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->s[p->i] != close)
			return false;
		p->i++;
		return true;
	}
}

static tl_json *parse_value(parser *p, int depth)
{
	tl_json *v;
	size_t start;
	bool ok;

	if (depth > MAX_DEPTH)
		return NULL;
	skip_ws(p);
	if (p->i >= p->n)
		return NULL;
	v = tl_arena_alloc(p->arena, sizeof *v);
	memset(v, 0, sizeof *v);
	start = p->i;
	switch (p->s[p->i]) {
	case '{':
		v->type = TL_JSON_OBJECT;
		ok = parse_container(p, v, depth);
		break;
	case '[':
		v->type = TL_JSON_ARRAY;
		ok = parse_container(p, v, depth);
		break;
	case '"':
		v->type = TL_JSON_STRING;
		ok = parse_string(p, &v->str, &v->len);
		break;
	case 't':
		v->type = TL_JSON_BOOL;
		v->boolean = true;
		ok = literal(p, "true");
		break;
	case 'f':
		v->type = TL_JSON_BOOL;
		ok = literal(p, "false");
		break;
	case 'n':
		v->type = TL_JSON_NULL;
		ok = literal(p, "null");
		break;
	default:
		v->type = TL_JSON_NUMBER;
		ok = parse_number(p, &v->number);
	}
	if (!ok)
		return NULL;
	v->raw = p->s + start;
	v->raw_len = p->i - start;
	return v;
}

tl_json *tl_json_parse(tl_arena *arena, const char *s, size_t n)
{
	parser p = {arena, s, n, 0};
	tl_json *v = parse_value(&p, 0);

	if (!v)
		return NULL;
	skip_ws(&p);
	return p.i == n ? v : NULL;
}

const tl_json *tl_json_get(const tl_json *obj, const char *key)
{
	size_t i;

	if (!obj || obj->type != TL_JSON_OBJECT)
		return NULL;
	/* The last duplicate wins, as in most JSON readers. */
	for (i = obj->n; i-- > 0;)
		if (strcmp(obj->keys[i], key) == 0)
			return obj->items[i];
	return NULL;
}

const char *tl_json_get_string(const tl_json *obj, const char *key)
{
	const tl_json *v = tl_json_get(obj, key);

	return v && v->type == TL_JSON_STRING ? v->str : NULL;
}

size_t tl_json_get_size(const tl_json *obj, const char *key, size_t def)
{
	const tl_json *v = tl_json_get(obj, key);

	if (!v || v->type != TL_JSON_NUMBER || !(v->number >= 0) ||
	    v->number > 1e15)
		return def;
	return (size_t)v->number;
}
