/*
 * source-code: a code block of the translation that differs from its
 * original's beyond indentation and white space.
 *
 * A code block is copied, not translated; what a translator may change
 * in it is its comments and the strings it prints, into Chinese. The
 * lines of the two blocks (align.h's line anchors: trimmed, runs of
 * spaces and tabs made one, blank lines left out) are compared as a diff
 * (longest common subsequence), and each stretch of differing lines is
 * a hunk. With comments: translated (the default), a translated line
 * holding CJK in a hunk may stand for an original line it translates:
 * a comment line for a comment line, another line for the original line
 * that starts with its code (what comes before its comment marker,
 * comment_at, or, without one, before its first CJK character, a string
 * it prints). Translated comment lines may be added, and original
 * comment lines dropped where translated lines stand in the hunk.
 * Everything else is reported, one finding a line. With comments: kept,
 * every differing line is reported. An original line damaged by the
 * conversion of a web page (curly quotes, Markdown links or escapes
 * inside code, a masked address) matches the translated line that
 * repairs it (normalize()). A hunk's lines are paired at the least
 * cost (judge()), so that a finding stands on the line it is about,
 * and a block rewritten whole is one finding (report_all()); spaces a
 * conversion or a translator moved (loosely_same()) and continuation
 * lines joined (joined()) are no difference;
 * what is not code in the original (prose, headings, labels a page put
 * in the block, elided output) may go, and lines of text (program
 * output, an HTML page's words) may be translated whole.
 */
#include "rule.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const tl_option_def options[] = {
    {"comments", TL_OPTION_ENUM, "translated", "translated|kept",
     "`translated`: a line holding CJK may translate a comment or string "
     "of the original's line; `kept`: code blocks must equal the "
     "original's.",
     "`translated`：含有中文的行可以是原文那一行的注释或字符串的译文；"
     "`kept`：代码块必须与原文相同。"},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL, NULL},
};

/* Above this many cells the diff gives way to a line-by-line comparison
 * (a code block of thousands of lines on both sides); so do a hunk's
 * pairing (judge()) and the comparison of a hunk's text (joined()). */
#define DIFF_CELLS (1u << 22)
#define HUNK_CELLS (1u << 16)

/* The wildcard normalize() puts for Cloudflare's e-mail mask: it matches
 * any run of characters but spaces (an address, a user@host prompt). */
#define WILD '\x01'

/* One line of a pair's code blocks. */
typedef struct line {
	const tl_align_anchor *an;
	const char *norm; /* the key as compared (normalize()) */
	bool shared;  /* norm is another's: the key, or the original line's */
	char *fixed;  /* an original's repaired too; NULL when the same */
	uint64_t h;   /* the hash of norm */
	uint64_t r;   /* of fixed; h when there is none */
	bool cjk;     /* holds CJK */
	bool text;    /* natural-language text (is_text()) */
	bool prose;   /* a sentence, heading or label (is_text()) */
	bool elision; /* output left out: "[...]", "…", "<< snip >>" */
	bool known;   /* cjk, text, prose and elision are set (line_know) */
} line;

typedef struct lines {
	line *v;
	size_t n;
} lines;

/* S after the spaces and no-break spaces (U+00A0, which web pages put
 * in code) that indent it. */
static const char *indent_skipped(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if ((unsigned char)s[0] == 0xC2 &&
		         (unsigned char)s[1] == 0xA0)
			s += 2;
		else
			return s;
	}
}

/* The hash of line S (FNV-1a, a word at a time: its values are only
 * compared with one another). */
static uint64_t fnv(const char *s)
{
	return tl_hash_words(14695981039346656037ull, s, strlen(s));
}

/* Removes every PAT from S, in place. */
static void drop_all(char *s, const char *pat)
{
	size_t pl = strlen(pat);
	char *w = strstr(s, pat);
	if (!w)
		return;
	for (const char *r = w; *r;)
		if (strncmp(r, pat, pl) == 0)
			r += pl;
		else
			*w++ = *r++;
	*w = 0;
}

/* The length of the prompt at the start of S when it is more than the
 * bare "$" or "#" the other side may have written: "user@host:~$",
 * "[user@host dir]#", "sh-5.0#", "/ #"; 0 for none. Its last character
 * goes to *MARK. */
static size_t prompt_len(const char *s, char *mark)
{
	/* A prompt ends within 64 bytes, in '$' or '#'. */
	size_t m = strnlen(s, 64);
	if (!memchr(s, '$', m) && !memchr(s, '#', m))
		return 0;
	size_t spaces = 0;
	for (size_t i = 0; s[i] && i < 64; i++) {
		if (s[i] == ' ' && ++spaces > 2)
			return 0;
		if ((s[i] != '$' && s[i] != '#') || i == 0 ||
		    (s[i + 1] && s[i + 1] != ' '))
			continue;
		size_t e = i;
		while (e > 0 && s[e - 1] == ' ')
			e--;
		bool ok = memchr(s, '@', e) || memchr(s, WILD, e) ||
		          (s[0] == '[' && s[e - 1] == ']') || s[e - 1] == ']' ||
		          (e == 1 && strchr("/~", s[0]));
		if (!ok) {
			/* A shell's own: "sh-5.0", "bash-4.2". */
			size_t a = 0;
			while (a < e && s[a] >= 'a' && s[a] <= 'z')
				a++;
			ok = a > 0 && a + 1 < e && s[a] == '-';
			for (size_t d = a + 1; ok && d < e; d++)
				ok =
				    (s[d] >= '0' && s[d] <= '9') || s[d] == '.';
		}
		if (!ok)
			return 0;
		*mark = s[i];
		return i + 1;
	}
	return 0;
}

/* KEY as compared: a pair of backticks around the whole line dropped
 * (Markdown a converter left inside code), a prompt made bare
 * (prompt_len), the entities of HTML decoded, no-break spaces made spaces,
 * runs of spaces made one. With REPAIR, for an original's line, also
 * what the conversion of a web page damaged and a translator repairs:
 * curly quotes (a word processor's) made straight, "…" made "...",
 * backslashes escaping punctuation ("\\---") dropped, Markdown links
 * inside code ("[printf][6](" for "printf(") made their text, the
 * "[code]" marks of a converter dropped, and Cloudflare's mask of an
 * e-mail address ("[email protected]") made a wildcard. Caller frees. */
static char *normalize(const char *key, bool repair)
{
	char *s = tl_xstrdup(indent_skipped(key));
	/* Every mark holds a '['. */
	if (repair && strchr(s, '[')) {
		/* Text before a "[code]" mark is the sentence that led to the
		 * code, which the conversion joined to its first line ("2.
		 * Rules by host. [code] - host: example.org"): the code is
		 * what follows. */
		char *mark = strstr(s, " [code] ");
		if (mark)
			memmove(s, mark + 8, strlen(mark + 8) + 1);
		static const char *const marks[] = {"`[/code]", "[/code]",
		                                    "[code]`", "[code]"};
		for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
			drop_all(s, marks[m]);
	}
	size_t n = strlen(s), i = 0;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n >= 2 && s[0] == '`' && s[n - 1] == '`')
		i = 1, n--;
	/* One pass, in place (what is written is never longer than what is
	 * read): what is replaced or dropped is replaced, and spaces and
	 * tabs of what results are made one space between words, none at
	 * the ends (SPACE: one is owed before the next byte written). */
	char *w = s;
	bool space = false;
#define PUT(c)                                                                 \
	do {                                                                   \
		char c_ = (c);                                                 \
		if (c_ == ' ' || c_ == '\t') {                                 \
			space = w > s;                                         \
		} else {                                                       \
			if (space)                                             \
				*w++ = ' ';                                    \
			space = false;                                         \
			*w++ = c_;                                             \
		}                                                              \
	} while (0)
	for (; i < n;) {
		/* FROM (LEN bytes, two at least) becomes TO; only in
		 * repairing, with REPAIR. Grouped by their first byte: GROUP
		 * below holds where each group is. */
		static const struct {
			const char *from;
			size_t len;
			const char *to;
			bool repair;
		} subs[] = {
		    {"&lt;", sizeof "&lt;" - 1, "<", false},
		    {"&gt;", sizeof "&gt;" - 1, ">", false},
		    {"&amp;", sizeof "&amp;" - 1, "&", false},
		    {"&quot;", sizeof "&quot;" - 1, "\"", false},
		    {"&#39;", sizeof "&#39;" - 1, "'", false},
		    {"&apos;", sizeof "&apos;" - 1, "'", false},
		    {"&nbsp;", sizeof "&nbsp;" - 1, " ", false},
		    {"\xC2\xA0", sizeof "\xC2\xA0" - 1, " ", false},
		    {"[email protected]", sizeof "[email protected]" - 1,
		     "\x01", true},
		    {"[email\xC2\xA0protected]",
		     sizeof "[email\xC2\xA0protected]" - 1, "\x01", true},
		    {"\xE2\x80\x9C", sizeof "\xE2\x80\x9C" - 1, "\"", true},
		    {"\xE2\x80\x9D", sizeof "\xE2\x80\x9D" - 1, "\"", true},
		    {"\xE2\x80\x9E", sizeof "\xE2\x80\x9E" - 1, "\"", true},
		    {"\xE2\x80\x98", sizeof "\xE2\x80\x98" - 1, "'", true},
		    {"\xE2\x80\x99", sizeof "\xE2\x80\x99" - 1, "'", true},
		    {"\xE2\x80\xA6", sizeof "\xE2\x80\xA6" - 1, "...", true},
		};

		/* 1: what is replaced or dropped starts with this byte; 2: a
		 * space or a tab. Others are copied as they are. */
		static const unsigned char kind[256] = {
		    ['&'] = 1,  [0xC2] = 1, ['['] = 1, [0xE2] = 1,
		    ['\\'] = 1, [' '] = 2,  ['\t'] = 2};
		unsigned char c = (unsigned char)s[i];
		if (!kind[c]) {
			if (space)
				*w++ = ' ';
			space = false;
			/* The run of bytes copied as they are: where nothing
			 * was left out before them (most lines), they stand
			 * where they are. */
			if (w == s + i) {
				do
					i++;
				while (i < n && !kind[(unsigned char)s[i]]);
				w = s + i;
			} else {
				do
					*w++ = s[i++];
				while (i < n && !kind[(unsigned char)s[i]]);
			}
			continue;
		}
		if (kind[c] == 2) {
			space = w > s;
			i++;
			continue;
		}
		/* The entries of SUBS that start with the byte, [lo, hi):
		 * none for a backslash. */
		static const unsigned char group[256][2] = {['&'] = {0, 7},
		                                            [0xC2] = {7, 8},
		                                            ['['] = {8, 10},
		                                            [0xE2] = {10, 16}};
		bool done = false;
		for (size_t e = group[c][0]; !done && e < group[c][1]; e++) {
			/* The second byte first: "&&" is no entity. */
			if (i + 1 >= n || subs[e].from[1] != s[i + 1] ||
			    (!repair && subs[e].repair))
				continue;
			size_t fl = subs[e].len;
			if (i + fl <= n &&
			    memcmp(s + i, subs[e].from, fl) == 0) {
				/* Never longer than what it replaces. */
				for (const char *t = subs[e].to; *t; t++)
					PUT(*t);
				i += fl;
				done = true;
			}
		}
		if (done)
			continue;
		if (repair && s[i] == '\\' && i + 1 < n &&
		    strchr("-*_#`[]()<>.!+", s[i + 1])) {
			i++;
			continue;
		}
		if (repair && s[i] == '[') {
			/* [text][digits] */
			size_t c = i + 1;
			while (c < n && s[c] != ']' && s[c] != '[')
				c++;
			size_t d = c + 2;
			while (d < n && s[d] >= '0' && s[d] <= '9')
				d++;
			if (c < n && c > i + 1 && s[c] == ']' && c + 1 < n &&
			    s[c + 1] == '[' && d > c + 2 && d < n &&
			    s[d] == ']') {
				for (size_t t = i + 1; t < c; t++)
					PUT(s[t]);
				i = d + 1;
				continue;
			}
		}
		PUT(s[i]);
		i++;
	}
#undef PUT
	*w = 0;
	char mark;
	size_t pl = prompt_len(s, &mark);
	if (pl) {
		s[0] = mark;
		memmove(s + 1, s + pl, strlen(s + pl) + 1);
	}
	return s;
}

/* Whether normalize() gives the N bytes at S as they are, repairing
 * them (REPAIR) or not: none of the bytes it replaces or drops, no NUL,
 * no tab, spaces one between words, no backticks around, no prompt. Most
 * code lines are (the alignment's keys have runs of spaces made one),
 * and are spared the copy. */
static bool normal_already(const char *s, size_t n, bool repair)
{
	/* 1: changes the line; 2: '&', an entity's start when followed by
	 * the first byte of one ("&&" is none); 3: a space, one too many
	 * at the start or after another. In repairing, also '[', '\\' and
	 * E2 (curly quotes, "…"). */
	static const unsigned char plain[256] = {
	    [0] = 1, ['\t'] = 1, [0xC2] = 1, ['&'] = 2, [' '] = 3};
	static const unsigned char repaired[256] = {
	    [0] = 1,   ['\t'] = 1, [0xC2] = 1, ['&'] = 2,
	    [' '] = 3, ['['] = 1,  ['\\'] = 1, [0xE2] = 1};
	const unsigned char *odd = repair ? repaired : plain;
	bool space = true; /* a space here is one too many */
	for (size_t i = 0; i < n; i++) {
		unsigned char k = odd[(unsigned char)s[i]];
		if (!k) {
			space = false;
			continue;
		}
		if (k == 3) {
			if (space)
				return false;
			space = true;
			continue;
		}
		if (k == 1 ||
		    (i + 1 < n && memchr("lgaqn#", s[i + 1], 6) != NULL))
			return false;
		space = false;
	}
	if ((n && s[n - 1] == ' ') ||
	    (n >= 2 && s[0] == '`' && s[n - 1] == '`'))
		return false;
	/* prompt_len() reads no further than a NUL or 64 bytes. */
	char line[65], mark;
	size_t m = n < 64 ? n : 64;
	memcpy(line, s, m);
	line[m] = 0;
	return prompt_len(line, &mark) == 0;
}

/* Whether NORM is a line that says output was left out: "[...]", "...",
 * "…", "<< snip >>", "[output omitted]". */
static bool is_elision(const char *norm)
{
	char rest[32];
	size_t k = 0;
	bool dots = false;
	for (const char *s = norm; *s; s++) {
		if (strncmp(s, "\xE2\x80\xA6", 3) == 0) {
			dots = true;
			s += 2;
			continue;
		}
		if (*s == '.')
			dots = true;
		if (strchr("[]()<>. ", *s))
			continue;
		if (k + 1 >= sizeof rest)
			return false;
		rest[k++] =
		    (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
	}
	rest[k] = 0;
	static const char *const words[] = {"snip",      "snipped",
	                                    "omitted",   "outputomitted",
	                                    "truncated", "outputtruncated"};
	if (!k)
		return dots;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(rest, words[i]) == 0)
			return true;
	return false;
}

/* Common English words: a line holding one is likelier a sentence than
 * a command. */
static bool is_stop_word(const char *w, size_t n)
{
	static const char *const stop[] = {
	    "a",    "an",   "the", "to",   "of",  "and", "or",   "is",
	    "are",  "be",   "you", "your", "in",  "on",  "for",  "with",
	    "this", "that", "it",  "will", "can", "not", "from", "as",
	    "by",   "at",   "if",  "we",   "was", "has", "have", "there"};
	if (n > 5)
		return false; /* longer than any */
	for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
		if (strlen(stop[i]) == n && strncasecmp(w, stop[i], n) == 0)
			return true;
	return false;
}

/* Judges whether original line KEY is natural-language text rather than
 * code, what the conversion of a web page leaves in code blocks and what
 * examples print: with its HTML tags and a heading's marks left out, it
 * is words (ASCII letters, with sentence punctuation around them) at
 * least as many as other tokens, and starts with a capital letter, ends
 * a sentence or a label (.!?:), or holds a common English word (TEXT:
 * "Sorting... Done", "Repo : baseos", "of the screen.</p>"). PROSE is
 * stricter, for a line that may be left out of a code block: nothing
 * but words, making a sentence (three words and a common one, or six),
 * a heading ("#### Enable PIE") or a label ("Syntax:", "Examples:"). */
static void is_text(const char *key, bool *text, bool *prose)
{
	const char *s = indent_skipped(key);
	bool heading = false;
	if (*s == '#') {
		const char *h = s;
		while (*h == '#')
			h++;
		heading = *h == ' ';
	}
	size_t words = 0, others = 0;
	bool upper = false, stop = false, end = false, first = true;
	char last = 0;
	for (const char *p = s; *p;) {
		if (*p == '<' &&
		    (p[1] == '/' || (p[1] >= 'a' && p[1] <= 'z'))) {
			const char *c = strchr(p, '>');
			if (c) {
				p = c + 1;
				continue;
			}
		}
		if (*p == ' ' || *p == '\t') {
			p++;
			continue;
		}
		const char *e = p + 1;
		while (*e && *e != ' ' && *e != '\t' && *e != '<')
			e++;
		/* The token [p, e): its core without punctuation around. */
		const char *a = p, *b = e;
		while (a < b && strchr("(\"'*_\\", *a))
			a++;
		while (b > a && strchr(".,:;!?)\"'*_\\", b[-1]))
			b--;
		if (e > p)
			last = e[-1];
		bool word = a < b, number = a < b, letter = false;
		for (const char *c = a; c < b; c++) {
			bool l = (*c >= 'a' && *c <= 'z') ||
			         (*c >= 'A' && *c <= 'Z');
			bool d = *c >= '0' && *c <= '9';
			letter |= l;
			word &= l || ((*c == '\'' || *c == '-') && c > a);
			number &= d || *c == '.' || *c == ',' || *c == '%';
		}
		word &= letter;
		if (word) {
			if (!words)
				upper = *a >= 'A' && *a <= 'Z';
			stop |= is_stop_word(a, (size_t)(b - a));
			words++;
		} else if (a < b && !number && !(heading && first)) {
			others++;
		}
		first = false;
		p = e;
	}
	end = last && strchr(".!?:", last);
	*text = words > 0 && words >= others && (upper || end || stop);
	*prose = *text &&
	         ((!others &&
	           ((words >= 3 && stop) || words >= 6 || (heading && upper) ||
	            (upper && words <= 3 && last == ':'))) ||
	          (words >= 6 && stop && others * 4 <= words));
}

/* Whether normalized line S is blank or a prompt alone ("$"): neither is
 * code a reader runs. */
static bool blank(const char *s)
{
	return !s[0] || strcmp(s, "$") == 0 || strcmp(s, "#") == 0;
}

/* The line of O (the original's lines) whose key is KEY, looked for
 * from *AT on, a few lines ahead (*AT moves past it); NULL when there is
 * none there. Most lines of a translated code block are their original
 * line as it is, in the same order. */
static const line *same_key(const lines *o, size_t *at, const char *key)
{
	for (size_t k = *at; k < o->n && k < *at + 4; k++)
		if (strcmp(o->v[k].an->key, key) == 0) {
			*at = k + 1;
			return &o->v[k];
		}
	return NULL;
}

/* The lines of blocks [FIRST, FIRST + N) of AD into L; ORIGINAL: the
 * original's, else the translation's, whose line written as in the
 * original's lines LIKE takes its normalized text and hash from there
 * (the same key normalizes the same: only an original's is repaired, in
 * FIXED apart). */
static void gather(lines *l, const tl_align_doc *ad, size_t first, size_t n,
                   bool original, const lines *like)
{
	size_t at = 0;
	size_t total = 0;
	for (size_t i = first; i < first + n; i++)
		total += ad->blocks[i].nanchors;
	l->v = tl_xcalloc(total + 1, sizeof *l->v);
	l->n = 0;
	for (size_t i = first; i < first + n; i++)
		for (size_t a = 0; a < ad->blocks[i].nanchors; a++) {
			const tl_align_anchor *an = &ad->blocks[i].anchors[a];
			if (an->type != TL_ANCHOR_LINE)
				continue;
			const line *o = like && !strstr(an->key, "code]")
			                    ? same_key(like, &at, an->key)
			                    : NULL;
			if (o) {
				line *ln = &l->v[l->n++];
				ln->an = an;
				ln->norm = o->norm;
				ln->shared = true;
				ln->h = ln->r = o->h;
				continue;
			}
			size_t kn = strlen(an->key);
			bool as_is = normal_already(an->key, kn, false);
			const char *norm =
			    as_is ? an->key : normalize(an->key, false);
			/* An original's repaired: only '[', '\\' and E2
			 * (curly quotes, "…") start what the repair changes,
			 * so NULL, the same as NORM, without them. */
			char *fixed = original && strpbrk(an->key, "[\\\xE2")
			                  ? normalize(an->key, true)
			                  : NULL;
			/* Blank (no-break spaces alone), or a prompt alone:
			 * neither is code a reader runs. */
			/* A converter's marks the translation kept from its
			 * original ("[/code] [code]"), which are no code. */
			if (!original && strstr(an->key, "code]")) {
				fixed = normalize(an->key, true);
				if (!blank(fixed)) {
					free(fixed);
					fixed = NULL;
				}
			}
			if (blank(norm) || (fixed && blank(fixed))) {
				if (!as_is)
					free((char *)norm);
				free(fixed);
				continue;
			}
			line *ln = &l->v[l->n++];
			ln->an = an;
			ln->norm = norm;
			ln->shared = as_is;
			ln->h = ln->r =
			    as_is ? tl_hash_words(14695981039346656037ull, norm,
			                          kn)
			          : fnv(norm);
			if (original && fixed && strcmp(fixed, norm) != 0) {
				ln->fixed = fixed;
				ln->r = fnv(fixed);
			} else {
				free(fixed);
			}
		}
}

/* Sets what judging a hunk asks of line LN of the original (ORIGINAL)
 * or of the translation, once: only the lines of a hunk and those next
 * to one are asked, and most lines of a block that differs are in none. */
static void line_know(line *ln, bool original)
{
	if (ln->known)
		return;
	ln->known = true;
	if (original) {
		is_text(ln->an->key, &ln->text, &ln->prose);
		ln->elision = is_elision(ln->norm);
	} else {
		ln->cjk = tl_text_has_cjk(ln->an->key);
	}
}

static void lines_free(lines *l)
{
	for (size_t i = 0; i < l->n; i++) {
		if (!l->v[i].shared)
			free((char *)l->v[i].norm);
		free(l->v[i].fixed);
	}
	free(l->v);
}

/* Whether X and Y are the same once their spaces and newlines are left
 * out: what matches() needs of two texts without a WILD, since only
 * spaces and newlines may pair with something other than themselves. */
static bool same_but_breaks(const char *x, const char *y)
{
	for (;;) {
		while (*x == ' ' || *x == '\n')
			x++;
		while (*y == ' ' || *y == '\n')
			y++;
		if (*x != *y)
			return false;
		if (!*x)
			return true;
		x++, y++;
	}
}

/* matches() for X without a WILD, in one pass: the characters but
 * spaces and newlines pair in order, each with itself, and between two
 * of them a stretch of spaces and newlines of X faces one of Y. A space
 * must pair with a space or a newline of the other side, a newline may
 * pair with either or with nothing, and any two of them may pair: the
 * stretches match when the spaces of each are no more than the length
 * of the other (pair that many of each side, the spaces among them, in
 * order). */
static bool breaks_match(const char *x, const char *y)
{
	for (;;) {
		size_t xs = 0, xl = 0, ys = 0, yl = 0;
		for (; *x == ' ' || *x == '\n'; x++, xl++)
			xs += *x == ' ';
		for (; *y == ' ' || *y == '\n'; y++, yl++)
			ys += *y == ' ';
		size_t need = xs > ys ? xs : ys;
		if (need > xl || need > yl || *x != *y)
			return false;
		if (!*x)
			return true;
		x++, y++;
	}
}

/* Whether original text X matches translated text Y: equal, but that a
 * WILD in X matches a run of characters but spaces and newlines in Y,
 * and that a newline on either side (where lines were joined) matches
 * nothing or a space on the other. Dynamic programming over the two
 * strings; false when they are too long for it. */
static bool matches_dp(const char *x, const char *y, size_t a, size_t b);

static bool matches(const char *x, const char *y)
{
	size_t a = strlen(x), b = strlen(y);
	bool wild = memchr(x, WILD, a) != NULL;
	if (!wild && !memchr(x, '\n', a) && !memchr(y, '\n', b))
		return a == b && memcmp(x, y, a) == 0;
	if (!wild && !same_but_breaks(x, y))
		return false;
	if ((a + 1) * (b + 1) > DIFF_CELLS)
		return false;
	if (!wild)
		return breaks_match(x, y);
	return matches_dp(x, y, a, b);
}

/* matches() by dynamic programming over X (A bytes) and Y (B bytes). */
static bool matches_dp(const char *x, const char *y, size_t a, size_t b)
{
	/* R[i][j]: x[i..] matches y[j..]; filled from the ends. */
	bool *R = tl_xcalloc((a + 1) * (b + 1), sizeof *R);
#define AT(i, j) R[(i) * (b + 1) + (j)]
	for (size_t i = a + 1; i-- > 0;)
		for (size_t j = b + 1; j-- > 0;) {
			bool m = false;
			if (i == a && j == b)
				m = true;
			if (!m && i < a && x[i] == WILD)
				m = AT(i + 1, j) ||
				    (j < b && y[j] != ' ' && y[j] != '\n' &&
				     AT(i, j + 1));
			else if (!m && i < a && x[i] == '\n')
				m = AT(i + 1, j) ||
				    (j < b && (y[j] == ' ' || y[j] == '\n') &&
				     AT(i + 1, j + 1));
			if (!m && j < b && y[j] == '\n')
				m = AT(i, j + 1) ||
				    (i < a && x[i] == ' ' && AT(i + 1, j + 1));
			if (!m && i < a && j < b && x[i] == y[j] &&
			    x[i] != WILD && x[i] != '\n')
				m = AT(i + 1, j + 1);
			AT(i, j) = m;
		}
	bool ok = AT(0, 0);
#undef AT
	free(R);
	return ok;
}

/* Whether a space may stand between A and B in a translated line where
 * its original has none: after a comma, a semicolon, a closing bracket
 * or an operator, or before an opening bracket or an operator; not
 * inside a word, a path, a URL or an option ("gitlab .com"). */
static bool spaced(char a, char b)
{
	return (a && strchr(",;=|&)]}>", a)) || (b && strchr("=|&([{<", b));
}

/* Whether original line X (normalized) and translated line Y differ only
 * where a translator repairs what the conversion of a web page did to a
 * line, or lays it out otherwise: a space of the original left out (a
 * word split, "np.arr ay", "TestClass. java", "f (x)"), a space added
 * after a comma or around an operator or bracket ("[[1,2], [3,4]]",
 * "C = inv(A)"; not inside a word, path or URL: spaced()), and the angle
 * brackets a converter put around a URL ("'<https://example.com>'"). */
static bool loosely_same(const char *x, const char *y)
{
	size_t i = 0, j = 0;
	bool autolink = false;
	for (;;) {
		if (!x[i] && !y[j])
			return true;
		if (x[i] && x[i] == y[j]) {
			i++, j++;
		} else if (x[i] == ' ') {
			i++;
		} else if (y[j] == ' ' && j > 0 && spaced(y[j - 1], y[j + 1])) {
			j++;
		} else if (x[i] == '<' && strncmp(x + i + 1, "http", 4) == 0) {
			autolink = true;
			i++;
		} else if (x[i] == '>' && autolink) {
			autolink = false;
			i++;
		} else {
			return false;
		}
	}
}

/* S with each run of three dashes or more made "---", into B. */
static void dashes_made_one(tl_buf *b, const char *s)
{
	for (size_t i = 0; s[i];) {
		size_t r = 0;
		while (s[i + r] == '-')
			r++;
		if (r >= 3) {
			tl_buf_puts(b, "---");
			i += r;
		} else {
			tl_buf_append(b, s + i, 1);
			i++;
		}
	}
	tl_buf_append(b, "", 1);
}

/* How many curly quotes S holds. */
static size_t curly(const char *s)
{
	size_t n = 0;
	for (; (s = strstr(s, "\xE2\x80")) != NULL; s += 2)
		n += (unsigned char)s[2] >= 0x98 && (unsigned char)s[2] <= 0x9D;
	return n;
}

/* Whether original line O and translated line T are the same; also
 * where the original's conversion left what the translation keeps in
 * another form: a ruler of dashes it ate ("\---- Queues ----" for
 * "------ Queues --------", its end lost too), curly quotes that the
 * translation curls otherwise (no more of them than the original has). */
static bool same_line(const line *o, const line *t)
{
	if (strcmp(o->norm, t->norm) == 0 ||
	    (o->fixed && matches(o->fixed, t->norm)) ||
	    loosely_same(o->fixed ? o->fixed : o->norm, t->norm))
		return true;
	if (!o->fixed)
		return false;
	bool same = false;
	if (strstr(o->an->key, "\\--") && strstr(t->norm, "---")) {
		tl_buf x = {0}, y = {0};
		dashes_made_one(&x, o->fixed);
		dashes_made_one(&y, t->norm);
		/* Also where the conversion lost the ruler's end. */
		size_t xl = strlen(x.data);
		same = strcmp(x.data, y.data) == 0 ||
		       (strncmp(x.data, y.data, xl) == 0 &&
		        strcmp(y.data + xl, " ---") == 0);
		tl_buf_free(&x);
		tl_buf_free(&y);
	}
	size_t q = curly(t->an->key);
	if (!same && q && q <= curly(o->an->key)) {
		char *tf = normalize(t->an->key, true);
		same = matches(o->fixed, tf);
		free(tf);
	}
	return same;
}

/* Comment markers: anywhere after a space, or only at the start of a
 * line (where "--", ";" and "*" are not options, statements or
 * arithmetic). */
/* Each opens with '#', '/' or '<' (comment_at()). */
static const char *const markers_any[] = {"#", "//", "/*", "<!--"};
static const char *const markers_start[] = {"--", ";", "%", "*", "REM "};

/* Where the first comment marker of S (N bytes) is, or NULL. */
static const char *comment_at(const char *s, size_t n)
{
	for (size_t m = 0;
	     n && m < sizeof markers_start / sizeof *markers_start; m++) {
		if (s[0] != markers_start[m][0])
			continue;
		size_t ml = strlen(markers_start[m]);
		if (ml <= n && memcmp(s, markers_start[m], ml) == 0)
			return s;
	}
	/* At the start, then after each space (memchr), where a byte that
	 * opens a marker of markers_any stands. */
	for (size_t i = 0; i < n;) {
		if (s[i] == '#' || s[i] == '/' || s[i] == '<')
			for (size_t m = 0;
			     m < sizeof markers_any / sizeof *markers_any;
			     m++) {
				size_t ml = strlen(markers_any[m]);
				if (i + ml <= n &&
				    memcmp(s + i, markers_any[m], ml) == 0)
					return s + i;
			}
		const char *sp = memchr(s + i, ' ', n - i);
		if (!sp)
			break;
		i = (size_t)(sp - s) + 1;
	}
	return NULL;
}

/* Whether original line O is a comment: it starts with a marker. */
static bool is_comment(const char *o)
{
	const char *c = comment_at(o, strlen(o));
	return c == o;
}

/* The code of translated line T (holding CJK), in bytes: what comes
 * before its comment marker, or, without one, before its first CJK
 * character (a string it prints); 0 for a comment line. */
static size_t code_part(const char *t)
{
	size_t n = strlen(t), cut = n;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = tl_utf8_decode_fast(t + i, n - i, &cp);
		if (tl_char_is_cjk(cp)) {
			cut = i;
			break;
		}
		i += k ? k : 1;
	}
	const char *c = comment_at(t, cut);
	if (c)
		cut = (size_t)(c - t);
	while (cut > 0 && t[cut - 1] == ' ')
		cut--;
	return cut;
}

/* Whether code point CP separates the tokens of a translated line: a
 * space, a CJK character or mark, a curly quote. */
static bool separates(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp >= 0x2E80 ||
	       (cp >= 0x2018 && cp <= 0x201D);
}

/* The next token of S at *AT (N bytes), into [*S, *E); false at the end. */
static bool next_token(const char *s, size_t n, size_t *at, size_t *ts,
                       size_t *te)
{
	size_t i = *at;
	for (;;) {
		if (i >= n)
			return false;
		uint32_t cp;
		size_t k = tl_utf8_decode_fast(s + i, n - i, &cp);
		if (!separates(cp))
			break;
		i += k ? k : 1;
	}
	*ts = i;
	while (i < n) {
		uint32_t cp;
		size_t k = tl_utf8_decode_fast(s + i, n - i, &cp);
		if (separates(cp))
			break;
		i += k ? k : 1;
	}
	*te = *at = i;
	return true;
}

/* Whether every token of translated line T (what is not CJK or space:
 * numbers, names, options, paths) is a token of original line O, in
 * order, but for the punctuation around it that T writes full-width: a
 * line of text translated word by word around what it keeps
 * ("需要下载 297 kB 的归档。" for "Need to get 297 kB of archives."). */
static bool tokens_kept(const char *t, const char *o)
{
	size_t tn = strlen(t), on = strlen(o), ta = 0, oa = 0, ts, te, os, oe;
	while (next_token(t, tn, &ta, &ts, &te)) {
		bool found = false;
		while (!found && next_token(o, on, &oa, &os, &oe)) {
			/* The original's punctuation around a word, which the
			 * translation writes full-width ("Q)" as "Q）"). */
			if (oe - os > te - ts && o[os] == '(')
				os++;
			while (oe - os > te - ts &&
			       strchr(",.;:!?)", o[oe - 1]))
				oe--;
			found = oe - os == te - ts &&
			        memcmp(o + os, t + ts, te - ts) == 0;
		}
		if (!found)
			return false;
	}
	return true;
}

/* Whether O starts with the N bytes of T, and, if WHOLE, ends there or
 * goes on after a space. */
static bool starts(const char *o, const char *t, size_t n, bool whole)
{
	return strncmp(o, t, n) == 0 &&
	       (!whole || !o[n] || o[n] == ' ' || o[n] == '\t');
}

/* Whether translated line T (holding CJK) translates original line O: a
 * comment line translates a comment line; another line keeps the
 * start of O up to its comment or string; and a line of text (O->text)
 * may be translated whole, keeping its other tokens (tokens_kept). */
static bool translates(const char *t, const line *o)
{
	const char *ok = indent_skipped(o->an->key);
	t = indent_skipped(t);
	size_t cut = code_part(t);
	/* O as written, or normalized (backticks the conversion put
	 * around the line left out); where T's code ends at its comment,
	 * O's ends there too ("rm -rf /tmp  # 注释" is not "rm -rf
	 * /tmp/x  # note"). */
	size_t k = cut;
	while (t[k] == ' ')
		k++;
	bool whole = cut && t[k] && comment_at(t + k, strlen(t + k)) == t + k;
	if (cut ? starts(ok, t, cut, whole) || starts(o->norm, t, cut, whole)
	        : is_comment(ok))
		return true;
	return o->text && tokens_kept(t, ok);
}

static bool word_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
	       c == ' ' || c == '-';
}

/* Whether translated line T (normalized, holding CJK) is original line O
 * (normalized) with words translated where they stand and nothing else
 * changed: each run of CJK characters of T stands for a run of English
 * words (letters, "_", "-", spaces) of O. A placeholder, a label of
 * program output or a syntax line translated ("sudo usermod -G kvm
 * <你的帐户名>", "仓库 : baseos", "命令名 [选项] 参数" for "command
 * [options] argument"); not a line all CJK ("解锁仓库" for "restic
 * unlock"). Dynamic programming; false for long lines. */
static bool words_translated(const char *t, const char *o)
{
	size_t tn = strlen(t), on = strlen(o);
	if (tn > 400 || on > 400)
		return false;
	/* T as units: a byte, or -1 for a run of CJK characters. */
	int *u = tl_xmalloc((tn + 1) * sizeof *u);
	size_t n = 0;
	bool kept = false; /* something of O besides its words: a line
	                      all CJK translates a command away */
	for (size_t i = 0; i < tn;) {
		uint32_t cp;
		size_t k = tl_utf8_decode_fast(t + i, tn - i, &cp);
		if (!k)
			k = 1;
		if (tl_char_is_cjk(cp)) {
			if (!n || u[n - 1] != -1)
				u[n++] = -1;
		} else {
			for (size_t b = 0; b < k; b++)
				u[n++] = (unsigned char)t[i + b];
			kept |= t[i] != ' ';
		}
		i += k;
	}
	/* Each unit but a space and a run of CJK matches a byte of O equal
	 * to it, in order: without that, or without anything of O kept,
	 * there is no need for the table. */
	size_t at = 0;
	for (size_t i = 0; kept && i < n; i++) {
		if (u[i] == -1 || u[i] == ' ')
			continue;
		while (at < on && (unsigned char)o[at] != u[i])
			at++;
		if (at == on)
			kept = false;
		at++;
	}
	if (!kept) {
		free(u);
		return false;
	}
	/* M[i][j]: units u[i..] match o[j..]; filled from the ends. A run
	 * of CJK matches o[j..e] (word characters, a letter among them)
	 * when units u[i + 1..] match o[e + 1..]: ANY is whether some e from
	 * j to the end of its run of word characters has M[i + 1][e + 1],
	 * and AT(i, j) is ANY at the first letter from j on (the same as at
	 * j + 1 when o[j] is no letter). */
	bool *M = tl_xcalloc((n + 1) * (on + 1), sizeof *M);
#define AT(i, j) M[(i) * (on + 1) + (j)]
	AT(n, on) = true;
	for (size_t i = n + 1; i-- > 0;) {
		bool any = false;
		for (size_t j = on + 1; j-- > 0;) {
			if (i == n) {
				AT(i, j) = j == on;
				continue;
			}
			bool m = false;
			if (u[i] == -1) {
				if (j == on || !word_char(o[j])) {
					any = false;
				} else {
					any = any || AT(i + 1, j + 1);
					bool letter = o[j] != ' ' &&
					              o[j] != '-' &&
					              o[j] != '_';
					m = letter ? any : AT(i, j + 1);
				}
			} else if (j < on && u[i] == (unsigned char)o[j]) {
				m = AT(i + 1, j + 1);
			} else if (u[i] == ' ') {
				m = AT(i + 1, j); /* a space next to CJK */
			} else if (j < on && o[j] == ' ') {
				m = AT(i, j + 1);
			}
			AT(i, j) = m;
		}
	}
	bool ok = kept && AT(0, 0);
#undef AT
	free(M);
	free(u);
	return ok;
}

/* The ops of a diff of O and T: 0 a kept line, 1 an original line
 * dropped, 2 a translated line added; in order. */
static unsigned char *diff(const lines *o, const lines *t, size_t *nops)
{
	size_t n = o->n, m = t->n;
	unsigned char *ops = tl_xmalloc(n + m + 1);
	size_t k = 0;
	/* An original line is kept as it is or as repaired. */
#define SAME(i, j) (o->v[i].h == t->v[j].h || o->v[i].r == t->v[j].h)
	if ((n + 1) * (m + 1) > DIFF_CELLS) {
		/* Line by line: the same index. */
		for (size_t i = 0; i < n || i < m; i++) {
			bool same = i < n && i < m && SAME(i, i);
			if (same)
				ops[k++] = 0;
			else {
				if (i < n)
					ops[k++] = 1;
				if (i < m)
					ops[k++] = 2;
			}
		}
		*nops = k;
		return ops;
	}
	/* L[i][j]: the longest common subsequence of o[i..] and t[j..]. */
	uint32_t *L = tl_xcalloc((n + 1) * (m + 1), sizeof *L);
#define AT(i, j) L[(i) * (m + 1) + (j)]
	for (size_t i = n; i-- > 0;)
		for (size_t j = m; j-- > 0;)
			AT(i, j) = SAME(i, j) ? AT(i + 1, j + 1) + 1
			           : AT(i + 1, j) >= AT(i, j + 1)
			               ? AT(i + 1, j)
			               : AT(i, j + 1);
	size_t i = 0, j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && SAME(i, j)) {
			ops[k++] = 0, i++, j++;
		} else if (j < m && (i == n || AT(i, j + 1) >= AT(i + 1, j))) {
			ops[k++] = 2, j++;
		} else {
			ops[k++] = 1, i++;
		}
	}
#undef AT
#undef SAME
	free(L);
	*nops = k;
	return ops;
}

/* A finding of a block pair, held until the pair is judged whole. */
typedef struct pending {
	size_t oi, tj; /* lines, or TL_NONE */
} pending;

typedef struct findings {
	pending *v;
	size_t n, cap;
} findings;

static void hold(findings *f, size_t oi, size_t tj)
{
	if (f->n == f->cap)
		f->v = tl_xrealloc(f->v, (f->cap = f->cap ? f->cap * 2 : 8) *
		                             sizeof *f->v);
	f->v[f->n++] = (pending){oi, tj};
}

static bool all_code(const tl_align_doc *ad, size_t first, size_t n)
{
	for (size_t i = first; i < first + n; i++)
		if (ad->blocks[i].kind != TL_ALIGN_CODE)
			return false;
	return n > 0;
}

/* How far past pair K a translated code block with no original of its
 * own may stand and still be a piece of K's block. */
#define SPLIT_PAIRS 2

/* Whether original line AN of code pair K stands, as it is, in a
 * translated code block right after or before K's that has no original
 * of its own: the translator split the block in three or more (one
 * command a block), and the alignment pairs at most two of them. */
static bool split_off(const tl_pairing *p, size_t k, const tl_align_anchor *an)
{
	const tl_align *al = p->al;
	for (int d = -1; d <= 1; d += 2)
		for (size_t q = k, n = 0;
		     n < SPLIT_PAIRS && (d < 0 ? q > 0 : q + 1 < al->npairs);
		     n++) {
			q = d < 0 ? q - 1 : q + 1;
			const tl_align_pair *pr = &al->pairs[q];
			if (pr->norig ||
			    !all_code(al->trans, pr->trans, pr->ntrans))
				break;
			for (size_t j = pr->trans; j < pr->trans + pr->ntrans;
			     j++)
				if (tl_align_block_has(&al->trans->blocks[j],
				                       an->hash))
					return true;
		}
	return false;
}

static void report(tl_check *ck, const tl_pairing *p, size_t k, const lines *o,
                   size_t oi, const lines *t, size_t tj)
{
	size_t s, e, ostart = TL_NONE, oend = TL_NONE;
	if (tj != TL_NONE) {
		s = t->v[tj].an->start;
		e = t->v[tj].an->end;
	} else {
		tl_pairing_place(p, k, &s, &e);
	}
	if (oi == TL_NONE) {
		tl_check_report_original(
		    ck, s, e, ostart, oend, TL_SEVERITY_OFF,
		    "This code line is not in the original",
		    "原文中没有这一行代码");
		return;
	}
	const tl_align_anchor *an = o->v[oi].an;
	if (tj == TL_NONE && split_off(p, k, an))
		return;
	const char *more = strlen(an->key) > 60 ? "…" : "";
	if (tj != TL_NONE)
		tl_check_report_original(
		    ck, s, e, an->start, an->end, TL_SEVERITY_OFF,
		    "Code differs from the original's: %.60s%s",
		    "代码与原文不同：%.60s%s", an->key, more);
	else
		tl_check_report_original(
		    ck, s, e, an->start, an->end, TL_SEVERITY_OFF,
		    "A code line of the original is missing: %.60s%s",
		    "缺少原文的一行代码：%.60s%s", an->key, more);
}

/* The lines of the original's text outside code blocks, normalized and
 * hashed, sorted: a translated code line found there is one that the
 * conversion of a web page put outside the fence, and the translator
 * put back. Built on first need. */
typedef struct text_lines {
	bool built;
	uint64_t *v;
	size_t n;
} text_lines;

static void text_lines_build(text_lines *tx, const tl_pairing *p)
{
	const tl_align_doc *ad = p->al->orig;
	const char *d = p->src->data;
	size_t cap = 16;
	tx->built = true;
	tx->v = tl_xmalloc(cap * sizeof *tx->v);
	for (size_t i = 0; i < ad->n; i++) {
		const tl_align_block *b = &ad->blocks[i];
		if (b->kind == TL_ALIGN_CODE || b->kind == TL_ALIGN_META ||
		    b->kind == TL_ALIGN_FRONT_MATTER)
			continue;
		for (size_t s = b->start; s < b->end;) {
			const char *nl = memchr(d + s, '\n', b->end - s);
			size_t e = nl ? (size_t)(nl - d) : b->end;
			/* Without a block quote's marks ("> !! : last
			 * command"). */
			size_t q = s, z = e;
			while (q < z && (d[q] == '>' || d[q] == ' '))
				q++;
			/* A backtick the conversion left at one end only
			 * ("`$ checksec --dir=/usr"). */
			if (q < z && d[q] == '`' &&
			    (z - q < 2 || d[z - 1] != '`'))
				q++;
			/* Most lines of prose hold a link, a quote or an
			 * entity, but some are as normalize() makes them. */
			uint64_t h = 0;
			bool some = z > q;
			if (normal_already(d + q, z - q, true)) {
				h = tl_hash_words(14695981039346656037ull,
				                  d + q, z - q);
			} else {
				char *key = tl_xmalloc(z - q + 1);
				memcpy(key, d + q, z - q);
				key[z - q] = 0;
				char *norm = normalize(key, true);
				some = norm[0];
				h = fnv(norm);
				free(norm);
				free(key);
			}
			if (some) {
				if (tx->n == cap)
					tx->v = tl_xrealloc(
					    tx->v, (cap *= 2) * sizeof *tx->v);
				tx->v[tx->n++] = h;
			}
			s = e + 1;
		}
	}
	tl_align_sort_keys(tx->v, tx->n);
}

static bool text_lines_has(text_lines *tx, const tl_pairing *p, uint64_t h)
{
	if (!tx->built)
		text_lines_build(tx, p);
	size_t lo = 0, hi = tx->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (tx->v[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < tx->n && tx->v[lo] == h;
}

/* Appends line S to B; when it is not the last line (MORE), without a
 * shell's continuation at its end (" \\"): the line goes on on the
 * next one, and a command written on one line is the same. */
static void put_joined(tl_buf *b, const char *s, bool more)
{
	size_t n = strlen(s);
	if (more && n >= 2 && s[n - 1] == '\\' && s[n - 2] == ' ')
		n -= 2;
	tl_buf_append(b, s, n);
}

/* Whether the text of original lines O[os, oe) and translated lines
 * T[ts, te) is the same but for where the lines break: a line the
 * conversion joined to the next ("hello.goWORK=/tmp/…") that the
 * translator split again, or the reverse, and a command's continuation
 * lines ("cmd \\" and "  --opt") joined into one line. */
static bool joined_as(const lines *o, size_t os, size_t oe, const lines *t,
                      size_t ts, size_t te, bool continued)
{
	tl_buf x = {0}, y = {0};
	for (size_t i = os; i < oe; i++) {
		const line *l = &o->v[i];
		if (i > os)
			tl_buf_puts(&x, "\n");
		put_joined(&x, l->fixed ? l->fixed : l->norm,
		           continued && i + 1 < oe);
	}
	for (size_t j = ts; j < te; j++) {
		if (j > ts)
			tl_buf_puts(&y, "\n");
		put_joined(&y, t->v[j].norm, continued && j + 1 < te);
	}
	bool same = x.len && y.len && matches(x.data, y.data);
	tl_buf_free(&x);
	tl_buf_free(&y);
	return same;
}

static bool joined(const lines *o, size_t os, size_t oe, const lines *t,
                   size_t ts, size_t te)
{
	return joined_as(o, os, oe, t, ts, te, false) ||
	       joined_as(o, os, oe, t, ts, te, true);
}

/* What the pairing of a hunk costs: a finding is 1; pairing two lines
 * that differ costs a little less the more they share at their ends, so
 * that an altered line is reported against its own original line. */
#define INF 1e9

static double likeness(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), p = 0, s = 0;
	while (p < na && p < nb && a[p] == b[p])
		p++;
	while (s < na - p && s < nb - p && a[na - 1 - s] == b[nb - 1 - s])
		s++;
	size_t longer = na > nb ? na : nb;
	return longer ? (double)(p + s) / (double)longer : 1;
}

/* A hunk and what its judging needs. */
typedef struct hunk {
	tl_check *ck;
	const tl_pairing *p;
	size_t k; /* the pair */
	const lines *o, *t;
	size_t os, oe, ts, te;
	bool translated; /* comments: translated */
	bool cjk;        /* a translated line of the hunk holds CJK */
	bool closers;    /* the original has a "}" too many, its translation
	                    fewer (braces()) */
	text_lines *tx;
	findings *out;
} hunk;

/* The cost of leaving original line I out: none for what is not code (a
 * sentence, heading or label the conversion put in the block, output
 * left out), for text and comments where translated lines stand in. */
static double drop_cost(const hunk *h, size_t i)
{
	const line *o = &h->o->v[i];
	bool comment = is_comment(indent_skipped(o->an->key));
	if (o->elision || (o->prose && (h->translated || !comment)))
		return 0;
	if (h->closers && strcmp(o->norm, "}") == 0)
		return 0; /* the original's brace too many */
	if (h->translated && h->cjk && (o->text || comment))
		return 0;
	return 1;
}

/* The cost of pairing original line I with translated line J. */
static double pair_cost(const hunk *h, size_t i, size_t j)
{
	const line *o = &h->o->v[i], *t = &h->t->v[j];
	if (same_line(o, t))
		return 0;
	if (h->translated && t->cjk) {
		if (translates(t->an->key, o) || translates(t->norm, o) ||
		    words_translated(t->norm, o->fixed ? o->fixed : o->norm))
			return 0;
		if (!code_part(t->an->key))
			return INF; /* a comment does not stand for code */
	}
	/* A line that is not code (drop_cost) is not altered code, unless
	 * the two are much alike. */
	double like = likeness(o->fixed ? o->fixed : o->norm, t->norm);
	if (like < 0.5 && drop_cost(h, i) == 0)
		return INF;
	return 1 - 0.1 * like;
}

/* The cost of adding translated line J before original line I: none for
 * a translated comment, a line the original has outside the code block
 * (text_lines), or next to a line of the original saying that output was
 * left out. */
static double add_cost(const hunk *h, size_t i, size_t j)
{
	const line *t = &h->t->v[j];
	if (h->translated && t->cjk && !code_part(t->an->key))
		return 0;
	if ((i < h->o->n && h->o->v[i].elision) ||
	    (i > 0 && h->o->v[i - 1].elision))
		return 0;
	if (!t->cjk && text_lines_has(h->tx, h->p, t->h))
		return 0;
	return 1;
}

/* Judges a hunk: original lines O[os, oe) replaced by translated lines
 * T[ts, te). The lines are paired in order at the least cost (a finding
 * costs 1: pair_cost, drop_cost, add_cost), so that each finding stands
 * on the line it is about; a big hunk is paired line by line. A dropped
 * line is reported at the translated line after it. */
static void judge(const hunk *h)
{
	size_t n = h->oe - h->os, m = h->te - h->ts;
	size_t next = h->te < h->t->n ? h->te : TL_NONE;
	if (joined(h->o, h->os, h->oe, h->t, h->ts, h->te))
		return;
	/* C[i][j]: the least cost of O[os + i..] against T[ts + j..]. */
	bool dp = (n + 1) * (m + 1) <= HUNK_CELLS;
	double *C = dp ? tl_xmalloc((n + 1) * (m + 1) * sizeof *C) : NULL;
#define AT(i, j) C[(i) * (m + 1) + (j)]
	for (size_t i = n + 1; dp && i-- > 0;)
		for (size_t j = m + 1; j-- > 0;) {
			double c = i == n && j == m ? 0 : INF;
			if (i < n && j < m)
				c = fmin(c, pair_cost(h, h->os + i, h->ts + j) +
				                AT(i + 1, j + 1));
			if (i < n)
				c = fmin(c, drop_cost(h, h->os + i) +
				                AT(i + 1, j));
			if (j < m)
				c = fmin(c, add_cost(h, h->os + i, h->ts + j) +
				                AT(i, j + 1));
			AT(i, j) = c;
		}
	size_t i = 0, j = 0;
	while (i < n || j < m) {
		size_t oi = h->os + i, tj = h->ts + j;
		double pc = i < n && j < m ? pair_cost(h, oi, tj) : INF;
		double dc = i < n ? drop_cost(h, oi) : INF;
		double ac = j < m ? add_cost(h, oi, tj) : INF;
		int op; /* 0 pair, 1 drop, 2 add */
		if (dp) {
			double here = AT(i, j);
			op = i < n && j < m &&
			             pc + AT(i + 1, j + 1) <= here + 1e-9
			         ? 0
			     : i < n && dc + AT(i + 1, j) <= here + 1e-9 ? 1
			                                                 : 2;
		} else {
			op = i < n && j < m && pc < INF ? 0 : i < n ? 1 : 2;
		}
		if (op == 0) {
			if (pc > 0)
				hold(h->out, oi, tj);
			i++, j++;
		} else if (op == 1) {
			if (dc > 0)
				hold(h->out, oi, j < m ? tj : next);
			i++;
		} else {
			if (ac > 0)
				hold(h->out, TL_NONE, tj);
			j++;
		}
	}
#undef AT
	free(C);
}

/* Reports the findings F of pair K, whose original block has O->n lines
 * and shares KEPT of them with its translation: one a line, or, when
 * the translation replaced or rewrote most of the block (at least
 * three findings, and fewer than half of the original's lines kept: an
 * example's output taken again, another program), one for the block, at
 * its first difference. */
static void report_all(tl_check *ck, const tl_pairing *p, size_t k,
                       const lines *o, const lines *t, const findings *f,
                       size_t kept)
{
	if (f->n >= 3 && kept * 2 < o->n) {
		size_t oi = TL_NONE, tj = TL_NONE;
		for (size_t x = 0; x < f->n; x++) {
			if (oi == TL_NONE)
				oi = f->v[x].oi;
			if (tj == TL_NONE)
				tj = f->v[x].tj;
		}
		size_t s, e;
		if (tj != TL_NONE) {
			s = t->v[tj].an->start;
			e = t->v[tj].an->end;
		} else {
			tl_pairing_place(p, k, &s, &e);
		}
		const tl_align_anchor *an = o->v[oi != TL_NONE ? oi : 0].an;
		tl_check_report_original(
		    ck, s, e, an->start, an->end, TL_SEVERITY_OFF,
		    "This code block differs from the original's in most of "
		    "its lines (%zu differences, %zu of the original's %zu "
		    "lines kept): replaced or rewritten",
		    "这个代码块的大部分行与原文不同（%zu 处差异，原文 %zu 行中"
		    "保留了 %zu 行）：被替换或改写",
		    f->n, kept, o->n);
		return;
	}
	for (size_t x = 0; x < f->n; x++)
		report(ck, p, k, o, f->v[x].oi, t, f->v[x].tj);
}

/* How many more "}" than "{" lines L have (negative for fewer). */
static long braces(const lines *l)
{
	long n = 0;
	/* From brace to brace: most lines have none. */
	for (size_t i = 0; i < l->n; i++)
		for (const char *c = strpbrk(l->v[i].norm, "{}"); c;
		     c = strpbrk(c + 1, "{}"))
			n += *c == '}' ? 1 : -1;
	return n;
}

/* The next line anchor of blocks [*I, END) of AD from anchor *A on, or
 * NULL; *I and *A move past it. */
static const tl_align_anchor *next_line(const tl_align_doc *ad, size_t *i,
                                        size_t end, size_t *a)
{
	for (; *i < end; (*i)++, *a = 0)
		while (*a < ad->blocks[*i].nanchors) {
			const tl_align_anchor *an =
			    &ad->blocks[*i].anchors[(*a)++];
			if (an->type == TL_ANCHOR_LINE)
				return an;
		}
	return NULL;
}

/* Whether pair PR's code lines are the same on both sides, as written,
 * and none holds what normalize() repairs in an original ('[', '\\',
 * curly quotes and "…", whose UTF-8 starts with E2): gather() would make
 * the same lines of both, and diff() find no hunk. Most code blocks are
 * copied as they are; this spares them the normalizing. */
static bool copied(const tl_align *al, const tl_align_pair *pr)
{
	size_t i = pr->orig, a = 0, j = pr->trans, b = 0;
	for (;;) {
		const tl_align_anchor *x =
		    next_line(al->orig, &i, pr->orig + pr->norig, &a);
		const tl_align_anchor *y =
		    next_line(al->trans, &j, pr->trans + pr->ntrans, &b);
		if (!x || !y)
			return !x && !y;
		if (strcmp(x->key, y->key) != 0 || strpbrk(x->key, "[\\\xE2"))
			return false;
	}
}

static void check_original(tl_check *ck, const tl_pairing *p)
{
	if (!p->al)
		return;
	const tl_align *al = p->al;
	bool translated = strcmp(tl_check_option(ck, "comments"), "kept") != 0;
	text_lines tx = {0};
	for (size_t k = 0; k < al->npairs; k++) {
		const tl_align_pair *pr = &al->pairs[k];
		if (!all_code(al->orig, pr->orig, pr->norig) ||
		    !all_code(al->trans, pr->trans, pr->ntrans) ||
		    copied(al, pr))
			continue;
		lines o, t;
		gather(&o, al->orig, pr->orig, pr->norig, true, NULL);
		gather(&t, al->trans, pr->trans, pr->ntrans, false, &o);
		size_t nops, kept = 0;
		unsigned char *ops = diff(&o, &t, &nops);
		/* A closing brace the original has too many (its conversion
		 * lost the line that opened it, or its author added one),
		 * which the translation drops. */
		long ob = braces(&o);
		bool closers = ob > 0 && braces(&t) < ob;
		findings out = {0};
		size_t i = 0, j = 0;
		for (size_t x = 0; x < nops;) {
			if (ops[x] == 0) {
				x++, i++, j++, kept++;
				continue;
			}
			hunk h = {ck, p, k,          &o,    &t,      i,   i,
			          j,  j, translated, false, closers, &tx, &out};
			for (; x < nops && ops[x] != 0; x++)
				ops[x] == 1 ? i++ : j++;
			h.oe = i, h.te = j;
			/* The lines judge() reads: the hunk's, and the
			 * original's around it (add_cost). */
			for (size_t y = h.os ? h.os - 1 : 0;
			     y <= h.oe && y < o.n; y++)
				line_know(&o.v[y], true);
			for (size_t y = h.ts; y < h.te; y++) {
				line_know(&t.v[y], false);
				h.cjk |= translated && t.v[y].cjk;
			}
			judge(&h);
		}
		report_all(ck, p, k, &o, &t, &out, kept);
		free(out.v);
		free(ops);
		lines_free(&o);
		lines_free(&t);
	}
	free(tx.v);
}

const tl_rule tl_rule_source_code = {
    .name = "source-code",
    .summary = "Code blocks are the original's, comments aside",
    .summary_zh = "代码块应与原文相同（注释除外）",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_NONE,
    .options = options,
    .description =
        "With an original, flags a code block of the translation that "
        "differs from its original code block (paired by the alignment, "
        "docs/alignment.md) beyond indentation and white space: a line "
        "changed, dropped or added. Lines are compared trimmed, with runs "
        "of spaces and tabs made one, blank lines left out, as a diff; "
        "in each stretch of differing lines, the lines are paired so "
        "that the fewest findings remain, each on the line it is about "
        "(an altered line is reported on itself, pointing at its "
        "original line). A prompt alone (`$`) is a blank line, and a "
        "prompt is compared bare (`[alice@host ~]$ ls` is `$ ls`). The info "
        "string (the language after the fence) is not compared.\n\n"
        "With `comments: translated` (the default), a translated line "
        "holding CJK may translate the comment or a string of the "
        "original line at its place: what comes before its comment "
        "marker (`#`, `//`, `/*` or `<!--` at the start or after a space; "
        "`--`, `;`, `%`, `*` or `REM` at the start), or, without one, before "
        "its first CJK character, must start "
        "the original line (`x = 1  # 设置 x` for `x = 1  # set x`, "
        "`echo \"你好\"` for `echo \"Hello\"`). An original comment line "
        "may be dropped where translated lines stand in for it, and "
        "translated comment lines may be added. With `comments: kept`, "
        "every difference is reported.\n\n"
        "An original line that the conversion of a web page damaged "
        "matches a translated line that repairs it: curly quotes made "
        "straight (`”0.0.0.0”` in the original, `\"0.0.0.0\"` in the "
        "translation), a Markdown link left inside code made its text "
        "(`[printf][6](` for `printf(`), a backslash before punctuation "
        "dropped (`\\---` for `---`), `…` for `...`, a converter's `[code]` "
        "marks, "
        "Cloudflare's `[email protected]` mask for any address, a "
        "line break the conversion lost or added (`return 0;}` for "
        "`return 0;` and `}`), a space it put inside a word "
        "(`np.arr ay` for `np.array`), and angle brackets around a URL "
        "(`'<https://example.org>'`); the translation may also keep the "
        "original's `[code]` marks; a sentence before a `[code]` mark "
        "(`2. By host. [code] - host: a`) may leave; a lone `}` may go "
        "where the original has more `}` than `{`, the translation "
        "fewer; a ruler of dashes "
        "eaten (`\\---- Queues` for `------ Queues ------`) and the "
        "original's curly quotes curled otherwise are no difference. Spaces a "
        "translator "
        "adds after a "
        "comma or around an operator or a bracket (`[1, 2]` for `[1,2]`, "
        "`C = inv(A)`) are no difference, nor is a command written on "
        "one line where the original continues it with ` \\` (or the "
        "reverse); a space added inside a word, a path or a URL "
        "(`example .org`) or between an option and its value (`-c 1` for "
        "`-c1`) is reported. What is not code may leave the block: a "
        "sentence, a heading or a label (`Syntax:`) that the conversion "
        "put inside it; a line saying output was left out (`[...]`, "
        "`<< snip >>`) may be filled in; a line that the original has "
        "outside the block (its fence misplaced) may come in. With "
        "`comments: translated`, a line of text (program output, the "
        "text of an HTML page: words, not code) may be translated "
        "whole, keeping its numbers, names and options "
        "(`需要下载 297 kB 的归档。` for `Need to get 297 kB of "
        "archives.`, the punctuation around them written full-width), and a "
        "line may translate its English words where "
        "they stand, the rest unchanged: a placeholder, a label of "
        "output or a syntax line (`sudo usermod -G kvm <你的帐户名>`, "
        "`仓库 : baseos`, `命令名 [选项] 参数` for `command [options] "
        "argument`). The reverse, a translation that "
        "curls the quotes of code, is reported.\n\n"
        "A code block that the translation replaced or rewrote (at "
        "least three differences, and fewer than half of the "
        "original's lines kept: an example's output taken again, "
        "another program) is one finding, at its first difference, "
        "rather than one a line.\n\n"
        "An original line found in a code block split off next to the "
        "pair's (one with no original) is not missing.\n\n"
        "A code block with no counterpart at all is `source-missing`'s. "
        "Without an original the rule is silent.\n\n"
        "Why: a reader copies code blocks as they are; a changed line "
        "breaks what they run.",
    .fix_doc = "None: the translator restores the original's code.",
    .description_zh =
        "有原文时，标记译文中与其原文代码块（由对齐配对，"
        "docs/alignment.md）在缩进和空白之外有差异的代码块：改动、"
        "删除或增加的行。各行去掉首尾空白、连续空格和制表符合并为一个、"
        "忽略空行后按 diff 比较；每一段有差异的连续行中，各行按报告最少的"
        "方式配对，每条报告位于它所说的那一行（改动的行报告在其本身，并指向"
        "原文的那一行）。只有提示符的行（`$`）视为空行，提示符只比较其"
        "末尾（`[alice@host ~]$ ls` 即 `$ ls`）。信息字符串（围栏后的语言名）"
        "不做比较。\n\n`comments: translated`（默认）时，含有中文的译文行"
        "可以是原文同一位置那一行的注释或字符串的译文：它的注释标记（行首或空格"
        "后的 `#`、"
        "`//`、`/*`、`<!--`；行首的 `--`、`;`、`%`、`*`、`REM`）之前的部分，"
        "没有注释标记时第一个中文字符之前的部分，必须是原文那一行的开头"
        "（`x = 1  # 设置 x` 对应 `x = 1  # set x`，`echo \"你好\"` 对应 "
        "`echo \"Hello\"`）。译文行可以替代原文的注释行，也可以增加注释行。"
        "`comments: kept` 时，报告所有差异。\n\n"
        "原文中被网页转换损坏的行与修复了它的译文行视为相同：弯引号改为直引号"
        "（原文 `”0.0.0.0”`，译文 `\"0.0.0.0\"`），代码中残留的 Markdown "
        "链接改为其文字（`[printf][6](` 改为 `printf(`），去掉标点前的反斜杠"
        "（`\\---` 改为 `---`），`…` 改为 `...`，去掉转换器的 `[code]` 标记，"
        "Cloudflare 的 `[email protected]` 掩码对应任何地址，转换丢失或多出的"
        "换行（`return 0;}` 对应 `return 0;` 和 `}`），转换插进词中的空格"
        "（`np.arr ay` 对应 `np.array`），URL 两边的尖括号"
        "（`'<https://example.org>'`）；译文也可以保留原文的 `[code]` 标记，"
        "转换放在代码第一行 `[code]` 标记之前的句子（`2. Rules by host. "
        "[code] - host: example.org`）可以移出代码块。原文代码块的 `}` "
        "比 `{` 多、而译文没有多这么多时，只有一个右花括号的行可以删去"
        "（原文多出的花括号）。转换吃掉的一排短横线（`\\---- Queues ----` "
        "对应 `------ Queues --------`），以及原文中被译文换了方向的弯引号"
        "（`ENV=”DEV”` 写作 `ENV=“DEV”`）不算差异。"
        "译者在逗号之后、运算符或括号两边加的空格（`[1, 2]` 对应 `[1,2]`，"
        "`C = inv(A)`）不算差异；原文用 ` \\` 续行的命令在译文中写成一行"
        "（或者反过来）也不算；在词、路径或 URL 中间加空格（`example .org`），"
        "或者在选项和它的值之间加空格（`-c1` 写成 `-c 1`），会被报告。"
        "不是代码的内容可以"
        "移出代码块：转换放进代码块的句子、标题或标签（`Syntax:`）；表示省略"
        "输出的行（`[...]`、`<< snip >>`）可以被补全；原文在代码块之外（围栏"
        "错位）的行可以移入。`comments: translated` 时，文字行（程序输出、"
        "HTML 页面的文字：是词语而不是代码）可以整行翻译，保留其中的数字、"
        "名称和选项（`需要下载 297 kB 的归档。` 对应 `Need to get 297 kB of "
        "archives.`"
        "，它们周围的标点可写成全角）；一行也可以就地翻译其中的英文单词而其余不"
        "变：占位符、"
        "输出的标签或语法行（`sudo usermod -G kvm <你的帐户名>`、"
        "`仓库 : baseos`，`命令名 [选项] 参数` 对应 `command [options] "
        "argument`）。反过来，译文把代码中的引号改成弯引号，"
        "会被报告。\n\n译文替换或改写了的代码块（至少三处差异，且保留的"
        "原文行不到一半：重新取得的示例输出、另一个程序）只报告一次，"
        "位于它的第一处差异，而不是每行一条。\n\n原文的一行出现在紧邻该配对、自"
        "身没有原文的译文代码块中时（译者拆开了代码块），"
        "不算缺失。\n\n完全没有对应的代码块由 "
        "`source-missing` 报告。没有原文时本规则不报告。\n\n"
        "原因：读者会原样复制代码块，改动一行，他们运行的东西就错了。",
    .fix_doc_zh = "无：译者应恢复原文的代码。",
    .original = "Create the repository:\n\n```sh\n# create it once\n"
                "restic init --repo /srv/backup\n```\n",
    .bad = "创建仓库：\n\n```sh\n# 只需创建一次\nrestic init --repo "
           "/srv/backups\n```\n",
    .good = "创建仓库：\n\n```sh\n# 只需创建一次\nrestic init --repo "
            "/srv/backup\n```\n",
    .check_original = check_original,
};
