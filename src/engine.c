/*
 * engine.c: one lint of one document. It validates the bytes, parses the
 * document once, hands every prose run to every enabled rule, then lets
 * document-level rules look at the whole, and returns the diagnostics
 * sorted by position then rule.
 *
 * Linted with its original (tl_lint_with_original), the document's
 * blocks are listed during the same walk (align.h), the original is
 * parsed and listed after it, the two lists are aligned, and the rules'
 * check_original hooks compare them: the source rules of DESIGN.md
 * section 8.3. None of this happens when no active rule has that hook.
 *
 * Rules report through a tl_check, which owns everything a lint creates
 * (messages, edits, per-rule scratch state), so that nothing is global and
 * documents can be linted in parallel. The check also enforces what a rule
 * promised in its metadata: a rule that emits a fix it does not declare,
 * or edits that overlap or split a character, is a bug and aborts.
 */
#include "align.h"
#include "option.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A finding as the check keeps it while the lint runs: 56 bytes, where a
 * tl_diag is 88 and each fix's edits are one more arena block. A long
 * paragraph's findings are all held with its characters (a 50 MB line
 * has four million, issue 12.8), so they are made tl_diags (to_diags) only
 * once the runs are gone. Offsets are 32-bit, as in tl_char; a fix of one
 * edit keeps it here, a longer one in the arena. */
typedef struct finding {
	const char *rule;
	const char *message;
	union {
		const char *text;     /* nedits == 1: the edit's text */
		const tl_edit *edits; /* nedits > 1 */
	} fix;
	uint32_t start, end;
	uint32_t orig_start, orig_end; /* UINT32_MAX for TL_NONE */
	uint32_t edit_start, edit_end; /* nedits == 1 */
	uint32_t nedits;
	uint8_t severity;      /* tl_severity */
	uint8_t applicability; /* tl_applicability */
} finding;

#define NO_OFFSET UINT32_MAX

struct tl_check {
	const tl_config *cfg;
	tl_lang lang;
	const tl_source *src;
	const tl_doc *doc;
	tl_arena *arena;
	const tl_rule *rule; /* the running rule */
	size_t rule_index;
	tl_severity severity; /* its severity */
	void **state;         /* per rule index */
	finding *found;
	size_t nfound, cap;
	const tl_source *orig;  /* the original, when one was paired */
	tl_optval *const *optv; /* the configuration's option values */
	size_t *opt_base;       /* per built-in rule index: where its begin */
	/* The strings the findings keep (messages, the text of edits),
	 * each stored once in the arena: a document with a million findings
	 * has a few dozen different messages (issue 12.8). An open-addressing
	 * set; NULL slots are empty. */
	const char **strs;
	size_t nstrs, cap_strs;
};

tl_lang tl_check_lang(const tl_check *ck)
{
	return ck->lang;
}

const char *tl_check_msg(const tl_check *ck, const char *en, const char *zh)
{
	return ck->lang == TL_LANG_ZH ? zh : en;
}

static uint64_t str_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

/* The copy of the N bytes at S (and a NUL) that CK keeps for its
 * findings: the same pointer for the same text, made once. */
static const char *check_intern(tl_check *ck, const char *s, size_t n)
{
	if (ck->nstrs * 2 >= ck->cap_strs) {
		size_t cap = ck->cap_strs ? ck->cap_strs * 2 : 64;
		const char **strs = tl_xcalloc(cap, sizeof *strs);
		for (size_t i = 0; i < ck->cap_strs; i++) {
			const char *t = ck->strs[i];
			if (!t)
				continue;
			size_t k = str_hash(t, strlen(t)) & (cap - 1);
			while (strs[k])
				k = (k + 1) & (cap - 1);
			strs[k] = t;
		}
		free(ck->strs);
		ck->strs = strs;
		ck->cap_strs = cap;
	}
	size_t k = str_hash(s, n) & (ck->cap_strs - 1);
	for (; ck->strs[k]; k = (k + 1) & (ck->cap_strs - 1)) {
		const char *t = ck->strs[k];
		if (strncmp(t, s, n) == 0 && t[n] == '\0')
			return t;
	}
	char *copy = tl_arena_alloc_raw(ck->arena, n + 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	ck->strs[k] = copy;
	ck->nstrs++;
	return copy;
}

/* FMT formatted with AP, kept as check_intern keeps it. */
static const char *check_vintern(tl_check *ck, const char *fmt, va_list ap)
{
	char small[256];
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	const char *s;
	if (n < 0) {
		s = check_intern(ck, "", 0);
	} else if ((size_t)n < sizeof small) {
		s = check_intern(ck, small, (size_t)n);
	} else {
		char *big = tl_xmalloc((size_t)n + 1);
		vsnprintf(big, (size_t)n + 1, fmt, again);
		s = check_intern(ck, big, (size_t)n);
		free(big);
	}
	va_end(again);
	return s;
}

/* FMT formatted with AP into the result's arena. */
static const char *check_vprintf(tl_check *ck, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	char *s = tl_arena_alloc(ck->arena, (size_t)(n < 0 ? 0 : n) + 1);
	vsnprintf(s, (size_t)(n < 0 ? 0 : n) + 1, fmt, again);
	va_end(again);
	return s;
}

const char *tl_check_printf(tl_check *ck, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *s = check_vprintf(ck, fmt, ap);
	va_end(ap);
	return s;
}

const char *tl_check_msgf(tl_check *ck, const char *en, const char *zh, ...)
{
	va_list ap;
	va_start(ap, zh);
	const char *s = check_vprintf(ck, tl_check_msg(ck, en, zh), ap);
	va_end(ap);
	return s;
}

void tl_check_reportf(tl_check *ck, size_t start, size_t end, const tl_fix *fix,
                      const char *en, const char *zh, ...)
{
	va_list ap;
	va_start(ap, zh);
	const char *s = check_vintern(ck, tl_check_msg(ck, en, zh), ap);
	va_end(ap);
	tl_check_report(ck, start, end, s, fix);
}

const tl_config *tl_check_config(const tl_check *ck)
{
	return ck->cfg;
}

const tl_rule *tl_check_rule(const tl_check *ck)
{
	return ck->rule;
}

const tl_doc *tl_check_doc(const tl_check *ck)
{
	return ck->doc;
}

tl_arena *tl_check_arena(tl_check *ck)
{
	return ck->arena;
}

void *tl_check_state(tl_check *ck, size_t size)
{
	if (!ck->state[ck->rule_index]) {
		void *p = tl_arena_alloc(ck->arena, size);
		memset(p, 0, size);
		ck->state[ck->rule_index] = p;
	}
	return ck->state[ck->rule_index];
}

/* The value of option NAME of the running rule, which must declare it
 * with one of the TYPES (a bit per tl_option_type). Rules ask on every
 * run: the name is found by its address first (rules pass the literal of
 * their table, which the compiler stores once), then by its text. */
static const tl_optval *option(const tl_check *ck, const char *name,
                               unsigned types)
{
	const tl_option_def *o = ck->rule->options;
	size_t k = 0;
	while (o && o[k].name && o[k].name != name)
		k++;
	if (!o || !o[k].name)
		for (k = 0; o && o[k].name && strcmp(o[k].name, name) != 0;)
			k++;
	if (!o || !o[k].name) {
		fprintf(stderr, "translint: bug: rule %s has no option %s\n",
		        ck->rule->name, name);
		abort();
	}
	const tl_optval *v = ck->optv[ck->opt_base[ck->rule_index] + k];
	if (!(types & (1u << v->type))) {
		fprintf(stderr,
		        "translint: bug: rule %s reads option %s as another "
		        "type\n",
		        ck->rule->name, name);
		abort();
	}
	return v;
}

#define T(type) (1u << (type))

const char *tl_check_option(const tl_check *ck, const char *name)
{
	return option(ck, name,
	              T(TL_OPTION_STRING) | T(TL_OPTION_ENUM) |
	                  T(TL_OPTION_INT) | T(TL_OPTION_BOOL) |
	                  T(TL_OPTION_REGEX))
	    ->text;
}

long tl_check_option_int(const tl_check *ck, const char *name)
{
	return option(ck, name, T(TL_OPTION_INT))->num;
}

bool tl_check_option_bool(const tl_check *ck, const char *name)
{
	return option(ck, name, T(TL_OPTION_BOOL))->num != 0;
}

const tl_option_list *tl_check_list(const tl_check *ck, const char *name)
{
	return &option(ck, name, T(TL_OPTION_LIST))->list;
}

const tl_option_map *tl_check_map(const tl_check *ck, const char *name)
{
	return &option(ck, name, T(TL_OPTION_MAP) | T(TL_OPTION_REGEX_MAP))
	            ->map;
}

const pcre2_code *tl_check_regex(const tl_check *ck, const char *name)
{
	return option(ck, name, T(TL_OPTION_REGEX))->re;
}

static void bug(const tl_check *ck, const char *what)
{
	fprintf(stderr, "translint: bug in rule %s: %s\n",
	        ck->rule ? ck->rule->name : "?", what);
	abort();
}

static bool is_char_boundary(const tl_source *src, size_t off)
{
	return off == 0 || off >= src->len ||
	       ((unsigned char)src->data[off] & 0xC0) != 0x80;
}

/* A fix must be what the rule declared and must be well formed: edits
 * sorted, not overlapping, inside the file and on character boundaries. */
static void check_fix(const tl_check *ck, const tl_fix *fix)
{
	tl_fixability f = ck->rule->fixable;
	if (f == TL_FIXABLE_NONE)
		bug(ck, "emitted a fix but declares none");
	if (f == TL_FIXABLE_SAFE && fix->applicability != TL_FIX_SAFE)
		bug(ck, "emitted an unsafe fix but declares safe ones");
	if (f == TL_FIXABLE_UNSAFE && fix->applicability != TL_FIX_UNSAFE)
		bug(ck, "emitted a safe fix but declares unsafe ones");
	if (fix->nedits == 0)
		bug(ck, "emitted a fix without edits");
	for (size_t i = 0; i < fix->nedits; i++) {
		const tl_edit *e = &fix->edits[i];
		if (e->start > e->end || e->end > ck->src->len)
			bug(ck, "edit outside the file");
		if (!is_char_boundary(ck->src, e->start) ||
		    !is_char_boundary(ck->src, e->end))
			bug(ck, "edit splits a character");
		if (i > 0 && e->start < fix->edits[i - 1].end)
			bug(ck, "edits overlap or are not sorted");
	}
}

static void attach_fix(tl_check *ck, finding *d, const tl_fix *fix);

void tl_check_report(tl_check *ck, size_t start, size_t end,
                     const char *message, const tl_fix *fix)
{
	if (ck->nfound == ck->cap) {
		ck->cap = ck->cap ? ck->cap * 2 : 16;
		ck->found = tl_xrealloc(ck->found, ck->cap * sizeof *ck->found);
	}
	if (end < start)
		end = start;
	finding *d = &ck->found[ck->nfound++];
	d->rule = ck->rule->name;
	d->severity = (uint8_t)ck->severity;
	/* The source is under 4 GiB (tl_source_new). */
	d->start = (uint32_t)start;
	d->end = (uint32_t)(end > ck->src->len ? ck->src->len : end);
	d->message =
	    message ? check_intern(ck, message, strlen(message)) : NULL;
	d->applicability = TL_FIX_NONE;
	d->fix.edits = NULL;
	d->nedits = 0;
	d->orig_start = d->orig_end = NO_OFFSET;
	if (fix && fix->applicability != TL_FIX_NONE)
		attach_fix(ck, d, fix);
}

void tl_check_report_original(tl_check *ck, size_t start, size_t end,
                              size_t ostart, size_t oend, tl_severity sev,
                              const char *en, const char *zh, ...)
{
	va_list ap;
	va_start(ap, zh);
	const char *s = check_vintern(ck, tl_check_msg(ck, en, zh), ap);
	va_end(ap);
	tl_check_report(ck, start, end, s, NULL);
	finding *d = &ck->found[ck->nfound - 1];
	if (sev != TL_SEVERITY_OFF)
		d->severity = (uint8_t)sev;
	size_t olen = ck->orig ? ck->orig->len : 0;
	if (ostart != TL_NONE && ostart <= olen) {
		d->orig_start = (uint32_t)ostart;
		d->orig_end =
		    (uint32_t)(oend == TL_NONE || oend < ostart ? ostart
		               : oend > olen                    ? olen
		                                                : oend);
	}
}

/* Gives D (just reported) a copy of FIX, checked. */
static void attach_fix(tl_check *ck, finding *d, const tl_fix *fix)
{
	{
		check_fix(ck, fix);
		/* No rule may change what follows a bare URL up to the next
		 * white space, or that white space (tl_doc_keeps): GFM would
		 * end the link elsewhere. The finding stays, without its fix.
		 */
		if (ck->doc && ck->doc->kept && ck->doc->kept->n)
			for (size_t i = 0; i < fix->nedits; i++)
				if (!tl_doc_keeps(ck->doc, &fix->edits[i]))
					return; /* D keeps no fix */
		d->applicability = (uint8_t)fix->applicability;
		d->nedits = (uint32_t)fix->nedits;
		if (fix->nedits == 1) {
			const char *t = fix->edits[0].text;
			d->edit_start = (uint32_t)fix->edits[0].start;
			d->edit_end = (uint32_t)fix->edits[0].end;
			d->fix.text = t ? check_intern(ck, t, strlen(t)) : NULL;
			return;
		}
		tl_edit *edits =
		    tl_arena_alloc(ck->arena, fix->nedits * sizeof *edits);
		for (size_t i = 0; i < fix->nedits; i++) {
			edits[i] = fix->edits[i];
			const char *t = fix->edits[i].text;
			edits[i].text =
			    t ? check_intern(ck, t, strlen(t)) : NULL;
		}
		d->fix.edits = edits;
	}
}

static size_t wide_offset(uint32_t off)
{
	return off == NO_OFFSET ? TL_NONE : off;
}

/* Makes CK's findings the tl_diags of the result, in place: the array
 * grows to hold them and is filled from its end, so that finding I is
 * read before the diagnostics written over it (each is larger than a
 * finding, so diagnostic I covers findings I and later only). The edits
 * kept inside the findings go to one arena block. */
static tl_diag *to_diags(tl_check *ck)
{
	size_t n = ck->nfound, nsingle = 0;
	for (size_t i = 0; i < n; i++)
		nsingle += ck->found[i].nedits == 1;
	tl_edit *single =
	    nsingle ? tl_arena_alloc_raw(ck->arena, nsingle * sizeof *single)
	            : NULL;
	_Static_assert(sizeof(tl_diag) >= sizeof(finding),
	               "a diagnostic covers its finding");
	tl_diag *diags = tl_xrealloc(ck->found, (n ? n : 1) * sizeof *diags);
	const finding *found = (const finding *)(void *)diags;
	ck->found = NULL;
	for (size_t i = n; i-- > 0;) {
		finding f;
		memcpy(&f, (const char *)found + i * sizeof f, sizeof f);
		tl_diag d = {0};
		d.rule = f.rule;
		d.severity = (tl_severity)f.severity;
		d.start = f.start;
		d.end = f.end;
		d.message = f.message;
		d.fix.applicability = (tl_applicability)f.applicability;
		d.fix.nedits = f.nedits;
		if (f.nedits == 1) {
			tl_edit *e = &single[--nsingle];
			*e = (tl_edit){f.edit_start, f.edit_end, f.fix.text};
			d.fix.edits = e;
		} else {
			d.fix.edits = f.fix.edits;
		}
		d.orig_start = wide_offset(f.orig_start);
		d.orig_end = wide_offset(f.orig_end);
		diags[i] = d;
	}
	return diags;
}

/* ---- The lint ------------------------------------------------------------ */

typedef struct active {
	const tl_rule *rule;
	size_t index;
	tl_severity severity;
} active;

typedef struct run_ctx {
	tl_check *ck;
	const active *rules;
	size_t nrules;
} run_ctx;

static void select_rule(tl_check *ck, const active *a)
{
	ck->rule = a->rule;
	ck->rule_index = a->index;
	ck->severity = a->severity;
}

static void on_run(const tl_run *run, void *user)
{
	run_ctx *rc = user;
	for (size_t i = 0; i < rc->nrules; i++) {
		if (!rc->rules[i].rule->check_run)
			continue;
		select_rule(rc->ck, &rc->rules[i]);
		rc->rules[i].rule->check_run(rc->ck, run);
	}
}

static int diag_cmp(const void *a, const void *b)
{
	const tl_diag *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	int c = strcmp(x->rule, y->rule);
	if (c)
		return c;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return strcmp(x->message, y->message);
}

/* Calls HOOK of the active rules that have it. */
#define EACH_RULE(ck, act, nact, hook, ...)                                    \
	do {                                                                   \
		for (size_t i_ = 0; i_ < (nact); i_++) {                       \
			if (!(act)[i_].rule->hook)                             \
				continue;                                      \
			select_rule((ck), &(act)[i_]);                         \
			(act)[i_].rule->hook((ck), __VA_ARGS__);               \
		}                                                              \
	} while (0)

/* Drops the diagnostics that suppression comments cover. */
static void apply_suppression(tl_check *ck, tl_suppress *sup)
{
	size_t kept = 0;
	for (size_t i = 0; i < ck->nfound; i++)
		if (!tl_suppress_hides(sup, ck->found[i].rule,
		                       ck->found[i].start))
			ck->found[kept++] = ck->found[i];
	ck->nfound = kept;
}

/* The blocks of the original SRC, parsed piece by piece as the
 * translation is, listed against the translation's blocks TAD. */
static tl_align_doc *list_original(const tl_source *src,
                                   const tl_align_doc *tad)
{
	tl_doc *doc = tl_doc_new(src);
	tl_align_doc *ad = NULL;
	for (size_t k = 0; k < doc->npieces; k++) {
		tl_doc_parse_piece(doc, k);
		if (k == 0)
			ad = tl_align_doc_new_against(doc, tad);
		else
			tl_align_doc_add(ad, doc);
	}
	tl_doc_free(doc);
	return ad;
}

static bool is_text(const tl_source *src)
{
	return src->nul == TL_NONE && src->bad_utf8 == TL_NONE;
}

tl_result *tl_lint(const tl_config *cfg, tl_lang lang, const char *path,
                   const char *data, size_t len)
{
	return tl_lint_with_original(cfg, lang, path, data, len, NULL);
}

tl_result *tl_lint_with_original(const tl_config *cfg, tl_lang lang,
                                 const char *path, const char *data, size_t len,
                                 const tl_original *orig)
{
	tl_result *res = tl_xcalloc(1, sizeof *res);
	res->arena = tl_arena_new();
	res->source = tl_source_new(path, data, len);
	if (orig && orig->data)
		res->original =
		    tl_source_new(orig->path, orig->data, orig->len);

	size_t nrules;
	const tl_rule *const *rules = tl_rules(&nrules);
	tl_check ck = {0};
	ck.cfg = cfg;
	ck.lang = lang;
	ck.src = res->source;
	ck.orig = res->original;
	ck.arena = res->arena;
	size_t ncustom = tl_config_custom_count(cfg);
	ck.state = tl_xcalloc(nrules + ncustom + 1, sizeof *ck.state);

	/* The rules that run: every enabled one, built-in then custom. */
	active *act = tl_xmalloc((nrules + ncustom + 1) * sizeof *act);
	size_t nact = 0, base = 0;
	bool comparing = false; /* an active rule has check_original */
	ck.optv = tl_config_optvals(cfg);
	ck.opt_base =
	    tl_arena_alloc_raw(res->arena, (nrules + 1) * sizeof(size_t));
	for (size_t i = 0; i < nrules; i++) {
		tl_severity sev = tl_config_severity_at(cfg, i);
		if (sev != TL_SEVERITY_OFF) {
			act[nact++] = (active){rules[i], i, sev};
			comparing |= rules[i]->check_original != NULL;
		}
		ck.opt_base[i] = base;
		for (const tl_option_def *o = rules[i]->options; o && o->name;
		     o++)
			base++;
	}
	for (size_t i = 0; i < ncustom; i++) {
		tl_severity sev = tl_config_severity_at(cfg, nrules + i);
		if (sev != TL_SEVERITY_OFF)
			act[nact++] = (active){tl_config_custom_rule(cfg, i),
			                       nrules + i, sev};
	}
	comparing = comparing && orig && (orig->data || orig->required);
	/* The pairing the source rules compare: listed only when there is
	 * an original that is text to align with. */
	tl_pairing pairing = {orig, NULL, res->source, NULL};
	bool listing = comparing && res->original && is_text(res->original) &&
	               is_text(res->source);
	tl_align_doc *tad = NULL;

	EACH_RULE(&ck, act, nact, check_source, res->source);
	/* Bytes that are not text are not parsed, mapped or fixed. */
	if (is_text(res->source)) {
		tl_doc *doc = tl_doc_new(res->source);
		tl_suppress *sup = tl_suppress_new(res->source);
		ck.doc = doc;
		/* The rules that look at runs, apart: on_run is called for
		 * every run. */
		active *runners = tl_xmalloc((nact + 1) * sizeof *runners);
		size_t nrunners = 0;
		for (size_t i = 0; i < nact; i++)
			if (act[i].rule->check_run)
				runners[nrunners++] = act[i];
		run_ctx rc = {&ck, runners, nrunners};
		/* A document is one piece unless it is very large; the
		 * number of pieces may shrink while they are parsed. */
		for (size_t k = 0; k < doc->npieces; k++) {
			tl_doc_parse_piece(doc, k);
			/* The translation's blocks, from its one parse,
			 * listed before linting walks the tree: it is still
			 * in the cache. */
			if (listing && k == 0)
				tad = tl_align_doc_new(doc);
			else if (listing)
				tl_align_doc_add(tad, doc);
			tl_doc_each_run(doc, on_run, &rc);
			EACH_RULE(&ck, act, nact, check_doc, doc);
			tl_suppress_scan(sup, doc);
		}
		tl_doc_drop_tree(doc);
		EACH_RULE(&ck, act, nact, check_end, doc);
		if (listing && tad) {
			res->alignment = tl_align_new(
			    list_original(res->original, tad), tad);
			pairing.src = res->original;
			pairing.al = res->alignment;
		}
		if (comparing)
			EACH_RULE(&ck, act, nact, check_original, &pairing);
		apply_suppression(&ck, sup);
		EACH_RULE(&ck, act, nact, check_comments, sup);
		tl_suppress_free(sup);
		tl_doc_free(doc);
		free(runners);
	} else if (comparing) {
		EACH_RULE(&ck, act, nact, check_original, &pairing);
	}
	free(act);

	res->ndiags = ck.nfound;
	res->diags = to_diags(&ck);
	if (res->ndiags > 1)
		qsort(res->diags, res->ndiags, sizeof *res->diags, diag_cmp);
	free(ck.state);
	free(ck.strs);
	return res;
}

void tl_result_free(tl_result *res)
{
	if (!res)
		return;
	tl_source_free(res->source);
	tl_align_free(res->alignment);
	tl_source_free(res->original);
	free(res->diags);
	tl_arena_free(res->arena);
	free(res);
}

tl_counts tl_result_counts(const tl_result *res, bool unsafe)
{
	tl_counts c = {0, 0, 0, 0};
	for (size_t i = 0; i < res->ndiags; i++) {
		const tl_diag *d = &res->diags[i];
		if (d->severity == TL_SEVERITY_ERROR)
			c.errors++;
		else if (d->severity == TL_SEVERITY_WARNING)
			c.warnings++;
		else if (d->severity == TL_SEVERITY_INFO)
			c.infos++;
		if (d->fix.applicability == TL_FIX_SAFE ||
		    (unsafe && d->fix.applicability == TL_FIX_UNSAFE))
			c.fixable++;
	}
	return c;
}
