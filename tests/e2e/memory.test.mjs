// Memory over a long session, in Debian's Chromium (issue: "memory grows
// under use"). Term clicks rebuild the concordance and the reader's rows;
// a row that read a memo left a dead subscriber behind, so wasm memory grew
// by ~8 MB per 100 clicks and every click got slower. Wasm memory never
// shrinks, and the allocator settles in steps (6.9 → 8.2 → 9.5 MB: within 100
// clicks on a quiet machine, the second step after 250 with both cores busy),
// so a step after the warm-up is no leak. A leak (of a step or more per 200
// clicks; a smaller one can pass) grows in every window: after 150 warm-up
// clicks, one of two 200-click windows must not grow at all, and both
// together by at most the allocator's two steps (the leak grew 16 MB per
// window).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CijingPage, launch, serveDir } from './helpers.mjs';

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

test('wasm memory stops growing over 400 term and party clicks', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 6000 }, locale: 'en-US' });
  const app = new CijingPage(await context.newPage());
  await app.open(server.url);
  await clicks(app.page, 150, 0);
  const warm = await wasmMegabytes(app.page);
  await clicks(app.page, 200, 150);
  const middle = await wasmMegabytes(app.page);
  await clicks(app.page, 200, 350);
  const after = await wasmMegabytes(app.page);
  const grew = `wasm memory went ${warm.toFixed(2)} → ${middle.toFixed(2)} → ${after.toFixed(2)} MB`;
  assert.ok(Math.min(middle - warm, after - middle) <= 0.0625, `${grew}: it grew in both 200-click windows`);
  assert.ok(after - warm <= 3, `${grew}: more than the allocator's two steps`);
  // Still in step: the selected term is marked, and only it.
  const pressed = await app.page.$$eval('#term-table button.term[aria-pressed="true"]', (bs) => bs.map((b) => b.textContent));
  const chosen = (await app.query()).get('term');
  assert.deepEqual(pressed, [chosen]);
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});
