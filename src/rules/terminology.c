/*
 * terminology: a technology name in the wrong case or spelling ("Github",
 * "Javascript", "mac OS"), replaced by its proper spelling ("GitHub").
 *
 * Translators copy names as they remember them, and a reader who knows
 * the name notices; the Chinese copywriting guidelines that AutoCorrect
 * and lint-md follow ask for proper nouns in their official spelling.
 *
 * The built-in list is rules/terms.yml, embedded in the binary: each
 * proper spelling with the wrong spellings it catches, matched exactly
 * (case included) and as whole words only. A name is part of something
 * else when it touches a letter, a digit or an identifier character
 * ("github_token", "--github", "/usr/lib/node", "config.json",
 * "github.com/x"), and then it is left alone. A wrong spelling in lower
 * case ("github") is also left alone between Latin words or digits, where
 * it is likely a command or package name ("npm install typescript") or an
 * English phrase; in Chinese text ("使用 github 托管") it is a name.
 * A few more contexts say a word is not a name but a string or an
 * identifier, and are left alone too (see acceptable()): a short quoted
 * Latin label, a word being named ("名为 docker 的组"), capitals in a
 * title set in capitals, and the product names of the list's keep
 * section ("Grub Customizer").
 *
 * Configuration adds terms through the option `add`, a map from each
 * proper spelling to the PCRE2 patterns (UTF, case-sensitive unless one
 * says (?i)) of its wrong spellings: {Kubernetes: [k8s?, kubernetes]}. A
 * term's patterns are the alternatives of one pattern. Matches of an
 * added pattern obey the same whole-word rules, a match spelled exactly
 * as its term is never flagged, and where an added term and a built-in
 * one match the same text, the added one wins.
 *
 * State: the built-in list is loaded once per process, the first time the
 * rule runs (src/terms.c), into a table that is never written again and
 * is read by every thread. Added patterns are compiled when the
 * configuration loads (a pattern that does not compile is a configuration
 * error); each document matches them with its own match data.
 */
#include "rule.h"
#include "terms.h"

#include <stdlib.h>
#include <string.h>

static const tl_option_def options[] = {
    {"add", TL_OPTION_REGEX_MAP, "", NULL,
     "Extra terms, as a map {Term: [PATTERN, ...]}: each PATTERN (PCRE2) "
     "matches wrong spellings of Term.",
     "额外的名称，写成映射 {Term: [PATTERN, ...]}：每个 PATTERN（PCRE2）"
     "匹配 Term 的错误拼写。"},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL, NULL},
};

/* ---- Added terms (the add option) ------------------------------------ */

typedef struct added {
	const char *term;
	const pcre2_code *re;
} added;

/* Per-document state. */
typedef struct state {
	bool ready;
	added *a;
	size_t na;
	pcre2_match_data *md;
	pcre2_match_context *mc;
} state;

/* The added terms, compiled with the configuration, and what matching
 * them needs in this document (in the result's arena). */
static void added_load(tl_check *ck, state *st)
{
	st->ready = true;
	const tl_option_map *add = tl_check_map(ck, "add");
	if (add->n == 0)
		return;
	tl_arena *arena = tl_check_arena(ck);
	pcre2_general_context *gc = tl_regex_context(arena);
	st->mc = pcre2_match_context_create(gc);
	pcre2_set_match_limit(st->mc, 100000);
	pcre2_set_depth_limit(st->mc, 1000);
	st->a = tl_arena_alloc(arena, add->n * sizeof *st->a);
	for (size_t i = 0; i < add->n; i++) {
		/* A term written with no pattern adds nothing. */
		if (add->values[i].n == 0)
			continue;
		st->a[st->na].term = add->keys[i];
		st->a[st->na].re = add->patterns[i];
		st->na++;
	}
	if (st->na)
		st->md = pcre2_match_data_create(1, gc);
}

/* ---- Matching ---------------------------------------------------------- */

/* A match: run characters [i, j) spell TERM wrongly. */
typedef struct match {
	size_t i, j;
	const char *term;
} match;

static bool is_letter_digit(uint32_t c)
{
	return tl_char_is_latin_letter(c) || tl_char_is_digit(c);
}

/* Is character K an opaque element (code, URL, math) touching the match
 * with no gap, as in "`x`.github"? */
static bool touches_object(const tl_run *run, size_t k, size_t edge)
{
	const tl_char *c = &run->chars[k];
	if (c->kind != TL_CHAR_CODE && c->kind != TL_CHAR_URL &&
	    c->kind != TL_CHAR_MATH && c->kind != TL_CHAR_MARKUP)
		return false;
	return c->end == edge || c->start == edge;
}

/* Is the text [I, J) a word of its own: not glued to a letter, a digit or
 * an identifier, path, domain or option character on either side? */
static bool whole_word(const tl_run *run, size_t i, size_t j)
{
	if (i > 0) {
		const tl_char *b = &run->chars[i - 1];
		if (touches_object(run, i - 1, run->chars[i].start))
			return false;
		if (b->kind == TL_CHAR_TEXT &&
		    (is_letter_digit(b->cp) ||
		     (b->cp < 0x80 && strchr("_-./\\@#$~:=&%+*", (int)b->cp))))
			return false;
		/* A quote glued to a word in front: "git'github/x.git'". */
		if (b->kind == TL_CHAR_TEXT && b->cp == '\'' && i > 1 &&
		    tl_run_is_alnum(run, i - 2))
			return false;
	}
	if (j < run->n) {
		const tl_char *a = &run->chars[j];
		if (touches_object(run, j, run->chars[j - 1].end))
			return false;
		if (a->kind != TL_CHAR_TEXT)
			return true;
		if (is_letter_digit(a->cp) ||
		    (a->cp < 0x80 && strchr("_/\\@#$~=&%*+([{<", (int)a->cp)))
			return false;
		/* Sentence punctuation ends a word; inside a token it joins
		 * ("github.com", "node:18", "mysql,redis"). */
		if (a->cp < 0x80 && strchr(".-:,;!?'", (int)a->cp) &&
		    j + 1 < run->n && run->chars[j + 1].kind == TL_CHAR_TEXT) {
			uint32_t n = run->chars[j + 1].cp;
			if (is_letter_digit(n) || n == '_' || n == '/')
				return a->cp == '\'' && n == 's' &&
				       !(j + 2 < run->n &&
				         tl_run_is_alnum(run, j + 2));
		}
	}
	return true;
}

/* Is the nearest character before K (DIR -1) or from K on (DIR 1), past
 * spaces and ASCII punctuation on the same line, a Latin letter, a digit
 * or inline code? ("pip install numpy", "java / go / python", "omg!
 * ubuntu".) */
static bool latin_neighbour(const tl_run *run, size_t k, int dir)
{
	for (;;) {
		if (dir < 0) {
			if (k == 0)
				return false;
			k--;
		} else if (k >= run->n) {
			return false;
		}
		const tl_char *c = &run->chars[k];
		if (c->kind == TL_CHAR_TEXT && c->cp < 0x80 &&
		    !is_letter_digit(c->cp)) {
			if (dir > 0)
				k++;
			continue;
		}
		if (c->kind == TL_CHAR_CODE)
			return true;
		return c->kind == TL_CHAR_TEXT && is_letter_digit(c->cp);
	}
}

/* How many characters after a word a quoted label may run on. */
#define LABEL_MAX 32

/* Is [I, J) the start of a short quoted Latin label: right after an
 * opening quotation mark whose closing one follows within a few Latin
 * words ("搜索 “wireshark”", "“Websocket Out” 节点")? Such a label is a
 * literal string to type, search for or find on screen, more likely than
 * a name to correct. */
static bool quoted(const tl_run *run, size_t i, size_t j)
{
	static const uint32_t open[] = {'"',    '\'',   0x201C,
	                                0x2018, 0x300C, 0x300E};
	static const uint32_t close[] = {'"',    '\'',   0x201D,
	                                 0x2019, 0x300D, 0x300F};
	if (i == 0)
		return false;
	for (size_t q = 0; q < sizeof open / sizeof *open; q++) {
		if (!tl_run_is_cp(run, i - 1, open[q]))
			continue;
		for (size_t k = j; k < run->n && k < j + LABEL_MAX; k++) {
			const tl_char *c = &run->chars[k];
			if (tl_run_is_cp(run, k, close[q]))
				return true;
			if (c->kind != TL_CHAR_TEXT || c->cp >= 0x80)
				return false;
		}
		return false;
	}
	return false;
}

/* Does a naming word stand right before I ("名为 docker 的组", "叫做
 * linux 的用户"), making the word an identifier? */
static bool named(const tl_run *run, size_t i)
{
	static const uint32_t words[][2] = {
	    {0x540D, 0x4E3A}, /* 名为 */
	    {0x53EB, 0x505A}, /* 叫做 */
	    {0x540D, 0x53EB}, /* 名叫 */
	    {0x79F0, 0x4E3A}, /* 称为 */
	};
	while (i > 0 && tl_run_is_whitespace(run, i - 1))
		i--;
	if (i < 2)
		return false;
	for (size_t w = 0; w < sizeof words / sizeof *words; w++)
		if (tl_run_is_cp(run, i - 2, words[w][0]) &&
		    tl_run_is_cp(run, i - 1, words[w][1]))
			return true;
	return false;
}

/* How many bytes around a lower-case match also_glued looks at. */
#define GLUE_WINDOW 300

/* Does "命令" or "指令" (command), or "组" (a Unix group), follow J
 * ("没有发现 python 命令", "将用户添加到 docker 组")? */
static bool command(const tl_run *run, size_t j)
{
	while (j < run->n && tl_run_is_whitespace(run, j))
		j++;
	if (tl_run_is_cp(run, j, 0x7EC4)) /* 组 */
		return true;
	return j + 1 < run->n &&
	       (tl_run_is_cp(run, j, 0x547D) || tl_run_is_cp(run, j, 0x6307)) &&
	       tl_run_is_cp(run, j + 1, 0x4EE4);
}

/* Does the run also hold, nearby, the lower-case spelling [I, J) glued to
 * digits or identifier punctuation ("python3", "docker-compose",
 * "kube_config")? Then the run is about the command or package, and the bare
 * word is one too ("使用 python3 而不是 python"). */
static bool also_glued(const tl_run *run, size_t i, size_t j)
{
	const char *w = run->text + tl_run_toff(run, i);
	size_t len = tl_run_toff(run, j - 1) + 1 - tl_run_toff(run, i);
	/* Look nearby only, so that a block full of such words stays
	 * linear. */
	size_t from = tl_run_toff(run, i) > GLUE_WINDOW
	                  ? tl_run_toff(run, i) - GLUE_WINDOW
	                  : 0;
	size_t to = tl_run_toff(run, i) + len + GLUE_WINDOW;
	const char *t = run->text + from;
	const char *end = run->text + (to < run->text_len ? to : run->text_len);
	while ((size_t)(end - t) >= len) {
		const char *hit = memchr(t, *w, (size_t)(end - t) - len + 1);
		if (!hit)
			return false;
		if (memcmp(hit, w, len) == 0) {
			char b = hit > run->text ? hit[-1] : ' ';
			char a = hit + len < run->text + run->text_len
			             ? hit[len]
			             : ' ';
			if ((b > 0 && strchr("_-.", b)) ||
			    (b >= '0' && b <= '9') ||
			    (a > 0 && strchr("_-", a)) ||
			    (a >= '0' && a <= '9'))
				return true;
		}
		t = hit + 1;
	}
	return false;
}

/* Are characters [I, J) free of lower-case letters ("GITHUB")? */
static bool all_caps(const tl_run *run, size_t i, size_t j)
{
	for (size_t k = i; k < j; k++)
		if (run->chars[k].cp >= 'a' && run->chars[k].cp <= 'z')
			return false;
	return true;
}

/* Is the nearest Latin word before K (DIR -1) or from K on (DIR 1), past
 * spaces and ASCII punctuation, in capitals too ("### GOOGLE GKE",
 * "BACKYARDS GRAPHQL API")? Then the capitals are the style of a title,
 * not a misspelling. */
static bool caps_neighbour(const tl_run *run, size_t k, int dir)
{
	for (;;) {
		if (dir < 0 ? k == 0 : k >= run->n)
			return false;
		size_t c = dir < 0 ? k - 1 : k;
		const tl_char *ch = &run->chars[c];
		if (ch->kind != TL_CHAR_TEXT || ch->cp >= 0x80)
			return false;
		if (!is_letter_digit(ch->cp)) {
			k = dir < 0 ? k - 1 : k + 1;
			continue;
		}
		size_t letters = 0;
		for (;;) {
			uint32_t cp = run->chars[c].cp;
			if (cp >= 'a' && cp <= 'z')
				return false;
			letters += cp >= 'A' && cp <= 'Z';
			if (dir < 0 ? c == 0 : c + 1 >= run->n)
				break;
			c = dir < 0 ? c - 1 : c + 1;
			if (run->chars[c].kind != TL_CHAR_TEXT ||
			    !is_letter_digit(run->chars[c].cp) ||
			    run->chars[c].cp >= 0x80)
				break;
		}
		return letters >= 2;
	}
}

/* Can characters [I, J) be a flagged spelling: plain prose text written
 * as is in the source, in one piece, outside code-like HTML, a word of
 * its own, not a short quoted label (a literal string to type or search
 * for), not an identifier being named ("用户名为 Json"), when LOWER (a
 * lower-case spelling, which may be a command or a package as well as a
 * name) not among Latin words, not called a command ("python 命令"), and
 * not a command the same block writes as one ("python3"), and when in
 * capitals, not in a title set in capitals? */
static bool acceptable(const tl_run *run, tl_run_html *html, size_t i, size_t j,
                       bool lower)
{
	for (size_t k = i; k < j; k++) {
		const tl_char *c = &run->chars[k];
		if (c->kind != TL_CHAR_TEXT || (c->flags & TL_CF_LITERAL))
			return false;
		if (k > i && c->start != run->chars[k - 1].end)
			return false;
	}
	if (tl_run_html_in_code(html, i))
		return false;
	if (!whole_word(run, i, j))
		return false;
	if (quoted(run, i, j) || named(run, i))
		return false;
	if (lower &&
	    (latin_neighbour(run, i, -1) || latin_neighbour(run, j, 1) ||
	     command(run, j) || also_glued(run, i, j)))
		return false;
	if (all_caps(run, i, j) &&
	    (caps_neighbour(run, i, -1) || caps_neighbour(run, j, 1)))
		return false;
	return true;
}

static void report(tl_check *ck, const tl_run *run, const match *m)
{
	const tl_char *a = &run->chars[m->i], *b = &run->chars[m->j - 1];
	const char *src = run->doc->src->data + a->start;
	int len = (int)(b->end - a->start);
	const char *msg =
	    tl_check_msgf(ck, "Term spelled \"%.*s\"; write \"%s\"",
	                  "术语“%.*s”应写作“%s”", len, src, m->term);
	tl_edit edit = {a->start, b->end, m->term};
	tl_fix fix = {TL_FIX_SAFE, &edit, 1};
	tl_check_report(ck, a->start, b->end, msg, &fix);
}

/* Is the spelling V at character I part of a phrase of the keep list,
 * a name that is right as written ("Grub Customizer")? */
static bool kept(const tl_terms *t, const tl_run *run, size_t i,
                 const tl_term_variant *v)
{
	size_t at = tl_run_toff(run, i);
	for (size_t k = 0; k < t->nkeep; k++) {
		const char *phrase = t->keep[k];
		size_t plen = strlen(phrase);
		for (const char *q = strstr(phrase, v->text); q;
		     q = strstr(q + 1, v->text)) {
			size_t d = (size_t)(q - phrase);
			if (at >= d && at - d + plen <= run->text_len &&
			    memcmp(run->text + at - d, phrase, plen) == 0)
				return true;
		}
	}
	return false;
}

static int match_cmp(const void *a, const void *b)
{
	const match *x = a, *y = b;
	if (x->i != y->i)
		return x->i < y->i ? -1 : 1;
	return x->j > y->j ? -1 : x->j < y->j;
}

static bool has_upper_n(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (s[k] >= 'A' && s[k] <= 'Z')
			return true;
	return false;
}

/* The matches of the added patterns in RUN, sorted and not overlapping;
 * the caller frees *OUT. */
static size_t added_matches(const state *st, const tl_run *run, match **out)
{
	size_t n = 0, cap = 0;
	match *m = NULL;
	tl_run_html html;
	for (size_t a = 0; a < st->na; a++) {
		tl_run_html_init(&html, run);
		size_t off = 0;
		while (off <= run->text_len) {
			int rc =
			    pcre2_match(st->a[a].re, (PCRE2_SPTR)run->text,
			                run->text_len, off, 0, st->md, st->mc);
			if (rc < 0)
				break;
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(st->md);
			size_t so = ov[0], eo = ov[1];
			off = eo > so ? eo : so + 1;
			while (off < run->text_len &&
			       ((unsigned char)run->text[off] & 0xC0) == 0x80)
				off++;
			if (eo <= so)
				continue;
			size_t i = tl_run_char_from(run, so),
			       j = tl_run_char_from(run, eo);
			const char *term = st->a[a].term;
			if (i >= j || i >= run->n ||
			    (eo - so == strlen(term) &&
			     memcmp(run->text + so, term, eo - so) == 0))
				continue;
			if (!acceptable(run, &html, i, j,
			                !has_upper_n(run->text + so, eo - so)))
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				m = tl_xrealloc(m, cap * sizeof *m);
			}
			m[n++] = (match){i, j, term};
		}
	}
	if (n > 1) {
		qsort(m, n, sizeof *m, match_cmp);
		size_t w = 1;
		for (size_t k = 1; k < n; k++)
			if (m[k].i >= m[w - 1].j)
				m[w++] = m[k];
		n = w;
	}
	*out = m;
	return n;
}

static void check(tl_check *ck, const tl_run *run)
{
	state *st = tl_check_state(ck, sizeof *st);
	if (!st->ready)
		added_load(ck, st);
	const tl_terms *t = tl_terms_builtin();

	match *extra = NULL;
	size_t nextra = st->na ? added_matches(st, run, &extra) : 0, e = 0;

	/* No spelling starts with an ASCII code point of the run: no
	 * character below can start a match. */
	if (nextra == 0 && !(run->ascii[0] & t->first_mask[0]) &&
	    !(run->ascii[1] & t->first_mask[1])) {
		free(extra);
		return;
	}

	tl_run_html html;
	tl_run_html_init(&html, run);
	/* Where the next match of an added pattern starts (none: past the
	 * end), so that the loop tests one index. */
	size_t next_extra = nextra ? extra[0].i : SIZE_MAX;
	/* The run's array and length in locals: the compiler keeps them in
	 * registers across the calls in the loop. */
	const tl_char *chars = run->chars;
	size_t n = run->n;
	const char *text = run->text;
	for (size_t i = 0; i < n; i++) {
		if (i == next_extra) {
			report(ck, run, &extra[e]);
			i = extra[e++].j - 1;
			next_extra = e < nextra ? extra[e].i : SIZE_MAX;
			continue;
		}
		const tl_char *c = &chars[i];
		if (c->cp >= 0x80 || c->kind != TL_CHAR_TEXT)
			continue;
		/* Cheap test first: a word starts here (tl_run_is_alnum
		 * of the character before, which is in the run). */
		if (i > 0 && chars[i - 1].kind == TL_CHAR_TEXT &&
		    (chars[i - 1].cls & (TL_CLS_LATIN | TL_CLS_DIGIT)))
			continue;
		/* The run's text ends with a NUL: reading the byte after the
		 * first is safe. No spelling has a second byte of 0x80 or
		 * more (or a NUL). */
		size_t toff = tl_run_toff(run, i);
		unsigned char b2 = (unsigned char)text[toff + 1];
		if (b2 >= 0x80)
			continue;
		size_t p = tl_terms_pair_index(text + toff);
		size_t from = t->pair[p], to = t->pair[p + 1];
		for (size_t k = from; k < to; k++) {
			const tl_term_variant *v = &t->v[k];
			/* The first two bytes are equal already. */
			if (toff + v->len > run->text_len ||
			    memcmp(text + toff + 2, v->text + 2, v->len - 2) !=
			        0)
				continue;
			size_t j = i + v->len;
			if (j > n || (e < nextra && extra[e].i < j) ||
			    !acceptable(run, &html, i, j, v->lower) ||
			    kept(t, run, i, v))
				continue;
			match m = {i, j, t->terms[v->term]};
			report(ck, run, &m);
			i = j - 1;
			break;
		}
	}
	free(extra);
}

const tl_rule tl_rule_terminology = {
    .name = "terminology",
    .summary = "Technology names in their proper spelling",
    .summary_zh = "技术名词使用正确的拼写和大小写",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_SAFE,
    .options = options,
    .description =
        "Flags a known technology name in the wrong case or spelling "
        "(`Github`, `Javascript`, `mac OS`, `Postgresql`) and replaces it "
        "with its proper spelling (`GitHub`, `JavaScript`, `macOS`, "
        "`PostgreSQL`). The built-in list, `rules/terms.yml`, holds about "
        "250 names, each with the wrong spellings it catches; the option "
        "`add` adds more, as a map `{Kubernetes: [k8s?, kubernetes]}` from "
        "each proper spelling to PCRE2 patterns of its wrong spellings.\n\n"
        "Why: the Chinese copywriting guidelines followed by AutoCorrect "
        "and lint-md ask for proper nouns in their official spelling; a "
        "misspelt product name is the first thing a reader who knows it "
        "notices.\n\n"
        "Not flagged: a name inside a longer word or identifier "
        "(`github_token`, `my-javascript`), a path (`/usr/lib/node`), a "
        "file name (`config.json`), a domain (`github.com/x`), an option "
        "(`--github`); a short Latin label in quotes, a literal string to "
        "type, search for or find on screen (`输入 “docker”`, "
        "`“Websocket Out” 节点`); an identifier being named "
        "(`名为 docker 的组`); a lower-case spelling between Latin words "
        "or digits (`npm install typescript`, `python 3`), called a "
        "command (`python 命令`) or a group (`docker 组`), or next to the same "
        "word written as a "
        "command (`python3`); a capitalised spelling in a title set in "
        "capitals (`GOOGLE GKE`); a product named that way (the `keep` "
        "list of `rules/terms.yml`, such as `Grub Customizer`); code, "
        "URLs, math, inline HTML `<code>` and `<kbd>`, and front matter.",
    .fix_doc = "Safe: replaces the spelling with the term as listed. "
               "Nothing is changed where the name is written with "
               "escapes or entities, or split by inline markup.",
    .description_zh =
        "标记大小写或拼写不对的知名技术名称（`Github`、`Javascript`、"
        "`mac OS`、`Postgresql`），并替换为正确的拼写（`GitHub`、"
        "`JavaScript`、`macOS`、`PostgreSQL`）。内置列表 `rules/terms.yml"
        "` 收录了约 250 个名称，每个都附有它能识别的错误拼写；"
        "选项 `add` 可以添加更多，写成映射 `{Kubernetes: [k8s?, "
        "kubernetes]}`，从每个正确拼写映射到匹配其错误拼写的 PCRE2 "
        "模式。\n\n原因：AutoCorrect "
        "和 lint-md 所遵循的中文文案排版指北要求专有名词使用官方拼写；"
        "熟悉某个产品的读者，第一眼就会注意到它的名字拼错了。"
        "\n\n不标记：更长的单词或标识符中的名称（`github_token`、"
        "`my-javascript`），路径（`/usr/lib/node`），文件名（`config.json"
        "`），域名（`github.com/x`），选项（`--github`）；加引号的简短拉丁"
        "标签，即要输入、搜索或在屏幕上找到的字面字符串（`输入 "
        "“docker”`、`“Websocket Out” 节点`）；被命名的标识符（`名为 "
        "docker 的组`）；位于拉丁单词或数字之间的小写拼写（`npm "
        "install typescript`、`python 3`），作为命令或用户组称呼的（`python "
        "命令`、`docker 组`），或紧挨着写成命令形式的同一个词（`python3`）"
        "；全大写标题中的大写拼写（`GOOGLE GKE`）；本来就这样命名的产品（"
        "`rules/terms.yml` 的 `keep` 列表，例如 `Grub Customizer`）"
        "；以及代码、URL、数学公式、行内 HTML 的 `<code>` 和 "
        "`<kbd>`，和前置元数据。",
    .fix_doc_zh = "安全：把拼写替换为列表中的名称。名称用转义或字符实体书写，"
                  "或被行内标记分开时，不做改动。",
    .bad = "我们把 Javascript 代码托管在 Github 上，运行于 mac OS。\n",
    .good = "我们把 JavaScript 代码托管在 GitHub 上，运行于 macOS。\n",
    .check_run = check,
};
