/*
 * untranslated: an English paragraph, heading or list item left in a
 * Chinese translation.
 *
 * Translators work paragraph by paragraph, and a skipped one reads fine
 * to a spelling checker: it is correct English. What gives it away is a
 * block of several English words with no Chinese at all in a document
 * that is otherwise Chinese. Which documents are "mostly Chinese" is known
 * only at the end, so check_run counts CJK characters and Latin words of
 * the whole document and keeps the candidate blocks in the rule's state;
 * check_end reports them when the counts say the document is Chinese.
 *
 * Left alone: code, URLs and math (opaque in the prose run), link and
 * image text (a link-only line names an English article), tables, block
 * quotes (English in a quote is quoted on purpose: program output, a
 * licence, the original's words), words glued to "/", "_", "=" or "\\"
 * (paths, identifiers, settings),
 * blocks with fewer than min-words counted words, names (a word with a
 * capital after its first letter, "GitHub", "API", is not counted, and a
 * block with fewer than two all-lowercase words is a list of names or a
 * title, not a sentence), and any top-level block whose source matches
 * skip-pattern (the attribution, quotes marked as the original).
 *
 * Nor are two kinds of English that need no translating: a reference
 * (a bibliography entry, "Mikolov T, Yih Wt, Zweig G (2013) ... In:
 * Proceedings ...", "Jan Holmevik, “The History of Simula,” accessed
 * January 31, 2019, <http://...>", or anything listed under a heading
 * such as 参考文献 or References), told by its marks (a year, a quoted
 * title ending in a comma, a venue word, a URL, authors with initials);
 * and code or program output that lost its fence ("dpkg: error: ...",
 * "E: Could not open lock file ...", "def main():"), told line by line
 * by what prose never has (a prompt, a log prefix, a lowercase keyword
 * starting the line, a line ending in ";" or "{", operators).
 */
#include "rule.h"

#include <string.h>

static const tl_option_def options[] = {
    {"min-words", TL_OPTION_INT, "8", NULL,
     "Fewest counted Latin words for a block to be reported.",
     "一个块至少要有多少个计入的拉丁单词才会被报告。"},
    {"skip-pattern", TL_OPTION_REGEX, "译自|原文|^via:", NULL,
     "PCRE2 pattern (multi-line): a top-level block whose source matches "
     "it is not checked (the attribution, quoted original text). Empty: "
     "every block is checked.",
     "PCRE2 模式（多行模式）：源文本匹配它的顶层块不做检查（出处块、"
     "引用的原文）。为空时检查每个块。"},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL, NULL},
};

typedef struct span {
	size_t start, end;
} span;

/* Per-document state. */
typedef struct state {
	bool ready;           /* RE and its match data are set, which waits for
	                         the first block that may be reported */
	const pcre2_code *re; /* NULL: the pattern is empty */
	pcre2_match_data *md;
	pcre2_match_context *mc;
	size_t cjk;   /* CJK characters of the document's prose */
	size_t words; /* Latin words of the document's prose */
	span *cand;   /* blocks to report if the document is Chinese */
	size_t ncand, cap;
	int refs; /* level of the reference-list heading we are under, or 0 */
} state;

static void compile_skip(tl_check *ck, state *st)
{
	st->ready = true;
	/* An empty pattern would match every block: it skips none. */
	if (!*tl_check_option(ck, "skip-pattern"))
		return;
	pcre2_general_context *gc = tl_regex_context(tl_check_arena(ck));
	st->re = tl_check_regex(ck, "skip-pattern");
	st->mc = pcre2_match_context_create(gc);
	pcre2_set_match_limit(st->mc, 100000);
	st->md = pcre2_match_data_create(1, gc);
}

/* Whether the top-level block holding RUN matches the skip pattern. */
static bool skipped(tl_check *ck, state *st, const tl_run *run)
{
	if (!st->ready)
		compile_skip(ck, st);
	if (!st->re)
		return false;
	cmark_node *top = run->node;
	if (!top) /* a footnote definition cmark dropped (runs.c) */
		return false;
	while (cmark_node_parent(top) && cmark_node_get_type(cmark_node_parent(
	                                     top)) != CMARK_NODE_DOCUMENT)
		top = cmark_node_parent(top);
	size_t s, e;
	tl_doc_node_span(run->doc, top, &s, &e);
	return pcre2_match(st->re, (PCRE2_SPTR)run->doc->src->data + s, e - s,
	                   0, 0, st->md, st->mc) >= 0;
}

static bool is_word_char(const tl_char *c)
{
	return c->kind == TL_CHAR_TEXT &&
	       ((c->cls & TL_CLS_LATIN) || (c->cls & TL_CLS_DIGIT) ||
	        c->cp == '\'' || c->cp == 0x2019 || c->cp == '-');
}

static bool is_glue(uint32_t cp)
{
	return cp == '/' || cp == '_' || cp == '=' || cp == '\\';
}

static bool is_upper(uint32_t cp)
{
	return cp >= 'A' && cp <= 'Z';
}

/* ---- References and code that are not prose ----------------------------- */

/* Does the NUL-terminated text P start with WORD, ending at a word
 * boundary (not followed by an ASCII letter)? */
static bool starts_word(const char *p, const char *word)
{
	size_t n = strlen(word);
	return strncmp(p, word, n) == 0 &&
	       !(((p[n] | 0x20) >= 'a' && (p[n] | 0x20) <= 'z'));
}

static bool is_alpha_ascii(char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static bool is_digit_ascii(char c)
{
	return c >= '0' && c <= '9';
}

/* Does the text [S, E) hold WORD at a word start? */
static bool has_word(const char *s, const char *e, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = s; p + n <= e; p++)
		if ((p == s || !is_alpha_ascii(p[-1])) &&
		    memcmp(p, word, n) == 0 &&
		    (p + n == e || !is_alpha_ascii(p[n]) ||
		     !is_alpha_ascii(word[n - 1])))
			return true;
	return false;
}

/* Words of the venue, pages or access date of a bibliography entry. */
static const char *const venue_words[] = {
    "Proceedings", "Journal",  "Conference", "Symposium", "Transactions",
    "In:",         "accessed", "Accessed",   "Retrieved", "retrieved",
    "doi:",        "DOI",      "arXiv",      "ISBN",      "et al",
    "pp.",         "vol.",     "Vol.",       "no. ",      "p. ",
    "eds.",        "Press",    "Magazine",   "Notices",   "Communications",
    "Quarterly",   "Review",   "Workshop",   "Thesis",    "Univ",
    NULL,
};

/* Does the text [S, E) open with an author's name as references write
 * it, after any "[1] " or "1. ": "Mikolov T, ...", "Lovelace, Ada. ...",
 * "T. Mikolov, ..."? */
static bool starts_with_author(const char *s, const char *e)
{
	const char *p = s;
	while (p < e && (*p == ' ' || *p == '[' || *p == ']' || *p == '.' ||
	                 is_digit_ascii(*p)))
		p++;
	/* "T. Mikolov" */
	if (e - p > 4 && p[0] >= 'A' && p[0] <= 'Z' && p[1] == '.' &&
	    p[2] == ' ' && p[3] >= 'A' && p[3] <= 'Z')
		return true;
	if (p >= e || *p < 'A' || *p > 'Z')
		return false;
	const char *w = p + 1;
	while (w < e && (is_alpha_ascii(*w) || *w == '\'' || *w == '-'))
		w++;
	if (w == p + 1 || w >= e)
		return false;
	/* "Lovelace, Ada": a surname and a comma before a capital. */
	if (w + 2 < e && w[0] == ',' && w[1] == ' ' && w[2] >= 'A' &&
	    w[2] <= 'Z')
		return true;
	/* "Mikolov T," or "Yih Wt,": one or two initials and a comma. */
	if (w[0] != ' ')
		return false;
	const char *i = w + 1;
	size_t caps = 0;
	while (i < e && *i >= 'A' && *i <= 'Z' && caps < 3) {
		i++;
		caps++;
	}
	if (i < e && *i >= 'a' && *i <= 'z' && caps == 1)
		i++;
	return caps >= 1 && i < e && (*i == ',' || *i == '.');
}

/* How much the text of RUN reads as a bibliography entry: one point for
 * each of a year, a venue word, a quoted title closed after its comma or
 * full stop, a URL or link, authors before a year in parentheses. */
static int citation_score(const tl_run *run)
{
	const char *s = run->text, *e = run->text + run->text_len;
	int year = 0, venue = 0, title = 0, link = 0, authors = 0;
	for (const char *p = s; p + 4 <= e; p++) {
		if ((p > s &&
		     (is_digit_ascii(p[-1]) || is_alpha_ascii(p[-1]))) ||
		    !((p[0] == '1' && p[1] == '9') ||
		      (p[0] == '2' && p[1] == '0')) ||
		    !is_digit_ascii(p[2]) || !is_digit_ascii(p[3]) ||
		    (p + 4 < e &&
		     (is_digit_ascii(p[4]) || is_alpha_ascii(p[4]))))
			continue;
		year = 1;
		/* "Zweig G (2013)": authors, then the year in parentheses. */
		if (p > s && p[-1] == '(' && p + 4 < e && p[4] == ')' &&
		    p - 1 > s && p[-2] == ' ')
			authors = 1;
	}
	for (size_t i = 0; venue_words[i] && !venue; i++)
		venue = has_word(s, e, venue_words[i]);
	title = strstr(s, ",\xE2\x80\x9D") || strstr(s, ".\xE2\x80\x9D") ||
	        strstr(s, ",\"") || strstr(s, ".\" ") != NULL;
	/* A name written surname first and a year: "Doe, John. 2019." */
	if (starts_with_author(s, e))
		authors = year ? 2 : 1;
	link = strstr(s, "\xE2\x86\xA9") != NULL; /* ↩, a footnote's way back */
	for (size_t i = 0; i < run->n && !link; i++)
		link = run->chars[i].kind == TL_CHAR_URL ||
		       (run->chars[i].flags & TL_CF_LINK);
	return year + venue + title + link + authors;
}

/* Is RUN a footnote definition ("[^1]: ...")? */
static bool is_footnote(const tl_run *run)
{
	const char *src = run->doc->src->data;
	return run->n > 0 && run->chars[0].kind == TL_CHAR_MARKUP &&
	       run->chars[0].end - run->chars[0].start > 2 &&
	       src[run->chars[0].start] == '[' &&
	       src[run->chars[0].start + 1] == '^';
}

/* Headings of a reference list: what comes under one is cited, not
 * written. Chinese words anywhere in a short heading, English ones as the
 * heading's start. */
static const char *const refs_zh[] = {
    "参考",     "文献",     "延伸阅读", "扩展阅读", "进一步阅读", "推荐阅读",
    "相关阅读", "相关链接", "注释",     "脚注",     "尾注",       NULL,
};
static const char *const refs_en[] = {
    "References",      "Reference", "Bibliography", "Further reading",
    "Further Reading", "Footnotes", "Notes",        "Sources",
    "Citations",       "Resources", "Links",        NULL,
};

/* A heading that opens with one of those words and is little more than
 * it ("参考资料", "References and notes"); "引用计数的实现" is about
 * something else. */
static bool is_refs_heading(const tl_run *run)
{
	if (run->n > 24)
		return false;
	const char *t = run->text;
	while (*t == ' ')
		t++;
	for (size_t i = 0; refs_zh[i]; i++)
		if (strncmp(t, refs_zh[i], strlen(refs_zh[i])) == 0)
			return run->n <= 12;
	size_t spaces = 0;
	for (const char *p = t; *p; p++)
		spaces += *p == ' ';
	for (size_t i = 0; refs_en[i]; i++)
		if (starts_word(t, refs_en[i]))
			return spaces <= 3;
	return false;
}

/* Lowercase words that start a line of code or a shell command, never an
 * English sentence (which starts with a capital). */
static const char *const code_starts[] = {
    "import ",  "from ",  "def ",    "class ",   "func ",   "function ",
    "return ",  "var ",   "let ",    "const ",   "public ", "private ",
    "static ",  "int ",   "void ",   "package ", "sudo ",   "apt ",
    "apt-get ", "yum ",   "dnf ",    "npm ",     "pip ",    "git ",
    "cd ",      "ls ",    "echo ",   "export ",  "docker ", "kubectl ",
    "curl ",    "wget ",  "chmod ",  "mkdir ",   "if ",     "for ",
    "while ",   "print(", "printf(", "#include", "#!/",     "$ ",
    "# ",       ">>> ",   "% ",      "PS ",      "C:\\",    NULL,
};

/* How much the line [S, E) of rendered text reads as code or program
 * output rather than prose. */
static int code_line_score(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (s == e)
		return 0;
	int score = 0;
	for (size_t i = 0; code_starts[i]; i++) {
		size_t n = strlen(code_starts[i]);
		if ((size_t)(e - s) >= n && memcmp(s, code_starts[i], n) == 0) {
			score += 2;
			break;
		}
	}
	/* A log prefix: "E: ...", "W: ...", "dpkg: error: ...",
	 * "fatal: ...", or LCTT metadata "[#]: subject: ...". */
	const char *p = s;
	while (p < e &&
	       (is_alpha_ascii(*p) || is_digit_ascii(*p) || *p == '-' ||
	        *p == '_' || *p == '.' || *p == '[' || *p == '#' || *p == ']'))
		p++;
	if (p > s && p + 1 < e && p[0] == ':' && p[1] == ' ') {
		const char *w = p + 2;
		if ((p - s == 1 && *s >= 'A' && *s <= 'Z') ||
		    (p - s >= 3 && memcmp(p - 3, "[#]", 3) == 0) ||
		    has_word(w, e, "error:") || starts_word(w, "error") ||
		    starts_word(w, "warning") || starts_word(w, "fatal") ||
		    starts_word(w, "E"))
			score += 2;
		if (starts_word(s, "error") || starts_word(s, "fatal") ||
		    starts_word(s, "warning"))
			score += 2;
	}
	char last = e[-1];
	if (last == ';' || last == '{' || last == '}')
		score += 2;
	/* "drwxr-xr-x 2 root root ...": a line of ls -l. */
	if (e - s > 10 && (s[0] == 'd' || s[0] == '-' || s[0] == 'l')) {
		bool mode = true;
		for (int k = 1; k < 10 && mode; k++)
			mode = strchr("rwxsStT-", s[k]) != NULL;
		if (mode)
			score += 2;
	}
	/* A prompt inside the line: "user@host:~$ ls", "[root@x ~]# ls". */
	static const char *const prompts[] = {"~$ ", "]$ ", "]# ", "~# ", NULL};
	bool prompt = false;
	for (size_t i = 0; prompts[i] && !prompt; i++) {
		size_t n = strlen(prompts[i]);
		for (const char *q = s; q + n <= e && !prompt; q++)
			prompt = memcmp(q, prompts[i], n) == 0;
	}
	score += prompt ? 2 : 0;
	/* A log line: a timestamp first ("2021-09-01 12:00:00",
	 * "12:00:01"), or a level in capitals ("INFO", "ERROR"). */
	if (e - s >= 8 && is_digit_ascii(s[0]) && is_digit_ascii(s[1]) &&
	    ((s[2] == ':' && is_digit_ascii(s[3])) ||
	     (is_digit_ascii(s[2]) && is_digit_ascii(s[3]) && s[4] == '-')))
		score += 2;
	static const char *const levels[] = {"INFO",  "WARN",  "WARNING",
	                                     "ERROR", "DEBUG", "TRACE",
	                                     "FATAL", NULL};
	for (size_t i = 0; levels[i]; i++)
		if (has_word(s, e, levels[i])) {
			score += 2;
			break;
		}
	/* Operators and call syntax. */
	static const char *const ops[] = {
	    "==", "!=",  "=>", "->", "::", "&&",  "||", "();",
	    "()", " = ", "{}", "</", "/>", " --", NULL};
	for (size_t i = 0; ops[i]; i++) {
		size_t n = strlen(ops[i]);
		for (const char *q = s; q + n <= e; q++)
			if (memcmp(q, ops[i], n) == 0) {
				score++;
				break;
			}
	}
	/* A call: an identifier glued to "(" ("print(\"hi\")"). */
	for (const char *q = s + 1; q < e; q++)
		if (*q == '(' && (is_alpha_ascii(q[-1]) || q[-1] == '_')) {
			score++;
			break;
		}
	return score;
}

/* Does RUN read as code or program output that lost its fence: at least
 * half its lines code-like, or, over three lines or more, every line
 * starting with the same word (a listing: "command 'x' from deb y")? */
static bool looks_like_code(const tl_run *run)
{
	size_t lines = 0, code = 0, same = 0;
	const char *first = NULL;
	size_t first_len = 0;
	const char *s = run->text, *end = run->text + run->text_len;
	while (s < end) {
		const char *e = memchr(s, '\n', (size_t)(end - s));
		if (!e)
			e = end;
		const char *w = s;
		while (w < e && *w == ' ')
			w++;
		const char *we = w;
		while (we < e && *we != ' ')
			we++;
		if (we > w) {
			lines++;
			code += code_line_score(s, e) >= 2;
			if (!first) {
				first = w;
				first_len = (size_t)(we - w);
				same = 1;
			} else if ((size_t)(we - w) == first_len &&
			           memcmp(w, first, first_len) == 0) {
				same++;
			}
		}
		s = e + 1;
	}
	return lines && (2 * code >= lines || (lines >= 3 && same == lines));
}

static void check_run(tl_check *ck, const tl_run *run)
{
	state *st = tl_check_state(ck, sizeof *st);

	/* A reference-list heading opens a section that ends at the next
	 * heading of its level or above. */
	if (run->kind == TL_BLOCK_HEADING && !(run->context & TL_CTX_QUOTE)) {
		if (st->refs && run->level <= st->refs)
			st->refs = 0;
		if (!st->refs && is_refs_heading(run))
			st->refs = run->level > 0 ? run->level : 1;
	}

	/* Only prose characters carry class bits: the model counted the
	 * CJK ones. Words start with a Latin letter: a run without one has
	 * none. */
	size_t cjk = run->ncjk, words = 0, counted = 0, lower = 0;
	size_t n = (run->cls_any & TL_CLS_LATIN) ? run->n : 0;
	for (size_t i = 0; i < n;) {
		const tl_char *c = &run->chars[i];
		if (!(c->cls & TL_CLS_LATIN) || c->kind != TL_CHAR_TEXT) {
			i++;
			continue;
		}
		/* A word: letters, with digits, apostrophes and hyphens. */
		size_t j = i;
		bool caps_inside = false, all_lower = true;
		while (j < run->n && is_word_char(&run->chars[j])) {
			if (is_upper(run->chars[j].cp)) {
				all_lower = false;
				caps_inside |= j > i;
			}
			j++;
		}
		words++;
		/* A word glued to "/", "_", "=" or "\\" is part of a path, an
		 * identifier or a setting, not of a sentence. */
		bool token = (i > 0 && is_glue(run->chars[i - 1].cp)) ||
		             (j < run->n && is_glue(run->chars[j].cp));
		if (!(c->flags & (TL_CF_LINK | TL_CF_IMAGE)) && !caps_inside &&
		    !token) {
			counted++;
			lower += all_lower;
		}
		i = j;
	}
	st->cjk += cjk;
	st->words += words;

	long min = tl_check_option_int(ck, "min-words");
	if (cjk || run->kind == TL_BLOCK_TABLE ||
	    (run->context & TL_CTX_QUOTE) || min < 1 || counted < (size_t)min ||
	    lower < 2 || skipped(ck, st, run))
		return;
	if (st->refs || citation_score(run) >= (is_footnote(run) ? 2 : 3) ||
	    looks_like_code(run))
		return;
	if (st->ncand == st->cap) {
		size_t cap = st->cap ? 2 * st->cap : 8;
		span *v = tl_arena_alloc(tl_check_arena(ck), cap * sizeof *v);
		if (st->ncand)
			memcpy(v, st->cand, st->ncand * sizeof *v);
		st->cand = v;
		st->cap = cap;
	}
	st->cand[st->ncand++] = (span){run->start, run->end};
}

static void check_end(tl_check *ck, const tl_doc *doc)
{
	(void)doc;
	state *st = tl_check_state(ck, sizeof *st);
	/* Mostly Chinese: at least as many CJK characters as Latin words.
	 * A Chinese technical article has several times more; a document
	 * left half in English still passes, an English one does not. */
	if (st->cjk == 0 || st->cjk < st->words)
		return;
	const char *msg =
	    tl_check_msg(ck, "This block looks untranslated (English only)",
	                 "此段似乎未翻译（只有英文）");
	for (size_t i = 0; i < st->ncand; i++)
		tl_check_report(ck, st->cand[i].start, st->cand[i].end, msg,
		                NULL);
}

const tl_rule tl_rule_untranslated = {
    .name = "untranslated",
    .summary = "No English paragraph left untranslated",
    .summary_zh = "不应遗留未翻译的英文段落",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_NONE,
    .options = options,
    .description =
        "Flags a paragraph, heading or list item with at least "
        "`min-words` Latin words and no CJK character, in a document "
        "whose prose is mostly Chinese (at least as many CJK characters "
        "as Latin words).\n\n"
        "Not counted: code spans, URLs, math, and the text of links and "
        "images (a line made of links names English articles); words with "
        "a capital letter after the first (`GitHub`, `API`), as names. A "
        "block with fewer than two all-lowercase words is taken for a "
        "title or a list of names and left alone. Words glued to `/`, `_`, "
        "`=` or `\\` are parts of paths, identifiers or settings and are "
        "not counted. Block quotes are not checked (English quoted on "
        "purpose: program output, a licence, the original's words), nor "
        "tables, "
        "nor any top-level block whose source matches `skip-pattern` (by "
        "default the attribution, `译自`/`原文`, and an LCTT `via:` "
        "line).\n\n"
        "References are cited, not written: a block that reads as a "
        "bibliography entry (three of a year, a venue word such as `In:`, "
        "`Proceedings`, `pp.` or `accessed`, a quoted title closed after "
        "its comma, a link or URL, authors before a year in parentheses or "
        "a name opening the entry surname first or with initials, "
        "`Mikolov T,`, `Lovelace, Ada.`, which with a year counts twice; "
        "two in a footnote definition) is left alone, and so is every "
        "block under a heading such as `参考文献`, `延伸阅读` or "
        "`References`, up to the next heading of its level. So is code or "
        "program output that lost its fence: a block at least half of whose "
        "lines read as code (a prompt, a log prefix such as `E:` or `dpkg: "
        "error:`, a log line's timestamp or level, a lowercase keyword or "
        "command starting the line, a line ending in `;` or `{`, operators "
        "and calls), or of three lines or "
        "more all starting with the same word.\n\n"
        "Why: a skipped paragraph is correct English, so no spelling "
        "checker sees it; only its language gives it away.",
    .fix_doc = "None: the paragraph needs translating.",
    .description_zh =
        "在正文以中文为主（中文字符数不少于拉丁单词数）的文档中，"
        "标记含有至少 `min-words` 个拉丁单词、却没有一个中文字符的段落、"
        "标题或列表项。\n\n不计入：行内代码、URL、数学公式，以及链接和图片的"
        "文字（由链接组成的一行是在列举英文文章）；首字母之后还有大写字母"
        "的单词（`GitHub`、`API`），它们是名称。全小写单词少于两个的块视为"
        "标题或名称列表，不做检查。与 `/`、`_`、`=` 或 `\\` 粘在一起的单词"
        "是路径、标识符或设置的一部分，不计入。不检查引用块（有意引用的英"
        "文：程序输出、许可证、原文的话），不检查表格，也不检查源文本匹配"
        " `skip-pattern` 的顶层块（默认是出处块 `译自`/`原文` "
        "和 LCTT 的 `via:` 行）。\n\n参考文献是引用而不是正文："
        "读起来像文献条目的块（年份、`In:`、`Proceedings`、`pp.`、"
        "`accessed` 这类出处词、逗号后闭合的带引号标题、链接或 URL、"
        "括号年份前的作者或以姓在前、缩写名字开头的作者名（`Mikolov T,`、"
        "`Lovelace, "
        "Ada.`，有年份时算两项），六者占三项；脚注定义中占两项）不做检查，"
        "`参考文献`、`延伸阅读`、`References` 这类标题下直到同级下一个标题"
        "的块也不检查。丢了代码围栏的代码或程序输出同样不检查：至少一半"
        "的行读起来像代码（提示符、`E:` 或 `dpkg: error:` "
        "这样的日志前缀、日志行的时间戳或级别、"
        "行首的小写关键字或命令、以 `;` 或 `{` 结尾、运算符和函数调用），"
        "或者三行以上且每行都以同一个词开头。\n\n原因：漏译的段落是正确的英文，"
        "拼写检查发现不了它；只有它所用的语言会暴露它。",
    .fix_doc_zh = "无：这一段需要翻译。",
    .bad = "开源模型是透明的，因此人们可以发现漏洞。\n\nThe open model is "
           "transparent, so people can find the bugs in it.\n",
    .good = "开源模型是透明的，因此人们可以发现漏洞。\n\n"
            "开放模型是透明的，所以人们可以发现其中的错误。\n",
    .check_run = check_run,
    .check_end = check_end,
};
