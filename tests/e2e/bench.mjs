// In-browser benchmark: bundle size, navigation to first chart, and corpus
// segmentation inside the page, in Debian's Chromium. Prints figures only.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serveDir } from './server.mjs';
import { launch } from './browser.mjs';

const LOADS = Number(process.env.LOADS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(0).padStart(6)} KiB`;

const files = readdirSync('dist').filter((f) => /\.(wasm|js)$/.test(f));
let totals = { raw: 0, gzip: 0, br: 0 };
console.log('bundle (dist/)');
for (const f of files) {
  const data = readFileSync(`dist/${f}`);
  const sizes = {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    br: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const k in totals) totals[k] += sizes[k];
  console.log(`  ${f.replace(/-[0-9a-f]{16}/, '').padEnd(22)} raw ${kb(sizes.raw)}  gzip ${kb(sizes.gzip)}  brotli ${kb(sizes.br)}`);
}
console.log(`  ${'wasm + js'.padEnd(22)} raw ${kb(totals.raw)}  gzip ${kb(totals.gzip)}  brotli ${kb(totals.br)}`);

const server = await serveDir('dist');
const browser = await launch();
const ready = [], wall = [], dict = [], segment = [];
for (let i = 0; i < LOADS; i++) {
  const page = await browser.newPage(); // fresh page; the HTTP cache stays warm after the first load
  const t0 = Date.now();
  await page.goto(server.url);
  await page.waitForSelector('#term-chart svg rect');
  wall.push(Date.now() - t0);
  const attrs = await page.$eval('#app', (el) => ({ ready: el.dataset.readyMs, dict: el.dataset.dictMs, corpus: el.dataset.corpusMs }));
  ready.push(Number(attrs.ready));
  dict.push(Number(attrs.dict));
  segment.push(Number(attrs.corpus));
  await page.close();
}
const page = await browser.newPage();
await page.goto(server.url);
await page.waitForSelector('#term-chart svg');
const inPage = JSON.parse(await page.evaluate(() => window.wasmBindings.bench_segment_corpus(10)));
// A click on a filter: time until every panel shows the new selection.
const clicks = [];
for (let i = 0; i < 6; i++) {
  const party = i % 2 === 0 ? 'KG' : 'KG'; // on, then off again
  const expect = i % 2 === 0 ? '4 of 17 documents' : '17 of 17 documents';
  const ms = await page.evaluate(async ([party, expect]) => {
    const t0 = performance.now();
    document.querySelector(`button[data-party="${party}"]`).click();
    while (!document.querySelector('.selection-count').textContent.includes(expect)) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - t0;
  }, [party, expect]);
  clicks.push(ms);
}
const termClicks = [];
for (let i = 0; i < 5; i++) {
  const ms = await page.evaluate(async (i) => {
    const button = document.querySelectorAll('#term-table button.term')[i + 1];
    const term = button.textContent;
    const t0 = performance.now();
    button.click();
    while (!document.querySelector('#kwic-table td.node')?.textContent.includes(term)) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - t0;
  }, i);
  termClicks.push(ms);
}
await browser.close();
await server.close();

console.log(`page start-up in Chromium (${LOADS} loads, median)`);
console.log(`  navigation → first chart (performance.now at mount)  ${median(ready).toFixed(0).padStart(6)} ms`);
console.log(`  goto → chart visible (Playwright wall clock)        ${median(wall).toFixed(0).padStart(6)} ms`);
console.log(`  load dictionaries in the page                       ${median(dict).toFixed(0).padStart(6)} ms`);
console.log(`  clean + segment the corpus at start-up              ${median(segment).toFixed(0).padStart(6)} ms`);
console.log('a click in the page, all ten panels open (median)');
console.log(`  party filter → every panel redrawn                  ${median(clicks).toFixed(0).padStart(6)} ms`);
console.log(`  term click → contexts, trends, reader, collocates   ${median(termClicks).toFixed(0).padStart(6)} ms`);
console.log('segmentation in the page (warm, 10 rounds)');
console.log(`  whole corpus, ${inPage.chars} chars                      median ${inPage.median_ms.toFixed(2)} ms (min ${inPage.min_ms.toFixed(2)}), ${(inPage.chars / 1000 / (inPage.median_ms / 1000)).toFixed(0)} k chars/s`);
