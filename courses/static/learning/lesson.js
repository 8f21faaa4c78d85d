/* Taller lessons: "mark as done" (see core.js), self-check feedback,
   glossary definitions in place. Strings come from the page. */
(function (w, d) {
  "use strict";
  var T = w.Taller, lesson = d.querySelector("[data-lesson]"), box = d.querySelector("[data-done-box]");
  if (!T || !lesson) return;

  if (box) {
    var id = lesson.getAttribute("data-lesson"), button = box.querySelector("[data-done]");
    var status = box.querySelector("[data-done-status]"), all = T.ids(lesson.getAttribute("data-lessons"));
    var show = function () {
      var done = !!T.progress().done[id];
      button.textContent = button.getAttribute(done ? "data-unmark" : "data-mark");
      button.classList.toggle("button--light", done);
      box.classList.toggle("is-done", done);
      status.textContent = done ? status.getAttribute("data-on") : "";
      box.querySelector("[data-finished]").hidden = T.count(all) < all.length;
    };
    button.addEventListener("click", function () {
      var p = T.progress();
      if (p.done[id]) delete p.done[id]; else p.done[id] = 1;
      T.save(p);
      show();
    });
    box.hidden = false;
    show();
  }

  // Self-check: a choice shows at once if it is right, why, and the explanation.
  T.all("[data-self-check]").forEach(function (check) {
    var answers = T.all(".self-check__answer li", check), list = check.querySelector(".self-check__options");
    var feedback = check.querySelector("[data-self-check-feedback]"), explanation = check.querySelector("[data-explanation]");
    var form = check.querySelector("form"), options = T.all("li", list);
    list.classList.add("is-live");
    form.querySelector(".self-check__submit").hidden = true;
    options.forEach(function (option, n) {
      var choice = d.createElement("button"), radio = option.querySelector("input");
      choice.type = "button";
      choice.className = "self-check__choice";
      choice.setAttribute("aria-pressed", String(radio.checked));
      choice.textContent = option.querySelector("label span").textContent;
      option.textContent = "";
      option.appendChild(choice);
      choice.addEventListener("click", function () {
        var right = answers[n].classList.contains("is-correct"), kind = right ? "is-right" : "is-wrong";
        options.forEach(function (other) {
          other.className = other === option ? kind : "";
          other.firstChild.setAttribute("aria-pressed", String(other === option));
        });
        feedback.textContent = "";
        feedback.className = "self-check__feedback " + kind;
        // The feedback is written once, in the answers shown without JavaScript.
        var said = answers[n].querySelector("[data-feedback]");
        [check.getAttribute(right ? "data-right" : "data-wrong"), said && said.textContent].forEach(function (text, i) {
          if (!text) return;
          var line = d.createElement("p");
          line.className = i ? "" : "self-check__verdict";
          line.textContent = text;
          feedback.appendChild(line);
        });
        feedback.appendChild(explanation.cloneNode(true));
      });
    });
  });

  // Glossary: the definition opens under the term.
  T.all("a[data-term]").forEach(function (link, n) {
    var target = d.getElementById(link.getAttribute("href").slice(1));
    var definition = target && target.querySelector("[data-definition]");
    if (!definition) return;
    var tip = d.createElement("span");
    tip.className = "term-tip";
    tip.id = "term-tip-" + n;
    tip.hidden = true;
    tip.textContent = definition.textContent;
    link.after(tip);
    link.setAttribute("aria-expanded", "false");
    link.setAttribute("aria-controls", tip.id);
    link.addEventListener("click", function (event) {
      event.preventDefault();
      tip.hidden = !tip.hidden;
      link.setAttribute("aria-expanded", String(!tip.hidden));
    });
    link.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !tip.hidden) link.click();
    });
  });
})(window, document);
