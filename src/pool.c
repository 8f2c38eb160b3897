/*
 * pool.c: the memory cmark allocates from while it parses a document.
 *
 * cmark allocates every node, every literal and every parser buffer with
 * calloc and frees them one by one; for the small documents translint
 * mostly sees, malloc and free were a tenth of the run. A document is
 * parsed into a pool instead: allocation bumps a cursor, and the tree goes
 * with the pool in one step. Free gives back the latest block to the
 * cursor, and any other small block to a list of its size, which the next
 * allocation of that size takes first: cmark frees two fifths of what it
 * allocates while it parses (a paragraph's lines once its inlines are
 * parsed, its delimiters, its buffers), and a block freed a moment ago is
 * still in the cache where fresh memory is not.
 *
 * cmark_mem's functions take no context, so the pool being filled is a
 * thread-local set only while cmark_parse_document runs. Anything cmark
 * allocates at other times (iterators) comes from the heap. Each block
 * starts with a header that says which, so that free and realloc work on
 * either kind. Large documents are parsed on the heap: there memory is
 * the scarcer resource, and a pool reuses only blocks of the same size.
 */
#include "model.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define POOL_FIRST_CHUNK (32u << 10)
#define POOL_MAX_CHUNK (1u << 20)
/* Freed blocks are listed by size in steps of 8 bytes up to this; a
 * larger block (rare: long lines) waits for its pool. */
#define POOL_LISTED_MAX 512u

/* A block's header: 8 bytes, so the caller's block is 8-aligned, which
 * is all that cmark's objects need (pointers, integers and characters;
 * no long double nor vector). A node (112 bytes) takes 120 where a
 * 16-byte header and 16-byte steps made it 128: a translation's pool is
 * 8 % smaller on average over lctt-pairs. */
typedef struct cm_block {
	size_t word; /* 2 * the bytes the caller asked for, + 1 inside a
	                pool chunk (0: its own malloc) */
} cm_block;

typedef struct cm_chunk {
	struct cm_chunk *next;
	size_t cap;
	size_t used;
	max_align_t data[];
} cm_chunk;

struct tl_pool {
	cm_chunk *head;
	cm_block *last; /* the latest block, which free and realloc may move */
	/* Freed blocks of 8 * K bytes at freed[K], linked through their
	 * first bytes. */
	void *freed[POOL_LISTED_MAX / 8 + 1];
};

static _Thread_local tl_pool *filling;

static size_t round8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

static size_t block_size(const cm_block *b)
{
	return b->word >> 1;
}

static bool block_in_pool(const cm_block *b)
{
	return b->word & 1;
}

void *tl_pool_out_of_memory(void)
{
	fprintf(stderr, "translint: out of memory\n");
	abort();
}

/* A new chunk at the head of POOL with room for NEED bytes. */
static cm_chunk *pool_grow(tl_pool *pool, size_t need)
{
	cm_chunk *c = pool->head;
	size_t cap = c ? c->cap * 2 : POOL_FIRST_CHUNK;
	if (cap > POOL_MAX_CHUNK)
		cap = POOL_MAX_CHUNK;
	if (cap < need)
		cap = need;
	c = malloc(sizeof *c + cap);
	if (!c)
		return tl_pool_out_of_memory();
	c->cap = cap;
	c->used = 0;
	c->next = pool->head;
	pool->head = c;
	return c;
}

/* A block of SIZE bytes from POOL: one freed of that size, or else the
 * cursor bumped in the current chunk; inline, as both are short. */
static inline cm_block *pool_take(tl_pool *pool, size_t size)
{
	size_t room = round8(size);
	if (room && room <= POOL_LISTED_MAX && pool->freed[room / 8]) {
		void **p = pool->freed[room / 8];
		pool->freed[room / 8] = *p;
		cm_block *b = (cm_block *)p - 1;
		b->word = size << 1 | 1;
		return b;
	}
	size_t need = sizeof(cm_block) + room;
	cm_chunk *c = pool->head;

	if (!c || c->cap - c->used < need)
		c = pool_grow(pool, need);
	cm_block *b = (cm_block *)((char *)c->data + c->used);
	c->used += need;
	b->word = size << 1 | 1;
	pool->last = b;
	return b;
}

static cm_block *heap_take(size_t size)
{
	cm_block *b = malloc(sizeof(cm_block) + size);
	if (!b)
		return tl_pool_out_of_memory();
	b->word = size << 1;
	return b;
}

/* SIZE bytes, not cleared: from the pool being filled, else the heap. */
static void *cm_take(size_t size)
{
	if (size > SIZE_MAX / 2 - 64) /* the header keeps 2 * SIZE */
		return tl_pool_out_of_memory();
	cm_block *b = filling ? pool_take(filling, size) : heap_take(size);
	return b + 1;
}

static void *cm_calloc(size_t n, size_t size)
{
	/* cmark asks for one object at a time: no product to check. */
	if (n != 1 && size && n > (SIZE_MAX / 2 - 64) / size)
		return tl_pool_out_of_memory();
	return memset(cm_take(n * size), 0, n * size);
}

/* Gives block B of the pool being filled back: to the cursor when it is
 * the latest, else to the list of its size. */
static void pool_give(cm_block *b)
{
	size_t room = round8(block_size(b));
	if (filling->last == b) {
		cm_chunk *c = filling->head;
		c->used = (size_t)((char *)b - (char *)c->data);
		filling->last = NULL;
	} else if (room && room <= POOL_LISTED_MAX) {
		void **p = (void **)(b + 1);
		*p = filling->freed[room / 8];
		filling->freed[room / 8] = p;
	}
}

/* Whether B is the latest block of the pool being filled, which can
 * shrink or grow where it stands. */
static bool is_last(const cm_block *b)
{
	return filling && block_in_pool(b) && filling->last == b;
}

static void *cm_realloc(void *p, size_t size)
{
	/* Not cleared, as realloc does not: cmark's buffers start so and
	 * are written before they are read (its default allocator is the C
	 * library's realloc). */
	if (!p || size > SIZE_MAX / 2 - 64)
		return cm_take(size);
	cm_block *b = (cm_block *)p - 1;
	if (!block_in_pool(b)) {
		cm_block *nb = realloc(b, sizeof(cm_block) + size);
		if (!nb)
			return tl_pool_out_of_memory();
		nb->word = size << 1;
		return nb + 1;
	}
	if (is_last(b)) {
		cm_chunk *c = filling->head;
		size_t at = (size_t)((char *)b - (char *)c->data);
		size_t need = sizeof(cm_block) + round8(size);
		if (c->cap - at >= need) {
			c->used = at + need;
			b->word = size << 1 | 1;
			return p;
		}
	}
	if (round8(size) <= round8(block_size(b))) {
		b->word = size << 1 | 1; /* it has the room */
		return p;
	}
	void *np = cm_take(size);
	memcpy(np, p, block_size(b));
	if (filling)
		pool_give(b);
	return np;
}

static void cm_free(void *p)
{
	if (!p)
		return;
	cm_block *b = (cm_block *)p - 1;
	if (!block_in_pool(b))
		free(b);
	else if (filling)
		pool_give(b);
	/* A pool block freed after the parse waits for its pool. */
}

static cmark_mem pool_mem = {cm_calloc, cm_realloc, cm_free};

void tl_pool_free(tl_pool *pool)
{
	if (!pool)
		return;
	for (cm_chunk *c = pool->head, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	free(pool);
}

tl_pool *tl_pool_new(void)
{
	return tl_xcalloc(1, sizeof(tl_pool));
}

cmark_mem *tl_pool_start(tl_pool *pool)
{
	filling = pool;
	return &pool_mem;
}

void tl_pool_stop(void)
{
	filling = NULL;
}
