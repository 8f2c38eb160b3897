/*
 * terms.h: the built-in term list, rules/terms.yml embedded in the binary:
 * proper spellings of technology names with the wrong spellings that
 * the terminology rule catches, and the phrases in which a wrong spelling
 * is right. Loaded once per process (terms.c), read by every thread.
 */
#ifndef TL_TERMS_H
#define TL_TERMS_H

#include "internal.h"

typedef struct tl_term_variant {
	const char *text; /* a wrong spelling, ASCII */
	size_t len;
	size_t term; /* index of its proper spelling */
	bool lower;  /* no upper-case letter in it */
} tl_term_variant;

typedef struct tl_terms {
	const char **terms;
	size_t nterms;
	tl_term_variant *v; /* sorted by first two bytes, then longest first */
	size_t nv;
	/* v[pair[p]..pair[p + 1]) start with bytes b1, b2 where p is
	 * b1 * 128 + b2 (spellings are ASCII): a word is compared only with
	 * the spellings that share its first two bytes. */
	uint16_t pair[128 * 128 + 1];
	/* Bit c & 63 of first_mask[c >> 6] is set when a spelling starts
	 * with byte c, as tl_run.ascii: a run holding none of them needs no
	 * look at its characters. */
	uint64_t first_mask[2];
	const char **keep; /* phrases in which a wrong spelling is right */
	size_t nkeep;
	char *strings; /* the block every string above points into */
} tl_terms;

/* The list, parsed the first time it is asked for. A broken list is a
 * bug of the build: it aborts with the position in rules/terms.yml. */
const tl_terms *tl_terms_builtin(void);

/* Parses a term list, the LEN bytes of YAML at DATA, into T (which the
 * caller frees with tl_terms_free). A list that is not as described above,
 * or whose flow collections nest deeper than TL_YAML_MAX_FLOW_DEPTH
 * (refused before libyaml reads it, as a configuration is), is an error:
 * false, ERR filled with its position in rules/terms.yml, T empty. */
bool tl_terms_parse(const char *data, size_t len, tl_terms *t, tl_error *err);
void tl_terms_free(tl_terms *t);

/* The entry of tl_terms.pair for the ASCII text S (two bytes at least). */
static inline size_t tl_terms_pair_index(const char *s)
{
	return (size_t)(unsigned char)s[0] * 128 + (unsigned char)s[1];
}

#endif
