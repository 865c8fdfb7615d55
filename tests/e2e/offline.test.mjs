// Offline after a first visit, in Debian's Chromium: the service worker
// keeps cijing's own files, so with the server gone the page (and a view
// from a link) still opens; it caches nothing else, and an embed does not
// register it at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CijingPage, launch, serveDir } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the page opens offline after a first visit, with the view its link asks for', async () => {
  const server = await serveDir('dist');
  const context = await browser.newContext({ viewport: { width: 1280, height: 6000 }, locale: 'en-US' });
  const app = new CijingPage(await context.newPage());
  await app.open(server.url);
  const cached = await app.page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('cijing-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
  });
  // The page's files, the panels' module split out of its wasm among them.
  assert.deepEqual(cached, ['/__wasm_split.js', '/cijing-loader.js', '/cijing.js', '/cijing_bg.wasm', '/index.html', '/split_panels.wasm', '/style/favicon.svg', '/style/main.css']);
  await server.close();
  // The server is gone: nothing answers on its port.
  await assert.rejects(fetch(server.url));
  await app.open(`${server.url}?party=KG&term=${encodeURIComponent('合作')}`);
  assert.match(await app.selectionCount(), /4 of 17 documents/);
  assert.equal(await app.page.textContent('#kwic-table td.node'), '合作');
  // Other files on the same server are not cijing's: not kept, not served.
  const other = await app.page.evaluate(() => fetch('notes.txt').then((r) => r.status, () => 'failed'));
  assert.equal(other, 'failed');
  await context.close();
});

test('an iframe embed does not register the service worker', async () => {
  const server = await serveDir('dist');
  const context = await browser.newContext({ viewport: { width: 800, height: 600 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}?embed=terms`);
  await page.waitForSelector('#term-chart svg');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
  await context.close();
  await server.close();
});
