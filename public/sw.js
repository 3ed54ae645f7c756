// Qiaosi Guide service worker: serves one build's app shell offline, and never a mix of builds.
//
// BUILD and PRECACHE are written by scripts/precache.mjs from the build output.
const BUILD = "__BUILD__";
const PRECACHE = /*__PRECACHE__*/[];
const SHELL = 'qiaosi-shell-' + BUILD;
// The content pack is not handled here: the app keeps it in IndexedDB and updates it itself
// (src/content.rs), so there is one update path, not two fighting.
const PACK_URL = '/content/pack.json';

self.addEventListener('install', (event) => {
  // cache: 'reload' so a stale HTTP cache cannot slip an old file into a new build's cache.
  event.waitUntil(
    caches.open(SHELL).then((c) => c.addAll(PRECACHE.map(([url]) => new Request(url, { cache: 'reload' }))))
  );
  // No skipWaiting(): an open page keeps the build it started with until the user reloads.
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('qiaosi-shell-') && key !== SHELL) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// The page asks for this when the user accepts "new version — reload".
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname === PACK_URL) return;
  if (req.mode === 'navigate') {
    // Every in-app route is the same shell: this build's index.html, which names this build's
    // wasm and js, so html and wasm always come from one build.
    event.respondWith(fromShell('/index.html').then((r) => r || fetch(req)));
  } else {
    event.respondWith(fromShell(req).then((r) => r || fetch(req)));
  }
});

async function fromShell(req) {
  const cache = await caches.open(SHELL);
  return cache.match(req);
}
