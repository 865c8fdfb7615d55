// Topic filters in the page: shipped topics, the overview, user topics and
// discovered topics, in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CijingPage, cli, launch, serveDir, showPanel } from './helpers.mjs';

const SHOTS = 'tests/e2e/screenshots';
let server;
let browser;
before(async () => { server = await serveDir('dist'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openApp(query = '', context) {
  context ??= await browser.newContext({ viewport: { width: 1366, height: 6000 }, locale: 'en-US', acceptDownloads: true });
  const page = await context.newPage();
  const app = new CijingPage(page);
  await app.open(server.url + query);
  return app;
}

test('clicking a topic changes chart, table and counts, and the URL carries it', async () => {
  const app = await openApp();
  const chartBefore = await app.chartText();
  const termsBefore = await app.tableTerms();
  await app.page.click('button.topic-chip[data-topic="security"]');
  await app.page.waitForFunction(() => new URL(location.href).searchParams.get('topic') === 'security');
  const expected = cli(['terms', '--topic', 'security', '--top', '20']);
  await app.page.waitForFunction((n) => document.querySelector('.selection-count').textContent.startsWith(`${n} of 567 paragraphs`), expected.paragraphs);
  assert.deepEqual(await app.tableTerms(), expected.rows.map((r) => r.term));
  assert.notDeepEqual(await app.tableTerms(), termsBefore);
  assert.notEqual(await app.chartText(), chartBefore);
  assert.equal(await app.page.getAttribute('button.topic-chip[data-topic="security"]', 'data-state'), 'include');
  // Second click: exclude; third: off.
  await app.page.click('button.topic-chip[data-topic="security"]');
  await app.page.waitForFunction(() => new URL(location.href).searchParams.get('texclude') === 'security');
  const excluded = cli(['terms', '--exclude', 'security']);
  await app.page.waitForFunction((n) => document.querySelector('.selection-count').textContent.startsWith(`${n} of 567`), excluded.paragraphs);
  await app.page.click('button.topic-chip[data-topic="security"]');
  await app.page.waitForFunction(() => document.querySelector('.selection-count').textContent.startsWith('567 of 567'));
  // Any / all.
  await app.page.click('button.topic-chip[data-topic="security"]');
  await app.page.click('button.topic-chip[data-topic="trade-investment"]');
  await app.page.selectOption('#topic-match', 'all');
  const both = cli(['terms', '--topic', 'security', '--topic', 'trade-investment', '--match', 'all']);
  await app.page.waitForFunction((n) => document.querySelector('.selection-count').textContent.startsWith(`${n} of 567`), both.paragraphs);
  assert.equal((await app.query()).get('tmatch'), 'all');
  // Reload keeps it.
  await app.page.reload();
  await app.page.waitForSelector('#term-chart svg');
  assert.match(await app.selectionCount(), new RegExp(`^${both.paragraphs} of 567`));
  await app.page.context().close();
});

test('the overview shows each topic in each document, and a cell filters to it', async () => {
  const app = await openApp();
  const cells = await app.page.$$eval('#topic-chart svg rect', (rs) => rs.length - 1);
  assert.equal(cells, 11 * 17, 'a cell per topic and document');
  // Row 10 (arms control) × column 0 (the 2019 strategic-stability statement).
  const index = 10 * 17 + 0;
  await app.page.locator('#topic-chart svg rect').nth(index + 1).click();
  await app.page.waitForFunction(() => new URL(location.href).searchParams.get('topic') === 'arms-control');
  assert.equal((await app.query()).get('doc'), 'cn-ru-2019-strategic-stability');
  const expected = cli(['terms', '--doc', 'cn-ru-2019-strategic-stability', '--topic', 'arms-control']);
  await app.page.waitForFunction((n) => document.querySelector('.selection-count').textContent.startsWith(`${n} of 567`), expected.paragraphs);
  assert.equal(expected.paragraphs, 21);
  // Paragraph topics are marked in the reader and the concordance.
  assert.ok(await app.page.$('#reader-text .topic-dot[aria-label="Arms control and strategic stability"]'));
  await app.page.click('#term-table tbody tr:first-child button.term');
  await app.page.waitForSelector('#kwic-table .topic-dot');
  await showPanel(app.page, 'topics');
  await app.page.screenshot({ path: `${SHOTS}/topics.png` });
  await app.page.context().close();
});

test('user topics: created, flagged, refused when duplicate, shared by link and kept in the browser', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 6000 }, locale: 'en-US' });
  const app = await openApp('', context);
  await app.page.fill('#user-topic-name', 'Security and law enforcement');
  await app.page.fill('#user-topic-keywords', '反恐');
  await app.page.click('#user-topic-save');
  assert.match(await app.page.textContent('.user-topics .error'), /already exists/);
  await app.page.fill('#user-topic-name', '能源转型');
  await app.page.fill('#user-topic-keywords', '新能源 光伏 风电');
  await app.page.click('#user-topic-save');
  const chip = app.page.locator('button.topic-chip', { hasText: '能源转型' });
  await chip.waitFor();
  assert.match((await app.query()).get('ut'), /^能源转型~新能源\|光伏\|风电$/);
  assert.equal(await app.page.textContent('.user-topic .kw.absent'), '风电', 'a keyword that never occurs is flagged');
  await app.page.fill('#user-topic-name', '');
  await app.page.click('#user-topic-save');
  assert.match(await app.page.textContent('.user-topics .error'), /needs a name/);
  // Used like a shipped one.
  await chip.click();
  await app.page.waitForFunction(() => /^\d+ of 567/.test(document.querySelector('.selection-count').textContent) && !document.querySelector('.selection-count').textContent.startsWith('567'));
  const count = await app.selectionCount();
  const link = app.page.url();
  // A shared link reproduces it in a fresh browser.
  const other = await openApp(new URL(link).search);
  assert.equal(await other.selectionCount(), count);
  assert.ok(await other.page.$('.user-topic[data-topic]'));
  await other.page.context().close();
  // The same browser keeps it on a visit without the link.
  const again = await context.newPage();
  await again.goto(server.url);
  await again.waitForSelector('#term-chart svg');
  assert.ok(await again.$('button.topic-chip >> text=能源转型'));
  // Delete removes it.
  await app.page.click('.user-topic button:has-text("Delete")');
  await app.page.waitForFunction(() => !new URL(location.href).searchParams.has('ut'));
  assert.match(await app.selectionCount(), /^567 of 567/);
  await context.close();
});

test('discovered topics run in the browser with progress, stay responsive, repeat for a seed, and can be kept', async () => {
  const app = await openApp();
  await app.page.click('#lda-run');
  await app.page.waitForSelector('#lda-progress');
  // The page answers while the model runs: the language switch still works.
  await app.page.click('#lang-toggle');
  await app.page.waitForFunction(() => document.querySelector('#panel-terms-heading').textContent === '词频');
  await app.page.waitForFunction(() => document.querySelectorAll('#lda-topics > li').length === 8, null, { timeout: 60000 });
  assert.equal(await app.page.$('#lda-progress'), null);
  const first = await app.page.$$eval('#lda-topics > li', (lis) => lis.map((li) => [...li.querySelectorAll('button.term')].map((b) => b.textContent).join(' ')));
  await app.page.click('#lda-run');
  await app.page.waitForFunction(() => !document.querySelector('#lda-progress') && document.querySelectorAll('#lda-topics > li').length === 8, null, { timeout: 60000 });
  const second = await app.page.$$eval('#lda-topics > li', (lis) => lis.map((li) => [...li.querySelectorAll('button.term')].map((b) => b.textContent).join(' ')));
  assert.deepEqual(second, first, 'same seed, same topics');
  await app.page.click('#lda-topics > li:first-child button.keep');
  await app.page.waitForSelector('.user-topic');
  assert.match((await app.query()).get('ut'), /^LDA 1/);
  await app.page.locator('#lda-topics').scrollIntoViewIfNeeded();
  await app.page.screenshot({ path: `${SHOTS}/lda.png` });
  await app.page.context().close();
});
