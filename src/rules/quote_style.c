/*
 * quote-style: quotation marks that are not the document's Chinese quote
 * style: straight quotes around Chinese text ("中文", '中文'), and, with
 * the default `style: curly`, corner quotes (「中文」), or with
 * `style: corner`, curly quotes (“中文”) in Chinese context.
 *
 * GB/T 15834-2011 (the national standard on punctuation), and the Chinese
 * copywriting guidelines that AutoCorrect and lint-md follow, write
 * Simplified Chinese quotations with full-width curly quotes, “” outside
 * and ‘’ nested inside; Traditional Chinese and some projects use corner
 * quotes 「」 and 『』. Straight ASCII quotes are English typography:
 * they stay where the quoted text is English (`He said "hello"`), and an
 * apostrophe is never a quote (`it's`, `don't`, `'90s`).
 *
 * Quotes are paired before anything is flagged, and only a pair is ever
 * rewritten, both marks at once; a mark that cannot be paired with
 * confidence is left alone (quote-pairing reports real imbalance). The
 * replacement depends on nesting: a pair inside another pair gets the
 * secondary marks (‘’ or 『』).
 */
#include "rule.h"

#include <stdlib.h>
#include <string.h>

static const tl_option_def options[] = {
    {"style", TL_OPTION_ENUM, "curly", "curly|corner|consistent",
     "`curly`: “” with ‘’ nested (the default); `corner`: 「」 with 『』 "
     "nested; `consistent`: the style of the document's first Chinese "
     "quotation (curly when it has none).",
     "`curly`：`“”`，内层嵌套 `‘’`（默认）；`corner`：`「」`，"
     "内层嵌套 `『』`；`consistent`：沿用文档中第一处中文引号的风格（没有"
     "时为弯引号）。"},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL, NULL},
};

/* The kinds of quote marks, each with its opening and closing glyph. */
typedef enum qkind {
	Q_STRAIGHT2 = 0, /* "  " */
	Q_STRAIGHT1,     /* '  ' */
	Q_CURLY2,        /* “  ” */
	Q_CURLY1,        /* ‘  ’ */
	Q_CORNER1,       /* 「  」 */
	Q_CORNER2,       /* 『  』 */
	Q_KINDS
} qkind;

static const char *const glyph[Q_KINDS][2] = {
    {"\"", "\""}, {"'", "'"},   {"“", "”"},
    {"‘", "’"},   {"「", "」"}, {"『", "』"},
};

/* A quote mark of the run that pairing looks at. */
typedef struct mark {
	size_t i;    /* index in the run */
	size_t seg;  /* table cell (0 outside tables) */
	qkind kind;  /* its kind */
	bool closer; /* a closing glyph (only for curly and corner marks) */
} mark;

/* A pair of marks of one kind: run indices of both. */
typedef struct pair {
	size_t open, close;
	qkind kind;
	size_t depth; /* pairs around it */
} pair;

typedef struct pairs {
	pair *p;
	size_t n;
} pairs;

static void add_pair(pairs *ps, size_t open, size_t close, qkind kind)
{
	ps->p[ps->n++] = (pair){open, close, kind, 0};
}

/* The kind of the quote mark CP, or Q_KINDS when it is none. */
static qkind kind_of(uint32_t cp, bool *closer)
{
	/* The marks of glyph[] as code points (opening first, closing second;
	 * the straight quotes open and close alike): this runs on every
	 * punctuation mark. */
	*closer = false;
	switch (cp) {
	case '"':
		return Q_STRAIGHT2;
	case '\'':
		return Q_STRAIGHT1;
	case 0x201D:
		*closer = true;
		/* fall through */
	case 0x201C:
		return Q_CURLY2;
	case 0x2019:
		*closer = true;
		/* fall through */
	case 0x2018:
		return Q_CURLY1;
	case 0x300D:
		*closer = true;
		/* fall through */
	case 0x300C:
		return Q_CORNER1;
	case 0x300F:
		*closer = true;
		/* fall through */
	case 0x300E:
		return Q_CORNER2;
	default:
		return Q_KINDS;
	}
}

/* Is character I something a quote cannot open before or close after: a
 * space, a line break, or nothing? */
static bool is_gap(const tl_run *run, size_t i)
{
	return i >= run->n || run->chars[i].kind == TL_CHAR_BREAK ||
	       run->chars[i].kind == TL_CHAR_SEP ||
	       tl_run_is_whitespace(run, i);
}

/* Straight double quotes of one segment pair up in order, first with
 * second, third with fourth. That is only trusted when their number is
 * even and every pair has the shape of a quotation: the opening mark
 * before a word and not glued to a letter or digit in front, the closing
 * one after a word and not glued to one behind ('12" screens' is inches,
 * not a quote). Otherwise none of them is paired. */
static void pair_straight2(const tl_run *run, const size_t *at, size_t n,
                           pairs *ps)
{
	if (n % 2)
		return;
	for (size_t k = 0; k < n; k += 2) {
		size_t o = at[k], c = at[k + 1];
		if (is_gap(run, o + 1) ||
		    (o > 0 && tl_run_is_alnum(run, o - 1)))
			return;
		if (is_gap(run, c - 1) || tl_run_is_alnum(run, c + 1))
			return;
		/* A closer and the next opener around one mark, "有一个"."，
		 * 所以": that is a quoted mark ("." ) inside a longer quote,
		 * and pairing in order would split the outer one. */
		if (k + 2 < n && at[k + 2] == c + 2 &&
		    tl_run_is_text(run, c + 1) && run->chars[c + 1].cp < 0x80 &&
		    !tl_run_is_alnum(run, c + 1) &&
		    !tl_run_is_blank(run, c + 1))
			return;
	}
	for (size_t k = 0; k < n; k += 2)
		add_pair(ps, at[k], at[k + 1], Q_STRAIGHT2);
}

/* Straight single quotes: apostrophes are skipped; a mark that can open
 * (nothing alphanumeric before it, a word after it) opens, and the next
 * mark that can close (a word before it, nothing alphanumeric after it)
 * closes. */
static void pair_straight1(const tl_run *run, const size_t *at, size_t n,
                           pairs *ps)
{
	size_t open = TL_NONE;
	for (size_t k = 0; k < n; k++) {
		size_t i = at[k];
		if (tl_run_is_apostrophe(run, i))
			continue;
		bool can_open = (i == 0 || !tl_run_is_alnum(run, i - 1)) &&
		                !is_gap(run, i + 1);
		bool can_close = i > 0 && !is_gap(run, i - 1) &&
		                 !tl_run_is_alnum(run, i + 1);
		if (open != TL_NONE && can_close) {
			add_pair(ps, open, i, Q_STRAIGHT1);
			open = TL_NONE;
		} else if (can_open) {
			open = i;
		}
	}
}

/* Curly and corner marks have distinct opening and closing glyphs: a
 * stack pairs each closing mark with the nearest open one of its kind.
 * A ’ that is an apostrophe ("it’s") is no mark, nor is a ‘ before a
 * digit ("‘90s"). */
static void pair_glyphs(const tl_run *run, const mark *m, size_t n, qkind kind,
                        size_t *stack, pairs *ps)
{
	size_t top = 0;
	for (size_t k = 0; k < n; k++) {
		if (m[k].kind != kind)
			continue;
		size_t i = m[k].i;
		if (kind == Q_CURLY1 && tl_run_is_apostrophe(run, i))
			continue;
		if (!m[k].closer)
			stack[top++] = i;
		else if (top > 0)
			add_pair(ps, stack[--top], i, kind);
	}
}

static int pair_cmp(const void *a, const void *b)
{
	const pair *x = a, *y = b;
	return x->open < y->open ? -1 : x->open > y->open;
}

/* Sets the depth of every pair: how many pairs enclose it. */
static void set_depths(pairs *ps, size_t *stack)
{
	qsort(ps->p, ps->n, sizeof *ps->p, pair_cmp);
	size_t top = 0;
	for (size_t k = 0; k < ps->n; k++) {
		while (top > 0 && stack[top - 1] < ps->p[k].open)
			top--;
		ps->p[k].depth = top;
		stack[top++] = ps->p[k].close;
	}
}

/* What the checks of one run share: prefix counts of CJK ideographs and
 * of escaped or entity characters (CJK[i]: how many among the first I
 * characters), so that asking about the text inside a pair costs the
 * same however long it is and however deeply pairs nest. */
typedef struct ctx {
	tl_check *ck;
	const tl_run *run;
	uint32_t *cjk; /* N + 1 entries each, counted by prefix_counts */
	uint32_t *lit;
	bool counted; /* whether cjk and lit hold the counts */
	bool heap;    /* whether they were allocated */
	bool corner;
	const char *style;
	tl_unit_cache units; /* for english_pair */
} ctx;

/* Fills in the prefix counts the first time a pair is checked: most runs
 * with quote marks have no pair that needs them. They go into the arrays
 * the caller gave (small runs), or allocated ones. */
static void prefix_counts(ctx *c)
{
	if (c->counted)
		return;
	const tl_run *run = c->run;
	if (!c->cjk) {
		c->cjk = tl_xmalloc((run->n + 1) * sizeof *c->cjk);
		c->lit = tl_xmalloc((run->n + 1) * sizeof *c->lit);
		c->heap = true;
	}
	c->cjk[0] = c->lit[0] = 0;
	for (size_t i = 0; i < run->n; i++) {
		c->cjk[i + 1] = c->cjk[i] + tl_run_is_cjk(run, i);
		c->lit[i + 1] =
		    c->lit[i] + ((run->chars[i].flags & TL_CF_LITERAL) != 0);
	}
	c->counted = true;
}

/* Is the code point at byte P of [S, E) (UTF-8) a CJK ideograph? */
static bool cjk_at(const char *s, const char *e, const char *p)
{
	uint32_t cp;
	if (p < s || p >= e)
		return false;
	tl_utf8_decode(p, (size_t)(e - p), &cp);
	return tl_char_is_cjk(cp);
}

/* For `style: consistent`: does the document quote Chinese with corner
 * quotes first? The first “ or 「 of the source with a CJK ideograph just
 * inside it or just before it decides; a document with neither is
 * curly. */
static bool first_style_corner(const tl_doc *doc)
{
	const char *s = doc->src->data, *e = s + doc->src->len;
	for (const char *p = s; p + 3 <= e; p++) {
		bool curly = (unsigned char)p[0] == 0xE2 &&
		             (unsigned char)p[1] == 0x80 &&
		             (unsigned char)p[2] == 0x9C;
		bool corner = (unsigned char)p[0] == 0xE3 &&
		              (unsigned char)p[1] == 0x80 &&
		              (unsigned char)p[2] == 0x8C;
		if (!curly && !corner)
			continue;
		/* The character before: back over its continuation bytes. */
		const char *b = p;
		while (b > s && ((unsigned char)*--b & 0xC0) == 0x80)
			;
		if (cjk_at(s, e, p + 3) || (b < p && cjk_at(s, e, b)))
			return corner;
	}
	return false;
}

static bool has_cjk(const ctx *c, size_t from, size_t to)
{
	return c->cjk[to] > c->cjk[from];
}

/* Is the nearest character before I (DIR -1) or after it (DIR 1), past
 * spaces, in CJK context? */
static bool cjk_side(const tl_run *run, size_t i, int dir)
{
	for (;;) {
		if (dir < 0 ? i == 0 : i + 1 >= run->n)
			return false;
		i = dir < 0 ? i - 1 : i + 1;
		if (!tl_run_is_whitespace(run, i))
			return tl_run_is_cjk_context(run, i);
	}
}

/* Does the text quoted by straight quotes look like a literal value
 * rather than prose: a path, a variable, a key sequence or escapes
 * ("/home/用户名", "\\` + <字母>")? Straight quotes around it delimit a
 * string, and curly ones would change its meaning. */
static bool literal_value(const ctx *c, size_t from, size_t to)
{
	const tl_char *first = &c->run->chars[from];
	if (from < to && first->kind == TL_CHAR_TEXT && first->cp < 0x80 &&
	    strchr("/~.$\\`<{[-", (int)first->cp))
		return true;
	return c->lit[to] > c->lit[from];
}

/* Do both marks of pair P stand in one English unit (punct.h)? */
static bool english_pair(ctx *c, const pair *p)
{
	tl_unit_span u;
	return tl_punct_unit(c->run, p->open, &c->units, &u) && u.english &&
	       p->close < u.e;
}

/* Should pair P be rewritten, and into which kind? */
static bool wanted(ctx *c, const pair *p, qkind *to)
{
	const tl_run *run = c->run;
	bool corner = c->corner;
	bool inner = p->depth % 2 == 1;
	*to = corner ? (inner ? Q_CORNER2 : Q_CORNER1)
	             : (inner ? Q_CURLY1 : Q_CURLY2);
	switch (p->kind) {
	case Q_STRAIGHT2:
	case Q_STRAIGHT1:
		return has_cjk(c, p->open + 1, p->close) &&
		       !literal_value(c, p->open + 1, p->close);
	case Q_CURLY2:
	case Q_CURLY1:
		return corner && (has_cjk(c, p->open + 1, p->close) ||
		                  cjk_side(run, p->open, -1) ||
		                  cjk_side(run, p->close, 1));
	default:
		/* Corner quotes in English text ("He said 「hello」 to me")
		 * become straight ones, which is halfwidth-punctuation's
		 * fix: two rules rewriting one pair would fight. */
		return !corner && !english_pair(c, p);
	}
}

static void report(const ctx *x, const pair *p, qkind to)
{
	tl_check *ck = x->ck;
	const tl_char *o = &x->run->chars[p->open];
	const tl_char *c = &x->run->chars[p->close];
	if ((o->flags | c->flags) & TL_CF_LITERAL)
		return; /* an entity or escape: written that way on purpose */
	const char *msg;
	if (p->kind == Q_STRAIGHT1 || p->kind == Q_STRAIGHT2)
		msg = tl_check_msgf(
		    ck, "Straight quotes around Chinese text; use %s%s",
		    "中文内容应使用%s%s，而不是直引号", glyph[to][0],
		    glyph[to][1]);
	else
		msg = tl_check_msgf(ck,
		                    "Quotes %s%s do not match the quote style "
		                    "(%s); use %s%s",
		                    "引号%s%s不符合引号风格（%s），应使用%s%s",
		                    glyph[p->kind][0], glyph[p->kind][1],
		                    x->style, glyph[to][0], glyph[to][1]);
	tl_edit edits[2] = {{o->start, o->end, glyph[to][0]},
	                    {c->start, c->end, glyph[to][1]}};
	tl_fix fix = {TL_FIX_SAFE, edits, 2};
	tl_check_report(ck, o->start, c->end, msg, &fix);
}

/* Pairs and checks the marks M[0..N) of one table cell (or of the whole
 * run outside tables). AT and STACK are scratch arrays of N entries. */
static void check_segment(ctx *c, const mark *m, size_t n, size_t *at,
                          size_t *stack, pair *buf)
{
	const tl_run *run = c->run;
	pairs ps = {buf, 0};
	for (int kind = Q_STRAIGHT2; kind <= Q_STRAIGHT1; kind++) {
		size_t na = 0;
		for (size_t k = 0; k < n; k++)
			if (m[k].kind == (qkind)kind)
				at[na++] = m[k].i;
		if (kind == Q_STRAIGHT2)
			pair_straight2(run, at, na, &ps);
		else
			pair_straight1(run, at, na, &ps);
	}
	for (int kind = Q_CURLY2; kind < Q_KINDS; kind++)
		pair_glyphs(run, m, n, (qkind)kind, stack, &ps);
	if (ps.n == 0)
		return;
	prefix_counts(c);
	set_depths(&ps, stack);
	for (size_t k = 0; k < ps.n; k++) {
		qkind to;
		if (wanted(c, &ps.p[k], &to))
			report(c, &ps.p[k], to);
	}
}

/* May RUN hold a quote mark? A straight quote, or one of the curly and
 * corner marks, which the run summary rules out one by one. */
static bool may_have_marks(const tl_run *run)
{
	static const uint32_t glyphs[] = {0x201C, 0x201D, 0x2018, 0x2019,
	                                  0x300C, 0x300D, 0x300E, 0x300F};
	if (tl_run_has_ascii(run, '"') || tl_run_has_ascii(run, '\''))
		return true;
	/* The curly and corner marks are CJK punctuation. */
	if (!(run->cls_any & TL_CLS_CJK_PUNCT))
		return false;
	for (size_t k = 0; k < sizeof glyphs / sizeof *glyphs; k++)
		if (tl_run_may_have(run, glyphs[k]))
			return true;
	return false;
}

/* Room on the C stack for the marks and the prefix counts of most runs. */
#define SMALL_MARKS 64
#define SMALL_RUN 256

static void check(tl_check *ck, const tl_run *run)
{
	if (!may_have_marks(run))
		return;

	/* Collect the marks (in code-like HTML too, as the count of marks
	 * sizes the arrays below) in one pass. */
	mark m_buf[SMALL_MARKS];
	mark *m = m_buf;
	size_t n = 0, seg = 0;
	bool straight_or_corner = false;
	for (size_t i = 0; i < run->n; i++) {
		const tl_char *ch = &run->chars[i];
		if (ch->kind != TL_CHAR_TEXT) {
			if (ch->kind == TL_CHAR_SEP)
				seg++;
			continue;
		}
		/* Straight quotes are ASCII, and the others CJK
		 * punctuation: the class bit rules out most characters at
		 * once. */
		if (!(ch->cls & TL_CLS_CJK_PUNCT) && ch->cp != '"' &&
		    ch->cp != '\'')
			continue;
		bool closer;
		qkind kind = kind_of(ch->cp, &closer);
		if (kind == Q_KINDS)
			continue;
		if (n == SMALL_MARKS && m == m_buf) {
			/* Every character at most is a mark. */
			m = tl_xmalloc(run->n * sizeof *m);
			memcpy(m, m_buf, sizeof m_buf);
		}
		m[n++] = (mark){i, seg, kind, closer};
		straight_or_corner |= kind != Q_CURLY2 && kind != Q_CURLY1;
	}
	ctx c = {ck, run, NULL, NULL, false, false, false, NULL, {0}};
	if (n >= 2) {
		c.style = tl_check_option(ck, "style");
		c.corner = strcmp(c.style, "corner") == 0;
		if (strcmp(c.style, "consistent") == 0) {
			/* 0: not asked yet, 1: curly, 2: corner. */
			int *first = tl_check_state(ck, sizeof *first);
			if (!*first)
				*first = first_style_corner(run->doc) ? 2 : 1;
			c.corner = *first == 2;
		}
	}
	/* Fewer than two marks pair up into nothing; and with curly style,
	 * only straight and corner marks are ever reported (wanted()). */
	if (n < 2 || (!c.corner && !straight_or_corner)) {
		if (m != m_buf)
			free(m);
		return;
	}
	uint32_t cjk_buf[SMALL_RUN + 1], lit_buf[SMALL_RUN + 1];
	if (run->n <= SMALL_RUN) {
		c.cjk = cjk_buf;
		c.lit = lit_buf;
	}

	size_t at_buf[SMALL_MARKS], stack_buf[SMALL_MARKS];
	pair pair_buf[SMALL_MARKS];
	bool small = n <= SMALL_MARKS;
	size_t *at = small ? at_buf : tl_xmalloc(n * sizeof *at);
	size_t *stack = small ? stack_buf : tl_xmalloc(n * sizeof *stack);
	pair *buf = small ? pair_buf : tl_xmalloc(n * sizeof *buf);
	/* Leave out the marks in code-like HTML. */
	tl_run_html html;
	tl_run_html_init(&html, run);
	size_t nm = 0;
	for (size_t k = 0; k < n; k++)
		if (!tl_run_html_in_code(&html, m[k].i))
			m[nm++] = m[k];
	for (size_t k = 0; k < nm;) {
		size_t e = k;
		while (e < nm && m[e].seg == m[k].seg)
			e++;
		check_segment(&c, m + k, e - k, at, stack, buf);
		k = e;
	}
	if (m != m_buf)
		free(m);
	if (!small) {
		free(at);
		free(stack);
		free(buf);
	}
	if (c.heap) {
		free(c.cjk);
		free(c.lit);
	}
}

const tl_rule tl_rule_quote_style = {
    .name = "quote-style",
    .summary = "Chinese quotation marks in the configured style",
    .summary_zh = "中文引号使用统一的风格",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_SAFE,
    .options = options,
    .description =
        "Flags straight quotes `\"…\"` and `'…'` around text that contains "
        "CJK characters, and quotation marks of the other style: with the "
        "default `style: curly`, corner quotes `「」` `『』`; with "
        "`style: corner`, curly quotes `“”` `‘’` that quote Chinese text or "
        "stand in Chinese context.\n\n"
        "Why: GB/T 15834-2011 and the Chinese copywriting guidelines "
        "followed by AutoCorrect and lint-md write Simplified Chinese "
        "quotations with full-width curly quotes, `“”` outside and `‘’` "
        "inside; Traditional Chinese and some projects use `「」` and "
        "`『』`. One style per document reads better.\n\n"
        "Not flagged: straight quotes around English text "
        "(`He said \"hello\"`), apostrophes (`it's`, `don't`, `'90s`), "
        "quotes that cannot be paired with confidence (an odd number of "
        "straight quotes in a paragraph, `12\"` inches), curly quotes "
        "around English text in an English sentence with `style: corner`, "
        "corner quotes in English text (`He said 「hello」 to me.`, which "
        "`halfwidth-punctuation` makes straight), "
        "quotes written as entities or escapes, code, URLs, math and HTML.",
    .fix_doc = "Safe: replaces both marks of a pair at once, with the "
               "style's outer marks (`“”` or `「」`), or its inner marks "
               "(`‘’` or `『』`) for a pair nested inside another pair.",
    .description_zh =
        "标记括住含中文文字的直引号 `\"…\"` 和 `'…'`，以及另一种样式的引号："
        "默认的 `style: curly` 下标记直角引号 `「」` `『』`；"
        "`style: corner` 下标记引用中文文字或位于中文语境中的弯引号 "
        "`“”` `‘’`。\n\n原因：GB/T 15834-2011 以及 AutoCorrect "
        "和 lint-md 所遵循的中文文案排版指北，简体中文的引文用全角弯引号，"
        "外层 `“”`，内层 `‘’`；繁体中文和一些项目使用 `「」` "
        "和 `『』`。一篇文档只用一种样式更易读。\n\n不标记：括住英文的直引号"
        "（`He said \"hello\"`），撇号（`it's`、`don't`、`'90s`）"
        "，无法可靠配对的引号（段落中直引号的个数为奇数，表示英寸的 "
        "`12\"`），`style: corner` 下英文句子中括住英文的弯引号，"
        "英文中的直角引号（`He said 「hello」 to me.`，由 "
        "`halfwidth-punctuation` 改为直引号），"
        "写成字符实体或转义的引号，以及代码、URL、数学公式和 "
        "HTML。",
    .fix_doc_zh =
        "安全：同时替换一对引号的两个标点，换成该样式的外层引号（`“”` "
        "或 `「」`）；嵌套在另一对引号中的，换成内层引号（`‘’` "
        "或 `『』`）。",
    .bad = "他说\"这个功能叫'热重载'\"，文档称之为「实时预览」。\n",
    .good = "他说“这个功能叫‘热重载’”，文档称之为“实时预览”。\n",
    .check_run = check,
};
