/*
 * changed.h: which lines of the files of a run changed since a git
 * revision, for --changed-since (DESIGN.md section 2).
 */
#ifndef TL_CHANGED_H
#define TL_CHANGED_H

#include "translint.h"

/* The lines of one file added or changed since a revision: ALL when the
 * whole file is new (not tracked by git, or binary and changed), else
 * NRANGES ranges of 1-based lines [first, last], sorted and disjoint.
 * Free with tl_changed_free. */
typedef struct tl_changed {
	bool all;
	size_t (*ranges)[2];
	size_t nranges;
	size_t cap; /* room in RANGES */
} tl_changed;

/* The changed lines of every file of a run. */
typedef struct tl_changed_set tl_changed_set;

/* Finds the lines of each of the N FILES (paths as given; they need not
 * exist: a --stdin-filename) added or changed between the merge base of
 * REF and HEAD and the working tree, as a pull request shows them. Files
 * are grouped by the repository holding them (the nearest folder with a
 * .git), and each repository costs two git processes, whatever the
 * number of files: `git ls-files` (which files are tracked) and one
 * `git diff --merge-base REF` of the whole tree. Neither gets a pathspec,
 * so no file name is ever read as a pattern, and REF follows
 * --end-of-options, so it is never read as an option. Git runs by
 * argument vector, never through a shell. NULL with ERR filled when a
 * file is in no repository or git fails (an unknown REF, no merge base,
 * git missing). Free with tl_changed_set_free. */
tl_changed_set *tl_changed_set_new(const char *ref, const char *const *files,
                                   size_t n, tl_error *err);
/* The changed lines of file I (as given to tl_changed_set_new). */
const tl_changed *tl_changed_set_file(const tl_changed_set *s, size_t i);
void tl_changed_set_free(tl_changed_set *s);

/* Whether 1-based LINE is added or changed. */
bool tl_changed_has(const tl_changed *c, size_t line);
void tl_changed_free(tl_changed *c);
/* Parses the hunk headers of a unified diff with zero context of one
 * file into OUT (exposed for the unit tests). */
void tl_changed_parse(const char *diff, size_t len, tl_changed *out);

#endif
