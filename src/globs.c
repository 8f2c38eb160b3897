/*
 * globs.c: ordered lists of path globs read as git reads .gitignore
 * (gitignore(5)), so that ignore: in a configuration means what users of
 * git, ripgrep and markdownlint-cli2 expect, and a folder walk can honour
 * the .gitignore files with the same code.
 *
 * A glob is kept as one rule per {a,b} alternative. A path's verdict is
 * the one of the last rule matching it, so a later "!keep.md" takes back
 * what an earlier "*.md" ignored; and, as in git, a file inside an
 * ignored folder is ignored whatever a later rule says about the file
 * (git never looks into such a folder). Paths are absolute; each rule
 * matches only below its own folder.
 */
#include "globs.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* At most this many alternatives out of one glob's braces. */
#define MAX_ALTERNATIVES 256
/* A .gitignore larger than this is read no further. */
#define MAX_GITIGNORE ((size_t)1 << 20)

typedef struct rule {
	char *pat;     /* no "!", no leading "/" or "./", no trailing "/" */
	char *dir;     /* absolute folder it is relative to */
	bool negated;  /* "!" */
	bool dir_only; /* a trailing "/" */
	bool anchored; /* relative to DIR, not a name at any depth */
} rule;

struct tl_globs {
	rule *r;
	size_t n, cap;
};

tl_globs *tl_globs_new(void)
{
	return tl_xcalloc(1, sizeof(tl_globs));
}

static void rule_free(rule *r)
{
	free(r->pat);
	free(r->dir);
}

void tl_globs_truncate(tl_globs *g, size_t n)
{
	while (g->n > n)
		rule_free(&g->r[--g->n]);
}

void tl_globs_free(tl_globs *g)
{
	if (!g)
		return;
	tl_globs_truncate(g, 0);
	free(g->r);
	free(g);
}

size_t tl_globs_count(const tl_globs *g)
{
	return g ? g->n : 0;
}

tl_globs *tl_globs_copy(const tl_globs *g)
{
	tl_globs *c = tl_globs_new();

	for (size_t i = 0; g && i < g->n; i++) {
		c->r = tl_grow(c->r, c->n, &c->cap, sizeof *c->r);
		c->r[c->n] = g->r[i];
		c->r[c->n].pat = tl_xstrdup(g->r[i].pat);
		c->r[c->n].dir = tl_xstrdup(g->r[i].dir);
		c->n++;
	}
	return c;
}

/* ---- Reading a glob ------------------------------------------------------ */

/* The end of the class that starts at P ('['), or NULL when it is not
 * closed within its segment. A ']' right after "[" or "[!" is a member. */
static const char *class_end(const char *p)
{
	const char *q = p + 1;

	if (*q == '!' || *q == '^')
		q++;
	if (*q == ']')
		q++;
	for (; *q && *q != ']' && *q != '/'; q++)
		if (*q == '\\' && q[1])
			q++;
	return *q == ']' ? q : NULL;
}

/* What makes segment S (LEN bytes) unable to match a name, or NULL. */
static const char *segment_problem(const char *s, size_t len, bool gitignore)
{
	if (len == 0)
		return "an empty path segment ('//') matches nothing";
	if ((len == 1 && s[0] == '.') ||
	    (len == 2 && s[0] == '.' && s[1] == '.'))
		return "'.' and '..' segments match nothing (globs are "
		       "relative to the configuration's folder, below it)";
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\\') {
			if (i + 1 == len)
				return "the glob ends with a backslash";
			i++;
		} else if (s[i] == '[') {
			const char *e = class_end(s + i);
			const char *q = s + i + 1;

			if (!e || e > s + len)
				return "unclosed '[' (a class ends within its "
				       "path segment)";
			if (*q == '!' || *q == '^')
				q++;
			for (; q + 2 < e; q++)
				if (q[1] == '-' && q[2] != ']' &&
				    (unsigned char)q[2] < (unsigned char)q[0])
					return "a reversed range in '[...]' "
					       "matches nothing";
			i = (size_t)(e - s);
		} else if (s[i] == '*' && i + 1 < len && s[i + 1] == '*' &&
		           len != 2 && !gitignore) {
			/* git reads it as "*" (compile() does that for a
			 * .gitignore); in a configuration it is a slip. */
			return "'**' must be a whole path segment "
			       "('**/x', 'x/**', 'a/**/b')";
		}
	}
	return NULL;
}

/* Makes a rule of one alternative S (without its "!"). NULL, or what is
 * wrong. */
static const char *compile(const char *s, const char *dir, bool negated,
                           tl_globs_syntax syntax, rule *out)
{
	bool gitignore = syntax == TL_GLOBS_GITIGNORE;
	bool anchored = false, dir_only = false;
	size_t len = strlen(s);
	char *p;
	const char *why = NULL;

	while (len > 0 && s[len - 1] == '/' &&
	       !(len > 1 && s[len - 2] == '\\')) {
		dir_only = true;
		len--;
	}
	for (;;) {
		if (len >= 2 && s[0] == '.' && s[1] == '/') {
			s += 2;
			len -= 2;
		} else if (len >= 1 && s[0] == '/') {
			s++;
			len--;
		} else {
			break;
		}
		anchored = true;
	}
	if (len == 0)
		return "an empty glob matches nothing";
	p = tl_xstrndup(s, len);
	anchored |= memchr(p, '/', len) != NULL;
	/* Each segment, and "**" within a name (git: a plain "*"). */
	{
		tl_buf clean = {0};
		size_t i = 0;

		tl_buf_puts(&clean, "");
		while (!why) {
			char *e = strchr(p + i, '/');
			size_t sl = e ? (size_t)(e - (p + i)) : strlen(p + i);
			char *seg = tl_xstrndup(p + i, sl);

			why = segment_problem(seg, sl, gitignore);
			if (!why && gitignore && strcmp(seg, "**") != 0) {
				/* "a**b" is "a*b" to git. */
				char *w = seg;

				for (char *r = seg; *r; r++)
					if (!(r[0] == '*' && r[1] == '*'))
						*w++ = *r;
				*w = '\0';
			}
			/* Consecutive "**" segments are one. */
			if (!why &&
			    !(strcmp(seg, "**") == 0 && clean.len >= 2 &&
			      strcmp(clean.data + clean.len - 2, "**") == 0 &&
			      (clean.len == 2 ||
			       clean.data[clean.len - 3] == '/'))) {
				if (clean.len)
					tl_buf_putc(&clean, '/');
				tl_buf_puts(&clean, seg);
			}
			free(seg);
			if (!e)
				break;
			i += sl + 1;
		}
		free(p);
		if (why) {
			tl_buf_free(&clean);
			return why;
		}
		p = clean.data;
	}
	out->pat = p;
	out->dir = tl_xstrdup(dir);
	out->negated = negated;
	out->dir_only = dir_only;
	out->anchored = anchored;
	return NULL;
}

/* Appends to ALTS (*N of them) every expansion of S's braces. */
static const char *expand(const char *s, char ***alts, size_t *n, size_t *cap)
{
	const char *open = NULL, *close = NULL;
	int depth = 0;

	for (const char *q = s; *q && !close; q++) {
		if (*q == '\\' && q[1]) {
			q++;
		} else if (*q == '[') {
			const char *e = class_end(q);

			if (e)
				q = e;
		} else if (*q == '{') {
			if (depth++ == 0)
				open = q;
		} else if (*q == '}' && depth > 0) {
			if (--depth == 0)
				close = q;
		}
	}
	if (open && !close)
		return "unclosed '{'";
	if (!open) {
		if (*n >= MAX_ALTERNATIVES)
			return "more than 256 alternatives in '{...}'";
		*alts = tl_grow(*alts, *n, cap, sizeof **alts);
		(*alts)[(*n)++] = tl_xstrdup(s);
		return NULL;
	}
	/* Each top-level alternative between OPEN and CLOSE. */
	for (const char *a = open + 1;;) {
		const char *e = a;
		int d = 0;

		for (; e < close; e++) {
			if (*e == '\\' && e + 1 < close)
				e++;
			else if (*e == '{')
				d++;
			else if (*e == '}')
				d--;
			else if (*e == ',' && d == 0)
				break;
		}
		tl_buf one = {0};
		const char *why;

		tl_buf_append(&one, s, (size_t)(open - s));
		tl_buf_append(&one, a, (size_t)(e - a));
		tl_buf_puts(&one, close + 1);
		why = expand(one.data, alts, n, cap);
		tl_buf_free(&one);
		if (why)
			return why;
		if (e >= close)
			break;
		a = e + 1;
	}
	return NULL;
}

const char *tl_globs_add(tl_globs *g, const char *pattern, const char *dir,
                         tl_globs_syntax syntax)
{
	bool negated = pattern[0] == '!';
	const char *body = pattern + negated;
	char **alts = NULL;
	size_t nalts = 0, cap = 0, start = g->n;
	const char *why = NULL;

	if (syntax == TL_GLOBS_CONFIG) {
		why = expand(body, &alts, &nalts, &cap);
	} else {
		alts = tl_xmalloc(sizeof *alts);
		alts[nalts++] = tl_xstrdup(body);
	}
	for (size_t i = 0; i < nalts; i++) {
		rule r;
		const char *w;

		if (why) {
			free(alts[i]);
			continue;
		}
		w = compile(alts[i], dir, negated, syntax, &r);
		free(alts[i]);
		if (w) {
			if (syntax == TL_GLOBS_CONFIG)
				why = w;
			continue; /* git drops what cannot match */
		}
		g->r = tl_grow(g->r, g->n, &g->cap, sizeof *g->r);
		g->r[g->n++] = r;
	}
	free(alts);
	if (why)
		tl_globs_truncate(g, start);
	return why;
}

void tl_globs_add_file(tl_globs *g, const char *path, const char *dir)
{
	tl_buf data = {0};
	char chunk[8192];
	int fd;

	do
		fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		return;
	for (;;) {
		ssize_t got = read(fd, chunk, sizeof chunk);

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0 || data.len > MAX_GITIGNORE)
			break;
		tl_buf_append(&data, chunk, (size_t)got);
	}
	close(fd);
	for (size_t i = 0; i < data.len;) {
		char *line = data.data + i,
		     *nl = memchr(line, '\n', data.len - i);
		size_t len = nl ? (size_t)(nl - line) : data.len - i;

		i += len + 1;
		line[len] = '\0';
		if (len && line[len - 1] == '\r')
			line[--len] = '\0';
		/* Trailing spaces go, unless the last is escaped. */
		while (len && line[len - 1] == ' ' &&
		       !(len > 1 && line[len - 2] == '\\'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		tl_globs_add(g, line, dir, TL_GLOBS_GITIGNORE);
	}
	tl_buf_free(&data);
}

/* ---- Matching ------------------------------------------------------------ */

static bool match_segment(const char *p, size_t plen, const char *s,
                          size_t slen)
{
	char pb[1024], sb[1024];

	if (plen >= sizeof pb || slen >= sizeof sb)
		return false;
	memcpy(pb, p, plen);
	pb[plen] = '\0';
	memcpy(sb, s, slen);
	sb[slen] = '\0';
	return fnmatch(pb, sb, 0) == 0;
}

/* Matches '/'-separated pattern P against relative path S; "**" as a
 * whole segment matches any number of segments (zero included). */
static bool match_path(const char *p, const char *s)
{
	if (p[0] == '*' && p[1] == '*' && (p[2] == '/' || p[2] == '\0')) {
		if (p[2] == '\0')
			return true;
		for (const char *t = s;;) {
			if (match_path(p + 3, t))
				return true;
			t = strchr(t, '/');
			if (!t)
				return false;
			t++;
		}
	}
	const char *pe = strchr(p, '/');
	const char *se = strchr(s, '/');
	size_t pl = pe ? (size_t)(pe - p) : strlen(p);
	size_t sl = se ? (size_t)(se - s) : strlen(s);

	if (!match_segment(p, pl, s, sl))
		return false;
	if (!pe)
		return !se;
	if (!se)
		return false;
	return match_path(pe + 1, se + 1);
}

static bool rule_matches(const rule *r, const char *path, bool is_dir)
{
	size_t dl = strlen(r->dir);
	const char *rel;

	if (r->dir_only && !is_dir)
		return false;
	if (strcmp(r->dir, "/") == 0)
		rel = path + 1;
	else if (strncmp(path, r->dir, dl) == 0 && path[dl] == '/')
		rel = path + dl + 1;
	else
		return false;
	if (!*rel)
		return false;
	if (!r->anchored) {
		const char *base = strrchr(rel, '/');

		base = base ? base + 1 : rel;
		return match_segment(r->pat, strlen(r->pat), base,
		                     strlen(base));
	}
	return match_path(r->pat, rel);
}

int tl_globs_verdict(const tl_globs *g, const char *path, bool is_dir)
{
	for (size_t i = g ? g->n : 0; i-- > 0;)
		if (rule_matches(&g->r[i], path, is_dir))
			return g->r[i].negated ? 0 : 1;
	return -1;
}

bool tl_globs_match(const tl_globs *g, const char *path)
{
	char *copy;
	bool hit = false;

	if (!g || !g->n)
		return false;
	copy = tl_xstrdup(path);
	/* Each folder from the top, then the file. */
	for (char *s = copy + 1; !hit && (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		hit = tl_globs_verdict(g, copy, true) == 1;
		*s = '/';
	}
	if (!hit)
		hit = tl_globs_verdict(g, copy, false) == 1;
	free(copy);
	return hit;
}
