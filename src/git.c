/*
 * git.c: running git and finding the repository of a file (git.h).
 *
 * git runs through fork and execvp with an argument vector, never a
 * shell; its standard output and standard error are drained together
 * with poll, so that git blocking on a full pipe can never deadlock
 * against us reading the other one. The repository of a file is the
 * nearest folder above it holding .git, found from the file's real
 * folder, so that a path through a symbolic link still finds it.
 */
#include "git.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static bool write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

static void close_pair(int p[2])
{
	if (p[0] >= 0)
		close(p[0]);
	if (p[1] >= 0)
		close(p[1]);
}

int tl_git_run(char *const argv[], const char *dir, const char *in,
               size_t inlen, tl_buf *out, tl_buf *errs)
{
	int po[2], pe[2], pi[2] = {-1, -1}, status;
	pid_t pid;
	bool open_o = true, open_e = true;

	if (pipe(po) != 0)
		return -1;
	if (pipe(pe) != 0) {
		close(po[0]);
		close(po[1]);
		return -1;
	}
	/* The input goes into its pipe before git starts: it fits in the
	 * pipe's buffer, so the write cannot wait, and git quitting without
	 * reading it cannot kill us with SIGPIPE. */
	if (in && (inlen > TL_GIT_MAX_INPUT || pipe(pi) != 0 ||
	           !write_all(pi[1], in, inlen))) {
		close_pair(po);
		close_pair(pe);
		close_pair(pi);
		return -1;
	}
	if (in) {
		close(pi[1]);
		pi[1] = -1;
	}
	pid = fork();
	if (pid < 0) {
		close_pair(po);
		close_pair(pe);
		close_pair(pi);
		return -1;
	}
	if (pid == 0) {
		/* Only async-signal-safe calls between fork and exec: the
		 * parent may have other threads. */
		int null = open("/dev/null", O_RDONLY);
		sigset_t none;

		/* git gets the signals translint may have blocked for its
		 * signal thread (tl_io_guard_signals). */
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		if (in)
			dup2(pi[0], 0);
		else if (null >= 0)
			dup2(null, 0);
		dup2(po[1], 1);
		dup2(pe[1], 2);
		close(po[0]);
		close(pe[0]);
		if (dir && chdir(dir) != 0)
			_exit(127);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(po[1]);
	close(pe[1]);
	if (in)
		close(pi[0]);
	/* Both pipes are drained together (poll), so that git blocking on
	 * a full stderr pipe can never deadlock against us reading stdout. */
	while (open_o || open_e) {
		struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
		char chunk[4096];
		int k;

		fds[0].fd = open_o ? po[0] : -1;
		fds[1].fd = open_e ? pe[0] : -1;
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (k = 0; k < 2; k++) {
			ssize_t n;

			if (fds[k].fd < 0 || !fds[k].revents)
				continue;
			n = read(fds[k].fd, chunk, sizeof chunk);
			if (n > 0)
				tl_buf_append(k ? errs : out, chunk, (size_t)n);
			else if (n == 0 || errno != EINTR)
				*(k ? &open_e : &open_o) = false;
		}
	}
	close(po[0]);
	close(pe[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (!WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status) == 127 ? -1 : WEXITSTATUS(status);
}

/* The first line of git's complaint, for an error message. */
const char *tl_git_first_line(tl_buf *errs)
{
	char *nl;

	if (!errs->data || !errs->len)
		return "git failed";
	nl = strchr(errs->data, '\n');
	if (nl)
		*nl = '\0';
	return errs->data;
}

/* The real path of folder DIR; a part that does not exist (the folder of
 * a --stdin-filename) is kept as written after the real path of the
 * part that does. Caller frees. */
static char *real_dir(const char *dir)
{
	char *real = realpath(dir, NULL), *up, *slash, *joined;

	if (real)
		return real;
	up = tl_xstrdup(dir);
	slash = strrchr(up, '/');
	if (!slash || slash == up) {
		char cwd[PATH_MAX];

		free(up);
		if (dir[0] == '/' || !getcwd(cwd, sizeof cwd))
			return tl_xstrdup(dir);
		joined = tl_xmalloc(strlen(cwd) + strlen(dir) + 2);
		sprintf(joined, "%s/%s", cwd, dir);
		return joined;
	}
	*slash = '\0';
	real = real_dir(up);
	joined = tl_xmalloc(strlen(real) + strlen(slash + 1) + 2);
	sprintf(joined, "%s/%s", real, slash + 1);
	free(real);
	free(up);
	return joined;
}

bool tl_git_locate(const char *file, char **root, char **rel)
{
	const char *slash = strrchr(file, '/');
	char *dir =
	    slash
	        ? tl_xstrndup(file, slash == file ? 1 : (size_t)(slash - file))
	        : tl_xstrdup(".");
	char *real = real_dir(dir);
	const char *base = slash ? slash + 1 : file;
	size_t len = strlen(real);
	tl_buf probe = {0};
	bool found = false;

	free(dir);
	while (len > 0 && real[len - 1] == '/' && len > 1)
		len--;
	for (;;) {
		struct stat st;

		probe.len = 0;
		tl_buf_append(&probe, real, len);
		tl_buf_puts(&probe,
		            len == 1 && real[0] == '/' ? ".git" : "/.git");
		if (lstat(probe.data, &st) == 0) {
			*root = tl_xstrndup(real, len);
			*rel =
			    tl_xmalloc(strlen(real) - len + strlen(base) + 2);
			if (real[len] == '/')
				sprintf(*rel, "%s/%s", real + len + 1, base);
			else
				strcpy(*rel, base);
			found = true;
			break;
		}
		while (len > 1 && real[len - 1] != '/')
			len--;
		if (len <= 1)
			break;
		len--; /* the slash */
	}
	tl_buf_free(&probe);
	free(real);
	return found;
}
