// The service worker of the full page: after a first visit the page opens
// offline. It caches cijing's own files and nothing else: the page's files
// when it installs, the segmenter's when the page first asks for them.
// `scripts/build.sh` fills in the file list and a version made from their
// contents. A new version fills a new cache from the network, never from
// the HTTP cache (a host's max-age would hand it the old build's files),
// then waits: the page offers "a new version is ready — reload", and only
// then does it take over (a page never mixes files of two builds); the old
// cache is dropped when it does.
const VERSION = '__CIJING_VERSION__';
const PAGE_FILES = __CIJING_PAGE_FILES__;
// Cached the first time the page loads them (the segmenter: 1.6 MB; the PDF
// reader: pdf.js, 1.7 MB, and a CMap when a PDF's font needs one).
const LATER_FILES = __CIJING_LATER_FILES__;
const CACHE = `cijing-${VERSION}`;
const scope = new URL('./', self.location.href);

// `cache: 'reload'`: past the HTTP cache, to the server.
const fresh = (url) => new Request(url, { cache: 'reload' });

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PAGE_FILES.map((f) => fresh(new URL(f, scope))))));
});

// The page's reload button: this version takes over the open tabs.
self.addEventListener('message', (event) => {
  if (event.data === 'cijing-take-over') self.skipWaiting();
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
  // A file first used now (the segmenter, pdf.js) comes from the server
  // too, past the HTTP cache. (After a deploy, an old page that has not
  // reloaded yet gets the new build's file: file names are not versioned.)
  // A cache that cannot take it (storage full) still answers: the file
  // comes from the network.
  const response = await fetch(fresh(key));
  if (response.ok) await cache.put(key, response.clone()).catch(() => {});
  return response;
}
