// Service worker, scope /judge/: keeps the console's shell (HTML, CSS, JS modules, icons) in Cache Storage so the
// console opens without a network once it has loaded once. Shell files are answered from the cache at once and
// refreshed from the network behind (stale-while-revalidate, bypassing the HTTP cache). API calls are not
// handled here: the page keeps its own last good answers per account in IndexedDB, and marks go through the
// IndexedDB outbox, so both work also where no service worker can run (plain http on a LAN address).
const VERSION = 'jx-judge-shell-v5';
const SHELL = [
  './', './index.html', './app.css', './app.js', './ui.js', './sheet.js', './head.js', './entries.js',
  './outbox.js', './api.js', './store.js', './dec.js', './i18n.js', './icon.svg', './manifest.webmanifest',
  './matrixfeed.js', './timerule.js', './entry-docs.js', './entry-docs.css',
  // The shared stylesheet, the one table of refusal sentences the head judge's pages use (docs/screens.md), and
  // what it imports.
  '../shared/ui.css', '../shared/ui.js', '../shared/page.js',
];
const SHARED = new Set(['/shared/ui.css', '/shared/ui.js', '/shared/page.js']);

self.addEventListener('install', event => {
  event.waitUntil(caches.open(VERSION)
    .then(cache => cache.addAll(SHELL.map(url => new Request(url, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith('jx-judge-shell-') && k !== VERSION)
      .map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

function refresh(cache, request, key) {
  return fetch(request, { cache: 'no-store' }).then(response => {
    if (response.ok) {
      cache.put(key, response.clone());
    }
    return response;
  });
}

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin
    || !(url.pathname.startsWith('/judge/') || SHARED.has(url.pathname))) {
    return;
  }
  if (url.pathname === '/judge/sw.js') {
    return;
  }
  const navigation = request.mode === 'navigate';
  const key = navigation ? new URL('./index.html', self.location).href : url.origin + url.pathname;
  event.respondWith(caches.open(VERSION).then(async cache => {
    const cached = await cache.match(key);
    const network = refresh(cache, navigation ? key : request, key);
    if (cached) {
      event.waitUntil(network.catch(() => {}));
      return cached;
    }
    return network;
  }));
});
