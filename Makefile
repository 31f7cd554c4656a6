# The two commands of the README's quick start: `make demo` and `make test`.
# Both install whatever is missing first (scripts/bootstrap is idempotent).

SWIFT ?= swift
RELEASE_FLAGS := -c release
REDBOOK := .build/release/redbook

.PHONY: demo test bootstrap build release clean-cache

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build

release: bootstrap
	$(SWIFT) build $(RELEASE_FLAGS) --product redbook

demo: release
	@scripts/demo $(REDBOOK)

test: bootstrap
	@scripts/test
