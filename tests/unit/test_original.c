/*
 * test_original.c: tl_lint_with_original, the library's way to lint a
 * translation with its original (DESIGN.md section 8), as the command
 * line, the language server and the finding of originals from source:
 * mappings call it: no original is tl_lint, a required original that
 * was not found is a source-missing error carrying why, a source rule's
 * finding carries its place in the original, others carry none.
 */
#include "check.h"
#include "internal.h"

#include <string.h>

static const char *const orig_text = "# Backups\n\nInstall `restic` 0.16 "
                                     "first.\n\nA paragraph the translator "
                                     "dropped.\n\nThen run `restic init`.\n";
static const char *const trans_text = "# 备份\n\n先安装 `restic` 0.16。\n\n"
                                      "然后运行 `restic init`。\n";

static tl_config *translation(void)
{
	tl_error err;
	return tl_config_preset("translation", &err);
}

static size_t count(const tl_result *res, const char *rule)
{
	size_t k = 0;
	for (size_t i = 0; i < res->ndiags; i++)
		k += strcmp(res->diags[i].rule, rule) == 0;
	return k;
}

TEST(no_original_is_tl_lint)
{
	tl_config *cfg = translation();
	tl_result *a =
	    tl_lint(cfg, TL_LANG_EN, "zh.md", trans_text, strlen(trans_text));
	tl_result *b = tl_lint_with_original(
	    cfg, TL_LANG_EN, "zh.md", trans_text, strlen(trans_text), NULL);
	REQUIRE(a->ndiags == b->ndiags);
	for (size_t i = 0; i < a->ndiags; i++) {
		CHECK_EQ_STR(a->diags[i].rule, b->diags[i].rule);
		CHECK_EQ_SIZE(a->diags[i].start, b->diags[i].start);
		CHECK_EQ_SIZE(b->diags[i].orig_start, TL_NONE);
	}
	CHECK(b->original == NULL);
	tl_result_free(a);
	tl_result_free(b);
	tl_config_free(cfg);
}

TEST(dropped_paragraph_has_its_place_in_the_original)
{
	tl_config *cfg = translation();
	tl_original orig = {"en.md", orig_text, strlen(orig_text), false, NULL};
	tl_result *res = tl_lint_with_original(
	    cfg, TL_LANG_EN, "zh.md", trans_text, strlen(trans_text), &orig);
	REQUIRE(res->original != NULL);
	CHECK_EQ_STR(res->original->path, "en.md");
	size_t found = 0;
	for (size_t i = 0; i < res->ndiags; i++) {
		const tl_diag *d = &res->diags[i];
		if (strcmp(d->rule, "source-missing") != 0) {
			CHECK_EQ_SIZE(d->orig_start, TL_NONE);
			continue;
		}
		found++;
		const char *want = strstr(orig_text, "A paragraph");
		CHECK_EQ_SIZE(d->orig_start, (size_t)(want - orig_text));
		CHECK_EQ_SIZE(
		    d->orig_end,
		    (size_t)(want - orig_text) +
		        strlen("A paragraph the translator dropped."));
	}
	CHECK_EQ_SIZE(found, 1);
	tl_result_free(res);
	tl_config_free(cfg);
}

TEST(required_original_not_found_is_an_error)
{
	tl_config *cfg = translation();
	tl_original orig = {"sources/a.md", NULL, 0, true,
	                    "no file sources/a.md at base"};
	tl_result *res = tl_lint_with_original(
	    cfg, TL_LANG_EN, "zh.md", trans_text, strlen(trans_text), &orig);
	REQUIRE(count(res, "source-missing") == 1);
	for (size_t i = 0; i < res->ndiags; i++) {
		const tl_diag *d = &res->diags[i];
		if (strcmp(d->rule, "source-missing") != 0)
			continue;
		CHECK(d->severity == TL_SEVERITY_ERROR);
		CHECK_EQ_SIZE(d->start, 0);
		CHECK(strstr(d->message, "no file sources/a.md at base") !=
		      NULL);
	}
	CHECK(res->original == NULL);
	tl_result_free(res);

	/* Not required: silent. */
	orig.required = false;
	res = tl_lint_with_original(cfg, TL_LANG_EN, "zh.md", trans_text,
	                            strlen(trans_text), &orig);
	CHECK_EQ_SIZE(count(res, "source-missing"), 0);
	tl_result_free(res);
	tl_config_free(cfg);
}

TEST(source_rules_off_make_no_alignment)
{
	tl_error err;
	tl_config *cfg = tl_config_preset("recommended", &err);
	tl_original orig = {"en.md", orig_text, strlen(orig_text), false, NULL};
	tl_result *res = tl_lint_with_original(
	    cfg, TL_LANG_EN, "zh.md", trans_text, strlen(trans_text), &orig);
	CHECK(res->original != NULL); /* kept for output all the same */
	CHECK(res->alignment == NULL);
	tl_result_free(res);
	tl_config_free(cfg);
}

int main(void)
{
	struct check_suite suite = {0};
	RUN(&suite, no_original_is_tl_lint);
	RUN(&suite, dropped_paragraph_has_its_place_in_the_original);
	RUN(&suite, required_original_not_found_is_an_error);
	RUN(&suite, source_rules_off_make_no_alignment);
	return check_finish(&suite);
}
