// Hostile input stays inert, in Debian's Chromium: script payloads in a
// link's term, settings and user topic names, and in topics typed into the
// page, show as text — nothing runs, no element or handler is injected, and
// the chart SVG the page exports carries them as escaped text only. The
// same for your own texts (file name, title, body) and dictionary words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CijingPage, launch, serveDir } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDir('dist'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Each would bump window.__xss if it ever ran. At most 40 characters: the
// longest topic name cijing takes.
const PAYLOADS = [
  '<img src=x onerror="window.__xss++">',
  '"><svg onload="window.__xss++">',
  "'><script>window.__xss++</script>",
  'javascript:window.__xss++',
  '</title><script>window.__xss++</script>',
  ']]><x onclick="window.__xss++">&amp;',
];

/** Elements or attributes no payload may create anywhere in the document. */
function injected(page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      ran: window.__xss,
      scripts: [...document.scripts].map((s) => s.src).filter((src) => !/cijing[-\w]*\.js$/.test(src)),
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
      images: all.filter((el) => el.tagName === 'IMG' || el.tagName === 'X').length,
      jsLinks: all.filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? '')).length,
    };
  });
}

/** What the exported chart SVG holds that could run. */
function svgDanger(page, id) {
  return page.$eval(`#${id} svg`, (svg) => {
    const doc = new DOMParser().parseFromString(svg.outerHTML, 'image/svg+xml');
    const all = [...doc.querySelectorAll('*')];
    return {
      parses: !doc.querySelector('parsererror'),
      active: all.filter((el) => ['script', 'foreignObject', 'img', 'x', 'iframe'].includes(el.localName)).length,
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on'))).length,
      text: doc.documentElement.textContent,
    };
  });
}

test('payloads in a link (term, settings, user topic names) are shown as text and never run', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 6000 }, locale: 'en-US' });
  await context.addInitScript(() => { window.__xss = 0; });
  const app = new CijingPage(await context.newPage());
  const ut = PAYLOADS.map((p) => `${p.replace(/[~;|]/g, '')}~合作`).join(';');
  const query = `?lang=en&term=${encodeURIComponent(PAYLOADS[0])}&${encodeURIComponent(PAYLOADS[1])}=1`
    + `&party=${encodeURIComponent(PAYLOADS[2])}&ut=${encodeURIComponent(ut)}`;
  await app.open(server.url + query);
  const notes = await app.page.textContent('.notice');
  assert.ok(notes.includes(PAYLOADS[0]) && notes.includes(PAYLOADS[1]) && notes.includes(PAYLOADS[2]), notes);
  // The link's topics are offered under their names, as text.
  const chips = await app.page.$$eval('.topic-chip', (cs) => cs.map((c) => c.getAttribute('aria-label')));
  for (const p of PAYLOADS) assert.ok(chips.some((c) => c.startsWith(p.replace(/[~;|]/g, ''))), `chip for ${p}`);
  // Filter by every payload topic: their names go into the chart subtitles.
  for (const chip of await app.page.$$('.topic-chip[data-topic^="u-"]')) await chip.click();
  await app.page.waitForFunction(() => document.querySelectorAll('.topic-chip[data-state="include"]').length === 6);
  assert.deepEqual(await injected(app.page), { ran: 0, scripts: [], handlers: [], images: 0, jsLinks: 0 });
  for (const id of ['term-chart', 'topic-chart']) {
    const svg = await svgDanger(app.page, id);
    assert.equal(svg.parses, true, id);
    assert.equal(svg.active + svg.handlers, 0, `${id}: ${JSON.stringify(svg)}`);
  }
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});

test('payloads typed as a topic name and keywords are kept as text and exported as text', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 6000 }, locale: 'en-US', acceptDownloads: true });
  await context.addInitScript(() => { window.__xss = 0; });
  const app = new CijingPage(await context.newPage());
  await app.open(server.url);
  await app.page.fill('#user-topic-name', PAYLOADS[4]);
  await app.page.fill('#user-topic-keywords', `合作 ${PAYLOADS[3]}`);
  await app.page.click('#user-topic-save');
  await app.page.waitForSelector('.user-topic');
  assert.equal(await app.page.textContent('.user-topic strong'), PAYLOADS[4]);
  assert.deepEqual(await injected(app.page), { ran: 0, scripts: [], handlers: [], images: 0, jsLinks: 0 });
  // The exported topic file holds the name as an escaped TOML string.
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.click('#export-topics')]);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  assert.ok(text.includes('zh = "</title><script>window.__xss++</script>"'), text);
  assert.ok(text.includes('keywords = ["合作", "javascript:window.__xss++"]'), text);
  await context.close();
});

test('payloads in your texts (title, body, file name) and dictionary words are shown as text and never run', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 6000 }, locale: 'en-US' });
  await context.addInitScript(() => { window.__xss = 0; });
  const app = new CijingPage(await context.newPage());
  await app.open(`${server.url}?panels=terms,contexts,reader,texts,dictionary`);
  const page = app.page;
  // An HTML page whose title and body carry the payloads, under a hostile file name.
  const html = `<html><head><title>${PAYLOADS[0]}</title></head><body><p>中国和哈萨克斯坦加强合作。${PAYLOADS[1]}</p><p>${PAYLOADS[2]}双方深化合作。</p></body></html>`;
  await page.setInputFiles('#text-files', { name: `${PAYLOADS[4].replace(/[/<>]/g, '')}.html`, mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.fill('#paste-text', `${PAYLOADS[3]}\n中吉合作不断深化。${PAYLOADS[5]}`);
  await page.click('#paste-add');
  await page.waitForFunction(() => document.querySelector('#texts-count')?.dataset.texts === '2');
  await page.waitForFunction(() => !document.querySelector('.notice.working'));
  // Their documents in the reader and their lines in the concordance.
  await page.fill('#search-input', '合作');
  await page.click('#search-go');
  await page.waitForSelector('#kwic-table tbody tr');
  await page.selectOption('#reader-doc', { index: 0 });
  // Dictionary words cannot hold < > or spaces; the rest is refused or kept as text.
  for (const word of ['<b>合作</b>', 'javascript:合作', '&amp;合作']) {
    await page.fill('#dict-word', word);
    await page.click('#dict-add');
  }
  assert.deepEqual(await injected(page), { ran: 0, scripts: [], handlers: [], images: 0, jsLinks: 0 });
  assert.ok((await page.textContent('#texts-table')) !== null);
  await context.close();
});
