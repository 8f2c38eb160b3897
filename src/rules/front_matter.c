/*
 * front-matter: the metadata block at the top of a translated article is
 * missing, unreadable, incomplete or misspelled.
 *
 * Translation sites build their pages from it: a missing "originallink"
 * drops the credit to the original, an empty "cover" breaks the page, a
 * misspelled key ("origininallink") is silently ignored by the site
 * generator. Two carriers hold it (markdown.c finds both): a YAML block
 * between "---" lines, and YAML inside an HTML comment that opens the file
 * (the thenewstack-zh convention). The YAML text alone goes to libyaml;
 * its marks (line, column in characters, both relative to that text) are
 * mapped back to bytes of the Markdown file, so a syntax error points at
 * its real place.
 *
 * Option formats: required and known are lists of keys; fields is a list
 * of "key=kind" items (kind: url, date, list, string), since a
 * configuration option value is a string or a list of strings.
 */
#include "common.h"

#include <string.h>
#include <yaml.h>

static const tl_option_def options[] = {
    {"require", TL_OPTION_BOOL, "true", NULL,
     "Report a document that has no front matter."},
    {"required", TL_OPTION_LIST, "title", NULL,
     "Keys that must be present with a non-empty value."},
    {"fields", TL_OPTION_LIST, "", NULL,
     "Kinds of values, as key=kind items (kind: url, date, list, string), "
     "e.g. [cover=url, date=date]."},
    {"known", TL_OPTION_LIST, "", NULL,
     "Every other key allowed (with the required and fields keys). When "
     "empty, only keys that look like a misspelling of an expected key "
     "are reported."},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL},
};

/* ---- Lists of names ---------------------------------------------------- */

/* Whether NAME (N bytes) is one of the items of the ','-joined LIST; for
 * "key=kind" items only the key counts, and *KIND receives the kind. */
static bool list_has(const char *list, const char *name, size_t n,
                     const char **kind, size_t *kind_len)
{
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, ",");
		size_t klen = strcspn(p, "=,");
		if (klen == n && memcmp(p, name, n) == 0) {
			if (kind) {
				*kind = klen < len ? p + klen + 1 : "";
				*kind_len = klen < len ? len - klen - 1 : 0;
			}
			return true;
		}
		p += len;
		if (*p)
			p++;
	}
	return false;
}

/* Levenshtein distance of two short byte strings (keys). */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
	size_t row[64];
	if (na >= 64 || nb >= 64)
		return (size_t)-1;
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[nb];
}

typedef struct nearest {
	const char *name;
	size_t n;
	const char *best;
	size_t best_len;
	size_t best_d;
} nearest;

static void nearest_scan(nearest *s, const char *list)
{
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, ",");
		size_t klen = strcspn(p, "=,");
		size_t d = edit_distance(s->name, s->n, p, klen);
		if (klen > 0 && d < s->best_d) {
			s->best_d = d;
			s->best = p;
			s->best_len = klen;
		}
		p += len;
		if (*p)
			p++;
	}
}

/* ---- Positions ----------------------------------------------------------
 */

/* The byte offset of libyaml mark M in the YAML text starting at BASE. */
static size_t mark_offset(const tl_doc *doc, yaml_mark_t m)
{
	const char *s = doc->src->data;
	size_t p = doc->fm_yaml_start, end = doc->fm_yaml_end;
	for (size_t line = 0; line < m.line && p < end; p++) {
		if (s[p] == '\n' ||
		    (s[p] == '\r' && (p + 1 >= end || s[p + 1] != '\n')))
			line++;
	}
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

static void report_node(tl_check *ck, const yaml_node_t *node, const char *msg)
{
	const tl_doc *doc = tl_check_doc(ck);
	size_t s = mark_offset(doc, node->start_mark);
	size_t e = mark_offset(doc, node->end_mark);
	if (e <= s)
		report_at(ck, s, msg);
	else
		tl_check_report(ck, s, e, msg, NULL);
}

/* The first line of the front matter (or of the document). */
static void report_top(tl_check *ck, const char *msg)
{
	const tl_doc *doc = tl_check_doc(ck);
	size_t line = tl_source_line_index(doc->src, doc->fm_kind == TL_FM_NONE
	                                                 ? doc->src->body
	                                                 : doc->fm_start);
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

/* Checks value V of key KEY against KIND; reports when it is not one. */
static void check_kind(tl_check *ck, const char *key, const yaml_node_t *v,
                       const char *kind, size_t kind_len)
{
	const char *s = v->type == YAML_SCALAR_NODE
	                    ? (const char *)v->data.scalar.value
	                    : NULL;
	bool ok;
	const char *en, *zh;
	if (kind_len == 3 && memcmp(kind, "url", 3) == 0) {
		ok = s && is_url(s);
		en = "an absolute http or https URL";
		zh = "以 http:// 或 https:// 开头的完整网址";
	} else if (kind_len == 4 && memcmp(kind, "date", 4) == 0) {
		ok = s && is_date(s);
		en = "a date (YYYY-MM-DD, optionally with a time)";
		zh = "日期（YYYY-MM-DD，可带时间）";
	} else if (kind_len == 4 && memcmp(kind, "list", 4) == 0) {
		ok = v->type == YAML_SEQUENCE_NODE;
		en = "a list";
		zh = "列表";
	} else if (kind_len == 6 && memcmp(kind, "string", 6) == 0) {
		ok = s != NULL;
		en = "a single value";
		zh = "单个值";
	} else {
		return; /* an unknown kind: the configuration's business */
	}
	if (ok)
		return;
	report_node(ck, v,
	            tl_check_printf(
	                ck,
	                tl_check_msg(ck, "'%s' should be %s", "“%s”的值应为%s"),
	                key, tl_check_msg(ck, en, zh)));
}

/* ---- The check ------------------------------------------------------------
 */

static void check_keys(tl_check *ck, yaml_document_t *yd, yaml_node_t *map)
{
	const char *required = tl_check_option(ck, "required");
	const char *fields = tl_check_option(ck, "fields");
	const char *known = tl_check_option(ck, "known");

	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(yd, p->key);
		yaml_node_t *v = yaml_document_get_node(yd, p->value);
		if (!k || !v || k->type != YAML_SCALAR_NODE)
			continue;
		const char *key = (const char *)k->data.scalar.value;
		size_t n = k->data.scalar.length;
		bool dup = false;
		for (yaml_node_pair_t *q = map->data.mapping.pairs.start;
		     q < p && !dup; q++) {
			yaml_node_t *qk = yaml_document_get_node(yd, q->key);
			dup = qk && qk->type == YAML_SCALAR_NODE &&
			      qk->data.scalar.length == n &&
			      memcmp(qk->data.scalar.value, key, n) == 0;
		}
		if (dup) {
			/* YAML forbids it; Hugo keeps one of the two. */
			report_node(
			    ck, k,
			    tl_check_printf(
			        ck,
			        tl_check_msg(ck,
			                     "Duplicate front matter key "
			                     "'%s'",
			                     "元数据键“%s”重复"),
			        key));
			continue;
		}
		const char *kind;
		size_t kind_len;
		if (list_has(fields, key, n, &kind, &kind_len)) {
			if (!is_empty(v))
				check_kind(ck, key, v, kind, kind_len);
			continue;
		}
		if (list_has(required, key, n, NULL, NULL) ||
		    list_has(known, key, n, NULL, NULL))
			continue;
		nearest s = {key, n, NULL, 0, (size_t)-1};
		nearest_scan(&s, required);
		nearest_scan(&s, fields);
		nearest_scan(&s, known);
		size_t limit = n <= 4 ? 1 : n <= 10 ? 2 : 3;
		bool close = s.best && s.best_d <= limit;
		if (close)
			report_node(
			    ck, k,
			    tl_check_printf(
			        ck,
			        tl_check_msg(ck,
			                     "Unknown front matter key "
			                     "'%s'; did you mean '%.*s'?",
			                     "未知的元数据键“%s”，是否应为"
			                     "“%.*s”？"),
			        key, (int)s.best_len, s.best));
		else if (*known)
			report_node(ck, k,
			            tl_check_printf(
			                ck,
			                tl_check_msg(
			                    ck, "Unknown front matter key '%s'",
			                    "未知的元数据键“%s”"),
			                key));
	}

	/* Required keys: missing, or present with nothing in them. */
	for (const char *r = required; *r;) {
		size_t len = strcspn(r, ",");
		yaml_node_t *found = NULL;
		for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
		     p < map->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(yd, p->key);
			if (k && k->type == YAML_SCALAR_NODE &&
			    k->data.scalar.length == len &&
			    memcmp(k->data.scalar.value, r, len) == 0) {
				found = yaml_document_get_node(yd, p->value);
				if (!found)
					found = k;
				if (is_empty(found)) {
					report_node(
					    ck, k,
					    tl_check_printf(
					        ck,
					        tl_check_msg(
					            ck,
					            "Front matter key "
					            "'%.*s' is empty",
					            "元数据“%.*s”的值为空"),
					        (int)len, r));
				}
				break;
			}
		}
		if (!found && len > 0)
			report_top(
			    ck,
			    tl_check_printf(
			        ck,
			        tl_check_msg(ck,
			                     "Front matter lacks the required "
			                     "key '%.*s'",
			                     "元数据缺少必需的“%.*s”"),
			        (int)len, r));
		r += len;
		if (*r)
			r++;
	}
}

static void check_doc(tl_check *ck, const tl_doc *doc)
{
	if (doc->fm_kind == TL_FM_NONE) {
		if (tl_check_option_bool(ck, "require"))
			report_top(
			    ck,
			    tl_check_msg(ck, "The document has no front matter",
			                 "文档缺少元数据（front matter）"));
		return;
	}

	yaml_parser_t parser;
	yaml_document_t yd;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(
	    &parser, (const unsigned char *)doc->src->data + doc->fm_yaml_start,
	    doc->fm_yaml_end - doc->fm_yaml_start);
	if (!yaml_parser_load(&parser, &yd)) {
		const char *problem =
		    parser.problem ? parser.problem : "cannot parse";
		report_at(
		    ck, mark_offset(doc, parser.problem_mark),
		    tl_check_printf(ck,
		                    tl_check_msg(ck,
		                                 "YAML syntax error in front "
		                                 "matter: %s",
		                                 "元数据 YAML 语法错误：%s"),
		                    problem));
		yaml_parser_delete(&parser);
		return;
	}
	yaml_node_t *root = yaml_document_get_root_node(&yd);
	if (root && root->type == YAML_MAPPING_NODE)
		check_keys(ck, &yd, root);
	else if (root && !is_empty(root))
		report_node(ck, root,
		            tl_check_msg(ck,
		                         "Front matter should be a map of keys "
		                         "and values",
		                         "元数据应为“键: 值”的映射"));
	else
		check_keys(ck, &yd, &(yaml_node_t){.type = YAML_MAPPING_NODE});
	yaml_document_delete(&yd);
	yaml_parser_delete(&parser);
}

const tl_rule tl_rule_front_matter = {
    .name = "front-matter",
    .summary = "Front matter present, readable, complete and spelled right",
    .summary_zh = "元数据齐全、可解析、键名正确",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_NONE,
    .preset = "translation",
    .options = options,
    .description =
        "Reads the front matter of the document with a YAML parser and "
        "reports: a document with no front matter (option `require`); "
        "YAML syntax errors, at their line and column in the Markdown "
        "file; required keys (option `required`) that are missing or "
        "empty; values of the wrong kind (option `fields`, `key=kind` "
        "items: `url` is an absolute http or https URL, `date` is "
        "YYYY-MM-DD with an optional time, `list` is a YAML list, "
        "`string` a single value); and unknown keys, with the nearest "
        "expected key when the unknown one looks like its misspelling "
        "(`origininallink` → `originallink`). With `known` empty, only "
        "such likely misspellings of the required and fields keys are "
        "reported; with `known` set, every key outside known, required "
        "and fields is. A key given twice is reported too.\n\n"
        "Two carriers are read: a YAML block between `---` lines at the "
        "top, and YAML inside an HTML comment that opens the file "
        "(`<!--` … `-->`, as thenewstack-zh writes it).\n\n"
        "Why: translation sites build pages from these keys. A missing "
        "or misspelled `originallink` silently drops the credit to the "
        "original; an empty `cover` breaks the page.",
    .fix_doc = "None: the right value is the translator's to supply.",
    .bad = "---\ntitle:\ndate: 2024-05-01\n---\n\n正文。\n",
    .good = "---\ntitle: 云原生的可移植性\ndate: 2024-05-01\n---\n\n"
            "正文。\n",
    .check_doc = check_doc,
};
