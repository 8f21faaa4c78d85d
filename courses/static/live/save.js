/* Taller: save a workshop plan's two live views for a room with no
   connection (templates/live/_save_plan.html).

   A guide is saved with its module (learning/offline.js); a plan belongs
   to no module, so this stores its facilitator and projector views, and
   the files they load, in a cache of the same family ("taller-modulo-…"),
   which the service worker answers from when offline and which "forget
   saved modules" clears. The copies are fetched without cookies, like a
   saved module's, and nothing about the facilitator is sent. */
(function (w, d) {
  "use strict";
  var box = d.querySelector("[data-live-save]"), root = d.querySelector("[data-live]");
  if (!box || !root || !("caches" in w) || !("serviceWorker" in navigator)) return;
  var NAME = "taller-modulo-" + root.getAttribute("data-live");
  var urls = box.getAttribute("data-urls").split(" ");
  var status = box.querySelector("[data-live-save-status]");
  var button = box.querySelector("[data-live-save-button]");
  var remove = box.querySelector("[data-live-save-remove]");
  function t(name) { return box.getAttribute("data-t-" + name); }

  function show(saved, message) {
    status.textContent = message || (saved ? t("saved") : "");
    button.textContent = saved ? t("update") : t("save");
    // Once saved, saving again is the rare case: a quieter button.
    button.className = saved ? "button button--light" : "button";
    button.disabled = false;
    remove.hidden = !saved;
  }

  // The same-origin files a page loads: its styles, scripts and icons.
  function assets(html) {
    var page = new DOMParser().parseFromString(html, "text/html"), found = [];
    [].slice.call(page.querySelectorAll("link[rel~=stylesheet][href], link[rel~=icon][href], script[src]"))
      .forEach(function (el) {
        var url = new URL(el.getAttribute("href") || el.getAttribute("src"), location.href);
        if (url.origin === location.origin && found.indexOf(url.pathname) < 0) found.push(url.pathname);
      });
    return found;
  }

  function fetchText(url) {
    return fetch(url, { credentials: "omit", cache: "no-cache" }).then(function (r) {
      if (!r.ok) throw new Error(url);
      return r.text();
    });
  }

  function save() {
    var bytes = 0, files = [];
    return caches.delete(NAME).then(function () { return caches.open(NAME); }).then(function (cache) {
      return Promise.all(urls.map(function (url) {
        return fetchText(url).then(function (html) {
          bytes += new Blob([html]).size;
          files = files.concat(assets(html));
          // The plan's pages are private, no-store on the network; this copy
          // is the facilitator's choice, kept until saved again or removed.
          return cache.put(url, new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } }));
        });
      })).then(function () {
        return Promise.all(files.filter(function (f, i) { return files.indexOf(f) === i; }).map(function (url) {
          return fetch(url, { credentials: "omit" }).then(function (r) {
            if (!r.ok) throw new Error(url);
            return r.clone().blob().then(function (blob) { bytes += blob.size; return cache.put(url, r); });
          });
        }));
      }).then(function () {
        // Listed on the offline page with the saved modules.
        var entry = { kind: "plan", url: urls[0], title: box.getAttribute("data-title"), bytes: bytes };
        return cache.put(urls[0] + "paquete.json", new Response(JSON.stringify(entry), {
          headers: { "Content-Type": "application/json" }
        }));
      });
    }).then(function () {
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
    });
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    status.textContent = t("saving");
    save().then(function () { show(true); }, function () {
      caches.delete(NAME);
      show(false, t("failed"));
    });
  });
  remove.addEventListener("click", function () {
    caches.delete(NAME).then(function () { show(false); });
  });
  caches.has(NAME).then(function (saved) {
    box.hidden = false;
    show(saved);
  });
})(window, document);
