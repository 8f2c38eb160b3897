/*
 * custom.h: declarative rules defined in a configuration (rules: custom:,
 * DESIGN.md section 1.2). Each is a PCRE2 pattern compiled once when the
 * configuration loads, shared (reference counted) by the copies of that
 * configuration, and run by the engine like a built-in rule, in the same
 * single pass over the document: its tl_rule has a check_run function
 * (check_doc for scope raw) that finds out which custom rule it is
 * through tl_check_rule().
 */
#ifndef TL_CUSTOM_H
#define TL_CUSTOM_H

#include "internal.h"

typedef enum tl_custom_scope {
	TL_SCOPE_PROSE = 0, /* the rendered text of every prose run */
	TL_SCOPE_HEADING,   /* the rendered text of headings */
	TL_SCOPE_LINK_TEXT, /* the rendered text of links */
	TL_SCOPE_RAW        /* the source bytes outside the front matter */
} tl_custom_scope;

typedef struct tl_custom tl_custom;

bool tl_custom_scope_parse(const char *name, tl_custom_scope *out);

/* Compiles a custom rule. On an invalid pattern or replacement, returns
 * NULL with WHY filled (with the offset of the fault in code points, also
 * stored in *AT: where PCRE2 stopped in the pattern, the '$' in the
 * replacement) and *WHICH 0 for the pattern, 1 for the replacement. The
 * result has one reference. */
tl_custom *tl_custom_new(const char *id, const char *message,
                         const char *pattern, const char *replace,
                         tl_custom_scope scope, tl_severity severity, char *why,
                         size_t why_cap, size_t *at, int *which);
tl_custom *tl_custom_ref(tl_custom *c);
void tl_custom_unref(tl_custom *c);
/* Its rule metadata: name (the id), summary (the message), default
 * severity, fixability, check function. Lives as long as C. */
const tl_rule *tl_custom_rule(const tl_custom *c);
/* Its message, pattern, replacement (NULL: none) and scope name, as the
 * configuration wrote them; they live as long as C. */
void tl_custom_fields(const tl_custom *c, const char **message,
                      const char **pattern, const char **replace,
                      const char **scope);

#endif
