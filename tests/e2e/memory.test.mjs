// Memory over a long session, in Debian's Chromium (issue: "memory grows
// under use"). Term clicks rebuild the concordance and the reader's rows;
// a row that read a memo left a dead subscriber behind, so wasm memory grew
// by ~8 MB per 100 clicks and every click got slower. After a warm-up (the
// allocator settles at ~9 MB within 150 clicks), 250 more clicks must leave
// wasm memory (which never shrinks) where it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDir } from './server.mjs';
import { launch, CijingPage } from './browser.mjs';

let server;
let browser;
before(async () => { server = await serveDir('dist'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Clicks the term buttons and party filter in turn, `n` times; waits for each to show. */
function clicks(page, n, start) {
  return page.evaluate(async ([n, start]) => {
    const settle = async (ok) => { while (!ok()) await new Promise((r) => setTimeout(r, 0)); };
    for (let i = start; i < start + n; i++) {
      if (i % 3 === 2) {
        const before = document.querySelector('.selection-count').textContent;
        document.querySelector('button[data-party="KG"]').click();
        await settle(() => document.querySelector('.selection-count').textContent !== before);
      } else {
        const button = document.querySelectorAll('#term-table button.term')[i % 10];
        const term = button.textContent;
        button.click();
        await settle(() => document.querySelector('#kwic-table td.node')?.textContent === term);
      }
    }
  }, [n, start]);
}

const wasmMegabytes = (page) => page.evaluate(() => window.cijingMemory.buffer.byteLength / 1048576);

test('wasm memory stays flat over 250 term and party clicks', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 6000 }, locale: 'en-US' });
  const app = new CijingPage(await context.newPage());
  await app.open(server.url);
  await clicks(app.page, 150, 0);
  const warm = await wasmMegabytes(app.page);
  await clicks(app.page, 250, 150);
  const after = await wasmMegabytes(app.page);
  assert.ok(after - warm <= 1, `wasm memory grew from ${warm.toFixed(1)} MB to ${after.toFixed(1)} MB`);
  // Still in step: the selected term is marked, and only it.
  const pressed = await app.page.$$eval('#term-table button.term[aria-pressed="true"]', (bs) => bs.map((b) => b.textContent));
  const chosen = (await app.query()).get('term');
  assert.deepEqual(pressed, [chosen]);
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});
