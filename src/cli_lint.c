/*
 * cli_lint.c: a lint run of the command line: arguments -> configuration
 * -> files -> engine -> emitter -> exit status.
 *
 * Files are linted by a pool of worker threads (-j), each file on its
 * own: read, fix when asked, lint, and render its output into a buffer.
 * The main thread prints those buffers strictly in input order as they
 * complete, so the output is byte-identical whatever -j is. Every error a
 * worker meets is kept in its file's buffers too, so that stderr is in
 * input order as well.
 */
#include "baseline.h"
#include "changed.h"
#include "cli.h"
#include "io.h"
#include "pairing.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef enum mode {
	MODE_LINT, /* report diagnostics */
	MODE_FIX,  /* rewrite files, report what is left */
	MODE_DIFF  /* print what --fix would change */
} mode;

/* --statistics: the findings of one rule. */
typedef struct rule_count {
	const char *rule; /* the diagnostics' rule id */
	size_t n, fixable;
} rule_count;

typedef struct job {
	const char *path;  /* the display path (and the file, unless stdin) */
	const char *error; /* the path could not be listed: report this */
	bool walked;
	bool from_stdin;
	bool ignored; /* standard input named as an ignored file */
	char *data;   /* standard input, owned */
	size_t len;
	const tl_config *cfg;
	const tl_changed *changed; /* --changed-since: the file's lines */
	/* Filled by the worker. */
	tl_buf out; /* standard output chunk */
	tl_buf err; /* standard error chunk */
	tl_counts counts;
	size_t unsafe_extra; /* fixable only with --unsafe-fixes */
	size_t failing;      /* diagnostics at the fail-on level or above */
	tl_baseline *found;  /* --write-baseline: the file's findings */
	rule_count *stats;   /* --statistics: the file's findings by rule */
	size_t nstats, stats_cap;
	bool linted, fixed, failed, done;
	bool streamed; /* part of out was printed while it was rendered */
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
	size_t next;                 /* the next job a worker takes */
	size_t failing;              /* the jobs' failing diagnostics, summed */
	const tl_baseline *baseline; /* --baseline: findings not reported */
	tl_baseline *found;          /* --write-baseline: every finding */
	rule_count *stats;           /* --statistics, summed in input order */
	size_t nstats, stats_cap;
	tl_pairing *pairing; /* finds the originals of the files */
	/* Files are linted one at a time on the main thread, in order: the
	 * output of the file being linted is the next thing to print, and
	 * it is printed as it is rendered (tl_emit_stream). */
	bool in_order;
	size_t *chunks; /* non-empty file chunks printed (run_jobs') */
	pthread_mutex_t lock;
	pthread_cond_t cond;
} run;

/* A file's chunk printed while it is rendered: what run_jobs prints
 * before a chunk (the file's errors, the separator) comes first. */
typedef struct job_stream {
	tl_emit_stream stream;
	const run *r;
	job *j;
} job_stream;

static void put_separator(const run *r)
{
	if ((*r->chunks)++ && r->emit)
		cli_put_out(r->emitter->separator,
		            strlen(r->emitter->separator));
}

static void job_stream_write(tl_emit_stream *stream)
{
	job_stream *js = (job_stream *)stream;
	job *j = js->j;

	if (!j->streamed) {
		cli_put_err(j->err.data, j->err.len);
		tl_buf_free(&j->err);
		put_separator(js->r);
		j->streamed = true;
	}
	cli_put_out(j->out.data, j->out.len);
	j->out.len = 0;
	j->out.data[0] = '\0';
}

static void job_error(job *j, const char *path, const char *message)
{
	tl_buf_printf(&j->err, "translint: error: %s: %s\n", path, message);
	j->failed = true;
}

/* Whether a rule enabled in CFG compares a document with its original
 * (has check_original): when none is, --source has nothing to do, which
 * the user is told rather than left to read silence as agreement. */
static bool compares_original(const tl_config *cfg)
{
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);

	for (size_t i = 0; i < n; i++)
		if (rules[i]->check_original &&
		    tl_config_severity_at(cfg, i) != TL_SEVERITY_OFF)
			return true;
	return false;
}

/* The original of J's document, by --source or by the source: entries
 * of its configuration (pairing.h), as tl_lint_with_original takes it:
 * *ORIG filled from *PAIR (which owns its strings), or NULL when there is
 * nothing to say (no entry, no original and none required). An original
 * that should exist but cannot be read is an error of the run (exit 2),
 * and the document is linted all the same, without it. */
static const tl_original *
find_original(const run *r, job *j, tl_pairing_result *pair, tl_original *orig)
{
	tl_error err = {{0}, 0, 0, {0}};
	tl_pairing_status st;

	memset(pair, 0, sizeof *pair);
	if (!r->opts->source && tl_config_source_count(j->cfg) == 0 &&
	    !tl_config_source_required(j->cfg))
		return NULL;
	st = r->opts->source
	         ? tl_pairing_read(r->pairing, r->opts->source, pair, &err)
	         : tl_pairing_find(r->pairing, j->cfg, j->path, pair, &err);
	if (st == TL_PAIRING_ERROR) {
		tl_buf_printf(&j->err, "translint: error: %s: %s\n", err.path,
		              err.message);
		j->failed = true;
		return NULL;
	}
	if (st == TL_PAIRING_NONE && r->opts->source) {
		/* Named outright, it must exist. */
		tl_buf_printf(&j->err, "translint: error: --source %s: %s\n",
		              r->opts->source, pair->why);
		j->failed = true;
		return NULL;
	}
	if (st == TL_PAIRING_NONE && !pair->required)
		return NULL;
	if (r->opts->source && !compares_original(j->cfg))
		tl_buf_printf(&j->err,
		              "translint: warning: --source %s: no rule that "
		              "compares with the original is enabled for %s "
		              "(enable the source rules, or use --preset "
		              "translation, lctt or gold-miner)\n",
		              r->opts->source, j->path);
	orig->path = pair->path;
	orig->data = st == TL_PAIRING_FOUND ? pair->data : NULL;
	orig->len = st == TL_PAIRING_FOUND ? pair->len : 0;
	orig->required = pair->required;
	orig->why = st == TL_PAIRING_FOUND ? NULL : pair->why;
	return orig;
}

/* --changed-since: drops from RES the diagnostics that start on a line
 * not added or changed since the revision (J's lines, found for every
 * file before the run; a document from standard input is compared
 * through the file its --stdin-filename names). */
static void keep_changed(const job *j, tl_result *res)
{
	size_t i, kept = 0;

	for (i = 0; i < res->ndiags; i++)
		if (tl_changed_has(
		        j->changed,
		        tl_source_line_index(res->source, res->diags[i].start) +
		            1))
			res->diags[kept++] = res->diags[i];
	res->ndiags = kept;
}

/* Adds N findings of RULE (FIXABLE of them fixable) to *V. */
static void count_rule(rule_count **v, size_t *n, size_t *cap, const char *rule,
                       size_t add, size_t fixable)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i].rule, rule) == 0) {
			(*v)[i].n += add;
			(*v)[i].fixable += fixable;
			return;
		}
	*v = tl_grow(*v, *n, cap, sizeof **v);
	(*v)[(*n)++] = (rule_count){rule, add, fixable};
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
	tl_io_stamp stamp;
	bool to_stdout = false;

	if (j->error) {
		job_error(j, j->path, j->error);
		return;
	}
	if (j->ignored) {
		/* --fix prints the document; nothing else is said. */
		if (r->mode == MODE_FIX)
			tl_buf_append(&j->out, j->data, j->len);
		return;
	}
	if (j->from_stdin) {
		data = j->data;
		len = j->len;
	} else {
		int rc = tl_io_read_file(j->path, &data, &len, &stamp, &err);

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
		tl_io_original was = {&stamp, data, len};

		if (tl_io_write_atomic(j->path, fixed, fixed_len, &was, &err)) {
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

	{
		tl_pairing_result pair;
		tl_original orig;
		const tl_original *o = find_original(r, j, &pair, &orig);

		res = tl_lint_with_original(j->cfg, r->lang, j->path, text,
		                            text_len, o);
		tl_pairing_result_free(&pair);
	}
	if (j->changed)
		keep_changed(j, res);
	if (r->baseline)
		tl_baseline_filter(r->baseline, j->path, res);
	if (r->opts->write_baseline) {
		j->found = tl_baseline_new();
		tl_baseline_add(j->found, j->path, res);
	}
	for (size_t i = 0; r->opts->statistics && i < res->ndiags; i++) {
		const tl_diag *d = &res->diags[i];
		bool fixable =
		    d->fix.applicability == TL_FIX_SAFE ||
		    (r->opts->unsafe && d->fix.applicability == TL_FIX_UNSAFE);
		count_rule(&j->stats, &j->nstats, &j->stats_cap, d->rule, 1,
		           fixable);
	}
	j->counts = tl_result_counts(res, r->opts->unsafe);
	{
		/* --fail-on, else the file's configuration's fail-on. */
		tl_severity fail_on = r->opts->fail_on != TL_SEVERITY_OFF
		                          ? r->opts->fail_on
		                          : tl_config_fail_on(j->cfg);

		for (size_t i = 0; i < res->ndiags; i++)
			j->failing += res->diags[i].severity >= fail_on;
	}
	if (!r->opts->unsafe)
		j->unsafe_extra =
		    tl_result_counts(res, true).fixable - j->counts.fixable;
	j->linted = true;
	if (r->emit && r->emitter->file) {
		job_stream js = {{&j->out, job_stream_write}, r, j};

		if (r->in_order)
			tl_emit_stream_set(&js.stream);
		r->emitter->file(&r->ctx, &j->out, res);
		tl_emit_stream_set(NULL);
	}
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
		cli_put_out(head.data, head.len);
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

	r->in_order = nthreads == 0;
	r->chunks = &chunks;
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
		cli_put_err(j->err.data, j->err.len);
		if (j->out.len) {
			if (!j->streamed)
				put_separator(r);
			cli_put_out(j->out.data, j->out.len);
		}
		failed |= j->failed;
		if (j->linted) {
			sum->files++;
			r->failing += j->failing;
			sum->errors += j->counts.errors;
			sum->warnings += j->counts.warnings;
			sum->infos += j->counts.infos;
			sum->fixable += j->counts.fixable;
			sum->unsafe_fixable += j->unsafe_extra;
			for (size_t k = 0; k < j->nstats; k++)
				count_rule(&r->stats, &r->nstats, &r->stats_cap,
				           j->stats[k].rule, j->stats[k].n,
				           j->stats[k].fixable);
			if (j->found)
				tl_baseline_merge(r->found, j->found);
			j->found = NULL;
		}
		free(j->stats);
		j->stats = NULL;
		sum->fixed_files += j->fixed;
		tl_buf_free(&j->out);
		tl_buf_free(&j->err);
	}
	for (i = 0; i < nthreads; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	return failed;
}

/* The jobs of a run: standard input, or every file the paths name, in
 * the order given (INPUTS keeps the strings the jobs point to). */
static bool make_jobs(run *r, const options *o, tl_io_list *inputs)
{
	size_t i;
	unsigned walk_flags = o->no_gitignore ? 0 : TL_IO_GITIGNORE;

	if (o->stdin_mode) {
		tl_error err = {{0}, 0, 0, {0}};
		job *j = r->jobs = tl_xcalloc(1, sizeof *r->jobs);

		r->njobs = 1;
		j->path = o->stdin_filename ? o->stdin_filename : STDIN_NAME;
		j->from_stdin = true;
		if (tl_io_read_fd(STDIN_FILENO, j->path, &j->data, &j->len,
		                  NULL, &err) != 0) {
			cli_print_error(&err);
			return false;
		}
		return true;
	}
	if (o->npaths == 0)
		tl_io_collect(inputs, ".", walk_flags);
	for (i = 0; i < o->npaths; i++)
		tl_io_collect(inputs, o->paths[i], walk_flags);
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
 * it (not the rules, which live as long as RES). */
static const tl_rule *const *run_rules(const tl_resolver *res, size_t *count)
{
	size_t n;
	const tl_rule *const *builtin = tl_rules(&n);
	const tl_rule **all = NULL;
	size_t nall = n, cap = 0;

	/* Every file's configuration was resolved, and so loaded, before
	 * the run starts. A custom rule is listed once: the ids of one
	 * configuration are distinct, and one an earlier configuration
	 * has is found by its name table, not by comparing with every
	 * rule listed (quadratic with 20,000 custom rules). */
	for (size_t k = 0; k < tl_resolver_count(res); k++) {
		const tl_config *cfg = tl_resolver_loaded(res, k);
		for (size_t c = 0; c < tl_config_custom_count(cfg); c++) {
			const tl_rule *cr = tl_config_custom_rule(cfg, c);
			bool seen = false;
			for (size_t j = 0; j < k && !seen; j++)
				seen = tl_config_has_rule(
				    tl_resolver_loaded(res, j), cr->name);
			if (seen)
				continue;
			if (!all) {
				cap = n + 1;
				all = tl_xmalloc(cap * sizeof *all);
				memcpy(all, builtin, n * sizeof *all);
			}
			all = tl_grow(all, nall, &cap, sizeof *all);
			all[nall++] = cr;
		}
	}
	*count = all ? nall : n;
	return all ? (const tl_rule *const *)all : builtin;
}

static int stats_cmp(const void *x, const void *y)
{
	const rule_count *a = x, *b = y;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->rule, b->rule);
}

/* --statistics: one line per rule, the most frequent first (count, rule,
 * "[*]" when some are fixable, summary), as ruff prints them; or, with
 * --format json, one JSON list. */
static void print_stats(run *r)
{
	tl_buf out = {0};
	size_t width = 1, rwidth = 1;
	bool json = r->emitter == &tl_emit_json;

	if (r->nstats)
		qsort(r->stats, r->nstats, sizeof *r->stats, stats_cmp);
	for (size_t i = 0; i < r->nstats; i++) {
		size_t w = (size_t)snprintf(NULL, 0, "%zu", r->stats[i].n);
		if (w > width)
			width = w;
		if (strlen(r->stats[i].rule) > rwidth)
			rwidth = strlen(r->stats[i].rule);
	}
	if (json)
		tl_buf_puts(&out, "[");
	for (size_t i = 0; i < r->nstats; i++) {
		const rule_count *c = &r->stats[i];
		const char *summary = "";
		for (size_t k = 0; k < r->ctx.nrules; k++)
			if (strcmp(r->ctx.rules[k]->name, c->rule) == 0) {
				const tl_rule *ru = r->ctx.rules[k];
				summary =
				    r->lang == TL_LANG_ZH && ru->summary_zh
				        ? ru->summary_zh
				    : ru->summary ? ru->summary
				                  : "";
				break;
			}
		if (json) {
			tl_buf_puts(&out,
			            i ? ",\n {\"rule\": " : "\n {\"rule\": ");
			tl_emit_json_string(&out, c->rule, strlen(c->rule));
			tl_buf_printf(&out,
			              ", \"count\": %zu, \"fixable\": %zu, "
			              "\"summary\": ",
			              c->n, c->fixable);
			tl_emit_json_string(&out, summary, strlen(summary));
			tl_buf_puts(&out, "}");
			continue;
		}
		tl_buf_printf(&out, "%*zu  %-*s  %s  ", (int)width, c->n,
		              (int)rwidth, c->rule, c->fixable ? "[*]" : "[ ]");
		tl_emit_plain(&out, summary);
		tl_buf_putc(&out, '\n');
	}
	if (json)
		tl_buf_puts(&out, r->nstats ? "\n]\n" : "]\n");
	cli_put_out(out.data, out.len);
	tl_buf_free(&out);
}

/* --write-baseline FILE: every finding of the run, written atomically. */
static bool write_baseline(run *r, const char *path, size_t files)
{
	tl_buf out = {0};
	tl_error err = {{0}, 0, 0, {0}};
	bool ok;

	tl_baseline_write(r->found, &out);
	ok = tl_io_write_atomic(path, out.data, out.len, NULL, &err);
	fflush(stdout);
	if (ok)
		fprintf(stderr,
		        "translint: wrote %zu findings of %zu files to %s\n",
		        tl_baseline_count(r->found), files, path);
	else
		fprintf(stderr, "translint: error: %s: %s\n", path,
		        err.message);
	tl_buf_free(&out);
	return ok;
}

/* Lints (fixes, diffs) what the options name; returns the exit status. */
int cli_lint(const options *o)
{
	tl_resolver *res;
	run r;
	tl_io_list inputs = {NULL, 0, 0};
	tl_emit_summary sum;
	tl_error err = {{0}, 0, 0, {0}};
	tl_buf tail = {0};
	size_t i, nrules;
	int status = EXIT_TROUBLE;
	bool trouble;
	tl_changed_set *changed = NULL;
	tl_baseline *baseline = NULL;

	res = cli_resolver(o, &err);
	if (!res) {
		cli_print_error(&err);
		return EXIT_TROUBLE;
	}
	memset(&r, 0, sizeof r);
	r.opts = o;
	r.mode = o->diff ? MODE_DIFF : o->fix ? MODE_FIX : MODE_LINT;
	r.lang = o->lang;
	r.emitter = o->emitter;
	/* --statistics and --write-baseline print no findings. */
	r.emit =
	    (r.mode == MODE_LINT && !o->statistics && !o->write_baseline) ||
	    (r.mode == MODE_FIX && !o->stdin_mode);
	if (o->baseline) {
		baseline = tl_baseline_read(o->baseline, &err);
		if (!baseline) {
			cli_print_error(&err);
			goto out;
		}
		r.baseline = baseline;
	}
	if (o->write_baseline)
		r.found = tl_baseline_new();
	if (!make_jobs(&r, o, &inputs))
		goto out;

	/* Every configuration is loaded before any file is linted, so that
	 * a configuration error stops the run before it starts. */
	for (i = 0; i < r.njobs; i++) {
		if (r.jobs[i].error)
			continue;
		r.jobs[i].cfg = tl_resolver_config(res, r.jobs[i].path, &err);
		if (!r.jobs[i].cfg) {
			cli_print_error(&err);
			goto out;
		}
	}
	/* Files an ignore: glob names are dropped, whether found by walking
	 * or named: hooks, the Action and editors name every file they
	 * touch (markdownlint-cli2 and AutoCorrect do the same). A document
	 * on standard input stays, to be passed through untouched. */
	{
		size_t kept = 0;

		for (i = 0; i < r.njobs; i++) {
			job *j = &r.jobs[i];

			if (!j->error && tl_resolver_ignores(res, j->path)) {
				if (!j->from_stdin)
					continue;
				j->ignored = true;
			}
			r.jobs[kept++] = *j;
		}
		r.njobs = kept;
	}
	/* --changed-since: git runs here, once per repository, not in the
	 * workers once per file. */
	if (o->changed_since) {
		const char **paths = tl_xcalloc(r.njobs + 1, sizeof *paths);
		size_t n = 0;

		for (i = 0; i < r.njobs; i++)
			if (!r.jobs[i].error)
				paths[n++] = r.jobs[i].path;
		changed = tl_changed_set_new(o->changed_since, paths, n, &err);
		free(paths);
		if (!changed) {
			cli_print_error(&err);
			goto out;
		}
		for (i = 0, n = 0; i < r.njobs; i++)
			if (!r.jobs[i].error)
				r.jobs[i].changed =
				    tl_changed_set_file(changed, n++);
	}

	r.pairing = tl_pairing_new(o->source_rev, o->changed_since);
	r.ctx.lang = o->lang;
	r.ctx.color = o->emitter == &tl_emit_text && cli_want_color(o);
	r.ctx.unsafe = o->unsafe;
	r.ctx.fix_mode = r.mode == MODE_FIX;
	r.ctx.files = r.njobs;
	r.ctx.rules = run_rules(res, &nrules);
	r.ctx.nrules = nrules;
	r.ctx.tool_version = TL_VERSION;
	pthread_mutex_init(&r.lock, NULL);
	pthread_cond_init(&r.cond, NULL);
	memset(&sum, 0, sizeof sum);
	/* --fix writes temporaries that an interrupted run must not leave
	 * behind (before the workers start: they inherit the mask). */
	if (r.mode == MODE_FIX && !o->stdin_mode)
		tl_io_guard_signals();
	trouble = run_jobs(&r, &sum);
	tl_io_guard_end();
	pthread_mutex_destroy(&r.lock);
	pthread_cond_destroy(&r.cond);
	if (r.emit && r.emitter->end) {
		r.emitter->end(&r.ctx, &tail, &sum);
		cli_put_out(tail.data, tail.len);
		tl_buf_free(&tail);
	}

	if (o->statistics)
		print_stats(&r);
	status = r.failing > 0 ? EXIT_PROBLEMS : EXIT_OK;
	if (o->write_baseline) {
		/* Writing a baseline accepts what is there: nothing fails. */
		status = EXIT_OK;
		if (!write_baseline(&r, o->write_baseline, sum.files))
			trouble = true;
	} else if (o->max_warnings >= 0 &&
	           sum.warnings > (size_t)o->max_warnings) {
		fflush(stdout);
		fprintf(stderr,
		        "translint: too many warnings (%zu, maximum %ld)\n",
		        sum.warnings, o->max_warnings);
		status = EXIT_PROBLEMS;
	}
	if (trouble)
		status = EXIT_TROUBLE;
	if (!tl_resolver_names_known(res, &err)) {
		fprintf(stderr, "translint: error: %s\n", err.message);
		status = EXIT_TROUBLE;
	}

out:
	if (r.ctx.rules != tl_rules(&i))
		free((void *)r.ctx.rules);
	for (i = 0; i < r.njobs; i++)
		free(r.jobs[i].data);
	free(r.jobs);
	tl_resolver_free(res);
	tl_io_list_free(&inputs);
	tl_changed_set_free(changed);
	tl_baseline_free(baseline);
	tl_baseline_free(r.found);
	free(r.stats);
	tl_pairing_free(r.pairing);
	return status;
}
