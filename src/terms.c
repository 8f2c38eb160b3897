/*
 * terms.c: the loader of the built-in term list (rules/terms.yml,
 * embedded in the binary; terms.h says what it holds).
 *
 * The list is parsed once per process, the first time it is asked for,
 * under pthread_once, into a table that is never written again and is
 * read by every thread (a table that is constant after its
 * initialisation is the exception to "no globals" that DESIGN allows).
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

/* The list is part of the program, checked by the test suite: a broken
 * one is a bug of this build, not a user error. */
static void table_bug(const yaml_mark_t *mark, const char *what)
{
	fprintf(stderr, "translint: bug: rules/terms.yml:%zu:%zu: %s\n",
	        mark ? mark->line + 1 : 0, mark ? mark->column + 1 : 0, what);
	abort();
}

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

/* Parses the embedded list: a mapping with the key "terms", a mapping of
 * proper spellings to sequences of wrong ones, and the key "keep", a
 * sequence of phrases in which a wrong spelling is right (product names
 * such as "Grub Customizer"). Anything else is a bug of the list. */
static void builtin_load(void)
{
	const struct tl_embedded_file *f = tl_embedded_find("terms");
	if (!f)
		table_bug(NULL, "not embedded in the binary");
	yaml_parser_t parser;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)f->data,
	                             f->len);

	/* The strings are copied into one block that lives as long as the
	 * process, as does the table. */
	char *strings = tl_xmalloc(f->len + 1);
	size_t used = 0, cap_terms = 0, cap_v = 0, cap_keep = 0;
	tl_terms *t = &builtin;
	load_state state = L_START;
	while (state != L_DONE) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev))
			table_bug(&parser.problem_mark, parser.problem
			                                    ? parser.problem
			                                    : "YAML error");
		const yaml_mark_t *mark = &ev.start_mark;
		bool scalar = ev.type == YAML_SCALAR_EVENT;
		const char *s =
		    scalar ? (const char *)ev.data.scalar.value : "";
		size_t len = scalar ? ev.data.scalar.length : 0;
		char *copy = NULL;
		if (scalar && state != L_KEY) {
			for (size_t k = 0; k < len; k++)
				if ((unsigned char)s[k] >= 0x80 ||
				    (unsigned char)s[k] < ' ')
					table_bug(mark, "spellings are ASCII");
			if (len < 2)
				table_bug(mark, "a spelling of fewer than "
				                "two characters");
			copy = strings + used;
			memcpy(copy, s, len + 1);
			used += len + 1;
		}
		switch (ev.type) {
		case YAML_STREAM_START_EVENT:
		case YAML_DOCUMENT_START_EVENT:
		case YAML_DOCUMENT_END_EVENT:
		case YAML_STREAM_END_EVENT:
			if (ev.type == YAML_STREAM_END_EVENT)
				table_bug(mark, "no top-level mapping");
			break;
		case YAML_MAPPING_START_EVENT:
			if (state != L_START && state != L_TERMS_MAP)
				table_bug(mark, "unexpected mapping");
			state = state == L_START ? L_KEY : L_TERM;
			break;
		case YAML_MAPPING_END_EVENT:
			if (state != L_KEY && state != L_TERM)
				table_bug(mark, "unexpected end of mapping");
			state = state == L_KEY ? L_DONE : L_KEY;
			break;
		case YAML_SEQUENCE_START_EVENT:
			if (state != L_WRONG_SEQ && state != L_KEEP_SEQ)
				table_bug(mark, "unexpected sequence");
			state = state == L_WRONG_SEQ ? L_WRONG : L_KEEP;
			break;
		case YAML_SEQUENCE_END_EVENT:
			if (state != L_WRONG && state != L_KEEP)
				table_bug(mark, "unexpected end of sequence");
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
					table_bug(mark, "unknown key");
				break;
			case L_TERM:
				t->terms =
				    tl_grow(t->terms, t->nterms, &cap_terms,
				            sizeof *t->terms);
				t->terms[t->nterms++] = copy;
				state = L_WRONG_SEQ;
				break;
			case L_WRONG:
				if (strcmp(copy, t->terms[t->nterms - 1]) == 0)
					table_bug(mark,
					          "a wrong spelling equals "
					          "its term");
				t->v =
				    tl_grow(t->v, t->nv, &cap_v, sizeof *t->v);
				t->v[t->nv++] = (tl_term_variant){
				    copy, len, t->nterms - 1, !has_upper(copy)};
				break;
			case L_KEEP:
				t->keep = tl_grow(t->keep, t->nkeep, &cap_keep,
				                  sizeof *t->keep);
				t->keep[t->nkeep++] = copy;
				break;
			default:
				table_bug(mark, "unexpected scalar");
			}
			break;
		default:
			table_bug(mark, "unexpected YAML (alias or tag)");
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (t->nv == 0)
		table_bug(NULL, "no terms");
	if (t->nv > UINT16_MAX)
		table_bug(NULL, "too many spellings for the index");

	qsort(t->v, t->nv, sizeof *t->v, variant_cmp);
	for (size_t k = 1; k < t->nv; k++)
		if (strcmp(t->v[k].text, t->v[k - 1].text) == 0)
			table_bug(NULL, "a wrong spelling is listed twice");
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
}

const tl_terms *tl_terms_builtin(void)
{
	pthread_once(&builtin_once, builtin_load);
	return &builtin;
}
