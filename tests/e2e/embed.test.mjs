// cijing as a widget, in Debian's Chromium: <cijing-view> elements on a
// hostile host page, the iframe embed mode, the JS API against the CLI, a
// shared link in a fresh context, and dist/ behind nginx at a sub-path
// under a strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { cli, CSP, launch, serveDir, startNginx } from './helpers.mjs';

const SHOTS = 'tests/e2e/screenshots';
let server;
let browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  cpSync('tests/e2e/fixtures', 'dist/_test_host', { recursive: true });
  server = await serveDir('dist');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync('dist/_test_host', { recursive: true, force: true });
});

async function page(url, viewport = { width: 1280, height: 6000 }) {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  const p = await context.newPage();
  const errors = [];
  const requests = [];
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  p.on('pageerror', (e) => errors.push(String(e)));
  p.on('request', (r) => requests.push(r.url()));
  await p.goto(url);
  return { p, errors, requests, context };
}

test('two <cijing-view> elements on a hostile host page: intact, independent, and a term click reaches the host', async () => {
  const { p, errors, requests, context } = await page(`${server.url}_test_host/host.html`);
  const one = p.locator('#one');
  const two = p.locator('#two');
  // Playwright's locators pierce open shadow roots.
  await one.locator('#term-chart svg rect').first().waitFor();
  await two.locator('#kwic-table td.node').first().waitFor();
  // The first shows KG's top 10 terms, the second the 合作 concordance for TJ.
  const kg = cli(['terms', '--party', 'KG', '--top', '10']);
  const terms = await one.locator('#term-table tbody button.term').allTextContents();
  assert.deepEqual(terms, kg.rows.map((r) => r.term));
  // The page's first lines are drawn at once, the rest when scrolled to.
  await two.locator('.kwic-more').evaluate((m) => m.scrollIntoView({ block: 'end' }));
  await two.locator('.kwic-more').waitFor({ state: 'hidden' });
  const nodes = await two.locator('#kwic-table td.node').allTextContents();
  const lines = cli(['kwic', '合作', '--party', 'TJ']).length;
  assert.equal(nodes.length, Math.min(lines, 50), 'one page of 50 lines');
  assert.equal(await two.locator('#kwic-table').getAttribute('data-lines'), String(lines));
  // Host CSS did not reach in: tables and buttons are visible, fonts normal.
  assert.ok(await one.locator('#term-table').isVisible());
  // Sizes as on cijing's own page (0.9rem and 1.05rem of 16px), whatever
  // the host's root font size (10px here).
  assert.equal(await one.locator('#term-table td').first().evaluate((td) => getComputedStyle(td).fontSize), '14.4px');
  assert.equal(await two.locator('.panel h2').first().evaluate((h) => getComputedStyle(h).fontSize), '16.8px');
  // Nothing leaked out: the host's heading keeps the host's look.
  assert.equal(await p.locator('h1').evaluate((h) => getComputedStyle(h).fontSize), '40px');
  // No chrome in an embed, and a link to the full view.
  assert.equal(await one.locator('header.app-head').count(), 0);
  assert.ok((await one.locator('a.open-full').getAttribute('href')).includes('party=KG'));
  await p.screenshot({ path: `${SHOTS}/embed-host-desktop.png`, fullPage: true });

  // A term click in the first fires cijing-select; the second is untouched.
  const before = await two.locator('#kwic-table td.node').count();
  await one.locator('#term-table tbody button.term').nth(2).click();
  await p.waitForFunction(() => document.getElementById('picked').textContent.startsWith('picked'));
  const picked = await p.textContent('#picked');
  assert.ok(picked.includes(`picked ${kg.rows[2].term}`) && picked.includes('from one'), picked);
  assert.equal(await two.locator('#kwic-table td.node').count(), before);

  // Changing the view attribute re-renders.
  await p.evaluate(() => document.getElementById('one').setAttribute('view', 'party=RU&top=10'));
  const ru = cli(['terms', '--party', 'RU', '--top', '10']);
  await p.waitForFunction((first) => document.getElementById('one').shadowRoot.querySelector('#term-table tbody button.term')?.textContent === first, ru.rows[0].term);
  assert.deepEqual(await one.locator('#term-table tbody button.term').allTextContents(), ru.rows.map((r) => r.term));

  assert.deepEqual(errors, []);
  const origin = new URL(server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), []);
  await context.close();

  const phone = await page(`${server.url}_test_host/host.html`, { width: 390, height: 844 });
  await phone.p.locator('#one #term-chart svg rect').first().waitFor();
  await phone.p.screenshot({ path: `${SHOTS}/embed-host-phone.png`, fullPage: true });
  const overflow = await phone.p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scroll on a phone (${overflow}px)`);
  await phone.context.close();
});

test('the iframe embed shows only its panels in a 600×450 frame, with no scrolling, and reports its height', async () => {
  const { p, context } = await page(`${server.url}?embed=terms&party=KG&top=10`, { width: 600, height: 450 });
  await p.waitForSelector('#term-chart svg rect');
  assert.equal(await p.locator('header.app-head').count(), 0);
  assert.equal(await p.locator('.filter-bar').count(), 0);
  const chart = await p.locator('#term-chart svg').boundingBox();
  assert.ok(chart.y + chart.height <= 450, `the chart is above the fold: ${JSON.stringify(chart)}`);
  await p.screenshot({ path: `${SHOTS}/embed-iframe.png` });
  await context.close();
  // chrome=filters brings the filter bar back.
  const withFilters = await page(`${server.url}?embed=terms&chrome=filters`, { width: 600, height: 450 });
  await withFilters.p.waitForSelector('#term-chart svg rect');
  assert.equal(await withFilters.p.locator('.filter-bar').count(), 1);
  await withFilters.context.close();
});

test('the JS API answers with the CLI\'s numbers, and bad options reject with a clear error', async () => {
  const { p, context } = await page(`${server.url}_test_host/host.html`);
  const got = await p.evaluate(async () => {
    const { ready } = await import('../cijing-embed.js');
    const cj = await ready();
    const terms = cj.terms({ party: ['KG'], top: 20 });
    const kwic = cj.kwic('合作', { party: 'TJ', top: 3 });
    let bad;
    try { cj.terms({ parti: 'KG' }); } catch (e) { bad = e.message; }
    let badDate;
    try { cj.terms({ from: '2023-13' }); } catch (e) { badDate = e.message; }
    const words = await cj.segment('上海合作组织成员国元首理事会');
    return { terms, kwic, bad, badDate, words, docs: cj.documents().length };
  });
  const expected = cli(['terms', '--party', 'KG', '--top', '20']);
  assert.deepEqual(got.terms.rows.map((r) => [r.term, r.count, r.docs]), expected.rows.map((r) => [r.term, r.count, r.docs]));
  assert.equal(got.terms.tokens, expected.tokens);
  assert.ok(got.terms.rows.every((r, i) => Math.abs(r.tfidf - expected.rows[i].tfidf) < 1e-9));
  assert.equal(got.kwic.length, 3);
  assert.equal(got.docs, 17);
  assert.match(got.bad, /unknown field `parti`/);
  assert.match(got.badDate, /"2023-13" is not a date/);
  assert.deepEqual(got.words.map((w) => w.word), ['上海合作组织', '成员国', '元首理事会']);
  await context.close();
});

test('a term widget alone fetches no other panel\'s code; the JS API fetches it on ready(), and says so when it cannot', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  const fetched = [];
  let blocked = true;
  await p.route(/split_panels\.wasm$/, (route) => { fetched.push(route.request().url()); return blocked ? route.abort() : route.continue(); });
  await p.goto(`${server.url}_test_host/terms.html`);
  await p.locator('#terms #term-chart svg rect').first().waitFor();
  assert.deepEqual(fetched, [], 'the term widget draws from the page\'s own wasm');
  // The API's module cannot be fetched: ready() rejects and says why.
  const refused = await p.evaluate(() => import('../cijing-embed.js').then((m) => m.ready()).then(() => 'resolved', (e) => e.message));
  assert.match(refused, /JS API could not be loaded/);
  // A later ready() tries again.
  blocked = false;
  const docs = await p.evaluate(async () => (await (await import('../cijing-embed.js')).ready()).documents().length);
  assert.equal(docs, 17);
  assert.equal(fetched.length, 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a shared link opened in a fresh context restores terms, filters and a user topic', async () => {
  const link = `${server.url}?party=KG&term=%E5%90%88%E4%BD%9C&top=10&ut=%E8%83%BD%E6%BA%90~%E8%83%BD%E6%BA%90%7C%E7%94%B5%E5%8A%9B`;
  const { p, context } = await page(link);
  await p.waitForSelector('#term-chart svg rect');
  const kg = cli(['terms', '--party', 'KG', '--top', '10']);
  assert.deepEqual(await p.locator('#term-table tbody button.term').allTextContents(), kg.rows.map((r) => r.term));
  assert.equal(await p.locator('button[data-party="KG"][aria-pressed="true"]').count(), 1);
  assert.ok((await p.textContent('#kwic-table')).includes('合作'));
  // The link's topic is in the view and offered for keeping.
  assert.equal(await p.locator('.notice.offered').count(), 1);
  assert.ok(p.url().length < 2000, `link length ${p.url().length}`);
  await context.close();
});

test('dist/ behind nginx at a sub-path under a strict CSP: no violation, the chart draws', async () => {
  const nginx = await startNginx('dist');
  try {
    const { p, errors, context } = await page(`${nginx.url}?party=KG`);
    const violations = [];
    p.on('console', (m) => { if (/Content.Security.Policy|CSP/i.test(m.text())) violations.push(m.text()); });
    await p.evaluate(() => { window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`)); });
    await p.reload();
    await p.evaluate(() => { window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`)); });
    await p.waitForSelector('#term-chart svg rect');
    // Work the page a little: a term click, a panel with inline styles.
    await p.click('#term-table tbody tr:nth-child(2) button.term');
    await p.waitForSelector('#kwic-table td.node');
    const response = await fetch(nginx.url, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(response.headers.get('content-security-policy'), CSP);
    const caught = await p.evaluate(() => window.__csp);
    assert.deepEqual([...caught, ...violations], []);
    assert.deepEqual(errors.filter((e) => /Refused|CSP|Content Security/i.test(e)), []);
    await context.close();
  } finally {
    await nginx.stop();
  }
});

test('dist/cijing.html, one file, draws its chart from file:// with no request at all', async () => {
  const { resolve } = await import('node:path');
  const { p, errors, requests, context } = await page(`file://${resolve('dist/cijing.html')}`);
  await p.waitForSelector('#term-chart svg rect');
  assert.ok(await p.locator('#term-table tbody tr').count() >= 10);
  assert.deepEqual(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:')), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the full app offers its link and both embed snippets for the current view', async () => {
  const { p, context } = await page(`${server.url}?party=KG&term=%E5%90%88%E4%BD%9C`);
  await p.waitForSelector('#term-chart svg rect');
  await p.click('#share-toggle');
  const link = await p.inputValue('#share-link');
  // The link carries the interface language too (the default is Chinese).
  assert.equal(link, `${server.url}?lang=en&party=KG&term=%E5%90%88%E4%BD%9C`);
  const iframe = await p.inputValue('#share-iframe');
  assert.match(iframe, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=summary,topics,terms,[a-z,]+&amp;lang=en&amp;party=KG&amp;term=%E5%90%88%E4%BD%9C" width="600" height="450"/);
  const element = await p.inputValue('#share-element');
  assert.ok(element.includes('cijing-embed.js') && element.includes('<cijing-view panels="summary,') && element.includes('view="lang=en&amp;party=KG&amp;term='), element);
  await context.close();
});

test('under the strict CSP, PNG export says which policy it needs instead of doing nothing; a download adds no inline style', async () => {
  const nginx = await startNginx('dist');
  try {
    const { p, context } = await page(nginx.url);
    await p.waitForSelector('#term-chart svg rect');
    await p.evaluate(() => { window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective)); });
    // SVG export downloads, through a hidden link with no style attribute.
    const [download] = await Promise.all([p.waitForEvent('download'), p.click('#panel-terms button[data-export="svg"]')]);
    assert.match(download.suggestedFilename(), /\.svg$/);
    // PNG export draws through a data: image, which img-src 'self' refuses: it says so.
    await p.click('#panel-terms button[data-export="png"]');
    await p.waitForSelector('#panel-terms .png-blocked');
    assert.match(await p.textContent('#panel-terms .png-blocked'), /img-src data:/);
    const violations = await p.evaluate(() => window.__csp);
    assert.deepEqual(violations.filter((d) => d.startsWith('style-src')), [], JSON.stringify(violations));
    await context.close();
  } finally {
    await nginx.stop();
  }
});
