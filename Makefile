# watchlist - sanctions and threat-actor screening engine.
#
#   make demo    install what is missing, build, index the bundled lists, show the APT31 case
#   make test    install what is missing, build, run every test (unit, CLI, fuzz) under ASan+UBSan
#   make         build build/watchlist and the default index build/watchlist.idx
#   make fuzz    build the libFuzzer harnesses (clang)
#
# `demo` and `test` run scripts/install-deps first and then a sub-make, so
# that pkg-config is asked only once the packages are there.

CC      ?= cc
FUZZCC  ?= clang
PKGS    := icu-uc icu-i18n libxml-2.0 jansson libxxhash libcrypto zlib yaml-0.1 libmicrohttpd
# Lazily evaluated once: pkg-config runs only when a rule needs the flags.
PKG_CFLAGS = $(eval PKG_CFLAGS := $$(shell pkg-config --cflags $(PKGS)))$(PKG_CFLAGS)
PKG_LIBS   = $(eval PKG_LIBS := $$(shell pkg-config --libs $(PKGS)))$(PKG_LIBS)

BUILD   := build
INDEX   := $(BUILD)/watchlist.idx
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
DEFS    := -D_GNU_SOURCE -DWL_DEFAULT_INDEX='"$(CURDIR)/$(INDEX)"' -DWL_DATA_DIR='"$(CURDIR)/data"'
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c17 $(WARN) $(DEFS) -Iinclude -Isrc $(PKG_CFLAGS) $(CFLAGS)
SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LIBS     = $(PKG_LIBS) -lpthread -lm

# The web page's files, embedded by tools/embed into a generated C file of the library.
WEB_SRC := $(sort $(wildcard web/*))
WEB_GEN := $(BUILD)/gen/web_assets.c
LIB_SRC := $(sort $(wildcard src/model/*.c src/sources/*.c src/text/*.c src/index/*.c src/match/*.c src/http/*.c)) $(WEB_GEN)
CLI_SRC := $(sort $(wildcard src/cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
SAN_LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/san/%.o)
SAN_CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/san/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/san/tests/%)
FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_SECONDS ?= 20

.PHONY: all demo test check unit cli-test http-test web-test fuzz fuzz-run index clean format deps

all: $(BUILD)/watchlist $(INDEX)

deps:
	@scripts/install-deps

demo: deps
	@$(MAKE) --no-print-directory all
	@scripts/demo $(BUILD)/watchlist $(INDEX)

test: deps
	@$(MAKE) --no-print-directory check

check:
	@rm -rf $(BUILD)/counts
	@$(MAKE) --no-print-directory unit cli-test http-test web-test fuzz-run
	@cat $(BUILD)/counts/* | awk '{p+=$$1; f+=$$2} END {print "total: " p " passed, " f " failed"; exit f > 0}'

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/san/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -O1 $(SAN) -MMD -MP -c $< -o $@

$(BUILD)/libwatchlist.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/san/libwatchlist.a: $(SAN_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/watchlist: $(CLI_OBJ) $(BUILD)/libwatchlist.a
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/san/watchlist: $(SAN_CLI_OBJ) $(BUILD)/san/libwatchlist.a
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(LIBS)

$(BUILD)/san/tests/%: tests/unit/%.c tests/unit/helpers.c tests/unit/helpers.h $(BUILD)/san/libwatchlist.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -O1 $(SAN) -o $@ $< tests/unit/helpers.c $(BUILD)/san/libwatchlist.a $(LIBS) -lcmocka

# The default index, rebuilt when the program or the bundled data change.
$(INDEX): $(BUILD)/watchlist $(shell find data -type f 2>/dev/null)
	$(BUILD)/watchlist index -o $@

index: $(INDEX)

unit: $(UNIT_BIN)
	@scripts/run-unit-tests $(UNIT_BIN)

cli-test: $(BUILD)/san/watchlist $(BUILD)/watchlist
	@tests/cli/run $(BUILD)/san/watchlist $(BUILD)/watchlist

http-test: $(BUILD)/san/watchlist $(BUILD)/watchlist
	@tests/http/run $(BUILD)/san/watchlist $(BUILD)/watchlist

# The analysts' web page in headless Chromium (Debian's), driven by playwright-core from npm.
web-test: $(BUILD)/watchlist
	@tests/web/run $(BUILD)/watchlist

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) -std=c17 $(WARN) -O2 -o $@ $<

$(WEB_GEN): $(BUILD)/tools/embed $(WEB_SRC)
	@mkdir -p $(@D)
	$(BUILD)/tools/embed $@ $(WEB_SRC)

# Harnesses link one library built once with clang and the fuzzer's instrumentation.
FUZZ_FLAGS = -std=c17 $(WARN) $(DEFS) -Iinclude -Isrc $(PKG_CFLAGS) -g -O1 \
	-fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/fuzz/obj/%.o) $(BUILD)/fuzz/obj/src/cli/batch_input.o

$(BUILD)/fuzz/obj/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZCC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(BUILD)/fuzz/libwatchlist.a: $(FUZZ_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/fuzz/%: fuzz/%.c $(BUILD)/fuzz/libwatchlist.a
	$(FUZZCC) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/fuzz/libwatchlist.a $(LIBS)

fuzz: $(FUZZ_BIN)

fuzz-run: $(FUZZ_BIN)
	@scripts/run-fuzzers $(FUZZ_SECONDS) $(FUZZ_BIN)

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# Benchmarks (bench/RESULTS.md): `make bench` installs what they need (bench/install-deps), then
# runs the quality and the speed benchmark. Not part of `make test`.
.PHONY: bench bench-tools
BENCH_BIN := $(BUILD)/bench/pairs $(BUILD)/bench/latency $(BUILD)/bench/dump_names

bench:
	@bench/install-deps
	@$(MAKE) --no-print-directory bench-tools
	@BENCH_BUILD=$(BUILD) bench/quality/run
	@BENCH_BUILD=$(BUILD) bench/speed/run

bench-tools: $(BUILD)/watchlist $(INDEX) $(BENCH_BIN)

$(BUILD)/bench/pairs: bench/quality/pairs.c $(BUILD)/libwatchlist.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libwatchlist.a $(LIBS)

$(BUILD)/bench/%: bench/speed/%.c $(BUILD)/libwatchlist.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libwatchlist.a $(LIBS)
