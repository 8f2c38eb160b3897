/*
 * test_resolver.c: the configuration resolver (config_resolve.c) that the
 * command line and the language server share: choices applied on top of
 * each file's configuration, and a watching resolver that loads a
 * configuration again when, and only when, a file it was read from
 * changed.
 */
#include "check.h"
#include "translint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Writes TEXT to PATH. */
static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		abort();
	}
	fputs(text, f);
	fclose(f);
}

/* A fresh folder under TMPDIR whose name is written to DIR. */
static void temp_folder(char *dir, size_t cap)
{
	const char *t = getenv("TMPDIR");
	snprintf(dir, cap, "%s/tl-resolver.XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		abort();
	}
}

static void remove_folder(const char *dir)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		abort();
}

TEST(watching_resolver_loads_once_until_a_file_changes)
{
	char dir[300], cfg_path[400], base_path[400], doc[400];
	temp_folder(dir, sizeof dir);
	snprintf(cfg_path, sizeof cfg_path, "%s/.translint.yml", dir);
	snprintf(base_path, sizeof base_path, "%s/base.yml", dir);
	snprintf(doc, sizeof doc, "%s/a.md", dir);
	put(base_path, "extends: []\nrules:\n  dash: warning\n");
	put(cfg_path, "extends: [base.yml]\nrules:\n  ellipsis: error\n");

	tl_error err;
	tl_resolver *r = tl_resolver_new(NULL, NULL, NULL, 0, true, &err);
	REQUIRE(r != NULL);
	const tl_config *c = tl_resolver_config(r, doc, &err);
	REQUIRE(c != NULL);
	CHECK(tl_config_severity(c, "ellipsis") == TL_SEVERITY_ERROR);
	CHECK(tl_config_severity(c, "dash") == TL_SEVERITY_WARNING);
	for (int i = 0; i < 50; i++)
		CHECK(tl_resolver_config(r, doc, &err) != NULL);
	CHECK_EQ_SIZE(tl_resolver_loads(r), 1);

	/* The file changes: loaded again, once. */
	put(cfg_path, "extends: [base.yml]\nrules:\n  ellipsis: info\n");
	c = tl_resolver_config(r, doc, &err);
	REQUIRE(c != NULL);
	CHECK(tl_config_severity(c, "ellipsis") == TL_SEVERITY_INFO);
	tl_resolver_config(r, doc, &err);
	CHECK_EQ_SIZE(tl_resolver_loads(r), 2);

	/* A file it extends changes: loaded again. */
	put(base_path, "extends: []\nrules:\n  dash: off\n");
	c = tl_resolver_config(r, doc, &err);
	REQUIRE(c != NULL);
	CHECK(tl_config_severity(c, "dash") == TL_SEVERITY_OFF);
	CHECK_EQ_SIZE(tl_resolver_loads(r), 3);

	/* A broken file: an error, kept until the file changes again. */
	put(cfg_path, "rules: {dash: off\n");
	CHECK(tl_resolver_config(r, doc, &err) == NULL);
	CHECK(strstr(err.message, "YAML syntax error") != NULL);
	CHECK(tl_resolver_config(r, doc, &err) == NULL);
	CHECK_EQ_SIZE(tl_resolver_loads(r), 4);
	put(cfg_path, "extends: []\nrules:\n  ellipsis: warning\n");
	c = tl_resolver_config(r, doc, &err);
	REQUIRE(c != NULL);
	CHECK(tl_config_severity(c, "ellipsis") == TL_SEVERITY_WARNING);

	/* The file goes away: the preset applies. */
	unlink(cfg_path);
	c = tl_resolver_config(r, doc, &err);
	REQUIRE(c != NULL);
	CHECK(c == tl_resolver_default(r));
	tl_resolver_free(r);
	remove_folder(dir);
}

/* The number of findings of RULE when C lints TEXT. */
static size_t findings(const tl_config *c, const char *rule, const char *text)
{
	tl_result *res = tl_lint(c, TL_LANG_EN, "a.md", text, strlen(text));
	size_t k = 0;
	for (size_t i = 0; i < res->ndiags; i++)
		k += strcmp(res->diags[i].rule, rule) == 0;
	tl_result_free(res);
	return k;
}

/* The glossary file is one of the files a configuration is read from: the
 * language server sees a change to it as it sees one to the
 * configuration. */
TEST(watching_resolver_reloads_a_changed_glossary)
{
	char dir[300], cfg_path[400], gl_path[400], doc[400];
	temp_folder(dir, sizeof dir);
	snprintf(cfg_path, sizeof cfg_path, "%s/.translint.yml", dir);
	snprintf(gl_path, sizeof gl_path, "%s/terms.yml", dir);
	snprintf(doc, sizeof doc, "%s/a.md", dir);
	put(gl_path, "- {term: fork, zh: 复刻, reject: [分叉]}\n");
	put(cfg_path, "extends: []\nglossary: terms.yml\n"
	              "rules: {glossary: on}\n");
	tl_error err;
	tl_resolver *r = tl_resolver_new(NULL, NULL, NULL, 0, true, &err);
	REQUIRE(r != NULL);
	const tl_config *c = tl_resolver_config(r, doc, &err);
	REQUIRE(c != NULL);
	CHECK_EQ_SIZE(findings(c, "glossary", "先分叉。\n"), 1);
	CHECK(tl_resolver_config(r, doc, &err) != NULL);
	CHECK_EQ_SIZE(tl_resolver_loads(r), 1);

	put(gl_path, "- {term: fork, zh: 分叉}\n");
	c = tl_resolver_config(r, doc, &err);
	REQUIRE(c != NULL);
	CHECK_EQ_SIZE(tl_resolver_loads(r), 2);
	CHECK_EQ_SIZE(findings(c, "glossary", "先分叉。\n"), 0);

	/* A broken glossary is the configuration's error. */
	put(gl_path, "- {term: fork}\n");
	CHECK(tl_resolver_config(r, doc, &err) == NULL);
	CHECK(strstr(err.message, "nothing to check") != NULL);
	tl_resolver_free(r);
	remove_folder(dir);
}

TEST(resolver_that_does_not_watch_trusts_what_it_loaded)
{
	char dir[300], cfg_path[400], doc[400];
	temp_folder(dir, sizeof dir);
	snprintf(cfg_path, sizeof cfg_path, "%s/.translint.yml", dir);
	snprintf(doc, sizeof doc, "%s/a.md", dir);
	put(cfg_path, "rules:\n  dash: error\n");
	tl_error err;
	tl_resolver *r = tl_resolver_new(NULL, NULL, NULL, 0, false, &err);
	REQUIRE(r != NULL);
	const tl_config *c = tl_resolver_config(r, doc, &err);
	REQUIRE(c != NULL);
	put(cfg_path, "rules:\n  dash: info\n");
	CHECK(tl_resolver_config(r, doc, &err) == c);
	CHECK(tl_config_severity(c, "dash") == TL_SEVERITY_ERROR);
	CHECK_EQ_SIZE(tl_resolver_loads(r), 1);
	tl_resolver_free(r);
	remove_folder(dir);
}

TEST(resolver_applies_choices_on_top)
{
	char dir[300], cfg_path[400], doc[400];
	temp_folder(dir, sizeof dir);
	snprintf(cfg_path, sizeof cfg_path, "%s/.translint.yml", dir);
	snprintf(doc, sizeof doc, "%s/a.md", dir);
	put(cfg_path, "rules:\n  custom:\n    - {id: mine, message: m, "
	              "pattern: x}\n");
	tl_rule_choice ch[] = {
	    {TL_CHOICE_SEVERITY, "dash", TL_SEVERITY_ERROR},
	    {TL_CHOICE_SELECT, "mine", TL_SEVERITY_OFF},
	    {TL_CHOICE_SELECT, "dash", TL_SEVERITY_OFF},
	};
	tl_error err;
	tl_resolver *r = tl_resolver_new(NULL, NULL, ch, 3, false, &err);
	REQUIRE(r != NULL);
	const tl_config *c = tl_resolver_config(r, doc, &err);
	REQUIRE(c != NULL);
	CHECK(tl_config_severity(c, "dash") == TL_SEVERITY_ERROR);
	CHECK(tl_config_severity(c, "mine") == TL_SEVERITY_WARNING);
	CHECK(tl_config_severity(c, "ellipsis") == TL_SEVERITY_OFF);
	CHECK(tl_resolver_names_known(r, &err));
	/* The preset does not know the custom rule. */
	CHECK(tl_resolver_config(r, "/nonexistent-folder/x.md", &err) == NULL);
	CHECK(strstr(err.message, "unknown rule 'mine'") != NULL);
	tl_resolver_free(r);
	remove_folder(dir);
}

int main(void)
{
	struct check_suite suite = {0};

	RUN(&suite, watching_resolver_loads_once_until_a_file_changes);
	RUN(&suite, watching_resolver_reloads_a_changed_glossary);
	RUN(&suite, resolver_that_does_not_watch_trusts_what_it_loaded);
	RUN(&suite, resolver_applies_choices_on_top);
	return check_finish(&suite);
}
