/*
 * align_blocks.c: the blocks of a document and their anchors, the first
 * step of aligning a translation with its original (align.h).
 *
 * A block is what a translator renders as a unit: a heading, a paragraph,
 * a table row, a code block, a metadata line. Its anchors are what
 * survives translation: numbers, inline code, link destinations, Latin
 * words kept as they are (names, identifiers), the lines of code. They are
 * read from the cmark tree, not from the prose runs of markdown.c: the
 * tree resolves reference links, and a block must be listed even when its
 * run could not be mapped to the source (markdown.c drops such runs).
 *
 * cmark consumes link reference definitions without leaving a node, so
 * the lines between blocks are scanned for them: each becomes a metadata
 * block (LCTT's "[#]: via: ..." header and numbered link list). A
 * paragraph that begins with definitions reports its start at the first
 * of them; those lines are split off the same way.
 */
#include "align.h"

#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* token_end() is inlined where its hash is asked for and where it is
 * not, so that each copy has the loop it needs. */
#if defined(__GNUC__) || defined(__clang__)
#define ALWAYS_INLINE __attribute__((always_inline))
#else
#define ALWAYS_INLINE
#endif

/* Slots of the stop-word set: a power of two, well above their number. */
#define STOP_SLOTS 512
/* Entries of the character class cache: a power of two. */
#define CLASS_SLOTS 64
/* Bits of a document's word shapes (word_shape): 5 bits of the first
 * byte, 5 of the last, 4 of the length. */
#define SHAPE_BITS (1u << 14)

/* The state of listing, and the memory the listed blocks live in. */
struct tl_align_build {
	tl_arena *arena; /* anchors, keys and their texts */
	size_t cap;      /* of the blocks array (heap) */
	size_t cursor;   /* end of the last block: the next gap starts here */
	/* The block being built. */
	tl_align_block cur;
	tl_align_anchor *tmp; /* its anchors so far (heap, reused) */
	size_t ntmp, cap_tmp;
	uint64_t *words; /* the hashes of its words (heap, reused) */
	size_t nwords, cap_words;
	size_t bstart, bend; /* where its anchors may be found */
	size_t search;       /* where the next text anchor is looked for */
	bool trust_nodes;    /* inline node positions can be believed */
	int note;            /* inside a translator's note: the depth of its
	                        parentheses, or -1 when it is the block */
	bool image;          /* an image seen */
	bool visible;        /* something visible outside images */
	size_t line_hint;    /* the line line_of() answered last */
	tl_buf key;          /* scratch */
	const char *data;    /* the source bytes */
	bool nul;            /* they hold a NUL (then keys may: cmark's
	                        literals never do, NUL turns to U+FFFD) */
	uint64_t *stop;      /* hashes of the stop words (STOP_SLOTS), when not
	                        listing against a translation */
	/* Listing an original against its translation: the words that
	 * translation has (open addressing, each hash with its low bit set,
	 * 0 for an empty slot), the only ones kept; NULL otherwise. */
	uint64_t *only;
	size_t only_mask;
	/* A bit for each word of the set, at only_bit(): most words of an
	 * original are not in it, and one load and a test that is nearly
	 * always false say so where the probe of the set's slots mispredicted
	 * its loop (4 * the slots' count in 64-bit words, 1/16 of them set at
	 * most). */
	uint64_t *only_bits;
	size_t only_bits_mask;
	const tl_align_doc *against; /* that translation */
	/* A bit for the shape (word_shape) of each word this document
	 * keeps; an original listed against a translation hashes only the
	 * words whose shape the translation's bits have (against_shapes,
	 * NULL otherwise). */
	uint64_t shapes[SHAPE_BITS / 64];
	const uint64_t *against_shapes;
	/* The classes of the last characters met outside the basic block
	 * of ideographs (Chinese punctuation, mostly), direct-mapped:
	 * tl_char_class is costly for them. A code point of 0 marks an
	 * empty entry (only characters of 0x80 and above are kept). */
	struct {
		uint32_t cp;
		uint8_t cls;
	} classes[CLASS_SLOTS];
};

static const char *const kind_names[TL_ALIGN_NKINDS] = {
    [TL_ALIGN_FRONT_MATTER] = "front matter",
    [TL_ALIGN_META] = "metadata",
    [TL_ALIGN_HEADING] = "heading",
    [TL_ALIGN_PARAGRAPH] = "paragraph",
    [TL_ALIGN_ITEM] = "list item",
    [TL_ALIGN_QUOTE] = "quote",
    [TL_ALIGN_TABLE_ROW] = "table row",
    [TL_ALIGN_CODE] = "code block",
    [TL_ALIGN_IMAGE] = "image",
    [TL_ALIGN_HTML] = "HTML block",
    [TL_ALIGN_BREAK] = "thematic break",
};

const char *tl_align_kind_name(tl_align_kind kind)
{
	return (unsigned)kind < TL_ALIGN_NKINDS ? kind_names[kind] : "?";
}

double tl_align_length(const tl_align_block *block)
{
	return (double)block->nchars +
	       TL_ALIGN_CJK_WEIGHT * (double)block->ncjk;
}

/* ---- Anchors ------------------------------------------------------------ */

/* FNV-1a of the key, the type in the top 3 bits so that sorted keys come
 * grouped by type. */
static uint64_t anchor_hash(tl_anchor_type type, const char *s, size_t n);

uint64_t tl_align_hash(tl_anchor_type type, const char *key, size_t n)
{
	return anchor_hash(type, key, n);
}

bool tl_align_block_has(const tl_align_block *block, uint64_t hash)
{
	size_t lo = 0, hi = block->nkeys;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (block->keys[mid] < hash)
			lo = mid + 1;
		else if (block->keys[mid] > hash)
			hi = mid;
		else
			return true;
	}
	return false;
}

#define FNV_BASIS 0xcbf29ce484222325u
#define FNV_PRIME 0x100000001b3u

/* The type in the top 3 bits of a finished FNV-1a hash. */
static inline uint64_t anchor_hash_final(uint64_t h, tl_anchor_type type)
{
	return (h >> 3) | ((uint64_t)type << 61);
}

static uint64_t anchor_hash(tl_anchor_type type, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint64_t h = FNV_BASIS ^ (uint64_t)type;
	size_t i = 0;
	/* Eight bytes a round: the same hash, a third of the instructions
	 * of the loop's test and step (the lines of code and metadata are
	 * long keys). */
	for (; n - i >= 8; i += 8) {
		h = (h ^ u[i]) * FNV_PRIME;
		h = (h ^ u[i + 1]) * FNV_PRIME;
		h = (h ^ u[i + 2]) * FNV_PRIME;
		h = (h ^ u[i + 3]) * FNV_PRIME;
		h = (h ^ u[i + 4]) * FNV_PRIME;
		h = (h ^ u[i + 5]) * FNV_PRIME;
		h = (h ^ u[i + 6]) * FNV_PRIME;
		h = (h ^ u[i + 7]) * FNV_PRIME;
	}
	for (; i < n; i++)
		h = (h ^ u[i]) * FNV_PRIME;
	return anchor_hash_final(h, type);
}

/* Classes of the ASCII characters for the tokenizer. */
enum {
	A_WORD = 1,  /* letter, digit or '_': part of a token */
	A_LETTER = 2 /* an ASCII letter */
};

#define A_L(c) [c] = A_WORD | A_LETTER, [c - 'a' + 'A'] = A_WORD | A_LETTER
static const uint8_t ascii[128] = {
    ['0'] = A_WORD, ['1'] = A_WORD, ['2'] = A_WORD, ['3'] = A_WORD,
    ['4'] = A_WORD, ['5'] = A_WORD, ['6'] = A_WORD, ['7'] = A_WORD,
    ['8'] = A_WORD, ['9'] = A_WORD, ['_'] = A_WORD, A_L('a'),
    A_L('b'),       A_L('c'),       A_L('d'),       A_L('e'),
    A_L('f'),       A_L('g'),       A_L('h'),       A_L('i'),
    A_L('j'),       A_L('k'),       A_L('l'),       A_L('m'),
    A_L('n'),       A_L('o'),       A_L('p'),       A_L('q'),
    A_L('r'),       A_L('s'),       A_L('t'),       A_L('u'),
    A_L('v'),       A_L('w'),       A_L('x'),       A_L('y'),
    A_L('z'),
};
#undef A_L

/* The classes of the bytes for scan_text, one lookup a byte: TOK_WORD
 * for a letter, digit or '_' (ASCII only), TOK_LETTER for a letter, and
 * in the low 8 bits the byte as the word hash takes it (a letter
 * lowercased); TOK_NOTE where a translator's note may start ('(', and
 * the lead bytes of （ and 译), TOK_HIGH for the bytes of UTF-8
 * sequences, TOK_STOP for '.', '?' and '!', TOK_VISIBLE for ASCII above
 * ' '. */
enum {
	TOK_WORD = 0x100,
	TOK_LETTER = 0x200,
	TOK_NOTE = 0x400,
	TOK_HIGH = 0x800,
	TOK_STOP = 0x1000,
	TOK_VISIBLE = 0x2000
};
#define TOK_IS_LETTER(c)                                                       \
	(((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z'))
#define TOK_IS_WORD(c)                                                         \
	(TOK_IS_LETTER(c) || ((c) >= '0' && (c) <= '9') || (c) == '_')
#define TOK(c)                                                                 \
	((TOK_IS_WORD(c)                                                       \
	      ? TOK_WORD | (TOK_IS_LETTER(c) ? TOK_LETTER | (c) | 0x20 : (c))  \
	      : 0) |                                                           \
	 ((c) == '(' || (c) == 0xEF || (c) == 0xE8 ? TOK_NOTE : 0) |           \
	 ((c) >= 0x80 ? TOK_HIGH : 0) |                                        \
	 ((c) == '.' || (c) == '?' || (c) == '!' ? TOK_STOP : 0) |             \
	 ((c) > ' ' && (c) < 0x80 ? TOK_VISIBLE : 0))
#define TOK4(c) TOK(c), TOK(c + 1), TOK(c + 2), TOK(c + 3)
#define TOK16(c) TOK4(c), TOK4(c + 4), TOK4(c + 8), TOK4(c + 12)
#define TOK64(c) TOK16(c), TOK16(c + 16), TOK16(c + 32), TOK16(c + 48)
/* 32-bit entries: the word loop reads one without a zero extension. */
static const uint32_t tok[256] = {TOK64(0), TOK64(64), TOK64(128), TOK64(192)};
#undef TOK64
#undef TOK16
#undef TOK4
#undef TOK
#undef TOK_IS_WORD
#undef TOK_IS_LETTER

static void add_anchor(struct tl_align_build *b, tl_anchor_type type,
                       const char *key, size_t n, size_t start, size_t end)
{
	b->tmp = tl_grow(b->tmp, b->ntmp, &b->cap_tmp, sizeof *b->tmp);
	tl_align_anchor *a = &b->tmp[b->ntmp++];
	a->type = type;
	/* tl_arena_strndup without its zeroing: the key is copied over. */
	const char *nul = b->nul ? memchr(key, '\0', n) : NULL;
	size_t len = nul ? (size_t)(nul - key) : n;
	char *copy = tl_arena_alloc_raw(b->arena, len + 1);
	memcpy(copy, key, len);
	copy[len] = '\0';
	a->key = copy;
	a->start = start;
	a->end = end;
	a->hash = anchor_hash(type, key, n);
}

/* The first occurrence of W (N > 0 bytes) in [S, S + LEN), or NULL.
 * (memmem is not POSIX.) */
static const char *find_bytes(const char *s, size_t len, const char *w,
                              size_t n)
{
	while (len >= n) {
		const char *p = memchr(s, w[0], len - n + 1);
		if (!p)
			return NULL;
		if (memcmp(p, w, n) == 0)
			return p;
		len -= (size_t)(p - s) + 1;
		s = p + 1;
	}
	return NULL;
}

/* Where the bytes W (N of them) stand in the block, looked for from the
 * previous anchor on; the block's span when they are not found. */
static void locate_text(struct tl_align_build *b, const char *data,
                        const char *w, size_t n, size_t *start, size_t *end)
{
	size_t from = b->search < b->bstart ? b->bstart : b->search;
	if (n && from < b->bend && b->bend - from >= n) {
		const char *p = find_bytes(data + from, b->bend - from, w, n);
		if (p) {
			*start = (size_t)(p - data);
			*end = *start + n;
			b->search = *end;
			return;
		}
	}
	*start = b->bstart;
	*end = b->bend;
}

/* The span of inline NODE, when its reported position can be believed
 * and holds NEEDLE (when given); else where NEEDLE is found; else the
 * block's span. */
static void locate_node(struct tl_align_build *b, const tl_doc *doc,
                        cmark_node *node, const char *needle, size_t n,
                        size_t *start, size_t *end)
{
	if (b->trust_nodes) {
		size_t s, e;
		tl_doc_node_span(doc, node, &s, &e);
		if (s >= b->bstart && e <= b->bend && e > s &&
		    (!needle || !n ||
		     find_bytes(doc->src->data + s, e - s, needle, n))) {
			*start = s;
			*end = e;
			if (e > b->search)
				b->search = e;
			return;
		}
	}
	locate_text(b, doc->src->data, needle ? needle : "", needle ? n : 0,
	            start, end);
}

/* A code span's content found by search, widened to its backticks and
 * the one space each side that CommonMark strips. */
static void widen_to_backticks(const struct tl_align_build *b, const char *data,
                               size_t *start, size_t *end)
{
	size_t s = *start, e = *end;
	if (s > b->bstart + 1 && data[s - 1] == ' ' && data[s - 2] == '`')
		s--;
	while (s > b->bstart && data[s - 1] == '`')
		s--;
	if (e + 1 < b->bend && data[e] == ' ' && data[e + 1] == '`')
		e++;
	while (e < b->bend && data[e] == '`')
		e++;
	if (s < *start && e > *end) {
		*start = s;
		*end = e;
	}
}

/* tl_char_class of CP (0x80 or above), with the common case of Chinese
 * text inline: the ideographs of the basic block; the others through
 * B's cache. */
static inline uint8_t class_of(struct tl_align_build *b, uint32_t cp)
{
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return TL_CLS_CJK;
	size_t k = (cp ^ (cp >> 6)) & (CLASS_SLOTS - 1);
	if (b->classes[k].cp != cp) {
		b->classes[k].cp = cp;
		b->classes[k].cls = tl_char_class(cp);
	}
	return b->classes[k].cls;
}

/* English words too common to tell blocks apart, which translations do
 * not keep: left out of the anchors, they would be a third of an
 * original's and cost time in every comparison. Each with its hash
 * (tl_align_hash of TL_ANCHOR_WORD), written out: hashing the words
 * again for every document was a tenth of listing a translation
 * (tests/unit/test_align.c checks them). */
static const struct stop_word {
	const char *word;
	uint64_t hash;
} stop_words[] = {
    {"able", 0x850b3ccc043f0168u},    {"about", 0x9029126b36917251u},
    {"after", 0x9a5f1f0fa6dcfb5cu},   {"again", 0x8fc5f4b069f5a624u},
    {"against", 0x8ac020a11702c3c9u}, {"all", 0x985d1ee31e09a39fu},
    {"also", 0x8fe56ecc0a665dc5u},    {"always", 0x9147b54f4aba21f4u},
    {"an", 0x8111c700f6a728d5u},      {"and", 0x985e00631e0a6a01u},
    {"another", 0x93ebca7e85bede93u}, {"any", 0x985e01031e0a6b11u},
    {"are", 0x985fa2831e0bbee9u},     {"around", 0x936ec77f9fe161fbu},
    {"as", 0x8111c7a0f6a729e5u},      {"at", 0x8111c7c0f6a72a1bu},
    {"back", 0x9de46bef22d2da75u},    {"be", 0x81130be0f6a83baeu},
    {"because", 0x9ed12ba5e93cb89eu}, {"been", 0x82003d0f25167d12u},
    {"before", 0x8bca4d7e57ff3079u},  {"being", 0x89fada3c0ca6c234u},
    {"below", 0x848fa09c0994a2ceu},   {"between", 0x8423c184a4eccb2eu},
    {"both", 0x9ba61dcf2187f19bu},    {"but", 0x9b920f431fd79ef2u},
    {"by", 0x81130860f6a835bcu},      {"came", 0x915b54ae408624a4u},
    {"can", 0x9a9e09a31f56d23eu},     {"come", 0x939d7d6e41d45a6eu},
    {"could", 0x83259bb9eab8ae3au},   {"did", 0x9dd95803212a355eu},
    {"didn", 0x8285e0d15ab89ce2u},    {"do", 0x8113eb20f6a8fe3eu},
    {"does", 0x9bd0e1b156dce38au},    {"doesn", 0x80d3079699569ed1u},
    {"don", 0x9dd6bcc32127f1efu},     {"down", 0x9bcade5156d7b956u},
    {"during", 0x831529d41940220eu},  {"each", 0x9ea351907d516997u},
    {"even", 0x8c9b943085336069u},    {"every", 0x9fb153f25642b9e8u},
    {"few", 0x8005642322659d0eu},     {"first", 0x949c14987c37f1dau},
    {"for", 0x8009a68322693de4u},     {"from", 0x87a5dd1380be6ef7u},
    {"get", 0x9ebe1ee3219e18aau},     {"gets", 0x9b271ff21fa3deacu},
    {"getting", 0x9d34f87f92a903ebu}, {"go", 0x81144b20f6a944f8u},
    {"goes", 0x81763fb223291c41u},    {"going", 0x921b0631c6469b1au},
    {"good", 0x8178c2d2232b36b2u},    {"got", 0x9ec09f6321a02ea5u},
    {"had", 0x824cb28323b83d09u},     {"has", 0x824cb0e323b83a46u},
    {"have", 0x8088bdb5b2094050u},    {"he", 0x8115a860f6aa813du},
    {"her", 0x824e4fc323b989a9u},     {"here", 0x849b2e35b444e46eu},
    {"him", 0x82494da323b55bcau},     {"himself", 0x93f7604240a34d01u},
    {"his", 0x82494ee323b55de9u},     {"how", 0x824a106323b5edecu},
    {"however", 0x856b0538744ea41fu}, {"if", 0x81152c00f6aa0a4bu},
    {"in", 0x81152b00f6aa0898u},      {"into", 0x80b7f914580687eeu},
    {"is", 0x811529a0f6aa0642u},      {"it", 0x811529c0f6aa0678u},
    {"its", 0x80fc69c322e8fbfeu},     {"itself", 0x890c58e69b0840ceu},
    {"just", 0x8b80bbd74a5b7a23u},    {"let", 0x8669430325fc6c0cu},
    {"lets", 0x8148e0f98beb8875u},    {"like", 0x8e66fc399362a322u},
    {"made", 0x9951ba38ac46d6c1u},    {"make", 0x994ec038ac444eb7u},
    {"makes", 0x851f594cb811c45bu},   {"many", 0x994d7d38ac433f0du},
    {"may", 0x8571df832578c9feu},     {"me", 0x8116e5e0f6ab878eu},
    {"might", 0x8442bbf4e99689a2u},   {"more", 0x9f963ef8afc314d6u},
    {"most", 0x9f95bb58afc29192u},    {"much", 0x86505818b3a3249fu},
    {"must", 0x86571998b3a8d919u},    {"my", 0x8116e960f6ab8d80u},
    {"need", 0x8eefa05bc90755d1u},    {"needs", 0x88835b369776ea59u},
    {"new", 0x88aeef23274db6e9u},     {"next", 0x8ef0dd9bc9085bb5u},
    {"no", 0x81182b20f6ac9b0au},      {"not", 0x88ac4d43274b6838u},
    {"now", 0x88ac4d23274b6802u},     {"of", 0x8117c800f6ac4f00u},
    {"off", 0x87b7e5e326ca51d0u},     {"often", 0x9a3b201b4921051au},
    {"on", 0x8117c700f6ac4d4du},      {"once", 0x9ed479dae49d73b9u},
    {"one", 0x87b467c326c745a9u},     {"only", 0x9ece365ae49838f3u},
    {"or", 0x8117c980f6ac518du},      {"other", 0x8c9f3dadfeea2da0u},
    {"our", 0x87bfeaa326d11661u},     {"out", 0x87bfe9e326d1151bu},
    {"over", 0x9904d0baf3819724u},    {"own", 0x87bf072326d04c99u},
    {"per", 0x8adc96c3288a6840u},     {"really", 0x9ada023734c3f5a6u},
    {"same", 0x8bce74bec58375deu},    {"see", 0x8bd41c43290e4414u},
    {"she", 0x8bd8c0c329122f41u},     {"should", 0x9d9ea5b7fa8be708u},
    {"since", 0x952a7bd262737b26u},   {"so", 0x81196b20f6ada59bu},
    {"some", 0x8e109d7ec6d1aba8u},    {"still", 0x9b17f473e6fc081bu},
    {"such", 0x9625ee1eb93ecb3eu},    {"take", 0x806c6541bd7086e0u},
    {"takes", 0x88b6fcd4e63546a0u},   {"than", 0x98c03e01b91133f8u},
    {"that", 0x98c040c1b91138a5u},    {"the", 0x8ef649a32acc3f70u},
    {"their", 0x9bc7002d75fc4cffu},   {"them", 0x98be9de1b90fe276u},
    {"then", 0x98be9e01b90fe2adu},    {"there", 0x9bcae0cd75ffa421u},
    {"these", 0x9bcb3e4d75ffe69cu},   {"they", 0x98be9f61b90fe503u},
    {"thing", 0x8872600d7d11e5efu},   {"things", 0x8c3f17eb85699d53u},
    {"think", 0x88725f8d7d11e515u},   {"this", 0x98c39fa1b9140fb2u},
    {"those", 0x863e540d7bcfc1f6u},   {"through", 0x8eb2d7955b704789u},
    {"to", 0x811aa720f6aea960u},      {"too", 0x8ef36ae32ac9e5b3u},
    {"two", 0x8efd8ae32ad27098u},     {"under", 0x97e7a02b9bb41ca8u},
    {"until", 0x86b4ef6b91ff86f8u},   {"up", 0x811a4a40f6ae67f4u},
    {"us", 0x811a4aa0f6ae6897u},      {"use", 0x8e156a832a5bbf61u},
    {"used", 0x8a236a60f9e64710u},    {"uses", 0x8a236c40f9e64a40u},
    {"using", 0x9bfeeea89fba9308u},   {"very", 0x89966dc3f7f65549u},
    {"want", 0x8130a7e317f381e6u},    {"was", 0x9045b2832b9abcdbu},
    {"way", 0x9045b1432b9ababcu},     {"ways", 0x8126e78317eb3d19u},
    {"we", 0x811b2660f6af2534u},      {"well", 0x85a33be31a80f110u},
    {"were", 0x85a91e431a85e332u},    {"what", 0x88e16dc31c56b5ffu},
    {"when", 0x88dfcb031c556007u},    {"where", 0x89a7bd492513b390u},
    {"whether", 0x838bca20686c18e6u}, {"which", 0x853087a922825e1bu},
    {"while", 0x8531cd492283723bu},   {"who", 0x9048b4032b9d51a4u},
    {"why", 0x9048b2c32b9d4f84u},     {"will", 0x89c4f0631cc98782u},
    {"with", 0x89bab4e31cc0cde2u},    {"within", 0x82ee86202d5b61edu},
    {"without", 0x946d3f6d10f8d241u}, {"would", 0x8cbb5dac1301a471u},
    {"yet", 0x928cfba32ced53ebu},     {"you", 0x928a7b032ceb3dbau},
    {"your", 0x8c8cbaa553b9d948u},    {"yourself", 0x8defecadd520560eu},
};

/* The slot of HASH in the stop-word set of B. */
static size_t stop_slot(const struct tl_align_build *b, uint64_t hash)
{
	size_t h = (size_t)(hash ^ (hash >> 31)) & (STOP_SLOTS - 1);
	while (b->stop[h] && b->stop[h] != hash)
		h = (h + 1) & (STOP_SLOTS - 1);
	return h;
}

/* Fills the stop-word set of B (once per document: no global state). */
static void stop_words_load(struct tl_align_build *b)
{
	for (size_t i = 0; i < sizeof stop_words / sizeof *stop_words; i++) {
		uint64_t hash = stop_words[i].hash;
		b->stop[stop_slot(b, hash)] = hash;
	}
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* The key of a number token S (N bytes of digits, '.' and ','): a
 * version ("1.2.3") as written; otherwise its significant digits, so that
 * "4.15 billion" and "41.5 亿", "1,000" and "1000", "2 million" and
 * "200 万" agree (DESIGN.md 8.3, source-number). Years get no exception
 * here: "2,000" and "2000" must agree as well, and a rule that keeps years
 * exact reads the number's span. */
static void number_key(const char *s, size_t n, tl_buf *out)
{
	size_t dots = 0;
	out->len = 0;
	for (size_t i = 0; i < n; i++)
		dots += s[i] == '.';
	if (dots > 1) {
		tl_buf_append(out, s, n);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (!is_digit((unsigned char)s[i]))
			continue;
		if (out->len == 0 && s[i] == '0')
			continue; /* leading zeros */
		tl_buf_putc(out, s[i]);
	}
	while (out->len > 0 && out->data[out->len - 1] == '0')
		out->len--;
	if (out->len == 0)
		tl_buf_putc(out, '0');
	out->data[out->len] = '\0';
}

/* A URL at S (N bytes left) starting with a scheme or "www.": its
 * length, ending at white space, '<', a non-ASCII character or a quote,
 * less trailing punctuation (as GFM and markdown.c end bare URLs); 0 when
 * S starts no URL. */
static size_t url_length(const char *s, size_t n)
{
	if (!(n > 8 && memcmp(s, "https://", 8) == 0) &&
	    !(n > 7 && memcmp(s, "http://", 7) == 0) &&
	    !(n > 4 && memcmp(s, "www.", 4) == 0))
		return 0;
	size_t k = 0;
	while (k < n) {
		unsigned char c = (unsigned char)s[k];
		if (c <= ' ' || c >= 0x80 || c == '<' || c == '"' || c == '\'')
			break;
		k++;
	}
	while (k > 0 && strchr(".,;:!?)]*_~", s[k - 1]))
		k--;
	return k;
}

/* Does S + I (N bytes) begin a translator's note: spaces, "LCTT" and
 * spaces, then 译注 or 译者注? */
static bool note_starts(const char *s, size_t i, size_t n)
{
	while (i < n && s[i] == ' ')
		i++;
	if (n - i >= 4 && memcmp(s + i, "LCTT", 4) == 0)
		for (i += 4; i < n && s[i] == ' ';)
			i++;
	return (n - i >= 6 && memcmp(s + i, "译注", 6) == 0) ||
	       (n - i >= 9 && memcmp(s + i, "译者注", 9) == 0);
}

/* Translators' notes ("（LCTT 译注：……）", "（译者注：……）", a paragraph
 * beginning with 译注) add length and anchors that the original lacks: they are
 * left out. At S + I (N bytes): inside a note, or where one starts, the offset
 * past what is skipped (the rest of the note in this text, or of the text),
 * else I. A block that begins with a note is marked. */
static size_t skip_note(struct tl_align_build *b, const char *s, size_t i,
                        size_t n)
{
	bool first = !b->cur.nchars && !b->cur.ncjk;
	if (!b->note) {
		if (first && note_starts(s, i, n)) {
			/* The whole block is the note. */
			b->cur.note = true;
			b->note = -1;
			return n;
		}
		if (s[i] == '(' && note_starts(s, i + 1, n))
			i += 1;
		else if (n - i >= 3 && memcmp(s + i, "（", 3) == 0 &&
		         note_starts(s, i + 3, n))
			i += 3;
		else
			return i;
		b->note = 1;
		b->cur.note = b->cur.note || first;
	}
	if (b->note < 0)
		return n;
	while (i < n && b->note > 0) {
		if (s[i] == '(') {
			b->note++;
		} else if (s[i] == ')') {
			b->note--;
		} else if (n - i >= 3 && memcmp(s + i, "（", 3) == 0) {
			b->note++;
			i += 2;
		} else if (n - i >= 3 && memcmp(s + i, "）", 3) == 0) {
			b->note--;
			i += 2;
		}
		i++;
	}
	return i;
}

/* The slot of KEY (low bit set) in the translation's word set of B. */
static size_t only_slot(const struct tl_align_build *b, uint64_t key)
{
	size_t h = (size_t)(key ^ (key >> 29)) & b->only_mask;
	while (b->only[h] && b->only[h] != key)
		h = (h + 1) & b->only_mask;
	return h;
}

/* The bit of KEY (low bit set) in the translation's word bits of B. */
static inline size_t only_bit(const struct tl_align_build *b, uint64_t key)
{
	return (size_t)(key >> 40) & b->only_bits_mask;
}

/* The shape of a word whose hash takes N bytes, from FIRST to LAST:
 * the low 5 bits of its first and of its last byte lowercased (as tok[]
 * has them) and 4 of N, a bit index below SHAPE_BITS. The words of one
 * hash have one shape (bar two words whose hashes collide), so a
 * word whose shape a translation lacks is none of its words, which an
 * original listed against it can tell without hashing the word. */
static inline size_t word_shape(unsigned char first, unsigned char last,
                                size_t n)
{
	return (size_t)(tok[first] & 31) << 9 | (size_t)(tok[last] & 31) << 4 |
	       (n & 15);
}

/* Takes the word of HASH, whose shape is SHAPE, unless it is a stop
 * word, or, for an original listed against its translation, unless the
 * translation has it (its words hold no stop word). A word is only a
 * key, with no anchor record: the original's thousands of words would
 * make records the costliest part of listing. */
static inline ALWAYS_INLINE void add_word_hash(struct tl_align_build *b,
                                               uint64_t hash, size_t shape)
{
	if (b->only) {
		size_t bit = only_bit(b, hash | 1);
		if (!(b->only_bits[bit / 64] >> (bit % 64) & 1) ||
		    !b->only[only_slot(b, hash | 1)])
			return;
	} else if (b->stop[stop_slot(b, hash)]) {
		return;
	}
	if (b->nwords == b->cap_words)
		b->words = tl_grow(b->words, b->nwords, &b->cap_words,
		                   sizeof *b->words);
	b->words[b->nwords++] = hash;
	b->shapes[shape / 64] |= UINT64_C(1) << (shape % 64);
}

/* Whether a word of shape SHAPE may be kept: against a translation,
 * only when the translation has a word of that shape. Most words of an
 * original are not the translation's, and their hashes, a multiply a
 * byte in a chain, were most of the cost of listing them; a word that
 * passes is still looked for by its hash (add_word_hash). */
static inline bool shape_kept(const struct tl_align_build *b, size_t shape)
{
	return !b->against_shapes ||
	       (b->against_shapes[shape / 64] >> (shape % 64) & 1);
}

/* Takes the word W (N >= 2 bytes) of shape SHAPE, lowercased. */
static void add_word(struct tl_align_build *b, const char *w, size_t n,
                     size_t shape)
{
	uint64_t h = FNV_BASIS ^ (uint64_t)TL_ANCHOR_WORD;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c < 0x80 && (ascii[c] & A_LETTER))
			c |= 0x20;
		h = (h ^ c) * FNV_PRIME;
	}
	add_word_hash(b, anchor_hash_final(h, TL_ANCHOR_WORD), shape);
}

/* Whether byte C is an ASCII letter (a byte of a multibyte character,
 * such as an ideograph before a '.', is not: ascii[] has 128 entries). */
static inline bool is_letter(char c)
{
	unsigned char u = (unsigned char)c;
	return u < 0x80 && (ascii[u] & A_LETTER);
}

/* Whether the '.', '?' or '!' at S + I (N bytes) ends a sentence: white
 * space or the end of the text follows, after any closing quotes,
 * brackets and emphasis marks; not one of a run ("?!", "...": the run
 * counts once, an ellipsis not at all), nor the '.' of a one-letter
 * word ("e.g.", "U.S.", an initial). */
static bool sentence_end(const char *s, size_t i, size_t n)
{
	char c = s[i];
	if (i > 0 && s[i - 1] == '.' && c == '.')
		return false;
	if (c == '.' && i > 0 && is_letter(s[i - 1]) &&
	    (i < 2 || !is_letter(s[i - 2])))
		return false;
	size_t j = i + 1;
	for (;;) {
		if (j < n && (s[j] == '"' || s[j] == '\'' || s[j] == ')' ||
		              s[j] == ']' || s[j] == '*' || s[j] == '_'))
			j++;
		else if (n - j >= 3 && (unsigned char)s[j] == 0xE2 &&
		         (unsigned char)s[j + 1] == 0x80 &&
		         ((unsigned char)s[j + 2] == 0x99 ||
		          (unsigned char)s[j + 2] == 0x9D))
			j += 3; /* ’ ” */
		else
			break;
	}
	if (j < n && (s[j] == '.' || s[j] == '?' || s[j] == '!'))
		return false;
	return j == n || s[j] == ' ' || s[j] == '\n' || s[j] == '\t' ||
	       s[j] == '\r';
}

/* Whether CP is a Chinese full stop, question or exclamation mark. */
static bool is_cjk_stop(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF1F || cp == 0xFF01;
}

/* What cjk_punct() says of a character. */
enum { PUNCT_NONE, PUNCT_OTHER, PUNCT_STOP };

/* Whether the three bytes U0 U1 U2 are punctuation of Chinese text that
 * scan_text can count in its run of ideographs: CJK punctuation and no
 * other class (tl_char_class), no space, and not （, which may start a
 * translator's note. PUNCT_STOP for 。？！ (is_cjk_stop), PUNCT_OTHER
 * for ，：；、）《》「」『』“”‘’—… ; a bit for each third byte, less
 * 0x80, after E2 80, E3 80 and EF BC. */
static inline unsigned cjk_punct(unsigned char u0, unsigned char u1,
                                 unsigned char u2)
{
	/* Without a branch, through tables: the lead (1 to 3 for E2 80,
	 * E3 80 and EF BC, 0 for the others), then a bit for each third
	 * byte. */
	static const uint8_t lead[256] = {[0xE2] = 1, [0xE3] = 2, [0xEF] = 3};
	static const unsigned char second[4] = {0, 0x80, 0x80, 0xBC};
	static const uint64_t other[4] = {
	    0,
	    1u << 0x14 | 1u << 0x18 | 1u << 0x19 | 1u << 0x1C | 1u << 0x1D |
	        UINT64_C(1) << 0x26,
	    1u << 0x01 | 1u << 0x0A | 1u << 0x0B | 1u << 0x0C | 1u << 0x0D |
	        1u << 0x0E | 1u << 0x0F,
	    1u << 0x09 | 1u << 0x0C | 1u << 0x1A | 1u << 0x1B};
	static const uint64_t stop[4] = {0, 0, 1u << 0x02,
	                                 1u << 0x01 | 1u << 0x1F};
	unsigned l = lead[u0], ok = u1 == second[l];
	unsigned k = (unsigned)(u2 - 0x80) & 63;
	return ((unsigned)(other[l] >> k & 1) * PUNCT_OTHER +
	        (unsigned)(stop[l] >> k & 1) * PUNCT_STOP) *
	       ok;
}

/* Whether the three bytes at S are an ideograph of the basic block
 * (U+4E00 to U+9FFF, E4 B8 80 to E9 BF BF), as scan_text() counts them. */
static inline bool is_ideograph(const char *s)
{
	unsigned u0 = (unsigned char)s[0], u1 = (unsigned char)s[1],
	         u2 = (unsigned char)s[2];
	/* Two continuation bytes after a lead from E4 B8 to E9 BF (its
	 * second byte read with it: a continuation byte, so E5 to E8 take
	 * any). */
	return ((u0 << 8 | u1) - 0xE4B8u <= 0xE9BFu - 0xE4B8u) &
	       (((u1 | u2 << 8) & 0xC0C0u) == 0x8080u);
}

#if defined(__SSE2__)
/* The word bytes (letters, digits, '_') among the 16 at S, a bit each,
 * and the letters among them in *LETTERS: tok[]'s TOK_WORD and
 * TOK_LETTER, 16 bytes at a time in SSE2 (which every x86-64 processor
 * has). */
static inline uint32_t word_bytes16(const char *s, uint32_t *letters)
{
	__m128i v = _mm_loadu_si128((const __m128i *)s);
	/* x <= k, unsigned, as min(x, k) == x. */
	__m128i l = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)),
	                         _mm_set1_epi8('a'));
	__m128i d = _mm_sub_epi8(v, _mm_set1_epi8('0'));
	__m128i is_l = _mm_cmpeq_epi8(_mm_min_epu8(l, _mm_set1_epi8(25)), l);
	__m128i is_w = _mm_or_si128(
	    _mm_or_si128(is_l,
	                 _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d)),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
	*letters = (uint32_t)_mm_movemask_epi8(is_l);
	return (uint32_t)_mm_movemask_epi8(is_w);
}
#endif

/* The end of the token starting at S + I (N bytes), a word byte:
 * letters, digits and '_', joined by '.' and '-' between two of them;
 * ',' joins three digits to a number. *LETTERS says whether it has a
 * letter, *COMMAS how many bytes ',' joined (which the hash leaves out:
 * "_,001ab" is hashed as "_ab"). With H, its hash as a word (add_word's,
 * lowercased) is taken on the way into *H (anchor_hash's loop, inline);
 * without, a run of word bytes is measured 16 bytes at a time, where the
 * byte loop's exit at each word's end was a mispredicted branch. Inlined
 * where H is a constant, so that each copy has the loop it needs. */
static inline ALWAYS_INLINE size_t token_end(const char *s, size_t i, size_t n,
                                             bool *letters, size_t *commas,
                                             uint64_t *h)
{
	size_t joined = 0;
	size_t j = i;
	unsigned bits = 0;
	uint64_t v = FNV_BASIS ^ (uint64_t)TL_ANCHOR_WORD;
	for (;;) {
#if defined(__SSE2__)
		if (!h && n - j >= 16) {
			uint32_t lt, run = word_bytes16(s + j, &lt);
			/* The run's length in these 16 bytes: 16 when
			 * all are word bytes (the loop goes on). */
			unsigned k = (unsigned)__builtin_ctz(~run);
			bits |= (lt & ((1u << k) - 1)) ? TOK_LETTER : 0;
			j += k;
			if (k == 16)
				continue;
		} else
#endif
		{
			unsigned a;
			while (j < n &&
			       ((a = tok[(unsigned char)s[j]]) & TOK_WORD)) {
				bits |= a;
				if (h)
					v = (v ^ (a & 0xFF)) * FNV_PRIME;
				j++;
			}
		}
		if (j >= n)
			break;
		unsigned char d = (unsigned char)s[j];
		if ((d == '.' || d == '-') && j + 1 < n &&
		    (tok[(unsigned char)s[j + 1]] & TOK_WORD)) {
			if (h)
				v = (v ^ d) * FNV_PRIME;
			j++;
		} else if (!(bits & TOK_LETTER) && d == ',' && j + 3 < n &&
		           is_digit((unsigned char)s[j + 1]) &&
		           is_digit((unsigned char)s[j + 2]) &&
		           is_digit((unsigned char)s[j + 3]) &&
		           (j + 4 >= n || !is_digit((unsigned char)s[j + 4]))) {
			j += 4;
			joined += 4;
		} else {
			break;
		}
	}
	*letters = bits & TOK_LETTER;
	*commas = joined;
	if (h)
		*h = v;
	return j;
}

/* Counts the characters of rendered text S (N bytes) into the block and
 * takes its anchors: numbers, Latin words, bare URLs; and counts its
 * sentence ends, which translators keep (nine pairs of prose in ten have
 * as many on both sides, docs/alignment.md). */
static void scan_text(struct tl_align_build *b, const char *data, const char *s,
                      size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		unsigned t = tok[c];
		if ((b->note || (t & TOK_NOTE)) &&
		    (b->note || c != 0xE8 ||
		     (!b->cur.nchars && !b->cur.ncjk))) {
			size_t k = skip_note(b, s, i, n);
			if (k > i) {
				i = k;
				continue;
			}
		}
		if (t & TOK_HIGH) {
			/* A run of ideographs of the basic block (U+4E00 to
			 * U+9FFF, E4 B8 80 to E9 BF BF) and the common
			 * punctuation between them (cjk_punct): an
			 * ideograph is CJK and visible, no sentence stop,
			 * and none after the first can start a note (译
			 * does only first in a block). Most of a Chinese
			 * text, counted in one tight loop. */
			size_t r = i, cjk = 0, punct = 0, stops = 0;
			/* Without a branch on which it is, ideograph or
			 * punctuation, which mispredicted at every mark; a
			 * stop counts when the next character is no stop
			 * (the one after the run is none: stops are taken
			 * in). */
			unsigned stop = 0;
			while (n - r >= 3) {
				/* Ideographs alone first, in a loop of their
				 * own: most characters of a run are, and the
				 * test of one is a third of the work of the
				 * step below, which takes the mark that ends
				 * them (and any ideograph the loop would
				 * not). */
				size_t r0 = r, last = n - 3;
				while (r <= last && is_ideograph(s + r))
					r += 3;
				if (r > r0) {
					cjk += (r - r0) / 3;
					stops += stop;
					stop = 0;
					if (n - r < 3)
						break;
				}
				unsigned char u0 = (unsigned char)s[r],
				              u1 = (unsigned char)s[r + 1],
				              u2 = (unsigned char)s[r + 2];
				unsigned ideo = (u0 - 0xE5u <= 0xE9u - 0xE5u) |
				                ((u0 == 0xE4) & (u1 >= 0xB8));
				unsigned kind = cjk_punct(u0, u1, u2);
				if (!(ideo | kind) || (u1 & 0xC0) != 0x80 ||
				    (u2 & 0xC0) != 0x80)
					break;
				unsigned now = kind == PUNCT_STOP;
				stops += stop & !now;
				stop = now;
				cjk += ideo;
				punct += !ideo;
				r += 3;
			}
			stops += stop;
			if (r > i) {
				b->cur.ncjk += cjk;
				b->cur.nchars += punct;
				b->cur.nsentences += stops;
				b->visible = b->visible || cjk;
				i = r;
				continue;
			}
			uint32_t cp;
			size_t k = tl_utf8_decode_fast(s + i, n - i, &cp);
			uint8_t cls = class_of(b, cp);
			if (cls & TL_CLS_CJK)
				b->cur.ncjk++;
			else
				b->cur.nchars++;
			if (!(cls & (TL_CLS_SPACE | TL_CLS_CJK_PUNCT)))
				b->visible = true;
			i += k ? k : 1;
			if (is_cjk_stop(cp)) {
				uint32_t next = 0;
				if (i < n)
					tl_utf8_decode_fast(s + i, n - i,
					                    &next);
				b->cur.nsentences += !is_cjk_stop(next);
			}
			continue;
		}
		if (!(t & TOK_WORD)) {
			if ((t & TOK_STOP) && sentence_end(s, i, n))
				b->cur.nsentences++;
			b->cur.nchars++;
			if (t & TOK_VISIBLE)
				b->visible = true;
			i++;
			continue;
		}
		b->visible = true;
		size_t url =
		    c == 'h' || c == 'w' ? url_length(s + i, n - i) : 0;
		if (url) {
			size_t st, en;
			locate_text(b, data, s + i, url, &st, &en);
			add_anchor(b, TL_ANCHOR_LINK, s + i, url, st, en);
			b->cur.nchars += url;
			i += url;
			continue;
		}
		/* Against a translation, the token is measured without its
		 * hash, which add_word() takes only for the words whose
		 * shape the translation has (shape_kept). */
		size_t j, commas;
		bool letters;
		uint64_t h = 0;
		if (b->against_shapes)
			j = token_end(s, i, n, &letters, &commas, NULL);
		else
			j = token_end(s, i, n, &letters, &commas, &h);
		if (letters && is_digit(c)) {
			/* A number with its unit ("16GB", "64-bit", "5GHz"):
			 * the number, and the unit as a word, so that it
			 * meets "16 GB" as a translator may write it. */
			size_t k = i;
			while (k < j &&
			       !(ascii[(unsigned char)s[k]] & A_LETTER))
				k++;
			size_t e = k, st, en;
			while (e > i && !is_digit((unsigned char)s[e - 1]))
				e--;
			number_key(s + i, e - i, &b->key);
			locate_text(b, data, s + i, e - i, &st, &en);
			add_anchor(b, TL_ANCHOR_NUMBER, b->key.data, b->key.len,
			           st, en);
			size_t shape =
			    j - k >= 2
			        ? word_shape((unsigned char)s[k],
			                     (unsigned char)s[j - 1], j - k)
			        : 0;
			if (j - k >= 2 && shape_kept(b, shape))
				add_word(b, s + k, j - k, shape);
		} else if (!letters) {
			/* A '-' joined digits ("2020-01") are two numbers;
			 * underscores alone ("_ _smooth__", emphasis the
			 * conversion broke) are none. */
			for (size_t p = i; p < j;) {
				size_t q = p, st, en;
				bool digits = false;
				while (q < j && s[q] != '-')
					digits |=
					    is_digit((unsigned char)s[q++]);
				if (digits) {
					number_key(s + p, q - p, &b->key);
					locate_text(b, data, s + p, q - p, &st,
					            &en);
					add_anchor(b, TL_ANCHOR_NUMBER,
					           b->key.data, b->key.len, st,
					           en);
				}
				p = q + 1;
			}
		} else if (j - i >= 2) {
			/* (A token with letters: two letters or more is two
			 * bytes or more.) */
			size_t shape =
			    word_shape((unsigned char)s[i],
			               (unsigned char)s[j - 1], j - i - commas);
			if (b->against_shapes && !commas) {
				if (shape_kept(b, shape))
					add_word(b, s + i, j - i, shape);
			} else {
				/* ("_,001ab" is hashed without its
				 * digits: token_end() knows how.) */
				if (b->against_shapes)
					token_end(s, i, n, &letters, &commas,
					          &h);
				add_word_hash(
				    b, anchor_hash_final(h, TL_ANCHOR_WORD),
				    shape);
			}
		}
		/* The space after a token (most often) counted with it: no
		 * note is open past a token, and a space starts none, ends
		 * no sentence and is not visible. */
		if (j < n && s[j] == ' ')
			j++;
		b->cur.nchars += j - i;
		i = j;
	}
}

/* Takes the href and src URLs of HTML text S (N bytes). */
static void scan_html_urls(struct tl_align_build *b, const char *data,
                           const char *s, size_t n)
{
	static const char *const attrs[] = {"href=", "src="};
	for (size_t a = 0; a < 2; a++) {
		size_t al = strlen(attrs[a]);
		const char *p = s, *end = s + n;
		while (p < end) {
			const char *f =
			    find_bytes(p, (size_t)(end - p), attrs[a], al);
			if (!f)
				break;
			p = f + al;
			if (p >= end || (*p != '"' && *p != '\''))
				continue;
			char q = *p++;
			const char *close = memchr(p, q, (size_t)(end - p));
			if (!close)
				break;
			if (close > p) {
				size_t st, en;
				locate_text(b, data, p, (size_t)(close - p),
				            &st, &en);
				add_anchor(b, TL_ANCHOR_LINK, p,
				           (size_t)(close - p), st, en);
			}
			p = close + 1;
		}
	}
}

/* How far the trimmed line [P, E) is its own key (line_key): to the
 * first 16 bytes that hold a tab or two spaces in a row (with the byte
 * before them), or to the last whole 16 bytes, less a space it would
 * end on. Before that point every space is a single one between two
 * other bytes, as in most lines of code, which line_key() then need not
 * walk a byte at a time. */
static size_t plain_prefix(const char *s, size_t p, size_t e)
{
	size_t q = p;
#if defined(__SSE2__)
	unsigned prev = 0; /* the byte before the 16 is a space */
	for (; e - q >= 16; q += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + q));
		unsigned sp = (unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
		unsigned tab = (unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
		if (tab | (sp & (sp << 1 | prev)))
			break;
		prev = sp >> 15;
	}
	if (q > p && s[q - 1] == ' ')
		q--;
#endif
	(void)s;
	(void)e;
	return q;
}

/* The normalized line [p, e) into b->key: trimmed, runs of spaces and
 * tabs made one space. */
static void line_key(struct tl_align_build *b, const char *s, size_t p,
                     size_t e)
{
	while (p < e && (s[p] == ' ' || s[p] == '\t'))
		p++;
	while (e > p && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	/* Room for the line and its NUL, written directly. */
	b->key.len = 0;
	tl_buf_append(&b->key, s + p, e - p);
	char *out = b->key.data;
	/* The copy is the key up to plain_prefix(); the loop goes on from
	 * there, where no space is pending. */
	size_t q = plain_prefix(s, p, e);
	size_t o = q - p;
	p = q;
	bool space = false;
	for (; p < e; p++) {
		char c = s[p];
		if (c == ' ' || c == '\t') {
			space = true;
			continue;
		}
		if (space)
			out[o++] = ' ';
		space = false;
		out[o++] = c;
	}
	out[o] = '\0';
	b->key.len = o;
}

/* Counts the characters of S (N bytes) into the block, with no anchors
 * (code and HTML). */
static void count_chars(struct tl_align_build *b, const char *s, size_t n)
{
	size_t ascii = 0, newlines = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			ascii++;
			newlines += c == '\n';
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = tl_utf8_decode_fast(s + i, n - i, &cp);
		if (class_of(b, cp) & TL_CLS_CJK)
			b->cur.ncjk++;
		else
			b->cur.nchars++;
		i += k ? k : 1;
	}
	b->cur.nchars += ascii - newlines;
}

/* ---- Blocks ------------------------------------------------------------- */

/* Insertion sort for short runs, quicksort with a median of three above
 * (qsort's callback was a tenth of listing). */
void tl_align_sort_keys(uint64_t *v, size_t n)
{
	while (n > 16) {
		uint64_t a = v[0], b = v[n / 2], c = v[n - 1];
		uint64_t pivot = a < b ? (b < c ? b : (a < c ? c : a))
		                       : (a < c ? a : (b < c ? c : b));
		size_t i = 0, j = n - 1;
		for (;;) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i >= j)
				break;
			uint64_t t = v[i];
			v[i++] = v[j];
			v[j--] = t;
		}
		/* Recurse into the smaller part, loop on the larger. */
		size_t left = j + 1;
		if (left < n - left) {
			tl_align_sort_keys(v, left);
			v += left;
			n -= left;
		} else {
			tl_align_sort_keys(v + left, n - left);
			n = left;
		}
	}
	for (size_t i = 1; i < n; i++) {
		uint64_t x = v[i];
		size_t k = i;
		for (; k > 0 && v[k - 1] > x; k--)
			v[k] = v[k - 1];
		v[k] = x;
	}
}

static void block_begin(struct tl_align_build *b, tl_align_kind kind,
                        size_t start, size_t end)
{
	memset(&b->cur, 0, sizeof b->cur);
	/* Spans end before the line ending of their last line (cmark ends
	 * a setext heading after it). */
	const char *data = b->data;
	while (end > start && (data[end - 1] == '\n' || data[end - 1] == '\r'))
		end--;
	b->cur.kind = kind;
	b->cur.start = start;
	b->cur.end = end;
	b->ntmp = 0;
	b->nwords = 0;
	b->note = 0;
	b->bstart = b->search = start;
	b->bend = end;
	b->image = b->visible = false;
}

/* Adds the block being built to AD, its anchors copied to the arena and
 * their distinct hashes sorted. */
static void block_end(tl_align_doc *ad)
{
	struct tl_align_build *b = ad->build;
	tl_align_block *blk = &b->cur;
	if (b->ntmp) {
		tl_align_anchor *a =
		    tl_arena_alloc_raw(b->arena, b->ntmp * sizeof *a);
		memcpy(a, b->tmp, b->ntmp * sizeof *a);
		blk->anchors = a;
		blk->nanchors = b->ntmp;
	}
	size_t n = b->ntmp + b->nwords;
	if (n) {
		uint64_t *k = tl_arena_alloc_raw(b->arena, n * sizeof *k);
		for (size_t i = 0; i < b->ntmp; i++)
			k[i] = b->tmp[i].hash;
		if (b->nwords)
			memcpy(k + b->ntmp, b->words, b->nwords * sizeof *k);
		tl_align_sort_keys(k, n);
		size_t nk = 1;
		for (size_t i = 1; i < n; i++) {
			k[nk] = k[i];
			nk += k[i] != k[nk - 1];
		}
		blk->keys = k;
		blk->nkeys = nk;
	}
	ad->blocks = tl_grow(ad->blocks, ad->n, &b->cap, sizeof *ad->blocks);
	ad->blocks[ad->n++] = *blk;
	if (blk->end > b->cursor)
		b->cursor = blk->end;
}

/* Is [p, e) a link reference definition's first line: up to three spaces
 * (and block quote markers), "[label]:"? */
static bool is_definition(const char *s, size_t p, size_t e)
{
	while (p < e && (s[p] == ' ' || s[p] == '\t' || s[p] == '>'))
		p++;
	if (p >= e || s[p] != '[')
		return false;
	for (size_t q = p + 1; q < e; q++) {
		if (s[q] == '\\') {
			q++;
			continue;
		}
		if (s[q] == ']')
			return q > p + 1 && q + 1 < e && s[q + 1] == ':';
		if (s[q] == '[')
			return false;
	}
	return false;
}

/* A metadata block for the definition line [p, e): its line as an
 * anchor, its destination ("[1]: URL", or LCTT's "[#]: via:") and any
 * URL in its title. */
static void add_meta(tl_align_doc *ad, size_t p, size_t e)
{
	struct tl_align_build *b = ad->build;
	const char *s = ad->src->data;
	block_begin(b, TL_ALIGN_META, p, e);
	/* One line, trimmed: its inner spaces are as the writer left them
	 * on both sides (the lines of code are normalized, line_key). */
	size_t ks = p, ke = e;
	while (ks < ke && (s[ks] == ' ' || s[ks] == '\t'))
		ks++;
	while (ke > ks && (s[ke - 1] == ' ' || s[ke - 1] == '\t'))
		ke--;
	add_anchor(b, TL_ANCHOR_LINE, s + ks, ke - ks, p, e);
	const char *colon = memchr(s + p, ']', e - p);
	size_t q = colon ? (size_t)(colon - s) + 2 : e;
	while (q < e && (s[q] == ' ' || s[q] == '\t'))
		q++;
	/* The destination ends at the first space or tab (most lines hold
	 * no tab: a second, shorter search). */
	size_t d = q;
	if (q < e) {
		const char *sp = memchr(s + q, ' ', e - q);
		d = sp ? (size_t)(sp - s) : e;
		const char *tab = memchr(s + q, '\t', d - q);
		if (tab)
			d = (size_t)(tab - s);
	}
	if (d > q) {
		size_t a = q, z = d;
		if (s[a] == '<' && s[z - 1] == '>' && z - a >= 2) {
			a++;
			z--;
		}
		add_anchor(b, TL_ANCHOR_LINK, s + a, z - a, a, z);
	}
	for (size_t u = d; u < e; u++) {
		size_t k =
		    s[u] == 'h' || s[u] == 'w' ? url_length(s + u, e - u) : 0;
		if (k) {
			add_anchor(b, TL_ANCHOR_LINK, s + u, k, u, u + k);
			u += k;
		}
	}
	block_end(ad);
}

/* tl_source_line_index(SRC, OFFSET), looked for from the line answered
 * last: listing asks in source order, for a line at most a few lines
 * on, most often. */
static size_t line_of(struct tl_align_build *b, const tl_source *src,
                      size_t offset)
{
	size_t l = b->line_hint;
	if (l < src->nlines && src->lines[l] <= offset) {
		for (int k = 0; k < 8; k++, l++) {
			if (l + 1 >= src->nlines ||
			    src->lines[l + 1] > offset) {
				b->line_hint = l;
				return l;
			}
		}
	}
	l = tl_source_line_index(src, offset);
	b->line_hint = l;
	return l;
}

/* Lists the definition lines among the lines of [p, e), the stretch
 * between two blocks. */
static void scan_gap(tl_align_doc *ad, size_t p, size_t e)
{
	const tl_source *src = ad->src;
	if (p >= e)
		return;
	/* A definition line holds '[' (its first byte after spaces and
	 * '>'): a gap without one holds none, and its lines are not walked
	 * (most gaps are a blank line between two blocks). Up to the end
	 * of the line it ends on when that is not its end: is_definition()
	 * reads a line whole. */
	size_t to = e;
	if (src->data[e - 1] != '\n') {
		const char *nl = memchr(src->data + e, '\n', src->len - e);
		to = nl ? (size_t)(nl - src->data) : src->len;
	}
	if (!memchr(src->data + p, '[', to - p))
		return;
	for (size_t line = line_of(ad->build, src, p); line < src->nlines;
	     line++) {
		size_t ls, le;
		tl_source_line_span(src, line, &ls, &le);
		if (ls >= e)
			break;
		if (ls < p)
			continue; /* the line the previous block ends on */
		if (is_definition(src->data, ls, le))
			add_meta(ad, ls, le);
	}
}

/* The innermost container of NODE: TL_ALIGN_ITEM, TL_ALIGN_QUOTE or
 * TL_ALIGN_PARAGRAPH; *CONTEXT gets every container's TL_CTX_* bit. */
static tl_align_kind container_kind(cmark_node *node, unsigned *context)
{
	tl_align_kind kind = TL_ALIGN_PARAGRAPH;
	*context = 0;
	for (cmark_node *p = cmark_node_parent(node); p;
	     p = cmark_node_parent(p)) {
		cmark_node_type t = cmark_node_get_type(p);
		if (t == CMARK_NODE_BLOCK_QUOTE) {
			if (!*context)
				kind = TL_ALIGN_QUOTE;
			*context |= TL_CTX_QUOTE;
		} else if (t == CMARK_NODE_ITEM) {
			if (!*context)
				kind = TL_ALIGN_ITEM;
			*context |= TL_CTX_LIST;
		}
	}
	return kind;
}

/* Leaving link or image NODE: what follows is searched for after it
 * (its reference label, "[text][3]", holds no number of the text). */
static void leave_link(struct tl_align_build *b, const tl_doc *doc,
                       cmark_node *node)
{
	size_t s, e;
	if (!b->trust_nodes)
		return;
	tl_doc_node_span(doc, node, &s, &e);
	if (s >= b->bstart && e <= b->bend && e > b->search)
		b->search = e;
}

/* Takes the anchors and characters of the inline node NODE (entered). */
static void scan_inline(struct tl_align_build *b, const tl_doc *doc,
                        cmark_node *node, int in_image)
{
	const char *data = doc->src->data;
	const char *lit;
	size_t st, en;
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_TEXT:
		lit = cmark_node_get_literal(node);
		if (lit) {
			bool visible = b->visible;
			scan_text(b, data, lit, strlen(lit));
			/* Alt text is not visible outside the image. */
			if (in_image)
				b->visible = visible;
		}
		break;
	case CMARK_NODE_CODE:
		lit = cmark_node_get_literal(node);
		if (lit && !b->note) {
			size_t n = strlen(lit);
			locate_node(b, doc, node, lit, n, &st, &en);
			widen_to_backticks(b, data, &st, &en);
			add_anchor(b, TL_ANCHOR_CODE, lit, n, st, en);
			/* Its words and numbers too: translators mark as code
			 * a name the original wrote as a word, and the other
			 * way round. */
			bool visible = b->visible;
			size_t nchars = b->cur.nchars;
			size_t nsentences = b->cur.nsentences;
			b->search = st;
			scan_text(b, data, lit, n);
			if (b->search < en)
				b->search = en;
			b->cur.nchars = nchars;
			b->cur.nsentences = nsentences;
			b->visible = visible || !in_image;
			count_chars(b, lit, n);
		}
		break;
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE: {
		const char *url = cmark_node_get_url(node);
		if (url && *url && !b->note) {
			size_t n = strlen(url);
			/* The destination is in the node's span unless the
			 * link is a reference; then the span is the link's.
			 * Its text comes next and lies inside that span: the
			 * search for it starts at the link, not past it
			 * ("[Fedora 34 Workstation][4]": the 34 is found). */
			size_t from = b->search;
			locate_node(b, doc, node, NULL, 0, &st, &en);
			add_anchor(b, TL_ANCHOR_LINK, url, n, st, en);
			b->search = st > from ? st : from;
		}
		if (cmark_node_get_type(node) == CMARK_NODE_IMAGE)
			b->image = true;
		break;
	}
	case CMARK_NODE_HTML_INLINE:
		lit = cmark_node_get_literal(node);
		if (lit) {
			scan_html_urls(b, data, lit, strlen(lit));
			if (strncmp(lit, "<img", 4) == 0)
				b->image = true;
		}
		break;
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
		if (!b->note)
			b->cur.nchars++;
		break;
	default:
		break;
	}
}

/* Whether cmark's iterator enters an inline node of type T without
 * leaving it (S_is_leaf in cmark's iterator.c). */
static bool inline_leaf(cmark_node_type t)
{
	return t == CMARK_NODE_TEXT || t == CMARK_NODE_SOFTBREAK ||
	       t == CMARK_NODE_LINEBREAK || t == CMARK_NODE_CODE ||
	       t == CMARK_NODE_HTML_INLINE;
}

/* Leaving the inline node N of type T (not a leaf). */
static void leave_inline(struct tl_align_build *b, const tl_doc *doc,
                         cmark_node *n, cmark_node_type t, int *in_image)
{
	if (t == CMARK_NODE_IMAGE)
		(*in_image)--;
	if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE)
		leave_link(b, doc, n);
}

/* Is the line [p, e) a table delimiter row (container prefixes
 * skipped)? */
static bool is_delimiter_row(const char *s, size_t p, size_t e)
{
	while (p < e && (s[p] == ' ' || s[p] == '>' || s[p] == '\t'))
		p++;
	bool pipe = false, dash = false;
	for (; p < e; p++) {
		char c = s[p];
		if (c == '|')
			pipe = true;
		else if (c == '-')
			dash = true;
		else if (c != ':' && c != ' ' && c != '\t')
			return false;
	}
	return pipe && dash;
}

/* The lines of the inline content of paragraph NODE: one more than its
 * line breaks. */
static size_t content_lines(cmark_node *node)
{
	size_t lines = 1;
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node_type t =
		    cmark_node_get_type(cmark_iter_get_node(it));
		if (ev == CMARK_EVENT_ENTER &&
		    (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK))
			lines++;
	}
	cmark_iter_free(it);
	return lines;
}

/* Is [p, e) a setext heading underline: up to three spaces, then only
 * '=' or only '-', then spaces? */
static bool is_underline(const char *s, size_t p, size_t e)
{
	size_t q = p;
	while (q < e && q - p < 3 && s[q] == ' ')
		q++;
	if (q >= e || (s[q] != '=' && s[q] != '-'))
		return false;
	char c = s[q];
	while (q < e && s[q] == c)
		q++;
	while (q < e && (s[q] == ' ' || s[q] == '\t'))
		q++;
	return q == e;
}

/* The end of line LINE of SRC (without its line ending). */
static size_t last_end(const tl_source *src, size_t line)
{
	size_t ls, le;
	tl_source_line_span(src, line, &ls, &le);
	return le;
}

/* A paragraph or heading NODE, of span [START, END) as
 * tl_doc_node_span gives it: its leading definition lines split off,
 * then one block, or one per row of a pipe table. */
static void add_prose(tl_align_doc *ad, const tl_doc *doc, cmark_node *node,
                      size_t start, size_t end)
{
	struct tl_align_build *b = ad->build;
	const tl_source *src = ad->src;
	const char *s = src->data;
	bool heading = cmark_node_get_type(node) == CMARK_NODE_HEADING;

	/* cmark reports a paragraph that begins with definitions it
	 * consumed as starting at the first of them, and numbers its
	 * inline lines from the first line after them. */
	size_t line = line_of(b, src, start);
	size_t last = line_of(b, src, end ? end - 1 : 0);
	b->trust_nodes = true;
	/* A setext heading is a paragraph and its underline: it can begin
	 * with definitions too. */
	bool setext = false;
	if (heading && last > line) {
		/* Its underline: cmark may report the heading as ending on
		 * the line after it when a paragraph follows at once. */
		for (size_t l = line + 1; l <= last && !setext; l++) {
			size_t ls, le;
			tl_source_line_span(src, l, &ls, &le);
			if (is_underline(s, ls, le)) {
				setext = true;
				last = l;
				end = le;
			}
		}
	}
	if (!heading || setext) {
		size_t lines = last - line + 1 - (setext ? 1 : 0);
		size_t content = 0;
		/* Lines beyond the content only when the first looks like
		 * a definition: most paragraphs skip the count. */
		size_t fs, fe;
		tl_source_line_span(src, line, &fs, &fe);
		if (lines > 1 && is_definition(s, fs, fe))
			content = content_lines(node);
		while (content && lines > content) {
			size_t ls, le;
			tl_source_line_span(src, line, &ls, &le);
			if (!is_definition(s, ls, le))
				break;
			add_meta(ad, ls < start ? start : ls, le);
			line++;
			lines--;
			b->trust_nodes = false;
		}
		if (!b->trust_nodes) {
			size_t ls, le;
			tl_source_line_span(src, line, &ls, &le);
			start = ls;
			while (start < le &&
			       (s[start] == ' ' || s[start] == '\t'))
				start++;
		}
	}

	/* A paragraph of lines that all look like definitions is one that
	 * cmark could not read as such (a title with parentheses inside
	 * parentheses): metadata lines all the same. */
	if (!heading && is_definition(s, start, last_end(src, line))) {
		size_t l = line;
		for (; l <= last; l++) {
			size_t ls, le;
			tl_source_line_span(src, l, &ls, &le);
			if (!is_definition(s, ls, le))
				break;
		}
		if (l > last) {
			for (l = line; l <= last; l++) {
				size_t ls, le;
				tl_source_line_span(src, l, &ls, &le);
				add_meta(ad, ls, le);
			}
			return;
		}
	}

	unsigned context;
	tl_align_kind kind = container_kind(node, &context);
	if (heading)
		kind = TL_ALIGN_HEADING;

	/* A pipe table: its second line is a delimiter row. */
	bool table = false;
	if (!heading && line + 1 <= last) {
		size_t ls, le;
		tl_source_line_span(src, line + 1, &ls, &le);
		table = is_delimiter_row(s, ls, le);
	}
	size_t row = 0, rs, re;
	if (table) {
		tl_source_line_span(src, line, &rs, &re);
		block_begin(b, TL_ALIGN_TABLE_ROW, rs < start ? start : rs, re);
	} else {
		block_begin(b, kind, start, end);
	}
	b->trust_nodes = b->trust_nodes && !table;
	b->cur.context = context;
	b->cur.level = heading ? cmark_node_get_heading_level(node) : 0;

	/* The inline nodes in the order of cmark's iterator, each entered,
	 * and left after its children unless it is a leaf (inline_leaf),
	 * without allocating an iterator for every paragraph. */
	int in_image = 0;
	cmark_node *n = cmark_node_first_child(node);
	while (n) {
		cmark_node_type t = cmark_node_get_type(n);
		if (t == CMARK_NODE_IMAGE)
			in_image++;
		if (table &&
		    (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)) {
			/* The next row; the delimiter row (row 1) is no
			 * block. */
			if (row != 1)
				block_end(ad);
			row++;
			tl_source_line_span(src, line + row, &rs, &re);
			block_begin(b, TL_ALIGN_TABLE_ROW, rs, re);
			b->cur.context = context;
		} else {
			scan_inline(b, doc, n, in_image);
		}
		if (!inline_leaf(t)) {
			cmark_node *child = cmark_node_first_child(n);
			if (child) {
				n = child;
				continue;
			}
			leave_inline(b, doc, n, t, &in_image);
		}
		/* The next node: a sibling, or after leaving the parents
		 * that end here. */
		for (;;) {
			cmark_node *next = cmark_node_next(n);
			if (next) {
				n = next;
				break;
			}
			n = cmark_node_parent(n);
			if (n == node || !n) {
				n = NULL;
				break;
			}
			leave_inline(b, doc, n, cmark_node_get_type(n),
			             &in_image);
		}
	}
	if (!table && b->image && !b->visible)
		b->cur.kind = TL_ALIGN_IMAGE;
	if (row != 1)
		block_end(ad);
}

/* A code or HTML block NODE, of span [START, END) as tl_doc_node_span
 * gives it: its lines are its anchors (an HTML block's href and src URLs
 * too). */
static void add_literal(tl_align_doc *ad, cmark_node *node, tl_align_kind kind,
                        size_t start, size_t end)
{
	struct tl_align_build *b = ad->build;
	const tl_source *src = ad->src;
	const char *lit = cmark_node_get_literal(node);
	if (!lit)
		lit = "";
	size_t n = strlen(lit);
	/* cmark gives an HTML block no end position (column 0 of its first
	 * line): it ends with the last line of its literal. */
	if (kind == TL_ALIGN_HTML && end <= start) {
		size_t line = line_of(b, src, start), s, e;
		for (size_t p = 0; p + 1 < n; p++)
			line += lit[p] == '\n';
		if (line < src->nlines) {
			tl_source_line_span(src, line, &s, &e);
			if (e > start)
				end = e;
		}
	}
	block_begin(b, kind, start, end);
	container_kind(node, &b->cur.context);
	/* The source line of the literal's first line: after the opening
	 * fence of a fenced code block. */
	size_t line = line_of(b, src, start);
	if (kind == TL_ALIGN_CODE) {
		size_t p = start;
		while (p < end && src->data[p] == ' ')
			p++;
		if (p + 3 <= end && (memcmp(src->data + p, "```", 3) == 0 ||
		                     memcmp(src->data + p, "~~~", 3) == 0))
			line++;
	}
	for (size_t p = 0; p < n; line++) {
		const char *nl = memchr(lit + p, '\n', n - p);
		size_t e = nl ? (size_t)(nl - lit) : n;
		line_key(b, lit, p, e);
		if (b->key.len) {
			size_t ls = start, le = end;
			if (line < src->nlines) {
				tl_source_line_span(src, line, &ls, &le);
				if (ls < start || le > end)
					ls = start, le = end;
			}
			add_anchor(b, TL_ANCHOR_LINE, b->key.data, b->key.len,
			           ls, le);
		}
		p = nl ? e + 1 : n;
	}
	if (kind == TL_ALIGN_HTML)
		scan_html_urls(b, src->data, lit, n);
	block_end(ad);
}

/* The front matter: one block, its lines its anchors. */
static void add_front_matter(tl_align_doc *ad, const tl_doc *doc)
{
	struct tl_align_build *b = ad->build;
	const tl_source *src = ad->src;
	size_t end = doc->fm_end;
	/* Without the line ending of its closing line. */
	while (end > doc->fm_start &&
	       (src->data[end - 1] == '\n' || src->data[end - 1] == '\r'))
		end--;
	block_begin(b, TL_ALIGN_FRONT_MATTER, doc->fm_start, end);
	for (size_t line = line_of(b, src, doc->fm_yaml_start);
	     line < src->nlines; line++) {
		size_t ls, le;
		tl_source_line_span(src, line, &ls, &le);
		if (ls >= doc->fm_yaml_end)
			break;
		if (le > doc->fm_yaml_end)
			le = doc->fm_yaml_end;
		line_key(b, src->data, ls, le);
		if (b->key.len)
			add_anchor(b, TL_ANCHOR_LINE, b->key.data, b->key.len,
			           ls, le);
	}
	block_end(ad);
	b->cursor = doc->fm_end;
}

void tl_align_doc_add(tl_align_doc *ad, const tl_doc *doc)
{
	struct tl_align_build *b = ad->build;
	if (!doc->root)
		return;
	cmark_iter *it = cmark_iter_new(doc->root);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node_type t = cmark_node_get_type(node);
		bool leaf =
		    t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
		    t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_HTML_BLOCK ||
		    t == CMARK_NODE_THEMATIC_BREAK;
		if (!leaf)
			continue;
		size_t start, end;
		tl_doc_node_span(doc, node, &start, &end);
		scan_gap(ad, b->cursor, start);
		if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) {
			add_prose(ad, doc, node, start, end);
		} else if (t == CMARK_NODE_CODE_BLOCK) {
			add_literal(ad, node, TL_ALIGN_CODE, start, end);
		} else if (t == CMARK_NODE_HTML_BLOCK) {
			add_literal(ad, node, TL_ALIGN_HTML, start, end);
		} else {
			block_begin(b, TL_ALIGN_BREAK, start, end);
			container_kind(node, &b->cur.context);
			block_end(ad);
		}
		cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
	}
	cmark_iter_free(it);
	/* The definitions after the piece's last block. */
	size_t piece_end = doc->cuts ? doc->cuts[doc->piece + 1] : ad->src->len;
	scan_gap(ad, b->cursor, piece_end);
	if (piece_end > b->cursor)
		b->cursor = piece_end;
}

/* The blocks of DOC; with TRANS, only the words TRANS has are kept. */
static tl_align_doc *doc_new(const tl_doc *doc, const tl_align_doc *trans)
{
	tl_align_doc *ad = tl_xcalloc(1, sizeof *ad);
	ad->src = doc->src;
	ad->build = tl_xcalloc(1, sizeof *ad->build);
	struct tl_align_build *b = ad->build;
	b->arena = tl_arena_new();
	b->data = doc->src->data;
	b->nul = doc->src->nul != TL_NONE;
	if (trans) {
		/* Words sort last among a block's keys (their type is the
		 * highest). The set is sized by the words alone, not all
		 * the keys: it is cleared for every pair, and each slot
		 * it has is memory written. */
		size_t total = 0, cap = 16;
		for (size_t j = 0; j < trans->n; j++) {
			const tl_align_block *tb = &trans->blocks[j];
			for (size_t k = tb->nkeys;
			     k-- > 0 && (tb->keys[k] >> 61) == TL_ANCHOR_WORD;)
				total++;
		}
		while (cap < 2 * total + 16)
			cap *= 2;
		b->only = tl_xcalloc(cap, sizeof *b->only);
		b->only_mask = cap - 1;
		b->only_bits = tl_xcalloc(cap / 4, sizeof *b->only_bits);
		b->only_bits_mask = cap * 16 - 1;
		b->against = trans;
		b->against_shapes = trans->build->shapes;
		for (size_t j = 0; j < trans->n; j++) {
			const tl_align_block *tb = &trans->blocks[j];
			for (size_t k = tb->nkeys;
			     k-- > 0 &&
			     (tb->keys[k] >> 61) == TL_ANCHOR_WORD;) {
				uint64_t key = tb->keys[k] | 1;
				b->only[only_slot(b, key)] = key;
				size_t bit = only_bit(b, key);
				b->only_bits[bit / 64] |= UINT64_C(1)
				                          << (bit % 64);
			}
		}
	} else {
		b->stop = tl_xcalloc(STOP_SLOTS, sizeof *b->stop);
		stop_words_load(b);
	}
	/* Room for a block a line, which a document of one piece never
	 * needs more of (half as many on average): grown from 8 by
	 * doubling, the array was copied four or five times, and each copy
	 * wrote memory not yet in the cache. A large document's pieces
	 * grow it as they come. */
	if (doc->npieces == 1) {
		b->cap = doc->src->nlines + 1;
		ad->blocks = tl_xmalloc(b->cap * sizeof *ad->blocks);
	}
	b->cursor = doc->src->body;
	if (doc->fm_kind != TL_FM_NONE)
		add_front_matter(ad, doc);
	tl_align_doc_add(ad, doc);
	return ad;
}

tl_align_doc *tl_align_doc_new(const tl_doc *doc)
{
	return doc_new(doc, NULL);
}

tl_align_doc *tl_align_doc_new_against(const tl_doc *doc,
                                       const tl_align_doc *trans)
{
	return doc_new(doc, trans);
}

bool tl_align_doc_narrowed(const tl_align_doc *orig, const tl_align_doc *trans)
{
	return orig->build->only && orig->build->against == trans;
}

void tl_align_doc_free(tl_align_doc *ad)
{
	if (!ad)
		return;
	tl_arena_free(ad->build->arena);
	free(ad->build->tmp);
	free(ad->build->words);
	free(ad->build->only);
	free(ad->build->only_bits);
	free(ad->build->stop);
	tl_buf_free(&ad->build->key);
	free(ad->build);
	free(ad->blocks);
	free(ad);
}

size_t tl_align_block_at(const tl_align_doc *ad, size_t offset)
{
	size_t lo = 0, hi = ad->n;
	/* The first block starting after OFFSET. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ad->blocks[mid].start <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? TL_NONE : lo - 1;
}
