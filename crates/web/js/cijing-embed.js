// cijing as a widget: `<script type="module" src="…/cijing-embed.js">` then
// `<cijing-view panels="terms" view="party=KG&term=合作" lang="zh">`.
// Every element on a page shares one wasm instance and one corpus; each has
// its own view, drawn inside its shadow root with cijing's own stylesheet, so
// host CSS cannot reach in and cijing's cannot leak out. Also the JS API:
// `const cj = await ready(); cj.terms({ party: ['KG'], top: 20 })`.
import init, * as wasm from './cijing.js';

const base = new URL('.', import.meta.url);
let loading;

/** Loads the wasm once for the page. */
function load() {
  loading ??= init({ module_or_path: new URL('cijing_bg.wasm', base) }).then(() => {
    wasm.setBase(base.href, (url) => import(url));
    return wasm;
  });
  return loading;
}

let worker;
let nextId = 1;
const pending = new Map();

function segmenter() {
  if (!worker) {
    worker = new Worker(new URL('cijing-segmenter-worker.js', base), { type: 'module' });
    // Replies of cijing_view::worker_protocol: { id, reply: { kind: { … } } }.
    worker.onmessage = ({ data }) => {
      const done = pending.get(data.id);
      pending.delete(data.id);
      if (done) data.reply.failed ? done.reject(new Error(data.reply.failed.error)) : done.resolve(data.reply);
    };
  }
  return worker;
}

/** Sends the worker a request of cijing_view::worker_protocol; resolves with its reply. */
function ask(request) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    segmenter().postMessage({ id, request, payload: [] });
  });
}

const list = (x) => (Array.isArray(x) ? x : [x]);

/** The longest text segment() takes in one call: 1,000,000 UTF-16 code units (a few seconds in the worker). */
const MAX_SEGMENT_CHARS = 1_000_000;

/**
 * The JS API, once the wasm and the module that answers it (split out of
 * the page's wasm with most panels, fetched on the first call) are loaded.
 */
export async function ready() {
  const w = await load();
  await w.apiLoad();
  return Object.freeze({
    documents: () => w.apiDocuments(),
    terms: (options) => w.apiTerms(options),
    keyness: (options) => w.apiKeyness(options),
    kwic: (term, options) => w.apiKwic(term, options),
    collocates: (term, options) => w.apiCollocates(term, options),
    ngrams: (options) => w.apiNgrams(options),
    trends: (terms, options) => w.apiTrends(list(terms), options),
    topics: (options) => w.apiTopics(options),
    async segment(text, { mode = 'precise', hmm = true } = {}) {
      if (typeof text !== 'string') throw new TypeError('segment(text): text must be a string');
      if (text.length > MAX_SEGMENT_CHARS) {
        throw new RangeError(`segment(text): text is ${text.length} UTF-16 code units; the limit is ${MAX_SEGMENT_CHARS} a call (split it into paragraphs)`);
      }
      const { words } = (await ask({ words: { text, settings: { mode, hmm: Boolean(hmm) } } })).words;
      return words;
    },
  });
}

class CijingView extends HTMLElement {
  static observedAttributes = ['view', 'panels', 'lang', 'chrome'];

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = new URL('style/embed.css', base).href;
    const mount = document.createElement('div');
    mount.className = 'cijing-embed';
    mount.setAttribute('part', 'root');
    root.append(sheet, mount);
    load().then((w) => {
      if (!this.isConnected || this.handle) return;
      this.handle = w.mountView(mount, {
        view: this.getAttribute('view') ?? '',
        panels: this.getAttribute('panels') ?? 'terms',
        lang: this.getAttribute('lang') ?? document.documentElement.lang ?? '',
        chrome: this.getAttribute('chrome') ?? '',
      }, (term, view) => {
        this.dispatchEvent(new CustomEvent('cijing-select', { detail: { term, view }, bubbles: true, composed: true }));
      });
    }).catch((error) => { mount.textContent = `cijing could not start: ${error}`; });
  }

  attributeChangedCallback(name, old, value) {
    if (this.handle && old !== value) this.handle.set(name, value ?? '');
  }

  disconnectedCallback() {
    this.handle?.unmount();
    this.handle = undefined;
    this.shadowRoot?.lastChild?.replaceChildren();
  }
}

if (!customElements.get('cijing-view')) customElements.define('cijing-view', CijingView);
