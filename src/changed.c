/*
 * changed.c: the lines of a file that changed since a git revision. Pull
 * request checks want findings on the lines the pull request touched, not
 * on the whole legacy file; `git diff --unified=0 REF -- FILE` lists
 * exactly those lines in its hunk headers ("@@ -a,b +c,d @@": lines c to
 * c+d-1 of the new file are added or changed).
 *
 * git runs through fork and execvp with an argument vector, so neither
 * the revision nor the file name is ever seen by a shell. Its standard
 * error is captured and becomes the error message.
 */
#include "changed.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs ARGV (argv[0] looked up in PATH) in folder DIR (NULL: here) and
 * collects its standard output in OUT and standard error in ERRS.
 * Returns the exit status, or -1 when it could not run. */
static int run_git(char *const argv[], const char *dir, tl_buf *out,
                   tl_buf *errs)
{
	int po[2], pe[2], status;
	pid_t pid;
	bool open_o = true, open_e = true;

	if (pipe(po) != 0)
		return -1;
	if (pipe(pe) != 0) {
		close(po[0]);
		close(po[1]);
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		close(po[0]);
		close(po[1]);
		close(pe[0]);
		close(pe[1]);
		return -1;
	}
	if (pid == 0) {
		/* Only async-signal-safe calls between fork and exec: the
		 * parent may have other threads. */
		int null = open("/dev/null", O_RDONLY);

		if (null >= 0)
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
static const char *first_line(tl_buf *errs)
{
	char *nl;

	if (!errs->data || !errs->len)
		return "git failed";
	nl = strchr(errs->data, '\n');
	if (nl)
		*nl = '\0';
	return errs->data;
}

bool tl_changed_check_ref(const char *ref, tl_error *err)
{
	tl_buf out = {0}, errs = {0};
	char *spec = tl_xmalloc(strlen(ref) + 10);
	char *argv[] = {"git",     "rev-parse",        "--verify",
	                "--quiet", "--end-of-options", spec,
	                NULL};
	int rc;

	strcpy(spec, ref);
	strcat(spec, "^{commit}");
	rc = run_git(argv, NULL, &out, &errs);
	if (rc != 0)
		tl_error_set(err, "", 0, 0,
		             rc < 0 ? "--changed-since: cannot run git"
		                    : "--changed-since: '%s' is not a git "
		                      "revision here (%s)",
		             ref,
		             errs.len ? first_line(&errs) : "unknown revision");
	free(spec);
	tl_buf_free(&out);
	tl_buf_free(&errs);
	return rc == 0;
}

static bool parse_count(const char **p, size_t *out)
{
	char *end;
	unsigned long v;

	if (**p < '0' || **p > '9')
		return false;
	v = strtoul(*p, &end, 10);
	*out = (size_t)v;
	*p = end;
	return true;
}

void tl_changed_parse(const char *diff, size_t len, tl_changed *out)
{
	size_t i = 0, cap = 0;

	memset(out, 0, sizeof *out);
	while (i < len) {
		const char *line = diff + i, *nl = memchr(line, '\n', len - i);
		size_t line_len = nl ? (size_t)(nl - line) : len - i;

		i += line_len + 1;
		if (line_len > 4 && strncmp(line, "@@ -", 4) == 0) {
			const char *p = memchr(line, '+', line_len);
			size_t first, count = 1;

			if (!p || !(p++, parse_count(&p, &first)))
				continue;
			if (*p == ',' && !(p++, parse_count(&p, &count)))
				continue;
			if (count == 0) /* lines only deleted */
				continue;
			if (out->nranges == cap) {
				cap = cap ? 2 * cap : 8;
				out->ranges = tl_xrealloc(
				    out->ranges, cap * sizeof *out->ranges);
			}
			out->ranges[out->nranges][0] = first;
			out->ranges[out->nranges][1] = first + count - 1;
			out->nranges++;
		}
	}
}

bool tl_changed_lines(const char *ref, const char *file, tl_changed *out,
                      tl_error *err)
{
	tl_buf o = {0}, errs = {0};
	char *dir = tl_xstrdup(file), *slash = strrchr(dir, '/');
	const char *base = slash ? slash + 1 : file;
	char *ls[] = {"git", "ls-files",   "--error-unmatch",
	              "--",  (char *)base, NULL};
	char *diff[] = {
	    "git",         "diff",      "--no-color", "--no-ext-diff",
	    "--unified=0", (char *)ref, "--",         (char *)base,
	    NULL};
	int rc;

	memset(out, 0, sizeof *out);
	if (slash)
		*slash = '\0';
	if (slash == dir)
		strcpy(dir, "/");
	/* A file git does not track is new as a whole; git diff would
	 * show nothing for it. */
	rc = run_git(ls, slash ? dir : NULL, &o, &errs);
	if (rc == 1) {
		out->all = true;
	} else if (rc == 0) {
		o.len = errs.len = 0;
		rc = run_git(diff, slash ? dir : NULL, &o, &errs);
		if (rc == 0)
			tl_changed_parse(o.data ? o.data : "", o.len, out);
	}
	if (rc != 0 && !out->all)
		tl_error_set(err, file, 0, 0, "--changed-since: %s",
		             rc < 0 ? "cannot run git" : first_line(&errs));
	free(dir);
	tl_buf_free(&o);
	tl_buf_free(&errs);
	return rc == 0 || out->all;
}

bool tl_changed_has(const tl_changed *c, size_t line)
{
	size_t i;

	if (c->all)
		return true;
	for (i = 0; i < c->nranges; i++)
		if (line >= c->ranges[i][0] && line <= c->ranges[i][1])
			return true;
	return false;
}

void tl_changed_free(tl_changed *c)
{
	if (!c)
		return;
	free(c->ranges);
	c->ranges = NULL;
	c->nranges = 0;
}
