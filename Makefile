# Lantai: the two commands of the quick start are `make site` and `make test`.

SWIFT ?= swift
LANTAI_RELEASE = .build/release/lantai
LANTAI_DEBUG = .build/debug/lantai
FUZZ_SECONDS ?= 120

.PHONY: site test deps test-deps bench-deps build-release build-debug swift-test node-test package package-check bench bench-markdown bench-search fuzz tsan embed clean

## Build the portal from content/ into public/ (installs missing Debian packages first).
site: deps build-release
	$(LANTAI_RELEASE) build --content content --theme theme --output public

## Run every test: Swift unit and integration tests, then the browser checks.
test: test-deps build-debug swift-test node-test package-check

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

bench-deps:
	@scripts/install-deps.sh --bench

## Build 1,000 and 10,000 generated documents with lantai and Hugo, measure search, index with Pagefind; one table.
## Then the Markdown inputs that once made our passes superlinear, at N, 2N and 4N (bench-markdown).
## BENCH_FLAGS passes options, e.g. BENCH_FLAGS="--sizes 1000 --runs 5 --no-pagefind".
bench: bench-deps build-release
	LANTAI=$(LANTAI_RELEASE) node bench/run.mjs $(BENCH_FLAGS)
	LANTAI=$(LANTAI_RELEASE) node bench/markdown-scaling.mjs

## A line of URLs glued to Chinese, nested brackets and a large table, each at N, 2N and 4N: time and memory.
bench-markdown: bench-deps build-release
	LANTAI=$(LANTAI_RELEASE) node bench/markdown-scaling.mjs

## Search against Pagefind on the real speeches: recall and precision against brute force, sizes, bytes.
bench-search: bench-deps build-release
	LANTAI=$(LANTAI_RELEASE) node bench/pagefind-recall.mjs

## Fuzz front matter splitting, Markdown rendering and the importer with libFuzzer, FUZZ_SECONDS
## (default 120) each; findings land in .build-fuzz/findings/, fixed ones go to Fuzz/regressions/.
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

## Build lantai with ThreadSanitizer and build a generated corpus of extension-heavy documents
## with it (TSAN_DOCUMENTS, default 300): any report fails.
tsan:
	scripts/tsan.sh

build-release:
	$(SWIFT) build -c release --product lantai

build-debug:
	$(SWIFT) build --build-tests

swift-test:
	$(SWIFT) test --skip-build

node-test:
	LANTAI=$(LANTAI_DEBUG) node --test Tests/js/ Tests/e2e/

## The Debian package and the tar.gz for maintainers without Swift, in dist/ (scripts/package.sh).
package:
	scripts/package.sh

## Unpack the package into a fresh folder, check with ldd that it needs no Swift library, init and build with it.
package-check: package
	scripts/check-package.sh

## Regenerate the Swift files that carry theme/ and starter/ inside the program (scripts/embed.py).
embed:
	python3 scripts/embed.py

clean:
	rm -rf .build public
