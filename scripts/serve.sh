#!/usr/bin/env bash
# Builds the page (release) and serves it on http://127.0.0.1:8080/ (PORT to change).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
bash scripts/build.sh
exec node tests/e2e/server.mjs dist "${PORT:-8080}"
