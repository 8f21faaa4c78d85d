/* Taller module and "my modules" pages: progress bars, lessons ticked off,
   the certificate once every lesson is done, and "forget my progress on
   this device". Reads this browser's memory only (see core.js). */
(function (w, d) {
  "use strict";
  var T = w.Taller;
  if (!T) return;

  // Lessons done are kept by translation key, the same in every language;
  // progress kept by page id moves to the key ("id:key" pairs on the page).
  var old = T.progress();
  T.all("[data-progress-keys]").forEach(function (list) {
    T.ids(list.getAttribute("data-progress-keys")).forEach(function (pair) {
      pair = pair.split(":");
      if (old.done[pair[0]]) { old.done[pair[1]] = 1; delete old.done[pair[0]]; T.save(old); }
    });
  });

  function refresh() {
    var p = T.progress(), saved = T.get("taller:guardados");
    T.resume();
    T.all("[data-progress]").forEach(function (box) {
      var lessons = T.ids(box.getAttribute("data-progress")), done = T.count(lessons);
      box.querySelector("progress").value = done;
      box.querySelector("[data-progress-text]").textContent =
        T.fill(box.getAttribute("data-text"), { done: done, total: lessons.length });
      box.hidden = false;
      var certificate = d.querySelector("[data-certificate]");
      if (certificate) certificate.hidden = !lessons.length || done < lessons.length;
    });
    var label = d.querySelector("[data-done-label]");
    T.all("[data-lesson-id]").forEach(function (item) {
      var done = !!p.done[item.getAttribute("data-lesson-id")], mark = item.querySelector(".learning-sr");
      item.classList.toggle("is-done", done);
      if (done && !mark && label) {
        mark = d.createElement("span");
        mark.className = "learning-sr";
        mark.textContent = " (" + label.getAttribute("data-done-label") + ")";
        item.querySelector("a").appendChild(mark);
      } else if (!done && mark) {
        mark.remove();
      }
    });
    // "My modules": those started or saved on this device.
    T.all("[data-my-modules] [data-module]").forEach(function (item) {
      var id = item.getAttribute("data-module");
      var started = p.last[id] || T.count(T.ids(item.querySelector("[data-progress]").getAttribute("data-progress")));
      item.querySelector("[data-saved-badge]").hidden = !saved[id];
      item.hidden = !(started || saved[id]);
    });
    var empty = d.querySelector("[data-my-empty]");
    if (empty) empty.hidden = !!d.querySelector("[data-my-modules] [data-module]:not([hidden])");
  }
  T.refresh = refresh;

  // Forget, after a second step that says what will go.
  var box = d.querySelector("[data-forget-box]");
  if (box) {
    var confirm = box.querySelector("[data-forget-confirm]"), status = box.querySelector("[data-forget-status]");
    var ask = box.querySelector("[data-forget]"), yes = box.querySelector("[data-forget-yes]");
    ask.addEventListener("click", function () {
      confirm.hidden = false;
      status.textContent = "";
      yes.focus();
    });
    box.querySelector("[data-forget-no]").addEventListener("click", function () {
      confirm.hidden = true;
      ask.focus();
    });
    yes.addEventListener("click", function () {
      var done = function () {
        confirm.hidden = true;
        status.textContent = status.getAttribute("data-done-text");
        refresh();
      };
      T.forget();
      if (box.querySelector("[data-forget-saved]").checked && T.removeAllSaved) {
        T.removeAllSaved().then(done, done);
      } else {
        done();
      }
    });
    box.hidden = false;
  }
  T.all("[data-nojs]").forEach(function (el) { el.hidden = true; });
  refresh();
})(window, document);
