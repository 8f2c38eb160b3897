/*
 * config_resolve.c: which configuration applies to a file, for every
 * embedding of the library (the command line and the language server).
 *
 * The nearest .translint.yml walking up from the file's folder (or the one
 * file the caller names, -c), each loaded once; its overrides: blocks that
 * match the file applied; then the caller's rule choices (--select,
 * --enable, --disable, --severity) on top. A file that no configuration
 * file governs gets the preset with the choices applied. Each distinct
 * result is built once and shared by the files it applies to.
 *
 * A resolver that watches (the language server's) lives as long as its
 * caller and is asked again on every keystroke: it keeps what it loaded
 * and checks, at each question, that the files a configuration was read
 * from (the file and every file it extends) are still the same (device,
 * inode, size, modification and change times), loading again only what
 * changed. A resolver that does not watch (a command-line run) trusts what
 * it loaded for its whole life, and asks the file system once per folder.
 */
#include "config_impl.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* What a file was when a configuration was read from it. */
typedef struct file_id {
	bool exists;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime, ctime;
} file_id;

/* One configuration file and the configurations derived from it: one per
 * set of overrides blocks that match a file, each with the choices
 * applied. */
typedef struct res_file {
	char *path;
	tl_config *cfg;      /* as loaded; NULL: it failed to load */
	tl_error err;        /* why, when CFG is NULL */
	tl_option_list read; /* the files the load read (absolute) */
	file_id *ids;        /* what they were */
	unsigned long *masks;
	tl_config **variants;
	size_t nvariants;
} res_file;

/* The configuration file found for the files of one folder (the folder
 * as the path names it). */
typedef struct dir_found {
	char *dir;
	char *found; /* NULL: no configuration file applies */
} dir_found;

struct tl_resolver {
	char *config_file;       /* -c, or NULL */
	char *preset;            /* replaces the files' extends, or NULL */
	tl_rule_choice *choices; /* the selections first, then the rest in
	                            the order given */
	size_t nchoices, nselect;
	bool watch;
	tl_config *base;   /* the preset with the choices applied, for files
	                      no configuration file applies to */
	tl_error base_err; /* why not, when base_known is 0 */
	int base_known;    /* whether the base takes the choices' rule names:
	                      -1 not yet checked, else 0 or 1 */
	res_file *files;   /* with a config_file, files[0] is that file */
	size_t nfiles;
	dir_found *dirs; /* tl_config_find's answer for each folder seen */
	size_t ndirs, cap_dirs;
	size_t loads; /* configuration files loaded (tl_resolver_loads) */
};

static file_id id_of(const char *path)
{
	struct stat st;
	file_id id;
	memset(&id, 0, sizeof id);
	if (stat(path, &st) != 0)
		return id;
	id.exists = true;
	id.dev = st.st_dev;
	id.ino = st.st_ino;
	id.size = st.st_size;
	id.mtime = st.st_mtim;
	id.ctime = st.st_ctim;
	return id;
}

static bool id_same(const file_id *a, const file_id *b)
{
	return a->exists == b->exists && a->dev == b->dev && a->ino == b->ino &&
	       a->size == b->size && a->mtime.tv_sec == b->mtime.tv_sec &&
	       a->mtime.tv_nsec == b->mtime.tv_nsec &&
	       a->ctime.tv_sec == b->ctime.tv_sec &&
	       a->ctime.tv_nsec == b->ctime.tv_nsec;
}

/* The built-in or custom rule NAME of CFG, or NULL. */
static const tl_rule *rule_of(const tl_config *cfg, const char *name)
{
	const tl_rule *r = tl_rule_find(name);
	for (size_t i = 0; !r && i < tl_config_custom_count(cfg); i++)
		if (strcmp(tl_config_custom_rule(cfg, i)->name, name) == 0)
			r = tl_config_custom_rule(cfg, i);
	return r;
}

/* Applies the choices of R to CFG. Every rule they name must be a rule
 * of CFG when STRICT, or ERR is filled and false returned; otherwise the
 * unknown ones are passed over (they may be custom rules of a
 * configuration file not loaded yet). */
static bool apply_choices(const tl_resolver *r, tl_config *cfg, bool strict,
                          tl_error *err)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	const tl_rule_choice *sel = r->choices;
	size_t nsel = r->nselect;

	for (size_t i = 0; i < r->nchoices; i++) {
		if (!rule_of(cfg, r->choices[i].rule)) {
			if (!strict)
				continue;
			tl_config_unknown_rule(cfg, r->choices[i].rule, err);
			return false;
		}
	}
	/* Selections: only these rules, each as the configuration has it,
	 * or at its default severity when the configuration has it off. */
	for (size_t i = 0; nsel && i < tl_config_custom_count(cfg); i++) {
		const tl_rule *c = tl_config_custom_rule(cfg, i);
		bool chosen = false;
		for (size_t k = 0; k < nsel && !chosen; k++)
			chosen = strcmp(sel[k].rule, c->name) == 0;
		if (!chosen)
			tl_config_set_severity(cfg, c->name, TL_SEVERITY_OFF);
	}
	for (size_t i = 0; nsel && i < n; i++) {
		bool chosen = false;
		for (size_t k = 0; k < nsel && !chosen; k++)
			chosen = strcmp(sel[k].rule, rules[i]->name) == 0;
		if (!chosen)
			tl_config_set_severity(cfg, rules[i]->name,
			                       TL_SEVERITY_OFF);
		else if (tl_config_severity(cfg, rules[i]->name) ==
		         TL_SEVERITY_OFF)
			tl_config_set_severity(cfg, rules[i]->name,
			                       rules[i]->severity);
	}
	for (size_t i = nsel; i < r->nchoices; i++) {
		const tl_rule_choice *ch = &r->choices[i];
		const tl_rule *rule = rule_of(cfg, ch->rule);
		if (!rule)
			continue;
		switch (ch->kind) {
		case TL_CHOICE_ENABLE:
			if (tl_config_severity(cfg, ch->rule) ==
			    TL_SEVERITY_OFF)
				tl_config_set_severity(cfg, ch->rule,
				                       rule->severity);
			break;
		case TL_CHOICE_DISABLE:
			tl_config_set_severity(cfg, ch->rule, TL_SEVERITY_OFF);
			break;
		case TL_CHOICE_SEVERITY:
			tl_config_set_severity(cfg, ch->rule, ch->severity);
			break;
		case TL_CHOICE_SELECT:
			break;
		}
	}
	return true;
}

/* Drops what F holds but its path. */
static void file_clear(res_file *f)
{
	for (size_t k = 0; k < f->nvariants; k++)
		tl_config_free(f->variants[k]);
	free(f->variants);
	free(f->masks);
	tl_config_free(f->cfg);
	for (size_t k = 0; k < f->read.n; k++)
		free(f->read.items[k]);
	free(f->read.items);
	free(f->ids);
	char *path = f->path;
	memset(f, 0, sizeof *f);
	f->path = path;
}

/* Loads F->path into F; false with F->err filled when it cannot. */
static bool file_load(tl_resolver *r, res_file *f)
{
	r->loads++;
	f->cfg = tl_config_load_reading(f->path, r->preset, &f->err, &f->read);
	/* What the files are now: a write after the read is seen at the
	 * next question (one between the read and this stat, in the same
	 * instant, waits for the file's next change). */
	f->ids = tl_xcalloc(f->read.n + 1, sizeof *f->ids);
	for (size_t k = 0; k < f->read.n; k++)
		f->ids[k] = id_of(f->read.items[k]);
	return f->cfg != NULL;
}

/* Whether the files F was read from are still what they were. */
static bool file_fresh(const res_file *f)
{
	for (size_t k = 0; k < f->read.n; k++) {
		file_id now = id_of(f->read.items[k]);
		if (!id_same(&now, &f->ids[k]))
			return false;
	}
	return true;
}

/* Adds configuration file PATH to R, loaded. When it cannot be loaded,
 * ERR is filled and, unless R watches (and keeps the failure, to be tried
 * again when the file changes), nothing is added and NULL returned. */
static res_file *files_add(tl_resolver *r, const char *path, tl_error *err)
{
	res_file f;
	memset(&f, 0, sizeof f);
	f.path = tl_xstrdup(path);
	if (!file_load(r, &f)) {
		*err = f.err;
		if (!r->watch) {
			file_clear(&f);
			free(f.path);
			return NULL;
		}
	}
	r->files = tl_xrealloc(r->files, (r->nfiles + 1) * sizeof *r->files);
	r->files[r->nfiles] = f;
	return &r->files[r->nfiles++];
}

tl_resolver *tl_resolver_new(const char *config_file, const char *preset,
                             const tl_rule_choice *choices, size_t nchoices,
                             bool watch, tl_error *err)
{
	tl_resolver *r = tl_xcalloc(1, sizeof *r);
	r->config_file = config_file ? tl_xstrdup(config_file) : NULL;
	r->preset = preset ? tl_xstrdup(preset) : NULL;
	r->watch = watch;
	r->base_known = -1;
	r->choices = tl_xcalloc(nchoices + 1, sizeof *r->choices);
	/* The selections first: they apply together, whatever their order;
	 * the other choices apply one after the other. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < nchoices; i++) {
			if ((choices[i].kind == TL_CHOICE_SELECT) !=
			    (pass == 0))
				continue;
			r->choices[r->nchoices] = choices[i];
			r->choices[r->nchoices++].rule =
			    tl_xstrdup(choices[i].rule);
			r->nselect += pass == 0;
		}
	/* What the caller names is loaded before any file is looked at, so
	 * that a bad preset or configuration stops a run even when there
	 * is nothing to lint. */
	if (config_file &&
	    (!files_add(r, config_file, err) || !r->files[0].cfg)) {
		tl_resolver_free(r);
		return NULL;
	}
	r->base = tl_config_preset(preset ? preset : "recommended", err);
	if (!r->base) {
		tl_resolver_free(r);
		return NULL;
	}
	/* Names that are no built-in rule may be custom rules of a
	 * configuration file found later: checked when the base is used. */
	apply_choices(r, r->base, false, err);
	return r;
}

void tl_resolver_free(tl_resolver *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nfiles; i++) {
		file_clear(&r->files[i]);
		free(r->files[i].path);
	}
	free(r->files);
	for (size_t i = 0; i < r->ndirs; i++) {
		free(r->dirs[i].dir);
		free(r->dirs[i].found);
	}
	free(r->dirs);
	for (size_t i = 0; i < r->nchoices; i++)
		free((char *)r->choices[i].rule);
	free(r->choices);
	tl_config_free(r->base);
	free(r->config_file);
	free(r->preset);
	free(r);
}

/* tl_config_find for PATH. Without watching, asked once per folder: a
 * walk up the tree is a dozen system calls, and a run lints many files
 * of one folder. The answer is owned by R. */
static const char *find_config(tl_resolver *r, const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t len = slash ? (size_t)(slash - path) : 0;

	/* Files come folder by folder: the latest folder first. */
	for (size_t i = r->ndirs; i-- > 0;) {
		if (strlen(r->dirs[i].dir) != len ||
		    memcmp(r->dirs[i].dir, path, len) != 0)
			continue;
		if (r->watch) {
			free(r->dirs[i].found);
			r->dirs[i].found = tl_config_find(path);
		}
		return r->dirs[i].found;
	}
	r->dirs = tl_grow(r->dirs, r->ndirs, &r->cap_dirs, sizeof *r->dirs);
	r->dirs[r->ndirs].dir = tl_xstrndup(path, len);
	r->dirs[r->ndirs].found = tl_config_find(path);
	return r->dirs[r->ndirs++].found;
}

/* The configuration file that applies to PATH, loaded (and, when R
 * watches, loaded again if it changed), or NULL when there is none;
 * *FAILED tells an error (ERR filled) from none. */
static res_file *file_for(tl_resolver *r, const char *path, tl_error *err,
                          bool *failed)
{
	res_file *f = NULL;
	*failed = false;
	if (r->config_file) {
		f = &r->files[0];
	} else {
		const char *found = find_config(r, path);
		if (!found)
			return NULL;
		for (size_t i = 0; i < r->nfiles && !f; i++)
			if (strcmp(r->files[i].path, found) == 0)
				f = &r->files[i];
		if (!f) {
			f = files_add(r, found, err);
			if (!f || !f->cfg) {
				*failed = true;
				return NULL;
			}
			return f;
		}
	}
	if (r->watch && !file_fresh(f)) {
		file_clear(f);
		file_load(r, f);
	}
	if (!f->cfg) {
		*err = f->err;
		*failed = true;
		return NULL;
	}
	return f;
}

const tl_config *tl_resolver_config(tl_resolver *r, const char *path,
                                    tl_error *err)
{
	bool failed;
	res_file *f = file_for(r, path, err, &failed);

	if (!f) {
		if (failed)
			return NULL;
		if (r->base_known < 0) {
			tl_config *probe = tl_config_copy(r->base);
			r->base_known =
			    apply_choices(r, probe, true, &r->base_err);
			tl_config_free(probe);
		}
		if (!r->base_known)
			*err = r->base_err;
		return r->base_known ? r->base : NULL;
	}
	unsigned long mask = tl_config_override_mask(f->cfg, path);
	for (size_t i = 0; i < f->nvariants; i++)
		if (f->masks[i] == mask)
			return f->variants[i];
	tl_config *c = mask ? tl_config_for_file(f->cfg, path) : NULL;
	if (!c)
		c = tl_config_copy(f->cfg);
	if (!apply_choices(r, c, true, err)) {
		tl_config_free(c);
		return NULL;
	}
	f->masks = tl_xrealloc(f->masks, (f->nvariants + 1) * sizeof *f->masks);
	f->variants =
	    tl_xrealloc(f->variants, (f->nvariants + 1) * sizeof *f->variants);
	f->masks[f->nvariants] = mask;
	f->variants[f->nvariants++] = c;
	return c;
}

const tl_config *tl_resolver_default(const tl_resolver *r)
{
	return r->base;
}

bool tl_resolver_ignores(tl_resolver *r, const char *path)
{
	tl_error err;
	bool failed;
	res_file *f = file_for(r, path, &err, &failed);

	return f && tl_config_ignores(f->cfg, path);
}

bool tl_resolver_names_known(const tl_resolver *r, tl_error *err)
{
	for (size_t i = 0; i < r->nchoices; i++) {
		const char *name = r->choices[i].rule;
		bool known = rule_of(r->base, name) != NULL;
		for (size_t k = 0; k < r->nfiles && !known; k++)
			known = r->files[k].cfg &&
			        rule_of(r->files[k].cfg, name) != NULL;
		if (!known) {
			tl_config_unknown_rule(
			    r->nfiles ? r->files[0].cfg : r->base, name, err);
			return false;
		}
	}
	return true;
}

size_t tl_resolver_count(const tl_resolver *r)
{
	return r->nfiles;
}

const tl_config *tl_resolver_loaded(const tl_resolver *r, size_t i)
{
	return r->files[i].cfg;
}

size_t tl_resolver_loads(const tl_resolver *r)
{
	return r->loads;
}
