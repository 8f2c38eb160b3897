/*
 * schema.c: the JSON Schema of .translint.yml (docs/translint.schema.json),
 * generated from what the loader reads, so that a YAML language server
 * completes and checks a configuration as translint itself would
 * (docs/configuration.md says how to hook it in). The rules, their
 * options and types, the severities and the presets come from the same
 * metadata as the rule pages (tl_rules(), the embedded presets); the
 * top-level keys from the loader's own list (tl_config_top_keys), each
 * with its shape from the table below. `make docs` writes the file and
 * `make docs-check` fails when the committed one differs.
 *
 * The schema is draft-07, which the YAML language server and
 * python3-jsonschema both read. Where the loader takes any scalar as a
 * string (a list item written 2024, a map value true), the schema accepts
 * numbers and booleans too, so that it never refuses what translint
 * accepts; it is stricter only where translint is (unknown keys, unknown
 * rules, severities, enums).
 */
#include "schema.h"
#include "embedded.h"
#include "emit/emit.h"
#include "ruledoc.h"

#include <string.h>

/* A scalar the loader reads as a string. */
#define SCALAR "{\"type\": [\"string\", \"number\", \"boolean\"]}"
#define STRINGS                                                                \
	"{\"anyOf\": [" SCALAR ", {\"type\": \"array\", \"items\": " SCALAR    \
	"}]}"

/* The shape of each top-level key the loader reads. A key the loader
 * knows and this table does not gets an open schema ({}) and a pointer
 * to the docs: the schema then accepts it until someone describes it. An
 * entry the loader does not list is not printed (source, source-required
 * and glossary are described ahead of the branches that read them). */
typedef struct top_key {
	const char *name;
	const char *doc;
	const char *shape; /* JSON, with "#/definitions/..." references */
} top_key;

static const top_key top_keys[] = {
    {"extends",
     "Presets (built in) or paths of other configuration files, applied "
     "in order; without extends: recommended; extends: [] starts from "
     "nothing.",
     "{\"anyOf\": [{\"$ref\": \"#/definitions/extend\"}, {\"type\": "
     "\"array\", \"items\": {\"$ref\": \"#/definitions/extend\"}}]}"},
    {"fail-on",
     "The lowest severity that fails a run (exit status 1); default "
     "error.",
     "{\"enum\": [\"error\", \"warning\", \"info\"]}"},
    {"ignore",
     "Files and folders not to lint: globs as .gitignore reads them, "
     "relative to this file.",
     STRINGS},
    {"rules",
     "Per rule: off, on, info, warning, error, or a map of severity and "
     "options; custom: declarative rules.",
     "{\"$ref\": \"#/definitions/rules\"}"},
    {"overrides",
     "Settings for some files: a list of files: (globs) and rules:.",
     "{\"type\": \"array\", \"items\": {\"$ref\": "
     "\"#/definitions/override\"}}"},
    {"source",
     "Where each translation's original is: a list of {match, original, "
     "revision} entries, the first that matches deciding.",
     "{\"type\": \"array\", \"items\": {\"type\": \"object\", "
     "\"additionalProperties\": false, \"required\": [\"match\", "
     "\"original\"], \"properties\": {\"match\": {\"type\": "
     "\"string\", \"description\": \"A PCRE2 pattern matching the whole "
     "path, relative to this file.\"}, \"original\": {\"type\": "
     "\"string\", \"description\": \"The original's path; $0 to $9 are "
     "the match and its groups, $$ a dollar sign.\"}, \"revision\": "
     "{\"anyOf\": [{\"type\": \"null\"}, {\"type\": \"string\", "
     "\"minLength\": 1, \"description\": \"Read it from git at this "
     "revision; base: --source-rev, or the merge base of "
     "--changed-since.\"}]}}}}"},
    {"source-required",
     "Whether a file with no original found is a source-missing error; "
     "default false.",
     "{\"type\": \"boolean\"}"},
    {"glossary",
     "The project glossary: a file, or a list of files and entries {term, "
     "zh, reject, keep-english}.",
     "{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"array\", "
     "\"items\": {\"anyOf\": [{\"type\": \"string\"}, {\"type\": "
     "\"object\", \"additionalProperties\": false, \"required\": "
     "[\"term\"], \"properties\": {\"term\": " STRINGS ", \"zh\": " STRINGS
     ", \"reject\": " STRINGS
     ", \"keep-english\": {\"type\": \"boolean\"}}}]}}]}"},
    {NULL, NULL, NULL},
};

static void str(tl_buf *out, const char *s)
{
	tl_emit_json_string(out, s, strlen(s));
}

/* The presets' names, in the order of the embedded files. */
static void put_presets(tl_buf *out)
{
	bool first = true;
	for (size_t i = 0; tl_embedded_files[i].name; i++) {
		const char *f = tl_embedded_files[i].name;
		size_t n = strlen(f);
		/* Term lists and glossaries (terms.yml, NAME.glossary.yml)
		 * are no presets. */
		if (n < 5 || strcmp(f + n - 4, ".yml") != 0 ||
		    !tl_embedded_is_preset(f))
			continue;
		tl_buf_puts(out, first ? "" : ", ");
		tl_emit_json_string(out, f, n - 4);
		first = false;
	}
}

static void put_option(tl_buf *out, const tl_option_def *o)
{
	tl_buf_puts(out, "{\"description\": ");
	str(out, o->doc ? o->doc : "");
	tl_buf_puts(out, ", ");
	switch (o->type) {
	case TL_OPTION_BOOL:
		tl_buf_puts(out, "\"anyOf\": [{\"type\": \"boolean\"}, "
		                 "{\"enum\": [\"yes\", \"no\", \"on\", "
		                 "\"off\"]}]");
		break;
	case TL_OPTION_INT:
		tl_buf_puts(out, "\"type\": \"integer\"");
		break;
	case TL_OPTION_ENUM: {
		tl_buf_puts(out, "\"enum\": [");
		const char *c = o->choices ? o->choices : "";
		for (bool first = true; *c; first = false) {
			size_t l = strcspn(c, "|");
			tl_buf_puts(out, first ? "" : ", ");
			tl_emit_json_string(out, c, l);
			c += l + (c[l] == '|');
		}
		tl_buf_puts(out, "]");
		break;
	}
	case TL_OPTION_LIST:
		tl_buf_puts(out,
		            "\"anyOf\": [" SCALAR ", {\"type\": \"array\", "
		            "\"items\": " SCALAR "}]");
		break;
	case TL_OPTION_MAP:
	case TL_OPTION_REGEX_MAP:
		tl_buf_puts(out,
		            "\"type\": \"object\", \"additionalProperties\": "
		            "" STRINGS);
		break;
	case TL_OPTION_REGEX:
	case TL_OPTION_STRING:
		tl_buf_puts(out, "\"type\": [\"string\", \"number\", "
		                 "\"boolean\"]");
		break;
	}
	tl_buf_puts(out, "}");
}

/* definitions/rule-NAME: a severity word, or a map of severity and the
 * rule's options. */
static void put_rule(tl_buf *out, const tl_rule *r)
{
	tl_buf url = {0};
	tl_buf_puts(out, "    ");
	tl_buf_printf(&url, "rule-%s", r->name);
	str(out, url.data);
	url.len = 0;
	tl_buf_puts(out, ": {\n      \"description\": ");
	tl_buf_printf(&url, "%s (default: %s). ", r->summary,
	              tl_severity_name(r->severity));
	if (!tl_rule_url(&url, r->name, TL_LANG_EN))
		url.len -= 1;
	str(out, url.data);
	tl_buf_free(&url);
	tl_buf_puts(out, ",\n      \"anyOf\": [\n"
	                 "        {\"$ref\": \"#/definitions/severity\"},\n"
	                 "        {\"type\": \"object\", "
	                 "\"additionalProperties\": false, \"properties\": {\n"
	                 "          \"severity\": {\"$ref\": "
	                 "\"#/definitions/severity\"}");
	for (const tl_option_def *o = r->options; o && o->name; o++) {
		tl_buf_puts(out, ",\n          ");
		str(out, o->name);
		tl_buf_puts(out, ": ");
		put_option(out, o);
	}
	tl_buf_puts(out, "}}\n      ]\n    }");
}

/* definitions/NAME: a map of every built-in rule, plus custom: when
 * WITH_CUSTOM (overrides may not define custom rules). A name that is
 * no built-in rule is taken for a custom rule's id: the schema cannot
 * know those, and must not refuse what translint accepts. */
static void put_rules(tl_buf *out, const char *name, bool with_custom)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	/* Other names are custom rules' ids (defined in this file or one
	 * it extends), which take a severity. */
	tl_buf_printf(out,
	              "    \"%s\": {\n      \"type\": \"object\",\n"
	              "      \"additionalProperties\": {\"$ref\": "
	              "\"#/definitions/custom-rule-severity\"},\n"
	              "      \"properties\": {\n",
	              name);
	for (size_t i = 0; i < n; i++) {
		tl_buf_puts(out, "        ");
		str(out, rules[i]->name);
		tl_buf_printf(
		    out, ": {\"$ref\": \"#/definitions/rule-%s\"}%s\n",
		    rules[i]->name, i + 1 < n || with_custom ? "," : "");
	}
	if (with_custom)
		tl_buf_puts(out, "        \"custom\": {\"type\": \"array\", "
		                 "\"items\": {\"$ref\": "
		                 "\"#/definitions/custom-rule\"}}\n");
	tl_buf_puts(out, "      }\n    }");
}

void tl_schema_write(tl_buf *out)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	const char *const *keys = tl_config_top_keys();

	tl_buf_puts(out, "{\n  \"$schema\": \"http://json-schema.org/draft-07/"
	                 "schema#\",\n  \"$id\": ");
	str(out, TL_SCHEMA_URL);
	tl_buf_puts(out, ",\n  \"title\": \"translint configuration "
	                 "(.translint.yml)\",\n"
	                 "  \"description\": \"Generated from translint's rule "
	                 "metadata (make docs); docs/configuration.md explains "
	                 "every key.\",\n"
	                 "  \"type\": [\"object\", \"null\"],\n"
	                 "  \"additionalProperties\": false,\n"
	                 "  \"properties\": {\n");
	for (size_t i = 0; keys[i]; i++) {
		const top_key *k = top_keys;
		while (k->name && strcmp(k->name, keys[i]) != 0)
			k++;
		tl_buf_puts(out, "    ");
		str(out, keys[i]);
		tl_buf_puts(out, ": {\"description\": ");
		str(out, k->name ? k->doc : "See docs/configuration.md.");
		/* A key with no value is no key (config_load.c). */
		tl_buf_printf(
		    out, ", \"anyOf\": [{\"type\": \"null\"}, %s]}%s\n",
		    k->name ? k->shape : "{}", keys[i + 1] ? "," : "");
	}
	tl_buf_puts(out, "  },\n  \"definitions\": {\n");

	tl_buf_puts(out, "    \"extend\": {\"anyOf\": [{\"enum\": [");
	put_presets(out);
	tl_buf_puts(out,
	            "]}, {\"type\": \"string\", \"pattern\": "
	            "\"/|\\\\.ya?ml\", \"description\": \"A path (it holds a "
	            "/ or ends in .yml or .yaml), relative to this "
	            "file.\"}]},\n");
	tl_buf_puts(
	    out,
	    "    \"severity\": {\"enum\": [\"error\", \"warning\", "
	    "\"info\", \"off\", \"on\"]},\n"
	    "    \"custom-rule-severity\": {\"description\": \"A "
	    "custom rule's id: its severity.\", \"anyOf\": [{\"$ref\": "
	    "\"#/definitions/severity\"}, {\"type\": \"object\", "
	    "\"additionalProperties\": false, \"properties\": "
	    "{\"severity\": {\"$ref\": \"#/definitions/severity\"}}}]},\n");
	put_rules(out, "rules", true);
	tl_buf_puts(out, ",\n");
	put_rules(out, "override-rules", false);
	tl_buf_puts(
	    out, ",\n    \"override\": {\"type\": \"object\", "
	         "\"additionalProperties\": false, \"required\": "
	         "[\"files\"], \"properties\": {\n"
	         "      \"files\": " STRINGS ",\n"
	         "      \"rules\": {\"anyOf\": [{\"type\": \"null\"}, "
	         "{\"$ref\": \"#/definitions/override-rules\"}]}}},\n"
	         "    \"custom-rule\": {\"type\": \"object\", "
	         "\"additionalProperties\": false, \"required\": [\"id\", "
	         "\"message\", \"pattern\"], \"properties\": {\n"
	         "      \"id\": {\"type\": \"string\", \"pattern\": "
	         "\"^[a-z0-9-]+$\"},\n"
	         "      \"message\": {\"type\": \"string\"},\n"
	         "      \"pattern\": {\"type\": \"string\", "
	         "\"description\": \"A PCRE2 pattern (UTF and UCP).\"},\n"
	         "      \"replace\": {\"type\": \"string\", \"description\": "
	         "\"The fix: $1, ${name}, $$.\"},\n"
	         "      \"severity\": {\"enum\": [\"error\", \"warning\", "
	         "\"info\", \"off\"]},\n"
	         "      \"scope\": {\"enum\": [\"prose\", \"heading\", "
	         "\"link-text\", \"raw\"]}}}");
	for (size_t i = 0; i < n; i++) {
		tl_buf_puts(out, ",\n");
		put_rule(out, rules[i]);
	}
	tl_buf_puts(out, "\n  }\n}\n");
}
