/*
 * regex.c: PCRE2 memory from a document's arena (rule.h).
 */
#include "rule.h"

/* PCRE2 initialises what it allocates (its match frames are tens of
 * kilobytes: clearing them was most of a match's cost). */
static void *arena_malloc(PCRE2_SIZE size, void *arena)
{
	return tl_arena_alloc_raw(arena, size ? size : 1);
}

/* Arena memory is released all at once with the arena. */
static void arena_free(void *p, void *arena)
{
	(void)p;
	(void)arena;
}

pcre2_general_context *tl_regex_context(tl_arena *arena)
{
	return pcre2_general_context_create(arena_malloc, arena_free, arena);
}
