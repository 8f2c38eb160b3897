/*
 * invalid-utf8 and binary-file: a file translint cannot read as text.
 *
 * They look at the bytes before anything is parsed (check_source): a file
 * that is not valid UTF-8 or holds NUL bytes cannot be parsed, mapped or
 * fixed safely, so the engine parses nothing of it, and such a file is
 * never rewritten, whatever fixes were asked for. A NUL byte is reported
 * alone: a binary file is not said to be bad UTF-8 too.
 *
 * A file in UTF-16 or UTF-32 (Windows editors write UTF-16 with a BOM)
 * holds NUL bytes when its text is mostly ASCII and is bad UTF-8 either
 * way; whichever of the two reports it says what it is and what to do
 * ("UTF-16 with BOM; convert to UTF-8"), not "binary".
 */
#include "rule.h"

/* Reports the character at OFFSET (an empty span at the end). */
static void report_at(tl_check *ck, const tl_source *src, size_t offset,
                      const char *message)
{
	size_t end = offset < src->len ? offset + 1 : offset;
	tl_check_report(ck, offset, end, message, NULL);
}

/* The Unicode encoding other than UTF-8 that SRC is in, by its byte
 * order mark or, without one, by the NUL bytes of ASCII text in UTF-16
 * ("a\0b\0"): a description, or NULL. */
static const char *other_encoding(const tl_source *src)
{
	const unsigned char *d = (const unsigned char *)src->data;
	size_t n = src->len;

	if (n >= 4 && d[0] == 0xFF && d[1] == 0xFE && !d[2] && !d[3])
		return "UTF-32 with BOM";
	if (n >= 4 && !d[0] && !d[1] && d[2] == 0xFE && d[3] == 0xFF)
		return "UTF-32 with BOM";
	if (n >= 2 &&
	    ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF)))
		return "UTF-16 with BOM";
	/* Without a BOM: the first 16 code units are ASCII, their high
	 * byte NUL, in one byte order. */
	if (n >= 32 && n % 2 == 0) {
		bool le = true, be = true;
		for (size_t i = 0; i < 32; i += 2) {
			le &= d[i] && d[i] < 0x80 && !d[i + 1];
			be &= !d[i] && d[i + 1] && d[i + 1] < 0x80;
		}
		if (le || be)
			return "UTF-16 without BOM";
	}
	return NULL;
}

/* Reports a file in OTHER (other_encoding) at its first byte. */
static void report_encoding(tl_check *ck, const tl_source *src,
                            const char *other)
{
	report_at(ck, src, 0,
	          tl_check_msgf(ck,
	                        "Encoding: %s; convert to UTF-8 (the file is "
	                        "not linted or fixed)",
	                        "编码：%s；请转换为 UTF-8（不检查也不修复）",
	                        other));
}

static void check_utf8(tl_check *ck, const tl_source *src)
{
	if (src->nul != TL_NONE || src->bad_utf8 == TL_NONE)
		return;
	const char *other = other_encoding(src);
	if (other) {
		report_encoding(ck, src, other);
		return;
	}
	report_at(ck, src, src->bad_utf8,
	          tl_check_msgf(ck,
	                        "Invalid UTF-8 at byte offset %zu; the "
	                        "file is not linted or fixed",
	                        "偏移 %zu 处不是有效的 UTF-8，"
	                        "不检查也不修复",
	                        src->bad_utf8));
}

static void check_nul(tl_check *ck, const tl_source *src)
{
	if (src->nul == TL_NONE)
		return;
	const char *other = other_encoding(src);
	if (other) {
		report_encoding(ck, src, other);
		return;
	}
	report_at(ck, src, src->nul,
	          tl_check_msgf(ck,
	                        "Binary file: NUL byte at offset %zu; "
	                        "the file is not linted or fixed",
	                        "二进制文件：偏移 %zu 处有 NUL 字节，"
	                        "不检查也不修复",
	                        src->nul));
}

const tl_rule tl_rule_invalid_utf8 = {
    .name = "invalid-utf8",
    .summary = "The file is not valid UTF-8",
    .summary_zh = "文件不是有效的 UTF-8",
    .severity = TL_SEVERITY_ERROR,
    .fixable = TL_FIXABLE_NONE,
    .description =
        "Reports the byte offset of the first byte that is not valid "
        "UTF-8 (a stray continuation byte, an overlong form, a surrogate, a "
        "truncated sequence). Nothing else is checked in such a file.\n\n"
        "Why: Markdown sources of Chinese translations must be UTF-8; a "
        "file in GBK or a damaged file would be mangled by any fix.",
    .fix_doc = "None. The file is never rewritten by --fix.",
    .description_zh =
        "报告第一个不是有效 UTF-8 的字节的偏移量（孤立的后续字节、"
        "过长编码、代理码点、被截断的序列）。这样的文件不再检查其他内容。"
        "\n\n原因：中文译文的 Markdown 源文件必须是 UTF-8；GBK "
        "编码的文件或损坏的文件会被任何修复弄乱。",
    .fix_doc_zh = "无。`--fix` 从不改写这个文件。",
    .bad = "第一句话，然后是一个坏字节：\\xff\n",
    .good = "第一句话，然后是正确的文本。\n",
    .check_source = check_utf8,
};

const tl_rule tl_rule_binary_file = {
    .name = "binary-file",
    .summary = "The file holds NUL bytes (binary)",
    .summary_zh = "文件含有 NUL 字节（二进制文件）",
    .severity = TL_SEVERITY_ERROR,
    .fixable = TL_FIXABLE_NONE,
    .description =
        "Reports the offset of the first NUL byte. A file with NUL bytes "
        "is not text: nothing else is checked in it. A file in UTF-16 or "
        "UTF-32 is said to be one (by its byte order mark, or by the NUL "
        "bytes of ASCII text in UTF-16), with the advice to convert it to "
        "UTF-8.\n\n"
        "Why: a binary file given by mistake must not be rewritten.",
    .fix_doc = "None. The file is never rewritten by --fix.",
    .description_zh =
        "报告第一个 NUL 字节的偏移量。含有 NUL 字节的文件不是文本，"
        "其中不再检查其他内容。UTF-16 或 UTF-32 编码的文件（由字节顺序标记，"
        "或由 UTF-16 中 ASCII 文本的 NUL 字节判断）会被指明，并建议转换为 "
        "UTF-8。\n\n原因：误传进来的二进制文件"
        "绝不能被改写。",
    .fix_doc_zh = "无。`--fix` 从不改写这个文件。",
    .bad = "text\\0more\n",
    .good = "text more\n",
    .check_source = check_nul,
};
