/*
 * io.c: reading files, walking folders and rewriting files atomically,
 * for the command line (see io.h for the contract of each function).
 *
 * The functions run in worker threads (reading, writing) as well as in
 * the main thread (walking), so they format errno values with strerror_r
 * rather than strerror. They keep no state but one, for a reason the
 * process cannot escape: signals are process-wide, so the names of the
 * temporary files being written, which a signal must remove, are too
 * (the list under temps_lock, below).
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include "io.h"

#include "globs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* One read() asks for at most this much, well below SSIZE_MAX. */
#define READ_CHUNK ((size_t)1 << 30)

static void errno_text(int e, char *buf, size_t n)
{
	if (strerror_r(e, buf, n) != 0)
		snprintf(buf, n, "error %d", e);
}

/* Fills ERR with PATH and "WHAT: strerror(E)" and returns E. */
static int fail_errno(tl_error *err, const char *path, const char *what, int e)
{
	char msg[256];

	errno_text(e, msg, sizeof msg);
	tl_error_set(err, path, 0, 0, "%s: %s", what, msg);
	return e;
}

static int too_large(tl_error *err, const char *path)
{
	tl_error_set(err, path, 0, 0,
	             "file too large: translint reads files under 4 GiB");
	return EFBIG;
}

/* ---- Reading ------------------------------------------------------------ */

static bool same_time(struct timespec a, struct timespec b)
{
	return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

static void stamp_of(const struct stat *st, tl_io_stamp *stamp)
{
	memset(stamp, 0, sizeof *stamp);
	if (!S_ISREG(st->st_mode))
		return;
	stamp->known = true;
	stamp->dev = st->st_dev;
	stamp->ino = st->st_ino;
	stamp->size = st->st_size;
	stamp->mtime = st->st_mtim;
	stamp->ctime = st->st_ctim;
}

static bool same_stamp(const tl_io_stamp *a, const tl_io_stamp *b)
{
	return a->known && b->known && a->dev == b->dev && a->ino == b->ino &&
	       a->size == b->size && same_time(a->mtime, b->mtime) &&
	       same_time(a->ctime, b->ctime);
}

int tl_io_read_fd(int fd, const char *name, char **data, size_t *len,
                  tl_io_stamp *stamp, tl_error *err)
{
	struct stat st;
	size_t cap, n = 0;
	char *buf;

	*data = NULL;
	*len = 0;
	if (stamp)
		memset(stamp, 0, sizeof *stamp);
	if (fstat(fd, &st) != 0)
		return fail_errno(err, name, "cannot read", errno);
	if (S_ISDIR(st.st_mode)) {
		tl_error_set(err, name, 0, 0,
		             "cannot read: it is a folder, not a file");
		return EISDIR;
	}
	if (S_ISREG(st.st_mode) && (uint64_t)st.st_size >= TL_IO_MAX_SIZE)
		return too_large(err, name);
	/* A regular file is read into a buffer of its size; a pipe grows
	 * one. Either may still grow or shrink while it is read. */
	cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536;
	buf = tl_xmalloc(cap);
	for (;;) {
		char probe[4096];
		char *dst = buf + n;
		size_t want = cap - 1 - n;
		ssize_t r;

		if (want == 0) {
			/* Full: a small read says whether the end came. */
			dst = probe;
			want = sizeof probe;
		}
		r = read(fd, dst, want < READ_CHUNK ? want : READ_CHUNK);
		if (r < 0) {
			int e = errno;

			if (e == EINTR)
				continue;
			free(buf);
			return fail_errno(err, name, "cannot read", e);
		}
		if (r == 0)
			break;
		if ((uint64_t)n + (uint64_t)r >= TL_IO_MAX_SIZE) {
			free(buf);
			return too_large(err, name);
		}
		if (dst == probe) {
			cap = cap * 2 > n + (size_t)r + 1 ? cap * 2
			                                  : n + (size_t)r + 1;
			buf = tl_xrealloc(buf, cap);
			memcpy(buf + n, probe, (size_t)r);
		}
		n += (size_t)r;
	}
	/* The stamp is taken after the last read: a write during the read
	 * that it does not show is caught by comparing bytes before the
	 * file is replaced. */
	if (stamp && fstat(fd, &st) == 0)
		stamp_of(&st, stamp);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

int tl_io_read_file(const char *path, char **data, size_t *len,
                    tl_io_stamp *stamp, tl_error *err)
{
	int fd, rc;

	*data = NULL;
	*len = 0;
	if (stamp)
		memset(stamp, 0, sizeof *stamp);
	do
		fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0) {
		if (errno == EISDIR) {
			tl_error_set(err, path, 0, 0,
			             "cannot read: it is a folder, not a file");
			return EISDIR;
		}
		return fail_errno(err, path, "cannot read", errno);
	}
	rc = tl_io_read_fd(fd, path, data, len, stamp, err);
	close(fd);
	return rc;
}

/* ---- Walking ---------------------------------------------------------- */

/* The folders from the walk's root down to the one being read, to
 * recognise a symbolic link back to one of them. */
typedef struct ancestor {
	dev_t dev;
	ino_t ino;
	const struct ancestor *up;
} ancestor;

/* The walk: the list it fills and the real path of the folder it was
 * asked for, which no symbolic link may lead out of. */
typedef struct walker {
	tl_io_list *list;
	const char *root; /* realpath of the walked folder */
	tl_globs *git;    /* the .gitignore rules in force, or NULL */
} walker;

static tl_io_entry *list_add(tl_io_list *list, char *path)
{
	tl_io_entry *e;

	if (list->n == list->cap) {
		list->cap = list->cap ? list->cap * 2 : 16;
		list->items =
		    tl_xrealloc(list->items, list->cap * sizeof *list->items);
	}
	e = &list->items[list->n++];
	memset(e, 0, sizeof *e);
	e->path = path;
	return e;
}

static void list_add_error(tl_io_list *list, const char *path, const char *what,
                           int e)
{
	char msg[256], full[512];

	errno_text(e, msg, sizeof msg);
	snprintf(full, sizeof full, "%s: %s", what, msg);
	list_add(list, tl_xstrdup(path))->error = tl_xstrdup(full);
}

/* DIR/NAME, written NAME when DIR is "." so that `translint` and
 * `translint .` print the paths people type. */
static char *path_join(const char *dir, const char *name)
{
	size_t dl = strlen(dir), nl = strlen(name);
	char *p;

	if (strcmp(dir, ".") == 0)
		return tl_xstrdup(name);
	p = tl_xmalloc(dl + nl + 2);
	memcpy(p, dir, dl);
	if (dl > 0 && dir[dl - 1] != '/')
		p[dl++] = '/';
	memcpy(p + dl, name, nl + 1);
	return p;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t sl = strlen(s), xl = strlen(suffix);

	return sl > xl && strcmp(s + sl - xl, suffix) == 0;
}

static bool is_markdown_name(const char *name)
{
	return has_suffix(name, ".md") || has_suffix(name, ".markdown");
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool on_chain(const ancestor *chain, const struct stat *st)
{
	for (; chain; chain = chain->up)
		if (chain->dev == st->st_dev && chain->ino == st->st_ino)
			return true;
	return false;
}

/* Whether symbolic link PATH leads to a place inside W's root: a link
 * out of the tree (to another checkout, to /etc) is not followed, so
 * that --fix on a folder never rewrites what lies outside it. */
static bool link_stays_inside(const walker *w, const char *path)
{
	char *real = realpath(path, NULL);
	size_t rl = strlen(w->root);
	bool inside;

	if (!real)
		return false; /* dangling, or a loop: nothing to lint */
	inside = strcmp(w->root, "/") == 0 ||
	         (strncmp(real, w->root, rl) == 0 &&
	          (real[rl] == '/' || real[rl] == '\0'));
	free(real);
	return inside;
}

/* "DIR/NAME" (caller frees). */
static char *path_under(const char *dir, const char *name)
{
	char *p = tl_xmalloc(strlen(dir) + strlen(name) + 2);

	sprintf(p, "%s%s%s", dir, strcmp(dir, "/") == 0 ? "" : "/", name);
	return p;
}

/* Whether folder ABS holds a .git (a folder, or a worktree's file). */
static bool is_repo_top(const char *abs)
{
	char *g = path_under(abs, ".git");
	struct stat st;
	bool top = lstat(g, &st) == 0;

	free(g);
	return top;
}

/* Loads into G what git ignores above REAL (the walked folder, which
 * loads its own .gitignore as it is entered): the repository's
 * .git/info/exclude and the .gitignore files from its top folder down to
 * REAL's parent. False when REAL is in no repository: git then ignores
 * nothing, and neither does the walk. */
static bool load_git_above(tl_globs *g, const char *real)
{
	char *top = tl_xstrdup(real);

	while (!is_repo_top(top)) {
		char *slash = strrchr(top, '/');

		if (!slash || strcmp(top, "/") == 0) {
			free(top);
			return false;
		}
		if (slash == top)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	{
		char *exclude = path_under(top, ".git/info/exclude");

		tl_globs_add_file(g, exclude, top);
		free(exclude);
	}
	/* Each folder from TOP down to REAL's parent (TOP is a prefix of
	 * REAL, cut at a '/'). */
	{
		size_t tl = strlen(top), rl = strlen(real);

		for (size_t k = tl; k < rl; k++) {
			char *dir, *file;

			if (k != tl && real[k] != '/')
				continue;
			dir = tl_xstrndup(real, k);
			file = path_under(dir, ".gitignore");
			tl_globs_add_file(g, file, dir);
			free(file);
			free(dir);
		}
	}
	free(top);
	return true;
}

/* Walks folder DIR (as the user wrote it), whose real path is ABS. */
static void walk(const walker *w, const char *dir, const char *abs,
                 const ancestor *chain)
{
	tl_io_list *list = w->list;
	char **names = NULL;
	size_t n = 0, cap = 0, i, rules = tl_globs_count(w->git);
	struct dirent *ent;
	DIR *d = opendir(dir);

	if (!d) {
		list_add_error(list, dir, "cannot open folder", errno);
		return;
	}
	if (w->git) {
		char *gi = path_under(abs, ".gitignore");

		tl_globs_add_file(w->git, gi, abs);
		free(gi);
	}
	for (;;) {
		errno = 0;
		ent = readdir(d);
		if (!ent) {
			if (errno)
				list_add_error(list, dir, "cannot list folder",
				               errno);
			break;
		}
		if (strcmp(ent->d_name, ".") == 0 ||
		    strcmp(ent->d_name, "..") == 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = tl_xrealloc(names, cap * sizeof *names);
		}
		names[n++] = tl_xstrdup(ent->d_name);
	}
	closedir(d);
	/* Byte order, not the locale's collation: the same tree gives the
	 * same output everywhere. */
	if (n > 1)
		qsort(names, n, sizeof *names, compare_names);

	for (i = 0; i < n; i++) {
		char *child = path_join(dir, names[i]);
		char *child_abs = path_under(abs, names[i]);
		struct stat st, lst;

		if (lstat(child, &lst) == 0 && S_ISLNK(lst.st_mode) &&
		    !link_stays_inside(w, child)) {
			/* Out of the tree (or nowhere): skipped. */
		} else if (stat(child, &st) != 0) {
			int e = errno;

			/* A dangling link, or an entry removed since the
			 * folder was listed: nothing to lint. */
			if (e != ENOENT &&
			    !(lstat(child, &lst) == 0 && S_ISLNK(lst.st_mode)))
				list_add_error(list, child, "cannot read", e);
		} else if (S_ISDIR(st.st_mode)) {
			/* A folder git ignores is not entered: nothing in it
			 * can be taken back, as in git. */
			if (strcmp(names[i], ".git") != 0 &&
			    strcmp(names[i], "node_modules") != 0 &&
			    !on_chain(chain, &st) &&
			    tl_globs_verdict(w->git, child_abs, true) != 1) {
				ancestor here = {st.st_dev, st.st_ino, chain};

				walk(w, child, child_abs, &here);
			}
		} else if (S_ISREG(st.st_mode) && is_markdown_name(names[i]) &&
		           tl_globs_verdict(w->git, child_abs, false) != 1) {
			tl_io_entry *e = list_add(list, child);

			e->walked = true;
			e->has_id = true;
			e->dev = st.st_dev;
			e->ino = st.st_ino;
			child = NULL;
		}
		free(child);
		free(child_abs);
		free(names[i]);
	}
	free(names);
	if (w->git)
		tl_globs_truncate(w->git, rules);
}

void tl_io_collect(tl_io_list *list, const char *path, unsigned flags)
{
	struct stat st;
	tl_io_entry *e;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		ancestor root = {st.st_dev, st.st_ino, NULL};
		char *real = realpath(path, NULL);
		walker w = {list, real, NULL};

		if (!real) {
			list_add_error(list, path, "cannot open folder", errno);
			return;
		}
		if (flags & TL_IO_GITIGNORE) {
			w.git = tl_globs_new();
			if (!load_git_above(w.git, real)) {
				tl_globs_free(w.git);
				w.git = NULL;
			}
		}
		walk(&w, path, real, &root);
		tl_globs_free(w.git);
		free(real);
		return;
	}
	/* Anything else is linted as named; reading it reports what is
	 * wrong with it (missing, unreadable). */
	e = list_add(list, tl_xstrdup(path));
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		e->has_id = true;
		e->dev = st.st_dev;
		e->ino = st.st_ino;
	}
}

typedef struct id_index {
	dev_t dev;
	ino_t ino;
	size_t index;
} id_index;

static int compare_ids(const void *pa, const void *pb)
{
	const id_index *a = pa, *b = pb;

	if (a->dev != b->dev)
		return a->dev < b->dev ? -1 : 1;
	if (a->ino != b->ino)
		return a->ino < b->ino ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

void tl_io_list_dedup(tl_io_list *list)
{
	id_index *ids = tl_xmalloc((list->n + 1) * sizeof *ids);
	bool *drop = tl_xcalloc(list->n + 1, sizeof *drop);
	size_t i, n = 0, kept = 0;

	for (i = 0; i < list->n; i++) {
		if (!list->items[i].has_id)
			continue;
		ids[n].dev = list->items[i].dev;
		ids[n].ino = list->items[i].ino;
		ids[n].index = i;
		n++;
	}
	qsort(ids, n, sizeof *ids, compare_ids);
	for (i = 1; i < n; i++)
		if (ids[i].dev == ids[i - 1].dev &&
		    ids[i].ino == ids[i - 1].ino)
			drop[ids[i].index] = true;
	for (i = 0; i < list->n; i++) {
		if (drop[i]) {
			free(list->items[i].path);
			free(list->items[i].error);
		} else {
			list->items[kept++] = list->items[i];
		}
	}
	list->n = kept;
	free(ids);
	free(drop);
}

void tl_io_list_free(tl_io_list *list)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < list->n; i++) {
		free(list->items[i].path);
		free(list->items[i].error);
	}
	free(list->items);
	list->items = NULL;
	list->n = list->cap = 0;
}

/* ---- Temporaries and signals ------------------------------------------ */

/* The temporary files being written (names owned by their writers), so
 * that tl_io_guard_signals can remove them before the process dies. A
 * name is added when mkstemp creates its file and dropped when the
 * rename or the unlink makes it vanish, both under the lock, which the
 * signal thread takes too: it never sees a file that exists and is not
 * listed, nor a listed name whose file is someone's renamed result. */
static pthread_mutex_t temps_lock = PTHREAD_MUTEX_INITIALIZER;
static const char **temps;
static size_t ntemps, temps_cap;

/* mkstemp(TMP), listed. */
static int temp_create(char *tmp)
{
	int fd;

	pthread_mutex_lock(&temps_lock);
	fd = mkstemp(tmp);
	if (fd >= 0) {
		temps = tl_grow(temps, ntemps, &temps_cap, sizeof *temps);
		temps[ntemps++] = tmp;
	}
	pthread_mutex_unlock(&temps_lock);
	return fd;
}

static void temp_forget_locked(const char *tmp)
{
	for (size_t i = 0; i < ntemps; i++)
		if (temps[i] == tmp) {
			temps[i] = temps[--ntemps];
			break;
		}
}

/* rename(TMP, TARGET), unlisting TMP when it succeeds. */
static int temp_rename(const char *tmp, const char *target)
{
	int rc;

	pthread_mutex_lock(&temps_lock);
	rc = rename(tmp, target);
	if (rc == 0)
		temp_forget_locked(tmp);
	pthread_mutex_unlock(&temps_lock);
	return rc;
}

/* unlink(TMP), unlisted. */
static void temp_remove(const char *tmp)
{
	pthread_mutex_lock(&temps_lock);
	unlink(tmp);
	temp_forget_locked(tmp);
	pthread_mutex_unlock(&temps_lock);
}

/* The signal thread and the signals it takes (set once, read by it). */
static sigset_t guard_set, guard_old_mask;
static pthread_t guard_thread;
static bool guard_running, guard_done;

/* The signal thread: waits for one of the signals of guard_set, removes
 * the temporaries, and lets the signal end the process as it would have
 * without the guard (status 128 + N to a shell). The lock is kept to the
 * end, so that no temporary is created after the removal. It returns
 * only when tl_io_guard_end woke it. */
static void *guard_main(void *arg)
{
	struct sigaction dfl;
	sigset_t one;
	int sig = 0;

	(void)arg;
	while (sigwait(&guard_set, &sig) != 0)
		;
	pthread_mutex_lock(&temps_lock);
	if (guard_done) {
		pthread_mutex_unlock(&temps_lock);
		return NULL;
	}
	for (size_t i = 0; i < ntemps; i++)
		unlink(temps[i]);
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	sigemptyset(&one);
	sigaddset(&one, sig);
	pthread_sigmask(SIG_UNBLOCK, &one, NULL);
	raise(sig);
	_exit(128 + sig);
}

static const int guarded[] = {SIGINT, SIGTERM, SIGHUP};
#define NGUARDED (sizeof guarded / sizeof guarded[0])

bool tl_io_guard_signals(void)
{
	bool any = false;

	if (guard_running)
		return true;
	sigemptyset(&guard_set);
	for (size_t i = 0; i < NGUARDED; i++) {
		struct sigaction old;

		/* A signal ignored at start (nohup, a background job of a
		 * script) stays ignored. */
		if (sigaction(guarded[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		sigaddset(&guard_set, guarded[i]);
		any = true;
	}
	if (!any)
		return true;
	/* Blocked here, so in every thread created from now on; the
	 * guard's sigwait takes them. */
	pthread_sigmask(SIG_BLOCK, &guard_set, &guard_old_mask);
	guard_done = false;
	guard_running =
	    pthread_create(&guard_thread, NULL, guard_main, NULL) == 0;
	if (!guard_running)
		pthread_sigmask(SIG_SETMASK, &guard_old_mask, NULL);
	return guard_running;
}

void tl_io_guard_end(void)
{
	if (!guard_running)
		return;
	pthread_mutex_lock(&temps_lock);
	guard_done = true;
	pthread_mutex_unlock(&temps_lock);
	/* Wakes the thread with a signal of its set, aimed at it alone. */
	for (size_t i = 0; i < NGUARDED; i++)
		if (sigismember(&guard_set, guarded[i]) == 1) {
			pthread_kill(guard_thread, guarded[i]);
			break;
		}
	pthread_join(guard_thread, NULL);
	guard_running = false;
	/* A signal that came meanwhile is pending here: it acts now. */
	pthread_sigmask(SIG_SETMASK, &guard_old_mask, NULL);
}

/* ---- Writing ------------------------------------------------------------ */

/* A temporary name beside TARGET: "DIR/.NAME.tl-XXXXXX" (a short
 * ".translint-XXXXXX" when NAME is long, to stay under NAME_MAX). */
static char *temp_name(const char *target)
{
	const char *slash = strrchr(target, '/');
	const char *base = slash ? slash + 1 : target;
	size_t dirlen = slash ? (size_t)(slash - target) + 1 : 0;
	size_t blen = strlen(base);
	char *tmp = tl_xmalloc(dirlen + blen + 32);

	memcpy(tmp, target, dirlen);
	if (blen > 200)
		strcpy(tmp + dirlen, ".translint-XXXXXX");
	else
		sprintf(tmp + dirlen, ".%s.tl-XXXXXX", base);
	return tmp;
}

/* Makes the rename durable; failure here loses nothing that a crash
 * right after the rename would not, so it is not reported. */
static void sync_folder(const char *target)
{
	const char *slash = strrchr(target, '/');
	char *dir;
	int fd;

	if (slash == target)
		dir = tl_xstrdup("/");
	else if (slash)
		dir = tl_xstrndup(target, (size_t)(slash - target));
	else
		dir = tl_xstrdup(".");
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Whether TARGET is still the file WAS describes: the same stamp, and
 * the same bytes (a file system with coarse times may show no change of
 * stamp for a save of the same size within its clock's tick). */
static bool still_as_read(const char *target, const tl_io_original *was)
{
	struct stat st;
	tl_io_stamp before, after;
	tl_error ignored;
	char *data = NULL;
	size_t len;
	bool same;
	int fd;

	/* O_NONBLOCK: should a FIFO have taken the file's place, opening
	 * it must not wait for a writer. */
	do
		fd = open(target, O_RDONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		return false;
	same = fstat(fd, &st) == 0;
	if (same) {
		stamp_of(&st, &before);
		same = (!was->stamp || same_stamp(&before, was->stamp)) &&
		       before.known && (uint64_t)before.size == was->len;
	}
	/* The stamp again after the bytes: a write while they were read. */
	same = same &&
	       tl_io_read_fd(fd, target, &data, &len, &after, &ignored) == 0 &&
	       len == was->len && memcmp(data, was->data, len) == 0 &&
	       same_stamp(&after, &before);
	free(data);
	close(fd);
	return same;
}

bool tl_io_write_atomic(const char *path, const char *data, size_t len,
                        const tl_io_original *was, tl_error *err)
{
	struct stat st, lst;
	char *target, *tmp = NULL;
	bool exists;
	int fd = -1;
	size_t done = 0;

	/* Renaming over a symbolic link would replace the link by a plain
	 * file; write where it points instead. */
	if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
		target = realpath(path, NULL);
		if (!target) {
			fail_errno(err, path, "cannot resolve symbolic link",
			           errno);
			return false;
		}
	} else {
		target = tl_xstrdup(path);
	}
	exists = stat(target, &st) == 0;
	if (!exists && errno != ENOENT) {
		fail_errno(err, path, "cannot write", errno);
		goto fail;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		tl_error_set(err, path, 0, 0,
		             "cannot write: not a regular file");
		goto fail;
	}
	/* A rename needs only the folder's write permission: without this,
	 * a read-only file would be replaced by anyone who may write its
	 * folder. The file is rewritten only by whoever could write it in
	 * place (the effective user, as open() would judge). */
	if (exists && faccessat(AT_FDCWD, target, W_OK, AT_EACCESS) != 0) {
		if (errno == EACCES || errno == EPERM)
			tl_error_set(err, path, 0, 0,
			             "cannot write: the file is read-only "
			             "(permission denied)");
		else
			fail_errno(err, path, "cannot write", errno);
		goto fail;
	}

	tmp = temp_name(target);
	fd = temp_create(tmp);
	if (fd < 0) {
		fail_errno(err, path, "cannot create a temporary file", errno);
		free(tmp);
		tmp = NULL;
		goto fail;
	}
	while (done < len) {
		size_t want = len - done < READ_CHUNK ? len - done : READ_CHUNK;
		ssize_t w = write(fd, data + done, want);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			/* EFBIG past RLIMIT_FSIZE (SIGXFSZ is ignored),
			 * ENOSPC, EDQUOT, EIO ... */
			fail_errno(err, path, "cannot write", errno);
			goto fail;
		}
		done += (size_t)w;
	}
	/* Owner first: changing the owner may clear set-id bits that the
	 * mode below sets again. Only root may give a file away, so a
	 * failure leaves the file ours, with the original's mode. */
	if (exists && (st.st_uid != geteuid() || st.st_gid != getegid()) &&
	    fchown(fd, st.st_uid, st.st_gid) != 0) {
		/* Not fatal, as explained above. */
	}
	if (fchmod(fd, exists ? st.st_mode & 07777 : 0644) != 0) {
		fail_errno(err, path, "cannot set permissions", errno);
		goto fail;
	}
	if (fsync(fd) != 0) {
		fail_errno(err, path, "cannot write", errno);
		goto fail;
	}
	if (close(fd) != 0) {
		fd = -1;
		fail_errno(err, path, "cannot write", errno);
		goto fail;
	}
	fd = -1;
	/* The last moment to find that someone saved the file while it was
	 * being fixed: their save wins, and the fix is dropped. */
	if (was && !still_as_read(target, was)) {
		tl_error_set(err, path, 0, 0,
		             "changed while it was being fixed; left as it is "
		             "(run again to fix it)");
		goto fail;
	}
	if (temp_rename(tmp, target) != 0) {
		fail_errno(err, path, "cannot replace the file", errno);
		goto fail;
	}
	sync_folder(target);
	free(tmp);
	free(target);
	return true;

fail:
	if (fd >= 0)
		close(fd);
	if (tmp) {
		temp_remove(tmp);
		free(tmp);
	}
	free(target);
	return false;
}
