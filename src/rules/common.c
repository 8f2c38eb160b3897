/*
 * common.c: rule helpers (rule.h) about spacing: where a CJK character
 * meets a Latin word or a number, brand phrases written without spaces,
 * and the report of a missing space.
 */
#include "rule.h"

#include <string.h>
#include <strings.h>

/* Characters that can sit inside a number or a word with digits. */
static bool is_token_inner(uint32_t c)
{
	return c == '.' || c == ',' || c == '%' || c == '+' || c == '-' ||
	       c == '_' || c == '#' || c == '\'' || c == 0xB0 /* ° */;
}

/* Scans the token from character I away from the CJK side and says
 * whether it holds a letter (a word such as "v1.0" or "H.264") or only
 * digits and number punctuation. */
static tl_token_kind scan_token(const tl_run *run, size_t i, bool forward)
{
	bool digits = false;
	size_t k = i;
	for (;;) {
		uint32_t c = run->chars[k].cp;
		if (!tl_run_is_text(run, k))
			break;
		if (run->chars[k].cls & TL_CLS_LATIN)
			return TL_TOKEN_WORD;
		if (run->chars[k].cls & TL_CLS_DIGIT)
			digits = true;
		else if (!is_token_inner(c))
			break;
		if (forward ? k + 1 >= run->n : k == 0)
			break;
		k = forward ? k + 1 : k - 1;
	}
	return digits ? TL_TOKEN_NUMBER : TL_TOKEN_NONE;
}

/* How far back a possessive apostrophe looks for an opening quote. */
#define QUOTE_LOOKBACK 200

bool tl_run_is_possessive(const tl_run *run, size_t i)
{
	uint32_t q = run->chars[i].cp;
	if ((q != 0x2019 && q != '\'') || !tl_run_is_text(run, i) || i == 0 ||
	    !(tl_run_is_text(run, i - 1) &&
	      (run->chars[i - 1].cls & TL_CLS_LATIN)) ||
	    tl_run_is_alnum(run, i + 1))
		return false;
	int depth = 0;
	for (size_t k = i, steps = 0; k > 0 && steps < QUOTE_LOOKBACK;
	     steps++) {
		const tl_char *c = &run->chars[--k];
		if (c->kind == TL_CHAR_BREAK || c->kind == TL_CHAR_SEP)
			break;
		if (!tl_run_is_text(run, k) || (c->cp != q && c->cp != 0x2018))
			continue;
		/* Inside a word ("don’t", "it's") it is an apostrophe. */
		bool inner = k > 0 && tl_run_is_alnum(run, k - 1) &&
		             tl_run_is_alnum(run, k + 1);
		if (q == '\'') {
			/* A ' that could open: not after a letter or digit,
			 * before one. */
			if (!inner && !(k > 0 && tl_run_is_alnum(run, k - 1)) &&
			    tl_run_is_alnum(run, k + 1))
				return false;
		} else if (c->cp == 0x2019) {
			depth += !inner;
		} else if (depth-- == 0) {
			return false;
		}
	}
	return true;
}

bool tl_run_is_vim_command(const tl_run *run, size_t i)
{
	/* The ex commands a tutorial tells a reader to type. */
	static const char *const cmds[] = {"wq!", "wq",   "q!", "qa!", "qa",
	                                   "q",   "w",    "x",  "wqa", "set",
	                                   "noh", "help", "sp", "vs",  NULL};
	if (!tl_run_is_cp(run, i, ':'))
		return false;
	for (size_t c = 0; cmds[c]; c++) {
		size_t k = i + 1, j = 0;
		while (cmds[c][j] &&
		       tl_run_is_cp(run, k, (uint32_t)cmds[c][j])) {
			k++;
			j++;
		}
		/* The whole command, and no letter or digit after it. */
		if (!cmds[c][j] && !tl_run_is_alnum(run, k))
			return true;
	}
	return false;
}

/* The index of the character a word or number starts at when the sigil
 * at I leads it: "%s", "%-5d", "%.2f" (format verbs), "$1", "$HOME",
 * "@user", "#123", "!important", vim's ":wq". Such a token is spaced from CJK
 * like the word or number it leads, on both sides; spacing it on one side only
 * ("使用%s 会") reads as a mistake. Returns I when no token follows. */
static size_t after_sigil(const tl_run *run, size_t i)
{
	uint32_t c = run->chars[i].cp;
	if (c == ':')
		return tl_run_is_vim_command(run, i) ? i + 1 : i;
	if (c != '%' && c != '$' && c != '@' && c != '#' && c != '!')
		return i;
	size_t k = i + 1;
	if (c == '%') {
		/* printf flags, width and precision, then a letter. */
		while (k < run->n && tl_run_is_text(run, k) &&
		       (strchr("-+#0123456789.", (int)run->chars[k].cp) &&
		        run->chars[k].cp != 0))
			k++;
		return k < run->n && tl_run_is_text(run, k) &&
		               (run->chars[k].cls & TL_CLS_LATIN) &&
		               run->chars[k].cp < 0x80
		           ? k
		           : i;
	}
	if (k < run->n && tl_run_is_text(run, k) &&
	    (run->chars[k].cls & (TL_CLS_LATIN | TL_CLS_DIGIT)) &&
	    run->chars[k].cp < 0x80)
		return k;
	return i;
}

tl_token_kind tl_token_at(const tl_run *run, size_t i, bool forward)
{
	if (!tl_run_is_text(run, i))
		return TL_TOKEN_NONE;
	uint32_t c = run->chars[i].cp;
	/* The class bits are tl_char_is_latin_letter and tl_char_is_digit. */
	if (run->chars[i].cls & TL_CLS_LATIN)
		return TL_TOKEN_WORD;
	if (run->chars[i].cls & TL_CLS_DIGIT)
		return scan_token(run, i, forward);
	if (forward) {
		/* A token led by a sigil ("%s", "$1", "@user"). */
		size_t k = after_sigil(run, i);
		if (k != i)
			return tl_token_at(run, k, true);
		/* A '-' after CJK is a hyphen more often than a sign
		 * ("用例-2"): no space is asked for there. */
		return TL_TOKEN_NONE;
	}
	/* Backward: a word keeps a trailing "+", "#" or "!" ("C++", "C#",
	 * "Yahoo!") and a possessive apostrophe ("Kubernetes’"), and a
	 * number its "%" or "°". */
	size_t k = i;
	if ((c == 0x2019 || c == '\'') && tl_run_is_possessive(run, i))
		return TL_TOKEN_WORD;
	if (c == '+' || c == '#' || c == '!') {
		while (k > 0 && tl_run_is_text(run, k) &&
		       (run->chars[k].cp == '+' || run->chars[k].cp == '#' ||
		        (c == '!' && run->chars[k].cp == '!')))
			k--;
		return tl_run_is_text(run, k) &&
		               (run->chars[k].cls & TL_CLS_LATIN)
		           ? TL_TOKEN_WORD
		           : TL_TOKEN_NONE;
	}
	if ((c == '%' || c == 0xB0) && k > 0 && tl_run_is_text(run, k - 1) &&
	    (run->chars[k - 1].cls & TL_CLS_DIGIT))
		return scan_token(run, k - 1, false);
	return TL_TOKEN_NONE;
}

void tl_report_missing_space(tl_check *ck, const tl_run *run, size_t i,
                             const char *message)
{
	size_t gap = tl_run_gap(run, i);
	tl_edit edit = {gap, gap, " "};
	tl_fix fix = {TL_FIX_SAFE, &edit, 1};
	tl_check_report(ck, run->chars[i - 1].start, run->chars[i].end, message,
	                &fix);
}

bool tl_run_in_phrase(const tl_run *run, size_t i,
                      const tl_option_list *phrases)
{
	size_t at = tl_run_toff(run, i);
	for (size_t k = 0; k < phrases->n; k++) {
		const char *p = phrases->items[k];
		size_t len = strlen(p);
		/* An occurrence holding the boundary starts in (at - len, at).
		 */
		size_t from = at >= len ? at - len + 1 : 0;
		for (size_t s = from; len && s < at && s + len <= run->text_len;
		     s++)
			if (memcmp(run->text + s, p, len) == 0)
				return true;
	}
	return false;
}

/* Can tl_token_at find a token at C (FORWARD as there)? Only at a prose
 * letter or digit, forward at a sigil, or, backward, at a trailing "+",
 * "#", "!", "%", "°" or apostrophe: a
 * cheap test that spares the call at the many boundaries between CJK and
 * punctuation or spaces. */
static bool may_be_token(const tl_char *c, bool forward)
{
	if (c->kind != TL_CHAR_TEXT)
		return false;
	if (c->cls & (TL_CLS_LATIN | TL_CLS_DIGIT))
		return true;
	if (forward)
		return c->cp == '%' || c->cp == '$' || c->cp == '@' ||
		       c->cp == ':' || c->cp == '#' || c->cp == '!';
	return c->cp == '+' || c->cp == '#' || c->cp == '!' || c->cp == '%' ||
	       c->cp == 0xB0 || c->cp == 0x2019 || c->cp == '\'';
}

/* Sites where a link to a one-segment path, or to a path under one of the
 * prefixes below, is a person's page. */
static const char *const profile_hosts[] = {
    "github.com",
    "gitee.com",
    "gitlab.com",
    "twitter.com",
    "x.com",
    "weibo.com",
    "zhihu.com",
    "juejin.cn",
    "juejin.im",
    "segmentfault.com",
    "medium.com",
    "linkedin.com",
    "t.me",
    "jianshu.com",
    "cnblogs.com",
    "blog.csdn.net",
    "v2ex.com",
    "space.bilibili.com",
    "mastodon.social",
    "facebook.com",
    "instagram.com",
    NULL,
};
static const char *const profile_prefixes[] = {
    "/u/", "/user/", "/users/", "/people/", "/in/", "/member/", "/@", NULL,
};

/* Is the link destination [S, E) a person's page on a known site
 * ("https://github.com/xunge0613", "https://www.zhihu.com/people/x")? */
static bool is_profile_url(const char *s, const char *e)
{
	const char *p = s;
	if ((size_t)(e - p) > 8 && memcmp(p, "https://", 8) == 0)
		p += 8;
	else if ((size_t)(e - p) > 7 && memcmp(p, "http://", 7) == 0)
		p += 7;
	else
		return false;
	if ((size_t)(e - p) > 4 && memcmp(p, "www.", 4) == 0)
		p += 4;
	const char *h = p;
	while (p < e && *p != '/' && *p != '?' && *p != '#')
		p++;
	bool known = false;
	for (size_t i = 0; profile_hosts[i] && !known; i++)
		known = strlen(profile_hosts[i]) == (size_t)(p - h) &&
		        memcmp(h, profile_hosts[i], (size_t)(p - h)) == 0;
	if (!known)
		return false;
	for (size_t i = 0; profile_prefixes[i]; i++) {
		size_t n = strlen(profile_prefixes[i]);
		if ((size_t)(e - p) > n &&
		    memcmp(p, profile_prefixes[i], n) == 0)
			return true;
	}
	/* One path segment, maybe with a trailing "/". */
	if (p == e || *p != '/')
		return false;
	const char *q = p + 1;
	while (q < e && *q != '/' && *q != '?' && *q != '#')
		q++;
	return q > p + 1 && (q == e || (*q == '/' && q + 1 == e));
}

/* Is the boundary between characters I-1 and I of RUN inside a personal
 * handle: the whole text of a link, one token with no space in it, whose
 * destination is a person's page ("[吃土小2叉](https://github.com/x)")?
 * A name is written as its owner chose. */
static bool in_handle(const tl_run *run, size_t i)
{
	const tl_char *ch = run->chars;
	if (!(ch[i - 1].flags & ch[i].flags & TL_CF_LINK))
		return false;
	size_t s = i - 1, e = i + 1;
	while (s > 0 && (ch[s - 1].flags & TL_CF_LINK) &&
	       !(ch[s - 1].cls & TL_CLS_SPACE))
		s--;
	while (e < run->n && (ch[e].flags & TL_CF_LINK) &&
	       !(ch[e].cls & TL_CLS_SPACE))
		e++;
	if (e - s > 32 || (s > 0 && (ch[s - 1].flags & TL_CF_LINK)) ||
	    (e < run->n && (ch[e].flags & TL_CF_LINK)))
		return false;
	/* The link text starts right after "[" and ends before "](". */
	const char *src = run->doc->src->data;
	size_t len = run->doc->src->len, d = ch[e - 1].end;
	if (ch[s].start == 0 || src[ch[s].start - 1] != '[' || d + 2 >= len ||
	    src[d] != ']' || (src[d + 1] != '(' && src[d + 1] != '['))
		return false;
	const char *u = src + d + 2, *end = src + len;
	if (src[d + 1] == '[') {
		/* A reference link: its definition "[label]: url" on a line
		 * of its own (a collapsed "[]" names the text itself). */
		const char *l = u, *le = u;
		while (le < end && *le != ']' && *le != '\n')
			le++;
		if (le == end || *le != ']')
			return false;
		if (le == l) {
			l = src + ch[s].start;
			le = src + d;
		}
		size_t n = (size_t)(le - l);
		u = NULL;
		for (const char *p = src; p + n + 3 < end; p++) {
			p = memchr(p, '[', (size_t)(end - p));
			if (!p || p + n + 3 >= end)
				return false;
			const char *ls = p;
			while (ls > src && (ls[-1] == ' ' || ls[-1] == '>'))
				ls--;
			if ((ls == src || ls[-1] == '\n') &&
			    strncasecmp(p + 1, l, n) == 0 && p[n + 1] == ']' &&
			    p[n + 2] == ':') {
				u = p + n + 3;
				while (u < end && (*u == ' ' || *u == '<'))
					u++;
				break;
			}
		}
		if (!u)
			return false;
	}
	const char *ue = u;
	while (ue < end && *ue != ')' && *ue != ' ' && *ue != '>' &&
	       *ue != '\n')
		ue++;
	return is_profile_url(u, ue);
}

size_t tl_next_cjk_boundary(const tl_run *run, size_t from, tl_token_kind kind,
                            bool *cjk_right)
{
	/* A boundary needs CJK, and a word a Latin letter, a number a digit
	 * (tl_token_at finds no token without one). */
	unsigned need = kind == TL_TOKEN_WORD     ? TL_CLS_LATIN
	                : kind == TL_TOKEN_NUMBER ? TL_CLS_DIGIT
	                                          : 0;
	if (from >= run->n || !(run->cls_any & TL_CLS_CJK) ||
	    (need && !(run->cls_any & need)))
		return run->n;
	const tl_char *ch = run->chars;
	/* The class bit alone says "prose CJK": only a TL_CHAR_TEXT char can
	 * have TL_CLS_CJK, the other kinds being U+FFFC, '\n' or '|'. */
	bool left = (ch[from - 1].cls & TL_CLS_CJK) != 0;
	size_t n = run->n;
	for (size_t i = from; i < n; i++) {
		/* Skip to the next character on the other side of the divide
		 * between CJK and the rest: a boundary is only there. */
		if (left)
			while (i < n && (ch[i].cls & TL_CLS_CJK))
				i++;
		else
			while (i < n && !(ch[i].cls & TL_CLS_CJK))
				i++;
		if (i >= n)
			break;
		bool right = !left;
		left = right;
		/* The token side: before the CJK character, or after it. */
		size_t t = right ? i - 1 : i;
		if (kind != TL_TOKEN_NONE && !may_be_token(&ch[t], !right))
			continue;
		if (tl_token_at(run, t, !right) == kind && !in_handle(run, i)) {
			*cjk_right = right;
			return i;
		}
	}
	return n;
}
