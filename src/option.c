/*
 * option.c: typed option values (option.h): building them, the defaults
 * of the rule metadata, compiling their patterns (config_print.c prints
 * them).
 *
 * The loader (config_load.c) checks what a configuration file writes
 * against the option's type and builds the value here; a pattern that
 * does not compile is a configuration error with its position, never a
 * finding per file. Patterns are compiled once, with PCRE2's JIT where
 * it is available, and matched by every thread (compiled code is
 * read-only; each document matches with its own match data).
 */
#include "option.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* PCRE2 initialises what it allocates (its match frames are tens of
 * kilobytes: clearing them was most of a match's cost). */
static void *arena_malloc(PCRE2_SIZE size, void *arena)
{
	return tl_arena_alloc_raw(arena, size ? size : 1);
}

/* Arena memory is released all at once with the arena. */
static void arena_free(void *p, void *arena)
{
	(void)p;
	(void)arena;
}

pcre2_general_context *tl_regex_context(tl_arena *arena)
{
	return pcre2_general_context_create(arena_malloc, arena_free, arena);
}

tl_optval *tl_optval_new(tl_option_type type)
{
	tl_optval *v = tl_xcalloc(1, sizeof *v);
	v->refs = 1;
	v->type = type;
	return v;
}

tl_optval *tl_optval_ref(tl_optval *v)
{
	v->refs++;
	return v;
}

static void list_free(tl_option_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
}

void tl_optval_unref(tl_optval *v)
{
	if (!v || --v->refs > 0)
		return;
	free(v->text);
	list_free(&v->list);
	for (size_t i = 0; i < v->map.n; i++) {
		free(v->map.keys[i]);
		list_free(&v->map.values[i]);
		if (v->map.patterns)
			pcre2_code_free(v->map.patterns[i]);
	}
	free(v->map.keys);
	free(v->map.values);
	free(v->map.patterns);
	pcre2_code_free(v->re);
	free(v);
}

void tl_option_list_add(tl_option_list *list, const char *item)
{
	list->items =
	    tl_xrealloc(list->items, (list->n + 1) * sizeof *list->items);
	list->items[list->n++] = tl_xstrdup(item);
}

tl_option_list *tl_optval_map_add(tl_optval *v, const char *key)
{
	tl_option_map *m = &v->map;
	m->keys = tl_xrealloc(m->keys, (m->n + 1) * sizeof *m->keys);
	m->values = tl_xrealloc(m->values, (m->n + 1) * sizeof *m->values);
	m->keys[m->n] = tl_xstrdup(key);
	m->values[m->n] = (tl_option_list){NULL, 0};
	return &m->values[m->n++];
}

/* The number of code points in the first N bytes of S (valid UTF-8). */
static size_t code_points(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

pcre2_code *tl_regex_compile(const char *pattern, size_t len, uint32_t flags,
                             char *why, size_t why_cap, size_t *at)
{
	int code;
	PCRE2_SIZE off;
	pcre2_code *re =
	    pcre2_compile((PCRE2_SPTR)pattern, len, flags, &code, &off, NULL);
	if (!re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(code, msg, sizeof msg);
		/* A UTF error's offset may fall inside a character: the
		 * count stops at the character holding it. */
		*at = code_points(pattern, off < len ? off : len);
		snprintf(why, why_cap, "invalid pattern: %s at offset %zu",
		         (const char *)msg, *at);
		return NULL;
	}
	if (tl_jit_enabled()) /* optional speed-up; TL_NO_JIT=1 skips it */
		pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

bool tl_optval_compile(tl_optval *v, char *why, size_t why_cap)
{
	size_t at;
	if (v->type == TL_OPTION_REGEX) {
		v->re =
		    tl_regex_compile(v->text, strlen(v->text),
		                     TL_OPTION_REGEX_FLAGS, why, why_cap, &at);
		return v->re != NULL;
	}
	if (v->type != TL_OPTION_REGEX_MAP)
		return true;
	tl_option_map *m = &v->map;
	m->patterns = tl_xcalloc(m->n + 1, sizeof *m->patterns);
	for (size_t i = 0; i < m->n; i++) {
		/* A term's patterns are the alternatives of one pattern. */
		tl_buf alt = {0};
		tl_buf_puts(&alt, "");
		for (size_t k = 0; k < m->values[i].n; k++) {
			if (k)
				tl_buf_putc(&alt, '|');
			tl_buf_puts(&alt, m->values[i].items[k]);
		}
		m->patterns[i] =
		    tl_regex_compile(alt.data, alt.len, TL_OPTION_REGEX_FLAGS,
		                     why, why_cap, &at);
		tl_buf_free(&alt);
		if (!m->patterns[i])
			return false;
	}
	return true;
}

tl_optval *tl_optval_default(const tl_option_def *def)
{
	const char *d = def->default_value ? def->default_value : "";
	tl_optval *v = tl_optval_new(def->type);
	char why[300];
	switch (def->type) {
	case TL_OPTION_LIST:
		for (const char *p = d; *p;) {
			size_t len = strcspn(p, ",");
			char *item = tl_xstrndup(p, len);
			tl_option_list_add(&v->list, item);
			free(item);
			p += len + (p[len] == ',');
		}
		return v;
	case TL_OPTION_MAP:
	case TL_OPTION_REGEX_MAP:
		if (*d)
			break; /* a map's default is empty */
		return v;
	case TL_OPTION_INT:
		v->num = strtol(d, NULL, 10);
		v->text = tl_xstrdup(d);
		return v;
	case TL_OPTION_BOOL:
		v->num = strcmp(d, "true") == 0;
		v->text = tl_xstrdup(v->num ? "true" : "false");
		return v;
	case TL_OPTION_REGEX:
		v->text = tl_xstrdup(d);
		if (!tl_optval_compile(v, why, sizeof why))
			break;
		return v;
	case TL_OPTION_STRING:
	case TL_OPTION_ENUM:
		v->text = tl_xstrdup(d);
		return v;
	}
	fprintf(stderr, "translint: bug: option %s: bad default '%s'\n",
	        def->name, d);
	abort();
}
