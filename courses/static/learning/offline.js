/* Taller: save a module for offline use. The page first shows how much it
   takes (from the module's package, a list of files and sizes), then stores
   the files in this browser's Cache Storage, one cache per module; the
   service worker answers from it without a connection. Saved modules fetch
   what changed when the connection comes back. Nothing about the learner
   is sent: the requests are the same for everybody. */
(function (w, d) {
  "use strict";
  var T = w.Taller;
  if (!T || !("caches" in w) || w.TallerOffline) return;
  w.TallerOffline = true;
  var PREFIX = "taller-modulo-", SAVED = "taller:guardados", PACKAGE = /\/paquete\.json$/;
  var lang = d.documentElement.lang || "es";

  function size(bytes) {
    var units = ["B", "KB", "MB", "GB"], i = 0;
    while (bytes >= 1000 && i < units.length - 1) { bytes /= 1000; i++; }
    return new Intl.NumberFormat(lang, { maximumFractionDigits: i > 1 ? 1 : 0 }).format(bytes) + " " + units[i];
  }
  function index() { return T.get(SAVED); }
  function remember(id, entry) {
    var saved = index();
    if (entry) saved[id] = entry; else delete saved[id];
    T.put(SAVED, saved);
  }
  function getPackage(url) {
    // Anonymous on purpose: the saved copy must never hold anything personal.
    return fetch(url, { credentials: "omit", cache: "no-cache" }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }
  function fetchInto(cache, url) {
    return fetch(url, { credentials: "omit" }).then(function (r) {
      if (!r.ok) throw new Error(url);
      // A redirected response cannot answer a navigation: keep the body only.
      return cache.put(url, r.redirected ? new Response(r.body, r) : r);
    });
  }

  // Store the files in pkg.files (or only those given), a few at a time.
  function store(pkg, url, files, onStep) {
    var name = PREFIX + pkg.id, queue = files.slice(), done = 0;
    return caches.open(name).then(function (cache) {
      function worker() {
        var file = queue.shift();
        if (!file) return Promise.resolve();
        return fetchInto(cache, file.url).then(function () {
          done += file.bytes;
          if (onStep) onStep(done);
          return worker();
        });
      }
      return Promise.all([worker(), worker(), worker()]).then(function () {
        var body = JSON.stringify(pkg);
        return cache.put(url, new Response(body, { headers: { "Content-Type": "application/json" } }));
      });
    }).then(function () {
      remember(pkg.id, { p: url, c: Date.now() });
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
    });
  }

  function savedPackage(id) {
    return caches.open(PREFIX + id).then(function (cache) {
      return cache.keys().then(function (keys) {
        var key = keys.filter(function (k) { return PACKAGE.test(k.url); })[0];
        return key ? cache.match(key).then(function (r) { return r.json(); }) : null;
      });
    });
  }

  function remove(id) {
    remember(id, null);
    return caches.delete(PREFIX + id);
  }
  T.removeAllSaved = function () {
    return caches.keys().then(function (keys) {
      T.put(SAVED, {});
      return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0; })
        .map(function (k) { return caches.delete(k); }));
    });
  };

  // Only what changed: new or changed files are fetched, gone ones deleted.
  function update(id, entry) {
    return Promise.all([savedPackage(id), getPackage(entry.p)]).then(function (both) {
      var old = both[0], pkg = both[1];
      if (old && old.version === pkg.version) return remember(id, { p: entry.p, c: Date.now() });
      var before = {};
      (old ? old.files : []).forEach(function (f) { before[f.url] = f.v + ":" + f.bytes; });
      var changed = pkg.files.filter(function (f) { return before[f.url] !== f.v + ":" + f.bytes; });
      var keep = {};
      pkg.files.forEach(function (f) { keep[f.url] = 1; });
      return store(pkg, entry.p, changed).then(function () {
        return caches.open(PREFIX + id).then(function (cache) {
          return Promise.all((old ? old.files : []).filter(function (f) { return !keep[f.url]; })
            .map(function (f) { return cache.delete(f.url); }));
        });
      });
    }).catch(function () { /* offline or gone: try again later */ });
  }
  function updateAll() {
    if (!navigator.onLine) return;
    var saved = index();
    // On "save data", updates wait for the learner to open the module.
    if (navigator.connection && navigator.connection.saveData) return;
    Object.keys(saved).forEach(function (id) {
      if (Date.now() - (saved[id].c || 0) > 216e5) update(id, saved[id]);
    });
  }

  // The module page: ask, show the size, then save.
  function saveBox(box) {
    var url = box.getAttribute("data-save"), id = box.getAttribute("data-module-id");
    var ask = box.querySelector("[data-save-ask]"), confirm = box.querySelector("[data-save-confirm]");
    var status = box.querySelector("[data-save-status]"), bar = box.querySelector("[data-save-progress]");
    var removeBox = box.querySelector("[data-save-remove-box]"), pkg = null;
    var text = function (name, values) { return T.fill(box.getAttribute(name), values || {}); };
    function showSaved(p) {
      ask.hidden = true;
      confirm.hidden = true;
      bar.hidden = true;
      removeBox.hidden = false;
      status.textContent = text("data-saved-text", { size: size(p.bytes) });
    }
    ask.addEventListener("click", function () {
      ask.disabled = true;
      getPackage(url).then(function (p) {
        pkg = p;
        box.querySelector("[data-save-size]").textContent = text("data-size-text", { size: size(p.bytes) });
        ask.hidden = true;
        confirm.hidden = false;
        box.querySelector("[data-save-go]").focus();
      }, function () {
        status.textContent = text("data-error-text");
      }).then(function () { ask.disabled = false; });
    });
    box.querySelector("[data-save-cancel]").addEventListener("click", function () {
      confirm.hidden = true;
      ask.hidden = false;
      ask.focus();
    });
    box.querySelector("[data-save-go]").addEventListener("click", function () {
      var estimate = navigator.storage && navigator.storage.estimate ? navigator.storage.estimate() : Promise.resolve(null);
      estimate.then(function (room) {
        if (room && room.quota - room.usage < pkg.bytes) {
          status.textContent = text("data-space-text");
          return;
        }
        confirm.hidden = true;
        bar.hidden = false;
        bar.max = pkg.bytes;
        return store(pkg, url, pkg.files, function (done) {
          bar.value = done;
          status.textContent = text("data-saving-text", { done: size(done), total: size(pkg.bytes) });
        }).then(function () { showSaved(pkg); if (T.refresh) T.refresh(); });
      }).catch(function () {
        bar.hidden = true;
        ask.hidden = false;
        status.textContent = text("data-error-text");
        remove(id);
      });
    });
    box.querySelector("[data-save-remove]").addEventListener("click", function () {
      remove(id).then(function () {
        removeBox.hidden = true;
        ask.hidden = false;
        status.textContent = text("data-removed-text");
        if (T.refresh) T.refresh();
        ask.focus();
      });
    });
    savedPackage(id).then(function (p) {
      if (p) {
        showSaved(p);
        // Opening a saved module online brings it up to date.
        if (navigator.onLine) update(id, { p: url });
      }
      box.hidden = false;
    }, function () { box.hidden = false; });
  }

  // The offline page: what can be read without a connection.
  function savedList(list) {
    caches.keys().then(function (keys) {
      var ids = keys.filter(function (k) { return k.indexOf(PREFIX) === 0; })
        .map(function (k) { return k.slice(PREFIX.length); });
      return Promise.all(ids.map(savedPackage));
    }).then(function (packages) {
      packages.filter(Boolean).forEach(function (p) {
        var item = d.createElement("li"), link = d.createElement("a"), meta = d.createElement("span");
        link.href = p.url;
        link.textContent = p.title;
        meta.className = "meta";
        // A workshop plan saved from its live view (live/save.js) has no lessons.
        var text = list.getAttribute(p.kind === "plan" ? "data-plan-text" : "data-lessons-text");
        meta.textContent = T.fill(text, { n: p.lessons, size: size(p.bytes) });
        item.appendChild(link);
        item.appendChild(meta);
        list.appendChild(item);
      });
      var none = d.querySelector("[data-saved-none]");
      if (none) none.hidden = !!list.children.length;
    });
  }

  // The index may be older than the caches (cleared by the browser).
  caches.keys().then(function (keys) {
    var saved = index();
    Object.keys(saved).forEach(function (id) {
      if (keys.indexOf(PREFIX + id) < 0) remember(id, null);
    });
    T.all("[data-save]").forEach(saveBox);
    T.all("[data-saved-list]").forEach(savedList);
    if (T.refresh) T.refresh();
    updateAll();
  });
  w.addEventListener("online", updateAll);
})(window, document);
