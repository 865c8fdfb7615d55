// The segmenter worker: jieba and its dictionary in their own wasm, loaded
// on first use. Messages: { id, op: 'seeds', mode, hmm, words?, tags? } or
// { id, op: 'texts', texts, mode, hmm, words?, tags? } → { id, tokens } (a
// token stream, transferred; `words` makes the user's dictionary exactly
// those words first); { id, op: 'words', text, mode, hmm } → { id, words };
// { id, op: 'add', words, tags } → { id, added }; { id, op: 'discover',
// mode, hmm, limit, words?, tags? } → { id, candidates }; { id, op:
// 'build', seeds, docs (each a Uint8Array or Blob of paragraphs), scripts? (each
// doc's script code, as its import judged it), mode, hmm, words?,
// tags? } → { id, seedTokens, textTokens, spellings } (spellings:
// [traditional, simplified] pairs of the user's words, for alias merging;
// while it segments them it sends { id, progress: { done, total } }, in
// bytes); { id, op: 'import', name, bytes (a Uint8Array), encoding } → { id, text } (a
// user's file read; its paragraphs as bytes in text.body, handed over, and
// in text.blob, which the page keeps and sends back to build); { id, op:
// 'pdf', name, text } → { id, text } (pdf.js's extracted text read);
// failures → { id, error }.
import init, * as segmenter from './cijing_segmenter.js';

const ready = init({ module_or_path: new URL('./cijing_segmenter_bg.wasm', import.meta.url) });
// The dictionaries load once the messages already waiting have run: a file
// to read does not need them (whatever segments first loads them anyway).
ready.then(() => setTimeout(() => segmenter.load(), 0));

self.onmessage = async ({ data }) => {
  const { id, op } = data;
  try {
    await ready;
    let tokens;
    if (data.words) segmenter.set_words(data.words, data.tags ?? []);
    if (op === 'seeds') tokens = segmenter.segment_seeds(data.mode, data.hmm);
    else if (op === 'texts') tokens = segmenter.segment_texts(data.texts, data.mode, data.hmm);
    else if (op === 'words') { self.postMessage({ id, words: segmenter.segment_words(data.text, data.mode, data.hmm) }); return; }
    else if (op === 'build') {
      // The shipped documents (when asked) and the user's, as two streams,
      // and the Traditional spellings of the user's words.
      const seedTokens = data.seeds ? segmenter.segment_seeds(data.mode, data.hmm) : null;
      // Progress on the user's texts: { id, progress: { done, total } } (bytes).
      const progress = (done, total) => self.postMessage({ id, progress: { done, total } });
      // A text kept in a Blob is read here, off the page's main thread.
      const docs = await Promise.all(data.docs.map(async (d) => (d instanceof Blob ? new Uint8Array(await d.arrayBuffer()) : d)));
      const texts = docs.length ? segmenter.segment_documents(docs, data.scripts ?? [], data.mode, data.hmm, progress) : null;
      const textTokens = texts?.tokens ?? null;
      const buffers = [seedTokens, textTokens].filter(Boolean).map((t) => t.buffer);
      self.postMessage({ id, seedTokens, textTokens, spellings: texts?.spellings ?? [] }, buffers);
      return;
    }
    // A read text's body is handed over, not copied, with a blob of it.
    else if (op === 'import' || op === 'pdf') {
      const text = op === 'import' ? segmenter.import_file(data.name, data.bytes, data.encoding || undefined) : segmenter.import_pdf(data.name, data.text);
      text.blob = new Blob([text.body]);
      self.postMessage({ id, text }, [text.body.buffer]);
      return;
    }
    else if (op === 'discover') { self.postMessage({ id, candidates: segmenter.discover_words(data.mode, data.hmm, data.limit ?? 50) }); return; }
    else if (op === 'add') { self.postMessage({ id, added: segmenter.add_words(data.words, data.tags ?? []) }); return; }
    else throw new Error(`unknown request "${op}"`);
    self.postMessage({ id, tokens }, [tokens.buffer]);
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
};
