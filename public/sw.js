// Qiaosi Guide service worker: serves one build's app shell offline, and never a mix of builds.
//
// BUILD and PRECACHE are written by scripts/precache.mjs from the build output.
const BUILD = "__BUILD__";
const PRECACHE = /*__PRECACHE__*/[];
const SHELL = 'qiaosi-shell-' + BUILD;
// Map tiles a visitor has seen, so the map still draws them offline. One cache for every build
// (tiles do not change with the app), capped so it cannot grow without bound on a cheap phone.
const TILES = 'qiaosi-tiles';
const TILE_CAP = 2000;
// The content pack is not handled here: the app keeps it in IndexedDB and updates it itself
// (src/content.rs), so there is one update path, not two fighting.
const PACK_URL = '/content/pack.json';

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
  // No skipWaiting(): an open page keeps the build it started with until the user reloads.
});

// Every file is checked against the hash the build recorded: if a CDN edge or a half-finished
// deploy serves another build's file, the install fails (and is retried on a later visit)
// rather than caching a mix of builds.
async function precache() {
  try {
    await fill(await caches.open(SHELL));
  } catch (err) {
    // Leave nothing half-filled behind; the install fails and is retried on a later visit.
    await caches.delete(SHELL);
    throw err;
  }
}

async function fill(cache) {
  await Promise.all(PRECACHE.map(async ([url, hash]) => {
    // cache: 'reload' so a stale HTTP cache cannot slip an old file in either.
    const resp = await fetch(new Request(url, { cache: 'reload' }));
    if (!resp.ok) throw new Error(`precache: ${url} answered ${resp.status}`);
    const body = await resp.arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    if (!hex.startsWith(hash)) throw new Error(`precache: ${url} is not from this build`);
    // A fresh response: hosts that redirect /index.html to / mark the original "redirected",
    // which browsers refuse to use for a navigation.
    await cache.put(url, new Response(body, { status: 200, headers: resp.headers }));
  }));
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Only older builds' shells go; the tile cache outlives builds.
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
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (req.destination === 'image') {
    // The app's own images (icons) are in the shell; any other image is a map tile, from this
    // origin or a tile server's.
    event.respondWith(fromShell(req).then((r) => r || tile(event)));
    return;
  }
  if (url.origin !== self.location.origin) return;
  if (url.pathname === PACK_URL) return;
  const lastSegment = url.pathname.split('/').pop();
  if (req.mode === 'navigate' && !lastSegment.includes('.')) {
    // Every in-app route is the same shell: this build's index.html, which names this build's
    // wasm and js, so html and wasm always come from one build. (Paths with an extension are
    // real files — the manifest, an icon — and are served as such.)
    event.respondWith(fromShell('/index.html').then((r) => r || fetch(req)));
  } else {
    event.respondWith(fromShell(req).then((r) => r || fetch(req)));
  }
});

async function fromShell(req) {
  const cache = await caches.open(SHELL);
  return cache.match(req);
}

// Cache first: a tile at a given address does not change often enough to wait for the network
// on a poor signal. Only tiles the map asked for are stored, never prefetched ones. Offline and
// not seen before, the fetch fails and the map draws without that tile.
async function tile(event) {
  const cache = await caches.open(TILES);
  const hit = await cache.match(event.request);
  if (hit) return hit;
  const resp = await fetch(event.request);
  // Only real successes (same-origin or CORS). Not opaque responses (a cross-origin <img>
  // without crossorigin): their status is unknown, so an error page could be kept as a tile,
  // and Chromium counts each one as megabytes of quota.
  if (resp.ok) event.waitUntil(cache.put(event.request, resp.clone()).then(trimTiles));
  return resp;
}

// Drops the oldest tiles beyond TILE_CAP (Cache.keys() lists in insertion order). A map pan
// loads dozens of tiles at once: they share one trim, rerun if more arrived meanwhile, instead
// of listing the whole cache once per tile.
let trimming = null;
let trimAgain = false;
function trimTiles() {
  if (trimming) {
    trimAgain = true;
    return trimming;
  }
  trimming = (async () => {
    try {
      do {
        trimAgain = false;
        const cache = await caches.open(TILES);
        const keys = await cache.keys();
        await Promise.all(keys.slice(0, Math.max(0, keys.length - TILE_CAP)).map((k) => cache.delete(k)));
      } while (trimAgain);
    } finally {
      trimming = null;
    }
  })();
  return trimming;
}
