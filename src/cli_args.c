/*
 * cli_args.c: the command line's options: the table of every option, the
 * usage text, parsing (long and short forms, values attached or apart,
 * "--"), and the checks of what cannot go together. A usage error is
 * printed here and exits with status 2, as jq and git do.
 */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef enum opt_id {
	OPT_CONFIG,
	OPT_PRESET,
	OPT_FORMAT,
	OPT_FIX,
	OPT_UNSAFE_FIXES,
	OPT_DIFF,
	OPT_STDIN,
	OPT_STDIN_FILENAME,
	OPT_JOBS,
	OPT_LIST_RULES,
	OPT_EXPLAIN,
	OPT_VERSION,
	OPT_HELP,
	OPT_NO_COLOR,
	OPT_LANG,
	OPT_MAX_WARNINGS,
	OPT_FAIL_ON,
	OPT_NO_GITIGNORE,
	OPT_SELECT,
	OPT_ENABLE,
	OPT_DISABLE,
	OPT_SEVERITY,
	OPT_WRITE_RULE_DOCS,
	OPT_PRINT_CONFIG,
	OPT_INIT,
	OPT_CHANGED_SINCE,
	OPT_SOURCE,
	OPT_SOURCE_REV,
	OPT_PRINT_SOURCE,
	OPT_PRINT_ALIGNMENT,
	OPT_OUTPUT_FILE,
	OPT_STATISTICS,
	OPT_BASELINE,
	OPT_WRITE_BASELINE,
	OPT_PRINT_SCHEMA
} opt_id;

typedef struct opt_def {
	const char *name; /* long name, without "--" */
	char short_name;  /* 0 for none */
	bool has_arg;
	opt_id id;
} opt_def;

/* Every option translint accepts. Adding one: an entry here, a case in
 * set_option, a line in cli_usage_text and in docs/cli.md. */
static const opt_def opt_defs[] = {
    {"config", 'c', true, OPT_CONFIG},
    {"preset", 0, true, OPT_PRESET},
    {"format", 'f', true, OPT_FORMAT},
    {"fix", 0, false, OPT_FIX},
    {"unsafe-fixes", 0, false, OPT_UNSAFE_FIXES},
    {"diff", 0, false, OPT_DIFF},
    {"stdin", 0, false, OPT_STDIN},
    {"stdin-filename", 0, true, OPT_STDIN_FILENAME},
    {"jobs", 'j', true, OPT_JOBS},
    {"list-rules", 0, false, OPT_LIST_RULES},
    {"explain", 0, true, OPT_EXPLAIN},
    {"version", 0, false, OPT_VERSION},
    {"help", 'h', false, OPT_HELP},
    {"no-color", 0, false, OPT_NO_COLOR},
    {"lang", 0, true, OPT_LANG},
    {"max-warnings", 0, true, OPT_MAX_WARNINGS},
    {"fail-on", 0, true, OPT_FAIL_ON},
    {"no-gitignore", 0, false, OPT_NO_GITIGNORE},
    {"select", 0, true, OPT_SELECT},
    {"enable", 0, true, OPT_ENABLE},
    {"disable", 0, true, OPT_DISABLE},
    {"severity", 0, true, OPT_SEVERITY},
    {"write-rule-docs", 0, true, OPT_WRITE_RULE_DOCS},
    {"print-config", 0, false, OPT_PRINT_CONFIG},
    {"init", 0, false, OPT_INIT},
    {"changed-since", 0, true, OPT_CHANGED_SINCE},
    {"source", 0, true, OPT_SOURCE},
    {"source-rev", 0, true, OPT_SOURCE_REV},
    {"print-source", 0, false, OPT_PRINT_SOURCE},
    {"print-alignment", 0, false, OPT_PRINT_ALIGNMENT},
    {"output-file", 'o', true, OPT_OUTPUT_FILE},
    {"statistics", 0, false, OPT_STATISTICS},
    {"baseline", 0, true, OPT_BASELINE},
    {"write-baseline", 0, true, OPT_WRITE_BASELINE},
    {"print-schema", 0, false, OPT_PRINT_SCHEMA},
};

#define NOPTS (sizeof opt_defs / sizeof opt_defs[0])

const char cli_usage_text[] =
    "Usage: translint [options] [path...]\n"
    "       translint lsp\n"
    "\n"
    "Lint (and fix) Chinese translations of Markdown articles. Folders\n"
    "are searched for *.md and *.markdown files (skipping .git,\n"
    "node_modules and what .gitignore ignores); files that ignore: in the\n"
    "configuration names are skipped, also when named. With no path, the\n"
    "current folder is linted.\n"
    "\n"
    "Configuration:\n"
    "  -c, --config FILE        use configuration FILE (default: the "
    "nearest\n"
    "                           .translint.yml walking up from each "
    "file)\n"
    "      --preset NAME        start from preset NAME (default: "
    "recommended)\n"
    "      --select RULE        run only RULE (repeatable)\n"
    "      --enable RULE        turn RULE on at its default severity\n"
    "      --disable RULE       turn RULE off\n"
    "      --severity RULE=LEVEL\n"
    "                           set RULE to error, warning, info or off\n"
    "\n"
    "Output:\n"
    "  -f, --format FMT         text (default), gcc, json, sarif, rdjson,\n"
    "                           github or html (a review page)\n"
    "      --lang zh|en         language of messages (default: from\n"
    "                           LC_ALL, LC_MESSAGES or LANG)\n"
    "      --no-color           no colours (also: NO_COLOR set, or not a "
    "terminal)\n"
    "      --fail-on LEVEL      fail on diagnostics of LEVEL or above: error\n"
    "                           (default), warning or info\n"
    "      --max-warnings N     fail when there are more than N warnings\n"
    "      --changed-since REF  report only diagnostics on lines added or\n"
    "                           changed since git revision REF\n"
    "      --baseline FILE      report only findings that FILE does not "
    "hold\n"
    "      --write-baseline FILE\n"
    "                           write every finding to FILE (a baseline) "
    "and\n"
    "                           exit 0, printing no finding\n"
    "      --statistics         print the number of findings per rule "
    "instead\n"
    "                           of the findings (text, or --format json)\n"
    "  -o, --output-file FILE   write what goes to standard output to "
    "FILE\n"
    "\n"
    "Originals (the English text translated):\n"
    "      --source ORIGINAL    the original of the one file linted\n"
    "      --source-rev REV     where originals are read in git (default:\n"
    "                           the merge base of --changed-since)\n"
    "\n"
    "Fixing:\n"
    "      --fix                apply safe fixes to the files\n"
    "      --unsafe-fixes       also apply (and count) unsafe fixes\n"
    "      --diff               print the fixes as a unified diff, change "
    "nothing\n"
    "\n"
    "Input:\n"
    "      --stdin              lint standard input; with --fix, print the "
    "fixed\n"
    "                           document and nothing else\n"
    "      --stdin-filename NAME\n"
    "                           the name of standard input in output\n"
    "      --no-gitignore       walk folders without skipping what "
    ".gitignore\n"
    "                           ignores\n"
    "  -j, --jobs N             lint N files at a time (default: number "
    "of\n"
    "                           processors)\n"
    "\n"
    "Information:\n"
    "      --list-rules         list the rules\n"
    "      --explain RULE       print the documentation of RULE\n"
    "      --print-config [FILE]\n"
    "                           print the configuration that applies to "
    "FILE\n"
    "      --print-source FILE...\n"
    "                           print each FILE's original, and why\n"
    "      --source ORIGINAL --print-alignment [FILE]\n"
    "                           print which block of FILE (or of --stdin)\n"
    "                           translates which block of ORIGINAL\n"
    "                           (with --format html: the page shows\n"
    "                           ORIGINAL beside FILE, aligned)\n"
    "      --init               write a commented .translint.yml here\n"
    "      --print-schema       print the JSON Schema of .translint.yml\n"
    "      --version            print the version\n"
    "  -h, --help               print this help\n"
    "      --write-rule-docs DIR\n"
    "                           (maintainers) write DIR/RULE.md for every "
    "rule\n"
    "\n"
    "Exit status: 0 no problems, 1 problems found (diagnostics at the\n"
    "--fail-on level or above, or more warnings than --max-warnings),\n"
    "2 translint could not do its job.\n"
    "Documentation: docs/cli.md and docs/rules/.\n";

void cli_options_free(options *o)
{
	size_t i;

	/* --severity rule names are copies; the rest points into argv. */
	for (i = 0; i < o->noverrides; i++)
		if (o->overrides[i].kind == OVERRIDE_SEVERITY)
			free((char *)o->overrides[i].rule);
	free(o->select);
	free(o->overrides);
	free(o->paths);
}

void cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("translint: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'translint --help' for more information.\n", stderr);
	exit(EXIT_TROUBLE);
}

/* The candidate nearest to NAME by edit distance, or the first that NAME
 * begins, or NULL when none is close enough to be a likely typo (more
 * than half the name differs). */
static const char *nearest(const char *name, const char *const *cands, size_t n)
{
	tl_nearest s = tl_nearest_start(name, strlen(name));
	size_t i;

	for (i = 0; i < n; i++)
		tl_nearest_add(&s, cands[i], strlen(cands[i]));
	if (tl_nearest_typo(&s))
		return s.best;
	/* A prefix is a likely start of the intended name ("space" for
	 * "space-cjk-latin") however far the distance. */
	for (i = 0; *name && i < n; i++)
		if (strncmp(cands[i], name, strlen(name)) == 0)
			return cands[i];
	return NULL;
}

/* Exits with a usage error when NAME cannot be a rule id. A name that is
 * no built-in rule may be a custom rule (rules: custom: of a configuration
 * file not loaded yet): the resolver (config_resolve.c) checks it against
 * the configurations, and suggest the nearest name. */
static void check_rule_name(const char *name, const char *option)
{
	if (tl_rule_find(name))
		return;
	for (const char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
		      *c == '-'))
			cli_usage_error(
			    "%s: unknown rule '%s' (see --list-rules)", option,
			    name);
}

static void unknown_option(const char *arg)
{
	const char *names[NOPTS];
	char given[64];
	const char *near;
	size_t i, len;

	if (arg[1] != '-')
		cli_usage_error("unknown option '%s'", arg);
	len = strcspn(arg + 2, "=");
	if (len >= sizeof given)
		len = sizeof given - 1;
	memcpy(given, arg + 2, len);
	given[len] = '\0';
	for (i = 0; i < NOPTS; i++)
		names[i] = opt_defs[i].name;
	near = nearest(given, names, NOPTS);
	if (near)
		cli_usage_error("unknown option '--%s'; did you mean '--%s'?",
		                given, near);
	cli_usage_error("unknown option '--%s'", given);
}

/* A whole decimal number in [MIN, MAX], or a usage error. */
static long parse_number(const char *option, const char *s, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		cli_usage_error(
		    "%s: expected a whole number from %ld to %ld, got "
		    "'%s'",
		    option, min, max, s);
	return v;
}

static void push(const char ***arr, size_t *n, const char *s)
{
	*arr = tl_xrealloc((void *)*arr, (*n + 1) * sizeof **arr);
	(*arr)[(*n)++] = s;
}

static void add_override(options *o, override_kind kind, const char *rule,
                         tl_severity severity)
{
	o->overrides = tl_xrealloc(o->overrides,
	                           (o->noverrides + 1) * sizeof *o->overrides);
	o->overrides[o->noverrides].kind = kind;
	o->overrides[o->noverrides].rule = rule;
	o->overrides[o->noverrides].severity = severity;
	o->noverrides++;
}

static void set_option(options *o, const opt_def *def, const char *value)
{
	switch (def->id) {
	case OPT_CONFIG:
		o->config_file = value;
		break;
	case OPT_PRESET:
		o->preset = value;
		break;
	case OPT_FORMAT:
		o->emitter = tl_emit_find(value);
		if (!o->emitter) {
			tl_buf names = {0};

			tl_emit_names(&names);
			cli_usage_error(
			    "--format: unknown format '%s' (one of: "
			    "%s)",
			    value, names.data);
		}
		o->format_given = true;
		break;
	case OPT_FIX:
		o->fix = true;
		break;
	case OPT_UNSAFE_FIXES:
		o->unsafe = true;
		break;
	case OPT_DIFF:
		o->diff = true;
		break;
	case OPT_STDIN:
		o->stdin_mode = true;
		break;
	case OPT_STDIN_FILENAME:
		if (!*value)
			cli_usage_error("--stdin-filename: the name is empty");
		o->stdin_filename = value;
		break;
	case OPT_JOBS:
		o->jobs = parse_number("--jobs", value, 1, MAX_JOBS);
		break;
	case OPT_LIST_RULES:
		o->list_rules = true;
		break;
	case OPT_EXPLAIN:
		check_rule_name(value, "--explain");
		o->explain = value;
		break;
	case OPT_VERSION:
		o->version = true;
		break;
	case OPT_HELP:
		o->help = true;
		break;
	case OPT_NO_COLOR:
		o->no_color = true;
		break;
	case OPT_LANG:
		if (strcmp(value, "zh") == 0)
			o->lang = TL_LANG_ZH;
		else if (strcmp(value, "en") == 0)
			o->lang = TL_LANG_EN;
		else
			cli_usage_error(
			    "--lang: expected 'zh' or 'en', got '%s'", value);
		o->lang_given = true;
		break;
	case OPT_MAX_WARNINGS:
		o->max_warnings =
		    parse_number("--max-warnings", value, 0, LONG_MAX);
		break;
	case OPT_NO_GITIGNORE:
		o->no_gitignore = true;
		break;
	case OPT_FAIL_ON:
		if (!tl_severity_parse(value, &o->fail_on) ||
		    o->fail_on == TL_SEVERITY_OFF)
			cli_usage_error(
			    "--fail-on: expected 'error', 'warning' "
			    "or 'info', got '%s'",
			    value);
		break;
	case OPT_SELECT:
		check_rule_name(value, "--select");
		push(&o->select, &o->nselect, value);
		break;
	case OPT_ENABLE:
		check_rule_name(value, "--enable");
		add_override(o, OVERRIDE_ENABLE, value, TL_SEVERITY_OFF);
		break;
	case OPT_DISABLE:
		check_rule_name(value, "--disable");
		add_override(o, OVERRIDE_DISABLE, value, TL_SEVERITY_OFF);
		break;
	case OPT_SEVERITY: {
		const char *eq = strchr(value, '=');
		char *rule;
		tl_severity sev;

		if (!eq || eq == value)
			cli_usage_error(
			    "--severity: expected RULE=LEVEL, got '%s'", value);
		if (!tl_severity_parse(eq + 1, &sev))
			cli_usage_error(
			    "--severity: unknown level '%s' (one of: "
			    "error, warning, info, off)",
			    eq + 1);
		/* Owned by the options until exit, like the argv strings. */
		rule = tl_xstrndup(value, (size_t)(eq - value));
		check_rule_name(rule, "--severity");
		add_override(o, OVERRIDE_SEVERITY, rule, sev);
		break;
	}
	case OPT_WRITE_RULE_DOCS:
		o->write_docs = value;
		break;
	case OPT_PRINT_CONFIG:
		o->print_config = true;
		break;
	case OPT_CHANGED_SINCE:
		if (!*value)
			cli_usage_error(
			    "--changed-since: the revision is empty");
		o->changed_since = value;
		break;
	case OPT_SOURCE:
		if (!*value)
			cli_usage_error("--source: the file name is empty");
		o->source = value;
		break;
	case OPT_SOURCE_REV:
		if (!*value)
			cli_usage_error("--source-rev: the revision is empty");
		o->source_rev = value;
		break;
	case OPT_PRINT_SOURCE:
		o->print_source = true;
		break;
	case OPT_PRINT_ALIGNMENT:
		o->print_alignment = true;
		break;
	case OPT_INIT:
		o->init = true;
		break;
	case OPT_OUTPUT_FILE:
		if (!*value)
			cli_usage_error(
			    "--output-file: the file name is empty");
		o->output_file = value;
		break;
	case OPT_STATISTICS:
		o->statistics = true;
		break;
	case OPT_BASELINE:
		if (!*value)
			cli_usage_error("--baseline: the file name is empty");
		o->baseline = value;
		break;
	case OPT_WRITE_BASELINE:
		if (!*value)
			cli_usage_error(
			    "--write-baseline: the file name is empty");
		o->write_baseline = value;
		break;
	case OPT_PRINT_SCHEMA:
		o->print_schema = true;
		break;
	}
}

static const opt_def *find_long(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < NOPTS; i++)
		if (strlen(opt_defs[i].name) == len &&
		    strncmp(opt_defs[i].name, name, len) == 0)
			return &opt_defs[i];
	return NULL;
}

static const opt_def *find_short(char c)
{
	size_t i;

	for (i = 0; i < NOPTS; i++)
		if (opt_defs[i].short_name == c)
			return &opt_defs[i];
	return NULL;
}

/* "--name", "--name=value", "--name value", "-x", "-xvalue", "-x value";
 * "--" ends the options. Options and paths may come in any order. */
void cli_parse_args(options *o, int argc, char **argv)
{
	bool only_paths = false;
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *value = NULL;
		const opt_def *def;
		char shown[80];

		if (only_paths || a[0] != '-' || a[1] == '\0') {
			if (strcmp(a, "-") == 0 && !only_paths)
				cli_usage_error(
				    "'-' is not a file; use --stdin to "
				    "read standard input");
			push(&o->paths, &o->npaths, a);
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_paths = true;
			continue;
		}
		if (a[1] == '-') {
			size_t len = strcspn(a + 2, "=");

			def = find_long(a + 2, len);
			if (!def)
				unknown_option(a);
			snprintf(shown, sizeof shown, "--%s", def->name);
			if (a[2 + len] == '=') {
				if (!def->has_arg)
					cli_usage_error("%s takes no value",
					                shown);
				value = a + 3 + len;
			}
		} else {
			def = find_short(a[1]);
			if (!def)
				unknown_option(a);
			snprintf(shown, sizeof shown, "-%c", a[1]);
			if (a[2] != '\0') {
				if (!def->has_arg)
					cli_usage_error("unknown option '%s'",
					                a);
				value = a + 2;
			}
		}
		if (def->has_arg && !value) {
			if (i + 1 >= argc)
				cli_usage_error("%s needs a value", shown);
			value = argv[++i];
		}
		set_option(o, def, value);
	}
}

/* What makes no sense together is refused rather than half-done. */
void cli_check_args(const options *o)
{
	int actions = (o->list_rules != 0) + (o->explain != NULL) +
	              (o->write_docs != NULL);

	if (o->help || o->version)
		return;
	if (actions > 1)
		cli_usage_error("--list-rules, --explain and --write-rule-docs "
		                "cannot be combined");
	if (actions && (o->npaths || o->stdin_mode || o->fix || o->diff ||
	                o->format_given))
		cli_usage_error("--list-rules, --explain and --write-rule-docs "
		                "take no paths, --stdin, --fix, --diff or "
		                "--format");
	if (o->stdin_mode && o->npaths)
		cli_usage_error("--stdin reads standard input: give no paths");
	if (o->stdin_filename && !o->stdin_mode)
		cli_usage_error(
		    "--stdin-filename names standard input: it needs "
		    "--stdin");
	if (o->diff && o->format_given)
		cli_usage_error(
		    "--diff prints a diff, not diagnostics: it takes "
		    "no --format");
	if (o->stdin_mode && o->fix && !o->diff && o->format_given)
		cli_usage_error("--stdin --fix prints the fixed document, not "
		                "diagnostics: it takes no --format");
	/* --source feeds the source rules (DESIGN.md 8.3) in every format,
	 * the review page's original column, and --print-alignment. */
	if (o->print_source &&
	    (o->npaths == 0 || o->stdin_mode || o->fix || o->diff ||
	     o->format_given || o->print_alignment))
		cli_usage_error("--print-source takes files (no --stdin, "
		                "--fix, --diff, --format or "
		                "--print-alignment)");
	if (o->print_alignment && !o->source)
		cli_usage_error("--print-alignment needs --source ORIGINAL");
	if (o->source && !o->print_alignment &&
	    (o->stdin_mode ? o->npaths != 0 : o->npaths != 1))
		cli_usage_error("--source pairs one translated file (or "
		                "--stdin) with its original");
	if (o->print_alignment &&
	    (o->stdin_mode ? o->npaths != 0 : o->npaths != 1))
		cli_usage_error("--print-alignment takes one translated file "
		                "(or --stdin)");
	if ((o->statistics || o->write_baseline) && (o->fix || o->diff))
		cli_usage_error("--statistics and --write-baseline report, "
		                "they do not fix: no --fix or --diff");
	if (o->statistics && o->write_baseline)
		cli_usage_error(
		    "--statistics and --write-baseline cannot be combined");
	if (o->statistics && o->emitter != &tl_emit_text &&
	    o->emitter != &tl_emit_json)
		cli_usage_error("--statistics prints text or, with --format "
		                "json, JSON");
	if (o->print_alignment && (o->fix || o->diff || o->format_given))
		cli_usage_error("--print-alignment prints the alignment, not "
		                "diagnostics: it takes no --fix, --diff or "
		                "--format");
}

/* zh when the locale variables say so (POSIX precedence: the first that
 * is set and not empty decides), en otherwise. */
tl_lang cli_lang_from_env(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			return strncmp(v, "zh", 2) == 0 ? TL_LANG_ZH
			                                : TL_LANG_EN;
	}
	return TL_LANG_EN;
}

/* Colour only for a terminal that can show it, and never when the user
 * asked for none (--no-color, or NO_COLOR set to anything non-empty, as
 * no-color.org defines it). */
bool cli_want_color(const options *o)
{
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	if (o->no_color || (no_color && *no_color))
		return false;
	if (term && strcmp(term, "dumb") == 0)
		return false;
	return isatty(STDOUT_FILENO) == 1;
}

tl_resolver *cli_resolver(const options *o, tl_error *err)
{
	tl_rule_choice *ch =
	    tl_xcalloc(o->nselect + o->noverrides + 1, sizeof *ch);
	size_t n = 0;
	for (size_t i = 0; i < o->nselect; i++)
		ch[n++] = (tl_rule_choice){TL_CHOICE_SELECT, o->select[i],
		                           TL_SEVERITY_OFF};
	for (size_t i = 0; i < o->noverrides; i++) {
		const override *ov = &o->overrides[i];
		tl_choice_kind k =
		    ov->kind == OVERRIDE_ENABLE    ? TL_CHOICE_ENABLE
		    : ov->kind == OVERRIDE_DISABLE ? TL_CHOICE_DISABLE
		                                   : TL_CHOICE_SEVERITY;
		ch[n++] = (tl_rule_choice){k, ov->rule, ov->severity};
	}
	tl_resolver *r =
	    tl_resolver_new(o->config_file, o->preset, ch, n, false, err);
	free(ch);
	return r;
}
