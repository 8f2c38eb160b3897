/*
 * custom.c: declarative rules from the configuration (rules: custom:,
 * DESIGN.md section 1.2): a PCRE2 pattern in UTF mode, compiled once when
 * the configuration loads (JIT where available), matched on the rendered
 * text of prose runs (or headings, or link text) or on the raw source.
 *
 * Prose matches are mapped back to source bytes through the run's byte map
 * (tl_run_toff, tl_char.start, end). An opaque element (inline code, URL, math)
 * is one U+FFFC in the text, so a pattern never sees inside it. A replacement
 * becomes a safe fix only when the matched characters are plain source
 * text laid out contiguously (no markup, escape or opaque element inside
 * the match); otherwise the finding has no fix, because rewriting those
 * bytes would change what the prose rules must not touch.
 *
 * A match limit, a depth limit and a heap limit bound every match: a
 * pattern that backtracks catastrophically ((a+)+$ on a long line) gets a
 * diagnostic naming the rule, and the rule stops for that document,
 * instead of hanging the run. A limit per match is not enough, since
 * 20,000 short paragraphs each just under it take minutes: each rule also
 * has a budget of match steps per file (BUDGET_BASE plus BUDGET_PER_BYTE
 * for each byte of the file), and stops with the same diagnostic when it
 * is spent. PCRE2 does not say how many steps a match took, so a match
 * is first tried with a small limit, doubled while it is not enough, and
 * each try is charged the limit it was given: an upper bound within
 * twice the real cost, and deterministic, so the output does not depend
 * on the machine's speed.
 *
 * A pattern with \C (one code unit, which can split a UTF-8 character)
 * is refused when the configuration loads: a match or a replacement
 * inside a character cannot be mapped to the source.
 */
#include "custom.h"
#include "option.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MATCH_LIMIT 1000000
#define DEPTH_LIMIT 10000
#define HEAP_LIMIT_KIB 20000
#define FIRST_LIMIT 16
#define BUDGET_BASE 10000000u
#define BUDGET_PER_BYTE 32u

struct tl_custom {
	tl_rule rule; /* first, so that a tl_rule pointer converts back */
	char *id;
	char *message;
	char *pattern;
	char *replace; /* NULL: no fix */
	tl_custom_scope scope;
	pcre2_code *re;
	int refs;
};

static const char *const scope_names[] = {"prose", "heading", "link-text",
                                          "raw"};

bool tl_custom_scope_parse(const char *name, tl_custom_scope *out)
{
	for (size_t i = 0; i < 4; i++)
		if (strcmp(name, scope_names[i]) == 0) {
			*out = (tl_custom_scope)i;
			return true;
		}
	return false;
}

/* The number of code points in the first N bytes of S. */
static size_t code_points(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* Expands the replacement of C for the match in MD over SUBJ into OUT;
 * with OUT NULL, only checks it, returning false with WHY filled and *AT
 * the code point of the replacement where the fault starts (its '$'),
 * the unit of a pattern's error offset too. */
static bool expand(const tl_custom *c, const char *subj, pcre2_match_data *md,
                   tl_buf *out, char *why, size_t cap, size_t *at)
{
	const char *r = c->replace;
	PCRE2_SIZE *ov = md ? pcre2_get_ovector_pointer(md) : NULL;
	uint32_t ncap = 0;
	pcre2_pattern_info(c->re, PCRE2_INFO_CAPTURECOUNT, &ncap);
	for (size_t i = 0; r[i];) {
		if (r[i] != '$') {
			if (out)
				tl_buf_putc(out, r[i]);
			i++;
			continue;
		}
		long group = -1;
		size_t dollar = i;
		if (at)
			*at = code_points(r, dollar);
		if (r[i + 1] == '$') {
			if (out)
				tl_buf_putc(out, '$');
			i += 2;
			continue;
		} else if (r[i + 1] >= '0' && r[i + 1] <= '9') {
			group = 0;
			i++;
			while (r[i] >= '0' && r[i] <= '9' && group < 100000)
				group = group * 10 + (r[i++] - '0');
		} else if (r[i + 1] == '{') {
			const char *end = strchr(r + i + 2, '}');
			if (!end) {
				snprintf(why, cap,
				         "replace: unclosed '${' at offset %zu",
				         code_points(r, dollar));
				return false;
			}
			char *name =
			    tl_xstrndup(r + i + 2, (size_t)(end - (r + i + 2)));
			char *e = NULL;
			group = strtol(name, &e, 10);
			if (!*name || *e)
				group = pcre2_substring_number_from_name(
				    c->re, (PCRE2_SPTR)name);
			if (group < 0) {
				snprintf(why, cap,
				         "replace: the pattern has no group "
				         "named '%s'",
				         name);
				free(name);
				return false;
			}
			free(name);
			i = (size_t)(end - r) + 1;
		} else {
			snprintf(why, cap,
			         "replace: '$' at offset %zu must be followed "
			         "by a group number, {name} or '$'",
			         code_points(r, dollar));
			return false;
		}
		if ((uint32_t)group > ncap) {
			snprintf(
			    why, cap,
			    "replace: group %ld does not exist (the pattern "
			    "has %u)",
			    group, ncap);
			return false;
		}
		if (out && ov[2 * group] != PCRE2_UNSET)
			tl_buf_append(out, subj + ov[2 * group],
			              ov[2 * group + 1] - ov[2 * group]);
	}
	return true;
}

static void custom_run(tl_check *ck, const tl_run *run);
static void custom_raw(tl_check *ck, const tl_doc *doc);

tl_custom *tl_custom_new(const char *id, const char *message,
                         const char *pattern, const char *replace,
                         tl_custom_scope scope, tl_severity severity, char *why,
                         size_t why_cap, size_t *at, int *which)
{
	pcre2_code *re = tl_regex_compile(
	    pattern, strlen(pattern),
	    PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C, why, why_cap, at);
	if (!re) {
		*which = 0;
		return NULL;
	}
	tl_custom *c = tl_xcalloc(1, sizeof *c);
	c->re = re;
	c->replace = replace ? tl_xstrdup(replace) : NULL;
	if (c->replace && !expand(c, NULL, NULL, NULL, why, why_cap, at)) {
		*which = 1;
		pcre2_code_free(re);
		free(c->replace);
		free(c);
		return NULL;
	}
	c->id = tl_xstrdup(id);
	c->message = tl_xstrdup(message);
	c->pattern = tl_xstrdup(pattern);
	c->scope = scope;
	c->refs = 1;
	c->rule.name = c->id;
	c->rule.summary = c->message;
	c->rule.summary_zh = c->message;
	c->rule.severity = severity;
	c->rule.fixable = replace ? TL_FIXABLE_SAFE : TL_FIXABLE_NONE;
	c->rule.description = "A custom rule defined in the configuration.";
	if (scope == TL_SCOPE_RAW)
		c->rule.check_doc = custom_raw;
	else
		c->rule.check_run = custom_run;
	return c;
}

tl_custom *tl_custom_ref(tl_custom *c)
{
	c->refs++;
	return c;
}

void tl_custom_unref(tl_custom *c)
{
	if (!c || --c->refs > 0)
		return;
	pcre2_code_free(c->re);
	free(c->id);
	free(c->message);
	free(c->pattern);
	free(c->replace);
	free(c);
}

const tl_rule *tl_custom_rule(const tl_custom *c)
{
	return &c->rule;
}

void tl_custom_fields(const tl_custom *c, const char **message,
                      const char **pattern, const char **replace,
                      const char **scope)
{
	*message = c->message;
	*pattern = c->pattern;
	*replace = c->replace;
	*scope = scope_names[c->scope];
}

/* ---- Matching ------------------------------------------------------------ */

typedef struct matcher {
	tl_check *ck;
	const tl_custom *c;
	pcre2_match_data *md;
	pcre2_match_context *mctx; /* the limits, in the arena */
	size_t budget;             /* match steps left for this file */
	bool stopped; /* a limit was hit: no more matching in this document */
} matcher;

/* Called with each match [ms, me) of SUBJ (offsets into SUBJ). */
typedef void (*match_fn)(matcher *m, const char *subj, size_t ms, size_t me,
                         void *user);

/* Stops the rule for this document with the diagnostic at REPORT_AT
 * that names it and WHY. */
static void stop(matcher *m, size_t report_at, const char *why)
{
	m->stopped = true;
	tl_check_reportf(m->ck, report_at, report_at, NULL,
	                 "custom rule %s stopped: %s (the "
	                 "pattern backtracks too much; "
	                 "simplify it)",
	                 "自定义规则 %s 已停止：%s（模式回溯"
	                 "过多，请简化）",
	                 m->c->id, why);
}

/* pcre2_match from OFF within the budget (see the top of the file):
 * its result, or 0 when the budget is spent. */
static int budgeted_match(matcher *m, const char *subj, size_t len, size_t off)
{
	size_t limit = FIRST_LIMIT;
	for (;;) {
		if (m->budget == 0)
			return 0;
		if (limit > m->budget)
			limit = m->budget;
		pcre2_set_match_limit(m->mctx, (uint32_t)limit);
		int rc = pcre2_match(m->c->re, (PCRE2_SPTR)subj, len, off, 0,
		                     m->md, m->mctx);
		m->budget -= limit;
		if (rc != PCRE2_ERROR_MATCHLIMIT || limit >= MATCH_LIMIT)
			return rc;
		limit = limit * 2 > MATCH_LIMIT ? MATCH_LIMIT : limit * 2;
	}
}

static void each_match(matcher *m, const char *subj, size_t len,
                       size_t report_at, match_fn fn, void *user)
{
	size_t off = 0;
	while (!m->stopped && off <= len) {
		int rc = budgeted_match(m, subj, len, off);
		if (rc == PCRE2_ERROR_NOMATCH)
			return;
		if (rc == 0) {
			stop(m, report_at,
			     tl_check_msg(m->ck,
			                  "its match budget for this file is "
			                  "spent",
			                  "本文件的匹配预算已用完"));
			return;
		}
		if (rc < 0) {
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(rc, msg, sizeof msg);
			stop(m, report_at, (const char *)msg);
			return;
		}
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
		size_t ms = ov[0], me = ov[1];
		if (ms <= me)
			fn(m, subj, ms, me, user);
		if (me > off) {
			off = me;
		} else {
			/* An empty match: step over one character. */
			if (off >= len)
				return;
			off++;
			while (off < len &&
			       ((unsigned char)subj[off] & 0xC0) == 0x80)
				off++;
		}
	}
}

static void report(matcher *m, const char *subj, size_t start, size_t end,
                   bool can_fix)
{
	tl_fix fix = {TL_FIX_NONE, NULL, 0};
	tl_edit edit;
	tl_buf text = {0};
	char why[8];
	if (m->c->replace && can_fix) {
		tl_buf_puts(&text, "");
		expand(m->c, subj, m->md, &text, why, sizeof why, NULL);
		edit.start = start;
		edit.end = end;
		edit.text = text.data;
		fix.applicability = TL_FIX_SAFE;
		fix.edits = &edit;
		fix.nedits = 1;
		/* A replacement equal to the match fixes nothing. */
		if (end - start == text.len &&
		    memcmp(tl_check_doc(m->ck)->src->data + start, text.data,
		           text.len) == 0) {
			tl_buf_free(&text);
			return;
		}
	}
	tl_check_report(m->ck, start, end, m->c->message,
	                fix.applicability ? &fix : NULL);
	tl_buf_free(&text);
}

static void on_raw_match(matcher *m, const char *subj, size_t ms, size_t me,
                         void *user)
{
	size_t base = *(const size_t *)user;
	if (ms == me && !m->c->replace)
		return;
	report(m, subj, base + ms, base + me, true);
}

typedef struct segment {
	const tl_run *run;
	size_t first; /* chars [first, last) */
	size_t last;
} segment;

static void on_prose_match(matcher *m, const char *subj, size_t ms, size_t me,
                           void *user)
{
	const segment *sg = user;
	const tl_run *run = sg->run;
	/* T is the text offset of character I (tl_run_toff), J's below. */
	size_t base = tl_run_toff(run, sg->first);
	size_t i = sg->first, t = base;
	while (i < sg->last && t < base + ms)
		t += tl_utf8_len(run->chars[i++].cp);
	if (ms == me) {
		/* An insertion between two characters. */
		if (!m->c->replace || i == sg->first || i >= sg->last)
			return;
		size_t at = tl_run_gap(run, i);
		report(m, subj, at, at, true);
		return;
	}
	size_t j = i;
	bool plain = true;
	while (j < sg->last && t < base + me) {
		const tl_char *ch = &run->chars[j];
		t += tl_utf8_len(ch->cp);
		if (ch->kind != TL_CHAR_TEXT || (ch->flags & TL_CF_LITERAL))
			plain = false;
		if (j > i && run->chars[j - 1].end != ch->start)
			plain = false;
		j++;
	}
	if (j == i)
		return;
	report(m, subj, run->chars[i].start, run->chars[j - 1].end, plain);
}

static void match_segment(matcher *m, const tl_run *run, size_t first,
                          size_t last)
{
	segment sg = {run, first, last};
	size_t from = tl_run_toff(run, first);
	size_t to = tl_run_toff(run, last);
	each_match(m, run->text + from, to - from, run->chars[first].start,
	           on_prose_match, &sg);
}

static void on_run(const tl_run *run, void *user)
{
	matcher *m = user;
	if (m->stopped || run->n == 0)
		return;
	switch (m->c->scope) {
	case TL_SCOPE_HEADING:
		if (run->kind != TL_BLOCK_HEADING)
			return;
		/* fall through */
	case TL_SCOPE_PROSE:
		match_segment(m, run, 0, run->n);
		return;
	case TL_SCOPE_LINK_TEXT:
		for (size_t i = 0; i < run->n;) {
			if (!(run->chars[i].flags & TL_CF_LINK)) {
				i++;
				continue;
			}
			size_t j = i;
			while (j < run->n && (run->chars[j].flags & TL_CF_LINK))
				j++;
			match_segment(m, run, i, j);
			i = j;
		}
		return;
	case TL_SCOPE_RAW:
		return;
	}
}

/* The matcher of the running custom rule in this document: its match
 * data comes from the document's arena, and a limit hit stops the rule
 * for the rest of the document. */
static matcher *matcher_of(tl_check *ck)
{
	matcher *m = tl_check_state(ck, sizeof *m);
	if (!m->c) {
		/* The rule running is this custom rule: its tl_rule is the
		 * first member of its tl_custom. */
		m->c = (const tl_custom *)tl_check_rule(ck);
		m->md = pcre2_match_data_create_from_pattern(
		    m->c->re, tl_regex_context(tl_check_arena(ck)));
		/* The rule's context is shared by every thread: each
		 * document sets its limits on its own, in its arena. */
		m->mctx = pcre2_match_context_create(
		    tl_regex_context(tl_check_arena(ck)));
		pcre2_set_depth_limit(m->mctx, DEPTH_LIMIT);
		pcre2_set_heap_limit(m->mctx, HEAP_LIMIT_KIB);
		size_t len = tl_check_doc(ck)->src->len;
		m->budget = BUDGET_BASE + (len < SIZE_MAX / BUDGET_PER_BYTE
		                               ? len * BUDGET_PER_BYTE
		                               : SIZE_MAX / 2);
	}
	m->ck = ck;
	return m;
}

/* A prose, heading or link-text rule: called with each run in the
 * engine's one pass over the document. */
static void custom_run(tl_check *ck, const tl_run *run)
{
	on_run(run, matcher_of(ck));
}

/* A raw rule: the source of the current piece of the document (all of it
 * unless it is very large), without the front matter. */
static void custom_raw(tl_check *ck, const tl_doc *doc)
{
	matcher *m = matcher_of(ck);
	size_t start = doc->fm_end != TL_NONE && doc->fm_end > 0
	                   ? doc->fm_end
	                   : doc->src->body;
	size_t end = doc->cuts[doc->piece + 1];
	if (start < doc->cuts[doc->piece])
		start = doc->cuts[doc->piece];
	if (start < end)
		each_match(m, doc->src->data + start, end - start, start,
		           on_raw_match, &start);
}
