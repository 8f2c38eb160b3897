/*
 * front-matter: the metadata block at the top of a translated article is
 * missing, unreadable, incomplete or misspelled.
 *
 * Translation sites build their pages from it: a missing "originallink"
 * drops the credit to the original, an empty "cover" breaks the page, a
 * misspelled key ("origininallink") is silently ignored by the site
 * generator. Four carriers hold it. The model (frontmatter.c) finds three:
 * a YAML block between "---" lines, TOML between "+++" lines (Hugo's
 * other format, read by check_toml below), and YAML inside an HTML
 * comment that opens the file (the thenewstack-zh convention); none of
 * them is prose, and no rule rewrites them. The YAML text alone goes to
 * libyaml; its marks (line, column in characters, both relative to that text)
 * are mapped back to bytes of the Markdown file, so a syntax error points at
 * its real place. The third, read here with option carrier: lctt, is
 * LCTT's block of "[#]: key: (value)" lines opening the file (CommonMark
 * reads them as link reference definitions; they are metadata). All
 * become a list of entries (key, value, spans) checked alike.
 *
 * Option formats: required and known are lists of keys; fields is a map
 * of keys to kinds (url, date, list, string).
 */
#include "rule.h"

#include <string.h>
#include <yaml.h>

static const tl_option_def options[] = {
    {"carrier", TL_OPTION_ENUM, "auto", "auto|yaml|comment|toml|lctt",
     "Where the metadata is: `auto` (a YAML block between `---` lines, "
     "YAML in an opening HTML comment, or TOML between `+++` lines), "
     "`yaml`, `comment`, `toml` (only that one), or `lctt` (the "
     "`[#]: key: (value)` header lines).",
     "元数据所在的位置：`auto`（`---` 行之间的 YAML 块、开头 "
     "HTML 注释中的 YAML，或 `+++` 行之间的 TOML）、`yaml`、`comment`、"
     "`toml`（只认这一种），或 `lctt`（`[#]: key: (value)` 头部行）。"},
    {"require", TL_OPTION_BOOL, "true", NULL,
     "Report a document that has no front matter.",
     "报告没有前置元数据的文档。"},
    {"required", TL_OPTION_LIST, "title", NULL,
     "Keys that must be present with a non-empty value.",
     "必须出现且值不为空的键。"},
    {"fields", TL_OPTION_MAP, "", NULL,
     "Kinds of values, as a map of keys to kinds (url, date, list, "
     "string), e.g. {cover: url, date: date}.",
     "值的类型，写成键到类型的映射（类型为 url、date、list、string），"
     "例如 {cover: url, date: date}。"},
    {"known", TL_OPTION_LIST, "", NULL,
     "Every other key allowed (with the required and fields keys). When "
     "empty, only keys that look like a misspelling of an expected key "
     "are reported.",
     "允许出现的其他键（`required` 和 `fields` 中的键之外）"
     "。为空时，只报告像是预期键拼写错误的键。"},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL, NULL},
};

/* ---- Lists of names ---------------------------------------------------- */

/* Whether NAME (N bytes) is one of the N strings of ITEMS. */
static bool list_has(char *const *items, size_t count, const char *name,
                     size_t n)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(items[i]) == n && memcmp(items[i], name, n) == 0)
			return true;
	return false;
}

/* Considers the COUNT strings of ITEMS as candidates of S. */
static void nearest_scan(tl_nearest *s, char *const *items, size_t count)
{
	for (size_t i = 0; i < count; i++)
		tl_nearest_add(s, items[i], strlen(items[i]));
}

/* ---- Positions ----------------------------------------------------------
 */

/* The byte offset of libyaml mark M in the YAML text starting at BASE. */
static size_t mark_offset(const tl_doc *doc, yaml_mark_t m)
{
	const tl_source *src = doc->src;
	const char *s = src->data;
	size_t p = doc->fm_yaml_start, end = doc->fm_yaml_end;
	/* The source's line table ends lines where libyaml does (LF, CRLF,
	 * lone CR): a mark's line is a lookup, not a walk from the start,
	 * which made 20,000 keys quadratic (issue 12.6). */
	size_t line = tl_source_line_index(src, p) + m.line;
	if (m.line > 0)
		p = line < src->nlines ? src->lines[line] : end;
	if (p > end)
		p = end;
	for (size_t c = 0;
	     c < m.column && p < end && s[p] != '\n' && s[p] != '\r'; c++) {
		uint32_t cp;
		p += tl_utf8_decode(s + p, end - p, &cp);
	}
	return p;
}

/* Reports the character at OFFSET (or the empty span at a line end). */
static void report_at(tl_check *ck, size_t offset, const char *msg)
{
	const tl_source *src = tl_check_doc(ck)->src;
	size_t end = offset;
	if (offset < src->len && src->data[offset] != '\n' &&
	    src->data[offset] != '\r') {
		uint32_t cp;
		end +=
		    tl_utf8_decode(src->data + offset, src->len - offset, &cp);
	}
	tl_check_report(ck, offset, end, msg, NULL);
}

/* Reports [S, E), or the character at S when the span is empty. */
static void report_span(tl_check *ck, size_t s, size_t e, const char *msg)
{
	if (e <= s)
		report_at(ck, s, msg);
	else
		tl_check_report(ck, s, e, msg, NULL);
}

static void report_node(tl_check *ck, const yaml_node_t *node, const char *msg)
{
	const tl_doc *doc = tl_check_doc(ck);
	report_span(ck, mark_offset(doc, node->start_mark),
	            mark_offset(doc, node->end_mark), msg);
}

/* The line holding OFFSET: the first line of the front matter or of the
 * document. */
static void report_top(tl_check *ck, size_t offset, const char *msg)
{
	const tl_doc *doc = tl_check_doc(ck);
	size_t line = tl_source_line_index(doc->src, offset);
	size_t s, e;
	tl_source_line_span(doc->src, line, &s, &e);
	if (s < doc->src->body)
		s = doc->src->body;
	tl_check_report(ck, s, e, msg, NULL);
}

/* ---- Kinds of values ------------------------------------------------------
 */

static bool is_empty(const yaml_node_t *v)
{
	if (v->type == YAML_SEQUENCE_NODE)
		return v->data.sequence.items.top ==
		       v->data.sequence.items.start;
	if (v->type == YAML_MAPPING_NODE)
		return v->data.mapping.pairs.top == v->data.mapping.pairs.start;
	const char *s = (const char *)v->data.scalar.value;
	size_t n = v->data.scalar.length;
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	if (n == 0)
		return true;
	/* A plain null: "key:", "key: ~", "key: null". */
	return v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       ((n == 1 && *s == '~') || (n == 4 && memcmp(s, "null", 4) == 0));
}

static bool is_url(const char *s)
{
	size_t skip = strncmp(s, "https://", 8) == 0  ? 8
	              : strncmp(s, "http://", 7) == 0 ? 7
	                                              : 0;
	if (!skip || !s[skip] || s[skip] == '/')
		return false;
	for (const char *p = s; *p; p++)
		if (*p == ' ' || *p == '\t' || *p == '\n')
			return false;
	return true;
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* YYYY-MM-DD, optionally followed by a time as YAML timestamps and Hugo
 * write it: "T" or spaces, HH:MM[:SS[.frac]], then Z or an offset. */
static bool is_date(const char *s)
{
	if (!digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
	    !digits(s + 8, 2))
		return false;
	int mon = (s[5] - '0') * 10 + (s[6] - '0');
	int day = (s[8] - '0') * 10 + (s[9] - '0');
	if (mon < 1 || mon > 12 || day < 1 || day > 31)
		return false;
	s += 10;
	if (!*s)
		return true;
	if (*s != 'T' && *s != 't' && *s != ' ')
		return false;
	while (*s == 'T' || *s == 't' || *s == ' ')
		s++;
	if (!digits(s, 2) || s[2] != ':' || !digits(s + 3, 2))
		return false;
	s += 5;
	if (s[0] == ':' && digits(s + 1, 2))
		s += 3;
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	while (*s == ' ')
		s++;
	if (!*s || ((*s == 'Z' || *s == 'z') && !s[1]))
		return true;
	if (*s == '+' || *s == '-') {
		s++;
		if (!digits(s, 2))
			return false;
		s += 2;
		if (*s == ':')
			s++;
		return (!*s) || (digits(s, 2) && !s[2]);
	}
	return false;
}

/* ---- Entries -------------------------------------------------------------
 */

/* One key and its value, whatever the carrier. */
typedef struct fm_entry {
	const char *key; /* NUL-terminated */
	size_t key_len;
	size_t ks, ke;     /* source span of the key */
	const char *value; /* a single value, NUL-terminated, or NULL */
	bool is_list;
	bool empty;
	size_t vs, ve; /* source span of the value */
} fm_entry;

/* Checks the value of E against KIND; reports when it is not one. */
static void check_kind(tl_check *ck, const fm_entry *e, const char *kind,
                       size_t kind_len)
{
	bool ok;
	const char *en, *zh;
	if (kind_len == 3 && memcmp(kind, "url", 3) == 0) {
		ok = e->value && is_url(e->value);
		en = "an absolute http or https URL";
		zh = "以 http:// 或 https:// 开头的完整网址";
	} else if (kind_len == 4 && memcmp(kind, "date", 4) == 0) {
		ok = e->value && is_date(e->value);
		en = "a date (YYYY-MM-DD, optionally with a time)";
		zh = "日期（YYYY-MM-DD，可带时间）";
	} else if (kind_len == 4 && memcmp(kind, "list", 4) == 0) {
		ok = e->is_list;
		en = "a list";
		zh = "列表";
	} else if (kind_len == 6 && memcmp(kind, "string", 6) == 0) {
		ok = e->value != NULL;
		en = "a single value";
		zh = "单个值";
	} else {
		return; /* an unknown kind: the configuration's business */
	}
	if (ok)
		return;
	report_span(ck, e->vs, e->ve,
	            tl_check_msgf(ck, "'%s' should be %s", "“%s”的值应为%s",
	                          e->key, tl_check_msg(ck, en, zh)));
}

/* ---- The check ------------------------------------------------------------
 */

/* A key and the index of its entry, to find repeated keys by sorting. */
typedef struct key_ref {
	const char *key;
	size_t len, index;
} key_ref;

/* By key bytes, then by length; equal keys by their index. */
static int key_ref_cmp(const void *a, const void *b)
{
	const key_ref *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->key, y->key, n);
	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Checks the N entries of a front matter that starts at offset TOP. */
static void check_entries(tl_check *ck, const fm_entry *es, size_t n_es,
                          size_t top)
{
	const tl_option_list *required = tl_check_list(ck, "required");
	const tl_option_map *fields = tl_check_map(ck, "fields");
	const tl_option_list *known = tl_check_list(ck, "known");

	/* Which entries repeat an earlier key: sorted by key, then by
	 * position, every entry after the first of a run of equal keys
	 * (a pairwise comparison was quadratic in the number of keys). */
	bool *dups = tl_arena_alloc(tl_check_arena(ck),
	                            (n_es ? n_es : 1) * sizeof *dups);
	key_ref *order = tl_xmalloc((n_es ? n_es : 1) * sizeof *order);
	for (size_t i = 0; i < n_es; i++) {
		order[i] = (key_ref){es[i].key, es[i].key_len, i};
		dups[i] = false;
	}
	qsort(order, n_es, sizeof *order, key_ref_cmp);
	for (size_t i = 1; i < n_es; i++)
		if (order[i - 1].len == order[i].len &&
		    memcmp(order[i - 1].key, order[i].key, order[i].len) == 0)
			dups[order[i].index] = true;
	free(order);

	for (size_t i = 0; i < n_es; i++) {
		const fm_entry *e = &es[i];
		const char *key = e->key;
		size_t n = e->key_len;
		if (dups[i]) {
			/* YAML forbids it; Hugo keeps one of the two. */
			report_span(ck, e->ks, e->ke,
			            tl_check_msgf(ck,
			                          "Duplicate front matter key "
			                          "'%s'",
			                          "元数据键“%s”重复", key));
			continue;
		}
		size_t f = 0;
		while (f < fields->n && !list_has(&fields->keys[f], 1, key, n))
			f++;
		if (f < fields->n) {
			/* A kind is one word: a list of several is none. */
			const tl_option_list *kind = &fields->values[f];
			if (!e->empty && kind->n == 1)
				check_kind(ck, e, kind->items[0],
				           strlen(kind->items[0]));
			continue;
		}
		if (list_has(required->items, required->n, key, n) ||
		    list_has(known->items, known->n, key, n))
			continue;
		tl_nearest s = tl_nearest_start(key, n);
		nearest_scan(&s, required->items, required->n);
		nearest_scan(&s, fields->keys, fields->n);
		nearest_scan(&s, known->items, known->n);
		size_t limit = n <= 4 ? 1 : n <= 10 ? 2 : 3;
		bool close = s.best && s.best_d <= limit;
		if (close)
			report_span(ck, e->ks, e->ke,
			            tl_check_msgf(ck,
			                          "Unknown front matter key "
			                          "'%s'; did you mean '%.*s'?",
			                          "未知的元数据键“%s”，是否应为"
			                          "“%.*s”？",
			                          key, (int)s.best_len,
			                          s.best));
		else if (known->n)
			report_span(
			    ck, e->ks, e->ke,
			    tl_check_msgf(ck, "Unknown front matter key '%s'",
			                  "未知的元数据键“%s”", key));
	}

	/* Required keys: missing, or present with nothing in them. */
	for (size_t k = 0; k < required->n; k++) {
		const char *r = required->items[k];
		size_t len = strlen(r);
		const fm_entry *found = NULL;
		for (size_t i = 0; i < n_es && !found; i++)
			if (es[i].key_len == len &&
			    memcmp(es[i].key, r, len) == 0)
				found = &es[i];
		if (found && found->empty)
			report_span(ck, found->ks, found->ke,
			            tl_check_msgf(ck,
			                          "Front matter key "
			                          "'%.*s' is empty",
			                          "元数据“%.*s”的值为空",
			                          (int)len, r));
		if (!found && len > 0)
			report_top(ck, top,
			           tl_check_msgf(
			               ck,
			               "Front matter lacks the required "
			               "key '%.*s'",
			               "元数据缺少必需的“%.*s”", (int)len, r));
	}
}

/* The entries of the YAML map MAP. */
static void check_map(tl_check *ck, yaml_document_t *yd, yaml_node_t *map)
{
	const tl_doc *doc = tl_check_doc(ck);
	size_t cap = (size_t)(map->data.mapping.pairs.top -
	                      map->data.mapping.pairs.start);
	fm_entry *es =
	    tl_arena_alloc(tl_check_arena(ck), (cap ? cap : 1) * sizeof *es);
	size_t n = 0;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(yd, p->key);
		yaml_node_t *v = yaml_document_get_node(yd, p->value);
		if (!k || !v || k->type != YAML_SCALAR_NODE)
			continue;
		fm_entry *e = &es[n++];
		e->key = (const char *)k->data.scalar.value;
		e->key_len = k->data.scalar.length;
		e->ks = mark_offset(doc, k->start_mark);
		e->ke = mark_offset(doc, k->end_mark);
		e->value = v->type == YAML_SCALAR_NODE
		               ? (const char *)v->data.scalar.value
		               : NULL;
		e->is_list = v->type == YAML_SEQUENCE_NODE;
		e->empty = is_empty(v);
		e->vs = mark_offset(doc, v->start_mark);
		e->ve = mark_offset(doc, v->end_mark);
	}
	check_entries(ck, es, n, doc->fm_start);
}

static void check_yaml(tl_check *ck, const tl_doc *doc)
{
	yaml_parser_t parser;
	yaml_document_t yd;
	size_t deep = tl_yaml_too_deep(doc->src->data + doc->fm_yaml_start,
	                               doc->fm_yaml_end - doc->fm_yaml_start);
	if (deep != TL_NONE) {
		report_at(ck, doc->fm_yaml_start + deep,
		          tl_check_msgf(ck,
		                        "YAML syntax error in front matter: "
		                        "nested deeper than %d levels",
		                        "元数据 YAML 语法错误：嵌套超过 %d 层",
		                        TL_YAML_MAX_FLOW_DEPTH));
		return;
	}
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(
	    &parser, (const unsigned char *)doc->src->data + doc->fm_yaml_start,
	    doc->fm_yaml_end - doc->fm_yaml_start);
	if (!yaml_parser_load(&parser, &yd)) {
		const char *problem =
		    parser.problem ? parser.problem : "cannot parse";
		report_at(ck, mark_offset(doc, parser.problem_mark),
		          tl_check_msgf(ck,
		                        "YAML syntax error in front "
		                        "matter: %s",
		                        "元数据 YAML 语法错误：%s", problem));
		yaml_parser_delete(&parser);
		return;
	}
	yaml_node_t *root = yaml_document_get_root_node(&yd);
	if (root && root->type == YAML_MAPPING_NODE)
		check_map(ck, &yd, root);
	else if (root && !is_empty(root))
		report_node(ck, root,
		            tl_check_msg(ck,
		                         "Front matter should be a map of keys "
		                         "and values",
		                         "元数据应为“键: 值”的映射"));
	else
		check_entries(ck, NULL, 0, doc->fm_start);
	yaml_document_delete(&yd);
	yaml_parser_delete(&parser);
}

/* ---- TOML (Hugo's "+++" front matter) -------------------------------------
 */

/*
 * Enough of TOML for front matter: the top-level "key = value" lines
 * (bare, quoted or dotted keys; strings, multi-line strings, arrays and
 * inline tables that may span lines, and bare values: numbers, dates,
 * booleans), up to the first [table] header, whose keys are not
 * top-level. A line that is none of these is a syntax error.
 */

typedef struct toml {
	const char *s;
	size_t p, end;
} toml;

static bool toml_blank(char c)
{
	return c == ' ' || c == '\t';
}

static void toml_skip_blank(toml *t)
{
	while (t->p < t->end && toml_blank(t->s[t->p]))
		t->p++;
}

static bool toml_eol(const toml *t)
{
	return t->p >= t->end || t->s[t->p] == '\n' || t->s[t->p] == '\r' ||
	       t->s[t->p] == '#';
}

/* Skips a string opening at t->p (quote Q, tripled when LONG); false when
 * it does not close. */
static bool toml_skip_string(toml *t, char q, bool lng)
{
	t->p += lng ? 3 : 1;
	while (t->p < t->end) {
		char c = t->s[t->p];
		if (!lng && (c == '\n' || c == '\r'))
			return false;
		if (c == '\\' && q == '"') {
			t->p += 2;
			continue;
		}
		if (c == q &&
		    (!lng || (t->p + 2 < t->end && t->s[t->p + 1] == q &&
		              t->s[t->p + 2] == q))) {
			t->p += lng ? 3 : 1;
			return true;
		}
		t->p++;
	}
	return false;
}

/* Skips one value at t->p; false on a syntax error. */
static bool toml_skip_value(toml *t)
{
	if (t->p >= t->end)
		return false;
	char c = t->s[t->p];
	if (c == '"' || c == '\'') {
		bool lng = t->p + 2 < t->end && t->s[t->p + 1] == c &&
		           t->s[t->p + 2] == c;
		return toml_skip_string(t, c, lng);
	}
	if (c == '[' || c == '{') {
		char close = c == '[' ? ']' : '}';
		t->p++;
		for (;;) {
			while (t->p < t->end &&
			       (toml_blank(t->s[t->p]) || t->s[t->p] == '\n' ||
			        t->s[t->p] == '\r' || t->s[t->p] == ','))
				t->p++;
			if (t->p < t->end && t->s[t->p] == '#') {
				while (t->p < t->end && t->s[t->p] != '\n')
					t->p++;
				continue;
			}
			if (t->p >= t->end)
				return false;
			if (t->s[t->p] == close) {
				t->p++;
				return true;
			}
			if (c == '{') {
				/* key = value */
				while (t->p < t->end && t->s[t->p] != '=' &&
				       t->s[t->p] != '\n')
					t->p++;
				if (t->p >= t->end || t->s[t->p] != '=')
					return false;
				t->p++;
				toml_skip_blank(t);
			}
			if (!toml_skip_value(t))
				return false;
		}
	}
	size_t s = t->p;
	while (t->p < t->end && !toml_eol(t) && t->s[t->p] != ',' &&
	       t->s[t->p] != ']' && t->s[t->p] != '}')
		t->p++;
	while (t->p > s && toml_blank(t->s[t->p - 1]))
		t->p--;
	return t->p > s;
}

static void check_toml(tl_check *ck, const tl_doc *doc)
{
	tl_arena *arena = tl_check_arena(ck);
	toml t = {doc->src->data, doc->fm_yaml_start, doc->fm_yaml_end};
	size_t cap = 16, n = 0;
	fm_entry *es = tl_arena_alloc(arena, cap * sizeof *es);
	while (t.p < t.end) {
		toml_skip_blank(&t);
		if (toml_eol(&t)) {
			while (t.p < t.end && t.s[t.p] != '\n')
				t.p++;
			t.p++;
			continue;
		}
		if (t.s[t.p] == '[')
			break; /* a table: its keys are not top-level */
		size_t ks = t.p;
		if (t.s[t.p] == '"' || t.s[t.p] == '\'') {
			if (!toml_skip_string(&t, t.s[t.p], false))
				goto error;
		} else {
			while (t.p < t.end && !toml_eol(&t) &&
			       t.s[t.p] != '=' && !toml_blank(t.s[t.p]))
				t.p++;
		}
		size_t ke = t.p;
		toml_skip_blank(&t);
		if (ke == ks || t.p >= t.end || t.s[t.p] != '=')
			goto error;
		t.p++;
		toml_skip_blank(&t);
		size_t vs = t.p;
		if (!toml_skip_value(&t))
			goto error;
		size_t ve = t.p;
		toml_skip_blank(&t);
		if (!toml_eol(&t))
			goto error;
		if (n == cap) {
			fm_entry *more =
			    tl_arena_alloc(arena, 2 * cap * sizeof *more);
			memcpy(more, es, cap * sizeof *es);
			es = more;
			cap *= 2;
		}
		fm_entry *e = &es[n++];
		bool quoted_key = t.s[ks] == '"' || t.s[ks] == '\'';
		e->key = tl_arena_strndup(arena, t.s + ks + quoted_key,
		                          ke - ks - 2 * quoted_key);
		e->key_len = strlen(e->key);
		e->ks = ks;
		e->ke = ke;
		char v0 = t.s[vs];
		e->is_list = v0 == '[';
		bool str = v0 == '"' || v0 == '\'';
		size_t q = str && ve - vs >= 6 && t.s[vs + 1] == v0 &&
		                   t.s[vs + 2] == v0
		               ? 3
		           : str ? 1
		                 : 0;
		e->value = v0 == '[' || v0 == '{'
		               ? NULL
		               : tl_arena_strndup(arena, t.s + vs + q,
		                                  ve - vs - 2 * q);
		e->empty = (e->value && !*e->value) ||
		           (e->is_list && ve - vs >= 2 &&
		            strspn(t.s + vs + 1, " \t\r\n") == ve - vs - 2);
		e->vs = vs;
		e->ve = ve;
		while (t.p < t.end && t.s[t.p] != '\n')
			t.p++;
		t.p++;
	}
	check_entries(ck, es, n, doc->fm_start);
	return;
error:
	report_at(ck, t.p < t.end ? t.p : t.end,
	          tl_check_msg(ck,
	                       "TOML syntax error in front matter: expected "
	                       "'key = value'",
	                       "元数据 TOML 语法错误：应为“key = value”"));
}

/* ---- LCTT header lines ------------------------------------------------------
 */

/* The end of the line starting at P (before its "\n", "\r\n" or "\r"). */
static size_t line_end(const tl_source *src, size_t p)
{
	while (p < src->len && src->data[p] != '\n' && src->data[p] != '\r')
		p++;
	return p;
}

static size_t next_line(const tl_source *src, size_t p)
{
	p = line_end(src, p);
	if (p < src->len && src->data[p] == '\r')
		p++;
	if (p < src->len && src->data[p] == '\n')
		p++;
	return p;
}

/* The offset of "[#]:" when the line at P is a header line (up to three
 * spaces of indentation, as a link reference definition), else TL_NONE. */
static size_t header_mark(const tl_source *src, size_t p)
{
	size_t e = line_end(src, p);
	for (int i = 0; i < 3 && p < e && src->data[p] == ' '; i++)
		p++;
	return e - p >= 4 && memcmp(src->data + p, "[#]:", 4) == 0 ? p
	                                                           : TL_NONE;
}

static bool blank_line(const tl_source *src, size_t p)
{
	size_t e = line_end(src, p);
	for (; p < e; p++)
		if (src->data[p] != ' ' && src->data[p] != '\t')
			return false;
	return true;
}

/* Reads the header lines "[#]: key: (value)" (or "value" in double
 * quotes, or bare) opening the document: blank lines before and between
 * them are allowed. Returns the offset of the first one, or TL_NONE. */
static size_t check_lctt(tl_check *ck, const tl_doc *doc)
{
	const tl_source *src = doc->src;
	const char *s = src->data;
	size_t p = src->body;
	while (p < src->len && blank_line(src, p))
		p = next_line(src, p);
	size_t top = p;
	if (p >= src->len || header_mark(src, p) == TL_NONE)
		return TL_NONE;

	size_t cap = 0, n = 0;
	for (size_t q = p; q < src->len; q = next_line(src, q)) {
		if (header_mark(src, q) != TL_NONE)
			cap++;
		else if (!blank_line(src, q))
			break;
	}
	fm_entry *es = tl_arena_alloc(tl_check_arena(ck), cap * sizeof *es);

	for (; p < src->len; p = next_line(src, p)) {
		size_t m = header_mark(src, p);
		if (m == TL_NONE) {
			if (blank_line(src, p))
				continue;
			break;
		}
		size_t e = line_end(src, p);
		size_t k = m + 4;
		while (k < e && (s[k] == ' ' || s[k] == '\t'))
			k++;
		size_t ke = k;
		while (ke < e && s[ke] != ':' && s[ke] != ' ' && s[ke] != '\t')
			ke++;
		if (ke == k || ke >= e || s[ke] != ':') {
			tl_check_report(
			    ck, m, e,
			    tl_check_msg(ck,
			                 "Header line should read "
			                 "'[#]: key: (value)'",
			                 "头部元数据行应为“[#]: 键: (值)”"),
			    NULL);
			continue;
		}
		size_t vs = ke + 1, ve = e;
		while (vs < ve && (s[vs] == ' ' || s[vs] == '\t'))
			vs++;
		while (ve > vs && (s[ve - 1] == ' ' || s[ve - 1] == '\t'))
			ve--;
		if (ve - vs >= 2 && ((s[vs] == '(' && s[ve - 1] == ')') ||
		                     (s[vs] == '"' && s[ve - 1] == '"'))) {
			vs++;
			ve--;
		}
		size_t ts = vs, te = ve; /* the value without blanks */
		while (ts < te && (s[ts] == ' ' || s[ts] == '\t'))
			ts++;
		while (te > ts && (s[te - 1] == ' ' || s[te - 1] == '\t'))
			te--;
		fm_entry *en = &es[n++];
		en->key = tl_arena_strndup(tl_check_arena(ck), s + k, ke - k);
		en->key_len = ke - k;
		en->ks = k;
		en->ke = ke;
		en->value =
		    tl_arena_strndup(tl_check_arena(ck), s + ts, te - ts);
		en->is_list = false;
		en->empty = te == ts;
		en->vs = ts;
		en->ve = te;
	}
	check_entries(ck, es, n, top);
	return top;
}

static void check_end(tl_check *ck, const tl_doc *doc)
{
	const char *carrier = tl_check_option(ck, "carrier");
	if (strcmp(carrier, "lctt") == 0) {
		if (check_lctt(ck, doc) == TL_NONE &&
		    tl_check_option_bool(ck, "require") &&
		    !tl_doc_is_readme(doc))
			report_top(
			    ck, doc->src->body,
			    tl_check_msg(ck,
			                 "The document has no '[#]: key: "
			                 "(value)' header lines",
			                 "文档缺少“[#]: 键: (值)”头部元数据"
			                 "行"));
		return;
	}
	tl_front_matter_kind kind = doc->fm_kind;
	if ((strcmp(carrier, "yaml") == 0 && kind != TL_FM_YAML) ||
	    (strcmp(carrier, "comment") == 0 && kind != TL_FM_COMMENT) ||
	    (strcmp(carrier, "toml") == 0 && kind != TL_FM_TOML))
		kind = TL_FM_NONE;
	if (kind == TL_FM_NONE) {
		if (tl_check_option_bool(ck, "require") &&
		    !tl_doc_is_readme(doc))
			report_top(
			    ck, doc->src->body,
			    tl_check_msg(ck, "The document has no front matter",
			                 "文档缺少元数据（front matter）"));
		return;
	}
	if (kind == TL_FM_TOML)
		check_toml(ck, doc);
	else
		check_yaml(ck, doc);
}

const tl_rule tl_rule_front_matter = {
    .name = "front-matter",
    .summary = "Front matter present, readable, complete and spelled right",
    .summary_zh = "元数据齐全、可解析、键名正确",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_NONE,
    .options = options,
    .description =
        "A README (`README.md` in any folder) is a note to its readers, "
        "not an article, and is not asked for one. "
        "Reads the front matter of the document with a YAML parser and "
        "reports: a document with no front matter (option `require`); "
        "YAML syntax errors, at their line and column in the Markdown "
        "file; required keys (option `required`) that are missing or "
        "empty; values of the wrong kind (option `fields`, a map of keys "
        "to kinds: `url` is an absolute http or https URL, `date` is "
        "YYYY-MM-DD with an optional time, `list` is a YAML list, "
        "`string` a single value); and unknown keys, with the nearest "
        "expected key when the unknown one looks like its misspelling "
        "(`origininallink` → `originallink`). With `known` empty, only "
        "such likely misspellings of the required and fields keys are "
        "reported; with `known` set, every key outside known, required "
        "and fields is. A key given twice is reported too.\n\n"
        "Four carriers are read (option `carrier`): a YAML block between "
        "`---` lines at the top, TOML between `+++` lines (Hugo; "
        "top-level `key = value` lines up to the first `[table]`, a "
        "line of another shape being a syntax error), YAML inside an "
        "HTML comment that opens "
        "the file (`<!--` … `-->`, as thenewstack-zh writes it), and, "
        "with `carrier: lctt` only, LCTT's header lines opening the file, "
        "`[#]: key: (value)` (or `[#]: key: \"value\"`, or a bare value; "
        "CommonMark reads them as link reference definitions, but they "
        "are metadata). Header values are single values, so a `list` kind "
        "never matches them; a header line that is not `[#]: key: value` "
        "is reported, and `require` then asks for the header lines.\n\n"
        "Why: translation sites build pages from these keys. A missing "
        "or misspelled `originallink` silently drops the credit to the "
        "original; an empty `cover` breaks the page.",
    .fix_doc = "None: the right value is the translator's to supply.",
    .description_zh =
        "README（任何文件夹中的 `README.md`）是写给读者的说明而不是文章，"
        "不要求它有这一项。"
        "用 YAML 解析器读取文档的前置元数据，并报告：没有前置元数据的文档"
        "（选项 `require`）；YAML 语法错误，给出它在 Markdown "
        "文件中的行号和列号；缺失或为空的必需键（选项 `required`）"
        "；类型不对的值（选项 `fields`，是键到类型的映射：`url` "
        "是绝对 http 或 https 地址，`date` 是 YYYY-MM-DD，可带时间，"
        "`list` 是 YAML 列表，`string` 是单个值）；以及未知的键，"
        "当它像是某个预期键的拼写错误时给出最接近的键（`origininallink` "
        "→ `originallink`）。`known` 为空时，只报告 `required` "
        "和 `fields` 中的键的这类疑似拼写错误；设置了 `known` "
        "时，报告 `known`、`required` 和 `fields` 之外的每一个键。"
        "重复出现的键也会报告。\n\n可以读取四种载体（选项 `carrier`）"
        "：文件开头 `---` 行之间的 YAML 块；`+++` 行之间的 TOML（Hugo；"
        "读取第一个 `[table]` 之前的顶层 `key = value` 行，其他形式的行是"
        "语法错误）；文件开头 HTML 注释（`<!--` "
        "… `-->`，thenewstack-zh 的写法）中的 YAML；以及仅在 "
        "`carrier: lctt` 时读取的、文件开头的 LCTT 头部行 `[#]: "
        "key: (value)`（或 `[#]: key: \"value\"`，或不加括号的值；"
        "CommonMark 把它们当作链接引用定义，但它们其实是元数据）"
        "。头部行的值都是单个值，因此 `list` 类型永远不匹配；"
        "不符合 `[#]: key: value` 形式的头部行会被报告，此时 "
        "`require` 要求的是头部行。\n\n原因：翻译网站根据这些键生成页面。"
        "缺失或拼错的 `originallink` 会悄无声息地丢掉对原文的署名；"
        "空的 `cover` 会让页面出错。",
    .fix_doc_zh = "无：正确的值要由译者提供。",
    .bad = "---\ntitle:\ndate: 2024-05-01\n---\n\n正文。\n",
    .good = "---\ntitle: 云原生的可移植性\ndate: 2024-05-01\n---\n\n"
            "正文。\n",
    .check_end = check_end,
};
