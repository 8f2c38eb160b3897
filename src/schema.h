/*
 * schema.h: the JSON Schema of .translint.yml, generated from the rule
 * metadata and the loader's keys (schema.c). `translint --print-schema`
 * prints it; docs/translint.schema.json is its committed copy, which
 * `make docs` writes and `make docs-check` compares.
 */
#ifndef TL_SCHEMA_H
#define TL_SCHEMA_H

#include "translint.h"

/* Where the committed schema is published: the "$id" of the schema, and
 * the address a "# yaml-language-server: $schema=" comment names
 * (docs/configuration.md). A fork sets its own at build time, as it does
 * TL_DOCS_URL. */
#ifndef TL_SCHEMA_URL
#define TL_SCHEMA_URL                                                          \
	"https://raw.githubusercontent.com/translint/translint/main/docs/"     \
	"translint.schema.json"
#endif

/* Appends the schema (JSON, draft-07) to OUT. */
void tl_schema_write(tl_buf *out);

/* The top-level keys of a configuration, as the loader reads them
 * (config_load.c), NULL-terminated. */
const char *const *tl_config_top_keys(void);

#endif
