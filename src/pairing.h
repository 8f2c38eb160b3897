/*
 * pairing.h: finding the original a translation translates (DESIGN.md
 * section 8.1), for the command line and the language server alike.
 *
 * A configuration's source: entries map the path of a translation
 * (relative to the folder of the file that wrote the entry) to the path of
 * its original, by a PCRE2 pattern and a template with $0..$9; the first
 * entry that matches decides. The original is read from the working tree,
 * or from git: when the entry gives a revision, or when the file is absent
 * from the working tree and a base revision is known. The base is
 * --source-rev REV, else the merge base of --changed-since REF with HEAD,
 * in the repository that holds the original.
 *
 * git runs by argument vector, never a shell: one `git rev-parse` or
 * `git merge-base` per repository and revision (cached), then one
 * `git cat-file --batch` per original, which reads the object name
 * "COMMIT:PATH" from its standard input, so that no path is ever an
 * argument, let alone an option or a pathspec.
 */
#ifndef TL_PAIRING_H
#define TL_PAIRING_H

#include "internal.h"

/* One entry of source:, built and checked when the configuration loads
 * (config_load.c), shared by reference between copies of a
 * configuration. */
typedef struct tl_pairing_rule {
	int refs;
	char *match;    /* the pattern as written */
	pcre2_code *re; /* compiled to match the whole path */
	char *original; /* the template: $0..$9, $$ for a dollar */
	char *revision; /* NULL: the working tree first; "base"; a revision */
	char *dir;      /* the absolute folder paths are relative to */
	char *where;    /* "FILE:LINE" of the entry, for --print-source */
} tl_pairing_rule;

/* Compiles pattern MATCH (LEN bytes) as a source: entry's match: UTF, and
 * anchored at both ends, so that $0 is the whole path. NULL with WHY and
 * *AT filled as tl_regex_compile does. */
pcre2_code *tl_pairing_compile(const char *match, size_t len, char *why,
                               size_t why_cap, size_t *at);
/* Checks template TPL against a pattern with GROUPS capture groups: every
 * '$' is followed by a digit no greater than GROUPS, or by another '$'.
 * False with WHY filled and *AT the offending '$' (in code points). */
bool tl_pairing_template_ok(const char *tpl, uint32_t groups, char *why,
                            size_t why_cap, size_t *at);
/* An entry with one reference, taking every pointer given. */
tl_pairing_rule *tl_pairing_rule_new(char *match, pcre2_code *re,
                                     char *original, char *revision, char *dir,
                                     char *where);
tl_pairing_rule *tl_pairing_rule_ref(tl_pairing_rule *r);
void tl_pairing_rule_unref(tl_pairing_rule *r);

/* The source: entries of CFG in the order they are tried, and its
 * source-required (config.c). */
size_t tl_config_source_count(const tl_config *cfg);
const tl_pairing_rule *tl_config_source_at(const tl_config *cfg, size_t i);
bool tl_config_source_required(const tl_config *cfg);

/* What looking for an original gave. */
typedef enum tl_pairing_status {
	TL_PAIRING_FOUND = 0, /* PAIR holds the original */
	TL_PAIRING_NONE,      /* no original: PAIR's WHY says why */
	TL_PAIRING_ERROR      /* one should exist but cannot be read: ERR */
} tl_pairing_status;

/* An original, or why there is none. Free with tl_pairing_result_free. */
typedef struct tl_pairing_result {
	char *path;    /* as output shows it: a path, or "REV:PATH" */
	char *data;    /* TL_PAIRING_FOUND: the bytes (one NUL after them) */
	size_t len;    /* their number */
	bool required; /* the configuration's source-required */
	char *why;     /* how it was found, or why none was */
} tl_pairing_result;

void tl_pairing_result_free(tl_pairing_result *pair);

/* The originals of a run: the base revision and what git said about it,
 * per repository. Safe for several threads at once. */
typedef struct tl_pairing tl_pairing;

/* SOURCE_REV: --source-rev REV; CHANGED_SINCE: --changed-since REF, whose
 * merge base with HEAD is the base when SOURCE_REV is NULL. Both may be
 * NULL: then no base is known (revision: base finds nothing). Free with
 * tl_pairing_free. */
tl_pairing *tl_pairing_new(const char *source_rev, const char *changed_since);
void tl_pairing_free(tl_pairing *p);
/* Looks for the original of the translation at PATH (which need not
 * exist: a --stdin-filename) under the source: entries of CFG. Fills
 * *PAIR (TL_PAIRING_FOUND or TL_PAIRING_NONE) or ERR (TL_PAIRING_ERROR: the
 * path of the original and why it cannot be read). */
tl_pairing_status tl_pairing_find(tl_pairing *p, const tl_config *cfg,
                                  const char *path, tl_pairing_result *pair,
                                  tl_error *err);
/* The same for ORIGINAL named outright (--source FILE): the working tree,
 * or the base when it is absent there. */
tl_pairing_status tl_pairing_read(tl_pairing *p, const char *original,
                                  tl_pairing_result *pair, tl_error *err);

#endif
