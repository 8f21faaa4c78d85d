/* Taller on every page: the learner's progress, kept in this browser only
   (localStorage) and never sent anywhere; "continue where I left off";
   progress bars; "forget my progress"; the offline web app. Without
   JavaScript none of this shows and every page still works. */
(function (w, d) {
  "use strict";
  var KEY = "taller:avance", SAVED = "taller:guardados";
  var me = d.currentScript;

  function get(key) {
    try { return JSON.parse(localStorage.getItem(key)) || {}; } catch (e) { return {}; }
  }
  function put(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode, full */ }
  }
  function all(selector, root) { return [].slice.call((root || d).querySelectorAll(selector)); }
  function ids(text) { return (text || "").split(" ").filter(Boolean); }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  var T = w.Taller = {
    get: get, put: put, all: all, ids: ids, fill: fill, SAVED: SAVED,
    progress: function () { var p = get(KEY); p.done = p.done || {}; p.last = p.last || {}; return p; },
    save: function (p) { put(KEY, p); },
    isDone: function (id) { return !!T.progress().done[id]; },
    setDone: function (id, on) {
      var p = T.progress();
      if (on) p.done[id] = 1; else delete p.done[id];
      T.save(p);
    },
    countDone: function (lessons) {
      var done = T.progress().done;
      return lessons.filter(function (id) { return done[id]; }).length;
    },
    forget: function () { localStorage.removeItem(KEY); },
    refresh: refresh
  };

  // A lesson remembers itself as the place to come back to.
  var lesson = d.querySelector("[data-lesson]");
  if (lesson) {
    var p = T.progress(), data = lesson.dataset;
    p.last[data.module] = { u: location.pathname, t: data.title };
    p.recent = data.module;
    T.save(p);
  }

  function refresh() {
    var p = T.progress();
    all("[data-continue]").forEach(function (box) {
      var last = p.last[box.getAttribute("data-continue") || p.recent];
      box.hidden = !last;
      if (last) {
        box.querySelector("a").href = last.u;
        box.querySelector("[data-continue-title]").textContent = last.t;
      }
    });
    all("[data-progress]").forEach(function (box) {
      var lessons = ids(box.getAttribute("data-progress")), done = T.countDone(lessons);
      box.querySelector("progress").value = done;
      box.querySelector("[data-progress-text]").textContent =
        fill(box.getAttribute("data-text"), { done: done, total: lessons.length });
      box.hidden = false;
      var certificate = d.querySelector("[data-certificate]");
      if (certificate) certificate.hidden = !lessons.length || done < lessons.length;
    });
    var label = (d.querySelector("[data-done-label]") || me).getAttribute("data-done-label");
    all("[data-lesson-id]").forEach(function (item) {
      var done = !!p.done[item.getAttribute("data-lesson-id")], mark = item.querySelector(".learning-sr");
      item.classList.toggle("is-done", done);
      if (done && !mark && label) {
        mark = d.createElement("span");
        mark.className = "learning-sr";
        mark.textContent = " (" + label + ")";
        item.querySelector("a").appendChild(mark);
      } else if (!done && mark) mark.remove();
    });
    var saved = get(SAVED);
    all("[data-my-modules] [data-module]").forEach(function (item) {
      var id = item.getAttribute("data-module");
      var started = p.last[id] || T.countDone(ids(item.querySelector("[data-progress]").getAttribute("data-progress")));
      item.querySelector("[data-saved-badge]").hidden = !saved[id];
      item.hidden = !(started || saved[id]);
    });
    var empty = d.querySelector("[data-my-empty]");
    if (empty) empty.hidden = !!d.querySelector("[data-my-modules] [data-module]:not([hidden])");
    var forget = d.querySelector("[data-forget-box]");
    if (forget) forget.hidden = false;
  }

  // "Forget my progress on this device", with a second step to confirm.
  function forgetting() {
    var box = d.querySelector("[data-forget-box]");
    if (!box) return;
    var confirm = box.querySelector("[data-forget-confirm]"), status = box.querySelector("[data-forget-status]");
    box.querySelector("[data-forget]").addEventListener("click", function () {
      confirm.hidden = false;
      status.textContent = "";
      box.querySelector("[data-forget-yes]").focus();
    });
    box.querySelector("[data-forget-no]").addEventListener("click", function () {
      confirm.hidden = true;
      box.querySelector("[data-forget]").focus();
    });
    box.querySelector("[data-forget-yes]").addEventListener("click", function () {
      T.forget();
      var alsoSaved = box.querySelector("[data-forget-saved]").checked;
      var done = function () {
        confirm.hidden = true;
        status.textContent = status.getAttribute("data-done-text");
        refresh();
      };
      if (alsoSaved && T.removeAllSaved) T.removeAllSaved().then(done, done); else done();
    });
  }

  all("[data-nojs]").forEach(function (el) { el.hidden = true; });
  refresh();
  forgetting();

  // The offline web app. Saved modules look for updates at most every six
  // hours when online (learning/offline.js does the work).
  if ("serviceWorker" in navigator && me && me.getAttribute("data-sw")) {
    w.addEventListener("load", function () {
      navigator.serviceWorker.register(me.getAttribute("data-sw")).catch(function () {});
      var saved = get(SAVED), due = Object.keys(saved).some(function (id) {
        return Date.now() - (saved[id].c || 0) > 216e5;
      });
      if (due && navigator.onLine && !w.TallerOffline) {
        var s = d.createElement("script");
        s.src = me.getAttribute("data-offline");
        d.head.appendChild(s);
      }
    });
  }
})(window, document);
