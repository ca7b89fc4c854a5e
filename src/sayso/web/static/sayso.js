// Progressive enhancement only: every page reads without this file. Clicking a quote shows its card in a
// popover and marks it in the side list; clicking a claim or event in the side list highlights its span.
(function () {
  "use strict";
  const pop = document.getElementById("pop");

  function clearHl() {
    document.querySelectorAll(".hl").forEach((el) => el.classList.remove("hl"));
  }

  function showQuote(mark) {
    const id = mark.dataset.q;
    const card = document.getElementById("quote-" + id);
    clearHl();
    document.querySelectorAll('mark.q[data-q="' + id + '"]').forEach((el) => el.classList.add("hl"));
    if (!card || !pop) return;
    card.classList.add("hl");
    const copy = card.cloneNode(true);
    copy.removeAttribute("id");
    pop.replaceChildren(copy);
    const box = mark.getBoundingClientRect();
    pop.style.top = window.scrollY + box.bottom + 6 + "px";
    pop.style.left = Math.max(8, Math.min(window.scrollX + box.left, window.innerWidth - 400)) + "px";
    pop.hidden = false;
    card.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("click", (ev) => {
    const mark = ev.target.closest("mark.q");
    if (mark && !ev.target.closest("a")) {
      showQuote(mark);
      ev.stopPropagation();
      return;
    }
    const jump = ev.target.closest("a.jump");
    if (jump) {
      ev.preventDefault();
      clearHl();
      const sel = "[data-" + jump.dataset.target + '="' + jump.dataset.key + '"]';
      const spans = document.querySelectorAll("#article-text " + sel);
      spans.forEach((el) => el.classList.add("hl"));
      if (spans.length) spans[0].scrollIntoView({ block: "center", behavior: "smooth" });
      return;
    }
    if (pop && !ev.target.closest("#pop")) pop.hidden = true;
  });

  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && pop) pop.hidden = true;
    if (ev.key === "Enter" && ev.target.matches && ev.target.matches("mark.q")) showQuote(ev.target);
  });
})();
