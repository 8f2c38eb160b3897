/*
 * globs.h: ordered lists of path globs with the semantics of .gitignore,
 * for the ignore: and overrides: globs of a configuration and for the
 * .gitignore files a folder walk reads.
 */
#ifndef TL_GLOBS_H
#define TL_GLOBS_H

#include "translint.h"

/* A list of globs, each relative to the folder it came from. */
typedef struct tl_globs tl_globs;

/* How tl_globs_add reads a pattern. */
typedef enum tl_globs_syntax {
	/* A configuration's glob: .gitignore syntax plus {a,b}
	 * alternatives; a glob that cannot match anything is an error. */
	TL_GLOBS_CONFIG,
	/* A line of a .gitignore file, as git reads it: no braces, and a
	 * pattern git would accept is never refused (one that cannot
	 * match is dropped). */
	TL_GLOBS_GITIGNORE
} tl_globs_syntax;

tl_globs *tl_globs_new(void);
tl_globs *tl_globs_copy(const tl_globs *g);
void tl_globs_free(tl_globs *g);
size_t tl_globs_count(const tl_globs *g);
/* Drops the globs added after the first N (a walk leaving a folder). */
void tl_globs_truncate(tl_globs *g, size_t n);

/* Appends PATTERN, relative to absolute folder DIR, to G:
 *   - "!" first negates: a path it matches is not ignored after all;
 *   - "/" last: it matches folders only;
 *   - no "/" but a last one: it matches a file or folder name at any
 *     depth below DIR ("drafts", "*.en.md"); otherwise it is anchored
 *     to DIR (a leading "/" or "./" only anchors it);
 *   - "*", "?", "[a-z]", "[!a]" within a name, "**" as a whole name
 *     (any number of folders), "\" escapes;
 *   - with TL_GLOBS_CONFIG, "{a,b}" stands for each alternative in turn.
 * Returns NULL, or (TL_GLOBS_CONFIG) what is wrong with PATTERN, G
 * unchanged. */
const char *tl_globs_add(tl_globs *g, const char *pattern, const char *dir,
                         tl_globs_syntax syntax);
/* Appends the patterns of .gitignore-style file PATH (lines; "#"
 * comments), relative to absolute folder DIR. A missing or unreadable
 * file adds nothing. */
void tl_globs_add_file(tl_globs *g, const char *path, const char *dir);

/* The verdict of the last glob of G matching absolute path PATH itself
 * (a folder when IS_DIR): 1 ignored, 0 matched by a negated glob, -1
 * matched by none. Its folders are not looked at (a walk that does not
 * enter an ignored folder has done that). */
int tl_globs_verdict(const tl_globs *g, const char *path, bool is_dir);
/* Whether absolute path PATH (a file) is ignored as git would judge it:
 * one of its folders is, or it is itself. */
bool tl_globs_match(const tl_globs *g, const char *path);

#endif
