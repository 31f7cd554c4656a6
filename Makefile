# The two commands of the README's quick start: `make demo` and `make test`.
# Both install whatever is missing first (scripts/bootstrap is idempotent).

SWIFT ?= swift
RELEASE_FLAGS := -c release
REDBOOK := .build/debug/redbook

.PHONY: demo test bootstrap build release clean-cache

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build --product redbook

release: bootstrap
	$(SWIFT) build $(RELEASE_FLAGS) --product redbook

# The demo uses the debug build that `make test` uses too: Redbook's own targets are optimized
# in it (see Package.swift), and swift-syntax builds in a minute instead of ten.
demo: build
	@scripts/demo $(REDBOOK)

test: bootstrap
	@scripts/test
