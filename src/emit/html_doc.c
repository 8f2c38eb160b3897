/*
 * html_doc.c: a document as it renders, with every finding drawn on the
 * exact bytes it names.
 *
 * The document is parsed again with the model the rules saw (markdown.c,
 * piece by piece when it is very large), and written block by block in
 * source order: front matter as its source, headings, paragraphs, pipe
 * tables, lists, block quotes, code and HTML blocks (HTML as escaped
 * source: a document is untrusted, and nothing in it may become markup).
 * The text of paragraphs and headings comes from their prose runs, where
 * every rendered character knows its source bytes; code and HTML blocks
 * are aligned with their source here, byte by byte. So everything the
 * page writes is "text T standing for source bytes [cs, ce)", in
 * increasing source order, and drawing the findings is a merge of that
 * stream with the diagnostics (sorted by start): linear in both.
 *
 * A finding becomes a <mark> over the text it covers, split where the text
 * crosses an element (emphasis, a link, a table cell, a block), and nested
 * where findings overlap (at most MAX_DEPTH deep). A finding that covers
 * no rendered text (markup, a link destination, a list marker, an
 * insertion point, bytes the page could not place) becomes a mark holding
 * its source bytes, empty for an insertion, written where those bytes
 * stand: closing markup before it, opening markup after it, as the fixes
 * place text. Every finding gets exactly one anchor, whatever happens: the
 * last of them, at the end of the document, for any left over.
 *
 * Flat, for the side-by-side view of a translation and its original
 * (html_pair.c): no list or quote element, each leaf block standing alone
 * with its containers as classes (and its list marker), a table row by
 * row, the metadata lines (link reference definitions) as their source,
 * and where each leaf's HTML starts and ends noted, so that the pair view
 * can put every block in the row of its alignment.
 */
#include "align.h"
#include "emit/html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Findings drawn one inside another at most; a finding that would nest
 * deeper gets an empty anchor at its start. */
#define MAX_DEPTH 8
/* The most source bytes a mark for unrendered bytes shows. */
#define SHOWN_MAX 120
/* Top-level blocks in a chunk (see chunk_step). */
#define CHUNK_BLOCKS 24

/* The inline containers a character may sit in, outermost first. */
enum { IN_LINK = 0, IN_IMAGE, IN_STRONG, IN_EMPH, IN_MAX };

typedef struct container {
	int kind;         /* IN_* */
	cmark_node *node; /* the link or image, or NULL */
	bool a;           /* written as <a> (else <span>, <strong>, <em>) */
} container;

typedef struct hd {
	tl_buf *out;
	const tl_doc *doc;
	const char *s; /* the source */
	size_t len;
	const char *id; /* the file's section id */
	tl_html_side *side;
	const tl_diag *d;
	size_t nd;
	size_t next; /* the first diagnostic not met yet */
	/* The findings covering the text being written, ascending (their
	 * starts ascend too), and the marks open for them, outermost first:
	 * always a prefix-compatible pair, see sync(). */
	size_t active[MAX_DEPTH];
	size_t nactive;
	size_t open[MAX_DEPTH];
	size_t nopen;
	unsigned char *placed; /* per finding: its anchor is written */
	/* The inline containers open. */
	container ctx[IN_MAX];
	int nctx;
	/* The walk of the current piece's tree. */
	cmark_iter *it;
	size_t ntop; /* top-level blocks written, for the chunks */
	/* The links and images of the piece, met so far: the next one in
	 * the model's list and a stack of those enclosing the position. */
	size_t lnext;
	struct {
		cmark_node *node;
		size_t end;
	} lstack[16];
	int nl;
	/* Flat: the containers around the walk, and the metadata blocks of
	 * the side's block list not written yet. */
	bool flat;
	int quotes, items;
	bool item_first; /* the next leaf is an item's first: its marker */
	int lists;       /* open lists, and the next number of each */
	int number[32];
	bool ordered[32];
	size_t meta_next;
} hd;

static void put(hd *h, const char *s)
{
	tl_buf_puts(h->out, s);
}

static const char *sev_class(tl_severity s)
{
	return s == TL_SEVERITY_ERROR     ? "e"
	       : s == TL_SEVERITY_WARNING ? "w"
	                                  : "i";
}

/* ---- Marks -------------------------------------------------------------- */

/* Opens a mark for finding K: its anchor the first time, with the ids,
 * keyboard focus and the rule; a continuation (class "c") afterwards.
 * KIND adds a class: "x" for source bytes shown, "x0" for an insertion. */
static void mark_open(hd *h, size_t k, const char *kind)
{
	const tl_diag *d = &h->d[k];

	size_t n = h->side->numbers ? h->side->numbers[k] : k + 1;

	tl_buf_printf(h->out, "<mark class=\"f %s%s%s\"",
	              sev_class(d->severity), h->placed[k] ? " c" : "", kind);
	if (!h->placed[k]) {
		h->placed[k] = 1;
		tl_buf_printf(h->out,
		              " id=\"%s-%s%zu\" tabindex=\"0\" "
		              "aria-describedby=\"%s-d%zu\"",
		              h->id, h->side->prefix, n, h->id, n);
	}
	tl_buf_printf(h->out, " data-f=\"%zu\">", n);
}

static void marks_close(hd *h)
{
	for (; h->nopen; h->nopen--)
		put(h, "</mark>");
}

/* Makes the open marks the active findings: keeps the common prefix,
 * closes the rest and opens what is missing. With CLOSE_ONLY, opens
 * nothing (for writing an anchor where the active findings' text has not
 * started yet). */
static void sync(hd *h, bool close_only)
{
	size_t i = 0;

	while (i < h->nopen && i < h->nactive && h->open[i] == h->active[i])
		i++;
	while (h->nopen > i) {
		put(h, "</mark>");
		h->nopen--;
	}
	if (close_only)
		return;
	for (; i < h->nactive; i++) {
		mark_open(h, h->active[i], "");
		h->open[h->nopen++] = h->active[i];
	}
}

/* A structural tag: marks never cross elements, so they close first (and
 * reopen, as continuations, with the next text). */
static void tag(hd *h, const char *t)
{
	marks_close(h);
	put(h, t);
}

/* The anchor of finding K where it covers no rendered text: its source
 * bytes (at most SHOWN_MAX of them), or nothing for an insertion. */
static void shown(hd *h, size_t k)
{
	const tl_diag *d = &h->d[k];
	size_t n = d->end - d->start;
	bool cut = n > SHOWN_MAX;

	if (cut) {
		n = SHOWN_MAX;
		while (n && ((unsigned char)h->s[d->start + n] & 0xC0) == 0x80)
			n--;
	}
	mark_open(h, k, n ? " x" : " x0");
	tl_html_escape(h->out, h->s + d->start, n, false);
	if (cut)
		put(h, "\xE2\x80\xA6"); /* … */
	put(h, "</mark>");
}

/* Meets the findings that start before the text of source bytes [CS, CE)
 * (or at CS: an insertion there goes before the text). A finding that
 * covers the text becomes active; one that ends before it, or an
 * insertion, gets its anchor here. Findings that ended are let go (with
 * an anchor when they never had one). Opens no mark: sync() does, just
 * before the text. AT_END: the end of a block at CS, no text follows. */
static void meet(hd *h, size_t cs, size_t ce, bool at_end)
{
	size_t kept = 0, late[MAX_DEPTH], nlate = 0;

	for (size_t i = 0; i < h->nactive; i++) {
		size_t k = h->active[i];
		if (h->d[k].end > cs)
			h->active[kept++] = k;
		else if (!h->placed[k])
			late[nlate++] = k;
	}
	h->nactive = kept;
	sync(h, true);
	for (size_t i = 0; i < nlate; i++)
		shown(h, late[i]);
	while (h->next < h->nd) {
		const tl_diag *d = &h->d[h->next];
		bool empty = d->end == d->start;
		if (at_end ? !(d->start < cs || (empty && d->start == cs))
		           : !(d->start < ce || d->start <= cs))
			break;
		size_t k = h->next++;
		bool covers =
		    !empty && d->end > cs && (at_end || d->start < ce);
		if (covers && h->nactive < MAX_DEPTH)
			h->active[h->nactive++] = k;
		else
			shown(h, k);
	}
}

/* Writes T (N bytes, what renders) for source bytes [CS, CE). */
static void text(hd *h, size_t cs, size_t ce, const char *t, size_t n,
                 bool space_nl)
{
	meet(h, cs, ce, false);
	sync(h, false);
	tl_html_escape(h->out, t, n, space_nl);
}

/* Writes source bytes [A, B) as they are, split where a finding starts
 * or ends. */
static void source(hd *h, size_t a, size_t b, bool space_nl)
{
	while (a < b) {
		/* Meet what starts at A, then stop where the next finding
		 * starts or an active one ends. */
		size_t q = a + 1;
		while (q < b && ((unsigned char)h->s[q] & 0xC0) == 0x80)
			q++;
		meet(h, a, q, false);
		q = b;
		if (h->next < h->nd && h->d[h->next].start < q)
			q = h->d[h->next].start;
		for (size_t i = 0; i < h->nactive; i++) {
			size_t e = h->d[h->active[i]].end;
			if (e > a && e < q)
				q = e;
		}
		/* Spans end between characters; never split one. */
		while (q < b && ((unsigned char)h->s[q] & 0xC0) == 0x80)
			q++;
		sync(h, false);
		tl_html_escape(h->out, h->s + a, q - a, space_nl);
		a = q;
	}
}

/* Source offset POS, where no text stands: the end of a block (the
 * findings that start in it and covered nothing get their anchors here,
 * before its closing tag), or the place before a character, between the
 * markup that closes and the markup that opens there. */
static void flush(hd *h, size_t pos)
{
	meet(h, pos, pos, true);
}

/* ---- Links -------------------------------------------------------------- */

/* The innermost link and image enclosing source offset OFF, from the
 * model's list of the piece's links and images (in document order, so
 * that a walk forward with a stack of the enclosing ones finds them). */
static void links_at(hd *h, size_t off, cmark_node **link, cmark_node **image)
{
	const tl_doc_nodes *nodes = tl_doc_nodes_of(h->doc);

	while (h->lnext < nodes->nlinks) {
		cmark_node *n = nodes->links[h->lnext];
		size_t s, e;
		tl_doc_node_span(h->doc, n, &s, &e);
		if (s > off)
			break;
		h->lnext++;
		while (h->nl && h->lstack[h->nl - 1].end <= s)
			h->nl--;
		if (h->nl < 16) {
			h->lstack[h->nl].node = n;
			h->lstack[h->nl].end = e;
			h->nl++;
		}
	}
	while (h->nl && h->lstack[h->nl - 1].end <= off)
		h->nl--;
	*link = *image = NULL;
	for (int i = h->nl - 1; i >= 0; i--) {
		cmark_node *n = h->lstack[i].node;
		bool img = cmark_node_get_type(n) == CMARK_NODE_IMAGE;
		if (img && !*image)
			*image = n;
		else if (!img && !*link)
			*link = n;
	}
}

/* Whether URL may be followed from the page: http, https and mailto only
 * (no javascript:, no data:, nothing relative to a page that is not the
 * document's). */
static bool url_safe(const char *url)
{
	static const char *const schemes[] = {"http://", "https://", "mailto:"};

	for (size_t i = 0; i < 3; i++) {
		size_t n = strlen(schemes[i]);
		if (strncasecmp(url, schemes[i], n) == 0 && url[n])
			return true;
	}
	return false;
}

/* Whether a finding touches source bytes [S, E): one active now, or the
 * next to come starting before E. */
static bool touched(const hd *h, size_t s, size_t e)
{
	for (size_t i = 0; i < h->nactive; i++)
		if (h->d[h->active[i]].end > s)
			return true;
	return h->next < h->nd && h->d[h->next].start < e;
}

/* ---- Inline containers -------------------------------------------------- */

static void ctx_open(hd *h, container *c)
{
	const char *url = c->node ? cmark_node_get_url(c->node) : NULL;

	switch (c->kind) {
	case IN_LINK: {
		size_t s = 0, e = 0;
		if (c->node)
			tl_doc_node_span(h->doc, c->node, &s, &e);
		/* A link holding a finding is not followed: the finding's
		 * mark takes the focus, and a link may not hold what is
		 * focusable. Its address is in the title either way. */
		c->a = url && url_safe(url) && !touched(h, s, e);
		if (c->a) {
			tag(h, "<a class=\"a\" rel=\"noopener noreferrer\" "
			       "href=\"");
			tl_html_puts(h->out, url);
			put(h, "\">");
		} else {
			tag(h, "<span class=\"a\"");
			if (url) {
				put(h, " title=\"");
				tl_html_puts(h->out, url);
				put(h, "\"");
			}
			put(h, ">");
		}
		break;
	}
	case IN_IMAGE:
		/* Never loaded: the page makes no request. */
		tag(h, "<span class=\"img\"");
		if (url) {
			put(h, " title=\"");
			tl_html_puts(h->out, url);
			put(h, "\"");
		}
		put(h, ">");
		break;
	case IN_STRONG:
		tag(h, "<strong>");
		break;
	default:
		tag(h, "<em>");
		break;
	}
}

static void ctx_close_to(hd *h, int n)
{
	while (h->nctx > n) {
		const container *c = &h->ctx[--h->nctx];
		tag(h, c->a                   ? "</a>"
		       : c->kind == IN_STRONG ? "</strong>"
		       : c->kind == IN_EMPH   ? "</em>"
		                              : "</span>");
	}
}

/* The containers character C sits in, outermost first; returns how many. */
static int ctx_of(hd *h, const tl_char *c, container *want)
{
	int n = 0;
	cmark_node *link = NULL, *image = NULL;

	if (c->flags & (TL_CF_LINK | TL_CF_IMAGE))
		links_at(h, c->start, &link, &image);
	if (c->flags & TL_CF_LINK)
		want[n++] = (container){IN_LINK, link, false};
	if (c->flags & TL_CF_IMAGE)
		want[n++] = (container){IN_IMAGE, image, false};
	if (c->flags & TL_CF_STRONG)
		want[n++] = (container){IN_STRONG, NULL, false};
	if (c->flags & TL_CF_EMPH)
		want[n++] = (container){IN_EMPH, NULL, false};
	return n;
}

/* How many of the open containers WANT keeps. */
static int ctx_common(const hd *h, const container *want, int n)
{
	int i = 0;

	while (i < h->nctx && i < n && h->ctx[i].kind == want[i].kind &&
	       h->ctx[i].node == want[i].node)
		i++;
	return i;
}

/* ---- Prose runs --------------------------------------------------------- */

/* Whether character C is its source bytes, as they are. */
static bool is_verbatim(const hd *h, const tl_char *c)
{
	char u[4];
	size_t n;

	if (c->kind != TL_CHAR_TEXT || (c->flags & TL_CF_LITERAL))
		return false;
	n = tl_utf8_encode(c->cp, u);
	return c->end - c->start == n && memcmp(h->s + c->start, u, n) == 0;
}

/* Whether break character C is a hard one: "<br>", or two spaces or a
 * backslash before the line ending. */
static bool is_hard_break(const hd *h, const tl_char *c)
{
	size_t p = c->start;

	if (p < h->len && (h->s[p] == '<' || h->s[p] == '\\'))
		return true;
	size_t spaces = 0;
	while (p < h->len && h->s[p] == ' ')
		p++, spaces++;
	return spaces >= 2 && p < h->len &&
	       (h->s[p] == '\n' || h->s[p] == '\r');
}

/* Writes characters [FROM, TO) of RUN. */
static void write_chars(hd *h, const tl_run *run, size_t from, size_t to)
{
	size_t i = from;

	while (i < to) {
		const tl_char *c = &run->chars[i];
		container want[IN_MAX];
		int n = ctx_of(h, c, want);
		int keep = ctx_common(h, want, n);
		size_t j = i + 1;

		ctx_close_to(h, keep);
		/* Anchors of what stands before this character go between the
		 * markup closing before it and the markup opening in front of
		 * it, where a fix puts its text. */
		flush(h, c->start);
		for (int k = keep; k < n; k++) {
			ctx_open(h, &want[k]);
			h->ctx[h->nctx++] = want[k];
		}
		switch (c->kind) {
		case TL_CHAR_TEXT:
			if (!is_verbatim(h, c)) {
				char u[4];
				size_t un = tl_utf8_encode(c->cp, u);
				text(h, c->start, c->end, u, un, false);
				break;
			}
			/* A stretch of characters that are their bytes, in
			 * the same containers: one call. */
			while (j < to && run->chars[j].flags == c->flags &&
			       run->chars[j].start == run->chars[j - 1].end &&
			       is_verbatim(h, &run->chars[j]))
				j++;
			source(h, c->start, run->chars[j - 1].end, false);
			break;
		case TL_CHAR_CODE: {
			/* The content between the backtick strings, less one
			 * space on each side when both have one (CommonMark).
			 */
			size_t a = c->start, b = c->end;
			while (a < b && h->s[a] == '`')
				a++;
			while (b > a && h->s[b - 1] == '`')
				b--;
			if (b - a >= 2 && h->s[a] == ' ' &&
			    h->s[b - 1] == ' ') {
				size_t p = a;
				while (p < b && h->s[p] == ' ')
					p++;
				if (p < b)
					a++, b--;
			}
			tag(h, "<code>");
			source(h, a, b, true);
			tag(h, "</code>");
			break;
		}
		case TL_CHAR_URL: {
			size_t a = c->start, b = c->end;
			if (b - a >= 2 && h->s[a] == '<' && h->s[b - 1] == '>')
				a++, b--;
			tag(h, "<span class=\"url\">");
			source(h, a, b, false);
			tag(h, "</span>");
			break;
		}
		case TL_CHAR_MARKUP:
		case TL_CHAR_MATH:
			tag(h, c->kind == TL_CHAR_MATH
			           ? "<span class=\"math\">"
			           : "<span class=\"markup\">");
			source(h, c->start, c->end, false);
			tag(h, "</span>");
			break;
		case TL_CHAR_BREAK: {
			bool hard = is_hard_break(h, c);
			/* A line break inside a finding is shown, or a finding
			 * over two lines would seem to skip it. */
			meet(h, c->start, c->end, false);
			sync(h, false);
			if (h->nactive)
				put(h,
				    "<span class=\"nl\" aria-hidden=\"true\">"
				    "\xE2\x86\xB5</span>");
			put(h, hard ? "<br>\n" : "\n");
			break;
		}
		default: /* a table cell separator outside a table */
			text(h, c->start, c->end, "|", 1, false);
			break;
		}
		i = j;
	}
	ctx_close_to(h, 0);
}

static int line_of(const hd *h, size_t off)
{
	return (int)tl_source_line_index(h->doc->src, off) + 1;
}

/* ---- Leaves (flat) ------------------------------------------------------ */

static void note_leaf(hd *h, size_t start)
{
	tl_html_side *sd = h->side;

	sd->leaves = tl_grow(sd->leaves, sd->nleaves, &sd->cap_leaves,
	                     sizeof *sd->leaves);
	sd->leaves[sd->nleaves++] =
	    (tl_html_leaf){start, start, h->out->len, h->out->len};
}

/* Flat: the leaf begun last ends at source offset END, here in the
 * output. Metadata blocks inside it (cmark may count the definitions a
 * paragraph begins with as its own lines) are not written again. */
static void leaf_end(hd *h, size_t end)
{
	const tl_align_doc *ad = h->side->blocks;
	tl_html_leaf *l;

	if (!h->flat)
		return;
	l = &h->side->leaves[h->side->nleaves - 1];
	l->end = end > l->start ? end : l->start;
	l->html_end = h->out->len;
	while (ad && h->meta_next < ad->n &&
	       ad->blocks[h->meta_next].start < l->end)
		h->meta_next++;
}

/* Flat: the metadata blocks (link reference definitions, which render as
 * nothing) that start before POS, each a leaf showing its source. */
static void write_meta_before(hd *h, size_t pos)
{
	const tl_align_doc *ad = h->side->blocks;

	while (ad && h->meta_next < ad->n &&
	       ad->blocks[h->meta_next].start < pos) {
		const tl_align_block *b = &ad->blocks[h->meta_next++];
		if (b->kind != TL_ALIGN_META)
			continue;
		note_leaf(h, b->start);
		tl_buf_printf(h->out, "<pre class=\"meta\" data-l=\"%d\">",
		              line_of(h, b->start));
		source(h, b->start, b->end, false);
		flush(h, b->end);
		tag(h, "</pre>\n");
		leaf_end(h, b->end);
	}
}

/* Flat: a leaf starts at source offset START (the metadata before it
 * first). Everything written until leaf_end belongs to it. */
static void leaf_begin(hd *h, size_t start)
{
	if (!h->flat)
		return;
	write_meta_before(h, start);
	note_leaf(h, start);
}

/* Flat: the classes of a leaf's containers (" li" in a list item, " q"
 * in a block quote, " dN" for N levels of them) into BUF. */
static const char *flat_classes(const hd *h, char *buf, size_t n)
{
	int depth = h->quotes + h->items;

	if (!h->flat || depth == 0)
		return "";
	snprintf(buf, n, "%s%s d%d", h->items ? " li" : "",
	         h->quotes ? " q" : "", depth > 4 ? 4 : depth);
	return buf;
}

/* Flat: the list marker of an item's first leaf, after its opening tag
 * (not the document's text: hidden from the reading of the page). */
static void flat_marker(hd *h)
{
	if (!h->flat || !h->item_first)
		return;
	h->item_first = false;
	if (h->lists && h->ordered[h->lists - 1 < 32 ? h->lists - 1 : 31])
		tl_buf_printf(h->out,
		              "<span class=\"m\" aria-hidden=\"true\">%d."
		              "</span>",
		              h->number[h->lists - 1 < 32 ? h->lists - 1 : 31] -
		                  1);
	else
		put(h, "<span class=\"m\" aria-hidden=\"true\">"
		       "\xE2\x80\xA2</span>"); /* • */
}

/* Whether run character C ends a table row: a soft line break. */
static bool row_end(const hd *h, const tl_char *c)
{
	return c->kind == TL_CHAR_BREAK && !is_hard_break(h, c);
}

/* Writes one row of a pipe table: characters [FROM, TO) of RUN, cells
 * split at the separators, the outer pipes left out. */
static void write_row(hd *h, const tl_run *run, size_t from, size_t to,
                      bool head, size_t end)
{
	const char *open = head ? "<th>" : "<td>";
	const char *close = head ? "</th>" : "</td>";
	size_t i = from;
	char cls[32];

	if (h->flat) {
		/* A row alone, in a table of its own. */
		size_t s = from < to ? run->chars[from].start : run->start;
		leaf_begin(h, s);
		marks_close(h);
		tl_buf_printf(h->out, "<table class=\"r%s\" data-l=\"%d\">",
		              flat_classes(h, cls, sizeof cls), line_of(h, s));
	}
	tag(h, "<tr>");
	/* A leading pipe, after spaces, opens no cell. */
	while (i < to && run->chars[i].cp == ' ')
		i++;
	if (i < to && run->chars[i].kind == TL_CHAR_SEP)
		i++;
	else
		i = from;
	while (i < to) {
		size_t j = i;
		while (j < to && run->chars[j].kind != TL_CHAR_SEP)
			j++;
		/* A trailing pipe, before spaces, closes the last cell. */
		if (j == to) {
			size_t k = i;
			while (k < to && run->chars[k].cp == ' ')
				k++;
			if (k == to && i > from &&
			    run->chars[i - 1].kind == TL_CHAR_SEP)
				break;
		}
		tag(h, open);
		write_chars(h, run, i, j);
		tag(h, close);
		i = j + 1;
	}
	if (h->flat) {
		/* The table's end (END) is the last row's. */
		size_t e = end         ? end
		           : to > from ? run->chars[to - 1].end
		                       : run->start;
		tag(h, "</tr></table>\n");
		if (end)
			flush(h, end);
		leaf_end(h, e);
		return;
	}
	tag(h, "</tr>\n");
}

/* A pipe table, ending at source offset END; false, writing nothing,
 * when RUN does not have the header row and the delimiter row. */
static bool write_table(hd *h, const tl_run *run, int line, size_t end)
{
	size_t rows[2] = {0, 0}, nrows = 0;

	for (size_t i = 0; i < run->n && nrows < 2; i++)
		if (row_end(h, &run->chars[i]))
			rows[nrows++] = i;
	if (nrows < 1)
		return false;
	/* The delimiter row renders nothing: findings on it get their
	 * anchors in the next row. */
	size_t i = nrows == 2 ? rows[1] + 1 : run->n;
	if (!h->flat) {
		tag(h, "");
		tl_buf_printf(h->out, "<table data-l=\"%d\"><thead>", line);
	}
	write_row(h, run, 0, rows[0], true, i < run->n ? 0 : end);
	if (!h->flat)
		tag(h, "</thead><tbody>\n");
	while (i < run->n) {
		size_t j = i;
		while (j < run->n && !row_end(h, &run->chars[j]))
			j++;
		write_row(h, run, i, j, false, j + 1 < run->n ? 0 : end);
		i = j + 1;
	}
	if (!h->flat) {
		tag(h, "</tbody></table>\n");
		flush(h, end);
	}
	return true;
}

/* ---- Blocks ------------------------------------------------------------- */

/* The opening and closing tags of a paragraph or heading. */
static void leaf_tags(cmark_node *node, char *open, char *close, size_t n,
                      const char *cls, int line)
{
	if (cmark_node_get_type(node) == CMARK_NODE_HEADING) {
		int level = cmark_node_get_heading_level(node);
		/* The page's own headings are h1 and h2: the document's
		 * start at h3. */
		int h = level + 2 > 6 ? 6 : level + 2;
		snprintf(open, n, "<h%d class=\"h%d%s\" data-l=\"%d\">", h,
		         level, cls, line);
		snprintf(close, n, "</h%d>\n", h);
	} else {
		snprintf(open, n, "<p class=\"p%s\" data-l=\"%d\">", cls, line);
		snprintf(close, n, "</p>\n");
	}
}

/* The end of the line holding offset P. */
static size_t line_end(const hd *h, size_t p)
{
	while (p < h->len && h->s[p] != '\n' && h->s[p] != '\r')
		p++;
	return p;
}

/* Where RUN's block ends: the end of the line of its last character (the
 * markup closing after it), or of the underline of a setext heading.
 * cmark 0.30 reports a setext heading as ending on the line after its
 * underline, and the findings of the next block must not be taken for
 * this one's. */
static size_t run_end(const hd *h, const tl_run *run)
{
	size_t e =
	    line_end(h, run->n ? run->chars[run->n - 1].end : run->start);
	size_t p = run->start;

	while (p < h->len && h->s[p] == ' ')
		p++;
	if (run->kind == TL_BLOCK_HEADING && p < h->len && h->s[p] != '#') {
		if (e < h->len && h->s[e] == '\r')
			e++;
		if (e < h->len && h->s[e] == '\n')
			e++;
		e = line_end(h, e);
	}
	return e < run->end ? e : run->end;
}

static void write_run(hd *h, const tl_run *run)
{
	char open[96], close[16], cls[32];
	int line = line_of(h, run->start);
	size_t end = run_end(h, run);

	if (run->kind == TL_BLOCK_TABLE && write_table(h, run, line, end))
		return;
	leaf_begin(h, run->start);
	leaf_tags(run->node, open, close, sizeof open,
	          flat_classes(h, cls, sizeof cls), line);
	tag(h, open);
	flat_marker(h);
	write_chars(h, run, 0, run->n);
	flush(h, end);
	tag(h, close);
	leaf_end(h, end);
}

/* A paragraph or heading the model could not map: its source as it is. */
static void write_raw(hd *h, cmark_node *node, tl_lang lang)
{
	char open[128], close[16], cls[40] = " raw";
	size_t s, e;

	tl_doc_node_span(h->doc, node, &s, &e);
	leaf_begin(h, s);
	flat_classes(h, cls + 4, sizeof cls - 4);
	leaf_tags(node, open, close, sizeof open, cls, line_of(h, s));
	open[strlen(open) - 1] = '\0';
	tag(h, open);
	put(h, " title=\"");
	tl_html_puts(h->out, tl_html_word_in(lang, TL_HW_AS_SOURCE));
	put(h, "\">");
	flat_marker(h);
	source(h, s, e, false);
	flush(h, e);
	tag(h, close);
	leaf_end(h, e);
}

/* Writes the literal LIT of a code or HTML block, aligned with its source
 * from P: the literal is the source less the container prefixes ("> ",
 * list indentation) and the indentation cmark took away, so a forward
 * walk pairs them; what cannot be paired is written unplaced (its
 * findings get anchors at the block's end). Returns the source offset
 * after the last byte paired. The walk may go up to the end of the source:
 * cmark 0.30 reports an HTML block that ends on its first line as ending
 * before it starts, and the literal says where it ends anyway. */
static size_t write_literal(hd *h, const char *lit, size_t p)
{
	const size_t limit = h->len;
	size_t n = strlen(lit), i = 0;

	while (i < n) {
		size_t j = i, q = p;
		while (j < n && q < limit && lit[j] == h->s[q] &&
		       lit[j] != '\n')
			j++, q++;
		if (j > i) {
			source(h, p, q, false);
			i = j;
			p = q;
			continue;
		}
		if (lit[i] == '\n' && p < limit &&
		    (h->s[p] == '\n' || h->s[p] == '\r')) {
			q = p + 1;
			if (h->s[p] == '\r' && q < limit && h->s[q] == '\n')
				q++;
			text(h, p, q, "\n", 1, false);
			p = q;
			i++;
			continue;
		}
		if (lit[i] == '\n' && p >= limit) {
			/* The last line ending, past the block's span. */
			sync(h, false);
			put(h, "\n");
			i++;
			continue;
		}
		if (lit[i] == ' ' && p < limit && h->s[p] == '\t') {
			/* A tab cmark turned partly into spaces. */
			while (i < n && lit[i] == ' ')
				i++;
			text(h, p, p + 1, "\t", 1, false);
			p++;
			continue;
		}
		if (p < limit &&
		    (h->s[p] == ' ' || h->s[p] == '\t' || h->s[p] == '>')) {
			p++; /* a container's prefix */
			continue;
		}
		sync(h, false);
		tl_html_escape(h->out, lit + i, n - i, false);
		break;
	}
	return p;
}

/* Whether the code block at source bytes [S, E) with literal LIT is
 * fenced (cmark 0.30 does not say): it starts with a fence and its first
 * line is not the literal's, as it is for an indented block (a line equal
 * to the opening fence would have closed it). */
static bool is_fenced(const hd *h, size_t s, size_t e, const char *lit)
{
	size_t n = 0;

	if (s >= e || (h->s[s] != '`' && h->s[s] != '~'))
		return false;
	while (s + n < e && h->s[s + n] != '\n' && h->s[s + n] != '\r')
		n++;
	return strncmp(lit, h->s + s, n) != 0 ||
	       (lit[n] != '\n' && lit[n] != '\0');
}

static void write_code(hd *h, cmark_node *node, bool html)
{
	size_t s, e, p;
	const char *lit = cmark_node_get_literal(node);
	char cls[32];

	tl_doc_node_span(h->doc, node, &s, &e);
	leaf_begin(h, s);
	marks_close(h);
	tl_buf_printf(h->out, "<pre class=\"%s%s\" data-l=\"%d\">",
	              html ? "html" : "code", flat_classes(h, cls, sizeof cls),
	              line_of(h, s));
	flat_marker(h);
	if (!html)
		put(h, "<code>");
	p = s;
	if (!html && is_fenced(h, s, e, lit ? lit : "")) {
		/* The content starts on the line after the fence. */
		while (p < e && h->s[p] != '\n' && h->s[p] != '\r')
			p++;
		if (p < e && h->s[p] == '\r')
			p++;
		if (p < e && h->s[p] == '\n')
			p++;
	}
	p = write_literal(h, lit ? lit : "", p);
	flush(h, p > e ? p : e);
	tag(h, html ? "</pre>\n" : "</code></pre>\n");
	leaf_end(h, p > e ? p : e);
}

/* Top-level blocks go in chunks of CHUNK_BLOCKS, each a <div class="b">
 * that the style sheet lets the browser skip while it is off screen
 * (content-visibility), so that a very long document costs layout and
 * paint only where the reader looks. Called before each top-level
 * block. */
static void chunk_step(hd *h)
{
	if (h->flat)
		return;
	if (h->ntop && h->ntop % CHUNK_BLOCKS == 0)
		tag(h, "</div>\n<div class=\"b\">\n");
	h->ntop++;
}

/* Flat: a block quote, list or item entered or left: only counted. */
static void flat_container(hd *h, cmark_node *node, bool enter)
{
	int top = h->lists - 1 < 32 ? h->lists - 1 : 31;

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_BLOCK_QUOTE:
		h->quotes += enter ? 1 : -1;
		break;
	case CMARK_NODE_LIST:
		if (!enter) {
			h->lists--;
		} else if (h->lists++ < 32) {
			h->ordered[h->lists - 1] =
			    cmark_node_get_list_type(node) ==
			    CMARK_ORDERED_LIST;
			h->number[h->lists - 1] =
			    cmark_node_get_list_start(node);
		}
		break;
	default: /* an item */
		h->items += enter ? 1 : -1;
		h->item_first = enter;
		if (enter && h->lists)
			h->number[top]++;
		break;
	}
}

/* Walks the tree of the current piece up to leaf block TARGET (writing
 * everything before it) or, with TARGET NULL, to the end. Returns
 * whether TARGET was met; the walk stops after its subtree. */
static bool walk_to(hd *h, cmark_node *target, tl_lang lang)
{
	cmark_event_type ev;

	while ((ev = cmark_iter_next(h->it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(h->it);
		bool enter = ev == CMARK_EVENT_ENTER;
		size_t s, e;

		if (enter && cmark_node_parent(node) == h->doc->root)
			chunk_step(h);

		cmark_node_type type = cmark_node_get_type(node);
		if (h->flat &&
		    (type == CMARK_NODE_BLOCK_QUOTE ||
		     type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM)) {
			flat_container(h, node, enter);
			continue;
		}
		switch (type) {
		case CMARK_NODE_BLOCK_QUOTE:
			tag(h, enter ? "<blockquote>\n" : "</blockquote>\n");
			break;
		case CMARK_NODE_LIST: {
			bool ordered = cmark_node_get_list_type(node) ==
			               CMARK_ORDERED_LIST;
			const char *tight = cmark_node_get_list_tight(node)
			                        ? " class=\"tight\""
			                        : "";
			if (!enter) {
				tag(h, ordered ? "</ol>\n" : "</ul>\n");
			} else if (ordered) {
				int start = cmark_node_get_list_start(node);
				marks_close(h);
				tl_buf_printf(h->out, "<ol%s", tight);
				if (start != 1)
					tl_buf_printf(h->out, " start=\"%d\"",
					              start);
				put(h, ">\n");
			} else {
				tag(h, "<ul");
				put(h, tight);
				put(h, ">\n");
			}
			break;
		}
		case CMARK_NODE_ITEM:
			tag(h, enter ? "<li>" : "</li>\n");
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			if (!enter)
				break;
			cmark_iter_reset(h->it, node, CMARK_EVENT_EXIT);
			if (node == target)
				return true;
			write_raw(h, node, lang);
			break;
		case CMARK_NODE_CODE_BLOCK:
			write_code(h, node, false);
			break;
		case CMARK_NODE_HTML_BLOCK:
			write_code(h, node, true);
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			tl_doc_node_span(h->doc, node, &s, &e);
			leaf_begin(h, s);
			tag(h, "<hr>\n");
			flush(h, e);
			leaf_end(h, e);
			break;
		default:
			break;
		}
	}
	return false;
}

typedef struct run_walk {
	hd *h;
	tl_lang lang;
} run_walk;

static void on_run(const tl_run *run, void *user)
{
	run_walk *w = user;

	if (walk_to(w->h, run->node, w->lang))
		write_run(w->h, run);
}

/* Writes what is left at the end: every finding not met yet gets its
 * anchor here, whatever happened. */
static void write_rest(hd *h)
{
	flush(h, h->len);
	meet(h, h->len, h->len, true);
	for (size_t k = 0; k < h->nd; k++)
		if (!h->placed[k])
			shown(h, k);
	marks_close(h);
}

/* Writes the document of HD's source, piece by piece. */
static void write_document(hd *h, const tl_source *src, tl_lang lang)
{
	tl_doc *doc = tl_doc_new(src);
	run_walk w = {h, lang};

	h->doc = doc;
	if (!h->flat)
		put(h, "<div class=\"b\">\n");
	if (doc->fm_kind != TL_FM_NONE) {
		h->ntop++;
		leaf_begin(h, doc->fm_start);
		tl_buf_printf(h->out, "<pre class=\"fm\" data-l=\"%d\">",
		              line_of(h, doc->fm_start));
		source(h, doc->fm_start, doc->fm_end, false);
		flush(h, doc->fm_end);
		tag(h, "</pre>\n");
		leaf_end(h, doc->fm_end);
	}
	for (size_t k = 0; k < doc->npieces; k++) {
		tl_doc_parse_piece(doc, k);
		h->it = cmark_iter_new(doc->root);
		h->lnext = 0;
		h->nl = 0;
		tl_doc_each_run(doc, on_run, &w);
		walk_to(h, NULL, lang);
		cmark_iter_free(h->it);
		h->it = NULL;
	}
	/* What is left gets its anchor in the last chunk, or a leaf of its
	 * own. */
	leaf_begin(h, h->len + 1);
	write_rest(h);
	leaf_end(h, h->len);
	if (!h->flat)
		tag(h, "</div>\n");
	tl_doc_free(doc);
	h->doc = NULL;
}

void tl_html_render(tl_buf *out, tl_html_side *side, const char *id,
                    tl_lang lang, bool flat)
{
	const tl_source *src = side->src;
	hd h;

	memset(&h, 0, sizeof h);
	h.out = out;
	h.s = src->data;
	h.len = src->len;
	h.id = id;
	h.side = side;
	h.flat = flat;
	h.d = side->diags;
	h.nd = side->ndiags;
	h.placed = tl_xcalloc(side->ndiags + 1, 1);
	if (src->nul != TL_NONE || src->bad_utf8 != TL_NONE) {
		/* Not in flat mode: the pair view takes valid text only. */
		put(&h, "<p class=\"notice\">");
		tl_html_puts(
		    out, tl_html_word_in(lang, src->nul != TL_NONE
		                                   ? TL_HW_NOT_RENDERED_BINARY
		                                   : TL_HW_NOT_RENDERED_UTF8));
		put(&h, "</p>\n");
		write_rest(&h);
	} else {
		write_document(&h, src, lang);
	}
	free(h.placed);
}

void tl_html_document(tl_buf *out, const tl_result *res, const char *id,
                      tl_lang lang)
{
	tl_html_side side;

	memset(&side, 0, sizeof side);
	side.src = res->source;
	side.diags = res->diags;
	side.ndiags = res->ndiags;
	side.prefix = "";
	tl_html_render(out, &side, id, lang, false);
}
