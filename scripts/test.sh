#!/usr/bin/env bash
# Runs every test: formatting and lints, native tests of every crate, a release build of the page,
# and the browser tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "== formatting (cargo fmt --check)"
cargo fmt --all --check

echo "== lints: native, and wasm32 for the web and worker crates (clippy -D warnings)"
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown -p cijing-web -p cijing-segmenter -- -D warnings

echo "== native tests (cargo test --workspace)"
cargo test --workspace

echo "== release build of the page (scripts/build.sh)"
bash scripts/build.sh

echo "== browser tests (Playwright + /usr/bin/chromium)"
node --test --test-concurrency=1 tests/e2e/*.test.mjs
