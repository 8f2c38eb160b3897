/*
 * translint.h: the one public header of translint, a linter for Chinese
 * translations of English technical articles written in Markdown.
 *
 * The library takes bytes and a configuration and gives back diagnostics
 * (byte spans, messages, fixes). It never prints and never exits; the
 * command line (src/main.c) and the language server (src/lsp.c) are its two
 * embeddings. Every span is a byte range [start, end) into the original
 * file; line and column exist only in output code (tl_source_position).
 *
 * Ownership: every function that returns memory says who frees it. Objects
 * come in _new/_free pairs and every _free accepts NULL.
 */
#ifndef TRANSLINT_H
#define TRANSLINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TL_VERSION "0.1.0"

/* "No such offset": used for the first bad byte of valid input, etc. */
#define TL_NONE ((size_t)-1)

/* ---- Memory ------------------------------------------------------------ */

/* Allocation that aborts with a message on failure: nobody checks for NULL. */
void *tl_xmalloc(size_t size);
void *tl_xcalloc(size_t count, size_t size);
void *tl_xrealloc(void *ptr, size_t size);
/* Room for one more element at P, an array of N elements of SIZE bytes
 * with room for *CAP: returns P, or P moved to a block of twice the
 * capacity (updating *CAP) when it is full. */
void *tl_grow(void *p, size_t n, size_t *cap, size_t size);
char *tl_xstrdup(const char *s);
char *tl_xstrndup(const char *s, size_t n);

/* An arena: many small allocations released in one call. Memory is
 * 16-byte aligned and lives until tl_arena_free. */
typedef struct tl_arena tl_arena;
tl_arena *tl_arena_new(void);
void tl_arena_free(tl_arena *arena);
void *tl_arena_alloc(tl_arena *arena, size_t size);
/* The same, not zeroed (for memory its user fills itself). */
void *tl_arena_alloc_raw(tl_arena *arena, size_t size);
char *tl_arena_strdup(tl_arena *arena, const char *s);
char *tl_arena_strndup(tl_arena *arena, const char *s, size_t n);
char *tl_arena_printf(tl_arena *arena, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A growable byte buffer (owned by whoever declared it; free with
 * tl_buf_free). Always NUL-terminated after the first append. */
typedef struct tl_buf {
	char *data;
	size_t len;
	size_t cap;
} tl_buf;
void tl_buf_append(tl_buf *buf, const char *s, size_t n);
void tl_buf_puts(tl_buf *buf, const char *s);
void tl_buf_putc(tl_buf *buf, char c);
void tl_buf_printf(tl_buf *buf, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void tl_buf_free(tl_buf *buf);

/* The Levenshtein distance of bytes A[0..NA) and B[0..NB), for "did you
 * mean" suggestions. */
size_t tl_edit_distance(const char *a, size_t na, const char *b, size_t nb);

/* The one "did you mean" search: the candidate nearest to a name by edit
 * distance (the first of the nearest), its acceptance left to the caller
 * (tl_nearest_typo, or a limit of its own on best_d). */
typedef struct tl_nearest {
	const char *name; /* what was written, LEN bytes */
	size_t len;
	const char *best; /* the nearest candidate so far, or NULL */
	size_t best_len;
	size_t best_d; /* its distance */
} tl_nearest;
tl_nearest tl_nearest_start(const char *name, size_t len);
/* Considers CAND (LEN bytes; an empty one is passed over). */
void tl_nearest_add(tl_nearest *s, const char *cand, size_t len);
/* The nearest candidate when it is a likely typo of the name (at most
 * half of the longer of the two differs), else NULL. */
const char *tl_nearest_typo(const tl_nearest *s);

/* ---- Severities, languages, errors ------------------------------------ */

typedef enum tl_severity {
	TL_SEVERITY_OFF = 0,
	TL_SEVERITY_INFO,
	TL_SEVERITY_WARNING,
	TL_SEVERITY_ERROR
} tl_severity;

/* "error", "warning", "info", "off". */
const char *tl_severity_name(tl_severity severity);
/* Parses one of the names above; false when it is none of them. */
bool tl_severity_parse(const char *name, tl_severity *out);

/* The language of messages. */
typedef enum tl_lang { TL_LANG_EN = 0, TL_LANG_ZH } tl_lang;

/* Where library code failed: a path (may be empty), a 1-based line and
 * column (0 when unknown) and a message. Library code fills one of these
 * and returns a status; main.c decides what the user sees. */
typedef struct tl_error {
	char path[1024];
	size_t line;
	size_t column;
	char message[1024];
} tl_error;

void tl_error_set(tl_error *err, const char *path, size_t line, size_t column,
                  const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* ---- Source: bytes, validation, line index, positions ----------------- */

/* Line and column units, one per output standard. */
typedef enum tl_unit {
	TL_UNIT_CODEPOINT = 0, /* text, gcc, json, github */
	TL_UNIT_UTF16,         /* SARIF, LSP default */
	TL_UNIT_BYTE           /* rdjson, LSP utf-8 */
} tl_unit;

typedef struct tl_source {
	char *path;    /* display path, owned */
	char *data;    /* the bytes, owned, with one extra NUL after len */
	size_t len;    /* number of bytes */
	size_t body;   /* offset just after a UTF-8 BOM (0 or 3) */
	size_t *lines; /* start offset of each line; lines[0] == 0 */
	size_t nlines; /* number of lines (at least 1) */
	size_t
	    bad_utf8; /* offset of the first invalid UTF-8 byte, or TL_NONE */
	size_t nul;   /* offset of the first NUL byte, or TL_NONE */
	bool crlf;    /* the first line ending is CRLF */
	/* Column checkpoints, one every TL_SOURCE_MARK bytes, built only
	 * when a line is longer than that, so that converting an offset
	 * on a long line scans a bounded stretch (NULL otherwise). */
	struct tl_source_mark *marks;
	size_t nmarks;
} tl_source;

#define TL_SOURCE_MARK 1024

/* Checkpoint k: the first character starting at or after
 * k * TL_SOURCE_MARK, its line, and its 0-based column in code points
 * and in UTF-16 units. */
struct tl_source_mark {
	size_t offset;
	size_t line;
	size_t cp;
	size_t u16;
};

/* A 1-based line and column. */
typedef struct tl_pos {
	size_t line;
	size_t column;
} tl_pos;

/* Copies DATA; PATH may be NULL. Lines end at LF, CRLF or a lone CR, as
 * in CommonMark. Free with tl_source_free. */
tl_source *tl_source_new(const char *path, const char *data, size_t len);
void tl_source_free(tl_source *src);
/* The 0-based index of the line holding OFFSET (OFFSET may equal len). */
size_t tl_source_line_index(const tl_source *src, size_t offset);
/* OFFSET as a 1-based line and column counted in UNIT. The BOM is not
 * counted in the columns of line 1. An offset inside a multi-byte
 * character counts as that character's start. */
tl_pos tl_source_position(const tl_source *src, size_t offset, tl_unit unit);
/* The inverse: a 0-based LINE and a 0-based COLUMN in UNIT to a byte
 * offset, clamped to the end of that line (for the language server). */
size_t tl_source_offset(const tl_source *src, size_t line, size_t column,
                        tl_unit unit);
/* The byte range of line LINE (0-based) without its line ending. */
void tl_source_line_span(const tl_source *src, size_t line, size_t *start,
                         size_t *end);

/* ---- Rules (metadata, read-only) ---------------------------------------- */

typedef enum tl_fixability {
	TL_FIXABLE_NONE = 0,
	TL_FIXABLE_SAFE,     /* every fix it emits is safe */
	TL_FIXABLE_UNSAFE,   /* every fix it emits is unsafe */
	TL_FIXABLE_SOMETIMES /* safe in some cases, unsafe or none in others */
} tl_fixability;

/* The type of a rule option: what a configuration may write for it, and
 * what the rule reads (the values are built and checked, and their
 * patterns compiled, when the configuration loads). */
typedef enum tl_option_type {
	TL_OPTION_STRING = 0,
	TL_OPTION_BOOL,
	TL_OPTION_INT,
	TL_OPTION_ENUM,     /* one of CHOICES, "|"-separated */
	TL_OPTION_LIST,     /* a list of strings (or one string) */
	TL_OPTION_MAP,      /* a map of strings to strings or lists of them */
	TL_OPTION_REGEX,    /* a PCRE2 pattern */
	TL_OPTION_REGEX_MAP /* a map of strings to patterns or lists of them */
} tl_option_type;

typedef struct tl_option_def {
	const char *name;
	tl_option_type type;
	const char *default_value; /* as written in YAML; a list's items
	                              separated by ","; no map has one */
	const char *choices;       /* TL_OPTION_ENUM: "require|forbid" */
	const char *doc;           /* one sentence, English */
	const char *doc_zh;        /* the same in Chinese */
} tl_option_def;

struct tl_check;
struct tl_run;
struct tl_doc;
struct tl_suppress;
struct tl_pairing;

/* One built-in rule. Every field but the check functions is documentation
 * that --explain, --list-rules, docs/rules/RULE.md and SARIF print. */
typedef struct tl_rule {
	const char *name;
	const char *summary;    /* one line, English */
	const char *summary_zh; /* one line, Chinese */
	tl_severity severity;   /* default severity when enabled */
	tl_fixability fixable;
	const tl_option_def
	    *options;            /* terminated by a {NULL} entry; may be NULL */
	const char *description; /* what it flags and why (Markdown, English) */
	const char *fix_doc;     /* fix safety in one paragraph */
	const char *description_zh; /* the same two in Chinese */
	const char *fix_doc_zh;
	/* The description's next paragraphs, printed right after it (may be
	 * NULL): C11 promises string literals of 4,095 bytes only, so a long
	 * description goes on here. */
	const char *description_more;
	const char *description_more_zh;
	const char *bad;  /* example that is flagged */
	const char *good; /* the same example, fixed */
	/* The configuration the examples are linted under (YAML, as a
	 * .translint.yml writes it), for a rule that needs data to say
	 * anything (a glossary); NULL: the rule alone, with its defaults. */
	const char *example_config;
	/* Called for every prose run of the document (may be NULL). */
	void (*check_run)(struct tl_check *ck, const struct tl_run *run);
	/* Called for every parsed piece of the document, after its runs
	 * (may be NULL). A document is one piece unless it is very large
	 * (markdown.c): check_doc sees a part of the tree at a time. */
	void (*check_doc)(struct tl_check *ck, const struct tl_doc *doc);
	/* Called once per document, after the last piece, when the tree is
	 * gone (DOC->root is NULL): for what needs the whole document
	 * (may be NULL). */
	void (*check_end)(struct tl_check *ck, const struct tl_doc *doc);
	/* Called once per document before it is parsed, with its bytes
	 * (may be NULL). A source that is not valid UTF-8 or holds a NUL
	 * byte is never parsed: for it, this hook is the only one called. */
	void (*check_source)(struct tl_check *ck, const tl_source *src);
	/* Called once per document after its suppression comments were
	 * applied, with those comments (may be NULL); what it reports is
	 * not suppressed. */
	void (*check_comments)(struct tl_check *ck,
	                       const struct tl_suppress *sup);
	/* Called once per document linted with an original
	 * (tl_lint_with_original), after check_end, with the two documents
	 * and their alignment (src/rules/source.h); what it reports is
	 * suppressed as usual (may be NULL). The source rules of DESIGN.md
	 * section 8.3 have only this hook. */
	void (*check_original)(struct tl_check *ck,
	                       const struct tl_pairing *pairing);
	/* The original that BAD and GOOD translate, for the rules that
	 * compare a translation with its original (NULL for the others). */
	const char *original;
} tl_rule;

/* "none", "safe", "unsafe", "sometimes": the one spelling of each, for
 * every output that names a fixability (and a fix's applicability). */
const char *tl_fixability_name(tl_fixability f);

/* Appends to OUT the first preset that enables RULE (recommended, then
 * translation, then the other built-in presets by name), as rule pages
 * say; false when none does. Presets are the one place that says which
 * rules they enable. */
bool tl_rule_preset(const tl_rule *rule, tl_buf *out);

/* The table of built-in rules, in a fixed order. */
const tl_rule *const *tl_rules(size_t *count);
/* The built-in rule named NAME, or NULL. */
const tl_rule *tl_rule_find(const char *name);

/* ---- Diagnostics and fixes ---------------------------------------------- */

typedef enum tl_applicability {
	TL_FIX_NONE = 0,
	TL_FIX_SAFE,
	TL_FIX_UNSAFE
} tl_applicability;

/* Replace bytes [start, end) with TEXT (an insertion when start == end). */
typedef struct tl_edit {
	size_t start;
	size_t end;
	const char *text;
} tl_edit;

typedef struct tl_fix {
	tl_applicability applicability; /* TL_FIX_NONE: no fix */
	const tl_edit *edits;           /* sorted, non-overlapping */
	size_t nedits;
} tl_fix;

typedef struct tl_diag {
	const char *rule; /* rule id (built-in or custom) */
	tl_severity severity;
	size_t start; /* byte span in the source */
	size_t end;
	const char *message; /* in the linter's language */
	tl_fix fix;
	/* Where the finding stands in the original (a source rule's
	 * finding: a byte span of tl_result.original), or TL_NONE for
	 * both. */
	size_t orig_start;
	size_t orig_end;
} tl_diag;

/* ---- Configuration --------------------------------------------------------
 */

/* An effective configuration: which rules run, at which severity, with
 * which options. Built-ins start from a preset; the configuration module
 * (config.c) loads .translint.yml files on top. */
typedef struct tl_config tl_config;

/* The configuration of preset NAME ("recommended", ...), or NULL when
 * there is no such preset (ERR filled). Free with tl_config_free. */
tl_config *tl_config_preset(const char *name, tl_error *err);
tl_config *tl_config_copy(const tl_config *cfg);
void tl_config_free(tl_config *cfg);
/* The severity of rule NAME in CFG (TL_SEVERITY_OFF when off or unknown). */
tl_severity tl_config_severity(const tl_config *cfg, const char *name);
/* The same for rule I: built-in rule I of tl_rules(), then custom rule
 * I - (number of built-in rules) (no name to look up, for the engine). */
tl_severity tl_config_severity_at(const tl_config *cfg, size_t i);
/* Sets the severity of a built-in rule: false if NAME is no rule. */
bool tl_config_set_severity(tl_config *cfg, const char *name,
                            tl_severity severity);
/* The lowest severity at which a diagnostic fails a run (fail-on:
 * TL_SEVERITY_ERROR unless the configuration says otherwise). */
tl_severity tl_config_fail_on(const tl_config *cfg);
/* Sets option OPT of rule RULE to the value YAML (a YAML text, as a
 * configuration file would write it: "corner", "[a, b]",
 * "{Kubernetes: [k8s?]}"), checked and compiled as the loader does.
 * False with ERR filled when the rule, the option or the value is bad. */
bool tl_config_set_option(tl_config *cfg, const char *rule, const char *opt,
                          const char *yaml, tl_error *err);

/* Loading configuration files (.translint.yml, DESIGN.md section 4).
 *
 * tl_config_load reads the YAML file PATH: its extends (presets and
 * relative paths, in order; without extends, recommended; PRESET, when not
 * NULL, replaces the file's extends), rules, ignore and overrides, all
 * validated. NULL with ERR filled (PATH, line, column, message) on any
 * error. Free with tl_config_free. */
tl_config *tl_config_load(const char *path, const char *preset, tl_error *err);
/* The nearest .translint.yml (or .translint.yaml) walking up from the
 * folder of FILE (which need not exist), no further than the top folder
 * of its git repository (the one holding .git), or NULL. Caller frees. */
char *tl_config_find(const char *file);
/* Whether an ignore: glob of CFG matches FILE. */
bool tl_config_ignores(const tl_config *cfg, const char *file);
/* Bit I set when overrides block I of CFG applies to FILE (the first 64
 * blocks), for callers caching per-file configurations. */
unsigned long tl_config_override_mask(const tl_config *cfg, const char *file);
/* A copy of CFG with the overrides matching FILE applied (caller frees),
 * or NULL when none matches FILE. */
tl_config *tl_config_for_file(const tl_config *cfg, const char *file);
/* Whether NAME is a built-in rule or a custom rule of CFG. */
bool tl_config_has_rule(const tl_config *cfg, const char *name);
/* The rule of CFG nearest to NAME when NAME looks like its misspelling,
 * else NULL. */
const char *tl_config_nearest_rule(const tl_config *cfg, const char *name);
/* The custom rules (rules: custom:) of CFG, in definition order; their
 * metadata lives as long as CFG. */
size_t tl_config_custom_count(const tl_config *cfg);
const tl_rule *tl_config_custom_rule(const tl_config *cfg, size_t i);
/* Fills ERR with "unknown rule 'NAME'" and, when NAME looks like the
 * misspelling of a rule of CFG (built-in, or custom; CFG may be NULL), the
 * nearest one. */
void tl_config_unknown_rule(const tl_config *cfg, const char *name,
                            tl_error *err);
/* Appends the effective configuration to OUT as YAML (through libyaml's
 * emitter): a configuration of its own that loads to the same one. */
void tl_config_print(const tl_config *cfg, tl_buf *out);
/* Appends the commented starter file --init writes to OUT, extending
 * PRESET (NULL: recommended). */
void tl_config_starter(const char *preset, tl_buf *out);

/* ---- Which configuration applies to a file ------------------------------ */

/* A rule choice made outside the configuration files (the command line's
 * --select, --enable, --disable, --severity), applied on top of every
 * configuration a resolver gives. */
typedef enum tl_choice_kind {
	TL_CHOICE_SELECT = 0, /* only the selected rules run */
	TL_CHOICE_ENABLE,     /* on, at its default severity unless on */
	TL_CHOICE_DISABLE,    /* off */
	TL_CHOICE_SEVERITY    /* at SEVERITY */
} tl_choice_kind;

typedef struct tl_rule_choice {
	tl_choice_kind kind;
	const char *rule;
	tl_severity severity; /* TL_CHOICE_SEVERITY */
} tl_rule_choice;

/*
 * A resolver answers "which configuration applies to this file?" for the
 * command line and the language server alike: the nearest .translint.yml
 * walking up from the file's folder (or CONFIG_FILE, when not NULL, for
 * every file), loaded once, with the overrides matching the file and the
 * CHOICES applied; the preset (PRESET, else recommended) with the choices
 * for a file no configuration file governs. PRESET, when not NULL, also
 * replaces the extends of the configuration files.
 *
 * A resolver that WATCHes checks at each question whether the files a
 * configuration was read from changed since, and loads it again if so
 * (the language server, which asks on every keystroke); one that does not
 * trusts what it loaded (a command-line run).
 *
 * NULL with ERR filled when CONFIG_FILE or PRESET cannot be loaded. The
 * configurations it gives belong to it: valid until tl_resolver_free, or,
 * when it watches, until the next tl_resolver_config. Free with
 * tl_resolver_free. Not for use by two threads at once.
 */
typedef struct tl_resolver tl_resolver;
tl_resolver *tl_resolver_new(const char *config_file, const char *preset,
                             const tl_rule_choice *choices, size_t nchoices,
                             bool watch, tl_error *err);
void tl_resolver_free(tl_resolver *r);
/* The configuration that applies to the document at PATH (which need not
 * exist), or NULL with ERR filled when it cannot be loaded or a choice
 * names a rule it does not have. */
const tl_config *tl_resolver_config(tl_resolver *r, const char *path,
                                    tl_error *err);
/* The preset with the choices applied (the configuration of a file that
 * no configuration file governs, and a fallback after an error). */
const tl_config *tl_resolver_default(const tl_resolver *r);
/* Whether an ignore: glob of PATH's configuration file matches PATH. */
bool tl_resolver_ignores(tl_resolver *r, const char *path);
/* Whether every rule the choices name is a rule of some configuration
 * loaded so far; ERR filled when not. */
bool tl_resolver_names_known(const tl_resolver *r, tl_error *err);
/* The configuration files loaded so far, as loaded (before overrides and
 * choices; NULL for one that failed to load in a watching resolver). */
size_t tl_resolver_count(const tl_resolver *r);
const tl_config *tl_resolver_loaded(const tl_resolver *r, size_t i);
/* How many times R loaded a configuration file (for tests: a watching
 * resolver loads a file again only after it changed). */
size_t tl_resolver_loads(const tl_resolver *r);

/* ---- Linting ---------------------------------------------------------- */

/* The result of linting one document. Owns its source and diagnostics. */
typedef struct tl_result {
	tl_source *source;
	tl_diag *diags; /* sorted by start, then rule, then end */
	size_t ndiags;
	tl_arena *arena; /* owns messages and edit texts */
	/* The original the document translates (DESIGN.md section 8), when
	 * its caller paired one (tl_lint_with_original, --source): owned,
	 * freed with the result; NULL otherwise. tl_lint leaves it NULL. */
	tl_source *original;
	/* Private: the alignment of the original with the document, when
	 * the source rules made one (src/align.h), or NULL. Owned. */
	struct tl_align *alignment;
} tl_result;

/* Lints DATA (LEN bytes) named PATH under CFG with messages in LANG.
 * Never fails: unreadable input is the caller's business, and invalid
 * UTF-8 or NUL bytes give an invalid-utf8 or binary-file diagnostic.
 * Free with tl_result_free. */
tl_result *tl_lint(const tl_config *cfg, tl_lang lang, const char *path,
                   const char *data, size_t len);

/* An original paired with a translation (DESIGN.md section 8). */
typedef struct tl_original {
	const char *path; /* as output shows it (a path, or "REV:PATH") */
	const char *data; /* NULL: no original was found */
	size_t len;
	bool required;   /* source-required: no original is a source-missing
	                    error */
	const char *why; /* when data is NULL and required: why none was
	                    found (message), may be NULL */
} tl_original;

/* tl_lint with the original ORIG of the document (DESIGN.md section 8):
 * both are parsed with the same model and aligned, the source rules
 * (source-missing, source-number, ...) compare them, and the result
 * keeps a copy of the original (tl_result.original) for output. ORIG
 * NULL is tl_lint. ORIG->data NULL means no original was found: the
 * source rules are silent, but for source-missing's error when
 * ORIG->required. Nothing of ORIG is kept: its bytes are copied. */
tl_result *tl_lint_with_original(const tl_config *cfg, tl_lang lang,
                                 const char *path, const char *data, size_t len,
                                 const tl_original *orig);
void tl_result_free(tl_result *res);

/* Counts of a result. "fixable" counts diagnostics with a safe fix (or any
 * fix when UNSAFE). */
typedef struct tl_counts {
	size_t errors;
	size_t warnings;
	size_t infos;
	size_t fixable;
} tl_counts;
tl_counts tl_result_counts(const tl_result *res, bool unsafe);

/* Applies the chosen fixes of RES (safe ones; unsafe too when UNSAFE) to
 * its source in offset order, skipping any edit set that overlaps one
 * already taken. Returns the new bytes (caller frees) and sets *OUT_LEN;
 * returns NULL when nothing applies. */
char *tl_fix_apply(const tl_result *res, bool unsafe, size_t *out_len);

/* Lints and fixes to a fixpoint (at most TL_FIX_MAX_ROUNDS rounds).
 * Returns the fixed bytes (caller frees, *OUT_LEN set) or NULL when the
 * document cannot be fixed (invalid UTF-8, binary) or nothing changed.
 * *ROUNDS, when not NULL, receives the number of rounds that changed
 * something. */
#define TL_FIX_MAX_ROUNDS 10
char *tl_fix_document(const tl_config *cfg, tl_lang lang, const char *path,
                      const char *data, size_t len, bool unsafe,
                      size_t *out_len, int *rounds);

#endif
