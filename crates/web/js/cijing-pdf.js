// Reads the text layer of a PDF with pdf.js (dist/pdfjs/, loaded the first
// time a PDF is added and never before): `pdfText(name, bytes, progress)`
// resolves to the text, page by page — the glyphs of a line joined in
// their order (no space between CJK glyphs), a line break where the
// baseline moves, a blank line at a wider gap and between pages — for the
// segmenter worker's `pdf` op to clean like the seeds. Failures reject with
// an Error whose message starts with the file's name.
const base = new URL('.', import.meta.url);
let library;

/** pdf.js, imported once, with its worker and CMaps next to it. */
function pdfjs() {
  library ??= import(new URL('pdfjs/pdf.min.js', base).href).then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = new URL('pdfjs/pdf.worker.min.js', base).href;
    return lib;
  }, (error) => {
    library = undefined;
    throw new Error(`the PDF reader (pdfjs/pdf.min.js) could not be loaded: ${error.message}`);
  });
  return library;
}

// Ideographs, CJK punctuation, full-width forms, kana, hangul: no space
// goes between two of these.
const CJK = /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3190-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u201C\u201D\u2018\u2019\u2026\u2014\u00B7]|[\u{20000}-\u{2FA1F}]/u;

/** One page's text items as lines (a blank line for a wider gap). */
export function pageLines(items) {
  const lines = [];
  let line = '';
  let last = null; // { x, y, end, size } of the previous glyph run
  let lineGap = 0; // the usual distance between baselines, once seen
  for (const item of items) {
    if (typeof item.str !== 'string' || !item.transform) continue; // marked content
    const [a, b, c, d, x, y] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
    const str = item.str;
    if (str === '' && !item.width) continue;
    if (last && Math.abs(y - last.y) > Math.max(size, last.size) * 0.5) {
      // A new line: the baseline moved by more than half a glyph.
      lines.push(line);
      line = '';
      const gap = last.y - y;
      if (gap > 0 && lineGap > 0 && gap > lineGap * 1.4) lines.push('');
      if (gap > 0 && (lineGap === 0 || gap < lineGap)) lineGap = gap;
      last = null;
    }
    if (last && line && str) {
      // Same line: a gap between two runs is a space, except beside CJK.
      const before = line.at(-1);
      const after = str[0];
      const gap = x - last.end;
      if (gap > size * 0.2 && !/\s/.test(before) && !/\s/.test(after) && !CJK.test(before) && !CJK.test(after)) line += ' ';
    }
    line += str;
    last = { x, y, end: x + (item.width || 0), size };
  }
  if (line) lines.push(line);
  return lines.map((l) => l.replace(/\s+$/, ''));
}

const MESSAGES = {
  PasswordException: 'the PDF is protected by a password; save a copy without the password and add that',
  InvalidPDFException: 'not a readable PDF (its structure is broken)',
  FormatError: 'not a readable PDF (its structure is broken)',
  MissingPDFException: 'not a readable PDF (it is empty)',
};

/** The most pages of a PDF read: a longer one is refused, named, before any page is read. */
export const MAX_PAGES = 2000;

/**
 * The text of the PDF `bytes` (a Uint8Array) named `name`; `progress(page,
 * pages)` is called as each page starts to be read, and stops the reading
 * when it returns false (the user's Cancel).
 */
export async function pdfText(name, bytes, progress = () => {}) {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new Error(`${name}: not a PDF (it does not start with %PDF-)`);
  const lib = await pdfjs().catch((error) => { throw new Error(`${name}: ${error.message}`); });
  const task = lib.getDocument({
    data: bytes,
    cMapUrl: new URL('pdfjs/cmaps/', base).href,
    cMapPacked: true,
    // Text only: no fonts for drawing, no scripts, no console chatter.
    disableFontFace: true,
    enableXfa: false,
    verbosity: 0,
  });
  // No onPassword: an encrypted file rejects with PasswordException, no prompt.
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    const what = MESSAGES[error?.name] ?? `not a readable PDF (${error?.message || error})`;
    throw new Error(`${name}: ${what}`);
  }
  try {
    if (doc.numPages > MAX_PAGES) {
      throw new Error(`${name}: the PDF has ${doc.numPages} pages; the limit is ${MAX_PAGES} pages a file`);
    }
    const pages = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      if (progress(n, doc.numPages) === false) throw new Error(`${name}: not added (cancelled)`);
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const lines = pageLines(content.items);
      chars += lines.join('').replace(/\s/g, '').length;
      pages.push(lines.join('\n'));
      page.cleanup();
    }
    if (chars === 0) throw new Error(`${name}: this PDF has no text layer (scanned?); run OCR first`);
    // A blank line between pages: the cleaner joins a sentence across it.
    return pages.join('\n\n');
  } catch (error) {
    if (String(error.message).startsWith(`${name}: `)) throw error;
    throw new Error(`${name}: not a readable PDF (${error?.message || error})`);
  } finally {
    // Ends the document and pdf.js's worker.
    await task.destroy().catch(() => {});
  }
}
