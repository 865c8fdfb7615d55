// Writes DIST/cijing-sw.js from crates/web/js/cijing-sw.js: the files the full
// page needs (cached when the worker installs), those it loads later
// (cached on first use) and a version made from the
// contents of every file in DIST, so a new build replaces the cache.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = process.argv[2] ?? 'dist';
// The page's panels whose code is split out of its wasm (scripts/build.sh)
// are part of the page: their modules are precached with it.
const SPLIT_FILES = readdirSync(dist).filter((f) => f === '__wasm_split.js' || /^(split|chunk)_.*\.wasm$/.test(f)).sort();
if (readFileSync(join(dist, 'cijing.js'), 'utf8').includes('./__wasm_split.js') && !SPLIT_FILES.some((f) => f.startsWith('split_'))) {
  throw new Error(`${dist}/cijing.js loads split-out panels, but ${dist} has no __wasm_split.js and split_*.wasm`);
}
const PAGE_FILES = ['index.html', 'style/main.css', 'style/favicon.svg', 'cijing-loader.js', 'cijing.js', 'cijing_bg.wasm', ...SPLIT_FILES];
const all = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? all(path) : [path];
});
const hash = createHash('sha256');
for (const file of all(dist).sort()) {
  if (file.endsWith('cijing-sw.js')) continue;
  hash.update(relative(dist, file)).update(readFileSync(file));
}
// Cached the first time the page uses them, never precached: the segmenter,
// and the PDF reader (cijing-pdf.js, pdf.js and the CMaps it asks for).
const pdfFiles = all(join(dist, 'pdfjs')).map((f) => relative(dist, f)).filter((f) => /\.(js|bcmap)$/.test(f)).sort();
const LATER_FILES = ['cijing-segmenter-worker.js', 'cijing_segmenter.js', 'cijing_segmenter_bg.wasm', 'cijing-pdf.js', ...pdfFiles];
for (const file of [...PAGE_FILES, ...LATER_FILES]) statSync(join(dist, file)); // each must exist
const template = readFileSync('crates/web/js/cijing-sw.js', 'utf8');
writeFileSync(join(dist, 'cijing-sw.js'), template
  .replace("'__CIJING_VERSION__'", JSON.stringify(hash.digest('hex').slice(0, 16)))
  .replace('__CIJING_PAGE_FILES__', JSON.stringify(PAGE_FILES))
  .replace('__CIJING_LATER_FILES__', JSON.stringify(LATER_FILES)));
