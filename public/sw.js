// Qiaosi Guide service worker: serves one build's app shell offline, and never a mix of builds.
//
// BUILD and PRECACHE are written by scripts/precache.mjs from the build output.
const BUILD = "__BUILD__";
const PRECACHE = /*__PRECACHE__*/[];
const SHELL = 'qiaosi-shell-' + BUILD;
const PACK_CACHE = 'qiaosi-pack';
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
  if (url.pathname === PACK_URL) {
    event.respondWith(packNetworkFirst(req));
  } else if (req.mode === 'navigate') {
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

// Content changes without a new build: try the network, keep the last good copy for offline.
async function packNetworkFirst(req) {
  try {
    const resp = await fetch(req);
    if (resp.ok) {
      const cache = await caches.open(PACK_CACHE);
      await cache.put(PACK_URL, resp.clone());
    }
    return resp;
  } catch (err) {
    const cached = (await (await caches.open(PACK_CACHE)).match(PACK_URL)) || (await fromShell(PACK_URL));
    if (cached) return cached;
    throw err;
  }
}
