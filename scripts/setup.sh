#!/usr/bin/env bash
# Installs what cijing needs to build, serve and test, skipping whatever is
# already there at the right version (so CI stays quick). Safe to re-run.
# Needs: rustup, node/npm, apt-get (root or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# System packages: a C linker for Rust, Debian's Chromium for the browser
# tests, CJK fonts so Chinese renders in screenshots, nginx to test dist/
# behind a real web server with a strict CSP.
missing=()
for pkg in gcc chromium fonts-noto-cjk nginx-light; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  say "apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Rust: the wasm target and the wasm-bindgen CLI at exactly the version
# Cargo.lock pins (scripts/build.sh drives cargo, wasm-bindgen and wasm-opt
# itself; no trunk).
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
# scripts/test.sh checks formatting and lints.
for component in clippy rustfmt; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done
wbg=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg\$"; then
  # --locked fails here: its lockfile pins a webpki-roots the registry lacks.
  say "cargo install wasm-bindgen-cli $wbg (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "$wbg"
fi

# wasm-split-cli: splits most panels' code out of the page's wasm
# (scripts/build.sh), for the wasm_split_helpers runtime Cargo.lock pins.
wsplit=0.2.4
if ! cargo install --list | grep -qx "wasm_split_cli_support v$wsplit:"; then
  say "cargo install wasm_split_cli_support $wsplit (about 3 minutes)"
  cargo install --locked wasm_split_cli_support --version "$wsplit" --features build-binary
fi

# JS: playwright-core (drives /usr/bin/chromium), binaryen 132's wasm-opt
# (Debian's binaryen 108 silently breaks wasm-bindgen output) and pdfjs-dist
# (its browser build goes into dist/pdfjs/; --omit=optional skips the native
# canvas it wants only for rendering in Node).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/pdfjs-dist ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --omit=optional --no-audit --no-fund --loglevel=error
fi
say "ready: $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(chromium --version 2>/dev/null | head -1)"
