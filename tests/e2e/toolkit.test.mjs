// The page's corpus toolkit (issue 13) in Debian's Chromium, on the release
// build in dist/: the term table sorted whole, the search box and its query
// language, the concordance at phone width with pages, collocation measures,
// lexical variety, keyness against a reference with the Bonferroni cut-off,
// trends per date or year, and the search-mode notice. Numbers are checked
// against the CLI's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, cliText, openApp as openAppAt, showPanel, useBrowser } from './helpers.mjs';

const shared = useBrowser();

/** The dashboard at `query`, in a new context of its own. */
const openApp = (query = '', { viewport = { width: 1280, height: 6000 }, locale = 'en-US' } = {}) =>
  openAppAt(shared.browser, shared.server.url + query, { viewport, locale });

const enc = encodeURIComponent;

test('sorting by TF-IDF sorts the whole table: the CLI\'s top terms, bars of TF-IDF, the sort in the URL', async () => {
  const app = await openApp();
  const expected = cli(['terms', '--sort', 'tfidf', '--top', '20']).rows;
  // The count order is not the TF-IDF order (so a sort of the top rows alone would differ).
  assert.notDeepEqual((await app.tableTerms()).slice(0, 5), expected.slice(0, 5).map((r) => r.term));
  await app.page.click('#term-table button[data-column="tfidf"]');
  await app.page.waitForFunction(() => new URL(location.href).searchParams.get('tsort') === 'tfidf');
  await app.page.waitForFunction((first) => document.querySelector('#term-table tbody button.term')?.textContent === first, expected[0].term);
  assert.deepEqual(await app.tableTerms(), expected.map((r) => r.term));
  // The bars are the TF-IDF values, in the table's order; DP is a column.
  assert.equal(await app.chartBars(), 20);
  assert.match(await app.chartText(), /TF-IDF/);
  const rows = await app.tableRows();
  assert.deepEqual(rows.slice(0, 5).map((r) => [r[5], r[6]]), expected.slice(0, 5).map((r) => [r.tfidf.toFixed(2), r.dp.toFixed(3)]));
  // Clicking again turns the order round; a link opens sorted.
  await app.page.click('#term-table button[data-column="tfidf"]');
  await app.page.waitForFunction(() => new URL(location.href).searchParams.get('tsort') === 'tfidf.asc');
  await app.page.context().close();
  const linked = await openApp('?tsort=tfidf');
  assert.deepEqual((await linked.tableTerms()).slice(0, 5), expected.slice(0, 5).map((r) => r.term));
  assert.deepEqual(linked.consoleErrors, []);
  await linked.page.context().close();
});

/** Types a query into the search box and submits it. */
async function search(app, query) {
  await app.page.fill('#search-input', query);
  await app.page.press('#search-input', 'Enter');
}

test('the search box: a wildcard and a regex give the CLI\'s counts and drive contexts, trends and the reader', async () => {
  const app = await openApp();
  for (const query of ['合作*', '/^合作.+$/']) {
    const expected = cli(['search', query]);
    await search(app, query);
    await app.page.waitForFunction((q) => new URL(location.href).searchParams.get('term') === q, query);
    await app.page.waitForFunction((n) => document.querySelector('#search-result')?.dataset.hits === String(n), expected.hits);
    assert.equal(await app.page.getAttribute('#search-result', 'data-docs'), String(expected.docs));
    // The concordance has a line per hit; the reader marks hits of its forms.
    await app.page.waitForFunction((n) => document.querySelector('#kwic-table')?.dataset.lines === String(n), expected.hits);
    const forms = new Set(expected.forms.map((f) => f.form));
    const marks = await app.page.$$eval('#reader-text mark', (ms) => ms.map((m) => m.textContent));
    assert.ok(marks.length > 0 && marks.every((m) => forms.has(m)), `reader marks ${marks.slice(0, 5)}`);
    assert.ok((await app.chartText('trends-chart')).includes(query), 'trends plot the query');
  }
  await app.page.screenshot({ path: `${shared.shots}/search-regex.png` });
  // A bad query is said inline, the selection stays, nothing throws.
  await search(app, '/(/');
  await app.page.waitForSelector('.search-error');
  assert.match(await app.page.textContent('.search-error'), /regular expression/);
  assert.equal((await app.query()).get('term'), '/^合作.+$/');
  await search(app, '北冰洋*');
  await app.page.waitForFunction(() => /no word of the corpus matches/.test(document.querySelector('.search-error')?.textContent ?? ''));
  // Suggestions: the most frequent words starting with what is typed.
  await app.page.fill('#search-input', '合');
  await app.page.waitForFunction(() => document.querySelectorAll('#search-words option').length > 0);
  const words = await app.page.$$eval('#search-words option', (os) => os.map((o) => o.value));
  assert.ok(words.length <= 10 && words.every((w) => w.startsWith('合')), words.join(' '));
  assert.deepEqual(app.consoleErrors, []);
  await app.page.context().close();
});

test('at 360 px the concordance shows the words on both sides of the node; pages; the place names its document', async () => {
  const app = await openApp(`?term=${enc('合作')}`, { viewport: { width: 360, height: 800 } });
  // On a phone the concordance is far down: it mounts when scrolled to.
  await showPanel(app.page, 'contexts');
  await app.page.waitForSelector('#kwic-table tbody tr');
  const lines = cli(['kwic', '合作']);
  assert.equal(await app.page.getAttribute('#kwic-table', 'data-lines'), String(lines.length));
  await app.drawAllLines();
  assert.equal((await app.page.$$('#kwic-table tbody tr')).length, 50);
  const seen = await app.page.$$eval('#kwic-table tbody tr', (trs) => trs.slice(0, 8).map((tr) => {
    const cell = (c) => tr.querySelector(`td.${c}`);
    const box = (el) => el.getBoundingClientRect();
    // The bounding box of one character of a cell's text.
    const charBox = (el, at) => {
      const node = [...el.querySelectorAll('*'), el].flatMap((e) => [...e.childNodes]).find((n) => n.nodeType === 3 && n.textContent.length);
      if (!node) return null;
      const range = document.createRange();
      const i = at < 0 ? node.textContent.length + at : at;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect();
    };
    const [left, node, right] = [cell('left'), cell('node'), cell('right')];
    const last = charBox(left, -1);
    const first = charBox(right, 0);
    return {
      left: left.textContent, right: right.textContent,
      lastInLeft: !last || (last.left >= box(left).left - 0.5 && last.right <= box(left).right + 0.5),
      lastNextToNode: !last || Math.abs(box(node).left - last.right) < 24,
      firstInRight: !first || (first.left >= box(right).left - 0.5 && first.right <= box(right).right + 0.5),
      nodeOnScreen: box(node).left >= 0 && box(node).right <= window.innerWidth,
      rightOnScreen: !first || first.right <= window.innerWidth,
    };
  }));
  for (const s of seen) {
    assert.ok(s.lastInLeft && s.lastNextToNode, `left context ends next to the node: …${s.left.slice(-6)}`);
    assert.ok(s.firstInRight && s.rightOnScreen, `right context starts in view: ${s.right.slice(0, 6)}…`);
    assert.ok(s.nodeOnScreen, 'node on screen');
  }
  // The page does not scroll sideways.
  assert.ok(await app.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scroll');
  // The place names its document (three documents share 2019-06-05).
  const docs = Object.fromEntries(cliText(['docs'])
    .trim().split('\n').slice(1).map((l) => l.split('\t')).map(([id, , title]) => [id, title]));
  const where = app.page.locator('#kwic-table td.where button').first();
  assert.equal(await where.locator('.doc-title').textContent(), docs[await where.getAttribute('data-doc')]);
  await app.page.screenshot({ path: `${shared.shots}/kwic-360.png`, fullPage: false });
  await app.page.locator('#panel-contexts').screenshot({ path: `${shared.shots}/kwic-360-panel.png` });
  // Pages of 50 lines.
  await app.page.click('#kwic-next');
  await app.page.waitForFunction(() => document.querySelector('#kwic-page').textContent.startsWith('51–100'));
  const node = await app.page.textContent('#kwic-table tbody tr td.node');
  assert.equal(node, lines[50].node);
  // Opening a line moves the focus to its paragraph in the reader.
  const line = app.page.locator('#kwic-table td.where button').nth(2);
  const para = await line.getAttribute('data-para');
  await line.click();
  await app.page.waitForFunction((p) => document.activeElement?.id === `reader-p${p}`, para);
  assert.deepEqual(app.consoleErrors, []);
  await app.page.context().close();
});

test('collocates: window, minimum and sort are controls in the URL, with every measure the CLI gives', async () => {
  const app = await openApp(`?term=${enc('合作')}`);
  await app.page.waitForSelector('#collocates-table tbody tr');
  await app.page.selectOption('#coll-sort', 'logdice');
  await app.page.fill('#coll-left', '3');
  await app.page.press('#coll-left', 'Enter');
  await app.page.fill('#coll-min', '4');
  await app.page.press('#coll-min', 'Enter');
  await app.page.waitForFunction(() => { const q = new URL(location.href).searchParams; return q.get('csort') === 'logdice' && q.get('cleft') === '3' && q.get('cmin') === '4'; });
  const expected = cli(['collocates', '合作', '--left', '3', '--right', '5', '--min', '4', '--sort', 'logdice', '--top', '20']).rows;
  await app.page.waitForFunction((first) => document.querySelector('#collocates-table tbody button.term')?.textContent === first, expected[0].term);
  const rows = await app.page.$$eval('#collocates-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent.trim())));
  assert.deepEqual(rows.map((r) => r[0]), expected.map((r) => r.term));
  assert.deepEqual(rows[0].slice(1), [String(expected[0].observed), expected[0].expected.toFixed(2), expected[0].mi.toFixed(2), expected[0].mi3.toFixed(2),
    expected[0].t_score.toFixed(2), expected[0].z_score.toFixed(2), expected[0].log_likelihood.toFixed(1), expected[0].log_dice.toFixed(2)]);
  await app.page.context().close();
});

test('summary: TTR, STTR and MATTR as the CLI; keyness: the Bonferroni cut-off, rows passing it, the reference', async () => {
  const app = await openApp('?party=RU');
  const profile = cli(['summary', '--party', 'RU']);
  const stats = await app.page.$$eval('#panel-summary .stat', (ss) => Object.fromEntries(ss.map((s) => [s.querySelector('dt').textContent, s.querySelector('dd').textContent])));
  assert.equal(stats.TTR, profile.ttr.toFixed(3));
  assert.equal(stats['STTR (per 1,000 words)'], profile.sttr.toFixed(3));
  assert.equal(stats['MATTR (500-word window)'], profile.mattr.toFixed(3));
  const key = cli(['keyness', '--party', 'RU']);
  assert.ok((await app.page.textContent('#keyness-cutoff')).includes(key.bonferroni_g2.toFixed(2)));
  const passing = await app.page.$$eval('#keyness-table tbody tr.bonferroni button.term', (bs) => bs.map((b) => b.textContent));
  assert.ok(passing.length > 0 && passing.every((t) => key.rows.find((r) => r.term === t)?.bonferroni), passing.join(' '));
  const note = () => app.page.$eval('#panel-keyness p.muted', (p) => p.textContent);
  assert.match(await note(), /^Against the rest of the corpus/);
  const table = await app.page.$('#keyness-table');
  await app.page.selectOption('#keyness-ref', 'whole');
  await app.page.waitForFunction(() => new URL(location.href).searchParams.get('kref') === 'whole');
  const whole = cli(['keyness', '--party', 'RU', '--reference', 'whole']);
  await app.page.waitForFunction((g) => document.querySelector('#keyness-cutoff').textContent.includes(g), whole.bonferroni_g2.toFixed(2));
  // The note follows the reference; the table is updated, not rebuilt.
  assert.match(await note(), /^Against the whole corpus/);
  assert.ok(await table.evaluate((t) => t.isConnected), 'the keyness table was replaced');
  await app.page.context().close();
});

test('trends per year and per date are in the URL; search mode says its counts include sub-words', async () => {
  const app = await openApp(`?term=${enc('合作')}`);
  await app.page.selectOption('#trend-by', 'year');
  await app.page.waitForFunction(() => new URL(location.href).searchParams.get('tby') === 'year');
  const years = cli(['trends', '合作', '--by', 'year']);
  await app.page.waitForFunction((n) => document.querySelectorAll('#trends-table tbody tr').length === n, years.length);
  const rows = await app.page.$$eval('#trends-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent.trim())));
  assert.deepEqual(rows.map((r) => [r[1], Number(r[3])]), years.map((p) => [p.date, p.count]));
  await app.page.selectOption('#trend-by', 'date');
  await app.page.waitForFunction((n) => document.querySelectorAll('#trends-table tbody tr').length === n, cli(['trends', '合作', '--by', 'date']).length);
  assert.equal(await app.page.$('.notice.search-mode'), null);
  await app.page.context().close();
  const search = await openApp('?mode=search');
  await search.page.waitForSelector('#panel-summary .notice.search-mode');
  assert.ok(await search.page.isVisible('#panel-terms .notice.search-mode'));
  // The worker segments the corpus in search mode, which gives a word after
  // its parts (these reach the page as a token stream): 合作 is counted as
  // often as the CLI's search-mode segmentation of the same text gives it.
  const run = (args, input) => cliText(args, { input });
  const searchTokens = run(['segment', '--mode', 'search'], run(['text'])).split(/\s+/);
  const expected = searchTokens.filter((w) => w === '合作').length;
  assert.ok(expected > 461, `search mode counts 合作 inside longer words too (${expected})`);
  await search.page.waitForFunction((n) => [...document.querySelectorAll('#term-table tbody tr')]
    .some((tr) => tr.children[1]?.textContent.trim() === '合作' && Number(tr.children[2].textContent) === n), expected, { timeout: 60000 });
  assert.equal(await search.page.$('.notice[role="alert"]'), null, 'no segmentation error is shown');
  await search.page.context().close();
});

test('the term CSV holds the whole table in the order it is sorted', async () => {
  const app = await openApp(`?tsort=tfidf`);
  const expected = cli(['terms', '--sort', 'tfidf']).rows;
  const { text } = await app.download('#panel-terms button[data-export="csv"]');
  const rows = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
  assert.equal(rows.length, expected.length);
  assert.deepEqual(rows.slice(0, 10).map((r) => r[0]), expected.slice(0, 10).map((r) => r.term));
  await app.page.context().close();
});

test('concordance: pinyin order and context width are controls in the URL, as the CLI gives them', async () => {
  const app = await openApp(`?term=${enc('合作')}&party=KG&ksort=l1`);
  await app.page.waitForSelector('#kwic-table tbody tr');
  await app.page.selectOption('#kwic-order', 'pinyin');
  await app.page.selectOption('#kwic-width', '10');
  await app.page.waitForFunction(() => new URL(location.href).search.includes('kord=pinyin') && new URL(location.href).search.includes('kchars=10'));
  const lines = cli(['kwic', '合作', '--party', 'KG', '--sort', 'l1', '--order', 'pinyin', '--chars', '10']);
  await app.drawAllLines();
  const shown = await app.page.$$eval('#kwic-table tbody tr', (trs) => trs.map((tr) => [tr.querySelector('td.left').textContent, tr.querySelector('td.right').textContent]));
  assert.equal(shown.length, Math.min(50, lines.length));
  // The first lines as the CLI: 安全 (ān), 保护 (bǎo), 边境 (biān), 便利化 (biàn), 部门 (bù).
  assert.deepEqual(lines.slice(0, 5).map((l) => l.left_tokens[0]), ['安全', '保护', '边境', '便利化', '部门']);
  assert.deepEqual(shown.slice(0, 5), lines.slice(0, 5).map((l) => [l.left, l.right]));
  // The page's L1 words are in the browser's pinyin order throughout (it
  // and the CLI's pinyin crate may place a many-reading character such as
  // 的 differently), and the same lines as the CLI's, with 10 characters.
  const l1 = await app.page.$$eval('#kwic-table tbody tr', (trs) => trs.map((tr) => tr.querySelector('td.left').textContent));
  const all = cli(['kwic', '合作', '--party', 'KG', '--sort', 'l1', '--chars', '10']);
  const byText = new Map(all.map((l) => [l.left + '|' + l.right, l.left_tokens[0] ?? '']));
  const words = shown.map(([left, right]) => byText.get(left + '|' + right));
  assert.ok(words.every((w) => w !== undefined));
  const collator = new Intl.Collator('zh-u-co-pinyin');
  for (let i = 1; i < words.length; i++) assert.ok(collator.compare(words[i - 1], words[i]) <= 0, `${words[i - 1]} before ${words[i]}`);
  assert.equal(l1.length, shown.length);
  assert.ok(shown.every(([left]) => [...left].length <= 10));
  assert.ok(shown.some(([left]) => [...left].length === 10));
  await app.page.context().close();
});

test('clusters of the selected term are the CLI\'s; a click selects one and the table stays', async () => {
  const app = await openApp(`?term=${enc('合作')}&clsize=3&clside=left`);
  await app.page.waitForSelector('#clusters-table tbody tr');
  const expected = cli(['clusters', '合作', '--size', '3', '--side', 'left']);
  assert.equal(await app.page.getAttribute('#clusters-table', 'data-rows'), String(expected.length));
  const rows = await app.page.$$eval('#clusters-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  assert.deepEqual(rows, expected.slice(0, 20).map((r) => [r.cluster.replaceAll(' ', '·'), String(r.count), String(r.docs)]));
  // Every cluster starts with the node.
  assert.ok(expected.every((r) => r.cluster.startsWith('合作 ')));
  // A click selects the cluster as a phrase: its concordance has its count; the table keeps 合作's clusters.
  const first = expected[0];
  await app.page.click(`#clusters-table button[data-term="${first.cluster}"]`);
  await app.page.waitForFunction((n) => document.querySelector('#kwic-table')?.dataset.lines === String(n), first.count);
  assert.equal(new URL(app.page.url()).searchParams.get('term'), first.cluster);
  assert.match(await app.page.textContent('#clusters-title'), /合作$/);
  assert.equal(await app.page.getAttribute('#clusters-table', 'data-rows'), String(expected.length));
  // Size and side are controls in the URL.
  await app.page.selectOption('#cluster-side', 'right');
  await app.page.waitForFunction(() => new URL(location.href).searchParams.get('clside') === 'right');
  await app.page.selectOption('#cluster-size', '2');
  await app.page.waitForFunction(() => new URL(location.href).searchParams.get('clsize') === '2');
  const right = cli(['clusters', '合作', '--size', '2', '--side', 'right']);
  await app.page.waitForFunction((n) => document.querySelector('#clusters-table')?.dataset.rows === String(n), right.length);
  const { text } = await app.download('button[data-export="clusters-csv"]');
  assert.equal(text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).length, right.length + 1);
  await app.page.screenshot({ path: `${shared.shots}/clusters.png`, fullPage: false });
  await app.page.context().close();
});
