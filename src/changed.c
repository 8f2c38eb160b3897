/*
 * changed.c: the lines of the files of a run that changed since a git
 * revision. Pull request checks want findings on the lines the pull
 * request touched, not on the whole legacy file. A diff with zero context
 * lists exactly those lines in its hunk headers ("@@ -a,b +c,d @@": lines
 * c to c+d-1 of the new file are added or changed).
 *
 * A pull request is compared with the merge base of its base branch, as
 * GitHub shows it (`REF...HEAD`), not with the base branch's tip, which
 * has moved on; the working tree stands for HEAD, so that uncommitted
 * edits line up with the file being linted (`git diff --merge-base REF`).
 *
 * git runs once per repository, not once per file: one `git ls-files`
 * says which files are tracked (a file that is not is new as a whole) and
 * one `git diff` of the whole tree gives every file's hunks, which are
 * then looked up by path. No pathspec is passed at all, so a file name is
 * never a pattern or magic (`?.md`, `:(glob)*`), and the revision follows
 * --end-of-options, so it is never an option (`--output=x`). git runs
 * through fork and execvp with an argument vector, never a shell; its
 * standard error becomes the error message.
 */
#include "changed.h"
#include "git.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Hunk headers -------------------------------------------------------- */

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

/* Reads "@@ -a[,b] +c[,d] @@" at LINE (LEN bytes): the old and new
 * counts, and the new start. False when LINE is no hunk header. */
static bool parse_hunk(const char *line, size_t len, size_t *old_count,
                       size_t *new_first, size_t *new_count)
{
	const char *p = line + 4, *end = line + len;
	size_t old_first;

	if (len < 4 || memcmp(line, "@@ -", 4) != 0)
		return false;
	*old_count = *new_count = 1;
	if (!parse_count(&p, &old_first))
		return false;
	if (p < end && *p == ',' && !(p++, parse_count(&p, old_count)))
		return false;
	if (end - p < 2 || p[0] != ' ' || p[1] != '+')
		return false;
	p += 2;
	if (!parse_count(&p, new_first))
		return false;
	if (p < end && *p == ',' && !(p++, parse_count(&p, new_count)))
		return false;
	return true;
}

static void add_range(tl_changed *c, size_t first, size_t count)
{
	if (count == 0) /* lines only deleted */
		return;
	c->ranges = tl_grow(c->ranges, c->nranges, &c->cap, sizeof *c->ranges);
	c->ranges[c->nranges][0] = first;
	c->ranges[c->nranges][1] = first + count - 1;
	c->nranges++;
}

void tl_changed_parse(const char *diff, size_t len, tl_changed *out)
{
	size_t i = 0;

	memset(out, 0, sizeof *out);
	while (i < len) {
		const char *line = diff + i, *nl = memchr(line, '\n', len - i);
		size_t line_len = nl ? (size_t)(nl - line) : len - i;
		size_t old_count, first, count;

		i += line_len + 1;
		if (parse_hunk(line, line_len, &old_count, &first, &count))
			add_range(out, first, count);
	}
}

/* ---- Paths as git writes them ------------------------------------------ */

/* Appends to OUT the name at *P..END in git's C-style quoting
 * ("a\tb\346\226\207"), advancing *P past the closing quote. False when
 * it is not well formed. */
static bool unquote(const char **p, const char *end, tl_buf *out)
{
	const char *s = *p + 1;

	while (s < end && *s != '"') {
		char c = *s++;

		if (c == '\\') {
			static const char from[] = "abtnvfr\"\\";
			static const char to[] = "\a\b\t\n\v\f\r\"\\";
			const char *k;

			if (s >= end)
				return false;
			if (*s >= '0' && *s <= '3' && end - s >= 3 &&
			    s[1] >= '0' && s[1] <= '7' && s[2] >= '0' &&
			    s[2] <= '7') {
				c = (char)(((s[0] - '0') << 6) |
				           ((s[1] - '0') << 3) | (s[2] - '0'));
				s += 3;
			} else if ((k = strchr(from, *s)) != NULL && *s) {
				c = to[k - from];
				s++;
			} else {
				return false;
			}
		}
		tl_buf_append(out, &c, 1);
	}
	if (s >= end)
		return false;
	*p = s + 1;
	return true;
}

/* The path of a header line's name at P..END, PREFIX ("b/") removed:
 * quoted, or the rest of the line less the tab git adds after a name
 * holding a space. NULL when it is not one (caller frees). */
static char *header_path(const char *p, const char *end, const char *prefix)
{
	tl_buf b = {0};
	size_t pl = strlen(prefix);

	if (p < end && *p == '"') {
		if (!unquote(&p, end, &b) || b.len < pl ||
		    memcmp(b.data, prefix, pl) != 0) {
			tl_buf_free(&b);
			return NULL;
		}
		memmove(b.data, b.data + pl, b.len - pl + 1);
		return b.data;
	}
	if (end > p && end[-1] == '\t')
		end--;
	if ((size_t)(end - p) < pl || memcmp(p, prefix, pl) != 0)
		return NULL;
	return tl_xstrndup(p + pl, (size_t)(end - p) - pl);
}

/* "diff --git a/P b/P": the new path, when the line says it plainly: a
 * quoted second name, or two equal unquoted halves. (A rename with
 * spaces is ambiguous here; its "rename to" line names it.) */
static char *git_line_path(const char *p, const char *end)
{
	tl_buf a = {0};
	size_t half;

	if (p < end && *p == '"') {
		bool ok = unquote(&p, end, &a);

		tl_buf_free(&a);
		if (!ok || p >= end || *p != ' ')
			return NULL;
		return header_path(p + 1, end, "b/");
	}
	if (end > p && end[-1] == '"') {
		const char *q = p;

		/* a/P "b/Q": the quoted name starts after the last space
		 * that is followed by a quote and leaves a well-formed
		 * quoted tail; try each from the left. */
		while ((q = memchr(q, ' ', (size_t)(end - q))) != NULL) {
			char *r;

			q++;
			if (q < end && *q == '"' &&
			    (r = header_path(q, end, "b/")) != NULL)
				return r;
		}
		return NULL;
	}
	if ((size_t)(end - p) < 5 || ((size_t)(end - p) - 1) % 2 != 0)
		return NULL;
	half = ((size_t)(end - p) - 1) / 2;
	if (p[half] != ' ' || memcmp(p, "a/", 2) != 0 ||
	    memcmp(p + half + 1, "b/", 2) != 0 ||
	    memcmp(p + 2, p + half + 3, half - 2) != 0)
		return NULL;
	return tl_xstrndup(p + half + 3, half - 2);
}

/* ---- One repository ------------------------------------------------------ */

/* A file of the diff and its changed lines. */
typedef struct entry {
	char *path;
	tl_changed lines;
} entry;

static int compare_entries(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->path, ((const entry *)b)->path);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static entry *entry_for(entry **es, size_t *n, size_t *cap, char *path)
{
	entry *e;

	*es = tl_grow(*es, *n, cap, sizeof **es);
	e = &(*es)[(*n)++];
	memset(e, 0, sizeof *e);
	e->path = path;
	return e;
}

static bool starts(const char *line, const char *end, const char *word)
{
	size_t n = strlen(word);

	return (size_t)(end - line) >= n && memcmp(line, word, n) == 0;
}

/* Reads the per-file sections of a whole-tree `git diff --unified=0`
 * into *ES (N entries, sorted by path). The lines of a hunk are skipped by
 * its counts, so that an added line reading "++ x" ("+++ x" in the diff)
 * is never taken for a header. */
static void parse_tree_diff(const char *diff, size_t len, entry **es, size_t *n)
{
	size_t i = 0, old_left = 0, new_left = 0, cap = 0;
	entry *cur = NULL;
	char *path = NULL; /* the section's path while no entry exists */

	*es = NULL;
	*n = 0;
	while (i < len) {
		const char *line = diff + i, *nl = memchr(line, '\n', len - i);
		const char *end = nl ? nl : diff + len;
		size_t first, count, old_count;

		i = (size_t)(end - diff) + 1;
		if (old_left || new_left) {
			if (line < end && *line == '-' && old_left) {
				old_left--;
				continue;
			}
			if (line < end && *line == '+' && new_left) {
				new_left--;
				continue;
			}
			if (line < end && *line == '\\')
				continue; /* "\ No newline at end of file" */
			old_left = new_left = 0;
		}
		if (starts(line, end, "diff --git ")) {
			free(path);
			path = git_line_path(line + 11, end);
			cur = NULL;
		} else if (starts(line, end, "rename to ") ||
		           starts(line, end, "copy to ")) {
			const char *p = line + (line[0] == 'r' ? 10 : 8);
			char *q = p < end && *p == '"'
			              ? header_path(p, end, "")
			              : tl_xstrndup(p, (size_t)(end - p));

			if (q) {
				free(path);
				path = q;
				cur = NULL;
			}
		} else if (starts(line, end, "+++ ")) {
			char *q = header_path(line + 4, end, "b/");

			free(path);
			path = q; /* NULL for /dev/null: deleted */
			cur = NULL;
		} else if (starts(line, end, "Binary files ")) {
			/* A binary change has no hunks: all of it changed. */
			if (!cur && path) {
				cur = entry_for(es, n, &cap, path);
				path = NULL;
			}
			if (cur)
				cur->lines.all = true;
		} else if (parse_hunk(line, (size_t)(end - line), &old_count,
		                      &first, &count)) {
			if (!cur && path) {
				cur = entry_for(es, n, &cap, path);
				path = NULL;
			}
			if (cur)
				add_range(&cur->lines, first, count);
			old_left = old_count;
			new_left = count;
		}
	}
	free(path);
	if (*n > 1)
		qsort(*es, *n, sizeof **es, compare_entries);
}

/* ---- The set ------------------------------------------------------------- */

/* Where a file of the run is: its repository and its path inside it. */
typedef struct place {
	char *root; /* the repository's top folder (absolute, real) */
	char *rel;  /* the path below it, as git names it */
	size_t index;
} place;

struct tl_changed_set {
	tl_changed *files;
	size_t n;
};

static int compare_places(const void *pa, const void *pb)
{
	const place *a = pa, *b = pb;
	int c = strcmp(a->root, b->root);

	return c ? c : a->index < b->index ? -1 : a->index > b->index;
}

/* Runs the two git commands of one repository and fills the changed
 * lines of its files PS[0..N). */
static bool repo_lines(const char *ref, place *ps, size_t n, tl_changed *files,
                       tl_error *err)
{
	char *ls[] = {"git", "ls-files", "-z", "--cached", "--full-name", NULL};
	char *diff[] = {"git",
	                "diff",
	                "--no-color",
	                "--no-ext-diff",
	                "--no-textconv",
	                "--no-relative",
	                "--src-prefix=a/",
	                "--dst-prefix=b/",
	                "--find-renames",
	                "--unified=0",
	                "--merge-base",
	                "--end-of-options",
	                (char *)ref,
	                "--",
	                NULL};
	tl_buf tracked = {0}, patch = {0}, errs = {0};
	char **names = NULL;
	size_t nnames = 0, names_cap = 0, nentries = 0, i;
	entry *entries = NULL;
	int rc;

	rc = tl_git_run(ls, ps[0].root, NULL, 0, &tracked, &errs);
	if (rc == 0) {
		errs.len = 0;
		rc = tl_git_run(diff, ps[0].root, NULL, 0, &patch, &errs);
	}
	if (rc != 0) {
		tl_error_set(err, "", 0, 0, "--changed-since %s: %s: %s", ref,
		             ps[0].root,
		             rc < 0 ? "cannot run git"
		                    : tl_git_first_line(&errs));
		tl_buf_free(&tracked);
		tl_buf_free(&patch);
		tl_buf_free(&errs);
		return false;
	}
	for (i = 0; i < tracked.len;) {
		size_t l = strlen(tracked.data + i);

		names = tl_grow(names, nnames, &names_cap, sizeof *names);
		names[nnames++] = tracked.data + i;
		i += l + 1;
	}
	if (nnames > 1)
		qsort(names, nnames, sizeof *names, compare_strings);
	parse_tree_diff(patch.data ? patch.data : "", patch.len, &entries,
	                &nentries);

	for (i = 0; i < n; i++) {
		entry key = {ps[i].rel, {false, NULL, 0, 0}};
		entry *e = nentries ? bsearch(&key, entries, nentries,
		                              sizeof *entries, compare_entries)
		                    : NULL;
		tl_changed *out = &files[ps[i].index];

		if (e) {
			/* A copy: the same file may be given twice. */
			size_t bytes = e->lines.nranges * sizeof *out->ranges;

			*out = e->lines;
			out->ranges = bytes ? tl_xmalloc(bytes) : NULL;
			out->cap = e->lines.nranges;
			if (bytes)
				memcpy(out->ranges, e->lines.ranges, bytes);
		} else if (!nnames ||
		           !bsearch(&ps[i].rel, names, nnames, sizeof *names,
		                    compare_strings)) {
			out->all = true; /* not tracked: new as a whole */
		}
	}
	for (i = 0; i < nentries; i++) {
		free(entries[i].path);
		tl_changed_free(&entries[i].lines);
	}
	free(entries);
	free(names);
	tl_buf_free(&tracked);
	tl_buf_free(&patch);
	tl_buf_free(&errs);
	return true;
}

tl_changed_set *tl_changed_set_new(const char *ref, const char *const *files,
                                   size_t n, tl_error *err)
{
	tl_changed_set *s = tl_xcalloc(1, sizeof *s);
	place *ps = tl_xcalloc(n + 1, sizeof *ps);
	size_t i, start;
	bool ok = true;

	s->n = n;
	s->files = tl_xcalloc(n + 1, sizeof *s->files);
	for (i = 0; i < n && ok; i++) {
		ps[i].index = i;
		if (!tl_git_locate(files[i], &ps[i].root, &ps[i].rel)) {
			tl_error_set(
			    err, files[i], 0, 0,
			    "--changed-since: not in a git repository");
			ok = false;
		}
	}
	if (ok && n > 1)
		qsort(ps, n, sizeof *ps, compare_places);
	for (start = 0; ok && start < n;) {
		size_t end = start + 1;

		while (end < n && strcmp(ps[end].root, ps[start].root) == 0)
			end++;
		ok = repo_lines(ref, ps + start, end - start, s->files, err);
		start = end;
	}
	for (i = 0; i < n; i++) {
		free(ps[i].root);
		free(ps[i].rel);
	}
	free(ps);
	if (!ok) {
		tl_changed_set_free(s);
		return NULL;
	}
	return s;
}

const tl_changed *tl_changed_set_file(const tl_changed_set *s, size_t i)
{
	return &s->files[i];
}

void tl_changed_set_free(tl_changed_set *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		tl_changed_free(&s->files[i]);
	free(s->files);
	free(s);
}

bool tl_changed_has(const tl_changed *c, size_t line)
{
	size_t lo = 0, hi;

	if (c->all)
		return true;
	/* The first range that ends at LINE or after. */
	hi = c->nranges;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->ranges[mid][1] < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->nranges && c->ranges[lo][0] <= line;
}

void tl_changed_free(tl_changed *c)
{
	if (!c)
		return;
	free(c->ranges);
	c->ranges = NULL;
	c->nranges = c->cap = 0;
}
