/* Quick exit (issue 7). The button is a plain link to a neutral site, so it
   works without JavaScript. With it, leaving is immediate and leaves no
   history entry: the page is hidden at once, then replaced (location.replace),
   so Back does not return here. Pressing Shift three times in a row, within
   two seconds, does the same, as in the GOV.UK "Exit this page" pattern.
   Earlier pages of this site stay in the browser history: the "staying safe
   online" page says so. */
(function () {
  "use strict";

  var PRESSES = 3;
  var WINDOW_MS = 2000;
  var container = document.querySelector("[data-quick-exit]");
  var button = document.querySelector("[data-quick-exit-button]");
  if (!container || !button) {
    return;
  }
  var status = container.querySelector("[data-quick-exit-status]");
  var presses = [];
  var leaving = false;

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.classList.add("quick-exit-active");
    document.title = "\u2026";
    if (leaving) {
      return;
    }
    leaving = true;
    window.location.replace(button.href);
  }

  function announce(remaining) {
    if (!status) {
      return;
    }
    var text = remaining === 2 ? container.dataset.twoMore : remaining === 1 ? container.dataset.oneMore : "";
    status.textContent = text || "";
  }

  button.addEventListener("click", leave);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = [];
      announce(0);
      return;
    }
    if (event.repeat) {
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (time) {
      return now - time < WINDOW_MS;
    });
    presses.push(now);
    if (presses.length >= PRESSES) {
      presses = [];
      leave();
    } else {
      announce(PRESSES - presses.length);
    }
  });

  // A page restored from the back-forward cache after leaving stays hidden
  // and leaves again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && leaving) {
      window.location.replace(button.href);
    }
  });
})();
