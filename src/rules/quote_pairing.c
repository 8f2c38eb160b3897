/*
 * quote-pairing: quotation marks and full-width brackets that do not pair
 * up within a block: an opening mark never closed (“rhel9-local.repo`), a
 * closing mark with nothing open (”bind_to_port”), marks that cross
 * (“甲（乙”）), a full-width bracket closed by a half-width one (（注意).
 *
 * Chinese input methods type “ and ” (and ‘ and ’) with one key that
 * alternates, so a slip turns a pair into ”…” or “…“; a translator who
 * replaces backticks by quotes leaves half of them. Either way the text
 * reads wrong and a fix cannot be guessed, so the rule only reports.
 *
 * Marks pair with a stack, per paragraph, heading or table cell. To stay
 * quiet where typography is legitimately unbalanced:
 *   - a quotation may run over several paragraphs (or the items of a
 *     quoted list), each paragraph opening with “ and only the last one
 *     closing: a mark left open is reported only when no block among the
 *     next few continues it (opens with the same quote, or closes it)
 *     before one uses that mark otherwise, or a heading or table comes;
 *   - ’ and ' are apostrophes between letters (don’t) or before digits
 *     (’90s), and ’ closes only when a ‘ is open;
 *   - half-width parentheses are English typography and are checked only
 *     against full-width ones: "（注意)" is flagged, "1) 2)" and ":)" are
 *     not; "1）", "a）" are list enumerators and "：）" a smiley;
 *   - straight quotes cannot tell opening from closing and are left out;
 *   - a closing mark the model does not show (the text after a malformed
 *     <rt> annotation) still closes.
 * A backtick that opened no code span closes the quote open before it:
 * the translator typed a quote for the other backtick.
 */
#include "rule.h"

#include <stdlib.h>
#include <string.h>

/* Opening marks and their closing partners. '(' is "soft": it pairs with
 * ')' silently and is reported only against a full-width bracket. */
static const uint32_t pairs[][2] = {
    {0x201C, 0x201D}, /* “ ” */
    {0x2018, 0x2019}, /* ‘ ’ */
    {0x300C, 0x300D}, /* 「 」 */
    {0x300E, 0x300F}, /* 『 』 */
    {0xFF08, 0xFF09}, /* （ ） */
    {0x300A, 0x300B}, /* 《 》 */
    {0x3010, 0x3011}, /* 【 】 */
    {0x3008, 0x3009}, /* 〈 〉 */
    {0x3014, 0x3015}, /* 〔 〕 */
    {0x3016, 0x3017}, /* 〖 〗 */
    {0xFF3B, 0xFF3D}, /* ［ ］ */
    {0xFF5B, 0xFF5D}, /* ｛ ｝ */
};
#define NPAIRS (sizeof pairs / sizeof *pairs)
#define NQUOTES 4 /* the first four are quotes */

/* How deep below the top of the stack a closing mark looks for its
 * partner: far enough for any real text, and a bound that keeps the rule
 * linear on a pathological one (thousands of unclosed marks). */
#define SEARCH 64

#define FW_OPEN 0xFF08u  /* （ */
#define FW_CLOSE 0xFF09u /* ） */

/* The mark CP as its index in pairs times two, plus one for a closing
 * mark; -1 when CP is none of them. The cases follow pairs, in its
 * order: a switch, since this runs for every CJK punctuation mark of
 * every run, most of them (，。、) no mark of pairs. */
static int mark_of(uint32_t cp)
{
	switch (cp) {
	case 0x201C:
		return 0; /* “ */
	case 0x201D:
		return 1; /* ” */
	case 0x2018:
		return 2; /* ‘ */
	case 0x2019:
		return 3; /* ’ */
	case 0x300C:
		return 4; /* 「 */
	case 0x300D:
		return 5; /* 」 */
	case 0x300E:
		return 6; /* 『 */
	case 0x300F:
		return 7; /* 』 */
	case 0xFF08:
		return 8; /* （ */
	case 0xFF09:
		return 9; /* ） */
	case 0x300A:
		return 10; /* 《 */
	case 0x300B:
		return 11; /* 》 */
	case 0x3010:
		return 12; /* 【 */
	case 0x3011:
		return 13; /* 】 */
	case 0x3008:
		return 14; /* 〈 */
	case 0x3009:
		return 15; /* 〉 */
	case 0x3014:
		return 16; /* 〔 */
	case 0x3015:
		return 17; /* 〕 */
	case 0x3016:
		return 18; /* 〖 */
	case 0x3017:
		return 19; /* 〗 */
	case 0xFF3B:
		return 20; /* ［ */
	case 0xFF3D:
		return 21; /* ］ */
	case 0xFF5B:
		return 22; /* ｛ */
	case 0xFF5D:
		return 23; /* ｝ */
	default:
		return -1;
	}
}

/* The index in pairs of opening mark CP (or closing, when CLOSE). */
static int pair_of(uint32_t cp, int close)
{
	int m = mark_of(cp);
	return m >= 0 && (m & 1) == close ? m >> 1 : -1;
}

static char *glyph(char buf[5], uint32_t cp)
{
	buf[tl_utf8_encode(cp, buf)] = 0;
	return buf;
}

/* Marks left open at the end of a block, kept until a later block says
 * whether the quotation goes on. */
#define MAX_PENDING 8
#define MAX_AGE 8 /* blocks without a mark of its kind it may span */
typedef struct pending {
	size_t n;
	struct {
		size_t start, end;
		uint32_t cp;
		unsigned age;
	} q[MAX_PENDING];
} pending;

/* An open mark on the stack. */
typedef struct open_mark {
	size_t i;
	int pair; /* index in pairs; -1 for a half-width '(' */
} open_mark;

/* Scratch state of one run. */
typedef struct scan {
	tl_check *ck;
	const tl_run *run;
	open_mark *stack;
	size_t top;
	size_t *strays; /* closing marks with nothing open, in order */
	size_t nstrays;
	size_t cap;          /* room in stack and in strays */
	bool heap;           /* whether they were allocated */
	int crossed[NPAIRS]; /* marks implicitly closed by a crossing pair */
	/* The ）marks of this segment, counted from character seg_start
	 * the first time a half-width ')' asks (TL_NONE until then), and
	 * those seen so far: the difference is how many are still ahead. */
	size_t seg_start;
	size_t fw_close_total;
	size_t fw_close_seen;
} scan;

/* Runs start with small arrays on the C stack; the first one to fill up
 * moves both to the heap, with room for every character of the run,
 * which bounds the marks the stack and the strays can hold. */
static void reserve(scan *s)
{
	if (s->heap || (s->top < s->cap && s->nstrays < s->cap))
		return;
	size_t cap = s->run->n;
	open_mark *stack = tl_xmalloc(cap * sizeof *stack);
	size_t *strays = tl_xmalloc(cap * sizeof *strays);
	memcpy(stack, s->stack, s->top * sizeof *stack);
	memcpy(strays, s->strays, s->nstrays * sizeof *strays);
	s->stack = stack;
	s->strays = strays;
	s->cap = cap;
	s->heap = true;
}

static void push(scan *s, size_t i, int pair)
{
	reserve(s);
	s->stack[s->top++] = (open_mark){i, pair};
}

static void report2(scan *s, size_t i, const char *en, const char *zh,
                    uint32_t a, uint32_t b)
{
	char ga[5], gb[5];
	const tl_char *c = &s->run->chars[i];
	tl_check_reportf(s->ck, c->start, c->end, NULL, en, zh, glyph(ga, a),
	                 glyph(gb, b));
}

static uint32_t cp_at(const scan *s, size_t i)
{
	return s->run->chars[i].cp;
}

/* Is the closing bracket at I a list enumerator: "1）", "12）", "a）",
 * "1b）", "三）", with nothing alphanumeric before that? */
static bool is_enumerator(const tl_run *run, size_t i)
{
	size_t k = i;
	while (k > 0 && i - k < 3 && run->chars[k - 1].kind == TL_CHAR_TEXT &&
	       run->chars[k - 1].cp < 0x80 && tl_run_is_alnum(run, k - 1))
		k--;
	if (k == i) {
		if (k == 0 || run->chars[k - 1].kind != TL_CHAR_TEXT ||
		    !tl_char_is_cjk_numeral(run->chars[k - 1].cp))
			return false;
		k--;
	}
	if (k == 0)
		return true;
	const tl_char *p = &run->chars[k - 1];
	if (p->kind != TL_CHAR_TEXT)
		return p->kind == TL_CHAR_BREAK || p->kind == TL_CHAR_SEP;
	return !(p->cls & TL_CLS_LATIN) && !(p->cls & TL_CLS_DIGIT) &&
	       !(p->cls & TL_CLS_CJK);
}

/* Is the closing bracket at I the mouth of a smiley: "：）", ":-）",
 * "^_^）"? */
static bool is_smiley(const tl_run *run, size_t i)
{
	size_t k = i;
	if (k > 0 && tl_run_is_cp(run, k - 1, '-'))
		k--;
	return k > 0 && (tl_run_is_cp(run, k - 1, ':') ||
	                 tl_run_is_cp(run, k - 1, 0xFF1A) ||
	                 tl_run_is_cp(run, k - 1, '^'));
}

/* Does the closing mark CP stand in the source after character I of the
 * run and before character END (the end of its segment), in bytes that
 * produced no character? The model leaves out the text
 * of <rt> annotations, and a malformed one ("<rt>复制<rt>Copy</rt>") hides
 * everything after it; a mark the reader sees there is no reason to call
 * an opening one unclosed. */
static bool closed_out_of_sight(const tl_run *run, size_t i, size_t end,
                                uint32_t cp)
{
	char enc[4];
	size_t n = tl_utf8_encode(cp, enc);
	const char *src = run->doc->src->data;
	for (size_t k = i + 1; k <= end; k++) {
		size_t from = run->chars[k - 1].end;
		size_t to = k < run->n ? run->chars[k].start : run->end;
		for (size_t p = from; p + n <= to; p++)
			if (memcmp(src + p, enc, n) == 0)
				return true;
	}
	return false;
}

/* A closing mark at I of pair P. */
static void on_close(scan *s, size_t i, int p)
{
	/* The nearest full-width (hard) open mark, past half-width '('. */
	size_t h = s->top, floor = s->top > SEARCH ? s->top - SEARCH : 0;
	while (h > floor && s->stack[h - 1].pair < 0)
		h--;
	if (h > floor && s->stack[h - 1].pair == p) {
		s->top = h - 1;
		return;
	}
	/* Further down? Then the marks above it cross this pair. */
	size_t m = h;
	while (m > floor && s->stack[m - 1].pair != p)
		m--;
	if (m > floor && h > floor) {
		size_t inner = h - 1;
		report2(s, s->stack[inner].i, "%s is not closed before %s",
		        "%s在%s之前没有闭合", pairs[s->stack[inner].pair][0],
		        pairs[p][1]);
		for (size_t k = m; k < s->top; k++)
			if (s->stack[k].pair >= 0)
				s->crossed[s->stack[k].pair]++;
		s->top = m - 1;
		return;
	}
	/* Nothing open of this kind. */
	if (pairs[p][1] == FW_CLOSE && s->top > 0 &&
	    s->stack[s->top - 1].pair < 0) {
		report2(s, s->stack[s->top - 1].i,
		        "Half-width %s is closed by full-width %s",
		        "半角%s与全角%s不配对", '(', FW_CLOSE);
		s->top--;
		return;
	}
	if (s->crossed[p] > 0) {
		s->crossed[p]--;
		return;
	}
	if (p >= NQUOTES && (is_enumerator(s->run, i) || is_smiley(s->run, i)))
		return;
	reserve(s);
	s->strays[s->nstrays++] = i;
}

/* Counts the ）marks in [FROM, the end of the segment). */
static size_t count_fw_close(const tl_run *run, size_t from)
{
	/* No ）in the run: the count is 0 without looking. */
	if (!tl_run_may_have(run, FW_CLOSE))
		return 0;
	size_t n = 0;
	for (size_t i = from; i < run->n; i++) {
		const tl_char *c = &run->chars[i];
		if (c->kind == TL_CHAR_SEP)
			break;
		n += c->kind == TL_CHAR_TEXT && c->cp == FW_CLOSE;
	}
	return n;
}

/* How many ）marks of the segment are not seen yet. */
static size_t fw_close_left(scan *s)
{
	if (s->fw_close_total == TL_NONE)
		s->fw_close_total = count_fw_close(s->run, s->seg_start);
	return s->fw_close_total - s->fw_close_seen;
}

/* A half-width ')'. */
static void on_ascii_close(scan *s)
{
	if (s->top == 0)
		return;
	open_mark *t = &s->stack[s->top - 1];
	if (t->pair < 0) {
		s->top--;
	} else if (pairs[t->pair][0] == FW_OPEN && fw_close_left(s) == 0) {
		report2(s, t->i, "Full-width %s is closed by half-width %s",
		        "全角%s与半角%s不配对", FW_OPEN, ')');
		s->top--;
	}
}

/* A backtick at I that opened no code span, so it shows as text. A quote
 * open right before it was typed where a backtick was meant, or the
 * other way round ("“file.repo`"): the quote is closed by the backtick. */
static void on_backtick(scan *s, size_t i)
{
	if (s->run->chars[i].flags & TL_CF_LITERAL || s->top == 0)
		return;
	open_mark *t = &s->stack[s->top - 1];
	if (t->pair < 0 || t->pair >= NQUOTES)
		return;
	report2(s, t->i, "%s is closed by a backtick %s", "%s与反引号%s不配对",
	        pairs[t->pair][0], '`');
	s->top--;
}

static void report_unclosed(tl_check *ck, size_t start, size_t end, uint32_t cp)
{
	char g[5];
	tl_check_reportf(ck, start, end, NULL, "%s is not closed", "%s没有闭合",
	                 glyph(g, cp));
}

/* Ends the segment of the run that ends before character END (a table
 * cell separator, or the end of the run): reports stray closing marks
 * and the marks left open. A mark left open at the end of a paragraph
 * goes to PEND (when not NULL) instead: a later block decides. CONT[p] is
 * set for marks that an earlier block left open and this one continues:
 * its first stray closing mark of that kind closes that quotation. */
static void end_segment(scan *s, size_t end, pending *pend, bool *cont)
{
	/* No mark open and no stray one: nothing to report (most segments
	 * hold no mark at all). */
	if (s->top == 0 && s->nstrays == 0) {
		memset(s->crossed, 0, sizeof s->crossed);
		return;
	}
	/* Stray closing marks: two of a kind in a row ("”name”") mean the
	 * first should open; a lone one has nothing to close. */
	for (size_t p = 0; p < NPAIRS; p++) {
		size_t prev = TL_NONE;
		for (size_t k = 0; k < s->nstrays; k++) {
			size_t i = s->strays[k];
			if (pair_of(cp_at(s, i), 1) != (int)p)
				continue;
			if (cont && cont[p]) {
				cont[p] = false;
				continue;
			}
			if (prev == TL_NONE) {
				prev = i;
				continue;
			}
			report2(s, prev, "%s here should be %s",
			        "此处的%s应为%s", pairs[p][1], pairs[p][0]);
			prev = TL_NONE;
		}
		if (prev != TL_NONE)
			report2(s, prev, "%s has no matching %s",
			        "%s没有对应的%s", pairs[p][1], pairs[p][0]);
	}
	/* Marks left open: two quotes of a kind ("“name“") mean the second
	 * should close. */
	for (size_t p = 0; p < NPAIRS; p++) {
		size_t prev = TL_NONE;
		for (size_t k = 0; k < s->top; k++) {
			if (s->stack[k].pair != (int)p)
				continue;
			size_t i = s->stack[k].i;
			if (prev == TL_NONE) {
				prev = i;
				continue;
			}
			if (p < NQUOTES) {
				report2(s, i, "%s here should be %s",
				        "此处的%s应为%s", pairs[p][0],
				        pairs[p][1]);
				prev = TL_NONE;
				continue;
			}
			report_unclosed(s->ck, s->run->chars[prev].start,
			                s->run->chars[prev].end, pairs[p][0]);
			prev = i;
		}
		if (prev == TL_NONE ||
		    closed_out_of_sight(s->run, prev, end, pairs[p][1]))
			continue;
		const tl_char *c = &s->run->chars[prev];
		if (pend && pend->n < MAX_PENDING) {
			pend->q[pend->n].start = c->start;
			pend->q[pend->n].end = c->end;
			pend->q[pend->n].cp = pairs[p][0];
			pend->q[pend->n].age = 0;
			pend->n++;
		} else {
			report_unclosed(s->ck, c->start, c->end, pairs[p][0]);
		}
	}
	s->top = 0;
	s->nstrays = 0;
	for (size_t p = 0; p < NPAIRS; p++)
		s->crossed[p] = 0;
}

/* The first mark of pair P in RUN: -1 a closing one, 1 an opening one
 * (0 when that is the first character past spaces), 2 none. */
static int first_mark(const tl_run *run, int p)
{
	/* Neither mark in the run: no character below can match. */
	if (!tl_run_may_have(run, pairs[p][0]) &&
	    !tl_run_may_have(run, pairs[p][1]))
		return 2;
	bool first = true;
	for (size_t i = 0; i < run->n; i++) {
		if (tl_run_is_whitespace(run, i))
			continue;
		if (tl_run_is_cp(run, i, pairs[p][0]))
			return first ? 0 : 1;
		first = false;
		if (tl_run_is_cp(run, i, pairs[p][1]) &&
		    !(p == 1 && tl_run_is_apostrophe(run, i)))
			return -1;
	}
	return 2;
}

static void flush(tl_check *ck, pending *pend)
{
	for (size_t k = 0; k < pend->n; k++)
		report_unclosed(ck, pend->q[k].start, pend->q[k].end,
		                pend->q[k].cp);
	pend->n = 0;
}

/* Is the mark at I mentioned rather than used: alone inside its own
 * emphasis ("产生 **‘** 和 **’**")? It names a character, and pairs with
 * nothing. (A mark alone between spaces is not taken for one: sloppy
 * spacing, "说 “ 你好”", puts many a real quote there.) */
static bool mentioned(const tl_run *run, size_t i)
{
	const tl_char *c = &run->chars[i];
	return c->depth > 0 && (i == 0 || run->chars[i - 1].depth < c->depth) &&
	       (i + 1 >= run->n || run->chars[i + 1].depth < c->depth);
}

static void check(tl_check *ck, const tl_run *run)
{
	pending *pend = tl_check_state(ck, sizeof *pend);

	/* Does this block go on with a quotation an earlier one left open?
	 * It does when it opens with the same mark, or closes one of that
	 * kind with nothing open (handled in end_segment, through CONT). A
	 * block with no mark of that kind (an item of a quoted list) passes
	 * the quotation on, for a few blocks; a heading or table ends it. */
	bool cont[NPAIRS] = {false};
	size_t kept = 0;
	for (size_t k = 0; k < pend->n; k++) {
		int p = pair_of(pend->q[k].cp, 0);
		int seen =
		    run->kind == TL_BLOCK_PARAGRAPH ? first_mark(run, p) : 1;
		if (seen == 0 && p < (int)NQUOTES)
			continue;
		if (seen < 0 && !cont[p]) {
			cont[p] = true;
			continue;
		}
		if (seen == 2 && pend->q[k].age < MAX_AGE) {
			pend->q[kept] = pend->q[k];
			pend->q[kept++].age++;
			continue;
		}
		report_unclosed(ck, pend->q[k].start, pend->q[k].end,
		                pend->q[k].cp);
	}
	pend->n = kept;
	/* Every mark of pairs is CJK punctuation, so a run without any and
	 * without '(' or '`' holds nothing to pair (a lone ')' closes
	 * nothing). */
	if (!(run->cls_any & TL_CLS_CJK_PUNCT) && !tl_run_has_ascii(run, '(') &&
	    !tl_run_has_ascii(run, '`'))
		return;

	scan s = {0};
	s.ck = ck;
	s.run = run;
	/* Most runs hold a few marks: no allocation for them. */
	open_mark stack_buf[32];
	size_t strays_buf[32];
	s.stack = stack_buf;
	s.strays = strays_buf;
	s.cap = 32;
	s.fw_close_total = TL_NONE;
	pending *into = run->kind == TL_BLOCK_PARAGRAPH ? pend : NULL;
	tl_run_html html;
	tl_run_html_init(&html, run);
	/* The run's array and length in locals: the compiler keeps them in
	 * registers across the calls in the loop. */
	const tl_char *chars = run->chars;
	size_t n = run->n;
	for (size_t i = 0; i < n; i++) {
		const tl_char *c = &chars[i];
		/* Every mark of pairs is CJK punctuation, and the others are
		 * '(', ')' and '`'; a cell separator is a '|'. So the class
		 * bits rule out the ideographs, most of the text, at once,
		 * and the code point most of the rest. */
		if ((c->cls & (TL_CLS_CJK | TL_CLS_CJK_PUNCT)) == TL_CLS_CJK)
			continue;
		if (!(c->cls & TL_CLS_CJK_PUNCT) &&
		    (c->cp > '`' ||
		     (c->cp != '(' && c->cp != ')' && c->cp != '`'))) {
			if (c->kind == TL_CHAR_SEP) {
				end_segment(&s, i, NULL, cont);
				s.seg_start = i + 1;
				s.fw_close_total = TL_NONE;
				s.fw_close_seen = 0;
			}
			continue;
		}
		if (c->kind != TL_CHAR_TEXT)
			continue;
		int po = -1, pc = -1;
		if (c->cls & TL_CLS_CJK_PUNCT) {
			int m = mark_of(c->cp);
			if (m < 0)
				continue;
			if (m & 1)
				pc = m >> 1;
			else
				po = m >> 1;
		}
		if (tl_run_html_in_code(&html, i) || mentioned(run, i))
			continue;
		if (c->cp == FW_CLOSE)
			s.fw_close_seen++;
		if (c->cp == '`') {
			on_backtick(&s, i);
		} else if (c->cp == '(') {
			push(&s, i, -1);
		} else if (c->cp == ')') {
			on_ascii_close(&s);
		} else if (c->cp == 0x2018) { /* ‘ */
			bool between = i > 0 && tl_run_is_alnum(run, i - 1) &&
			               tl_run_is_alnum(run, i + 1);
			if (!between && !tl_run_is_apostrophe(run, i))
				push(&s, i, po);
		} else if (c->cp == 0x2019) { /* ’ */
			bool open_single = false;
			size_t floor = s.top > SEARCH ? s.top - SEARCH : 0;
			for (size_t k = s.top; k > floor && !open_single; k--)
				open_single = s.stack[k - 1].pair == 1;
			bool after_gap =
			    i == 0 || tl_run_is_whitespace(run, i - 1) ||
			    run->chars[i - 1].kind == TL_CHAR_BREAK;
			if (open_single && !after_gap &&
			    !tl_run_is_apostrophe(run, i))
				on_close(&s, i, pc);
		} else if (po >= 0) {
			push(&s, i, po);
		} else {
			on_close(&s, i, pc);
		}
	}
	end_segment(&s, run->n, run->kind == TL_BLOCK_TABLE ? NULL : into,
	            cont);
	if (s.heap) {
		free(s.stack);
		free(s.strays);
	}
}

static void check_end(tl_check *ck, const tl_doc *doc)
{
	(void)doc;
	flush(ck, tl_check_state(ck, sizeof(pending)));
}

const tl_rule tl_rule_quote_pairing = {
    .name = "quote-pairing",
    .summary = "Quotes and brackets that pair up",
    .summary_zh = "引号和括号成对出现",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_NONE,
    .options = NULL,
    .description =
        "Flags quotation marks and full-width brackets that do not pair "
        "up within a paragraph, heading or table cell: an opening mark "
        "that is never closed, a closing mark with nothing open (two "
        "closing quotes `”name”` where the first should open), marks "
        "that cross (`“甲（乙”）`), a quote closed by a stray backtick "
        "(`` “rhel9-local.repo` ``), and a full-width bracket closed "
        "by a half-width one (`（注意)`). Marks checked: `“” ‘’ 「」 『』 （） "
        "《》 【】 〈〉 〔〕 〖〗 ［］ ｛｝`.\n\n"
        "Why: Chinese input methods type both curly quotes with one key, "
        "so a slip gives `”…”`; a quote that replaced a backtick leaves "
        "`“file.txt` unclosed. Readers stumble over either.\n\n"
        "Not flagged: a quotation that runs over several paragraphs, "
        "each opening with `“` and the last one closing it, or over the "
        "items of a quoted list; apostrophes (`don’t`, `’90s`); a mark "
        "alone in its own emphasis, which names the character (`产生 "
        "**‘** 和 **’**`); "
        "half-width parentheses on their own (`1)`, `:)`); list "
        "enumerators (`1）`, `a）`) and smileys (`：）`); straight quotes, "
        "which cannot tell opening from closing; code, URLs, math and "
        "HTML.",
    .fix_doc = "None: which mark is wrong, and what it should be, needs "
               "a reader.",
    .description_zh =
        "标记在一个段落、标题或表格单元格中无法配对的引号和全角括号："
        "打开后始终没有闭合的标点，没有打开就出现的闭合标点（两个闭合引号"
        " `”name”`，第一个本应是开引号），交叉的标点（`“甲（乙”）"
        "`），被误打成反引号的闭合引号（`` “rhel9-local.repo` "
        "``），以及用半角括号闭合的全角括号（`（注意)`）。检查的标点："
        "`“” ‘’ 「」 『』 （） 《》 【】 〈〉 〔〕 〖〗 ［］ "
        "｛｝`。\n\n原因：中文输入法用同一个键输入左右弯引号，一不小心就成了"
        " `”…”`；用引号代替反引号，会留下没有闭合的 `“file.txt`。"
        "读者看到这两种情况都会卡住。\n\n不标记：跨越几个段落的引文，"
        "每段以 `“` 开头，最后一段闭合；跨越引用列表各项的引文；"
        "撇号（`don’t`、`’90s`）；单独包在强调中、指称字符本身的引号"
        "（`产生 **‘** 和 **’**`）；单独出现的半角括号（`1)`、`:)`）"
        "；列表序号（`1）`、`a）`）和表情（`：）`）；无法区分开闭的直引号"
        "；代码、URL、数学公式和 HTML。",
    .fix_doc_zh = "无：哪个标点错了、应该改成什么，需要人来判断。",
    .bad = "将“rhel9-local.repo`复制到目录中，然后设置”bind_to_port”。\n",
    .good = "将 `rhel9-local.repo` 复制到目录中，然后设置“bind_to_port”。\n",
    .check_run = check,
    .check_end = check_end,
};
