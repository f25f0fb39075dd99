# The two promises of README.md: `make demo` and `make test` work on a fresh Debian 12 machine.
BUILD      ?= build
TEST_BUILD ?= build-test
JOBS       ?= $(shell nproc)

.PHONY: all deps build demo test test-build clean format fuzz

all: build

deps:
	@scripts/install-deps

# Release build used by the demo and by benchmarks.
build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DDELIGHT_TESTS=OFF >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo $(BUILD)/delight

# Tests run on a sanitized build (ASan + UBSan, warnings are errors) through ctest.
test-build: deps
	@cmake -S . -B $(TEST_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DDELIGHT_SANITIZE=ON \
	  -DDELIGHT_WERROR=ON >/dev/null
	@cmake --build $(TEST_BUILD) -j $(JOBS)

test: test-build
	@cd $(TEST_BUILD) && ctest --output-on-failure -j $(JOBS)

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) $(TEST_BUILD)

# libFuzzer targets for the loaders (tests/fuzz, docs/testing.md), built with clang into
# build-fuzz/ and run FUZZ_SECONDS each; fails on any finding. Not part of `make test`.
FUZZ_SECONDS ?= 60
fuzz: deps
	@missing=$$(for p in clang libclang-rt-14-dev; do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" -ne 0 ]; then \
	    echo "delight: not root; please run: sudo apt-get install -y" $$missing >&2; exit 1; \
	  fi; \
	  echo "delight: installing" $$missing >&2; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@tests/fuzz/build.sh build-fuzz
	@tests/fuzz/run.sh $(FUZZ_SECONDS) build-fuzz
