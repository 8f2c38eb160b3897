/*
 * config_impl.h: what the four files of the configuration share, and
 * nobody else sees (the public interface is in translint.h):
 *
 *   config.c        the configuration object: severities, options,
 *                   custom rules; copying
 *   config_print.c  writing it out: --print-config through libyaml's
 *                   emitter, the starter file of --init
 *   config_paths.c  paths and globs: ignore:, overrides:, finding the
 *                   .translint.yml that applies to a file
 *   config_load.c   the loader of .translint.yml files and presets
 */
#ifndef TL_CONFIG_IMPL_H
#define TL_CONFIG_IMPL_H

#include "custom.h"
#include "globs.h"
#include "glossary.h"
#include "internal.h"
#include "option.h"
#include "pairing.h"

/* One entry of a rules: map, recorded so that overrides: can apply it
 * later to the files they match. OPT NULL: VALUE is a severity word or
 * "on" (the rule's default severity); otherwise VAL is the option's
 * value (a reference), which also turns the rule on. */
typedef struct setting {
	char *rule;
	char *opt;
	char *value;
	tl_optval *val;
} setting;

typedef struct override_block {
	tl_globs *files; /* the files it applies to */
	setting *set;
	size_t nset;
} override_block;

struct tl_config {
	size_t nrules;         /* built-in rules */
	tl_severity *severity; /* built-ins by table index, then customs */
	/* The options of every built-in rule, rule by rule in table order
	 * (tl_config_option_slot), each its default until set. */
	tl_optval **optv;
	size_t noptv;
	tl_custom **custom;
	size_t ncustom;
	/* The custom rules by name: an open-addressing table of index + 1
	 * (0: empty slot), BYNAME_CAP a power of two above twice NCUSTOM,
	 * so that 20,000 custom rules are found without 20,000 string
	 * comparisons each. */
	size_t *byname;
	size_t byname_cap;
	char *origin;     /* the file or preset it came from */
	tl_globs *ignore; /* ignore:, in the order of the files read */
	override_block *ovr;
	size_t novr;
	/* fail-on: the lowest severity that fails a run (exit 1). */
	tl_severity fail_on;
	/* source: in the order tried: a file's own entries before those of
	 * the files it extends, the later extends first (pairing.h). */
	tl_pairing_rule **source;
	size_t nsource;
	bool source_required; /* source-required: */
	/* glossary: the project glossary (a reference), or NULL. */
	tl_glossary *glossary;
};

/* ---- The configuration object (config.c) -------------------------------- */

/* A configuration with every built-in rule off and nothing else. */
tl_config *tl_config_empty(void);
/* The index of rule NAME in CFG's severities (built-ins by table index,
 * then custom rules), or -1. */
long tl_config_rule_index(const tl_config *cfg, const char *name);
/* The rule at index I of CFG's severities. */
const tl_rule *tl_config_rule_at(const tl_config *cfg, long i);
void tl_settings_free(setting *s, size_t n);
/* Adds custom rule C (taking the reference), replacing one of the same id
 * defined by an earlier file. */
void tl_config_add_custom(tl_config *cfg, tl_custom *c);
/* Sets option OPT of built-in rule RULE to V, taking the reference (which
 * is dropped when there is no such option). */
void tl_config_put_optval(tl_config *cfg, const char *rule, const char *opt,
                          tl_optval *v);
/* Applies one entry of a rules: map to CFG. */
void tl_config_apply_setting(tl_config *cfg, const setting *s);

/* " (did you mean 'X'?)" in BUF when the nearest candidate of S is a
 * likely typo, else "". Returns BUF. */
const char *tl_nearest_hint(const tl_nearest *s, char *buf, size_t cap);

/* ---- The loader (config_load.c) ------------------------------------------ */

/* tl_config_load that notes in READ (when not NULL) the absolute path of
 * every file it reads or tries to read: PATH and the files it extends. */
tl_config *tl_config_load_reading(const char *path, const char *preset,
                                  tl_error *err, tl_option_list *read);

#endif
