/*
 * ruledoc.c: builds the Markdown page of a rule from its tl_rule metadata
 * (name, summaries, default severity, preset, options, description, fix
 * safety, bad and good examples), in English or in Chinese. The page
 * layout lives here and only here: --explain and the pages in docs/rules/
 * (docs/rules/zh/ in Chinese) are both this function's output, and
 * `make docs-check` fails when the committed pages differ from it.
 *
 * The words of the layout itself come from the table below, one entry in
 * each language, so the two pages have the same sections in the same order.
 */
#include "ruledoc.h"

#include <stdlib.h>
#include <string.h>

typedef struct page_words {
	const char *other_lang; /* link to the page in the other language */
	const char *severity, *enabled_in, *no_preset, *fix;
	/* Fixabilities by tl_fixability (NULL: tl_fixability_name, the
	 * English spelling), and what follows "sometimes". */
	const char *const *fix_names;
	const char *see_below;
	const char *what, *options, *no_options, *option_header;
	const char *t_bool, *t_int, *t_list, *t_map, *t_regex, *t_regex_map;
	const char *t_one_of, *t_sep, *t_string;
	const char *empty, *fix_safety, *no_fix;
	const char *example, *fixed, *correct;
	const char *original, *translated; /* a source rule's example */
	/* The example's header when the rule needs a configuration, then
	 * what comes between the configuration and the flagged text. */
	const char *example_with, *flagged;
} page_words;

static const page_words words_en = {
    "[中文](zh/%s.md)",
    "- Default severity: `%s`\n",
    "- Enabled in: `%s`\n",
    "- Enabled in: no preset (enable it in the configuration)\n",
    "- Fix: %s\n\n",
    NULL,
    " (see below)",
    "## What it flags\n\n",
    "## Options\n\n",
    "This rule has no options.\n\n",
    "| Option | Type | Default | Description |\n|---|---|---|---|\n",
    "boolean",
    "integer",
    "list of strings",
    "map of strings to strings (or lists of them)",
    "PCRE2 pattern",
    "map of strings to PCRE2 patterns (or lists of them)",
    "one of ",
    ", ",
    "string",
    "(empty)",
    "## Fix safety\n\n",
    "This rule has no fix.\n\n",
    "## Example\n\nFlagged:\n\n",
    "\nFixed:\n\n",
    "\nCorrect:\n\n",
    "## Example\n\nThe original:\n\n",
    "\nIts translation, flagged:\n\n",
    "## Example\n\nWith this configuration (`.translint.yml`):\n\n",
    "\nFlagged:\n\n",
};

static const char *const fix_names_zh[] = {
    [TL_FIXABLE_NONE] = "无",
    [TL_FIXABLE_SAFE] = "安全",
    [TL_FIXABLE_UNSAFE] = "不安全",
    [TL_FIXABLE_SOMETIMES] = "视情况而定",
};

static const page_words words_zh = {
    "[English](../%s.md)",
    "- 默认级别：`%s`\n",
    "- 启用于：`%s`\n",
    "- 启用于：不在任何预设中（在配置中启用）\n",
    "- 修复：%s\n\n",
    fix_names_zh,
    "（见下文）",
    "## 检查什么\n\n",
    "## 选项\n\n",
    "此规则没有选项。\n\n",
    "| 选项 | 类型 | 默认值 | 说明 |\n|---|---|---|---|\n",
    "布尔值",
    "整数",
    "字符串列表",
    "字符串到字符串（或字符串列表）的映射",
    "PCRE2 模式",
    "字符串到 PCRE2 模式（或模式列表）的映射",
    "取值之一：",
    "、",
    "字符串",
    "（空）",
    "## 修复的安全性\n\n",
    "此规则不提供修复。\n\n",
    "## 示例\n\n会被标记：\n\n",
    "\n修复后：\n\n",
    "\n正确写法：\n\n",
    "## 示例\n\n原文：\n\n",
    "\n译文，会被标记：\n\n",
    "## 示例\n\n使用如下配置（`.translint.yml`）：\n\n",
    "\n会被标记：\n\n",
};

/* TEXT_ZH in Chinese when there is one, else TEXT. */
static const char *in_lang(tl_lang lang, const char *text, const char *text_zh)
{
	return lang == TL_LANG_ZH && text_zh ? text_zh : text;
}

/* The fixability F as the page says it: "sometimes" sends the reader to
 * the fix safety section. */
static void put_fix_name(const page_words *w, tl_buf *out, tl_fixability f)
{
	tl_buf_puts(out,
	            w->fix_names ? w->fix_names[f] : tl_fixability_name(f));
	if (f == TL_FIXABLE_SOMETIMES)
		tl_buf_puts(out, w->see_below);
}

/* The longest run of C in S. */
static size_t longest_run(const char *s, char c)
{
	size_t best = 0, run = 0;

	for (; *s; s++) {
		run = *s == c ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	return best;
}

/* S as an inline code span in a table cell, with a fence longer than any
 * backtick run inside it (CommonMark 6.1). A "|" is escaped: GFM ends a
 * cell at it even inside a code span (GFM 4.10, "译自|原文"). */
static void put_code(tl_buf *out, const char *s)
{
	size_t n = longest_run(s, '`') + 1, i;
	bool pad = s[0] == '`' || (*s && s[strlen(s) - 1] == '`');
	const char *c;

	for (i = 0; i < n; i++)
		tl_buf_putc(out, '`');
	if (pad)
		tl_buf_putc(out, ' ');
	for (c = s; *c; c++) {
		if (*c == '|')
			tl_buf_putc(out, '\\');
		tl_buf_putc(out, *c);
	}
	if (pad)
		tl_buf_putc(out, ' ');
	for (i = 0; i < n; i++)
		tl_buf_putc(out, '`');
}

/* S inside a table cell: a "|" would end the cell, a newline the row. */
static void put_cell(tl_buf *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|')
			tl_buf_puts(out, "\\|");
		else if (*s == '\n')
			tl_buf_putc(out, ' ');
		else
			tl_buf_putc(out, *s);
	}
}

/* S as a fenced code block of language LANG whose fence no line of S
 * can close. */
static void put_fenced(tl_buf *out, const char *s, const char *lang)
{
	size_t n = longest_run(s, '`') + 1, i;

	if (n < 3)
		n = 3;
	for (i = 0; i < n; i++)
		tl_buf_putc(out, '`');
	tl_buf_printf(out, "%s\n", lang);
	tl_buf_puts(out, s);
	if (*s && s[strlen(s) - 1] != '\n')
		tl_buf_putc(out, '\n');
	for (i = 0; i < n; i++)
		tl_buf_putc(out, '`');
	tl_buf_puts(out, "\n");
}

static void put_block(tl_buf *out, const char *s)
{
	put_fenced(out, s, "markdown");
}

static void put_type(const page_words *w, tl_buf *out, const tl_option_def *o)
{
	const char *c;

	switch (o->type) {
	case TL_OPTION_BOOL:
		tl_buf_puts(out, w->t_bool);
		return;
	case TL_OPTION_INT:
		tl_buf_puts(out, w->t_int);
		return;
	case TL_OPTION_LIST:
		tl_buf_puts(out, w->t_list);
		return;
	case TL_OPTION_MAP:
		tl_buf_puts(out, w->t_map);
		return;
	case TL_OPTION_REGEX:
		tl_buf_puts(out, w->t_regex);
		return;
	case TL_OPTION_REGEX_MAP:
		tl_buf_puts(out, w->t_regex_map);
		return;
	case TL_OPTION_ENUM:
		/* "one of `require`, `forbid`" from "require|forbid". */
		tl_buf_puts(out, w->t_one_of);
		for (c = o->choices ? o->choices : ""; *c;) {
			size_t len = strcspn(c, "|");
			char *one = tl_xstrndup(c, len);

			put_code(out, one);
			free(one);
			c += len;
			if (*c == '|') {
				tl_buf_puts(out, w->t_sep);
				c++;
			}
		}
		return;
	case TL_OPTION_STRING:
		break;
	}
	tl_buf_puts(out, w->t_string);
}

static void put_options(const page_words *w, tl_lang lang, tl_buf *out,
                        const tl_option_def *opts)
{
	const tl_option_def *o;

	tl_buf_puts(out, w->options);
	if (!opts || !opts->name) {
		tl_buf_puts(out, w->no_options);
		return;
	}
	tl_buf_puts(out, w->option_header);
	for (o = opts; o->name; o++) {
		tl_buf_puts(out, "| ");
		put_code(out, o->name);
		tl_buf_puts(out, " | ");
		put_type(w, out, o);
		tl_buf_puts(out, " | ");
		if (o->default_value && *o->default_value)
			put_code(out, o->default_value);
		else
			tl_buf_puts(out, w->empty);
		tl_buf_puts(out, " | ");
		put_cell(out, in_lang(lang, o->doc, o->doc_zh));
		tl_buf_puts(out, " |\n");
	}
	tl_buf_putc(out, '\n');
}

bool tl_rule_url(tl_buf *out, const char *name, tl_lang lang)
{
	if (!name || !tl_rule_find(name))
		return false;
	tl_buf_printf(out, "%s%s%s.md", TL_DOCS_URL,
	              lang == TL_LANG_ZH ? "zh/" : "", name);
	return true;
}

void tl_rule_doc(const tl_rule *rule, tl_lang lang, tl_buf *out)
{
	const page_words *w = lang == TL_LANG_ZH ? &words_zh : &words_en;
	const char *description =
	    in_lang(lang, rule->description, rule->description_zh);
	const char *more =
	    in_lang(lang, rule->description_more, rule->description_more_zh);
	const char *fix_doc = in_lang(lang, rule->fix_doc, rule->fix_doc_zh);

	tl_buf_printf(out, "# %s\n\n", rule->name);
	if (lang == TL_LANG_ZH) {
		if (rule->summary_zh)
			tl_buf_printf(out, "%s\n\n", rule->summary_zh);
	} else {
		if (rule->summary)
			tl_buf_printf(out, "%s\n\n", rule->summary);
		if (rule->summary_zh)
			tl_buf_printf(out, "%s\n\n", rule->summary_zh);
	}
	tl_buf_printf(out, w->other_lang, rule->name);
	tl_buf_puts(out, "\n\n");

	tl_buf_printf(out, w->severity, tl_severity_name(rule->severity));
	{
		tl_buf preset = {0};
		if (tl_rule_preset(rule, &preset))
			tl_buf_printf(out, w->enabled_in, preset.data);
		else
			tl_buf_puts(out, w->no_preset);
		tl_buf_free(&preset);
	}
	{
		tl_buf name = {0};
		put_fix_name(w, &name, rule->fixable);
		tl_buf_printf(out, w->fix, name.data);
		tl_buf_free(&name);
	}

	if (description)
		tl_buf_printf(out, "%s%s\n\n", w->what, description);
	if (description && more)
		tl_buf_printf(out, "%s\n\n", more);
	put_options(w, lang, out, rule->options);
	tl_buf_puts(out, w->fix_safety);
	if (fix_doc)
		tl_buf_printf(out, "%s\n\n", fix_doc);
	else
		tl_buf_puts(out, w->no_fix);

	if (rule->bad && rule->original) {
		tl_buf_puts(out, w->original);
		put_block(out, rule->original);
		tl_buf_puts(out, w->translated);
		put_block(out, rule->bad);
	} else if (rule->bad && rule->example_config) {
		tl_buf_puts(out, w->example_with);
		put_fenced(out, rule->example_config, "yaml");
		tl_buf_puts(out, w->flagged);
		put_block(out, rule->bad);
	} else if (rule->bad) {
		tl_buf_puts(out, w->example);
		put_block(out, rule->bad);
	}
	if (rule->bad && rule->good) {
		tl_buf_puts(out, rule->fixable == TL_FIXABLE_NONE ? w->correct
		                                                  : w->fixed);
		put_block(out, rule->good);
	}
	/* One newline at the end, whatever came last. */
	while (out->len > 1 && out->data[out->len - 1] == '\n' &&
	       out->data[out->len - 2] == '\n')
		out->data[--out->len] = '\0';
}
