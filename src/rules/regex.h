/*
 * regex.h: PCRE2 for the rules that compile patterns per document (from
 * their options): the 8-bit library, and a general context whose memory
 * comes from the document's arena, so a compiled pattern, its match data
 * and contexts are released with the result and need no free.
 */
#ifndef TL_RULES_REGEX_H
#define TL_RULES_REGEX_H

#include "internal.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* A PCRE2 general context allocating from ARENA (never freed alone). */
pcre2_general_context *tl_regex_context(tl_arena *arena);

#endif
