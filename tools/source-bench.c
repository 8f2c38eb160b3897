/*
 * source-bench.c: a development tool, not part of translint. It measures
 * what checking translations against their originals costs (issue 15,
 * point 8): the CPU time of linting every translation of a folder
 * holding en/NAME (originals) and zh/NAME (translations), such as
 * ../shared/corpus/lctt-pairs, alone (tl_lint) and with its original
 * (tl_lint_with_original), in one process, the files read beforehand.
 * Rounds alternate the two so that a machine's drift touches both; the
 * fastest round of each is kept. Run by `make bench`.
 *
 *   source-bench [--preset NAME | --config FILE] [--rounds N]
 *                [--only alone|with] [--phases yes] DIR
 *
 * NAME defaults to lctt (the preset whose project the pairs come from;
 * the source rules are on in it), N to 3. It prints the files and bytes,
 * both CPU times, their ratio and the findings of the source rules. With
 * Each side is timed twice: the fastest round, and the user CPU
 * (getrusage, without the kernel's time) summed over every round, the
 * steadier figure on a loaded machine. --only alone or --only with runs
 * that side alone, for counting its instructions (valgrind
 * --tool=callgrind --toggle-collect=tl_lint_with_original). With
 * --phases yes, it also times the steps that checking against an
 * original adds, each alone as the engine runs it (fastest of N rounds):
 * reading the original (tl_source_new), parsing it, listing its blocks
 * against the translation's, listing the translation's (from its parse,
 * which linting makes anyway), aligning, and freeing what they made; the
 * source rules are the rest of the difference.
 */
#include "align.h"
#include "internal.h"
#include "io.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct pair {
	char *name;
	char *orig, *trans;
	size_t orig_len, trans_len;
} pair;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *read_or_die(const char *path, size_t *len)
{
	tl_error err = {{0}, 0, 0, {0}};
	char *data;
	if (tl_io_read_file(path, &data, len, NULL, &err) != 0) {
		fprintf(stderr, "source-bench: %s: %s\n", path, err.message);
		exit(2);
	}
	return data;
}

/* The user CPU seconds of this process so far. */
static double user_now(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6;
}

/* The CPU seconds of linting every pair, with originals or not; the
 * user CPU seconds into *USER, the source rules' findings into
 * *FOUND. */
static double run(const tl_config *cfg, const pair *v, size_t n,
                  bool with_original, double *user, size_t *found)
{
	double u0 = user_now();
	clock_t t0 = clock();
	*found = 0;
	for (size_t i = 0; i < n; i++) {
		tl_original orig = {v[i].name, v[i].orig, v[i].orig_len, false,
		                    NULL};
		tl_result *res = tl_lint_with_original(
		    cfg, TL_LANG_EN, v[i].name, v[i].trans, v[i].trans_len,
		    with_original ? &orig : NULL);
		for (size_t k = 0; k < res->ndiags; k++)
			*found +=
			    res->diags[k].orig_start != TL_NONE ||
			    strncmp(res->diags[k].rule, "source-", 7) == 0;
		tl_result_free(res);
	}
	double t = (double)(clock() - t0) / CLOCKS_PER_SEC;
	*user = user_now() - u0;
	return t;
}

/* The steps of checking against an original, timed apart. */
enum {
	PH_SOURCE,
	PH_PARSE,
	PH_LIST_ORIG,
	PH_LIST_TRANS,
	PH_ALIGN,
	PH_FREE,
	PH_N
};

static const char *const phase_names[PH_N] = {
    "original: tl_source_new", "original: parse", "original: blocks",
    "translation: blocks",     "alignment",       "freeing"};

static double cpu_now(void)
{
	return (double)clock() / CLOCKS_PER_SEC;
}

/* Adds to T the CPU seconds of each step over every pair. */
static void run_phases(const pair *v, size_t n, double *t)
{
	for (size_t i = 0; i < n; i++) {
		tl_source *ts =
		    tl_source_new(v[i].name, v[i].trans, v[i].trans_len);
		tl_doc *td = tl_doc_new(ts);
		tl_doc_parse_piece(td, 0);
		double c0 = cpu_now();
		tl_align_doc *ta = tl_align_doc_new(td);
		double c1 = cpu_now();
		tl_source *os =
		    tl_source_new(v[i].name, v[i].orig, v[i].orig_len);
		double c2 = cpu_now();
		tl_doc *od = tl_doc_new(os);
		tl_doc_parse_piece(od, 0);
		double c3 = cpu_now();
		tl_align_doc *oa = tl_align_doc_new_against(od, ta);
		double c4 = cpu_now();
		tl_doc_free(od);
		double c5 = cpu_now();
		tl_align *al = tl_align_new(oa, ta);
		double c6 = cpu_now();
		tl_align_free(al);
		tl_source_free(os);
		double c7 = cpu_now();
		tl_doc_free(td);
		tl_source_free(ts);
		t[PH_LIST_TRANS] += c1 - c0;
		t[PH_SOURCE] += c2 - c1;
		t[PH_PARSE] += c3 - c2;
		t[PH_LIST_ORIG] += c4 - c3;
		t[PH_ALIGN] += c6 - c5;
		t[PH_FREE] += (c5 - c4) + (c7 - c6);
	}
}

int main(int argc, char **argv)
{
	const char *preset = "lctt", *config = NULL;
	int rounds = 3;
	bool phases = false, alone = true, with = true;
	int a = 1;
	for (; a + 1 < argc; a += 2) {
		if (strcmp(argv[a], "--preset") == 0)
			preset = argv[a + 1];
		else if (strcmp(argv[a], "--config") == 0)
			config = argv[a + 1];
		else if (strcmp(argv[a], "--rounds") == 0)
			rounds = atoi(argv[a + 1]);
		else if (strcmp(argv[a], "--only") == 0)
			alone = strcmp(argv[a + 1], "alone") == 0,
			with = strcmp(argv[a + 1], "with") == 0;
		else if (strcmp(argv[a], "--phases") == 0)
			phases = strcmp(argv[a + 1], "yes") == 0;
		else
			break;
	}
	if (a != argc - 1 || rounds < 1 || (!alone && !with)) {
		fprintf(stderr, "usage: source-bench [--preset NAME | --config "
		                "FILE] [--rounds N] [--only alone|with] "
		                "[--phases yes] DIR\n");
		return 2;
	}
	const char *dir = argv[a];
	tl_error err = {{0}, 0, 0, {0}};
	tl_config *cfg = config ? tl_config_load(config, NULL, &err)
	                        : tl_config_preset(preset, &err);
	if (!cfg) {
		fprintf(stderr, "source-bench: %s\n", err.message);
		return 2;
	}

	char path[4096];
	snprintf(path, sizeof path, "%s/zh", dir);
	DIR *d = opendir(path);
	if (!d) {
		fprintf(stderr, "source-bench: cannot open %s\n", path);
		return 2;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = tl_grow(names, n, &cap, sizeof *names);
		names[n++] = tl_xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, cmp_str);

	pair *v = tl_xcalloc(n + 1, sizeof *v);
	size_t bytes = 0, np = 0;
	for (size_t i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/en/%s", dir, names[i]);
		FILE *f = fopen(path, "rb");
		if (!f)
			continue; /* no original: not a pair */
		fclose(f);
		v[np].name = names[i];
		v[np].orig = read_or_die(path, &v[np].orig_len);
		snprintf(path, sizeof path, "%s/zh/%s", dir, names[i]);
		v[np].trans = read_or_die(path, &v[np].trans_len);
		bytes += v[np].orig_len + v[np].trans_len;
		np++;
	}

	double best_alone = 0, best_with = 0, sum_alone = 0, sum_with = 0, u;
	size_t found_alone = 0, found_with = 0;
	for (int r = 0; r < rounds; r++) {
		double t;
		if (alone) {
			t = run(cfg, v, np, false, &u, &found_alone);
			if (r == 0 || t < best_alone)
				best_alone = t;
			sum_alone += u;
		}
		if (with) {
			t = run(cfg, v, np, true, &u, &found_with);
			if (r == 0 || t < best_with)
				best_with = t;
			sum_with += u;
		}
	}
	printf("pairs                         %zu (%zu bytes, both sides)\n",
	       np, bytes);
	printf("configuration                 %s\n", config ? config : preset);
	if (alone)
		printf("CPU, translations alone       %.3f s (fastest of %d "
		       "rounds), %.3f s user (their sum)\n",
		       best_alone, rounds, sum_alone);
	if (with)
		printf("CPU, with their originals     %.3f s (fastest of %d "
		       "rounds), %.3f s user (their sum)\n",
		       best_with, rounds, sum_with);
	if (alone && with) {
		printf("ratio                         %.2f fastest, %.2f "
		       "summed user CPU (issue 15.8: at most 2.2)\n",
		       best_alone > 0 ? best_with / best_alone : 0.0,
		       sum_alone > 0 ? sum_with / sum_alone : 0.0);
		printf("source findings               %zu (alone: %zu)\n",
		       found_with, found_alone);
	}
	if (phases && alone && with) {
		double best[PH_N], total = 0;
		for (int r = 0; r < rounds; r++) {
			double t[PH_N] = {0};
			run_phases(v, np, t);
			for (int k = 0; k < PH_N; k++)
				if (r == 0 || t[k] < best[k])
					best[k] = t[k];
		}
		printf("steps added, each the fastest of %d rounds:\n", rounds);
		for (int k = 0; k < PH_N; k++) {
			printf("  %-27s %.3f s\n", phase_names[k], best[k]);
			total += best[k];
		}
		printf("  %-27s %.3f s (the source rules: the rest of the "
		       "difference, %.3f s)\n",
		       "all", total, best_with - best_alone - total);
	}

	for (size_t i = 0; i < np; i++) {
		free(v[i].orig);
		free(v[i].trans);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(v);
	tl_config_free(cfg);
	return 0;
}
