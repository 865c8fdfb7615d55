// A deploy reaches returning visitors: the host sends max-age=600 (as
// GitHub Pages does); a new build's service worker fills its cache from the
// server, not from the HTTP cache that still holds the old build, and the
// page offers "a new version is ready — reload", which shows the new build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { launch, serveDir } from './helpers.mjs';

/** dist/ as build `tag`: its page marked, its service worker's version changed. */
function deploy(root, tag) {
  cpSync('dist', root, { recursive: true });
  const page = readFileSync('dist/index.html', 'utf8').replace('<head>', `<head>\n<meta name="cijing-build" content="${tag}">`);
  writeFileSync(`${root}/index.html`, page);
  const sw = readFileSync('dist/cijing-sw.js', 'utf8').replace(/const VERSION = "[^"]*";/, `const VERSION = "test-${tag}";`);
  if (!sw.includes(`"test-${tag}"`)) throw new Error('the service worker\'s version was not changed');
  writeFileSync(`${root}/cijing-sw.js`, sw);
}

test('a new build served with max-age reaches a returning visitor after the offered reload', async () => {
  const root = '/tmp/cijing-update-test';
  rmSync(root, { recursive: true, force: true });
  deploy(root, 'v1');
  const server = await serveDir(root, 0, { cacheControl: 'max-age=600' });
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const build = () => page.$eval('meta[name="cijing-build"]', (m) => m.content);
    await page.goto(server.url);
    await page.waitForSelector('#term-chart svg, #panels');
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The second visit is controlled by v1's worker.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    assert.equal(await build(), 'v1');
    // Deploy v2 under the same server; the browser's HTTP cache still holds v1.
    deploy(root, 'v2');
    await page.reload();
    await page.waitForSelector('#update-ready button', { timeout: 20000 });
    assert.match(await page.textContent('#update-ready'), /new version/);
    assert.equal(await build(), 'v1', 'nothing changes until the user says so');
    await Promise.all([page.waitForEvent('load'), page.click('#update-ready button')]);
    await page.waitForFunction(() => document.querySelector('meta[name="cijing-build"]')?.content === 'v2');
    assert.equal(await page.$('#update-ready'), null);
    // And it stays: the next visit is v2 as well.
    await page.reload();
    assert.equal(await build(), 'v2');
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
});
