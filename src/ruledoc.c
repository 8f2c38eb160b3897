/*
 * ruledoc.c: builds the Markdown page of a rule from its tl_rule metadata
 * (name, summaries, default severity, preset, options, description, fix
 * safety, bad and good examples). The page layout lives here and only
 * here: --explain and the pages in docs/rules/ are both this function's output,
 * and `make docs-check` fails when the committed pages differ from it.
 */
#include "ruledoc.h"

#include <stdlib.h>
#include <string.h>

static const char *fix_name(tl_fixability f)
{
	switch (f) {
	case TL_FIXABLE_SAFE:
		return "safe";
	case TL_FIXABLE_UNSAFE:
		return "unsafe";
	case TL_FIXABLE_SOMETIMES:
		return "sometimes (see below)";
	case TL_FIXABLE_NONE:
		break;
	}
	return "none";
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

/* S as an inline code span, with a fence longer than any backtick run
 * inside it (CommonMark 6.1). */
static void put_code(tl_buf *out, const char *s)
{
	size_t n = longest_run(s, '`') + 1, i;
	bool pad = s[0] == '`' || (*s && s[strlen(s) - 1] == '`');

	for (i = 0; i < n; i++)
		tl_buf_putc(out, '`');
	if (pad)
		tl_buf_putc(out, ' ');
	tl_buf_puts(out, s);
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

/* S as a fenced code block whose fence no line of S can close. */
static void put_block(tl_buf *out, const char *s)
{
	size_t n = longest_run(s, '`') + 1, i;

	if (n < 3)
		n = 3;
	for (i = 0; i < n; i++)
		tl_buf_putc(out, '`');
	tl_buf_puts(out, "markdown\n");
	tl_buf_puts(out, s);
	if (*s && s[strlen(s) - 1] != '\n')
		tl_buf_putc(out, '\n');
	for (i = 0; i < n; i++)
		tl_buf_putc(out, '`');
	tl_buf_puts(out, "\n");
}

static void put_type(tl_buf *out, const tl_option_def *o)
{
	const char *c;

	switch (o->type) {
	case TL_OPTION_BOOL:
		tl_buf_puts(out, "boolean");
		return;
	case TL_OPTION_INT:
		tl_buf_puts(out, "integer");
		return;
	case TL_OPTION_LIST:
		tl_buf_puts(out, "list of strings");
		return;
	case TL_OPTION_ENUM:
		/* "one of `require`, `forbid`" from "require|forbid". */
		tl_buf_puts(out, "one of ");
		for (c = o->choices ? o->choices : ""; *c;) {
			size_t len = strcspn(c, "|");
			char *one = tl_xstrndup(c, len);

			put_code(out, one);
			free(one);
			c += len;
			if (*c == '|') {
				tl_buf_puts(out, ", ");
				c++;
			}
		}
		return;
	case TL_OPTION_STRING:
		break;
	}
	tl_buf_puts(out, "string");
}

static void put_options(tl_buf *out, const tl_option_def *opts)
{
	const tl_option_def *o;

	tl_buf_puts(out, "## Options\n\n");
	if (!opts || !opts->name) {
		tl_buf_puts(out, "This rule has no options.\n\n");
		return;
	}
	tl_buf_puts(out, "| Option | Type | Default | Description |\n"
	                 "|---|---|---|---|\n");
	for (o = opts; o->name; o++) {
		tl_buf_puts(out, "| ");
		put_code(out, o->name);
		tl_buf_puts(out, " | ");
		put_type(out, o);
		tl_buf_puts(out, " | ");
		if (o->default_value && *o->default_value)
			put_code(out, o->default_value);
		else
			tl_buf_puts(out, "(empty)");
		tl_buf_puts(out, " | ");
		put_cell(out, o->doc);
		tl_buf_puts(out, " |\n");
	}
	tl_buf_putc(out, '\n');
}

bool tl_rule_url(tl_buf *out, const char *name)
{
	if (!name || !tl_rule_find(name))
		return false;
	tl_buf_printf(out, "%s%s.md", TL_DOCS_URL, name);
	return true;
}

void tl_rule_doc(const tl_rule *rule, tl_buf *out)
{
	tl_buf_printf(out, "# %s\n\n", rule->name);
	if (rule->summary)
		tl_buf_printf(out, "%s\n\n", rule->summary);
	if (rule->summary_zh)
		tl_buf_printf(out, "%s\n\n", rule->summary_zh);

	tl_buf_printf(out, "- Default severity: `%s`\n",
	              tl_severity_name(rule->severity));
	if (rule->preset)
		tl_buf_printf(out, "- Enabled in: `%s`\n", rule->preset);
	else
		tl_buf_puts(out, "- Enabled in: no preset (enable it in the "
		                 "configuration)\n");
	tl_buf_printf(out, "- Fix: %s\n\n", fix_name(rule->fixable));

	if (rule->description)
		tl_buf_printf(out, "## What it flags\n\n%s\n\n",
		              rule->description);
	put_options(out, rule->options);
	tl_buf_puts(out, "## Fix safety\n\n");
	if (rule->fix_doc)
		tl_buf_printf(out, "%s\n\n", rule->fix_doc);
	else
		tl_buf_puts(out, "This rule has no fix.\n\n");

	if (rule->bad) {
		tl_buf_puts(out, "## Example\n\nFlagged:\n\n");
		put_block(out, rule->bad);
		if (rule->good) {
			tl_buf_puts(out, rule->fixable == TL_FIXABLE_NONE
			                     ? "\nCorrect:\n\n"
			                     : "\nFixed:\n\n");
			put_block(out, rule->good);
		}
	}
	/* One newline at the end, whatever came last. */
	while (out->len > 1 && out->data[out->len - 1] == '\n' &&
	       out->data[out->len - 2] == '\n')
		out->data[--out->len] = '\0';
}
