# Jalons: `make run` opens the app, `make test` runs every check and test.
# Both install what is missing first (scripts/setup.sh).
SHELL := /bin/bash
UI_SOURCES := $(shell find ui/src ui/static -type f 2>/dev/null) ui/package.json ui/svelte.config.js ui/vite.config.ts
APP := target/debug/jalons

.PHONY: run test setup setup-test app ui check lint unit e2e demo bench deb crash-test fmt bindings

run: setup app
	$(APP)

# The tests' build is linted by Clippy as it compiles (see `unit`), so `make test` does not
# run `cargo clippy` apart: that would check every dependency a second time.
test: setup-test lint unit e2e

setup:
	@scripts/setup.sh run

setup-test:
	@scripts/setup.sh test

ui/build/index.html: $(UI_SOURCES) ui/package-lock.json
	cd ui && npm run build

ui: ui/build/index.html

# The app embeds ui/build, so every cargo step that compiles it needs the UI built first.
app: ui
	cargo build --workspace --bins

# Before a commit: formatting, Clippy, svelte-check and ESLint.
check: lint
	cargo clippy --workspace --all-targets $(E2E_FEATURES) -- -D warnings

lint: ui
	cargo fmt --all --check
	cd ui && npm run check && npm run lint

# The tests build the app with the end-to-end hooks (inert unless their environment
# variables are set), so that `make e2e` reuses that binary instead of building it again.
E2E_FEATURES := --features jalons/e2e-hooks

# Clippy's driver compiles our crates (not the dependencies) for the tests, with its lints
# denied as `cargo clippy -- -D warnings` would: one build where there were two, `cargo
# clippy` checking every dependency again (minutes on two cores). The variables are those
# `cargo clippy` itself sets; `e2e` uses them too, so that its build finds nothing to redo.
CLIPPY_BUILD := RUSTC_WORKSPACE_WRAPPER=clippy-driver CLIPPY_ARGS=-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__

unit: ui
	$(CLIPPY_BUILD) cargo test --workspace $(E2E_FEATURES)
	cd ui && npm test

# The end-to-end build answers the native dialogs from the environment (e2e-hooks). It is
# the binary `cargo test` builds for the integration tests (dev-dependencies' features
# included, such as tauri's `test`): after `unit` there is nothing to build, where a plain
# `cargo build` would compile tauri and everything above it again for four minutes.
e2e: ui
	$(CLIPPY_BUILD) cargo test --workspace $(E2E_FEATURES) --no-run
	tests/e2e/run.sh

# Loads the demonstration data into a database file: make demo DB=/tmp/demo.sqlite
demo:
	cargo run -q -p jalons-cli -- demo --db $(DB)

# Times the everyday queries on a generated database (release build), then the release app
# under Xvfb on that database and on the demo (tests/e2e/bench.mjs), and prints the tables.
BENCH_DIR := target/banc
bench: setup-test ui
	cargo build --release --workspace --bins
	scripts/deb.sh > target/release/deb-path
	rm -rf $(BENCH_DIR) && mkdir -p $(BENCH_DIR)
	target/release/jalons-cli bench --garder $(BENCH_DIR) $(BENCH_ARGS)
	tests/e2e/session.sh node bench.mjs --app $(CURDIR)/target/release/jalons --dir $(CURDIR)/$(BENCH_DIR) \
		--deb "$$(cat target/release/deb-path)"

# The Debian package, packed with xz (scripts/deb.sh).
deb: setup-test ui
	scripts/deb.sh

# Kills a writing process 200 times at random and checks that nothing committed is lost.
crash-test:
	cargo run -q -p jalons-cli -- coupures --coupures 200

fmt:
	cargo fmt --all

# Regenerates ui/src/lib/bindings.ts from the Rust types.
bindings:
	UPDATE_BINDINGS=1 cargo test -q -p jalons-core --test bindings --test definitions
