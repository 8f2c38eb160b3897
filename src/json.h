/*
 * json.h: a small JSON reader for the language server (src/lsp.c), which
 * needs nothing more: parse one message into a tree, look members up,
 * read strings and numbers. Writing JSON is tl_emit_json_string's job.
 *
 * The tree lives in an arena the caller owns; freeing the arena frees
 * every node and string. Strings are decoded to UTF-8 (escapes resolved,
 * a lone surrogate becomes U+FFFD) and NUL-terminated; they may contain
 * NUL bytes, so LEN is the length.
 */
#ifndef TL_JSON_H
#define TL_JSON_H

#include "translint.h"

typedef enum tl_json_type {
	TL_JSON_NULL = 0,
	TL_JSON_BOOL,
	TL_JSON_NUMBER,
	TL_JSON_STRING,
	TL_JSON_ARRAY,
	TL_JSON_OBJECT
} tl_json_type;

typedef struct tl_json tl_json;
struct tl_json {
	tl_json_type type;
	bool boolean;
	double number;
	const char *str; /* TL_JSON_STRING: decoded; NUL-terminated */
	size_t len;
	/* TL_JSON_ARRAY and TL_JSON_OBJECT: N items; objects also KEYS. */
	tl_json **items;
	const char **keys;
	size_t n;
	/* The value as written in the input, for echoing a request id
	 * verbatim. */
	const char *raw;
	size_t raw_len;
};

/* Parses the N bytes at S as one JSON value (white space around it
 * allowed). Returns NULL on any syntax error, on nesting deeper than 256,
 * or on trailing garbage. The tree and its strings live in ARENA; RAW
 * points into S, which must outlive the tree. */
tl_json *tl_json_parse(tl_arena *arena, const char *s, size_t n);

/* Member KEY of object OBJ, or NULL (OBJ may be NULL or not an object). */
const tl_json *tl_json_get(const tl_json *obj, const char *key);
/* The string value of member KEY of OBJ, or NULL when absent or not a
 * string. */
const char *tl_json_get_string(const tl_json *obj, const char *key);
/* The number value of member KEY of OBJ as a non-negative integer, or
 * DEF when absent, not a number or out of range. */
size_t tl_json_get_size(const tl_json *obj, const char *key, size_t def);

#endif
