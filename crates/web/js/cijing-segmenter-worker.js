// The segmenter worker: jieba and its dictionary in their own wasm, loaded
// on first use. It answers typed requests (cijing_view::worker_protocol):
// the page posts { id, request, payload } (payload: the request's bytes,
// each a Uint8Array or a Blob, read here off the page's main thread); the
// worker posts { id, reply: { progress: { done, total } } } while a
// build runs, then { id, reply, bytes, blobs } (bytes handed over; blobs of
// them when the page keeps them). Every failure is a reply { failed: { error } }.
import init, * as segmenter from './cijing_segmenter.js';

const ready = init({ module_or_path: new URL('./cijing_segmenter_bg.wasm', import.meta.url) });
// The dictionaries load once the messages already waiting have run: a file
// to read does not need them (whatever segments first loads them anyway).
ready.then(() => setTimeout(() => segmenter.load(), 0));

self.onmessage = async ({ data }) => {
  const { id, request, payload = [] } = data;
  try {
    await ready;
    const bytes = await Promise.all(payload.map(async (p) => (p instanceof Blob ? new Uint8Array(await p.arrayBuffer()) : p)));
    const progress = (done, total) => self.postMessage({ id, reply: { progress: { done, total } } });
    const answer = segmenter.answer(request, bytes, progress);
    const blobs = answer.keep ? answer.bytes.map((b) => new Blob([b])) : [];
    self.postMessage({ id, reply: answer.reply, bytes: answer.bytes, blobs }, answer.bytes.map((b) => b.buffer));
  } catch (error) {
    self.postMessage({ id, reply: { failed: { error: String(error?.message ?? error) } } });
  }
};
