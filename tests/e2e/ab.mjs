// Start-up and clicks of two builds of dist/, measured in one browser run
// with their loads interleaved, so machine noise falls on both alike
// (bench.sh's figures drift from run to run; a ratio from one run does not).
// Clicks are bench.mjs's: a party click at the top of the page and a term
// click with the concordance in view, every panel open, main-thread time
// until the DOM shows it.
//   node tests/e2e/ab.mjs OLD_DIST NEW_DIST      (N=9 loads each, ROUNDS=3
//   pages each for clicks; MBIT=10
//   throttles the network to 10 Mbit/s, 20 ms latency, through CDP, and
//   serves brotli, as a real host would)
import { serveDir } from './server.mjs';
import { launch, showConcordance, timePartyClick, timeTermClick } from './browser.mjs';

const dirs = process.argv.slice(2);
if (dirs.length !== 2) {
  console.error('usage: node tests/e2e/ab.mjs OLD_DIST NEW_DIST');
  process.exit(2);
}
const N = Number(process.env.N ?? 9);
const MBIT = Number(process.env.MBIT ?? 0);
const servers = await Promise.all(dirs.map((d) => serveDir(d, 0, { brotli: MBIT > 0 })));
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = dirs.map(() => ({ ready: [], corpus: [], complete: [], party: [], term: [] }));
try {
  for (let i = 0; i < N; i++) {
    for (const k of i % 2 ? [1, 0] : [0, 1]) {
      const context = await browser.newContext(); // cold cache each time
      const page = await context.newPage();
      if (MBIT) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: (MBIT * 1e6) / 8, uploadThroughput: (MBIT * 1e6) / 8 });
      }
      await page.goto(servers[k].url);
      await page.waitForSelector('#cloud-chart svg');
      const attrs = await page.$eval('#app', (el) => ({ ready: Number(el.dataset.readyMs), corpus: Number(el.dataset.corpusMs) }));
      const complete = Number(await (await page.waitForSelector('#panels[data-complete-ms]')).getAttribute('data-complete-ms'));
      runs[k].ready.push(attrs.ready);
      runs[k].corpus.push(attrs.corpus);
      runs[k].complete.push(complete);
      await context.close();
    }
  }
  // Clicks: a page of each, in turn, for ROUNDS rounds.
  const ROUNDS = Number(process.env.ROUNDS ?? 3);
  for (let i = 0; i < ROUNDS; i++) {
    for (const k of i % 2 ? [1, 0] : [0, 1]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto(servers[k].url);
      await page.waitForSelector('#cloud-chart svg');
      await page.waitForTimeout(500);
      for (let c = 0; c < 6; c++) runs[k].party.push(await timePartyClick(page));
      await showConcordance(page);
      for (let c = 0; c < 5; c++) runs[k].term.push(await timeTermClick(page, c));
      await context.close();
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
console.log(`start-up (${N} cold loads each) and clicks (1280×720, every panel open), interleaved${MBIT ? `, ${MBIT} Mbit/s, brotli` : ', loopback'} (median ms)`);
console.log(`  ${''.padEnd(34)} ${dirs.map((d) => d.slice(-14).padStart(14)).join(' ')}   new/old`);
for (const [key, label] of [['ready', 'navigation → first row drawn'], ['complete', 'every panel in view mounted'], ['corpus', 'corpus from the stored tokens'], ['party', 'party click → panels redrawn'], ['term', 'term click → concordance lines']]) {
  const [a, b] = runs.map((r) => median(r[key]));
  console.log(`  ${label.padEnd(34)} ${a.toFixed(1).padStart(14)} ${b.toFixed(1).padStart(14)}   ${(b / a).toFixed(2)}`);
}
