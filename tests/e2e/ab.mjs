// Start-up of two builds of dist/, measured in one browser run with their
// loads interleaved, so machine noise falls on both alike (bench.sh's
// figures drift from run to run; a ratio from one run does not).
//   node tests/e2e/ab.mjs OLD_DIST NEW_DIST      (N=9 loads each; MBIT=10
//   throttles the network to 10 Mbit/s, 20 ms latency, through CDP, and
//   serves brotli, as a real host would)
import { serveDir } from './server.mjs';
import { launch } from './browser.mjs';

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
const runs = dirs.map(() => ({ ready: [], corpus: [], complete: [] }));
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
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
console.log(`start-up, ${N} cold loads each, interleaved${MBIT ? `, ${MBIT} Mbit/s, brotli` : ', loopback'} (median ms)`);
console.log(`  ${''.padEnd(34)} ${dirs.map((d) => d.slice(-14).padStart(14)).join(' ')}   new/old`);
for (const [key, label] of [['ready', 'navigation → first row drawn'], ['complete', 'every panel in view mounted'], ['corpus', 'corpus from the stored tokens']]) {
  const [a, b] = runs.map((r) => median(r[key]));
  console.log(`  ${label.padEnd(34)} ${a.toFixed(1).padStart(14)} ${b.toFixed(1).padStart(14)}   ${(b / a).toFixed(2)}`);
}
