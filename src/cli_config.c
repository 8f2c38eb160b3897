/*
 * cli_config.c: which configuration applies to each file of a run. The
 * nearest .translint.yml walking up from the file's folder (or -c FILE),
 * each loaded once; its overrides: blocks that match the file applied;
 * then the command line's --select, --enable, --disable and --severity on
 * top. Each distinct result is built once and shared by the files it
 * applies to.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* Fills ERR for a rule name that CFG does not know, with the nearest
 * name when NAME looks like its misspelling. */
void cli_unknown_rule(const tl_config *cfg, const char *name, tl_error *err)
{
	const char *near = tl_config_nearest_rule(cfg, name);
	if (near)
		tl_error_set(err, "", 0, 0,
		             "unknown rule '%s'; did you mean '%s'?", name,
		             near);
	else
		tl_error_set(err, "", 0, 0,
		             "unknown rule '%s' (see --list-rules)", name);
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

/* Applies --select, --enable, --disable and --severity to CFG. Built-in
 * names were checked when the arguments were parsed; any other name must
 * be a custom rule of CFG, or ERR is filled and false returned. */
static bool apply_overrides(const options *o, tl_config *cfg, bool strict,
                            tl_error *err)
{
	size_t i, n;
	const tl_rule *const *rules = tl_rules(&n);

	for (i = 0; i < o->nselect + o->noverrides; i++) {
		const char *name = i < o->nselect
		                       ? o->select[i]
		                       : o->overrides[i - o->nselect].rule;
		if (!rule_of(cfg, name)) {
			if (!strict)
				continue;
			cli_unknown_rule(cfg, name, err);
			return false;
		}
	}
	for (i = 0; o->nselect && i < tl_config_custom_count(cfg); i++) {
		const tl_rule *c = tl_config_custom_rule(cfg, i);
		bool chosen = false;
		for (size_t k = 0; k < o->nselect && !chosen; k++)
			chosen = strcmp(o->select[k], c->name) == 0;
		if (!chosen)
			tl_config_set_severity(cfg, c->name, TL_SEVERITY_OFF);
	}

	/* --select: only these rules, each as the configuration has it,
	 * or at its default severity when the configuration has it off. */
	if (o->nselect) {
		for (i = 0; i < n; i++) {
			bool chosen = false;
			size_t k;

			for (k = 0; k < o->nselect && !chosen; k++)
				chosen =
				    strcmp(o->select[k], rules[i]->name) == 0;
			if (!chosen)
				tl_config_set_severity(cfg, rules[i]->name,
				                       TL_SEVERITY_OFF);
			else if (tl_config_severity(cfg, rules[i]->name) ==
			         TL_SEVERITY_OFF)
				tl_config_set_severity(cfg, rules[i]->name,
				                       rules[i]->severity);
		}
	}
	for (i = 0; i < o->noverrides; i++) {
		const override *ov = &o->overrides[i];
		const tl_rule *r = rule_of(cfg, ov->rule);

		if (!r)
			continue;
		switch (ov->kind) {
		case OVERRIDE_ENABLE:
			if (tl_config_severity(cfg, ov->rule) ==
			    TL_SEVERITY_OFF)
				tl_config_set_severity(cfg, ov->rule,
				                       r->severity);
			break;
		case OVERRIDE_DISABLE:
			tl_config_set_severity(cfg, ov->rule, TL_SEVERITY_OFF);
			break;
		case OVERRIDE_SEVERITY:
			tl_config_set_severity(cfg, ov->rule, ov->severity);
			break;
		}
	}
	return true;
}

static cfg_file *configs_add(configs *cs, const char *path, tl_error *err)
{
	tl_config *cfg = tl_config_load(path, cs->opts->preset, err);

	if (!cfg)
		return NULL;
	cs->files =
	    tl_xrealloc(cs->files, (cs->nfiles + 1) * sizeof *cs->files);
	memset(&cs->files[cs->nfiles], 0, sizeof *cs->files);
	cs->files[cs->nfiles].path = tl_xstrdup(path);
	cs->files[cs->nfiles].cfg = cfg;
	return &cs->files[cs->nfiles++];
}

void cli_configs_free(configs *cs)
{
	size_t i, k;

	for (i = 0; i < cs->nfiles; i++) {
		cfg_file *f = &cs->files[i];

		for (k = 0; k < f->nvariants; k++)
			tl_config_free(f->variants[k]);
		free(f->variants);
		free(f->masks);
		tl_config_free(f->cfg);
		free(f->path);
	}
	free(cs->files);
	for (i = 0; i < cs->ndirs; i++) {
		free(cs->dirs[i].dir);
		free(cs->dirs[i].found);
	}
	free(cs->dirs);
	tl_config_free(cs->base);
}

/* tl_config_find for PATH, asked once per folder: a walk up the tree is
 * a dozen system calls, and a run lints many files of one folder. The
 * answer is owned by CS. */
static const char *find_config(configs *cs, const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t len = slash ? (size_t)(slash - path) : 0;
	size_t i;

	/* Files come folder by folder: the latest folder first. */
	for (i = cs->ndirs; i-- > 0;)
		if (strlen(cs->dirs[i].dir) == len &&
		    memcmp(cs->dirs[i].dir, path, len) == 0)
			return cs->dirs[i].found;
	cs->dirs =
	    tl_grow(cs->dirs, cs->ndirs, &cs->cap_dirs, sizeof *cs->dirs);
	cs->dirs[cs->ndirs].dir = tl_xstrndup(path, len);
	cs->dirs[cs->ndirs].found = tl_config_find(path);
	return cs->dirs[cs->ndirs++].found;
}

/* Whether every rule named on the command line is known to some
 * configuration of the run, so that a name no file's configuration had
 * (and no file was linted under the base configuration to notice it) is
 * not silently ignored. */
bool cli_configs_names_known(configs *cs, tl_error *err)
{
	const options *o = cs->opts;
	for (size_t i = 0; i < o->nselect + o->noverrides; i++) {
		const char *name = i < o->nselect
		                       ? o->select[i]
		                       : o->overrides[i - o->nselect].rule;
		bool known = rule_of(cs->base, name) != NULL;
		for (size_t k = 0; k < cs->nfiles && !known; k++)
			known = rule_of(cs->files[k].cfg, name) != NULL;
		if (!known) {
			cli_unknown_rule(cs->nfiles ? cs->files[0].cfg
			                            : cs->base,
			                 name, err);
			return false;
		}
	}
	return true;
}

/* Loads what the command line names (--preset, -c FILE) before any file
 * is looked at, so that a bad preset or configuration stops the run even
 * when there is nothing to lint. */
bool cli_configs_init(configs *cs, const options *o, tl_error *err)
{
	memset(cs, 0, sizeof *cs);
	cs->opts = o;
	cs->base_known = -1;
	if (o->config_file && !configs_add(cs, o->config_file, err))
		return false;
	cs->base = tl_config_preset(o->preset ? o->preset : "recommended", err);
	if (!cs->base)
		return false;
	/* Names that are no built-in rule may be custom rules of a
	 * configuration file found later: checked when the base is used. */
	apply_overrides(o, cs->base, false, err);
	return true;
}

/* The configuration file that applies to PATH (-c, or the nearest
 * .translint.yml walking up from its folder, each loaded once), or NULL
 * when there is none; *FAILED tells an error (ERR filled) from none. */
cfg_file *cli_configs_file_for(configs *cs, const char *path, tl_error *err,
                               bool *failed)
{
	const char *found;
	size_t i;

	*failed = false;
	if (cs->opts->config_file)
		return &cs->files[0];
	found = find_config(cs, path);
	if (!found)
		return NULL;
	for (i = 0; i < cs->nfiles; i++)
		if (strcmp(cs->files[i].path, found) == 0)
			return &cs->files[i];
	cfg_file *f = configs_add(cs, found, err);
	*failed = f == NULL;
	return f;
}

/* The configuration that applies to the document at PATH (a file, or
 * the --stdin-filename name), owned by CS; NULL with ERR filled when it
 * cannot be loaded: the configuration file's, with the overrides blocks
 * matching PATH applied, then the command line. */
const tl_config *cli_config_for(configs *cs, const char *path, tl_error *err)
{
	bool failed;
	cfg_file *f = cli_configs_file_for(cs, path, err, &failed);
	unsigned long mask;
	tl_config *c;
	size_t i;

	if (!f) {
		if (failed)
			return NULL;
		if (cs->base_known < 0) {
			tl_config *probe = tl_config_copy(cs->base);
			cs->base_known = apply_overrides(cs->opts, probe, true,
			                                 &cs->base_err);
			tl_config_free(probe);
		}
		if (!cs->base_known)
			*err = cs->base_err;
		return cs->base_known ? cs->base : NULL;
	}
	mask = tl_config_override_mask(f->cfg, path);
	for (i = 0; i < f->nvariants; i++)
		if (f->masks[i] == mask)
			return f->variants[i];
	c = mask ? tl_config_for_file(f->cfg, path) : NULL;
	if (!c)
		c = tl_config_copy(f->cfg);
	if (!apply_overrides(cs->opts, c, true, err)) {
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

/* Whether the ignore: globs of PATH's configuration file skip it. */
bool cli_config_ignores(configs *cs, const char *path)
{
	tl_error err;
	bool failed;
	cfg_file *f = cli_configs_file_for(cs, path, &err, &failed);

	return f && tl_config_ignores(f->cfg, path);
}
