#!/usr/bin/env bash
# Runs every test: native engine and CLI tests, a release build of the page,
# and the browser tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "== native tests (cargo test)"
cargo test

echo "== release build of the page (scripts/build.sh)"
bash scripts/build.sh

echo "== browser tests (Playwright + /usr/bin/chromium)"
node --test --test-concurrency=1 tests/e2e/*.test.mjs
