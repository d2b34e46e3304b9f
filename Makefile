# The two commands of the README:
#   make build   sets up the machine, builds oae in release mode, and builds the example
#                network into output/ (handbooks, open data, site)
#   make test    sets up the machine and runs every test: the Swift tests, then the
#                browser, accessibility, HTML and open-data tests of the built site
.PHONY: build test setup bench bench-pdf count fuzz

# A release build links the Swift standard library and Foundation statically: each call
# into the runtime (retain and release are a fifth of a build's samples) is then direct,
# and a start needs no symbol lookups. At 947 municipalities `oae build site` took 3.6%
# less CPU; a warm `oae build` at 36 municipalities 44 -> 36 ms (issue 13, session 15).
# Only the product: the test helpers need XCTest, which has no static library. A toolchain
# without the static libraries (no swift_static/ beside its runtime) links dynamically.
SWIFT_RUNTIME := $(shell swift -print-target-info 2>/dev/null | sed -n 's/.*"runtimeResourcePath": "\(.*\)".*/\1/p')
STATIC_STDLIB := $(if $(wildcard $(SWIFT_RUNTIME)_static/linux/libswiftCore.a),--static-swift-stdlib,)
# Cross-module optimisation: each module's functions are inlined and specialised in the
# modules that call them (the pages' builders call the templates, the strings, the
# formatter across modules). Exclusivity is checked when compiling and in the debug build
# the tests run, not again at run time in the release build: its dynamic checks also kept
# the optimiser from merging accesses. Together the same bytes out, 2.8% fewer instructions
# for `oae build site --no-cache` at 36 municipalities (callgrind, issue 13, session 47).
RELEASE_BUILD = swift build -c release $(STATIC_STDLIB) -Xswiftc -cross-module-optimization -Xswiftc -enforce-exclusivity=unchecked --product oae

setup:
	@scripts/setup.sh

build: setup
	$(RELEASE_BUILD)
	.build/release/oae build --root .

# Every import must be declared in Package.swift: the test build checks it.
test: setup
	swift build --build-tests --explicit-target-dependency-import-check error
	OAE_PYTHON=$(CURDIR)/.venv/bin/python swift test --skip-build
	OAE_BIN=$(CURDIR)/.build/debug/oae .venv/bin/pytest -q -rs Tests/browser

# Benchmarks against Hugo (Debian's, installed here only): bench/results/<date>-<commit>.md
bench: setup
	@command -v hugo >/dev/null || { echo "bench: installing Debian's hugo"; \
	  $$( [ "$$(id -u)" -eq 0 ] || echo sudo ) apt-get install -y -qq hugo >/dev/null; }
	$(RELEASE_BUILD)
	python3 scripts/bench.py $(BENCH_ARGS)

# The handbook PDFs of the example network: Typst time per handbook, cold builds, sizes.
bench-pdf: setup
	$(RELEASE_BUILD)
	.venv/bin/python scripts/bench-pdf.py

# Instructions of one oae command under valgrind's callgrind (installed here only): a figure
# the machine's drift does not move. COUNT_ARGS, e.g. --municipalities 947 -- build site
count: setup
	$(RELEASE_BUILD)
	python3 scripts/count.py $(COUNT_ARGS)

# Fuzzes the YAML, Markdown and JSON Schema parsers for FUZZ_SECONDS (default 60) each.
fuzz:
	FUZZ_SECONDS=$${FUZZ_SECONDS:-60} scripts/fuzz.sh
