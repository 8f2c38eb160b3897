/*
 * config.c: the effective configuration of a lint run (its loader is
 * config_load.c, its paths and globs config_paths.c).
 *
 * A configuration holds, for every built-in rule and every custom rule it
 * defines (custom.c), a severity (off when disabled) and the option values
 * set for it; plus what only applies per file: the ignore: globs and the
 * overrides: blocks, each with the folder its globs are relative to.
 * Library code: nothing here prints or exits.
 */
#include "config_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Basic operations ----------------------------------------------------
 */

tl_config *tl_config_empty(void)
{
	size_t n;
	tl_rules(&n);
	tl_config *cfg = tl_xcalloc(1, sizeof *cfg);
	cfg->nrules = n;
	cfg->severity = tl_xcalloc(n ? n : 1, sizeof *cfg->severity);
	cfg->fail_on = TL_SEVERITY_ERROR;
	return cfg;
}

long tl_config_rule_index(const tl_config *cfg, const char *name)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(rules[i]->name, name) == 0)
			return (long)i;
	for (size_t i = 0; cfg && i < cfg->ncustom; i++)
		if (strcmp(tl_custom_rule(cfg->custom[i])->name, name) == 0)
			return (long)(n + i);
	return -1;
}

const tl_rule *tl_config_rule_at(const tl_config *cfg, long i)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	return (size_t)i < n ? rules[i] : tl_custom_rule(cfg->custom[i - n]);
}

static void glob_copy(glob **dst, size_t *ndst, const glob *src, size_t n)
{
	*dst = n ? tl_xmalloc(n * sizeof **dst) : NULL;
	*ndst = n;
	for (size_t i = 0; i < n; i++) {
		(*dst)[i].pattern = tl_xstrdup(src[i].pattern);
		(*dst)[i].dir = tl_xstrdup(src[i].dir);
	}
}

static void globs_free(glob *g, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(g[i].pattern);
		free(g[i].dir);
	}
	free(g);
}

void tl_settings_free(setting *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].rule);
		free(s[i].opt);
		free(s[i].value);
	}
	free(s);
}

tl_severity tl_config_fail_on(const tl_config *cfg)
{
	return cfg->fail_on;
}

tl_config *tl_config_copy(const tl_config *cfg)
{
	tl_config *c = tl_xcalloc(1, sizeof *c);
	size_t total = cfg->nrules + cfg->ncustom;
	c->nrules = cfg->nrules;
	c->fail_on = cfg->fail_on;
	c->severity = tl_xmalloc((total ? total : 1) * sizeof *c->severity);
	memcpy(c->severity, cfg->severity, total * sizeof *c->severity);
	for (size_t i = 0; i < cfg->nopts; i++)
		tl_config_set_option(c, cfg->opts[i].rule, cfg->opts[i].name,
		                     cfg->opts[i].value);
	c->ncustom = cfg->ncustom;
	c->custom = tl_xmalloc((cfg->ncustom + 1) * sizeof *c->custom);
	for (size_t i = 0; i < cfg->ncustom; i++)
		c->custom[i] = tl_custom_ref(cfg->custom[i]);
	c->origin = cfg->origin ? tl_xstrdup(cfg->origin) : NULL;
	glob_copy(&c->ignore, &c->nignore, cfg->ignore, cfg->nignore);
	c->novr = cfg->novr;
	c->ovr = tl_xcalloc(cfg->novr + 1, sizeof *c->ovr);
	for (size_t i = 0; i < cfg->novr; i++) {
		const override_block *o = &cfg->ovr[i];
		glob_copy(&c->ovr[i].files, &c->ovr[i].nfiles, o->files,
		          o->nfiles);
		c->ovr[i].nset = o->nset;
		c->ovr[i].set = tl_xcalloc(o->nset + 1, sizeof *o->set);
		for (size_t k = 0; k < o->nset; k++) {
			c->ovr[i].set[k].rule = tl_xstrdup(o->set[k].rule);
			c->ovr[i].set[k].opt =
			    o->set[k].opt ? tl_xstrdup(o->set[k].opt) : NULL;
			c->ovr[i].set[k].value = tl_xstrdup(o->set[k].value);
		}
	}
	return c;
}

void tl_config_free(tl_config *cfg)
{
	if (!cfg)
		return;
	for (size_t i = 0; i < cfg->nopts; i++) {
		free(cfg->opts[i].rule);
		free(cfg->opts[i].name);
		free(cfg->opts[i].value);
	}
	free(cfg->opts);
	free(cfg->severity);
	for (size_t i = 0; i < cfg->ncustom; i++)
		tl_custom_unref(cfg->custom[i]);
	free(cfg->custom);
	free(cfg->origin);
	globs_free(cfg->ignore, cfg->nignore);
	for (size_t i = 0; i < cfg->novr; i++) {
		globs_free(cfg->ovr[i].files, cfg->ovr[i].nfiles);
		tl_settings_free(cfg->ovr[i].set, cfg->ovr[i].nset);
	}
	free(cfg->ovr);
	free(cfg);
}

tl_severity tl_config_severity_at(const tl_config *cfg, size_t i)
{
	return cfg->severity[i];
}

tl_severity tl_config_severity(const tl_config *cfg, const char *name)
{
	long i = tl_config_rule_index(cfg, name);
	return i < 0 ? TL_SEVERITY_OFF : cfg->severity[i];
}

bool tl_config_set_severity(tl_config *cfg, const char *name,
                            tl_severity severity)
{
	long i = tl_config_rule_index(cfg, name);
	if (i < 0)
		return false;
	cfg->severity[i] = severity;
	return true;
}

bool tl_config_has_rule(const tl_config *cfg, const char *name)
{
	return tl_config_rule_index(cfg, name) >= 0;
}

size_t tl_config_custom_count(const tl_config *cfg)
{
	return cfg ? cfg->ncustom : 0;
}

const tl_rule *tl_config_custom_rule(const tl_config *cfg, size_t i)
{
	return tl_custom_rule(cfg->custom[i]);
}

const char *tl_config_option(const tl_config *cfg, const char *rule,
                             const char *opt)
{
	for (size_t i = 0; i < cfg->nopts; i++)
		if (strcmp(cfg->opts[i].rule, rule) == 0 &&
		    strcmp(cfg->opts[i].name, opt) == 0)
			return cfg->opts[i].value;
	const tl_rule *r = tl_rule_find(rule);
	for (const tl_option_def *o = r ? r->options : NULL; o && o->name; o++)
		if (strcmp(o->name, opt) == 0)
			return o->default_value ? o->default_value : "";
	return NULL;
}

void tl_config_set_option(tl_config *cfg, const char *rule, const char *opt,
                          const char *value)
{
	for (size_t i = 0; i < cfg->nopts; i++) {
		if (strcmp(cfg->opts[i].rule, rule) == 0 &&
		    strcmp(cfg->opts[i].name, opt) == 0) {
			free(cfg->opts[i].value);
			cfg->opts[i].value = tl_xstrdup(value);
			return;
		}
	}
	cfg->opts =
	    tl_xrealloc(cfg->opts, (cfg->nopts + 1) * sizeof *cfg->opts);
	cfg->opts[cfg->nopts].rule = tl_xstrdup(rule);
	cfg->opts[cfg->nopts].name = tl_xstrdup(opt);
	cfg->opts[cfg->nopts].value = tl_xstrdup(value);
	cfg->nopts++;
}

/* Adds custom rule C (taking the reference), replacing one of the same id
 * defined by an earlier file. */
void tl_config_add_custom(tl_config *cfg, tl_custom *c)
{
	const char *id = tl_custom_rule(c)->name;
	long i = tl_config_rule_index(cfg, id);
	if (i >= 0 && (size_t)i >= cfg->nrules) {
		tl_custom_unref(cfg->custom[i - cfg->nrules]);
		cfg->custom[i - cfg->nrules] = c;
	} else {
		cfg->custom = tl_xrealloc(cfg->custom, (cfg->ncustom + 1) *
		                                           sizeof *cfg->custom);
		cfg->custom[cfg->ncustom++] = c;
		size_t total = cfg->nrules + cfg->ncustom;
		cfg->severity =
		    tl_xrealloc(cfg->severity, total * sizeof *cfg->severity);
		i = (long)(total - 1);
	}
	cfg->severity[i] = tl_custom_rule(c)->severity;
}

void tl_config_apply_setting(tl_config *cfg, const setting *s)
{
	long i = tl_config_rule_index(cfg, s->rule);
	if (i < 0)
		return;
	tl_severity sev;
	if (s->opt) {
		tl_config_set_option(cfg, s->rule, s->opt, s->value);
		if (cfg->severity[i] == TL_SEVERITY_OFF)
			cfg->severity[i] = tl_config_rule_at(cfg, i)->severity;
	} else if (strcmp(s->value, "on") == 0) {
		if (cfg->severity[i] == TL_SEVERITY_OFF)
			cfg->severity[i] = tl_config_rule_at(cfg, i)->severity;
	} else if (tl_severity_parse(s->value, &sev)) {
		cfg->severity[i] = sev;
	}
}

/* ---- Names and suggestions ------------------------------------------------
 */

void tl_suggest_add(tl_suggest *s, const char *cand)
{
	size_t d =
	    tl_edit_distance(s->name, strlen(s->name), cand, strlen(cand));
	if (d < s->best_d) {
		s->best_d = d;
		s->best = cand;
	}
}

/* " (did you mean 'X'?)" when the nearest candidate is a likely typo. */
const char *tl_suggest_text(tl_suggest *s, char *buf, size_t cap)
{
	size_t l = strlen(s->name);
	if (s->best &&
	    s->best_d * 2 <= (l > strlen(s->best) ? l : strlen(s->best)))
		snprintf(buf, cap, " (did you mean '%s'?)", s->best);
	else
		buf[0] = '\0';
	return buf;
}

const char *tl_config_nearest_rule(const tl_config *cfg, const char *name)
{
	tl_suggest s = {name, NULL, (size_t)-1};
	char hint[300];
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	for (size_t i = 0; i < n; i++)
		tl_suggest_add(&s, rules[i]->name);
	for (size_t i = 0; cfg && i < cfg->ncustom; i++)
		tl_suggest_add(&s, tl_custom_rule(cfg->custom[i])->name);
	return tl_suggest_text(&s, hint, sizeof hint)[0] ? s.best : NULL;
}

/* ---- Printing ------------------------------------------------------------ */

static void put_quoted(tl_buf *out, const char *s)
{
	tl_buf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			tl_buf_putc(out, '\\');
		if (*s == '\n')
			tl_buf_puts(out, "\\n");
		else
			tl_buf_putc(out, *s);
	}
	tl_buf_putc(out, '"');
}

static void put_option(tl_buf *out, const tl_option_def *o, const char *v)
{
	tl_buf_printf(out, ", %s: ", o->name);
	if (o->type == TL_OPTION_LIST) {
		tl_buf_putc(out, '[');
		for (const char *p = v; *p;) {
			const char *e = strchr(p, ',');
			size_t l = e ? (size_t)(e - p) : strlen(p);
			char *item = tl_xstrndup(p, l);
			if (p != v)
				tl_buf_puts(out, ", ");
			put_quoted(out, item);
			free(item);
			p += l + (e != NULL);
		}
		tl_buf_putc(out, ']');
	} else if (o->type == TL_OPTION_BOOL || o->type == TL_OPTION_INT) {
		tl_buf_puts(out, v);
	} else {
		put_quoted(out, v);
	}
}

void tl_config_print(const tl_config *cfg, tl_buf *out)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	tl_buf_printf(out, "# from: %s\n",
	              cfg->origin ? cfg->origin : "(built in)");
	tl_buf_printf(out, "fail-on: %s\n", tl_severity_name(cfg->fail_on));
	tl_buf_puts(out, "rules:\n");
	for (size_t i = 0; i < n; i++) {
		const tl_rule *r = rules[i];
		if (cfg->severity[i] == TL_SEVERITY_OFF) {
			tl_buf_printf(out, "  %s: off\n", r->name);
			continue;
		}
		tl_buf_printf(out, "  %s: {severity: %s", r->name,
		              tl_severity_name(cfg->severity[i]));
		for (const tl_option_def *o = r->options; o && o->name; o++)
			put_option(out, o,
			           tl_config_option(cfg, r->name, o->name));
		tl_buf_puts(out, "}\n");
	}
	if (cfg->ncustom)
		tl_buf_puts(out, "  custom:\n");
	for (size_t i = 0; i < cfg->ncustom; i++) {
		const tl_custom *c = cfg->custom[i];
		tl_buf_printf(out, "    - id: %s\n      severity: %s\n",
		              tl_custom_rule(c)->name,
		              tl_severity_name(cfg->severity[n + i]));
		tl_custom_print(c, out);
	}
}

/* ---- The starter file ---------------------------------------------------- */

const char *tl_config_starter(void)
{
	return "# .translint.yml: configuration of translint for this "
	       "folder and\n"
	       "# the folders below it. Reference: docs/configuration.md.\n"
	       "\n"
	       "# Presets applied in order: recommended (typography and "
	       "Markdown\n"
	       "# syntax), translation (also front matter, attribution, "
	       "untranslated\n"
	       "# text), or paths to other files. Without extends: "
	       "recommended.\n"
	       "extends: [recommended]\n"
	       "\n"
	       "# The lowest severity that fails a run (exit 1): error, "
	       "warning or\n"
	       "# info. Hooks and the GitHub Action pass --fail-on "
	       "warning.\n"
	       "fail-on: error\n"
	       "\n"
	       "# Files and folders not to lint (globs relative to this "
	       "file).\n"
	       "ignore: []\n"
	       "#  - \"drafts/**\"\n"
	       "\n"
	       "# Per rule: off, info, warning, error, or a map with "
	       "severity and\n"
	       "# options. translint --list-rules lists the rules.\n"
	       "rules: {}\n"
	       "#  heading-punctuation: off\n"
	       "#  space-cjk-number: {severity: warning, skip-units: "
	       "\"年月日\"}\n"
	       "#  custom:\n"
	       "#    - id: mistranslated-dotnet\n"
	       "#      message: \"“.NET” 被误译为“。NET”\"\n"
	       "#      pattern: '。NET\\b'\n"
	       "#      replace: '.NET'\n"
	       "\n"
	       "# Other settings for some files.\n"
	       "overrides: []\n"
	       "#  - files: [\"**/*.en.md\"]\n"
	       "#    rules: {space-cjk-latin: off}\n";
}
