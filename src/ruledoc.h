/*
 * ruledoc.h: the documentation page of a built-in rule, generated from
 * its metadata. `translint --explain RULE` prints it and
 * `translint --write-rule-docs DIR` writes docs/rules/RULE.md from it, so
 * the two never differ and neither drifts from the code.
 */
#ifndef TL_RULEDOC_H
#define TL_RULEDOC_H

#include "translint.h"

/* Appends the Markdown page of RULE to OUT. */
void tl_rule_doc(const tl_rule *rule, tl_buf *out);

#endif
