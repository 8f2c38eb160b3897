/*
 * embedded.h: the files of rules/ (presets, the term list, glossaries),
 * compiled into the binary so that translint works alone, with no install
 * path.
 *
 * The table is generated at build time: the Makefile runs tools/embed.sh
 * over the .yml files of rules/ and compiles the result (build/presets.c)
 * with the other objects; tl_embedded_find is in embedded.c. Adding a file to
 * rules/ is all it takes to embed it; nothing here changes.
 */
#ifndef TL_EMBEDDED_H
#define TL_EMBEDDED_H

#include <stdbool.h>
#include <stddef.h>

/* One embedded file. NAME is the file's name in rules/, extension
 * included ("recommended.yml"). DATA holds LEN bytes followed by a NUL,
 * so it may also be read as a C string. Everything is static: nobody
 * frees it. */
struct tl_embedded_file {
	const char *name;
	const char *data;
	size_t len;
};

/* Every file of rules/, sorted by name, then an entry whose name is NULL. */
extern const struct tl_embedded_file tl_embedded_files[];

/* The file named NAME, given with or without its ".yml" ("recommended"
 * finds "recommended.yml"), or NULL when there is none. */
const struct tl_embedded_file *tl_embedded_find(const char *name);

/* Whether the file named NAME (with or without ".yml") is a preset: every
 * file of rules/ is one but the data files, the term list (terms.yml)
 * and the glossaries (NAME.glossary.yml), which extends cannot name. */
bool tl_embedded_is_preset(const char *name);

#endif
