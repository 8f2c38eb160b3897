/*
 * glossary.h: a project glossary (DESIGN.md section 8.3), the data of the
 * glossary rule: English terms, the Chinese renderings the project
 * requires for them, the renderings it rejects, and whether the English
 * term itself may stand. A configuration names it with `glossary: FILE`;
 * the loader (config_load.c) reads the file with tl_glossary_parse, and
 * the configuration holds the result, compiled once, shared (reference
 * counted) by its copies and read by every thread.
 *
 * The file is a YAML list of entries:
 *
 *   - term: fork                 # or a list: [repo, repository]
 *     zh: 复刻                   # or a list of accepted renderings
 *     reject: [分叉]             # optional
 *     keep-english: false        # optional: the English term may stand
 *
 * Matching (tl_glossary_find) works on UTF-8 text, ASCII letters compared
 * without case. An English term matches as a whole word (not inside a
 * longer word, an identifier, a path or a domain), also in its plural
 * ("forks", "repositories"); a space in a term or a rendering matches any
 * run of spaces, line breaks or hyphens, or none ("live USB", "live-usb").
 * Chinese renderings and rejects match anywhere, Chinese having no word
 * boundaries; a Latin edge of one obeys the word rule, with a hyphen
 * joining words ("my-whitelist-file" holds no "whitelist"), where an
 * English term stays a term in a compound ("fork-based").
 */
#ifndef TL_GLOSSARY_H
#define TL_GLOSSARY_H

#include "internal.h"

#include <yaml.h>

typedef struct tl_gloss_entry {
	char **terms; /* English spellings, as written; at least one */
	size_t nterms;
	char **zh; /* accepted renderings (may be none) */
	size_t nzh;
	char **reject; /* rejected renderings (may be none) */
	size_t nreject;
	bool keep_english;
} tl_gloss_entry;

/* What a needle is: an English term (or its plural), an accepted
 * rendering, or a rejected one. */
typedef enum tl_gloss_kind {
	TL_GLOSS_TERM = 0,
	TL_GLOSS_ZH,
	TL_GLOSS_REJECT,
	TL_GLOSS_NKINDS
} tl_gloss_kind;

typedef struct tl_glossary tl_glossary;

/* Parses the glossary DATA (LEN bytes) of the file shown as PATH. NULL
 * with ERR filled (PATH, line, column, message) when it is not a
 * glossary. The result has one reference. */
tl_glossary *tl_glossary_parse(const char *path, const char *data, size_t len,
                               tl_error *err);
/* The same for entries written in another YAML document (a
 * configuration's inline glossary: entries): ITEMS[0..N), nodes of DOC,
 * errors at their marks in the file shown as PATH. */
tl_glossary *tl_glossary_of_nodes(const char *path, yaml_document_t *doc,
                                  yaml_node_t **items, size_t n, tl_error *err);
/* A glossary with the entries of BASE (may be NULL) and then those of
 * ADD; an entry of ADD replaces every entry of BASE that shares one of
 * its terms (compared without case). One reference. */
tl_glossary *tl_glossary_merge(const tl_glossary *base, const tl_glossary *add);
tl_glossary *tl_glossary_ref(tl_glossary *g);
/* Drops a reference; NULL is a no-op. */
void tl_glossary_unref(tl_glossary *g);

size_t tl_glossary_count(const tl_glossary *g);
const tl_gloss_entry *tl_glossary_entry(const tl_glossary *g, size_t i);
/* How many needles of KIND it has (a rule skips a search for none). */
size_t tl_glossary_needles(const tl_glossary *g, tl_gloss_kind kind);
/* The files it was read from, as shown in errors, in order. */
const tl_option_list *tl_glossary_files(const tl_glossary *g);

/* One occurrence: bytes [start, end) of the text, of entry ENTRY. */
typedef struct tl_gloss_hit {
	size_t start, end;
	size_t entry;
} tl_gloss_hit;

/* The first occurrence of a needle of KIND in TEXT (LEN bytes) starting
 * at or after byte FROM (which starts a character), the longest one at
 * that place; false when there is none. */
bool tl_glossary_find(const tl_glossary *g, tl_gloss_kind kind,
                      const char *text, size_t len, size_t from,
                      tl_gloss_hit *hit);

/* The same, and into *NEAR whether, somewhere from FROM on where no
 * needle is found, a needle's bytes stand at the start of a word but end
 * none ("repo" in "report", "fork" glued to "https://"): only what
 * follows them keeps them from being found. */
bool tl_glossary_find_near(const tl_glossary *g, tl_gloss_kind kind,
                           const char *text, size_t len, size_t from,
                           tl_gloss_hit *hit, bool *near);

/* Appends the accepted renderings of entry E for a message: "复刻", or
 * "代码仓库" / "软件仓库", with the English term when it may stand,
 * separated by SEP. */
void tl_gloss_entry_renderings(const tl_gloss_entry *e, const char *sep,
                               tl_buf *out);

/* The glossary of a configuration, or NULL when it has none
 * (config.c). */
const tl_glossary *tl_config_glossary(const tl_config *cfg);

#endif
