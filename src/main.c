/*
 * main.c: the command line, and only that: arguments -> configuration ->
 * files -> engine -> emitter -> exit status (docs/cli.md is the user's
 * reference; DESIGN.md section 2 the contract).
 *
 * Files are linted by a pool of worker threads (-j), each file on its
 * own: read, fix when asked, lint, and render its output into a buffer.
 * The main thread prints those buffers strictly in input order as they
 * complete, so the output is byte-identical whatever -j is. Every error a
 * worker meets is kept in its file's buffers too, so that stderr is in
 * input order as well.
 *
 * Exit status, one table for every format:
 *   0  no error-level diagnostic, warnings within --max-warnings
 *   1  diagnostics that fail the run
 *   2  translint could not do its job: usage, configuration, I/O (an I/O
 *      error on one file is reported, the other files are still linted)
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include "changed.h"
#include "emit/emit.h"
#include "io.h"
#include "lsp.h"
#include "ruledoc.h"
#include "translint.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <cmark.h>
#include <pcre2.h>
#include <utf8proc.h>
#include <yaml.h>

enum {
	EXIT_OK = 0,
	EXIT_PROBLEMS = 1,
	EXIT_TROUBLE = 2,
};

/* More threads than this only add contention on the output order. */
#define MAX_JOBS 256

/* The name of standard input in output when --stdin-filename is not
 * given. */
#define STDIN_NAME "<stdin>"

/* ---- Options ------------------------------------------------------------ */

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
	OPT_SELECT,
	OPT_ENABLE,
	OPT_DISABLE,
	OPT_SEVERITY,
	OPT_WRITE_RULE_DOCS,
	OPT_PRINT_CONFIG,
	OPT_INIT,
	OPT_CHANGED_SINCE
} opt_id;

typedef struct opt_def {
	const char *name; /* long name, without "--" */
	char short_name;  /* 0 for none */
	bool has_arg;
	opt_id id;
} opt_def;

/* Every option translint accepts. Adding one: an entry here, a case in
 * parse_args, a line in usage_text and in docs/cli.md. */
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
    {"select", 0, true, OPT_SELECT},
    {"enable", 0, true, OPT_ENABLE},
    {"disable", 0, true, OPT_DISABLE},
    {"severity", 0, true, OPT_SEVERITY},
    {"write-rule-docs", 0, true, OPT_WRITE_RULE_DOCS},
    {"print-config", 0, false, OPT_PRINT_CONFIG},
    {"init", 0, false, OPT_INIT},
    {"changed-since", 0, true, OPT_CHANGED_SINCE},
};

#define NOPTS (sizeof opt_defs / sizeof opt_defs[0])

static const char usage_text[] =
    "Usage: translint [options] [path...]\n"
    "       translint lsp\n"
    "\n"
    "Lint (and fix) Chinese translations of Markdown articles. Folders\n"
    "are searched for *.md and *.markdown files (skipping .git and\n"
    "node_modules); a file named explicitly is always linted. With no\n"
    "path, the current folder is linted.\n"
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
    "  -f, --format FMT         text (default), gcc, json, sarif, rdjson or\n"
    "                           github\n"
    "      --lang zh|en         language of messages (default: from\n"
    "                           LC_ALL, LC_MESSAGES or LANG)\n"
    "      --no-color           no colours (also: NO_COLOR set, or not a "
    "terminal)\n"
    "      --max-warnings N     fail when there are more than N warnings\n"
    "      --changed-since REF  report only diagnostics on lines added or\n"
    "                           changed since git revision REF\n"
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
    "      --init               write a commented .translint.yml here\n"
    "      --version            print the version\n"
    "  -h, --help               print this help\n"
    "      --write-rule-docs DIR\n"
    "                           (maintainers) write DIR/RULE.md for every "
    "rule\n"
    "\n"
    "Exit status: 0 no problems, 1 problems found (errors, or more\n"
    "warnings than --max-warnings), 2 translint could not do its job.\n"
    "Documentation: docs/cli.md and docs/rules/.\n";

typedef enum override_kind {
	OVERRIDE_ENABLE,
	OVERRIDE_DISABLE,
	OVERRIDE_SEVERITY
} override_kind;

/* --enable, --disable and --severity, applied in command-line order. */
typedef struct override {
	override_kind kind;
	const char *rule;
	tl_severity severity;
} override;

typedef struct options {
	const char *config_file;
	const char *preset;
	const tl_emitter *emitter;
	bool format_given;
	bool fix, unsafe, diff, stdin_mode, no_color;
	const char *stdin_filename;
	long jobs; /* 0: one per processor */
	bool list_rules, version, help;
	const char *explain;
	const char *write_docs;
	bool print_config, init;
	bool lang_given;
	tl_lang lang;
	long max_warnings;         /* -1: no limit */
	const char *changed_since; /* --changed-since REF, or NULL */
	const char **select;
	size_t nselect;
	override *overrides;
	size_t noverrides;
	const char **paths;
	size_t npaths;
} options;

static void options_free(options *o)
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

/* Prints a usage error and exits: translint could not do its job. */
static void usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2), noreturn))
#endif
    ;

static void usage_error(const char *fmt, ...)
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
	const char *best = NULL;
	size_t best_d = (size_t)-1, i;

	for (i = 0; i < n; i++) {
		size_t d = tl_edit_distance(name, strlen(name), cands[i],
		                            strlen(cands[i]));

		if (d < best_d) {
			best_d = d;
			best = cands[i];
		}
	}
	if (best && best_d * 2 <= (strlen(name) > strlen(best) ? strlen(name)
	                                                       : strlen(best)))
		return best;
	/* A prefix is a likely start of the intended name ("space" for
	 * "space-cjk-latin") however far the distance. */
	for (i = 0; *name && i < n; i++)
		if (strncmp(cands[i], name, strlen(name)) == 0)
			return cands[i];
	return NULL;
}

/* Exits with a usage error when NAME cannot be a rule id. A name that is
 * no built-in rule may be a custom rule (rules: custom: of a configuration
 * file not loaded yet): apply_overrides and names_known check it against
 * the configurations, and suggest the nearest name. */
static void check_rule_name(const char *name, const char *option)
{
	if (tl_rule_find(name))
		return;
	for (const char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
		      *c == '-'))
			usage_error("%s: unknown rule '%s' (see --list-rules)",
			            option, name);
}

static void unknown_option(const char *arg)
{
	const char *names[NOPTS];
	char given[64];
	const char *near;
	size_t i, len;

	if (arg[1] != '-')
		usage_error("unknown option '%s'", arg);
	len = strcspn(arg + 2, "=");
	if (len >= sizeof given)
		len = sizeof given - 1;
	memcpy(given, arg + 2, len);
	given[len] = '\0';
	for (i = 0; i < NOPTS; i++)
		names[i] = opt_defs[i].name;
	near = nearest(given, names, NOPTS);
	if (near)
		usage_error("unknown option '--%s'; did you mean '--%s'?",
		            given, near);
	usage_error("unknown option '--%s'", given);
}

/* A whole decimal number in [MIN, MAX], or a usage error. */
static long parse_number(const char *option, const char *s, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		usage_error("%s: expected a whole number from %ld to %ld, got "
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
			usage_error("--format: unknown format '%s' (one of: "
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
			usage_error("--stdin-filename: the name is empty");
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
			usage_error("--lang: expected 'zh' or 'en', got '%s'",
			            value);
		o->lang_given = true;
		break;
	case OPT_MAX_WARNINGS:
		o->max_warnings =
		    parse_number("--max-warnings", value, 0, LONG_MAX);
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
			usage_error("--severity: expected RULE=LEVEL, got '%s'",
			            value);
		if (!tl_severity_parse(eq + 1, &sev))
			usage_error("--severity: unknown level '%s' (one of: "
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
			usage_error("--changed-since: the revision is empty");
		o->changed_since = value;
		break;
	case OPT_INIT:
		o->init = true;
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
static void parse_args(options *o, int argc, char **argv)
{
	bool only_paths = false;
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *value = NULL;
		const opt_def *def;
		char shown[80];

		if (only_paths || a[0] != '-' || a[1] == '\0') {
			if (strcmp(a, "-") == 0 && !only_paths)
				usage_error("'-' is not a file; use --stdin to "
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
					usage_error("%s takes no value", shown);
				value = a + 3 + len;
			}
		} else {
			def = find_short(a[1]);
			if (!def)
				unknown_option(a);
			snprintf(shown, sizeof shown, "-%c", a[1]);
			if (a[2] != '\0') {
				if (!def->has_arg)
					usage_error("unknown option '%s'", a);
				value = a + 2;
			}
		}
		if (def->has_arg && !value) {
			if (i + 1 >= argc)
				usage_error("%s needs a value", shown);
			value = argv[++i];
		}
		set_option(o, def, value);
	}
}

/* What makes no sense together is refused rather than half-done. */
static void check_args(const options *o)
{
	int actions = (o->list_rules != 0) + (o->explain != NULL) +
	              (o->write_docs != NULL);

	if (o->help || o->version)
		return;
	if (actions > 1)
		usage_error("--list-rules, --explain and --write-rule-docs "
		            "cannot be combined");
	if (actions && (o->npaths || o->stdin_mode || o->fix || o->diff ||
	                o->format_given))
		usage_error("--list-rules, --explain and --write-rule-docs "
		            "take no paths, --stdin, --fix, --diff or "
		            "--format");
	if (o->stdin_mode && o->npaths)
		usage_error("--stdin reads standard input: give no paths");
	if (o->stdin_filename && !o->stdin_mode)
		usage_error("--stdin-filename names standard input: it needs "
		            "--stdin");
	if (o->diff && o->format_given)
		usage_error("--diff prints a diff, not diagnostics: it takes "
		            "no --format");
	if (o->stdin_mode && o->fix && !o->diff && o->format_given)
		usage_error("--stdin --fix prints the fixed document, not "
		            "diagnostics: it takes no --format");
}

/* zh when the locale variables say so (POSIX precedence: the first that
 * is set and not empty decides), en otherwise. */
static tl_lang lang_from_env(void)
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
static bool want_color(const options *o)
{
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	if (o->no_color || (no_color && *no_color))
		return false;
	if (term && strcmp(term, "dumb") == 0)
		return false;
	return isatty(STDOUT_FILENO) == 1;
}

/* ---- Output ------------------------------------------------------------ */

static void put_out(const char *data, size_t len)
{
	if (len)
		fwrite(data, 1, len, stdout);
}

/* Standard error comes after what standard output already printed, so
 * that a terminal shows both in order. */
static void put_err(const char *data, size_t len)
{
	if (!len)
		return;
	fflush(stdout);
	fwrite(data, 1, len, stderr);
}

/* Flushes standard output; a write error (full disk, closed pipe) must
 * not end in success. Returns the exit status to use. */
static int finish_stdout(int status)
{
	int e = fflush(stdout) != 0 ? errno : 0;

	if (e || ferror(stdout)) {
		fprintf(stderr,
		        "translint: error: writing standard output: %s\n",
		        e ? strerror(e) : "write error");
		return EXIT_TROUBLE;
	}
	return status;
}

static void print_version(void)
{
	char pcre[64] = "";

	pcre2_config(PCRE2_CONFIG_VERSION, pcre);
	printf("translint %s\n", TL_VERSION);
	printf("cmark %s, PCRE2 %s, utf8proc %s, libyaml %s\n",
	       cmark_version_string(), pcre, utf8proc_version(),
	       yaml_get_version_string());
}

static const char *fix_label(tl_fixability f)
{
	switch (f) {
	case TL_FIXABLE_SAFE:
		return "safe";
	case TL_FIXABLE_UNSAFE:
		return "unsafe";
	case TL_FIXABLE_SOMETIMES:
		return "sometimes";
	case TL_FIXABLE_NONE:
		break;
	}
	return "-";
}

/* One rule a line: name, default severity, fix, summary (in the run's
 * language), in table order. */
static void list_rules(tl_lang lang)
{
	size_t n, i, width = 0;
	const tl_rule *const *rules = tl_rules(&n);

	for (i = 0; i < n; i++)
		if (strlen(rules[i]->name) > width)
			width = strlen(rules[i]->name);
	for (i = 0; i < n; i++) {
		const tl_rule *r = rules[i];
		const char *summary = lang == TL_LANG_ZH && r->summary_zh
		                          ? r->summary_zh
		                          : r->summary;

		printf("%-*s  %-7s  %-9s  %s\n", (int)width, r->name,
		       tl_severity_name(r->severity), fix_label(r->fixable),
		       summary ? summary : "");
	}
}

/* Fills ERR for a rule name that CFG does not know, with the nearest
 * name when NAME looks like its misspelling. */
static void unknown_rule(const tl_config *cfg, const char *name, tl_error *err)
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

static void explain(const char *name)
{
	tl_buf buf = {0};
	tl_error err;

	if (!tl_rule_find(name)) {
		unknown_rule(NULL, name, &err);
		usage_error("--explain: %s", err.message);
	}

	tl_rule_doc(tl_rule_find(name), &buf);
	put_out(buf.data, buf.len);
	tl_buf_free(&buf);
}

/* Writes DIR/RULE.md for every rule; files already up to date are left
 * alone so that their times do not change. */
static int write_rule_docs(const char *dir)
{
	size_t n, i;
	const tl_rule *const *rules = tl_rules(&n);
	int status = EXIT_OK;
	struct stat st;

	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "translint: error: %s: not a folder\n", dir);
		return EXIT_TROUBLE;
	}
	for (i = 0; i < n; i++) {
		tl_buf page = {0}, path = {0};
		tl_error err = {{0}, 0, 0, {0}};
		char *old = NULL;
		size_t old_len = 0;

		tl_rule_doc(rules[i], &page);
		tl_buf_printf(&path, "%s/%s.md", dir, rules[i]->name);
		if (tl_io_read_file(path.data, &old, &old_len, &err) != 0 ||
		    old_len != page.len || memcmp(old, page.data, page.len)) {
			if (!tl_io_write_atomic(path.data, page.data, page.len,
			                        &err)) {
				fprintf(stderr, "translint: error: %s: %s\n",
				        path.data, err.message);
				status = EXIT_TROUBLE;
			}
		}
		free(old);
		tl_buf_free(&page);
		tl_buf_free(&path);
	}
	return status;
}

/* ---- Configuration --------------------------------------------------- */

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
			unknown_rule(cfg, name, err);
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

/* One configuration file of the run, loaded once, and the configurations
 * derived from it: one per set of overrides blocks that match a file, each
 * with the command line applied on top. */
typedef struct cfg_file {
	char *path;
	tl_config *cfg; /* as loaded */
	unsigned long *masks;
	tl_config **variants;
	size_t nvariants;
} cfg_file;

/* The configuration file found for the files of one folder (the folder
 * as the path names it: the working folder does not change in a run). */
typedef struct dir_found {
	char *dir;
	char *found; /* NULL: no configuration file applies */
} dir_found;

/* The configurations of a run. */
typedef struct configs {
	const options *opts;
	tl_config *base; /* the preset with the command line applied, for
	                    files no configuration file applies to */
	cfg_file *files; /* with -c, files[0] is that file */
	size_t nfiles;
	tl_error base_err; /* why not, when base_known is 0 */
	int base_known;    /* whether the base takes the command line's rule
	                      names: -1 not yet checked, else 0 or 1 */
	dir_found *dirs;   /* tl_config_find's answer for each folder seen */
	size_t ndirs, cap_dirs;
} configs;

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

static void configs_free(configs *cs)
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
static bool names_known(configs *cs, tl_error *err)
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
			unknown_rule(cs->nfiles ? cs->files[0].cfg : cs->base,
			             name, err);
			return false;
		}
	}
	return true;
}

/* Loads what the command line names (--preset, -c FILE) before any file
 * is looked at, so that a bad preset or configuration stops the run even
 * when there is nothing to lint. */
static bool configs_init(configs *cs, const options *o, tl_error *err)
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
static cfg_file *file_for(configs *cs, const char *path, tl_error *err,
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
static const tl_config *load_config_for(configs *cs, const char *path,
                                        tl_error *err)
{
	bool failed;
	cfg_file *f = file_for(cs, path, err, &failed);
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

/* Whether the ignore: globs of PATH's configuration file skip it (only
 * for files found by walking a folder: a file named is always linted). */
static bool config_ignores(configs *cs, const char *path)
{
	tl_error err;
	bool failed;
	cfg_file *f = file_for(cs, path, &err, &failed);

	return f && tl_config_ignores(f->cfg, path);
}

/* ---- Linting files ----------------------------------------------------- */

typedef enum mode {
	MODE_LINT, /* report diagnostics */
	MODE_FIX,  /* rewrite files, report what is left */
	MODE_DIFF  /* print what --fix would change */
} mode;

typedef struct job {
	const char *path;  /* the display path (and the file, unless stdin) */
	const char *error; /* the path could not be listed: report this */
	bool walked;
	bool from_stdin;
	char *data; /* standard input, owned */
	size_t len;
	const tl_config *cfg;
	/* Filled by the worker. */
	tl_buf out; /* standard output chunk */
	tl_buf err; /* standard error chunk */
	tl_counts counts;
	size_t unsafe_extra; /* fixable only with --unsafe-fixes */
	bool linted, fixed, failed, done;
} job;

typedef struct run {
	const options *opts;
	mode mode;
	tl_lang lang;
	tl_emit_ctx ctx;
	const tl_emitter *emitter;
	/* Diagnostics go through the emitter (not --diff, not --stdin
	 * --fix, whose standard output is the document alone). */
	bool emit;
	job *jobs;
	size_t njobs;
	size_t next; /* the next job a worker takes */
	pthread_mutex_t lock;
	pthread_cond_t cond;
} run;

static void job_error(job *j, const char *path, const char *message)
{
	tl_buf_printf(&j->err, "translint: error: %s: %s\n", path, message);
	j->failed = true;
}

/* --changed-since: drops from RES the diagnostics that start on a line
 * not added or changed since the revision. False (J failed) when git
 * cannot tell. A document from standard input is compared through the
 * file its --stdin-filename names. */
static bool keep_changed(const run *r, job *j, tl_result *res)
{
	tl_error err = {{0}, 0, 0, {0}};
	tl_changed changed;
	size_t i, kept = 0;

	if (!tl_changed_lines(r->opts->changed_since, j->path, &changed,
	                      &err)) {
		job_error(j, j->path, err.message);
		return false;
	}
	for (i = 0; i < res->ndiags; i++)
		if (tl_changed_has(
		        &changed,
		        tl_source_line_index(res->source, res->diags[i].start) +
		            1))
			res->diags[kept++] = res->diags[i];
	res->ndiags = kept;
	tl_changed_free(&changed);
	return true;
}

/* Reads, fixes, lints and renders one document. Runs in a worker: it
 * touches only J and reads R. */
static void job_process(const run *r, job *j)
{
	tl_error err = {{0}, 0, 0, {0}};
	char *data, *fixed = NULL;
	size_t len, fixed_len = 0, text_len;
	const char *text;
	tl_result *res;
	bool to_stdout = false;

	if (j->error) {
		job_error(j, j->path, j->error);
		return;
	}
	if (j->from_stdin) {
		data = j->data;
		len = j->len;
	} else {
		int rc = tl_io_read_file(j->path, &data, &len, &err);

		if (rc == ENOENT && j->walked) {
			job_error(j, j->path, "vanished while being linted");
			return;
		}
		if (rc != 0) {
			job_error(j, j->path, err.message);
			return;
		}
	}

	if (r->mode != MODE_LINT) {
		/* NULL when nothing changed or the document must not be
		 * rewritten (invalid UTF-8, binary). */
		fixed = tl_fix_document(j->cfg, r->lang, j->path, data, len,
		                        r->opts->unsafe, &fixed_len, NULL);
		if (fixed && fixed_len == len &&
		    memcmp(fixed, data, len) == 0) {
			free(fixed);
			fixed = NULL;
		}
	}
	if (r->mode == MODE_DIFF) {
		if (fixed)
			tl_emit_diff(&j->out, j->path, data, len, fixed,
			             fixed_len);
	} else if (r->mode == MODE_FIX && j->from_stdin) {
		to_stdout = true;
	} else if (fixed) {
		if (tl_io_write_atomic(j->path, fixed, fixed_len, &err)) {
			j->fixed = true;
		} else {
			job_error(j, j->path, err.message);
			free(fixed);
			fixed = NULL;
		}
	}
	text = fixed ? fixed : data;
	text_len = fixed ? fixed_len : len;
	if (to_stdout)
		tl_buf_append(&j->out, text, text_len);

	res = tl_lint(j->cfg, r->lang, j->path, text, text_len);
	if (r->opts->changed_since && !keep_changed(r, j, res)) {
		tl_result_free(res);
		free(fixed);
		if (!j->from_stdin)
			free(data);
		return;
	}
	j->counts = tl_result_counts(res, r->opts->unsafe);
	if (!r->opts->unsafe)
		j->unsafe_extra =
		    tl_result_counts(res, true).fixable - j->counts.fixable;
	j->linted = true;
	if (r->emit && r->emitter->file)
		r->emitter->file(&r->ctx, &j->out, res);
	tl_result_free(res);
	free(fixed);
	if (!j->from_stdin)
		free(data);
}

static void *worker(void *arg)
{
	run *r = arg;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&r->lock);
		i = r->next++;
		pthread_mutex_unlock(&r->lock);
		if (i >= r->njobs)
			break;
		job_process(r, &r->jobs[i]);
		pthread_mutex_lock(&r->lock);
		r->jobs[i].done = true;
		pthread_cond_broadcast(&r->cond);
		pthread_mutex_unlock(&r->lock);
	}
	return NULL;
}

static long default_jobs(void)
{
	/* Not POSIX, but glibc, musl and the BSDs all have it. */
#ifdef _SC_NPROCESSORS_ONLN
	long n = sysconf(_SC_NPROCESSORS_ONLN);
#else
	long n = 1;
#endif

	return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : n;
}

/* Runs every job and prints the results in input order. Returns whether
 * any file met an I/O error. */
static bool run_jobs(run *r, tl_emit_summary *sum)
{
	long want = r->opts->jobs ? r->opts->jobs : default_jobs();
	size_t nthreads = 0, i, chunks = 0;
	pthread_t *threads = NULL;
	bool failed = false;
	tl_buf head = {0};

	if (r->emit) {
		if (r->emitter->begin)
			r->emitter->begin(&r->ctx, &head);
		put_out(head.data, head.len);
		tl_buf_free(&head);
	}
	if (want > 1 && r->njobs > 1) {
		size_t n = (size_t)want < r->njobs ? (size_t)want : r->njobs;

		threads = tl_xmalloc(n * sizeof *threads);
		for (; nthreads < n; nthreads++)
			if (pthread_create(&threads[nthreads], NULL, worker,
			                   r) != 0)
				break; /* fewer threads still do the job */
	}

	for (i = 0; i < r->njobs; i++) {
		job *j = &r->jobs[i];

		if (nthreads == 0) {
			job_process(r, j);
		} else {
			pthread_mutex_lock(&r->lock);
			while (!j->done)
				pthread_cond_wait(&r->cond, &r->lock);
			pthread_mutex_unlock(&r->lock);
		}
		put_err(j->err.data, j->err.len);
		if (j->out.len) {
			if (chunks++ && r->emit)
				put_out(r->emitter->separator,
				        strlen(r->emitter->separator));
			put_out(j->out.data, j->out.len);
		}
		failed |= j->failed;
		if (j->linted) {
			sum->files++;
			sum->errors += j->counts.errors;
			sum->warnings += j->counts.warnings;
			sum->infos += j->counts.infos;
			sum->fixable += j->counts.fixable;
			sum->unsafe_fixable += j->unsafe_extra;
		}
		sum->fixed_files += j->fixed;
		tl_buf_free(&j->out);
		tl_buf_free(&j->err);
	}
	for (i = 0; i < nthreads; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	return failed;
}

/* ---- Main ---------------------------------------------------------------- */

/* "translint: error: PATH[:LINE:COL]: MESSAGE" on standard error. */
static void print_error(const tl_error *err)
{
	fflush(stdout);
	fputs("translint: error: ", stderr);
	if (err->path[0] && err->line)
		fprintf(stderr, "%s:%zu:%zu: ", err->path, err->line,
		        err->column);
	else if (err->path[0])
		fprintf(stderr, "%s: ", err->path);
	fprintf(stderr, "%s\n", err->message);
}

/* The jobs of a run: standard input, or every file the paths name, in
 * the order given (INPUTS keeps the strings the jobs point to). */
static bool make_jobs(run *r, const options *o, tl_io_list *inputs)
{
	size_t i;

	if (o->stdin_mode) {
		tl_error err = {{0}, 0, 0, {0}};
		job *j = r->jobs = tl_xcalloc(1, sizeof *r->jobs);

		r->njobs = 1;
		j->path = o->stdin_filename ? o->stdin_filename : STDIN_NAME;
		j->from_stdin = true;
		if (tl_io_read_fd(STDIN_FILENO, j->path, &j->data, &j->len,
		                  &err) != 0) {
			print_error(&err);
			return false;
		}
		return true;
	}
	if (o->npaths == 0)
		tl_io_collect(inputs, ".");
	for (i = 0; i < o->npaths; i++)
		tl_io_collect(inputs, o->paths[i]);
	tl_io_list_dedup(inputs);
	r->njobs = inputs->n;
	r->jobs = tl_xcalloc(inputs->n + 1, sizeof *r->jobs);
	for (i = 0; i < inputs->n; i++) {
		r->jobs[i].path = inputs->items[i].path;
		r->jobs[i].error = inputs->items[i].error;
		r->jobs[i].walked = inputs->items[i].walked;
	}
	if (inputs->n == 0) {
		fflush(stdout);
		fputs("translint: warning: no Markdown files found\n", stderr);
	}
	return true;
}

/* The rules an output format may list (SARIF's tool.driver.rules): the
 * built-in ones, then the custom rules of every configuration file that
 * applies to a file of the run, each id once. The array is the built-in
 * table itself when there is no custom rule; otherwise the caller frees
 * it (not the rules, which live as long as CS). */
static const tl_rule *const *run_rules(configs *cs, const run *r, size_t *count)
{
	size_t n;
	const tl_rule *const *builtin = tl_rules(&n);
	const tl_rule **all = NULL;
	size_t nall = n;
	tl_error err;
	bool failed;

	for (size_t j = 0; j < r->njobs; j++)
		if (!r->jobs[j].error)
			file_for(cs, r->jobs[j].path, &err, &failed);
	for (size_t k = 0; k < cs->nfiles; k++) {
		const tl_config *cfg = cs->files[k].cfg;
		for (size_t c = 0; c < tl_config_custom_count(cfg); c++) {
			const tl_rule *cr = tl_config_custom_rule(cfg, c);
			bool seen = false;
			for (size_t q = n; q < nall && !seen; q++)
				seen = strcmp(all[q]->name, cr->name) == 0;
			if (seen)
				continue;
			if (!all) {
				all = tl_xmalloc((n + 1) * sizeof *all);
				memcpy(all, builtin, n * sizeof *all);
			}
			all = tl_xrealloc(all, (nall + 1) * sizeof *all);
			all[nall++] = cr;
		}
	}
	*count = all ? nall : n;
	return all ? (const tl_rule *const *)all : builtin;
}

/* Lints (fixes, diffs) what the options name; returns the exit status. */
static int lint(const options *o)
{
	configs cs;
	run r;
	tl_io_list inputs = {NULL, 0, 0};
	tl_emit_summary sum;
	tl_error err = {{0}, 0, 0, {0}};
	tl_buf tail = {0};
	size_t i, nrules;
	int status = EXIT_TROUBLE;
	bool trouble;

	if (!configs_init(&cs, o, &err)) {
		print_error(&err);
		configs_free(&cs);
		return EXIT_TROUBLE;
	}
	memset(&r, 0, sizeof r);
	r.opts = o;
	r.mode = o->diff ? MODE_DIFF : o->fix ? MODE_FIX : MODE_LINT;
	r.lang = o->lang;
	r.emitter = o->emitter;
	r.emit = r.mode == MODE_LINT || (r.mode == MODE_FIX && !o->stdin_mode);
	if (o->changed_since && !tl_changed_check_ref(o->changed_since, &err)) {
		print_error(&err);
		goto out;
	}
	if (!make_jobs(&r, o, &inputs))
		goto out;

	/* Every configuration is loaded before any file is linted, so that
	 * a configuration error stops the run before it starts. */
	for (i = 0; i < r.njobs; i++) {
		if (r.jobs[i].error)
			continue;
		r.jobs[i].cfg = load_config_for(&cs, r.jobs[i].path, &err);
		if (!r.jobs[i].cfg) {
			print_error(&err);
			goto out;
		}
	}
	/* Files found by walking that an ignore: glob names are dropped. */
	{
		size_t kept = 0;

		for (i = 0; i < r.njobs; i++)
			if (!r.jobs[i].walked || r.jobs[i].error ||
			    !config_ignores(&cs, r.jobs[i].path))
				r.jobs[kept++] = r.jobs[i];
		r.njobs = kept;
	}

	r.ctx.lang = o->lang;
	r.ctx.color = o->emitter == &tl_emit_text && want_color(o);
	r.ctx.unsafe = o->unsafe;
	r.ctx.fix_mode = r.mode == MODE_FIX;
	r.ctx.files = r.njobs;
	r.ctx.rules = run_rules(&cs, &r, &nrules);
	r.ctx.nrules = nrules;
	r.ctx.tool_version = TL_VERSION;
	pthread_mutex_init(&r.lock, NULL);
	pthread_cond_init(&r.cond, NULL);
	memset(&sum, 0, sizeof sum);
	trouble = run_jobs(&r, &sum);
	pthread_mutex_destroy(&r.lock);
	pthread_cond_destroy(&r.cond);
	if (r.emit && r.emitter->end) {
		r.emitter->end(&r.ctx, &tail, &sum);
		put_out(tail.data, tail.len);
		tl_buf_free(&tail);
	}

	status = sum.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
	if (o->max_warnings >= 0 && sum.warnings > (size_t)o->max_warnings) {
		fflush(stdout);
		fprintf(stderr,
		        "translint: too many warnings (%zu, maximum %ld)\n",
		        sum.warnings, o->max_warnings);
		status = EXIT_PROBLEMS;
	}
	if (trouble)
		status = EXIT_TROUBLE;
	if (!names_known(&cs, &err)) {
		fprintf(stderr, "translint: error: %s\n", err.message);
		status = EXIT_TROUBLE;
	}

out:
	if (r.ctx.rules != tl_rules(&i))
		free((void *)r.ctx.rules);
	for (i = 0; i < r.njobs; i++)
		free(r.jobs[i].data);
	free(r.jobs);
	configs_free(&cs);
	tl_io_list_free(&inputs);
	return status;
}

/* A file in the current folder, standing for it in configuration
 * lookup (it need not exist). */
#define HERE "./-"

/* --print-config [FILE]: the configuration that applies to FILE (or to a
 * file in the current folder), as YAML. */
static int print_config(const options *o)
{
	configs cs;
	tl_error err = {{0}, 0, 0, {0}};
	const tl_config *cfg = NULL;
	const char *path = o->npaths ? o->paths[0] : HERE;
	tl_buf out = {0};

	if (o->npaths > 1)
		usage_error("--print-config takes one file");
	if (configs_init(&cs, o, &err))
		cfg = load_config_for(&cs, path, &err);
	if (!cfg) {
		print_error(&err);
		configs_free(&cs);
		return EXIT_TROUBLE;
	}
	tl_config_print(cfg, &out);
	put_out(out.data, out.len);
	tl_buf_free(&out);
	configs_free(&cs);
	return EXIT_OK;
}

/* --init: a commented .translint.yml in the current folder, never over
 * an existing one. */
static int init_config(void)
{
	FILE *f;
	const char *text = tl_config_starter();

	if (access(".translint.yml", F_OK) == 0 ||
	    access(".translint.yaml", F_OK) == 0) {
		fputs("translint: error: .translint.yml (or .yaml) already "
		      "exists here; not overwriting it\n",
		      stderr);
		return EXIT_TROUBLE;
	}
	f = fopen(".translint.yml", "wx");
	if (!f || fputs(text, f) == EOF || fclose(f) != 0) {
		fprintf(stderr, "translint: error: .translint.yml: %s\n",
		        strerror(errno));
		return EXIT_TROUBLE;
	}
	printf("wrote .translint.yml\n");
	return EXIT_OK;
}

/* --list-rules, then the custom rules of the configuration that applies
 * to the current folder. */
static int list_all_rules(const options *o)
{
	configs cs;
	tl_error err = {{0}, 0, 0, {0}};
	const tl_config *cfg = NULL;
	size_t i;

	if (configs_init(&cs, o, &err))
		cfg = load_config_for(&cs, HERE, &err);
	if (!cfg) {
		print_error(&err);
		configs_free(&cs);
		return EXIT_TROUBLE;
	}
	list_rules(o->lang);
	for (i = 0; i < tl_config_custom_count(cfg); i++) {
		const tl_rule *r = tl_config_custom_rule(cfg, i);

		printf("%s  %-7s  %-9s  %s\n", r->name,
		       tl_severity_name(r->severity), fix_label(r->fixable),
		       r->summary);
	}
	configs_free(&cs);
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	options o;
	struct sigaction sa;
	int status = EXIT_OK;

	/* A write past the file-size limit must fail with EFBIG, which
	 * tl_io_write_atomic reports and recovers from, instead of killing
	 * the process halfway through a run. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGXFSZ, &sa, NULL);

	if (argc > 1 && strcmp(argv[1], "lsp") == 0) {
		/* Clients that launch every server with --stdio get what
		 * they ask for: stdio is the only transport. */
		if (argc > 3 || (argc == 3 && strcmp(argv[2], "--stdio") != 0))
			usage_error("lsp takes no arguments (but --stdio)");
		return tl_lsp_serve(stdin, stdout, lang_from_env());
	}
	memset(&o, 0, sizeof o);
	o.emitter = &tl_emit_text;
	o.max_warnings = -1;
	parse_args(&o, argc, argv);
	check_args(&o);
	if (!o.lang_given)
		o.lang = lang_from_env();

	if (o.help)
		fputs(usage_text, stdout);
	else if (o.version)
		print_version();
	else if (o.list_rules)
		status = list_all_rules(&o);
	else if (o.print_config)
		status = print_config(&o);
	else if (o.init)
		status = init_config();
	else if (o.explain)
		explain(o.explain);
	else if (o.write_docs)
		status = write_rule_docs(o.write_docs);
	else
		status = lint(&o);
	options_free(&o);
	return finish_stdout(status);
}
