/*
 * config.c: the effective configuration of a lint run (its loader is
 * config_load.c, its paths and globs config_paths.c, its printing and the
 * starter file of --init config_print.c).
 *
 * A configuration holds, for every built-in rule and every custom rule it
 * defines (custom.c), a severity (off when disabled) and the option values
 * set for it; plus what only applies per file: the ignore: globs and the
 * overrides: blocks, each with the folder its globs are relative to.
 * Library code: nothing here prints or exits.
 */
#include "config_impl.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Basic operations ----------------------------------------------------
 */

tl_config *tl_config_empty(void)
{
	size_t n, cap = 0;
	const tl_rule *const *rules = tl_rules(&n);
	tl_config *cfg = tl_xcalloc(1, sizeof *cfg);
	cfg->nrules = n;
	cfg->severity = tl_xcalloc(n ? n : 1, sizeof *cfg->severity);
	cfg->fail_on = TL_SEVERITY_ERROR;
	for (size_t i = 0; i < n; i++)
		for (const tl_option_def *o = rules[i]->options; o && o->name;
		     o++) {
			cfg->optv = tl_grow(cfg->optv, cfg->noptv, &cap,
			                    sizeof *cfg->optv);
			cfg->optv[cfg->noptv++] = tl_optval_default(o);
		}
	return cfg;
}

long tl_config_option_slot(size_t rule_index, const char *opt)
{
	size_t n, slot = 0;
	const tl_rule *const *rules = tl_rules(&n);
	for (size_t i = 0; i < n && i <= rule_index; i++)
		for (const tl_option_def *o = rules[i]->options; o && o->name;
		     o++, slot++)
			if (i == rule_index && strcmp(o->name, opt) == 0)
				return (long)slot;
	return -1;
}

tl_optval *const *tl_config_optvals(const tl_config *cfg)
{
	return cfg->optv;
}

void tl_config_put_optval(tl_config *cfg, const char *rule, const char *opt,
                          tl_optval *v)
{
	long ri = tl_config_rule_index(cfg, rule);
	long slot = ri < 0 || (size_t)ri >= cfg->nrules
	                ? -1
	                : tl_config_option_slot((size_t)ri, opt);
	if (slot < 0) {
		tl_optval_unref(v);
		return;
	}
	tl_optval_unref(cfg->optv[slot]);
	cfg->optv[slot] = v;
}

static size_t name_hash(const char *s)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)h;
}

/* Notes custom rule I in CFG's name table, growing it as needed. */
static void byname_add(tl_config *cfg, size_t i)
{
	if (2 * (cfg->ncustom + 1) > cfg->byname_cap) {
		free(cfg->byname);
		cfg->byname_cap = cfg->byname_cap ? cfg->byname_cap * 2 : 64;
		while (2 * (cfg->ncustom + 1) > cfg->byname_cap)
			cfg->byname_cap *= 2;
		cfg->byname = tl_xcalloc(cfg->byname_cap, sizeof *cfg->byname);
		for (size_t k = 0; k < cfg->ncustom; k++)
			if (k != i)
				byname_add(cfg, k);
	}
	size_t mask = cfg->byname_cap - 1;
	size_t h = name_hash(tl_custom_rule(cfg->custom[i])->name) & mask;
	while (cfg->byname[h])
		h = (h + 1) & mask;
	cfg->byname[h] = i + 1;
}

long tl_config_rule_index(const tl_config *cfg, const char *name)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(rules[i]->name, name) == 0)
			return (long)i;
	if (!cfg || !cfg->byname)
		return -1;
	size_t mask = cfg->byname_cap - 1;
	for (size_t h = name_hash(name) & mask; cfg->byname[h];
	     h = (h + 1) & mask) {
		size_t i = cfg->byname[h] - 1;
		if (strcmp(tl_custom_rule(cfg->custom[i])->name, name) == 0)
			return (long)(n + i);
	}
	return -1;
}

const tl_rule *tl_config_rule_at(const tl_config *cfg, long i)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	return (size_t)i < n ? rules[i] : tl_custom_rule(cfg->custom[i - n]);
}

void tl_settings_free(setting *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].rule);
		free(s[i].opt);
		free(s[i].value);
		tl_optval_unref(s[i].val);
	}
	free(s);
}

tl_severity tl_config_fail_on(const tl_config *cfg)
{
	return cfg->fail_on;
}

const tl_glossary *tl_config_glossary(const tl_config *cfg)
{
	return cfg->glossary;
}

tl_config *tl_config_copy(const tl_config *cfg)
{
	tl_config *c = tl_xcalloc(1, sizeof *c);
	size_t total = cfg->nrules + cfg->ncustom;
	c->nrules = cfg->nrules;
	c->fail_on = cfg->fail_on;
	c->severity = tl_xmalloc((total ? total : 1) * sizeof *c->severity);
	memcpy(c->severity, cfg->severity, total * sizeof *c->severity);
	c->noptv = cfg->noptv;
	c->optv = tl_xmalloc((cfg->noptv + 1) * sizeof *c->optv);
	for (size_t i = 0; i < cfg->noptv; i++)
		c->optv[i] = tl_optval_ref(cfg->optv[i]);
	c->ncustom = cfg->ncustom;
	c->custom = tl_xmalloc((cfg->ncustom + 1) * sizeof *c->custom);
	for (size_t i = 0; i < cfg->ncustom; i++)
		c->custom[i] = tl_custom_ref(cfg->custom[i]);
	if (cfg->byname) {
		c->byname_cap = cfg->byname_cap;
		c->byname = tl_xmalloc(c->byname_cap * sizeof *c->byname);
		memcpy(c->byname, cfg->byname,
		       c->byname_cap * sizeof *c->byname);
	}
	c->origin = cfg->origin ? tl_xstrdup(cfg->origin) : NULL;
	c->nsource = cfg->nsource;
	c->source = tl_xcalloc(cfg->nsource + 1, sizeof *c->source);
	for (size_t i = 0; i < cfg->nsource; i++)
		c->source[i] = tl_pairing_rule_ref(cfg->source[i]);
	c->source_required = cfg->source_required;
	c->glossary = cfg->glossary ? tl_glossary_ref(cfg->glossary) : NULL;
	c->ignore = cfg->ignore ? tl_globs_copy(cfg->ignore) : NULL;
	c->novr = cfg->novr;
	c->ovr = tl_xcalloc(cfg->novr + 1, sizeof *c->ovr);
	for (size_t i = 0; i < cfg->novr; i++) {
		const override_block *o = &cfg->ovr[i];
		c->ovr[i].files = tl_globs_copy(o->files);
		c->ovr[i].nset = o->nset;
		c->ovr[i].set = tl_xcalloc(o->nset + 1, sizeof *o->set);
		for (size_t k = 0; k < o->nset; k++) {
			c->ovr[i].set[k].rule = tl_xstrdup(o->set[k].rule);
			c->ovr[i].set[k].opt =
			    o->set[k].opt ? tl_xstrdup(o->set[k].opt) : NULL;
			c->ovr[i].set[k].value =
			    o->set[k].value ? tl_xstrdup(o->set[k].value)
			                    : NULL;
			c->ovr[i].set[k].val =
			    o->set[k].val ? tl_optval_ref(o->set[k].val) : NULL;
		}
	}
	return c;
}

void tl_config_free(tl_config *cfg)
{
	if (!cfg)
		return;
	for (size_t i = 0; i < cfg->noptv; i++)
		tl_optval_unref(cfg->optv[i]);
	free(cfg->optv);
	free(cfg->severity);
	for (size_t i = 0; i < cfg->ncustom; i++)
		tl_custom_unref(cfg->custom[i]);
	free(cfg->custom);
	free(cfg->byname);
	free(cfg->origin);
	for (size_t i = 0; i < cfg->nsource; i++)
		tl_pairing_rule_unref(cfg->source[i]);
	free(cfg->source);
	tl_glossary_unref(cfg->glossary);
	tl_globs_free(cfg->ignore);
	for (size_t i = 0; i < cfg->novr; i++) {
		tl_globs_free(cfg->ovr[i].files);
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
		cfg->custom[cfg->ncustom] = c;
		byname_add(cfg, cfg->ncustom);
		cfg->ncustom++;
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
		tl_config_put_optval(cfg, s->rule, s->opt,
		                     tl_optval_ref(s->val));
		if (cfg->severity[i] == TL_SEVERITY_OFF)
			cfg->severity[i] = tl_config_rule_at(cfg, i)->severity;
	} else if (strcmp(s->value, "on") == 0) {
		if (cfg->severity[i] == TL_SEVERITY_OFF)
			cfg->severity[i] = tl_config_rule_at(cfg, i)->severity;
	} else if (tl_severity_parse(s->value, &sev)) {
		cfg->severity[i] = sev;
	}
}

size_t tl_config_source_count(const tl_config *cfg)
{
	return cfg->nsource;
}

const tl_pairing_rule *tl_config_source_at(const tl_config *cfg, size_t i)
{
	return cfg->source[i];
}

bool tl_config_source_required(const tl_config *cfg)
{
	return cfg->source_required;
}

/* ---- Names and suggestions ------------------------------------------------
 */

const char *tl_nearest_hint(const tl_nearest *s, char *buf, size_t cap)
{
	const char *best = tl_nearest_typo(s);
	if (best)
		snprintf(buf, cap, " (did you mean '%s'?)", best);
	else
		buf[0] = '\0';
	return buf;
}

const char *tl_config_nearest_rule(const tl_config *cfg, const char *name)
{
	tl_nearest s = tl_nearest_start(name, strlen(name));
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	for (size_t i = 0; i < n; i++)
		tl_nearest_add(&s, rules[i]->name, strlen(rules[i]->name));
	for (size_t i = 0; cfg && i < cfg->ncustom; i++)
		tl_nearest_add(&s, tl_custom_rule(cfg->custom[i])->name,
		               strlen(tl_custom_rule(cfg->custom[i])->name));
	return tl_nearest_typo(&s);
}

void tl_config_unknown_rule(const tl_config *cfg, const char *name,
                            tl_error *err)
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
