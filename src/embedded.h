/*
 * embedded.h: the files of rules/ (presets and term lists), compiled into
 * the binary so that translint works alone, with no install path.
 *
 * The table is generated at build time: the Makefile runs tools/embed.sh
 * over the .yml files of rules/ and compiles the result (build/presets.c)
 * with the other objects; tl_embedded_find is in embedded.c. Adding a file to
 * rules/ is all it takes to embed it; nothing here changes.
 */
#ifndef TL_EMBEDDED_H
#define TL_EMBEDDED_H

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

#endif
