/*
 * invalid-utf8 and binary-file: a file translint cannot read as text.
 *
 * They look at the bytes before anything is parsed (check_source): a file
 * that is not valid UTF-8 or holds NUL bytes cannot be parsed, mapped or
 * fixed safely, so the engine parses nothing of it, and such a file is
 * never rewritten, whatever fixes were asked for. A NUL byte is reported
 * alone: a binary file is not said to be bad UTF-8 too.
 */
#include "rule.h"

/* Reports the character at OFFSET (an empty span at the end). */
static void report_at(tl_check *ck, const tl_source *src, size_t offset,
                      const char *message)
{
	size_t end = offset < src->len ? offset + 1 : offset;
	tl_check_report(ck, offset, end, message, NULL);
}

static void check_utf8(tl_check *ck, const tl_source *src)
{
	if (src->nul != TL_NONE || src->bad_utf8 == TL_NONE)
		return;
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
        "is not text (or is UTF-16): nothing else is checked in it.\n\n"
        "Why: a binary file given by mistake must not be rewritten.",
    .fix_doc = "None. The file is never rewritten by --fix.",
    .description_zh =
        "报告第一个 NUL 字节的偏移量。含有 NUL 字节的文件不是文本（或是 "
        "UTF-16 编码），其中不再检查其他内容。\n\n原因：误传进来的二进制文件"
        "绝不能被改写。",
    .fix_doc_zh = "无。`--fix` 从不改写这个文件。",
    .bad = "text\\0more\n",
    .good = "text more\n",
    .check_source = check_nul,
};
