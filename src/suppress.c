/*
 * suppress.c: suppression comments in a document (DESIGN.md section 4):
 *
 *   <!-- translint-disable [RULE...] -->            from here on
 *   <!-- translint-enable [RULE...] -->             from here on
 *   <!-- translint-disable-next-line [RULE...] -->  the line after it
 *   <!-- translint-disable-file [RULE...] -->       the whole document
 *
 * No rule name means every rule. Names are separated by spaces or commas.
 * The comments are found in HTML blocks and inline HTML (cmark parsed them,
 * so a comment inside a code block or code span is not one). The engine
 * drops the diagnostics they cover after the rules ran, and reports names
 * that are no rule as unknown-rule.
 *
 * Whether a diagnostic of rule R at offset O is hidden is decided for R
 * alone, replaying the disable/enable comments before O in order: so
 * "disable" then "enable R" turns R back on while the others stay off.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef enum kind { DISABLE, ENABLE, NEXT_LINE, WHOLE_FILE } kind;

typedef struct name {
	char *text;
	size_t start, end; /* source span */
} name;

typedef struct event {
	kind kind;
	size_t at;           /* source offset of the comment */
	size_t line;         /* NEXT_LINE: the 0-based line it covers */
	size_t first, count; /* its names in tl_suppress.names */
} event;

/* The disable and enable comments that name one rule, by index in
 * tl_suppress.ev. */
typedef struct named {
	const char *rule;
	size_t *ix;
	size_t n, cap;
} named;

struct tl_suppress {
	const tl_source *src;
	event *ev; /* in document order */
	size_t nev, cap_ev;
	name *names;
	size_t nnames, cap_names;
	/* An index built at the first question, so that each answer costs
	 * a few binary searches however many comments the document has. */
	bool indexed;
	size_t *all; /* disable/enable comments naming no rule */
	size_t nall;
	named *by_rule; /* those naming rules, per rule */
	size_t nrules;
	size_t *lines; /* next-line comments, by the line they cover */
	size_t nlines;
	size_t *whole; /* disable-file comments */
	size_t nwhole;
};

static const struct {
	const char *word;
	kind kind;
} directives[] = {
    /* Longest first: "translint-disable" begins the other two. */
    {"translint-disable-next-line", NEXT_LINE},
    {"translint-disable-file", WHOLE_FILE},
    {"translint-disable", DISABLE},
    {"translint-enable", ENABLE},
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Parses the comment at TEXT (LEN bytes from "<!--" to after "-->"),
 * which starts at source offset AT. */
static void parse_comment(tl_suppress *sup, const char *text, size_t len,
                          size_t at)
{
	size_t i = 4;
	while (i < len && is_space(text[i]))
		i++;
	size_t d = 0, nd = sizeof directives / sizeof directives[0];
	for (; d < nd; d++) {
		size_t wl = strlen(directives[d].word);
		if (i + wl <= len &&
		    memcmp(text + i, directives[d].word, wl) == 0 &&
		    (is_space(text[i + wl]) || text[i + wl] == '-')) {
			i += wl;
			break;
		}
	}
	if (d == nd)
		return;
	size_t body_end = len - 3; /* the "-->" */
	event e = {directives[d].kind, at, 0, sup->nnames, 0};
	while (i < body_end) {
		while (i < body_end && (is_space(text[i]) || text[i] == ','))
			i++;
		size_t s = i;
		while (i < body_end && !is_space(text[i]) && text[i] != ',')
			i++;
		if (i == s)
			break;
		sup->names = tl_grow(sup->names, sup->nnames, &sup->cap_names,
		                     sizeof *sup->names);
		name *n = &sup->names[sup->nnames++];
		n->text = tl_xstrndup(text + s, i - s);
		n->start = at + s < sup->src->len ? at + s : sup->src->len;
		n->end = at + i < sup->src->len ? at + i : sup->src->len;
		e.count++;
	}
	size_t end = at + len < sup->src->len ? at + len : sup->src->len;
	e.line = tl_source_line_index(sup->src, end ? end - 1 : 0) + 1;
	sup->ev = tl_grow(sup->ev, sup->nev, &sup->cap_ev, sizeof *sup->ev);
	sup->ev[sup->nev++] = e;
}

/* The source offset of the "<!--" at byte K of the literal of NODE, whose
 * first byte is at source offset START. */
static size_t literal_offset(const tl_doc *doc, cmark_node *node,
                             const char *lit, size_t k, size_t start)
{
	size_t nl = 0, col = k;
	for (size_t i = 0; i < k; i++)
		if (lit[i] == '\n') {
			nl++;
			col = k - i - 1;
		}
	if (nl == 0)
		return start + k;
	size_t line =
	    (size_t)cmark_node_get_start_line(node) - 1 + nl + doc->line_base;
	if (line >= doc->src->nlines)
		return doc->src->len;
	size_t ls, le;
	tl_source_line_span(doc->src, line, &ls, &le);
	/* The literal line lacks the prefix of block containers ("> "):
	 * the comment is at column COL or further right. */
	for (size_t p = ls + col; p + 4 <= le; p++)
		if (memcmp(doc->src->data + p, "<!--", 4) == 0)
			return p;
	return ls + col < le ? ls + col : le;
}

tl_suppress *tl_suppress_new(const tl_source *src)
{
	tl_suppress *sup = tl_xcalloc(1, sizeof *sup);
	sup->src = src;
	return sup;
}

/* Adds the comments of one HTML node. */
static void scan_node(tl_suppress *sup, const tl_doc *doc, cmark_node *node)
{
	const char *lit = cmark_node_get_literal(node);
	if (!lit || !strstr(lit, "translint-"))
		return;
	size_t start, end;
	tl_doc_node_span(doc, node, &start, &end);
	for (const char *p = strstr(lit, "<!--"); p; p = strstr(p, "<!--")) {
		const char *close = strstr(p + 4, "-->");
		if (!close)
			break;
		size_t len = (size_t)(close + 3 - p);
		size_t at =
		    literal_offset(doc, node, lit, (size_t)(p - lit), start);
		parse_comment(sup, p, len, at);
		p = close + 3;
	}
}

void tl_suppress_scan(tl_suppress *sup, const tl_doc *doc)
{
	/* The HTML nodes the model noted while building the runs. */
	const tl_doc_nodes *nd = tl_doc_nodes_of(doc);
	for (size_t i = 0; i < nd->nhtml; i++)
		scan_node(sup, doc, nd->html[i]);
}

void tl_suppress_free(tl_suppress *sup)
{
	if (!sup)
		return;
	for (size_t i = 0; i < sup->nnames; i++)
		free(sup->names[i].text);
	free(sup->names);
	free(sup->ev);
	free(sup->all);
	for (size_t i = 0; i < sup->nrules; i++)
		free(sup->by_rule[i].ix);
	free(sup->by_rule);
	free(sup->lines);
	free(sup->whole);
	free(sup);
}

/* Whether event E names RULE (or, naming nothing, every rule). */
static bool covers(const tl_suppress *sup, const event *e, const char *rule)
{
	if (e->count == 0)
		return true;
	for (size_t i = 0; i < e->count; i++)
		if (strcmp(sup->names[e->first + i].text, rule) == 0)
			return true;
	return false;
}

static void push_ix(size_t **v, size_t *n, size_t *cap, size_t i)
{
	*v = tl_grow(*v, *n, cap, sizeof **v);
	(*v)[(*n)++] = i;
}

static named *named_for(tl_suppress *sup, const char *rule, bool add)
{
	for (size_t i = 0; i < sup->nrules; i++)
		if (strcmp(sup->by_rule[i].rule, rule) == 0)
			return &sup->by_rule[i];
	if (!add)
		return NULL;
	sup->by_rule =
	    tl_xrealloc(sup->by_rule, (sup->nrules + 1) * sizeof *sup->by_rule);
	named *r = &sup->by_rule[sup->nrules++];
	*r = (named){rule, NULL, 0, 0};
	return r;
}

static void build_index(tl_suppress *sup)
{
	size_t cap_all = 0, cap_lines = 0, cap_whole = 0;
	sup->indexed = true;
	for (size_t i = 0; i < sup->nev; i++) {
		const event *e = &sup->ev[i];
		if (e->kind == WHOLE_FILE) {
			push_ix(&sup->whole, &sup->nwhole, &cap_whole, i);
		} else if (e->kind == NEXT_LINE) {
			push_ix(&sup->lines, &sup->nlines, &cap_lines, i);
		} else if (e->count == 0) {
			push_ix(&sup->all, &sup->nall, &cap_all, i);
		} else {
			for (size_t k = 0; k < e->count; k++) {
				named *r = named_for(
				    sup, sup->names[e->first + k].text, true);
				/* A comment naming a rule twice counts once. */
				if (!r->n || r->ix[r->n - 1] != i)
					push_ix(&r->ix, &r->n, &r->cap, i);
			}
		}
	}
	/* Comments come in document order: each list is in the order of
	 * their offsets, and the next-line ones in the order of the lines
	 * they cover, as the binary searches below need. */
}

/* The last of the comments IX[0..N) (indexes into SUP->ev, in document
 * order) placed at or before OFFSET, or TL_NONE. */
static size_t last_before(const tl_suppress *sup, const size_t *ix, size_t n,
                          size_t offset)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sup->ev[ix[mid]].at <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? ix[lo - 1] : TL_NONE;
}

bool tl_suppress_hides(tl_suppress *sup, const char *rule, size_t offset)
{
	if (!sup || sup->nev == 0)
		return false;
	if (!sup->indexed)
		build_index(sup);
	for (size_t i = 0; i < sup->nwhole; i++)
		if (covers(sup, &sup->ev[sup->whole[i]], rule))
			return true;
	if (sup->nlines) {
		size_t line = tl_source_line_index(sup->src, offset);
		size_t lo = 0, hi = sup->nlines;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (sup->ev[sup->lines[mid]].line < line)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < sup->nlines && sup->ev[sup->lines[lo]].line == line;
		     lo++)
			if (covers(sup, &sup->ev[sup->lines[lo]], rule))
				return true;
	}
	/* Replaying the disable and enable comments before OFFSET in order
	 * leaves RULE as the last one that covers it set it. */
	size_t a = last_before(sup, sup->all, sup->nall, offset);
	const named *r = named_for(sup, rule, false);
	size_t b = r ? last_before(sup, r->ix, r->n, offset) : TL_NONE;
	size_t last = a == TL_NONE ? b : b == TL_NONE ? a : a > b ? a : b;
	return last != TL_NONE && sup->ev[last].kind == DISABLE;
}

bool tl_suppress_name(const tl_suppress *sup, size_t i, const char **text,
                      size_t *start, size_t *end)
{
	if (!sup || i >= sup->nnames)
		return false;
	*text = sup->names[i].text;
	*start = sup->names[i].start;
	*end = sup->names[i].end;
	return true;
}
