/*
 * frontmatter.c: finds the front matter block at the top of a document
 * before it is parsed: YAML between "---" lines, TOML between "+++" lines
 * (Hugo's other carrier), or YAML inside an HTML comment on the first
 * line. The model blanks it out of the text cmark
 * parses (markdown.c), so that none of it can become prose, and the
 * front-matter rule reads its YAML.
 */
#include "model.h"

#include <string.h>

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
		size_t le = tl_line_end(s, e, p);
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
		p = tl_line_next(s, e, le);
	}
	return false;
}

/* Finds a front matter block at the top of the document: a YAML block
 * between "---" lines, or YAML inside an HTML comment that opens on the
 * first line (the thenewstack-zh convention). A comment that holds no
 * "key:" line, or that is a translint directive, is not front matter. */
void tl_frontmatter_find(tl_doc *doc)
{
	const char *s = doc->src->data;
	size_t len = doc->src->len;
	size_t p = doc->src->body;
	size_t e = tl_line_end(s, len, p);

	doc->fm_kind = TL_FM_NONE;
	doc->fm_start = doc->fm_end = TL_NONE;
	doc->fm_yaml_start = doc->fm_yaml_end = TL_NONE;

	bool toml = line_is(s, p, e, "+++");
	if (toml || line_is(s, p, e, "---")) {
		size_t yaml = tl_line_next(s, len, e);
		for (size_t q = yaml; q < len;) {
			size_t qe = tl_line_end(s, len, q);
			if (toml ? line_is(s, q, qe, "+++")
			         : line_is(s, q, qe, "---") ||
			               line_is(s, q, qe, "...")) {
				doc->fm_kind = toml ? TL_FM_TOML : TL_FM_YAML;
				doc->fm_start = p;
				doc->fm_end = tl_line_next(s, len, qe);
				doc->fm_yaml_start = yaml;
				doc->fm_yaml_end = q;
				return;
			}
			if (qe == len)
				break;
			q = tl_line_next(s, len, qe);
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
		doc->fm_end = tl_line_next(s, len, tl_line_end(s, len, c + 3));
		doc->fm_yaml_start = p + 4;
		doc->fm_yaml_end = c;
	}
}
