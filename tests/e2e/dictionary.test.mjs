// The user's dictionary (issue 12) in Debian's Chromium, on the release
// build in dist/: a word added in the page is cut whole in every panel, is
// kept in the browser and carried in the link; a link's words are used but
// not saved; selecting characters in the reader offers "add as a word";
// import names bad lines by number; export reads back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { cli, openApp, showPanel, useBrowser } from './helpers.mjs';

const shared = useBrowser();

const enc = encodeURIComponent;
/** The count of `term` in the term table (undefined when not shown). */
const countOf = (app, term) => app.tableRows().then((rows) => rows.find((r) => r[1] === term)?.[2]);
/** Waits for the worker's corpus: no segmenting notice. */
const segmented = (app) => app.page.waitForFunction(() => !document.querySelector('.notice.working'));

test('a word added in the page is cut whole everywhere, kept on reload, carried in the link, removed', async () => {
  const app = await openApp(shared.browser, `${shared.server.url}?top=100`);
  const page = app.page;
  // 数字经济 occurs 10 times, cut as 数字 | 经济 by the shipped dictionaries.
  const before = Number(await countOf(app, '经济'));
  assert.ok(before > 10);
  await page.fill('#dict-word', '数字经济');
  await page.selectOption('#dict-pos', 'nz');
  await page.click('#dict-add');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('uw') === '数字经济/nz');
  await segmented(app);
  await page.waitForFunction((n) => [...document.querySelectorAll('#term-table tbody tr')].some((tr) => tr.children[1].textContent.trim() === '经济' && tr.children[2].textContent.trim() === String(n)), before - 10);
  assert.match(await page.textContent('#dict-message'), /Added 数字经济/);
  // The concordance of the new word: its 10 places, each a whole token.
  await page.fill('#search-input', '数字经济');
  await page.click('#search-go');
  // A hundred rows push the concordance below the window: it is scrolled to.
  await showPanel(page, 'contexts');
  await page.waitForFunction(() => document.querySelector('#kwic-table')?.dataset.lines === '10');
  assert.deepEqual([...new Set(await page.$$eval('#kwic-table td.node', (tds) => tds.map((td) => td.textContent)))], ['数字经济']);
  await page.screenshot({ path: `${shared.shots}/dictionary-added.png` });

  // Reload with no word in the link: the saved word is back, and in the link.
  await page.goto(`${shared.server.url}?top=100`);
  await page.waitForSelector('#dict-list li');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('uw') === '数字经济/nz');
  await segmented(app);
  await page.waitForFunction((n) => [...document.querySelectorAll('#term-table tbody tr')].some((tr) => tr.children[1].textContent.trim() === '经济' && tr.children[2].textContent.trim() === String(n)), before - 10);

  // Remove it: the link and the store forget it, 经济 counts its 10 again.
  await page.click('.dict-remove[data-word="数字经济"]');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('uw'));
  await page.waitForFunction((n) => [...document.querySelectorAll('#term-table tbody tr')].some((tr) => tr.children[1].textContent.trim() === '经济' && tr.children[2].textContent.trim() === String(n)), before);
  assert.equal(await page.evaluate(() => localStorage.getItem('cijing.user-words')), '');
  assert.deepEqual(app.consoleErrors, []);
  await page.context().close();
});

test('a link\'s words are used but not saved until the user keeps them', async () => {
  const app = await openApp(shared.browser, `${shared.server.url}?uw=${enc('数字经济,战略对接/n')}`);
  const page = app.page;
  assert.equal(await page.getAttribute('#dict-count', 'data-words'), '2');
  assert.equal(await page.evaluate(() => localStorage.getItem('cijing.user-words')), null);
  await page.click('#dict-keep');
  await page.waitForFunction(() => localStorage.getItem('cijing.user-words') === '战略对接/n,数字经济');
  assert.equal(await page.$('#dict-keep'), null);
  // A bad word in a link is named and left out.
  await page.goto(`${shared.server.url}?uw=${enc('好,中 亚')}`);
  await page.waitForSelector('#term-chart svg');
  assert.match(await page.textContent('body'), /user word ignored: "中 亚" holds white space/);
  await page.context().close();
});

test('select characters in the reader: "add as a word"; import names bad lines; export reads back', async () => {
  const app = await openApp(shared.browser, `${shared.server.url}?read=cn-kg-2023-statement`);
  const page = app.page;
  await page.waitForSelector('#reader-text p');
  // Select the first four characters of the reader's first paragraph.
  const chosen = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('#reader-text'), NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && node.textContent.trim().length < 4) node = walker.nextNode();
    const start = node.textContent.search(/\S/);
    node.parentElement.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + 4);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return range.toString();
  });
  await page.waitForSelector('#add-word-button');
  assert.match(await page.textContent('#add-word-button'), new RegExp(chosen));
  await page.screenshot({ path: `${shared.shots}/dictionary-selection.png` });
  await page.click('#add-word-button');
  await page.waitForFunction((w) => new URL(location.href).searchParams.get('uw') === w, chosen);
  assert.equal(await page.evaluate(() => localStorage.getItem('cijing.user-words')), chosen);

  // Import: a file with a bad line 2 and line 3 adds nothing and names both.
  await page.setInputFiles('#dict-import', { name: 'bad.txt', mimeType: 'text/plain', buffer: Buffer.from('中吉乌铁路 nz\n人类 命运 共同体 n\n，。\n') });
  await page.waitForFunction(() => /bad\.txt line 2/.test(document.querySelector('#dict-message').textContent));
  assert.match(await page.textContent('#dict-message'), /bad\.txt line 3: "，。" has no letter or character/);
  assert.equal(await page.getAttribute('#dict-count', 'data-words'), '1');
  assert.equal((await page.textContent('#dict-count')).trim(), '1 word');
  // A file that is not UTF-8 says so.
  await page.setInputFiles('#dict-import', { name: 'gbk.txt', mimeType: 'text/plain', buffer: Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0a]) });
  await page.waitForFunction(() => /gbk\.txt: not UTF-8/.test(document.querySelector('#dict-message').textContent));
  // A good file adds its words (with tags).
  await page.setInputFiles('#dict-import', { name: 'good.txt', mimeType: 'text/plain', buffer: Buffer.from('\uFEFF# mine\n数字经济 10 nz\n战略对接\n') });
  await page.waitForFunction(() => document.querySelector('#dict-count').dataset.words === '3');
  assert.match(await page.textContent('#dict-message'), /Imported 2 words \(good\.txt\)/);
  const { name, text } = await app.download('#dict-export');
  assert.equal(name, 'cijing-user-dict.txt');
  const lines = text.split('\n').filter((l) => l && !l.startsWith('#'));
  assert.deepEqual(lines.sort(), [chosen, '数字经济 nz', '战略对接'].sort());
  await page.$eval('#panel-dictionary', (el) => el.scrollIntoView());
  await page.screenshot({ path: `${shared.shots}/dictionary-panel.png` });
  assert.deepEqual(app.consoleErrors, []);
  await page.context().close();
});

test('discovery in the page: the CLI\'s candidates, each with its contexts and a one-click add', async () => {
  const expected = cli(['discover', '--top', '10']);
  const app = await openApp(shared.browser, `${shared.server.url}?panels=terms,contexts,dictionary`);
  const page = app.page;
  const label = () => page.$eval('#dict-suggest', (b) => b.textContent.trim());
  const idle = await label();
  await page.click('#dict-suggest');
  // While the worker looks, the button says so (and is disabled).
  await page.waitForFunction(() => /Looking…|正在寻找……/.test(document.querySelector('#dict-suggest').textContent));
  await page.waitForSelector('#suggest-table tbody tr');
  await page.waitForFunction((text) => document.querySelector('#dict-suggest').textContent.trim() === text, idle);
  const rows = await page.$$eval('#suggest-table tbody tr', (trs) => trs.map((tr) => [...tr.children].slice(0, 3).map((td) => td.textContent.trim())));
  assert.deepEqual(rows.slice(0, 10), expected.map((c) => [c.word, String(c.count), c.score.toFixed(1)]));
  const first = expected[0];
  // Its contexts: the string as it stands in the text, every place.
  await page.click(`#suggest-table button.term[data-term="${first.word}"]`);
  await page.waitForFunction((n) => document.querySelector('#kwic-table')?.dataset.lines === String(n), first.count);
  // Added: it leaves the suggestions, joins the dictionary, and is one word.
  await page.click(`#suggest-table button.suggest-add[data-word="${first.word}"]`);
  await page.waitForSelector(`#dict-list .dict-remove[data-word="${first.word}"]`);
  assert.equal(await page.$(`#suggest-table button.suggest-add[data-word="${first.word}"]`), null);
  await segmented(app);
  await page.waitForFunction((w) => new URL(location.href).searchParams.get('uw') === w, first.word);
  // As a word it is cut whole wherever the dictionaries hold no longer word
  // around it (合作共赢 stays one word): the CLI with the same word says where.
  writeFileSync('/tmp/cijing-e2e-words.txt', `${first.word}\n`);
    const expectedLines = cli(['kwic', first.word, '--words', '/tmp/cijing-e2e-words.txt']).length;
  assert.ok(expectedLines > 0 && expectedLines <= first.count);
  await page.fill('#search-input', first.word);
  await page.click('#search-go');
  await page.waitForFunction((n) => document.querySelector('#kwic-table')?.dataset.lines === String(n), expectedLines);
  assert.deepEqual([...new Set(await page.$$eval('#kwic-table td.node', (tds) => tds.map((td) => td.textContent)))], [first.word]);
  await page.$eval('#panel-dictionary', (el) => el.scrollIntoView());
  await page.screenshot({ path: `${shared.shots}/dictionary-suggestions.png` });
  assert.deepEqual(app.consoleErrors, []);
  await page.context().close();
});
