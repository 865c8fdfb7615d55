// Starts the full page: loads the wasm next to this file (any sub-path,
// no inline script, so it runs under `script-src 'self' 'wasm-unsafe-eval'`).
import init from './cijing.js';

init({ module_or_path: new URL('./cijing_bg.wasm', import.meta.url) }).catch((error) => {
  const note = document.getElementById('loading');
  if (note) note.textContent = `cijing could not start: ${error}`;
  throw error;
});
