/* Taller, every page: progress kept in this browser only (localStorage,
   never sent), "continue where I left off", the offline web app. */
(function (w, d) {
  "use strict";
  var KEY = "taller:avance", me = d.currentScript;
  function get(k) { try { return JSON.parse(localStorage.getItem(k)) || {}; } catch (e) { return {}; } }
  function put(k, v) { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* full */ } }
  var T = w.Taller = {
    get: get,
    put: put,
    all: function (s, root) { return [].slice.call((root || d).querySelectorAll(s)); },
    ids: function (text) { return (text || "").split(" ").filter(Boolean); },
    fill: function (text, v) { return text.replace(/\{(\w+)\}/g, function (m, k) { return k in v ? v[k] : m; }); },
    progress: function () { var p = get(KEY); p.done = p.done || {}; p.last = p.last || {}; return p; },
    save: function (p) { put(KEY, p); },
    count: function (ids) { var done = T.progress().done; return ids.filter(function (id) { return done[id]; }).length; },
    forget: function () { localStorage.removeItem(KEY); },
    resume: function () {
      var p = T.progress();
      T.all("[data-continue]").forEach(function (box) {
        var last = p.last[box.getAttribute("data-continue") || p.recent];
        box.hidden = !last;
        if (last) {
          box.querySelector("a").href = last.u;
          box.querySelector("[data-continue-title]").textContent = last.t;
        }
      });
    }
  };

  // A lesson is the place to come back to.
  var lesson = d.querySelector("[data-lesson]"), p = T.progress();
  if (lesson) {
    p.recent = lesson.getAttribute("data-module");
    p.last[p.recent] = { u: location.pathname, t: lesson.getAttribute("data-title") };
    T.save(p);
  }
  T.resume();

  // Saved modules look for updates every six hours (offline.js).
  if ("serviceWorker" in navigator && me) {
    w.addEventListener("load", function () {
      navigator.serviceWorker.register(me.getAttribute("data-sw")).catch(function () {});
      var saved = get("taller:guardados");
      var due = Object.keys(saved).some(function (id) { return Date.now() - (saved[id].c || 0) > 216e5; });
      if (due && navigator.onLine && !w.TallerOffline) {
        var s = d.createElement("script");
        s.src = me.getAttribute("data-offline");
        d.head.appendChild(s);
      }
    });
  }
})(window, document);
