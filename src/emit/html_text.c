/*
 * html_text.c: the small pieces of text the html format is made of:
 * escaping (a document is untrusted input, and nothing it holds may
 * become markup or script), the SHA-256 digests of the page's inline
 * style sheet and script for its Content-Security-Policy, the ids of the
 * file sections, and the words the page adds itself, in both languages.
 */
#include "emit/html.h"

#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

void tl_html_file_id(const char *path, char id[18])
{
	static const char hex[] = "0123456789abcdef";
	uint64_t h = 14695981039346656037u; /* FNV-1a */

	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		h ^= *p;
		h *= 1099511628211u;
	}
	id[0] = 'f';
	for (int i = 0; i < 16; i++)
		id[1 + i] = hex[(h >> (60 - 4 * i)) & 15];
	id[17] = '\0';
}

/* U+FFFD, for what HTML must not hold. */
#define REPLACEMENT "\xEF\xBF\xBD"

/* A noncharacter: U+FDD0..U+FDEF and the last two code points of every
 * plane. HTML parsers report them as errors. */
static bool is_noncharacter(int32_t cp)
{
	return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

void tl_html_escape(tl_buf *out, const char *s, size_t n, bool space_nl)
{
	size_t i = 0, plain = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		const char *rep = NULL;
		char pic[4];
		size_t k = 1;

		if (c >= 0x80) {
			utf8proc_int32_t cp;
			utf8proc_ssize_t len =
			    utf8proc_iterate((const utf8proc_uint8_t *)s + i,
			                     (utf8proc_ssize_t)(n - i), &cp);
			if (len < 1) {
				rep = REPLACEMENT;
			} else {
				k = (size_t)len;
				/* C1 controls are parse errors too. */
				if ((cp >= 0x80 && cp <= 0x9F) ||
				    is_noncharacter(cp))
					rep = REPLACEMENT;
			}
		} else if (c >= 0x20 && c < 0x7F) {
			switch (c) {
			case '&':
				rep = "&amp;";
				break;
			case '<':
				rep = "&lt;";
				break;
			case '>':
				rep = "&gt;";
				break;
			case '"':
				rep = "&quot;";
				break;
			default:
				break;
			}
		} else if (c == '\n') {
			rep = space_nl ? " " : "\n";
		} else if (c == '\r') {
			/* CRLF is one line ending; HTML reads a lone CR as
			 * one too, but says so in the DOM as "\n". */
			if (i + 1 < n && s[i + 1] == '\n')
				k = 2;
			rep = space_nl ? " " : "\n";
		} else if (c == '\t' || c == '\f') {
			/* ASCII white space: kept. */
		} else {
			/* Another control character: its picture (U+2400 +
			 * c, U+2421 for DEL), so that the reader sees it. */
			unsigned cp = c == 0x7F ? 0x2421u : 0x2400u + c;
			pic[0] = (char)(0xE0 | (cp >> 12));
			pic[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
			pic[2] = (char)(0x80 | (cp & 0x3F));
			pic[3] = '\0';
			rep = pic;
		}
		if (rep) {
			tl_buf_append(out, s + plain, i - plain);
			tl_buf_puts(out, rep);
			i += k;
			plain = i;
		} else {
			i += k;
		}
	}
	tl_buf_append(out, s + plain, n - plain);
}

void tl_html_puts(tl_buf *out, const char *s)
{
	if (s)
		tl_html_escape(out, s, strlen(s), false);
}

/* ---- SHA-256 (FIPS 180-4), for the CSP hashes --------------------------- */

static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static uint32_t ror(uint32_t x, int n)
{
	return (x >> n) | (x << (32 - n));
}

static void sha_block(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64], a, b, c, d, e, f, g, hh;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
	for (; i < 64; i++) {
		uint32_t s0 =
		    ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 =
		    ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = h[0], b = h[1], c = h[2], d = h[3];
	e = h[4], f = h[5], g = h[6], hh = h[7];
	for (i = 0; i < 64; i++) {
		uint32_t t1 = hh + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) +
		              ((e & f) ^ (~e & g)) + sha_k[i] + w[i];
		uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) +
		              ((a & b) ^ (a & c) ^ (b & c));
		hh = g, g = f, f = e, e = d + t1;
		d = c, c = b, b = a, a = t1 + t2;
	}
	h[0] += a, h[1] += b, h[2] += c, h[3] += d;
	h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
}

void tl_html_sha256_base64(const char *s, size_t n, char out[45])
{
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	                 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	const unsigned char *p = (const unsigned char *)s;
	unsigned char tail[128] = {0}, digest[33] = {0};
	size_t full = n / 64 * 64, rest = n - full, tn;
	uint64_t bits = (uint64_t)n * 8;
	int i, o = 0;

	for (size_t k = 0; k < full; k += 64)
		sha_block(h, p + k);
	memcpy(tail, p + full, rest);
	tail[rest] = 0x80;
	tn = rest + 1 + 8 <= 64 ? 64 : 128;
	for (i = 0; i < 8; i++)
		tail[tn - 1 - i] = (unsigned char)(bits >> (8 * i));
	sha_block(h, tail);
	if (tn == 128)
		sha_block(h, tail + 64);
	for (i = 0; i < 32; i++)
		digest[i] = (unsigned char)(h[i / 4] >> (24 - 8 * (i % 4)));
	/* 32 bytes: ten groups of three and two bytes left (one '='). */
	for (i = 0; i < 33; i += 3) {
		uint32_t v = (uint32_t)digest[i] << 16 |
		             (uint32_t)digest[i + 1] << 8 | digest[i + 2];
		out[o++] = b64[(v >> 18) & 63];
		out[o++] = b64[(v >> 12) & 63];
		out[o++] = i + 1 < 32 ? b64[(v >> 6) & 63] : '=';
		out[o++] = i + 2 < 32 ? b64[v & 63] : '=';
	}
	out[o] = '\0';
}

/* ---- Words ---------------------------------------------------------------
 */

/* Each word in English, then in Chinese, in the order of tl_html_word. */
static const char *const words[TL_HW_COUNT][2] = {
    [TL_HW_TITLE] = {"translint review", "translint 审阅"},
    [TL_HW_SKIP_OVERVIEW] = {"Skip to the overview", "跳到概览"},
    [TL_HW_SKIP_FILES] = {"Skip to the first file", "跳到第一个文件"},
    [TL_HW_OVERVIEW] = {"Overview", "概览"},
    [TL_HW_NOSCRIPT] = {"The tables of this overview are filled by the "
                        "page's script; each file's section below gives "
                        "its own counts.",
                        "概览中的表格由页面脚本填写；下面每个文件的部分"
                        "都列有它自己的统计。"},
    [TL_HW_FILES_CAPTION] = {"Files", "文件"},
    [TL_HW_FILES_COUNTED] = {"files", "个文件"},
    [TL_HW_FILE_COUNTED] = {"file", "个文件"},
    [TL_HW_RULES_CAPTION] = {"Findings per rule", "各规则的问题"},
    [TL_HW_FILE] = {"File", "文件"},
    [TL_HW_RULE] = {"Rule", "规则"},
    [TL_HW_ERRORS] = {"errors", "错误"},
    [TL_HW_WARNINGS] = {"warnings", "警告"},
    [TL_HW_INFOS] = {"infos", "提示"},
    [TL_HW_TOTAL] = {"total", "合计"},
    [TL_HW_FIXABLE] = {"fixable", "可自动修复"},
    [TL_HW_GENERATED] = {"generated by", "生成工具"},
    [TL_HW_AFTER_FIX] = {"findings left after --fix", "--fix 之后剩下的问题"},
    [TL_HW_FINDINGS] = {"Findings", "问题"},
    [TL_HW_SKIP_TO_FINDINGS] = {"Skip to the findings of this file",
                                "跳到本文件的问题列表"},
    [TL_HW_NO_FINDINGS] = {"No findings.", "没有发现问题。"},
    [TL_HW_SHOW_DOCUMENT] = {"No findings: show the document",
                             "没有问题：显示文档"},
    [TL_HW_BACK_TO_DOCUMENT] = {"Back to the document", "回到文档"},
    [TL_HW_SAFE_FIX] = {"fix", "修复"},
    [TL_HW_UNSAFE_FIX] = {"unsafe fix (--unsafe-fixes)",
                          "不安全的修复（--unsafe-fixes）"},
    [TL_HW_MORE_EDITS] = {"more edits", "处其他修改"},
    [TL_HW_AS_SOURCE] =
        {"shown as its source: translint could not map this block's text "
         "to its bytes",
         "按源文本显示：translint 无法把这一块的文字对应到源字节"},
    [TL_HW_NOT_RENDERED_UTF8] = {"Not rendered: the file is not valid "
                                 "UTF-8.",
                                 "未渲染：文件不是有效的 UTF-8。"},
    [TL_HW_NOT_RENDERED_BINARY] = {"Not rendered: the file holds NUL bytes "
                                   "(binary).",
                                   "未渲染：文件含有 NUL 字节（二进制）。"},
    [TL_HW_NO_FILES] = {"No Markdown files were linted.",
                        "没有检查任何 Markdown 文件。"},
    [TL_HW_DOCUMENT] = {"Document", "文档"},
    [TL_HW_KEYS] = {"Tab moves from finding to finding, j and k too; a "
                    "finding's rule, message and fix show on hover and on "
                    "focus (Escape hides them); Enter goes to its entry in "
                    "the list, o to its other side (original or "
                    "translation).",
                    "Tab 键（或 j、k）在问题之间移动；悬停或聚焦时显示"
                    "规则、说明和修复（Esc 键隐藏）；Enter 键跳到列表中的"
                    "条目，o 键跳到另一侧（原文或译文）。"},
    [TL_HW_PAIR_LABEL] = {"The original and its translation, block by block",
                          "原文与译文，逐块对照"},
    [TL_HW_ORIGINAL] = {"Original", "原文"},
    [TL_HW_TRANSLATION] = {"Translation", "译文"},
    [TL_HW_GAP_DROPPED] = {"not in the translation", "译文中没有"},
    [TL_HW_GAP_ADDED] = {"not in the original", "原文中没有"},
    [TL_HW_PAIR_SPLIT] = {"one block of the original, translated as two",
                          "原文一块，译成两块"},
    [TL_HW_PAIR_MERGED] = {"two blocks of the original, translated as one",
                           "原文两块，译成一块"},
    [TL_HW_PAIR_MOVED] = {"translated in another place", "译文中的位置不同"},
    [TL_HW_IN_ORIGINAL] = {"original", "原文"},
    [TL_HW_NO_PLACE] = {"no place in the original", "原文中没有对应位置"},
    [TL_HW_NO_PLACE_GAP] = {"no place in the original: a gap faces it there",
                            "原文中没有对应位置：原文一侧为空"},
};

const char *tl_html_word_in(tl_lang lang, tl_html_word w)
{
	return words[w][lang == TL_LANG_ZH ? 1 : 0];
}
