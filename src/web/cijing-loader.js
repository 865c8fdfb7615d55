// Starts the full page: loads the wasm next to this file (any sub-path,
// no inline script, so it runs under `script-src 'self' 'wasm-unsafe-eval'`).
import init, * as bindings from './cijing.js';

const base = new URL('.', import.meta.url).href;
init({ module_or_path: new URL('./cijing_bg.wasm', import.meta.url) }).then((exports) => {
  bindings.startPage(base);
  // The benchmark reads memory and timings through these.
  window.cijingBindings = bindings;
  window.cijingMemory = exports.memory;
}).catch((error) => {
  const note = document.getElementById('loading');
  if (note) note.textContent = `cijing could not start: ${error}`;
  throw error;
});
