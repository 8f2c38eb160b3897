/*
 * cli.h: what the files of the command line share. The command line is
 * three files, one job each, none of them part of the library (the unit
 * tests link everything but these):
 *
 *   main.c        the entry point, the actions that are not a lint run
 *                 (--help, --version, --list-rules, --explain,
 *                 --write-rule-docs, --print-config, --init) and output
 *   cli_args.c    the options: parsing, checking, the usage text
 *   cli_lint.c    the lint run: the jobs, the worker pool, the output in
 *                 input order, the exit status
 */
#ifndef TL_CLI_H
#define TL_CLI_H

#include "emit/emit.h"
#include "translint.h"

#include <stdbool.h>
#include <stddef.h>

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

/* ---- Options (cli_args.c) ----------------------------------------------- */

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
	long max_warnings;          /* -1: no limit */
	tl_severity fail_on;        /* --fail-on; OFF: as configured */
	bool no_gitignore;          /* --no-gitignore */
	const char *changed_since;  /* --changed-since REF, or NULL */
	const char *source;         /* --source ORIGINAL, or NULL */
	const char *source_rev;     /* --source-rev REV, or NULL */
	bool print_source;          /* --print-source */
	bool print_alignment;       /* --print-alignment */
	const char *output_file;    /* --output-file FILE, or NULL */
	bool statistics;            /* --statistics */
	const char *baseline;       /* --baseline FILE, or NULL */
	const char *write_baseline; /* --write-baseline FILE, or NULL */
	bool print_schema;          /* --print-schema */

	const char **select;
	size_t nselect;
	override *overrides;
	size_t noverrides;
	const char **paths;
	size_t npaths;
} options;

/* The text of --help. */
extern const char cli_usage_text[];
/* Fills O from the arguments, or exits with a usage error. */
void cli_parse_args(options *o, int argc, char **argv);
/* Exits with a usage error when options that make no sense together were
 * given. */
void cli_check_args(const options *o);
void cli_options_free(options *o);
/* Prints a usage error and exits: translint could not do its job. */
void cli_usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2), noreturn))
#endif
    ;
/* zh when the locale variables say so, en otherwise. */
tl_lang cli_lang_from_env(void);
/* Whether the text output may use colour. */
bool cli_want_color(const options *o);

/* The resolver of a run (tl_resolver_new) with the options' -c, --preset
 * and rule choices (--select first, then --enable, --disable and
 * --severity in the order given); NULL with ERR filled when -c or
 * --preset cannot be loaded. */
tl_resolver *cli_resolver(const options *o, tl_error *err);

/* ---- The lint run (cli_lint.c) ------------------------------------------ */

/* Lints (fixes, diffs) what the options name; returns the exit status. */
int cli_lint(const options *o);

/* ---- Output (main.c) ---------------------------------------------------- */

void cli_put_out(const char *data, size_t len);
/* Standard error, after flushing standard output. */
void cli_put_err(const char *data, size_t len);
/* "translint: error: PATH[:LINE:COL]: MESSAGE" on standard error. */
void cli_print_error(const tl_error *err);
/* "safe", "unsafe", "sometimes" or "-". */
const char *cli_fix_label(tl_fixability f);

#endif
