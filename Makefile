# Makefile for translint (GNU make).
#
#   make                 build ./translint
#   make demo            install the libraries if needed, build, lint docs/examples/
#   make test            install the libraries if needed, build, run the whole suite
#   make asan-test       the suite with AddressSanitizer and UBSan (build/asan/)
#   make static          a fully static Linux binary: build/static/translint
#   make valgrind-test   the suite under valgrind
#   make format-check    clang-format --dry-run on every .c and .h file
#   make docs            regenerate docs/rules/ and docs/translint.schema.json
#                        from the rule metadata
#   make align-stats     alignment figures on ../shared/corpus/lctt-pairs
#   make source-recall   recall of the source rules on defects injected into
#                        ../shared/corpus/lctt-pairs (tests/inject_defects.py)
#   make install         PREFIX=/usr/local DESTDIR= (binary and man page)
#   make uninstall       the same variables; removes what install wrote
#
# Variables: CC, CFLAGS, CPPFLAGS, LDFLAGS as usual; WERROR=1 turns warnings
# into errors (CI sets it). Objects go to build/ (build/asan/ for the
# sanitizer build) with their header dependencies (-MMD), so editing a
# header rebuilds what includes it. Changing CC or the flags rebuilds
# everything (see the .flags stamp below).

PREFIX ?= /usr/local
DESTDIR ?=
CFLAGS ?= -O2 -g
WERROR ?= 0

PKGS := libcmark libpcre2-8 libutf8proc yaml-0.1
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARNINGS := -Wall -Wextra -Wpedantic
ifeq ($(WERROR),1)
WARNINGS += -Werror
endif

# SAN=1 is how asan-test builds its own tree; nobody needs to set it by hand.
ifeq ($(SAN),1)
BUILD := build/asan
BIN := build/asan/translint
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -g
else
BUILD := build
BIN := translint
SANFLAGS :=
endif

# -std=c11 hides POSIX (strdup, fileno, realpath...) unless a feature
# macro asks for it. _XOPEN_SOURCE=700 is POSIX.1-2008 with the XSI
# extensions (glibc declares realpath only with them); one definition here
# keeps the sources free of the dance.
ALL_CPPFLAGS := -Iinclude -Isrc -D_XOPEN_SOURCE=700 $(PKG_CFLAGS) \
	$(CPPFLAGS)
ALL_CFLAGS := -std=c11 $(WARNINGS) $(CFLAGS) $(SANFLAGS) -pthread
ALL_LDFLAGS := $(SANFLAGS) -pthread $(LDFLAGS)
LDLIBS := $(PKG_LIBS) -lm

SRCS := $(sort $(wildcard src/*.c src/emit/*.c src/rules/*.c))
OBJS := $(SRCS:%.c=$(BUILD)/%.o) $(BUILD)/presets.o $(BUILD)/html_assets.o
# What the unit tests link against: everything but the command line.
LIB_OBJS := $(filter-out $(BUILD)/src/main.o $(BUILD)/src/cli_%.o,$(OBJS))

# Every tests/unit/test_NAME.c is one test program; other .c files there
# are helpers linked into each of them.
TEST_SRCS := $(sort $(wildcard tests/unit/test_*.c))
TEST_HELPER_SRCS := $(filter-out $(TEST_SRCS),$(wildcard tests/unit/*.c))
TEST_HELPER_OBJS := $(TEST_HELPER_SRCS:%.c=$(BUILD)/%.o)
TEST_OBJS := $(TEST_SRCS:%.c=$(BUILD)/%.o)
TEST_BINS := $(TEST_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

PRESET_FILES := $(sort $(wildcard rules/*.yml))

FORMAT_FILES = $(shell find src include tests tools -name '*.[ch]' \
	2>/dev/null | sort)

.DELETE_ON_ERROR:
.SUFFIXES:
.PHONY: all bin unit-tests deps demo test asan-test valgrind-test \
	fuzz fuzz-build bench corpus-check static align-stats source-recall \
	format-check format docs docs-check install uninstall clean FORCE

all: $(BIN)
bin: $(BIN)
unit-tests: $(TEST_BINS) $(BUILD)/tools/align-stats

# ---- Building ----------------------------------------------------------

$(BIN): $(OBJS)
	$(CC) $(ALL_LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

$(BUILD)/%.o: %.c $(BUILD)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(TEST_OBJS) $(TEST_HELPER_OBJS): $(BUILD)/%.o: %.c $(BUILD)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) -Itests/unit $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(TEST_BINS): $(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(TEST_HELPER_OBJS) \
		$(LIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(TEST_HELPER_OBJS) $(LIB_OBJS) $(LDLIBS)

# The presets: rules/*.yml as C arrays (tools/embed.sh, declared in
# src/embedded.h). One generated file serves both build trees.
build/presets.c: tools/embed.sh $(PRESET_FILES) build/presets.list
	@mkdir -p $(@D)
	sh tools/embed.sh $(PRESET_FILES) > $@.tmp && mv -f $@.tmp $@

$(BUILD)/presets.o: build/presets.c $(BUILD)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The style sheet and script of --format html, the same way (a table of
# their own, tl_html_assets, declared in src/emit/html.h).
HTML_ASSETS := src/emit/html.css src/emit/html.js
build/html_assets.c: tools/embed.sh $(HTML_ASSETS)
	@mkdir -p $(@D)
	sh tools/embed.sh -t tl_html_assets $(HTML_ASSETS) > $@.tmp && \
		mv -f $@.tmp $@

$(BUILD)/html_assets.o: build/html_assets.c $(BUILD)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# Stamps that change only when their text does, so that what depends on
# them is rebuilt exactly when needed: the compiler and flags (switching
# CC=gcc to CC=clang, or turning on WERROR, rebuilds every object), and the
# list of preset files (removing one regenerates presets.c; a file's mtime
# alone would not say so).
write-if-changed = @mkdir -p $(@D); printf '%s\n' '$(1)' > $@.new; \
	if cmp -s $@.new $@; then rm -f $@.new; else mv -f $@.new $@; fi

$(BUILD)/.flags: FORCE
	@[ -n '$(PKG_LIBS)' ] || { echo "pkg-config does not find $(PKGS):" \
		"run 'make deps' (or make demo / make test, which run it)" >&2; exit 1; }
	$(call write-if-changed,$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) $(LDLIBS))

build/presets.list: FORCE
	$(call write-if-changed,$(PRESET_FILES))

-include $(OBJS:.o=.d) $(TEST_OBJS:.o=.d) $(TEST_HELPER_OBJS:.o=.d)

# ---- Set-up and demo ---------------------------------------------------

# The targets a newcomer runs first install the libraries when they can.
# They build through a second make so that pkg-config is asked again after
# the libraries went in.
deps:
	@sh tools/deps.sh

demo: deps
	@$(MAKE) --no-print-directory bin
	@echo
	@echo '$$ ./translint docs/examples/'
	@./translint docs/examples/; status=$$?; echo; \
	case $$status in \
	0) echo "translint exited with status 0: nothing at error level (warnings"; \
	   echo "alone do not fail a run unless --max-warnings says so)." ;; \
	1) echo "translint exited with status 1: it found error-level problems, as"; \
	   echo "the article's deliberate mistakes (docs/examples/README.md) should."; \
	   echo "Status 1 is how translint fails a CI check; the demo itself succeeded." ;; \
	*) echo "translint exited with status $$status: it could not do its job."; exit $$status ;; \
	esac
	@echo
	@echo '$$ ./translint --diff docs/examples/article.md   # what --fix would change'
	@./translint --diff docs/examples/article.md; status=$$?; \
	if [ $$status -gt 1 ]; then exit $$status; fi

# ---- A static binary ---------------------------------------------------

# make static: build/static/translint, the objects of ./translint linked
# with cmark, PCRE2, utf8proc, libyaml and the C library inside (Debian's
# -dev packages ship the .a files), so that it runs on any x86-64 Linux
# without them. The GitHub Action caches it; tests/cli/static.sh runs it
# in a chroot that holds nothing else, and make test links it when it can.
# Static glibc warns about functions that load shared objects at run time
# (NSS, iconv, dlopen); translint calls none, and the link fails if one
# creeps in.
STATIC_BIN := build/static/translint
STATIC_LIBS = $(shell pkg-config --static --libs $(PKGS) 2>/dev/null) -lm

static: deps
	@$(MAKE) --no-print-directory $(STATIC_BIN)
	@echo "built $(STATIC_BIN)"

ifneq ($(SAN),1)
$(STATIC_BIN): $(OBJS)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -static -o $@.tmp $(OBJS) $(STATIC_LIBS) \
		2>$@.log; status=$$?; cat $@.log >&2; \
	if [ $$status = 0 ] && grep -q "requires at runtime" $@.log; then \
		echo "make static: the binary would load shared libraries" >&2; \
		status=1; fi; \
	if [ $$status = 0 ]; then mv -f $@.tmp $@; else rm -f $@.tmp; fi; \
	exit $$status
endif

# ---- Tests -------------------------------------------------------------

# The static binary too, when the static libraries are there
# (tests/cli/static.sh skips without it).
test: deps
	@$(MAKE) --no-print-directory bin unit-tests $(BUILD)/tests/corpus_check
	@$(MAKE) --no-print-directory $(STATIC_BIN) >/dev/null 2>&1 || \
		echo "make test: no static binary (make static says why)"
	TRANSLINT=./translint UNIT_DIR=build/tests \
	CORPUS_CHECK=$(BUILD)/tests/corpus_check bash tests/run.sh
	@$(MAKE) --no-print-directory docs-check

# Sanitizer reports go to files in build/asan/logs, which tests/run.sh
# checks after every test program: a report fails the suite even when the
# test only looked at the output. exitcode=86 keeps a sanitizer exit apart
# from translint's own statuses (0, 1, 2).
ASAN_LOGS := $(CURDIR)/build/asan/logs
asan-test: deps
	@$(MAKE) --no-print-directory SAN=1 bin unit-tests build/asan/tests/corpus_check
	@rm -rf $(ASAN_LOGS) && mkdir -p $(ASAN_LOGS)
	ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:exitcode=86:log_path=$(ASAN_LOGS)/asan \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=86:log_path=$(ASAN_LOGS)/ubsan \
	TL_TEST_LOG_DIR=$(ASAN_LOGS) \
	TRANSLINT=build/asan/translint UNIT_DIR=build/asan/tests \
	CORPUS_CHECK=build/asan/tests/corpus_check bash tests/run.sh

# Valgrind reports go to build/valgrind the same way. TL_NO_JIT=1 makes
# translint interpret PCRE2 patterns instead of JIT-compiling them (valgrind
# cannot follow JIT code and reports false errors in it); TL_UNDER_VALGRIND=1
# lets the tests cut their largest inputs, saying so in the case names, and
# wait longer for an answer (docs/testing.md).
# Each test program may take VALGRIND_TIMEOUT seconds: each translint
# process pays valgrind's start-up, and the fixtures, then one process per
# check and case (1,111), did not finish in an hour on two shared cores;
# they now run in groups under valgrind (347 processes, docs/testing.md).
VALGRIND_TIMEOUT ?= 21600
VALGRIND_LOGS := $(CURDIR)/build/valgrind
VALGRIND := valgrind --error-exitcode=99 -q --leak-check=full \
	--log-file=$(VALGRIND_LOGS)/vg.%p
valgrind-test: deps
	@command -v valgrind >/dev/null || \
		{ echo "valgrind-test needs valgrind (apt-get install valgrind)" >&2; exit 2; }
	@$(MAKE) --no-print-directory bin unit-tests
	@rm -rf $(VALGRIND_LOGS) && mkdir -p $(VALGRIND_LOGS)
	TRANSLINT="$(VALGRIND) $(CURDIR)/translint" UNIT_RUNNER="$(VALGRIND)" \
	TL_TEST_LOG_DIR=$(VALGRIND_LOGS) TL_TEST_TIMEOUT=$(VALGRIND_TIMEOUT) \
	TL_NO_JIT=1 TL_UNDER_VALGRIND=1 \
	UNIT_DIR=build/tests bash tests/run.sh

# ---- Fuzzing and benchmark (not part of make test) -----------------------

# make fuzz: the libFuzzer targets with ASan and UBSan, each built from
# the sources in one clang command (build/fuzz/): tests/fuzz/fuzz_lint.c
# (the linter and its fixes, with the structure check) on a corpus seeded
# from the fixtures, then tests/fuzz/fuzz_lsp.c (the language server's
# JSON reader and message framing) on one seeded from tests/fuzz/lsp-seeds,
# each for FUZZ_SECONDS. Crashes land in build/fuzz/artifacts/ as crash-*,
# leak-*, timeout-*; minimise one with build/fuzz/fuzz_lint
# -minimize_crash=1 FILE, then add a linter input under
# tests/fuzz/regressions/ (tests/cli/fuzz_regressions.sh replays them).
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_FLAGS ?=
FUZZ_LIB_SRCS = $(filter-out src/main.c src/cli_%.c,$(SRCS)) build/presets.c \
	build/html_assets.c

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB_SRCS) \
		$(wildcard include/*.h src/*.h src/*/*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) -std=c11 $(WARNINGS) -O1 -g \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-fno-omit-frame-pointer -pthread -o $@ $(FUZZ_LIB_SRCS) $< \
		$(LDLIBS)

fuzz-build: build/fuzz/fuzz_lint build/fuzz/fuzz_lsp

fuzz: deps
	@$(MAKE) --no-print-directory fuzz-build
	@mkdir -p build/fuzz/corpus build/fuzz/lsp-corpus build/fuzz/artifacts
	@find tests/fixtures -type f -name '*.md' | while read -r f; do \
		c=$$(cksum < "$$f" | cut -d' ' -f1); \
		printf '\004' | cat - "$$f" > "build/fuzz/corpus/seed-$$c-a"; \
		printf '\015' | cat - "$$f" > "build/fuzz/corpus/seed-$$c-b"; \
	done
	@cp tests/fuzz/regressions/* build/fuzz/corpus/ 2>/dev/null || true
	@cp tests/fuzz/lsp-seeds/* build/fuzz/lsp-corpus/
	cd build/fuzz && ASAN_OPTIONS=detect_leaks=1 ./fuzz_lint \
		-max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
		-max_len=65536 -artifact_prefix=artifacts/ $(FUZZ_FLAGS) corpus
	cd build/fuzz && ASAN_OPTIONS=detect_leaks=1 ./fuzz_lsp \
		-max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
		-max_len=65536 -artifact_prefix=artifacts/ $(FUZZ_FLAGS) \
		lsp-corpus

# make bench: the side-by-side benchmark (tests/bench.sh); it prints its
# figures and is never a pass/fail test.
bench: bin $(BUILD)/tools/source-bench
	SOURCE_BENCH=$(BUILD)/tools/source-bench bash tests/bench.sh

# make corpus-check: fixes a copy of ../shared/corpus (safe fixes, then
# --unsafe-fixes into another copy) and checks with cmark that code,
# HTML, link destinations, front matter and line endings are untouched and
# that a second --fix changes nothing (tests/corpus_check.sh,
# docs/testing.md). Skips, with status 0, where the corpus is absent.
CORPUS ?= ../shared/corpus

$(BUILD)/tests/corpus_check: tests/corpus_check.c $(BUILD)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LDLIBS)

corpus-check:
	@if [ ! -d '$(CORPUS)' ]; then \
		echo "corpus-check: skipped ($(CORPUS) is absent)"; exit 0; fi; \
	sh tools/deps.sh && \
	$(MAKE) --no-print-directory bin $(BUILD)/tests/corpus_check && \
	CORPUS='$(CORPUS)' TRANSLINT=$(BIN) \
	CORPUS_CHECK=$(BUILD)/tests/corpus_check bash tests/corpus_check.sh

# make align-stats: aligns every pair of $(CORPUS)/lctt-pairs and prints
# the figures of docs/alignment.md (tools/align-stats.c, a development
# tool). Skips, with status 0, where the corpus is absent.
$(BUILD)/tools/align-stats: tools/align-stats.c $(LIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< \
		$(LIB_OBJS) $(LDLIBS)

# tools/source-bench.c: the CPU of linting the translations of
# $(CORPUS)/lctt-pairs alone and with their originals (make bench).
$(BUILD)/tools/source-bench: tools/source-bench.c $(LIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< \
		$(LIB_OBJS) $(LDLIBS)

align-stats:
	@if [ ! -d '$(CORPUS)/lctt-pairs' ]; then \
		echo "align-stats: skipped ($(CORPUS)/lctt-pairs is absent)"; \
		exit 0; fi; \
	sh tools/deps.sh && \
	$(MAKE) --no-print-directory $(BUILD)/tools/align-stats && \
	$(BUILD)/tools/align-stats '$(CORPUS)/lctt-pairs'

# make source-recall: one defect of each kind injected into each pair of
# ../shared/corpus/lctt-pairs at a time, and whether the right source rule
# reports it at the right line (docs/accuracy.md). Skips where the corpus
# is absent; `make test` runs the same script on tests/cli/pairs.
source-recall: bin
	@if [ ! -d '$(CORPUS)/lctt-pairs' ]; then \
		echo "source-recall: skipped ($(CORPUS)/lctt-pairs is absent)"; \
		exit 0; fi; \
	nice -n 19 python3 tests/inject_defects.py ./$(BIN) '$(CORPUS)/lctt-pairs'

format-check:
	clang-format --dry-run -Werror $(FORMAT_FILES)

format:
	clang-format -i $(FORMAT_FILES)

# ---- Rule documentation ------------------------------------------------

# docs/rules/ and the configuration's JSON Schema docs/translint.schema.json
# are generated from the rule metadata; docs-check fails when the
# committed files differ from what the code says.
docs-check: translint
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	./translint --write-rule-docs "$$tmp" && \
	if diff -ru docs/rules "$$tmp" > "$$tmp.diff"; then \
		echo "docs/rules/ is up to date"; rm -f "$$tmp.diff"; \
	else \
		cat "$$tmp.diff"; rm -f "$$tmp.diff"; \
		echo "docs/rules/ is stale: run 'make docs' and commit the result" >&2; \
		exit 1; \
	fi && \
	./translint --print-schema > "$$tmp.json" && \
	if diff -u docs/translint.schema.json "$$tmp.json"; then \
		echo "docs/translint.schema.json is up to date"; \
		rm -f "$$tmp.json"; \
	else \
		rm -f "$$tmp.json"; \
		echo "docs/translint.schema.json is stale: run 'make docs'" \
			"and commit the result" >&2; \
		exit 1; \
	fi

docs: translint
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	./translint --write-rule-docs "$$tmp" && \
	rm -rf docs/rules && mkdir -p docs/rules && cp -R "$$tmp"/. docs/rules/
	./translint --print-schema > docs/translint.schema.json.tmp && \
	mv -f docs/translint.schema.json.tmp docs/translint.schema.json
	@echo "regenerated docs/rules/ and docs/translint.schema.json"

# ---- Installing --------------------------------------------------------

# BINDIR and MANDIR follow PREFIX unless given; DESTDIR stages the
# whole tree elsewhere (for packages), as the GNU conventions say.
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man

install: translint
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 translint $(DESTDIR)$(BINDIR)/translint
	install -m 644 docs/translint.1 $(DESTDIR)$(MANDIR)/man1/translint.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/translint $(DESTDIR)$(MANDIR)/man1/translint.1

clean:
	rm -rf build translint
