/*
 * changed.h: which lines of a file changed since a git revision, for
 * --changed-since (DESIGN.md section 2).
 */
#ifndef TL_CHANGED_H
#define TL_CHANGED_H

#include "translint.h"

/* The lines of one file added or changed since a revision: ALL when the
 * whole file is new (not tracked by git), else NRANGES ranges of 1-based
 * lines [first, last], sorted. Free with tl_changed_free. */
typedef struct tl_changed {
	bool all;
	size_t (*ranges)[2];
	size_t nranges;
} tl_changed;

/* Whether REF names a commit in the repository of the current folder;
 * false with ERR filled (a bad revision, not a repository, no git). */
bool tl_changed_check_ref(const char *ref, tl_error *err);
/* Fills OUT for FILE from `git diff --unified=0 REF -- FILE`, run in
 * FILE's folder by argument vector (never a shell). False with ERR
 * filled when git fails. */
bool tl_changed_lines(const char *ref, const char *file, tl_changed *out,
                      tl_error *err);
/* Whether 1-based LINE is added or changed. */
bool tl_changed_has(const tl_changed *c, size_t line);
void tl_changed_free(tl_changed *c);
/* Parses the hunk headers of a unified diff with zero context into OUT
 * (exposed for the unit tests). */
void tl_changed_parse(const char *diff, size_t len, tl_changed *out);

#endif
