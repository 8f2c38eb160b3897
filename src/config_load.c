/*
 * config_load.c: the loader of .translint.yml files and of the YAML
 * presets in rules/ (embedded in the binary, src/embedded.h).
 *
 * Loading a file applies, in order: its extends (presets or relative
 * paths, each applied recursively in turn; the root file without extends
 * starts from recommended), then its rules:, and records its ignore: and
 * overrides:. Every value is validated against the rule metadata; the
 * first error stops the load with FILE:LINE:COL (libyaml marks) and, for a
 * misspelled name, the nearest valid one. Library code: nothing here
 * prints or exits.
 *
 * A path in extends may name anything (extends: [../../../etc/passwd] in
 * a pull request): it is read only when it is a regular file of at most
 * MAX_EXTENDS_SIZE bytes, and until it shows itself to be a configuration
 * (a map with no keys but ours) no error quotes any of its content.
 */
#include "config_impl.h"
#include "embedded.h"
#include "schema.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

/* ---- The loader ---------------------------------------------------------- */

#define MAX_EXTENDS_DEPTH 16
/* A configuration is a few kilobytes; an extends file above this is not
 * one (or is an attack on the loader). */
#define MAX_EXTENDS_SIZE ((size_t)1 << 20)

typedef struct loader {
	tl_error *err;
	int depth;
	tl_option_list *read; /* where to note the files read, or NULL */
} loader;

/* One parsed file. */
typedef struct yfile {
	const char *path; /* as shown in errors */
	char *dir;        /* absolute folder, for relative paths and globs */
	bool embedded;    /* a preset of rules/: its paths name files there */
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
	const char *wrote = scalar(k) ? scalar(k) : "";
	tl_nearest s = tl_nearest_start(wrote, strlen(wrote));
	char hint[300];
	for (size_t i = 0; keys[i]; i++)
		tl_nearest_add(&s, keys[i], strlen(keys[i]));
	return fail_at(ld, f, k, "unknown key '%s' in %s%s", s.name, where,
	               tl_nearest_hint(&s, hint, sizeof hint));
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

/* The column (1-based, in code points) of code point AT of the value of
 * scalar N, when the source writes the value as it is, on one line:
 * plain, single-quoted (where '' stands for ') or double-quoted without
 * escapes. Otherwise the column where the scalar starts. */
static size_t value_column(const yaml_node_t *n, size_t at)
{
	const char *v = (const char *)n->data.scalar.value;
	size_t len = n->data.scalar.length;
	size_t col = n->start_mark.column + 1;
	yaml_scalar_style_t st = n->data.scalar.style;
	size_t cps = 0, quotes = 0, quotes_before = 0;
	for (size_t i = 0; i < len; i++) {
		if (((unsigned char)v[i] & 0xC0) == 0x80)
			continue;
		if (v[i] == '\'') {
			quotes++;
			quotes_before += cps < at;
		}
		cps++;
	}
	/* The marks count characters: what the source spans tells whether
	 * it holds the value unchanged. */
	size_t span = n->end_mark.index - n->start_mark.index;
	if (n->start_mark.line != n->end_mark.line)
		return col;
	if (st == YAML_PLAIN_SCALAR_STYLE && span == cps)
		return col + at;
	if (st == YAML_SINGLE_QUOTED_SCALAR_STYLE && span == cps + quotes + 2)
		return col + 1 + at + quotes_before;
	if (st == YAML_DOUBLE_QUOTED_SCALAR_STYLE && span == cps + 2)
		return col + 1 + at;
	return col;
}

/* Checks that pattern NODE, a value of option DEF of RULE, compiles on
 * its own; fails at the offending character when it does not. */
static bool pattern_ok(loader *ld, yfile *f, const char *rule,
                       const tl_option_def *def, const yaml_node_t *node)
{
	char why[400];
	size_t at;
	const char *p = scalar(node);
	pcre2_code *re = tl_regex_compile(p, strlen(p), TL_OPTION_REGEX_FLAGS,
	                                  why, sizeof why, &at);
	if (re) {
		pcre2_code_free(re);
		return true;
	}
	tl_error_set(ld->err, f->path, node->start_mark.line + 1,
	             value_column(node, at), "option '%s' of rule %s: %s",
	             def->name, rule, why);
	return false;
}

/* Reads the map NODE of a MAP or REGEX_MAP option into V: string keys,
 * each with a string or a list of strings. */
static bool map_option(loader *ld, yfile *f, const char *rule,
                       const tl_option_def *def, yaml_node_t *node,
                       tl_optval *v)
{
	if (node->type != YAML_MAPPING_NODE)
		return fail_at(ld, f, node,
		               "option '%s' of rule %s must be a map "
		               "({key: value, ...}), not %s",
		               def->name, rule, kind_name(node));
	for (yaml_node_pair_t *pr = node->data.mapping.pairs.start;
	     pr < node->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = node_at(f, pr->key);
		yaml_node_t *val = node_at(f, pr->value);
		if (!scalar(k))
			return fail_at(ld, f, k,
			               "option '%s' of rule %s: keys must be "
			               "strings",
			               def->name, rule);
		char **items;
		yaml_node_t **nodes;
		size_t n;
		if (!string_list(ld, f, val, def->name, &items, &n, &nodes))
			return false;
		bool ok = true;
		for (size_t i = 0; ok && i < n; i++)
			if (def->type == TL_OPTION_REGEX_MAP)
				ok = pattern_ok(ld, f, rule, def, nodes[i]);
		tl_option_list *l = tl_optval_map_add(v, scalar(k));
		for (size_t i = 0; i < n; i++)
			tl_option_list_add(l, items[i]);
		strings_free(items, n);
		free(nodes);
		if (!ok)
			return false;
	}
	char why[400];
	if (!tl_optval_compile(v, why, sizeof why))
		return fail_at(ld, f, node, "option '%s' of rule %s: %s",
		               def->name, rule, why);
	return true;
}

/* The value of option DEF of RULE that NODE writes, checked against the
 * option's type and with its patterns compiled; NULL (ERR filled) when
 * it is not one. */
static tl_optval *option_value_of(loader *ld, yfile *f, const char *rule,
                                  const tl_option_def *def, yaml_node_t *node)
{
	const char *v = scalar(node);
	tl_optval *val = tl_optval_new(def->type);
	switch (def->type) {
	case TL_OPTION_LIST: {
		char **items;
		size_t n;
		if (!string_list(ld, f, node, def->name, &items, &n, NULL))
			break;
		for (size_t i = 0; i < n; i++)
			tl_option_list_add(&val->list, items[i]);
		strings_free(items, n);
		return val;
	}
	case TL_OPTION_MAP:
	case TL_OPTION_REGEX_MAP:
		if (!map_option(ld, f, rule, def, node, val))
			break;
		return val;
	case TL_OPTION_REGEX:
		if (!v) {
			fail_at(ld, f, node,
			        "option '%s' of rule %s must be a pattern, not "
			        "%s",
			        def->name, rule, kind_name(node));
			break;
		}
		val->text = tl_xstrdup(v);
		char why[400];
		size_t at;
		val->re = tl_regex_compile(v, strlen(v), TL_OPTION_REGEX_FLAGS,
		                           why, sizeof why, &at);
		if (!val->re) {
			tl_error_set(
			    ld->err, f->path, node->start_mark.line + 1,
			    value_column(node, at),
			    "option '%s' of rule %s: %s", def->name, rule, why);
			break;
		}
		return val;
	case TL_OPTION_BOOL:
		if (v && (!strcmp(v, "true") || !strcmp(v, "yes") ||
		          !strcmp(v, "on"))) {
			val->num = 1;
			val->text = tl_xstrdup("true");
			return val;
		}
		if (v && (!strcmp(v, "false") || !strcmp(v, "no") ||
		          !strcmp(v, "off"))) {
			val->text = tl_xstrdup("false");
			return val;
		}
		fail_at(ld, f, node,
		        "option '%s' of rule %s must be true or false",
		        def->name, rule);
		break;
	case TL_OPTION_INT: {
		char *end = NULL;
		if (v && *v) {
			val->num = strtol(v, &end, 10);
			if (*end == '\0') {
				val->text = tl_xstrdup(v);
				return val;
			}
		}
		fail_at(ld, f, node,
		        "option '%s' of rule %s must be a whole number",
		        def->name, rule);
		break;
	}
	case TL_OPTION_ENUM: {
		const char *c = def->choices ? def->choices : "";
		size_t vl = v ? strlen(v) : 0;
		for (const char *p = c; v && *p;) {
			const char *e = strchr(p, '|');
			size_t l = e ? (size_t)(e - p) : strlen(p);
			if (l == vl && strncmp(p, v, l) == 0) {
				val->text = tl_xstrdup(v);
				return val;
			}
			p += l + (e != NULL);
		}
		fail_at(ld, f, node,
		        "option '%s' of rule %s must be one of: %s", def->name,
		        rule, c);
		break;
	}
	case TL_OPTION_STRING:
		if (v) {
			val->text = tl_xstrdup(v);
			return val;
		}
		fail_at(ld, f, node,
		        "option '%s' of rule %s must be a string, not %s",
		        def->name, rule, kind_name(node));
		break;
	}
	tl_optval_unref(val);
	return NULL;
}

static void push_setting(setting **v, size_t *n, const char *rule,
                         const char *opt, char *value, tl_optval *val)
{
	*v = tl_xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[*n].rule = tl_xstrdup(rule);
	(*v)[*n].opt = opt ? tl_xstrdup(opt) : NULL;
	(*v)[*n].value = value;
	(*v)[*n].val = val;
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
	const char *wrote = v ? v : "";
	tl_nearest s = tl_nearest_start(wrote, strlen(wrote));
	static const char *const words[] = {"error", "warning", "info", "off",
	                                    "on"};
	char hint[300];
	for (size_t i = 0; i < (allow_on ? 5u : 4u); i++)
		tl_nearest_add(&s, words[i], strlen(words[i]));
	return fail_at(ld, f, node,
	               "rule %s: expected error, warning, info, off%s or a "
	               "map of options, got %s%s%s%s",
	               rule, allow_on ? ", on" : "", v ? "'" : "",
	               v ? v : kind_name(node), v ? "'" : "",
	               v ? tl_nearest_hint(&s, hint, sizeof hint) : "");
}

/* Fails on an unknown rule name, suggesting the nearest rule. */
static bool unknown_rule(loader *ld, yfile *f, const tl_config *cfg,
                         const yaml_node_t *k, const char *name)
{
	const char *near = tl_config_nearest_rule(cfg, name);
	char hint[300] = "";
	if (near)
		snprintf(hint, sizeof hint, " (did you mean '%s'?)", near);
	return fail_at(ld, f, k, "unknown rule '%s'%s", name, hint);
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
		long ri = tl_config_rule_index(cfg, name);
		if (ri < 0)
			return unknown_rule(ld, f, cfg, k, name);
		const tl_rule *rule = tl_config_rule_at(cfg, ri);
		if (v->type != YAML_MAPPING_NODE) {
			if (!severity_word(ld, f, name, v, true))
				return false;
			push_setting(out, nout, name, NULL,
			             tl_xstrdup(scalar(v)), NULL);
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
				tl_nearest s = tl_nearest_start(on, strlen(on));
				char hint[300];
				tl_nearest_add(&s, "severity", 8);
				for (const tl_option_def *o = rule->options;
				     o && o->name; o++)
					tl_nearest_add(&s, o->name,
					               strlen(o->name));
				return fail_at(
				    ld, f, ok,
				    "unknown option '%s' of rule %s%s", on,
				    name,
				    tl_nearest_hint(&s, hint, sizeof hint));
			}
			tl_optval *val = option_value_of(ld, f, name, def,
			                                 node_at(f, q->value));
			if (!val)
				return false;
			push_setting(out, nout, name, def->name, NULL, val);
		}
		push_setting(out, nout, name, NULL,
		             tl_xstrdup(sev ? scalar(sev) : "on"), NULL);
	}
	return true;
}

/* A custom rule's id and its place in the list, to find ids defined
 * twice by sorting. */
typedef struct id_ref {
	const char *id;
	size_t index;
} id_ref;

static int id_ref_cmp(const void *a, const void *b)
{
	const id_ref *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	if (c)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Which items of the custom rule LIST (N items) repeat the id of an
 * earlier one, as a calloc'ed array of flags: sorting keeps 20,000 rules
 * from costing 200 million comparisons. */
static bool *repeated_ids(yfile *f, yaml_node_t *list, size_t n)
{
	bool *rep = tl_xcalloc(n ? n : 1, sizeof *rep);
	id_ref *refs = tl_xmalloc((n ? n : 1) * sizeof *refs);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *o = node_at(f, list->data.sequence.items.start[i]);
		if (!o || o->type != YAML_MAPPING_NODE)
			continue;
		for (yaml_node_pair_t *p = o->data.mapping.pairs.start;
		     p < o->data.mapping.pairs.top; p++) {
			const char *key = scalar(node_at(f, p->key));
			const char *val = scalar(node_at(f, p->value));
			if (key && val && !strcmp(key, "id"))
				refs[k++] = (id_ref){val, i};
		}
	}
	qsort(refs, k, sizeof *refs, id_ref_cmp);
	for (size_t i = 1; i < k; i++)
		if (!strcmp(refs[i - 1].id, refs[i].id))
			rep[refs[i].index] = true;
	free(refs);
	return rep;
}

static bool parse_custom_items(loader *ld, yfile *f, tl_config *cfg,
                               yaml_node_t *list, const bool *repeated)
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
		if (repeated[it - list->data.sequence.items.start])
			return fail_at(ld, f, vals[0],
			               "custom rule id '%s' is defined twice",
			               id);
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
			tl_error_set(ld->err, f->path, n->start_mark.line + 1,
			             value_column(n, at), "custom rule %s: %s",
			             id, why);
			return false;
		}
		tl_config_add_custom(cfg, c);
	}
	return true;
}

static bool parse_custom(loader *ld, yfile *f, tl_config *cfg,
                         yaml_node_t *list)
{
	if (list->type != YAML_SEQUENCE_NODE)
		return parse_custom_items(ld, f, cfg, list, NULL);
	size_t n = (size_t)(list->data.sequence.items.top -
	                    list->data.sequence.items.start);
	bool *repeated = repeated_ids(f, list, n);
	bool ok = parse_custom_items(ld, f, cfg, list, repeated);
	free(repeated);
	return ok;
}

/* How many values a configuration may hold once every alias is read
 * as a copy of its anchor. An alias costs libyaml one node, but the
 * loader reads the anchored value again at each use, so a few KB of
 * aliases to a long list (or aliases of aliases) made gigabytes and
 * seconds; YAML loaders guard against this "billion laughs" the same
 * way. */
#define MAX_EXPANDED 1000000

/* The number of values under node INDEX of F with aliases expanded, up
 * to MAX_EXPANDED + 1, memoised in SIZE (0: not yet counted); *DEEPEST
 * is the node where the count first went over. */
static size_t expanded(yfile *f, int index, size_t *size, int depth,
                       yaml_node_t **over)
{
	yaml_node_t *n = node_at(f, index);
	size_t i = (size_t)(index - 1), total = 1;
	if (!n || depth > 10000)
		return MAX_EXPANDED + 1;
	if (size[i])
		return size[i];
	size[i] = MAX_EXPANDED + 1; /* a node inside itself is too much */
	if (n->type == YAML_SEQUENCE_NODE) {
		for (yaml_node_item_t *it = n->data.sequence.items.start;
		     it < n->data.sequence.items.top && total <= MAX_EXPANDED;
		     it++)
			total += expanded(f, *it, size, depth + 1, over);
	} else if (n->type == YAML_MAPPING_NODE) {
		for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
		     p < n->data.mapping.pairs.top && total <= MAX_EXPANDED;
		     p++) {
			total += expanded(f, p->key, size, depth + 1, over);
			total += expanded(f, p->value, size, depth + 1, over);
		}
	}
	if (total > MAX_EXPANDED) {
		total = MAX_EXPANDED + 1;
		if (!*over)
			*over = n;
	}
	size[i] = total;
	return total;
}
static bool is_null(const yaml_node_t *n);

/* Reads one entry of source: (map M) into a pairing rule, or NULL with
 * the error at the offending node. */
static tl_pairing_rule *source_entry(loader *ld, yfile *f, yaml_node_t *m)
{
	static const char *const keys[] = {"match", "original", "revision",
	                                   NULL};
	static const char *const what[] = {
	    "match: a pattern (PCRE2) for the translation's path",
	    "original: the original's path, with $0 to $9",
	    "revision: a git revision, or base"};
	yaml_node_t *v[3] = {NULL, NULL, NULL};

	if (m->type != YAML_MAPPING_NODE) {
		fail_at(ld, f, m,
		        "a source entry must be a map with match and "
		        "original, not %s",
		        kind_name(m));
		return NULL;
	}
	if (!map_fields(ld, f, m, keys, "a source entry", v))
		return NULL;
	for (size_t i = 0; i < 3; i++)
		if (v[i] && is_null(v[i]))
			v[i] = NULL;
	for (size_t i = 0; i < 2; i++)
		if (!v[i]) {
			fail_at(ld, f, m, "a source entry needs %s", what[i]);
			return NULL;
		}
	for (size_t i = 0; i < 3; i++)
		if (v[i] && (!scalar(v[i]) || !*scalar(v[i]))) {
			fail_at(ld, f, v[i], "%s of a source entry must be %s",
			        keys[i],
			        scalar(v[i]) ? "a non-empty string"
			                     : "a string");
			return NULL;
		}
	char why[400];
	size_t at = 0;
	const char *match = scalar(v[0]);
	pcre2_code *re =
	    tl_pairing_compile(match, strlen(match), why, sizeof why, &at);
	if (!re) {
		tl_error_set(ld->err, f->path, v[0]->start_mark.line + 1,
		             value_column(v[0], at), "source match: %s", why);
		return NULL;
	}
	uint32_t groups = 0;
	pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &groups);
	if (!tl_pairing_template_ok(scalar(v[1]), groups, why, sizeof why,
	                            &at)) {
		pcre2_code_free(re);
		tl_error_set(ld->err, f->path, v[1]->start_mark.line + 1,
		             value_column(v[1], at), "source original: %s",
		             why);
		return NULL;
	}
	tl_buf where = {0};
	tl_buf_printf(&where, "%s:%zu", f->path,
	              (size_t)m->start_mark.line + 1);
	return tl_pairing_rule_new(tl_xstrdup(match), re,
	                           tl_xstrdup(scalar(v[1])),
	                           v[2] ? tl_xstrdup(scalar(v[2])) : NULL,
	                           tl_xstrdup(f->dir), where.data);
}

/* Reads source: (LIST) and puts its entries before CFG's. */
static bool parse_source(loader *ld, yfile *f, tl_config *cfg,
                         yaml_node_t *list)
{
	if (list->type != YAML_SEQUENCE_NODE)
		return fail_at(ld, f, list,
		               "source must be a list of maps with match and "
		               "original, not %s",
		               kind_name(list));
	size_t n = (size_t)(list->data.sequence.items.top -
	                    list->data.sequence.items.start);
	tl_pairing_rule **all = tl_xcalloc(n + cfg->nsource + 1, sizeof *all);
	size_t k = 0;
	for (yaml_node_item_t *it = list->data.sequence.items.start;
	     it < list->data.sequence.items.top; it++) {
		tl_pairing_rule *r = source_entry(ld, f, node_at(f, *it));
		if (!r) {
			for (size_t i = 0; i < k; i++)
				tl_pairing_rule_unref(all[i]);
			free(all);
			return false;
		}
		all[k++] = r;
	}
	if (cfg->nsource)
		memcpy(all + k, cfg->source, cfg->nsource * sizeof *all);
	free(cfg->source);
	cfg->source = all;
	cfg->nsource += k;
	return true;
}

/* Parses one YAML text into F (path PATH, folder DIR taken). */
static bool yfile_parse(loader *ld, yfile *f, const char *path, char *dir,
                        const char *data, size_t len)
{
	yaml_parser_t parser;
	f->path = path;
	f->dir = dir;
	size_t deep = tl_yaml_too_deep(data, len);
	if (deep != TL_NONE) {
		size_t line = 1, col = 1;
		for (size_t i = 0; i < deep; i++) {
			if (data[i] == '\n' ||
			    (data[i] == '\r' &&
			     (i + 1 >= len || data[i + 1] != '\n'))) {
				line++;
				col = 1;
			} else if (((unsigned char)data[i] & 0xC0) != 0x80) {
				col++;
			}
		}
		tl_error_set(ld->err, path, line, col,
		             "YAML nested deeper than %d levels",
		             TL_YAML_MAX_FLOW_DEPTH);
		free(dir);
		return false;
	}
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
	size_t nodes = (size_t)(f->doc.nodes.top - f->doc.nodes.start);
	if (nodes) {
		size_t *size = tl_xcalloc(nodes, sizeof *size);
		yaml_node_t *over = NULL;
		size_t total = expanded(f, 1, size, 0, &over);
		free(size);
		if (total > MAX_EXPANDED) {
			fail_at(ld, f, over,
			        "aliases expand the configuration to more "
			        "than %d values",
			        MAX_EXPANDED);
			yaml_document_delete(&f->doc);
			free(dir);
			return false;
		}
	}
	return true;
}

static bool apply_source(loader *ld, tl_config *cfg, const char *path,
                         char *dir, const char *data, size_t len, bool root,
                         const char *preset, bool embedded);

/* Adds globs PATS (at NODES) of F to INTO, relative to F's folder; the
 * first that cannot match anything fails at its position. */
static bool add_globs(loader *ld, yfile *f, char **pats, yaml_node_t **nodes,
                      size_t n, tl_globs *into)
{
	for (size_t i = 0; i < n; i++) {
		const char *why =
		    tl_globs_add(into, pats[i], f->dir, TL_GLOBS_CONFIG);
		if (why)
			return fail_at(ld, f, nodes[i], "bad glob '%s': %s",
			               pats[i], why);
	}
	return true;
}

/* Reads extends file PATH into DATA: NULL, or why it was refused. Only
 * a regular file is read (not a folder, a device such as /dev/zero, a
 * FIFO that would wait for a writer), and at most MAX_EXTENDS_SIZE
 * bytes of it. */
static const char *read_extends_file(const char *path, tl_buf *data)
{
	struct stat st;
	const char *why = NULL;
	int fd;

	do
		fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		return errno == ENOENT ? "no such file" : "cannot open it";
	tl_buf_puts(data, "");
	if (fstat(fd, &st) != 0) {
		why = "cannot open it";
	} else if (!S_ISREG(st.st_mode)) {
		why = S_ISDIR(st.st_mode) ? "it is a folder, not a file"
		                          : "not a regular file";
	} else if ((uint64_t)st.st_size > MAX_EXTENDS_SIZE) {
		why = "larger than 1 MiB, the limit of what a configuration "
		      "reads";
	} else {
		char chunk[8192];

		for (;;) {
			ssize_t got = read(fd, chunk, sizeof chunk);

			if (got < 0 && errno == EINTR)
				continue;
			if (got < 0) {
				why = "cannot read it";
				break;
			}
			if (got == 0)
				break;
			tl_buf_append(data, chunk, (size_t)got);
			if (data->len > MAX_EXTENDS_SIZE) {
				why = "larger than 1 MiB, the limit of what "
				      "a configuration reads";
				break;
			}
		}
	}
	close(fd);
	return why;
}

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
		if (!e || !tl_embedded_is_preset(name)) {
			tl_nearest s = tl_nearest_start(name, strlen(name));
			char hint[300];
			char names[64][64];
			size_t n = 0;
			for (size_t i = 0; tl_embedded_files[i].name && n < 64;
			     i++) {
				if (!tl_embedded_is_preset(
				        tl_embedded_files[i].name))
					continue;
				snprintf(names[n], sizeof names[n], "%s",
				         tl_embedded_files[i].name);
				char *dot = strrchr(names[n], '.');
				if (dot)
					*dot = '\0';
				tl_nearest_add(&s, names[n], strlen(names[n]));
				n++;
			}
			return fail_at(ld, f, node, "unknown preset '%s'%s",
			               name,
			               tl_nearest_hint(&s, hint, sizeof hint));
		}
		char shown[300];
		snprintf(shown, sizeof shown, "rules/%s", e->name);
		ld->depth++;
		bool ok = apply_source(ld, cfg, shown, tl_xstrdup(f->dir),
		                       e->data, e->len, false, NULL, true);
		ld->depth--;
		return ok;
	}
	tl_buf p = {0};
	if (name[0] == '/')
		tl_buf_puts(&p, name);
	else
		tl_buf_printf(&p, "%s/%s", f->dir, name);
	char *abs = tl_path_abs(p.data);
	if (ld->read)
		tl_option_list_add(ld->read, abs);
	tl_buf_free(&p);
	tl_buf data = {0};
	const char *why = read_extends_file(abs, &data);
	if (why) {
		free(abs);
		tl_buf_free(&data);
		return fail_at(ld, f, node, "cannot read extends file '%s': %s",
		               name, why);
	}
	char *shown = tl_path_shorten(tl_xstrdup(abs));
	ld->depth++;
	bool ok = apply_source(ld, cfg, shown, tl_path_dir(abs), data.data,
	                       data.len, false, NULL, false);
	ld->depth--;
	tl_buf_free(&data);
	free(shown);
	free(abs);
	return ok;
}

/* Whether N is YAML's null written plainly ("key:" with nothing after
 * it, ~, null): a key with no value is the same as no key, so that the
 * starter file's "ignore:" and "rules:" stand on their own and take the
 * examples under them once uncommented. */
static bool is_null(const yaml_node_t *n)
{
	const char *v = scalar(n);
	return v && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       (!*v || !strcmp(v, "~") || !strcmp(v, "null") ||
	        !strcmp(v, "Null") || !strcmp(v, "NULL"));
}

typedef struct key_at {
	const char *s;
	size_t len;
	const yaml_node_t *node;
} key_at;

static int key_at_cmp(const void *a, const void *b)
{
	const key_at *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->s, y->s, n);
	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->node->start_mark.index < y->node->start_mark.index   ? -1
	       : x->node->start_mark.index > y->node->start_mark.index ? 1
	                                                               : 0;
}

/* Fails at the second of two equal keys in any map of F (a second
 * extends: would silently replace the first; libyaml keeps both). The
 * keys of each map are sorted, so a map of many keys costs n log n. */
static bool no_repeated_keys(loader *ld, yfile *f)
{
	const yaml_node_t *first = NULL, *second = NULL;
	for (yaml_node_t *m = f->doc.nodes.start; m < f->doc.nodes.top; m++) {
		if (m->type != YAML_MAPPING_NODE)
			continue;
		size_t n = (size_t)(m->data.mapping.pairs.top -
		                    m->data.mapping.pairs.start),
		       k = 0;
		if (n < 2)
			continue;
		key_at *keys = tl_xmalloc(n * sizeof *keys);
		for (yaml_node_pair_t *p = m->data.mapping.pairs.start;
		     p < m->data.mapping.pairs.top; p++) {
			const yaml_node_t *kn = node_at(f, p->key);
			if (scalar(kn))
				keys[k++] = (key_at){
				    scalar(kn), kn->data.scalar.length, kn};
		}
		qsort(keys, k, sizeof *keys, key_at_cmp);
		for (size_t i = 1; i < k; i++)
			if (keys[i].len == keys[i - 1].len &&
			    !memcmp(keys[i].s, keys[i - 1].s, keys[i].len) &&
			    (!second || keys[i].node->start_mark.index <
			                    second->start_mark.index)) {
				first = keys[i - 1].node;
				second = keys[i].node;
			}
		free(keys);
	}
	if (!second)
		return true;
	return fail_at(ld, f, second,
	               "key '%s' repeated (first on line %zu): a second value "
	               "would silently replace the first",
	               scalar(second), first->start_mark.line + 1);
}

/* The top-level keys, in the order vals[] of apply_doc holds them; the
 * JSON Schema (schema.c) lists them from here. */
static const char *const top_keys[] = {"extends",         "ignore",   "rules",
                                       "overrides",       "fail-on",  "source",
                                       "source-required", "glossary", NULL};

const char *const *tl_config_top_keys(void)
{
	return top_keys;
}

static bool add_glossary(tl_config *cfg, tl_glossary *g);

/* Reads glossary file NAME (at NODE of F) and adds its entries to CFG's
 * glossary. A preset names a glossary of rules/; a file, a path relative
 * to its folder. */
static bool read_glossary(loader *ld, tl_config *cfg, yfile *f,
                          yaml_node_t *node, const char *name)
{
	tl_glossary *g = NULL;
	if (f->embedded) {
		const struct tl_embedded_file *e = tl_embedded_find(name);
		if (!e || tl_embedded_is_preset(name))
			return fail_at(ld, f, node,
			               "no glossary '%s' in rules/", name);
		char shown[300];
		snprintf(shown, sizeof shown, "rules/%s", e->name);
		g = tl_glossary_parse(shown, e->data, e->len, ld->err);
	} else {
		tl_buf p = {0};
		if (name[0] == '/')
			tl_buf_puts(&p, name);
		else
			tl_buf_printf(&p, "%s/%s", f->dir, name);
		char *abs = tl_path_abs(p.data);
		tl_buf_free(&p);
		if (ld->read)
			tl_option_list_add(ld->read, abs);
		tl_buf data = {0};
		const char *why = read_extends_file(abs, &data);
		if (why) {
			free(abs);
			tl_buf_free(&data);
			return fail_at(ld, f, node,
			               "cannot read glossary '%s': %s", name,
			               why);
		}
		char *shown = tl_path_shorten(abs);
		g = tl_glossary_parse(shown, data.data, data.len, ld->err);
		free(shown);
		tl_buf_free(&data);
	}
	return add_glossary(cfg, g);
}

/* Adds glossary G (taking the reference; NULL: an error) to CFG's. */
static bool add_glossary(tl_config *cfg, tl_glossary *g)
{
	if (!g)
		return false;
	tl_glossary *merged = tl_glossary_merge(cfg->glossary, g);
	tl_glossary_unref(g);
	tl_glossary_unref(cfg->glossary);
	cfg->glossary = merged;
	return true;
}

/* glossary: FILE, or a list whose items are files (read in order) or
 * entries written in place (a small project's whole glossary). */
static bool apply_glossary(loader *ld, tl_config *cfg, yfile *f,
                           yaml_node_t *node)
{
	if (scalar(node))
		return read_glossary(ld, cfg, f, node, scalar(node));
	if (node->type != YAML_SEQUENCE_NODE)
		return fail_at(ld, f, node,
		               "glossary must be a file, or a list of files "
		               "and entries {term, zh, reject, keep-english}, "
		               "not %s",
		               kind_name(node));
	size_t n = (size_t)(node->data.sequence.items.top -
	                    node->data.sequence.items.start);
	yaml_node_t **inline_items = tl_xmalloc((n + 1) * sizeof *inline_items);
	size_t ninline = 0;
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		yaml_node_t *it =
		    node_at(f, node->data.sequence.items.start[i]);
		if (scalar(it))
			ok = read_glossary(ld, cfg, f, it, scalar(it));
		else
			inline_items[ninline++] = it;
	}
	if (ok && ninline)
		ok = add_glossary(cfg, tl_glossary_of_nodes(f->path, &f->doc,
		                                            inline_items,
		                                            ninline, ld->err));
	free(inline_items);
	return ok;
}

static bool apply_doc(loader *ld, tl_config *cfg, yfile *f, bool root,
                      const char *preset)
{
	yaml_node_t *top = yaml_document_get_root_node(&f->doc);
	yaml_node_t *vals[8] = {NULL};
	if (top && top->type == YAML_SCALAR_NODE &&
	    top->data.scalar.length == 0)
		top = NULL;
	/* A file reached through extends is judged whole before anything of
	 * it may be quoted: unless it is a map with at least one key of ours
	 * it is no configuration (a secrets file, /etc/passwd), and the error
	 * names the file and nothing in it. (One key of ours is enough, so
	 * that a misspelled key beside it still gets its "did you mean".) */
	if (!root && top) {
		bool ours = false;
		if (top->type == YAML_MAPPING_NODE)
			for (yaml_node_pair_t *pr =
			         top->data.mapping.pairs.start;
			     !ours && pr < top->data.mapping.pairs.top; pr++) {
				const char *k = scalar(node_at(f, pr->key));
				for (size_t i = 0; k && top_keys[i]; i++)
					ours |= strcmp(k, top_keys[i]) == 0;
			}
		if (!ours)
			return fail_at(ld, f, NULL,
			               "not a translint configuration (a map "
			               "of extends, ignore, rules, overrides, "
			               "fail-on, source and glossary); nothing "
			               "of it is shown");
	}
	if (top && top->type != YAML_MAPPING_NODE)
		return fail_at(ld, f, top,
		               "a configuration must be a map (extends, "
		               "ignore, rules, overrides, fail-on, source, "
		               "glossary), "
		               "not %s",
		               kind_name(top));
	if (!no_repeated_keys(ld, f))
		return false;
	if (top && !map_fields(ld, f, top, top_keys, "the configuration", vals))
		return false;
	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
		if (vals[i] && is_null(vals[i]))
			vals[i] = NULL;

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

	/* fail-on, after extends: a file's own value wins over theirs. */
	if (vals[4]) {
		const char *v = scalar(vals[4]);
		tl_severity sev;

		if (!v || !tl_severity_parse(v, &sev) || sev == TL_SEVERITY_OFF)
			return fail_at(
			    ld, f, vals[4],
			    "fail-on must be error, warning or info");
		cfg->fail_on = sev;
	}

	/* source and source-required, after extends: the file's own
	 * entries are tried before theirs, and its own value wins. */
	if (vals[5] && !parse_source(ld, f, cfg, vals[5]))
		return false;
	if (vals[6]) {
		const char *v = scalar(vals[6]);

		if (v && (!strcmp(v, "true") || !strcmp(v, "false")))
			cfg->source_required = strcmp(v, "true") == 0;
		else
			return fail_at(ld, f, vals[6],
			               "source-required must be true or false");
	}
	/* glossary, after extends: it adds to theirs. */
	if (vals[7] && !apply_glossary(ld, cfg, f, vals[7]))
		return false;

	/* rules */
	if (vals[2]) {
		setting *set = NULL;
		size_t nset = 0;
		bool ok = parse_rules(ld, f, cfg, vals[2], true, &set, &nset);
		for (size_t i = 0; ok && i < nset; i++)
			tl_config_apply_setting(cfg, &set[i]);
		tl_settings_free(set, nset);
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
		if (!cfg->ignore)
			cfg->ignore = tl_globs_new();
		bool ok = add_globs(ld, f, pats, nodes, n, cfg->ignore);
		strings_free(pats, n);
		free(nodes);
		if (!ok)
			return false;
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
			if (files && is_null(files))
				files = NULL;
			if (rules && is_null(rules))
				rules = NULL;
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
			ob.files = tl_globs_new();
			bool ok = add_globs(ld, f, pats, nodes, n, ob.files);
			strings_free(pats, n);
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
                         const char *preset, bool embedded)
{
	yfile f;
	if (!yfile_parse(ld, &f, path, dir, data, len))
		return false;
	f.embedded = embedded;
	bool ok = apply_doc(ld, cfg, &f, root, preset);
	yaml_document_delete(&f.doc);
	free(f.dir);
	return ok;
}

tl_config *tl_config_preset(const char *name, tl_error *err)
{
	const struct tl_embedded_file *e = tl_embedded_find(name);
	if (!e || !tl_embedded_is_preset(name)) {
		tl_error_set(err, "", 0, 0, "unknown preset '%s'", name);
		return NULL;
	}
	loader ld = {err, 0, NULL};
	tl_config *cfg = tl_config_empty();
	char shown[300];
	snprintf(shown, sizeof shown, "rules/%s", e->name);
	char *cwd = tl_path_abs(".");
	if (!apply_source(&ld, cfg, shown, cwd, e->data, e->len, true, NULL,
	                  true)) {
		tl_config_free(cfg);
		return NULL;
	}
	cfg->origin = tl_xstrdup(shown);
	return cfg;
}

/* Whether preset NAME (an embedded file's name without ".yml") enables
 * RULE. */
static bool preset_enables(const char *name, const tl_rule *rule)
{
	tl_error err;
	tl_config *cfg = tl_config_preset(name, &err);
	bool on = cfg && tl_config_severity(cfg, rule->name) != TL_SEVERITY_OFF;
	tl_config_free(cfg);
	return on;
}

bool tl_rule_preset(const tl_rule *rule, tl_buf *out)
{
	/* The generic presets first, the smaller first; then the others
	 * (community presets, which extend translation) by name. */
	static const char *const first[] = {"recommended", "translation"};
	for (size_t i = 0; i < 2; i++)
		if (preset_enables(first[i], rule)) {
			tl_buf_puts(out, first[i]);
			return true;
		}
	for (size_t i = 0; tl_embedded_files[i].name; i++) {
		const char *file = tl_embedded_files[i].name;
		size_t len = strlen(file);
		if (len < 4 || strcmp(file + len - 4, ".yml") != 0)
			continue;
		char *name = tl_xstrndup(file, len - 4);
		bool skip = !tl_embedded_is_preset(name) ||
		            strcmp(name, first[0]) == 0 ||
		            strcmp(name, first[1]) == 0;
		if (!skip && preset_enables(name, rule)) {
			tl_buf_puts(out, name);
			free(name);
			return true;
		}
		free(name);
	}
	return false;
}

tl_config *tl_config_load(const char *path, const char *preset, tl_error *err)
{
	return tl_config_load_reading(path, preset, err, NULL);
}

tl_config *tl_config_load_reading(const char *path, const char *preset,
                                  tl_error *err, tl_option_list *read)
{
	if (read) {
		char *abs = tl_path_abs(path);
		tl_option_list_add(read, abs);
		free(abs);
	}
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
	if (preset &&
	    (!tl_embedded_find(preset) || !tl_embedded_is_preset(preset))) {
		tl_buf_free(&data);
		tl_error_set(err, "", 0, 0, "unknown preset '%s'", preset);
		return NULL;
	}
	loader ld = {err, 0, read};
	tl_config *cfg = tl_config_empty();
	char *abs = tl_path_abs(path);
	bool ok = apply_source(&ld, cfg, path, tl_path_dir(abs), data.data,
	                       data.len, true, preset, false);
	free(abs);
	tl_buf_free(&data);
	if (!ok) {
		tl_config_free(cfg);
		return NULL;
	}
	cfg->origin = tl_xstrdup(path);
	return cfg;
}

bool tl_config_set_option(tl_config *cfg, const char *rule, const char *opt,
                          const char *yaml, tl_error *err)
{
	loader ld = {err, 0, NULL};
	long ri = tl_config_rule_index(cfg, rule);
	const tl_option_def *def = NULL;
	if (ri >= 0 && (size_t)ri < cfg->nrules)
		for (const tl_option_def *o =
		         tl_config_rule_at(cfg, ri)->options;
		     o && o->name && !def; o++)
			if (strcmp(o->name, opt) == 0)
				def = o;
	if (!def) {
		tl_error_set(err, "", 0, 0, "rule %s has no option '%s'", rule,
		             opt);
		return false;
	}
	yfile f;
	if (!yfile_parse(&ld, &f, "", tl_path_abs("."), yaml, strlen(yaml)))
		return false;
	yaml_node_t *root = yaml_document_get_root_node(&f.doc);
	tl_optval *v = NULL;
	if (root)
		v = option_value_of(&ld, &f, rule, def, root);
	else
		tl_error_set(err, "", 0, 0, "option '%s' of rule %s: no value",
		             opt, rule);
	yaml_document_delete(&f.doc);
	free(f.dir);
	if (!v)
		return false;
	tl_config_put_optval(cfg, rule, opt, v);
	return true;
}
