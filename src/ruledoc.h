/*
 * ruledoc.h: the documentation page of a built-in rule, generated from
 * its metadata, in English or Chinese. `translint --explain RULE [--lang
 * zh]` prints it and `translint --write-rule-docs DIR` writes
 * DIR/RULE.md and DIR/zh/RULE.md from it (docs/rules/), so the page and
 * the command never differ and neither drifts from the code.
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

/* Appends the address of built-in rule NAME's page in LANG to OUT:
 * TL_DOCS_URL + "NAME.md", or TL_DOCS_URL + "zh/NAME.md" in Chinese.
 * Returns false, appending nothing, when NAME is not a built-in rule
 * (custom rules have no page). */
bool tl_rule_url(tl_buf *out, const char *name, tl_lang lang);

/* Appends the Markdown page of RULE in LANG to OUT. The Chinese page
 * takes the _zh texts of the metadata (tests/unit/test_rule_docs.c checks
 * that every rule has them). */
void tl_rule_doc(const tl_rule *rule, tl_lang lang, tl_buf *out);

#endif
