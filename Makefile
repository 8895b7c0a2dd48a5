# Makefile — the only build file. `make` builds build/wenming (web UI embedded);
# `make test` runs the whole suite (SQLite, PostgreSQL, browser); `make check` adds the
# AddressSanitizer + UndefinedBehaviorSanitizer run. Honours CFLAGS, LDFLAGS, DESTDIR, PREFIX.

PREFIX ?= /usr/local
CC ?= cc
BUILD ?= build
PKGS = libmicrohttpd jansson sqlite3 libpq libsodium icu-i18n icu-uc libmagic xlsxwriter libzip expat
WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Werror
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c17 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(EXTRA_CFLAGS) $(shell pkg-config --cflags $(PKGS))
LIBS = $(shell pkg-config --libs $(PKGS)) -lpthread -lm

SRC_DIRS = src src/util src/domain src/store src/codec src/http src/cli
SRCS = $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*.c))
OBJS = $(patsubst src/%.c,$(BUILD)/obj/%.o,$(SRCS)) $(BUILD)/obj/embedded.o
LIB_OBJS = $(filter-out $(BUILD)/obj/main.o,$(OBJS))

MIGRATIONS = $(sort $(wildcard migrations/sqlite/*.sql) $(wildcard migrations/postgres/*.sql))
WEB_SRCS = $(shell find web/src web/index.html web/vite.config.js web/package.json -type f 2>/dev/null)

.PHONY: all web clean test check asan unit-tests install format run
all: $(BUILD)/wenming

$(BUILD)/wenming: $(OBJS)
	@echo "  LD    $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $(OBJS) $(LDFLAGS) $(LIBS)

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*/*.h src/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

# ---- embedded files: web/dist, migrations, OpenAPI ----
$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -o $@ $<

web/node_modules/.package-lock.json: web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

web/dist/index.html: $(WEB_SRCS) web/node_modules/.package-lock.json
	cd web && npm run build
	touch $@

web: web/dist/index.html

$(BUILD)/openapi.json: docs/openapi.yaml web/node_modules/.package-lock.json tools/yaml2json.mjs
	@mkdir -p $(BUILD)
	node tools/yaml2json.mjs docs/openapi.yaml $@

$(BUILD)/gen/embedded.c: $(BUILD)/tools/embed web/dist/index.html $(MIGRATIONS) $(BUILD)/openapi.json
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed $@ $(foreach f,$(MIGRATIONS),$(f)=$(f)) openapi.json=$(BUILD)/openapi.json \
		$(foreach f,$(shell find web/dist -type f | sort),$(patsubst web/dist/%,web/%,$(f))=$(f))

$(BUILD)/obj/embedded.o: $(BUILD)/gen/embedded.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -O0 -Isrc/util -c -o $@ $<

# ---- tests ----
UNIT_TESTS = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))
$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	@echo "  TEST  $@"
	@$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags cmocka) -o $@ $< $(LIB_OBJS) $(LDFLAGS) $(LIBS) $(shell pkg-config --libs cmocka)

unit-tests: $(UNIT_TESTS)

test: all unit-tests
	bash tests/run.sh $(BUILD)

asan:
	$(MAKE) BUILD=build-asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" LDFLAGS="-fsanitize=address,undefined" all unit-tests

check: all unit-tests asan
	bash tests/run.sh $(BUILD) build-asan

# Builds, creates demo.db on first use (printing the demo logins) and serves it on :8080.
run: all
	@if [ -f demo.db ]; then echo "demo.db exists; demo logins: admin / ordos / assessor / liaison / leader, password wenming2026"; \
	else $(BUILD)/wenming demo --db demo.db; fi
	$(BUILD)/wenming serve --db demo.db --listen $${WENMING_LISTEN:-127.0.0.1:8080}

install: all
	install -D -m 755 $(BUILD)/wenming $(DESTDIR)$(PREFIX)/bin/wenming

format:
	clang-format -i $(SRCS) $(wildcard src/*/*.h tests/unit/*.c)

clean:
	rm -rf build build-asan web/dist
