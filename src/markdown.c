/*
 * markdown.c: the document. It finds the front matter (frontmatter.c),
 * plans the pieces of a very large source (pieces.c), parses each piece
 * with cmark (with source positions; into a pool, pool.c, when it is
 * small) and maps cmark's lines and columns to source offsets. Turning
 * paragraphs and headings into prose runs is runs.c's job.
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

#define POOL_MAX_SOURCE (4u << 20) /* larger sources parse on the heap */

/* Parses TEXT into DOC's tree: in a pool when it is small. */
static void parse_into(tl_doc *doc, const char *text, size_t len)
{
	cmark_parser *parser;

	if (len <= POOL_MAX_SOURCE) {
		doc->pool = tl_pool_new();
		parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS,
		                                   tl_pool_start(doc->pool));
	} else {
		parser = cmark_parser_new(CMARK_OPT_SOURCEPOS);
	}
	if (parser) {
		cmark_parser_feed(parser, text, len);
		doc->root = cmark_parser_finish(parser);
		cmark_parser_free(parser);
	}
	tl_pool_stop();
	if (!doc->root)
		tl_pool_out_of_memory();
}

/* A document of SRC, in pieces when SPLIT and the source is large. */
static tl_doc *doc_new(const tl_source *src, bool split)
{
	tl_doc *doc = tl_xcalloc(1, sizeof *doc);
	doc->src = src;
	doc->nodes = tl_xcalloc(1, sizeof *doc->nodes);
	doc->kept = tl_xcalloc(1, sizeof *doc->kept);
	tl_frontmatter_find(doc);
	tl_pieces_plan(doc, split);
	return doc;
}

tl_doc *tl_doc_new(const tl_source *src)
{
	return doc_new(src, true);
}

void tl_doc_drop_tree(tl_doc *doc)
{
	if (doc->pool)
		tl_pool_free(doc->pool); /* the whole tree */
	else if (doc->root)
		cmark_node_free(doc->root);
	doc->pool = NULL;
	doc->root = NULL;
}

void tl_doc_parse_piece(tl_doc *doc, size_t k)
{
	const tl_source *src = doc->src;

	if (doc->root) {
		doc->block_base += doc->nblocks;
		tl_doc_drop_tree(doc);
	}
	doc->piece = k;
	doc->nblocks = 0;
	for (;;) {
		size_t start = doc->cuts[k], end = doc->cuts[k + 1];
		bool whole = doc->npieces == 1;
		/* A blank line before the definitions: the last piece may
		 * end in a paragraph, which a definition cannot continue. */
		size_t len = end - start + (whole ? 0 : 2 + doc->ndefs);
		/* cmark sees the front matter as blank lines: the line count
		 * and every later offset stay the same, and none of it can
		 * become a paragraph or a setext heading. */
		bool blank_fm = k == 0 && doc->fm_kind != TL_FM_NONE;
		doc->line_base = tl_source_line_index(src, start);
		if (whole && !blank_fm) {
			parse_into(doc, src->data, src->len);
		} else {
			char *text = tl_xmalloc(len + 1);
			memcpy(text, src->data + start, end - start);
			if (!whole) {
				text[end - start] = '\n';
				text[end - start + 1] = '\n';
				memcpy(text + end - start + 2, doc->defs,
				       doc->ndefs);
				tl_pieces_shadow(doc, text, start, end);
			}
			text[len] = '\0';
			if (blank_fm)
				for (size_t i = doc->fm_start; i < doc->fm_end;
				     i++)
					if (text[i] != '\n' && text[i] != '\r')
						text[i] = ' ';
			parse_into(doc, text, len);
			free(text);
		}
		int lines = (int)(tl_source_line_index(src, end ? end - 1 : 0) -
		                  doc->line_base + 1);
		if (k + 1 >= doc->npieces ||
		    !tl_pieces_runs_to_end(doc->root, lines))
			break;
		/* A block was still open at the cut: join the next piece. */
		memmove(doc->cuts + k + 1, doc->cuts + k + 2,
		        (doc->npieces - k - 1) * sizeof *doc->cuts);
		doc->npieces--;
		tl_doc_drop_tree(doc);
	}
	for (cmark_node *n = cmark_node_first_child(doc->root); n;
	     n = cmark_node_next(n))
		doc->nblocks++;
}

tl_doc *tl_doc_parse(const tl_source *src)
{
	tl_doc *doc = doc_new(src, false);
	tl_doc_parse_piece(doc, 0);
	return doc;
}

void tl_doc_free(tl_doc *doc)
{
	if (!doc)
		return;
	tl_doc_drop_tree(doc);
	free(doc->cuts);
	free(doc->defs);
	free(doc->shadowed);
	free(doc->nodes->links);
	free(doc->nodes->html);
	free(doc->nodes);
	free(doc->kept->v);
	free(doc->kept);
	free(doc);
}

size_t tl_doc_offset(const tl_doc *doc, int line, int column)
{
	const tl_source *src = doc->src;
	if (line < 1)
		return doc->line_base ? src->lines[doc->line_base] : src->body;
	size_t l = (size_t)line - 1 + doc->line_base;
	if (l >= src->nlines)
		return src->len;
	/* cmark counts the columns of line 1 from after the BOM. */
	size_t base = l == 0 ? src->body : src->lines[l];
	size_t off = base + (size_t)(column > 0 ? column - 1 : 0);
	return off > src->len ? src->len : off;
}

void tl_doc_node_span(const tl_doc *doc, cmark_node *node, size_t *start,
                      size_t *end)
{
	*start = tl_doc_offset(doc, cmark_node_get_start_line(node),
	                       cmark_node_get_start_column(node));
	/* cmark's end column is inclusive and points at the last byte; a
	 * column of 0 means "before the first byte of that line". */
	int col = cmark_node_get_end_column(node);
	size_t e = tl_doc_offset(doc, cmark_node_get_end_line(node), col);
	if (col > 0 && e < doc->src->len)
		e++;
	/* Step to the end of a multi-byte character. */
	while (e < doc->src->len &&
	       ((unsigned char)doc->src->data[e] & 0xC0) == 0x80)
		e++;
	*end = e < *start ? *start : e;
}

bool tl_doc_keeps(const tl_doc *doc, const tl_edit *e)
{
	const tl_doc_kept *k = doc->kept;
	/* The first span that ends after the edit's start. */
	size_t lo = 0, hi = k->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (k->v[mid].end <= e->start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < k->n && k->v[lo].start <= e->end; lo++) {
		const tl_kept_span *s = &k->v[lo];
		if (e->end > e->start) {
			if (e->start < s->end && e->end > s->start)
				return false;
		} else if (e->start > s->start && e->start < s->end) {
			/* An insertion inside: white space alone ends the
			 * link there, anything else extends it. */
			if (s->strict)
				return false;
			for (const char *t = e->text; *t; t++)
				if (*t != ' ' && *t != '\t')
					return false;
		}
	}
	return true;
}
