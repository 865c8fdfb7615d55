// Two tabs of one browser agree and lose nothing: texts added in one show
// in the other without a reload, and two texts added at once in two tabs
// are both kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDir } from './helpers.mjs';

let server;
let browser;
before(async () => {
  server = await serveDir('dist');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const texts = (page) => page.$$eval('#texts-table tbody tr', (trs) => trs.map((tr) => tr.querySelector('.text-title').value).sort());
const waitTexts = (page, n) => page.waitForFunction((want) => document.querySelector('#texts-count')?.dataset.texts === String(want), n, { timeout: 15000 });
async function paste(page, body) {
  await page.fill('#paste-text', body);
  await page.click('#paste-add');
}

test('two tabs: a text added in one shows in the other, and texts pasted at once in both are both kept', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 4000 }, locale: 'en-US' });
  const open = async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}?panels=texts`);
    await page.waitForSelector('#paste-text');
    await page.waitForFunction(() => document.querySelector('#texts-count')?.dataset.texts === '0');
    return page;
  };
  const [a, b] = [await open(), await open()];
  await paste(a, '中吉双方同意深化合作。');
  await waitTexts(a, 1);
  // Tab B hears of it and shows it, without a reload.
  await waitTexts(b, 1);
  assert.deepEqual(await texts(b), await texts(a));
  // Both paste at once: both texts are kept (their ids cannot collide).
  await Promise.all([paste(a, '中哈双方推动能源合作。'), paste(b, '中塔双方加强安全合作。')]);
  await Promise.all([waitTexts(a, 3), waitTexts(b, 3)]);
  for (const page of [a, b]) {
    await page.reload();
    await page.waitForSelector('#paste-text');
    await waitTexts(page, 3);
  }
  assert.deepEqual(await texts(a), await texts(b));
  assert.equal(new Set(await a.$$eval('#texts-table tbody tr', (trs) => trs.map((tr) => tr.dataset.id))).size, 3);
  // Deleted in one, gone from the other.
  await a.click('#texts-table tbody tr:first-child .text-delete');
  await Promise.all([waitTexts(a, 2), waitTexts(b, 2)]);
  await context.close();
});

test('two tabs: topics saved in each are both kept, each tab shows the other\'s at once, and a deletion reaches both', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 4000 }, locale: 'en-US' });
  const open = async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}?panels=topics`);
    await page.waitForSelector('#user-topic-name');
    return page;
  };
  const addTopic = async (page, name, keywords) => {
    await page.fill('#user-topic-name', name);
    await page.fill('#user-topic-keywords', keywords);
    await page.click('#user-topic-save');
  };
  const names = (page) => page.$$eval('.user-topic strong', (ss) => ss.map((s) => s.textContent).sort());
  const waitNames = (page, want) => page.waitForFunction((w) => JSON.stringify([...document.querySelectorAll('.user-topic strong')].map((s) => s.textContent).sort()) === JSON.stringify(w), want, { timeout: 10000 });
  const [a, b] = [await open(), await open()];
  await addTopic(a, '能源', '能源 石油');
  await addTopic(b, '安全', '安全 反恐');
  // Each tab shows both, and the store holds both.
  await Promise.all([waitNames(a, ['安全', '能源']), waitNames(b, ['安全', '能源'])]);
  const stored = await a.evaluate(() => localStorage.getItem('cijing.user-topics'));
  assert.ok(stored.includes('能源') && stored.includes('安全'), stored);
  // A deletes 能源: gone in B too, and after a reload of both.
  await a.click('.user-topic:has(strong:text-is("能源")) button:text-is("Delete")');
  await Promise.all([waitNames(a, ['安全']), waitNames(b, ['安全'])]);
  assert.ok(!(await b.evaluate(() => localStorage.getItem('cijing.user-topics'))).includes('能源'));
  // Opened again (without a link's own topics): what the browser kept.
  for (const page of [a, b]) {
    await page.goto(`${server.url}?panels=topics`);
    await page.waitForSelector('#user-topic-name');
    assert.deepEqual(await names(page), ['安全']);
  }
  await context.close();
});
