// The service worker of the full page: after a first visit the page opens
// offline. It caches cijing's own files and nothing else: the page's files
// when it installs, the segmenter's when the page first asks for them.
// `scripts/build.sh` fills in the file list and a version made from their
// contents; a new version fills a new cache and drops the old one once no
// tab uses it (no skipWaiting: a page never mixes files of two builds).
const VERSION = '__CIJING_VERSION__';
const PAGE_FILES = __CIJING_PAGE_FILES__;
// Cached the first time the page loads them (the segmenter: 1.6 MB; the PDF
// reader: pdf.js, 1.7 MB, and a CMap when a PDF's font needs one).
const LATER_FILES = __CIJING_LATER_FILES__;
const CACHE = `cijing-${VERSION}`;
const scope = new URL('./', self.location.href);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PAGE_FILES.map((f) => new URL(f, scope)))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((k) => k.startsWith('cijing-') && k !== CACHE).map((k) => caches.delete(k)))));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  // The page's address, with any view in its query, is index.html.
  const file = url.pathname === scope.pathname ? 'index.html' : url.pathname.slice(scope.pathname.length);
  // Only cijing's own files; anything else on this server goes to the network untouched.
  if (!PAGE_FILES.includes(file) && !LATER_FILES.includes(file)) return;
  event.respondWith(cached(request, new URL(file, scope)));
});

async function cached(request, key) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(key, response.clone());
  return response;
}
