/*
 * test_rule_options.c: the options of space-cjk-code, quote-style and
 * terminology, set through the library (tl_config_set_option, which
 * takes a value as a configuration file writes it), and the embedded
 * term list. The fixtures cover the defaults; these cases cover
 * what only a configuration turns on.
 */
#include "check.h"
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A configuration with only RULE on, and option OPT set to VALUE (when
 * OPT is not NULL). */
static tl_config *only(const char *rule, const char *opt, const char *value)
{
	tl_error err;
	tl_config *cfg = tl_config_preset("recommended", &err);
	size_t n;
	const tl_rule *const *rules = tl_rules(&n);
	for (size_t i = 0; i < n; i++)
		tl_config_set_severity(cfg, rules[i]->name,
		                       strcmp(rules[i]->name, rule) == 0
		                           ? rules[i]->severity
		                           : TL_SEVERITY_OFF);
	if (opt && !tl_config_set_option(cfg, rule, opt, value, &err)) {
		fprintf(stderr, "# %s\n", err.message);
		abort();
	}
	return cfg;
}

/* The number of findings of the configuration on TEXT. */
static size_t count(const tl_config *cfg, const char *text)
{
	tl_result *res = tl_lint(cfg, TL_LANG_EN, "t.md", text, strlen(text));
	size_t n = res->ndiags;
	tl_result_free(res);
	return n;
}

/* TEXT after the safe fixes (a copy of TEXT when nothing changes); the
 * caller frees it. */
static char *fixed(const tl_config *cfg, const char *text)
{
	size_t len;
	char *out = tl_fix_document(cfg, TL_LANG_EN, "t.md", text, strlen(text),
	                            false, &len, NULL);
	if (!out)
		return tl_xstrdup(text);
	char *s = tl_xstrndup(out, len);
	free(out);
	return s;
}

#define CHECK_FIX(cfg, in, want)                                               \
	do {                                                                   \
		char *got_ = fixed((cfg), (in));                               \
		CHECK_EQ_STR(got_, (want));                                    \
		free(got_);                                                    \
	} while (0)

TEST(quote_style_corner)
{
	tl_config *cfg = only("quote-style", "style", "corner");
	CHECK_FIX(cfg, "他说“这叫‘热重载’”。\n", "他说「这叫『热重载』」。\n");
	CHECK_FIX(cfg, "他说\"好\"。\n", "他说「好」。\n");
	/* English quotes in an English sentence stay curly. */
	CHECK_EQ_SIZE(count(cfg, "He said “hello” to me.\n"), 0);
	/* Corner quotes are the style. */
	CHECK_EQ_SIZE(count(cfg, "文档称之为「实时预览」。\n"), 0);
	tl_config_free(cfg);
}

TEST(quote_style_curly_default)
{
	tl_config *cfg = only("quote-style", NULL, NULL);
	CHECK_FIX(cfg, "文档称之为「实时『预览』」。\n",
	          "文档称之为“实时‘预览’”。\n");
	CHECK_EQ_SIZE(count(cfg, "他说“这叫‘热重载’”。\n"), 0);
	tl_config_free(cfg);
}

TEST(space_cjk_code_forbid)
{
	tl_config *cfg = only("space-cjk-code", "style", "forbid");
	CHECK_FIX(cfg, "使用 `go` 命令。\n", "使用`go`命令。\n");
	CHECK_EQ_SIZE(count(cfg, "使用`go`命令，`x`。\n"), 0);
	/* A space next to emphasis markup is reported but kept: deleting it
	 * would stop "**" from opening. */
	CHECK_EQ_SIZE(count(cfg, "运行 **`x`** 看看。\n"), 2);
	CHECK_FIX(cfg, "运行 **`x`** 看看。\n", "运行 **`x`** 看看。\n");
	tl_config_free(cfg);
}

TEST(terminology_builtin)
{
	tl_config *cfg = only("terminology", NULL, NULL);
	CHECK_FIX(cfg, "托管在 Github 上。\n", "托管在 GitHub 上。\n");
	CHECK_EQ_SIZE(count(cfg, "托管在 GitHub 上。\n"), 0);
	tl_config_free(cfg);
}

TEST(terminology_add)
{
	tl_config *cfg = only("terminology", "add",
	                      "{Kubernetes: [k8s?, '[Kk]ubernates'], "
	                      "Foo Bar: '(?i)foo ?bar', GitHub: GitHUB}");
	CHECK_FIX(
	    cfg, "部署到 k8s 和 k8 集群，Foobar 与 Foo Bar。\n",
	    "部署到 Kubernetes 和 Kubernetes 集群，Foo Bar 与 Foo Bar。\n");
	/* Whole words only, and not between Latin words. */
	CHECK_EQ_SIZE(count(cfg, "运行 k8s-setup 和 mk8s，见 /opt/k8s。\n"), 0);
	/* An added term wins over the built-in spelling of the same text. */
	CHECK_FIX(cfg, "托管在 GitHUB 上。\n", "托管在 GitHub 上。\n");
	tl_config_free(cfg);
}

/* A pattern that does not compile is refused when the configuration is
 * set up, with where it went wrong; the configuration keeps what it had. */
TEST(terminology_add_bad_pattern)
{
	tl_config *cfg = only("terminology", NULL, NULL);
	tl_error err;
	CHECK(!tl_config_set_option(cfg, "terminology", "add",
	                            "{Foo: 'fo(o', Bar: b}", &err));
	CHECK(strstr(err.message,
	             "option 'add' of rule terminology: invalid "
	             "pattern: missing closing parenthesis") != NULL);
	CHECK_EQ_SIZE(err.line, 1);
	CHECK_EQ_SIZE(err.column, 12); /* just past the end of fo(o */
	CHECK_EQ_SIZE(count(cfg, "部署到 k8s 集群。\n"), 0);
	tl_config_free(cfg);
}

/* Options are typed: a map is not a list, a list not a pattern. */
TEST(option_types)
{
	tl_config *cfg = only("front-matter", NULL, NULL);
	tl_error err;
	CHECK(!tl_config_set_option(cfg, "front-matter", "fields",
	                            "[cover=url]", &err));
	CHECK(strstr(err.message, "must be a map") != NULL);
	CHECK(tl_config_set_option(cfg, "front-matter", "required",
	                           "[title, cover]", &err));
	CHECK(!tl_config_set_option(cfg, "attribution", "pattern", "[a, b]",
	                            &err));
	CHECK(!tl_config_set_option(cfg, "front-matter", "nope", "1", &err));
	tl_config_free(cfg);
}

int main(void)
{
	struct check_suite suite = {0};

	RUN(&suite, quote_style_corner);
	RUN(&suite, quote_style_curly_default);
	RUN(&suite, space_cjk_code_forbid);
	RUN(&suite, terminology_builtin);
	RUN(&suite, terminology_add);
	RUN(&suite, terminology_add_bad_pattern);
	RUN(&suite, option_types);
	return check_finish(&suite);
}
