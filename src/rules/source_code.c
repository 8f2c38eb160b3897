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
 * inside code) matches the translated line that repairs it (repair()).
 */
#include "rule.h"

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
 * (a code block of thousands of lines on both sides). */
#define DIFF_CELLS (1u << 22)

/* The lines of a pair's code blocks, each with the hash of its text
 * normalized (line_hash). */
typedef struct lines {
	const tl_align_anchor **v;
	uint64_t *h;
	uint64_t *r; /* of the line repaired (repair()); h for translations */
	size_t n;
} lines;

/* The hash of line KEY (already trimmed and with runs of spaces made one
 * by the anchors) as compared here: a no-break space (U+00A0, which web
 * pages put in code) is a space, the entities &lt; &gt; &amp; &quot;
 * are their characters, and a pair of backticks around the whole line
 * (Markdown a converter left inside code) is dropped. */
static uint64_t line_hash(const char *key)
{
	static const struct {
		const char *from;
		char to;
	} entities[] = {{"&lt;", '<'},
	                {"&gt;", '>'},
	                {"&amp;", '&'},
	                {"&quot;", '"'},
	                {"\xC2\xA0", ' '}};
	size_t n = strlen(key), i = 0;
	if (n >= 2 && key[0] == '`' && key[n - 1] == '`')
		i = 1, n--;
	uint64_t h = 14695981039346656037ull;
	bool space = true; /* drop spaces at the start, and runs of them */
	for (; i < n; i++) {
		char c = key[i];
		/* Every entity starts with '&' or the no-break space's first
		 * byte: most characters need no comparison. */
		for (size_t e = 0; (c == '&' || c == '\xC2') &&
		                   e < sizeof entities / sizeof *entities;
		     e++) {
			size_t el = strlen(entities[e].from);
			if (i + el <= n &&
			    memcmp(key + i, entities[e].from, el) == 0) {
				c = entities[e].to;
				i += el - 1;
				break;
			}
		}
		if (c == ' ' || c == '\t') {
			space = true;
			continue;
		}
		if (space && h != 14695981039346656037ull)
			h = (h ^ ' ') * 1099511628211ull;
		space = false;
		h = (h ^ (unsigned char)c) * 1099511628211ull;
	}
	return h;
}

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

/* KEY as the web page it was scraped from showed it, for an original's
 * line that a converter damaged and a translator repaired: curly quotes
 * (a word processor's) made straight, Markdown links left inside code
 * ("[printf][6](" for "printf(") made their text, and backslashes
 * escaping punctuation ("\\---") dropped. Into a new string; NULL when
 * there is nothing to repair. Caller frees. */
static char *repair(const char *key)
{
	size_t n = strlen(key);
	char *out = tl_xmalloc(n + 1), *w = out;
	bool changed = false;
	for (size_t i = 0; i < n;) {
		static const char *const dq[] = {"\xE2\x80\x9C", "\xE2\x80\x9D",
		                                 "\xE2\x80\x9E"};
		static const char *const sq[] = {"\xE2\x80\x98",
		                                 "\xE2\x80\x99"};
		bool q = false;
		for (size_t k = 0; k < 3 && !q; k++)
			if (strncmp(key + i, dq[k], 3) == 0)
				*w++ = '"', i += 3, q = true;
		for (size_t k = 0; k < 2 && !q; k++)
			if (strncmp(key + i, sq[k], 3) == 0)
				*w++ = '\'', i += 3, q = true;
		if (q) {
			changed = true;
			continue;
		}
		if (key[i] == '\\' && i + 1 < n &&
		    strchr("-*_#`[]()<>.!+", key[i + 1])) {
			changed = true;
			i++;
			continue;
		}
		if (key[i] == '[') {
			/* [text][digits] */
			size_t c = i + 1;
			while (c < n && key[c] != ']' && key[c] != '[')
				c++;
			size_t d = c + 2;
			while (d < n && key[d] >= '0' && key[d] <= '9')
				d++;
			if (c < n && c > i + 1 && key[c] == ']' && c + 1 < n &&
			    key[c + 1] == '[' && d > c + 2 && d < n &&
			    key[d] == ']') {
				memcpy(w, key + i + 1, c - i - 1);
				w += c - i - 1;
				i = d + 1;
				changed = true;
				continue;
			}
		}
		*w++ = key[i++];
	}
	*w = 0;
	if (!changed) {
		free(out);
		return NULL;
	}
	return out;
}

static void gather(lines *l, const tl_align_doc *ad, size_t first, size_t n,
                   bool original)
{
	size_t total = 0;
	for (size_t i = first; i < first + n; i++)
		total += ad->blocks[i].nanchors;
	l->v = tl_xmalloc((total + 1) * sizeof *l->v);
	l->h = tl_xmalloc((total + 1) * sizeof *l->h);
	l->r = tl_xmalloc((total + 1) * sizeof *l->r);
	l->n = 0;
	for (size_t i = first; i < first + n; i++)
		for (size_t a = 0; a < ad->blocks[i].nanchors; a++) {
			const tl_align_anchor *an = &ad->blocks[i].anchors[a];
			if (an->type != TL_ANCHOR_LINE)
				continue;
			if (!*indent_skipped(an->key))
				continue; /* no-break spaces alone: blank */
			l->h[l->n] = line_hash(an->key);
			char *fixed = original ? repair(an->key) : NULL;
			l->r[l->n] = fixed ? line_hash(fixed) : l->h[l->n];
			free(fixed);
			l->v[l->n++] = an;
		}
}

static bool has_cjk(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = tl_utf8_decode(s + i, n - i, &cp);
		if (tl_char_is_cjk(cp))
			return true;
		i += k ? k : 1;
	}
	return false;
}

/* Comment markers: anywhere after a space, or only at the start of a
 * line (where "--", ";" and "*" are not options, statements or
 * arithmetic). */
static const char *const markers_any[] = {"#", "//", "/*", "<!--"};
static const char *const markers_start[] = {"--", ";", "%", "*", "REM "};

/* Where the first comment marker of S (N bytes) is, or NULL. */
static const char *comment_at(const char *s, size_t n)
{
	for (size_t m = 0; m < sizeof markers_start / sizeof *markers_start;
	     m++) {
		size_t ml = strlen(markers_start[m]);
		if (ml <= n && memcmp(s, markers_start[m], ml) == 0)
			return s;
	}
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && s[i - 1] != ' ')
			continue;
		for (size_t m = 0; m < sizeof markers_any / sizeof *markers_any;
		     m++) {
			size_t ml = strlen(markers_any[m]);
			if (i + ml <= n &&
			    memcmp(s + i, markers_any[m], ml) == 0)
				return s + i;
		}
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
		size_t k = tl_utf8_decode(t + i, n - i, &cp);
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

/* Whether translated line T (holding CJK) translates original line O: a
 * comment line translates a comment line; another line keeps the
 * start of O up to its comment or string. */
static bool translates(const char *t, const char *o)
{
	t = indent_skipped(t);
	o = indent_skipped(o);
	size_t cut = code_part(t);
	return cut ? strncmp(o, t, cut) == 0 : is_comment(o);
}

/* The ops of a diff of O and T: 0 a kept line, 1 an original line
 * dropped, 2 a translated line added; in order. */
static unsigned char *diff(const lines *o, const lines *t, size_t *nops)
{
	size_t n = o->n, m = t->n;
	unsigned char *ops = tl_xmalloc(n + m + 1);
	size_t k = 0;
	/* An original line is kept as it is or as repaired. */
#define SAME(i, j) (o->h[i] == t->h[j] || o->r[i] == t->h[j])
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

static void report(tl_check *ck, const tl_pairing *p, size_t k, const lines *o,
                   size_t oi, const lines *t, size_t tj)
{
	size_t s, e, ostart = TL_NONE, oend = TL_NONE;
	if (tj != TL_NONE) {
		s = t->v[tj]->start;
		e = t->v[tj]->end;
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
	const char *key = o->v[oi]->key;
	const char *more = strlen(key) > 60 ? "…" : "";
	if (tj != TL_NONE)
		tl_check_report_original(
		    ck, s, e, o->v[oi]->start, o->v[oi]->end, TL_SEVERITY_OFF,
		    "Code differs from the original's: %.60s%s",
		    "代码与原文不同：%.60s%s", key, more);
	else
		tl_check_report_original(
		    ck, s, e, o->v[oi]->start, o->v[oi]->end, TL_SEVERITY_OFF,
		    "A code line of the original is missing: %.60s%s",
		    "缺少原文的一行代码：%.60s%s", key, more);
}

/* Judges a hunk: original lines O[os, oe) replaced by translated lines
 * T[ts, te). Each translated line holding CJK (with TRANSLATED) takes
 * the next original line it translates, the original lines it passes
 * over being dropped; a comment line that translates none is an added
 * comment. Every other translated line differs from the original's.
 * Dropped original lines must be comments replaced by translated lines.
 * NEXT is where a report about a dropped line stands: the translated
 * line after the hunk, or TL_NONE. */
static void judge(tl_check *ck, const tl_pairing *p, size_t k, const lines *o,
                  size_t os, size_t oe, const lines *t, size_t ts, size_t te,
                  bool translated)
{
	size_t i = os, cjk = 0;
	size_t next = te < t->n ? te : TL_NONE;
	for (size_t j = ts; j < te; j++) {
		const char *key = t->v[j]->key;
		if (translated && has_cjk(key)) {
			cjk++;
			size_t m = i;
			while (m < oe && !translates(key, o->v[m]->key))
				m++;
			if (m < oe) {
				for (; i < m; i++)
					if (!is_comment(o->v[i]->key))
						report(ck, p, k, o, i, t, j);
				i = m + 1;
			} else if (code_part(key)) {
				report(ck, p, k, o, i < oe ? i++ : TL_NONE, t,
				       j);
			}
			continue;
		}
		report(ck, p, k, o, i < oe ? i++ : TL_NONE, t, j);
	}
	for (; i < oe; i++)
		if (!cjk || !is_comment(o->v[i]->key))
			report(ck, p, k, o, i, t, next);
}

static bool all_code(const tl_align_doc *ad, size_t first, size_t n)
{
	for (size_t i = first; i < first + n; i++)
		if (ad->blocks[i].kind != TL_ALIGN_CODE)
			return false;
	return n > 0;
}

static void check_original(tl_check *ck, const tl_pairing *p)
{
	if (!p->al)
		return;
	const tl_align *al = p->al;
	bool translated = strcmp(tl_check_option(ck, "comments"), "kept") != 0;
	for (size_t k = 0; k < al->npairs; k++) {
		const tl_align_pair *pr = &al->pairs[k];
		if (!all_code(al->orig, pr->orig, pr->norig) ||
		    !all_code(al->trans, pr->trans, pr->ntrans))
			continue;
		lines o, t;
		gather(&o, al->orig, pr->orig, pr->norig, true);
		gather(&t, al->trans, pr->trans, pr->ntrans, false);
		size_t nops;
		unsigned char *ops = diff(&o, &t, &nops);
		size_t i = 0, j = 0;
		for (size_t x = 0; x < nops;) {
			if (ops[x] == 0) {
				x++, i++, j++;
				continue;
			}
			size_t os = i, ts = j;
			for (; x < nops && ops[x] != 0; x++)
				ops[x] == 1 ? i++ : j++;
			judge(ck, p, k, &o, os, i, &t, ts, j, translated);
		}
		free(ops);
		free(o.v);
		free(o.h);
		free(o.r);
		free(t.v);
		free(t.h);
		free(t.r);
	}
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
        "each stretch of differing lines is reported once, on its first "
        "translated line, pointing at the original's line. The info "
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
        "dropped (`\\---` for `---`). The reverse, a translation that "
        "curls the quotes of code, is reported.\n\n"
        "A code block with no counterpart at all is `source-missing`'s. "
        "Without an original the rule is silent.\n\n"
        "Why: a reader copies code blocks as they are; a changed line "
        "breaks what they run.",
    .fix_doc = "None: the translator restores the original's code.",
    .description_zh =
        "有原文时，标记译文中与其原文代码块（由对齐配对，"
        "docs/alignment.md）在缩进和空白之外有差异的代码块：改动、"
        "删除或增加的行。各行去掉首尾空白、连续空格和制表符合并为一个、"
        "忽略空行后按 diff 比较；每一段有差异的连续行报告一次，位置在其"
        "第一行译文，并指向原文的那一行。信息字符串（围栏后的语言名）"
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
        "（`\\---` 改为 `---`）。反过来，译文把代码中的引号改成弯引号，"
        "会被报告。\n\n完全没有对应的代码块由 "
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
