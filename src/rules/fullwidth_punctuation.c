/*
 * fullwidth-punctuation: half-width punctuation in Chinese text
 * ("下一步, 计算", "成本(费用)").
 *
 * Chinese text takes full-width marks: the Chinese copywriting
 * guidelines that AutoCorrect and lint-md follow, and the national
 * standard GB/T 15834, ask for ，。；：！？ and （）. Translators typing on
 * an English keyboard leave half-width marks behind, and they read as
 * cramped Latin punctuation inside a Chinese sentence.
 *
 * A mark is flagged only in CJK context (DESIGN section 1): the nearest
 * telling character before it is CJK (rule.h says what is looked
 * through), or, when nothing stands before it, the one after it. A mark
 * between two Latin letters or digits ("4.15", "AI.dev", "1,000", "a:b")
 * never is, and so an English title or sentence inside a Chinese article
 * keeps its marks. A clause mark typed between a Latin word and CJK with
 * no space ("使用 postman,或者") is Chinese too: English would put a space
 * after it. A "." is flagged only where it ends a sentence: not before a
 * letter (".NET", "配置.yaml"), not in "..." (the ellipsis rule's
 * business), not between two ideographs, where it as often joins the
 * parts of a transliterated name ("拉里.佩奇"). Parentheses are flagged as
 * a pair, and only when the text they enclose holds CJK and the pair does
 * not stand in Latin text. Marks and parentheses next to a bare URL are
 * left alone: GitHub's autolinker would swallow a full-width mark into
 * the link.
 */
#include "rule.h"

static const char *fullwidth_of(uint32_t c)
{
	switch (c) {
	case ',':
		return "，";
	case '.':
		return "。";
	case ';':
		return "；";
	case ':':
		return "：";
	case '!':
		return "！";
	case '?':
		return "？";
	case '(':
		return "（";
	case ')':
		return "）";
	default:
		return NULL;
	}
}

static bool is_ascii_punct(uint32_t c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
	       (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

/* Is character I of RUN ASCII punctuation other than the quotes and
 * brackets in ALLOWED? Used to leave marks in a cluster ("?!", ":-)",
 * "!=") alone: such clusters are not a Chinese sentence mark mistyped. */
static bool punct_neighbour(const tl_run *run, size_t i, const char *allowed)
{
	if (i >= run->n || run->chars[i].kind != TL_CHAR_TEXT)
		return false;
	uint32_t c = run->chars[i].cp;
	if (!is_ascii_punct(c))
		return false;
	for (const char *a = allowed; *a; a++)
		if ((uint32_t)(unsigned char)*a == c)
			return false;
	return true;
}

/* CJK numerals, which number headings and list items ("一." for "一、"):
 * a "." after them is not a sentence end and "。" would be wrong. */
/* Does the "." at I number something ("一.", "第二.") at the start of a
 * line? */
static bool is_ordinal(const tl_run *run, size_t i)
{
	size_t k = i;
	while (k > 0 && run->chars[k - 1].kind == TL_CHAR_TEXT &&
	       tl_char_is_cjk_numeral(run->chars[k - 1].cp))
		k--;
	if (k == i)
		return false;
	if (k > 0 && tl_run_is_cp(run, k - 1, 0x7B2C /* 第 */))
		k--;
	return k == 0 || run->chars[k - 1].kind == TL_CHAR_BREAK ||
	       run->chars[k - 1].kind == TL_CHAR_SEP ||
	       tl_run_is_blank(run, k - 1);
}

/* The quote next to I in direction DIR, past at most two spaces, or 0. */
static uint32_t quote_beside(const tl_run *run, size_t i, int dir)
{
	size_t k = i;
	for (int steps = 0; steps < 3; steps++) {
		if (dir < 0 ? k == 0 : k + 1 >= run->n)
			return 0;
		k = dir < 0 ? k - 1 : k + 1;
		if (run->chars[k].kind != TL_CHAR_TEXT)
			return 0;
		if (tl_run_is_blank(run, k))
			continue;
		uint32_t c = run->chars[k].cp;
		bool quote = c == '"' || c == '\'' || c == 0x201C ||
		             c == 0x201D || c == 0x2018 || c == 0x2019 ||
		             (c >= 0x300C && c <= 0x300F);
		return quote ? c : 0;
	}
	return 0;
}

static bool opens(uint32_t c)
{
	return c == 0x201C || c == 0x2018 || c == 0x300C || c == 0x300E;
}

static bool closes(uint32_t c)
{
	return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F;
}

/* Is character I the letter of a smiley after ":" (":p", ":D"): one of
 * them, alone before a space, a mark or the end? */
static bool smiley_letter(const tl_run *run, size_t i)
{
	if (i >= run->n || run->chars[i].kind != TL_CHAR_TEXT)
		return false;
	uint32_t c = run->chars[i].cp;
	if (c != 'p' && c != 'P' && c != 'D' && c != 'o' && c != 'O')
		return false;
	return i + 1 >= run->n || !tl_run_is_alnum(run, i + 1);
}

/* Is the mark at I quoted on its own ("末尾的 “.”", "输入 ','", "加 \". \"")?
 * Then it is the character being talked about. A "." between mis-ordered
 * quotes ("携带”.“号") is too; a comma there separates two quotations
 * ("“好”,“行”"). */
static bool quoted(const tl_run *run, size_t i)
{
	uint32_t a = quote_beside(run, i, -1), b = quote_beside(run, i, 1);
	if (!a || !b)
		return false;
	if ((a == '"' || a == '\'') && b == a)
		return true;
	return (opens(a) && closes(b)) ||
	       (run->chars[i].cp == '.' && closes(a) && opens(b));
}

/* Is the mark at I one of the separators of a token list written without
 * spaces, whose other separators stand between letters or digits
 * ("a=1,b=2,c不存在,e=0,f=0")? It belongs to the list, not to the Chinese
 * sentence around it. */
static bool in_token_list(const tl_run *run, size_t i)
{
	uint32_t cp = run->chars[i].cp;
	for (int dir = -1; dir <= 1; dir += 2) {
		size_t k = i;
		for (int steps = 0; steps < 10; steps++) {
			if (dir < 0 ? k == 0 : k + 1 >= run->n)
				break;
			k = dir < 0 ? k - 1 : k + 1;
			const tl_char *c = &run->chars[k];
			if (c->kind != TL_CHAR_TEXT ||
			    (c->cls & TL_CLS_SPACE) || (c->cls & TL_CLS_CJK) ||
			    (c->cls & TL_CLS_CJK_PUNCT))
				break;
			if (c->cp == cp && k > 0 &&
			    tl_run_is_alnum(run, k - 1) &&
			    tl_run_is_alnum(run, k + 1))
				return true;
		}
	}
	return false;
}

/* Does the "." at I end a sentence? It must not belong to "..." and must
 * be followed by the end of the run, a space, a line break, CJK or a
 * closing quote or bracket, never by a letter or digit (".NET", "x.md"). */
static bool ends_sentence(const tl_run *run, size_t i)
{
	if (i > 0 && tl_run_is_cp(run, i - 1, '.'))
		return false;
	/* A sentence ends after a word: a "." with a space or nothing
	 * before it is the character itself ("### 6、 . 和 ..", the
	 * current folder). */
	if (i == 0 || tl_run_is_blank(run, i - 1) ||
	    run->chars[i - 1].kind == TL_CHAR_BREAK ||
	    run->chars[i - 1].kind == TL_CHAR_SEP)
		return false;
	if (i + 1 >= run->n)
		return true;
	const tl_char *c = &run->chars[i + 1];
	if (c->kind == TL_CHAR_BREAK || c->kind == TL_CHAR_SEP)
		return true;
	if (c->kind != TL_CHAR_TEXT)
		return false;
	uint32_t cp = c->cp;
	/* Between two ideographs a "." also joins the parts of a
	 * transliterated name ("拉里.佩奇"), where "。" would be wrong. */
	if ((c->cls & TL_CLS_CJK) && i > 0 && tl_run_is_cjk(run, i - 1))
		return false;
	return (c->cls & (TL_CLS_SPACE | TL_CLS_CJK | TL_CLS_CJK_PUNCT)) ||
	       cp == '"' || cp == '\'' || cp == ')' || cp == ']';
}

/* Is character I a full-width mark that ends or splits a sentence? */
static bool cjk_sentence_mark(const tl_run *run, size_t i)
{
	if (i >= run->n || run->chars[i].kind != TL_CHAR_TEXT)
		return false;
	switch (run->chars[i].cp) {
	case 0xFF0C: /* ， */
	case 0x3002: /* 。 */
	case 0x3001: /* 、 */
	case 0xFF1B: /* ； */
	case 0xFF1A: /* ： */
	case 0xFF01: /* ！ */
	case 0xFF1F: /* ？ */
		return true;
	default:
		return false;
	}
}

/* Is the mark at I glued to the word after it and to no word before it
 * ("!important", "vim 的 :n 命令", "、!n")? Then it is part of that
 * word, a prefix of CSS, vim or the shell, not sentence punctuation,
 * which follows the word it ends. A "!" before a Latin letter is one
 * even right after CJK ("和!important"): no sentence puts it there. */
static bool is_prefix(const tl_run *run, size_t i)
{
	if (!tl_run_is_alnum(run, i + 1))
		return false;
	if (i == 0)
		return true;
	const tl_char *b = &run->chars[i - 1];
	if (b->kind == TL_CHAR_TEXT && (b->cls & (TL_CLS_LATIN | TL_CLS_DIGIT)))
		return false;
	if (run->chars[i].cp == '!' && (run->chars[i + 1].cls & TL_CLS_LATIN))
		return true;
	return !(b->kind == TL_CHAR_TEXT && (b->cls & TL_CLS_CJK));
}

static void check_mark(tl_check *ck, const tl_run *run, size_t i,
                       const char **msgfmt)
{
	uint32_t c = run->chars[i].cp;
	const char *full = fullwidth_of(c);
	/* Next to a full-width sentence mark ("链接:：", "更多！!", "标准,。")
	 * the mark is one of a cluster: made full-width it would be a
	 * repeated mark, which is repeated-punctuation's business. */
	if ((i > 0 && cjk_sentence_mark(run, i - 1)) ||
	    cjk_sentence_mark(run, i + 1))
		return;
	if (is_prefix(run, i) || tl_run_is_vim_command(run, i))
		return;
	if (c == '.' && (!ends_sentence(run, i) || is_ordinal(run, i)))
		return;
	/* ";)", ":)" and ": )" are smileys, not a clause mark before a
	 * bracket. */
	bool colon = c == ':' || c == ';';
	if (punct_neighbour(run, i + 1, colon ? "\"'" : "\"')]"))
		return;
	if (colon &&
	    ((tl_run_is_blank(run, i + 1) && tl_run_is_cp(run, i + 2, ')')) ||
	     smiley_letter(run, i + 1)))
		return;
	if (i > 0 && punct_neighbour(run, i - 1, "\"')]"))
		return;
	if (quoted(run, i) || in_token_list(run, i))
		return;
	/* Written between a Latin word and CJK with no space ("使用
	 * postman,或者"), a clause mark is Chinese too: English puts a space
	 * after it. Not "." ("图5.代理", "1.客户端" number things), nor "!",
	 * which ends names ("Yahoo!网站"). */
	bool joined = c != '.' && c != '!' && i > 0 &&
	              tl_run_is_alnum(run, i - 1) && i + 1 < run->n &&
	              tl_run_is_cjk(run, i + 1);
	if (!joined && !tl_punct_in_cjk(run, i, i + 1))
		return;
	if (!*msgfmt)
		*msgfmt = tl_check_msg(ck,
		                       "Half-width '%c' in Chinese text: use "
		                       "'%s'",
		                       "中文语境中的半角“%c”应为全角“%s”");
	tl_report_replace(ck, run, i, i + 1, full,
	                  tl_check_printf(ck, *msgfmt, (char)c, full));
}

/* A pair of half-width parentheses around text that holds CJK. A pair of
 * one half-width and one full-width mark is left to quote-pairing: the
 * half-width one is as often a smiley's (":-)") as a typo. */
static void check_pair(tl_check *ck, const tl_run *run, size_t o, size_t c)
{
	if (run->chars[o].cp != '(' || run->chars[c].cp != ')')
		return;
	/* Next to a bare URL the pair stays ASCII: GitHub's autolinker
	 * takes "https://x.org）" whole, and sees no link in "（https://". */
	if ((o > 0 && run->chars[o - 1].kind == TL_CHAR_URL) ||
	    run->chars[o + 1].kind == TL_CHAR_URL ||
	    run->chars[c - 1].kind == TL_CHAR_URL)
		return;
	if (!tl_run_editable(run, o, o + 1) || !tl_run_editable(run, c, c + 1))
		return;
	tl_side before = tl_punct_side(run, o, -1);
	tl_side after = tl_punct_side(run, c, 1);
	if (before.kind != TL_SIDE_CJK && after.kind != TL_SIDE_CJK &&
	    (before.kind == TL_SIDE_LATIN || after.kind == TL_SIDE_LATIN ||
	     before.kind == TL_SIDE_URL))
		return;
	tl_edit edits[2] = {
	    {run->chars[o].start, run->chars[o].end, "（"},
	    {run->chars[c].start, run->chars[c].end, "）"},
	};
	tl_fix fix = {TL_FIX_SAFE, edits, 2};
	tl_check_report(ck, run->chars[o].start, run->chars[c].end,
	                tl_check_msg(ck,
	                             "Half-width parentheses around Chinese "
	                             "text: use '（）'",
	                             "中文内容的括号应为全角“（）”"),
	                &fix);
}

/* Characters an English gloss in parentheses is made of: letters,
 * digits, spaces and the marks of names and abbreviations ("BLE",
 * "Bluetooth Low Energy", "v1.2", "TCP/IP", "R&D"). A smiley ("T_T",
 * "^_^") or code ("a=b", "a+b", "x;y") has others. */
static bool gloss_char(const tl_run *run, size_t i)
{
	if (!tl_run_is_text(run, i))
		return false;
	uint32_t c = run->chars[i].cp;
	return tl_run_is_alnum(run, i) || c == ' ' || c == '.' || c == '-' ||
	       c == '/' || c == ',' || c == '&' || c == '\'' || c == 0x2019 ||
	       c == ':' || c == '#' || c == '%';
}

/* A pair of half-width parentheses around Latin text, glued on the
 * outside to Chinese: a CJK ideograph right before "(" and a CJK
 * character or mark right after ")" (or the end of the line):
 * "蓝牙低功耗(BLE)功能" is "蓝牙低功耗（BLE）功能" in Chinese typography.
 * A call "foo()" has a Latin word before it, English "(see below)" a
 * space, a list marker "(1)" nothing; a smiley's inside is not a gloss. */
static void check_glued_pair(tl_check *ck, const tl_run *run, size_t o,
                             size_t c)
{
	if (run->chars[o].cp != '(' || run->chars[c].cp != ')' || c < o + 2 ||
	    c - o > 64 || o == 0 || !tl_run_is_cjk(run, o - 1))
		return;
	bool end = c + 1 >= run->n || run->chars[c + 1].kind == TL_CHAR_BREAK;
	if (!end && !tl_run_is_cjk_context(run, c + 1))
		return;
	if (!tl_run_is_alnum(run, o + 1) || !tl_run_is_alnum(run, c - 1))
		return;
	for (size_t k = o + 1; k < c; k++)
		if (!gloss_char(run, k))
			return;
	if (!tl_run_editable(run, o, o + 1) || !tl_run_editable(run, c, c + 1))
		return;
	tl_edit edits[2] = {
	    {run->chars[o].start, run->chars[o].end, "（"},
	    {run->chars[c].start, run->chars[c].end, "）"},
	};
	tl_fix fix = {TL_FIX_SAFE, edits, 2};
	tl_check_report(ck, run->chars[o].start, run->chars[c].end,
	                tl_check_msg(ck,
	                             "Half-width parentheses in Chinese text: "
	                             "use '（）'",
	                             "中文中的括号应为全角“（）”"),
	                &fix);
}

/* Is the ")" at I the mouth of a smiley (":)", ";-)", "=)")? */
static bool smiley(const tl_run *run, size_t i)
{
	size_t k = i;
	if (k > 0 && tl_run_is_cp(run, k - 1, '-'))
		k--;
	return k > 0 &&
	       (tl_run_is_cp(run, k - 1, ':') ||
	        tl_run_is_cp(run, k - 1, ';') || tl_run_is_cp(run, k - 1, '='));
}

/* Open parentheses waiting for their partner. Deeper nesting than this is
 * not prose; it is dropped. */
#define MAX_OPEN 32

/* Does a CJK ideograph of prose stand between characters O and C? */
static bool cjk_between(const tl_run *run, size_t o, size_t c)
{
	for (size_t k = o + 1; k < c; k++)
		if (tl_run_is_cjk(run, k))
			return true;
	return false;
}

static void check(tl_check *ck, const tl_run *run)
{
	/* A mark is flagged in CJK context only (a CJK character or a
	 * CJK-only mark beside it), and a pair of parentheses only around
	 * CJK. */
	if (!(run->cls_any & (TL_CLS_CJK | TL_CLS_CJK_PUNCT)))
		return;
	bool parens = tl_run_has_ascii(run, '(') && tl_run_has_ascii(run, ')');
	/* Nothing to flag without one of the marks or both parentheses. */
	if (!parens && !tl_run_has_ascii(run, ',') &&
	    !tl_run_has_ascii(run, '.') && !tl_run_has_ascii(run, ';') &&
	    !tl_run_has_ascii(run, ':') && !tl_run_has_ascii(run, '!') &&
	    !tl_run_has_ascii(run, '?'))
		return;
	/* Jump from one character that matters to the next in the text:
	 * the marks, the parentheses and '|' (a table cell separator resets
	 * them). The full-width parentheses (lead byte 0xEF) only pair up
	 * the half-width ones, so they matter only when both of those
	 * occur. */
	const char *set = parens && (tl_run_may_have(run, 0xFF08) ||
	                             tl_run_may_have(run, 0xFF09))
	                      ? ",.;:!?()|\xEF"
	                      : ",.;:!?()|";
	const char *msgfmt = NULL;
	size_t open[MAX_OPEN];
	size_t nopen = 0, at = 0;
	for (size_t p = 0;; p++) {
		p = tl_run_text_find(run, p, set);
		if (p >= run->text_len)
			break;
		size_t i = tl_run_char_at(run, at, p);
		at = i;
		const tl_char *ch = &run->chars[i];
		if (ch->kind == TL_CHAR_SEP) {
			nopen = 0;
			continue;
		}
		if (ch->kind != TL_CHAR_TEXT)
			continue;
		uint32_t c = ch->cp;
		if (c == '(' || c == 0xFF08) {
			if (nopen < MAX_OPEN)
				open[nopen] = i;
			nopen++;
		} else if (c == ')' || c == 0xFF09) {
			if (nopen == 0 || smiley(run, i))
				continue;
			nopen--;
			if (nopen < MAX_OPEN &&
			    cjk_between(run, open[nopen], i))
				check_pair(ck, run, open[nopen], i);
			else if (nopen < MAX_OPEN)
				check_glued_pair(ck, run, open[nopen], i);
		} else if (fullwidth_of(c)) {
			check_mark(ck, run, i, &msgfmt);
		}
	}
}

const tl_rule tl_rule_fullwidth_punctuation = {
    .name = "fullwidth-punctuation",
    .summary = "Full-width punctuation in Chinese text",
    .summary_zh = "中文语境使用全角标点",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_SAFE,
    .options = NULL,
    .description =
        "Flags half-width `, . ; : ! ?` in CJK context (`下一步, 计算`) and "
        "half-width parentheses around text that holds CJK "
        "(`成本(费用)`).\n\n"
        "A mark is in CJK context when the nearest character before it "
        "that tells a script is CJK; spaces, quotes, brackets, dashes, "
        "ellipses and inline code are looked past. At the start of a "
        "line the character after it decides. A mark between two Latin "
        "letters or digits (`4.15`, `AI.dev`, `.NET`, `1,000`, `a:b`) is "
        "never in CJK context, so English titles and sentences quoted in "
        "a Chinese article (`[Open Models: Not Stymied Yet](…)`) keep "
        "their marks. A `, ; : ! ?` typed between a Latin word and CJK "
        "with no space (`使用 postman,或者`) is flagged too.\n\n"
        "A `.` is flagged only where it ends a sentence: not before a "
        "letter or digit (`配置.yaml`), not in `...` (see `ellipsis`), not "
        "between two ideographs (`拉里.佩奇` joins a name), not after a "
        "CJK numeral that numbers a line (`一.`). Parentheses are flagged "
        "as a pair, when the enclosed text holds CJK and the pair "
        "does not stand between Latin words, or when it encloses an "
        "English gloss glued to Chinese on the outside (`蓝牙低功耗(BLE)功能` "
        "→ `蓝牙低功耗（BLE）功能`): a CJK ideograph right before `(`, CJK "
        "or the end of the line right after `)`, and inside only letters, "
        "digits, spaces and the marks of names (`.-/,&':#%`), starting "
        "and ending with a letter or digit. A call `foo()`, English "
        "`(see below)`, a list marker `(1)` and a smiley `(T_T)` stay.\n\n"
        "Not flagged either: a mark quoted on its own (`末尾的 “.”`), "
        "a separator of a token list written without spaces "
        "(`a=1,b=2,c不存在,e=0,f=0`), "
        "marks in a cluster of ASCII punctuation and smileys (`?!`, "
        "`;)`, `:-)`, `: )`, `:p`), marks next to a full-width sentence "
        "mark (`链接:：`, `更多！!`: full-width, they would be a repeated "
        "mark), a mark glued to the word after it and to none before it "
        "(`!important`, vim's `:n`, the shell's `!n`; a `!` before a "
        "Latin letter is one even after CJK), a vim command even after CJK "
        "(`输入:wq保存`, `:q!`, `:set`), a `!` ending a name "
        "(`Yahoo!网站`), a `.` with nothing before it (`. 和 ..`), and "
        "marks or parentheses next to a bare URL, which GitHub's "
        "autolinker would swallow once full-width.\n\n"
        "Why: the Chinese copywriting guidelines followed by AutoCorrect "
        "and lint-md, and GB/T 15834, use full-width marks in Chinese "
        "text. Like AutoCorrect, the rule leaves parentheses around "
        "English text (`Kubernetes (K8s)`) as they are.",
    .fix_doc =
        "Safe: replaces the mark by its full-width form (`，。；：！？`, "
        "`（）`). Escaped marks (`\\.`) and entities are never "
        "rewritten; spaces around the new mark are left to "
        "`no-space-fullwidth`.",
    .description_zh =
        "标记中文语境中的半角 `, . ; : ! ?`（`下一步, 计算`）"
        "，以及括住含中文文字的半角括号（`成本(费用)`）。\n\n当标点之前最近"
        "的、能判断文字的字符是中文时，标点处于中文语境；判断时越过空格、"
        "引号、括号、破折号、省略号和行内代码。位于行首时由它之后的字符决"
        "定。两个拉丁字母或数字之间的标点（`4.15`、`AI.dev`、"
        "`.NET`、`1,000`、`a:b`）永远不在中文语境中，因此中文文章里引用的"
        "英文标题和句子（`[Open Models: Not Stymied Yet](…)`）"
        "保留它们的标点。拉丁单词与中文之间不加空格地打出的 `, "
        "; : ! ?`（`使用 postman,或者`）也会被标记。\n\n`.` 只在结束句子的地"
        "方标记：字母或数字之前不标记（`配置.yaml`），`...` 中不标记（见 "
        "`ellipsis`），两个汉字之间不标记（`拉里.佩奇` 用来连接姓名）"
        "，给行编号的中文数字之后不标记（`一.`）。括号成对标记，"
        "在括住的文字含有中文、这对括号又不在两个拉丁单词之间时标记；"
        "括住英文注释、外侧紧贴中文时也标记（`蓝牙低功耗(BLE)功能` → "
        "`蓝牙低功耗（BLE）功能`）：`(` 之前紧挨汉字，`)` 之后紧挨中文或行尾，"
        "括号内只有字母、数字、空格和名称中的标点（`.-/,&':#%`），并以字母"
        "或数字开头和结尾。函数调用 `foo()`、英文的 `(see below)`、列表编号 "
        "`(1)` 和表情 `(T_T)` "
        "不变。\n\n同样不标记：单独加引号引用的标点（`末尾的 “.”`）"
        "，不加空格书写的标记列表中的分隔符（`a=1,b=2,c不存在,e=0,f=0`）"
        "，ASCII 标点和表情符号组成的串（`?!`、`;)`、`:-)`、`: "
        ")`、`:p`），紧挨全角句中标点的标点（`链接:：`、`更多！!`：改成全角"
        "就成了重复标点），紧贴后一个单词而前面不贴单词的标点（"
        "`!important`、vim 的 `:n`、shell 的 `!n`；拉丁字母之前的 `!` 即使"
        "跟在中文之后也是如此），即使跟在中文之后的 vim 命令（`输入:wq保存`、"
        "`:q!`、`:set`），结束名称的 `!`（`Yahoo!网站`），前面什么也"
        "没有的 `.`（`. 和 ..`），以及紧挨裸 URL 的标点或括号——变成全角后会被 "
        "GitHub 的自动链接吞进链接里。\n\n原因：AutoCorrect 和 "
        "lint-md 所遵循的中文文案排版指北以及 GB/T 15834，都在中文中使用全"
        "角标点。与 AutoCorrect 一样，括住英文的括号（`Kubernetes "
        "(K8s)`）保持原样。",
    .fix_doc_zh =
        "安全：把标点替换为全角形式（`，。；：！？`、`（）`）"
        "。转义的标点（`\\.`）和字符实体从不改写；新标点两侧的空格交给 "
        "`no-space-fullwidth` 处理。",
    .bad = "下一步, 计算成本(费用).\n",
    .good = "下一步， 计算成本（费用）。\n",
    .check_run = check,
};
