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

# Two wasm builds: the page's (crate cijing-web) and the segmenter worker's
# (crate cijing-segmenter), which links no page code. In a
# release build the page uses the `wasm` profile (Cargo.toml: optimised for
# size, its code is most of its bytes) and the segmenter the release one
# (its bytes are mostly the dictionary; loading it is what must be quick).
if [ "$profile" = release ]; then
  page_flags=(--target "$target" --profile wasm) page_dir=target/$target/wasm
  segmenter_flags=(--target "$target" --release) segmenter_dir=target/$target/release
else
  page_flags=(--target "$target") page_dir=target/$target/debug
  segmenter_flags=(--target "$target") segmenter_dir=target/$target/debug
fi
say "cargo build ${segmenter_flags[*]} -p cijing-segmenter"
cargo build --quiet "${segmenter_flags[@]}" -p cijing-segmenter --bin cijing-segmenter
say "cargo build ${page_flags[*]} -p cijing-web"
cargo build --quiet "${page_flags[@]}" -p cijing-web --bin cijing-web

rm -rf "$out.tmp" && mkdir -p "$out.tmp/style"
# The page: most panels' code and the JS API's are split out of its wasm
# into a module of its own (the #[wasm_split(panels)] functions of
# crates/web/src/ui/mod.rs and crates/web/src/api.rs), loaded when the first of those
# panels mounts or ready() is called; the wasm-bindgen glue loads it through
# __wasm_split.js. wasm-split-cli writes the page's wasm (cijing.wasm, for
# wasm-bindgen) and the split modules (split_*.wasm, chunk_*.wasm).
say "wasm-split cijing-web → cijing + split modules"
wasm-split-cli --target web --out-name cijing "$page_dir/cijing-web.wasm" "$out.tmp"
say "wasm-bindgen cijing"
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$out.tmp" --out-name cijing "$out.tmp/cijing.wasm"
rm "$out.tmp/cijing.wasm"
say "wasm-bindgen cijing-segmenter → cijing_segmenter"
wasm-bindgen --target web --no-typescript --out-dir "$out.tmp" --out-name cijing_segmenter "$segmenter_dir/cijing-segmenter.wasm"
if [ "$profile" = release ]; then
  for wasm in "$out.tmp"/cijing_bg.wasm "$out.tmp"/cijing_segmenter_bg.wasm "$out.tmp"/split_*.wasm "$out.tmp"/chunk_*.wasm; do
    [ -e "$wasm" ] || continue
    say "wasm-opt -Os $(basename "$wasm")"
    wasm-opt -Os "$wasm" -o "$wasm"
  done
fi
cp index.html "$out.tmp/index.html"
cp style/main.css style/favicon.svg "$out.tmp/style/"
# <cijing-view>'s stylesheet: main.css with every rem as var(--cijing-rem),
# which .cijing-embed (inside the shadow root, out of the host's reach) sets
# to 16px; a rem there would follow the host page's root font size
# (html { font-size: 62.5% }, say). No rem may be left, nor one in a media
# query (var() is not allowed there).
sed -E 's/(-?[0-9]*\.?[0-9]+)rem\b/calc(\1 * var(--cijing-rem))/g' style/main.css > "$out.tmp/style/embed.css"
if grep -qE '[0-9.]rem\b|@media[^{]*var\(' "$out.tmp/style/embed.css"; then echo "[build] style/embed.css: a rem is left, or one in a media query" >&2; exit 1; fi
cp crates/web/js/*.js "$out.tmp/"
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
