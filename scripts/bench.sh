#!/usr/bin/env bash
# Prints benchmark figures: native engine timings, bundle size (raw, gzip,
# brotli), page start-up and in-page segmentation in Chromium.
# Machines are noisy: compare figures from one run, as ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo bench --quiet --bench engine
bash scripts/build.sh >/dev/null
node tests/e2e/bench.mjs
