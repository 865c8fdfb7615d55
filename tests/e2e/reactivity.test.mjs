// Fine-grained redraws, in Debian's Chromium: a click re-renders what it
// changes and keeps every other DOM node. Nodes are tagged with a JS
// property before a click; a kept node still has its tag after it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CijingPage, launch, serveDir, showPanel } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDir('dist'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openApp(query = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 6000 }, locale: 'en-US' });
  const app = new CijingPage(await context.newPage());
  await app.open(server.url + query);
  return app;
}

/** Tags every node matching each selector; returns how many were tagged. */
function tag(page, selectors) {
  return page.evaluate((selectors) => Object.fromEntries(selectors.map((s) => {
    const nodes = [...document.querySelectorAll(s)];
    nodes.forEach((n) => { n.__kept = true; });
    return [s, nodes.length];
  })), selectors);
}

/** How many nodes matching each selector still carry their tag, and how many match. */
function kept(page, selectors) {
  return page.evaluate((selectors) => Object.fromEntries(selectors.map((s) => {
    const nodes = [...document.querySelectorAll(s)];
    return [s, { kept: nodes.filter((n) => n.__kept).length, now: nodes.length }];
  })), selectors);
}

function countLangChanges(page) {
  return page.evaluate(() => {
    window.__langChanges = 0;
    new MutationObserver((ms) => { window.__langChanges += ms.length; })
      .observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  });
}

test('a term click keeps what does not depend on the term: charts, table rows, chips, filters and <html lang>', async () => {
  const app = await openApp();
  const { page } = app;
  const untouched = ['#term-chart svg', '#cloud-chart svg', '#topic-chart svg', '#term-table tbody tr',
    'button.topic-chip', '#panel-summary dd', '#phrases-table tbody tr', '.filter-bar input[data-doc]'];
  const tagged = await tag(page, untouched);
  await countLangChanges(page);
  const terms = await app.tableTerms();
  await page.click('#term-table tbody tr:nth-child(2) button.term');
  await page.waitForFunction((t) => document.querySelector('#kwic-table td.node')?.textContent === t, terms[1]);
  const after = await kept(page, untouched);
  for (const s of untouched) {
    assert.ok(tagged[s] > 0, `${s} found`);
    assert.deepEqual(after[s], { kept: tagged[s], now: tagged[s] }, `${s} kept`);
  }
  assert.equal(await page.evaluate(() => window.__langChanges), 0, '<html lang> untouched');
  // Only the two buttons whose state changed were updated, but all agree.
  assert.equal(await page.getAttribute('#term-table tbody tr:nth-child(2) button.term', 'aria-pressed'), 'true');
  assert.equal(await page.$$eval('#term-table button.term[aria-pressed="true"]', (bs) => bs.length), 1);
  // A second term: the old one is released.
  await page.click('#term-table tbody tr:nth-child(3) button.term');
  await page.waitForFunction((t) => document.querySelector('#kwic-table td.node')?.textContent === t, terms[2]);
  assert.equal(await page.getAttribute('#term-table tbody tr:nth-child(2) button.term', 'aria-pressed'), 'false');
  assert.equal(await page.getAttribute('#term-table tbody tr:nth-child(3) button.term', 'aria-pressed'), 'true');
  assert.deepEqual(app.consoleErrors, []);
  await page.context().close();
});

test('the reader rebuilds only the paragraphs whose highlights change', async () => {
  const app = await openApp('?read=cn-kg-2023-statement');
  const { page } = app;
  const terms = await app.tableTerms();
  await page.click('#term-table tbody tr:nth-child(1) button.term');
  await page.waitForFunction((t) => document.querySelector('#reader-text mark')?.textContent === t, terms[0]);
  const paragraphs = await page.$$eval('#reader-text > p', (ps) => ps.map((p) => { p.__html = p.innerHTML; return p.querySelectorAll('mark').length; }));
  await page.click('#term-table tbody tr:nth-child(2) button.term');
  await page.waitForFunction((t) => document.querySelector('#reader-text mark')?.textContent === t, terms[1]);
  const now = await page.$$eval('#reader-text > p', (ps) => ps.map((p) => ({ kept: p.__html !== undefined, same: p.__html === p.innerHTML, marks: p.querySelectorAll('mark').length })));
  assert.equal(now.length, paragraphs.length);
  // Keyed by content: a node that stays shows what it showed; paragraphs
  // without hits either time stay.
  now.forEach((p, i) => {
    if (p.kept) assert.ok(p.same, `paragraph ${i + 1} kept its node and its content`);
    if (paragraphs[i] === 0 && p.marks === 0) assert.ok(p.kept, `paragraph ${i + 1} without hits either time is kept`);
  });
  assert.ok(now.some((p) => p.kept) && now.some((p) => !p.kept));
  // The minimap follows the term.
  const ticks = await page.$$eval('#panel-reader .minimap .tick', (ts) => ts.map((t) => Number(t.dataset.para)));
  assert.deepEqual(ticks, now.flatMap((p, i) => (p.marks > 0 ? [i + 1] : [])));
  await page.context().close();
});

test('sorting the concordance moves its lines instead of redrawing them', async () => {
  const app = await openApp();
  const { page } = app;
  // A term with fewer lines than a page (50), so a sort keeps the same lines.
  await page.fill('#search-input', '外空');
  await page.press('#search-input', 'Enter');
  await page.waitForFunction(() => document.querySelector('#kwic-table')?.dataset.lines === '25');
  await app.drawAllLines();
  const before = await page.$$eval('#kwic-table tbody tr', (rows) => rows.map((r) => { r.__text = r.textContent; return r.textContent; }));
  assert.equal(before.length, 25);
  await page.selectOption('#kwic-sort', 'r1');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('ksort') === 'r1');
  await page.waitForFunction((first) => document.querySelector('#kwic-table tbody tr').textContent !== first, before[0]);
  const after = await page.$$eval('#kwic-table tbody tr', (rows) => rows.map((r) => ({ text: r.textContent, was: r.__text })));
  assert.equal(after.length, before.length);
  // Each line is the same node as before, moved: it still shows its own line.
  assert.ok(after.every((r) => r.was === r.text), 'every line is the same node, moved');
  assert.deepEqual(after.map((r) => r.text).sort(), [...before].sort());
  await page.context().close();
});

test('derived tables follow their data: the topic overview table follows the threshold', async () => {
  const app = await openApp();
  const { page } = app;
  await page.click('#panel-topics details.chart-data summary');
  const rows = () => page.$$eval('#topic-table tbody tr', (trs) => trs.map((tr) => tr.textContent));
  const before = await rows();
  await page.selectOption('#topic-threshold', '3');
  await page.waitForFunction((b) => [...document.querySelectorAll('#topic-table tbody tr')].map((tr) => tr.textContent).join('|') !== b, before.join('|'));
  const after = await rows();
  assert.equal(after.length, before.length, 'same documents');
  assert.notDeepEqual(after, before, 'shares at threshold 3 differ');
  await page.context().close();
});

test('the language switch sets <html lang> once', async () => {
  const app = await openApp();
  const { page } = app;
  await countLangChanges(page);
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.querySelector('#panel-terms-heading').textContent === '词频');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans');
  assert.equal(await page.evaluate(() => window.__langChanges), 1);
  await page.context().close();
});

test('panels out of view wait: they mount when scrolled to, keep their last view while away, and catch up when seen', async () => {
  // A laptop screen: the summary, cloud and topic chart are in view, the rest below.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const app = new CijingPage(await context.newPage());
  await app.open(server.url);
  const { page } = app;
  const waiting = () => page.$$eval('section.panel.waiting', (ps) => ps.map((p) => p.id));
  // Below the fold: a frame with its heading, nothing computed.
  assert.ok((await waiting()).includes('panel-phrases'), 'the phrases panel waits');
  assert.equal(await page.textContent('#panel-phrases h2'), 'Phrases');
  assert.equal(await page.$('#phrases-table'), null);
  // The term table, below the first row, mounts when scrolled to; back at the top it is out of view.
  assert.ok((await waiting()).includes('panel-terms'), 'the term table waits');
  await showPanel(page, 'terms');
  await page.waitForSelector('#term-table tbody tr');
  await page.evaluate(() => scrollTo(0, 0));
  await page.waitForTimeout(200);
  const rowsBefore = await app.tableRows();
  assert.ok(rowsBefore.length > 0);
  await page.click('button[data-party="KG"]');
  await page.waitForFunction(() => document.querySelector('.selection-count').textContent.includes('4 of 17 documents'));
  await page.waitForTimeout(200);
  assert.deepEqual(await app.tableRows(), rowsBefore, 'out of view, the term table keeps its last view');
  // What it should show for this selection: the same link on a screen where it is in view.
  const tall = await browser.newContext({ viewport: { width: 1280, height: 6000 }, locale: 'en-US' });
  const expected = new CijingPage(await tall.newPage());
  await expected.open(page.url());
  const kgRows = await expected.tableRows();
  assert.notDeepEqual(kgRows, rowsBefore, 'the selection changes the term table');
  await showPanel(page, 'terms');
  const tableText = (rows) => rows.map((r) => r.join('|')).join('\n');
  await page.waitForFunction((want) => [...document.querySelectorAll('#term-table tbody tr')]
    .map((tr) => [...tr.children].map((td) => td.textContent.trim()).join('|')).join('\n') === want, tableText(kgRows));
  assert.deepEqual(await app.tableRows(), kgRows, 'scrolled to, it catches up');
  // A term chosen there reaches the concordance below.
  const term = kgRows[0][1];
  await page.click('#term-table tbody tr:nth-child(1) button.term');
  // Scrolled to, a waiting panel mounts with the current selection.
  await showPanel(page, 'phrases');
  await page.waitForSelector('#phrases-table tbody tr');
  await expected.page.waitForSelector('#phrases-table tbody tr');
  const phrases = (p) => p.$$eval('#phrases-table tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.deepEqual(await phrases(page), await phrases(expected.page));
  assert.ok(!(await waiting()).includes('panel-phrases'));
  // A concordance line opens its paragraph in the reader, out of view until then.
  await showPanel(page, 'contexts');
  await page.waitForFunction((t) => document.querySelector('#kwic-table td.node')?.textContent === t, term);
  const line = page.locator('#kwic-table td.where button').first();
  const para = await line.getAttribute('data-para');
  await line.click();
  await page.waitForSelector(`#reader-p${para}.focused`);
  // The reader moves the focus there in the frame after it scrolls to it.
  await page.waitForFunction((id) => document.activeElement?.id === id, `reader-p${para}`, { timeout: 3000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.id), `reader-p${para}`);
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
  await tall.close();
});
