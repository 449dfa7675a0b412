// Golden Thread's service worker: after one visit, the app and its data open with no network.
//
// - On install it reads index.html to learn the app's files (their names carry a hash of their
//   content) and caches them with the built-in data.
// - The page and data files are served from the cache at once and refreshed in the background
//   ("stale while revalidate"); when a refreshed copy differs, open pages are told that a new
//   version is available.
// - Other files (hashed, so they never change) come from the cache, else the network.
const CACHE = 'golden-thread-v1';
const FRESH = ['./', './index.html', './data/onesource.json'];

function assetsIn(html) {
  const found = new Set();
  const re = /["'](\.\/[A-Za-z0-9_.\-\/]+\.(?:js|wasm|css|svg|json))["']/g;
  let m;
  while ((m = re.exec(html))) found.add(m[1]);
  return [...found];
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const resp = await fetch('./index.html', { cache: 'no-store' });
    const html = await resp.clone().text();
    await cache.put('./index.html', resp.clone());
    await cache.put('./', resp);
    await cache.addAll(assetsIn(html).concat(['./data/onesource.json']));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

function isFresh(url) {
  const path = url.pathname;
  return path.endsWith('/') || path.endsWith('/index.html') || path.includes('/data/') || path.endsWith('.json');
}

async function tell(message) {
  for (const c of await self.clients.matchAll({ type: 'window' })) c.postMessage(message);
}

async function staleWhileRevalidate(event, request) {
  const cache = await caches.open(CACHE);
  const key = request.mode === 'navigate' ? './index.html' : request;
  const cached = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
  // A copy to compare with: the page consumes the body of the one returned.
  const before = cached ? cached.clone() : null;
  const refresh = fetch(request.mode === 'navigate' ? './index.html' : request, { cache: 'no-store' })
    .then(async (fresh) => {
      if (fresh.ok) {
        if (before) {
          const [a, b] = await Promise.all([before.text(), fresh.clone().text()]);
          if (a !== b) tell({ type: 'golden-thread-new-version', url: request.url });
        }
        await cache.put(key, fresh.clone());
      }
      return fresh;
    })
    .catch(() => null);
  if (cached) {
    event.waitUntil(refresh);
    return cached;
  }
  const fresh = await refresh;
  return fresh || new Response('Golden Thread is offline and this file was not saved for offline use.', { status: 503, headers: { 'Content-Type': 'text/plain' } });
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const resp = await fetch(request);
  if (resp.ok && new URL(request.url).origin === self.location.origin) cache.put(request, resp.clone());
  return resp;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' || isFresh(url)) {
    event.respondWith(staleWhileRevalidate(event, request));
  } else {
    event.respondWith(cacheFirst(request));
  }
});
