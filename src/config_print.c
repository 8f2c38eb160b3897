/*
 * config_print.c: what a configuration writes out. --print-config
 * (tl_config_print) goes through libyaml's emitter, not through
 * hand-made quoting, so that any value (a message holding a newline, a
 * pattern full of quotes and backslashes) reads back as it was: the
 * output is itself a configuration that loads to the same one (extends:
 * [] and every built-in rule named, then the custom rules). The starter
 * file of --init (tl_config_starter) is a commented template whose
 * examples ("#  " lines) stay valid YAML when uncommented and whose
 * first line names the JSON Schema (schema.h) for YAML language servers.
 *
 * Library code: nothing here prints or exits.
 */
#include "config_impl.h"
#include "schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* ---- The emitter --------------------------------------------------------- */

static int to_buf(void *data, unsigned char *bytes, size_t size)
{
	tl_buf_append(data, (const char *)bytes, size);
	return 1;
}

/* libyaml fails only on a malformed event stream, which would be a bug
 * here: the events below are always well formed. */
static void emit(yaml_emitter_t *em, yaml_event_t *ev)
{
	if (!yaml_emitter_emit(em, ev)) {
		fprintf(stderr, "translint: bug: YAML emitter: %s\n",
		        em->problem ? em->problem : "failed");
		abort();
	}
}

/* A string scalar: the emitter picks plain or quoted as the text
 * allows; a text with a line break is double-quoted, where "\n" shows. */
static void put_str(yaml_emitter_t *em, const char *s)
{
	yaml_event_t ev;
	yaml_scalar_style_t st = strchr(s, '\n') || strchr(s, '\r')
	                             ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
	                             : YAML_ANY_SCALAR_STYLE;
	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
	                             (int)strlen(s), 1, 1, st);
	emit(em, &ev);
}

static void put_map_start(yaml_emitter_t *em, bool flow)
{
	yaml_event_t ev;
	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	                                    flow ? YAML_FLOW_MAPPING_STYLE
	                                         : YAML_BLOCK_MAPPING_STYLE);
	emit(em, &ev);
}

static void put_map_end(yaml_emitter_t *em)
{
	yaml_event_t ev;
	yaml_mapping_end_event_initialize(&ev);
	emit(em, &ev);
}

static void put_seq_start(yaml_emitter_t *em, bool flow)
{
	yaml_event_t ev;
	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
	                                     flow ? YAML_FLOW_SEQUENCE_STYLE
	                                          : YAML_BLOCK_SEQUENCE_STYLE);
	emit(em, &ev);
}

static void put_seq_end(yaml_emitter_t *em)
{
	yaml_event_t ev;
	yaml_sequence_end_event_initialize(&ev);
	emit(em, &ev);
}

static void put_list(yaml_emitter_t *em, const tl_option_list *l)
{
	put_seq_start(em, true);
	for (size_t i = 0; i < l->n; i++)
		put_str(em, l->items[i]);
	put_seq_end(em);
}

/* An option's value as the loader reads it back (config_load.c). */
static void put_optval(yaml_emitter_t *em, const tl_optval *v)
{
	switch (v->type) {
	case TL_OPTION_LIST:
		put_list(em, &v->list);
		return;
	case TL_OPTION_MAP:
	case TL_OPTION_REGEX_MAP:
		put_map_start(em, true);
		for (size_t i = 0; i < v->map.n; i++) {
			put_str(em, v->map.keys[i]);
			if (v->map.values[i].n == 1)
				put_str(em, v->map.values[i].items[0]);
			else
				put_list(em, &v->map.values[i]);
		}
		put_map_end(em);
		return;
	case TL_OPTION_BOOL:
	case TL_OPTION_INT:
	case TL_OPTION_STRING:
	case TL_OPTION_ENUM:
	case TL_OPTION_REGEX:
		put_str(em, v->text);
		return;
	}
}

/* The strings V[0..N) as one string when N is 1, else a list. */
static void put_strings(yaml_emitter_t *em, char *const *v, size_t n)
{
	if (n == 1) {
		put_str(em, v[0]);
		return;
	}
	put_seq_start(em, true);
	for (size_t i = 0; i < n; i++)
		put_str(em, v[i]);
	put_seq_end(em);
}

/* A glossary entry as its file writes it. */
static void put_gloss_entry(yaml_emitter_t *em, const tl_gloss_entry *e)
{
	put_map_start(em, true);
	put_str(em, "term");
	put_strings(em, e->terms, e->nterms);
	if (e->nzh) {
		put_str(em, "zh");
		put_strings(em, e->zh, e->nzh);
	}
	if (e->nreject) {
		put_str(em, "reject");
		put_strings(em, e->reject, e->nreject);
	}
	if (e->keep_english) {
		put_str(em, "keep-english");
		put_str(em, "true");
	}
	put_map_end(em);
}

/* A comment line with TEXT, any control character shown as '?' so that
 * it stays one comment line. */
static void put_comment(tl_buf *out, const char *label, const char *text)
{
	tl_buf_printf(out, "# %s: ", label);
	for (const char *c = text; *c; c++)
		tl_buf_putc(out,
		            (unsigned char)*c < 0x20 || *c == 0x7f ? '?' : *c);
	tl_buf_putc(out, '\n');
}

void tl_config_print(const tl_config *cfg, tl_buf *out)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	yaml_emitter_t em;
	yaml_event_t ev;

	put_comment(out, "from", cfg->origin ? cfg->origin : "(built in)");
	for (size_t i = 0;
	     cfg->glossary && i < tl_glossary_files(cfg->glossary)->n; i++)
		put_comment(out, "glossary from",
		            tl_glossary_files(cfg->glossary)->items[i]);
	yaml_emitter_initialize(&em);
	yaml_emitter_set_output(&em, to_buf, out);
	yaml_emitter_set_unicode(&em, 1);
	yaml_emitter_set_width(&em, -1);
	yaml_emitter_set_indent(&em, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&em, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(&em, &ev);
	put_map_start(&em, false);

	/* Every rule is named below: nothing needs to come from a preset. */
	put_str(&em, "extends");
	put_seq_start(&em, true);
	put_seq_end(&em);
	put_str(&em, "fail-on");
	put_str(&em, tl_severity_name(cfg->fail_on));
	/* The entries as written: their paths stay relative to the folder
	 * of the file that loads them. */
	if (cfg->nsource) {
		put_str(&em, "source");
		put_seq_start(&em, false);
		for (size_t i = 0; i < cfg->nsource; i++) {
			const tl_pairing_rule *e = cfg->source[i];

			put_map_start(&em, true);
			put_str(&em, "match");
			put_str(&em, e->match);
			put_str(&em, "original");
			put_str(&em, e->original);
			if (e->revision) {
				put_str(&em, "revision");
				put_str(&em, e->revision);
			}
			put_map_end(&em);
		}
		put_seq_end(&em);
	}
	if (cfg->source_required) {
		put_str(&em, "source-required");
		put_str(&em, "true");
	}

	/* The glossary written out entry by entry, so that the output
	 * loads to the same one wherever it is saved. */
	if (cfg->glossary) {
		put_str(&em, "glossary");
		put_seq_start(&em, false);
		for (size_t i = 0; i < tl_glossary_count(cfg->glossary); i++)
			put_gloss_entry(&em,
			                tl_glossary_entry(cfg->glossary, i));
		put_seq_end(&em);
	}

	put_str(&em, "rules");
	put_map_start(&em, false);
	size_t slot = 0;
	for (size_t i = 0; i < n; i++) {
		const tl_rule *r = rules[i];
		put_str(&em, r->name);
		if (cfg->severity[i] == TL_SEVERITY_OFF) {
			for (const tl_option_def *o = r->options; o && o->name;
			     o++)
				slot++;
			put_str(&em, "off");
			continue;
		}
		put_map_start(&em, true);
		put_str(&em, "severity");
		put_str(&em, tl_severity_name(cfg->severity[i]));
		for (const tl_option_def *o = r->options; o && o->name;
		     o++, slot++) {
			put_str(&em, o->name);
			put_optval(&em, cfg->optv[slot]);
		}
		put_map_end(&em);
	}
	if (cfg->ncustom) {
		put_str(&em, "custom");
		put_seq_start(&em, false);
	}
	for (size_t i = 0; i < cfg->ncustom; i++) {
		const char *message, *pattern, *replace, *scope;
		tl_custom_fields(cfg->custom[i], &message, &pattern, &replace,
		                 &scope);
		put_map_start(&em, false);
		put_str(&em, "id");
		put_str(&em, tl_custom_rule(cfg->custom[i])->name);
		put_str(&em, "severity");
		put_str(&em, tl_severity_name(cfg->severity[n + i]));
		put_str(&em, "message");
		put_str(&em, message);
		put_str(&em, "pattern");
		put_str(&em, pattern);
		if (replace) {
			put_str(&em, "replace");
			put_str(&em, replace);
		}
		put_str(&em, "scope");
		put_str(&em, scope);
		put_map_end(&em);
	}
	if (cfg->ncustom)
		put_seq_end(&em);
	put_map_end(&em); /* rules */

	put_map_end(&em);
	yaml_document_end_event_initialize(&ev, 1);
	emit(&em, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(&em, &ev);
	yaml_emitter_delete(&em);
}

/* ---- The starter file ---------------------------------------------------- */

void tl_config_starter(const char *preset, tl_buf *out)
{
	/* The first line lets a YAML language server (VS Code's YAML
	 * extension, yaml-language-server) complete and check the file. */
	tl_buf_puts(out, "# yaml-language-server: $schema=" TL_SCHEMA_URL "\n");
	tl_buf_puts(out,
	            "# .translint.yml: configuration of translint for this "
	            "folder and\n"
	            "# the folders below it. Reference: docs/configuration.md."
	            "\n"
	            "# The examples (lines starting \"#  \") are valid YAML "
	            "once the \"#\"\n"
	            "# is removed. A key with no value is the same as no key."
	            "\n"
	            "\n"
	            "# Presets applied in order: recommended (typography and "
	            "Markdown\n"
	            "# syntax), translation (also front matter, attribution, "
	            "untranslated\n"
	            "# text), a community preset (lctt, thenewstack-zh...), "
	            "or paths to\n"
	            "# other files. Without extends: recommended.\n");
	tl_buf_printf(out, "extends: [%s]\n", preset ? preset : "recommended");
	tl_buf_puts(
	    out,
	    "\n"
	    "# The lowest severity that fails a run (exit 1): error, "
	    "warning or\n"
	    "# info. Hooks and the GitHub Action pass --fail-on warning.\n"
	    "fail-on: error\n"
	    "\n"
	    "# The project glossary of the glossary rule: files "
	    "relative to this\n"
	    "# one (terms/glossary.yml) or entries written here "
	    "(docs/rules/glossary.md).\n"
	    "glossary:\n"
	    "#  - {term: fork, zh: 复刻, reject: [分叉]}\n"
	    "\n"
	    "# Files and folders not to lint (.gitignore-style globs, "
	    "relative to\n"
	    "# this file).\n"
	    "ignore:\n"
	    "#  - \"drafts/**\"\n"
	    "\n"
	    "# Per rule: off, info, warning, error, or a map with severity "
	    "and\n"
	    "# options. translint --list-rules lists the rules.\n"
	    "rules:\n"
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
	    "overrides:\n"
	    "#  - files: [\"**/*.en.md\"]\n"
	    "#    rules: {space-cjk-latin: off}\n");
}
