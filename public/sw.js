// Qiaosi Guide service worker: serves one build's app shell offline, and never a mix of builds.
//
// BUILD, PRECACHE and WORKER are written by scripts/precache.mjs from the build output.
const BUILD = "__BUILD__";
const PRECACHE = /*__PRECACHE__*/[];
// A hash of this worker script's own text: a deploy that changes only sw.js keeps BUILD.
const WORKER = "__WORKER__";
// Each install fills a shell cache of its own, named afresh (qiaosi-shell-<build>-<random>), and
// the worker adopts it when it activates. So a failed install can only ever drop its own cache,
// never the one the live worker serves from, even when the new worker has the same build id or
// the very same script (a deploy rolled back while an update was waiting). Which shell is
// whose is kept in META, since a worker is stopped and restarted at will between events:
//   /shell               the shell of the active worker
//   /installed/<WORKER>  the shell that a successful install of this script filled
const SHELL_PREFIX = 'qiaosi-shell-';
const META = 'qiaosi-meta';
// Map tiles a visitor has seen, so the map still draws them offline. One cache for every build
// (tiles do not change with the app), capped so it cannot grow without bound on a cheap phone.
const TILES = 'qiaosi-tiles';
const TILE_CAP = 2000;
// The content pack is not handled here: the app keeps it in IndexedDB and updates it itself
// (src/content.rs), so there is one update path, not two fighting.
const PACK_URL = '/content/pack.json';

// The app's routes (src/router.rs), by first path segment: /, /places, /places/:id, /map,
// /routes, /routes/:id, /festival, /festival/:edition/:event, /checkin, /checkin/:code,
// /passport, /staff, /desk, /survey, /me. A navigation under one of these gets this build's
// shell, online or not (an unknown deeper path shows the app's own not-found page). Any other
// navigation — /api/…, a path with a file extension in it, an unknown first segment — is not
// the app: it gets the precached file of that name if there is one, else the network.
// Keep in step with the router when a route is added (a test in src/routes.rs checks).
const ROUTE_ROOTS = new Set(['', 'places', 'map', 'routes', 'festival', 'checkin', 'passport', 'staff', 'desk', 'survey', 'me']);

function isAppRoute(pathname) {
  const segments = pathname.split('/').filter(Boolean);
  if (segments.some((s) => s.includes('.'))) return false;
  return ROUTE_ROOTS.has(segments[0] ?? '');
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
  // No skipWaiting(): an open page keeps the build it started with until the user reloads.
});

// Every file is checked against the hash the build recorded: if a CDN edge or a half-finished
// deploy serves another build's file, the install fails (and is retried on a later visit)
// rather than caching a mix of builds.
async function precache() {
  const name = SHELL_PREFIX + BUILD + '-' + crypto.randomUUID().slice(0, 8);
  const cache = await caches.open(name);
  // Every fetch settles before a failure is handled, so no late put lands after the clean-up.
  const results = await Promise.allSettled(PRECACHE.map(async ([url, hash]) => cache.put(url, await fetchChecked(url, hash))));
  const failed = results.find((r) => r.status === 'rejected');
  // Still there and complete: a worker activating meanwhile deletes every shell but its own,
  // and an install that went on filling a deleted cache would activate with nothing.
  if (!failed && (await caches.has(name)) && (await (await caches.open(name)).keys()).length === PRECACHE.length) {
    await (await caches.open(META)).put('/installed/' + WORKER, new Response(name));
    return;
  }
  await caches.delete(name);
  throw failed ? failed.reason : new Error('precache: the shell cache was removed during install');
}

async function fetchChecked(url, hash) {
  // cache: 'reload' so a stale HTTP cache cannot slip an old file in either.
  const resp = await fetch(new Request(url, { cache: 'reload' }));
  if (!resp.ok) throw new Error(`precache: ${url} answered ${resp.status}`);
  const body = await resp.arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  if (!hex.startsWith(hash)) throw new Error(`precache: ${url} is not from this build`);
  // A fresh response: hosts that redirect /index.html to / mark the original "redirected",
  // which browsers refuse to use for a navigation.
  return new Response(body, { status: 200, headers: resp.headers });
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Adopt the shell this script's install filled; every other shell (older builds, failed
    // or superseded installs) goes. The tile cache outlives builds.
    const meta = await caches.open(META);
    const mine = await (await meta.match('/installed/' + WORKER))?.text();
    if (mine) {
      await meta.put('/shell', new Response(mine));
      shellName = Promise.resolve(mine);
    }
    for (const req of await meta.keys()) {
      if (new URL(req.url).pathname.startsWith('/installed/')) await meta.delete(req);
    }
    for (const key of await caches.keys()) {
      if (key.startsWith(SHELL_PREFIX) && key !== mine) await caches.delete(key);
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
  if (req.mode === 'navigate' && isAppRoute(url.pathname)) {
    // Every in-app route is the same shell: this build's index.html, which names this build's
    // wasm and js, so html and wasm always come from one build.
    event.respondWith(fromShell('/index.html').then((r) => r || fetch(req)));
  } else {
    event.respondWith(fromShell(req).then((r) => r || fetch(req)));
  }
});

// The active worker's shell, read once per start of the worker.
let shellName = null;
function shell() {
  shellName ??= caches.open(META).then((m) => m.match('/shell')).then((r) => r?.text() ?? null);
  return shellName;
}

// caches.match with a cacheName, not caches.open: opening would create an empty cache of that
// name if it were gone, and the worker would go on reading nothing from it.
async function fromShell(req) {
  const cacheName = await shell();
  return cacheName ? caches.match(req, { cacheName }) : undefined;
}

// Cache first: a tile at a given address does not change often enough to wait for the network
// on a poor signal. Only tiles the map asked for are stored, never prefetched ones. Offline and
// not seen before, the fetch fails and the map draws without that tile.
async function tile(event) {
  const cache = await caches.open(TILES);
  const hit = await cache.match(event.request);
  if (hit) return hit;
  const resp = await fetch(event.request);
  // Only a plain 200 from this origin or with CORS. Never an error page (404, 500, a 204 with no
  // image), which would then be drawn offline for ever; never an opaque response (a
  // cross-origin <img> without crossorigin): its status is unknown, and Chromium counts each one
  // as megabytes of quota.
  if (resp.status === 200 && (resp.type === 'basic' || resp.type === 'cors')) {
    event.waitUntil(cache.put(event.request, resp.clone()).then(trimTiles));
  }
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
