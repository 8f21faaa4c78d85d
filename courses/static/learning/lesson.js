/* Taller lesson pages: "mark as done", self-check feedback at once, and
   glossary definitions under the words. Progress stays in this browser
   (see core.js); nothing is sent. Every string comes from the page. */
(function (w, d) {
  "use strict";
  var T = w.Taller;
  if (!T) return;
  var lesson = d.querySelector("[data-lesson]");

  // Mark as done
  var box = d.querySelector("[data-done-box]");
  if (lesson && box) {
    var id = lesson.getAttribute("data-lesson");
    var button = box.querySelector("[data-done]"), status = box.querySelector("[data-done-status]");
    var show = function (announce) {
      var done = T.isDone(id);
      button.textContent = button.getAttribute(done ? "data-unmark" : "data-mark");
      button.classList.toggle("button--light", done);
      box.classList.toggle("is-done", done);
      if (announce || done) status.textContent = done ? status.getAttribute("data-on") : "";
      var all = T.ids(lesson.getAttribute("data-lessons"));
      box.querySelector("[data-finished]").hidden = !all.length || T.countDone(all) < all.length;
    };
    button.addEventListener("click", function () {
      T.setDone(id, !T.isDone(id));
      show(true);
    });
    box.hidden = false;
    show(false);
  }

  // Self-check: each option becomes a button; choosing one shows at once
  // whether it is right, its feedback and the explanation.
  T.all("[data-self-check]").forEach(function (check) {
    var answers = T.all(".self-check__answer li", check);
    var feedback = check.querySelector("[data-self-check-feedback]");
    var explanation = check.querySelector("[data-explanation]");
    var options = T.all(".self-check__options > li", check);
    check.querySelector(".self-check__options").classList.add("is-live");
    options.forEach(function (option, index) {
      var choice = d.createElement("button");
      choice.type = "button";
      choice.className = "self-check__choice";
      choice.setAttribute("aria-pressed", "false");
      while (option.firstChild) choice.appendChild(option.firstChild);
      option.appendChild(choice);
      choice.addEventListener("click", function () {
        var right = answers[index] && answers[index].classList.contains("is-correct");
        options.forEach(function (other) {
          var b = other.firstChild;
          b.setAttribute("aria-pressed", String(b === choice));
          other.classList.remove("is-right", "is-wrong");
        });
        option.classList.add(right ? "is-right" : "is-wrong");
        feedback.textContent = "";
        var verdict = d.createElement("p"), text = option.getAttribute("data-feedback");
        verdict.className = "self-check__verdict";
        verdict.textContent = check.getAttribute(right ? "data-right" : "data-wrong");
        feedback.appendChild(verdict);
        if (text) {
          var said = d.createElement("p");
          said.textContent = text;
          feedback.appendChild(said);
        }
        if (explanation) feedback.appendChild(explanation.cloneNode(true));
        feedback.className = "self-check__feedback " + (right ? "is-right" : "is-wrong");
      });
    });
  });

  // Glossary: the definition opens under the term instead of jumping away.
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
