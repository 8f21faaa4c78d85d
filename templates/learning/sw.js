/* Taller service worker (served by courses.learning.views.service_worker).

   What it keeps: the site's static files, the offline page, and the modules
   a learner chose to save (one cache per module, filled by learning/offline.js).
   What it never keeps: anything but GET, the admin, documents, the
   certificate, responses marked private or no-store, and pages nobody saved.
   It sends nothing anywhere: it only answers the page's own requests. */
"use strict";
const C = {{ config|safe }};
const STATIC = "taller-static-" + C.version;
const SAVED = "taller-modulo-";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(STATIC)
      .then((cache) => cache.addAll(C.precache.concat(Object.values(C.offline))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith("taller-static-") && key !== STATIC)
        .map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  const from = request.referrer ? new URL(request.referrer).pathname : "";
  // Nothing for the admin: neither its pages nor what they load.
  if (C.never.some((prefix) => url.pathname.startsWith(prefix) || from.startsWith(prefix))) return;
  // A module's package is asked for to compare versions: always the network.
  if (url.pathname.endsWith("/paquete.json")) return;
  if (url.pathname.startsWith(C.static)) {
    event.respondWith(staticFile(request));
  } else if (request.mode === "navigate") {
    event.respondWith(page(request, url, event));
  } else {
    event.respondWith(other(request, url, event));
  }
});

function storable(response) {
  const control = response.headers.get("Cache-Control") || "";
  return response.ok && response.type === "basic" && !/private|no-store/.test(control);
}

// Static files have content hashes in their names: the cache is always right.
async function staticFile(request) {
  const hit = await caches.match(request, { ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (storable(response)) {
    const cache = await caches.open(STATIC);
    await cache.put(request, response.clone());
  }
  return response;
}

// A page as an editor sees it carries the admin's user bar: that copy is
// never kept (saving a module itself always fetches without cookies).
async function anonymous(response) {
  if (!(response.headers.get("Content-Type") || "").startsWith("text/html")) return response;
  const body = await response.text();
  if (body.includes("wagtail-userbar")) return null;
  return new Response(body, response);
}

// Caches of saved modules that hold this request.
async function savedCopies(request) {
  const names = (await caches.keys()).filter((name) => name.startsWith(SAVED));
  const found = [];
  for (const name of names) {
    const cache = await caches.open(name);
    if (await cache.match(request, { ignoreVary: true })) found.push(cache);
  }
  return found;
}

// The network first, so a learner online always reads the current version;
// a saved copy is refreshed on the way. Offline, or when the network is
// too slow and a saved copy exists, the saved copy.
async function networkThenSaved(request, event) {
  const saved = await caches.match(request, { ignoreVary: true });
  const network = fetch(request).then(async (response) => {
    if (saved && storable(response) && !response.redirected) {
      const copy = await anonymous(response.clone());
      if (copy) {
        const copies = await savedCopies(request);
        await Promise.all(copies.map((cache) => cache.put(request, copy.clone())));
      }
    }
    return response;
  });
  if (!saved) return network;
  if (event) event.waitUntil(network.catch(() => null));
  const slow = new Promise((resolve) => setTimeout(() => resolve(saved), 6000));
  return Promise.race([network.catch(() => saved), slow]);
}

async function page(request, url, event) {
  try {
    return await networkThenSaved(request, event);
  } catch (error) {
    const language = url.pathname.split("/")[1];
    const offline = C.offline[language] || C.offline[C.language];
    return (await caches.match(offline)) || Response.error();
  }
}

async function other(request, url, event) {
  try {
    return await networkThenSaved(request, event);
  } catch (error) {
    // A saved module keeps one size and format of each image; offline,
    // it stands in for every other size and format of the same picture.
    if (url.pathname.startsWith(C.media + "images/")) {
      const name = url.pathname.split("/").pop();
      const stem = name.replace(/\.(format|width|height|fill|max|min|scale|original)\b.*$/, "");
      const prefix = C.media + "images/" + stem + ".";
      for (const name of (await caches.keys()).filter((key) => key.startsWith(SAVED))) {
        const cache = await caches.open(name);
        const keys = await cache.keys();
        const match = keys.find((key) => new URL(key.url).pathname.startsWith(prefix));
        if (match) return cache.match(match);
      }
    }
    return Response.error();
  }
}
