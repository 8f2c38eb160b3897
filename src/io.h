/*
 * io.h: the file system as the command line needs it: reading a whole
 * file, finding the Markdown files of a folder tree, and rewriting a file
 * atomically. Nothing here prints; failures fill a tl_error.
 */
#ifndef TL_IO_H
#define TL_IO_H

#include "translint.h"

#include <sys/types.h>

/* Files of this size or more are refused: spans are 32-bit offsets. */
#define TL_IO_MAX_SIZE ((uint64_t)1 << 32)

/* Reads all of PATH into *DATA (caller frees; one NUL byte after the
 * data) and sets *LEN. Returns 0, or an errno value with ERR filled:
 * EISDIR for a folder, EFBIG for a file of TL_IO_MAX_SIZE or more, the
 * open or read error otherwise (ENOENT, EACCES, ...). Pipes and other
 * non-regular files are read to their end. */
int tl_io_read_file(const char *path, char **data, size_t *len, tl_error *err);
/* The same for an open descriptor; NAME is used in messages. */
int tl_io_read_fd(int fd, const char *name, char **data, size_t *len,
                  tl_error *err);

/* One input of a run: a file to lint, or a path that could not be
 * listed (ERROR set). */
typedef struct tl_io_entry {
	char *path;  /* owned */
	char *error; /* owned; NULL when the entry is a file to lint */
	bool walked; /* found in a folder rather than named by the user */
	bool has_id; /* DEV and INO are known (a regular file) */
	dev_t dev;
	ino_t ino;
} tl_io_entry;

typedef struct tl_io_list {
	tl_io_entry *items;
	size_t n;
	size_t cap;
} tl_io_list;

/* Appends what PATH names to LIST: a folder is walked for *.md and
 * *.markdown files (names compared byte-wise, case-sensitive), in sorted
 * order, skipping .git and node_modules folders; anything else is
 * appended as it is, whatever its name, because a path given explicitly is
 * always linted. Symbolic links are followed, but a link to a folder that
 * is being walked already (a loop) is skipped, and so is a link pointing
 * nowhere found while walking. Folders that cannot be opened become error
 * entries; the walk goes on. */
void tl_io_collect(tl_io_list *list, const char *path);
/* Removes later entries naming the same file (same device and inode) as
 * an earlier one, so that no file is linted, or rewritten, twice. */
void tl_io_list_dedup(tl_io_list *list);
void tl_io_list_free(tl_io_list *list);

/* Replaces the contents of PATH with the LEN bytes at DATA, atomically: a
 * temporary file in the same folder is written, flushed to disk and given
 * the original's permission bits (and, where allowed, owner), then renamed
 * over PATH. A symbolic link is resolved first, so the link stays a link
 * and its target gets the new contents. On any failure (including EFBIG
 * past a file-size limit: the caller must ignore SIGXFSZ) the temporary
 * file is removed, PATH is left as it was, and false is returned with ERR
 * filled. A PATH that does not exist yet is created with mode 0644. */
bool tl_io_write_atomic(const char *path, const char *data, size_t len,
                        tl_error *err);

#endif
