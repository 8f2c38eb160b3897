/*
 * main.c: the command line's entry point (docs/cli.md is the user's
 * reference; DESIGN.md section 2 the contract). It parses the options
 * (cli_args.c), then runs one action: a lint run (cli_lint.c), or one of
 * the actions that lint nothing (--help, --version, --list-rules,
 * --explain, --write-rule-docs, --print-config, --init, --print-schema,
 * --print-alignment, and the language server, lsp.c). It also holds the output
 * helpers the others share.
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

#include "align.h"
#include "cli.h"
#include "io.h"
#include "lsp.h"
#include "pairing.h"
#include "ruledoc.h"
#include "schema.h"

#include <errno.h>
#include <signal.h>
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

/* ---- Output ------------------------------------------------------------ */

void cli_put_out(const char *data, size_t len)
{
	if (len)
		fwrite(data, 1, len, stdout);
}

/* Standard error comes after what standard output already printed, so
 * that a terminal shows both in order. */
void cli_put_err(const char *data, size_t len)
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

const char *cli_fix_label(tl_fixability f)
{
	return f == TL_FIXABLE_NONE ? "-" : tl_fixability_name(f);
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
		       tl_severity_name(r->severity), cli_fix_label(r->fixable),
		       summary ? summary : "");
	}
}

static void explain(const char *name, tl_lang lang)
{
	tl_buf buf = {0};
	tl_error err;

	if (!tl_rule_find(name)) {
		tl_config_unknown_rule(NULL, name, &err);
		cli_usage_error("--explain: %s", err.message);
	}

	tl_rule_doc(tl_rule_find(name), lang, &buf);
	cli_put_out(buf.data, buf.len);
	tl_buf_free(&buf);
}

/* Writes PATH with the text of PAGE unless it holds it already (so that
 * the times of pages up to date do not change). */
static int write_page(const char *path, const tl_buf *page)
{
	tl_error err = {{0}, 0, 0, {0}};
	char *old = NULL;
	size_t old_len = 0;
	int status = EXIT_OK;

	if (tl_io_read_file(path, &old, &old_len, NULL, &err) != 0 ||
	    old_len != page->len || memcmp(old, page->data, page->len)) {
		if (!tl_io_write_atomic(path, page->data, page->len, NULL,
		                        &err)) {
			fprintf(stderr, "translint: error: %s: %s\n", path,
			        err.message);
			status = EXIT_TROUBLE;
		}
	}
	free(old);
	return status;
}

/* Writes DIR/RULE.md (English) and DIR/zh/RULE.md (Chinese) for every
 * rule, making DIR/zh when needed. */
static int write_rule_docs(const char *dir)
{
	size_t n, i;
	const tl_rule *const *rules = tl_rules(&n);
	int status = EXIT_OK;
	struct stat st;
	tl_buf zh = {0};

	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "translint: error: %s: not a folder\n", dir);
		return EXIT_TROUBLE;
	}
	tl_buf_printf(&zh, "%s/zh", dir);
	if (mkdir(zh.data, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "translint: error: %s: %s\n", zh.data,
		        strerror(errno));
		tl_buf_free(&zh);
		return EXIT_TROUBLE;
	}
	for (i = 0; i < n; i++) {
		tl_buf page = {0}, path = {0};

		tl_rule_doc(rules[i], TL_LANG_EN, &page);
		tl_buf_printf(&path, "%s/%s.md", dir, rules[i]->name);
		if (write_page(path.data, &page) != EXIT_OK)
			status = EXIT_TROUBLE;
		tl_buf_free(&page);
		tl_buf_free(&path);

		tl_rule_doc(rules[i], TL_LANG_ZH, &page);
		tl_buf_printf(&path, "%s/%s.md", zh.data, rules[i]->name);
		if (write_page(path.data, &page) != EXIT_OK)
			status = EXIT_TROUBLE;
		tl_buf_free(&page);
		tl_buf_free(&path);
	}
	tl_buf_free(&zh);
	return status;
}

/* "translint: error: PATH[:LINE:COL]: MESSAGE" on standard error. */
void cli_print_error(const tl_error *err)
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

/* A file in the current folder, standing for it in configuration
 * lookup (it need not exist). */
#define HERE "./-"

/* --print-config [FILE]: the configuration that applies to FILE (or to a
 * file in the current folder), as YAML. */
static int print_config(const options *o)
{
	tl_resolver *res;
	tl_error err = {{0}, 0, 0, {0}};
	const tl_config *cfg = NULL;
	const char *path = o->npaths ? o->paths[0] : HERE;
	tl_buf out = {0};

	if (o->npaths > 1)
		cli_usage_error("--print-config takes one file");
	res = cli_resolver(o, &err);
	if (res)
		cfg = tl_resolver_config(res, path, &err);
	if (!cfg) {
		cli_print_error(&err);
		tl_resolver_free(res);
		return EXIT_TROUBLE;
	}
	tl_config_print(cfg, &out);
	cli_put_out(out.data, out.len);
	tl_buf_free(&out);
	tl_resolver_free(res);
	return EXIT_OK;
}

/* --print-source FILE...: the original each FILE is paired with (by
 * --source, else by the source: entries of its configuration), and why;
 * or why it has none. An original that cannot be read is an error of the
 * run (exit 2); the other files are still shown. */
static int print_source(const options *o)
{
	tl_error err = {{0}, 0, 0, {0}};
	tl_resolver *res = cli_resolver(o, &err);
	tl_pairing *pairing;
	int status = EXIT_OK;

	if (!res) {
		cli_print_error(&err);
		return EXIT_TROUBLE;
	}
	pairing = tl_pairing_new(o->source_rev, o->changed_since);
	for (size_t i = 0; i < o->npaths; i++) {
		const char *path = o->paths[i];
		const tl_config *cfg = tl_resolver_config(res, path, &err);
		tl_pairing_result pair;
		tl_pairing_status st;
		tl_buf out = {0};

		if (!cfg) {
			cli_print_error(&err);
			status = EXIT_TROUBLE;
			break;
		}
		st = o->source
		         ? tl_pairing_read(pairing, o->source, &pair, &err)
		         : tl_pairing_find(pairing, cfg, path, &pair, &err);
		if (st == TL_PAIRING_ERROR) {
			cli_print_error(&err);
			status = EXIT_TROUBLE;
			tl_pairing_result_free(&pair);
			continue;
		}
		if (st == TL_PAIRING_FOUND)
			tl_buf_printf(&out, "%s: original %s\n", path,
			              pair.path);
		else
			tl_buf_printf(&out, "%s: no original%s\n", path,
			              pair.required ? " (source-required: a "
			                              "source-missing error)"
			                            : "");
		tl_buf_printf(&out, "  %s\n", pair.why);
		cli_put_out(out.data, out.len);
		tl_buf_free(&out);
		tl_pairing_result_free(&pair);
	}
	tl_pairing_free(pairing);
	tl_resolver_free(res);
	return status;
}

/* A source of PATH (standard input when STDIN), or NULL after an error
 * message: unreadable, not UTF-8, or holding a NUL byte. */
static tl_source *read_source(const char *path, bool stdin_mode)
{
	tl_error err = {{0}, 0, 0, {0}};
	char *data;
	size_t len;
	int e = stdin_mode ? tl_io_read_fd(0, path, &data, &len, NULL, &err)
	                   : tl_io_read_file(path, &data, &len, NULL, &err);
	if (e != 0) {
		cli_print_error(&err);
		return NULL;
	}
	tl_source *src = tl_source_new(path, data, len);
	free(data);
	size_t bad = src->bad_utf8 != TL_NONE ? src->bad_utf8 : src->nul;
	if (bad != TL_NONE) {
		tl_pos pos = tl_source_position(src, bad, TL_UNIT_CODEPOINT);
		fprintf(stderr, "translint: error: %s:%zu:%zu: %s\n", path,
		        pos.line, pos.column,
		        src->bad_utf8 != TL_NONE
		            ? "not valid UTF-8"
		            : "a NUL byte: not a text file");
		tl_source_free(src);
		return NULL;
	}
	return src;
}

/* --source ORIGINAL --print-alignment FILE: which block of FILE renders
 * which block of ORIGINAL (src/align.h), as tl_align_print writes it. */
static int print_alignment(const options *o)
{
	const char *path =
	    o->stdin_mode ? (o->stdin_filename ? o->stdin_filename : STDIN_NAME)
	                  : o->paths[0];
	tl_source *os = read_source(o->source, false);
	tl_source *ts = os ? read_source(path, o->stdin_mode) : NULL;
	if (!ts) {
		tl_source_free(os);
		return EXIT_TROUBLE;
	}
	tl_doc *od = tl_doc_parse(os), *td = tl_doc_parse(ts);
	tl_align *al = tl_align_new(tl_align_doc_new(od), tl_align_doc_new(td));
	tl_buf out = {0};
	tl_align_print(al, &out);
	cli_put_out(out.data, out.len);
	tl_buf_free(&out);
	tl_align_free(al);
	tl_doc_free(od);
	tl_doc_free(td);
	tl_source_free(os);
	tl_source_free(ts);
	return EXIT_OK;
}

/* --init: a commented .translint.yml in the current folder, never over
 * an existing one, extending --preset when given. */
static int init_config(const options *o)
{
	FILE *f;
	tl_buf text = {0};
	tl_error err = {{0}, 0, 0, {0}};
	int status = EXIT_OK;

	if (o->preset) {
		tl_config *cfg = tl_config_preset(o->preset, &err);

		if (!cfg) {
			cli_print_error(&err);
			return EXIT_TROUBLE;
		}
		tl_config_free(cfg);
	}
	if (access(".translint.yml", F_OK) == 0 ||
	    access(".translint.yaml", F_OK) == 0) {
		fputs("translint: error: .translint.yml (or .yaml) already "
		      "exists here; not overwriting it\n",
		      stderr);
		return EXIT_TROUBLE;
	}
	tl_config_starter(o->preset, &text);
	f = fopen(".translint.yml", "wx");
	if (!f || fputs(text.data, f) == EOF || fclose(f) != 0) {
		fprintf(stderr, "translint: error: .translint.yml: %s\n",
		        strerror(errno));
		status = EXIT_TROUBLE;
	} else {
		printf("wrote .translint.yml\n");
	}
	tl_buf_free(&text);
	return status;
}

/* --list-rules, then the custom rules of the configuration that applies
 * to the current folder. */
static int list_all_rules(const options *o)
{
	tl_error err = {{0}, 0, 0, {0}};
	const tl_config *cfg = NULL;
	size_t i;
	tl_resolver *res = cli_resolver(o, &err);

	if (res)
		cfg = tl_resolver_config(res, HERE, &err);
	if (!cfg) {
		cli_print_error(&err);
		tl_resolver_free(res);
		return EXIT_TROUBLE;
	}
	list_rules(o->lang);
	for (i = 0; i < tl_config_custom_count(cfg); i++) {
		const tl_rule *r = tl_config_custom_rule(cfg, i);

		printf("%s  %-7s  %-9s  %s\n", r->name,
		       tl_severity_name(r->severity), cli_fix_label(r->fixable),
		       r->summary);
	}
	tl_resolver_free(res);
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
			cli_usage_error("lsp takes no arguments (but --stdio)");
		return tl_lsp_serve(stdin, stdout, cli_lang_from_env());
	}
	memset(&o, 0, sizeof o);
	o.emitter = &tl_emit_text;
	o.max_warnings = -1;
	cli_parse_args(&o, argc, argv);
	cli_check_args(&o);
	if (!o.lang_given)
		o.lang = cli_lang_from_env();
	/* --output-file: standard output goes to FILE from here on (a
	 * terminal no more, so no colour either). */
	if (o.output_file && !freopen(o.output_file, "w", stdout)) {
		fprintf(stderr, "translint: error: %s: %s\n", o.output_file,
		        strerror(errno));
		cli_options_free(&o);
		return EXIT_TROUBLE;
	}

	if (o.help)
		fputs(cli_usage_text, stdout);
	else if (o.version)
		print_version();
	else if (o.list_rules)
		status = list_all_rules(&o);
	else if (o.print_config)
		status = print_config(&o);
	else if (o.init)
		status = init_config(&o);
	else if (o.print_schema) {
		tl_buf schema = {0};
		tl_schema_write(&schema);
		cli_put_out(schema.data, schema.len);
		tl_buf_free(&schema);
	} else if (o.explain)
		explain(o.explain, o.lang);
	else if (o.write_docs)
		status = write_rule_docs(o.write_docs);
	else if (o.print_alignment)
		status = print_alignment(&o);
	else if (o.print_source)
		status = print_source(&o);
	else
		status = cli_lint(&o);
	cli_options_free(&o);
	return finish_stdout(status);
}
