# factd: build, test and run the fact service.
# `make` builds build/factd; `make deps` installs the Debian packages it needs;
# `make run` serves the bundled corpus; `make test` runs every test.

CC      ?= cc
PORT    ?= 8080
DB      ?= build/corpus.db
PKGS    := libmicrohttpd jansson sqlite3 libpcre2-8 libcrypto
DEB_PKGS := build-essential pkg-config libmicrohttpd-dev libjansson-dev libsqlite3-dev \
            libpcre2-dev libssl-dev libcriterion-dev libcurl4-openssl-dev zlib1g-dev \
            python3 curl

CFLAGS_BASE := -std=c17 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wvla -I. \
               $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
CFLAGS  ?= -O2 -g
LDLIBS_BASE := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lz -lpthread -lm

SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

# Every module's sources; server/main.c holds main() and stays out of the test library.
LIB_SRC := $(wildcard util/*.c store/*.c api/*.c ingest/*.c) $(filter-out server/main.c,$(wildcard server/*.c))
UNIT_SRC := $(wildcard tests/unit/*.c)
INTEG_SRC := $(wildcard tests/integration/*.c)
HDRS := $(wildcard */*.h)

BUILD ?= build
LIB_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRC))

.PHONY: all deps run test test-unit test-integration test-asan clean eval eval-own eval-holdout lint

all: $(BUILD)/factd

$(BUILD)/obj/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(CFLAGS) -c $< -o $@

$(BUILD)/libfactd.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/factd: $(BUILD)/obj/server/main.o $(BUILD)/libfactd.a
	$(CC) $(CFLAGS) $^ -o $@ $(LDLIBS_BASE)

$(BUILD)/unit-tests: $(UNIT_SRC) $(BUILD)/libfactd.a $(HDRS)
	$(CC) $(CFLAGS_BASE) $(CFLAGS) $(UNIT_SRC) $(BUILD)/libfactd.a -o $@ $(LDLIBS_BASE) -lcriterion

$(BUILD)/integration-tests: $(INTEG_SRC) $(BUILD)/libfactd.a $(HDRS)
	$(CC) $(CFLAGS_BASE) $(CFLAGS) $(INTEG_SRC) $(BUILD)/libfactd.a -o $@ $(LDLIBS_BASE) -lcriterion -lcurl

# Install whatever Debian packages are missing (sudo when not root).
deps:
	@missing=""; for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	else echo "deps: all Debian packages present"; fi

run: deps
	$(MAKE) all
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BUILD)/factd ingest --db $(DB) corpus
	@echo "factd serving the bundled corpus at http://127.0.0.1:$(PORT)/"
	$(BUILD)/factd serve --db $(DB) --port $(PORT)

test: deps
	$(MAKE) all $(BUILD)/unit-tests $(BUILD)/integration-tests
	$(BUILD)/unit-tests
	FACTD_BIN=$(BUILD)/factd $(BUILD)/integration-tests

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan:
	$(MAKE) BUILD=build/asan CFLAGS="-O1 -g $(SAN_FLAGS)" LDLIBS_BASE="$(LDLIBS_BASE) $(SAN_FLAGS)" \
	  build/asan/factd build/asan/unit-tests build/asan/integration-tests
	build/asan/unit-tests
	FACTD_BIN=build/asan/factd build/asan/integration-tests

# The integration suite again with a Prism proxy in front of each server, checking every
# answer against openapi.yaml; needs Node.js and npm (tests/contract/install pins Prism).
.PHONY: test-contract
test-contract:
	$(MAKE) all $(BUILD)/integration-tests
	tests/contract/run $(BUILD)

eval: all
	../shared/eval/run corpus ../shared/eval/seeds.gold.json

eval-own: all
	../shared/eval/run tests/corpus tests/corpus/gold.json

eval-holdout: all
	../shared/eval/run tests/holdout tests/holdout/gold.json

clean:
	rm -rf build
