# okrc — build, test and demo. `make` builds ./okrc; `make check` and
# `make demo` first install missing build dependencies (Debian, apt-get).

CC      ?= cc
PKGS    := jansson libcgraph libgvc libutf8proc

# Installation directories, GNU style (PREFIX or prefix, DESTDIR for staging).
# The installed okrc finds its stdlib relative to itself (bin/../share/okrc/
# stdlib), so a tree installed anywhere, or moved, works; the datadir below
# is only its last resort, fixed when okrc is built (docs/install.md).
PREFIX      ?= /usr/local
prefix      ?= $(PREFIX)
exec_prefix ?= $(prefix)
bindir      ?= $(exec_prefix)/bin
datarootdir ?= $(prefix)/share
datadir     ?= $(datarootdir)
mandir      ?= $(datarootdir)/man
man1dir     ?= $(mandir)/man1
man5dir     ?= $(mandir)/man5
bashcompdir ?= $(datarootdir)/bash-completion/completions
zshcompdir  ?= $(datarootdir)/zsh/site-functions
fishcompdir ?= $(datarootdir)/fish/vendor_completions.d
STDLIB_DIR  := $(datadir)/okrc/stdlib

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LIBS       := $(PKG_LIBS) -lm
JANSSON_CFLAGS := $(shell pkg-config --cflags jansson 2>/dev/null)
JANSSON_LIBS   := $(shell pkg-config --libs jansson 2>/dev/null)

CSTD     := -std=c11 -D_POSIX_C_SOURCE=200809L
OPT      ?= -O2 -g
WARN     := -Wall -Wextra -Werror
# Generated code gets narrower flags: no -Werror, and flex's unused helpers.
GEN_WARN := -Wall -Wno-unused-function -Wno-sign-compare -Wno-unused-parameter
INCLUDES := -Isrc -Ibuild/gen

# The library (src/lib), the emitters (src/emit), the commands (src/cmd) and
# the language server (src/lsp);
# docs/architecture.md says which may include which (tools/check-includes.sh).
SRC      := $(wildcard src/lib/*.c src/emit/*.c src/cmd/*.c src/lsp/*.c)
GEN      := build/gen/parser.c build/gen/scanner.c build/gen/lexdata.c

# The lexical data of the title rules (src/lib/lexdata.h), read from the
# Debian packages wordnet-base and hunspell-nl when okrc is built.
WORDNET_DIR ?= /usr/share/wordnet
NL_DICT     ?= /usr/share/hunspell/nl

# The build prints one line per step; V=1 prints the commands, make -s nothing.
V ?=
SILENT := $(findstring s,$(firstword x$(MAKEFLAGS)))
say = $(if $(V),,@$(if $(SILENT),,printf '  %-7s %s\n' $(1) $(2);))

all: okrc man

# ---- generated sources ----
build/gen/parser.c build/gen/parser.h &: grammar/okr.y
	@mkdir -p build/gen
	$(call say,BISON,$<)bison -Wall -Werror --header=build/gen/parser.h -o build/gen/parser.c $<

build/gen/scanner.c: grammar/okr.l build/gen/parser.h
	@mkdir -p build/gen
	$(call say,FLEX,$<)flex -Cf -o $@ $<

build/gen/lexdata.c: tools/lexdata.sh
	@mkdir -p build/gen
	$(call say,GEN,$@)sh tools/lexdata.sh $(WORDNET_DIR) $(NL_DICT).dic $(NL_DICT).aff >$@.new && mv $@.new $@

# ---- the configured stdlib directory ----
# Recorded in build/config/stdlib-dir, rewritten only when it changes, so
# that only stdlib_path.c is rebuilt for another datadir. `make install` and
# `make uninstall` never rewrite it: installing copies what was built, with
# the paths the build used (the binary finds its stdlib relative to itself).
INSTALL_GOALS := install uninstall install-strip
ifeq ($(filter $(INSTALL_GOALS),$(MAKECMDGOALS)),)
build/config/stdlib-dir: FORCE
endif
build/config/stdlib-dir:
	@mkdir -p $(@D)
	@printf '%s\n' '$(STDLIB_DIR)' >$@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi
FORCE:
CONFIGURED_STDLIB = $(shell cat build/config/stdlib-dir 2>/dev/null)
build/obj/lib/stdlib_path.o build/asan/lib/stdlib_path.o: build/config/stdlib-dir
build/obj/lib/stdlib_path.o build/asan/lib/stdlib_path.o: DEFS = -DOKRC_STDLIB_DIR='"$(CONFIGURED_STDLIB)"'

# ---- one object tree per flavour: normal and sanitized ----
# $(call objects,DIR) lists the objects of a flavour.
objects = $(patsubst src/%.c,$(1)/%.o,$(SRC)) $(1)/gen/parser.o $(1)/gen/scanner.o $(1)/gen/lexdata.o

OBJ      := $(call objects,build/obj)
ASAN_OBJ := $(call objects,build/asan)
SAN      := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# A library pkg-config cannot find is named in its own words before anything
# is compiled (the variables above are quiet, as `make deps` may still be
# about to install it).
pkg-check:
	@pkg-config --print-errors --exists $(PKGS) || { echo "okrc: run 'make deps' (or install the packages above)" >&2; exit 1; }

# Header dependencies come from -MMD; the generated header must exist first.
build/obj/%.o: src/%.c | build/gen/parser.h pkg-check
	@mkdir -p $(@D)
	$(call say,CC,$<)$(CC) $(CSTD) $(OPT) $(WARN) $(DEFS) $(INCLUDES) $(PKG_CFLAGS) -MMD -c -o $@ $<
build/obj/gen/%.o: build/gen/%.c build/gen/parser.h
	@mkdir -p $(@D)
	$(call say,CC,$<)$(CC) $(CSTD) $(OPT) $(GEN_WARN) $(INCLUDES) $(PKG_CFLAGS) -MMD -c -o $@ $<
build/asan/%.o: src/%.c | build/gen/parser.h pkg-check
	@mkdir -p $(@D)
	$(call say,CC-SAN,$<)$(CC) $(CSTD) -O1 -g $(SAN) $(WARN) $(DEFS) $(INCLUDES) $(PKG_CFLAGS) -MMD -c -o $@ $<
build/asan/gen/%.o: build/gen/%.c build/gen/parser.h
	@mkdir -p $(@D)
	$(call say,CC-SAN,$<)$(CC) $(CSTD) -O1 -g $(SAN) $(GEN_WARN) $(INCLUDES) $(PKG_CFLAGS) -MMD -c -o $@ $<

okrc: $(OBJ)
	$(call say,LINK,$@)$(CC) $(OPT) -o $@ $(OBJ) $(LIBS)

# The man pages: templates in man/, filled from okrc's own --help texts.
MAN_PAGES := build/man/okrc.1 build/man/okr.5
build/man/%: man/%.in tools/man.sh okrc
	@mkdir -p $(@D)
	$(call say,MAN,$@)sh tools/man.sh ./okrc $< >$@

man: $(MAN_PAGES)

okrc-asan: $(ASAN_OBJ)
	$(call say,LINK,$@)$(CC) -g $(SAN) -o $@ $(ASAN_OBJ) $(LIBS)

asan: okrc-asan

-include $(wildcard build/obj/*/*.d build/asan/*/*.d)

# ---- tests ----
UNIT_TESTS := $(patsubst tests/unit/%.c,build/unit/%,$(wildcard tests/unit/*.c))
LIB_OBJ    := $(filter-out build/obj/cmd/main.o,$(OBJ))

build/unit/%: tests/unit/%.c tests/unit/check.h tests/tools/jansson_layout.h $(LIB_OBJ)
	@mkdir -p $(@D)
	$(call say,CC,$<)$(CC) $(CSTD) $(OPT) $(WARN) $(INCLUDES) -Itests/unit $(PKG_CFLAGS) -o $@ $< $(LIB_OBJ) $(LIBS)

# Helpers the shell tests call (tests/tools/*.c, one program each).
TOOLS := $(patsubst tests/tools/%.c,build/tools/%,$(wildcard tests/tools/*.c))

build/tools/%: tests/tools/%.c tests/tools/jansson_layout.h
	@mkdir -p $(@D)
	$(call say,CC,$<)$(CC) $(CSTD) $(OPT) $(WARN) $(JANSSON_CFLAGS) -o $@ $< $(JANSSON_LIBS)

# Two tiers of one runner (docs/testing.md). `make test` is the fast loop:
# unit tests, every golden case against ./okrc, the quick shell and tree
# tests, in parallel. `make check` is everything, what CI runs: it installs
# what is missing, then runs the fast tier's tests, the golden cases and shell
# tests again under the sanitized build, and the full tier (valgrind,
# browser, editors, pre-commit, npm, packaging, mutation, hostile input), in
# a fresh make so that pkg-config sees newly installed libraries.
# T=PATTERN (words, shell wildcards) runs only the tests whose names match.
check: test-deps
	@$(MAKE) --no-print-directory test-full

test: okrc man $(UNIT_TESTS) $(TOOLS)
	@CC="$(CC)" tests/run.sh $(T)

test-full: okrc okrc-asan man $(UNIT_TESTS) $(TOOLS)
	@CC="$(CC)" tests/run.sh --full $(T)

# Every end-to-end test under valgrind: no leak and no error in our code.
memcheck: okrc $(UNIT_TESTS) $(TOOLS)
	@MEMCHECK=1 tests/run.sh

# The examples' check-ins are from early 2027; DEMO_AS_OF shows them mid-way.
DEMO_AS_OF ?= 2027-02-15

demo: deps
	@$(MAKE) --no-print-directory okrc
	@mkdir -p out
	@for f in examples/*.okr; do \
	    n=$$(basename $$f .okr); \
	    echo "== okrc check $$f"; \
	    ./okrc check --as-of $(DEMO_AS_OF) $$f || exit 1; \
	    ./okrc graph --as-of $(DEMO_AS_OF) $$f -o out/$$n.svg || exit 1; \
	    ./okrc graph --as-of $(DEMO_AS_OF) $$f -o out/$$n.png || exit 1; \
	    ./okrc report -f html --as-of $(DEMO_AS_OF) $$f -o out/$$n.html 2>/dev/null || exit 1; \
	    ./okrc report -f md --as-of $(DEMO_AS_OF) $$f -o out/$$n.md 2>/dev/null || exit 1; \
	done
	@echo "== maps and reports in out/: $$(ls out | tr '\n' ' ')"

deps:
	@tools/deps.sh

# The build's dependencies and what only the tests need (chromium).
test-deps:
	@tools/deps.sh --tests

INSTALL ?= install
INSTALL_PROGRAM ?= $(INSTALL) -m 755
INSTALL_DATA ?= $(INSTALL) -m 644
STDLIB_FILES := $(patsubst stdlib/%,%,$(shell find stdlib -name '*.okr' | LC_ALL=C sort))

install: okrc man
	$(call say,INSTALL,$(DESTDIR)$(bindir)/okrc)$(INSTALL) -d '$(DESTDIR)$(bindir)'
	@$(INSTALL_PROGRAM) okrc '$(DESTDIR)$(bindir)/okrc'
	$(call say,INSTALL,$(DESTDIR)$(STDLIB_DIR))for f in $(STDLIB_FILES); do \
	    $(INSTALL) -d "$(DESTDIR)$(STDLIB_DIR)/$$(dirname $$f)" && \
	    $(INSTALL_DATA) "stdlib/$$f" "$(DESTDIR)$(STDLIB_DIR)/$$f" || exit 1; \
	done
	$(call say,INSTALL,$(DESTDIR)$(mandir))$(INSTALL) -d '$(DESTDIR)$(man1dir)' '$(DESTDIR)$(man5dir)'
	@$(INSTALL_DATA) build/man/okrc.1 '$(DESTDIR)$(man1dir)/okrc.1'
	@$(INSTALL_DATA) build/man/okr.5 '$(DESTDIR)$(man5dir)/okr.5'
	$(call say,INSTALL,completions)$(INSTALL) -d '$(DESTDIR)$(bashcompdir)' \
	    '$(DESTDIR)$(zshcompdir)' '$(DESTDIR)$(fishcompdir)'
	@$(INSTALL_DATA) completions/okrc.bash '$(DESTDIR)$(bashcompdir)/okrc'
	@$(INSTALL_DATA) completions/_okrc '$(DESTDIR)$(zshcompdir)/_okrc'
	@$(INSTALL_DATA) completions/okrc.fish '$(DESTDIR)$(fishcompdir)/okrc.fish'

# Removes exactly what install wrote, then the directories okrc owns.
uninstall:
	$(call say,RM,$(DESTDIR)$(bindir)/okrc)rm -f '$(DESTDIR)$(bindir)/okrc'
	$(call say,RM,$(DESTDIR)$(datadir)/okrc)for f in $(STDLIB_FILES); do rm -f "$(DESTDIR)$(STDLIB_DIR)/$$f"; done
	@find '$(DESTDIR)$(datadir)/okrc' -depth -type d -empty -delete 2>/dev/null || true
	$(call say,RM,man pages and completions)rm -f '$(DESTDIR)$(man1dir)/okrc.1' \
	    '$(DESTDIR)$(man5dir)/okr.5' '$(DESTDIR)$(bashcompdir)/okrc' \
	    '$(DESTDIR)$(zshcompdir)/_okrc' '$(DESTDIR)$(fishcompdir)/okrc.fish'

# ---- make deb: a Debian package (dpkg-deb) installing into /usr ----
# Its binary is what `make` built, linked with a stdlib_path.o configured for
# /usr/share/okrc/stdlib; everything else comes from `make install`.
DEB_VERSION := $(shell sed -n 's/^\#define OKRC_VERSION "\(.*\)"/\1/p' src/lib/version.h)
DEB_ARCH    := $(shell dpkg --print-architecture 2>/dev/null)
DEB         := build/okrc_$(DEB_VERSION)_$(DEB_ARCH).deb

build/deb/stdlib_path.o: src/lib/stdlib_path.c src/lib/stdlib_path.h src/lib/arena.h
	@mkdir -p $(@D)
	$(call say,CC,$@)$(CC) $(CSTD) $(OPT) $(WARN) -DOKRC_STDLIB_DIR='"/usr/share/okrc/stdlib"' $(INCLUDES) -c -o $@ $<
build/deb/okrc: $(filter-out build/obj/lib/stdlib_path.o,$(OBJ)) build/deb/stdlib_path.o
	$(call say,LINK,$@)$(CC) $(OPT) -o $@ $^ $(LIBS)

deb: okrc man build/deb/okrc
	@rm -rf build/deb/root
	@$(MAKE) --no-print-directory install DESTDIR='$(CURDIR)/build/deb/root' prefix=/usr \
	    zshcompdir=/usr/share/zsh/vendor-completions >/dev/null
	$(call say,DEB,$(DEB))tools/deb.sh build/deb/root build/deb/okrc $(DEB) >/dev/null

clean:
	rm -rf build okrc okrc-asan out

bench: okrc
	@tests/bench/run.sh

# The VS Code extension (editors/vscode) as build/okr-VERSION.vsix; vsce
# comes from npm into build/vsce.
vsix:
	@tools/vsix.sh

.PHONY: all asan man check test test-full demo pkg-check deps test-deps install uninstall deb clean bench memcheck vsix FORCE
.DELETE_ON_ERROR:

# ---- fuzzing (clang + libFuzzer): make fuzz SECONDS=N ----
SECONDS ?= 60
FUZZ_SAN := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_SRC := $(filter-out src/cmd/main.c,$(SRC)) $(GEN)

build/fuzz/fuzz_plan: tests/fuzz/fuzz_plan.c tests/tools/jansson_layout.h $(FUZZ_SRC) $(wildcard src/*/*.h) build/gen/parser.h
	@mkdir -p $(@D)
	clang $(CSTD) -O1 -g $(FUZZ_SAN) -Wno-unused-function $(INCLUDES) $(PKG_CFLAGS) -o $@ \
	    tests/fuzz/fuzz_plan.c $(FUZZ_SRC) $(LIBS)

# The structure-aware target (tests/fuzz/fuzz_grammar.c): inputs are programs
# that build plans of up to 1 MB from grammar fragments; a run over 60 s or
# 2 GB counts as a crash (under ASan the harness also parses every output
# back: 60,000 findings of a 1 MB plan are 90 MB of SARIF, 1.2 s for okrc
# itself).
build/fuzz/fuzz_grammar: tests/fuzz/fuzz_grammar.c tests/fuzz/fuzz_plan.c tests/tools/jansson_layout.h $(FUZZ_SRC) $(wildcard src/*/*.h) build/gen/parser.h
	@mkdir -p $(@D)
	clang $(CSTD) -O1 -g $(FUZZ_SAN) -Wno-unused-function $(INCLUDES) $(PKG_CFLAGS) -o $@ \
	    tests/fuzz/fuzz_grammar.c $(FUZZ_SRC) $(LIBS)

fuzz-grammar: build/fuzz/fuzz_grammar
	@mkdir -p build/fuzz/grammar-corpus
	build/fuzz/fuzz_grammar -max_total_time=$(SECONDS) -max_len=4096 -timeout=60 -rss_limit_mb=2048 \
	    -artifact_prefix=build/fuzz/grammar- build/fuzz/grammar-corpus

fuzz: build/fuzz/fuzz_plan
	@mkdir -p build/fuzz/corpus
	@cp -n tests/fuzz/corpus/* tests/cases/*.okr tests/cases/fixtures/*.okr examples/*.okr build/fuzz/corpus/ 2>/dev/null || true
	build/fuzz/fuzz_plan -max_total_time=$(SECONDS) -max_len=65536 -timeout=10 \
	    -dict=tests/fuzz/okr.dict -artifact_prefix=build/fuzz/ build/fuzz/corpus

# The language server's message reader (tests/fuzz/fuzz_rpc.c): its own
# decoder of long JSON strings must read what jansson reads.
build/fuzz/fuzz_rpc: tests/fuzz/fuzz_rpc.c src/lsp/rpc.c src/lib/utf8.c $(wildcard src/*/*.h)
	@mkdir -p $(@D)
	clang $(CSTD) -O1 -g $(FUZZ_SAN) $(INCLUDES) $(PKG_CFLAGS) -o $@ \
	    tests/fuzz/fuzz_rpc.c src/lsp/rpc.c src/lib/utf8.c $(LIBS)

fuzz-rpc: build/fuzz/fuzz_rpc
	@mkdir -p build/fuzz/rpc-corpus
	build/fuzz/fuzz_rpc -max_total_time=$(SECONDS) -max_len=65536 -timeout=10 \
	    -artifact_prefix=build/fuzz/rpc- build/fuzz/rpc-corpus

.PHONY: fuzz fuzz-grammar fuzz-rpc
