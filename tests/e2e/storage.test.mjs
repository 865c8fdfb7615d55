// What a user keeps is never lost to a link, in Debian's Chromium: saved
// topics survive links that merely contain "ut=", an empty ut=, and a link
// that brings topics of its own, which are offered and kept only on request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDir } from './server.mjs';
import { launch } from './browser.mjs';

let server;
let browser;
before(async () => { server = await serveDir('dist'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const KEY = 'cijing.user-topics';
const SAVED = '能源转型~光伏|新能源';

async function visit(page, query) {
  await page.goto(server.url + query);
  await page.waitForSelector('#term-chart svg rect');
  // Let effects run.
  await page.waitForTimeout(100);
  return page.evaluate((key) => localStorage.getItem(key), KEY);
}

test('saved topics survive ?input=1, ?shut=1 and an empty ?ut=', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, SAVED]);
  for (const query of ['?input=1', '?shut=1', '?ut=', '?lang=en&ut=', '']) {
    assert.equal(await visit(page, query), SAVED, query);
    // And the topic is there to use.
    assert.ok((await page.textContent('body')).includes('能源转型'), `${query}: the saved topic shows`);
  }
  await context.close();
});

test("a link's own topics are offered, and kept only when the user says so", async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, SAVED]);
  const link = `?ut=${encodeURIComponent('农业合作~小麦|农产品')}`;
  assert.equal(await visit(page, link), SAVED, 'opening the link changes nothing saved');
  assert.equal(await page.locator('.notice.offered').count(), 1);
  await page.click('#keep-offered');
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('农业合作'), KEY);
  const kept = await page.evaluate((key) => localStorage.getItem(key), KEY);
  assert.ok(kept.includes('能源转型') && kept.includes('农业合作'), kept);
  await context.close();
});
