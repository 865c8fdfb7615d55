// What a user keeps is never lost to a link, in Debian's Chromium: saved
// topics survive links that merely contain "ut=", an empty ut=, and a link
// that brings topics of its own, which are offered and kept only on request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDir } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDir('dist'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Every panel in view (panels out of view wait until scrolled to).
const TALL = { width: 1280, height: 6000 };
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
  const context = await browser.newContext({ viewport: TALL, locale: 'en-US' });
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
  const context = await browser.newContext({ viewport: TALL, locale: 'en-US' });
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

test('a link topic named like a saved one never replaces it, whatever the user then does', async () => {
  for (const action of ['click', 'dismiss', 'keep']) {
    const context = await browser.newContext({ viewport: TALL, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, SAVED]);
    // Same name, other keywords; and one new topic, so there is an offer.
    const link = `?ut=${encodeURIComponent('能源转型~煤炭;农业合作~小麦')}`;
    assert.equal(await visit(page, link), SAVED, `${action}: opening the link changes nothing saved`);
    assert.match(await page.textContent('.notice:not(.offered)'), /能源转型.*differs from yours; yours is kept/);
    assert.deepEqual(await page.$$eval('.user-topic .kw', (ks) => ks.map((k) => k.textContent)), ['光伏', '新能源', '小麦'], 'the saved keywords are used');
    if (action === 'click') await page.click('button[data-party="KG"]');
    if (action === 'dismiss') await page.click('#drop-offered');
    if (action === 'keep') await page.click('#keep-offered');
    await page.waitForTimeout(200);
    const stored = await page.evaluate((key) => localStorage.getItem(key), KEY);
    assert.equal(stored, action === 'keep' ? `${SAVED};农业合作~小麦` : SAVED, action);
    await context.close();
  }
});

test('saved parts that do not load are written back, and deleting a topic still saves', async () => {
  const context = await browser.newContext({ viewport: TALL, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.url);
  // A name the shipped topics already use does not load; it stays saved.
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, `${SAVED};Finance~银行`]);
  await visit(page, '');
  await page.fill('#user-topic-name', '农业合作');
  await page.fill('#user-topic-keywords', '小麦');
  await page.click('#user-topic-save');
  await page.waitForFunction((key) => localStorage.getItem(key) === '能源转型~光伏|新能源;农业合作~小麦;Finance~银行', KEY);
  await page.click('.user-topic:has-text("能源转型") button:has-text("Delete")');
  await page.waitForFunction((key) => localStorage.getItem(key) === '农业合作~小麦;Finance~银行', KEY);
  await context.close();
});

/** Adds a user topic through the form and waits for its row. */
async function addTopic(page, name, keywords) {
  await page.fill('#user-topic-name', name);
  await page.fill('#user-topic-keywords', keywords);
  await page.click('#user-topic-save');
  await page.waitForSelector(`.user-topic:has-text("${name}")`);
}

test('storage that throws (private modes) gets a message, and the topics can still be made and exported', async () => {
  const context = await browser.newContext({ viewport: TALL, locale: 'en-US', acceptDownloads: true });
  await context.addInitScript(() => Object.defineProperty(window, 'localStorage', {
    configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
  }));
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#term-chart svg rect');
  assert.match(await page.textContent('#storage-notice'), /cannot keep your topics.*SecurityError: The operation is insecure\./s);
  await addTopic(page, '能源转型', '光伏 新能源');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-topics')]);
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  assert.match(text, /\[\[topic\]\]\nid = "u-[0-9a-f]{8}"\nzh = "能源转型"\nen = "能源转型"\ncolor = "#3d4a5c"\nkeywords = \["光伏", "新能源"\]/);
  await context.close();
});

test('a full quota gets a message naming it, and the topic stays in the page', async () => {
  const context = await browser.newContext({ viewport: TALL, locale: 'en-US' });
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#term-chart svg rect');
  assert.equal(await page.locator('#storage-notice').count(), 0);
  await addTopic(page, '能源转型', '光伏 新能源');
  await page.waitForSelector('#storage-notice');
  assert.match(await page.textContent('#storage-notice'), /could not be saved.*QuotaExceededError/s);
  assert.equal(await page.locator('.topic-chip:has-text("能源转型")').count(), 1);
  await context.close();
});

test('a corrupted store: what reads is used, each bad part is named, and nothing stored is lost', async () => {
  const context = await browser.newContext({ viewport: TALL, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.url);
  const corrupted = `${SAVED};~;无关键词~;${'长'.repeat(41)}~合作;\u0000~\u0001`;
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, corrupted]);
  assert.equal(await visit(page, ''), corrupted, 'loading writes nothing over it');
  const notes = await page.textContent('.notice');
  assert.match(notes, /saved user topic "无关键词" ignored/);
  assert.match(notes, /saved user topic "长{40}…" ignored: a topic name can have at most 40 characters/);
  assert.match(notes, /saved user topic "\u0000" ignored: a topic name cannot contain ~ ; \| or control characters/);
  assert.ok((await page.textContent('body')).includes('能源转型'), 'the good topic is used');
  // A new topic is saved beside every part that was there.
  await addTopic(page, '农业合作', '小麦');
  await page.waitForFunction((key) => localStorage.getItem(key).includes('农业合作'), KEY);
  const now = await page.evaluate((key) => localStorage.getItem(key), KEY);
  for (const part of corrupted.split(';').filter((p) => p.trim())) assert.ok(now.includes(part), `kept: ${JSON.stringify(part)} in ${JSON.stringify(now)}`);
  await context.close();
});

test('a full store: an added text stays on the page, marked not saved, with the space used; nothing spins for good', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 3000 }, locale: 'en-US' });
  const page = await context.newPage();
  // A store that refuses more than 100 KB, as a full one does. (CDP's
  // Storage.overrideQuotaForOrigin changes nothing in Playwright's browser
  // contexts with this Chromium: the estimate's quota stays 10 GB.)
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (value?.body instanceof Blob && value.body.size > 100 * 1024) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  await page.goto(`${server.url}?panels=texts`);
  await page.waitForSelector('#paste-text');
  await page.$eval('#paste-text', (area, text) => { area.value = text; }, '中国和哈萨克斯坦加强能源合作，双方深化互利共赢。\n'.repeat(7500));
  await page.click('#paste-add');
  await page.waitForSelector('#texts-table tbody tr .not-saved', { timeout: 20000 });
  assert.equal(await page.textContent('#texts-table tbody tr .not-saved'), "not saved: the browser's storage is full");
  const notes = await page.$$eval('#texts-problems li', (lis) => lis.map((li) => li.textContent));
  assert.ok(notes.some((n) => /not saved in this browser \(\d+\.\d of \d+\.\d MB used\)/.test(n)), JSON.stringify(notes));
  // The corpus with the text is built all the same: its spinner ends.
  await page.waitForFunction(() => !document.querySelector('.notice.working'), null, { timeout: 20000 });
  await context.close();
});

test('a segmenter that cannot be loaded ends its request with a message, not a spinner', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 3000 }, locale: 'en-US' });
  const page = await context.newPage();
  // The worker's script cannot be fetched (a worker's request goes through the context).
  await context.route('**/cijing-segmenter-worker.js', (route) => route.abort());
  await page.goto(`${server.url}?mode=search`);
  await page.waitForFunction(() => /could not be loaded/.test(document.body.textContent), null, { timeout: 20000 });
  assert.equal(await page.$('.notice.working'), null, 'the spinner ended');
  await context.close();
});
