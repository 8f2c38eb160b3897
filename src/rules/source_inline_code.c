/*
 * source-inline-code: an inline code span of an original block that its
 * translation lost or altered (`--force` turned into `——force` by an
 * input method, `"a"` into `“a”`, a command "translated").
 *
 * Inline code is what a reader types: it must come through translation
 * byte for byte. Each code span of an original block is looked for, by
 * its content, in the translated blocks of its pair and the ones just
 * before and after them. One that is not found is reported at the
 * translated code span that reads as its altered copy (the same kind of
 * anchor, absent from the original, nearest by edit distance), or, when
 * there is none, on the translated block's first line. A span found
 * nearby is still reported when one of its copies was altered (lost()).
 *
 * Not everything between backticks is code: LCTT's originals are web
 * pages converted to Markdown, whose backticks also mark labels of a user
 * interface and key names, which translators render in Chinese (label()),
 * and take in quotes, punctuation and words around the code
 * (unwrapped(), has_parts()), or cut a sentence out (sentence()).
 */
#include "rule.h"

#include <string.h>

/* The bytes of the space at the start of [S, E): a space, a no-break
 * space, or the hair, thin or zero-width space web pages put in code
 * (U+200A, U+2009, U+200B); 0 for none. At the end with END. */
static size_t space_at(const char *s, const char *e, bool end)
{
	const unsigned char *a = (const unsigned char *)s,
	                    *z = (const unsigned char *)e;
	if (z - a >= 1 && (end ? z[-1] : a[0]) == ' ')
		return 1;
	if (z - a >= 2 && (end ? z[-2] : a[0]) == 0xC2 &&
	    (end ? z[-1] : a[1]) == 0xA0)
		return 2;
	if (z - a >= 3) {
		const unsigned char *c = end ? z - 3 : a;
		if (c[0] == 0xE2 && c[1] == 0x80 && c[2] >= 0x89 &&
		    c[2] <= 0x8B)
			return 3;
	}
	return 0;
}

/* The span [*S, *E) of KEY without spaces (space_at()) at its ends. */
static void trimmed(const char *key, const char **s, const char **e)
{
	*s = key;
	*e = key + strlen(key);
	for (size_t n; (n = space_at(*s, *e, false)) != 0;)
		*s += n;
	for (size_t n; (n = space_at(*s, *e, true)) != 0;)
		*e -= n;
}

/* Whether [A, AE) and [B, BE) are the same but for the length of their
 * runs of spaces, which a web page shows as one ("s/\t/ /g" for
 * "s/\t/  /g"). */
static bool same_spaced(const char *a, const char *ae, const char *b,
                        const char *be)
{
	while (a < ae && b < be) {
		if (*a == ' ' && *b == ' ') {
			while (a < ae && *a == ' ')
				a++;
			while (b < be && *b == ' ')
				b++;
		} else if (*a++ != *b++) {
			return false;
		}
	}
	return a == ae && b == be;
}

/* Whether translated blocks [FIRST, END) have a code span equal to KEY
 * but for spaces at its ends (` upgrade` for `upgrade`: the same
 * code) and the length of its runs of spaces. */
static bool has_trimmed(const tl_pairing *p, size_t first, size_t end,
                        const char *key)
{
	const char *ks, *ke;
	trimmed(key, &ks, &ke);
	for (size_t j = first; j < end; j++) {
		const tl_align_block *b = &p->al->trans->blocks[j];
		for (size_t a = 0; a < b->nanchors; a++) {
			const char *s, *e;
			/* The same span is the caller's to count. */
			if (b->anchors[a].type != TL_ANCHOR_CODE ||
			    strcmp(b->anchors[a].key, key) == 0)
				continue;
			trimmed(b->anchors[a].key, &s, &e);
			if (same_spaced(s, e, ks, ke))
				return true;
		}
	}
	return false;
}

/* Whether the code span of anchor AN in SRC is glued to the text around
 * it ("onEachLine`()`", "`task.yam`**l**", "-`name`", "\"`En\"`"): a web
 * page's conversion cut the code there, and its translation, which puts
 * the backticks around the whole name, holds it. */
static bool glued(const tl_source *src, const tl_align_anchor *an)
{
	const char *d = src->data;
	size_t s = an->start, e = an->end;
	if (e <= s || e > src->len || d[s] != '`' || d[e - 1] != '`')
		return false;
	bool before =
	    s > 0 && ((d[s - 1] >= 'a' && d[s - 1] <= 'z') ||
	              (d[s - 1] >= 'A' && d[s - 1] <= 'Z') ||
	              (d[s - 1] >= '0' && d[s - 1] <= '9') || d[s - 1] == '-' ||
	              d[s - 1] == '"' || d[s - 1] == '\'');
	bool after =
	    e < src->len &&
	    ((d[e] >= 'a' && d[e] <= 'z') || (d[e] >= 'A' && d[e] <= 'Z') ||
	     (d[e] >= '0' && d[e] <= '9') || d[e] == '*');
	return before || after;
}

/* Whether translated blocks [FIRST, END) have a code span that holds
 * KEY (N bytes). */
static bool has_within(const tl_pairing *p, size_t first, size_t end,
                       const char *key, size_t n)
{
	for (size_t j = first; j < end; j++) {
		const tl_align_block *b = &p->al->trans->blocks[j];
		for (size_t a = 0; a < b->nanchors; a++)
			if (b->anchors[a].type == TL_ANCHOR_CODE && n > 0 &&
			    strstr(b->anchors[a].key, key) &&
			    strlen(b->anchors[a].key) > n)
				return true;
	}
	(void)n;
	return false;
}

/* Whether KEY is a piece of an English sentence between two stray
 * backticks ("” difficult to use due to its weird corner location, you
 * can still open Command Palette and execute "): five words or more, two
 * of them function words, and nothing of code (no option, no '=', '/',
 * '\\', '{', '<', '$', '|', '"'). */
static bool sentence(const char *key)
{
	static const char *const words[] = {
	    "the",  "to",   "you",  "can", "and",  "of",   "is", "are", "it",
	    "this", "that", "with", "for", "your", "will", "or", "a",   "an",
	    "in",   "on",   "go",   "i",   "use",  "due",  NULL};
	size_t n = 0, common = 0;
	if (strpbrk(key, "=/\\{<$|\""))
		return false;
	for (const char *c = key; *c;) {
		while (*c == ' ')
			c++;
		const char *w = c;
		while (*c && *c != ' ')
			c++;
		if (c == w)
			break;
		if (*w == '-')
			return false;
		const char *e = c;
		while (e > w && strchr(",.;:!?()", e[-1]))
			e--;
		const char *b = w;
		while (b < e && strchr("(", *b))
			b++;
		n++;
		for (size_t i = 0; words[i]; i++)
			if (strlen(words[i]) == (size_t)(e - b) &&
			    strncasecmp(words[i], b, (size_t)(e - b)) == 0) {
				common++;
				break;
			}
	}
	return n >= 5 && common >= 2;
}

/* Whether KEY is English prose, not code: letters and spaces only, with
 * one of the commonest function words ("`You can` exclude these": a
 * stray backtick of the original made a span of a sentence). */
static bool prose(const char *key)
{
	if (sentence(key))
		return true;
	static const char *const words[] = {
	    "the", "to",   "you",  "can",  "and", "of",   "is",   "are",
	    "it",  "this", "that", "with", "for", "your", "will", NULL};
	bool word = false;
	for (const char *c = key; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		      *c == ' ' || *c == ',' || *c == '\''))
			return false;
	const char *c = key;
	while (*c) {
		while (*c == ' ' || *c == ',')
			c++;
		const char *w = c;
		while (*c && *c != ' ' && *c != ',')
			c++;
		for (size_t i = 0; words[i] && !word; i++)
			word = strlen(words[i]) == (size_t)(c - w) &&
			       strncasecmp(words[i], w, (size_t)(c - w)) == 0;
	}
	return word && strchr(key, ' ');
}

/* Whether T is O with the placeholders between < and > translated
 * ("/home/<user name>/.icons" as "/home/<用户名>/.icons"): what is
 * outside them is the same, and each translated one holds CJK. */
static bool placeholder_translated(const char *o, const char *t)
{
	bool any = false;
	while (*o && *t) {
		if (*o == '<' && *t == '<') {
			const char *oe = strchr(o, '>'), *te = strchr(t, '>');
			if (!oe || !te)
				return false;
			bool cjk = false;
			for (const char *c = t + 1; c < te;) {
				uint32_t cp;
				size_t l =
				    tl_utf8_decode(c, (size_t)(te - c), &cp);
				cjk |= tl_char_is_cjk(cp);
				c += l ? l : 1;
			}
			if (!cjk && (oe - o != te - t ||
			             memcmp(o, t, (size_t)(oe - o)) != 0))
				return false;
			any |= cjk;
			o = oe + 1, t = te + 1;
			continue;
		}
		if (*o++ != *t++)
			return false;
	}
	return any && !*o && !*t;
}

/* Key names, which translations write in Chinese ("space" → "空格",
 * "Enter" → "回车"). */
static const char *const keys[] = {
    "space",   "spacebar",  "enter",  "return", "tab",   "esc",
    "escape",  "backspace", "delete", "del",    "shift", "ctrl",
    "control", "alt",       "super",  "home",   "end",   "insert",
    "up",      "down",      "left",   "right",  "click", NULL};

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

/* Whether the N bytes at W are a key name (any case), or a combination of
 * them and single characters joined by '+' ("Ctrl + Shift + X",
 * "Ctrl+click") with a key name in it. */
static bool key_name(const char *w, size_t n)
{
	bool named = false;
	size_t i = 0;
	while (i < n) {
		while (i < n && w[i] == ' ')
			i++;
		size_t s = i;
		while (i < n && w[i] != '+' && w[i] != ' ')
			i++;
		size_t l = i - s;
		bool key = false;
		for (size_t k = 0; keys[k] && !key; k++)
			key = strlen(keys[k]) == l &&
			      strncasecmp(keys[k], w + s, l) == 0;
		if (!key && l != 1)
			return false;
		named |= key;
		while (i < n && w[i] == ' ')
			i++;
		if (i < n && w[i] != '+')
			return false;
		i++;
	}
	return named;
}

/* Whether the N bytes at W are a label of a user interface: one to eight
 * words of letters (an apostrophe, '&' and a final "..." allowed), the
 * first capitalized and the others capitalized, lowercase or acronyms
 * ("Next", "Save full page", "Use an Existing Virtual Hard Disk File",
 * "Enable USB Controller"); not a name with inner capitals
 * ("NetworkManager") nor an acronym alone ("URL"). */
static bool label_words(const char *w, size_t n)
{
	size_t words = 0, i = 0;
	if (n >= 3 && memcmp(w + n - 3, "...", 3) == 0)
		n -= 3;
	while (i < n) {
		size_t s = i;
		while (i < n && w[i] != ' ')
			i++;
		size_t l = i - s, up = 0;
		if (!l)
			return false;
		for (size_t k = s; k < i; k++) {
			if (is_upper(w[k]))
				up++;
			else if (!is_lower(w[k]) && w[k] != '\'' && w[k] != '&')
				return false;
		}
		if (words == 0 && !(is_upper(w[s]) && up == 1 && l > 1))
			return false;
		if (up > 1 && up != l)
			return false; /* "NetworkManager" */
		if (up == 1 && !is_upper(w[s]))
			return false; /* "iPhone", "macOS" */
		words++;
		if (i < n)
			i++;
	}
	return words >= 1 && words <= 8;
}

/* Whether KEY is a label or a key name that a translation may render in
 * Chinese: a key name or combination, a label, or a menu path of labels
 * ("Settings > Extension and Themes", "System Settings -> Wifi"). */
static bool label(const char *key)
{
	const char *s, *e;
	trimmed(key, &s, &e);
	if (e - s >= 3 && (*s == '"' || *s == '\'') && e[-1] == *s)
		s++, e--; /* "\"Memdisk\"" */
	if (s == e)
		return false;
	if (key_name(s, (size_t)(e - s)))
		return true;
	while (s < e) {
		const char *sep = s, *next = e;
		while (sep < e && *sep != '>')
			sep++;
		const char *end = sep;
		if (sep < e) {
			if (end > s && end[-1] == '-')
				end--;
			next = sep + 1;
		}
		while (end > s && end[-1] == ' ')
			end--;
		while (s < end && *s == ' ')
			s++;
		if (!label_words(s, (size_t)(end - s)))
			return false;
		s = next;
	}
	return true;
}

/* Whether T is O without what the original's conversion or sentence put
 * around the code: quotes around it ("\"/dev/sdb\"" as "/dev/sdb", "\".\""
 * as "."), a sentence's punctuation after it ("progress." as
 * "progress", "ln -s:" as "ln -s"), a manual's section ("nc(1)" as
 * "nc"), or an en or em dash a web page made
 * of "-" or "--" ("pwgen –symbols" as "pwgen -symbols"). */
static bool unwrapped(const char *o, const char *t)
{
	size_t n = strlen(o), m = strlen(t);
	if (n >= 3 && m == n - 2 && (o[0] == '"' || o[0] == '\'') &&
	    o[n - 1] == o[0] && memcmp(o + 1, t, m) == 0)
		return true;
	if (n >= 2 && m == n - 1 && strchr(".,:;", o[n - 1]) &&
	    memcmp(o, t, m) == 0)
		return true;
	/* A manual section: "nc(1)" as "nc". */
	if (n >= 4 && m == n - 3 && o[n - 3] == '(' && o[n - 1] == ')' &&
	    o[n - 2] >= '0' && o[n - 2] <= '9' && memcmp(o, t, m) == 0)
		return true;
	/* Dashes: walk both, a dash of O meeting "-" or "--" of T. */
	bool dash = false;
	while (*o && *t) {
		if (memcmp(o, "—", 3) == 0 || memcmp(o, "–", 3) == 0) {
			if (*t != '-')
				return false;
			t += t[1] == '-' ? 2 : 1;
			o += 3;
			dash = true;
			continue;
		}
		if (*o++ != *t++)
			return false;
	}
	return dash && !*o && !*t;
}

/* Whether translated blocks [FIRST, END) have a code span that is KEY
 * unwrapped (unwrapped()). */
static bool has_unwrapped(const tl_pairing *p, size_t first, size_t end,
                          const char *key)
{
	for (size_t j = first; j < end; j++) {
		const tl_align_block *b = &p->al->trans->blocks[j];
		for (size_t a = 0; a < b->nanchors; a++)
			if (b->anchors[a].type == TL_ANCHOR_CODE &&
			    unwrapped(key, b->anchors[a].key))
				return true;
	}
	return false;
}

/* Whether KEY is a phrase of letters and spaces, two words or more in
 * quotes or four or more without ("'kernel filename'", "minute hour day
 * month"; a hyphen inside a word, "'kernel entry-index'"): text,
 * which a translation that translates its code spans renders in
 * Chinese ("'内核文件名'"). */
static bool phrase(const char *key)
{
	const char *s, *e;
	trimmed(key, &s, &e);
	bool quoted = e - s >= 3 && (*s == '"' || *s == '\'') && e[-1] == *s;
	if (quoted)
		s++, e--;
	size_t spaces = 0;
	for (const char *c = s; c < e; c++) {
		if (*c == ' ')
			spaces += c > s && c[-1] != ' ';
		else if (*c == '-' && c > s && c + 1 < e &&
		         (is_lower(c[-1]) || is_upper(c[-1])) &&
		         (is_lower(c[1]) || is_upper(c[1])))
			continue;
		else if (!is_lower(*c) && !is_upper(*c))
			return false;
	}
	/* Two words unquoted are as often a command ("ninja install"). */
	return quoted ? spaces >= 1 : spaces >= 3;
}

/* Whether the translated blocks of pair K hold a code span with CJK
 * that their original does not have: the translator renders code spans
 * of text in Chinese ("`Next`" as "`下一步`"). */
static bool translates_spans(const tl_pairing *p, size_t k)
{
	const tl_align_pair *pr = &p->al->pairs[k];
	for (size_t j = pr->trans; j < pr->trans + pr->ntrans; j++) {
		const tl_align_block *b = &p->al->trans->blocks[j];
		for (size_t a = 0; a < b->nanchors; a++)
			if (b->anchors[a].type == TL_ANCHOR_CODE &&
			    tl_text_has_cjk(b->anchors[a].key) &&
			    !tl_pairing_has(p, pr, true, b->anchors[a].hash))
				return true;
	}
	return false;
}

/* Whether the N bytes at W are a word or two that name what code is
 * ("command", "function", "flag", "below:"), the original's backticks
 * having taken them in: spaces, such words, a final punctuation mark. */
static bool describes(const char *w, size_t n)
{
	static const char *const words[] = {
	    "command", "commands", "function", "method",    "flag",   "option",
	    "file",    "tool",     "utility",  "program",   "module", "package",
	    "class",   "key",      "button",   "menu",      "below",  "above",
	    "here",    "variable", "keyword",  "statement", NULL};
	size_t i = 0, found = 0;
	while (n && strchr(".,:;", w[n - 1]))
		n--;
	while (i < n) {
		while (i < n && w[i] == ' ')
			i++;
		size_t s = i;
		while (i < n && w[i] != ' ')
			i++;
		if (i == s)
			break;
		bool known = false;
		for (size_t k = 0; words[k] && !known; k++)
			known = strlen(words[k]) == i - s &&
			        memcmp(words[k], w + s, i - s) == 0;
		if (!known)
			return false;
		found++;
	}
	return found >= 1 && found <= 2;
}

/* Whether translated blocks [FIRST, END) have the code of KEY without the
 * words the original's backticks took in with it: a span that begins KEY
 * and leaves only a word or two that say what it is (describes(): "tar
 * command" as "`tar` 命令", "VCR.py below:"), or, for a list in one span ("git
 * stash, git worktree,"), a span for each of its items. */
static bool has_parts(const tl_pairing *p, size_t first, size_t end,
                      const char *key)
{
	size_t n = strlen(key);
	for (size_t j = first; j < end; j++) {
		const tl_align_block *b = &p->al->trans->blocks[j];
		for (size_t a = 0; a < b->nanchors; a++) {
			const char *t = b->anchors[a].key;
			size_t m = strlen(t);
			if (b->anchors[a].type != TL_ANCHOR_CODE || !m ||
			    m >= n || memcmp(key, t, m) != 0 || key[m] != ' ')
				continue;
			if (describes(key + m, n - m))
				return true;
		}
	}
	/* A list: every item a span of its own. */
	if (!strchr(key, ','))
		return false;
	char item[256];
	const char *c = key;
	while (*c) {
		while (*c == ',' || *c == ' ')
			c++;
		const char *s = c;
		while (*c && *c != ',')
			c++;
		size_t l = (size_t)(c - s);
		while (l && s[l - 1] == ' ')
			l--;
		if (!l)
			continue;
		if (l >= sizeof item)
			return false;
		memcpy(item, s, l);
		item[l] = '\0';
		if (!tl_pairing_near_has(
		        p, first, end, tl_align_hash(TL_ANCHOR_CODE, item, l)))
			return false;
	}
	return true;
}

/* Whether translated blocks [FIRST, END) have a code span that joins
 * KEY and another code span of original blocks [OFIRST, OEND) with a
 * space, in either order ("the `list` argument followed by `-f`" as
 * "`list -f` 参数"): the same code, written as one. */
static bool has_joined(const tl_pairing *p, size_t first, size_t end,
                       size_t ofirst, size_t oend, const char *key)
{
	size_t n = strlen(key);
	for (size_t j = first; j < end; j++) {
		const tl_align_block *b = &p->al->trans->blocks[j];
		for (size_t a = 0; a < b->nanchors; a++) {
			const char *t = b->anchors[a].key;
			size_t m = strlen(t);
			if (b->anchors[a].type != TL_ANCHOR_CODE || m <= n + 1)
				continue;
			/* The other span: after KEY and a space, or before
			 * them. */
			const char *rest = NULL;
			size_t rn = m - n - 1;
			if (memcmp(t, key, n) == 0 && t[n] == ' ')
				rest = t + n + 1;
			else if (memcmp(t + m - n, key, n) == 0 &&
			         t[m - n - 1] == ' ')
				rest = t;
			if (!rest)
				continue;
			/* The original writing the joined span too ("`ls
			 * --help`" beside "`--help`") has it for itself. */
			bool other = false, own = false;
			for (size_t i = ofirst; i < oend; i++) {
				const tl_align_block *ob =
				    &p->al->orig->blocks[i];
				for (size_t c = 0; c < ob->nanchors; c++) {
					const char *o = ob->anchors[c].key;
					if (ob->anchors[c].type !=
					    TL_ANCHOR_CODE)
						continue;
					other |= strlen(o) == rn &&
					         memcmp(o, rest, rn) == 0;
					own |= strcmp(o, t) == 0;
				}
			}
			if (other && !own)
				return true;
		}
	}
	return false;
}

/* How many code spans of HASH block B has, for tl_pairing_sum. */
static size_t count_span(const tl_pairing *p, bool orig,
                         const tl_align_block *b, const void *arg)
{
	uint64_t hash = *(const uint64_t *)arg;
	size_t c = 0;
	(void)p, (void)orig;
	for (size_t a = 0; a < b->nanchors; a++)
		c += b->anchors[a].type == TL_ANCHOR_CODE &&
		     b->anchors[a].hash == hash;
	return c;
}

/* Whether translated blocks [FIRST, END) have the code span of HASH
 * fewer times than their original blocks: one of its copies was lost
 * or altered, though another stands nearby (`ls -l` in the paragraph
 * before, `ls -k` for the one of this paragraph). */
static bool lost(const tl_pairing *p, size_t first, size_t end, uint64_t hash)
{
	return tl_pairing_sum(p, first, end, false, count_span, &hash) <
	       tl_pairing_sum(p, first, end, true, count_span, &hash);
}

/* Room for the altered spans given out in one pair. */
/* Whether the code span of anchor AN, in block B of SRC, starts a
 * sentence: nothing before it in the block, or the end of a sentence. */
static bool starts_sentence(const tl_source *src, const tl_align_block *b,
                            const tl_align_anchor *an)
{
	const char *d = src->data;
	size_t i = an->start;
	while (i > b->start && d[i - 1] == '`')
		i--;
	while (i > b->start && d[i - 1] == ' ')
		i--;
	return i == b->start || strchr(".!?", d[i - 1]);
}

/* Whether translated span T repairs original span O (of anchor AN in
 * block B of SRC) rather than alters it: the capital a sentence gave a
 * name that is written in small letters ("`Prefers-color-scheme` holds
 * the value." for the CSS feature `prefers-color-scheme`), a space the
 * conversion put before "://" ("`http ://example.org/`", also a hair,
 * thin or zero-width one), or a file
 * system path (from "/" or "~/") written with or without its trailing
 * "/" ("`/etc/app/certs/` directory" as "`/etc/app/certs` 目录": the same
 * directory; not "s/old/new/", a command). */
static bool repaired(const tl_source *src, const tl_align_block *b,
                     const tl_align_anchor *an, const char *t)
{
	const char *o = an->key;
	size_t on = strlen(o), tn = strlen(t);
	if (on == tn && on > 1 && o[0] >= 'A' && o[0] <= 'Z' &&
	    t[0] == o[0] - 'A' + 'a' && strcmp(o + 1, t + 1) == 0 &&
	    starts_sentence(src, b, an))
		return true;
	const char *sep = strstr(o, "://");
	if (sep && sep > o) {
		/* A space, or the hair, thin or zero-width space that web
		 * pages put there to keep the address from being linked. */
		const char *gap = sep;
		if (gap[-1] == ' ')
			gap--;
		else if (gap - o >= 3 && memcmp(gap - 3, "\xE2\x80", 2) == 0 &&
		         ((unsigned char)gap[-1] == 0x89 ||
		          (unsigned char)gap[-1] == 0x8A ||
		          (unsigned char)gap[-1] == 0x8B))
			gap -= 3;
		size_t g = (size_t)(sep - gap), at = (size_t)(gap - o);
		if (g && tn + g == on && memcmp(o, t, at) == 0 &&
		    strcmp(sep, t + at) == 0)
			return true;
	}
	const char *l = on > tn ? o : t, *sh = on > tn ? t : o;
	size_t ln = on > tn ? on : tn, sn = on > tn ? tn : on;
	return ln == sn + 1 && sn > 1 && l[ln - 1] == '/' &&
	       (sh[0] == '/' || (sh[0] == '~' && sh[1] == '/')) &&
	       memcmp(l, sh, sn) == 0;
}

#define USED_MAX 64

static void check_original(tl_check *ck, const tl_pairing *p)
{
	if (!p->al)
		return;
	const tl_align *al = p->al;
	for (size_t k = 0; k < al->npairs; k++) {
		const tl_align_pair *pr = &al->pairs[k];
		if (!pr->norig || !pr->ntrans)
			continue;
		uint64_t used[USED_MAX];
		size_t nused = 0, first, end;
		tl_pairing_near(p, k, &first, &end);
		for (size_t i = pr->orig; i < pr->orig + pr->norig; i++) {
			const tl_align_block *ob = &al->orig->blocks[i];
			if (!tl_pairing_is_prose(ob) ||
			    tl_pairing_is_template(ob))
				continue;
			for (size_t a = 0; a < ob->nanchors; a++) {
				const tl_align_anchor *an = &ob->anchors[a];
				if (an->type != TL_ANCHOR_CODE)
					continue;
				/* Spaces alone between two backticks ("`-n`
				 * ` `Put line numbers"): what a web page's
				 * conversion left, no code. */
				const char *ks, *ke;
				trimmed(an->key, &ks, &ke);
				if (ks == ke)
					continue;
				/* Found in the pair or next to it (moved
				 * there): reported only when an altered copy
				 * stands in the pair (a span written twice, one
				 * copy altered) and a copy was lost (lost()).
				 * Asked before has_trimmed(), which walks the
				 * spans near the pair: most are found so. */
				bool own =
				    tl_pairing_has(p, pr, false, an->hash);
				if ((own &&
				     !lost(p, pr->trans, pr->trans + pr->ntrans,
				           an->hash)) ||
				    has_trimmed(p, first, end, an->key))
					continue;
				bool moved =
				    own || tl_pairing_near_has(p, first, end,
				                               an->hash);
				bool close =
				    moved && !lost(p, first, end, an->hash);
				bool seen = false;
				for (size_t b = 0; b < a && !seen; b++)
					seen = ob->anchors[b].hash == an->hash;
				if (seen)
					continue;
				if (prose(an->key) ||
				    (glued(p->src, an) &&
				     has_within(p, first, end, an->key,
				                strlen(an->key))) ||
				    has_unwrapped(p, first, end, an->key) ||
				    has_parts(p, first, end, an->key) ||
				    has_joined(p, first, end, pr->orig,
				               pr->orig + pr->norig, an->key))
					continue;
				const tl_align_anchor *alt =
				    tl_pairing_altered(p, k, an, used, nused);
				/* Where the copies balance (the translator
				 * wrote it once more nearby), only a copy one
				 * character away is taken for it. */
				if (moved &&
				    (!alt || tl_text_has_cjk(alt->key) ||
				     (close &&
				      tl_edit_distance(an->key, strlen(an->key),
				                       alt->key,
				                       strlen(alt->key)) > 1)))
					continue;
				/* A label or key name translated: no altered
				 * copy in Latin letters is left. */
				if ((label(an->key) ||
				     (phrase(an->key) &&
				      translates_spans(p, k))) &&
				    (!alt || tl_text_has_cjk(alt->key))) {
					if (alt && nused < USED_MAX)
						used[nused++] = alt->hash;
					continue;
				}
				if (alt &&
				    (placeholder_translated(an->key,
				                            alt->key) ||
				     repaired(p->src, ob, an, alt->key))) {
					if (nused < USED_MAX)
						used[nused++] = alt->hash;
					continue;
				}
				if (alt) {
					if (nused < USED_MAX)
						used[nused++] = alt->hash;
					tl_check_report_original(
					    ck, alt->start, alt->end, an->start,
					    an->end, TL_SEVERITY_OFF,
					    "Inline code `%s` of the original "
					    "is "
					    "altered in its translation: `%s`",
					    "原文中的行内代码 `%s` "
					    "在译文中被改动："
					    "`%s`",
					    an->key, alt->key);
					continue;
				}
				size_t ts, te;
				tl_pairing_place(p, k, &ts, &te);
				tl_check_report_original(
				    ck, ts, te, an->start, an->end,
				    TL_SEVERITY_OFF,
				    "Inline code `%s` of the original is "
				    "missing "
				    "from its translation",
				    "原文中的行内代码 `%s` 在译文中缺失",
				    an->key);
			}
		}
	}
}

const tl_rule tl_rule_source_inline_code = {
    .name = "source-inline-code",
    .summary = "Inline code of the original comes through unchanged",
    .summary_zh = "原文的行内代码应原样保留",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_NONE,
    .description =
        "With an original, flags an inline code span of an original "
        "block (paragraph, heading, list item, quote or table row) that "
        "its translation does not have with the same content: lost, or "
        "altered (`--force` → `——force` by a Chinese input method, "
        "`\"a\"` → `“a”`, a command name translated). Code spans are "
        "compared by their content, byte for byte but for spaces at "
        "their ends, also no-break, hair, thin and zero-width ones "
        "(`` ` upgrade` `` is `upgrade`), looked for in the "
        "translated block of the pair and in the blocks just before and "
        "after it.\n\n"
        "An altered span is reported where it stands in the translation "
        "(the translated code span absent from the original that is "
        "nearest to the lost one by edit distance, when at most half of "
        "it differs), a lost one on the translated block's first line; "
        "both point at the span in the original. Code spans the "
        "translator added are not flagged. Without an original the rule "
        "is silent.\n\n"
        "A span the translation writes again in the block or next to "
        "it is still reported when one of its copies there was altered: "
        "the translated blocks hold it fewer times than their original "
        "and the pair holds an altered copy (`ls -l` kept in one "
        "paragraph, `ls -k` in the next for its second `ls -l`), or, "
        "where the copies balance, a copy one character away.\n\n"
        "Left alone, as damage of the original that a translator "
        "repairs or as no code at all: a span of spaces alone (`` ` ` ``, "
        "stray backticks); a span glued to the word around "
        "it (`` onEachLine`()` ``, `` `task.yam`**l** ``, `` -`name` ``, "
        "`` \"`En\"` ``) when a translated span holds it (`onEachLine()`, "
        "`-name`); a span of English prose, letters and spaces with a "
        "function word (`You can`, made by a stray backtick), or a "
        "longer piece of a sentence; a placeholder between `<` and `>` "
        "translated into Chinese (`/home/<用户名>/.icons` for "
        "`/home/<user name>/.icons`), the rest unchanged; a span that "
        "comes back without its quotes (`\"/dev/sdb\"` as `/dev/sdb`, "
        "`\".\"` as `.`), without the sentence's punctuation it took in "
        "(`ln -s:`, `progress.`), without a manual's section (`nc(1)` as "
        "`nc`), with `-` or `--` for the en or em dash of a web page "
        "(`pwgen –symbols`), or without a word that says what it is "
        "(`tar command` as `` `tar` 命令 ``); two spans of a block "
        "written as one with a space (`list` and `-f` as `list -f`), "
        "unless the original has that one too; a name that starts a "
        "sentence written in small letters (`Prefers-color-scheme "
        "holds…` as `prefers-color-scheme`, `Cron` as `cron`); a URL "
        "without the space a web page put before `://` (`http ://…`, "
        "also a hair, thin or zero-width space); a path from `/` or `~/` "
        "with or without its trailing `/` (`/etc/app/certs/` as "
        "`/etc/app/certs`; not `s/cat/dog/`, a command); a run of "
        "spaces of another length, which a web page shows as one "
        "(`s/\\t/ /g` as `s/\\t/  /g`).\n\n"
        "Labels of a user interface and key names may be translated "
        "when no altered copy in Latin letters is left: one to eight "
        "words, the first capitalized (`File` → `文件`, `Next` → "
        "`下一步`, `Save full page`), menu paths of them (`Settings > "
        "Sound`), key names and combinations (`space` → `空格`, "
        "`Enter` → `回车`, `Ctrl + Shift + X`), and, in a block whose "
        "translation renders code spans in Chinese, a phrase of words "
        "(`'kernel filename'` → `'内核文件名'`, also with a hyphen in a "
        "word, `'kernel entry-index'`). A lowercase word alone "
        "(`ls`, `bluetooth`) is taken for code.\n\n"
        "Why: inline code is what a reader types; a changed character "
        "breaks the command, and it looks right in Chinese text.",
    .fix_doc = "None: the translator puts the original's code back.",
    .description_zh =
        "有原文时，标记原文块（段落、标题、列表项、引用或表格行）中"
        "译文里找不到同样内容的行内代码：丢失了，或被改动了（中文输入法把 "
        "`--force` 变成 `——force`，`\"a\"` 变成 `“a”`，命令名被翻译）。"
        "行内代码按内容逐字节比较（两端的空格，包括不换行、发丝、细和零宽空格除"
        "外），在其配对的译文块以及前后相"
        "邻的译文块中"
        "查找。\n\n被改动的行内代码报告在它在译文中的位置（译文中原文没有、"
        "且与丢失的那个编辑距离最近的行内代码，差异不超过一半时），"
        "丢失的报告在译文块的第一行；两者都指向原文中的行内代码。"
        "译者增加的行内代码不报告。没有原文时本规则不报告。\n\n"
        "译文在本块或相邻块中再次写出的行内代码，如果其中一处被改动，仍然"
        "报告：译文块中它出现的次数比原文少，且本块中有被改动的副本"
        "（一段保留了 `ls -l`，下一段把第二个 `ls -l` 写成了 `ls -k`）；"
        "次数相同时，只认只差一个字符的副本。\n\n"
        "以下情况不报告（原文的损坏由译者修好了，或者根本不是代码）：只有空格的"
        "代码（`` ` ` ``，多余的反引号）；"
        "与前后单词粘连的行内代码（`` onEachLine`()` ``、"
        "`` `task.yam`**l** ``、`` -`name` ``、`` \"`En\"` ``），且译文中有"
        "包含它的行内代码（`onEachLine()`、`-name`）；只由字母和空格组成、"
        "含有英文虚词的英文句子（`You can`，由多余的反引号造成），或更长的"
        "半句话；`<` 与 `>` 之间的占位符译成了中文（`/home/<用户名>/.icons` "
        "对应 `/home/<user name>/.icons`），其余部分不变；去掉了引号"
        "（`\"/dev/sdb\"` 写作 `/dev/sdb`，`\".\"` 写作 `.`）、去掉了误入"
        "代码的句末标点（`ln -s:`、`progress.`）、去掉了手册章节号"
        "（`nc(1)` 写作 `nc`）、把网页的长短破折号写回 `-` 或 `--`"
        "（`pwgen –symbols`），或去掉了说明它是什么的词（`tar command` "
        "写作 `` `tar` 命令 ``）；同一块的两段代码用空格连成一段（`list` 和 "
        "`-f` 写作 `list -f`），除非原文也有连起来的那一段；"
        "位于句首、首字母被大写的名称写回小写"
        "（`Prefers-color-scheme holds…` 写作 `prefers-color-scheme`，"
        "`Cron` 写作 `cron`）；URL 去掉了网页在 `://` 之前加的空格"
        "（`http ://…`，也包括发丝空格、细空格和零宽空格）；从 `/` 或 `~/` "
        "开始的路径加上或去掉末尾的 `/`（`/etc/app/certs/` 写作 "
        "`/etc/app/certs`；`s/cat/dog/` 这样的命令不算）；连续空格的个数不同"
        "（网页把它显示为一个：`s/\\t/ /g` 写作 `s/\\t/  /g`）。\n\n"
        "界面标签和按键名在没有留下拉丁字母的改动副本时可以翻译：一到八个"
        "词、首词大写（`File` → `文件`，`Next` → `下一步`，"
        "`Save full page`），由它们组成的菜单路径（`Settings > Sound`），"
        "按键名及组合键（`space` → `空格`，`Enter` → `回车`，"
        "`Ctrl + Shift + X`），以及在译文把行内代码译成中文的块中，由单词"
        "组成的短语（`'kernel filename'` → `'内核文件名'`，词中也可以有连字符："
        "`'kernel entry-index'`）。单独一个小写词"
        "（`ls`、`bluetooth`）视为代码。\n\n"
        "原因：行内代码是读者要输入的内容；改动一个字符命令就错了，"
        "而它在中文里看起来毫无问题。",
    .fix_doc_zh = "无：译者应恢复原文的代码。",
    .original = "Run `git push --force` only on your own branch.\n",
    .bad = "只在自己的分支上运行 `git push ——force`。\n",
    .good = "只在自己的分支上运行 `git push --force`。\n",
    .check_original = check_original,
};
