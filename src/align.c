/*
 * align.c: aligning the blocks of a translation with those of its
 * original (align.h), in the manner of Gale and Church (1993) for
 * sentences, with the anchors of translation-QA tools added to the length
 * ratio, and with Markdown's block kinds.
 *
 * The cost of a pair is about -log of its probability: a prior for its
 * type, a cost for a change of kind or heading level, the Gale-Church
 * cost of the length ratio (prose only), and what the anchors say:
 * numbers, inline code and link destinations of one side missing from
 * the other cost, shared ones earn a little; Latin words of the
 * translation that the original lacks cost (the original's other words
 * were translated); code and HTML lines count by their overlap. The
 * weights are in one table below; docs/alignment.md says how they were
 * measured and tuned on the LCTT pairs.
 *
 * The dynamic programming runs inside a band. Anchors found in exactly
 * one block of each document (a URL, a command, a name) give points; the
 * longest chain of them increasing in both documents is the guide path,
 * straight between its points. Each row of the band covers the guide's
 * cells plus TL_ALIGN_BAND on each side, plus, up to TL_ALIGN_WIDEN more,
 * the skew of its stretch (blocks added or dropped between two points)
 * and the distance to any point the chain left out (anchors that
 * disagree with it). Hence the bound in align.h.
 */
#include "align.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The weights of the cost, in thousandths of a nat. The cost is
 * computed in integers (a table stands for Gale and Church's logarithm),
 * so that every build, compiler and C library gives every pair the same
 * cost: floating point differs with contraction into fused multiply-adds
 * (-mfma changed the alignment of 2 of the 1,052 lctt pairs) and with
 * the C library's logarithm. */
/* W.added_prose, which kind_costs has too. */
#define ADDED_PROSE 3000

static const struct weights {
	int32_t skip;        /* a block with no counterpart (1-0, 0-1) */
	int32_t skip_short;  /* less, for a block shorter than short_len */
	int32_t skip_note;   /* a translator's note, which has no original */
	int32_t short_len;   /* tenths of a character (tl_align_length) */
	int32_t split;       /* 1-2, 2-1 (over 1-1) */
	int32_t level;       /* per heading level of difference */
	int32_t added_prose; /* more for prose rendered as an image the
	                        translator added (info.added) */
	int32_t skip_added;  /* such an image with no counterpart */
	/* The length of a translation is about 0.95 times its original's,
	 * with a variance of 3 L + (0.1 L)^2 for a length L: Gale and
	 * Church's term, which grows with L, and a relative one, which the
	 * LCTT pairs show dominating in long paragraphs (length_cost has
	 * these three figures in its integers). */
	int32_t len_max;      /* cap of the length cost (heavy tails) */
	int32_t sentence;     /* per sentence end of one side more than the
	                         other's (prose, headings, table rows) */
	int32_t sentence_max; /* cap of the sentence cost */
	int32_t miss_o[5];    /* per anchor of the original missing in the
	                         translation, by type */
	int32_t miss_t[5];    /* per anchor of the translation missing in
	                         the original (a translator adds code marks
	                         more often than they drop code) */
	int32_t match[5];     /* earned per anchor found on both sides */
	int32_t match_kept;   /* earned more per such word found */
	int32_t lost_max;     /* cap of the cost of the original's words */
	int32_t miss_kept;    /* per word of the original the translation
	                         keeps wherever the original has it (a name)
	                         missing from the translated side */
	int32_t line;         /* code and HTML lines: weight of (1 - overlap) */
	int32_t reward_max;   /* the most anchors can earn a pair */
	int32_t move_max;     /* the most a moved pair may cost */
} W = {
    .skip = 5000,
    .skip_short = 3500,
    .skip_note = 1000,
    .short_len = 600,
    .split = 4000,
    .level = 1500,
    .added_prose = ADDED_PROSE,
    .skip_added = 2000,
    .len_max = 10000,
    .sentence = 700,
    .sentence_max = 2000,
    /* NUMBER, CODE, LINK, LINE (these count by overlap), WORD */
    .miss_o = {1000, 2000, 2000, 0, 300},
    .miss_t = {500, 500, 1000, 0, 1000},
    .match = {500, 1000, 1000, 0, 300},
    .miss_kept = 1000,
    .match_kept = 500,
    .lost_max = 1500,
    .line = 6000,
    .reward_max = 4000,
    .move_max = 5000,
};

/* A cost in thousandths of a nat as the dynamic programming adds it. */
static inline double nats(int64_t m)
{
	return (double)m / 1000.0;
}

/* The pair cost is asked for most cells of the band: inlined into the
 * dynamic programming, where the sides' sizes are constants, its tests
 * of one block or two fold away and no call spills the cell's state (a
 * fifth of the alignment's instructions; clang does not inline it
 * unasked, being called from five places). */
#if defined(__GNUC__) || defined(__clang__)
#define ALWAYS_INLINE __attribute__((always_inline))
#else
#define ALWAYS_INLINE
#endif

/* Impossible pairs. */
#define INF 1e30

/* ---- The cost of a pair ------------------------------------------------- */

static bool is_prose(tl_align_kind k)
{
	return k == TL_ALIGN_PARAGRAPH || k == TL_ALIGN_ITEM ||
	       k == TL_ALIGN_QUOTE;
}

/* Kinds a translator splits or merges: prose, and code blocks (a long
 * listing cut in two). Not an image with the paragraph next to it: on
 * lctt-pairs that absorbed added and moved images into 1-2 pairs more
 * often than it found a blank line left out (docs/alignment.md). */
static bool can_split(tl_align_kind k)
{
	return is_prose(k) || k == TL_ALIGN_CODE;
}

/* The cost of rendering a block of kind A as one of kind B, or -1 when
 * it cannot be: a table made by the compiler from KIND_COST (a chain of
 * tests on the kinds for each pair cost before, whose branches no
 * predictor guessed). */
#define KC_PROSE(k)                                                            \
	((k) == TL_ALIGN_PARAGRAPH || (k) == TL_ALIGN_ITEM ||                  \
	 (k) == TL_ALIGN_QUOTE)
#define KC_PICTURE(k) ((k) == TL_ALIGN_IMAGE || (k) == TL_ALIGN_HTML)
#define KIND_COST(a, b)                                                        \
	((a) == (b)                                                     ? 0    \
	 : (a) == TL_ALIGN_FRONT_MATTER || (b) == TL_ALIGN_FRONT_MATTER ? -1   \
	 : KC_PROSE(a) && KC_PROSE(b)                                   ? 2000 \
	 : (KC_PICTURE(a) && (KC_PICTURE(b) || KC_PROSE(b))) ||                \
	         (KC_PICTURE(b) && KC_PROSE(a))                                \
	     ? 3000                                                            \
	 : ((a) == TL_ALIGN_HEADING && KC_PROSE(b)) ||                         \
	         ((b) == TL_ALIGN_HEADING && KC_PROSE(a)) ||                   \
	         ((a) == TL_ALIGN_TABLE_ROW && KC_PROSE(b)) ||                 \
	         ((b) == TL_ALIGN_TABLE_ROW && KC_PROSE(a))                    \
	     ? 4000                                                            \
	     : 8000)
#define KC_ROW(a)                                                              \
	{                                                                      \
		KIND_COST(a, 0), KIND_COST(a, 1), KIND_COST(a, 2),             \
		    KIND_COST(a, 3), KIND_COST(a, 4), KIND_COST(a, 5),         \
		    KIND_COST(a, 6), KIND_COST(a, 7), KIND_COST(a, 8),         \
		    KIND_COST(a, 9), KIND_COST(a, 10), KC_ADDED_COST(a)        \
	}
/* The column of an added image (info.ckind): an image's cost, and
 * W.added_prose more against prose, in the table rather than a test of
 * the pair's kinds. */
#define KC_ADDED TL_ALIGN_NKINDS
#define KC_ADDED_COST(a)                                                       \
	(KIND_COST(a, TL_ALIGN_IMAGE) + (KC_PROSE(a) ? ADDED_PROSE : 0))
_Static_assert(TL_ALIGN_NKINDS == 11, "kind_costs has a row per kind");
static const int16_t kind_costs[TL_ALIGN_NKINDS][TL_ALIGN_NKINDS + 1] = {
    KC_ROW(0), KC_ROW(1), KC_ROW(2), KC_ROW(3), KC_ROW(4),  KC_ROW(5),
    KC_ROW(6), KC_ROW(7), KC_ROW(8), KC_ROW(9), KC_ROW(10),
};

/* Kinds whose length ratio says something. */
static bool has_length(tl_align_kind k)
{
	return is_prose(k) || k == TL_ALIGN_HEADING || k == TL_ALIGN_TABLE_ROW;
}

/* -log(2 (1 - Phi(d))) = -log(erfc(d / sqrt 2)), Gale and Church's cost
 * of a length deviation of d standard deviations, in thousandths of a
 * nat, at d = 0, 1/32, 2/32 ... 4.5, capped at W.len_max (reached at
 * 4.09); between two entries the cost is interpolated (33 thousandths
 * off at most). Made by
 *   python3 -c 'import math; print([min(10000, round(-1000 *
 *   math.log(math.erfc(k / 32 / math.sqrt(2))))) for k in range(145)])' */
static const uint16_t gc_table[145] = {
    0,     25,    51,    78,    105,   133,   161,   190,   220,   250,   281,
    313,   346,   379,   413,   447,   483,   519,   556,   593,   631,   670,
    710,   750,   791,   833,   876,   919,   963,   1008,  1054,  1101,  1148,
    1196,  1245,  1294,  1345,  1396,  1448,  1501,  1554,  1609,  1664,  1720,
    1777,  1835,  1893,  1953,  2013,  2074,  2136,  2198,  2262,  2326,  2391,
    2457,  2524,  2592,  2661,  2730,  2800,  2871,  2943,  3016,  3090,  3165,
    3240,  3316,  3394,  3472,  3551,  3630,  3711,  3793,  3875,  3959,  4043,
    4128,  4214,  4301,  4389,  4477,  4567,  4657,  4748,  4841,  4934,  5028,
    5123,  5219,  5315,  5413,  5511,  5611,  5711,  5812,  5915,  6018,  6122,
    6226,  6332,  6439,  6547,  6655,  6764,  6875,  6986,  7098,  7211,  7325,
    7440,  7556,  7673,  7791,  7909,  8029,  8149,  8271,  8393,  8516,  8640,
    8765,  8891,  9018,  9146,  9275,  9405,  9535,  9667,  9799,  9933,  10000,
    10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000,
    10000, 10000,
};

/* The integer square root of N, below 2^40 (length_cost's are below
 * 2^31): the square root in double precision (correctly rounded by IEEE
 * 754 in every build, and exact to within one for N this small), then
 * corrected to the floor. The same value as a bit-by-bit integer root
 * without its 31 dependent rounds. */
static uint64_t isqrt(uint64_t n)
{
	uint64_t r = (uint64_t)sqrt((double)n);
	while (r * r > n)
		r--;
	while ((r + 1) * (r + 1) <= n)
		r++;
	return r;
}

/* Whether a cost of X thousandths reaches LIM, a limit in thousandths
 * (not whole): a whole number reaches LIM if and only if it reaches its
 * ceiling. Compared as doubles (X is exact in one), not by rounding LIM
 * up to an integer first: the conversions there were a chain of
 * dependent instructions before every test of the pair cost. */
static inline bool at_least(int64_t x, double lim)
{
	return (double)x >= lim;
}

/* The length cost of original length LO against translated length LT,
 * both in tenths of a character; -1 when BASE plus it is sure to reach
 * LIM (reaches: at_least()), as the cost is at least half the squared
 * deviation, or the cap.
 *
 * With c = 0.95 and L the mean (lo + lt / c) / 2, the deviation is
 * d = lt - c lo over a variance of 3 L + (0.1 L)^2. In integers:
 * D = 20 lt - 19 lo and M = 19 lo + 20 lt (L = M / 380 characters,
 * d = D / 200), so that d^2 / var = 361 D^2 / (M (M + 114000)). */
static int64_t length_cost(int64_t lo, int64_t lt, int64_t base, double lim)
{
	int64_t dd = 20 * lt - 19 * lo, m = 19 * lo + 20 * lt;
	if (m <= 0)
		return 0;
	uint64_t d = (uint64_t)(dd < 0 ? -dd : dd), mm = (uint64_t)m;
	/* Blocks of a million characters and more: smaller numbers, about
	 * the same ratio, no overflow below. */
	while (mm >= (uint64_t)1 << 24 || d >= (uint64_t)1 << 26) {
		mm >>= 1;
		d >>= 1;
	}
	uint64_t num = 361 * d * d, den = mm * (mm + 114000);
	if (den == 0)
		return 0;
	/* The squared deviation in 4096ths, up to 20 (cost capped). */
	if (num >= 20 * den) {
		if (at_least(base + W.len_max, lim))
			return -1;
		return W.len_max;
	}
	/* floor(num * 4096 / den): one division where num * 4096 cannot
	 * overflow (num < 20 den, below 2^53 but for blocks near the
	 * scaling's limit). */
	uint64_t q = num < (uint64_t)1 << 52
	                 ? (num << 12) / den
	                 : (num / den) * 4096 + (num % den) * 4096 / den;
	/* At least half the squared deviation (less a thousandth for the
	 * table's rounding). */
	int64_t low = (int64_t)(q * 1000 / 8192) - 1;
	if (at_least(base + (low < W.len_max ? low : W.len_max), lim))
		return -1;
	/* The deviation in 32ths of a standard deviation, with 8 bits of
	 * fraction: sqrt(q / 4096) * 32 * 256 = sqrt(q * 16384). */
	uint64_t s = isqrt(q * 16384);
	uint64_t k = s >> 8, f = s & 255;
	if (k >= 144)
		return W.len_max;
	int64_t c =
	    gc_table[k] +
	    (int64_t)(((uint64_t)(gc_table[k + 1] - gc_table[k]) * f) >> 8);
	return c < W.len_max ? c : W.len_max;
}

/* What the cost needs of a block, computed once per alignment: where
 * each type's keys start (keys come sorted by type first), the length,
 * and the block's fields that the cost reads, side by side (the dynamic
 * programming reads them for every cell; the blocks are larger). */
typedef struct info {
	const uint64_t *keys;
	uint32_t off[6];    /* keys of type k: keys[off[k], off[k + 1])
	                       (survey_keys sets them) */
	int64_t length;     /* tenths of a character (tl_align_length) */
	uint32_t sentences; /* block->nsentences */
	/* The Latin words that matter: a translated block's all, an
	 * original block's only those the translation has somewhere (the
	 * others cannot match, and cost nothing). */
	const uint64_t *words;
	uint32_t nwords;
	uint32_t nkeys;
	int32_t earn;     /* info_set_earn() */
	int32_t reach;    /* side_reach() of this block alone */
	uint8_t kind;     /* tl_align_kind */
	uint8_t level;    /* of a heading */
	bool with_length; /* has_length(kind) */
	bool splits;      /* can_split(kind) */
	bool joins;       /* info_joins(): this block and the next can be
	                     one side of a 1-2 or 2-1 pair */
	bool added;       /* an image of the translation whose destinations
	                     the original has nowhere (survey_keys) */
	uint8_t ckind;    /* its column of kind_costs: kind, or KC_ADDED */
} info;

/* The cost of rendering a block of kind A as the translated block X. */
static inline int64_t kind_cost(tl_align_kind a, const info *x)
{
	return kind_costs[a][x->ckind];
}

/* What the anchors of a pair whose sides hold N0 and N1 keys can earn
 * at most: each match earns at most 1, lines 1 more, and a side without
 * keys earns nothing. It grows with the fewer keys, so for one block on
 * each side it is the less of the two blocks' own (info.reach). */
static inline int64_t reward_bound(size_t n0, size_t n1)
{
	size_t few = n0 < n1 ? n0 : n1;
	int64_t reward = few ? 1000 * (int64_t)(few + 1) : 0;
	return reward < W.reward_max ? reward : W.reward_max;
}

static void info_make(info *x, const tl_align_block *b)
{
	/* A block without keys may have no array: an empty one instead, so
	 * that the cursors never offset a null pointer. */
	static const uint64_t none[1] = {0};
	x->keys = b->keys ? b->keys : none;
	x->nkeys = (uint32_t)b->nkeys;
	x->kind = (uint8_t)b->kind;
	x->level = (uint8_t)b->level;
	x->with_length = has_length(b->kind);
	x->splits = can_split(b->kind);
	x->added = false;
	x->ckind = x->kind;
	x->length = 10 * (int64_t)b->nchars + 32 * (int64_t)b->ncjk;
	x->sentences = (uint32_t)b->nsentences;
}

/* Sets X's offsets of each type's keys (and its words, all of them)
 * from LAST, where survey_keys wrote 1 + the index of a block's last key
 * of type t at t + 1 as it walked them (a type without keys left 0): the
 * keys are sorted by type first, so the first of type t is where the
 * types before it end. Walking the keys in a loop of its own, or
 * stopping at the first word, cost a branch that mispredicted for most
 * blocks. */
static inline void info_set_offsets(info *x, const uint32_t last[9])
{
	x->off[0] = 0;
	for (int t = 1; t < 6; t++)
		x->off[t] = last[t] > x->off[t - 1] ? last[t] : x->off[t - 1];
	x->words = x->keys + x->off[TL_ANCHOR_WORD];
	x->nwords = x->off[TL_ANCHOR_WORD + 1] - x->off[TL_ANCHOR_WORD];
}

/* Sets what the anchors of X can earn a pair at most, by their types:
 * W.match of each number, code span and link, the most the overlap of
 * lines earns when X has lines, and W.match and W.match_kept of each
 * word that matters (info.words), up to W.reward_max. A match is a key
 * of both sides, so a pair earns no more than the less of its sides'
 * (of both blocks of a side of two). Tighter than reward_bound(), which
 * counts every key alike and an original's words that cannot match:
 * pair_cost_parts() stops before the length and the anchors more often. */
static inline void info_set_earn(info *x)
{
	int64_t e = 0;
	for (int t = TL_ANCHOR_NUMBER; t < TL_ANCHOR_LINE; t++)
		e += (int64_t)W.match[t] * (x->off[t + 1] - x->off[t]);
	e += x->off[TL_ANCHOR_LINE + 1] > x->off[TL_ANCHOR_LINE] ? 1000 : 0;
	e += (int64_t)(W.match[TL_ANCHOR_WORD] + W.match_kept) * x->nwords;
	x->earn = (int32_t)(e < W.reward_max ? e : W.reward_max);
	int64_t r = reward_bound(x->nkeys, x->nkeys);
	x->reach = (int32_t)(x->earn + 1 < r ? x->earn + 1 : r);
}

/* Whether blocks X and X + 1, next to each other, can be one side of a
 * 1-2 or 2-1 pair: two of one kind that splits (infos_make sets it). */
static inline bool info_joins(const info *x)
{
	return x->joins;
}

/* The infos of AD's blocks (caller frees). */
static info *infos_make(const tl_align_doc *ad)
{
	info *v = tl_xmalloc((ad->n + 1) * sizeof *v);
	for (size_t i = 0; i < ad->n; i++)
		info_make(&v[i], &ad->blocks[i]);
	/* Without a branch on splits, which mispredicted. */
	for (size_t i = 0; i + 1 < ad->n; i++)
		v[i].joins = v[i].splits & (v[i].kind == v[i + 1].kind);
	if (ad->n)
		v[ad->n - 1].joins = false;
	return v;
}

/* An anchor found in exactly one block of each document. */
typedef struct point {
	size_t i, j;
} point;

/* A key of the translation in survey_keys' table: the first block of
 * each document holding it and how many blocks hold it (no keys repeat
 * within a block). */
typedef struct keyrec {
	uint64_t key; /* low bit set */
	uint32_t bt;  /* the translation's first block */
	uint32_t bo;  /* the original's: the least counted, UINT32_MAX
	                 before any */
	uint32_t nt, no;
} keyrec;

/* The slot of KEY in TAB, a table of indices of records of REC (0:
 * empty): the table is cleared for every alignment, and 4 bytes a slot
 * clear six times faster than the records would. rec[0] is no key's:
 * KEY is written there, so that one test ends the search at KEY's slot
 * or an empty one (which of the two was a coin toss that the branch
 * mispredicted), and a key absent from the table is counted there
 * without a branch. */
static inline size_t keyrec_home(const uint32_t *tab, keyrec *rec, size_t mask,
                                 uint64_t key)
{
	size_t h = (size_t)(key ^ (key >> 29)) & mask;
	rec[0].key = key;
	while (rec[tab[h]].key != key)
		h = (h + 1) & mask;
	return h;
}

/* The record of KEY in TAB (keyrec_home); rec[0] when it has none. */
static inline keyrec *keyrec_find(const uint32_t *tab, keyrec *rec, size_t mask,
                                  uint64_t key)
{
	return &rec[tab[keyrec_home(tab, rec, mask, key)]];
}

/* Counts block I of the original in the record E: blocks come in
 * order, so the first is the least (whether it is the first was as
 * unpredictable as a coin). */
static inline void keyrec_count_orig(keyrec *e, uint32_t i)
{
	e->bo = i < e->bo ? i : e->bo;
	e->no++;
}

/* What the keys of both documents say, from one table of the
 * translation's keys (they are the fewer: an original's words are mostly
 * translated away, and only they can pair), filled once and asked once
 * for each key of the original:
 *
 * - The offsets of each type's keys in every info of IO and IT
 *   (info_set_offsets), found as the keys are walked.
 *
 * - The word lists of the original's infos IO are narrowed to the words
 *   some block of the translation (infos IT) has, and each kept word is
 *   marked by its low bit: set when the translation has it in as many
 *   blocks as the original at least (a name, a product, an acronym the
 *   translator kept wherever it stood: its absence from a block says the
 *   block is not that one), clear when it is in fewer (a word translated
 *   here and kept there, or written in a command). The narrowed lists
 *   live in one block returned (caller frees).
 * - The images of the translation whose link destinations the original
 *   has in no block are marked added: a picture the translator added
 *   (LCTT's lead image, re-hosted), which is no rendering of an original
 *   paragraph.
 * - When PTS is not NULL, the points of the anchors found in exactly one
 *   block of each document, sorted by i, then j descending (the order
 *   longest_chain wants; several anchors of one pair of blocks make one
 *   point), into *PTS (*NP of them; caller frees).
 *
 * Linear in the keys. */
static uint64_t *survey_keys(info *io, size_t n, info *it, size_t m,
                             point **pts, size_t *np)
{
	size_t total = 0, cap = 16;
	for (size_t j = 0; j < m; j++)
		total += it[j].nkeys;
	while (cap < 2 * total + 16)
		cap *= 2;
	size_t mask = cap - 1;
	uint32_t *tab = tl_xcalloc(cap, sizeof *tab);
	/* The records from rec[1] (rec[0]: keyrec_home), in the order
	 * their keys were first seen; rec[nrec + 1] is written before each
	 * key is counted and kept when the key is new (whether it is, a
	 * branch mispredicted). */
	keyrec *rec = tl_xmalloc((total + 2) * sizeof *rec);
	rec[0] = (keyrec){0, 0, UINT32_MAX, 0, 0};
	uint32_t nrec = 0;
	for (size_t j = 0; j < m; j++) {
		uint32_t last[9] = {0};
		for (uint32_t k = 0; k < it[j].nkeys; k++) {
			uint64_t key = it[j].keys[k] | 1;
			last[(key >> 61) + 1] = k + 1;
			size_t h = keyrec_home(tab, rec, mask, key);
			rec[nrec + 1] =
			    (keyrec){key, (uint32_t)j, UINT32_MAX, 0, 0};
			uint32_t r = tab[h] ? tab[h] : nrec + 1;
			nrec += tab[h] == 0;
			tab[h] = r;
			rec[r].nt++;
		}
		info_set_offsets(&it[j], last);
		info_set_earn(&it[j]);
	}
	size_t all = 0;
	for (size_t i = 0; i < n; i++)
		all += io[i].nkeys;
	/* The narrowed words (no more than the keys), and the record of
	 * each, which marks it once every block has been counted. */
	uint64_t *kept = tl_xmalloc((all + 1) * sizeof *kept), *p = kept;
	keyrec **kept_rec = tl_xmalloc((all + 1) * sizeof *kept_rec);
	for (size_t i = 0; i < n; i++) {
		info *x = &io[i];
		/* Every key counted, and the words kept when the
		 * translation has them (of an original listed against this
		 * translation, all are), without a branch on either. */
		uint32_t last[9] = {0};
		uint64_t *words = p;
		for (uint32_t k = 0; k < x->nkeys; k++) {
			uint64_t key = x->keys[k], type = key >> 61;
			last[type + 1] = k + 1;
			keyrec *e = keyrec_find(tab, rec, mask, key | 1);
			keyrec_count_orig(e, (uint32_t)i);
			kept_rec[p - kept] = e;
			*p = key;
			p += (type == TL_ANCHOR_WORD) & (e != rec);
		}
		info_set_offsets(x, last);
		x->words = words;
		x->nwords = (uint32_t)(p - words);
		info_set_earn(x);
	}
	for (size_t k = 0; k < (size_t)(p - kept); k++)
		kept[k] = (kept[k] & ~(uint64_t)1) |
		          (kept_rec[k]->nt >= kept_rec[k]->no);
	free(kept_rec);
	for (size_t j = 0; j < m; j++) {
		uint32_t a = it[j].off[TL_ANCHOR_LINK],
		         b = it[j].off[TL_ANCHOR_LINK + 1];
		if (it[j].kind != TL_ALIGN_IMAGE || a == b)
			continue;
		bool found = false;
		for (uint32_t k = a; k < b && !found; k++)
			found = keyrec_find(tab, rec, mask, it[j].keys[k] | 1)
			            ->no != 0;
		it[j].added = !found;
		it[j].ckind = found ? it[j].kind : KC_ADDED;
	}
	free(tab);
	if (pts) {
		/* A point (i, j) packed as i << 32 | (2^32 - 1 - j):
		 * sorted, by i, then j descending. From the records, each
		 * written and kept or not without a branch. */
		uint64_t *packed = tl_xmalloc((nrec + 1) * sizeof *packed);
		size_t np0 = 0;
		for (uint32_t r = 1; r <= nrec; r++) {
			const keyrec *e = &rec[r];
			packed[np0] = (uint64_t)e->bo << 32 |
			              (UINT32_MAX - (uint64_t)e->bt);
			np0 += (e->no == 1) & (e->nt == 1);
		}
		tl_align_sort_keys(packed, np0);
		/* Several anchors of one pair of blocks make one point:
		 * each written, and kept when it differs from the last. */
		point *v = tl_xmalloc((np0 + 1) * sizeof *v);
		size_t w = 0;
		for (size_t k = 0; k < np0; k++) {
			v[w].i = (size_t)(packed[k] >> 32);
			v[w].j =
			    (size_t)(UINT32_MAX - (packed[k] & UINT32_MAX));
			w += k == 0 || packed[k] != packed[k - 1];
		}
		free(packed);
		*pts = v;
		*np = w;
	}
	free(rec);
	return kept;
}

/* One side of a pair: one or two consecutive blocks. */
typedef struct side {
	const info *x[2];
	int n;
} side;

static side side_of(const info *v, size_t i, int n)
{
	side s = {{&v[i], n > 1 ? &v[i + 1] : NULL}, n};
	return s;
}

/* The distinct keys of a side, in order, without copying: the union of
 * one or two sorted ranges. */
typedef struct cursor {
	const uint64_t *a, *ae, *b, *be;
} cursor;

/* The keys of types [T0, T1) of S (consecutive, as keys sort by type). */
static cursor cursor_of(const side *s, int t0, int t1)
{
	cursor c;
	const info *x = s->x[0];
	c.a = x->keys + x->off[t0];
	c.ae = x->keys + x->off[t1];
	c.b = c.be = c.ae;
	if (s->n > 1) {
		x = s->x[1];
		c.b = x->keys + x->off[t0];
		c.be = x->keys + x->off[t1];
	}
	return c;
}

/* The words of S that matter (info.words). */
static cursor cursor_of_words(const side *s)
{
	cursor c;
	c.a = s->x[0]->words;
	c.ae = c.b = c.be = c.a + s->x[0]->nwords;
	if (s->n > 1) {
		c.b = s->x[1]->words;
		c.be = c.b + s->x[1]->nwords;
	}
	return c;
}

/* The next key of C into *V without taking it; false at the end. */
static inline bool cursor_peek(const cursor *c, uint64_t *v)
{
	if (c->a < c->ae && (c->b >= c->be || *c->a <= *c->b))
		*v = *c->a;
	else if (c->b < c->be)
		*v = *c->b;
	else
		return false;
	return true;
}

static inline void cursor_take(cursor *c, uint64_t v)
{
	if (c->a < c->ae && *c->a == v)
		c->a++;
	if (c->b < c->be && *c->b == v)
		c->b++;
}

/* What the merges of a pair's keys add up to: the numbers, code spans and
 * links already weighted (by W.miss_o, W.miss_t and W.match of their
 * type, as each is met), the lines and words counted. Summed as the keys
 * are merged, in registers: counts by type in arrays, weighted in a loop
 * over the types afterwards, were half of anchor_cost()'s instructions,
 * its merges the other half. */
typedef struct tally {
	int64_t cost, reward;
	size_t line_match, line_only; /* lines on both sides, on one */
	size_t word_match, word_only_o, word_only_t;
	size_t kept, kept_match; /* the original's kept words missing,
	                            found */
} tally;

/* Tallies the keys of CO against those of CT (types NUMBER to LINE:
 * LINE weighs 0 in W.miss_o, W.miss_t and W.match). */
static void merge_count(cursor *co, cursor *ct, tally *tl)
{
	int64_t cost = 0, reward = 0;
	size_t line_match = 0, line_only = 0;
	if (co->b >= co->be && ct->b >= ct->be) {
		/* One block on each side (most pairs): two sorted runs of
		 * distinct keys, merged directly. */
		const uint64_t *a = co->a, *ae = co->ae, *b = ct->a,
		               *be = ct->ae;
		while (a < ae && b < be) {
			uint64_t x = *a, y = *b;
			if (x < y) {
				cost += W.miss_o[x >> 61];
				line_only += (x >> 61) == TL_ANCHOR_LINE;
				a++;
			} else if (y < x) {
				cost += W.miss_t[y >> 61];
				line_only += (y >> 61) == TL_ANCHOR_LINE;
				b++;
			} else {
				reward += W.match[x >> 61];
				line_match += (x >> 61) == TL_ANCHOR_LINE;
				a++;
				b++;
			}
		}
		for (; a < ae; a++) {
			cost += W.miss_o[*a >> 61];
			line_only += (*a >> 61) == TL_ANCHOR_LINE;
		}
		for (; b < be; b++) {
			cost += W.miss_t[*b >> 61];
			line_only += (*b >> 61) == TL_ANCHOR_LINE;
		}
	} else {
		uint64_t x = 0, y = 0;
		bool hx = cursor_peek(co, &x), hy = cursor_peek(ct, &y);
		while (hx || hy) {
			if (hx && (!hy || x < y)) {
				cost += W.miss_o[x >> 61];
				line_only += (x >> 61) == TL_ANCHOR_LINE;
				cursor_take(co, x);
			} else if (!hx || y < x) {
				cost += W.miss_t[y >> 61];
				line_only += (y >> 61) == TL_ANCHOR_LINE;
				cursor_take(ct, y);
			} else {
				reward += W.match[x >> 61];
				line_match += (x >> 61) == TL_ANCHOR_LINE;
				cursor_take(co, x);
				cursor_take(ct, y);
			}
			hx = cursor_peek(co, &x);
			hy = cursor_peek(ct, &y);
		}
	}
	tl->cost = cost;
	tl->reward = reward;
	tl->line_match = line_match;
	tl->line_only = line_only;
}

/* Next word of C (low bit ignored) into *V; false at the end. */
static inline bool word_peek(const cursor *c, uint64_t *v)
{
	if (c->a < c->ae && (c->b >= c->be || (*c->a | 1) <= (*c->b | 1)))
		*v = *c->a;
	else if (c->b < c->be)
		*v = *c->b;
	else
		return false;
	return true;
}

static inline void word_take(cursor *c, uint64_t v)
{
	if (c->a < c->ae && (*c->a | 1) == (v | 1))
		c->a++;
	if (c->b < c->be && (*c->b | 1) == (v | 1))
		c->b++;
}

/* merge_count() for words, whose low bit is no part of the word (an
 * original's marks it kept: survey_keys); counts them, and the
 * original's kept words missing and found. */
static void merge_words(cursor *co, cursor *ct, tally *tl)
{
	size_t match = 0, only_o = 0, only_t = 0, kept = 0, kept_match = 0;
	if (co->b >= co->be && ct->b >= ct->be) {
		/* One block on each side (most pairs): the same merge on
		 * two runs, without the cursors. */
		const uint64_t *a = co->a, *ae = co->ae, *b = ct->a,
		               *be = ct->ae;
		while (a < ae && b < be) {
			uint64_t x = *a, y = *b;
			if ((x | 1) < (y | 1)) {
				only_o++;
				kept += x & 1;
				a++;
			} else if ((y | 1) < (x | 1)) {
				only_t++;
				b++;
			} else {
				match++;
				kept_match += x & 1;
				a++;
				b++;
			}
		}
		for (; a < ae; a++) {
			only_o++;
			kept += *a & 1;
		}
		only_t += (size_t)(be - b);
	} else {
		uint64_t x = 0, y = 0;
		bool hx = word_peek(co, &x), hy = word_peek(ct, &y);
		while (hx || hy) {
			if (hx && (!hy || (x | 1) < (y | 1))) {
				only_o++;
				kept += x & 1;
				word_take(co, x);
			} else if (!hx || (y | 1) < (x | 1)) {
				only_t++;
				word_take(ct, y);
			} else {
				match++;
				kept_match += x & 1;
				word_take(co, x);
				word_take(ct, y);
			}
			hx = word_peek(co, &x);
			hy = word_peek(ct, &y);
		}
	}
	tl->word_match = match;
	tl->word_only_o = only_o;
	tl->word_only_t = only_t;
	tl->kept = kept;
	tl->kept_match = kept_match;
}

/* What the anchors of O and T say. Only the translation's words count:
 * the original's others were translated. */
static int64_t anchor_cost(const side *o, const side *t)
{
	tally tl;
	cursor co = cursor_of(o, TL_ANCHOR_NUMBER, TL_ANCHOR_WORD);
	cursor ct = cursor_of(t, TL_ANCHOR_NUMBER, TL_ANCHOR_WORD);
	merge_count(&co, &ct, &tl);
	co = cursor_of_words(o);
	ct = cursor_of_words(t);
	merge_words(&co, &ct, &tl);
	int64_t cost = tl.cost + (int64_t)W.miss_t[TL_ANCHOR_WORD] *
	                             (int64_t)tl.word_only_t;
	int64_t reward =
	    tl.reward +
	    (int64_t)W.match[TL_ANCHOR_WORD] * (int64_t)tl.word_match +
	    (int64_t)W.match_kept * (int64_t)tl.kept_match;
	int64_t lost =
	    (int64_t)W.miss_o[TL_ANCHOR_WORD] * (int64_t)tl.word_only_o +
	    (int64_t)W.miss_kept * (int64_t)tl.kept;
	cost += lost < W.lost_max ? lost : W.lost_max;
	int64_t lines = (int64_t)(tl.line_match * 2 + tl.line_only);
	if (lines) {
		/* The overlap, 2 matches / lines, in thousandths. */
		int64_t both = 2 * (int64_t)tl.line_match;
		cost += W.line * (lines - both) / lines;
		reward += 1000 * both / lines;
	}
	return cost - (reward < W.reward_max ? reward : W.reward_max);
}

static int64_t side_length(const side *s)
{
	return s->x[0]->length + (s->n > 1 ? s->x[1]->length : 0);
}

/* What the sentence ends of O and T say: translators keep sentences (the
 * counts agree in nine 1-1 pairs of prose in ten on lctt-pairs, in four
 * pairs of neighbours in ten), so a difference costs, which tells apart
 * blocks of like length where a paragraph was dropped or two merged. */
static int64_t sentence_cost(const side *o, const side *t)
{
	uint32_t so = o->x[0]->sentences + (o->n > 1 ? o->x[1]->sentences : 0);
	uint32_t st = t->x[0]->sentences + (t->n > 1 ? t->x[1]->sentences : 0);
	int64_t d =
	    (int64_t)W.sentence * (int64_t)(so > st ? so - st : st - so);
	return d < W.sentence_max ? d : W.sentence_max;
}

/* What the anchors of side S can earn a pair at most, as the bound that
 * pair_cost_parts() takes: the less of reward_bound() of its keys and,
 * a thousandth above, of what they can earn by their types
 * (info_set_earn). A pair the second stops costs a thousandth more than
 * the limit at least, which no rounding of the cell's sums takes below
 * the cell's best: the pairs taken are those that reward_bound() alone
 * lets through, where a cost equal to the limit could be. Both bounds of
 * a pair are the less of its sides', so the bound is the less of the
 * sides' own; a block's alone is info.reach. */
static inline int64_t side_reach(const side *s)
{
	if (s->n == 1)
		return s->x[0]->reach;
	int64_t r = reward_bound(s->x[0]->nkeys + s->x[1]->nkeys,
	                         s->x[0]->nkeys + s->x[1]->nkeys);
	int64_t e = (int64_t)s->x[0]->earn + s->x[1]->earn + 1;
	return e < r ? e : r;
}

/* The cost of pairing O with T (neither empty), its parts into PARTS
 * when not NULL; or INF as soon as it is sure to reach LIMIT (what the
 * anchors can earn is bounded, so the other parts bound the cost from
 * below). */
static inline ALWAYS_INLINE double pair_cost_parts(const side *o, const side *t,
                                                   double limit,
                                                   tl_align_cost_parts *parts)
{
	const info *xo = o->x[0], *xt = t->x[0];
	/* LIMIT in thousandths. */
	double lim = limit * 1000.0;
	int64_t type = 0, kind, length = 0, reward;
	if (o->n > 1 || t->n > 1) {
		if (!info_joins(o->n > 1 ? xo : xt))
			return INF;
		type = W.split;
	}
	tl_align_kind ko = (tl_align_kind)xo->kind,
	              kt = (tl_align_kind)xt->kind;
	kind = kind_cost(ko, xt);
	if (kind < 0)
		return INF;
	if (ko == TL_ALIGN_HEADING && kt == TL_ALIGN_HEADING)
		kind += (int64_t)W.level * abs((int)xo->level - (int)xt->level);
	/* What the anchors can earn at most. */
	int64_t ro = side_reach(o), rt = side_reach(t);
	reward = ro < rt ? ro : rt;
	/* Sure to reach LIMIT before the length is known (the cell's best
	 * is already low): the length costs nothing less than 0. */
	if (at_least(type + kind - reward, lim))
		return INF;
	if (xo->with_length && xt->with_length) {
		/* The sentence ends add to what the lengths say, within
		 * the same cap: a translation condensed to fewer sentences
		 * is also shorter, and the two are one piece of evidence
		 * there. */
		length = length_cost(side_length(o), side_length(t),
		                     type + kind - reward, lim);
		if (length < 0)
			return INF;
		length += sentence_cost(o, t);
		if (length > W.len_max)
			length = W.len_max;
	}
	if (at_least(type + kind + length - reward, lim))
		return INF;
	int64_t anchors = anchor_cost(o, t);
	if (parts) {
		parts->type = nats(type);
		parts->kind = nats(kind);
		parts->length = nats(length);
		parts->anchors = nats(anchors);
	}
	return nats(type + kind + length + anchors);
}

static inline ALWAYS_INLINE double pair_cost(const side *o, const side *t,
                                             double limit)
{
	return pair_cost_parts(o, t, limit, NULL);
}

/* The cost of leaving block B (info X) without a counterpart. */
static double skip_cost(const tl_align_block *b, const info *x)
{
	if (x->added)
		return nats(W.skip_added);
	if (b->note)
		return nats(W.skip_note);
	if (b->kind == TL_ALIGN_BREAK)
		return nats(W.skip_short);
	if (has_length(b->kind) && x->length < W.short_len)
		return nats(W.skip_short);
	return nats(W.skip);
}

/* ---- The band -------------------------------------------------------------
 */

/* Marks in IN_CHAIN the longest chain of PTS (sorted by i, then j
 * descending) strictly increasing in both i and j. O(n log n). */
static void longest_chain(const point *pts, size_t n, bool *in_chain)
{
	size_t *tail = tl_xmalloc((n + 1) * sizeof *tail); /* point index */
	size_t *prev = tl_xmalloc((n + 1) * sizeof *prev);
	size_t len = 0;
	for (size_t k = 0; k < n; k++) {
		/* The first chain length whose tail's j is >= this j. */
		size_t lo = 0, hi = len;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (pts[tail[mid]].j < pts[k].j)
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[k] = lo ? tail[lo - 1] : TL_NONE;
		tail[lo] = k;
		if (lo == len)
			len++;
	}
	memset(in_chain, 0, n * sizeof *in_chain);
	for (size_t k = len ? tail[len - 1] : TL_NONE; k != TL_NONE;
	     k = prev[k])
		in_chain[k] = true;
	free(tail);
	free(prev);
}

/* The rows of the band: row i covers columns [lo[i], hi[i]]. */
typedef struct band {
	size_t *lo, *hi;
	size_t *off; /* index of (i, lo[i]) in the cell arrays */
	size_t cells;
} band;

/* Adds the segment of the guide path from (A, B) to (C, D) to the row
 * spans, and its skew to the rows' widening. */
static void guide_segment(size_t a, size_t b, size_t c, size_t d, size_t *lo,
                          size_t *hi, size_t *widen)
{
	size_t di = c - a, dj = d - b;
	size_t skew = di > dj ? di - dj : dj - di;
	if (di == 0) {
		if (b < lo[a])
			lo[a] = b;
		if (d > hi[a])
			hi[a] = d;
		return;
	}
	for (size_t i = a; i <= c; i++) {
		/* The line at row i and at row i + 1 (floor and ceiling). */
		size_t j0 = b + (i - a) * dj / di;
		size_t j1 = i < c ? b + ((i + 1 - a) * dj + di - 1) / di : d;
		if (j0 < lo[i])
			lo[i] = j0;
		if (j1 > hi[i])
			hi[i] = j1;
		if (skew > widen[i])
			widen[i] = skew;
	}
}

/* The band of O and T, from the points of their unique anchors (PTS, NP
 * of them: survey_keys), which it frees. */
static void band_make(band *bd, const tl_align_doc *o, const tl_align_doc *t,
                      point *pts, size_t np)
{
	size_t n = o->n, m = t->n;
	bd->lo = tl_xmalloc((n + 1) * sizeof *bd->lo);
	bd->hi = tl_xmalloc((n + 1) * sizeof *bd->hi);
	bd->off = tl_xmalloc((n + 2) * sizeof *bd->off);
	size_t *widen = tl_xcalloc(n + 1, sizeof *widen);
	for (size_t i = 0; i <= n; i++) {
		bd->lo[i] = m;
		bd->hi[i] = 0;
	}

	bool *in_chain = tl_xmalloc((np + 1) * sizeof *in_chain);
	longest_chain(pts, np, in_chain);

	/* The guide: (0, 0), each chain point (i, j) entered at (i, j) and
	 * left at (i + 1, j + 1), then (n, m). */
	size_t a = 0, b = 0;
	for (size_t k = 0; k < np; k++) {
		if (!in_chain[k])
			continue;
		guide_segment(a, b, pts[k].i, pts[k].j, bd->lo, bd->hi, widen);
		guide_segment(pts[k].i, pts[k].j, pts[k].i + 1, pts[k].j + 1,
		              bd->lo, bd->hi, widen);
		a = pts[k].i + 1;
		b = pts[k].j + 1;
	}
	guide_segment(a, b, n, m, bd->lo, bd->hi, widen);

	/* Points off the chain: widen the rows around them enough to reach
	 * them, when they are near. */
	for (size_t k = 0; k < np; k++) {
		if (in_chain[k])
			continue;
		size_t i = pts[k].i, j = pts[k].j;
		size_t d = j < bd->lo[i]   ? bd->lo[i] - j
		           : j > bd->hi[i] ? j - bd->hi[i]
		                           : 0;
		if (d == 0 || d > TL_ALIGN_WIDEN)
			continue;
		size_t from = i > d ? i - d : 0, to = i + d < n ? i + d : n;
		for (size_t r = from; r <= to; r++)
			if (d > widen[r])
				widen[r] = d;
	}
	free(pts);
	free(in_chain);

	bd->off[0] = 0;
	for (size_t i = 0; i <= n; i++) {
		size_t h =
		    TL_ALIGN_BAND +
		    (widen[i] < TL_ALIGN_WIDEN ? widen[i] : TL_ALIGN_WIDEN);
		bd->lo[i] = bd->lo[i] > h ? bd->lo[i] - h : 0;
		bd->hi[i] = bd->hi[i] + h < m ? bd->hi[i] + h : m;
		bd->off[i + 1] = bd->off[i] + (bd->hi[i] - bd->lo[i] + 1);
	}
	bd->cells = bd->off[n + 1];
	free(widen);
}

static void band_free(band *bd)
{
	free(bd->lo);
	free(bd->hi);
	free(bd->off);
}

static inline size_t cell(const band *bd, size_t i, size_t j)
{
	return bd->off[i] + (j - bd->lo[i]);
}

/* ---- Dynamic programming ------------------------------------------------ */

/* How a cell was reached: the pair type of the last step. */
typedef struct dp_cell {
	double cost;
	double step; /* the cost of the last pair */
	uint8_t type;
} dp_cell;

/* Appends a pair to the pairs V being built (in reverse; room for one
 * per block of both documents: each pair takes one block at least). */
static void push_pair(tl_align_pair *v, size_t *n, tl_pair_type type, size_t i,
                      size_t ni, size_t j, size_t nj, double cost)
{
	tl_align_pair *p = &v[(*n)++];
	p->type = type;
	p->orig = ni ? i : TL_NONE;
	p->norig = ni;
	p->trans = nj ? j : TL_NONE;
	p->ntrans = nj;
	p->cost = cost;
	p->moved = false;
}

/* The blocks of both documents with what the cost needs of them. */
typedef struct ctx {
	const tl_align_doc *o, *t;
	info *io, *it;
} ctx;

/* Takes the step from a cell costing BASE by a pair costing STEP into
 * BEST when it is cheaper. */
static inline void relax(dp_cell *best, double base, double step, int type)
{
	if (base < INF && base + step < best->cost) {
		best->cost = base + step;
		best->step = step;
		best->type = (uint8_t)type;
	}
}

/* The best path through the band; its pairs in order into *PAIRS (caller
 * frees). */
static size_t dp_run(const ctx *x, const band *bd, tl_align_pair **pairs)
{
	const tl_align_doc *o = x->o, *t = x->t;
	size_t n = o->n, m = t->n;
	dp_cell *c = tl_xmalloc(bd->cells * sizeof *c);
	double *skip_o = tl_xmalloc((n + 1) * sizeof *skip_o);
	double *skip_t = tl_xmalloc((m + 1) * sizeof *skip_t);
	for (size_t i = 0; i < n; i++)
		skip_o[i] = skip_cost(&o->blocks[i], &x->io[i]);
	for (size_t j = 0; j < m; j++)
		skip_t[j] = skip_cost(&t->blocks[j], &x->it[j]);

	/* Row i - 1 and row i - 2 of the band, read for every cell of row
	 * i: their spans and cells at hand. Column k of a row is in it when
	 * k - lo, unsigned, is below its width: one test where k >= lo and
	 * k <= hi were two, and a column before 0 (k - 1 or k - 2 at the
	 * start of a row) wraps to a number no row is as wide as. */
	struct row {
		size_t lo, width;
		const dp_cell *cells;
	} r1 = {0, 0, c}, r2 = {0, 0, c}; /* empty before row 0 */
	for (size_t i = 0; i <= n; i++) {
		size_t lo = bd->lo[i], hi = bd->hi[i];
		dp_cell *row = c + bd->off[i];
		const info *xo1 = i >= 1 ? &x->io[i - 1] : NULL;
		bool joins_o = i >= 2 && info_joins(&x->io[i - 2]);
		for (size_t j = lo; j <= hi; j++) {
			dp_cell best = {i == 0 && j == 0 ? 0 : INF, 0,
			                TL_PAIR_1_1};
			double base;
			size_t k1 = j - r1.lo; /* column j of row i - 1 */
			/* The skips first: they are cheap, and the cost
			 * they set lets the pairs below stop early. */
			if (k1 < r1.width)
				relax(&best, r1.cells[k1].cost, skip_o[i - 1],
				      TL_PAIR_1_0);
			if (j > lo)
				relax(&best, row[j - 1 - lo].cost,
				      skip_t[j - 1], TL_PAIR_0_1);
			if (k1 - 1 < r1.width &&
			    (base = r1.cells[k1 - 1].cost) < INF) {
				side so = {{xo1, NULL}, 1};
				side st = side_of(x->it, j - 1, 1);
				relax(&best, base,
				      pair_cost(&so, &st, best.cost - base),
				      TL_PAIR_1_1);
			}
			/* Splits and merges only of two blocks of one kind
			 * that splits: test the kinds before the cost. */
			if (k1 - 2 < r1.width && info_joins(&x->it[j - 2]) &&
			    (base = r1.cells[k1 - 2].cost) < INF) {
				side so = {{xo1, NULL}, 1};
				side st = side_of(x->it, j - 2, 2);
				relax(&best, base,
				      pair_cost(&so, &st, best.cost - base),
				      TL_PAIR_1_2);
			}
			if (joins_o && j - 1 - r2.lo < r2.width &&
			    (base = r2.cells[j - 1 - r2.lo].cost) < INF) {
				side so = side_of(x->io, i - 2, 2);
				side st = side_of(x->it, j - 1, 1);
				relax(&best, base,
				      pair_cost(&so, &st, best.cost - base),
				      TL_PAIR_2_1);
			}
			row[j - lo] = best;
		}
		r2 = r1;
		r1 = (struct row){lo, hi - lo + 1, row};
	}

	/* Back from (n, m). */
	tl_align_pair *v = tl_xmalloc((n + m + 1) * sizeof *v);
	size_t nv = 0;
	size_t i = n, j = m;
	while (i > 0 || j > 0) {
		const dp_cell *x = &c[cell(bd, i, j)];
		static const size_t di[] = {1, 1, 0, 1, 2};
		static const size_t dj[] = {1, 0, 1, 2, 1};
		size_t ni = di[x->type], nj = dj[x->type];
		push_pair(v, &nv, (tl_pair_type)x->type, i - ni, ni, j - nj, nj,
		          x->step);
		i -= ni;
		j -= nj;
	}
	for (size_t k = 0; k < nv / 2; k++) {
		tl_align_pair tmp = v[k];
		v[k] = v[nv - 1 - k];
		v[nv - 1 - k] = tmp;
	}
	free(c);
	free(skip_o);
	free(skip_t);
	*pairs = v;
	return nv;
}

/* ---- Moves ----------------------------------------------------------------
 */

/* Pairs the original blocks left alone (1-0) with translated blocks left
 * alone (0-1) that share an anchor with them (prose: or two words), best
 * first per translated block, when the pair costs less than W.move_max:
 * a moved image, reordered list items, a paragraph moved from the end to
 * the start that names the same people. Each translated block looks at the lone
 * original blocks holding one of its anchors, at most MOVE_CANDIDATES per
 * anchor, so this is linear in the anchors. The moved pair takes the 0-1 pair's
 * place; the 1-0 pair goes. */
#define MOVE_CANDIDATES 8

typedef struct lone {
	uint64_t key;
	size_t block[MOVE_CANDIDATES];
	size_t n;
} lone;

/* How many keys blocks A and B share (both sorted ascending). */
static size_t shared_keys(const tl_align_block *a, const tl_align_block *b)
{
	size_t i = 0, j = 0, n = 0;
	while (i < a->nkeys && j < b->nkeys) {
		if (a->keys[i] < b->keys[j])
			i++;
		else if (a->keys[i] > b->keys[j])
			j++;
		else
			n++, i++, j++;
	}
	return n;
}

static size_t move_pass(const ctx *x, tl_align_pair *v, size_t nv)
{
	const tl_align_doc *o = x->o, *t = x->t;
	size_t nkeys = 0, nlone_o = 0;
	for (size_t k = 0; k < nv; k++) {
		if (v[k].type == TL_PAIR_1_0) {
			nkeys += o->blocks[v[k].orig].nkeys;
			nlone_o++;
		}
	}
	if (nlone_o == 0 || nkeys == 0)
		return nv;
	size_t cap = 16;
	while (cap < 2 * nkeys)
		cap *= 2;
	lone *tab = tl_xcalloc(cap, sizeof *tab);
	/* The pair of each lone original block, to remove it when moved. */
	size_t *pair_of = tl_xmalloc(o->n * sizeof *pair_of);
	for (size_t k = 0; k < nv; k++) {
		if (v[k].type != TL_PAIR_1_0)
			continue;
		const tl_align_block *b = &o->blocks[v[k].orig];
		pair_of[v[k].orig] = k;
		for (size_t a = 0; a < b->nkeys; a++) {
			uint64_t key = b->keys[a] | 1;
			size_t h = (size_t)(key ^ (key >> 29)) & (cap - 1);
			while (tab[h].key && tab[h].key != key)
				h = (h + 1) & (cap - 1);
			tab[h].key = key;
			if (tab[h].n < MOVE_CANDIDATES)
				tab[h].block[tab[h].n++] = v[k].orig;
		}
	}
	bool *taken = tl_xcalloc(o->n, sizeof *taken);
	bool *gone = tl_xcalloc(nv, sizeof *gone);
	for (size_t k = 0; k < nv; k++) {
		if (v[k].type != TL_PAIR_0_1)
			continue;
		const tl_align_block *tb = &t->blocks[v[k].trans];
		size_t best = TL_NONE;
		double best_cost = nats(W.move_max);
		for (size_t a = 0; a < tb->nkeys; a++) {
			/* A word is too weak alone: it pairs prose that
			 * shares two words or more. */
			bool word = (tb->keys[a] >> 61) == TL_ANCHOR_WORD;
			if (word && !is_prose(tb->kind))
				continue;
			uint64_t key = tb->keys[a] | 1;
			size_t h = (size_t)(key ^ (key >> 29)) & (cap - 1);
			while (tab[h].key && tab[h].key != key)
				h = (h + 1) & (cap - 1);
			for (size_t q = 0; tab[h].key && q < tab[h].n; q++) {
				size_t ob = tab[h].block[q];
				if (taken[ob])
					continue;
				if (word &&
				    (!is_prose(o->blocks[ob].kind) ||
				     shared_keys(&o->blocks[ob], tb) < 2))
					continue;
				side so = side_of(x->io, ob, 1);
				side st = side_of(x->it, v[k].trans, 1);
				double cost = pair_cost(&so, &st, best_cost);
				if (cost < best_cost) {
					best_cost = cost;
					best = ob;
				}
			}
		}
		if (best == TL_NONE)
			continue;
		taken[best] = true;
		gone[pair_of[best]] = true;
		v[k].type = TL_PAIR_1_1;
		v[k].orig = best;
		v[k].norig = 1;
		v[k].cost = best_cost;
		v[k].moved = true;
	}
	size_t w = 0;
	for (size_t k = 0; k < nv; k++)
		if (!gone[k])
			v[w++] = v[k];
	free(tab);
	free(pair_of);
	free(taken);
	free(gone);
	return w;
}

/* ---- The alignment ---------------------------------------------------------
 */

static const char *const type_names[] = {"1-1", "1-0", "0-1", "1-2", "2-1"};

const char *tl_pair_type_name(tl_pair_type type)
{
	return (unsigned)type < 5 ? type_names[type] : "?";
}

tl_align *tl_align_new(tl_align_doc *orig, tl_align_doc *trans)
{
	tl_align *al = tl_xcalloc(1, sizeof *al);
	al->orig = orig;
	al->trans = trans;
	al->arena = tl_arena_new();

	ctx x = {orig, trans, infos_make(orig), infos_make(trans)};
	/* The original's words narrowed (those of an original listed
	 * against this translation are already) and marked kept or not;
	 * the translation's added images marked. */
	point *pts;
	size_t np;
	uint64_t *words = survey_keys(x.io, orig->n, x.it, trans->n, &pts, &np);
	band bd;
	band_make(&bd, orig, trans, pts, np);
	al->cells = bd.cells;
	tl_align_pair *v;
	size_t nv = dp_run(&x, &bd, &v);
	band_free(&bd);
	nv = move_pass(&x, v, nv);
	free(x.io);
	free(x.it);
	free(words);

	/* Not cleared: the pairs are copied, and every block is in one
	 * pair, so each index below is written. */
	al->pairs = tl_arena_alloc_raw(al->arena, (nv ? nv : 1) * sizeof *v);
	if (nv)
		memcpy(al->pairs, v, nv * sizeof *v);
	al->npairs = nv;
	free(v);
	al->orig_pair = tl_arena_alloc_raw(
	    al->arena, (orig->n + 1) * sizeof *al->orig_pair);
	al->trans_pair = tl_arena_alloc_raw(
	    al->arena, (trans->n + 1) * sizeof *al->trans_pair);
	for (size_t k = 0; k < nv; k++) {
		const tl_align_pair *p = &al->pairs[k];
		for (size_t x = 0; x < p->norig; x++)
			al->orig_pair[p->orig + x] = k;
		for (size_t x = 0; x < p->ntrans; x++)
			al->trans_pair[p->trans + x] = k;
		al->cost += p->cost;
	}
	return al;
}

void tl_align_free(tl_align *al)
{
	if (!al)
		return;
	tl_align_doc_free(al->orig);
	tl_align_doc_free(al->trans);
	tl_arena_free(al->arena);
	free(al);
}

double tl_align_cost(const tl_align *al, size_t orig, size_t norig,
                     size_t trans, size_t ntrans, tl_align_cost_parts *parts)
{
	if (parts)
		memset(parts, 0, sizeof *parts);
	if (norig > 2 || ntrans > 2 || (norig == 2 && ntrans == 2) ||
	    (norig && orig + norig > al->orig->n) ||
	    (ntrans && trans + ntrans > al->trans->n) || norig + ntrans == 0)
		return INF;
	/* The infos of the whole documents, as the alignment made them:
	 * the original's words narrowed and marked, the translation's
	 * added images marked (linear, once per call: this is for
	 * debugging). */
	info *io = infos_make(al->orig), *it = infos_make(al->trans);
	uint64_t *words =
	    survey_keys(io, al->orig->n, it, al->trans->n, NULL, NULL);
	double c;
	if (norig == 0 || ntrans == 0) {
		c = norig == 1 ? skip_cost(&al->orig->blocks[orig], &io[orig])
		    : ntrans == 1
		        ? skip_cost(&al->trans->blocks[trans], &it[trans])
		        : INF;
		if (parts && c < INF)
			parts->type = c;
	} else {
		side so = side_of(io, orig, (int)norig),
		     st = side_of(it, trans, (int)ntrans);
		c = pair_cost_parts(&so, &st, INF, parts);
	}
	free(words);
	free(io);
	free(it);
	return c;
}

const tl_align_pair *tl_align_pair_of_trans(const tl_align *al, size_t j)
{
	return j < al->trans->n ? &al->pairs[al->trans_pair[j]] : NULL;
}

const tl_align_pair *tl_align_pair_of_orig(const tl_align *al, size_t i)
{
	return i < al->orig->n ? &al->pairs[al->orig_pair[i]] : NULL;
}

/* ---- The debugging view ------------------------------------------------- */

/* The 1-based line range of blocks [I, I + N) of AD: "12" or "12-14". */
static void put_lines(tl_buf *out, const tl_align_doc *ad, size_t i, size_t n)
{
	if (n == 0) {
		tl_buf_puts(out, "-");
		return;
	}
	const tl_source *src = ad->src;
	size_t first = tl_source_line_index(src, ad->blocks[i].start) + 1;
	size_t end = ad->blocks[i + n - 1].end;
	size_t last = tl_source_line_index(src, end > 0 ? end - 1 : 0) + 1;
	if (last < first)
		last = first;
	if (last == first)
		tl_buf_printf(out, "%zu", first);
	else
		tl_buf_printf(out, "%zu-%zu", first, last);
}

/* Columns of an excerpt: the start of a block's first line. */
#define EXCERPT_WIDTH 60

static void put_excerpt(tl_buf *out, const char *mark, const tl_align_doc *ad,
                        size_t i)
{
	const tl_source *src = ad->src;
	const tl_align_block *b = &ad->blocks[i];
	size_t ls, le;
	tl_source_line_span(src, tl_source_line_index(src, b->start), &ls, &le);
	size_t p = b->start > ls ? b->start : ls;
	if (le > b->end && b->end > p)
		le = b->end;
	while (p < le && (src->data[p] == ' ' || src->data[p] == '\t'))
		p++;
	tl_buf_puts(out, "    ");
	tl_buf_puts(out, mark);
	tl_buf_putc(out, ' ');
	/* Up to EXCERPT_WIDTH columns, a wide character counting two. */
	size_t cols = 0;
	while (p < le) {
		uint32_t cp;
		size_t k = tl_utf8_decode(src->data + p, le - p, &cp);
		if (k == 0)
			break;
		size_t w =
		    (tl_char_class(cp) & TL_CLS_CJK) || tl_char_is_cjk_punct(cp)
		        ? 2
		        : 1;
		if (cols + w > EXCERPT_WIDTH) {
			tl_buf_puts(out, "…");
			break;
		}
		tl_buf_append(out, src->data + p, cp == '\t' ? 0 : k);
		if (cp == '\t')
			tl_buf_putc(out, ' ');
		cols += w;
		p += k;
	}
	tl_buf_putc(out, '\n');
}

void tl_align_print(const tl_align *al, tl_buf *out)
{
	for (size_t k = 0; k < al->npairs; k++) {
		const tl_align_pair *p = &al->pairs[k];
		const tl_align_block *first =
		    p->norig ? &al->orig->blocks[p->orig]
		             : &al->trans->blocks[p->trans];
		tl_buf_printf(out, "%s%s ", tl_pair_type_name(p->type),
		              p->moved ? " moved" : "");
		put_lines(out, al->orig, p->orig, p->norig);
		tl_buf_puts(out, " ↔ ");
		put_lines(out, al->trans, p->trans, p->ntrans);
		tl_buf_printf(out, "  %s", tl_align_kind_name(first->kind));
		if (p->ntrans && p->norig &&
		    al->trans->blocks[p->trans].kind != first->kind)
			tl_buf_printf(out, " → %s",
			              tl_align_kind_name(
			                  al->trans->blocks[p->trans].kind));
		tl_buf_printf(out, "  cost %.2f\n", p->cost);
		for (size_t x = 0; x < p->norig; x++)
			put_excerpt(out, "-", al->orig, p->orig + x);
		for (size_t x = 0; x < p->ntrans; x++)
			put_excerpt(out, "+", al->trans, p->trans + x);
	}
}
