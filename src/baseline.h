/*
 * baseline.h: the findings a project has accepted, so that it can start
 * failing on new ones today (--write-baseline FILE, then --baseline FILE;
 * docs/cli.md). A finding is known by its file, its rule and its text:
 * the flagged characters, and the line around them (up to 20 characters
 * on either side), never its line number, so that editing above it does
 * not make it new. Entries are counted: a baseline that holds a finding
 * once matches one finding, and a second copy of the same line is new.
 *
 * The file is JSON, one finding a line, sorted, so that it diffs well
 * under version control:
 *
 *   {"version": 1, "findings": [
 *    {"path": "a.md", "rule": "space-cjk-latin", "text": "于G",
 *     "context": "关于Go的文章。", "count": 1},
 *    ...]}
 */
#ifndef TL_BASELINE_H
#define TL_BASELINE_H

#include "translint.h"

typedef struct tl_baseline tl_baseline;

tl_baseline *tl_baseline_new(void);
void tl_baseline_free(tl_baseline *b);

/* Reads baseline file PATH; NULL with ERR filled when it cannot be read
 * or is not a baseline. */
tl_baseline *tl_baseline_read(const char *path, tl_error *err);

/* Adds every diagnostic of RES, found in file PATH, to B. */
void tl_baseline_add(tl_baseline *b, const char *path, const tl_result *res);
/* Moves the entries of FROM into B and frees FROM. */
void tl_baseline_merge(tl_baseline *b, tl_baseline *from);
/* The number of findings B holds (counts summed). */
size_t tl_baseline_count(const tl_baseline *b);
/* Appends B as a baseline file to OUT. */
void tl_baseline_write(tl_baseline *b, tl_buf *out);

/* Drops from RES (file PATH) the diagnostics B holds, in document order:
 * an entry of count N takes the first N findings with its key. B is only
 * read, so threads may filter their own files at once. */
void tl_baseline_filter(const tl_baseline *b, const char *path, tl_result *res);

#endif
