# The two commands of the README:
#   make build   sets up the machine, builds oae in release mode, builds the example network into output/
#   make test    sets up the machine and runs every test
.PHONY: build test setup bench

setup:
	@scripts/setup.sh

build: setup
	swift build -c release
	.build/release/oae check --root .

test: setup
	swift build
	OAE_PYTHON=$(CURDIR)/.venv/bin/python swift test

bench: setup
	scripts/bench.sh
