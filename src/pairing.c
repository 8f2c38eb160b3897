/*
 * pairing.c: finding the original of a translation (pairing.h, DESIGN.md
 * section 8.1).
 *
 * Three conventions of real projects are covered by one mechanism: LCTT
 * moves sources/X to translated/X in the translation's pull request, so
 * the original is in the working tree no more and is read from the base
 * revision; gold-miner replaces the English text in the same file, so the
 * original is the same path at the base; side-by-side projects keep
 * X.en.md beside X.zh.md in the working tree.
 *
 * What git says about a revision in a repository (its commit, or why
 * there is none) is asked once and kept, under a lock: workers of the
 * command line look for originals at the same time.
 */
#include "pairing.h"
#include "git.h"
#include "io.h"
#include "option.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- Entries of source: ---------------------------------------------- */

pcre2_code *tl_pairing_compile(const char *match, size_t len, char *why,
                               size_t why_cap, size_t *at)
{
	return tl_regex_compile(match, len,
	                        PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
	                        why, why_cap, at);
}

bool tl_pairing_template_ok(const char *tpl, uint32_t groups, char *why,
                            size_t why_cap, size_t *at)
{
	size_t cp = 0;

	for (const char *s = tpl; *s; s++) {
		if (((unsigned char)*s & 0xC0) != 0x80)
			cp++;
		if (*s != '$')
			continue;
		*at = cp - 1;
		if (s[1] == '$') {
			s++;
			cp++;
			continue;
		}
		if (s[1] < '0' || s[1] > '9') {
			snprintf(
			    why, why_cap,
			    "'$' must be followed by a group number, $0 to "
			    "$9 (or '$$' for a dollar sign)");
			return false;
		}
		if ((uint32_t)(s[1] - '0') > groups) {
			snprintf(why, why_cap,
			         "$%c, but the match has %u group%s ($0 is the "
			         "whole path)",
			         s[1], groups, groups == 1 ? "" : "s");
			return false;
		}
	}
	return true;
}

tl_pairing_rule *tl_pairing_rule_new(char *match, pcre2_code *re,
                                     char *original, char *revision, char *dir,
                                     char *where)
{
	tl_pairing_rule *r = tl_xcalloc(1, sizeof *r);

	r->refs = 1;
	r->match = match;
	r->re = re;
	r->original = original;
	r->revision = revision;
	r->dir = dir;
	r->where = where;
	return r;
}

tl_pairing_rule *tl_pairing_rule_ref(tl_pairing_rule *r)
{
	r->refs++;
	return r;
}

void tl_pairing_rule_unref(tl_pairing_rule *r)
{
	if (!r || --r->refs > 0)
		return;
	free(r->match);
	pcre2_code_free(r->re);
	free(r->original);
	free(r->revision);
	free(r->dir);
	free(r->where);
	free(r);
}

void tl_pairing_result_free(tl_pairing_result *pair)
{
	if (!pair)
		return;
	free(pair->path);
	free(pair->data);
	free(pair->why);
	memset(pair, 0, sizeof *pair);
}

/* ---- Revisions ---------------------------------------------------------- */

/* What git said about one revision in one repository. */
typedef struct known_rev {
	char *root;
	char *rev;    /* as asked ("" for the base) */
	char *commit; /* its commit, or NULL */
	char *error;  /* why there is none (commit NULL) */
} known_rev;

struct tl_pairing {
	char *source_rev;
	char *changed_since;
	pthread_mutex_t lock;
	known_rev *revs;
	size_t nrevs, cap;
};

tl_pairing *tl_pairing_new(const char *source_rev, const char *changed_since)
{
	tl_pairing *p = tl_xcalloc(1, sizeof *p);

	p->source_rev = source_rev ? tl_xstrdup(source_rev) : NULL;
	p->changed_since = changed_since ? tl_xstrdup(changed_since) : NULL;
	pthread_mutex_init(&p->lock, NULL);
	return p;
}

void tl_pairing_free(tl_pairing *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nrevs; i++) {
		free(p->revs[i].root);
		free(p->revs[i].rev);
		free(p->revs[i].commit);
		free(p->revs[i].error);
	}
	free(p->revs);
	free(p->source_rev);
	free(p->changed_since);
	pthread_mutex_destroy(&p->lock);
	free(p);
}

static bool has_base(const tl_pairing *p)
{
	return p->source_rev || p->changed_since;
}

/* Asks git in ROOT for the commit of REV ("": the base) into K. */
static void ask_git(const tl_pairing *p, const char *root, const char *rev,
                    known_rev *k)
{
	tl_buf out = {0}, errs = {0}, spec = {0};
	const char *option = *rev            ? NULL
	                     : p->source_rev ? "--source-rev"
	                                     : "--changed-since";
	const char *shown = *rev            ? rev
	                    : p->source_rev ? p->source_rev
	                                    : p->changed_since;
	int rc;

	if (!*rev && !p->source_rev) {
		/* The base of a pull request: where its branch left REF. */
		char *argv[] = {
		    "git",  "merge-base", "--end-of-options", p->changed_since,
		    "HEAD", NULL};

		rc = tl_git_run(argv, root, NULL, 0, &out, &errs);
	} else {
		char *argv[] = {"git",     "rev-parse",        "--verify",
		                "--quiet", "--end-of-options", NULL,
		                NULL};

		tl_buf_printf(&spec, "%s^{commit}", shown);
		argv[5] = spec.data;
		rc = tl_git_run(argv, root, NULL, 0, &out, &errs);
	}
	while (out.len && (out.data[out.len - 1] == '\n'))
		out.data[--out.len] = '\0';
	if (rc == 0 && out.len) {
		k->commit = tl_xstrdup(out.data);
	} else {
		tl_buf e = {0};

		if (option)
			tl_buf_printf(&e, "%s %s: ", option, shown);
		else
			tl_buf_printf(&e, "revision %s: ", shown);
		if (rc < 0)
			tl_buf_puts(&e, "cannot run git");
		else if (!*rev && !p->source_rev)
			tl_buf_printf(&e, "no merge base with HEAD in %s%s%s",
			              root, errs.len ? ": " : "",
			              errs.len ? tl_git_first_line(&errs) : "");
		else
			tl_buf_printf(&e, "not a commit in %s", root);
		k->error = e.data;
	}
	tl_buf_free(&out);
	tl_buf_free(&errs);
	tl_buf_free(&spec);
}

/* The commit REV ("": the base) names in ROOT: a copy for the caller to
 * free, or NULL with *WHY a copy of the reason. */
static char *commit_of(tl_pairing *p, const char *root, const char *rev,
                       char **why)
{
	char *commit = NULL;
	known_rev *k = NULL;

	pthread_mutex_lock(&p->lock);
	for (size_t i = 0; i < p->nrevs && !k; i++)
		if (strcmp(p->revs[i].root, root) == 0 &&
		    strcmp(p->revs[i].rev, rev) == 0)
			k = &p->revs[i];
	if (!k) {
		p->revs = tl_grow(p->revs, p->nrevs, &p->cap, sizeof *p->revs);
		k = &p->revs[p->nrevs++];
		memset(k, 0, sizeof *k);
		k->root = tl_xstrdup(root);
		k->rev = tl_xstrdup(rev);
		ask_git(p, root, rev, k);
	}
	if (k->commit)
		commit = tl_xstrdup(k->commit);
	else
		*why = tl_xstrdup(k->error);
	pthread_mutex_unlock(&p->lock);
	return commit;
}

/* ---- Reading an original ---------------------------------------------- */

/* Reads ABS (an absolute path) at revision REV ("": the base) into PAIR.
 * SHOWN is ABS as messages show it. */
static tl_pairing_status read_git(tl_pairing *p, const char *abs,
                                  const char *shown, const char *rev,
                                  tl_pairing_result *pair, tl_error *err)
{
	char *root = NULL, *rel = NULL, *why = NULL, *commit;
	char *argv[] = {"git", "cat-file", "--batch", NULL};
	tl_buf in = {0}, out = {0}, errs = {0};
	tl_pairing_status st = TL_PAIRING_ERROR;
	int rc;

	if (!tl_git_locate(abs, &root, &rel)) {
		tl_error_set(err, shown, 0, 0,
		             "cannot read the original at %s: not in a git "
		             "repository",
		             *rev ? rev : "the base revision");
		return TL_PAIRING_ERROR;
	}
	commit = commit_of(p, root, rev, &why);
	if (!commit) {
		tl_error_set(err, shown, 0, 0, "cannot read the original: %s",
		             why);
		goto done;
	}
	if (strchr(rel, '\n')) {
		/* cat-file --batch reads one object name a line. */
		tl_error_set(err, shown, 0, 0,
		             "cannot read the original from git: its name "
		             "holds a line break");
		goto done;
	}
	tl_buf_printf(&in, "%s:%s\n", commit, rel);
	if (in.len > TL_GIT_MAX_INPUT) {
		tl_error_set(err, shown, 0, 0,
		             "cannot read the original from git: its name is "
		             "too long");
		goto done;
	}
	rc = tl_git_run(argv, root, in.data, in.len, &out, &errs);
	const char *nl = out.data ? memchr(out.data, '\n', out.len) : NULL;
	if (rc != 0 || !nl) {
		tl_error_set(
		    err, shown, 0, 0, "cannot read the original from git: %s",
		    rc < 0 ? "cannot run git" : tl_git_first_line(&errs));
		goto done;
	}
	/* "OID TYPE SIZE" then the bytes, or "NAME missing". */
	size_t head = (size_t)(nl - out.data);
	const char *rev_shown = *rev ? rev : p->source_rev;
	tl_buf name = {0};
	if (rev_shown)
		tl_buf_printf(&name, "%s:%s", rev_shown, rel);
	else /* the merge base: its commit, short, as git names it */
		tl_buf_printf(&name, "%.12s:%s", commit, rel);
	if (head >= 8 && memcmp(nl - 8, " missing", 8) == 0) {
		pair->path = name.data;
		tl_buf e = {0};
		tl_buf_printf(&e, "%s is not in %s", rel,
		              rev_shown ? rev_shown : "the base revision");
		pair->why = e.data;
		st = TL_PAIRING_NONE;
		goto done;
	}
	char type[16] = "";
	unsigned long long size = 0;
	const char *sp = memchr(out.data, ' ', head);
	if (!sp || sscanf(sp + 1, "%15s %llu", type, &size) != 2 ||
	    size > out.len - head - 1) {
		tl_error_set(err, name.data, 0, 0,
		             "cannot read the original from git: unexpected "
		             "answer from git cat-file");
		tl_buf_free(&name);
		goto done;
	}
	if (strcmp(type, "blob") != 0) {
		tl_error_set(err, name.data, 0, 0,
		             "cannot read the original: a %s, not a file",
		             type);
		tl_buf_free(&name);
		goto done;
	}
	pair->path = name.data;
	tl_buf how = {0};
	if (*rev)
		tl_buf_printf(&how, "read from git at revision %s", rev);
	else if (p->source_rev)
		tl_buf_printf(&how,
		              "read from git at the base, --source-rev %s",
		              p->source_rev);
	else
		tl_buf_printf(&how,
		              "read from git at the base, the merge base of "
		              "--changed-since %s and HEAD (%.12s)",
		              p->changed_since, commit);
	pair->why = how.data;
	pair->len = (size_t)size;
	pair->data = tl_xmalloc(pair->len + 1);
	memcpy(pair->data, nl + 1, pair->len);
	pair->data[pair->len] = '\0';
	st = TL_PAIRING_FOUND;
done:
	free(root);
	free(rel);
	free(why);
	free(commit);
	tl_buf_free(&in);
	tl_buf_free(&out);
	tl_buf_free(&errs);
	return st;
}

/* Reads the original at ABS (absolute) into PAIR: at REVISION when given
 * ("base": the base), else from the working tree, falling back to the
 * base when it is absent there. */
static tl_pairing_status read_original(tl_pairing *p, const char *abs,
                                       const char *revision,
                                       tl_pairing_result *pair, tl_error *err)
{
	char *shown = tl_path_shorten(tl_xstrdup(abs));
	tl_pairing_status st;
	struct stat sb;

	if (!revision) {
		if (stat(abs, &sb) == 0) {
			int rc;

			if (!S_ISREG(sb.st_mode)) {
				tl_error_set(err, shown, 0, 0,
				             "cannot read the original: %s",
				             S_ISDIR(sb.st_mode)
				                 ? "a folder, not a file"
				                 : "not a regular file");
				free(shown);
				return TL_PAIRING_ERROR;
			}
			rc = tl_io_read_file(abs, &pair->data, &pair->len, NULL,
			                     err);
			if (rc != 0) {
				char why[sizeof err->message];

				snprintf(why, sizeof why, "%s", err->message);
				tl_error_set(err, shown, 0, 0,
				             "cannot read the original: %s",
				             why);
				free(shown);
				return TL_PAIRING_ERROR;
			}
			pair->path = shown;
			pair->why = tl_xstrdup("read from the working tree");
			return TL_PAIRING_FOUND;
		}
		if (errno != ENOENT && errno != ENOTDIR) {
			tl_error_set(err, shown, 0, 0,
			             "cannot read the original: %s",
			             strerror(errno));
			free(shown);
			return TL_PAIRING_ERROR;
		}
		if (!has_base(p)) {
			tl_buf why = {0};

			tl_buf_printf(&why,
			              "%s does not exist, and no base revision "
			              "was given to read it from (--source-rev "
			              "or --changed-since)",
			              shown);
			pair->path = shown;
			pair->why = why.data;
			return TL_PAIRING_NONE;
		}
		revision = "base";
	}
	if (strcmp(revision, "base") == 0 && !has_base(p)) {
		tl_buf why = {0};

		tl_buf_printf(&why,
		              "%s is read at the base revision, and none was "
		              "given (--source-rev or --changed-since)",
		              shown);
		pair->path = shown;
		pair->why = why.data;
		return TL_PAIRING_NONE;
	}
	st = read_git(p, abs, shown,
	              strcmp(revision, "base") == 0 ? "" : revision, pair, err);
	if (st == TL_PAIRING_NONE && !pair->path)
		pair->path = tl_xstrdup(shown);
	free(shown);
	return st;
}

/* $0..$9 of M in TPL, $$ a dollar sign (the template was checked when
 * the configuration loaded). */
static char *substitute(const char *tpl, const char *subject,
                        pcre2_match_data *m)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m);
	uint32_t pairs = pcre2_get_ovector_count(m);
	tl_buf b = {0};

	tl_buf_puts(&b, "");
	for (const char *s = tpl; *s; s++) {
		if (*s != '$' || !s[1]) {
			tl_buf_putc(&b, *s);
			continue;
		}
		s++;
		if (*s == '$') {
			tl_buf_putc(&b, '$');
			continue;
		}
		uint32_t g = (uint32_t)(*s - '0');
		if (g < pairs && ov[2 * g] != PCRE2_UNSET)
			tl_buf_append(&b, subject + ov[2 * g],
			              ov[2 * g + 1] - ov[2 * g]);
	}
	return b.data;
}

tl_pairing_status tl_pairing_find(tl_pairing *p, const tl_config *cfg,
                                  const char *path, tl_pairing_result *pair,
                                  tl_error *err)
{
	char *abs = tl_path_abs(path);
	size_t n = tl_config_source_count(cfg);
	tl_pairing_status st = TL_PAIRING_NONE;
	bool matched = false;

	memset(pair, 0, sizeof *pair);
	pair->required = tl_config_source_required(cfg);
	for (size_t i = 0; i < n && !matched; i++) {
		const tl_pairing_rule *r = tl_config_source_at(cfg, i);
		size_t dl = strlen(r->dir);
		const char *rel;

		/* The path relative to the entry's folder; a file outside
		 * that folder is no business of the entry. */
		if (strcmp(r->dir, "/") == 0)
			rel = abs + 1;
		else if (strncmp(abs, r->dir, dl) == 0 && abs[dl] == '/')
			rel = abs + dl + 1;
		else
			continue;
		pcre2_match_data *m =
		    pcre2_match_data_create_from_pattern(r->re, NULL);
		int rc = pcre2_match(r->re, (PCRE2_SPTR)rel, strlen(rel), 0, 0,
		                     m, NULL);
		if (rc < 0) {
			pcre2_match_data_free(m);
			continue;
		}
		matched = true;
		char *sub = substitute(r->original, rel, m);
		pcre2_match_data_free(m);
		tl_buf full = {0};
		tl_buf_printf(&full, "%s/%s", r->dir, sub);
		char *orig = tl_path_abs(sub[0] == '/' ? sub : full.data);
		tl_buf_free(&full);
		st = read_original(p, orig, r->revision, pair, err);
		tl_buf how = {0};
		tl_buf_printf(&how,
		              "source: entry of %s, match \"%s\", "
		              "original \"%s\"",
		              r->where, r->match, r->original);
		if (r->revision)
			tl_buf_printf(&how, ", revision %s", r->revision);
		tl_buf_printf(&how, " -> %s", sub);
		if (pair->why)
			tl_buf_printf(&how, "; %s", pair->why);
		free(pair->why);
		pair->why = how.data;
		free(sub);
		free(orig);
	}
	if (!matched) {
		tl_buf why = {0};

		if (n)
			tl_buf_printf(&why,
			              "no source: entry matches (%zu "
			              "tried)",
			              n);
		else
			tl_buf_puts(&why, "the configuration has no source: "
			                  "entries");
		pair->why = why.data;
	}
	free(abs);
	return st;
}

tl_pairing_status tl_pairing_read(tl_pairing *p, const char *original,
                                  tl_pairing_result *pair, tl_error *err)
{
	char *abs = tl_path_abs(original);
	tl_pairing_status st;

	memset(pair, 0, sizeof *pair);
	st = read_original(p, abs, NULL, pair, err);
	if (st != TL_PAIRING_ERROR) {
		tl_buf how = {0};

		tl_buf_puts(&how, "--source");
		if (pair->why)
			tl_buf_printf(&how, "; %s", pair->why);
		free(pair->why);
		pair->why = how.data;
	}
	free(abs);
	return st;
}
