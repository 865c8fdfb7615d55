// Launches Debian's Chromium through playwright-core (never a downloaded
// browser) with the flags this closed network needs.
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

/// A page object for the cijing app.
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
    await this.page.waitForSelector('#term-chart svg');
  }
  chartBars() { return this.page.$$eval('#term-chart svg rect', (rs) => rs.filter((r) => r.getAttribute('fill') === '#2B6CB0').length); }
  chartText() { return this.page.$eval('#term-chart svg', (s) => s.textContent); }
  tableTerms() { return this.page.$$eval('#term-table tbody td.term', (tds) => tds.map((td) => td.textContent)); }
  tableRows() {
    return this.page.$$eval('#term-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  }
  async chooseDocument(id) { await this.page.click(`button.doc[data-doc="${id}"]`); }
  async chooseTop(n) { await this.page.selectOption('#top-n', String(n)); }
  selectionText() { return this.page.textContent('.selection'); }
}
