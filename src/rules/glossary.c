/*
 * glossary: a term rendered against the project's glossary (DESIGN.md
 * section 8.3). A translation project keeps a glossary so that one English
 * term reads the same in every article (LCTT: fork is 复刻, Pod is 容器荚);
 * reviewers check it by hand, entry by entry, and miss some.
 *
 * The glossary is a YAML file named by `glossary: FILE` in the
 * configuration (src/glossary.h says what it holds and how its terms
 * match); it is read and compiled when the configuration loads. This rule
 * has two halves. Always: it flags a rendering the glossary rejects (分叉
 * for fork) wherever it stands in the prose of the translation. With an
 * original (check_original): it flags a translated block whose original
 * block holds a term of the glossary when the block holds none of the
 * term's accepted renderings (nor the English term, where the entry
 * keeps it), pointing at the term in the original.
 *
 * The with-original half reads each aligned pair: the terms of the
 * original blocks' prose (their bytes with code spans, link
 * destinations, inline HTML tags and code-like elements, and URLs masked
 * out), the renderings anywhere in the translated blocks of the pair.
 * It asks for presence per pair, not a count: a paragraph saying "fork"
 * twice is rendered when its translation says 复刻 once (a translation
 * may say it once, or use a pronoun). Left alone: pairs whose translated
 * blocks hold no CJK (left in English: source-untranslated's), template
 * and note blocks, a term followed by "(" (a function, "fork()") or
 * making a link's whole text ("[Pods][2]", a name), a term the
 * translation keeps in English text quoted from the original (cited), an
 * entry without
 * accepted renderings (it names a term that is not the glossary's, such
 * as "secure shell": the longest term at a place wins, so it shields
 * "shell"), and an entry whose rejected rendering the pair holds (the
 * other half reports that one, with its fix).
 *
 * Not flagged: a rejected rendering inside an accepted one of any entry
 * (a reject 容器 inside 容器荚), in code, URLs, link destinations, math,
 * inline HTML <code> or <kbd>, HTML comments and front matter; a Latin
 * rejected rendering inside English text (a title of the original quoted
 * in the translation, an English sentence): it is a citation there, not
 * a rendering.
 *
 * How it differs from terminology: terminology corrects the spelling of a
 * name that stays in English (Github → GitHub) from a built-in list, with
 * a safe fix; glossary checks the Chinese rendering of a term against the
 * project's own choices, and its fix (a rejected rendering replaced by the
 * one accepted rendering) is unsafe, since the same words may render
 * another term in that sentence.
 */
#include "glossary.h"
#include "rule.h"

#include <stdlib.h>
#include <string.h>

/* Are characters [I, J) plain prose: text, not a code span, a URL or
 * math (those are one U+FFFC each, which no needle holds, but a needle's
 * gap may step over a line break), and not inside code-like HTML? */
static bool prose(const tl_run *run, tl_run_html *html, size_t i, size_t j)
{
	for (size_t k = i; k < j; k++)
		if (run->chars[k].kind != TL_CHAR_TEXT &&
		    run->chars[k].kind != TL_CHAR_BREAK)
			return false;
	return !tl_run_html_in_code(html, i);
}

/* Is [S, E) of the run's text inside English text: a Latin needle in a
 * line, cell or link text that reads as English prose? */
static bool in_english(const tl_run *run, size_t i, tl_unit_cache *cache)
{
	tl_unit_span u;
	return tl_punct_unit(run, i, cache, &u) && u.english;
}

static void report(tl_check *ck, const tl_run *run, size_t i, size_t j,
                   const tl_gloss_entry *e)
{
	const tl_char *a = &run->chars[i], *b = &run->chars[j - 1];
	const char *src = run->doc->src->data + a->start;
	int len = (int)(b->end - a->start);
	tl_buf want = {0};
	tl_gloss_entry_renderings(e, tl_check_msg(ck, "\" or \"", "”或“"),
	                          &want);
	const char *msg = tl_check_msgf(
	    ck, "The glossary rejects \"%.*s\" for \"%s\"; write \"%s\"",
	    "术语表不用“%.*s”译“%s”，应写作“%s”", len, src, e->terms[0],
	    want.data);
	tl_buf_free(&want);
	/* One accepted rendering: offer it, as an unsafe fix (the same
	 * words may render another term here). */
	if (e->nzh == 1 && !e->keep_english && tl_run_editable(run, i, j)) {
		/* A Latin word rendered in Chinese loses the spaces that
		 * set it apart from Chinese text ("加入 whitelist，" ->
		 * "加入允许列表，"). */
		uint32_t cp;
		tl_utf8_decode(e->zh[0], strlen(e->zh[0]), &cp);
		size_t s = i, t = j;
		if (tl_char_is_cjk(cp) && !tl_run_is_cjk(run, i)) {
			if (tl_run_is_blank(run, i - 1) &&
			    tl_run_is_cjk_context(run, i - 2))
				s = i - 1;
			if (tl_run_is_blank(run, j) &&
			    tl_run_is_cjk_context(run, j + 1))
				t = j + 1;
			if (!tl_run_editable(run, s, t)) {
				s = i;
				t = j;
			}
		}
		tl_edit edit = {run->chars[s].start, run->chars[t - 1].end,
		                e->zh[0]};
		tl_fix fix = {TL_FIX_UNSAFE, &edit, 1};
		tl_check_report(ck, a->start, b->end, msg, &fix);
		return;
	}
	tl_check_report(ck, a->start, b->end, msg, NULL);
}

/* The accepted renderings found in RUN's text, as byte spans (caller
 * frees). */
static size_t accepted(const tl_glossary *g, const tl_run *run,
                       tl_gloss_hit **out)
{
	size_t n = 0, cap = 0;
	tl_gloss_hit *v = NULL, h;
	for (size_t from = 0; tl_glossary_find(g, TL_GLOSS_ZH, run->text,
	                                       run->text_len, from, &h);
	     from = h.end) {
		v = tl_grow(v, n, &cap, sizeof *v);
		v[n++] = h;
	}
	*out = v;
	return n;
}

static void check(tl_check *ck, const tl_run *run)
{
	const tl_glossary *g = tl_config_glossary(tl_check_config(ck));
	if (tl_glossary_needles(g, TL_GLOSS_REJECT) == 0)
		return;
	tl_gloss_hit h, *ok = NULL;
	size_t nok = 0, k = 0;
	bool have_ok = false;
	tl_run_html html;
	tl_run_html_init(&html, run);
	tl_unit_cache cache = {0};
	for (size_t from = 0; tl_glossary_find(g, TL_GLOSS_REJECT, run->text,
	                                       run->text_len, from, &h);
	     from = h.end) {
		if (!have_ok) {
			nok = accepted(g, run, &ok);
			have_ok = true;
		}
		while (k < nok && ok[k].end <= h.start)
			k++;
		if (k < nok && ok[k].start < h.end)
			continue; /* inside an accepted rendering */
		size_t i = tl_run_char_from(run, h.start),
		       j = tl_run_char_from(run, h.end);
		if (i >= j || !prose(run, &html, i, j))
			continue;
		unsigned char first = (unsigned char)run->text[h.start];
		bool latin = (first | 0x20) >= 'a' && (first | 0x20) <= 'z';
		if (latin && in_english(run, i, &cache))
			continue;
		report(ck, run, i, j, tl_glossary_entry(g, h.entry));
	}
	free(ok);
}

/* ---- With an original ------------------------------------------------------
 */

/* What a masked byte becomes: no letter, digit or separator, so a term
 * next to it still starts or ends a word. */
#define MASKED '\x01'

static bool ascii_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void mask(char *t, size_t from, size_t to)
{
	memset(t + from, MASKED, to - from);
}

/* Whether T[I..N) starts with the ASCII letters of W, without case. */
static bool starts_nocase(const char *t, size_t i, size_t n, const char *w)
{
	size_t k = 0;
	for (; w[k]; k++)
		if (i + k >= n || (t[i + k] | 0x20) != w[k])
			return false;
	return true;
}

/* The end of the inline HTML element or tag that starts at '<' at I
 * (after its closing tag for code-like elements, whose content is
 * code), or I when no tag starts there. */
static size_t tag_end(const char *t, size_t i, size_t n)
{
	static const char *const code_like[] = {"code", "kbd", "samp", "pre",
	                                        "tt",   "var", NULL};
	if (i + 1 >= n || !(ascii_alpha(t[i + 1]) || t[i + 1] == '/' ||
	                    t[i + 1] == '!' || t[i + 1] == '?'))
		return i;
	if (i + 3 < n && t[i + 1] == '!' && t[i + 2] == '-' &&
	    t[i + 3] == '-') {
		for (size_t k = i + 4; k + 2 < n; k++)
			if (t[k] == '-' && t[k + 1] == '-' && t[k + 2] == '>')
				return k + 3;
		return n;
	}
	const char *gt = memchr(t + i, '>', n - i);
	if (!gt)
		return i;
	size_t e = (size_t)(gt - t) + 1;
	for (size_t c = 0; code_like[c]; c++) {
		size_t l = strlen(code_like[c]);
		if (!starts_nocase(t, i + 1, n, code_like[c]) ||
		    ascii_alpha(t[i + 1 + l]))
			continue;
		/* Up to the closing tag, or the tag alone without one. */
		for (size_t k = e; k + 2 + l < n; k++)
			if (t[k] == '<' && t[k + 1] == '/' &&
			    starts_nocase(t, k + 2, n, code_like[c])) {
				const char *cg = memchr(t + k, '>', n - k);
				return cg ? (size_t)(cg - t) + 1 : n;
			}
		break;
	}
	return e;
}

/* The bytes [S, E) of DATA into OUT, with what is not prose masked: code
 * spans, link and image destinations and reference labels, inline HTML
 * tags (and the content of <code>, <kbd>...), HTML comments, bare URLs.
 * The same byte offsets as DATA's, from S. */
static void prose_copy(const char *data, size_t s, size_t e, tl_buf *out)
{
	out->len = 0;
	tl_buf_append(out, data + s, e - s);
	char *t = out->data;
	size_t n = e - s;
	/* The bytes where what is masked may start. */
	static const bool opens[256] = {
	    ['\\'] = true, ['`'] = true, [']'] = true, ['<'] = true,
	    ['h'] = true,  ['f'] = true, ['w'] = true};
	for (size_t i = 0; i < n;) {
		while (i < n && !opens[(unsigned char)t[i]])
			i++;
		if (i >= n)
			break;
		char c = t[i];
		if (c == '\\') {
			i += 2;
			continue;
		}
		if (c == '`') {
			size_t r = i;
			while (r < n && t[r] == '`')
				r++;
			size_t len = r - i, k = r, close = 0;
			while (k < n && !close) {
				if (t[k] != '`') {
					k++;
					continue;
				}
				size_t q = k;
				while (q < n && t[q] == '`')
					q++;
				if (q - k == len)
					close = q;
				k = q;
			}
			if (close) {
				mask(t, i, close);
				i = close;
			} else {
				i = r;
			}
			continue;
		}
		if (c == ']' && i + 1 < n &&
		    (t[i + 1] == '(' || t[i + 1] == '[')) {
			char open = t[i + 1], shut = open == '(' ? ')' : ']';
			size_t k = i + 2;
			int depth = 1;
			for (; k < n && depth; k++) {
				if (t[k] == '\\')
					k++;
				else if (t[k] == open)
					depth++;
				else if (t[k] == shut)
					depth--;
			}
			if (k > n)
				k = n;
			mask(t, i + 1, k);
			i = k;
			continue;
		}
		if (c == '<') {
			size_t k = tag_end(t, i, n);
			if (k > i) {
				mask(t, i, k);
				i = k;
				continue;
			}
		}
		if ((c == 'h' || c == 'f' || c == 'w') &&
		    (i == 0 || !ascii_alpha(t[i - 1])) &&
		    (starts_nocase(t, i, n, "http://") ||
		     starts_nocase(t, i, n, "https://") ||
		     starts_nocase(t, i, n, "ftp://") ||
		     starts_nocase(t, i, n, "www."))) {
			size_t k = i;
			while (k < n && !ascii_space(t[k]) && t[k] != '<' &&
			       t[k] != '>' && t[k] != '"')
				k++;
			mask(t, i, k);
			i = k;
			continue;
		}
		i++;
	}
}

/* Whether prose_copy() of bytes [S, E) of DATA may find a term that the
 * bytes themselves do not hold. Masking changes no byte a term matches
 * (a term never holds a masked byte), only what stands next to one. A
 * masked stretch begins with '`', '(', '[', '<' or a URL, and ends with
 * '`', ')', ']', '>', before a space, '<', '>' or '"', or at the end: as
 * a word's edge, each is what a masked byte is, but for a URL's first
 * letter, after which a term ending in a digit ("ipv6https://") or in
 * "/", ".", ":", "@" or "\\" ("repo.https://") ends no word until it is
 * masked. True when such a URL is there. */
static bool masked_edges(const char *data, size_t s, size_t e)
{
	static const char *const schemes[] = {"http", "https", "ftp"};
	const char *d = data + s, *end = data + e, *f = NULL, *g = NULL;
	size_t n = e - s;
	for (size_t c = 0; c < n; c++) {
		/* The URLs prose_copy() masks: "http://", "https://",
		 * "ftp://", "www.", without case; found by their ':' or '.'
		 * (the next of each, END for none). */
		if (!f || f < d + c) {
			f = memchr(d + c, ':', n - c);
			f = f ? f : end;
		}
		if (!g || g < d + c) {
			g = memchr(d + c, '.', n - c);
			g = g ? g : end;
		}
		const char *h = f < g ? f : g;
		if (h == end)
			return false;
		c = (size_t)(h - d);
		size_t at = n;
		if (d[c] == ':' && c + 2 < n && d[c + 1] == '/' &&
		    d[c + 2] == '/') {
			for (size_t k = 0; k < 3 && at == n; k++) {
				size_t l = strlen(schemes[k]);
				if (c >= l &&
				    starts_nocase(d, c - l, n, schemes[k]))
					at = c - l;
			}
		} else if (d[c] == '.' && c >= 3 &&
		           starts_nocase(d, c - 3, n, "www")) {
			at = c - 3;
		}
		if (at == n || at == 0)
			continue;
		char before = d[at - 1];
		if ((before >= '0' && before <= '9') ||
		    (before && strchr("/.:@\\", before)))
			return true;
	}
	return false;
}

/* What the translated blocks of a pair hold of each entry. */
enum { HAS_ZH = 1, HAS_TERM = 2, HAS_REJECT = 4, HAS_CITED = 8 };

/* The key a term is compared by for "kept in English": its letters
 * lowercased, spaces and hyphens left out, a final "s" dropped ("Live
 * USBs" and "live-usb" give "liveusb"). Into OUT, from [S, E). */
static void term_key(const char *s, const char *e, tl_buf *out)
{
	out->len = 0;
	for (; s < e; s++)
		if (*s != ' ' && *s != '-' && *s != '\n' && *s != '\t') {
			char c =
			    (char)((*s >= 'A' && *s <= 'Z') ? *s | 0x20 : *s);
			tl_buf_append(out, &c, 1);
		}
	if (out->len > 3 && out->data[out->len - 1] == 's')
		out->data[--out->len] = '\0';
	tl_buf_append(out, "", 0);
}

/* Words that make a stretch of Latin text English prose. */
static const char *const function_words[] = {
    "the", "a",    "an",   "and", "or",   "of",   "to",  "in",
    "on",  "at",   "by",   "for", "with", "is",   "are", "was",
    "be",  "this", "that", "it",  "you",  "your", "not", "does",
    "do",  "has",  "have", "can", "will", "from", "as",  NULL};

static bool is_function_word(const char *w, size_t n)
{
	for (size_t i = 0; function_words[i]; i++)
		if (strlen(function_words[i]) == n &&
		    strncasecmp(function_words[i], w, n) == 0)
			return true;
	return false;
}

/* Whether bytes [S, E) of T occur in [O, OE). */
static bool occurs(const char *t, size_t s, size_t e, const char *o,
                   const char *oe)
{
	size_t n = e - s;
	for (; n && o + n <= oe; o++)
		if (*o == t[s] && memcmp(o, t + s, n) == 0)
			return true;
	return false;
}

/* Whether the English term at [HS, HE) of T (N bytes) stands in English
 * text that the original block [O, OE) also has: an error message or a
 * title quoted in the translation (the stretch of ASCII around it, with
 * three words or more, one of them a function word, found in the
 * original as it is). It is a citation there, not a rendering. */
static bool cited(const char *t, size_t n, size_t hs, size_t he, const char *o,
                  const char *oe)
{
	size_t a = hs, b = he;
	while (a > 0 && (unsigned char)t[a - 1] < 0x80 && t[a - 1] != '\n')
		a--;
	while (b < n && (unsigned char)t[b] < 0x80 && t[b] != '\n')
		b++;
	/* Trimmed to letters at both ends. */
	while (a < hs && !ascii_alpha(t[a]))
		a++;
	while (b > he && !ascii_alpha(t[b - 1]))
		b--;
	size_t words = 0;
	bool function = false;
	for (size_t i = a; i < b;) {
		if (!ascii_alpha(t[i])) {
			if (t[i] == MASKED)
				return false; /* code or a link inside */
			i++;
			continue;
		}
		size_t w = i;
		while (i < b && ascii_alpha(t[i]))
			i++;
		words += i - w >= 2;
		function |= is_function_word(t + w, i - w);
	}
	return words >= 3 && function && occurs(t, a, b, o, oe);
}

/* Marks into HAS (one byte per entry) what T (N bytes, masked) holds,
 * and appends to KEPT the keys of the English terms it holds, each
 * followed by a newline. An English term inside a citation of the
 * original [O, OE) counts as HAS_CITED. */
static void scan_translation(const tl_glossary *g, const char *t, size_t n,
                             const char *o, const char *oe, unsigned char *has,
                             tl_buf *kept, tl_buf *tmp)
{
	static const struct {
		tl_gloss_kind kind;
		unsigned char bit;
	} kinds[] = {{TL_GLOSS_ZH, HAS_ZH},
	             {TL_GLOSS_TERM, HAS_TERM},
	             {TL_GLOSS_REJECT, HAS_REJECT}};
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		tl_gloss_hit h;
		for (size_t from = 0;
		     tl_glossary_find(g, kinds[k].kind, t, n, from, &h);
		     from = h.end) {
			has[h.entry] |= kinds[k].bit;
			if (kinds[k].kind != TL_GLOSS_TERM)
				continue;
			if (cited(t, n, h.start, h.end, o, oe))
				has[h.entry] |= HAS_CITED;
			term_key(t + h.start, t + h.end, tmp);
			tl_buf_append(kept, tmp->data, tmp->len);
			tl_buf_append(kept, "\n", 1);
		}
	}
}

/* Whether KEPT (scan_translation's) holds the key of [S, E). */
static bool is_kept(const tl_buf *kept, const char *s, const char *e,
                    tl_buf *tmp)
{
	term_key(s, e, tmp);
	for (size_t at = 0; at < kept->len;) {
		const char *nl = memchr(kept->data + at, '\n', kept->len - at);
		size_t l = (size_t)(nl - (kept->data + at));
		if (l == tmp->len && memcmp(kept->data + at, tmp->data, l) == 0)
			return true;
		at += l + 1;
	}
	return false;
}

/* Reports the term at original bytes [OS, OE) of entry E, absent from
 * the translation of pair K (KEPT: its English stands there). */
static void report_missing(tl_check *ck, const tl_pairing *p, size_t k,
                           size_t os, size_t oe, const tl_gloss_entry *e,
                           bool kept)
{
	size_t ts, te;
	tl_pairing_place(p, k, &ts, &te);
	tl_buf want = {0};
	tl_gloss_entry_renderings(e, tl_check_msg(ck, "\" or \"", "”或“"),
	                          &want);
	int len = (int)(oe - os);
	const char *term = p->src->data + os;
	if (kept)
		tl_check_report_original(
		    ck, ts, te, os, oe, TL_SEVERITY_OFF,
		    "\"%.*s\" of the original is kept in English in its "
		    "translation; the glossary renders it \"%s\"",
		    "原文的“%.*s”在译文中保留了英文，术语表译作“%s”", len, term,
		    want.data);
	else
		tl_check_report_original(
		    ck, ts, te, os, oe, TL_SEVERITY_OFF,
		    "\"%.*s\" of the original is not rendered as the glossary "
		    "says: no \"%s\" in its translation",
		    "原文的“%.*s”没有按术语表翻译：译文中没有“%s”", len, term,
		    want.data);
	tl_buf_free(&want);
}

/* Whether the pair's translated blocks hold any CJK ideograph: a block
 * left in English is the untranslated rules' finding, not a term's. */
static bool translated(const tl_pairing *p, const tl_align_pair *pr)
{
	for (size_t j = pr->trans; j < pr->trans + pr->ntrans; j++) {
		const tl_align_block *b = &p->al->trans->blocks[j];
		if (b->ncjk && !b->note)
			return true;
	}
	return false;
}

static void check_original(tl_check *ck, const tl_pairing *p)
{
	const tl_glossary *g = tl_config_glossary(tl_check_config(ck));
	if (!p->al || tl_glossary_needles(g, TL_GLOSS_TERM) == 0)
		return;
	const tl_align *al = p->al;
	size_t nentries = tl_glossary_count(g);
	unsigned char *has = calloc(nentries ? nentries : 1, 1);
	bool *told = calloc(nentries ? nentries : 1, sizeof *told);
	tl_buf ob = {0}, tb = {0}, kept = {0}, tmp = {0};
	for (size_t k = 0; k < al->npairs; k++) {
		const tl_align_pair *pr = &al->pairs[k];
		if (!pr->norig || !pr->ntrans || !translated(p, pr))
			continue;
		bool scanned = false;
		memset(told, 0, nentries * sizeof *told);
		/* The original blocks' bytes, where citations come from. */
		const char *os =
		    p->src->data + al->orig->blocks[pr->orig].start;
		const char *oe = p->src->data +
		                 al->orig->blocks[pr->orig + pr->norig - 1].end;
		for (size_t i = pr->orig; i < pr->orig + pr->norig; i++) {
			const tl_align_block *b = &al->orig->blocks[i];
			if (!tl_pairing_is_prose(b) || b->note ||
			    tl_pairing_is_template(b))
				continue;
			tl_gloss_hit h;
			/* A block whose own bytes hold no term holds none
			 * once masked, and is passed over without its copy:
			 * masking changes no byte a term matches, and starts
			 * no word (a masked stretch ends with '`', ')', ']',
			 * '>' or before a space, '<', '>' or '"': a word's
			 * edge, as the masked byte is). It may end one, after
			 * the bytes of a term that end no word where they
			 * stand (NEAR) and a URL glued to them
			 * (masked_edges()). */
			bool near;
			if (!tl_glossary_find_near(
			        g, TL_GLOSS_TERM, p->src->data + b->start,
			        b->end - b->start, 0, &h, &near) &&
			    !(near &&
			      masked_edges(p->src->data, b->start, b->end)))
				continue;
			prose_copy(p->src->data, b->start, b->end, &ob);
			for (size_t from = 0; tl_glossary_find(
			         g, TL_GLOSS_TERM, ob.data, ob.len, from, &h);
			     from = h.end) {
				const tl_gloss_entry *e =
				    tl_glossary_entry(g, h.entry);
				/* A masked byte inside: it spans code. A
				 * call ("fork()") is a function's name; a
				 * link's whole text ("[Pods][2]") names
				 * what it links to. */
				bool call =
				    h.end < ob.len && ob.data[h.end] == '(';
				bool label = h.start > 0 &&
				             ob.data[h.start - 1] == '[' &&
				             h.end < ob.len &&
				             ob.data[h.end] == ']';
				if (memchr(ob.data + h.start, MASKED,
				           h.end - h.start) ||
				    call || label || told[h.entry] ||
				    e->nzh == 0)
					continue;
				if (!scanned) {
					memset(has, 0, nentries);
					kept.len = 0;
					for (size_t j = pr->trans;
					     j < pr->trans + pr->ntrans; j++) {
						const tl_align_block *t =
						    &al->trans->blocks[j];
						prose_copy(p->trans->data,
						           t->start, t->end,
						           &tb);
						scan_translation(
						    g, tb.data, tb.len, os, oe,
						    has, &kept, &tmp);
					}
					scanned = true;
				}
				told[h.entry] = true;
				unsigned char f = has[h.entry];
				if ((f & (HAS_ZH | HAS_REJECT | HAS_CITED)) ||
				    (e->keep_english && (f & HAS_TERM)))
					continue;
				report_missing(
				    ck, p, k, b->start + h.start,
				    b->start + h.end, e,
				    (f & HAS_TERM) &&
				        is_kept(&kept, ob.data + h.start,
				                ob.data + h.end, &tmp));
			}
		}
	}
	tl_buf_free(&ob);
	tl_buf_free(&tb);
	tl_buf_free(&kept);
	tl_buf_free(&tmp);
	free(has);
	free(told);
}

const tl_rule tl_rule_glossary = {
    .name = "glossary",
    .summary = "Terms rendered as the project glossary says",
    .summary_zh = "术语按项目术语表翻译",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_UNSAFE,
    .options = NULL,
    .description =
        "Flags a rendering of a term that the project's glossary rejects "
        "(`分叉` where the glossary renders *fork* as `复刻`). The "
        "glossary is a YAML file named in the configuration, `glossary: "
        "FILE` (a path relative to the configuration file, or a list of "
        "them), a list of entries:\n\n"
        "```yaml\n"
        "- term: fork              # or a list: [repo, repository]\n"
        "  zh: 复刻                # or a list of accepted renderings\n"
        "  reject: [分叉]\n"
        "- term: shell\n"
        "  zh: 交互界面\n"
        "  keep-english: true      # \"shell\" may also stay in English\n"
        "```\n\n"
        "A configuration's glossary adds to the one of the files it "
        "extends; an entry sharing a term with an inherited one replaces "
        "it. The `lctt` preset ships LCTT's glossary (`rules/"
        "lctt.glossary.yml`, from LCTT's `Dict.md`). Mistakes in the file "
        "(an unknown key, a rendering both accepted and rejected, a term "
        "given twice) stop the run at their line and column, as other "
        "configuration errors do.\n\n"
        "With an original (`--source`, `source:` in the configuration), "
        "the rule also flags a translated block whose original block "
        "holds a term of the glossary when the translation holds none of "
        "the term's accepted renderings (`fork` translated as `派生`, or "
        "kept as `fork`; the English term counts as a rendering only "
        "with `keep-english: true`). The finding stands on the "
        "translated block's first line and points at the term in the "
        "original. Blocks are paired by the alignment "
        "(docs/alignment.md), and each pair is asked for presence, not a "
        "count: a paragraph that says *fork* twice is rendered when its "
        "translation says `复刻` once. Terms in the original's code "
        "spans, link destinations, URLs, inline HTML tags and `<code>` or "
        "`<kbd>` are not looked at, nor one followed by `(` (a "
        "function, `fork()`) or making a link's whole text (`[Pods][2]`, "
        "a name). A term the translation keeps inside English text "
        "that the original has as it is (an error message or a title "
        "quoted: three words or more, one of them a word such as *the*, "
        "*not*, *does*) is cited, not rendered, and passes. Left alone: "
        "a block whose translation has no CJK "
        "character (left in English: `source-untranslated` and "
        "`untranslated` report it), a pair whose translation holds a "
        "rejected rendering of the entry (reported once, as a rejected "
        "rendering), and an entry with no `zh`: it names a term that is "
        "not the glossary's, and since the longest term at a place "
        "wins, it shields a shorter one (`{term: secure shell, "
        "keep-english: true}` keeps *secure shell*, rendered `SSH`, "
        "from being read as *shell*).\n\n"
        "Matching: English terms and Latin renderings without regard to "
        "case and as whole words (not inside a longer word, an "
        "identifier, a path or a domain), terms also in the plural "
        "(`forks`, `repositories`); Chinese renderings anywhere, Chinese "
        "having no word boundaries; a space in a term or rendering "
        "matches any spaces, line breaks or hyphens, or none (`live "
        "USB`, `live-usb`, `立付USB`).\n\n"
        "Why: a project's glossary is how one term reads the same in "
        "every article; reviewers check it by hand, entry by entry.\n\n"
        "Not flagged: a rejected rendering inside an accepted one (a "
        "reject `容器` inside `容器荚`); code, URLs, link destinations, "
        "math, inline HTML `<code>` and `<kbd>`, HTML comments and front "
        "matter; a Latin rejected rendering inside English text, such as "
        "the original's title quoted in a link, where it is a citation, "
        "not a rendering.\n\n"
        "How it differs from `terminology`: `terminology` corrects the "
        "spelling of a name that stays in English (`Github` → `GitHub`) "
        "from a built-in list; `glossary` checks how the translation "
        "renders the project's terms, against the project's own list.",
    .fix_doc = "Unsafe, and only when the entry has exactly one accepted "
               "rendering and may not stay in English: the rejected "
               "rendering is replaced by it. The same words may render "
               "another term in that sentence, and the grammar around "
               "them may need a change: review each one.",
    .description_zh =
        "标记项目术语表不接受的译法（术语表把 *fork* 译作 `复刻` 时的 "
        "`分叉`）。术语表是一个 YAML 文件，在配置中用 `glossary: FILE` "
        "指定（相对于配置文件的路径，也可以是路径列表），内容是条目列表："
        "\n\n"
        "```yaml\n"
        "- term: fork              # 也可以是列表：[repo, repository]\n"
        "  zh: 复刻                # 也可以是可接受译法的列表\n"
        "  reject: [分叉]\n"
        "- term: shell\n"
        "  zh: 交互界面\n"
        "  keep-english: true      # 也可以保留英文 \"shell\"\n"
        "```\n\n"
        "配置的术语表会加到它所继承（extends）的文件的术语表上；"
        "与继承条目有相同术语的条目会替换继承的条目。`lctt` 预设附带 "
        "LCTT 的术语表（`rules/lctt.glossary.yml`，取自 LCTT 的 "
        "`Dict.md`）。文件中的错误（未知的键、既被接受又被拒绝的译法、"
        "重复的术语）会像其他配置错误一样，在其行列处终止运行。\n\n"
        "有原文时（`--source`，或配置中的 `source:`），本规则还会标记："
        "原文块中含有术语表的术语，而译文块中没有该术语任何可接受译法的"
        "情况（`fork` 译成了 `派生`，或保留为 `fork`；只有 "
        "`keep-english: true` 时英文术语才算译法）。问题报告在译文块的第一"
        "行，并指向原文中的术语。块与原文的配对来自对齐（docs/alignment.md），"
        "每一对只看有没有，不计次数：原文段落说了两次 *fork*，译文说了一次 "
        "`复刻` 就算译出。原文的行内代码、链接目标、URL、行内 HTML 标签以及 "
        "`<code>`、`<kbd>` 中的术语不检查，后跟 `(` 的术语（函数，"
        "`fork()`）和构成链接全部文字的术语（`[Pods][2]`，是名称）也不检查。"
        "译文保留在英文文字中、且原文原样含有这段文字的术语（引用的错误信息"
        "或标题：三个及以上单词，其中有 *the*、*not*、*does* 这样的词）"
        "是引用而不是译法，不报告。"
        "不检查：译文没有中文字符的块（仍是英文：由 `source-untranslated` 和 "
        "`untranslated` 报告），译文含有该条目被拒译法的配对（只按被拒译法"
        "报告一次），以及没有 `zh` 的条目：它指出一个不属于术语表的术语，"
        "而同一位置最长的术语优先，所以它能挡住其中较短的术语（"
        "`{term: secure shell, keep-english: true}` 让译作 `SSH` 的 "
        "*secure shell* 不被当作 *shell*）。\n\n"
        "匹配方式：英文术语和拉丁字母译法不区分大小写，按整词匹配"
        "（不在更长的单词、标识符、路径或域名之内），术语也匹配复数形式"
        "（`forks`、`repositories`）；中文译法在任何位置都匹配，"
        "因为中文没有词边界；术语或译法中的空格匹配任意空格、换行或连字符，"
        "也可以没有（`live USB`、`live-usb`、`立付USB`）。\n\n"
        "原因：术语表让同一个术语在每篇文章中读起来都一样；"
        "审校者要逐条人工核对。\n\n"
        "不标记：位于可接受译法之内的被拒译法（`容器荚` 中的被拒译法 "
        "`容器`）；代码、URL、链接目标、数学公式、行内 HTML 的 `<code>` "
        "和 `<kbd>`、HTML 注释和前置元数据；英文文本中的拉丁字母被拒译法，"
        "例如链接中引用的原文标题：那里是引用，不是译法。\n\n"
        "与 `terminology` 的区别：`terminology` 依据内置列表纠正保留英文的"
        "名称的拼写（`Github` → `GitHub`）；`glossary` "
        "依据项目自己的列表检查译文如何翻译项目的术语。",
    .fix_doc_zh = "不安全，且仅当条目恰有一个可接受译法、且不允许保留英文时"
                  "提供：把被拒译法替换为该译法。这些字在句中可能译的是"
                  "别的术语，周围的语法也可能需要调整：请逐条检查。",
    .bad = "先在 GitHub 上分叉这个项目。\n",
    .good = "先在 GitHub 上复刻这个项目。\n",
    .example_config = "glossary:\n"
                      "  - {term: fork, zh: 复刻, reject: [分叉]}\n",
    .check_run = check,
    .check_original = check_original,
};
