/*
 * source-missing: a block of the original with no counterpart in the
 * translation (a dropped paragraph, list item, heading, table row, image,
 * code block), and, as information, a translated block with no original
 * (added text). With source-required and no original at all, an error.
 *
 * What a reviewer of a translation looks for first is what got lost, and
 * it is the one thing reading the translation alone cannot show. The
 * alignment (align.h) pairs the blocks; a 1-0 pair is an original block
 * that nothing renders. It is reported where it fell in the translation:
 * at the start of the next translated block (or the end of the last
 * one), with the original block's place and its first words.
 *
 * Left alone: the front matter and metadata lines (translators rewrite
 * the header: LCTT's "[#]:" lines, link lists turned into inline links),
 * thematic breaks, and HTML comments, on either side; and translated
 * blocks that are translators' notes (译注), which are meant to have no
 * original. Nor is a table of contents dropped whole (list items that are
 * each one link to the same page, and its "Contents" heading): LCTT's
 * site builds its own.
 */
#include "rule.h"

#include <ctype.h>
#include <string.h>

static const tl_option_def options[] = {
    {"may-drop", TL_OPTION_REGEX,
     "\\A[(（]?\\s*(?i:(?:lead |featured )?(?:images?|photos?|"
     "screenshots?|pictures?|illustrations?|sources?)(?: credits?)?"
     "(?: by\\b|:))"
     "[^\\n]*\\z|\\A[(（]?[^\\n]{0,80}\\bCC(?:0| BY)[^\\n]{0,60}\\z|"
     "\\A[^\\n]{0,60}\\b(?i:photo|image|screenshot|picture)s? "
     "(?i:by|courtesy of)\\b[^\\n]{0,80}\\z",
     NULL,
     "PCRE2 pattern: an original block whose source matches it may be "
     "left out of the translation, and so may an image or link without "
     "text right before or after such a block (the widget's picture), "
     "and a quoted tweet right after it (ending in `— Name (@handle) "
     "date`). By default an image's credit line (`Image by: …`, `Photo "
     "by …`, `(Name, CC BY-SA 4.0)`, `(Source: …)`), which translators "
     "drop or fold into the caption; the `lctt` preset adds the widgets "
     "of the sites LCTT translates from (`Suggested Read`, `I'm not "
     "interested`, donation requests) and what is left of an embedded "
     "video player (`0:00`, `/0:05`, `1×`). Empty: every block counts.",
     "PCRE2 模式：源文本匹配它的原文块可以不译，紧挨在这种块前后、"
     "没有文字的图片或链接（小部件的图片）以及紧跟其后的引用推文"
     "（以 `— Name (@handle) date` 结尾）也可以。默认是图片的署名行"
     "（`Image by: …`、`Photo by …`、`(Name, CC BY-SA 4.0)`、"
     "`(Source: …)`），译者会删掉或并入图片说明；`lctt` 预设还加上 "
     "LCTT 所译网站的小部件（`Suggested Read`、`I'm not interested`、"
     "捐助请求）以及嵌入的视频播放器留下的内容（`0:00`、`/0:05`、"
     "`1×`）。为空时每个块都要有译文。"},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL, NULL},
};

/* Whether original block B matches may-drop. */
static bool may_drop(tl_check *ck, const tl_source *src,
                     const tl_align_block *b)
{
	const pcre2_code *re = tl_check_regex(ck, "may-drop");
	if (!re || !*tl_check_option(ck, "may-drop"))
		return false;
	size_t s = b->start, e = b->end;
	while (e > s && (src->data[e - 1] == '\n' || src->data[e - 1] == '\r' ||
	                 src->data[e - 1] == ' '))
		e--;
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	int rc =
	    pcre2_match(re, (PCRE2_SPTR)src->data + s, e - s, 0, 0, md, NULL);
	pcre2_match_data_free(md);
	return rc >= 0;
}

/* Whether original block B is an image or link and nothing else, without
 * text: "![][3]", "[](https://…)". */
static bool textless(const tl_source *src, const tl_align_block *b)
{
	const char *d = src->data;
	size_t s = b->start, e = b->end;
	while (s < e && (d[s] == ' ' || d[s] == '\t'))
		s++;
	while (e > s && (d[e - 1] == '\n' || d[e - 1] == '\r' ||
	                 d[e - 1] == ' ' || d[e - 1] == '\t'))
		e--;
	if (s < e && d[s] == '!')
		s++;
	if (e - s < 4 || memcmp(d + s, "[]", 2) != 0 ||
	    (d[s + 2] != '(' && d[s + 2] != '[') ||
	    (d[e - 1] != ')' && d[e - 1] != ']'))
		return false;
	for (size_t i = s; i < e; i++)
		if (d[i] == ' ' || d[i] == '\n')
			return false;
	return true;
}

/* The run of blocks of block I's kind around it: [*FIRST, *LAST]. */
static void kind_run(const tl_align_doc *ad, size_t i, size_t *first,
                     size_t *last)
{
	size_t a = i, b = i;
	while (a > 0 && ad->blocks[a - 1].kind == ad->blocks[i].kind)
		a--;
	while (b + 1 < ad->n && ad->blocks[b + 1].kind == ad->blocks[i].kind)
		b++;
	*first = a;
	*last = b;
}

/* Whether quote block B of SRC is the signature of an embedded tweet:
 * "— Name (@handle) [date]…", as a web page's conversion writes it. */
static bool tweet_signature(const tl_source *src, const tl_align_block *b)
{
	const char *d = src->data;
	size_t s = b->start, e = b->end;
	while (s < e && (d[s] == ' ' || d[s] == '>'))
		s++;
	if (e - s < 4 || (memcmp(d + s, "—", 3) != 0 && d[s] != '-'))
		return false;
	for (size_t i = s; i + 1 < e && d[i] != '\n'; i++)
		if (d[i] == '(' && d[i + 1] == '@')
			return true;
	return false;
}

/* may_drop() of original block I, matched once a document: laid_out()
 * may ask it of the blocks of the runs of pairs around each one it looks
 * at, and the pattern costs thousands of steps a block. Kept in the
 * rule's scratch memory, a byte a block (0: not asked yet). */
static bool may_drop_at(tl_check *ck, const tl_pairing *p, size_t i)
{
	unsigned char *memo = tl_check_state(ck, p->al->orig->n + 1);
	if (!memo[i])
		memo[i] = may_drop(ck, p->src, &p->al->orig->blocks[i]) ? 2 : 1;
	return memo[i] == 2;
}

/* Whether block B is an image of a site's icon and nothing else
 * (tl_pairing_is_icon()): what the conversion of a web page kept of a
 * card that linked another article. */
static bool icon_image(const tl_align_block *b)
{
	bool icon = false;
	if (b->kind != TL_ALIGN_IMAGE)
		return false;
	for (size_t a = 0; a < b->nanchors; a++) {
		if (b->anchors[a].type != TL_ANCHOR_LINK)
			continue;
		if (!tl_pairing_is_icon(b->anchors[a].key))
			return false;
		icon = true;
	}
	return icon;
}

/* Whether block B has links, all of them to Amazon ("amazon.com/dp/…?tag=",
 * "m.media-amazon.com/images/…", "amzn.to/…"): a box of products a site
 * sells on commission, which LCTT's translations leave out. */
static bool affiliate(const tl_align_block *b)
{
	bool any = false;
	for (size_t a = 0; a < b->nanchors; a++) {
		if (b->anchors[a].type != TL_ANCHOR_LINK)
			continue;
		/* Before the query: WordPress proxies the pictures
		 * ("i1.wp.com/m.media-amazon.com/…"). */
		const char *k = b->anchors[a].key;
		size_t n = strcspn(k, "?#"), i = 0;
		while (i < n && strncmp(k + i, "amazon.", 7) != 0 &&
		       strncmp(k + i, "amzn.", 5) != 0)
			i++;
		if (i == n)
			return false;
		any = true;
	}
	return any;
}

/* Whether block B is an image whose every link is a "data:" URI, without
 * text ("![][12]" with "[12]: data:image/svg+xml;base64,…"): the blank
 * stand-in a web page shows until it loads the picture lazily, all that
 * its conversion kept. There is nothing in it to translate. */
static bool placeholder_image(const tl_source *src, const tl_align_block *b)
{
	bool any = false;
	if (b->kind != TL_ALIGN_IMAGE || !textless(src, b))
		return false;
	for (size_t a = 0; a < b->nanchors; a++) {
		if (b->anchors[a].type != TL_ANCHOR_LINK)
			continue;
		if (strncmp(b->anchors[a].key, "data:", 5) != 0)
			return false;
		any = true;
	}
	return any;
}

/* Whether paragraph I of SRC is a link whose text is a date, "[May 20,
 * 2022][3]", right after a quote: the date line of an embedded tweet,
 * which the conversion of a web page put under the quoted tweet without
 * its signature (tweet_signature()). */
static bool tweet_date(const tl_source *src, const tl_align_doc *ad, size_t i)
{
	static const char *const months[] = {"January", "February", "March",
	                                     "April",   "May",      "June",
	                                     "July",    "August",   "September",
	                                     "October", "November", "December"};
	const tl_align_block *b = &ad->blocks[i];
	if (i == 0 || ad->blocks[i - 1].kind != TL_ALIGN_QUOTE ||
	    b->kind != TL_ALIGN_PARAGRAPH)
		return false;
	const char *d = src->data + b->start;
	size_t n = b->end - b->start, m = 0, k = 1;
	while (n && strchr(" \t\r\n", d[n - 1]))
		n--;
	if (n < 2 || d[0] != '[' || (d[n - 1] != ']' && d[n - 1] != ')'))
		return false;
	for (m = 0; m < sizeof months / sizeof *months; m++)
		if (strncmp(d + 1, months[m], strlen(months[m])) == 0)
			break;
	if (m == sizeof months / sizeof *months)
		return false;
	k += strlen(months[m]);
	if (k >= n || d[k++] != ' ')
		return false;
	size_t digits = 0;
	while (k < n && d[k] >= '0' && d[k] <= '9' && digits < 3)
		k++, digits++;
	if (!digits || k + 7 > n || memcmp(d + k, ", ", 2) != 0)
		return false;
	k += 2;
	for (size_t y = 0; y < 4; y++, k++)
		if (d[k] < '0' || d[k] > '9')
			return false;
	if (d[k] != ']' || k + 1 >= n || (d[k + 1] != '[' && d[k + 1] != '('))
		return false;
	return memchr(d + k + 1, '\n', n - k - 1) == NULL;
}

/* Whether original block I may be left out: it matches may-drop, or it
 * is a site's icon (icon_image()) or a product box (affiliate(); a table
 * row, also when another row of its table is one: "Preview | Product |
 * Price |"), a lazy picture's stand-in (placeholder_image()) or a
 * tweet's date line (tweet_date()), or a picture without text next to a
 * block that matches, or
 * a block of a quoted tweet ending in its signature right after such a
 * block (the widget's tweet: "Previously on …" over the blog's last
 * tweet). */
static bool droppable(tl_check *ck, const tl_pairing *p, size_t i)
{
	const tl_align_doc *ad = p->al->orig;
	if (may_drop_at(ck, p, i) || icon_image(&ad->blocks[i]) ||
	    affiliate(&ad->blocks[i]) ||
	    placeholder_image(p->src, &ad->blocks[i]) ||
	    tweet_date(p->src, ad, i))
		return true;
	if (ad->blocks[i].kind == TL_ALIGN_TABLE_ROW) {
		size_t a, b;
		kind_run(ad, i, &a, &b);
		for (size_t k = a; k <= b; k++)
			if (affiliate(&ad->blocks[k]))
				return true;
	}
	if (ad->blocks[i].kind == TL_ALIGN_QUOTE) {
		size_t a, b;
		kind_run(ad, i, &a, &b);
		return a > 0 && may_drop_at(ck, p, a - 1) &&
		       tweet_signature(p->src, &ad->blocks[b]);
	}
	if (!textless(p->src, &ad->blocks[i]))
		return false;
	return (i > 0 && may_drop_at(ck, p, i - 1)) ||
	       (i + 1 < ad->n && may_drop_at(ck, p, i + 1));
}

/* Whether table row B of SRC is a cell's second line, which a web page's
 * conversion put on a line of its own: it has no cell separator, or it
 * does not start with one while row PREV before it (NULL: none) starts
 * with one and does not end with one ("| sort a.txt b.txt >" over
 * "sorted.txt | sort all files |"). */
static bool loose_row(const tl_source *src, const tl_align_block *b,
                      const tl_align_block *prev)
{
	const char *d = src->data;
	if (b->kind != TL_ALIGN_TABLE_ROW)
		return false;
	if (!memchr(d + b->start, '|', b->end - b->start))
		return true;
	if (!prev || prev->kind != TL_ALIGN_TABLE_ROW)
		return false;
	size_t s = b->start, ps = prev->start, pe = prev->end;
	while (s < b->end && d[s] == ' ')
		s++;
	while (ps < pe && d[ps] == ' ')
		ps++;
	while (pe > ps && (d[pe - 1] == ' ' || d[pe - 1] == '\t' ||
	                   d[pe - 1] == '\r' || d[pe - 1] == '\n'))
		pe--;
	return d[s] != '|' && pe > ps && d[ps] == '|' && d[pe - 1] != '|';
}

/* Whether original block I is a row of a table that such loose rows
 * broke: translators mend the table, merging the pieces of a row, and
 * the rows merged have no counterpart of their own. */
static bool in_broken_table(const tl_pairing *p, size_t i)
{
	const tl_align_doc *ad = p->al->orig;
	if (ad->blocks[i].kind != TL_ALIGN_TABLE_ROW)
		return false;
	size_t a, b;
	kind_run(ad, i, &a, &b);
	for (size_t k = a; k <= b; k++)
		if (loose_row(p->src, &ad->blocks[k],
		              k > a ? &ad->blocks[k - 1] : NULL))
			return true;
	return false;
}

/* ---- What the original's conversion or LCTT's conventions explain ------ */

/* Whether the first or the last line of block B of SRC is an image
 * ("![...]..."). */
static bool image_line_at_end(const tl_source *src, const tl_align_block *b)
{
	const char *d = src->data;
	size_t s = b->start, e = b->end;
	while (s < e && d[s] == ' ')
		s++;
	if (e - s >= 2 && d[s] == '!' && d[s + 1] == '[')
		return true;
	while (e > s && (d[e - 1] == '\n' || d[e - 1] == '\r'))
		e--;
	size_t l = e;
	while (l > s && d[l - 1] != '\n')
		l--;
	while (l < e && d[l] == ' ')
		l++;
	return l > s && e - l >= 2 && d[l] == '!' && d[l + 1] == '[';
}

/* The translated blocks just before and after pair K (TL_NONE for
 * none). */
static void trans_around(const tl_align *al, size_t k, size_t *before,
                         size_t *after)
{
	*before = *after = TL_NONE;
	for (size_t q = k; q-- > 0;)
		if (al->pairs[q].ntrans) {
			*before = al->pairs[q].trans + al->pairs[q].ntrans - 1;
			break;
		}
	for (size_t q = k + 1; q < al->npairs; q++)
		if (al->pairs[q].ntrans) {
			*after = al->pairs[q].trans;
			break;
		}
	if (al->pairs[k].ntrans) {
		if (al->pairs[k].trans > 0)
			*before = al->pairs[k].trans - 1;
		if (al->pairs[k].trans + 1 < al->trans->n)
			*after = al->pairs[k].trans + 1;
	}
}

/* Whether the image of the 1-0 pair K stands in the translation glued to
 * the paragraph before or after it (no blank line between them: the
 * image is then part of that paragraph). */
static bool image_glued(const tl_pairing *p, size_t k)
{
	const tl_align *al = p->al;
	if (al->orig->blocks[al->pairs[k].orig].kind != TL_ALIGN_IMAGE)
		return false;
	size_t b, a;
	trans_around(al, k, &b, &a);
	return (b != TL_NONE && al->trans->blocks[b].kind != TL_ALIGN_IMAGE &&
	        image_line_at_end(p->trans, &al->trans->blocks[b])) ||
	       (a != TL_NONE && al->trans->blocks[a].kind != TL_ALIGN_IMAGE &&
	        image_line_at_end(p->trans, &al->trans->blocks[a]));
}

static bool is_text_kind(tl_align_kind k)
{
	return k == TL_ALIGN_PARAGRAPH || k == TL_ALIGN_QUOTE ||
	       k == TL_ALIGN_ITEM;
}

/* Where the lines of text block B of SRC that are pictures ("![…") stand:
 * bit 1, a picture line with text after it; bit 2, one with text before
 * it; 0 for none, or for pictures only. */
static unsigned picture_sides(const tl_source *src, const tl_align_block *b)
{
	const char *d = src->data;
	unsigned sides = 0;
	bool text = false, pending = false;
	for (size_t i = b->start; i < b->end;) {
		const char *nl = memchr(d + i, '\n', b->end - i);
		size_t e = nl ? (size_t)(nl - d) : b->end, s = i;
		while (s < e && (d[s] == ' ' || d[s] == '\t' || d[s] == '>'))
			s++;
		if (e - s >= 2 && d[s] == '!' && d[s + 1] == '[') {
			if (text)
				sides |= 2;
			pending = true;
		} else if (s < e && d[s] != '\r') {
			text = true;
			if (pending)
				sides |= 1;
		}
		i = e + 1;
	}
	return sides;
}

/* Whether the original text block of the 1-0 pair K is rendered in a
 * translated paragraph glued to a picture (no blank line between them),
 * that the pair next to it pairs with that picture: the original
 * picture before it and the paragraph's picture line with text after
 * it, or the other way round. */
static bool glued_to_image(const tl_pairing *p, size_t k)
{
	const tl_align *al = p->al;
	if (!is_text_kind(al->orig->blocks[al->pairs[k].orig].kind))
		return false;
	for (int d = -1; d <= 1; d += 2) {
		if ((d < 0 && k == 0) || (d > 0 && k + 1 >= al->npairs))
			continue;
		const tl_align_pair *q = &al->pairs[d < 0 ? k - 1 : k + 1];
		if (q->norig != 1 || !q->ntrans ||
		    al->orig->blocks[q->orig].kind != TL_ALIGN_IMAGE)
			continue;
		for (size_t j = 0; j < q->ntrans; j++) {
			const tl_align_block *tb =
			    &al->trans->blocks[q->trans + j];
			if (is_text_kind(tb->kind) &&
			    picture_sides(p->trans, tb) & (d < 0 ? 1u : 2u))
				return true;
		}
	}
	return false;
}

/* Whether the 1-0 pair K is a paragraph of one icon (an emoji or a mark
 * alone, up to 8 bytes, no letter or digit: It's FOSS's "💡" over a tip)
 * that the translated block before or after it holds: the translator put
 * the icon into the block it heads. */
static bool icon_merged(const tl_pairing *p, size_t k)
{
	const tl_align *al = p->al;
	const tl_align_block *ob = &al->orig->blocks[al->pairs[k].orig];
	const char *d = p->src->data;
	size_t s = ob->start, e = ob->end;
	if (ob->kind != TL_ALIGN_PARAGRAPH)
		return false;
	while (s < e && d[s] == ' ')
		s++;
	while (e > s &&
	       (d[e - 1] == '\n' || d[e - 1] == '\r' || d[e - 1] == ' '))
		e--;
	if (s == e || e - s > 8)
		return false;
	for (size_t i = s; i < e; i++)
		if ((unsigned char)d[i] < 0x80)
			return false; /* ASCII: a letter, a digit, a lone mark
			               */
	size_t b, a;
	trans_around(al, k, &b, &a);
	for (int n = 0; n < 2; n++) {
		size_t j = n ? a : b;
		if (j == TL_NONE)
			continue;
		const tl_align_block *tb = &al->trans->blocks[j];
		const char *t = p->trans->data;
		for (size_t i = tb->start; i + (e - s) <= tb->end; i++)
			if (memcmp(t + i, d + s, e - s) == 0)
				return true;
	}
	return false;
}

/* The first anchor of block B of SRC when it is an inline code span that
 * opens the block ("`daily`: rotate the log daily"), else NULL. */
static const tl_align_anchor *lead_code(const tl_source *src,
                                        const tl_align_block *b)
{
	size_t s = b->start;
	while (s < b->end && (src->data[s] == ' ' || src->data[s] == '\t'))
		s++;
	if (!b->nanchors || b->anchors[0].type != TL_ANCHOR_CODE ||
	    b->anchors[0].start > s + 1)
		return NULL;
	return &b->anchors[0];
}

/* Whether the 1-0 or 0-1 pair K stands next to a pair of the other kind
 * whose block is of its kind and opens with the same inline code: one
 * item of a list of terms ("`daily`: …", "`missingok`: …") translated in
 * place, that the alignment left unpaired because the translation wrote
 * other code spans of it as words. What changed inside it is the other
 * rules' (source-inline-code). */
static bool same_lead(const tl_pairing *p, size_t k)
{
	const tl_align *al = p->al;
	const tl_align_pair *pr = &al->pairs[k];
	for (int d = -1; d <= 1; d += 2) {
		if ((d < 0 && k == 0) || (d > 0 && k + 1 >= al->npairs))
			continue;
		const tl_align_pair *q = &al->pairs[d < 0 ? k - 1 : k + 1];
		const tl_align_pair *o = pr->type == TL_PAIR_1_0 ? pr : q;
		const tl_align_pair *t = pr->type == TL_PAIR_1_0 ? q : pr;
		if (o->type != TL_PAIR_1_0 || t->type != TL_PAIR_0_1)
			continue;
		const tl_align_block *ob = &al->orig->blocks[o->orig];
		const tl_align_block *tb = &al->trans->blocks[t->trans];
		if (ob->kind != tb->kind || !is_text_kind(ob->kind))
			continue;
		const tl_align_anchor *x = lead_code(p->src, ob);
		const tl_align_anchor *y = lead_code(p->trans, tb);
		if (x && y && x->hash == y->hash)
			return true;
	}
	return false;
}

/* Whether translated block J of the 0-1 pair K is half of an original
 * paragraph that holds text and an image (opensource.com's summary and
 * lead image), whose other half the pair next to it renders: a pair
 * next to it pairs such a paragraph with an image while J is text, or
 * with text while J is an image. */
static bool half_of_split(const tl_pairing *p, size_t k)
{
	const tl_align *al = p->al;
	tl_align_kind kj = al->trans->blocks[al->pairs[k].trans].kind;
	bool j_image = kj == TL_ALIGN_IMAGE;
	if (!j_image && !is_text_kind(kj))
		return false;
	for (int d = -1; d <= 1; d += 2) {
		if ((d < 0 && k == 0) || (d > 0 && k + 1 >= al->npairs))
			continue;
		const tl_align_pair *q = &al->pairs[d < 0 ? k - 1 : k + 1];
		if (q->norig != 1 || q->ntrans != 1)
			continue;
		const tl_align_block *ob = &al->orig->blocks[q->orig];
		tl_align_kind kt = al->trans->blocks[q->trans].kind;
		bool image = false;
		for (size_t i = ob->start; !image && i + 1 < ob->end; i++)
			image = p->src->data[i] == '!' &&
			        p->src->data[i + 1] == '[';
		if (ob->kind != TL_ALIGN_PARAGRAPH || !image)
			continue;
		if (j_image ? is_text_kind(kt) : kt == TL_ALIGN_IMAGE)
			return true;
	}
	return false;
}

/* Whether translated text block J of the 0-1 pair K is the other half of
 * the original text block of a 1-1 pair next to it: it holds an anchor of
 * that block (a number, code span or link) that the pair's translated
 * block lacks. A paragraph split into a lead-in and a quote (kinds the
 * alignment does not pair 1-2), or a sentence moved out into a new
 * paragraph. */
static bool split_half(const tl_pairing *p, size_t k)
{
	const tl_align *al = p->al;
	const tl_align_block *tb = &al->trans->blocks[al->pairs[k].trans];
	if (!is_text_kind(tb->kind))
		return false;
	for (int d = -1; d <= 1; d += 2) {
		if ((d < 0 && k == 0) || (d > 0 && k + 1 >= al->npairs))
			continue;
		const tl_align_pair *q = &al->pairs[d < 0 ? k - 1 : k + 1];
		if (q->type != TL_PAIR_1_1)
			continue;
		const tl_align_block *ob = &al->orig->blocks[q->orig];
		const tl_align_block *qb = &al->trans->blocks[q->trans];
		if (!is_text_kind(ob->kind) || !is_text_kind(qb->kind))
			continue;
		for (size_t a = 0; a < ob->nanchors; a++)
			if (tl_align_block_has(tb, ob->anchors[a].hash) &&
			    !tl_align_block_has(qb, ob->anchors[a].hash))
				return true;
	}
	return false;
}

#define ROW_SPACE " \t\r\n|-:" /* a table row's layout */
#define CODE_SPACE " \t\r\n`"  /* code's mark-up */

/* SRC[start, end) without the bytes of DROP, and without a converter's
 * "[code]" marks when MARKS: a table row's text however its cells are
 * laid out (ROW_SPACE), code however it is marked up (CODE_SPACE and the
 * marks). Caller frees. */
static char *stripped(const tl_source *src, size_t start, size_t end,
                      const char *drop, bool marks)
{
	char *v = tl_xmalloc(end - start + 1);
	size_t n = 0;
	/* The bytes of DROP, and NUL (strchr() finds the terminator). */
	bool out[256] = {[0] = true};
	for (const char *d = drop; *d; d++)
		out[(unsigned char)*d] = true;
	for (size_t i = start; i < end; i++) {
		if (marks && src->data[i] == '[' && end - i >= 6 &&
		    memcmp(src->data + i, "[code]", 6) == 0) {
			i += 5;
			continue;
		}
		char c = src->data[i];
		if (!out[(unsigned char)c])
			v[n++] = c;
	}
	v[n] = 0;
	return v;
}

/* Whether a translated table row, ROW (stripped() with ROW_SPACE), is
 * found in an original block, O (the same): a row of a table the
 * conversion of a web page put on one line. */
static bool row_found(const char *row, const char *o)
{
	return *row && strlen(o) > strlen(row) && strstr(o, row);
}

/* Whether original block OB may hold translated rows: a table row or a
 * paragraph with more text. */
static bool holds_rows(const tl_align_block *ob)
{
	return ob->kind == TL_ALIGN_TABLE_ROW || ob->kind == TL_ALIGN_PARAGRAPH;
}

/* Whether a table the conversion of a web page put on one line (an
 * original row or paragraph holding several rows) and the translator
 * mended into rows explains pair K: the original block of a 1-0 pair
 * holds a translated row near it, or the translated row of a 0-1 pair,
 * or a row of its table, is held by an original block near it. Each
 * block is stripped once, however many it is compared with. */
static bool flat_table(const tl_pairing *p, size_t k)
{
	const tl_align *al = p->al;
	const tl_align_pair *pr = &al->pairs[k];
	size_t from = k > 8 ? k - 8 : 0, to = k + 8;
	bool found = false;
	if (pr->type == TL_PAIR_1_0) {
		const tl_align_block *ob = &al->orig->blocks[pr->orig];
		if (!holds_rows(ob))
			return false;
		char *o = NULL;
		for (size_t q = from; q < al->npairs && q <= to && !found; q++)
			for (size_t j = 0; j < al->pairs[q].ntrans && !found;
			     j++) {
				const tl_align_block *tb =
				    &al->trans->blocks[al->pairs[q].trans + j];
				if (tb->kind != TL_ALIGN_TABLE_ROW)
					continue;
				if (!o)
					o = stripped(p->src, ob->start, ob->end,
					             ROW_SPACE, false);
				char *row = stripped(p->trans, tb->start,
				                     tb->end, ROW_SPACE, false);
				found = row_found(row, o);
				free(row);
			}
		free(o);
		return found;
	}
	/* The rows of the translated table around the 0-1 row. */
	size_t a = pr->trans, b = pr->trans;
	if (al->trans->blocks[a].kind != TL_ALIGN_TABLE_ROW)
		return false;
	while (a > 0 && pr->trans - a < 64 &&
	       al->trans->blocks[a - 1].kind == TL_ALIGN_TABLE_ROW)
		a--;
	while (b + 1 < al->trans->n && b - pr->trans < 64 &&
	       al->trans->blocks[b + 1].kind == TL_ALIGN_TABLE_ROW)
		b++;
	/* The rows' own pairs stand between the row and the original block
	 * that holds them all: look as far again past them. */
	from = k > 8 + (b - a) ? k - 8 - (b - a) : 0;
	to = k + 8 + (b - a);
	char **rows = tl_xcalloc(b - a + 1, sizeof *rows);
	for (size_t q = from; q < al->npairs && q <= to && !found; q++)
		for (size_t i = 0; i < al->pairs[q].norig && !found; i++) {
			const tl_align_block *ob =
			    &al->orig->blocks[al->pairs[q].orig + i];
			if (!holds_rows(ob))
				continue;
			char *o = stripped(p->src, ob->start, ob->end,
			                   ROW_SPACE, false);
			for (size_t j = a; j <= b && !found; j++) {
				const tl_align_block *tb =
				    &al->trans->blocks[j];
				if (!rows[j - a])
					rows[j - a] =
					    stripped(p->trans, tb->start,
					             tb->end, ROW_SPACE, false);
				found = row_found(rows[j - a], o);
			}
			free(o);
		}
	for (size_t j = a; j <= b; j++)
		free(rows[j - a]);
	free(rows);
	return found;
}

/* Whether the code of pair K moved between a code block and the text:
 * the original paragraph of a 1-0 pair is code (inline code, or a
 * command the conversion left outside its fence) that a translated code
 * block near it holds, or the translated code block of a 0-1 pair holds
 * code that an original block near it has in its text (the original's
 * fence broken, "[code]" marks). */
static bool code_moved(const tl_pairing *p, size_t k)
{
	const tl_align *al = p->al;
	const tl_align_pair *pr = &al->pairs[k];
	size_t from = k > 3 ? k - 3 : 0, to = k + 3;
	bool dropped = pr->type == TL_PAIR_1_0;
	const tl_align_block *b = dropped ? &al->orig->blocks[pr->orig]
	                                  : &al->trans->blocks[pr->trans];
	if (dropped ? !is_text_kind(b->kind) : b->kind != TL_ALIGN_CODE)
		return false;
	size_t bs = b->start, be = b->end;
	if (!dropped) {
		/* Inside the fences (the info string left out). */
		const tl_source *t = p->trans;
		const char *nl = memchr(t->data + bs, '\n', be - bs);
		bs = nl ? (size_t)(nl - t->data) + 1 : be;
		while (be > bs && t->data[be - 1] != '\n')
			be--;
	}
	/* A quote's markers are not code: an original quote of commands
	 * that the translator put in a code block (here and below). */
	char *x = stripped(dropped ? p->src : p->trans, bs, be,
	                   dropped && b->kind == TL_ALIGN_QUOTE ? CODE_SPACE ">"
	                                                        : CODE_SPACE,
	                   true);
	bool found = false;
	for (size_t q = from;
	     !found && strlen(x) >= 8 && q < al->npairs && q <= to; q++) {
		size_t first = dropped ? al->pairs[q].trans : al->pairs[q].orig;
		size_t n = dropped ? al->pairs[q].ntrans : al->pairs[q].norig;
		for (size_t i = 0; !found && i < n; i++) {
			const tl_align_block *c =
			    dropped ? &al->trans->blocks[first + i]
			            : &al->orig->blocks[first + i];
			if (dropped ? c->kind != TL_ALIGN_CODE
			            : c->kind == TL_ALIGN_CODE)
				continue;
			char *y = stripped(dropped ? p->trans : p->src,
			                   c->start, c->end,
			                   !dropped && c->kind == TL_ALIGN_QUOTE
			                       ? CODE_SPACE ">"
			                       : CODE_SPACE,
			                   true);
			found = strstr(y, x) != NULL;
			free(y);
		}
	}
	free(x);
	return found;
}

/* Whether the original code block of the 1-0 pair K is one line of
 * code (blank lines aside) that a translated text block within three
 * pairs of it has as an inline code span: a key combination or a command
 * that the translator wrote into the sentence ("just use these two
 * keys: `Ctrl+C`"). */
static bool code_inlined(const tl_pairing *p, size_t k)
{
	const tl_align *al = p->al;
	const tl_align_block *ob = &al->orig->blocks[al->pairs[k].orig];
	if (ob->kind != TL_ALIGN_CODE)
		return false;
	const tl_align_anchor *line = NULL;
	for (size_t a = 0; a < ob->nanchors; a++)
		if (ob->anchors[a].type == TL_ANCHOR_LINE &&
		    ob->anchors[a].key[0]) {
			if (line)
				return false;
			line = &ob->anchors[a];
		}
	if (!line)
		return false;
	uint64_t h =
	    tl_align_hash(TL_ANCHOR_CODE, line->key, strlen(line->key));
	size_t from = k > 3 ? k - 3 : 0;
	for (size_t q = from; q < al->npairs && q <= k + 3; q++)
		for (size_t j = 0; j < al->pairs[q].ntrans; j++) {
			const tl_align_block *tb =
			    &al->trans->blocks[al->pairs[q].trans + j];
			if (is_text_kind(tb->kind) && tl_align_block_has(tb, h))
				return true;
		}
	return false;
}

/* Whether the 0-1 pair K is an image or a quote before the article's
 * first paragraph: the lead image and the summary (a quote) that LCTT
 * adds to every article. */
static bool lead_block(const tl_pairing *p, size_t k)
{
	const tl_align *al = p->al;
	tl_align_kind kind = al->trans->blocks[al->pairs[k].trans].kind;
	if (kind != TL_ALIGN_IMAGE && kind != TL_ALIGN_QUOTE)
		return false;
	for (size_t q = 0; q < k; q++) {
		const tl_align_pair *pr = &al->pairs[q];
		for (size_t i = 0; i < pr->norig; i++) {
			tl_align_kind ko = al->orig->blocks[pr->orig + i].kind;
			if (is_text_kind(ko) && pr->ntrans)
				return false;
		}
	}
	return true;
}

/* Whether the 1-0 pair K is the original's summary over its lead image
 * (opensource.com's first paragraph: text, then the picture's line) that
 * LCTT rendered as its own lead quote and picture (lead_block()): a
 * paragraph with a picture's line at its start or end, before any
 * original text the translation renders, with a quote that lead_block()
 * accepts among the pairs before K. (half_of_split() is the case where
 * the alignment paired the paragraph with one of the two.) */
static bool lead_summary(const tl_pairing *p, size_t k)
{
	const tl_align *al = p->al;
	const tl_align_block *ob = &al->orig->blocks[al->pairs[k].orig];
	if (ob->kind != TL_ALIGN_PARAGRAPH || !image_line_at_end(p->src, ob))
		return false;
	bool quote = false;
	for (size_t q = 0; q < k; q++) {
		const tl_align_pair *pr = &al->pairs[q];
		for (size_t i = 0; i < pr->norig; i++)
			if (is_text_kind(al->orig->blocks[pr->orig + i].kind) &&
			    pr->ntrans)
				return false;
		if (pr->type == TL_PAIR_0_1 &&
		    al->trans->blocks[pr->trans].kind == TL_ALIGN_QUOTE &&
		    lead_block(p, q))
			quote = true;
	}
	return quote;
}

/* Whether the translated heading of the 0-1 pair K renders the lead-in of
 * the original text block that the next pair renders: that block opens
 * with a phrase ended by a colon ("*Build your own project:* Identifying
 * …", emphasis aside), which the translator made a heading of its own
 * over the rest. */
static bool lead_heading(const tl_pairing *p, size_t k)
{
	const tl_align *al = p->al;
	if (al->trans->blocks[al->pairs[k].trans].kind != TL_ALIGN_HEADING ||
	    k + 1 >= al->npairs)
		return false;
	const tl_align_pair *q = &al->pairs[k + 1];
	if (q->norig != 1 || !q->ntrans)
		return false;
	const tl_align_block *ob = &al->orig->blocks[q->orig];
	if (ob->kind != TL_ALIGN_PARAGRAPH && ob->kind != TL_ALIGN_ITEM)
		return false;
	const char *d = p->src->data;
	size_t s = ob->start, e = ob->end;
	while (s < e && strchr(" \t*_", d[s]))
		s++;
	/* The lead-in: a few words up to the colon, no sentence before. */
	for (size_t i = s; i < e && i - s < 120; i++) {
		if (strchr(".!?\n", d[i]))
			return false;
		if (d[i] == ':')
			return i - s >= 8 && i + 1 < e &&
			       strchr(" *_", d[i + 1]) != NULL;
	}
	return false;
}

/* ---- A block laid out as several, or several as one --------------------- */

/* The pieces of text block B of SRC: its lines, and the list items glued
 * into a line (two spaces or more, then "* ", "- ", "+ " or "1. "), as
 * the conversion of a web page writes a nested list; not a line that is
 * a picture. 0 when B is not a
 * paragraph or list item, or a line after the first starts with a small
 * letter: a paragraph wrapped in the middle of its sentences. */
static size_t pieces(const tl_source *src, const tl_align_block *b, bool *glued)
{
	const char *d = src->data;
	size_t n = 0, e = b->end;
	bool start = true;
	*glued = false;
	if (b->kind != TL_ALIGN_PARAGRAPH && b->kind != TL_ALIGN_ITEM)
		return 0;
	for (size_t i = b->start; i < e; i++) {
		if (d[i] == '\n') {
			start = true;
		} else if (start) {
			if (d[i] == ' ' || d[i] == '\t' || d[i] == '\r')
				continue;
			if (n && d[i] >= 'a' && d[i] <= 'z')
				return 0;
			start = false;
			if (i + 1 < e && d[i] == '!' && d[i + 1] == '[') {
				/* A picture's line: the lead image under a
				 * summary, half_of_split()'s case. */
				const char *nl = memchr(d + i, '\n', e - i);
				i = nl ? (size_t)(nl - d) - 1 : e;
				continue;
			}
			n++;
		} else if (d[i] == ' ' && i + 1 < e && d[i + 1] == ' ') {
			size_t j = i, m;
			while (j < e && d[j] == ' ')
				j++;
			for (m = j;
			     m < e && m - j < 3 && d[m] >= '0' && d[m] <= '9';
			     m++)
				;
			if (m == j &&
			    (d[m] == '*' || d[m] == '-' || d[m] == '+'))
				m++;
			else if (m > j && (d[m] == '.' || d[m] == ')'))
				m++;
			else
				m = j; /* no marker */
			if (m > j && m < e && d[m] == ' ') {
				n++;
				*glued = true;
			}
			i = m - 1;
		}
	}
	return n;
}

/* Whether block B of SRC has a letter (any character beyond ASCII
 * counts): not a setext underline or a lone mark left as a paragraph. */
static bool has_letter(const tl_source *src, const tl_align_block *b)
{
	for (size_t i = b->start; i < b->end; i++) {
		unsigned char c = (unsigned char)src->data[i];
		if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return true;
	}
	return false;
}

/* Whether pairs [A, B] hold one block on one side and, on the other, as
 * many blocks as it has pieces (two or more), all paragraphs or list
 * items with a letter, none of them one the translation may drop
 * (droppable()): a list the conversion flattened into the lines of
 * a paragraph, or glued into an item's line, that the translator made a
 * list again, lines made paragraphs, or blocks made the lines of one
 * paragraph, which the alignment pairs at most two to one. When PAIRED
 * (the range holds a 1-1 pair), a lone original block must have list
 * items glued into it: two lines of a paragraph next to an added block
 * are no evidence. *LONE: the lone block's index; *ONE: it is the
 * translation's (true) or the original's. */
static bool laid_out(tl_check *ck, const tl_pairing *p, size_t a, size_t b,
                     bool paired, size_t *lone, bool *one)
{
	const tl_align *al = p->al;
	size_t no = 0, nt = 0, o = TL_NONE, t = TL_NONE;
	for (size_t q = a; q <= b; q++) {
		const tl_align_pair *pr = &al->pairs[q];
		for (size_t i = 0; i < pr->norig; i++) {
			const tl_align_block *ob =
			    &al->orig->blocks[pr->orig + i];
			if (!is_text_kind(ob->kind) || !has_letter(p->src, ob))
				return false;
		}
		for (size_t j = 0; j < pr->ntrans; j++) {
			const tl_align_block *tb =
			    &al->trans->blocks[pr->trans + j];
			if (!is_text_kind(tb->kind) ||
			    !has_letter(p->trans, tb))
				return false;
		}
		if (pr->norig)
			o = pr->orig;
		if (pr->ntrans)
			t = pr->trans;
		no += pr->norig;
		nt += pr->ntrans;
	}
	if (no == 1 || nt == 1) {
		/* Each block of the many side that has anchors shares one
		 * with the lone block: its piece, not a widget dropped next
		 * to it ("[Tags][8]: [sundry][9]"). */
		const tl_align_doc *ld = no == 1 ? al->orig : al->trans;
		const tl_align_doc *md = no == 1 ? al->trans : al->orig;
		const tl_align_block *lb = &ld->blocks[no == 1 ? o : t];
		for (size_t q = a; q <= b; q++) {
			const tl_align_pair *pr = &al->pairs[q];
			size_t first = no == 1 ? pr->trans : pr->orig;
			size_t n = no == 1 ? pr->ntrans : pr->norig;
			for (size_t i = 0; i < n; i++) {
				const tl_align_block *mb =
				    &md->blocks[first + i];
				bool shared = !mb->nanchors;
				for (size_t x = 0; !shared && x < mb->nanchors;
				     x++)
					shared = tl_align_block_has(
					    lb, mb->anchors[x].hash);
				if (!shared)
					return false;
			}
		}
	}
	bool glued;
	if (no == 1 && nt >= 2 &&
	    pieces(p->src, &al->orig->blocks[o], &glued) == nt &&
	    (glued || !paired)) {
		*lone = o;
		*one = false;
	} else if (nt == 1 && no >= 2 &&
	           pieces(p->trans, &al->trans->blocks[t], &glued) == no) {
		*lone = t;
		*one = true;
	} else {
		return false;
	}
	/* Last: droppable() may match the may-drop pattern, thousands of
	 * steps a block, and few ranges get this far. */
	for (size_t q = a; q <= b; q++) {
		const tl_align_pair *pr = &al->pairs[q];
		for (size_t i = 0; i < pr->norig; i++)
			if (droppable(ck, p, pr->orig + i))
				return false;
	}
	return true;
}

/* Whether the 1-0 or 0-1 pair K is part of such a layout: the run of
 * pairs around it that are not 1-1, alone or with the 1-1 pair next to
 * it; into [*A, *B], *LONE and *ONE as laid_out(). */
static bool in_layout(tl_check *ck, const tl_pairing *p, size_t k, size_t *a,
                      size_t *b, size_t *lone, bool *one)
{
	const tl_align *al = p->al;
	size_t x = k, y = k;
	while (x > 0 && al->pairs[x - 1].type != TL_PAIR_1_1)
		x--;
	while (y + 1 < al->npairs && al->pairs[y + 1].type != TL_PAIR_1_1)
		y++;
	*a = x;
	*b = y;
	if (laid_out(ck, p, x, y, false, lone, one))
		return true;
	if (x > 0 && !al->pairs[x - 1].moved &&
	    laid_out(ck, p, x - 1, y, true, lone, one)) {
		*a = x - 1;
		return true;
	}
	if (y + 1 < al->npairs && !al->pairs[y + 1].moved &&
	    laid_out(ck, p, x, y + 1, true, lone, one)) {
		*b = y + 1;
		return true;
	}
	return false;
}

#define COPY_SPACE " \t\r\n*_" /* what a copy may write otherwise */

/* The original block within 8 blocks of block I, a paragraph or list
 * item as it is, with the same text as I (COPY_SPACE aside: "* Cost :
 * …" and "**Cost** : …"), and untranslated unless ANY; TL_NONE for none.
 * DROPPED as in_toc(). */
static size_t copy_near(const tl_pairing *p, const bool *dropped, size_t i,
                        bool any)
{
	const tl_align_doc *ad = p->al->orig;
	const tl_align_block *b = &ad->blocks[i];
	size_t found = TL_NONE;
	if (!is_text_kind(b->kind))
		return TL_NONE;
	char *x = stripped(p->src, b->start, b->end, COPY_SPACE, false);
	for (size_t k = i > 8 ? i - 8 : 0;
	     found == TL_NONE && k <= i + 8 && k < ad->n; k++) {
		const tl_align_block *c = &ad->blocks[k];
		if (k == i || (!any && dropped[k]) || !is_text_kind(c->kind))
			continue;
		char *y = stripped(p->src, c->start, c->end, COPY_SPACE, false);
		if (strcmp(x, y) == 0)
			found = k;
		free(y);
	}
	free(x);
	return found;
}

/* Whether original block I, dropped, repeats word for word a translated
 * original block nearby (copy_near()), and of the blocks between the two
 * at least half are pictures or have a copy of their own nearby: the
 * conversion of a web page
 * wrote a passage twice (the summary over the lead image and again under
 * it, 7-Zip's release notes, a list given again as paragraphs), and the
 * translation gives it once. Only text of 40 bytes or more: a short label
 * ("Output:") is repeated on purpose; and not a sentence repeated in
 * another section, with other blocks between (the same instruction for
 * two kernel modules), whose loss is real. DROPPED as in_toc(). */
static bool repeated(const tl_pairing *p, const bool *dropped, size_t i)
{
	const tl_align_doc *ad = p->al->orig;
	if (ad->blocks[i].end - ad->blocks[i].start < 40)
		return false;
	size_t k = copy_near(p, dropped, i, false);
	if (k == TL_NONE)
		return false;
	size_t between = 0, alone = 0;
	for (size_t m = (k < i ? k : i) + 1; m < (k < i ? i : k); m++) {
		between++;
		if (ad->blocks[m].kind != TL_ALIGN_IMAGE &&
		    copy_near(p, dropped, m, true) == TL_NONE)
			alone++;
	}
	return 2 * alone <= between;
}

/* ---- A block translated in place, left unpaired ------------------------ */

/* Whether translated block J repeats word for word another translated
 * block up to three blocks away (COPY_SPACE aside) that renders an
 * original block: a caption written twice, which is no rendering of the
 * original block beside it. (A lead-in that the article repeats far
 * away, "更多信息：" under every section, may well be.) */
static bool trans_copy(const tl_pairing *p, size_t j)
{
	const tl_align_doc *ad = p->al->trans;
	const tl_align_block *b = &ad->blocks[j];
	char *x = stripped(p->trans, b->start, b->end, COPY_SPACE, false);
	bool found = false;
	for (size_t k = j > 3 ? j - 3 : 0;
	     !found && *x && k <= j + 3 && k < ad->n; k++) {
		const tl_align_block *c = &ad->blocks[k];
		if (k == j || c->kind != b->kind ||
		    !tl_align_pair_of_trans(p->al, k)->norig)
			continue;
		char *y =
		    stripped(p->trans, c->start, c->end, COPY_SPACE, false);
		found = strcmp(x, y) == 0;
		free(y);
	}
	free(x);
	return found;
}

/* The number of keys (anchors and words) blocks A and B share. */
static size_t shared_keys(const tl_align_block *a, const tl_align_block *b)
{
	size_t n = 0;
	for (size_t x = 0, y = 0; x < a->nkeys && y < b->nkeys;) {
		if (a->keys[x] < b->keys[y]) {
			x++;
		} else if (a->keys[x] > b->keys[y]) {
			y++;
		} else {
			n++;
			x++;
			y++;
		}
	}
	return n;
}

/* Whether blocks OB and TB are of one kind, or both text (a paragraph
 * made a list item). */
static bool kinds_match(const tl_align_block *ob, const tl_align_block *tb)
{
	return ob->kind == tb->kind ||
	       (is_text_kind(ob->kind) && is_text_kind(tb->kind));
}

/* Whether block B of SRC ends in a colon or a dash (blank and closing
 * emphasis aside): a lead-in to what follows ("Here is more about it –",
 * "更多信息："). */
static bool lead_in(const tl_source *src, const tl_align_block *b)
{
	const char *d = src->data;
	size_t e = b->end;
	while (e > b->start && strchr(" \t\r\n*_", d[e - 1]))
		e--;
	if (e > b->start && d[e - 1] == ':')
		return true;
	return e - b->start >= 3 && (memcmp(d + e - 3, "：", 3) == 0 ||
	                             memcmp(d + e - 3, "–", 3) == 0 ||
	                             memcmp(d + e - 3, "—", 3) == 0);
}

/* Whether original block OB and translated block TB of kinds that match
 * could be one block translated in place: sharing an anchor or a word the
 * translation keeps (or both lead-ins: lead_in()), every link of OB kept, TB
 * written in CJK, and TB not much shorter than OB unless OB is short (a
 * lead-in, a title: rendered freely). */
static bool could_render(const tl_pairing *p, const tl_align_block *ob,
                         const tl_align_block *tb)
{
	if (!tb->ncjk)
		return false;
	if (!shared_keys(ob, tb) &&
	    !(lead_in(p->src, ob) && lead_in(p->trans, tb)))
		return false;
	for (size_t a = 0; a < ob->nanchors; a++)
		if (ob->anchors[a].type == TL_ANCHOR_LINK &&
		    !tl_align_block_has(tb, ob->anchors[a].hash))
			return false;
	double lo = tl_align_length(ob);
	return lo < 100 || tl_align_length(tb) >= 0.4 * lo;
}

/* The most a 1-1 pair of a dropped and an added block side by side may
 * cost above the two left alone for the alignment to be unsure of them,
 * in nats. */
#define UNSURE_MARGIN 3.0

/* The 0-1 pair whose translated block renders in place the original
 * block of the 1-0 pair K, where the alignment was unsure: TL_NONE for
 * none. In the run of 1-0 and 0-1 pairs around K, the block of K and
 * one translated block are each the only one of a kind that matches the
 * other's (kinds_match(): several items dropped beside one paragraph are
 * a list run together, not rendered in place), the two could be one
 * (could_render()), pairing them would cost at most UNSURE_MARGIN more
 * than leaving both alone (the length's and anchors' costs are capped:
 * a condensed or loosely rendered block, a title made short, code spans
 * written as words, costs about as much paired as not), and the
 * translated block is no copy of another one that renders something
 * else (a caption written twice in place of a paragraph), nor LCTT's
 * summary over the first paragraph (lead_block()). */
static size_t in_place(const tl_pairing *p, size_t k)
{
	const tl_align *al = p->al;
	size_t x = k, y = k;
	while (x > 0 && (al->pairs[x - 1].type == TL_PAIR_1_0 ||
	                 al->pairs[x - 1].type == TL_PAIR_0_1))
		x--;
	while (y + 1 < al->npairs && (al->pairs[y + 1].type == TL_PAIR_1_0 ||
	                              al->pairs[y + 1].type == TL_PAIR_0_1))
		y++;
	const tl_align_pair *pr = &al->pairs[k];
	const tl_align_block *ob = &al->orig->blocks[pr->orig];
	size_t found = TL_NONE;
	for (size_t q = x; q <= y; q++) {
		const tl_align_pair *o = &al->pairs[q];
		if (o->type != TL_PAIR_0_1 || lead_block(p, q) ||
		    !kinds_match(ob, &al->trans->blocks[o->trans]))
			continue;
		if (found != TL_NONE)
			return TL_NONE;
		found = q;
	}
	if (found == TL_NONE)
		return TL_NONE;
	const tl_align_pair *o = &al->pairs[found];
	const tl_align_block *tb = &al->trans->blocks[o->trans];
	for (size_t q = x; q <= y; q++)
		if (q != k && al->pairs[q].type == TL_PAIR_1_0 &&
		    kinds_match(&al->orig->blocks[al->pairs[q].orig], tb))
			return TL_NONE;
	if (!could_render(p, ob, tb))
		return TL_NONE;
	double c = tl_align_cost(al, pr->orig, 1, o->trans, 1, NULL);
	if (c - pr->cost - o->cost > UNSURE_MARGIN || trans_copy(p, o->trans))
		return TL_NONE;
	return found;
}

/* ---- A table of contents ------------------------------------------------ */

/* Whether link destination KEY leads to a place in the same page: "#id",
 * or "tmp.XXXXXXXXXX#id", the temporary file LCTT's conversion of a web
 * page wrote its anchors against. */
static bool same_page(const char *key)
{
	if (strncmp(key, "tmp.", 4) == 0) {
		size_t n = 4;
		while ((key[n] >= 'a' && key[n] <= 'z') ||
		       (key[n] >= 'A' && key[n] <= 'Z') ||
		       (key[n] >= '0' && key[n] <= '9'))
			n++;
		if (n == 4)
			return false;
		key += n;
	}
	return key[0] == '#' && key[1];
}

/* Whether original block B is a list item that is one link to a place
 * in the same page and nothing else: "[Text](#anchor)", "[Text][3]"
 * with "[3]: #anchor". */
static bool toc_item(const tl_source *src, const tl_align_block *b)
{
	const char *d = src->data;
	size_t s = b->start, e = b->end;
	if (b->kind != TL_ALIGN_ITEM)
		return false;
	while (s < e && (d[s] == ' ' || d[s] == '\t'))
		s++;
	while (e > s && (d[e - 1] == '\n' || d[e - 1] == '\r' ||
	                 d[e - 1] == ' ' || d[e - 1] == '\t'))
		e--;
	if (s >= e || d[s] != '[')
		return false;
	for (size_t i = 0; i < b->nanchors; i++) {
		const tl_align_anchor *a = &b->anchors[i];
		if (a->type == TL_ANCHOR_LINK && a->start == s && a->end == e)
			return same_page(a->key);
	}
	return false;
}

/* Whether original heading B reads as the title of a table of contents
 * ("Table of Contents", "Contents:"). */
static bool toc_heading(const tl_source *src, const tl_align_block *b)
{
	static const char *const titles[] = {
	    "table of contents", "contents",    "content", "toc",
	    "in this article",   "on this page"};
	const char *d = src->data;
	size_t s = b->start, e = b->end;
	if (b->kind != TL_ALIGN_HEADING)
		return false;
	const char *nl = memchr(d + s, '\n', e - s); /* a setext underline */
	if (nl)
		e = (size_t)(nl - d);
	while (s < e && (d[s] == '#' || d[s] == ' ' || d[s] == '\t'))
		s++;
	while (e > s &&
	       (d[e - 1] == '#' || d[e - 1] == ' ' || d[e - 1] == '\t' ||
	        d[e - 1] == '\r' || d[e - 1] == ':' || d[e - 1] == '*'))
		e--;
	while (s < e && d[s] == '*')
		s++;
	for (size_t t = 0; t < sizeof titles / sizeof *titles; t++)
		if (strlen(titles[t]) == e - s &&
		    strncasecmp(d + s, titles[t], e - s) == 0)
			return true;
	return false;
}

/* The first line of block B of SRC without its mark-up and section
 * numbers ("#### 1.1. Run A Command", "2. 1.1. Run A Command": "Run A
 * Command"), into [*S, *E). */
static void bare_title(const tl_source *src, const tl_align_block *b, size_t *s,
                       size_t *e)
{
	const char *d = src->data;
	size_t i = b->start, end = b->end;
	const char *nl = memchr(d + i, '\n', end - i);
	if (nl)
		end = (size_t)(nl - d);
	for (;;) {
		while (i < end && (d[i] == '#' || d[i] == ' ' || d[i] == '\t' ||
		                   d[i] == '*'))
			i++;
		size_t j = i;
		while (j < end && ((d[j] >= '0' && d[j] <= '9') ||
		                   d[j] == '.' || d[j] == '\\'))
			j++;
		if (j == i || j >= end || d[j] != ' ' || d[j - 1] != '.')
			break;
		i = j;
	}
	while (end > i &&
	       (d[end - 1] == ' ' || d[end - 1] == '\r' || d[end - 1] == '#'))
		end--;
	*s = i;
	*e = end;
}

/* Whether original list item I starts with the title of one of the
 * original's headings, followed by nothing or by two spaces (the next
 * entry glued to it): an entry of a table of contents that the
 * conversion of a web page flattened into text ("1. 1. Execute Commands
 * Via SSH  2. 1.1. Run A Single Command"). */
static bool titled_item(const tl_pairing *p, size_t i)
{
	const tl_align_doc *ad = p->al->orig;
	const char *d = p->src->data;
	size_t s, e;
	bare_title(p->src, &ad->blocks[i], &s, &e);
	for (size_t k = 0; k < ad->n; k++) {
		if (ad->blocks[k].kind != TL_ALIGN_HEADING)
			continue;
		size_t hs, he;
		bare_title(p->src, &ad->blocks[k], &hs, &he);
		size_t n = he - hs;
		if (n >= 4 && n <= e - s &&
		    strncasecmp(d + s, d + hs, n) == 0 &&
		    (s + n == e || (e - s - n >= 2 && d[s + n] == ' ' &&
		                    d[s + n + 1] == ' ')))
			return true;
	}
	return false;
}

/* Whether original block I is part of a table of contents the translator
 * dropped whole (LCTT's site builds its own): a run of list items, two or
 * more, nested or not, each one link to a place in the same page, none of
 * them translated; or the heading right before such a run, dropped too,
 * that titles it ("Table of Contents"). Under such a heading, dropped,
 * the items may also be the titles of the article's headings without
 * their links (titled_item()). DROPPED[i]: original block i has no
 * counterpart. */
static bool in_toc(const tl_pairing *p, const bool *dropped, size_t i)
{
	const tl_align_doc *ad = p->al->orig;
	size_t a = i;
	if (toc_heading(p->src, &ad->blocks[i]))
		a = i + 1;
	if (a >= ad->n || !dropped[a] || ad->blocks[a].kind != TL_ALIGN_ITEM)
		return false;
	size_t first, last;
	kind_run(ad, a, &first, &last);
	/* The heading titles the run it stands right before. */
	if (last == first || (a != i && first != a))
		return false;
	bool headed = first > 0 && dropped[first - 1] &&
	              toc_heading(p->src, &ad->blocks[first - 1]);
	for (size_t k = first; k <= last; k++)
		if (!dropped[k] || !(toc_item(p->src, &ad->blocks[k]) ||
		                     (headed && titled_item(p, k))))
			return false;
	return true;
}

/* Whether block B of SRC shows nothing: white space only, such as the
 * no-break space that the conversion of a web page left as a paragraph
 * of its own (a blank line on the page); with PUNCT, ASCII punctuation
 * too: the original's lone ":" or empty table row ("|  |"), which has
 * nothing to translate (a translated "======" after a blank line is a
 * title broken, and counts). */
static bool blank(const tl_source *src, const tl_align_block *b, bool punct)
{
	for (size_t i = b->start; i < b->end;) {
		uint32_t cp;
		size_t k = tl_utf8_decode(src->data + i, b->end - i, &cp);
		if (k == 0 || !(tl_char_is_space(cp) ||
		                (punct && cp < 0x80 && ispunct((int)cp))))
			return false;
		i += k;
	}
	return true;
}

/* Whether original SRC lost its end: it uses a link reference ("][1]")
 * but defines no label (no line "[label]: …" but LCTT's "[#]:" header),
 * as a copy of a web page cut off before the definitions at its end
 * leaves it. What a translation has after the original's last block is
 * then the rest of the article, not added text. */
static bool cut_off(const tl_source *src)
{
	const char *d = src->data, *end = d + src->len;
	/* A definition answers no wherever it stands: each line's start,
	 * found by memchr (a byte loop over the whole original was most
	 * of the rule's cost). */
	for (const char *l = d; l && end - l > 2;) {
		if (l[0] == '[' && l[1] != '#') {
			const char *e = l + 1;
			while (e < end && *e != ']' && *e != '\n')
				e++;
			if (end - e > 1 && e > l + 1 && *e == ']' &&
			    e[1] == ':')
				return false;
		}
		l = memchr(l, '\n', (size_t)(end - l));
		if (l)
			l++;
	}
	/* Then a use: "][" and a label closed on its line. */
	for (const char *p = d; end - p > 2; p++) {
		p = memchr(p, ']', (size_t)(end - p - 2));
		if (!p)
			break;
		if (p[1] == '[' && p[2] != ']') {
			const char *e = p + 2;
			while (e < end && *e != ']' && *e != '\n' && *e != '[')
				e++;
			if (e < end && *e == ']')
				return true;
		}
	}
	return false;
}

/* Whether translated text block B of SRC begins with "LCTT 译注" or
 * "LCTT 译者注" (quote markers, emphasis and spaces aside): a translator's
 * note of its own. The alignment marks a block a note (tl_align_block's
 * note) when its text begins with 译注 or a parenthesis; "LCTT" at the
 * very start reads there as a word of the block. */
static bool lctt_note(const tl_source *src, const tl_align_block *b)
{
	const char *d = src->data;
	size_t s = b->start, e = b->end;
	if (!is_text_kind(b->kind))
		return false;
	while (s < e && strchr(" \t>*_", d[s]))
		s++;
	if (e - s < 4 || memcmp(d + s, "LCTT", 4) != 0)
		return false;
	for (s += 4; s < e && d[s] == ' ';)
		s++;
	return (e - s >= 6 && memcmp(d + s, "译注", 6) == 0) ||
	       (e - s >= 9 && memcmp(d + s, "译者注", 9) == 0);
}

/* Whether block B of SRC (of the original when ORIG) counts: has text
 * a translation renders. */
static bool counted(const tl_source *src, const tl_align_block *b, bool orig)
{
	switch (b->kind) {
	case TL_ALIGN_FRONT_MATTER:
	case TL_ALIGN_META:
	case TL_ALIGN_BREAK:
		return false;
	case TL_ALIGN_HTML:
		return !tl_pairing_is_comment(src, b);
	default:
		return !blank(src, b, orig);
	}
}

static void check_original(tl_check *ck, const tl_pairing *p)
{
	if (!p->src) {
		/* An error whatever the rule's severity: the file cannot be
		 * checked as the configuration asks. */
		if (!p->orig->required || p->orig->data)
			return;
		size_t at = p->trans->body;
		const char *why = p->orig->why ? p->orig->why : "";
		tl_check_report_original(
		    ck, at, at, TL_NONE, TL_NONE, TL_SEVERITY_ERROR,
		    "No original found for this translation "
		    "(source-required)%s%s",
		    "找不到这篇译文的原文（source-required）%s%s",
		    *why ? ": " : "", why);
		return;
	}
	const tl_align *al = p->al;
	/* The pairs after END render nothing of an original cut off. */
	size_t end = al->npairs;
	if (end > 0 && !al->pairs[end - 1].norig && cut_off(p->src))
		while (end > 0 && !al->pairs[end - 1].norig)
			end--;
	bool *dropped = tl_xcalloc(al->orig->n + 1, sizeof *dropped);
	/* The 0-1 pairs that render a dropped block in place. */
	bool *rendering = tl_xcalloc(al->npairs + 1, sizeof *rendering);
	for (size_t k = 0; k < al->npairs; k++)
		if (al->pairs[k].type == TL_PAIR_1_0) {
			dropped[al->pairs[k].orig] = true;
			size_t q = in_place(p, k);
			if (q != TL_NONE)
				rendering[k] = rendering[q] = true;
		}
	for (size_t k = 0; k < al->npairs; k++) {
		const tl_align_pair *pr = &al->pairs[k];
		size_t s, e;
		size_t a, b, lone;
		bool one;
		if ((pr->type == TL_PAIR_1_0 || pr->type == TL_PAIR_0_1) &&
		    in_layout(ck, p, k, &a, &b, &lone, &one)) {
			/* Blocks of the original made the lines of one
			 * translated block are reported once, there, from the
			 * run's first 1-0 or 0-1 pair: read as Markdown, the
			 * lines run together (a list lost, paragraphs
			 * glued). The other way round, the translator split
			 * what the original ran together: nothing to report. */
			bool first = true;
			for (size_t q = a; q < k; q++)
				if (al->pairs[q].type == TL_PAIR_1_0 ||
				    al->pairs[q].type == TL_PAIR_0_1)
					first = false;
			if (!one || !first)
				continue;
			size_t o1 = TL_NONE, o2 = TL_NONE;
			for (size_t q = a; q <= b; q++)
				if (al->pairs[q].norig) {
					if (o1 == TL_NONE)
						o1 = al->pairs[q].orig;
					o2 = al->pairs[q].orig +
					     al->pairs[q].norig - 1;
				}
			const tl_align_block *fb = &al->orig->blocks[o1];
			const tl_align_block *lb = &al->orig->blocks[o2];
			tl_pairing_place(p, al->trans_pair[lone], &s, &e);
			tl_pos at = tl_source_position(p->src, fb->start,
			                               TL_UNIT_CODEPOINT);
			tl_pos to = tl_source_position(p->src, lb->start,
			                               TL_UNIT_CODEPOINT);
			tl_check_report_original(
			    ck, s, e, fb->start, lb->end, TL_SEVERITY_OFF,
			    "The original's %zu blocks at lines %zu to %zu are "
			    "the lines of this %s: read as Markdown, they run "
			    "together",
			    "原文的 %zu 个块（第 %zu 到 %zu "
			    "行）成了这个%s的各行："
			    "按 Markdown 显示时它们会连成一段",
			    o2 - o1 + 1, at.line, to.line,
			    tl_pairing_kind_name(ck, &al->trans->blocks[lone]));
			continue;
		}
		if (pr->type == TL_PAIR_1_0) {
			const tl_align_block *ob = &al->orig->blocks[pr->orig];
			if (!counted(p->src, ob, true) ||
			    tl_pairing_is_template(ob) ||
			    droppable(ck, p, pr->orig) ||
			    in_broken_table(p, pr->orig) || image_glued(p, k) ||
			    glued_to_image(p, k) || icon_merged(p, k) ||
			    same_lead(p, k) || flat_table(p, k) ||
			    lead_summary(p, k) || code_moved(p, k) ||
			    code_inlined(p, k) ||
			    in_toc(p, dropped, pr->orig) ||
			    repeated(p, dropped, pr->orig) || rendering[k])
				continue;
			tl_pairing_place(p, k, &s, &e);
			tl_pos at = tl_source_position(p->src, ob->start,
			                               TL_UNIT_CODEPOINT);
			tl_check_report_original(
			    ck, s, e, ob->start, ob->end, TL_SEVERITY_OFF,
			    "Line %zu of the original (%s) has no translation: "
			    "“%s”",
			    "原文第 %zu 行的%s没有译文：“%s”", at.line,
			    tl_pairing_kind_name(ck, ob),
			    tl_pairing_excerpt(ck, p->src, ob, 40));
		} else if (pr->type == TL_PAIR_0_1) {
			const tl_align_block *tb =
			    &al->trans->blocks[pr->trans];
			if (!counted(p->trans, tb, false) || tb->note ||
			    lctt_note(p->trans, tb) || k >= end ||
			    tl_pairing_heading_in_code(p, k) ||
			    tl_pairing_prose_in_code(p, k) ||
			    half_of_split(p, k) || flat_table(p, k) ||
			    same_lead(p, k) || lead_block(p, k) ||
			    lead_heading(p, k) || code_moved(p, k) ||
			    rendering[k] || split_half(p, k))
				continue;
			tl_pairing_place(p, k, &s, &e);
			tl_check_report_original(
			    ck, s, e, TL_NONE, TL_NONE, TL_SEVERITY_INFO,
			    "This %s has no counterpart in the original "
			    "(added text)",
			    "这个%s在原文中没有对应内容（增加的文字）",
			    tl_pairing_kind_name(ck, tb));
		}
	}
	free(rendering);
	free(dropped);
}

const tl_rule tl_rule_source_missing = {
    .name = "source-missing",
    .summary = "Every block of the original has its translation",
    .summary_zh = "原文的每个块都应有译文",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_NONE,
    .options = options,
    .description =
        "With an original (`--source`, or the `source:` mappings of the "
        "configuration), flags each block of the original that the "
        "alignment (docs/alignment.md) pairs with nothing in the "
        "translation: a dropped paragraph, list item, heading, table row, "
        "image, code block or HTML block, at the start of the next "
        "translated block, with the original block's place and first "
        "words.\n\n"
        "A translated block with no original (added text) is reported "
        "at `info` level, for a reviewer to look at; a translator's note "
        "(a block that begins with `译注`, `译者注` or `LCTT 译注`) is not.\n\n"
        "Left alone on both sides: the front matter and metadata lines "
        "(link reference definitions such as LCTT's `[#]:` header, which "
        "translators rewrite), thematic breaks and HTML comments.\n\n"
        "An original block that matches `may-drop` (below) may be left "
        "out, and so may a site's icon alone "
        "(`android-chrome-192x192.png`: a card's leftover), a product box "
        "(every link to Amazon, and its table), "
        "a block with nothing to translate (a no-break space, a lone "
        "`:`, a picture's blank stand-in: `![][12]` whose destination is "
        "a `data:` URI) and an embedded tweet's date line under its quote "
        "(`[May 20, 2022][3]`).\n\n"
        "Nor is a table of contents the translator dropped whole "
        "(LCTT's site builds its own): a list of two items or more, each "
        "one link to a place in the same page and nothing else (`#…`, or "
        "`tmp.XXXXXXXXXX#…` as LCTT's conversion writes it), none "
        "translated, and the heading right before it that titles it "
        "(`Table of Contents`, `TOC`, `In this article`, …), under which "
        "the items may be heading titles without links. A list of links "
        "to other pages, or one partly "
        "translated, is reported.",
    .fix_doc = "None: the missing text needs translating.",
    .description_zh =
        "有原文时（`--source`，或配置中的 `source:` 映射），"
        "标记对齐（docs/alignment.md）后在译文中没有对应块的原文块："
        "漏译的段落、列表项、标题、表格行、图片、代码块或 HTML "
        "块，报告在下一个译文块的开头，带有原文块的位置和开头几个词。\n\n"
        "没有原文的译文块（增加的文字）以 `info` "
        "级别报告，供审校查看；译者注（以 `译注`、`译者注` 或 `LCTT 译注` "
        "开头的块）不报告。\n\n两边都不检查：前置元数据和元数据行（如 LCTT "
        "的 `[#]:` 头部这样的链接引用定义，译者会改写它们）、"
        "分隔线和 HTML 注释。\n\n匹配 `may-drop`（见下）的原文块可以不译，"
        "单独的网站图标（`android-chrome-192x192.png`：卡片的残留）、"
        "商品框（链接都指向 Amazon，及其表格）、"
        "没有可译内容的块（一个不换行空格、单独的 `:`、图片的空白占位："
        "目标是 `data:` URI 的 `![][12]`）"
        "和嵌入推文引用下面的日期行（`[May 20, 2022][3]`）也可以。\n\n"
        "译者整个删掉的目录也不报告（LCTT 的网站会自己生成目录）："
        "一个至少两项的列表，每项都只是一个指向同一页面中某处的链接"
        "（`#…`，或 LCTT 转换网页时写成的 `tmp.XXXXXXXXXX#…`），"
        "没有一项被翻译；以及紧挨在它前面的目录标题（`Table of Contents`、"
        "`TOC`、`In this article` 等），"
        "其下的项也可以是不带链接的各标题。"
        "指向其他页面的链接列表、只译了一部分的目录照常报告。",
    .fix_doc_zh = "无：缺失的文字需要翻译。",
    .description_more =
        "A block moved elsewhere is not reported when the alignment pairs "
        "it as moved (by an anchor the two share, or, for prose, two "
        "Latin words kept in the translation); without either, it is "
        "reported twice, dropped and added.\n\n"
        "A table the conversion broke (a cell's second line on "
        "a line of its own: no `|` in it, or none first after a row "
        "with none last) is mended by translators: its rows that have "
        "no counterpart are not reported. Nor are the rows of a table that "
        "the conversion put on one line, where the translator made rows "
        "again (a translated row whose text, without pipes and spaces, "
        "stands in an original block nearby, and that original block).\n\n"
        "Also left alone, as the conversion's work or LCTT's "
        "conventions: an original image glued in the translation to the "
        "paragraph next to it (no blank line between; also the text the "
        "alignment then left out), or an icon alone "
        "(`💡`) put into it; half of an "
        "original paragraph holding text and an image (opensource.com's "
        "summary and lead image) translated as two blocks, or the whole "
        "of it left out before the first paragraph where the translation "
        "has LCTT's summary quote, or an added "
        "text block holding an anchor of the original block next to it "
        "that its translation lacks (split in two); an image or a "
        "quote added before the first paragraph (LCTT's lead image and "
        "summary); a heading added over a paragraph whose lead-in it "
        "renders (`*Build your own project:* Identifying …`); code moved "
        "between text and a code block (an original "
        "paragraph of code that a translated code block nearby holds, or "
        "a translated code block whose code an original block nearby has "
        "in its text, after a `[code]` mark, or an original code block "
        "of one line that a translated sentence nearby has as inline "
        "code: `Ctrl+C`); a dropped and an added "
        "block side by side that open with the same inline code "
        "(`` `daily`: ``), or, where the alignment was unsure of them, "
        "that could be one block translated in place (alone of their "
        "kind there, sharing an anchor or kept word or both lead-ins "
        "ending in a colon, every link kept, "
        "paired at most 3 nats dearer: a lead-in condensed, code spans "
        "written as words); a heading added that "
        "an original code block "
        "nearby has as a `## …` line (broken fences), or an added text "
        "block whose sentence such a block has as a line of prose sharing "
        "two of its Latin words or numbers; and a dropped "
        "block that "
        "repeats a translated one of the original up to 8 blocks away, "
        "most blocks between repeated too (40 bytes or more: written "
        "twice).\n\n"
        "Nor is a block laid out otherwise: one block on one side and, "
        "around it, as many paragraphs or list items as it has lines, or "
        "list items glued into its line (`One.  * Two.`), sharing its "
        "anchors. When it is the original's, the translator split it; "
        "when the translation's, Markdown runs its lines together (a list "
        "lost, paragraphs glued): reported once.\n\n"
        "Nor is what the translation has after the original's last "
        "block when the original was cut off: it uses link references "
        "(`[text][1]`) but defines none, the definitions at its end lost "
        "with the rest of the article.\n\n"
        "With `source-required: true`, a translation whose original "
        "cannot be found is an error at its first line; otherwise, "
        "without an original, the rule is silent.\n\n"
        "Why: a dropped paragraph reads fine on its own; only the "
        "original shows it is gone.",
    .description_more_zh =
        "移到别处的块被对齐配对为移动时不报告（靠两者共有的锚点，"
        "或者对于正文，靠译文保留的两个拉丁字母单词）；两者都没有时"
        "报告两次：缺失和增加。\n\n"
        "网页转换弄坏的表格（单元格的第二行单独成了一行：没有 `|`，"
        "或上一行不以 `|` 结尾而这一行不以 `|` "
        "开头）会被译者修好：这种表格中没有对应的行不报告。网页转换压成一行、"
        "译者又重新分成多行的表格也一样（去掉竖线和空格后文字出现在附近原文块中"
        "的"
        "译文表格行，以及那个原文块）。\n\n同样不报告的，还有网页转换造成的"
        "或 LCTT 的惯例允许的情形：原文的图片在译文中紧贴着旁边的段落（中间没有"
        "空行，图片成了那个段落的一部分；对齐因此漏掉的文字也是），或单独成段的"
        "图标（`💡`"
        "）被放进了旁边的块；原文中同时含有文字和图片的段落"
        "（opensource.com "
        "的摘要和题图）被译成两个块（引用或段落，加上图片）时的"
        "其中一半（或在第一个段落之前、译文有 LCTT "
        "的摘要引用时的整个段落），或者增加的文字块含有旁边原文块的数字、行内代"
        "码或链接"
        "而那个块的译文没有（一分为二）；以及加在文章第一个段落之前的图片或引用"
        "（LCTT "
        "添加的题图和摘要）；加在一个段落之上、译出其引导语的标题"
        "（`*Build your own project:* Identifying "
        "…`）；以及在正文和代码块之间移动的代码：原文中是代码的段"
        "落"
        "（行内代码，或网页转换留在围栏外的命令）而附近的译文代码块含有它，或者"
        "译文代码块中的代码出现在附近原文块的文字里（转换器的 `[code]` "
        "标记之后），或者附近译文句子里作为行内代码出现的单行原文代码块（`Ctrl+"
        "C`）；并排的一个漏译块和一个增加的块，以同一个行内代码开头"
        "（`` `daily`: ``），或对齐拿不准、可能是原地翻译的同一个块"
        "（那里仅有的两个同类块，有共同的锚点或保留的单词，或者都是以冒号结尾的"
        "引导语，"
        "链接都在，配对最多贵 3 "
        "nats：压缩的引导语、写成文字的行内代码）；附近原文代码块中有一行 `## "
        "…` "
        "的增加的标题（围栏被弄坏），或者附近原文代码块中有一行与之共有两个"
        "拉丁字母单词或数字的正文句子的增加的文字块；以及重复原文中 8 "
        "块以内另一个已译块、"
        "其间多数块也重复了的漏译块（40 字节以上：写了两遍）。"
        "\n\n换了排版的块也不报告：一边一个块，它周围另一边的段落或列表项"
        "数目等于它的行数或粘在它那一行里的列表项数（`One.  * Two.`），"
        "且有共同的锚点。那个块是原文的：译者把它拆开了；是译文的："
        "Markdown "
        "会把它的各行连成一段（列表丢了、段落粘在一起），在那里报告一次。"
        "\n\n原文被截断时（用了链接引用 `[text][1]` 却一个也没有定义："
        "结尾的定义随文章的其余部分一起丢了），译文在原文最后一个块之后"
        "的内容也不报告。"
        "\n\n有 `source-required: true` 时，找不到原文的译文在第一行报错；"
        "否则没有原文时本规则不报告。\n\n"
        "原因：漏译的段落单独读起来毫无问题，只有对照原文才能发现它不见了。",
    .original = "Open source wins.\n\nIt wins because anyone can read the "
                "code.\n\nAnd anyone can fix it.\n",
    .bad = "开源赢了。\n\n而且任何人都可以修复它。\n",
    .good = "开源赢了。\n\n它之所以赢，是因为任何人都可以阅读代码。\n\n"
            "而且任何人都可以修复它。\n",
    .check_original = check_original,
};
