// sheto-reader's service worker (dist/sw.js, written by scripts/postbuild.mjs from this file).
// Offline reading: the app shell and every issue a reader opened stay readable without a network.
// - pages, index.json and issue bundles: network first, the cached copy when offline;
// - hashed assets (name-0123456789abcdef.js/.wasm/.css) and the search index's files (in a
//   directory named after their hash, issues/search/0123456789abcdef/): cache first, they never
//   change; the shards and texts a reader's searches fetched answer the same searches offline;
// - the app's code (its script and wasm) is not fetched at install: a reader who only reads never
//   needs it; the page's loader, once the app has started, says which files they are, and they
//   are kept then (from the browser's HTTP cache, which has just fetched them);
// - the cache is named after a hash of the build, so a new build gets a new cache and the old
//   one is deleted once the new worker is active.
const CACHE = '__CACHE__';
const PRECACHE = __PRECACHE__;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PRECACHE);
    // The newest issue too: the first visit fetched it before this worker was in control.
    try {
      const index = await (await fetch('issues/index.json', { cache: 'no-cache' })).json();
      const newest = index.issues?.[0]?.file;
      if (newest) await cache.add(`issues/${newest}`);
    } catch (_) { /* offline during install: the shell is enough */ }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE && name.startsWith('sheto-')) await caches.delete(name);
    await self.clients.claim();
  })());
});

const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$|\/issues\/search\/[0-9a-f]{16}\//;

// The app's code, named by the page that started it: only this site's hashed files.
self.addEventListener('message', (event) => {
  const files = (Array.isArray(event.data?.cache) ? event.data.cache : [])
    .map((href) => { try { return new URL(href); } catch (_) { return null; } })
    .filter((url) => url && url.origin === self.location.origin && HASHED.test(url.pathname));
  if (files.length) event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(files.map(String))).catch(() => {}));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (HASHED.test(path)) {
    event.respondWith(cacheFirst(event.request));
  } else if (event.request.mode === 'navigate' || path.endsWith('.json') || path.endsWith('.html') || path.endsWith('/')) {
    event.respondWith(networkFirst(event.request));
  }
});
