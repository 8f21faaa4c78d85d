/* Taller, workshop planner: remembers the trainer's current plan (its edit
   link) in this browser only, so "Add to my workshop" on a guide adds to it;
   copy buttons; "forget this plan on this device". Everything works without
   it: the links then open the planner. */
(function (w, d) {
  "use strict";
  var KEY = "taller:plan";
  function all(s) { return [].slice.call(d.querySelectorAll(s)); }
  function current() {
    try {
      var plan = JSON.parse(localStorage.getItem(KEY));
      var url = plan && new URL(plan.url, location.href);
      // Only an edit link of this site, never something else stored here.
      if (url && url.origin === location.origin && /\/[a-z-]+\/[\w-]{16}\/[a-z-]+\/[\w-]{43}\/$/.test(url.pathname)) {
        // The "add" address is in the plan's language (…/anadir/, …/add/);
        // plans remembered before it was stored add through the Spanish one.
        var add = plan.add && new URL(plan.add, location.href);
        var fits = add && add.origin === location.origin && add.pathname.indexOf(url.pathname) === 0;
        return { url: url.href, title: String(plan.title || ""), add: fits ? add.href : url.href + "anadir/" };
      }
    } catch (e) { /* nothing stored, or storage off */ }
    return null;
  }
  function remember(url, title, add) {
    try { localStorage.setItem(KEY, JSON.stringify({ url: url, title: title, add: add })); } catch (e) { /* full or off */ }
  }
  function forget() {
    try { localStorage.removeItem(KEY); } catch (e) { /* off */ }
  }

  var page = d.querySelector("[data-plan-remember]");
  if (page) remember(page.getAttribute("data-plan-remember"), page.getAttribute("data-plan-title"), page.getAttribute("data-plan-add-url"));
  if (d.querySelector("[data-plan-forget]")) forget();  // the plan was deleted

  function show() {
    var plan = current();
    all("[data-plan-remembered], [data-plan-forget-button]").forEach(function (el) { el.hidden = !plan; });
    all("[data-plan-current]").forEach(function (box) {
      box.hidden = !plan;
      var link = box.querySelector("[data-plan-current-link]");
      if (plan && link) { link.href = plan.url; link.textContent = plan.title; }
    });
    all("[data-plan-add]").forEach(function (link) {
      var label = link.querySelector("[data-plan-add-label]");
      if (!label) return;
      if (!label.hasAttribute("data-default")) label.setAttribute("data-default", label.textContent);
      label.textContent = plan
        ? link.getAttribute("data-plan-add-text").replace("{title}", plan.title)
        : label.getAttribute("data-default");
    });
  }
  show();

  all("[data-plan-forget-button]").forEach(function (button) {
    button.addEventListener("click", function () {
      forget();
      show();
      var status = d.querySelector("[data-plan-forget-status]");
      if (status) status.textContent = status.getAttribute("data-done-text");
    });
  });

  // On a guide: add the activity to the remembered plan with a plain form
  // POST (same origin, so the planner accepts it), as the planner's own
  // "Add" button would.
  all("[data-plan-add]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var plan = current();
      if (!plan) return;
      event.preventDefault();
      var form = d.createElement("form");
      form.method = "post";
      form.action = plan.add;
      var field = d.createElement("input");
      field.type = "hidden";
      field.name = "actividad";
      field.value = link.getAttribute("data-plan-add");
      form.appendChild(field);
      d.body.appendChild(form);
      form.submit();
    });
  });

  all("[data-copy]").forEach(function (button) {
    var field = d.getElementById(button.getAttribute("data-copy"));
    if (!field) return;
    button.hidden = false;
    var text = button.textContent;
    button.addEventListener("click", function () {
      field.select();
      // The button says "Copiado" and so does a live region, for screen readers.
      var status = d.querySelector('[data-copy-status="' + field.id + '"]');
      var done = function () {
        button.textContent = button.getAttribute("data-copied-text");
        if (status) status.textContent = button.getAttribute("data-copied-text");
        w.setTimeout(function () {
          button.textContent = text;
          if (status) status.textContent = "";
        }, 2500);
      };
      if (navigator.clipboard && w.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () { d.execCommand("copy"); done(); });
      } else {
        d.execCommand("copy");
        done();
      }
    });
  });
})(window, document);
