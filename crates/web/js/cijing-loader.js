// Starts the full page: loads the wasm next to this file (any sub-path,
// no inline script, so it runs under `script-src 'self' 'wasm-unsafe-eval'`).
import init, * as bindings from './cijing.js';

const base = new URL('.', import.meta.url).href;
init({ module_or_path: new URL('./cijing_bg.wasm', import.meta.url) }).then((exports) => {
  // The PDF reader is imported through this, only when a PDF is added.
  bindings.startPage(base, (url) => import(url));
  // The benchmark reads memory and timings through these.
  window.cijingBindings = bindings;
  window.cijingMemory = exports.memory;
  keepOffline();
}).catch((error) => {
  const note = document.getElementById('loading');
  if (note) note.textContent = `cijing could not start: ${error}`;
  throw error;
});

// After a first visit the page opens offline: a service worker keeps
// cijing's own files (http(s) only: not from file://; not in an iframe embed,
// which stays light for its host page).
function keepOffline() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  if (new URLSearchParams(location.search).has('embed')) return;
  navigator.serviceWorker.register(new URL('./cijing-sw.js', import.meta.url), { scope: base, updateViaCache: 'none' })
    .then(offerUpdates)
    .catch((error) => console.warn(`cijing works online only here: ${error.message}`));
}

// A new build, installed in the background, waits until the user says:
// "a new version is ready — reload" (reloading takes it over in every tab).
function offerUpdates(registration) {
  const offer = () => {
    if (!registration.waiting || !navigator.serviceWorker.controller || document.getElementById('update-ready')) return;
    const zh = document.documentElement.lang.startsWith('zh');
    const bar = document.createElement('div');
    bar.id = 'update-ready';
    bar.className = 'update-ready';
    bar.setAttribute('role', 'status');
    bar.textContent = zh ? '词镜有新版本。' : 'A new version of cijing is ready. ';
    const button = document.createElement('button');
    button.textContent = zh ? '重新载入' : 'Reload';
    button.addEventListener('click', () => registration.waiting?.postMessage('cijing-take-over'));
    bar.append(button);
    document.body.prepend(bar);
  };
  // This tab reloads once the new version has taken over (from any tab).
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!reloading) { reloading = true; location.reload(); }
  });
  const watch = (worker) => worker?.addEventListener('statechange', (e) => { if (e.target.state === 'installed') offer(); });
  registration.addEventListener('updatefound', () => watch(registration.installing));
  // A new version already installing when this tab loads.
  watch(registration.installing);
  offer();
  // Each visit asks the server for a new build.
  registration.update().catch(() => {});
}
