/*
 * terms.c: the loader of the built-in term list (rules/terms.yml,
 * embedded in the binary; terms.h says what it holds).
 *
 * The list is parsed once per process, the first time it is asked for,
 * under pthread_once, into a table that is never written again and is
 * read by every thread (a table that is constant after its
 * initialisation is the exception to "no globals" that DESIGN allows).
 * The parser itself (tl_terms_parse) reads any text and reports what is
 * wrong with it, so that the tests can give it broken lists; like every
 * YAML reader of translint it refuses flow collections nested deeper than
 * TL_YAML_MAX_FLOW_DEPTH before libyaml sees them.
 */
#include "terms.h"
#include "embedded.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static tl_terms builtin;
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static int variant_cmp(const void *a, const void *b)
{
	const tl_term_variant *x = a, *y = b;
	for (int k = 0; k < 2; k++) {
		unsigned char fx = (unsigned char)x->text[k];
		unsigned char fy = (unsigned char)y->text[k];
		if (fx != fy)
			return fx < fy ? -1 : 1;
	}
	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	return strcmp(x->text, y->text);
}

static bool has_upper(const char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			return true;
	return false;
}

/* Where the parser of the list is. */
typedef enum load_state {
	L_START,     /* before the top mapping */
	L_KEY,       /* at a top-level key, "terms" or "keep" */
	L_TERMS_MAP, /* after "terms": its mapping */
	L_TERM,      /* at a proper spelling, or the end of the mapping */
	L_WRONG_SEQ, /* after a proper spelling: its sequence */
	L_WRONG,     /* in the sequence of wrong spellings */
	L_KEEP_SEQ,  /* after "keep": its sequence */
	L_KEEP,      /* in the sequence of phrases to keep */
	L_DONE       /* after the top mapping */
} load_state;

/* Records the first problem of the list at MARK (NULL: no position). */
static void problem(tl_error *err, const yaml_mark_t *mark, const char *what)
{
	tl_error_set(err, "rules/terms.yml", mark ? mark->line + 1 : 0,
	             mark ? mark->column + 1 : 0, "%s", what);
}

/* The line and column (from 1) of byte AT of the N bytes at S. */
static void position(const char *s, size_t n, size_t at, yaml_mark_t *mark)
{
	memset(mark, 0, sizeof *mark);
	for (size_t i = 0; i < at && i < n; i++) {
		if (s[i] == '\n' ||
		    (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n'))) {
			mark->line++;
			mark->column = 0;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			mark->column++;
		}
	}
}

bool tl_terms_parse(const char *data, size_t len, tl_terms *t, tl_error *err)
{
	memset(t, 0, sizeof *t);
	/* As a configuration: libyaml is quadratic in flow nesting, so a
	 * list nested too deep is refused before libyaml reads it. */
	size_t deep = tl_yaml_too_deep(data, len);
	if (deep != TL_NONE) {
		yaml_mark_t at;
		position(data, len, deep, &at);
		char what[64];
		snprintf(what, sizeof what, "YAML nested deeper than %d levels",
		         TL_YAML_MAX_FLOW_DEPTH);
		problem(err, &at, what);
		return false;
	}
	yaml_parser_t parser;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);

	/* The strings are copied into one block that lives as long as the
	 * table. */
	t->strings = tl_xmalloc(len + 1);
	size_t used = 0, cap_terms = 0, cap_v = 0, cap_keep = 0;
	load_state state = L_START;
	const char *bad = NULL; /* the problem found, if any */
	yaml_mark_t bad_mark = {0};
	while (state != L_DONE && !bad) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			bad = parser.problem ? parser.problem : "YAML error";
			bad_mark = parser.problem_mark;
			break;
		}
		const yaml_mark_t *mark = &ev.start_mark;
		bool scalar = ev.type == YAML_SCALAR_EVENT;
		const char *s =
		    scalar ? (const char *)ev.data.scalar.value : "";
		size_t slen = scalar ? ev.data.scalar.length : 0;
		char *copy = NULL;
		if (scalar && state != L_KEY) {
			for (size_t k = 0; k < slen && !bad; k++)
				if ((unsigned char)s[k] >= 0x80 ||
				    (unsigned char)s[k] < ' ')
					bad = "spellings are ASCII";
			if (!bad && slen < 2)
				bad = "a spelling of fewer than two characters";
			if (!bad) {
				copy = t->strings + used;
				memcpy(copy, s, slen + 1);
				used += slen + 1;
			}
		}
		switch (bad ? YAML_NO_EVENT : ev.type) {
		case YAML_NO_EVENT:
			break;
		case YAML_STREAM_START_EVENT:
		case YAML_DOCUMENT_START_EVENT:
		case YAML_DOCUMENT_END_EVENT:
		case YAML_STREAM_END_EVENT:
			if (ev.type == YAML_STREAM_END_EVENT)
				bad = "no top-level mapping";
			break;
		case YAML_MAPPING_START_EVENT:
			if (state != L_START && state != L_TERMS_MAP)
				bad = "unexpected mapping";
			state = state == L_START ? L_KEY : L_TERM;
			break;
		case YAML_MAPPING_END_EVENT:
			if (state != L_KEY && state != L_TERM)
				bad = "unexpected end of mapping";
			state = state == L_KEY ? L_DONE : L_KEY;
			break;
		case YAML_SEQUENCE_START_EVENT:
			if (state != L_WRONG_SEQ && state != L_KEEP_SEQ)
				bad = "unexpected sequence";
			state = state == L_WRONG_SEQ ? L_WRONG : L_KEEP;
			break;
		case YAML_SEQUENCE_END_EVENT:
			if (state != L_WRONG && state != L_KEEP)
				bad = "unexpected end of sequence";
			state = state == L_WRONG ? L_TERM : L_KEY;
			break;
		case YAML_SCALAR_EVENT:
			switch (state) {
			case L_KEY:
				if (strcmp(s, "terms") == 0)
					state = L_TERMS_MAP;
				else if (strcmp(s, "keep") == 0)
					state = L_KEEP_SEQ;
				else
					bad = "unknown key";
				break;
			case L_TERM:
				t->terms =
				    tl_grow(t->terms, t->nterms, &cap_terms,
				            sizeof *t->terms);
				t->terms[t->nterms++] = copy;
				state = L_WRONG_SEQ;
				break;
			case L_WRONG:
				if (strcmp(copy, t->terms[t->nterms - 1]) ==
				    0) {
					bad =
					    "a wrong spelling equals its term";
					break;
				}
				t->v =
				    tl_grow(t->v, t->nv, &cap_v, sizeof *t->v);
				t->v[t->nv++] =
				    (tl_term_variant){copy, slen, t->nterms - 1,
				                      !has_upper(copy)};
				break;
			case L_KEEP:
				t->keep = tl_grow(t->keep, t->nkeep, &cap_keep,
				                  sizeof *t->keep);
				t->keep[t->nkeep++] = copy;
				break;
			default:
				bad = "unexpected scalar";
			}
			break;
		default:
			bad = "unexpected YAML (alias or tag)";
		}
		if (bad)
			bad_mark = *mark;
		yaml_event_delete(&ev);
	}
	if (bad) {
		problem(err, &bad_mark, bad);
		yaml_parser_delete(&parser);
		tl_terms_free(t);
		return false;
	}
	yaml_parser_delete(&parser);
	if (t->nv == 0)
		bad = "no terms";
	else if (t->nv > UINT16_MAX)
		bad = "too many spellings for the index";
	if (!bad) {
		qsort(t->v, t->nv, sizeof *t->v, variant_cmp);
		for (size_t k = 1; k < t->nv && !bad; k++)
			if (strcmp(t->v[k].text, t->v[k - 1].text) == 0)
				bad = "a wrong spelling is listed twice";
	}
	if (bad) {
		problem(err, NULL, bad);
		tl_terms_free(t);
		return false;
	}
	/* Every entry up to a spelling's own points at it or before. */
	size_t p = 0;
	for (size_t k = 0; k < t->nv; k++) {
		for (size_t q = tl_terms_pair_index(t->v[k].text); p <= q; p++)
			t->pair[p] = (uint16_t)k;
		unsigned char b = (unsigned char)t->v[k].text[0];
		t->first_mask[b >> 6] |= (uint64_t)1 << (b & 63);
	}
	for (; p <= 128 * 128; p++)
		t->pair[p] = (uint16_t)t->nv;
	return true;
}

void tl_terms_free(tl_terms *t)
{
	free(t->strings);
	free(t->terms);
	free(t->v);
	free(t->keep);
	memset(t, 0, sizeof *t);
}

/* The list is part of the program, checked by the test suite: a broken
 * one is a bug of this build, not a user error. */
static void builtin_load(void)
{
	const struct tl_embedded_file *f = tl_embedded_find("terms");
	tl_error err = {0};
	if (!f)
		tl_error_set(&err, "rules/terms.yml", 0, 0,
		             "not embedded in the binary");
	if (!f || !tl_terms_parse(f->data, f->len, &builtin, &err)) {
		fprintf(stderr, "translint: bug: %s:%zu:%zu: %s\n", err.path,
		        err.line, err.column, err.message);
		abort();
	}
}

const tl_terms *tl_terms_builtin(void)
{
	pthread_once(&builtin_once, builtin_load);
	return &builtin;
}
