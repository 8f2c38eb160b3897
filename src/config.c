/*
 * config.c: the effective configuration of a lint run, and the loader of
 * .translint.yml files and of the YAML presets in rules/ (embedded in the
 * binary, src/embedded.h).
 *
 * A configuration holds, for every built-in rule and every custom rule it
 * defines (custom.c), a severity (off when disabled) and the option values
 * set for it; plus what only applies per file: the ignore: globs and the
 * overrides: blocks, each with the folder its globs are relative to.
 *
 * Loading a file applies, in order: its extends (presets or relative
 * paths, each applied recursively in turn; the root file without extends
 * starts from recommended), then its rules:, and records its ignore: and
 * overrides:. Every value is validated against the rule metadata; the
 * first error stops the load with FILE:LINE:COL (libyaml marks) and, for a
 * misspelled name, the nearest valid one. Library code: nothing here
 * prints or exits.
 */
#include "custom.h"
#include "embedded.h"
#include "internal.h"

#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

typedef struct option_value {
	char *rule;
	char *name;
	char *value;
} option_value;

/* One entry of a rules: map, recorded so that overrides: can apply it
 * later to the files they match. OPT NULL: VALUE is a severity word or
 * "on" (the rule's default severity); otherwise an option value, which
 * also turns the rule on. */
typedef struct setting {
	char *rule;
	char *opt;
	char *value;
} setting;

typedef struct glob {
	char *pattern;
	char *dir; /* absolute folder the pattern is relative to */
} glob;

typedef struct override_block {
	glob *files;
	size_t nfiles;
	setting *set;
	size_t nset;
} override_block;

struct tl_config {
	size_t nrules;         /* built-in rules */
	tl_severity *severity; /* built-ins by table index, then customs */
	option_value *opts;
	size_t nopts;
	tl_custom **custom;
	size_t ncustom;
	char *origin; /* the file or preset it came from */
	glob *ignore;
	size_t nignore;
	override_block *ovr;
	size_t novr;
};

/* ---- Basic operations ----------------------------------------------------
 */

static tl_config *config_empty(void)
{
	size_t n;
	tl_rules(&n);
	tl_config *cfg = tl_xcalloc(1, sizeof *cfg);
	cfg->nrules = n;
	cfg->severity = tl_xcalloc(n ? n : 1, sizeof *cfg->severity);
	return cfg;
}

static long rule_index(const tl_config *cfg, const char *name)
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

static const tl_rule *rule_at(const tl_config *cfg, long i)
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

static void settings_free(setting *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].rule);
		free(s[i].opt);
		free(s[i].value);
	}
	free(s);
}

tl_config *tl_config_copy(const tl_config *cfg)
{
	tl_config *c = tl_xcalloc(1, sizeof *c);
	size_t total = cfg->nrules + cfg->ncustom;
	c->nrules = cfg->nrules;
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
		settings_free(cfg->ovr[i].set, cfg->ovr[i].nset);
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
	long i = rule_index(cfg, name);
	return i < 0 ? TL_SEVERITY_OFF : cfg->severity[i];
}

bool tl_config_set_severity(tl_config *cfg, const char *name,
                            tl_severity severity)
{
	long i = rule_index(cfg, name);
	if (i < 0)
		return false;
	cfg->severity[i] = severity;
	return true;
}

bool tl_config_has_rule(const tl_config *cfg, const char *name)
{
	return rule_index(cfg, name) >= 0;
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
static void add_custom(tl_config *cfg, tl_custom *c)
{
	const char *id = tl_custom_rule(c)->name;
	long i = rule_index(cfg, id);
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

static void apply_setting(tl_config *cfg, const setting *s)
{
	long i = rule_index(cfg, s->rule);
	if (i < 0)
		return;
	tl_severity sev;
	if (s->opt) {
		tl_config_set_option(cfg, s->rule, s->opt, s->value);
		if (cfg->severity[i] == TL_SEVERITY_OFF)
			cfg->severity[i] = rule_at(cfg, i)->severity;
	} else if (strcmp(s->value, "on") == 0) {
		if (cfg->severity[i] == TL_SEVERITY_OFF)
			cfg->severity[i] = rule_at(cfg, i)->severity;
	} else if (tl_severity_parse(s->value, &sev)) {
		cfg->severity[i] = sev;
	}
}

/* ---- Names and suggestions ------------------------------------------------
 */

/* Collects candidate names and keeps the nearest one. */
typedef struct suggest {
	const char *name;
	const char *best;
	size_t best_d;
} suggest;

static void suggest_add(suggest *s, const char *cand)
{
	size_t d =
	    tl_edit_distance(s->name, strlen(s->name), cand, strlen(cand));
	if (d < s->best_d) {
		s->best_d = d;
		s->best = cand;
	}
}

/* " (did you mean 'X'?)" when the nearest candidate is a likely typo. */
static const char *suggest_text(suggest *s, char *buf, size_t cap)
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
	suggest s = {name, NULL, (size_t)-1};
	char hint[300];
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	for (size_t i = 0; i < n; i++)
		suggest_add(&s, rules[i]->name);
	for (size_t i = 0; cfg && i < cfg->ncustom; i++)
		suggest_add(&s, tl_custom_rule(cfg->custom[i])->name);
	return suggest_text(&s, hint, sizeof hint)[0] ? s.best : NULL;
}

/* ---- Paths and globs --------------------------------------------------- */

/* PATH made absolute (against the working folder) and normalized
 * lexically: no "." or ".." segments, no doubled or trailing '/'.
 * Symbolic links are not resolved: globs and discovery follow the path as
 * the user wrote it. Caller frees. */
static char *abs_path(const char *path)
{
	tl_buf in = {0};
	if (path[0] != '/') {
		char cwd[4096];
		if (getcwd(cwd, sizeof cwd))
			tl_buf_puts(&in, cwd);
		tl_buf_putc(&in, '/');
	}
	tl_buf_puts(&in, path);
	char *out = tl_xmalloc(in.len + 2);
	size_t n = 0;
	const char *p = in.data;
	while (*p) {
		while (*p == '/')
			p++;
		const char *e = strchr(p, '/');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == 0)
			break;
		if (len == 1 && p[0] == '.') {
			/* skip */
		} else if (len == 2 && p[0] == '.' && p[1] == '.') {
			while (n > 0 && out[n - 1] != '/')
				n--;
			if (n > 0)
				n--;
		} else {
			out[n++] = '/';
			memcpy(out + n, p, len);
			n += len;
		}
		p += len;
	}
	if (n == 0)
		out[n++] = '/';
	out[n] = '\0';
	tl_buf_free(&in);
	return out;
}

/* The folder part of absolute path P (caller frees). */
static char *dir_of(const char *p)
{
	const char *slash = strrchr(p, '/');
	if (!slash || slash == p)
		return tl_xstrdup("/");
	return tl_xstrndup(p, (size_t)(slash - p));
}

/* NULL when PATTERN is a valid glob, else what is wrong with it. */
static const char *glob_problem(const char *pattern)
{
	if (!*pattern)
		return "empty glob";
	for (const char *p = pattern; *p; p++) {
		if (*p == '*' && p[1] == '*') {
			bool start = p == pattern || p[-1] == '/';
			bool end = p[2] == '\0' || p[2] == '/';
			if (!start || !end)
				return "'**' must be a whole path segment "
				       "('**/x', 'x/**', 'a/**/b')";
			p++;
		} else if (*p == '[') {
			const char *q = p + 1;
			if (*q == '!' || *q == '^')
				q++;
			if (*q == ']')
				q++;
			while (*q && *q != ']' && *q != '/')
				q++;
			if (*q != ']')
				return "unclosed '[' in glob";
			p = q;
		} else if (*p == '\\' && !p[1]) {
			return "glob ends with a backslash";
		}
	}
	return NULL;
}

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

/* Matches '/'-separated PATTERN against relative path S; '**' as a whole
 * segment matches any number of segments (zero included). */
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
		return strcmp(pe + 1, "**") == 0;
	return match_path(pe + 1, se + 1);
}

/* Whether glob G matches absolute FILE: the path relative to G's folder;
 * a pattern without '/' matches the file name in any folder (as in
 * .gitignore). */
static bool glob_matches(const glob *g, const char *file)
{
	size_t dl = strlen(g->dir);
	const char *rel;
	if (strcmp(g->dir, "/") == 0)
		rel = file + 1;
	else if (strncmp(file, g->dir, dl) == 0 && file[dl] == '/')
		rel = file + dl + 1;
	else
		return false;
	const char *p = g->pattern;
	while (p[0] == '.' && p[1] == '/')
		p += 2;
	while (*p == '/')
		p++;
	if (!strchr(p, '/')) {
		const char *base = strrchr(rel, '/');
		return match_path(p, base ? base + 1 : rel);
	}
	return match_path(p, rel);
}

bool tl_config_ignores(const tl_config *cfg, const char *file)
{
	if (!cfg->nignore)
		return false;
	char *abs = abs_path(file);
	bool hit = false;
	for (size_t i = 0; i < cfg->nignore && !hit; i++)
		hit = glob_matches(&cfg->ignore[i], abs);
	free(abs);
	return hit;
}

tl_config *tl_config_for_file(const tl_config *cfg, const char *file)
{
	tl_config *out = NULL;
	char *abs = abs_path(file);
	for (size_t i = 0; i < cfg->novr; i++) {
		const override_block *o = &cfg->ovr[i];
		bool hit = false;
		for (size_t k = 0; k < o->nfiles && !hit; k++)
			hit = glob_matches(&o->files[k], abs);
		if (!hit)
			continue;
		if (!out)
			out = tl_config_copy(cfg);
		for (size_t k = 0; k < o->nset; k++)
			apply_setting(out, &o->set[k]);
	}
	free(abs);
	return out;
}

unsigned long tl_config_override_mask(const tl_config *cfg, const char *file)
{
	unsigned long mask = 0;
	char *abs = abs_path(file);
	for (size_t i = 0; i < cfg->novr && i < 8 * sizeof mask; i++)
		for (size_t k = 0; k < cfg->ovr[i].nfiles; k++)
			if (glob_matches(&cfg->ovr[i].files[k], abs)) {
				mask |= 1UL << i;
				break;
			}
	free(abs);
	return mask;
}

/* Absolute path P (owned) made relative to the working folder when it is
 * below it, for messages. */
static char *shorten(char *p)
{
	char *cwd = abs_path(".");
	size_t l = strlen(cwd);
	if (strcmp(cwd, "/") != 0 && strncmp(p, cwd, l) == 0 && p[l] == '/') {
		char *r = tl_xstrdup(p + l + 1);
		free(p);
		p = r;
	}
	free(cwd);
	return p;
}

char *tl_config_find(const char *file)
{
	static const char *const names[] = {".translint.yml",
	                                    ".translint.yaml"};
	char *abs = abs_path(file);
	char *dir = dir_of(abs);
	free(abs);
	for (;;) {
		for (size_t i = 0; i < 2; i++) {
			tl_buf p = {0};
			struct stat st;
			tl_buf_printf(&p, "%s%s%s", dir,
			              strcmp(dir, "/") == 0 ? "" : "/",
			              names[i]);
			if (stat(p.data, &st) == 0 && S_ISREG(st.st_mode)) {
				free(dir);
				return shorten(p.data);
			}
			tl_buf_free(&p);
		}
		if (strcmp(dir, "/") == 0)
			break;
		char *up = dir_of(dir);
		free(dir);
		dir = up;
	}
	free(dir);
	return NULL;
}

/* ---- The loader ---------------------------------------------------------- */

#define MAX_EXTENDS_DEPTH 16

typedef struct loader {
	tl_error *err;
	int depth;
} loader;

/* One parsed file. */
typedef struct yfile {
	const char *path; /* as shown in errors */
	char *dir;        /* absolute folder, for relative paths and globs */
	yaml_document_t doc;
} yfile;

static bool fail_at(loader *ld, const yfile *f, const yaml_node_t *node,
                    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static bool fail_at(loader *ld, const yfile *f, const yaml_node_t *node,
                    const char *fmt, ...)
{
	char msg[900];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	tl_error_set(ld->err, f->path, node ? node->start_mark.line + 1 : 0,
	             node ? node->start_mark.column + 1 : 0, "%s", msg);
	return false;
}

static yaml_node_t *node_at(yfile *f, int index)
{
	return yaml_document_get_node(&f->doc, index);
}

static const char *scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE
	           ? (const char *)n->data.scalar.value
	           : NULL;
}

static const char *kind_name(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_MAPPING_NODE:
		return "a map";
	case YAML_SEQUENCE_NODE:
		return "a list";
	default:
		return "a value";
	}
}

/* Fails with "unknown key" and the nearest of the NULL-terminated KEYS. */
static bool unknown_key(loader *ld, yfile *f, const yaml_node_t *k,
                        const char *where, const char *const *keys)
{
	suggest s = {scalar(k) ? scalar(k) : "", NULL, (size_t)-1};
	char hint[300];
	for (size_t i = 0; keys[i]; i++)
		suggest_add(&s, keys[i]);
	return fail_at(ld, f, k, "unknown key '%s' in %s%s", s.name, where,
	               suggest_text(&s, hint, sizeof hint));
}

/* A key must be a plain string. */
static const char *key_of(loader *ld, yfile *f, const yaml_node_t *k)
{
	const char *s = scalar(k);
	if (!s)
		fail_at(ld, f, k, "keys must be plain names, not %s",
		        kind_name(k));
	return s;
}

/* Reads the pairs of MAP, whose keys must be among the NULL-terminated
 * KEYS: the value of KEYS[i] goes to VALS[i] (left as it was when
 * absent). WHERE names the map in the message for an unknown key. */
static bool map_fields(loader *ld, yfile *f, const yaml_node_t *map,
                       const char *const *keys, const char *where,
                       yaml_node_t **vals)
{
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node_at(f, p->key);
		const char *name = key_of(ld, f, k);
		if (!name)
			return false;
		size_t i = 0;
		while (keys[i] && strcmp(keys[i], name) != 0)
			i++;
		if (!keys[i])
			return unknown_key(ld, f, k, where, keys);
		vals[i] = node_at(f, p->value);
	}
	return true;
}

/* Appends the strings of a list (or one string) NODE to *OUT. */
static bool string_list(loader *ld, yfile *f, yaml_node_t *node,
                        const char *what, char ***out, size_t *n,
                        yaml_node_t ***nodes)
{
	*out = NULL;
	*n = 0;
	if (nodes)
		*nodes = NULL;
	if (node->type == YAML_SCALAR_NODE) {
		*out = tl_xmalloc(sizeof **out);
		(*out)[(*n)++] = tl_xstrdup(scalar(node));
		if (nodes) {
			*nodes = tl_xmalloc(sizeof **nodes);
			(*nodes)[0] = node;
		}
		return true;
	}
	if (node->type != YAML_SEQUENCE_NODE)
		return fail_at(ld, f, node, "%s must be a list of strings",
		               what);
	size_t cap = (size_t)(node->data.sequence.items.top -
	                      node->data.sequence.items.start);
	*out = tl_xmalloc((cap + 1) * sizeof **out);
	if (nodes)
		*nodes = tl_xmalloc((cap + 1) * sizeof **nodes);
	for (yaml_node_item_t *it = node->data.sequence.items.start;
	     it < node->data.sequence.items.top; it++) {
		yaml_node_t *v = node_at(f, *it);
		if (!scalar(v)) {
			for (size_t i = 0; i < *n; i++)
				free((*out)[i]);
			free(*out);
			*out = NULL;
			if (nodes) {
				free(*nodes);
				*nodes = NULL;
			}
			return fail_at(ld, f, v,
			               "%s must be a list of strings, not "
			               "hold %s",
			               what, kind_name(v));
		}
		if (nodes)
			(*nodes)[*n] = v;
		(*out)[(*n)++] = tl_xstrdup(scalar(v));
	}
	return true;
}

static void strings_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Appends the N strings ITEMS to B, separated by SEP. */
static void join(tl_buf *b, char **items, size_t n, char sep)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			tl_buf_putc(b, sep);
		tl_buf_puts(b, items[i]);
	}
}

/* A list option may also be written as a map, as the design does for
 * `fields: {cover: url}` and `add: {Kubernetes: [k8s?, kubernetes]}`: each
 * pair becomes the item "key=value", a list value joined with '|'
 * ("Kubernetes=k8s?|kubernetes"), which is the form the rules read. */
static bool map_option(loader *ld, yfile *f, const char *rule,
                       const tl_option_def *def, yaml_node_t *node, char **out)
{
	tl_buf b = {0};
	tl_buf_puts(&b, "");
	for (yaml_node_pair_t *pr = node->data.mapping.pairs.start;
	     pr < node->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = node_at(f, pr->key);
		yaml_node_t *v = node_at(f, pr->value);
		if (!scalar(k)) {
			tl_buf_free(&b);
			return fail_at(ld, f, k,
			               "option '%s' of rule %s: keys must be "
			               "strings",
			               def->name, rule);
		}
		char **items;
		size_t n;
		if (!string_list(ld, f, v, def->name, &items, &n, NULL)) {
			tl_buf_free(&b);
			return false;
		}
		if (b.len)
			tl_buf_putc(&b, ',');
		tl_buf_printf(&b, "%s=", scalar(k));
		join(&b, items, n, '|');
		strings_free(items, n);
	}
	*out = b.data;
	return true;
}

/* Validates option value NODE of option DEF; *OUT is the value as stored
 * (lists joined with ','; booleans "true"/"false"). Caller frees. */
static bool option_value_of(loader *ld, yfile *f, const char *rule,
                            const tl_option_def *def, yaml_node_t *node,
                            char **out)
{
	const char *v = scalar(node);
	switch (def->type) {
	case TL_OPTION_LIST: {
		char **items;
		size_t n;
		if (node->type == YAML_MAPPING_NODE)
			return map_option(ld, f, rule, def, node, out);
		if (!string_list(ld, f, node, def->name, &items, &n, NULL))
			return false;
		tl_buf b = {0};
		tl_buf_puts(&b, "");
		join(&b, items, n, ',');
		strings_free(items, n);
		*out = b.data;
		return true;
	}
	case TL_OPTION_BOOL:
		if (v && (!strcmp(v, "true") || !strcmp(v, "yes") ||
		          !strcmp(v, "on"))) {
			*out = tl_xstrdup("true");
			return true;
		}
		if (v && (!strcmp(v, "false") || !strcmp(v, "no") ||
		          !strcmp(v, "off"))) {
			*out = tl_xstrdup("false");
			return true;
		}
		return fail_at(ld, f, node,
		               "option '%s' of rule %s must be true or false",
		               def->name, rule);
	case TL_OPTION_INT: {
		char *end = NULL;
		if (v && *v) {
			strtol(v, &end, 10);
			if (*end == '\0') {
				*out = tl_xstrdup(v);
				return true;
			}
		}
		return fail_at(ld, f, node,
		               "option '%s' of rule %s must be a whole number",
		               def->name, rule);
	}
	case TL_OPTION_ENUM: {
		const char *c = def->choices ? def->choices : "";
		size_t vl = v ? strlen(v) : 0;
		for (const char *p = c; v && *p;) {
			const char *e = strchr(p, '|');
			size_t l = e ? (size_t)(e - p) : strlen(p);
			if (l == vl && strncmp(p, v, l) == 0) {
				*out = tl_xstrdup(v);
				return true;
			}
			p += l + (e != NULL);
		}
		return fail_at(ld, f, node,
		               "option '%s' of rule %s must be one of: %s",
		               def->name, rule, c);
	}
	case TL_OPTION_STRING:
		if (v) {
			*out = tl_xstrdup(v);
			return true;
		}
		return fail_at(ld, f, node,
		               "option '%s' of rule %s must be a string, not "
		               "%s",
		               def->name, rule, kind_name(node));
	}
	return false;
}

static void push_setting(setting **v, size_t *n, const char *rule,
                         const char *opt, char *value)
{
	*v = tl_xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[*n].rule = tl_xstrdup(rule);
	(*v)[*n].opt = opt ? tl_xstrdup(opt) : NULL;
	(*v)[*n].value = value;
	(*n)++;
}

static bool severity_word(loader *ld, yfile *f, const char *rule,
                          yaml_node_t *node, bool allow_on)
{
	const char *v = scalar(node);
	tl_severity sev;
	if (v &&
	    (tl_severity_parse(v, &sev) || (allow_on && strcmp(v, "on") == 0)))
		return true;
	suggest s = {v ? v : "", NULL, (size_t)-1};
	static const char *const words[] = {"error", "warning", "info", "off",
	                                    "on"};
	char hint[300];
	for (size_t i = 0; i < (allow_on ? 5u : 4u); i++)
		suggest_add(&s, words[i]);
	return fail_at(ld, f, node,
	               "rule %s: expected error, warning, info, off%s or a "
	               "map of options, got %s%s%s%s",
	               rule, allow_on ? ", on" : "", v ? "'" : "",
	               v ? v : kind_name(node), v ? "'" : "",
	               v ? suggest_text(&s, hint, sizeof hint) : "");
}

/* Fails on an unknown rule name, suggesting the nearest rule. */
static bool unknown_rule(loader *ld, yfile *f, const tl_config *cfg,
                         const yaml_node_t *k, const char *name)
{
	suggest s = {name, NULL, (size_t)-1};
	char hint[300];
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	for (size_t i = 0; i < n; i++)
		suggest_add(&s, rules[i]->name);
	for (size_t i = 0; i < cfg->ncustom; i++)
		suggest_add(&s, tl_custom_rule(cfg->custom[i])->name);
	return fail_at(ld, f, k, "unknown rule '%s'%s", name,
	               suggest_text(&s, hint, sizeof hint));
}

static bool parse_custom(loader *ld, yfile *f, tl_config *cfg,
                         yaml_node_t *list);

/* Reads a rules: map into settings (custom rules, allowed only when
 * ALLOW_CUSTOM, are added to CFG at once). Rule names are checked
 * against CFG. */
static bool parse_rules(loader *ld, yfile *f, tl_config *cfg, yaml_node_t *map,
                        bool allow_custom, setting **out, size_t *nout)
{
	if (map->type != YAML_MAPPING_NODE)
		return fail_at(ld, f, map,
		               "rules must be a map of rule names, not %s",
		               kind_name(map));
	/* Custom rules first, so that the other entries may name them. */
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node_at(f, p->key);
		const char *name = key_of(ld, f, k);
		if (!name)
			return false;
		if (strcmp(name, "custom") != 0)
			continue;
		if (!allow_custom)
			return fail_at(ld, f, k,
			               "custom rules are defined in the "
			               "top-level rules: map, not in "
			               "overrides");
		if (!parse_custom(ld, f, cfg, node_at(f, p->value)))
			return false;
	}
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node_at(f, p->key);
		yaml_node_t *v = node_at(f, p->value);
		const char *name = scalar(k);
		if (strcmp(name, "custom") == 0)
			continue;
		long ri = rule_index(cfg, name);
		if (ri < 0)
			return unknown_rule(ld, f, cfg, k, name);
		const tl_rule *rule = rule_at(cfg, ri);
		if (v->type != YAML_MAPPING_NODE) {
			if (!severity_word(ld, f, name, v, true))
				return false;
			push_setting(out, nout, name, NULL,
			             tl_xstrdup(scalar(v)));
			continue;
		}
		/* A map: options (each turns the rule on), then severity. */
		yaml_node_t *sev = NULL;
		for (yaml_node_pair_t *q = v->data.mapping.pairs.start;
		     q < v->data.mapping.pairs.top; q++) {
			yaml_node_t *ok = node_at(f, q->key);
			const char *on = key_of(ld, f, ok);
			if (!on)
				return false;
			if (strcmp(on, "severity") == 0) {
				sev = node_at(f, q->value);
				if (!severity_word(ld, f, name, sev, true))
					return false;
				continue;
			}
			const tl_option_def *def = NULL;
			for (const tl_option_def *o = rule->options;
			     o && o->name && !def; o++)
				if (strcmp(o->name, on) == 0)
					def = o;
			if (!def) {
				suggest s = {on, NULL, (size_t)-1};
				char hint[300];
				suggest_add(&s, "severity");
				for (const tl_option_def *o = rule->options;
				     o && o->name; o++)
					suggest_add(&s, o->name);
				return fail_at(
				    ld, f, ok,
				    "unknown option '%s' of rule %s%s", on,
				    name, suggest_text(&s, hint, sizeof hint));
			}
			char *val = NULL;
			if (!option_value_of(ld, f, name, def,
			                     node_at(f, q->value), &val))
				return false;
			push_setting(out, nout, name, def->name, val);
		}
		push_setting(out, nout, name, NULL,
		             tl_xstrdup(sev ? scalar(sev) : "on"));
	}
	return true;
}

static bool parse_custom(loader *ld, yfile *f, tl_config *cfg,
                         yaml_node_t *list)
{
	static const char *const keys[] = {
	    "id", "message", "pattern", "replace", "severity", "scope", NULL};
	if (list->type != YAML_SEQUENCE_NODE)
		return fail_at(ld, f, list,
		               "custom must be a list of rules, not %s",
		               kind_name(list));
	for (yaml_node_item_t *it = list->data.sequence.items.start;
	     it < list->data.sequence.items.top; it++) {
		yaml_node_t *m = node_at(f, *it);
		if (m->type != YAML_MAPPING_NODE)
			return fail_at(ld, f, m,
			               "a custom rule must be a map with id, "
			               "message and pattern");
		yaml_node_t *vals[6] = {NULL};
		if (!map_fields(ld, f, m, keys, "a custom rule", vals))
			return false;
		for (size_t i = 0; i < 6; i++)
			if (vals[i] && !scalar(vals[i]))
				return fail_at(ld, f, vals[i],
				               "custom rule key '%s' must be a "
				               "string, not %s",
				               keys[i], kind_name(vals[i]));
		for (size_t i = 0; i < 3; i++)
			if (!vals[i])
				return fail_at(
				    ld, f, m,
				    "custom rule without '%s' (id, "
				    "message and pattern are required)",
				    keys[i]);
		const char *id = scalar(vals[0]);
		bool good = *id != '\0';
		for (const char *c = id; *c; c++)
			if (!((*c >= 'a' && *c <= 'z') ||
			      (*c >= '0' && *c <= '9') || *c == '-'))
				good = false;
		if (!good)
			return fail_at(ld, f, vals[0],
			               "custom rule id '%s' must use only a-z, "
			               "0-9 and '-'",
			               id);
		if (tl_rule_find(id))
			return fail_at(ld, f, vals[0],
			               "custom rule id '%s' is the name of a "
			               "built-in rule",
			               id);
		for (yaml_node_item_t *jt = list->data.sequence.items.start;
		     jt < it; jt++) {
			yaml_node_t *o = node_at(f, *jt);
			for (yaml_node_pair_t *p = o->data.mapping.pairs.start;
			     p < o->data.mapping.pairs.top; p++)
				if (!strcmp(scalar(node_at(f, p->key)), "id") &&
				    !strcmp(scalar(node_at(f, p->value)), id))
					return fail_at(ld, f, vals[0],
					               "custom rule id '%s' is "
					               "defined twice",
					               id);
		}
		tl_severity sev = TL_SEVERITY_WARNING;
		if (vals[4] && !tl_severity_parse(scalar(vals[4]), &sev))
			return severity_word(ld, f, id, vals[4], false);
		tl_custom_scope scope = TL_SCOPE_PROSE;
		if (vals[5] && !tl_custom_scope_parse(scalar(vals[5]), &scope))
			return fail_at(ld, f, vals[5],
			               "custom rule %s: scope must be one of: "
			               "prose, heading, link-text, raw",
			               id);
		char why[600];
		size_t at = 0;
		int which = 0;
		tl_custom *c =
		    tl_custom_new(id, scalar(vals[1]), scalar(vals[2]),
		                  vals[3] ? scalar(vals[3]) : NULL, scope, sev,
		                  why, sizeof why, &at, &which);
		if (!c) {
			yaml_node_t *n = which ? vals[3] : vals[2];
			size_t col = n->start_mark.column + 1;
			yaml_scalar_style_t st = n->data.scalar.style;
			/* Point at the offset PCRE2 reports when the pattern
			 * is written on one line without escapes. */
			if (!which && n->start_mark.line == n->end_mark.line &&
			    (st == YAML_PLAIN_SCALAR_STYLE ||
			     st == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
			     (st == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
			      !strchr(scalar(n), '\\'))))
				col += at + (st != YAML_PLAIN_SCALAR_STYLE);
			tl_error_set(ld->err, f->path, n->start_mark.line + 1,
			             col, "custom rule %s: %s", id, why);
			return false;
		}
		add_custom(cfg, c);
	}
	return true;
}

/* Parses one YAML text into F (path PATH, folder DIR taken). */
static bool yfile_parse(loader *ld, yfile *f, const char *path, char *dir,
                        const char *data, size_t len)
{
	yaml_parser_t parser;
	f->path = path;
	f->dir = dir;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (!yaml_parser_load(&parser, &f->doc)) {
		const char *problem =
		    parser.problem ? parser.problem : "YAML syntax error";
		tl_error_set(ld->err, path, parser.problem_mark.line + 1,
		             parser.problem_mark.column + 1,
		             "YAML syntax error: %s%s%s", problem,
		             parser.context ? " " : "",
		             parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		free(dir);
		return false;
	}
	yaml_parser_delete(&parser);
	return true;
}

static bool apply_source(loader *ld, tl_config *cfg, const char *path,
                         char *dir, const char *data, size_t len, bool root,
                         const char *preset);

/* Applies extends entry NAME (a preset name or a path relative to F). */
static bool apply_extend(loader *ld, tl_config *cfg, yfile *f,
                         yaml_node_t *node, const char *name)
{
	bool is_path =
	    strchr(name, '/') || strstr(name, ".yml") || strstr(name, ".yaml");
	if (ld->depth >= MAX_EXTENDS_DEPTH)
		return fail_at(ld, f, node,
		               "extends nested more than %d deep (does a "
		               "file extend itself?)",
		               MAX_EXTENDS_DEPTH);
	if (!is_path) {
		const struct tl_embedded_file *e = tl_embedded_find(name);
		if (!e || strcmp(name, "terms") == 0) {
			suggest s = {name, NULL, (size_t)-1};
			char hint[300];
			char names[64][64];
			size_t n = 0;
			for (size_t i = 0; tl_embedded_files[i].name && n < 64;
			     i++) {
				snprintf(names[n], sizeof names[n], "%s",
				         tl_embedded_files[i].name);
				char *dot = strrchr(names[n], '.');
				if (dot)
					*dot = '\0';
				suggest_add(&s, names[n++]);
			}
			return fail_at(ld, f, node, "unknown preset '%s'%s",
			               name,
			               suggest_text(&s, hint, sizeof hint));
		}
		char shown[300];
		snprintf(shown, sizeof shown, "rules/%s", e->name);
		ld->depth++;
		bool ok = apply_source(ld, cfg, shown, tl_xstrdup(f->dir),
		                       e->data, e->len, false, NULL);
		ld->depth--;
		return ok;
	}
	tl_buf p = {0};
	if (name[0] == '/')
		tl_buf_puts(&p, name);
	else
		tl_buf_printf(&p, "%s/%s", f->dir, name);
	char *abs = abs_path(p.data);
	tl_buf_free(&p);
	FILE *fp = fopen(abs, "rb");
	if (!fp) {
		free(abs);
		return fail_at(ld, f, node, "cannot read extends file '%s'",
		               name);
	}
	tl_buf data = {0};
	char chunk[8192];
	size_t got;
	tl_buf_puts(&data, "");
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
		tl_buf_append(&data, chunk, got);
	fclose(fp);
	char *shown = shorten(tl_xstrdup(abs));
	ld->depth++;
	bool ok = apply_source(ld, cfg, shown, dir_of(abs), data.data, data.len,
	                       false, NULL);
	ld->depth--;
	tl_buf_free(&data);
	free(shown);
	free(abs);
	return ok;
}

static bool apply_doc(loader *ld, tl_config *cfg, yfile *f, bool root,
                      const char *preset)
{
	static const char *const top_keys[] = {"extends", "ignore", "rules",
	                                       "overrides", NULL};
	yaml_node_t *top = yaml_document_get_root_node(&f->doc);
	yaml_node_t *vals[4] = {NULL};
	if (top && top->type == YAML_SCALAR_NODE &&
	    top->data.scalar.length == 0)
		top = NULL;
	if (top && top->type != YAML_MAPPING_NODE)
		return fail_at(ld, f, top,
		               "a configuration must be a map (extends, "
		               "ignore, rules, overrides), not %s",
		               kind_name(top));
	if (top && !map_fields(ld, f, top, top_keys, "the configuration", vals))
		return false;

	/* extends */
	if (preset && root) {
		if (!apply_extend(ld, cfg, f, vals[0], preset))
			return false;
	} else if (vals[0]) {
		char **names;
		yaml_node_t **nodes;
		size_t n;
		if (!string_list(ld, f, vals[0], "extends", &names, &n, &nodes))
			return false;
		bool ok = true;
		for (size_t i = 0; i < n && ok; i++)
			ok = apply_extend(ld, cfg, f, nodes[i], names[i]);
		strings_free(names, n);
		free(nodes);
		if (!ok)
			return false;
	} else if (root) {
		if (!apply_extend(ld, cfg, f, NULL, "recommended"))
			return false;
	}

	/* rules */
	if (vals[2]) {
		setting *set = NULL;
		size_t nset = 0;
		bool ok = parse_rules(ld, f, cfg, vals[2], true, &set, &nset);
		for (size_t i = 0; ok && i < nset; i++)
			apply_setting(cfg, &set[i]);
		settings_free(set, nset);
		if (!ok)
			return false;
	}

	/* ignore */
	if (vals[1]) {
		char **pats;
		yaml_node_t **nodes;
		size_t n;
		if (!string_list(ld, f, vals[1], "ignore", &pats, &n, &nodes))
			return false;
		for (size_t i = 0; i < n; i++) {
			const char *why = glob_problem(pats[i]);
			if (why) {
				fail_at(ld, f, nodes[i], "bad glob '%s': %s",
				        pats[i], why);
				strings_free(pats, n);
				free(nodes);
				return false;
			}
		}
		cfg->ignore = tl_xrealloc(cfg->ignore, (cfg->nignore + n + 1) *
		                                           sizeof *cfg->ignore);
		for (size_t i = 0; i < n; i++) {
			cfg->ignore[cfg->nignore].pattern = pats[i];
			cfg->ignore[cfg->nignore++].dir = tl_xstrdup(f->dir);
		}
		free(pats);
		free(nodes);
	}

	/* overrides */
	if (vals[3]) {
		yaml_node_t *list = vals[3];
		if (list->type != YAML_SEQUENCE_NODE)
			return fail_at(ld, f, list,
			               "overrides must be a list of maps with "
			               "files and rules");
		for (yaml_node_item_t *it = list->data.sequence.items.start;
		     it < list->data.sequence.items.top; it++) {
			static const char *const okeys[] = {"files", "rules",
			                                    NULL};
			yaml_node_t *m = node_at(f, *it);
			yaml_node_t *ov[2] = {NULL, NULL};
			if (m->type != YAML_MAPPING_NODE)
				return fail_at(ld, f, m,
				               "an override must be a map with "
				               "files and rules");
			if (!map_fields(ld, f, m, okeys, "an override", ov))
				return false;
			yaml_node_t *files = ov[0], *rules = ov[1];
			if (!files)
				return fail_at(
				    ld, f, m,
				    "an override needs files: (a list "
				    "of globs)");
			char **pats;
			yaml_node_t **nodes;
			size_t n;
			if (!string_list(ld, f, files, "files", &pats, &n,
			                 &nodes))
				return false;
			override_block ob = {0};
			ob.files = tl_xcalloc(n + 1, sizeof *ob.files);
			for (size_t i = 0; i < n; i++) {
				ob.files[i].pattern = pats[i];
				ob.files[i].dir = tl_xstrdup(f->dir);
			}
			ob.nfiles = n;
			free(pats);
			bool ok = true;
			for (size_t i = 0; i < n && ok; i++) {
				const char *why =
				    glob_problem(ob.files[i].pattern);
				if (why)
					ok = fail_at(ld, f, nodes[i],
					             "bad glob '%s': %s",
					             ob.files[i].pattern, why);
			}
			free(nodes);
			if (ok && rules)
				ok = parse_rules(ld, f, cfg, rules, false,
				                 &ob.set, &ob.nset);
			cfg->ovr = tl_xrealloc(cfg->ovr, (cfg->novr + 1) *
			                                     sizeof *cfg->ovr);
			cfg->ovr[cfg->novr++] = ob;
			if (!ok)
				return false;
		}
	}
	return true;
}

static bool apply_source(loader *ld, tl_config *cfg, const char *path,
                         char *dir, const char *data, size_t len, bool root,
                         const char *preset)
{
	yfile f;
	if (!yfile_parse(ld, &f, path, dir, data, len))
		return false;
	bool ok = apply_doc(ld, cfg, &f, root, preset);
	yaml_document_delete(&f.doc);
	free(f.dir);
	return ok;
}

tl_config *tl_config_preset(const char *name, tl_error *err)
{
	const struct tl_embedded_file *e = tl_embedded_find(name);
	if (!e || strcmp(name, "terms") == 0) {
		tl_error_set(err, "", 0, 0, "unknown preset '%s'", name);
		return NULL;
	}
	loader ld = {err, 0};
	tl_config *cfg = config_empty();
	char shown[300];
	snprintf(shown, sizeof shown, "rules/%s", e->name);
	char *cwd = abs_path(".");
	if (!apply_source(&ld, cfg, shown, cwd, e->data, e->len, true, NULL)) {
		tl_config_free(cfg);
		return NULL;
	}
	cfg->origin = tl_xstrdup(shown);
	return cfg;
}

tl_config *tl_config_load(const char *path, const char *preset, tl_error *err)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		tl_error_set(err, path, 0, 0, "cannot read configuration file");
		return NULL;
	}
	tl_buf data = {0};
	char chunk[8192];
	size_t got;
	tl_buf_puts(&data, "");
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
		tl_buf_append(&data, chunk, got);
	bool bad = ferror(fp) != 0;
	fclose(fp);
	if (bad) {
		tl_buf_free(&data);
		tl_error_set(err, path, 0, 0, "cannot read configuration file");
		return NULL;
	}
	if (preset && !tl_embedded_find(preset)) {
		tl_buf_free(&data);
		tl_error_set(err, "", 0, 0, "unknown preset '%s'", preset);
		return NULL;
	}
	loader ld = {err, 0};
	tl_config *cfg = config_empty();
	char *abs = abs_path(path);
	bool ok = apply_source(&ld, cfg, path, dir_of(abs), data.data, data.len,
	                       true, preset);
	free(abs);
	tl_buf_free(&data);
	if (!ok) {
		tl_config_free(cfg);
		return NULL;
	}
	cfg->origin = tl_xstrdup(path);
	return cfg;
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
