/*
 * glossary: a term rendered against the project's glossary (DESIGN.md
 * section 8.3). A translation project keeps a glossary so that one English
 * term reads the same in every article (LCTT: fork is 复刻, Pod is 容器荚);
 * reviewers check it by hand, entry by entry, and miss some.
 *
 * The glossary is a YAML file named by `glossary: FILE` in the
 * configuration (src/glossary.h says what it holds and how its terms
 * match); it is read and compiled when the configuration loads. This rule
 * flags a rendering the glossary rejects (分叉 for fork) wherever it
 * stands in the prose of the translation.
 *
 * Not flagged: a rejected rendering inside an accepted one of any entry
 * (a reject 容器 inside 容器荚), in code, URLs, link destinations, math,
 * inline HTML <code> or <kbd>, HTML comments and front matter; a Latin
 * rejected rendering inside English text (a title of the original quoted
 * in the translation, an English sentence): it is a citation there, not
 * a rendering.
 *
 * How it differs from terminology: terminology corrects the spelling of a
 * name that stays in English (Github → GitHub) from a built-in list, with
 * a safe fix; glossary checks the Chinese rendering of a term against the
 * project's own choices, and its fix (a rejected rendering replaced by the
 * one accepted rendering) is unsafe, since the same words may render
 * another term in that sentence.
 */
#include "glossary.h"
#include "rule.h"

#include <stdlib.h>
#include <string.h>

/* The run index of the character at text offset OFF (n at the end). */
static size_t char_at(const tl_run *run, size_t off)
{
	size_t lo = 0, hi = run->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (run->chars[mid].toff < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Are characters [I, J) plain prose: text, not a code span, a URL or
 * math (those are one U+FFFC each, which no needle holds, but a needle's
 * gap may step over a line break), and not inside code-like HTML? */
static bool prose(const tl_run *run, tl_run_html *html, size_t i, size_t j)
{
	for (size_t k = i; k < j; k++)
		if (run->chars[k].kind != TL_CHAR_TEXT &&
		    run->chars[k].kind != TL_CHAR_BREAK)
			return false;
	return !tl_run_html_in_code(html, i);
}

/* Is [S, E) of the run's text inside English text: a Latin needle in a
 * line, cell or link text that reads as English prose? */
static bool in_english(const tl_run *run, size_t i, tl_unit_cache *cache)
{
	tl_unit_span u;
	return tl_punct_unit(run, i, cache, &u) && u.english;
}

static void report(tl_check *ck, const tl_run *run, size_t i, size_t j,
                   const tl_gloss_entry *e)
{
	const tl_char *a = &run->chars[i], *b = &run->chars[j - 1];
	const char *src = run->doc->src->data + a->start;
	int len = (int)(b->end - a->start);
	tl_buf want = {0};
	tl_gloss_entry_renderings(e, tl_check_msg(ck, "\" or \"", "”或“"),
	                          &want);
	const char *msg = tl_check_msgf(
	    ck, "The glossary rejects \"%.*s\" for \"%s\"; write \"%s\"",
	    "术语表不用“%.*s”译“%s”，应写作“%s”", len, src, e->terms[0],
	    want.data);
	tl_buf_free(&want);
	/* One accepted rendering: offer it, as an unsafe fix (the same
	 * words may render another term here). */
	if (e->nzh == 1 && !e->keep_english && tl_run_editable(run, i, j)) {
		/* A Latin word rendered in Chinese loses the spaces that
		 * set it apart from Chinese text ("加入 whitelist，" ->
		 * "加入允许列表，"). */
		uint32_t cp;
		tl_utf8_decode(e->zh[0], strlen(e->zh[0]), &cp);
		size_t s = i, t = j;
		if (tl_char_is_cjk(cp) && !tl_run_is_cjk(run, i)) {
			if (tl_run_is_blank(run, i - 1) &&
			    tl_run_is_cjk_context(run, i - 2))
				s = i - 1;
			if (tl_run_is_blank(run, j) &&
			    tl_run_is_cjk_context(run, j + 1))
				t = j + 1;
			if (!tl_run_editable(run, s, t)) {
				s = i;
				t = j;
			}
		}
		tl_edit edit = {run->chars[s].start, run->chars[t - 1].end,
		                e->zh[0]};
		tl_fix fix = {TL_FIX_UNSAFE, &edit, 1};
		tl_check_report(ck, a->start, b->end, msg, &fix);
		return;
	}
	tl_check_report(ck, a->start, b->end, msg, NULL);
}

/* The accepted renderings found in RUN's text, as byte spans (caller
 * frees). */
static size_t accepted(const tl_glossary *g, const tl_run *run,
                       tl_gloss_hit **out)
{
	size_t n = 0, cap = 0;
	tl_gloss_hit *v = NULL, h;
	for (size_t from = 0; tl_glossary_find(g, TL_GLOSS_ZH, run->text,
	                                       run->text_len, from, &h);
	     from = h.end) {
		v = tl_grow(v, n, &cap, sizeof *v);
		v[n++] = h;
	}
	*out = v;
	return n;
}

static void check(tl_check *ck, const tl_run *run)
{
	const tl_glossary *g = tl_config_glossary(tl_check_config(ck));
	if (tl_glossary_needles(g, TL_GLOSS_REJECT) == 0)
		return;
	tl_gloss_hit h, *ok = NULL;
	size_t nok = 0, k = 0;
	bool have_ok = false;
	tl_run_html html;
	tl_run_html_init(&html, run);
	tl_unit_cache cache = {0};
	for (size_t from = 0; tl_glossary_find(g, TL_GLOSS_REJECT, run->text,
	                                       run->text_len, from, &h);
	     from = h.end) {
		if (!have_ok) {
			nok = accepted(g, run, &ok);
			have_ok = true;
		}
		while (k < nok && ok[k].end <= h.start)
			k++;
		if (k < nok && ok[k].start < h.end)
			continue; /* inside an accepted rendering */
		size_t i = char_at(run, h.start), j = char_at(run, h.end);
		if (i >= j || !prose(run, &html, i, j))
			continue;
		unsigned char first = (unsigned char)run->text[h.start];
		bool latin = (first | 0x20) >= 'a' && (first | 0x20) <= 'z';
		if (latin && in_english(run, i, &cache))
			continue;
		report(ck, run, i, j, tl_glossary_entry(g, h.entry));
	}
	free(ok);
}

const tl_rule tl_rule_glossary = {
    .name = "glossary",
    .summary = "Terms rendered as the project glossary says",
    .summary_zh = "术语按项目术语表翻译",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_UNSAFE,
    .options = NULL,
    .description =
        "Flags a rendering of a term that the project's glossary rejects "
        "(`分叉` where the glossary renders *fork* as `复刻`). The "
        "glossary is a YAML file named in the configuration, `glossary: "
        "FILE` (a path relative to the configuration file, or a list of "
        "them), a list of entries:\n\n"
        "```yaml\n"
        "- term: fork              # or a list: [repo, repository]\n"
        "  zh: 复刻                # or a list of accepted renderings\n"
        "  reject: [分叉]\n"
        "- term: shell\n"
        "  zh: 交互界面\n"
        "  keep-english: true      # \"shell\" may also stay in English\n"
        "```\n\n"
        "A configuration's glossary adds to the one of the files it "
        "extends; an entry sharing a term with an inherited one replaces "
        "it. The `lctt` preset ships LCTT's glossary (`rules/"
        "lctt.glossary.yml`, from LCTT's `Dict.md`). Mistakes in the file "
        "(an unknown key, a rendering both accepted and rejected, a term "
        "given twice) stop the run at their line and column, as other "
        "configuration errors do.\n\n"
        "Matching: English terms and Latin renderings without regard to "
        "case and as whole words (not inside a longer word, an "
        "identifier, a path or a domain), terms also in the plural "
        "(`forks`, `repositories`); Chinese renderings anywhere, Chinese "
        "having no word boundaries; a space in a term or rendering "
        "matches any spaces, line breaks or hyphens, or none (`live "
        "USB`, `live-usb`, `立付USB`).\n\n"
        "Why: a project's glossary is how one term reads the same in "
        "every article; reviewers check it by hand, entry by entry.\n\n"
        "Not flagged: a rejected rendering inside an accepted one (a "
        "reject `容器` inside `容器荚`); code, URLs, link destinations, "
        "math, inline HTML `<code>` and `<kbd>`, HTML comments and front "
        "matter; a Latin rejected rendering inside English text, such as "
        "the original's title quoted in a link, where it is a citation, "
        "not a rendering.\n\n"
        "How it differs from `terminology`: `terminology` corrects the "
        "spelling of a name that stays in English (`Github` → `GitHub`) "
        "from a built-in list; `glossary` checks how the translation "
        "renders the project's terms, against the project's own list.",
    .fix_doc = "Unsafe, and only when the entry has exactly one accepted "
               "rendering and may not stay in English: the rejected "
               "rendering is replaced by it. The same words may render "
               "another term in that sentence, and the grammar around "
               "them may need a change: review each one.",
    .description_zh =
        "标记项目术语表不接受的译法（术语表把 *fork* 译作 `复刻` 时的 "
        "`分叉`）。术语表是一个 YAML 文件，在配置中用 `glossary: FILE` "
        "指定（相对于配置文件的路径，也可以是路径列表），内容是条目列表："
        "\n\n"
        "```yaml\n"
        "- term: fork              # 也可以是列表：[repo, repository]\n"
        "  zh: 复刻                # 也可以是可接受译法的列表\n"
        "  reject: [分叉]\n"
        "- term: shell\n"
        "  zh: 交互界面\n"
        "  keep-english: true      # 也可以保留英文 \"shell\"\n"
        "```\n\n"
        "配置的术语表会加到它所继承（extends）的文件的术语表上；"
        "与继承条目有相同术语的条目会替换继承的条目。`lctt` 预设附带 "
        "LCTT 的术语表（`rules/lctt.glossary.yml`，取自 LCTT 的 "
        "`Dict.md`）。文件中的错误（未知的键、既被接受又被拒绝的译法、"
        "重复的术语）会像其他配置错误一样，在其行列处终止运行。\n\n"
        "匹配方式：英文术语和拉丁字母译法不区分大小写，按整词匹配"
        "（不在更长的单词、标识符、路径或域名之内），术语也匹配复数形式"
        "（`forks`、`repositories`）；中文译法在任何位置都匹配，"
        "因为中文没有词边界；术语或译法中的空格匹配任意空格、换行或连字符，"
        "也可以没有（`live USB`、`live-usb`、`立付USB`）。\n\n"
        "原因：术语表让同一个术语在每篇文章中读起来都一样；"
        "审校者要逐条人工核对。\n\n"
        "不标记：位于可接受译法之内的被拒译法（`容器荚` 中的被拒译法 "
        "`容器`）；代码、URL、链接目标、数学公式、行内 HTML 的 `<code>` "
        "和 `<kbd>`、HTML 注释和前置元数据；英文文本中的拉丁字母被拒译法，"
        "例如链接中引用的原文标题：那里是引用，不是译法。\n\n"
        "与 `terminology` 的区别：`terminology` 依据内置列表纠正保留英文的"
        "名称的拼写（`Github` → `GitHub`）；`glossary` "
        "依据项目自己的列表检查译文如何翻译项目的术语。",
    .fix_doc_zh = "不安全，且仅当条目恰有一个可接受译法、且不允许保留英文时"
                  "提供：把被拒译法替换为该译法。这些字在句中可能译的是"
                  "别的术语，周围的语法也可能需要调整：请逐条检查。",
    .bad = "先在 GitHub 上分叉这个项目。\n",
    .good = "先在 GitHub 上复刻这个项目。\n",
    .example_config = "glossary:\n"
                      "  - {term: fork, zh: 复刻, reject: [分叉]}\n",
    .check_run = check,
};
