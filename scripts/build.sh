#!/usr/bin/env bash
# Builds the web face into dist/: the page's wasm (no jieba dictionary in
# it), the segmenter worker's wasm (jieba and its dictionary, loaded only
# when something needs it), their wasm-bindgen glue, the loader and embed
# scripts, the stylesheet, index.html and the offline service worker. No inline script or style, all
# paths relative: dist/ works at any sub-path under a strict CSP.
# PROFILE=dev for a quicker, unoptimised build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
profile=${PROFILE:-release}
target=wasm32-unknown-unknown
out=${OUT:-dist}
say() { printf '[build] %s\n' "$*"; }

flags=(--target "$target" --bin cijing-web --bin cijing-segmenter)
[ "$profile" = release ] && flags+=(--release)
say "cargo build ${flags[*]}"
cargo build --quiet "${flags[@]}"
dir=target/$target/$([ "$profile" = release ] && echo release || echo debug)

rm -rf "$out.tmp" && mkdir -p "$out.tmp/style"
for pair in cijing-web:cijing cijing-segmenter:cijing_segmenter; do
  bin=${pair%%:*} name=${pair#*:}
  say "wasm-bindgen $bin → $name.js"
  wasm-bindgen --target web --no-typescript --out-dir "$out.tmp" --out-name "$name" "$dir/$bin.wasm"
  if [ "$profile" = release ]; then
    say "wasm-opt -Os $name"
    wasm-opt -Os "$out.tmp/${name}_bg.wasm" -o "$out.tmp/${name}_bg.wasm"
  fi
done
cp index.html "$out.tmp/index.html"
cp style/main.css style/favicon.svg "$out.tmp/style/"
cp src/web/*.js "$out.tmp/"
node scripts/single-file.mjs "$out.tmp"
node scripts/service-worker.mjs "$out.tmp"
rm -rf "$out" && mv "$out.tmp" "$out"
say "dist/: $(du -sh "$out" | cut -f1)"
