/*
 * ruledoc.h: the documentation page of a built-in rule, generated from
 * its metadata. `translint --explain RULE` prints it and
 * `translint --write-rule-docs DIR` writes docs/rules/RULE.md from it, so
 * the two never differ and neither drifts from the code.
 */
#ifndef TL_RULEDOC_H
#define TL_RULEDOC_H

#include "translint.h"

/* Where the rule pages are published: the one base of every link to a
 * rule's page (SARIF helpUri, LSP codeDescription.href, JSON url). The
 * default is docs/rules/ in the project's repository; a fork or a mirror
 * sets its own at build time:
 *
 *     make CPPFLAGS='-DTL_DOCS_URL=\"https://example.org/rules/\"'
 */
#ifndef TL_DOCS_URL
#define TL_DOCS_URL                                                            \
	"https://github.com/translint/translint/blob/main/docs/rules/"
#endif

/* Appends the address of built-in rule NAME's page to OUT:
 * TL_DOCS_URL + "NAME.md". Returns false, appending nothing, when NAME is
 * not a built-in rule (custom rules have no page). */
bool tl_rule_url(tl_buf *out, const char *name);

/* Appends the Markdown page of RULE to OUT. */
void tl_rule_doc(const tl_rule *rule, tl_buf *out);

#endif
