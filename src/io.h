/*
 * io.h: the file system as the command line needs it: reading a whole
 * file, finding the Markdown files of a folder tree, and rewriting a file
 * atomically. Nothing here prints; failures fill a tl_error.
 */
#ifndef TL_IO_H
#define TL_IO_H

#include "translint.h"

#include <sys/types.h>
#include <time.h>

/* Files of this size or more are refused: spans are 32-bit offsets. */
#define TL_IO_MAX_SIZE ((uint64_t)1 << 32)

/* What a file was when it was read: enough to tell, before it is
 * rewritten, that nobody wrote it since (an editor saving while --fix
 * ran). Any write changes the size, the modification time or the status
 * change time, and a save by rename changes the inode. */
typedef struct tl_io_stamp {
	bool known; /* a regular file: the fields below are set */
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	struct timespec ctime;
} tl_io_stamp;

/* Reads all of PATH into *DATA (caller frees; one NUL byte after the
 * data) and sets *LEN, and *STAMP unless STAMP is NULL. Returns 0, or an
 * errno value with ERR filled: EISDIR for a folder, EFBIG for a file of
 * TL_IO_MAX_SIZE or more, the open or read error otherwise (ENOENT,
 * EACCES, ...). Pipes and other non-regular files are read to their
 * end (their stamp is not known). */
int tl_io_read_file(const char *path, char **data, size_t *len,
                    tl_io_stamp *stamp, tl_error *err);
/* The same for an open descriptor; NAME is used in messages. */
int tl_io_read_fd(int fd, const char *name, char **data, size_t *len,
                  tl_io_stamp *stamp, tl_error *err);

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
 * always linted. Symbolic links found while walking are followed only
 * when they lead inside the folder PATH names (its real path): a link out
 * of the tree is skipped, as is a link to a folder that is being walked
 * already (a loop) and a link pointing nowhere. Folders that cannot be
 * opened become error entries; the walk goes on.
 *
 * With TL_IO_GITIGNORE in FLAGS, a walk inside a git repository skips
 * what git ignores by its .gitignore files (from the repository's top
 * down) and .git/info/exclude, not entering an ignored folder. The
 * folder PATH names is walked even when it is ignored itself. */
#define TL_IO_GITIGNORE 1u
void tl_io_collect(tl_io_list *list, const char *path, unsigned flags);
/* Removes later entries naming the same file (same device and inode) as
 * an earlier one, so that no file is linted, or rewritten, twice. */
void tl_io_list_dedup(tl_io_list *list);
void tl_io_list_free(tl_io_list *list);

/* The file a rewrite replaces, as it was read: its stamp and its bytes. */
typedef struct tl_io_original {
	const tl_io_stamp *stamp;
	const char *data;
	size_t len;
} tl_io_original;

/* Replaces the contents of PATH with the LEN bytes at DATA, atomically: a
 * temporary file in the same folder is written, flushed to disk and given
 * the original's permission bits (and, where allowed, owner), then renamed
 * over PATH. A symbolic link is resolved first, so the link stays a link
 * and its target gets the new contents. On any failure (including EFBIG
 * past a file-size limit: the caller must ignore SIGXFSZ) the temporary
 * file is removed, PATH is left as it was, and false is returned with ERR
 * filled. A PATH that does not exist yet is created with mode 0644.
 *
 * With WAS (the file as the caller read it; NULL for none), the rename
 * happens only if PATH is still that file, checked just before it: same
 * stamp and same bytes. Otherwise someone saved it meanwhile, their save
 * is kept, and the call fails with ERR saying so. */
bool tl_io_write_atomic(const char *path, const char *data, size_t len,
                        const tl_io_original *was, tl_error *err);

/* Makes SIGINT, SIGTERM and SIGHUP remove the temporary files that
 * tl_io_write_atomic is writing before they end the process (which still
 * dies of the signal), until tl_io_guard_end. Call it from the main
 * thread before starting threads: it blocks those signals in the calling
 * thread, hence in the threads it creates later, and waits for them in a
 * thread of its own. A signal ignored when it is called stays ignored.
 * False when that thread cannot start (the signals then act as before). */
bool tl_io_guard_signals(void);
/* Stops that thread (after the writers' threads have ended) and unblocks
 * the signals; one that arrived meanwhile then acts as usual. */
void tl_io_guard_end(void);

#endif
