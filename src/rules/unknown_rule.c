/*
 * unknown-rule: a suppression comment names a rule that does not exist.
 *
 * It looks at the names the comments give once they were applied
 * (check_comments), against the built-in rules and the custom rules of
 * the configuration; what it reports is not suppressed, since a comment
 * that disables every rule may itself misspell one. A misspelled name in
 * <!-- translint-disable ... --> would otherwise silently suppress
 * nothing.
 */
#include "rule.h"

#include <stdio.h>

static void check_comments(tl_check *ck, const tl_suppress *sup)
{
	const tl_config *cfg = tl_check_config(ck);
	const char *name;
	size_t start, end;
	for (size_t i = 0; tl_suppress_name(sup, i, &name, &start, &end); i++) {
		if (tl_config_has_rule(cfg, name))
			continue;
		const char *near = tl_config_nearest_rule(cfg, name);
		char hint[200] = "";
		if (near)
			snprintf(hint, sizeof hint,
			         tl_check_msg(ck, " (did you mean '%s'?)",
			                      "（是不是 '%s'？）"),
			         near);
		tl_check_reportf(ck, start, end, NULL,
		                 "Unknown rule '%s' in a suppression comment%s",
		                 "抑制注释中的规则 '%s' 不存在%s", name, hint);
	}
}

const tl_rule tl_rule_unknown_rule = {
    .name = "unknown-rule",
    .summary = "A suppression comment names a rule that does not exist",
    .summary_zh = "抑制注释中的规则名不存在",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_NONE,
    .description =
        "Reports a rule name in a `<!-- translint-disable ... -->`, "
        "`translint-enable`, `translint-disable-next-line` or "
        "`translint-disable-file` comment that is neither a built-in rule "
        "nor a custom rule of the configuration, with the nearest rule "
        "name when it looks like a typo.\n\n"
        "Why: a misspelled name suppresses nothing, and the diagnostics "
        "the comment was meant to silence keep coming back.",
    .fix_doc = "None. Correct the name by hand.",
    .description_zh =
        "报告 `<!-- translint-disable ... -->`、`translint-enable`、"
        "`translint-disable-next-line` 或 `translint-disable-file` "
        "注释中既不是内置规则、也不是配置中自定义规则的规则名；"
        "看起来像笔误时给出最接近的规则名。\n\n原因：拼错的名字什么也禁用不"
        "了，注释本想屏蔽的诊断会一再出现。",
    .fix_doc_zh = "无。请手工改正名字。",
    .bad = "<!-- translint-disable space-cjk-latn -->\n",
    .good = "<!-- translint-disable space-cjk-latin -->\n",
    .check_comments = check_comments,
};
