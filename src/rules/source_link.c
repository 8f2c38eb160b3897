/*
 * source-link: a link or image destination of an original block that its
 * translation lost or altered, and a destination the translation added
 * that the original does not have.
 *
 * Links are where a reader goes next and images what the article shows;
 * translators drop them while rewriting a sentence, and mistype them
 * (a full-width character, a trailing period swallowed). Destinations
 * are the alignment's link anchors: link and image destinations with
 * reference links resolved, bare URLs, href and src of inline HTML. Two
 * destinations that differ only by http/https, a leading "www." or a
 * trailing "/" are the same. Fragment-only destinations ("#install")
 * follow the translated headings and data: URIs are placeholders: they
 * are not compared; nor is a destination of the original that holds CJK
 * characters, a translation project's template that the translator
 * fills in (LCTT's "https://github.com/译者ID").
 *
 * A destination is looked for in the translated blocks of its pair and
 * in the block just before and after them. An added destination is one
 * of a translated block with an original that no block of the original
 * has, unless allow-added lets it (the project's own
 * site, a Chinese version of a page): blocks that have no original at
 * all are source-missing's added text, not looked at here.
 */
#include "rule.h"

#include <stdio.h>
#include <string.h>

static const tl_option_def options[] = {
    {"allow-added", TL_OPTION_LIST, "", NULL,
     "Destinations a translation may add: a host (it and its subdomains: "
     "`linux.cn` allows `https://linux.cn/...` and "
     "`https://www.linux.cn/...`) or, when the item holds a \"/\", the "
     "start of a URL.",
     "译文可以增加的链接目标：主机名（它及其子域名：`linux.cn` 允许 "
     "`https://linux.cn/...` 和 `https://www.linux.cn/...`），"
     "或者（条目中含有“/”时）URL 的开头。"},
    {NULL, TL_OPTION_STRING, NULL, NULL, NULL, NULL},
};

/* Blocks whose destinations are compared. */
static bool compared(const tl_align_block *b)
{
	return b->kind != TL_ALIGN_FRONT_MATTER && b->kind != TL_ALIGN_META &&
	       b->kind != TL_ALIGN_CODE && b->kind != TL_ALIGN_BREAK;
}

/* KEY without its scheme (http, https), "www." and trailing "/": what
 * two spellings of one destination share. What a web page's conversion
 * glued to a destination is left out too: a title after an encoded
 * space and quote ("https://adoptium.net/%20%22https://Adoptium.net%22"),
 * punctuation and emphasis of the sentence ("https://linuxmint.com**”",
 * "https://example.org."); and a tracking query ("?ref=", "?utm_").
 * Into *N bytes at the result. */
static const char *normal(const char *key, size_t *n)
{
	size_t len = strlen(key);
	/* strstr(key, "%20%22"), from one '%' to the next: most keys have
	 * none. */
	const char *glued = memchr(key, '%', len);
	while (glued && strncmp(glued, "%20%22", 6) != 0)
		glued = memchr(glued + 1, '%', len - (size_t)(glued + 1 - key));
	if (glued && glued > key)
		len = (size_t)(glued - key);
	/* A site's tracking query ("?ref=itsfoss.com", "?utm_source=…"),
	 * which translators leave out. */
	const char *q = memchr(key, '?', len);
	if (q &&
	    (strncmp(q + 1, "ref=", 4) == 0 || strncmp(q + 1, "utm_", 4) == 0))
		len = (size_t)(q - key);
	for (;;) {
		if (len > 0 && strchr(".,;*\"'", key[len - 1]))
			len--;
		else if (len >= 3 &&
		         (memcmp(key + len - 3, "\xE2\x80\x9D", 3) == 0 ||
		          memcmp(key + len - 3, "\xE2\x80\x99", 3) == 0))
			len -= 3;
		else
			break;
	}
	/* LEN bytes, none of them NUL: memcmp is strncmp here. */
	if (len > 7 && memcmp(key, "http://", 7) == 0)
		key += 7, len -= 7;
	else if (len > 8 && memcmp(key, "https://", 8) == 0)
		key += 8, len -= 8;
	if (len > 4 && memcmp(key, "www.", 4) == 0)
		key += 4, len -= 4;
	while (len > 0 && key[len - 1] == '/')
		len--;
	*n = len;
	return key;
}

/* The bytes that end a host. */
static const bool ends_host[256] = {
    ['/'] = true, [':'] = true, ['?'] = true, ['#'] = true};

/* The length of the host at the start of K (N bytes, normal()'s). */
static size_t host_len(const char *k, size_t n)
{
	size_t h = 0;
	while (h < n && !ends_host[(unsigned char)k[h]])
		h++;
	return h;
}

/* Hosts compare without case ("https://FFmpeg.org/" is
 * "https://ffmpeg.org/"), the rest exactly. */
static bool same(const char *a, const char *b)
{
	size_t na, nb;
	a = normal(a, &na);
	b = normal(b, &nb);
	if (na != nb)
		return false;
	size_t h = host_len(a, na);
	return h == host_len(b, nb) && strncasecmp(a, b, h) == 0 &&
	       memcmp(a + h, b + h, na - h) == 0;
}

/* Whether blocks [FIRST, END) of AD have a destination equal to KEY
 * (HASH) or spelled otherwise as above. */
static bool has(const tl_align_doc *ad, size_t first, size_t end,
                const char *key, uint64_t hash)
{
	for (size_t j = first; j < end; j++) {
		const tl_align_block *b = &ad->blocks[j];
		if (tl_align_block_has(b, hash))
			return true;
		for (size_t a = 0; a < b->nanchors; a++)
			if (b->anchors[a].type == TL_ANCHOR_LINK &&
			    same(b->anchors[a].key, key))
				return true;
	}
	return false;
}

/* Whether blocks [FIRST, END) of AD have an anchor of hash HASH: the
 * same destination as written, which the original's destinations
 * (all_links()) hold too, found without them. */
static bool in_blocks(const tl_align_doc *ad, size_t first, size_t end,
                      uint64_t hash)
{
	for (size_t j = first; j < end; j++)
		if (tl_align_block_has(&ad->blocks[j], hash))
			return true;
	return false;
}

/* The hash of KEY as normal() spells it (FNV-1a, its host a byte at a
 * time, the rest a word at a time). */
static uint64_t normal_hash(const char *key)
{
	size_t n;
	const char *k = normal(key, &n);
	size_t i = 0;
	uint64_t h = 14695981039346656037ull;
	/* The host (host_len()), without case. */
	for (; i < n && !ends_host[(unsigned char)k[i]]; i++) {
		unsigned char c = (unsigned char)k[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		h = (h ^ c) * 1099511628211ull;
	}
	/* The rest as it is: the hash is only ever compared with another
	 * of this function. */
	return tl_hash_words(h, k + i, n - i);
}

/* The normal hashes of every destination of AD, sorted, for the one
 * question "does the original have it anywhere?" in O(log n). Caller
 * frees. */
static uint64_t *all_links(const tl_align_doc *ad, size_t *n)
{
	size_t total = 0;
	for (size_t i = 0; i < ad->n; i++)
		total += ad->blocks[i].nanchors;
	uint64_t *v = tl_xmalloc((total + 1) * sizeof *v);
	*n = 0;
	for (size_t i = 0; i < ad->n; i++)
		for (size_t a = 0; a < ad->blocks[i].nanchors; a++)
			if (ad->blocks[i].anchors[a].type == TL_ANCHOR_LINK)
				v[(*n)++] =
				    normal_hash(ad->blocks[i].anchors[a].key);
	tl_align_sort_keys(v, *n);
	return v;
}

/* Whether destination KEY is a picture's: its path (without query or
 * fragment) ends in an image format's extension. */
static bool picture_key(const char *key)
{
	static const char *const ext[] = {".png", ".jpg", ".jpeg",
	                                  ".gif", ".svg", ".webp"};
	size_t n = strcspn(key, "?#");
	for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
		size_t l = strlen(ext[i]);
		if (n > l && strncasecmp(key + n - l, ext[i], l) == 0)
			return true;
	}
	return false;
}

/* The hash of the file name of picture destination KEY: its last path
 * segment, without query or fragment, when it has an extension and at
 * least 8 bytes ("Zathura-Document-Viewer-Interface.png"); 0 for none.
 * A site that moves its uploads ("/wp-content/uploads/2021/07/X.png" to
 * "/content/images/wordpress/2021/07/X.png") keeps it. */
static uint64_t file_hash(const char *key)
{
	size_t n = strcspn(key, "?#");
	size_t s = n;
	while (s > 0 && key[s - 1] != '/')
		s--;
	if (n - s < 8 || !memchr(key + s, '.', n - s))
		return 0;
	/* A picture scaled by WordPress ("X-1024x501.png") is the full-size
	 * one ("X.png"): the size before the extension is left out. */
	size_t dot = n, cut = n;
	while (dot > s && key[dot - 1] != '.')
		dot--;
	if (dot > s) {
		size_t d = dot - 1, w = d;
		while (w > s && key[w - 1] >= '0' && key[w - 1] <= '9')
			w--;
		if (w < d && w > s && key[w - 1] == 'x') {
			size_t v = w - 1;
			while (v > s && key[v - 1] >= '0' && key[v - 1] <= '9')
				v--;
			if (v < w - 1 && v > s && key[v - 1] == '-')
				cut = v - 1;
		}
	}
	uint64_t h = 14695981039346656037ull;
	for (size_t i = s; i < n; i++) {
		if (i == cut)
			i = dot - 1;
		h = (h ^ (unsigned char)key[i]) * 1099511628211ull;
	}
	return h ? h : 1;
}

static bool in_sorted(const uint64_t *v, size_t n, uint64_t h)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo] == h;
}

/* The file_hash of every picture of AD (a destination of an image block
 * or with an image's extension, picture_key), sorted, in
 * as many entries as all_links gives (unused ones 0). Caller frees. */
static uint64_t *pictures(const tl_align_doc *ad, size_t *n)
{
	size_t total = 0;
	for (size_t i = 0; i < ad->n; i++)
		total += ad->blocks[i].nanchors;
	uint64_t *v = tl_xcalloc(total + 1, sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < ad->n; i++)
		for (size_t a = 0; a < ad->blocks[i].nanchors; a++)
			if (ad->blocks[i].anchors[a].type == TL_ANCHOR_LINK &&
			    (ad->blocks[i].kind == TL_ALIGN_IMAGE ||
			     picture_key(ad->blocks[i].anchors[a].key)))
				v[k++] =
				    file_hash(ad->blocks[i].anchors[a].key);
	tl_align_sort_keys(v, k);
	*n = k;
	return v;
}

/* Whether destination KEY is compared: not a fragment ("#install"),
 * which follows the translated headings, nor a data: URI (web pages put
 * placeholders there for images loaded later), nor the link Cloudflare
 * puts on an address it masks ("/cdn-cgi/l/email-protection"). */
static bool compared_key(const char *key)
{
	return key[0] != '#' && strncmp(key, "data:", 5) != 0 &&
	       !strstr(key, "/cdn-cgi/l/email-protection");
}

/* Whether destination KEY of the original is a template's placeholder
 * that the translator fills in: it holds a CJK character, which no
 * English author's URL has written raw (LCTT's footer in its English
 * originals: "译者：[译者ID](https://github.com/译者ID)"). */
static bool placeholder(const char *key)
{
	/* Most keys are ASCII, and CJK is not: to the first byte that is
	 * not, eight at a time. */
	size_t n = strlen(key), i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, key + i, 8);
		if (w & 0x8080808080808080ull)
			break;
	}
	while (i < n && (unsigned char)key[i] < 0x80)
		i++;
	while (i < n) {
		uint32_t cp;
		size_t l = tl_utf8_decode(key + i, n - i, &cp);
		if (tl_char_is_cjk(cp))
			return true;
		i += l ? l : 1;
	}
	return false;
}

/* Whether original block B holds a placeholder: it is the project's
 * template (LCTT's footer: 作者, 选题, 译者, 校对), whose credits the
 * project fills in, not only the translator's. */
static bool filled_in(const tl_align_block *b)
{
	for (size_t a = 0; a < b->nanchors; a++)
		if (b->anchors[a].type == TL_ANCHOR_LINK &&
		    placeholder(b->anchors[a].key))
			return true;
	return false;
}

/* filled_in() of block I of AD, kept in FILL (a byte a block, 0 until
 * asked): both halves of check_original() ask it of a block. */
static inline bool filled_in_at(const tl_align_doc *ad, size_t i,
                                unsigned char *fill)
{
	if (!fill[i])
		fill[i] = filled_in(&ad->blocks[i]) ? 2 : 1;
	return fill[i] == 2;
}

/* Whether allow-added lets a translation add KEY. */
static bool allowed(const tl_option_list *allow, const char *key)
{
	size_t n;
	const char *k = normal(key, &n);
	size_t host = host_len(k, n);
	for (size_t i = 0; i < allow->n; i++) {
		const char *item = allow->items[i];
		size_t il = strlen(item);
		if (!il)
			continue;
		if (strchr(item, '/')) {
			if (strncmp(key, item, il) == 0)
				return true;
			continue;
		}
		if (host == il && strncmp(k, item, il) == 0)
			return true;
		if (host > il && k[host - il - 1] == '.' &&
		    strncmp(k + host - il, item, il) == 0)
			return true;
	}
	return false;
}

/* A sorted set of hashes of a document's destinations (all_links) or
 * pictures (pictures), made on first need: most documents need only
 * some of them. */
typedef struct hashes {
	const tl_align_doc *ad;
	uint64_t *(*make)(const tl_align_doc *ad, size_t *n);
	uint64_t *v; /* NULL until made */
	size_t n;
} hashes;

static bool hashes_has(hashes *h, uint64_t key)
{
	if (!h->v)
		h->v = h->make(h->ad, &h->n);
	return in_sorted(h->v, h->n, key);
}

#define USED_MAX 64

/* A destination of translated blocks [FIRST, END) that allow-added lets
 * a translation add, that the original (ALL) does not have and that is
 * not in USED (NUSED): what replaces a destination of the original (LCTT
 * links an article's Chinese translation on linux.cn instead of the
 * English article). A picture (an image block's destination, or one
 * with an image's extension) replaces only a picture (IMAGE), and a link
 * only a link: the lead image LCTT adds at the top of every article
 * (img.linux.net.cn) replaces no link of the first paragraph, but does
 * replace the original's lead image. NULL when there is none. */
static const tl_align_anchor *replacement(const tl_align_doc *ad, size_t first,
                                          size_t end, bool image,
                                          const tl_option_list *allow,
                                          hashes *all, const uint64_t *used,
                                          size_t nused)
{
	for (size_t j = first; j < end; j++) {
		const tl_align_block *b = &ad->blocks[j];
		if (!compared(b))
			continue;
		for (size_t a = 0; a < b->nanchors; a++) {
			const tl_align_anchor *an = &b->anchors[a];
			if (an->type != TL_ANCHOR_LINK ||
			    (b->kind == TL_ALIGN_IMAGE ||
			     picture_key(an->key)) != image ||
			    !compared_key(an->key) ||
			    !allowed(allow, an->key) ||
			    hashes_has(all, normal_hash(an->key)))
				continue;
			bool given = false;
			for (size_t u = 0; u < nused && !given; u++)
				given = used[u] == an->hash;
			if (!given)
				return an;
		}
	}
	return NULL;
}

/* The id of the YouTube video that KEY shows or plays: its thumbnail
 * ("i.ytimg.com/vi/ID/hqdefault.jpg"), its page ("youtu.be/ID",
 * "youtube.com/watch?v=ID") or its player ("youtube.com/embed/ID"):
 * translators replace a video's thumbnail with the video. Into *N bytes
 * at the result; NULL for none. */
static const char *video_id(const char *key, size_t *n)
{
	static const char *const at[] = {
	    "i.ytimg.com/vi/",    "img.youtube.com/vi/",
	    "youtu.be/",          "youtube.com/watch?v=",
	    "youtube.com/embed/", "youtube-nocookie.com/embed/"};
	size_t len;
	const char *k = normal(key, &len);
	/* Through WordPress's image proxy ("i0.wp.com/i.ytimg.com/…"). */
	if (len > 10 && k[0] == 'i' && k[1] >= '0' && k[1] <= '9' &&
	    strncmp(k + 2, ".wp.com/", 8) == 0)
		k += 10, len -= 10;
	for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
		size_t al = strlen(at[i]);
		if (len > al && strncmp(k, at[i], al) == 0) {
			const char *id = k + al;
			*n = strcspn(id, "/?&#");
			if (*n > len - al)
				*n = len - al;
			return *n >= 6 ? id : NULL;
		}
	}
	return NULL;
}

/* Whether blocks [FIRST, END) of AD have a destination showing or
 * playing the video of id ID (N bytes). */
static bool has_video(const tl_align_doc *ad, size_t first, size_t end,
                      const char *id, size_t n)
{
	for (size_t j = first; j < end; j++)
		for (size_t a = 0; a < ad->blocks[j].nanchors; a++) {
			const tl_align_anchor *an = &ad->blocks[j].anchors[a];
			size_t vn;
			const char *v = an->type == TL_ANCHOR_LINK
			                    ? video_id(an->key, &vn)
			                    : NULL;
			if (v && vn == n && memcmp(v, id, n) == 0)
				return true;
		}
	return false;
}

/* Whether destination KEY is a temporary file's name ("tmp.kscCxzbpG9",
 * "tmp.iA5hKjVLOx#section"): the conversion of a web page wrote its
 * scratch file where an address within the page was lost. */
static bool is_temp(const char *key)
{
	if (strncmp(key, "tmp.", 4) != 0)
		return false;
	size_t n = 0;
	while ((key[4 + n] >= 'a' && key[4 + n] <= 'z') ||
	       (key[4 + n] >= 'A' && key[4 + n] <= 'Z') ||
	       (key[4 + n] >= '0' && key[4 + n] <= '9'))
		n++;
	return n == 10 && (!key[4 + n] || key[4 + n] == '#');
}

/* Whether the original's destination KEY is a temporary file's name
 * (is_temp) of which translation AD keeps none: the translator took out
 * every link no reader can follow, on purpose (a translation that keeps
 * some lost this one). */
static bool temp_dropped(const tl_align_doc *ad, const char *key)
{
	if (!is_temp(key))
		return false;
	for (size_t i = 0; i < ad->n; i++)
		for (size_t a = 0; a < ad->blocks[i].nanchors; a++) {
			const tl_align_anchor *an = &ad->blocks[i].anchors[a];
			if (an->type == TL_ANCHOR_LINK &&
			    strncmp(an->key, key, 14) == 0)
				return false;
		}
	return true;
}

/* Whether translated link or image AN ("[text][label]", in SRC, the
 * translation) takes its label from a reference of the original that
 * has no definition there ("[pods][3]" with no "[3]: …": a conversion
 * that lost the page's link definitions, whose links read as plain
 * text): the translator supplied the definition, and the destination
 * is the original's link restored, not added. */
static bool defined_anew(const tl_source *src, const tl_source *orig,
                         const tl_align_anchor *an)
{
	const char *d = src->data;
	size_t i = an->start;
	if (i + 1 < src->len && d[i] == '!')
		i++; /* an image */
	size_t e = i;
	if (i >= src->len || d[i] != '[')
		return false;
	while (e < src->len && d[e] != '\n' && e - i < 512 &&
	       !(d[e] == ']' && e + 1 < src->len && d[e + 1] == '['))
		e++;
	if (e >= src->len || d[e] != ']')
		return false;
	size_t l = e + 2, n = 0;
	while (l + n < src->len && d[l + n] != ']' && d[l + n] != '\n' &&
	       n < 32)
		n++;
	if (!n || n >= 32 || l + n >= src->len || d[l + n] != ']')
		return false;
	char use[40], def[40];
	snprintf(use, sizeof use, "][%.*s]", (int)n, d + l);
	snprintf(def, sizeof def, "\n[%.*s]:", (int)n, d + l);
	return strstr(orig->data, use) && !strstr(orig->data, def) &&
	       strncmp(orig->data, def + 1, n + 3) != 0;
}

/* Whether picture KEY of the translation is on the site the original
 * was taken from (its header's "via:" address, LCTT's "[#]: via:
 * \"https://news.example.org/…\""; also through WordPress's proxy,
 * "i0.wp.com/news.example.org/…"): a picture of the page that the
 * conversion lost and the translator put back. */
static bool from_article(const tl_source *orig, const char *key)
{
	size_t n;
	const char *k = normal(key, &n);
	if (n > 10 && k[0] == 'i' && k[1] >= '0' && k[1] <= '9' &&
	    strncmp(k + 2, ".wp.com/", 8) == 0)
		k += 10, n -= 10;
	size_t h = host_len(k, n);
	if (h < 4 || h >= n || k[h] != '/')
		return false;
	for (const char *v = strstr(orig->data, "via: "); v;
	     v = strstr(v + 5, "via: ")) {
		const char *u = v + 5;
		if (*u == '"')
			u++;
		if (strncmp(u, "https://", 8) == 0)
			u += 8;
		else if (strncmp(u, "http://", 7) == 0)
			u += 7;
		else
			continue;
		if (strncmp(u, "www.", 4) == 0)
			u += 4;
		if (strncasecmp(u, k, h) == 0 && u[h] == '/')
			return true;
	}
	return false;
}

/* Whether destination KEY of the original is a license's deed
 * ("https://creativecommons.org/licenses/by-sa/4.0/"): the link of an
 * image's credit line ("Opensource.com, CC BY-SA 4.0"), which LCTT's
 * translators drop with the line. */
static bool is_license(const char *key)
{
	size_t n;
	const char *k = normal(key, &n);
	return n > 20 && strncasecmp(k, "creativecommons.org/", 20) == 0;
}

/* The last segment of the path of destination KEY (normal()'s): an
 * article's slug ("best-ubuntu-apps-2022-part2"), when it has at least 12
 * bytes and a '-', as slugs do; into *N bytes at the result, which points
 * into KEY, with the query and fragment after it (another section of the
 * page is another destination). *HOST gets the length of the host. NULL
 * for none. */
static const char *slug(const char *key, size_t *n, size_t *host)
{
	size_t len;
	const char *k = normal(key, &len);
	*host = host_len(k, len);
	size_t e = *host + strcspn(k + *host, "?#");
	if (e > len)
		e = len;
	while (e > *host && k[e - 1] == '/')
		e--;
	size_t s = e;
	while (s > *host && k[s - 1] != '/')
		s--;
	if (s <= *host || e - s < 12 || !memchr(k + s, '-', e - s))
		return NULL;
	*n = len - s;
	return k + s;
}

/* Whether destinations A and B are one article at two addresses of its
 * site: the same host and slug (slug()), the path before it changed (a
 * site that dropped the dates from its addresses,
 * "debugpoint.com/2022/06/best-ubuntu-apps-2022-part2/" now
 * "debugpoint.com/best-ubuntu-apps-2022-part2/", which translators link
 * and write in the header's via:). The slug is compared with its case:
 * "install-FFmpeg-ubuntu" is another address. */
static bool same_article(const char *a, const char *b)
{
	size_t an, ah, bn, bh;
	const char *as = slug(a, &an, &ah), *bs = slug(b, &bn, &bh);
	if (!as || !bs || an != bn || ah != bh || memcmp(as, bs, an) != 0)
		return false;
	size_t x, y;
	const char *ak = normal(a, &x), *bk = normal(b, &y);
	return strncasecmp(ak, bk, ah) == 0;
}

/* Whether original link AN (in SRC) is a tweet's picture: a link to
 * "https://t.co/ID" whose text is "pic.twitter.com/ID". */
static bool tweet_picture(const tl_source *src, const tl_align_anchor *an)
{
	size_t n;
	const char *k = normal(an->key, &n);
	if (n <= 5 || strncmp(k, "t.co/", 5) != 0 || an->end > src->len)
		return false;
	static const char text[] = "pic.twitter.com/";
	const char *d = src->data;
	for (size_t i = an->start; i + sizeof text - 1 <= an->end; i++)
		if (memcmp(d + i, text, sizeof text - 1) == 0)
			return true;
	return false;
}

/* Whether blocks [FIRST, END) of AD have a destination that is original
 * link AN's article at another address (same_article()) or, for a
 * tweet's picture (tweet_picture(); SRC the original), a picture on
 * Twitter's media host ("pbs.twimg.com/media/…"): translators show the
 * picture instead of linking it. */
static bool has_moved(const tl_align_doc *ad, size_t first, size_t end,
                      const tl_source *src, const tl_align_anchor *orig)
{
	const char *key = orig->key;
	bool tweet = tweet_picture(src, orig);
	for (size_t j = first; j < end; j++)
		for (size_t a = 0; a < ad->blocks[j].nanchors; a++) {
			const tl_align_anchor *an = &ad->blocks[j].anchors[a];
			if (an->type != TL_ANCHOR_LINK)
				continue;
			size_t m;
			const char *t = normal(an->key, &m);
			if ((tweet && m > 19 &&
			     strncmp(t, "pbs.twimg.com/media/", 20) == 0) ||
			    same_article(key, an->key))
				return true;
		}
	return false;
}

/* The hash of destination KEY's article (same_article()): its host
 * without case, then its slug with what follows; 0 when it has no slug.
 */
static uint64_t article_hash(const char *key)
{
	size_t n, host;
	const char *sl = slug(key, &n, &host);
	if (!sl)
		return 0;
	size_t len;
	const char *k = normal(key, &len);
	uint64_t h = 14695981039346656037ull;
	for (size_t i = 0; i < host; i++) {
		unsigned char c = (unsigned char)k[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		h = (h ^ c) * 1099511628211ull;
	}
	h = (h ^ '/') * 1099511628211ull;
	h = tl_hash_words(h, sl, n);
	return h ? h : 1;
}

/* The article_hash of every destination of AD, sorted, in as many
 * entries as all_links gives (unused ones 0). Caller frees. */
static uint64_t *articles(const tl_align_doc *ad, size_t *n)
{
	size_t total = 0;
	for (size_t i = 0; i < ad->n; i++)
		total += ad->blocks[i].nanchors;
	uint64_t *v = tl_xcalloc(total + 1, sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < ad->n; i++)
		for (size_t a = 0; a < ad->blocks[i].nanchors; a++) {
			uint64_t h;
			if (ad->blocks[i].anchors[a].type == TL_ANCHOR_LINK &&
			    (h = article_hash(ad->blocks[i].anchors[a].key)) !=
			        0)
				v[k++] = h;
		}
	tl_align_sort_keys(v, k);
	*n = k;
	return v;
}

/* Whether original AD (in SRC) links a tweet's picture
 * (tweet_picture()) anywhere. */
static bool has_tweet_picture(const tl_align_doc *ad, const tl_source *src)
{
	for (size_t i = 0; i < ad->n; i++)
		for (size_t a = 0; a < ad->blocks[i].nanchors; a++)
			if (ad->blocks[i].anchors[a].type == TL_ANCHOR_LINK &&
			    tweet_picture(src, &ad->blocks[i].anchors[a]))
				return true;
	return false;
}

/* Whether translated destination KEY stands for a destination of the
 * original (its articles in ARTS) at another address: its article's
 * (same_article()) or, on Twitter's media host, a tweet's picture that
 * the original links (TWEETS, has_tweet_picture() asked on first need:
 * -1 until then; has_moved()'s other way round). */
static bool moved_from(const tl_pairing *p, hashes *arts, int *tweets,
                       const char *key)
{
	size_t n;
	const char *k = normal(key, &n);
	if (n > 19 && strncmp(k, "pbs.twimg.com/media/", 20) == 0) {
		if (*tweets < 0)
			*tweets = has_tweet_picture(p->al->orig, p->src);
		if (*tweets)
			return true;
	}
	uint64_t h = article_hash(key);
	return h && hashes_has(arts, h);
}

/* The bytes of the space that ends at D[I] (exclusive), from B on: a
 * space, a no-break space, or the hair, thin or zero-width space web
 * pages put in addresses (U+200A, U+2009, U+200B); 0 for none. */
static size_t space_before(const char *d, size_t b, size_t i)
{
	if (i > b && d[i - 1] == ' ')
		return 1;
	if (i >= b + 2 && (unsigned char)d[i - 2] == 0xC2 &&
	    (unsigned char)d[i - 1] == 0xA0)
		return 2;
	if (i >= b + 3 && (unsigned char)d[i - 3] == 0xE2 &&
	    (unsigned char)d[i - 2] == 0x80 &&
	    ((unsigned char)d[i - 1] == 0x89 ||
	     (unsigned char)d[i - 1] == 0x8A ||
	     (unsigned char)d[i - 1] == 0x8B))
		return 3;
	return 0;
}

#define BROKEN_MAX 16

/* Where original blocks of a pair write a URL broken by a space inside
 * its "://" ("http : //localhost:4000", "http ://10.0.0.11/"): a web page
 * put hair spaces there to keep it from being linked, so it is no link.
 * Up to BROKEN_MAX places, made on first need (MADE). */
typedef struct broken {
	bool made;
	size_t n;
	size_t scheme[BROKEN_MAX]; /* the start of its scheme ("http") */
	size_t len[BROKEN_MAX];    /* the scheme's length */
	size_t at[BROKEN_MAX];     /* its "//" */
	size_t end[BROKEN_MAX];    /* the end of its block */
} broken;

static void broken_make(broken *br, const tl_pairing *p, size_t first,
                        size_t end)
{
	const char *d = p->src->data;
	br->made = true;
	for (size_t i = first; i < end && br->n < BROKEN_MAX; i++) {
		const tl_align_block *b = &p->al->orig->blocks[i];
		for (const char *c =
		         memchr(d + b->start, ':', b->end - b->start);
		     c && br->n < BROKEN_MAX;
		     c = memchr(c + 1, ':', b->end - (size_t)(c + 1 - d))) {
			size_t colon = (size_t)(c - d), at = colon + 1,
			       gaps = 0;
			/* Spaces after the colon, then "//". */
			for (;;) {
				size_t g = 0;
				if (at < b->end && d[at] == ' ')
					g = 1;
				else if (at + 3 <= b->end &&
				         space_before(d, at, at + 3) == 3)
					g = 3;
				else if (at + 2 <= b->end &&
				         space_before(d, at, at + 2) == 2)
					g = 2;
				if (!g)
					break;
				at += g, gaps++;
			}
			if (at + 2 > b->end || d[at] != '/' || d[at + 1] != '/')
				continue;
			/* Spaces before it, then the scheme's letters. */
			size_t s = colon, g;
			while ((g = space_before(d, b->start, s)) != 0)
				s -= g, gaps++;
			size_t e = s;
			while (s > b->start &&
			       ((d[s - 1] >= 'a' && d[s - 1] <= 'z') ||
			        (d[s - 1] >= 'A' && d[s - 1] <= 'Z')))
				s--;
			if (!gaps || e == s || e - s > 5)
				continue;
			br->scheme[br->n] = s;
			br->len[br->n] = e - s;
			br->at[br->n] = at;
			br->end[br->n] = b->end;
			br->n++;
		}
	}
}

/* Whether translated URL KEY ("http://localhost:4000") is one the
 * original blocks [FIRST, END) of pair BR write broken (broken): the
 * translator wrote it whole. */
static bool written_broken(broken *br, const tl_pairing *p, size_t first,
                           size_t end, const char *key)
{
	const char *sep = strstr(key, "://");
	if (!sep || sep == key || sep - key > 5)
		return false;
	size_t scheme = (size_t)(sep - key);
	const char *sl = sep + 1;
	size_t n = strlen(sl);
	if (n < 10)
		return false;
	if (!br->made)
		broken_make(br, p, first, end);
	const char *d = p->src->data;
	for (size_t i = 0; i < br->n; i++)
		if (br->len[i] == scheme &&
		    strncasecmp(d + br->scheme[i], key, scheme) == 0 &&
		    br->at[i] + n <= br->end[i] &&
		    memcmp(d + br->at[i], sl, n) == 0)
			return true;
	return false;
}

static void check_original(tl_check *ck, const tl_pairing *p)
{
	if (!p->al)
		return;
	const tl_align *al = p->al;
	const tl_option_list *allow = tl_check_list(ck, "allow-added");
	hashes arts = {al->orig, articles, NULL, 0};
	int tweets = -1;
	hashes all = {al->orig, all_links, NULL, 0},
	       tall = {al->trans, all_links, NULL, 0},
	       tpics = {al->trans, pictures, NULL, 0},
	       opics = {al->orig, pictures, NULL, 0};
	unsigned char *fill = tl_xcalloc(al->orig->n + 1, 1);
	for (size_t k = 0; k < al->npairs; k++) {
		const tl_align_pair *pr = &al->pairs[k];
		if (!pr->norig || !pr->ntrans)
			continue;
		uint64_t used[USED_MAX];
		broken br;
		br.made = false;
		br.n = 0;
		size_t nused = 0, first, end;
		tl_pairing_near(p, k, &first, &end);
		/* Lost or altered. */
		for (size_t i = pr->orig; i < pr->orig + pr->norig; i++) {
			const tl_align_block *ob = &al->orig->blocks[i];
			if (!compared(ob) || tl_pairing_is_template(ob) ||
			    filled_in_at(al->orig, i, fill))
				continue;
			for (size_t a = 0; a < ob->nanchors; a++) {
				const tl_align_anchor *an = &ob->anchors[a];
				if (an->type != TL_ANCHOR_LINK ||
				    !compared_key(an->key) ||
				    has(al->trans, first, end, an->key,
				        an->hash))
					continue;
				/* An image moved (the lead image put
				 * elsewhere) or put at the site's new
				 * address (the same file name). */
				if ((ob->kind == TL_ALIGN_IMAGE ||
				     picture_key(an->key)) &&
				    (hashes_has(&tall, normal_hash(an->key)) ||
				     (file_hash(an->key) &&
				      hashes_has(&tpics, file_hash(an->key)))))
					continue;
				/* A video's thumbnail replaced by the video;
				 * a credit line's license dropped; a card's
				 * icon and a scratch file's name, which the
				 * conversion left. */
				size_t vn;
				const char *vid = video_id(an->key, &vn);
				if ((vid && has_video(al->trans, first, end,
				                      vid, vn)) ||
				    is_license(an->key) ||
				    tl_pairing_is_icon(an->key) ||
				    temp_dropped(al->trans, an->key) ||
				    has_moved(al->trans, first, end, p->src,
				              an))
					continue;
				bool seen = false;
				for (size_t b = 0; b < a && !seen; b++)
					seen = ob->anchors[b].hash == an->hash;
				if (seen)
					continue;
				const tl_align_anchor *alt =
				    tl_pairing_altered(p, k, an, used, nused);
				if (placeholder(an->key)) {
					/* Filled in (not added) or left out. */
					if (alt && nused < USED_MAX)
						used[nused++] = alt->hash;
					continue;
				}
				const tl_align_anchor *rep =
				    alt ? NULL
				        : replacement(al->trans, first, end,
				                      ob->kind ==
				                              TL_ALIGN_IMAGE ||
				                          picture_key(an->key),
				                      allow, &all, used, nused);
				if (rep) {
					if (nused < USED_MAX)
						used[nused++] = rep->hash;
					continue;
				}
				if (alt) {
					if (nused < USED_MAX)
						used[nused++] = alt->hash;
					tl_check_report_original(
					    ck, alt->start, alt->end, an->start,
					    an->end, TL_SEVERITY_OFF,
					    "Link destination %s of the "
					    "original "
					    "is altered in its translation: %s",
					    "原文中的链接目标 %s "
					    "在译文中被改动：%s",
					    an->key, alt->key);
					continue;
				}
				size_t ts, te;
				tl_pairing_place(p, k, &ts, &te);
				tl_check_report_original(
				    ck, ts, te, an->start, an->end,
				    TL_SEVERITY_OFF,
				    "Link destination %s of the original is "
				    "missing from its translation",
				    "原文中的链接目标 %s 在译文中缺失",
				    an->key);
			}
		}
		/* Added: in no block of the original (a link moved to
		 * another paragraph is not added). */
		bool template = true;
		for (size_t i = pr->orig; i < pr->orig + pr->norig; i++) {
			const tl_align_block *ob = &al->orig->blocks[i];
			template =
			    template && (tl_pairing_is_template(ob) ||
			                 filled_in_at(al->orig, i, fill));
			/* A placeholder stands for the translated image, a
			 * card's icon for the card's link. */
			for (size_t a = 0; !template && a < ob->nanchors; a++)
				template |=
				    ob->anchors[a].type == TL_ANCHOR_LINK &&
				    ((ob->anchors[a].key[0] == 'd' &&
				      strncmp(ob->anchors[a].key, "data:", 5) ==
				          0) ||
				     (ob->kind == TL_ALIGN_IMAGE &&
				      tl_pairing_is_icon(ob->anchors[a].key)));
		}
		for (size_t j = pr->trans;
		     !template && j < pr->trans + pr->ntrans; j++) {
			const tl_align_block *tb = &al->trans->blocks[j];
			if (!compared(tb))
				continue;
			for (size_t a = 0; a < tb->nanchors; a++) {
				const tl_align_anchor *an = &tb->anchors[a];
				if (an->type != TL_ANCHOR_LINK ||
				    in_blocks(al->orig, pr->orig,
				              pr->orig + pr->norig, an->hash) ||
				    !compared_key(an->key) ||
				    allowed(allow, an->key) ||
				    hashes_has(&all, normal_hash(an->key)) ||
				    ((tb->kind == TL_ALIGN_IMAGE ||
				      picture_key(an->key)) &&
				     file_hash(an->key) &&
				     hashes_has(&opics, file_hash(an->key))))
					continue;
				size_t vn;
				const char *vid = video_id(an->key, &vn);
				if ((vid && has_video(al->orig, 0, al->orig->n,
				                      vid, vn)) ||
				    defined_anew(p->trans, p->src, an) ||
				    ((tb->kind == TL_ALIGN_IMAGE ||
				      picture_key(an->key)) &&
				     from_article(p->src, an->key)) ||
				    moved_from(p, &arts, &tweets, an->key) ||
				    written_broken(&br, p, pr->orig,
				                   pr->orig + pr->norig,
				                   an->key))
					continue;
				bool given = false;
				for (size_t u = 0; u < nused && !given; u++)
					given = used[u] == an->hash;
				for (size_t b = 0; b < a && !given; b++)
					given = tb->anchors[b].hash == an->hash;
				if (given)
					continue;
				tl_check_report_original(
				    ck, an->start, an->end,
				    al->orig->blocks[pr->orig].start, TL_NONE,
				    TL_SEVERITY_OFF,
				    "Link destination %s is not in the "
				    "original",
				    "链接目标 %s 在原文中没有", an->key);
			}
		}
	}
	free(fill);
	free(all.v);
	free(tall.v);
	free(tpics.v);
	free(opics.v);
	free(arts.v);
}

const tl_rule tl_rule_source_link = {
    .name = "source-link",
    .summary = "Links and images of the original come through unchanged",
    .summary_zh = "原文的链接和图片应原样保留",
    .severity = TL_SEVERITY_WARNING,
    .fixable = TL_FIXABLE_NONE,
    .options = options,
    .description =
        "With an original, flags a link or image destination of an "
        "original block that its translation does not have (lost, or "
        "altered: reported at the translated destination absent from "
        "the original that is nearest to it by edit distance, when at "
        "most half of it differs), and a destination of a translated "
        "block that the block's original does not have (added), unless "
        "`allow-added` lets it.\n\n"
        "Destinations are those of links and images (reference links "
        "resolved to their definitions), bare URLs in text, and the "
        "`href` and `src` of inline and block HTML. Two destinations "
        "that differ only by `http`/`https`, a leading `www.`, a "
        "trailing `/` or the case of the host are the same. Fragment-only "
        "destinations "
        "(`#install`) follow the translated headings, and `data:` URIs "
        "are placeholders for images loaded later: neither is compared; "
        "nor is a destination of the original that holds Chinese "
        "characters, a translation project's template that the "
        "translator fills in (LCTT's footer's "
        "`https://github.com/译者ID`), nor any other destination of a block "
        "holding such a "
        "placeholder (the footer's credits, `选题：`, which the project "
        "fills in), nor the link Cloudflare puts on an address it masks "
        "(`/cdn-cgi/l/email-protection`). "
        "An added destination is one that no block of the original has "
        "(a link moved to another paragraph is not added). A destination "
        "of the original that its translated block replaces with one "
        "that `allow-added` lets it add is not lost: the `lctt` preset "
        "allows `linux.cn`, where LCTT publishes its translations, and "
        "its translators link the Chinese translation of an article "
        "instead of the English article. A picture (a destination of an "
        "image block, or one ending in an image format's extension) is "
        "replaced only by a picture and a link only by a link: the lead "
        "image LCTT hosts on `img.linux.net.cn` stands for the "
        "original's lead image, not for a link of the first paragraph. "
        "An image of the original (an image block, or a picture in a "
        "paragraph: opensource.com puts the lead image after the "
        "summary) is "
        "not lost when the translation shows it elsewhere (translators "
        "move the lead image) or at another address with the same file "
        "name (a site that moved its uploads; a size WordPress gave it, "
        "`-1024x501.png`, left out). A video's thumbnail "
        "(`i.ytimg.com/vi/ID/…`) replaced by the video (`youtu.be/ID`, "
        "`youtube.com/embed/ID`) is neither lost nor added (also through "
        "WordPress's proxy, `i0.wp.com/i.ytimg.com/…`), nor is the "
        "license of a credit line (`creativecommons.org`) that the "
        "translator dropped with the line. What the conversion of a web "
        "page lost and a translator restores is neither lost nor "
        "added: a site's icon (`favicon.ico`, `android-chrome-*.png`, "
        "`apple-touch-icon.png`, a picture at Ghost's card size, "
        "`size/w256h256/`), left of a card linking another "
        "article, and the card's link in its place; a temporary file's "
        "name written for a lost link (`tmp.kscCxzbpG9#top`) when the "
        "translation keeps none of that file's; a link whose reference "
        "label the original uses undefined (`[pods][3]`, no `[3]: …`); "
        "a picture on the site of the original's `via:` address. Nor "
        "are these lost or added: an article at its site's new address (same "
        "host, last path segment with a `-`, fragment: "
        "`/2022/06/apps-part2/` now "
        "`/apps-part2/`), a tweet's picture (a `t.co` link reading "
        "`pic.twitter.com/…`) shown from `pbs.twimg.com`, and a "
        "URL the original broke by a space in `://` (`http : "
        "//localhost:4000`) written whole. What the "
        "conversion of a web "
        "page glued to a destination is not compared: a title after "
        "`%20%22`, and trailing punctuation or emphasis (`**`, `.`, `”`); "
        "nor is a tracking query (`?ref=itsfoss.com`, `?utm_source=…`). "
        "A destination is looked for in the translated block of "
        "its pair and in the blocks just before and after it. Blocks "
        "with no original at all (a translator's footer, a note) are "
        "`source-missing`'s added text and are not looked at; metadata "
        "lines and code blocks are not compared. Without an original the "
        "rule is silent.\n\n"
        "Why: a lost link sends the reader nowhere, an altered one "
        "somewhere else; neither shows in the translation alone.",
    .fix_doc = "None: the translator puts the original's destination back.",
    .description_zh =
        "有原文时，标记原文块中有、而译文中没有的链接或图片目标（丢失；"
        "或被改动：报告在译文中原文没有、且与它编辑距离最近的链接目标处，"
        "差异不超过一半时），以及译文块中有、而其原文块没有的链接目标"
        "（增加的），`allow-added` 允许的除外。\n\n"
        "链接目标包括链接和图片的目标（引用式链接解析为其定义）、正文中的"
        "裸 URL、行内和块级 HTML 的 `href` 与 `src`。仅在 `http`/`https`、"
        "开头的 `www.`、末尾的 `/` "
        "或主机名的大小写上不同的两个目标视为相同。只有片段的"
        "目标（`#install`）随译文标题而变，`data:` URI "
        "是稍后加载的图片的占位符，两者都不做比较；译文块把原文的链接目标换成 "
        "`allow-added` 允许增加的目标时，原文的目标不算丢失：`lctt` 预设"
        "允许 `linux.cn`（LCTT 发布译文的网站），其译者会链接文章的中文"
        "译文，而不是英文原文；图片（图片块的目标，或以图片格式扩展名结尾的目标"
        "）"
        "只能由图片替换，链接只能由链接替换：LCTT 放在 `img.linux.net.cn` "
        "上的题图代替的是原文的题图，而不是第一段中的链接；"
        "原文的图片（图片块，或段落中的图片：opensource.com "
        "把题图放在摘要之后）"
        "在译文的别处显示（译者会移动题图），或者"
        "换了"
        "地址但文件名相同（网站迁移了上传目录；WordPress 给图片加的尺寸 "
        "`-1024x501.png` "
        "不计），也不算丢失；视频缩略图（`i.ytimg.com/vi/ID/…`）"
        "换成视频本身（`youtu.be/"
        "ID`）既不算丢失也不算增加，译者随署名行一起删去"
        "的许可证链接（`creativecommons.org`"
        "）也不算丢失（经 WordPress 代理的缩略图 `i0.wp.com/i.ytimg.com/…` "
        "同样）；网站图标（`favicon.ico`、`android-chrome-192x192.png`、"
        "`apple-touch-icon.png`、Ghost 卡片图标尺寸 `size/w256h256/` "
        "的图片）是转换后链接其他文章的卡片剩下的部分：不算"
        "丢失，由它构成的原文图片在译文中可以写成卡片的链接；临时文件名"
        "（`tmp.kscCxzbpG9`、`tmp.iA5hKjVLOx#section`）是转换在页内链接丢失"
        "处写下的，译文一个也没有保留时（译者全部删去）不算丢失，保留了一部分"
        "时，缺少的仍会报告；原文使用了却没有定义的引用标签（`[pods][3]` "
        "而没有 "
        "`[3]: …`：转换丢失了页面的链接定义），译文用同一标签写出的链接是恢复"
        "原文的链接，不算增加；原文来源网站（其头部 `via:` 的地址，也包括经 "
        "WordPress 代理 `i0.wp.com` 的）上的图片是转换丢失、译者放回的页面"
        "图片，也不算增加；文章在其网站的新地址（主机、含 `-` "
        "的路径最后一段和片段"
        "都相同："
        "`/2022/06/apps-part2/` 现为 `/apps-part2/`）、推特图片（文字为 "
        "`pic.twitter.com/…` 的 `t.co` 链接）换成 `pbs.twimg.com/media/` "
        "上的图片、原文在 `://` 中加了空格而弄断的 URL（`http : "
        "//localhost:4000`）"
        "写完整，也都不算；网页转换粘在链接"
        "目标上"
        "的内容不做比较：`%20%22` 之后的标题、末尾的标点或强调符号（`**`、`.`、"
        "`”`），以及跟踪查询（`?ref=itsfoss.com`、`?utm_source=…`"
        "）；原文中含有汉字的链"
        "接目标"
        "是翻译项目的模板、由译者填写（LCTT 页脚的 "
        "`https://github.com/"
        "译者ID`），也不做比较；含有这种占位符的块中的其他链接目标"
        "（页脚的署名，`选题：` 由项目填写）、Cloudflare 给被掩盖的地址加的"
        "链接（`/cdn-cgi/l/"
        "email-protection`）也不做比较。增加的链接目标是原文任何"
        "块中都没有的目标（移到另一段的链接不算增加）。链接目标在其配对的译文"
        "块以及前后相邻的译文块中查找。完全没有原文的块（译者加的页脚、"
        "注释）属于 `source-missing` 的增加文字，不在此检查；元数据行和代码"
        "块不做比较。没有原文时本规则不报告。\n\n"
        "原因：丢失的链接让读者无处可去，改动的链接把读者带到别处；"
        "只看译文都发现不了。",
    .fix_doc_zh = "无：译者应恢复原文的链接目标。",
    .original = "Read the [manual](https://restic.readthedocs.io/) "
                "first.\n",
    .bad = "请先阅读[手册](https://restic.readthedocs.io/。)。\n",
    .good = "请先阅读[手册](https://restic.readthedocs.io/)。\n",
    .check_original = check_original,
};
