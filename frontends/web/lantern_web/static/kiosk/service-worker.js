// The kiosk's service worker: keeps the kiosk page and its assets so a reload without network still shows it.
// Network first (the roster changes), the cached copy when offline. Check-ins are POSTs: never cached, never here.
const CACHE = "lantern-kiosk-v1";

self.addEventListener("install", (event) => { self.skipWaiting(); });
self.addEventListener("activate", (event) => { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) { return; }
  event.respondWith(
    fetch(request).then((answer) => {
      if (answer.ok) {
        const copy = answer.clone();
        caches.open(CACHE).then((cache) => cache.put(request, copy));
      }
      return answer;
    }).catch(() => caches.match(request).then((kept) => kept || Response.error()))
  );
});
