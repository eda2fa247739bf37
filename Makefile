# scnfg build: libscnfg.a + bin/scnfg + Check test runner.
#
#   make            build the library and the CLI (installs missing Debian packages as root)
#   make demo       the main job on the bundled instances
#   make check      build and run every test (SANITIZE=1: under ASan+UBSan)
#   make fuzz       libFuzzer harnesses (clang, ASan+UBSan; FUZZ_SECONDS each, FUZZ_ONLY=name);
#                   make check runs each for FUZZ_CHECK_SECONDS (3) after the Check suites
#   make plots      every plot (installs gnuplot-nox, parallel; not part of make check):
#                   plots-suite (sweeps -> docs/plots/*.png), plots-welfare (docs/welfare.png)
#   make acceptance the documented certified suite (docs/suites.md), twice, compared
#
# Sources are found by wildcard: a new module is a new .c/.h pair under one of
# SRCDIRS; a new test suite is tests/check_<module>.c exporting <module>_suite();
# a new subcommand is cli/cmd_<name>.c exporting cmd_<name>() and cmd_<name>_summary.

CC      ?= cc
SRCDIRS := base solver reductions proofs orchestrate instances
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
# pkg-config is asked lazily (first use, after 'deps' has installed it), then cached.
XML_CFLAGS = $(eval XML_CFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2))$(XML_CFLAGS)
XML_LIBS   = $(eval XML_LIBS := $(shell pkg-config --libs libxml-2.0 2>/dev/null || echo -lxml2))$(XML_LIBS)
CHECK_LIBS = $(eval CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null || echo -lcheck_pic -lsubunit -lrt -lpthread -lm))$(CHECK_LIBS)
CFLAGS_BASE = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -I. $(XML_CFLAGS)
LIBS    = -lpicosat -lgmp $(XML_LIBS) -lm

# Check's test timeouts are scaled by CK_TIMEOUT_MULTIPLIER, so that a machine
# several times slower (or loaded) still passes: 3 by default, 6 under the
# sanitizers (which run about 3x slower); override on the command line.
ifeq ($(FUZZ),1)
  # the libFuzzer build (build/fuzz, clang): the library instrumented for the
  # fuzzer, the harnesses tests/fuzz/fuzz_*.c linked with libFuzzer
  CC      := clang
  VARIANT := fuzz
  CFLAGS  = $(filter-out -Werror,$(CFLAGS_BASE)) -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else ifeq ($(SANITIZE),1)
  CK_TIMEOUT_MULTIPLIER ?= 6
  VARIANT := san
  CFLAGS  = $(CFLAGS_BASE) -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
  LDFLAGS += -fsanitize=address,undefined
else
  CK_TIMEOUT_MULTIPLIER ?= 3
  VARIANT := rel
  CFLAGS  = $(CFLAGS_BASE) -O2 -g
endif

B       := build/$(VARIANT)
LIBSRC  := $(sort $(shell find $(SRCDIRS) -name '*.c' -not -path '*/fuzz/*' 2>/dev/null))
CLISRC  := $(sort $(wildcard cli/*.c))
TESTSRC := $(sort $(wildcard tests/check_*.c))
CMDS    := $(patsubst cli/cmd_%.c,%,$(filter cli/cmd_%.c,$(CLISRC)))
SUITES  := $(patsubst tests/check_%.c,%,$(TESTSRC))
LIBOBJ  := $(LIBSRC:%.c=$(B)/%.o)
CLIOBJ  := $(CLISRC:%.c=$(B)/%.o)
TESTOBJ := $(TESTSRC:%.c=$(B)/%.o) $(B)/tests/runner.o $(B)/tests/testutil.o
LIB     := $(B)/libscnfg.a
BIN     := $(B)/scnfg
RUNNER  := $(B)/check_scnfg

.PHONY: all deps demo check fuzz fuzz-build fuzz-check clean symbols plots plots-suite plots-welfare acceptance
all: deps bin/scnfg

deps:
	@sh mk/deps.sh

bin/scnfg: $(BIN)
	@mkdir -p bin
	@if [ "$(VARIANT)" = rel ]; then cp $(BIN) bin/scnfg; fi

$(B)/%.o: %.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(B)/cmds.inc: $(CLISRC) Makefile
	@mkdir -p $(B)
	@printf '%s\n' $(foreach c,$(CMDS),'CMD($(c))') > $@.tmp && mv $@.tmp $@

$(B)/suites.inc: $(TESTSRC) Makefile
	@mkdir -p $(B)
	@printf '%s\n' $(foreach s,$(SUITES),'SUITE($(s))') > $@.tmp && mv $@.tmp $@

$(B)/cli/main.o: $(B)/cmds.inc
$(B)/cli/main.o: CFLAGS += -I$(B)
$(B)/tests/runner.o: tests/runner.c $(B)/suites.inc | deps
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -I$(B) -MMD -MP -c $< -o $@

$(LIB): $(LIBOBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLIOBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLIOBJ) $(LIB) $(LIBS)

$(RUNNER): $(TESTOBJ) $(filter-out $(B)/cli/main.o,$(CLIOBJ)) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) $(CHECK_LIBS)

# RelaxNG schemas compiled into the binary: DIR/X.rng -> $(B)/gen/X_rng.inc
# (every library object may include any of them).
RNGSRC  := $(sort $(shell find $(SRCDIRS) -name '*.rng' 2>/dev/null))
RNGINC  := $(patsubst %.rng,$(B)/gen/%_rng.inc,$(notdir $(RNGSRC)))
vpath %.rng $(sort $(dir $(RNGSRC)))
$(B)/gen/%_rng.inc: %.rng mk/embed.sh
	@mkdir -p $(dir $@)
	@sh mk/embed.sh $< > $@.tmp && mv $@.tmp $@
$(LIBOBJ): $(RNGINC)
$(LIBOBJ): CFLAGS += -I$(B)/gen

# Every exported library symbol carries a module prefix (STYLE §1); the house
# rules of docs/architecture.md hold (mk/house.sh).
symbols: $(LIB)
	@sh mk/symbols.sh $(LIB)
	@sh mk/house.sh

# Optional packages: gnuplot for the plots, GNU parallel for the job lists
# (check_suite uses parallel -j2 if present, else runs the jobs with sh).
EXTRA_PKGS := gnuplot-nox parallel
plots: plots-suite plots-welfare

plots-suite: all
	@EXTRA_PKGS="$(EXTRA_PKGS)" sh mk/deps.sh
	@sh bench/plots.sh bin/scnfg docs/plots

acceptance: all
	@sh bench/acceptance.sh bin/scnfg

check: deps $(BIN) $(RUNNER) symbols
	CK_TIMEOUT_MULTIPLIER=$(CK_TIMEOUT_MULTIPLIER) SCNFG_BIN=$(abspath $(BIN)) SCNFG_TOP=$(abspath .) UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  $(RUNNER)
	@$(MAKE) --no-print-directory fuzz-check

# Fuzzing (docs/testing.md): the harnesses are built once into build/fuzz and
# rebuilt only when a source changed; mk/fuzz.sh reads each harness's seed
# folders from its first line. make check runs every harness briefly
# (FUZZ_CHECK_SECONDS; never 0, which libFuzzer takes as unlimited).
FUZZ_CHECK_SECONDS ?= 3
FUZZSRC  := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZBINS := $(patsubst tests/fuzz/%.c,build/fuzz/%,$(FUZZSRC))
fuzz-build:
	@sh mk/deps.sh
	@$(MAKE) --no-print-directory FUZZ=1 $(FUZZBINS)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIB)
	$(CC) $(CFLAGS) -fsanitize=fuzzer -MMD -MP -o $@ $< $(LIB) $(LIBS)

fuzz: fuzz-build
	@FUZZ_BUILT=1 sh mk/fuzz.sh

fuzz-check: fuzz-build
	@FUZZ_BUILT=1 FUZZ_SECONDS=$(FUZZ_CHECK_SECONDS) FUZZ_FRESH=1 sh mk/fuzz.sh

demo: all
	@sh mk/demo.sh bin/scnfg

# The welfare experiment's plot (docs/claims.md); gnuplot is optional.
plots-welfare: all
	@EXTRA_PKGS=gnuplot-nox sh mk/deps.sh
	@mkdir -p build
	bin/scnfg experiment welfare --games 400 --seed 1 --sweep --csv build/welfare.csv
	WHAT="scnfg experiment welfare --games 400 --seed 1 --sweep --csv build/welfare.csv" \
	  sh bench/plot.sh build/welfare.csv docs/welfare

clean:
	rm -rf build bin

-include $(shell find build -name '*.d' 2>/dev/null)
