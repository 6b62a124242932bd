# factd: build, test and run the fact service.
# `make` builds build/factd; `make deps` installs the Debian packages it needs;
# `make run` serves the bundled corpus; `make test` runs every test.

CC      ?= cc
PORT    ?= 8080
DB      ?= build/corpus.db
PKGS    := libmicrohttpd jansson sqlite3 libpcre2-8 libcrypto libpq
DEB_PKGS := build-essential pkg-config libmicrohttpd-dev libjansson-dev libsqlite3-dev \
            libpcre2-dev libssl-dev libcriterion-dev libcurl4-openssl-dev zlib1g-dev \
            libpq-dev python3 curl
# The tests also start a throw-away PostgreSQL server (tests/pg/pgtmp).
TEST_DEB_PKGS := postgresql

# Warnings for all C code (product, tests, fuzz targets, benchmark); they are errors only with
# WERROR=1 (CI sets it), so that a new compiler's new warning does not stop a user's build.
WERROR  ?=
WARN_FLAGS := -Wall -Wextra -Wshadow -Wvla -Wconversion -Wsign-conversion -Wmissing-prototypes \
              -Wstrict-prototypes -Wformat=2 $(if $(filter 1,$(WERROR)),-Werror)
CFLAGS_BASE := -std=c17 -D_GNU_SOURCE $(WARN_FLAGS) -I. \
               $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# Each object also writes the headers it includes ($*.d, read back below), so that a header's
# change rebuilds exactly what includes it.
DEPFLAGS := -MMD -MP
CFLAGS  ?= -O2 -g
LDLIBS_BASE := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lz -lpthread -lm

SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

# Every module's sources; server/main.c holds main() and stays out of the test library.
LIB_SRC := $(wildcard util/*.c store/*.c store/sqlite/*.c store/postgres/*.c api/*.c ingest/*.c) $(filter-out server/main.c,$(wildcard server/*.c))
UNIT_SRC := $(wildcard tests/unit/*.c)
INTEG_SRC := $(wildcard tests/integration/*.c)
HDRS := $(wildcard */*.h)

BUILD ?= build
# openapi.yaml and the dashboard are built into the binary (util/embed.sh), so that factd
# serves them from whatever folder it starts in.
ASSETS := openapi.yaml $(sort $(wildcard web/*.html web/*.js web/*.css))
LIB_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRC)) $(BUILD)/obj/gen/assets.o
UNIT_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(UNIT_SRC))
INTEG_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(INTEG_SRC))
BENCH_OBJ := $(BUILD)/obj/bench/extract_time.o $(BUILD)/obj/tests/unit/adversarial.o

.PHONY: all deps run test test-unit test-integration test-asan clean eval eval-own eval-holdout lint

all: $(BUILD)/factd

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(CFLAGS) $(DEPFLAGS) -c $< -o $@

$(BUILD)/gen/assets.c: util/embed.sh $(ASSETS)
	@mkdir -p $(dir $@)
	sh util/embed.sh $(ASSETS) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/gen/assets.o: $(BUILD)/gen/assets.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(CFLAGS) $(DEPFLAGS) -c $< -o $@

$(BUILD)/libfactd.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/factd: $(BUILD)/obj/server/main.o $(BUILD)/libfactd.a
	$(CC) $(CFLAGS) $^ -o $@ $(LDLIBS_BASE)

$(BUILD)/unit-tests: $(UNIT_OBJ) $(BUILD)/libfactd.a
	$(CC) $(CFLAGS) $^ -o $@ $(LDLIBS_BASE) -lcriterion

# The integration tests follow the change feed with the unit tests' client of it (replay.c).
$(BUILD)/integration-tests: $(INTEG_OBJ) $(BUILD)/obj/tests/unit/replay.o $(BUILD)/libfactd.a
	$(CC) $(CFLAGS) $^ -o $@ $(LDLIBS_BASE) -lcriterion -lcurl

# Installs the Debian packages of $(1) that are missing (sudo when not root); else says $(2).
define install_missing
@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
if [ -n "$$missing" ]; then \
  echo "installing:$$missing"; \
  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
else echo "$(2)"; fi
endef

# Install whatever Debian packages are missing.
deps:
	$(call install_missing,$(DEB_PKGS),deps: all Debian packages present)

# What the tests need beyond the build: a PostgreSQL server to start and stop.
test-deps:
	$(call install_missing,$(TEST_DEB_PKGS),test-deps: PostgreSQL present)

run: deps
	$(MAKE) all
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BUILD)/factd ingest --db $(DB) corpus
	@echo "factd serving the bundled corpus at http://127.0.0.1:$(PORT)/"
	$(BUILD)/factd serve --db $(DB) --create --port $(PORT)

# The integration tests run twice: on SQLite files, then on databases of the throw-away
# PostgreSQL server (FACTD_TEST_ENGINE=postgresql); then both engines must answer alike on
# three corpora (tests/pg/same-answers), and writers killed on one PostgreSQL database must
# lose no accepted article (tests/pg/kill-writers).
test: deps test-deps
	$(MAKE) all $(BUILD)/unit-tests $(BUILD)/integration-tests
	tests/pg/pgtmp run sh -c '$(BUILD)/unit-tests && \
	  FACTD_BIN=$(BUILD)/factd $(BUILD)/integration-tests && \
	  FACTD_TEST_ENGINE=postgresql FACTD_BIN=$(BUILD)/factd $(BUILD)/integration-tests && \
	  tests/pg/same-answers $(BUILD) corpus tests/corpus tests/disputes && \
	  tests/pg/kill-writers $(BUILD)'

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan:
	$(MAKE) BUILD=build/asan CFLAGS="-O1 -g $(SAN_FLAGS)" LDLIBS_BASE="$(LDLIBS_BASE) $(SAN_FLAGS)" \
	  build/asan/factd build/asan/unit-tests build/asan/integration-tests
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp tests/pg/pgtmp run sh -c \
	  'build/asan/unit-tests && FACTD_BIN=build/asan/factd build/asan/integration-tests && \
	  FACTD_TEST_ENGINE=postgresql FACTD_BIN=build/asan/factd build/asan/integration-tests'

# libFuzzer targets (fuzz/), built by clang with AddressSanitizer and UndefinedBehaviorSanitizer
# from the project's sources; `make fuzz` runs each for FUZZ_SECONDS from its seed corpus
# (fuzz/corpus/TARGET), keeping what it finds in $(BUILD)/fuzz/corpus/TARGET and any crash in
# $(BUILD)/fuzz/crash-TARGET-*.  A crash fails the target.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := fuzz_extract fuzz_api fuzz_json_body
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CFLAGS := $(CFLAGS_BASE) -O1 -g $(FUZZ_SAN)
FUZZ_OBJ := $(patsubst %.c,$(BUILD)/fuzz/obj/%.o,$(LIB_SRC) fuzz/fuzz_db.c) $(BUILD)/fuzz/obj/gen/assets.o
FUZZ_BINS := $(addprefix $(BUILD)/fuzz/,$(FUZZ_TARGETS))

.PHONY: fuzz fuzz-build fuzz-deps test-valgrind
.SECONDARY: $(FUZZ_OBJ) $(FUZZ_TARGETS:%=$(BUILD)/fuzz/obj/fuzz/%.o)

$(BUILD)/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(DEPFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(BUILD)/fuzz/obj/gen/assets.o: $(BUILD)/gen/assets.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(DEPFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(BUILD)/fuzz/fuzz_%: $(BUILD)/fuzz/obj/fuzz/fuzz_%.o $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $< $(FUZZ_OBJ) -o $@ $(LDLIBS_BASE)

# clang and its libFuzzer runtime, when missing (sudo when not root), as `make deps` does.
fuzz-deps:
	@if ! command -v $(FUZZ_CC) >/dev/null 2>&1 || ! dpkg -s libclang-rt-dev >/dev/null 2>&1; then \
	  echo "installing: clang libclang-rt-dev"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq clang libclang-rt-dev; \
	else echo "fuzz-deps: clang and libFuzzer present"; fi

fuzz-build: fuzz-deps
	$(MAKE) $(FUZZ_BINS)

fuzz: fuzz-build
	@set -e; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(BUILD)/fuzz/corpus/$$t; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  $(BUILD)/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=30 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=1 -artifact_prefix=$(BUILD)/fuzz/crash-$$t- \
	    $(BUILD)/fuzz/corpus/$$t fuzz/corpus/$$t 2>$(BUILD)/fuzz/$$t.log || { \
	      tail -n 60 $(BUILD)/fuzz/$$t.log; echo "fuzz: $$t failed (log: $(BUILD)/fuzz/$$t.log)"; exit 1; }; \
	  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+.*DONE)' $(BUILD)/fuzz/$$t.log || true; \
	done

# The unit tests under valgrind (memcheck): any memory error or definite leak fails.  One
# test at a time; each test's process is followed (Criterion runs each in a child).  The one
# suppression is for PCRE2's JIT-compiled code (frames in no object, "???"), whose word-wise
# reads past a subject's end memcheck takes for uses of uninitialised bytes.
VALGRIND_FLAGS := --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
                  --show-leak-kinds=definite --trace-children=yes -q \
                  --suppressions=$(BUILD)/valgrind.supp
test-valgrind: deps
	@command -v valgrind >/dev/null 2>&1 || { \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq valgrind; }
	$(MAKE) $(BUILD)/unit-tests
	@printf '%s\n' '{' '   pcre2-jit-code' '   Memcheck:Cond' '   obj:???' '   obj:???' '}' \
	  > $(BUILD)/valgrind.supp
	@rm -f $(BUILD)/valgrind-*.log
	valgrind $(VALGRIND_FLAGS) --log-file=$(BUILD)/valgrind-%p.log $(BUILD)/unit-tests --jobs=1
	@# A test's own process ends as Criterion expects whatever memcheck found: read its logs.
	@bad=$$(find $(BUILD) -maxdepth 1 -name 'valgrind-*.log' -size +0c); \
	if [ -n "$$bad" ]; then cat $$bad; echo "test-valgrind: memcheck errors in $$bad"; exit 1; fi; \
	echo "test-valgrind: no memory errors, no definite leaks"

# The integration suite again with a Prism proxy in front of each server, checking every
# answer against openapi.yaml, on SQLite then on the throw-away PostgreSQL (each target runs
# one engine); needs Node.js and npm (tests/contract/install pins Prism).
.PHONY: test-contract test-contract-sqlite test-contract-pg
test-contract:
	$(MAKE) test-contract-sqlite
	$(MAKE) test-contract-pg

test-contract-sqlite:
	$(MAKE) all $(BUILD)/integration-tests
	tests/contract/run $(BUILD)

test-contract-pg: test-deps
	$(MAKE) all $(BUILD)/integration-tests
	tests/pg/pgtmp run env FACTD_TEST_ENGINE=postgresql tests/contract/run $(BUILD)

# The dashboard (web/, at GET / from a browser and /ui) in headless Chromium against the
# bundled corpus; needs Node.js 20+ and npm, and installs Debian's chromium when missing
# (tests/browser/install pins playwright-core).  Screenshots go to tests/browser/artifacts/.
.PHONY: test-browser
test-browser:
	$(MAKE) all
	tests/browser/run $(BUILD)

eval: all
	../shared/eval/run corpus ../shared/eval/seeds.gold.json

eval-own: all
	../shared/eval/run tests/corpus tests/corpus/gold.json

eval-holdout: all
	../shared/eval/run tests/holdout tests/holdout/gold.json

# The same evaluations on PostgreSQL (tests/pg/eval: a new database on a throw-away server),
# each after SQLite's with the same arguments: the two reports must be the same text.
.PHONY: eval-pg eval-own-pg eval-holdout-pg
define eval_on_both
@echo "== SQLite: $(1)"
@../shared/eval/run $(1) $(2) >$(BUILD)/eval-sqlite.txt; status=$$?; \
  cat $(BUILD)/eval-sqlite.txt; exit $$status
@echo "== PostgreSQL: $(1)"
tests/pg/eval --same-as $(BUILD)/eval-sqlite.txt $(1) $(2)
endef

eval-pg: all test-deps
	$(call eval_on_both,corpus,../shared/eval/seeds.gold.json)

eval-own-pg: all test-deps
	$(call eval_on_both,tests/corpus,tests/corpus/gold.json)

eval-holdout-pg: all test-deps
	$(call eval_on_both,tests/holdout,tests/holdout/gold.json)

# The container image (Dockerfile) with docker, else podman, making a local Debian base with
# debootstrap when no registry gives one; `make image-test` also starts the image's own
# entrypoint (in a container, else by chroot into its file system) and checks what it serves.
.PHONY: image image-test compose-check
image:
	tests/image/run --keep

image-test:
	tests/image/run --smoke

# compose.yaml (factd x2, an ingest worker and PostgreSQL): valid for the Compose schema, and
# every factd command in it one the binary accepts (tests/image/compose-check).
compose-check: all test-deps
	tests/image/compose-check

clean:
	rm -rf build

# Benchmarks, not part of `make test`: factd against nginx serving the same bytes (wrk),
# ingest speed on generated corpora, latency and memory at scale, one and two servers on one
# PostgreSQL, extraction time on the adversarial articles of tests/unit/adversarial.c
# ($(BUILD)/extract-time); each figure on SQLite and on a throw-away PostgreSQL (the
# test-deps' server; BENCH_ENGINES chooses), one table per section with each target.
# Installs wrk and nginx-light when missing.  BENCH_SECONDS sets each wrk run.
BENCH_SECONDS ?= 5
.PHONY: bench
bench: deps test-deps
	$(MAKE) all $(BUILD)/extract-time
	BENCH_SECONDS=$(BENCH_SECONDS) FACTD_BIN=$(BUILD)/factd EXTRACT_TIME=$(BUILD)/extract-time \
	  BUILD=$(BUILD) bench/run

$(BUILD)/extract-time: $(BENCH_OBJ) $(BUILD)/libfactd.a
	$(CC) $(CFLAGS) $^ -o $@ $(LDLIBS_BASE)

# Soak, neither part of `make test` nor of CI: wrk -t1 -c64 for SOAK_SECONDS (default 300)
# over a mix of URLs while articles keep arriving (POST /sources and the --corpus folder);
# fails on any error response, failed job or unserved article, and on RSS growth of 5% or
# more after the warm-up.  Installs wrk when missing.  See bench/README.md.
.PHONY: soak
soak: deps
	$(MAKE) BUILD=$(BUILD) $(BUILD)/factd
	FACTD_BIN=$(BUILD)/factd BUILD=$(BUILD) bench/soak

# Static checks.  `make lint` runs clang-format (every .c and .h must be as `make format`
# leaves it), cppcheck and clang-tidy (.clang-tidy: bugprone-*, cert-*, concurrency-*) over all
# C code, and fails on any finding; `make format` rewrites every .c and .h in the house style
# (.clang-format).  clang-tidy reads the compile flags from $(BUILD)/compile_commands.json,
# written here.  See docs/testing.md for the suppression policy.
LINT_JOBS ?= 2
LINT_SRC := $(LIB_SRC) server/main.c $(UNIT_SRC) $(INTEG_SRC) $(wildcard fuzz/*.c bench/*.c)
FORMAT_SRC := $(LINT_SRC) $(filter-out $(BUILD)/%,$(wildcard */*.h tests/*/*.h))
LINT_CFLAGS := $(filter-out -Werror,$(CFLAGS_BASE))
CPPCHECK_FLAGS := --enable=warning,portability,performance --error-exitcode=1 --inline-suppr \
                  --suppressions-list=.cppcheck/suppressions --library=posix \
                  --library=.cppcheck/factd.cfg -I. -D_GNU_SOURCE --std=c11 -j$(LINT_JOBS) --quiet \
                  --template='{file}:{line}: {severity}: {message} [{id}]'

.PHONY: lint lint-deps lint-format lint-cppcheck lint-tidy format FORCE

# cppcheck, clang-tidy and clang-format, when missing (sudo when not root), as `make deps` does.
lint-deps:
	@missing=""; for p in cppcheck clang-tidy clang-format; do \
	  command -v $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	else echo "lint-deps: cppcheck, clang-tidy and clang-format present"; fi

# Each of the three runs even when another failed, so that one run shows every finding.
lint: lint-deps
	@status=0; \
	$(MAKE) --no-print-directory lint-format || status=1; \
	$(MAKE) --no-print-directory lint-cppcheck || status=1; \
	$(MAKE) --no-print-directory lint-tidy || status=1; \
	if [ $$status -ne 0 ]; then echo "lint: FAILED (findings above)"; exit 1; fi; \
	echo "lint: clean"

lint-format:
	@clang-format --dry-run --Werror $(FORMAT_SRC) && \
	  echo "clang-format: every .c and .h as 'make format' leaves it"

lint-cppcheck:
	@cppcheck $(CPPCHECK_FLAGS) $(LINT_SRC) && echo "cppcheck: no findings"

lint-tidy: $(BUILD)/compile_commands.json
	@if printf '%s\n' $(LINT_SRC) | \
	    xargs -P$(LINT_JOBS) -n4 clang-tidy --quiet -p $(BUILD) 2>$(BUILD)/clang-tidy.log; then \
	  echo "clang-tidy: no findings"; \
	else grep -v 'warnings\? generated\.$$' $(BUILD)/clang-tidy.log; echo "clang-tidy: findings above"; exit 1; fi

format:
	clang-format -i $(FORMAT_SRC)

# The compile commands of every C file linted, for clang-tidy (and editors); rewritten each time.
$(BUILD)/compile_commands.json: FORCE
	@mkdir -p $(dir $@)
	@{ printf '['; sep=''; for f in $(LINT_SRC); do \
	    printf '%s\n  {"directory": "%s", "file": "%s", "command": "%s %s -c %s"}' \
	      "$$sep" "$(CURDIR)" "$$f" "$(CC)" "$(LINT_CFLAGS)" "$$f"; sep=','; \
	  done; printf '\n]\n'; } > $@.tmp && mv $@.tmp $@

FORCE:

# The header dependencies each compilation wrote (-MMD -MP): absent before the first build.
-include $(patsubst %.o,%.d,$(LIB_OBJ) $(BUILD)/obj/server/main.o $(UNIT_OBJ) $(INTEG_OBJ) \
           $(BENCH_OBJ) $(FUZZ_OBJ) $(FUZZ_TARGETS:%=$(BUILD)/fuzz/obj/fuzz/%.o))
