/*
 * markdown.c: the document model. It splits off the front matter, parses
 * the rest with cmark (with source positions), and turns every paragraph
 * and heading into a prose run: the characters a reader sees, each mapped
 * back to the exact source bytes it came from.
 *
 * The map is what makes rules precise and fixes safe. cmark reports a
 * source position for each inline node, but the literal text of a node is
 * not always its source bytes (backslash escapes, entities) and positions
 * are known to be off in some corners, so every text node is *aligned*
 * byte by byte against the source at the reported position, and when that
 * fails, searched for forward from the last mapped byte. A run whose text
 * cannot be aligned is dropped whole: a missed finding is better than a
 * fix written at the wrong offset.
 *
 * Opaque elements (code spans, autolinks, bare URLs, e-mail addresses,
 * inline math) become one U+FFFC character spanning all their bytes, so
 * rules see that something stands there without looking inside. Link
 * destinations, HTML tags and comments produce no characters at all.
 */
#include "internal.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define TL_OBJECT 0xFFFCu

/* ---- Front matter ------------------------------------------------------ */

/* The end of the line starting at P (the offset of its line ending). */
static size_t line_end(const char *s, size_t len, size_t p)
{
	if (p >= len)
		return p;
	const char *nl = memchr(s + p, '\n', len - p);
	size_t e = nl ? (size_t)(nl - s) : len;
	const char *cr = memchr(s + p, '\r', e - p);
	return cr ? (size_t)(cr - s) : e;
}

/* The start of the line after the one ending at P (LF, CRLF or CR). */
static size_t next_line(const char *s, size_t len, size_t p)
{
	if (p < len && s[p] == '\r') {
		p++;
		if (p < len && s[p] == '\n')
			p++;
	} else if (p < len && s[p] == '\n') {
		p++;
	}
	return p;
}

/* Is [p, e) the word W followed only by spaces or tabs? */
static bool line_is(const char *s, size_t p, size_t e, const char *w)
{
	size_t n = strlen(w);
	if (e - p < n || memcmp(s + p, w, n) != 0)
		return false;
	for (p += n; p < e; p++)
		if (s[p] != ' ' && s[p] != '\t')
			return false;
	return true;
}

/* Does [p, e) hold a line that looks like a YAML mapping key ("title:")? */
static bool looks_like_yaml(const char *s, size_t p, size_t e)
{
	while (p < e) {
		size_t le = line_end(s, e, p);
		size_t q = p;
		while (q < le && (s[q] == ' ' || s[q] == '\t'))
			q++;
		size_t k = q;
		while (k < le && (s[k] == '_' || s[k] == '-' ||
		                  (s[k] >= 'a' && s[k] <= 'z') ||
		                  (s[k] >= 'A' && s[k] <= 'Z') ||
		                  (s[k] >= '0' && s[k] <= '9')))
			k++;
		if (k > q && k < le && s[k] == ':')
			return true;
		p = next_line(s, e, le);
	}
	return false;
}

/* Finds a front matter block at the top of the document: a YAML block
 * between "---" lines, or YAML inside an HTML comment that opens on the
 * first line (the thenewstack-zh convention). A comment that holds no
 * "key:" line, or that is a translint directive, is not front matter. */
static void find_front_matter(tl_doc *doc)
{
	const char *s = doc->src->data;
	size_t len = doc->src->len;
	size_t p = doc->src->body;
	size_t e = line_end(s, len, p);

	doc->fm_kind = TL_FM_NONE;
	doc->fm_start = doc->fm_end = TL_NONE;
	doc->fm_yaml_start = doc->fm_yaml_end = TL_NONE;

	if (line_is(s, p, e, "---")) {
		size_t yaml = next_line(s, len, e);
		for (size_t q = yaml; q < len;) {
			size_t qe = line_end(s, len, q);
			if (line_is(s, q, qe, "---") ||
			    line_is(s, q, qe, "...")) {
				doc->fm_kind = TL_FM_YAML;
				doc->fm_start = p;
				doc->fm_end = next_line(s, len, qe);
				doc->fm_yaml_start = yaml;
				doc->fm_yaml_end = q;
				return;
			}
			if (qe == len)
				break;
			q = next_line(s, len, qe);
		}
		return;
	}
	if (e - p >= 4 && memcmp(s + p, "<!--", 4) == 0) {
		const char *close = NULL;
		for (size_t q = p + 4; q + 3 <= len; q++) {
			if (s[q] == '-' && s[q + 1] == '-' && s[q + 2] == '>') {
				close = s + q;
				break;
			}
		}
		if (!close)
			return;
		size_t c = (size_t)(close - s);
		size_t inner = p + 4;
		while (inner < c && (s[inner] == ' ' || s[inner] == '\t'))
			inner++;
		if (c - inner >= 9 && memcmp(s + inner, "translint", 9) == 0)
			return;
		if (!looks_like_yaml(s, p + 4, c))
			return;
		doc->fm_kind = TL_FM_COMMENT;
		doc->fm_start = p;
		doc->fm_end = next_line(s, len, line_end(s, len, c + 3));
		doc->fm_yaml_start = p + 4;
		doc->fm_yaml_end = c;
	}
}

/* ---- cmark's memory --------------------------------------------------- */

/*
 * cmark allocates every node, every literal and every parser buffer with
 * calloc and frees them one by one; for the small documents translint
 * mostly sees, malloc and free were a tenth of the run. A document is
 * parsed into a pool instead: allocation bumps a cursor, free gives back
 * only the latest block, and the tree goes with the pool in one step.
 *
 * cmark_mem's functions take no context, so the pool being filled is a
 * thread-local set only while cmark_parse_document runs. Anything cmark
 * allocates at other times (iterators) comes from the heap. Each block
 * starts with a header that says which, so that free and realloc work on
 * either kind. Large documents are parsed on the heap: a pool never
 * reuses what the parser frees, and there memory is the scarcer resource.
 */

#define POOL_MAX_SOURCE (4u << 20) /* larger sources parse on the heap */
#define POOL_FIRST_CHUNK (32u << 10)
#define POOL_MAX_CHUNK (1u << 20)

typedef struct cm_block {
	size_t size;    /* bytes the caller asked for */
	size_t in_pool; /* 1: inside a pool chunk; 0: its own malloc */
} cm_block;             /* 16 bytes: keeps the caller's block 16-aligned */

typedef struct cm_chunk {
	struct cm_chunk *next;
	size_t cap;
	size_t used;
	max_align_t data[];
} cm_chunk;

typedef struct cm_pool {
	cm_chunk *head;
	cm_block *last; /* the latest block, which free and realloc may move */
} cm_pool;

static _Thread_local cm_pool *filling;

static size_t round16(size_t n)
{
	return (n + 15) & ~(size_t)15;
}

static void *out_of_memory(void)
{
	fprintf(stderr, "translint: out of memory\n");
	abort();
}

/* A new chunk at the head of POOL with room for NEED bytes. */
static cm_chunk *pool_grow(cm_pool *pool, size_t need)
{
	cm_chunk *c = pool->head;
	size_t cap = c ? c->cap * 2 : POOL_FIRST_CHUNK;
	if (cap > POOL_MAX_CHUNK)
		cap = POOL_MAX_CHUNK;
	if (cap < need)
		cap = need;
	c = malloc(sizeof *c + cap);
	if (!c)
		return out_of_memory();
	c->cap = cap;
	c->used = 0;
	c->next = pool->head;
	pool->head = c;
	return c;
}

/* A block of SIZE bytes from POOL: the cursor bumped in the current
 * chunk, which is the common case and inline. */
static inline cm_block *pool_take(cm_pool *pool, size_t size)
{
	size_t need = sizeof(cm_block) + round16(size);
	cm_chunk *c = pool->head;

	if (!c || c->cap - c->used < need)
		c = pool_grow(pool, need);
	cm_block *b = (cm_block *)((char *)c->data + c->used);
	c->used += need;
	b->size = size;
	b->in_pool = 1;
	pool->last = b;
	return b;
}

static cm_block *heap_take(size_t size)
{
	cm_block *b = malloc(sizeof(cm_block) + size);
	if (!b)
		return out_of_memory();
	b->size = size;
	b->in_pool = 0;
	return b;
}

static void *cm_calloc(size_t n, size_t size)
{
	/* cmark asks for one object at a time: no product to check. */
	if (n != 1 && size && n > (SIZE_MAX - 64) / size)
		return out_of_memory();
	size_t bytes = n * size;
	if (bytes > SIZE_MAX - 64)
		return out_of_memory();
	cm_block *b = filling ? pool_take(filling, bytes) : heap_take(bytes);
	memset(b + 1, 0, bytes);
	return b + 1;
}

/* Whether B is the latest block of the pool being filled, which can
 * shrink or grow where it stands. */
static bool is_last(const cm_block *b)
{
	return filling && b->in_pool && filling->last == b;
}

static void *cm_realloc(void *p, size_t size)
{
	if (!p)
		return cm_calloc(1, size);
	cm_block *b = (cm_block *)p - 1;
	if (!b->in_pool) {
		cm_block *nb = realloc(b, sizeof(cm_block) + size);
		if (!nb)
			return out_of_memory();
		nb->size = size;
		return nb + 1;
	}
	if (is_last(b)) {
		cm_chunk *c = filling->head;
		size_t at = (size_t)((char *)b - (char *)c->data);
		size_t need = sizeof(cm_block) + round16(size);
		if (c->cap - at >= need) {
			c->used = at + need;
			b->size = size;
			return p;
		}
	}
	cm_block *nb = filling ? pool_take(filling, size) : heap_take(size);
	memcpy(nb + 1, p, b->size < size ? b->size : size);
	return nb + 1;
}

static void cm_free(void *p)
{
	if (!p)
		return;
	cm_block *b = (cm_block *)p - 1;
	if (!b->in_pool) {
		free(b);
	} else if (is_last(b)) {
		cm_chunk *c = filling->head;
		c->used = (size_t)((char *)b - (char *)c->data);
		filling->last = NULL;
	}
	/* Any other pool block waits for its pool. */
}

static cmark_mem pool_mem = {cm_calloc, cm_realloc, cm_free};

static void pool_free(cm_pool *pool)
{
	if (!pool)
		return;
	for (cm_chunk *c = pool->head, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	free(pool);
}

/* ---- Pieces ------------------------------------------------------------- */

/*
 * cmark holds the whole tree of a document while it parses: about seven
 * times the size of the text. A very large file is therefore parsed in
 * pieces of about PIECE_SIZE bytes, one after the other, each tree freed
 * before the next is built, so that memory stays a small multiple of the
 * file and time grows linearly with it.
 *
 * A piece ends where CommonMark itself starts afresh: before a line that
 * follows a blank line and begins, unindented, with a letter, a digit-free
 * word, a CJK character or "#". Such a line closes every list item and
 * block quote and begins a paragraph or a heading; only a fenced code
 * block or an HTML block of kinds 1 to 5 can stay open across it, so the
 * planner follows those, and a piece whose last block still ran to its
 * end is joined to the next one and parsed again. Link reference
 * definitions apply to the whole document: those found by the planner
 * are appended to every piece (after its end, where they add no
 * characters to any run).
 */

#define PIECE_MIN_SOURCE (8u << 20) /* smaller sources are one piece */
#define PIECE_SIZE (2u << 20)

typedef struct planner {
	char fence;       /* '`' or '~' while a fenced code block is open */
	size_t fence_len; /* its opening run */
	bool list_fence;  /* it was indented in a list: the item may end it */
	bool in_list;     /* a list item may be open */
	int html;         /* the kind (1 to 5) of an open HTML block, or 0 */
} planner;

/* Does a list item marker ("-", "*", "+", "1.", "1)") start at Q? */
static bool is_list_marker(const char *s, size_t q, size_t e)
{
	size_t r = q;
	if (r < e && (s[r] == '-' || s[r] == '*' || s[r] == '+')) {
		r++;
	} else {
		while (r < e && r - q < 9 && s[r] >= '0' && s[r] <= '9')
			r++;
		if (r == q || r >= e || (s[r] != '.' && s[r] != ')'))
			return false;
		r++;
	}
	return r == e || s[r] == ' ' || s[r] == '\t';
}

/* The end marker of HTML block kind K (CommonMark 4.6). */
static bool html_closes(int k, const char *s, size_t p, size_t e)
{
	static const char *const ends1[] = {"</script>", "</pre>", "</style>",
	                                    "</textarea>"};
	static const char *const ends[] = {NULL, NULL, "-->", "?>", ">", "]]>"};
	for (; p < e; p++) {
		if (k == 1) {
			for (size_t i = 0; i < 4; i++) {
				size_t n = strlen(ends1[i]);
				if (e - p >= n &&
				    strncasecmp(s + p, ends1[i], n) == 0)
					return true;
			}
		} else {
			size_t n = strlen(ends[k]);
			if (e - p >= n && memcmp(s + p, ends[k], n) == 0)
				return true;
		}
	}
	return false;
}

/* The kind (1 to 5) of HTML block that line [P, E) opens, or 0. */
static int html_opens(const char *s, size_t p, size_t e)
{
	static const char *const tags1[] = {"script", "pre", "style",
	                                    "textarea"};
	if (p >= e || s[p] != '<')
		return 0;
	for (size_t i = 0; i < 4; i++) {
		size_t n = strlen(tags1[i]);
		if (e - p > n && strncasecmp(s + p + 1, tags1[i], n) == 0) {
			char c = p + 1 + n < e ? s[p + 1 + n] : '\n';
			if (c == ' ' || c == '\t' || c == '>' || c == '\n')
				return 1;
		}
	}
	if (e - p >= 4 && memcmp(s + p, "<!--", 4) == 0)
		return 2;
	if (e - p >= 2 && s[p + 1] == '?')
		return 3;
	if (e - p >= 9 && memcmp(s + p, "<![CDATA[", 9) == 0)
		return 5;
	if (e - p >= 3 && s[p + 1] == '!' && s[p + 2] >= 'A' && s[p + 2] <= 'Z')
		return 4;
	return 0;
}

/* Follows line [P, E) (without its line ending): fenced code blocks and
 * HTML blocks that may hold blank lines. BLANK_BEFORE: the line before
 * was blank. Returns whether the line starts outside any such block. */
static bool plan_line(planner *pl, const char *s, size_t p, size_t e,
                      bool blank_before)
{
	size_t q = p;
	while (q < e && q - p < 4 && s[q] == ' ')
		q++;
	/* An unindented line after a blank one that starts no list item
	 * ends every list, and with it a fence indented in an item (CommonMark
	 * 5.2): the item's fence need not be closed. */
	if (pl->in_list && blank_before && q == p && q < e && s[q] != ' ' &&
	    s[q] != '\t' && !is_list_marker(s, q, e)) {
		pl->in_list = false;
		if (pl->fence && pl->list_fence)
			pl->fence = 0;
	}
	bool outside = !pl->fence && !pl->html;
	if (outside && q - p < 4 && is_list_marker(s, q, e))
		pl->in_list = true;
	if (pl->fence) {
		size_t n = 0;
		while (q + n < e && s[q + n] == pl->fence)
			n++;
		size_t r = q + n;
		while (r < e && (s[r] == ' ' || s[r] == '\t'))
			r++;
		if (q - p < 4 && n >= pl->fence_len && r == e)
			pl->fence = 0;
		return outside;
	}
	if (pl->html) {
		if (html_closes(pl->html, s, p, e))
			pl->html = 0;
		return outside;
	}
	if (q - p >= 4)
		return outside;
	if (q < e && (s[q] == '`' || s[q] == '~')) {
		size_t n = 0;
		while (q + n < e && s[q + n] == s[q])
			n++;
		if (n >= 3 &&
		    (s[q] == '~' || !memchr(s + q + n, '`', e - q - n))) {
			pl->fence = s[q];
			pl->fence_len = n;
			pl->list_fence = pl->in_list && q > p;
		}
		return outside;
	}
	int k = html_opens(s, q, e);
	if (k && !html_closes(k, s, q + 1, e))
		pl->html = k;
	return outside;
}

static bool is_blank(const char *s, size_t p, size_t e)
{
	for (; p < e; p++)
		if (s[p] != ' ' && s[p] != '\t')
			return false;
	return true;
}

/* Whether line [P, E) is a link reference definition on one line:
 * "[label]:" at most three spaces in, with something after it. */
static bool is_definition(const char *s, size_t p, size_t e)
{
	size_t q = p;
	while (q < e && q - p < 3 && s[q] == ' ')
		q++;
	if (q >= e || s[q] != '[')
		return false;
	for (size_t r = q + 1; r < e && r - q < 1000; r++) {
		if (s[r] == '\\') {
			r++;
		} else if (s[r] == '[') {
			return false;
		} else if (s[r] == ']') {
			return r > q + 1 && r + 1 < e && s[r + 1] == ':' &&
			       !is_blank(s, r + 2, e);
		}
	}
	return false;
}

/* A set of link labels, normalised as CommonMark matches them (ASCII
 * case and runs of white space folded; enough to drop the repeats). */
typedef struct label_set {
	char **v; /* open addressing; NULL is empty */
	size_t cap, n;
} label_set;

static char *label_key(const char *s, size_t p, size_t e)
{
	tl_buf k = {0};
	while (p < e && s[p] != '[')
		p++;
	bool space = false;
	for (p++; p < e && s[p] != ']'; p++) {
		char c = s[p];
		if (c == '\\' && p + 1 < e) {
			tl_buf_putc(&k, c);
			c = s[++p];
		}
		if (c == ' ' || c == '\t') {
			space = k.len > 0;
			continue;
		}
		if (space)
			tl_buf_putc(&k, ' ');
		space = false;
		tl_buf_putc(&k,
		            c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
	}
	if (!k.data)
		tl_buf_puts(&k, "");
	return k.data;
}

/* Adds KEY (owned) unless present; whether it was new. */
static bool label_add(label_set *ls, char *key)
{
	if (ls->n * 2 >= ls->cap) {
		label_set big = {
		    tl_xcalloc(ls->cap ? ls->cap * 2 : 64, sizeof(char *)),
		    ls->cap ? ls->cap * 2 : 64, 0};
		for (size_t i = 0; i < ls->cap; i++)
			if (ls->v[i])
				label_add(&big, ls->v[i]);
		free(ls->v);
		*ls = big;
	}
	size_t h = 5381;
	for (const char *c = key; *c; c++)
		h = h * 33 + (unsigned char)*c;
	for (size_t i = h & (ls->cap - 1);; i = (i + 1) & (ls->cap - 1)) {
		if (!ls->v[i]) {
			ls->v[i] = key;
			ls->n++;
			return true;
		}
		if (strcmp(ls->v[i], key) == 0) {
			free(key);
			return false;
		}
	}
}

static void label_set_free(label_set *ls)
{
	for (size_t i = 0; i < ls->cap; i++)
		free(ls->v[i]);
	free(ls->v);
}

/* Plans the pieces of DOC: where each begins, and the definitions to
 * append. Unless SPLIT, or for a source below PIECE_MIN_SOURCE, the
 * document is one piece. */
static void plan_pieces(tl_doc *doc, bool split)
{
	const tl_source *src = doc->src;
	const char *s = src->data;
	size_t first = doc->fm_kind != TL_FM_NONE ? doc->fm_end : src->body;
	size_t cap = 2;

	doc->cuts = tl_xmalloc(cap * sizeof *doc->cuts);
	doc->cuts[0] = 0;
	doc->npieces = 1;
	if (split && src->len >= PIECE_MIN_SOURCE) {
		planner pl = {0, 0, false, false, 0};
		tl_buf defs = {0};
		label_set labels = {NULL, 0, 0};
		bool blank_before = true;
		size_t line = tl_source_line_index(src, first);
		for (; line < src->nlines; line++) {
			size_t p, e;
			tl_source_line_span(src, line, &p, &e);
			if (p < first)
				p = first;
			bool outside = plan_line(&pl, s, p, e, blank_before);
			unsigned char c = (unsigned char)s[p];
			if (outside && blank_before &&
			    p - doc->cuts[doc->npieces - 1] >= PIECE_SIZE &&
			    (c >= 0x80 || c == '#' || (c >= 'a' && c <= 'z') ||
			     (c >= 'A' && c <= 'Z'))) {
				if (doc->npieces + 1 >= cap) {
					cap *= 2;
					doc->cuts = tl_xrealloc(
					    doc->cuts, cap * sizeof *doc->cuts);
				}
				doc->cuts[doc->npieces++] = p;
			}
			/* A definition cannot continue a paragraph, but the
			 * planner does not follow paragraphs: it takes every
			 * candidate (a label no other piece uses costs
			 * nothing). */
			bool def = outside && is_definition(s, p, e);
			/* The first definition of a label is the one that
			 * counts: the others need not be appended. */
			if (def && label_add(&labels, label_key(s, p, e))) {
				tl_buf_append(&defs, s + p, e - p);
				tl_buf_putc(&defs, '\n');
			}
			blank_before = is_blank(s, p, e);
		}
		label_set_free(&labels);
		/* Definitions appended to every piece must stay a small part
		 * of it; past that, parse whole. */
		if (defs.len > PIECE_SIZE / 4)
			doc->npieces = 1;
		if (doc->npieces > 1) {
			doc->defs = defs.data;
			doc->ndefs = defs.len;
		} else {
			tl_buf_free(&defs);
		}
	}
	doc->cuts[doc->npieces] = src->len;
}

/* Whether the last top-level block is a code or HTML block that ran to
 * the end of a piece of LINES lines: a fence or an HTML block the planner
 * took for closed was still open at the cut. (One inside a list item or
 * a block quote is not: the line after the cut ends its container in
 * the whole document as well.) */
static bool runs_to_end(cmark_node *root, int lines)
{
	cmark_node *n = cmark_node_last_child(root);
	if (!n)
		return false;
	cmark_node_type t = cmark_node_get_type(n);
	return (t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_HTML_BLOCK) &&
	       cmark_node_get_end_line(n) >= lines;
}

/* ---- Parsing ------------------------------------------------------------ */

/* Parses TEXT into DOC's tree: in a pool when it is small. */
static void parse_into(tl_doc *doc, const char *text, size_t len)
{
	cmark_parser *parser;

	if (len <= POOL_MAX_SOURCE) {
		doc->pool = tl_xcalloc(1, sizeof *doc->pool);
		filling = doc->pool;
		parser =
		    cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, &pool_mem);
	} else {
		parser = cmark_parser_new(CMARK_OPT_SOURCEPOS);
	}
	if (parser) {
		cmark_parser_feed(parser, text, len);
		doc->root = cmark_parser_finish(parser);
		cmark_parser_free(parser);
	}
	filling = NULL;
	if (!doc->root)
		out_of_memory();
}

/* A document of SRC, in pieces when SPLIT and the source is large. */
static tl_doc *doc_new(const tl_source *src, bool split)
{
	tl_doc *doc = tl_xcalloc(1, sizeof *doc);
	doc->src = src;
	doc->nodes = tl_xcalloc(1, sizeof *doc->nodes);
	find_front_matter(doc);
	plan_pieces(doc, split);
	return doc;
}

tl_doc *tl_doc_new(const tl_source *src)
{
	return doc_new(src, true);
}

void tl_doc_drop_tree(tl_doc *doc)
{
	if (doc->pool)
		pool_free(doc->pool); /* the whole tree */
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
		if (k + 1 >= doc->npieces || !runs_to_end(doc->root, lines))
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
	free(doc->nodes->links);
	free(doc->nodes->html);
	free(doc->nodes);
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

/* ---- Run building ------------------------------------------------------- */

typedef struct builder {
	const tl_doc *doc;
	const char *s; /* source bytes */
	size_t len;
	tl_char *chars;
	size_t n, cap;
	tl_buf text;
	size_t cursor; /* end of the last mapped source byte */
	size_t limit;  /* end of the block */
	uint16_t depth;
	uint8_t flags;
	bool bad;            /* alignment failed: drop the run */
	bool maybe_url;      /* some literal holds "://", "www." or '@' */
	bool maybe_math;     /* some literal holds '$' */
	tl_doc_nodes *nodes; /* where links and HTML are noted */
	/* Each character is sealed as it is added: its class bits, its
	 * offset in the run's text, its bytes appended to the text, the
	 * run's summary updated. Only a change to characters already sealed
	 * (a URL or math collapsed, a literal rolled back) makes finish()
	 * compute it all again. */
	size_t tlen; /* bytes of text so far */
	uint64_t ascii[2], other;
	unsigned cls_any;
	size_t ncjk;
	bool resummarize;
	size_t *breaks; /* indexes of the line breaks, whose end finish()
	                   sets to the next character's start */
	size_t nbreaks, cap_breaks;
	/* The class bits of the last few code points outside ASCII and
	 * U+4E00..U+9FFF (CJK punctuation, mostly: a handful of marks
	 * recur), by tl_cp_bit; 0 is never such a code point. */
	uint32_t class_cp[64];
	uint8_t class_of[64];
	int skip_html;  /* inside <rt>/<rp>: annotation, not running text */
	int shift_line; /* a line whose inline columns cmark misreports */
	long shift;     /* by this many bytes (negative: too far left) */
} builder;

/* cmark's inline source positions on a continuation line of a list item
 * that is indented differently from the item's content are off by a
 * constant. When a text node is found by search rather than at its
 * reported column, the difference is remembered for that line and every
 * later position on it is corrected. */
static size_t shifted(const builder *b, size_t off)
{
	long o = (long)off - b->shift;
	return o < 0 ? 0 : (size_t)o > b->len ? b->len : (size_t)o;
}

static size_t node_offset(const builder *b, int line, int column)
{
	size_t off = tl_doc_offset(b->doc, line, column);
	if (line == b->shift_line)
		off = shifted(b, off);
	return off;
}

static void node_span(const builder *b, cmark_node *node, size_t *start,
                      size_t *end)
{
	tl_doc_node_span(b->doc, node, start, end);
	int sl = cmark_node_get_start_line(node);
	int el = cmark_node_get_end_line(node);
	if (sl == b->shift_line)
		*start = shifted(b, *start);
	if (el == b->shift_line)
		*end = shifted(b, *end);
	if (*end < *start)
		*end = *start;
}

/* tl_char_class of the ASCII characters, for finish(). */
static const uint8_t ascii_class[128] = {
    ['\t'] = TL_CLS_SPACE,
    ['\n'] = TL_CLS_SPACE,
    ['\v'] = TL_CLS_SPACE,
    ['\f'] = TL_CLS_SPACE,
    ['\r'] = TL_CLS_SPACE,
    [' '] = TL_CLS_SPACE,
    ['0'] = TL_CLS_DIGIT,
    ['1'] = TL_CLS_DIGIT,
    ['2'] = TL_CLS_DIGIT,
    ['3'] = TL_CLS_DIGIT,
    ['4'] = TL_CLS_DIGIT,
    ['5'] = TL_CLS_DIGIT,
    ['6'] = TL_CLS_DIGIT,
    ['7'] = TL_CLS_DIGIT,
    ['8'] = TL_CLS_DIGIT,
    ['9'] = TL_CLS_DIGIT,
#define L(c) [c] = TL_CLS_LATIN, [c - 'a' + 'A'] = TL_CLS_LATIN
    L('a'),
    L('b'),
    L('c'),
    L('d'),
    L('e'),
    L('f'),
    L('g'),
    L('h'),
    L('i'),
    L('j'),
    L('k'),
    L('l'),
    L('m'),
    L('n'),
    L('o'),
    L('p'),
    L('q'),
    L('r'),
    L('s'),
    L('t'),
    L('u'),
    L('v'),
    L('w'),
    L('x'),
    L('y'),
    L('z'),
#undef L
};

/* Room for N more bytes of text and its NUL. */
static void text_reserve(builder *b, size_t n)
{
	if (b->text.cap < b->tlen + n + 1) {
		size_t cap = b->text.cap ? b->text.cap : 256;
		while (cap < b->tlen + n + 1)
			cap *= 2;
		b->text.data = tl_xrealloc(b->text.data, cap);
		b->text.cap = cap;
	}
}

/* The class bits of CP, through the builder's cache for the code points
 * outside ASCII and U+4E00..U+9FFF; notes CP in the run's summary. */
static inline uint8_t classify(builder *b, uint32_t cp)
{
	uint8_t cls;
	if (cp < 0x80) {
		cls = ascii_class[cp];
		b->ascii[cp >> 6] |= (uint64_t)1 << (cp & 63);
	} else if (cp >= 0x4E00 && cp <= 0x9FFF) {
		cls = TL_CLS_CJK;
	} else {
		unsigned h = tl_cp_bit(cp);
		if (b->class_cp[h] != cp) {
			b->class_cp[h] = cp;
			b->class_of[h] = tl_char_class(cp);
		}
		cls = b->class_of[h];
		b->other |= (uint64_t)1 << h;
	}
	b->cls_any |= cls;
	b->ncjk += (cls & TL_CLS_CJK) != 0;
	return cls;
}

/* Seals character C, just added (see builder). */
static void seal(builder *b, tl_char *c)
{
	text_reserve(b, 4);
	c->toff = (uint32_t)b->tlen;
	c->cls = classify(b, c->cp);
	b->tlen += tl_utf8_encode(c->cp, b->text.data + b->tlen);
	if (c->kind == TL_CHAR_BREAK) {
		b->breaks = tl_grow(b->breaks, b->nbreaks, &b->cap_breaks,
		                    sizeof *b->breaks);
		b->breaks[b->nbreaks++] = (size_t)(c - b->chars);
	}
}

static tl_char *push(builder *b, uint32_t cp, size_t start, size_t end,
                     uint8_t kind, uint8_t flags)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 256;
		b->chars = tl_xrealloc(b->chars, b->cap * sizeof *b->chars);
	}
	tl_char *c = &b->chars[b->n++];
	c->cp = cp;
	c->start = (uint32_t)start;
	c->end = (uint32_t)end;
	c->after = (uint32_t)end;
	c->toff = 0;
	c->kind = kind;
	c->flags = flags;
	c->depth = b->depth > 255 ? 255 : (uint8_t)b->depth;
	seal(b, c);
	return c;
}

static bool is_ascii_punct(char c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
	       (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

/* The length of an entity reference "&...;" at S (up to END), or 0. */
static size_t entity_len(const char *s, size_t p, size_t end)
{
	size_t q = p + 1;
	if (q < end && s[q] == '#') {
		q++;
		if (q < end && (s[q] == 'x' || s[q] == 'X'))
			q++;
	}
	size_t first = q;
	while (q < end && q - p < 40 &&
	       ((s[q] >= 'a' && s[q] <= 'z') || (s[q] >= 'A' && s[q] <= 'Z') ||
	        (s[q] >= '0' && s[q] <= '9')))
		q++;
	if (q == first || q >= end || s[q] != ';')
		return 0;
	return q + 1 - p;
}

/* Aligns the literal LIT (LN bytes) with the source at P; on success
 * appends its characters and returns true. Nothing is appended on
 * failure. Line breaks never occur inside a text literal, so the source
 * must match byte for byte except for escapes and entities. */
static bool align_at(builder *b, const char *lit, size_t ln, size_t p)
{
	size_t mark = b->n;
	size_t i = 0;
	/* At most one character per byte of the literal. */
	if (b->cap - b->n < ln) {
		while (b->cap - b->n < ln)
			b->cap = b->cap ? b->cap * 2 : 256;
		b->chars = tl_xrealloc(b->chars, b->cap * sizeof *b->chars);
	}
	const uint8_t depth = b->depth > 255 ? 255 : (uint8_t)b->depth;
	/* Most literals are their source bytes, with no entity and no
	 * escape: decode them without comparing byte by byte, noting on the
	 * way what the URL and math passes look for ("://", "www.", '@',
	 * '$'; the literal ends with a NUL, so looking ahead is safe). */
	if (p + ln <= b->len && !memchr(lit, '&', ln) &&
	    memcmp(b->s + p, lit, ln) == 0) {
		tl_char *out = b->chars + b->n;
		/* The literal is the text of its characters, as it is. */
		text_reserve(b, ln);
		memcpy(b->text.data + b->tlen, lit, ln);
		size_t toff = b->tlen;
		b->tlen += ln;
		while (i < ln) {
			uint32_t cp;
			size_t k;
			unsigned char c = (unsigned char)lit[i];
			if (c < 0x80) {
				cp = c;
				k = 1;
				if (c <= '@') {
					if (c == '@' ||
					    (c == ':' && lit[i + 1] == '/' &&
					     lit[i + 2] == '/'))
						b->maybe_url = true;
					else if (c == '$')
						b->maybe_math = true;
				} else if (c == 'w' && lit[i + 1] == 'w' &&
				           lit[i + 2] == 'w' &&
				           lit[i + 3] == '.') {
					b->maybe_url = true;
				}
			} else {
				k = tl_utf8_decode_fast(lit + i, ln - i, &cp);
			}
			*out++ = (tl_char){cp,
			                   (uint32_t)p,
			                   (uint32_t)(p + k),
			                   (uint32_t)(p + k),
			                   (uint32_t)(toff + i),
			                   TL_CHAR_TEXT,
			                   b->flags,
			                   depth,
			                   classify(b, cp)};
			p += k;
			i += k;
		}
		b->n = (size_t)(out - b->chars);
		b->cursor = p;
		return true;
	}
	b->maybe_url = b->maybe_url || strchr(lit, '@') || strstr(lit, "://") ||
	               strstr(lit, "www.");
	b->maybe_math = b->maybe_math || strchr(lit, '$');
	while (i < ln) {
		uint32_t cp;
		size_t k = tl_utf8_decode_fast(lit + i, ln - i, &cp);
		size_t el = b->s[p] == '&' ? entity_len(b->s, p, b->len) : 0;
		if (el && (ln - i < el || memcmp(b->s + p, lit + i, el) != 0)) {
			/* An entity decodes to one character (the few that
			 * decode to two end up misaligned and drop the run);
			 * an unknown one stays literal and matches below. */
			push(b, cp, p, p + el, TL_CHAR_TEXT,
			     b->flags | TL_CF_LITERAL);
			p += el;
		} else if (p + k <= b->len &&
		           memcmp(b->s + p, lit + i, k) == 0) {
			push(b, cp, p, p + k, TL_CHAR_TEXT, b->flags);
			p += k;
		} else if (p + 1 < b->len && b->s[p] == '\\' &&
		           is_ascii_punct(b->s[p + 1]) && k == 1 &&
		           b->s[p + 1] == lit[i]) {
			push(b, cp, p, p + 2, TL_CHAR_TEXT,
			     b->flags | TL_CF_LITERAL);
			p += 2;
		} else {
			/* The characters already sealed go: their text and
			 * summary are computed again by finish(). */
			b->n = mark;
			b->resummarize = true;
			return false;
		}
		i += k;
	}
	b->cursor = p;
	return true;
}

/* Maps a text literal: at cmark's reported position first, then by a
 * bounded forward search from the cursor. */
static void add_text(builder *b, cmark_node *node)
{
	const char *lit = cmark_node_get_literal(node);
	size_t ln = lit ? strlen(lit) : 0;
	if (ln == 0 || b->bad)
		return;
	int line = cmark_node_get_start_line(node);
	size_t at = node_offset(b, line, cmark_node_get_start_column(node));
	if (at >= b->cursor && align_at(b, lit, ln, at))
		return;
	size_t tries = 0;
	for (size_t p = b->cursor; p < b->limit && tries < 4096; p++) {
		char c = b->s[p];
		if (c != lit[0] && c != '\\' && c != '&')
			continue;
		tries++;
		if (align_at(b, lit, ln, p)) {
			size_t raw = tl_doc_offset(
			    b->doc, line, cmark_node_get_start_column(node));
			if (tl_source_line_index(b->doc->src, p) !=
			    (size_t)(line - 1) + b->doc->line_base) {
				/* Found on another line than reported: cmark's
				 * positions for this block are off by lines (as
				 * after link reference definitions it
				 * consumed), and earlier characters may sit on
				 * equal bytes in the wrong place. */
				b->bad = true;
				return;
			}
			b->shift_line = line;
			b->shift = (long)raw - (long)p;
			return;
		}
	}
	b->bad = true;
}

/* The name of the HTML tag at S (after '<' and an optional '/'). */
static bool tag_is(const char *lit, const char *name)
{
	size_t i = 1;
	if (lit[i] == '/')
		i++;
	size_t n = strlen(name);
	for (size_t k = 0; k < n; k++, i++) {
		char c = lit[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != name[k])
			return false;
	}
	char c = lit[i];
	return c == '>' || c == ' ' || c == '/' || c == '\t' || c == '\n' ||
	       c == '\r';
}

static void add_html(builder *b, cmark_node *node)
{
	const char *lit = cmark_node_get_literal(node);
	size_t start, end;
	node_span(b, node, &start, &end);
	if (!lit || lit[0] != '<')
		return;
	if (b->s[start] != '<' || end == 0 || b->s[end - 1] != '>') {
		b->bad = true;
		return;
	}
	bool closing = lit[1] == '/';
	if (closing && tag_is(lit, "ruby")) {
		/* A malformed annotation ("<rt>a<rt>b</rt>") ends with its
		 * ruby element at the latest. */
		b->skip_html = 0;
	} else if (tag_is(lit, "rt") || tag_is(lit, "rp")) {
		b->skip_html += closing ? -1 : 1;
		if (b->skip_html < 0)
			b->skip_html = 0;
	} else if (tag_is(lit, "br") && !b->skip_html) {
		push(b, '\n', start, end, TL_CHAR_BREAK, b->flags);
	} else if (closing && b->n > 0) {
		/* Text inserted after the character before a closing tag
		 * goes outside the element, as for emphasis. */
		b->chars[b->n - 1].after = (uint32_t)end;
	}
	if (end > b->cursor)
		b->cursor = end;
}

/* The full span of a code span: cmark reports only the content, so step
 * out over the backtick strings on both sides. */
static void add_code(builder *b, cmark_node *node)
{
	size_t start, end;
	node_span(b, node, &start, &end);
	if (start == 0 || end >= b->len || b->s[end] != '`') {
		b->bad = true;
		return;
	}
	while (start > b->cursor && b->s[start - 1] != '`')
		start--;
	while (start > b->cursor && b->s[start - 1] == '`')
		start--;
	while (end < b->limit && b->s[end] != '`')
		end++;
	while (end < b->limit && b->s[end] == '`')
		end++;
	push(b, TL_OBJECT, start, end, TL_CHAR_CODE, b->flags);
	b->cursor = end;
}

static void add_break(builder *b)
{
	push(b, '\n', b->cursor, b->cursor, TL_CHAR_BREAK, b->flags);
}

/* Is NODE an autolink ("<https://x.org>", "<a@b.org>")? Its text is its
 * destination (less "mailto:" for an e-mail address). A link written as
 * "[https://x.org](https://x.org)" counts too: its text is a URL all the
 * same. */
static bool is_autolink(cmark_node *node)
{
	cmark_node *child = cmark_node_first_child(node);
	if (!child || cmark_node_next(child) ||
	    cmark_node_get_type(child) != CMARK_NODE_TEXT)
		return false;
	const char *text = cmark_node_get_literal(child);
	const char *url = cmark_node_get_url(node);
	if (!text || !url)
		return false;
	if (strncmp(url, "mailto:", 7) == 0 && strcmp(url + 7, text) == 0)
		return true;
	return strcmp(url, text) == 0;
}

static void note(cmark_node ***v, size_t *n, size_t *cap, cmark_node *node)
{
	*v = tl_grow(*v, *n, cap, sizeof **v);
	(*v)[(*n)++] = node;
}

static void walk_inlines(builder *b, cmark_node *block)
{
	cmark_iter *it = cmark_iter_new(block);
	cmark_event_type ev;
	/* Index of the first character of each open container, to know
	 * whether the container produced any character when it closes. */
	size_t open_at[64];
	uint8_t open_flags[64];
	int top = 0;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		if (node == block)
			continue;
		cmark_node_type t = cmark_node_get_type(node);
		tl_doc_nodes *nd = b->nodes;
		if ((t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) &&
		    ev == CMARK_EVENT_ENTER)
			note(&nd->links, &nd->nlinks, &nd->cap_links, node);
		else if (t == CMARK_NODE_HTML_INLINE)
			note(&nd->html, &nd->nhtml, &nd->cap_html, node);
		if (b->skip_html && t != CMARK_NODE_HTML_INLINE)
			continue;
		switch (t) {
		case CMARK_NODE_TEXT: {
			add_text(b, node);
			break;
		}
		case CMARK_NODE_CODE:
			add_code(b, node);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			add_break(b);
			break;
		case CMARK_NODE_HTML_INLINE:
			add_html(b, node);
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
		case CMARK_NODE_EMPH:
		case CMARK_NODE_STRONG: {
			size_t start, end;
			node_span(b, node, &start, &end);
			if (ev == CMARK_EVENT_ENTER && t == CMARK_NODE_LINK &&
			    is_autolink(node)) {
				push(b, TL_OBJECT, start, end, TL_CHAR_URL,
				     b->flags);
				b->cursor = end;
				cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
				break;
			}
			if (ev == CMARK_EVENT_ENTER) {
				if (top < 64) {
					open_at[top] = b->n;
					open_flags[top] = b->flags;
				}
				top++;
				b->depth++;
				b->flags |=
				    t == CMARK_NODE_LINK    ? TL_CF_LINK
				    : t == CMARK_NODE_IMAGE ? TL_CF_IMAGE
				    : t == CMARK_NODE_EMPH  ? TL_CF_EMPH
				                            : TL_CF_STRONG;
			} else {
				/* The end must be a closing delimiter, or the
				 * reported position is off and the gap after
				 * the last character unknown. */
				char last = end > 0 ? b->s[end - 1] : 0;
				if (!strchr(")]*_", last) || end < b->cursor) {
					b->bad = true;
					break;
				}
				top--;
				b->depth--;
				if (top < 64) {
					b->flags = open_flags[top];
					if (b->n > open_at[top])
						b->chars[b->n - 1].after =
						    (uint32_t)end;
				}
				if (end > b->cursor)
					b->cursor = end;
			}
			break;
		}
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* ---- Post-passes over a run ---------------------------------------------- */

/* Replaces chars [i, k) by one opaque character of KIND. */
static void collapse(builder *b, size_t i, size_t k, uint8_t kind)
{
	tl_char c = b->chars[i];
	c.cp = TL_OBJECT;
	c.kind = kind;
	c.end = b->chars[k - 1].end;
	c.after = b->chars[k - 1].after;
	b->chars[i] = c;
	memmove(&b->chars[i + 1], &b->chars[k], (b->n - k) * sizeof(tl_char));
	b->n -= k - i - 1;
	b->resummarize = true;
}

static bool is_alnum(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Does the run have the ASCII string W at I, as contiguous prose? */
static bool has_at(const builder *b, size_t i, const char *w)
{
	for (size_t k = 0; w[k]; k++) {
		if (i + k >= b->n)
			return false;
		const tl_char *c = &b->chars[i + k];
		if (c->kind != TL_CHAR_TEXT || c->cp != (unsigned char)w[k])
			return false;
	}
	return true;
}

/* A character a URL can hold: printable ASCII but '<' and space (GFM's
 * extended autolinks end at white space and '<'; translint also ends one
 * at the first non-ASCII character, which the link-destination rule
 * reports as swallowed text). */
static bool url_char(const tl_char *c)
{
	return c->kind == TL_CHAR_TEXT && c->cp > ' ' && c->cp < 0x7F &&
	       c->cp != '<';
}

/* The end of a URL starting at I, with trailing punctuation and an
 * unbalanced ')' left out as GFM does. */
static size_t url_end(const builder *b, size_t i)
{
	size_t k = i;
	while (k < b->n && url_char(&b->chars[k]) &&
	       (k == i || b->chars[k].start == b->chars[k - 1].end))
		k++;
	for (;;) {
		if (k <= i)
			return k;
		uint32_t c = b->chars[k - 1].cp;
		if (strchr("?!.,:*_~'\";", (int)c)) {
			k--;
			continue;
		}
		if (c == ')') {
			int bal = 0;
			for (size_t q = i; q < k; q++)
				bal += b->chars[q].cp == '('   ? 1
				       : b->chars[q].cp == ')' ? -1
				                               : 0;
			if (bal < 0) {
				k--;
				continue;
			}
		}
		return k;
	}
}

/* Finds bare URLs ("https://...", "www.x") and e-mail addresses in the
 * run and makes each one opaque character. */
static void collapse_urls(builder *b)
{
	for (size_t i = 0; i < b->n; i++) {
		const tl_char *c = &b->chars[i];
		if (c->kind != TL_CHAR_TEXT || c->cp > 0x7F)
			continue;
		bool boundary = i == 0 || !is_alnum(b->chars[i - 1].cp);
		if (boundary &&
		    (c->cp == 'h' || c->cp == 'f' || c->cp == 'w') &&
		    (has_at(b, i, "http://") || has_at(b, i, "https://") ||
		     has_at(b, i, "ftp://") || has_at(b, i, "www."))) {
			size_t k = url_end(b, i);
			if (k > i + 4)
				collapse(b, i, k, TL_CHAR_URL);
			continue;
		}
		if (c->cp == '@' && i > 0 && is_alnum(b->chars[i - 1].cp)) {
			/* local@domain.tld */
			size_t s = i;
			while (s > 0 && b->chars[s - 1].kind == TL_CHAR_TEXT &&
			       (is_alnum(b->chars[s - 1].cp) ||
			        strchr("._+-", (int)b->chars[s - 1].cp)))
				s--;
			size_t k = i + 1, dots = 0;
			while (k < b->n && b->chars[k].kind == TL_CHAR_TEXT &&
			       (is_alnum(b->chars[k].cp) ||
			        b->chars[k].cp == '-' ||
			        b->chars[k].cp == '.')) {
				dots += b->chars[k].cp == '.';
				k++;
			}
			while (k > i + 1 && b->chars[k - 1].cp == '.') {
				k--;
				dots--;
			}
			if (dots > 0 && s < i && k > i + 1) {
				collapse(b, s, k, TL_CHAR_URL);
				i = s;
			}
		}
	}
}

/* Finds inline math, "$...$" and "$$...$$", in the pandoc way: the opening
 * "$" has a non-space after it, the closing one a non-space before it and
 * no digit after it (so "$5 and $10" is money, not math). */
static void collapse_math(builder *b)
{
	for (size_t i = 0; i < b->n; i++) {
		if (b->chars[i].cp != '$' || b->chars[i].kind != TL_CHAR_TEXT ||
		    (b->chars[i].flags & TL_CF_LITERAL))
			continue;
		bool display = i + 1 < b->n && b->chars[i + 1].cp == '$';
		size_t open = display ? i + 2 : i + 1;
		if (open >= b->n)
			break;
		if (!display && tl_char_is_space(b->chars[open].cp))
			continue;
		size_t k = open;
		for (; k < b->n; k++) {
			const tl_char *c = &b->chars[k];
			if (c->cp != '$' || c->kind != TL_CHAR_TEXT ||
			    (c->flags & TL_CF_LITERAL))
				continue;
			if (display) {
				if (k + 1 < b->n && b->chars[k + 1].cp == '$')
					break;
				continue;
			}
			if (tl_char_is_space(b->chars[k - 1].cp))
				continue;
			if (k + 1 < b->n &&
			    tl_char_is_digit(b->chars[k + 1].cp))
				continue;
			break;
		}
		if (k >= b->n || k == open)
			continue;
		collapse(b, i, display ? k + 2 : k + 1, TL_CHAR_MATH);
	}
}

/* A GFM table delimiter row: cells of dashes with optional colons,
 * separated by '|' (at least one '|' or more than one cell). */
static bool is_delimiter_row(const char *s, size_t p, size_t e)
{
	bool pipe = false, dash = false;
	for (; p < e; p++) {
		char c = s[p];
		if (c == '|')
			pipe = true;
		else if (c == '-')
			dash = true;
		else if (c != ':' && c != ' ' && c != '\t')
			return false;
	}
	return pipe && dash;
}

/* cmark (without the GFM extension) reads a pipe table as a paragraph.
 * Its second line tells: a delimiter row. The cell separators then become
 * TL_CHAR_SEP so that no rule sees "a | 中" as adjacent prose. */
static bool mark_table(builder *b, size_t start)
{
	size_t e1 = line_end(b->s, b->len, start);
	size_t l2 = next_line(b->s, b->len, e1);
	if (l2 >= b->limit)
		return false;
	size_t e2 = line_end(b->s, b->len, l2);
	/* Skip container prefixes ("> ", list indentation). */
	size_t p = l2;
	while (p < e2 && (b->s[p] == ' ' || b->s[p] == '>' || b->s[p] == '\t'))
		p++;
	if (!is_delimiter_row(b->s, p, e2))
		return false;
	for (size_t i = 0; i < b->n; i++)
		if (b->chars[i].cp == '|' && b->chars[i].kind == TL_CHAR_TEXT &&
		    !(b->chars[i].flags & TL_CF_LITERAL))
			b->chars[i].kind = TL_CHAR_SEP;
	return true;
}

/* Completes the run from what the characters' seals gathered: each line
 * break ends where the next character starts, the text gets its NUL and
 * the run its summary. When characters changed after they were sealed (a
 * URL or math collapsed, a literal rolled back), they are all sealed
 * again first. */
static void finish(builder *b, tl_run *run)
{
	if (b->resummarize) {
		b->tlen = 0;
		b->ascii[0] = b->ascii[1] = b->other = 0;
		b->cls_any = 0;
		b->ncjk = 0;
		b->nbreaks = 0;
		for (size_t i = 0; i < b->n; i++)
			seal(b, &b->chars[i]);
	}
	for (size_t k = 0; k < b->nbreaks; k++) {
		size_t i = b->breaks[k];
		tl_char *c = &b->chars[i];
		if (c->start == c->end && i + 1 < b->n &&
		    b->chars[i + 1].start > c->start)
			c->end = c->after = b->chars[i + 1].start;
	}
	text_reserve(b, 0);
	b->text.data[b->tlen] = '\0';
	b->text.len = b->tlen;
	run->cls_any = (uint8_t)b->cls_any;
	run->ascii[0] = b->ascii[0];
	run->ascii[1] = b->ascii[1];
	run->other = b->other;
	run->ncjk = b->ncjk;
}

/* ---- Iteration ------------------------------------------------------------
 */

static unsigned block_context(cmark_node *node)
{
	unsigned ctx = 0;
	for (cmark_node *p = cmark_node_parent(node); p;
	     p = cmark_node_parent(p)) {
		cmark_node_type t = cmark_node_get_type(p);
		if (t == CMARK_NODE_BLOCK_QUOTE)
			ctx |= TL_CTX_QUOTE;
		else if (t == CMARK_NODE_ITEM)
			ctx |= TL_CTX_LIST;
	}
	return ctx;
}

const tl_doc_nodes *tl_doc_nodes_of(const tl_doc *doc)
{
	return doc->nodes;
}

void tl_doc_each_run(const tl_doc *doc, tl_run_fn fn, void *user)
{
	builder b = {0};
	b.doc = doc;
	b.s = doc->src->data;
	b.len = doc->src->len;
	/* The node lists are filled anew by every walk (the document is
	 * const to the rules; its lists are the model's own notes). */
	b.nodes = doc->nodes;
	b.nodes->nlinks = 0;
	b.nodes->nhtml = 0;

	size_t block = 0;
	cmark_node *top = NULL;
	cmark_iter *it = cmark_iter_new(doc->root);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (cmark_node_parent(node) == doc->root) {
			if (top)
				block++;
			top = node;
		}
		cmark_node_type t = cmark_node_get_type(node);
		if (t == CMARK_NODE_HTML_BLOCK)
			note(&b.nodes->html, &b.nodes->nhtml,
			     &b.nodes->cap_html, node);
		if (t != CMARK_NODE_PARAGRAPH && t != CMARK_NODE_HEADING)
			continue;

		size_t start, end;
		tl_doc_node_span(doc, node, &start, &end);
		b.n = 0;
		b.cursor = start;
		b.limit = end;
		b.depth = 0;
		b.flags = 0;
		b.bad = false;
		b.skip_html = 0;
		b.shift_line = 0;
		b.shift = 0;
		b.maybe_url = false;
		b.maybe_math = false;
		b.tlen = 0;
		b.ascii[0] = b.ascii[1] = b.other = 0;
		b.cls_any = 0;
		b.ncjk = 0;
		b.resummarize = false;
		b.nbreaks = 0;
		walk_inlines(&b, node);
		/* The inline walk is done: skip the subtree. */
		cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
		if (b.bad)
			continue;

		tl_run run = {0};
		run.kind = t == CMARK_NODE_HEADING ? TL_BLOCK_HEADING
		                                   : TL_BLOCK_PARAGRAPH;
		if (run.kind == TL_BLOCK_PARAGRAPH && mark_table(&b, start))
			run.kind = TL_BLOCK_TABLE;
		if (b.maybe_url)
			collapse_urls(&b);
		if (b.maybe_math)
			collapse_math(&b);
		finish(&b, &run);

		run.chars = b.chars;
		run.n = b.n;
		run.text = b.text.data;
		run.text_len = b.text.len;
		run.level = t == CMARK_NODE_HEADING
		                ? cmark_node_get_heading_level(node)
		                : 0;
		run.context = block_context(node);
		run.start = start;
		run.end = end;
		run.block = doc->block_base + block;
		run.node = node;
		run.doc = doc;
		fn(&run, user);
	}
	cmark_iter_free(it);
	free(b.chars);
	free(b.breaks);
	tl_buf_free(&b.text);
}
