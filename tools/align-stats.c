/*
 * align-stats.c: a development tool, not part of translint. It aligns
 * every pair of a folder holding en/NAME (originals) and zh/NAME
 * (translations), such as ../shared/corpus/lctt-pairs, and prints what
 * docs/alignment.md reports: pairs by type, the blocks left alone by
 * kind, cells evaluated, time. Built and run by `make align-stats`.
 *
 *   align-stats DIR                 the statistics
 *   align-stats --show DIR          and every pair other than a plain 1-1,
 *                                   with its file and excerpts
 *   align-stats --print NAME DIR    the alignment of one pair
 *   align-stats --cost NAME OLINE TLINE DIR
 *                                   the costs of the candidate pairs of
 *                                   the blocks at those 1-based lines
 *   align-stats --pairs DIR         every pair of every file, one a line:
 *                                   "TYPE O1 O2 T1 T2", the 1-based first
 *                                   lines of its blocks (0: none), after a
 *                                   line "== NAME" (for scripts that check
 *                                   alignments, tools/align-inject.py)
 *   align-stats --lengths DIR       the lengths of 1-1 prose pairs whose
 *                                   anchors agree (tab-separated), for
 *                                   calibrating the length cost
 *
 * Time is the CPU time of listing blocks and aligning (not reading and
 * parsing), measured with clock().
 */
#include "align.h"
#include "io.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct stats {
	size_t files, orig_blocks, trans_blocks, pairs;
	size_t by_type[5], moved;
	size_t lone_orig[TL_ALIGN_NKINDS], lone_trans[TL_ALIGN_NKINDS];
	size_t files_all_11; /* files whose pairs are all 1-1 */
	size_t cells, max_cells_per_row_x100;
	double parse_seconds, list_seconds, align_seconds;
} stats;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *read_or_die(const char *path, size_t *len)
{
	char *data;
	tl_error err = {0};
	if (tl_io_read_file(path, &data, len, NULL, &err) != 0) {
		fprintf(stderr, "align-stats: %s: %s\n", path, err.message);
		exit(2);
	}
	return data;
}

/* The excerpt lines of a pair, from tl_align_print of the one pair. */
static void show_pair(const tl_align *al, size_t k, const char *name)
{
	tl_align one = *al;
	one.pairs = &al->pairs[k];
	one.npairs = 1;
	tl_buf out = {0};
	tl_align_print(&one, &out);
	printf("== %s\n%s", name, out.data ? out.data : "");
	tl_buf_free(&out);
}

/* The 1-based line of block I of AD, or 0 when I is past the pair. */
static size_t first_line(const tl_align_doc *ad, size_t i, size_t k, size_t n)
{
	if (k >= n)
		return 0;
	return tl_source_line_index(ad->src, ad->blocks[i + k].start) + 1;
}

static void print_pairs(const tl_align *al, const char *name)
{
	printf("== %s\n", name);
	for (size_t k = 0; k < al->npairs; k++) {
		const tl_align_pair *p = &al->pairs[k];
		printf("%s %zu %zu %zu %zu\n", tl_pair_type_name(p->type),
		       first_line(al->orig, p->orig, 0, p->norig),
		       first_line(al->orig, p->orig, 1, p->norig),
		       first_line(al->trans, p->trans, 0, p->ntrans),
		       first_line(al->trans, p->trans, 1, p->ntrans));
	}
}

/* Prints the lengths of the 1-1 pairs of prose whose blocks share an
 * anchor and disagree on none of their numbers, code and links. */
static void print_lengths(const tl_align *al)
{
	for (size_t k = 0; k < al->npairs; k++) {
		const tl_align_pair *p = &al->pairs[k];
		if (p->type != TL_PAIR_1_1 || p->moved)
			continue;
		const tl_align_block *o = &al->orig->blocks[p->orig];
		const tl_align_block *t = &al->trans->blocks[p->trans];
		if (o->kind != t->kind ||
		    (o->kind != TL_ALIGN_PARAGRAPH &&
		     o->kind != TL_ALIGN_ITEM && o->kind != TL_ALIGN_QUOTE))
			continue;
		/* Strong anchors: the same set on both sides, not empty. */
		size_t a = 0, b = 0, same = 0;
		bool differ = false;
		while (a < o->nkeys || b < t->nkeys) {
			uint64_t x = a < o->nkeys ? o->keys[a] : UINT64_MAX;
			uint64_t y = b < t->nkeys ? t->keys[b] : UINT64_MAX;
			uint64_t v = x < y ? x : y;
			bool strong = (v >> 61) <= TL_ANCHOR_LINK;
			if (x == y) {
				same += strong;
				a++;
				b++;
			} else {
				differ = differ || strong;
				if (x < y)
					a++;
				else
					b++;
			}
		}
		if (!differ && same > 0)
			printf("%zu\t%zu\t%zu\t%zu\n", o->nchars, o->ncjk,
			       t->nchars, t->ncjk);
	}
}

static void print_parts(const tl_align *al, size_t i, size_t ni, size_t j,
                        size_t nj)
{
	tl_align_cost_parts p;
	double c = tl_align_cost(al, i, ni, j, nj, &p);
	printf("%zu-%zu  orig %zu trans %zu: %8.2f = type %.2f + kind %.2f + "
	       "length %.2f + anchors %.2f\n",
	       ni, nj, i, j, c, p.type, p.kind, p.length, p.anchors);
}

/* The costs of the candidate pairs of the blocks at 1-based lines OL and
 * TL. */
static void print_costs(const tl_align *al, size_t ol, size_t tl)
{
	const tl_source *os = al->orig->src, *ts = al->trans->src;
	size_t i = tl_align_block_at(al->orig, os->lines[ol - 1]);
	size_t j = tl_align_block_at(al->trans, ts->lines[tl - 1]);
	if (i == TL_NONE || j == TL_NONE)
		return;
	print_parts(al, i, 1, j, 1);
	print_parts(al, i, 1, j, 2);
	print_parts(al, i, 2, j, 1);
	print_parts(al, i, 1, j, 0);
	print_parts(al, i, 0, j, 1);
	const tl_align_block *b[2] = {&al->orig->blocks[i],
	                              &al->trans->blocks[j]};
	for (int k = 0; k < 2; k++) {
		printf("%s:", k ? "trans" : "orig");
		for (size_t a = 0; a < b[k]->nanchors; a++)
			printf(" %d:%s", (int)b[k]->anchors[a].type,
			       b[k]->anchors[a].key);
		printf("  (chars %zu, cjk %zu, length %.0f)\n", b[k]->nchars,
		       b[k]->ncjk, tl_align_length(b[k]));
	}
}

int main(int argc, char **argv)
{
	bool show = false, lengths = false, pairs = false;
	const char *print = NULL, *dir = NULL;
	size_t cost_o = 0, cost_t = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--show") == 0)
			show = true;
		else if (strcmp(argv[i], "--lengths") == 0)
			lengths = true;
		else if (strcmp(argv[i], "--pairs") == 0)
			pairs = true;
		else if (strcmp(argv[i], "--print") == 0 && i + 1 < argc)
			print = argv[++i];
		else if (strcmp(argv[i], "--cost") == 0 && i + 3 < argc) {
			print = argv[++i];
			cost_o = strtoul(argv[++i], NULL, 10);
			cost_t = strtoul(argv[++i], NULL, 10);
		} else
			dir = argv[i];
	}
	if (!dir) {
		fprintf(stderr, "usage: align-stats [--show | --lengths | "
		                "--print NAME] DIR\n");
		return 2;
	}

	char path[4096];
	snprintf(path, sizeof path, "%s/en", dir);
	DIR *d = opendir(path);
	if (!d) {
		fprintf(stderr, "align-stats: cannot open %s\n", path);
		return 2;
	}
	char **names = NULL;
	size_t nnames = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = tl_grow(names, nnames, &cap, sizeof *names);
		names[nnames++] = tl_xstrdup(e->d_name);
	}
	closedir(d);
	qsort(names, nnames, sizeof *names, cmp_str);

	stats st = {0};
	for (size_t f = 0; f < nnames; f++) {
		if (print && strcmp(names[f], print) != 0)
			continue;
		size_t lo, lt;
		snprintf(path, sizeof path, "%s/en/%s", dir, names[f]);
		char *od = read_or_die(path, &lo);
		snprintf(path, sizeof path, "%s/zh/%s", dir, names[f]);
		FILE *probe = fopen(path, "rb");
		if (!probe) {
			free(od);
			continue;
		}
		fclose(probe);
		char *td = read_or_die(path, &lt);
		tl_source *os = tl_source_new(names[f], od, lo);
		tl_source *ts = tl_source_new(names[f], td, lt);
		free(od);
		free(td);

		clock_t c0 = clock();
		tl_doc *odoc = tl_doc_parse(os);
		tl_doc *tdoc = tl_doc_parse(ts);
		clock_t c1 = clock();
		/* As the engine lists them: the original against the
		 * translation's words. */
		tl_align_doc *ta = tl_align_doc_new(tdoc);
		tl_align_doc *oa = tl_align_doc_new_against(odoc, ta);
		clock_t c2 = clock();
		tl_align *al = tl_align_new(oa, ta);
		clock_t c3 = clock();
		st.parse_seconds += (double)(c1 - c0) / CLOCKS_PER_SEC;
		st.list_seconds += (double)(c2 - c1) / CLOCKS_PER_SEC;
		st.align_seconds += (double)(c3 - c2) / CLOCKS_PER_SEC;

		st.files++;
		st.orig_blocks += al->orig->n;
		st.trans_blocks += al->trans->n;
		st.pairs += al->npairs;
		st.cells += al->cells;
		size_t per_row = al->cells * 100 / (al->orig->n + 1);
		if (per_row > st.max_cells_per_row_x100)
			st.max_cells_per_row_x100 = per_row;
		bool all11 = true;
		for (size_t k = 0; k < al->npairs; k++) {
			const tl_align_pair *p = &al->pairs[k];
			st.by_type[p->type]++;
			st.moved += p->moved;
			if (p->type == TL_PAIR_1_0)
				st.lone_orig[al->orig->blocks[p->orig].kind]++;
			if (p->type == TL_PAIR_0_1)
				st.lone_trans[al->trans->blocks[p->trans]
				                  .kind]++;
			if (p->type != TL_PAIR_1_1 || p->moved) {
				all11 = false;
				if (show)
					show_pair(al, k, names[f]);
			}
		}
		st.files_all_11 += all11;
		if (print && cost_o && cost_o <= os->nlines &&
		    cost_t <= ts->nlines) {
			print_costs(al, cost_o, cost_t);
		} else if (print) {
			tl_buf out = {0};
			tl_align_print(al, &out);
			fputs(out.data ? out.data : "", stdout);
			tl_buf_free(&out);
		}
		if (lengths)
			print_lengths(al);
		if (pairs)
			print_pairs(al, names[f]);

		tl_align_free(al);
		tl_doc_free(odoc);
		tl_doc_free(tdoc);
		tl_source_free(os);
		tl_source_free(ts);
	}
	for (size_t f = 0; f < nnames; f++)
		free(names[f]);
	free(names);
	if (print || lengths || pairs)
		return 0;

	printf("pairs of files          %zu\n", st.files);
	printf("blocks                  %zu original, %zu translated\n",
	       st.orig_blocks, st.trans_blocks);
	printf("block pairs             %zu\n", st.pairs);
	static const char *const names5[] = {"1-1", "1-0", "0-1", "1-2", "2-1"};
	for (int t = 0; t < 5; t++)
		printf("  %-21s %zu (%.2f %%)\n", names5[t], st.by_type[t],
		       st.pairs
		           ? 100.0 * (double)st.by_type[t] / (double)st.pairs
		           : 0.0);
	printf("  of the 1-1, moved     %zu\n", st.moved);
	printf("original blocks in 1-1  %.2f %%\n",
	       st.orig_blocks
	           ? 100.0 * (double)(st.by_type[0]) / (double)st.orig_blocks
	           : 0.0);
	printf("files all 1-1           %zu (%.1f %%)\n", st.files_all_11,
	       st.files ? 100.0 * (double)st.files_all_11 / (double)st.files
	                : 0.0);
	printf("1-0 by kind            ");
	for (int k = 0; k < TL_ALIGN_NKINDS; k++)
		if (st.lone_orig[k])
			printf(" %s %zu;", tl_align_kind_name(k),
			       st.lone_orig[k]);
	printf("\n0-1 by kind            ");
	for (int k = 0; k < TL_ALIGN_NKINDS; k++)
		if (st.lone_trans[k])
			printf(" %s %zu;", tl_align_kind_name(k),
			       st.lone_trans[k]);
	printf("\ncells                   %zu (%.1f per original block; "
	       "most in a file %.1f)\n",
	       st.cells,
	       st.orig_blocks ? (double)st.cells / (double)st.orig_blocks : 0,
	       (double)st.max_cells_per_row_x100 / 100);
	printf("CPU time                parse %.3f s, list blocks %.3f s, "
	       "align %.3f s\n",
	       st.parse_seconds, st.list_seconds, st.align_seconds);
	return 0;
}
