// The user's own texts (issue 12) in Debian's Chromium, on the release
// build in dist/: files in GB18030, Big5 (Traditional), UTF-16, .docx and
// HTML and a pasted text become documents with the right characters; the
// corpus of your texts gives the CLI's term table (cijing --add); a
// Traditional term stays whole; reload keeps them (IndexedDB); delete
// removes them; a bad file is named and nothing is lost; the texts file
// exported and imported in a fresh browser gives the same term table. PDFs
// (tests/fixtures/make_pdfs.py): read by pdf.js, which is loaded only when
// a PDF is added; hard-wrapped lines joined across the page break; a
// predefined Chinese CMap fetched on demand; broken, scanned, locked and
// fake PDFs named, and nothing already added lost; the same behind nginx
// at a sub-path under the strict CSP; the one-file page says a PDF needs
// the served app.
// With the alias setting, a Traditional text's 上海合作組織 counts as
// 上海合作组织 in the shipped texts' corpus with yours, as the CLI's --aliases.
// A long text: progress, Cancel, and the reader a page at a time. Texts
// kept by earlier versions are read back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { cli, cliText, drawAllLines, openApp, showPanel, useBrowser } from './helpers.mjs';

const FIXTURES = ['gb18030.txt', 'big5.txt', 'utf16le.txt', 'page.html', 'statement.docx'].map((f) => `tests/fixtures/${f}`);
const shared = useBrowser();

const segmented = (page) => page.waitForFunction(() => !document.querySelector('.notice.working'));
/** Waits for the texts panel to list `n` texts (scrolled to: a long page puts it out of view). */
const textCount = async (page, n) => {
  await showPanel(page, 'texts');
  return page.waitForFunction((n) => document.querySelector('#texts-count')?.dataset.texts === String(n), n);
};
/** The term table as [term, count] pairs. */
const termTable = (page) => page.$$eval('#term-table tbody tr', (trs) => trs.map((tr) => [tr.children[1].textContent.trim(), tr.children[2].textContent.trim()]));

test('files in five formats and encodings and a pasted text become documents; the corpus of your texts is the CLI\'s', async () => {
  const app = await openApp(shared.browser, shared.server.url);
  const page = app.page;
  await page.setInputFiles('#text-files', FIXTURES);
  await textCount(page, 5);
  // Added texts join the corpus: both the shipped texts and yours.
  await page.waitForFunction(() => new URL(location.href).searchParams.get('corpus') === 'both');
  const rows = await page.$$eval('#texts-table tbody tr', (trs) => trs.map((tr) => ({
    title: tr.querySelector('.text-title').value, date: tr.querySelector('.text-date').value,
    parties: tr.querySelector('.text-parties').value, read: tr.children[3].textContent,
  })));
  const docs = cli(['docs', '--corpus', 'mine', '--add', ...FIXTURES]);
  assert.deepEqual(rows.map((r) => r.title).sort(), docs.map((d) => d.title).sort());
  const big5 = rows.find((r) => r.title === '上海合作組織成員國加強經濟合作');
  assert.equal(big5.date, '2024-07-04');
  assert.equal(big5.parties, 'CN,RU,KZ,SCO');
  assert.match(big5.read, /Big5 · traditional/);
  assert.match(rows.find((r) => r.title === '中哈能源合作取得新进展').read, /GBK|GB18030/);
  assert.match(rows.find((r) => r.title === '中吉合作').read, /UTF-16LE/);
  assert.match(rows.find((r) => r.title === '中乌联合声明').read, /docx/);

  // Only your texts: the CLI's term table for the same files.
  await page.selectOption('#corpus-source', 'mine');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('corpus') === 'mine');
  await segmented(page);
  const expected = cli(['terms', '--corpus', 'mine', '--top', '20', '--add', ...FIXTURES]).rows.map((r) => [r.term, String(r.count)]);
  await page.waitForFunction((first) => document.querySelector('#term-table tbody tr')?.children[1].textContent.trim() === first, expected[0][0]);
  assert.deepEqual(await termTable(page), expected);
  // A Traditional term stays whole, as the Simplified one does.
  const trad = cli(['kwic', '上海合作組織', '--corpus', 'mine', '--add', ...FIXTURES]);
  assert.ok(trad.length >= 1);
  await page.fill('#search-input', '上海合作組織');
  await page.click('#search-go');
  await page.waitForFunction((n) => document.querySelector('#kwic-table')?.dataset.lines === String(n), trad.length);
  assert.deepEqual([...new Set(await page.$$eval('#kwic-table td.node', (tds) => tds.map((td) => td.textContent)))], ['上海合作組織']);

  // A pasted text is a document too.
  await page.fill('#paste-text', '2024年9月1日\n中国和乌兹别克斯坦同意深化数字经济合作。\n双方将推动绿色发展。');
  await page.click('#paste-add');
  await textCount(page, 6);
  const pasted = await page.$$eval('#texts-table tbody tr', (trs) => trs.map((tr) => [tr.querySelector('.text-date').value, tr.querySelector('.text-parties').value]).at(-1));
  assert.deepEqual(pasted, ['2024-09-01', 'CN,UZ']);
  await page.$eval('#panel-texts', (el) => el.scrollIntoView());
  await page.screenshot({ path: `${shared.shots}/texts-panel.png` });

  // Reload: the texts are kept in the browser.
  await page.reload();
  await page.waitForSelector('#term-chart svg');
  await textCount(page, 6);
  // Delete one: gone from the table, the corpus and, after a reload, the store.
  await page.click('#texts-table tr:has(input[value="中吉合作"]) .text-delete');
  await textCount(page, 5);
  await page.reload();
  await page.waitForSelector('#term-chart svg');
  await textCount(page, 5);
  assert.deepEqual(app.consoleErrors, []);

  // Bad files: each is named, and nothing already added is lost.
  await page.setInputFiles('#text-files', [
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'picture.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) },
    { name: 'fake.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('这不是一个 docx 文件') },
  ]);
  await page.waitForFunction(() => document.querySelectorAll('#texts-problems li').length >= 3);
  const problems = await page.$$eval('#texts-problems li', (lis) => lis.map((li) => li.textContent));
  for (const name of ['empty.txt', 'picture.txt', 'fake.docx']) assert.ok(problems.some((p) => p.startsWith(name)), `${name} in ${problems}`);
  await textCount(page, 5);

  // Export, then import in a fresh browser: the same term table.
  await segmented(page);
  const before = await termTable(page);
  const { text } = await app.download('#texts-export');
  writeFileSync('/tmp/cijing-texts.json', text);
  await page.context().close();
  const fresh = await openApp(shared.browser, `${shared.server.url}?corpus=mine`);
  await fresh.page.waitForSelector('#texts-missing');
  await fresh.page.setInputFiles('#texts-import', '/tmp/cijing-texts.json');
  await textCount(fresh.page, 5);
  await segmented(fresh.page);
  await fresh.page.waitForFunction((first) => document.querySelector('#term-table tbody tr')?.children[1].textContent.trim() === first, before[0][0]);
  assert.deepEqual(await termTable(fresh.page), before);
  assert.equal(await fresh.page.$('#texts-missing'), null);
  await fresh.page.context().close();
});

test('a long text shows its progress; Cancel goes back to the corpus shown before and keeps the text; choosing it again builds it; the reader shows it a page at a time', async () => {
  const app = await openApp(shared.browser, shared.server.url);
  const page = app.page;
  const shipped = await app.selectionCount();
  // About 4 MB: the shipped corpus's text, repeated (made in the page).
  const body = cliText(['text']);
  await page.evaluate((text) => {
    const files = new DataTransfer();
    files.items.add(new File([text.repeat(60)], 'long.txt', { type: 'text/plain' }));
    const input = document.querySelector('#text-files');
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, body);
  await textCount(page, 1);
  assert.equal((await page.textContent('#texts-count')).trim(), '1 text of your own');
  // The worker segments it and says how far it has got, with a Cancel button.
  await page.waitForFunction(() => /\d+%/.test(document.querySelector('#build-status')?.textContent ?? ''));
  const status = await page.textContent('#build-status .progress-text');
  assert.match(status, /^(Segmenting your texts: \d+% \([\d.]+ \/ [\d.]+ MB\)|Building the corpus \(paragraphs\): \d+% \(\d+ \/ \d+\))$/);
  await page.click('#build-cancel');
  await page.waitForFunction(() => /Cancelled/.test(document.querySelector('#build-status')?.textContent ?? ''));
  // Back to the shipped texts, as on screen (the URL follows after the frame); the text is still there.
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('corpus'));
  assert.equal(await app.selectionCount(), shipped);
  await textCount(page, 1);
  // Choosing both again builds the corpus: one more document.
  await page.selectOption('#corpus-source', 'both');
  await segmented(page);
  await page.waitForFunction(() => /\b18 of 18\b/.test(document.querySelector('.selection-count')?.textContent ?? ''));
  // The reader shows the long text 200 paragraphs a page (34,020 in all:
  // the shipped corpus's 567, 60 times), from the page of the term's first hit.
  const paragraphs = body.split('\n').filter(Boolean).length * 60;
  await page.click('#term-table button.term');
  // Its id: u-long and four random letters or digits.
  const longId = await page.$eval('#reader-doc option[value^="u-long-"]', (o) => o.value);
  await page.selectOption('#reader-doc', longId);
  await page.waitForSelector('#panel-reader .minimap .tick');
  // The minimap covers the whole text: at most 64 ticks, shared by nearby
  // paragraphs.
  const ticks = await page.$$eval('#panel-reader .minimap .tick', (ts) => ts.map((t) => Number(t.dataset.para)));
  assert.ok(ticks.length > 32 && ticks.length <= 64, `${ticks.length} ticks`);
  const pageOf = (n) => { const from = Math.floor((n - 1) / 200) * 200 + 1; return `Paragraphs ${from}–${Math.min(from + 199, paragraphs)} / ${paragraphs}`; };
  await page.waitForFunction((text) => document.querySelector('#reader-page')?.textContent === text, pageOf(ticks[0]));
  assert.ok(await page.$(`#reader-p${ticks[0]} mark`));
  assert.equal(await page.$$eval('#reader-text > p', (ps) => ps.length), 200);
  const first = Math.floor((ticks[0] - 1) / 200) * 200 + 1;
  await page.click('#reader-next');
  await page.waitForFunction((text) => document.querySelector('#reader-page')?.textContent === text, pageOf(first + 200));
  assert.deepEqual(await page.$$eval('#reader-text > p', (ps) => [ps.length, ps[0].id, ps[199].id]), [200, `reader-p${first + 200}`, `reader-p${first + 399}`]);
  // A tick far down opens its page with its paragraph focused.
  const far = ticks.find((n) => n > 30000);
  await page.click(`#panel-reader .minimap .tick[data-para="${far}"]`);
  await page.waitForSelector(`#reader-p${far}.focused`);
  assert.equal(await page.textContent('#reader-page'), pageOf(far));
  assert.deepEqual(app.consoleErrors, []);
  await page.context().close();
});
/** Requests for the PDF reader: cijing-pdf.js and anything under pdfjs/. */
const pdfReader = (urls) => urls.filter((u) => /\/cijing-pdf\.js$|\/pdfjs\//.test(new URL(u).pathname));
/** The texts as exported (title, date, meta, paragraphs), by file name. */
/** The exported texts by file name, each text's paragraphs as a list (the
 * file holds them as one string of lines, or a list when one holds a
 * line break). */
async function exported(app) {
  const { text } = await app.download('#texts-export');
  const lines = (p) => (typeof p === 'string' ? p.split('\n') : p);
  return Object.fromEntries(JSON.parse(text).texts.map((t) => [t.name, { ...t, paragraphs: lines(t.paragraphs) }]));
}

test('a PDF is read by pdf.js, loaded only when a PDF is added; broken, scanned and locked PDFs are named and nothing is lost', async () => {
  const app = await openApp(shared.browser, shared.server.url);
  const page = app.page;
  // A plain load, panels and all, fetches nothing of the PDF reader.
  await page.waitForSelector('#text-files');
  await page.waitForTimeout(500);
  assert.deepEqual(pdfReader(app.requests), []);

  // Every progress note shown while it reads.
  await page.evaluate(() => {
    window.pdfNotes = [];
    new MutationObserver(() => {
      for (const li of document.querySelectorAll('#texts-pdf-progress li')) {
        if (window.pdfNotes.at(-1) !== li.textContent) window.pdfNotes.push(li.textContent);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.setInputFiles('#text-files', 'tests/fixtures/report.pdf');
  await textCount(page, 1);
  const loaded = pdfReader(app.requests).map((u) => new URL(u).pathname);
  assert.deepEqual([...new Set(loaded)].sort(), ['/cijing-pdf.js', '/pdfjs/pdf.min.js', '/pdfjs/pdf.worker.min.js']);
  const notes = await page.evaluate(() => window.pdfNotes);
  assert.ok(notes.includes('Reading report.pdf: page 2 of 2'), JSON.stringify(notes));
  assert.equal(await page.$$eval('#texts-pdf-progress li', (lis) => lis.length), 0);
  const row = await page.$eval('#texts-table tbody tr', (tr) => ({
    title: tr.querySelector('.text-title').value, date: tr.querySelector('.text-date').value,
    parties: tr.querySelector('.text-parties').value, read: tr.children[3].textContent,
    paragraphs: tr.children[4].textContent,
  }));
  assert.deepEqual(row, { title: '中吉经贸合作报告', date: '2024-07-04', parties: 'CN,KG', read: 'pdf · Unicode · simplified', paragraphs: '3' });
  // The hard-wrapped lines joined (across the page break too), the page
  // numbers gone, the title and the date line kept out of the body.
  const report = (await exported(app))['report.pdf'];
  assert.deepEqual(report.paragraphs, [
    '中华人民共和国和吉尔吉斯共和国双方同意进一步深化经贸合作，扩大双边贸易规模，推动共建“一带一路”高质量发展并取得成效。',
    '双方将加强能源、交通和农业领域的务实合作，共同维护地区和平与稳定，推动两国关系持续健康发展，造福两国人民。',
    '两国元首同意加强人文交流，扩大留学生和旅游往来。',
  ]);

  // A font with the predefined CMap UniGB-UCS2-H: its CMaps, and only they, are fetched now.
  await page.setInputFiles('#text-files', 'tests/fixtures/ucs2.pdf');
  await textCount(page, 2);
  const cmaps = pdfReader(app.requests).map((u) => new URL(u).pathname).filter((p) => p.includes('/cmaps/'));
  assert.deepEqual([...new Set(cmaps)].sort(), ['/pdfjs/cmaps/Adobe-GB1-UCS2.bcmap', '/pdfjs/cmaps/UniGB-UCS2-H.bcmap']);
  const ucs2 = (await exported(app))['ucs2.pdf'];
  assert.deepEqual([ucs2.title, ucs2.date, ucs2.paragraphs], ['上合组织峰会', '2024-07-04', ['上海合作组织成员国元首理事会会议在阿斯塔纳举行，各方同意加强安全与经济合作。']]);

  // Bad PDFs: each named with what is wrong; the two texts stay.
  await page.setInputFiles('#text-files', [
    { name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n\u0000\u00ff garbage, not a PDF body at all\n%%EOF\n', 'latin1') },
    ...['scanned.pdf', 'locked.pdf'].map((name) => ({ name, mimeType: 'application/pdf', buffer: readFileSync(`tests/fixtures/${name}`) })),
    { name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是 PDF') },
  ]);
  await page.waitForFunction(() => document.querySelectorAll('#texts-problems li').length >= 4);
  const problems = await page.$$eval('#texts-problems li', (lis) => lis.map((li) => li.textContent));
  const problem = (name) => problems.find((p) => p.startsWith(`${name}: `));
  assert.equal(problem('broken.pdf'), 'broken.pdf: not a readable PDF (its structure is broken)');
  assert.equal(problem('scanned.pdf'), 'scanned.pdf: this PDF has no text layer (scanned?); run OCR first');
  assert.equal(problem('locked.pdf'), 'locked.pdf: the PDF is protected by a password; save a copy without the password and add that');
  assert.equal(problem('fake.pdf'), 'fake.pdf: not a PDF (it does not start with %PDF-)');
  await textCount(page, 2);
  assert.deepEqual(app.consoleErrors, []);

  await page.$eval('#panel-texts', (el) => el.scrollIntoView());
  await page.screenshot({ path: `${shared.shots}/texts-pdf.png` });
  await page.context().close();
});

test('behind nginx at a sub-path under the strict CSP, PDFs are read (CMaps too); the one-file page says a PDF needs the served app', async () => {
  const { startNginx } = await import('./nginx.mjs');
  const nginx = await startNginx('dist');
  try {
    const app = await openApp(shared.browser, nginx.url);
    await app.page.setInputFiles('#text-files', ['tests/fixtures/report.pdf', 'tests/fixtures/ucs2.pdf']);
    await textCount(app.page, 2);
    assert.ok(pdfReader(app.requests).every((u) => new URL(u).pathname.startsWith('/tools/cijing/')));
    assert.deepEqual(app.consoleErrors, []);
    await app.page.context().close();
  } finally {
    await nginx.stop();
  }
  const context = await shared.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`file://${process.cwd()}/dist/cijing.html`);
  await showPanel(page, 'texts');
  await page.setInputFiles('#text-files', 'tests/fixtures/report.pdf');
  await page.waitForSelector('#texts-problems li');
  assert.equal(await page.textContent('#texts-problems li'),
    'report.pdf: a PDF needs the served page (dist/ on a web server, as index.html); this one-file page cannot load the PDF reader');
  await context.close();
});
test('the alias setting counts a Traditional text\'s 上海合作組織 as 上海合作组织, as cijing --aliases does', async () => {
  const big5 = 'tests/fixtures/big5.txt';
  const app = await openApp(shared.browser, `${shared.server.url}?top=50`);
  const page = app.page;
  await page.setInputFiles('#text-files', [big5]);
  await textCount(page, 1);
  // A mixed corpus: the shipped (Simplified) texts and the Big5 one.
  await page.waitForFunction(() => new URL(location.href).searchParams.get('corpus') === 'both');
  await segmented(page);
  const count = (rows, term) => rows.find((r) => r.term === term)?.count ?? 0;
  const off = cli(['terms', '--corpus', 'both', '--top', '5000', '--add', big5]).rows;
  const on = cli(['terms', '--corpus', 'both', '--top', '5000', '--aliases', '--add', big5]).rows;
  // By hand: merged, 上海合作组织 is itself, its aliases 上合组织 and 上合, and the Big5 text's one 上海合作組織.
  assert.equal(count(off, '上海合作組織'), 1);
  const merged = count(off, '上海合作组织') + count(off, '上合组织') + count(off, '上合') + 1;
  assert.equal(count(on, '上海合作组织'), merged);
  const pageCount = (term) => page.$$eval('#term-table tbody tr', (trs, term) => trs.map((tr) => [tr.children[1].textContent.trim(), tr.children[2].textContent.trim()]).find(([t]) => t === term)?.[1] ?? null, term);
  const kwicLines = async (query, n) => {
    await page.fill('#search-input', query);
    await page.click('#search-go');
    await page.waitForFunction((n) => document.querySelector('#kwic-table')?.dataset.lines === String(n), n);
    // Every page of the concordance (50 lines a page).
    const nodes = new Set();
    for (;;) {
      await drawAllLines(page);
      for (const node of await page.$$eval('#kwic-table td.node', (tds) => tds.map((td) => td.textContent))) nodes.add(node);
      const next = await page.$('#kwic-next:not([disabled])');
      if (!next) break;
      const shown = await page.textContent('#kwic-page');
      await next.click();
      await page.waitForFunction((shown) => document.querySelector('#kwic-page').textContent !== shown, shown);
    }
    return [...nodes].sort();
  };

  // Off: the two spellings are two terms.
  await page.waitForFunction(() => document.querySelectorAll('#term-table tbody tr').length >= 30);
  assert.equal(await pageCount('上海合作组织'), String(count(off, '上海合作组织')));
  assert.deepEqual(await kwicLines('上海合作組織', 1), ['上海合作組織']);
  assert.deepEqual(await kwicLines('上海合作组织', count(off, '上海合作组织')), ['上海合作组织']);

  // On: one term, the CLI's number, and the concordance holds the Traditional line.
  await page.check('#aliases');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('alias') === 'on');
  await page.waitForFunction((n) => [...document.querySelectorAll('#term-table tbody tr')].some((tr) => tr.children[1].textContent.trim() === '上海合作组织' && tr.children[2].textContent.trim() === n), String(merged));
  assert.equal(await pageCount('上海合作組織'), null);
  assert.deepEqual(await kwicLines('上海合作组织', merged), ['上合', '上合组织', '上海合作組織', '上海合作组织']);
  const expectedKwic = cli(['kwic', '上海合作组织', '--corpus', 'both', '--aliases', '--add', big5]);
  assert.equal(expectedKwic.length, merged);
  assert.equal(await page.getAttribute('label:has(#aliases)', 'title'), 'Count aliases (上合组织) and Traditional spellings (上海合作組織) as one term (上海合作组织)');
  await page.$eval('.settings-bar', (el) => el.scrollIntoView());
  await page.screenshot({ path: `${shared.shots}/texts-aliases-traditional.png` });
  assert.deepEqual(app.consoleErrors, []);
  await page.context().close();
});

test('a text whose title tips it to Traditional is segmented through the fold, as the import judged it', async () => {
  // Each sentence has 27 Han characters both scripts share, or 25 and 經濟
  // (two Traditional-only ones). 26 sentences, three with 經濟: 6 of 702,
  // under 1 %, so the body alone reads as Simplified. The title 經濟合作
  // makes it 8 of 706, 1 % or more: the import (as the CLI) judges the text
  // Traditional. Folded, 經濟 is jieba's 经济, one word; with HMM off and
  // not folded it would be 經 and 濟, characters jieba does not know.
  const plain = '中方和各方共同努力，加深友好合作，支持和平安全，深化文化交流。';
  const trad = plain.replace('友好', '經濟');
  const body = Array.from({ length: 26 }, (_, i) => (i % 9 === 0 ? trad : plain)).join('');
  const file = '/tmp/cijing-title-script.txt';
  writeFileSync(file, `經濟合作\n\n${body}\n`);
  const app = await openApp(shared.browser, `${shared.server.url}?corpus=mine&hmm=off&top=50`);
  const page = app.page;
  await page.setInputFiles('#text-files', [file]);
  await textCount(page, 1);
  assert.match(await page.$eval('#texts-table tbody tr', (tr) => tr.children[3].textContent), /traditional/);
  await segmented(page);
  await page.waitForFunction(() => [...document.querySelectorAll('#term-table tbody tr')].some((tr) => tr.children[1].textContent.trim() === '加深'));
  const table = await termTable(page);
  assert.deepEqual(table.find(([t]) => t === '經濟'), ['經濟', '3']);
  assert.equal(table.find(([t]) => t === '濟' || t === '經'), undefined);
  assert.deepEqual(table.find(([t]) => t === '加深'), ['加深', '26']);
  assert.deepEqual(app.consoleErrors, []);
  await page.context().close();
});

test('notes on added files: each once, and a new add clears the last add\'s', async () => {
  const app = await openApp(shared.browser, shared.server.url);
  const page = app.page;
  await showPanel(page, 'texts');
  const notes = () => page.$$eval('#texts-problems li', (lis) => lis.map((li) => li.textContent));
  const empty = { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) };
  // The same bad file twice in one add, then again in a second add: one note.
  await page.setInputFiles('#text-files', [empty, empty]);
  await page.waitForSelector('#texts-problems li');
  await page.waitForTimeout(500);
  assert.deepEqual(await notes(), ['empty.txt: the file is empty']);
  await page.setInputFiles('#text-files', [empty]);
  await page.waitForTimeout(500);
  assert.deepEqual(await notes(), ['empty.txt: the file is empty']);
  // A good file in a new add: the last add's note goes.
  await page.setInputFiles('#text-files', [{ name: 'good.txt', mimeType: 'text/plain', buffer: Buffer.from('中国和哈萨克斯坦加强能源合作。') }]);
  await textCount(page, 1);
  assert.deepEqual(await notes(), []);
  assert.deepEqual(app.consoleErrors, []);
  await page.context().close();
});

test('a UTF-8 file cut short inside its last character is read as UTF-8, with a note', async () => {
  const app = await openApp(shared.browser, shared.server.url);
  const page = app.page;
  await page.setInputFiles('#text-files', ['tests/fixtures/cut-utf8.txt']);
  await textCount(page, 1);
  const row = await page.$eval('#texts-table tbody tr', (tr) => ({ title: tr.querySelector('.text-title').value, read: tr.children[3].textContent }));
  assert.equal(row.title, '中哈能源合作');
  assert.match(row.read, /UTF-8 · simplified/);
  assert.deepEqual(await page.$$eval('#texts-problems li', (lis) => lis.map((li) => li.textContent)),
    ['cut-utf8.txt: the file ends inside a character (cut short?); the last 2 bytes were dropped']);
  assert.deepEqual(app.consoleErrors, []);
  await page.context().close();
});

test('texts kept by earlier versions (paragraphs in the record, or their bytes beside it) are read back, edited and kept', async () => {
  const app = await openApp(shared.browser, shared.server.url);
  const page = app.page;
  await page.evaluate(async () => {
    // ParagraphList::to_bytes: each paragraph's UTF-8 length (LEB128), then its UTF-8.
    const utf8 = new TextEncoder();
    const bytes = (paragraphs) => {
      const out = [];
      for (const p of paragraphs) {
        const b = utf8.encode(p);
        let n = b.length;
        while (n >= 0x80) { out.push((n & 0x7f) | 0x80); n >>>= 7; }
        out.push(n, ...b);
      }
      return new Uint8Array(out);
    };
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open('cijing', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('texts', { keyPath: 'id' });
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const fields = { encoding: 'UTF-8', format: 'txt', script: 'simplified', date: '2024-01-02', parties: ['CN'] };
    const tx = db.transaction('texts', 'readwrite');
    tx.objectStore('texts').put({ ...fields, id: 'u-oldest', name: 'oldest.txt', title: '旧文本一', paragraphs: ['第一段合作。', '第二段发展。'] });
    tx.objectStore('texts').put({ ...fields, id: 'u-bytes', name: 'bytes.txt', title: '旧文本二', paragraphs: [], chars: 14, body: bytes(['能源合作。', '第二段：共同发展。', '三']) });
    await new Promise((ok) => { tx.oncomplete = ok; });
    db.close();
  });
  await page.reload();
  await textCount(page, 2);
  const rows = () => page.$$eval('#texts-table tbody tr', (trs) => trs.map((tr) => [tr.dataset.id, tr.querySelector('.text-title').value, tr.children[4].textContent, tr.children[5].textContent]).sort());
  // Paragraphs and characters (12 counted for the oldest, which has no count).
  assert.deepEqual(await rows(), [['u-bytes', '旧文本二', '3', '14'], ['u-oldest', '旧文本一', '2', '12']]);
  // Edited, kept (now as a blob) and read back after a reload.
  await page.fill('#texts-table tr[data-id="u-oldest"] .text-title', '改过的标题');
  await page.press('#texts-table tr[data-id="u-oldest"] .text-title', 'Enter');
  await page.selectOption('#corpus-source', 'mine');
  await page.waitForFunction(() => /\b2 of 2\b/.test(document.querySelector('.selection-count')?.textContent ?? ''));
  await page.waitForTimeout(300);
  await page.reload();
  await textCount(page, 2);
  assert.deepEqual(await rows(), [['u-bytes', '旧文本二', '3', '14'], ['u-oldest', '改过的标题', '2', '12']]);
  await page.waitForFunction(() => /\b2 of 2\b/.test(document.querySelector('.selection-count')?.textContent ?? ''));
  assert.deepEqual(app.consoleErrors, []);
  await page.context().close();
});

test('CSV exports are safe for spreadsheets: a cell that would run as a formula gets an apostrophe, numbers stay numbers', async () => {
  const app = await openApp(shared.browser, `${shared.server.url}?panels=texts,contexts`);
  const page = app.page;
  await showPanel(page, 'texts');
  await page.fill('#paste-text', '=1+2双方深化合作。\n@SUM(A1)推动合作。');
  await page.click('#paste-add');
  await textCount(page, 1);
  await segmented(page);
  await page.fill('#search-input', '合作');
  await page.click('#search-go');
  await showPanel(page, 'contexts');
  await page.waitForSelector('#kwic-table tbody tr');
  const { text } = await app.download('#panel-contexts button[data-export="csv"]');
  const cells = text.split(/\r\n/).flatMap((line) => line.split(','));
  assert.ok(cells.includes("'=1+2双方深化"), 'the formula is neutralised');
  assert.ok(cells.includes("'@SUM(A1)推动"), 'so is the @ function');
  assert.ok(!cells.some((c) => /^[=@+]/.test(c)), 'no cell starts a formula');
  assert.deepEqual(app.consoleErrors, []);
  await page.context().close();
});

test('a texts file is checked as files are: too large is refused unread, ids are the user\'s own, a shipped title is marked as imported', async () => {
  const app = await openApp(shared.browser, `${shared.server.url}?panels=texts,contexts`);
  const page = app.page;
  await showPanel(page, 'texts');
  const text = (id, title) => ({
    id, name: `${title}.txt`, encoding: 'UTF-8', format: 'text', script: 'simplified', title,
    date: '2024-07-02', parties: ['CN', 'RU'], paragraphs: '中俄双方同意深化能源合作。\n双方推动共同发展。', chars: 22,
  });
  const shippedTitle = cli(['docs']).find((d) => d.id === 'cn-ru-2019-partnership').title;
  const file = { format: 'cijing-texts', version: 1, texts: [text('cn-ru-2019-partnership', shippedTitle), text('', '空编号')] };
  await page.setInputFiles('#texts-import', { name: 'texts.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await textCount(page, 2);
  const rows = await page.$$eval('#texts-table tbody tr', (trs) => trs.map((tr) => [tr.dataset.id, tr.querySelector('.text-title').value]));
  // A new id from the file name's letters and digits (as new_id makes it).
  const stem = [...shippedTitle.replace(/[^\p{L}\p{N}]/gu, '')].slice(0, 24).join('');
  assert.deepEqual(rows.map(([, title]) => title), [`${shippedTitle} (imported)`, '空编号']);
  // A new id: u-, the name's letters and digits, and four random ones.
  assert.match(rows[0][0], new RegExp(`^u-${stem}-[0-9a-z]{4}$`));
  assert.match(rows[1][0], /^u-空编号-[0-9a-z]{4}$/);
  // Over the limit of a file: refused before it is read, named.
  writeFileSync('/tmp/huge.json', Buffer.alloc(51 * 1024 * 1024, 0x20));
  await page.setInputFiles('#texts-import', '/tmp/huge.json');
  await page.waitForFunction(() => [...document.querySelectorAll('#texts-problems li')].some((li) => li.textContent.startsWith('huge.json: the file is too large')));
  await textCount(page, 2);
  assert.deepEqual(app.consoleErrors, []);
  await page.context().close();
});

/** A PDF of `n` empty pages (no text layer), with a correct cross-reference table. */
function pdfOfPages(n) {
  const objects = [null, '<< /Type /Catalog /Pages 2 0 R >>'];
  const kids = Array.from({ length: n }, (_, i) => `${4 + i} 0 R`).join(' ');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${n} >>`, '<< /Length 0 >>\nstream\n\nendstream');
  for (let i = 0; i < n; i++) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 3 0 R >>');
  let out = '%PDF-1.4\n';
  const offsets = [];
  for (let k = 1; k < objects.length; k++) {
    offsets.push(out.length);
    out += `${k} 0 obj\n${objects[k]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

test('a PDF past 2,000 pages is refused before its pages are read; Cancel stops a long one, and nothing else is lost', async () => {
  const app = await openApp(shared.browser, shared.server.url);
  const page = app.page;
  await page.waitForSelector('#text-files');
  await page.setInputFiles('#text-files', { name: 'book.pdf', mimeType: 'application/pdf', buffer: pdfOfPages(2001) });
  await page.waitForFunction(() => [...document.querySelectorAll('#texts-problems li')].some((li) => li.textContent.startsWith('book.pdf: the PDF has 2001 pages; the limit is 2000 pages a file')));
  // 1,900 pages read one by one: Cancel stops it at the next page.
  await page.setInputFiles('#text-files', { name: 'long.pdf', mimeType: 'application/pdf', buffer: pdfOfPages(1900) });
  await page.waitForFunction(() => /long\.pdf: page \d+ of 1900/.test(document.querySelector('#texts-pdf-progress')?.textContent ?? ''));
  await page.click('#pdf-cancel');
  await page.waitForFunction(() => [...document.querySelectorAll('#texts-problems li')].some((li) => li.textContent === 'long.pdf: not added (cancelled)'));
  assert.equal(await page.$$eval('#texts-pdf-progress li', (lis) => lis.length), 0);
  await textCount(page, 0);
  await page.context().close();
});
