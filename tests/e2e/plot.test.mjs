// The dispersion plot under the concordance, in Debian's Chromium on the
// release build in dist/: one strip per document of the selection, as many
// ticks as the CLI's hits (`cijing plot`), its table, SVG export, a click
// on a strip opening the document in the reader, and the layout at 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, openApp as openAppAt, showPanel, useBrowser } from './helpers.mjs';

const TICK = '#2B6CB0';
const shared = useBrowser();

/** The dashboard at `query`, in a new context of its own. */
const openApp = (query = '', { viewport = { width: 1280, height: 6000 }, locale = 'en-US' } = {}) =>
  openAppAt(shared.browser, shared.server.url + query, { viewport, locale });

const enc = encodeURIComponent;

/** The plot's ticks: a subpath (`M`) each in its strips' tick paths. */
const ticks = (page) =>
  page.$$eval(`#plot-chart svg path[fill="${TICK}"]`, (paths) => paths.reduce((n, p) => n + p.getAttribute('d').split('M').length - 1, 0));

test('the plot of 合作: a strip per document, a tick per hit as the CLI, the table, export, a click opens the reader', async () => {
  const app = await openApp(`?term=${enc('合作')}`);
  const strips = cli(['plot', '合作']);
  const hits = strips.reduce((n, s) => n + s.positions.length, 0);
  assert.equal(strips.length, 17);
  await app.page.waitForSelector(`#plot-chart svg rect[data-strip]`);
  assert.equal(await app.page.locator(`#plot-chart svg rect[data-strip]`).count(), strips.length);
  assert.equal(await ticks(app.page), hits);
  // One path of ticks per strip with hits.
  assert.equal(await app.page.locator(`#plot-chart svg path[fill="${TICK}"]`).count(), strips.filter((s) => s.positions.length).length);
  assert.equal(await app.page.getAttribute('#plot-chart', 'data-hits'), String(hits));
  // As many as the concordance's lines.
  assert.equal(await app.page.getAttribute('#kwic-table', 'data-lines'), String(hits));
  // The table: date order, the CLI's tokens and hits.
  await app.page.click('#plot .chart-data summary');
  const rows = await app.page.$$eval('#plot-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  assert.deepEqual(rows.map((r) => [r[0], r[2], r[3]]), strips.map((s) => [s.date, String(s.tokens), String(s.positions.length)]));
  await app.page.locator('#plot').screenshot({ path: `${shared.shots}/disp-plot-1280.png` });
  await app.page.screenshot({ path: `${shared.shots}/disp-1280.png`, fullPage: false });
  // SVG export.
  const { name, text } = await app.download('#plot button[data-export="plot-svg"]');
  assert.match(name, /\.svg$/);
  assert.equal([...text.matchAll(/<path data-strip="\d+" fill="#2B6CB0" d="([^"]*)"/g)].reduce((n, m) => n + m[1].split('M').length - 1, 0), hits);
  // A click on the third strip opens its document in the reader.
  await app.page.locator(`#plot-chart svg rect[data-strip="2"]`).click();
  await app.page.waitForFunction((id) => new URL(location.href).searchParams.get('read') === id, strips[2].id);
  assert.equal(await app.page.inputValue('#reader-doc'), strips[2].id);
  // A click on a strip's ticks opens its document too.
  await app.page.locator(`#plot-chart svg path[data-strip="0"]`).dispatchEvent('click');
  await app.page.waitForFunction((id) => new URL(location.href).searchParams.get('read') === id, strips[0].id);
  // A narrower selection: one strip, its hits.
  const one = strips[1].id;
  const app2 = await openApp(`?term=${enc('合作')}&doc=${one}`);
  await app2.page.waitForFunction(() => document.querySelector('#plot-chart')?.getAttribute('data-strips') === '1');
  assert.equal(await ticks(app2.page), strips[1].positions.length);
  assert.deepEqual(app.consoleErrors, []);
  assert.deepEqual(app2.consoleErrors, []);
  await app.page.context().close();
  await app2.page.context().close();
});

test('at 360 px the plot fits the screen', async () => {
  const app = await openApp(`?term=${enc('合作')}`, { viewport: { width: 360, height: 800 } });
  // On a phone the concordance is far down: it mounts when scrolled to.
  await showPanel(app.page, 'contexts');
  await app.page.waitForSelector(`#plot-chart svg rect[data-strip]`);
  await app.page.locator('#plot').scrollIntoViewIfNeeded();
  const box = await app.page.locator('#plot-chart svg').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360 + 1, `plot inside the screen: ${JSON.stringify(box)}`);
  assert.ok(await app.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scroll');
  await app.page.locator('#plot').screenshot({ path: `${shared.shots}/disp-plot-360.png` });
  await app.page.screenshot({ path: `${shared.shots}/disp-360.png` });
  assert.deepEqual(app.consoleErrors, []);
  await app.page.context().close();
});
