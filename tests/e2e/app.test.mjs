// Whole-page flows in Debian's Chromium: the release build in dist/,
// served on 127.0.0.1. Numbers on the page are checked against the CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { serveDir } from './server.mjs';
import { launch, CijingPage } from './browser.mjs';

const SHOTS = 'tests/e2e/screenshots';
let server;
let browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serveDir('dist');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openApp(query = '', viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const app = new CijingPage(page);
  await app.open(server.url + query);
  return app;
}

/** The CLI's term table, as the page should show it. */
function cliTerms(args) {
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'cijing', '--', 'terms', '--format', 'json', ...args], {
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

test('the page loads without console errors and makes no request outside its origin', async () => {
  const app = await openApp();
  assert.deepEqual(app.consoleErrors, []);
  const origin = new URL(server.url).origin;
  const foreign = app.requests.filter((u) => new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], `requests outside ${origin}`);
  assert.ok(app.requests.some((u) => u.endsWith('.wasm')), 'the wasm bundle was fetched from the origin');
  await app.page.screenshot({ path: `${SHOTS}/desktop.png` });
  await app.page.close();
});

test('the chart has one bar per top term, and chart, table and CLI agree', async () => {
  const app = await openApp();
  const expected = cliTerms(['--top', '20']);
  const rows = await app.tableRows();
  assert.equal(rows.length, 20);
  assert.equal(await app.chartBars(), 20);
  assert.deepEqual(
    rows.map((r) => [r[1], Number(r[2]), r[3], Number(r[4])]),
    expected.rows.map((r) => [r.term, r.count, r.per_10k.toFixed(1), r.docs]),
  );
  const chartText = await app.chartText();
  for (const r of expected.rows) assert.ok(chartText.includes(r.term), `chart label ${r.term}`);
  assert.match(await app.selectionText(), new RegExp(`${expected.tokens} word tokens in 17 document`));
  await app.page.close();
});

test('choosing a document changes chart, table and URL; reload restores the view', async () => {
  const app = await openApp();
  const before = await app.tableTerms();
  await app.chooseDocument('cn-ru-2019-strategic-stability');
  await app.page.waitForFunction(() => document.querySelector('.selection').textContent.includes('2019-06-05'));
  const expected = cliTerms(['--top', '20', '--doc', 'cn-ru-2019-strategic-stability']);
  const terms = await app.tableTerms();
  assert.notDeepEqual(terms, before);
  assert.deepEqual(terms, expected.rows.map((r) => r.term));
  assert.equal(await app.chartBars(), expected.rows.length);
  // The statement on strategic stability is about treaties, outer space and arms control.
  for (const term of ['条约', '外空', '军控']) assert.ok(terms.includes(term), `${term} among its top terms`);
  assert.match(app.page.url(), /\?doc=cn-ru-2019-strategic-stability$/);
  await app.chooseTop(10);
  await app.page.waitForFunction(() => document.querySelectorAll('#term-table tbody tr').length === 10);
  assert.equal(await app.chartBars(), 10);
  assert.match(app.page.url(), /top=10/);
  await app.page.screenshot({ path: `${SHOTS}/document.png` });

  await app.page.reload();
  await app.page.waitForSelector('#term-chart svg');
  assert.deepEqual(await app.tableTerms(), expected.rows.slice(0, 10).map((r) => r.term));
  assert.equal(await app.page.getAttribute('button[data-doc="cn-ru-2019-strategic-stability"]', 'aria-pressed'), 'true');
  await app.page.close();
});

test('a link with unknown values opens the default view and says what it ignored', async () => {
  const app = await openApp('?doc=no-such-doc&top=9999&colour=red');
  const notice = await app.page.textContent('.notice');
  assert.match(notice, /unknown document "no-such-doc"/);
  assert.match(notice, /top=9999/);
  assert.match(notice, /unknown setting "colour"/);
  assert.equal(await app.chartBars(), 20);
  assert.match(await app.selectionText(), /Whole corpus/);
  assert.deepEqual(app.consoleErrors, []);
  await app.page.close();
});

test('on a phone-width screen the chart is drawn to fit', async () => {
  const app = await openApp('', { width: 375, height: 800 });
  const { chartWidth, pageWidth } = await app.page.evaluate(() => ({
    chartWidth: document.querySelector('#term-chart svg').getBoundingClientRect().width,
    pageWidth: document.documentElement.scrollWidth,
  }));
  assert.ok(pageWidth <= 375, `no horizontal scrolling (page is ${pageWidth}px wide)`);
  assert.ok(chartWidth <= 375 && chartWidth > 250, `chart fits the screen (${chartWidth}px)`);
  await app.page.locator('#term-chart').scrollIntoViewIfNeeded();
  await app.page.screenshot({ path: `${SHOTS}/phone.png` });
  await app.page.close();
});
