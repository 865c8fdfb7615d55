// Writes DIST/cijing-sw.js from src/web/cijing-sw.js: the files the full
// page needs (cached when the worker installs) and a version made from the
// contents of every file in DIST, so a new build replaces the cache.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const PAGE_FILES = ['index.html', 'style/main.css', 'style/favicon.svg', 'cijing-loader.js', 'cijing.js', 'cijing_bg.wasm'];
const all = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? all(path) : [path];
});
const hash = createHash('sha256');
for (const file of all(dist).sort()) {
  if (file.endsWith('cijing-sw.js')) continue;
  hash.update(relative(dist, file)).update(readFileSync(file));
}
const LATER_FILES = ['cijing-segmenter-worker.js', 'cijing_segmenter.js', 'cijing_segmenter_bg.wasm'];
for (const file of [...PAGE_FILES, ...LATER_FILES]) statSync(join(dist, file)); // each must exist
const template = readFileSync('src/web/cijing-sw.js', 'utf8');
writeFileSync(join(dist, 'cijing-sw.js'), template
  .replace("'__CIJING_VERSION__'", JSON.stringify(hash.digest('hex').slice(0, 16)))
  .replace('__CIJING_PAGE_FILES__', JSON.stringify(PAGE_FILES))
  .replace('__CIJING_LATER_FILES__', JSON.stringify(LATER_FILES)));
