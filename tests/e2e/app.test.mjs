// Whole-page flows in Debian's Chromium, on the release build in dist/
// served from 127.0.0.1. Numbers on the page are checked against the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, cliText, openApp as openAppAt, showPanel, useBrowser } from './helpers.mjs';

const shared = useBrowser();

/** The dashboard at `query`, in a new context of its own. */
const openApp = (query = '', { viewport = { width: 1366, height: 6000 }, locale = 'en-US' } = {}) =>
  openAppAt(shared.browser, shared.server.url + query, { viewport, locale });

test('the first row needs no panel module; a panel whose module cannot be fetched says so and loads on a retry', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  let blocked = true;
  await page.route(/split_panels\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
  await page.goto(shared.server.url);
  // Summary and cloud are in the page's own wasm.
  await page.waitForSelector('#cloud-chart svg');
  await page.waitForSelector('#panel-summary:not(.waiting)');
  await page.$eval('#panel-trends', (p) => p.scrollIntoView());
  await page.waitForSelector('#panel-trends .panel-retry');
  assert.match(await page.textContent('#panel-trends [role="alert"]'), /could not be loaded/);
  assert.ok(await page.isVisible('#cloud-chart svg'), 'the rest of the page stays');
  blocked = false;
  await page.click('#panel-trends .panel-retry');
  await page.waitForSelector('#panel-trends:not(.waiting) #trends-chart');
  assert.equal(await page.$('#panel-trends .panel-retry'), null);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('the keyboard reaches panels not mounted yet: a waiting panel focused mounts and takes the focus; Tab reaches the term table', async () => {
  const app = await openApp('', { viewport: { width: 1280, height: 800 } });
  const page = app.page;
  // Far below the fold, the keyness panel waits; focused (as Tab would), it
  // mounts once its module is in and its own section takes the focus.
  assert.ok(await page.$('#panel-keyness.waiting'), 'keyness waits below the fold');
  await page.focus('#panel-keyness');
  await page.waitForSelector('#panel-keyness:not(.waiting)');
  await page.waitForFunction(() => document.activeElement === document.getElementById('panel-keyness'));
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => { const a = document.activeElement; return a.id !== 'panel-keyness' && document.getElementById('panel-keyness').contains(a); }),
    'the next Tab goes inside the panel');
  // From the top, Tab alone reaches the term table below the fold.
  await page.evaluate(() => { document.activeElement.blur(); scrollTo(0, 0); });
  let reached = false;
  for (let i = 0; i < 300 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.matches('#term-table button.term') ?? false);
  }
  assert.ok(reached, 'Tab reaches a term in the term table');
  assert.deepEqual(app.consoleErrors, []);
  await page.context().close();
});

test('the page loads without console errors and makes no request outside its origin', async () => {
  const app = await openApp();
  assert.deepEqual(app.consoleErrors, []);
  const origin = new URL(shared.server.url).origin;
  assert.deepEqual(app.requests.filter((u) => new URL(u).origin !== origin), []);
  assert.ok(app.requests.some((u) => u.endsWith('.wasm')));
  for (const id of ['summary', 'terms', 'cloud', 'trends', 'contexts', 'reader', 'collocates', 'phrases', 'keyness']) {
    assert.ok(await app.page.$(`#panel-${id}`), `panel ${id} is there`);
  }
  await app.page.screenshot({ path: `${shared.shots}/desktop.png` });
  await app.page.context().close();
});

test('the term chart has one bar per top term, and chart, table and CLI agree', async () => {
  const app = await openApp();
  const expected = cli(['terms', '--top', '20']);
  const rows = await app.tableRows();
  assert.equal(rows.length, 20);
  assert.equal(await app.chartBars(), 20);
  assert.deepEqual(
    rows.map((r) => [r[1], Number(r[2]), r[3], Number(r[4]), r[5]]),
    expected.rows.map((r) => [r.term, r.count, r.per_10k.toFixed(1), r.docs, r.tfidf.toFixed(2)]),
  );
  const text = await app.chartText();
  for (const r of expected.rows) assert.ok(text.includes(r.term), `chart label ${r.term}`);
  assert.match(await app.selectionCount(), /567 of 567 paragraphs, 17 of 17 documents/);
  // Sorting the table by a column header.
  await app.page.click('#term-table th:nth-child(6) button');
  const tfidf = (await app.tableRows()).map((r) => Number(r[5]));
  assert.deepEqual(tfidf, [...tfidf].sort((a, b) => b - a));
  await app.page.context().close();
});

test('selecting a term in the chart: trends, contexts, reader and collocates follow', async () => {
  const app = await openApp();
  const third = (await app.tableTerms())[2];
  await app.clickBar(2);
  await app.page.waitForFunction((t) => new URL(location.href).searchParams.get('term') === t, third);
  // Contexts: as many lines as the CLI's concordance.
  const kwic = cli(['kwic', third]);
  await app.page.waitForFunction((n) => document.querySelector('#kwic-table')?.dataset.lines === String(n), kwic.length);
  // A page's first 12 lines are drawn in the click's frame, the rest right after.
  await app.drawAllLines();
  assert.equal((await app.page.$$('#kwic-table tbody tr')).length, Math.min(kwic.length, 50), 'one page of 50 lines');
  const nodes = await app.page.$$eval('#kwic-table td.node', (tds) => tds.slice(0, 5).map((td) => td.textContent));
  assert.deepEqual(nodes, kwic.slice(0, 5).map((l) => l.node));
  // Trends plots it; the reader highlights it; collocates centre on it.
  assert.ok((await app.chartText('trends-chart')).includes(third), 'trend legend names the term');
  const marks = await app.page.$$eval('#reader-text mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.length > 0 && marks.every((m) => m === third), `reader marks ${third}`);
  assert.ok(await app.page.$('#panel-reader .minimap .tick'), 'minimap shows where it occurs');
  const coll = cli(['collocates', third, '--min', '2', '--span', '5', '--top', '20']);
  const collTerms = await app.page.$$eval('#collocates-table tbody button.term', (bs) => bs.map((b) => b.textContent));
  assert.deepEqual(collTerms, coll.rows.map((r) => r.term));
  // A concordance line opens its paragraph in the reader.
  const line = app.page.locator('#kwic-table td.where button').nth(3);
  const [doc, para] = [await line.getAttribute('data-doc'), await line.getAttribute('data-para')];
  await line.click();
  await app.page.waitForSelector(`#reader-p${para}.focused`);
  assert.equal(await app.page.$eval('#reader-doc', (s) => s.value), doc);
  assert.equal((await app.query()).get('read'), doc);
  await app.page.screenshot({ path: `${shared.shots}/term-selected.png`, fullPage: false });
  await app.page.context().close();
});

test('a filter changes every panel, and the page says how much is selected', async () => {
  const app = await openApp('?term=%E5%90%88%E4%BD%9C');
  await app.page.waitForSelector('#kwic-table tbody tr');
  const before = await app.panelTexts();
  await app.page.click('button[data-party="RU"]');
  await app.page.waitForFunction(() => document.querySelector('.selection-count').textContent.includes('4 of 17 documents'));
  const expected = cli(['terms', '--party', 'RU', '--top', '20']);
  assert.match(await app.selectionCount(), /^\d+ of 567 paragraphs, 4 of 17 documents$/);
  const after = await app.panelTexts();
  // Every panel of the selection; your texts and dictionary are not the selection's.
  const own = ['panel-texts', 'panel-dictionary'];
  for (const id of Object.keys(before).filter((id) => !own.includes(id))) assert.notEqual(after[id], before[id], `${id} changed with the filter`);
  for (const id of own) assert.equal(after[id], before[id], `${id} stays as it was`);
  assert.deepEqual(await app.tableTerms(), expected.rows.map((r) => r.term));
  assert.equal(await app.page.getAttribute('#kwic-table', 'data-lines'), String(cli(['kwic', '合作', '--party', 'RU']).length));
  assert.equal((await app.query()).get('party'), 'RU');
  // Years and documents filter too.
  await app.page.click('button[data-party="RU"]');
  await app.page.selectOption('#filter-from', '2023');
  await app.page.selectOption('#filter-to', '2023');
  await app.page.waitForFunction(() => document.querySelector('.selection-count').textContent.includes('2 of 17 documents'));
  assert.equal((await app.query()).get('from'), '2023');
  // A "to" before "from" moves "from" with it: the range never ends before
  // it starts (a link to one would open with the dates ignored).
  await app.page.selectOption('#filter-to', '2019');
  await app.page.waitForFunction(() => new URLSearchParams(location.search).get('from') === '2019');
  assert.deepEqual([(await app.query()).get('from'), (await app.query()).get('to')], ['2019', '2019']);
  assert.equal(await app.page.inputValue('#filter-from'), '2019');
  await app.page.click('.filter-bar .clear');
  await app.page.waitForFunction(() => document.querySelector('.selection-count').textContent.includes('17 of 17 documents'));
  await app.page.context().close();
});

test('exports: a CSV of the term table and an SVG of the trends chart, with names that say what they are', async () => {
  const app = await openApp('?party=TJ&term=%E5%90%88%E4%BD%9C');
  const csv = await app.download('#panel-terms button[data-export="csv"]');
  assert.equal(csv.name, 'cijing-terms_all_tj_top20.csv');
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  // The same table as the CLI's, whole (not only the 20 rows shown).
  assert.equal(lines[0], 'term,count,per_10k,docs,tfidf,dp,juilland_d');
  const cliCsv = cliText(['terms', '--party', 'TJ', '--format', 'csv']);
  assert.deepEqual(lines, cliCsv.trim().split('\n'));
  assert.ok(lines.length > 1000, `${lines.length} rows`);
  const svg = await app.download('#panel-trends button[data-export="svg"]');
  assert.equal(svg.name, 'cijing-trends_合作_all_tj.svg');
  assert.ok(svg.text.startsWith('<svg') && svg.text.includes('</svg>'));
  assert.ok(svg.text.includes('Relative frequency'), 'the title is written on the image');
  assert.ok(svg.text.includes('7 documents · TJ · 2019–2025'), 'the selection is written on the image');
  const png = await app.download('#panel-cloud button[data-export="png"]');
  assert.equal(png.name, 'cijing-cloud_all_tj.png');
  await app.page.context().close();
});

test('reload restores the same view', async () => {
  const app = await openApp();
  await app.page.click('button[data-party="RU"]');
  await app.page.selectOption('#top-n', '10');
  await app.page.click('#aliases');
  await app.page.click('#term-table tbody tr:nth-child(3) button.term');
  await app.page.waitForFunction(() => new URL(location.href).searchParams.has('term'));
  const url = app.page.url();
  const terms = await app.tableTerms();
  const kwicRows = (await app.page.$$('#kwic-table tbody tr')).length;
  await app.page.reload();
  await app.page.waitForSelector('#term-chart svg');
  assert.equal(app.page.url(), url);
  assert.deepEqual(await app.tableTerms(), terms);
  assert.equal(terms.length, 10);
  assert.equal((await app.page.$$('#kwic-table tbody tr')).length, kwicRows);
  assert.equal(await app.page.$eval('#aliases', (c) => c.checked), true);
  assert.equal(await app.page.getAttribute('button[data-party="RU"]', 'aria-pressed'), 'true');
  await app.page.context().close();
});

test('a link with unknown values opens the nearest valid view and says what it ignored', async () => {
  const app = await openApp('?doc=no-such-doc&top=9999&colour=red&party=KG');
  const notice = await app.page.textContent('.notice');
  assert.match(notice, /unknown document "no-such-doc" ignored/);
  assert.match(notice, /top=9999/);
  assert.match(notice, /unknown setting "colour"/);
  assert.equal(await app.chartBars(), 20);
  assert.match(await app.selectionCount(), /4 of 17 documents/);
  assert.deepEqual(app.consoleErrors, []);
  await app.page.context().close();
});

test('the interface switches language, and a Chinese browser starts in Chinese', async () => {
  const app = await openApp();
  assert.equal(await app.page.textContent('#panel-terms-heading'), 'Terms');
  await app.page.click('#lang-toggle');
  await app.page.waitForFunction(() => document.querySelector('#panel-terms-heading').textContent === '词频');
  assert.equal((await app.query()).get('lang'), 'zh');
  assert.equal(await app.page.getAttribute('html', 'lang'), 'zh-Hans');
  assert.match(await app.selectionCount(), /已选 567 \/ 567 段，17 \/ 17 篇文献/);
  await app.page.context().close();
  const zh = await openApp('', { locale: 'zh-CN' });
  assert.equal(await zh.page.textContent('#panel-terms-heading'), '词频');
  assert.equal((await zh.query()).get('lang'), null, 'the browser default is not written into the URL');
  await zh.page.screenshot({ path: `${shared.shots}/desktop-zh.png` });
  await zh.page.context().close();
});

test('keyboard alone: reach a term, select it, and see focus', async () => {
  const app = await openApp();
  // The skip link is the first stop.
  await app.page.keyboard.press('Tab');
  assert.equal(await app.page.evaluate(() => document.activeElement.className), 'skip');
  let found = false;
  for (let i = 0; i < 120 && !found; i++) {
    await app.page.keyboard.press('Tab');
    found = await app.page.evaluate(() => document.activeElement?.matches('#term-table button.term') ?? false);
  }
  assert.ok(found, 'a term in the table is reachable with Tab');
  const outline = await app.page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  const term = await app.page.evaluate(() => document.activeElement.textContent);
  await app.page.keyboard.press('Enter');
  await app.page.waitForFunction((t) => new URL(location.href).searchParams.get('term') === t, term);
  await app.page.context().close();
});

test('on a phone-width screen nothing scrolls sideways and charts fit', async () => {
  const app = await openApp('?term=%E5%90%88%E4%BD%9C', { viewport: { width: 360, height: 780 } });
  await app.mountAll();
  await app.page.evaluate(() => scrollTo(0, 0));
  const { widest, pageWidth } = await app.page.evaluate(() => ({
    widest: Math.max(...[...document.querySelectorAll('.chart svg')].map((s) => s.getBoundingClientRect().width)),
    pageWidth: document.documentElement.scrollWidth,
  }));
  assert.ok(pageWidth <= 360, `no horizontal scrolling (page is ${pageWidth}px wide)`);
  assert.ok(widest <= 360, `charts fit (${widest}px)`);
  await app.page.screenshot({ path: `${shared.shots}/phone.png` });
  await showPanel(app.page, 'terms');
  await app.page.screenshot({ path: `${shared.shots}/phone-terms.png` });
  await app.page.context().close();
});
