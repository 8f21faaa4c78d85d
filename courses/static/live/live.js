/* Taller: facilitate a workshop live (templates/live/).

   The state of the running workshop lives only in this browser
   (localStorage, keyed by the guide or plan): which activity is on, when
   its timer started, the minutes added or taken away. Nothing is sent
   anywhere. The facilitator's view and the projector's view read the same
   state, so when both are open on one device (two windows), either one
   moves both: the "storage" event tells the other window. */
(function (w, d) {
  "use strict";
  var root = d.querySelector("[data-live]");
  if (!root) return;
  var KEY = "taller:envivo:" + root.getAttribute("data-live");
  var projector = root.getAttribute("data-live-role") === "projector";
  var items = [].slice.call(root.querySelectorAll("[data-live-item]"));
  var planned = items.map(function (el) { return Math.max(1, +el.getAttribute("data-minutes") || 1); });
  var MIN = 60000, lang = d.documentElement.lang || "es", lock = null, saidUp = -1;
  if (!items.length) return;

  function $(name) { return root.querySelector("[data-live-" + name + "]"); }
  function t(name, values) {
    var text = root.getAttribute("data-t-" + name) || "";
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values && k in values ? values[k] : m; });
  }
  function fresh() { return { i: 0, start: null, run: null, used: 0, extra: {}, end: null }; }
  function load() {
    try {
      var s = JSON.parse(localStorage.getItem(KEY));
      if (s && typeof s.i === "number") return s;
    } catch (e) { /* unreadable: start again */ }
    return fresh();
  }
  var state = load();
  function save() {
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* full: keep going in memory */ }
  }

  // Minutes of activity k after +5/−5 (never under one).
  function minutes(k) { return Math.max(1, planned[k] + (state.extra[k] || 0)); }
  function elapsed(now) { return state.used + (state.run ? now - state.run : 0); }
  function remaining(now) { return minutes(state.i) * MIN - elapsed(now); }
  function sum(list) { return list.reduce(function (a, b) { return a + b; }, 0); }
  function clock(ms) { return new Date(ms).toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" }); }
  function countdown(ms) {
    var s = Math.ceil(Math.abs(ms) / 1000), m = Math.floor(s / 60);
    return (ms < 0 ? "+" : "") + m + ":" + ("0" + (s % 60)).slice(-2);
  }
  // When each activity from the current one on is expected to start.
  function expectedStarts(now) {
    var starts = {}, at = now + Math.max(0, remaining(now));
    if (!state.start) at = now + minutes(state.i) * MIN;
    for (var k = state.i + 1; k < items.length; k++) { starts[k] = at; at += minutes(k) * MIN; }
    return { starts: starts, end: at };
  }

  var actions = {
    toggle: function (now) {
      if (state.end) return;
      if (!state.start) { state.start = now; state.run = now; }
      else if (state.run) { state.used = elapsed(now); state.run = null; }
      else state.run = now;
    },
    more: function () { state.extra[state.i] = (state.extra[state.i] || 0) + 5; },
    less: function () { state.extra[state.i] = Math.max((state.extra[state.i] || 0) - 5, 1 - planned[state.i]); },
    next: function (now) {
      if (state.i < items.length - 1) move(state.i + 1, now);
      else if (state.start && !state.end) { state.end = now; state.used = elapsed(now); state.run = null; }
    },
    back: function (now) {
      if (state.end) { state.end = null; state.run = now; return; }
      if (state.i > 0) move(state.i - 1, now);
    },
    reset: function () {
      if (!projector && !w.confirm(t("reset"))) return false;
      state = fresh();
    }
  };
  function move(k, now) {
    state.i = k;
    state.used = 0;
    if (state.run) state.run = now; // running: the new activity's timer starts now
  }
  function act(name) {
    var now = Date.now();
    if (actions[name](now) === false) return;
    save();
    render();
    awake();
  }

  function show(el, text) { if (el) el.textContent = text; }

  function renderFacilitator(now) {
    var i = state.i, n = items.length, left = remaining(now), over = state.start && !state.end && left <= 0;
    var ahead = expectedStarts(now);
    items.forEach(function (el, k) {
      el.classList.toggle("is-current", k === i);
      el.classList.toggle("is-past", k < i);
      if (k === i) el.setAttribute("aria-current", "step"); else el.removeAttribute("aria-current");
      if (state.start && k in ahead.starts) show(el.querySelector("[data-live-starts]"), clock(ahead.starts[k]));
    });
    show($("position"), t("position", { n: i + 1, total: n }));
    show($("current"), items[i].getAttribute("data-title"));
    show($("timer"), state.end ? "0:00" : countdown(state.start ? left : minutes(i) * MIN));
    show($("minutes"), t("minutes", { minutes: minutes(i) }));
    var toggle = root.querySelector("[data-live-action=toggle]");
    toggle.textContent = !state.start ? t("start") : state.run ? t("pause") : t("resume");
    toggle.disabled = !!state.end;
    if (i + 1 < n) {
      show($("next"), t("next", { time: clock(ahead.starts[i + 1]), title: items[i + 1].getAttribute("data-title"), minutes: minutes(i + 1) }));
    } else show($("next"), t("last"));
    var plannedEnd = (state.start || now) + sum(planned) * MIN;
    var expectedEnd = state.end || ahead.end;
    if (!state.start) plannedEnd = now + sum(planned.slice(i)) * MIN;
    show($("planned"), t("planned", { time: clock(plannedEnd) }));
    show($("expected"), t("expected", { time: clock(expectedEnd) }));
    var delay = Math.round((expectedEnd - plannedEnd) / MIN);
    var status = delay === 0 ? t("on-time") : delay > 0 ? (delay === 1 ? t("late-one") : t("late", { n: delay }))
      : (delay === -1 ? t("early-one") : t("early", { n: -delay }));
    if (!state.start) status += " " + t("not-started");
    else if (state.end) status = t("finished") + " " + status;
    else if (!state.run) status = t("paused") + " " + status;
    show($("delay"), status);
    root.classList.toggle("live--late", delay > 0);
    root.classList.toggle("is-over", !!over);
    root.classList.toggle("is-running", !!state.run);
    // The time-up message is said once per activity (role=status), never as a sound.
    if (over && saidUp !== i) { show($("timeup"), t("time-up")); saidUp = i; }
    if (!over) { show($("timeup"), ""); saidUp = -1; }
  }

  function renderProjector(now) {
    var left = remaining(now), over = state.start && !state.end && left <= 0;
    items.forEach(function (el, k) { el.hidden = k !== state.i; });
    var timer = $("timer");
    timer.hidden = !state.start || !!state.end;
    show(timer, countdown(left));
    root.classList.toggle("is-over", !!over);
  }

  function render() {
    var now = Date.now();
    if (state.i >= items.length) state.i = items.length - 1;
    if (projector) renderProjector(now); else renderFacilitator(now);
  }

  // Keep the screen on while the workshop runs, where the browser allows it.
  function awake() {
    if (projector || !("wakeLock" in navigator)) return;
    if (state.run && !lock && d.visibilityState === "visible") {
      navigator.wakeLock.request("screen").then(function (l) {
        lock = l;
        l.addEventListener("release", function () { lock = null; });
      }).catch(function () { /* refused (battery saver): the page still works */ });
    } else if (!state.run && lock) {
      lock.release();
      lock = null;
    }
  }

  root.classList.add("live--on");
  [].slice.call(root.querySelectorAll("[data-live-nojs]")).forEach(function (el) { el.hidden = true; });
  [].slice.call(root.querySelectorAll("[data-live-js], [data-live-panel]")).forEach(function (el) { el.hidden = false; });
  [].slice.call(root.querySelectorAll("[data-live-action]")).forEach(function (button) {
    button.addEventListener("click", function () { act(button.getAttribute("data-live-action")); });
  });
  if (projector) {
    // Arrows, space and a presenter's clicker (PageUp/PageDown).
    d.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var forward = ["ArrowRight", "ArrowDown", "PageDown", " "], backward = ["ArrowLeft", "ArrowUp", "PageUp"];
      if (forward.indexOf(event.key) >= 0) { event.preventDefault(); act("next"); }
      else if (backward.indexOf(event.key) >= 0) { event.preventDefault(); act("back"); }
    });
  }
  w.addEventListener("storage", function (event) {
    if (event.key === KEY) { state = load(); render(); awake(); }
  });
  d.addEventListener("visibilitychange", awake);
  render();
  awake();
  w.setInterval(render, 1000);
})(window, document);
