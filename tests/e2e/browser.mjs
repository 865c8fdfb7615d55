// Launches Debian's Chromium through playwright-core (never a downloaded
// browser) with the flags this closed network needs, and a page object for
// the cijing dashboard.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export class CijingPage {
  constructor(page) {
    this.page = page;
    this.consoleErrors = [];
    this.requests = [];
    page.on('console', (m) => { if (m.type() === 'error') this.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
    page.on('request', (r) => this.requests.push(r.url()));
  }
  async open(url) {
    await this.page.goto(url);
    // The first row of panels is drawn at once, the panels in view a frame later.
    await this.page.waitForSelector('#panels[data-complete-ms]');
    if (await this.page.$('#panel-terms:not(.waiting)')) await this.page.waitForSelector('#term-chart svg');
  }
  drawAllLines() { return drawAllLines(this.page); }
  /** Scrolls to every panel in turn, so that each is mounted (panels out of view wait). */
  async mountAll() {
    for (const id of await this.page.$$eval('section.panel', (ps) => ps.map((p) => p.id))) {
      await showPanel(this.page, id.replace(/^panel-/, ''));
    }
  }
  chartBars(id = 'term-chart') {
    return this.page.$$eval(`#${id} svg rect[data-bar]`, (rs) => rs.length);
  }
  chartText(id = 'term-chart') { return this.page.$eval(`#${id} svg`, (s) => s.textContent); }
  tableTerms() { return this.page.$$eval('#term-table tbody button.term', (bs) => bs.map((b) => b.textContent)); }
  tableRows() {
    return this.page.$$eval('#term-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent.trim())));
  }
  selectionCount() { return this.page.textContent('.selection-count'); }
  /** The page's URL query, once the URL written after the frame is there. */
  async query() {
    const search = await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(location.search), 0))));
    return new URLSearchParams(search);
  }
  /** Text of each panel, to see which ones changed. */
  panelTexts() {
    return this.page.$$eval('section.panel', (ps) => Object.fromEntries(ps.map((p) => [p.id, p.textContent])));
  }
  async clickBar(index) {
    const bar = this.page.locator(`#term-chart svg rect[data-bar="${index}"]`);
    await bar.click();
  }
  async togglePanel(code) {
    await this.page.click('.settings-bar details:last-of-type summary');
    await this.page.click(`input[data-panel="${code}"]`);
  }
  async download(selector) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.click(selector)]);
    const { readFileSync } = await import('node:fs');
    return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
  }
}

/**
 * Scrolls to a panel and waits until it is mounted (panels out of view
 * wait). Panels mounting above it may move it away, or replace the element
 * being scrolled to: it is scrolled to again until it is there.
 */
export async function showPanel(page, code) {
  const id = `#panel-${code}`;
  for (let i = 0; i < 50 && !(await page.$(`${id}:not(.waiting)`)); i++) {
    await page.$eval(id, (p) => p.scrollIntoView()).catch(() => {});
    await page.waitForTimeout(100);
  }
  await page.waitForSelector(`${id}:not(.waiting)`);
  await page.$eval(id, (p) => p.scrollIntoView());
}

/**
 * Waits for the concordance's whole page: its first 12 lines are drawn at
 * once, the rest after that frame or when scrolled to (here, both).
 */
export async function drawAllLines(page) {
  await page.$eval('.kwic-more', (m) => m.scrollIntoView({ block: 'end' }));
  await page.waitForSelector('.kwic-more', { state: 'hidden' });
}

/**
 * A new browser context (its own storage) with the dashboard open at `url`.
 * Tests use a window 6000 px tall, a screen on which every panel is in
 * view: panels out of view wait until scrolled to (ui/lazy.rs, tested in
 * reactivity.test.mjs), and a test reads panels without scrolling.
 */
export async function openApp(browser, url, { viewport = { width: 1280, height: 6000 }, locale = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport, locale });
  const app = new CijingPage(await context.newPage());
  await app.open(url);
  return app;
}

/**
 * For a test file: serves `dir` and launches Chromium before its tests,
 * closes both after; returns `{ server, browser, shots }` (filled in by then).
 */
export function useBrowser(dir = 'dist') {
  const shared = { shots: process.env.SHOTS ?? 'tests/e2e/screenshots' };
  before(async () => {
    const { mkdirSync } = await import('node:fs');
    const { serveDir } = await import('./server.mjs');
    mkdirSync(shared.shots, { recursive: true });
    shared.server = await serveDir(dir);
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

// ---- clicks timed as the benchmark times them (bench.mjs, ab.mjs)

/**
 * Main-thread time of a click on party KG (at the top of the page), from
 * the click until the selection count shows it (KG's documents are 4 of
 * 17; a click that turns it off gives 17 of 17), then waits a frame.
 */
export function timePartyClick(page) {
  return page.evaluate(async () => {
    const expect = document.querySelector('button[data-party="KG"]').getAttribute('aria-pressed') === 'true' ? '17 of 17 documents' : '4 of 17 documents';
    const t0 = performance.now();
    document.querySelector('button[data-party="KG"]').click();
    while (!document.querySelector('.selection-count').textContent.includes(expect)) await new Promise((r) => setTimeout(r, 0));
    const work = performance.now() - t0;
    await new Promise((r) => requestAnimationFrame(() => r()));
    return work;
  });
}

/**
 * Brings the concordance into view, the term table mounted: scrolled to
 * the term table once (so that it is there), then to the concordance twice
 * (the panels mounting near it move it at first).
 */
export async function showConcordance(page) {
  await page.evaluate(() => document.querySelector('#panel-terms').scrollIntoView());
  await page.waitForSelector('#term-table button.term', { state: 'attached' });
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => document.querySelector('#panel-contexts').scrollIntoView());
    await page.waitForTimeout(300);
  }
  await page.waitForSelector('#kwic-table', { state: 'attached' });
}

/**
 * Main-thread time of a click on the term table's term `i` + 1 (clicked
 * from script: out of view, it is still there), until the concordance
 * shows it; then waits a frame.
 */
export function timeTermClick(page, i) {
  return page.evaluate(async (i) => {
    const button = document.querySelectorAll('#term-table button.term')[i + 1];
    const term = button.textContent;
    const t0 = performance.now();
    button.click();
    while (!document.querySelector('#kwic-table td.node')?.textContent.includes(term)) await new Promise((r) => setTimeout(r, 0));
    const work = performance.now() - t0;
    await new Promise((r) => requestAnimationFrame(() => r()));
    return work;
  }, i);
}
