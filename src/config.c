/*
 * config.c: the effective configuration of a lint run: for every built-in
 * rule a severity (off when disabled) and the option values set for it.
 *
 * A configuration starts from a preset. For now the presets are computed
 * from the rule metadata (each rule names the first preset that enables
 * it); loading .translint.yml files and the YAML presets in rules/ plug in
 * here.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct option_value {
	char *rule;
	char *name;
	char *value;
} option_value;

struct tl_config {
	size_t nrules;
	tl_severity *severity; /* by index in tl_rules() */
	option_value *opts;
	size_t nopts;
};

/* Presets in the order they include each other: a preset enables the
 * rules of every preset before it. */
static const char *const preset_chain[] = {"recommended", "translation"};

static int preset_rank(const char *name)
{
	for (size_t i = 0; i < sizeof preset_chain / sizeof *preset_chain; i++)
		if (name && strcmp(name, preset_chain[i]) == 0)
			return (int)i;
	return -1;
}

tl_config *tl_config_preset(const char *name, tl_error *err)
{
	int rank = preset_rank(name);
	if (rank < 0) {
		tl_error_set(err, "", 0, 0, "unknown preset '%s'", name);
		return NULL;
	}
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	tl_config *cfg = tl_xcalloc(1, sizeof *cfg);
	cfg->nrules = n;
	cfg->severity = tl_xcalloc(n, sizeof *cfg->severity);
	for (size_t i = 0; i < n; i++) {
		int r = preset_rank(rules[i]->preset);
		cfg->severity[i] =
		    r >= 0 && r <= rank ? rules[i]->severity : TL_SEVERITY_OFF;
	}
	return cfg;
}

tl_config *tl_config_copy(const tl_config *cfg)
{
	tl_config *c = tl_xcalloc(1, sizeof *c);
	c->nrules = cfg->nrules;
	c->severity = tl_xmalloc(cfg->nrules * sizeof *c->severity);
	memcpy(c->severity, cfg->severity, cfg->nrules * sizeof *c->severity);
	for (size_t i = 0; i < cfg->nopts; i++)
		tl_config_set_option(c, cfg->opts[i].rule, cfg->opts[i].name,
		                     cfg->opts[i].value);
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
	free(cfg);
}

static long rule_index(const char *name)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(rules[i]->name, name) == 0)
			return (long)i;
	return -1;
}

tl_severity tl_config_severity(const tl_config *cfg, const char *name)
{
	long i = rule_index(name);
	return i < 0 ? TL_SEVERITY_OFF : cfg->severity[i];
}

bool tl_config_set_severity(tl_config *cfg, const char *name,
                            tl_severity severity)
{
	long i = rule_index(name);
	if (i < 0)
		return false;
	cfg->severity[i] = severity;
	return true;
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
