#!/usr/bin/env bash
# Builds the web face into dist/: the page's wasm (no jieba dictionary in
# it), the segmenter worker's wasm (jieba and its dictionary, loaded only
# when something needs it), their wasm-bindgen glue, the loader and embed
# scripts, the stylesheet, index.html and the offline service worker, and
# pdf.js (pdfjs/: its ES-module build and worker, and the Chinese CMaps,
# loaded only when a PDF is added). No inline script or style, all paths
# relative: dist/ works at any sub-path under a strict CSP.
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
# pdf.js from npm (package.json pins it): the library and its worker (as
# .js, which every static server sends as JavaScript), and the CMaps of
# Chinese encodings (GB, CNS, Big5 and HK Big5, and their Adobe-GB1/CNS1
# tables), fetched by pdf.js only for a PDF whose font uses one. No viewer.
pdfjs=node_modules/pdfjs-dist
[ -f "$pdfjs/build/pdf.min.mjs" ] || { echo "[build] $pdfjs is missing: run scripts/setup.sh (npm ci)" >&2; exit 1; }
mkdir -p "$out.tmp/pdfjs/cmaps"
cp "$pdfjs/build/pdf.min.mjs" "$out.tmp/pdfjs/pdf.min.js"
cp "$pdfjs/build/pdf.worker.min.mjs" "$out.tmp/pdfjs/pdf.worker.min.js"
cp "$pdfjs/LICENSE" "$out.tmp/pdfjs/LICENSE"
cp "$pdfjs"/cmaps/*{GB,CNS,B5}*.bcmap "$pdfjs/cmaps/LICENSE" "$out.tmp/pdfjs/cmaps/"
node scripts/single-file.mjs "$out.tmp"
node scripts/service-worker.mjs "$out.tmp"
rm -rf "$out" && mv "$out.tmp" "$out"
say "dist/: $(du -sh "$out" | cut -f1)"
