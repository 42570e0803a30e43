// Checklist index filter: show only the checklists for one role and/or scenario.
// Works without this script too: then every checklist is simply listed.
(function () {
  function setup() {
    var box = document.querySelector("[data-kb-filter]");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    box.hidden = false;
    var selects = box.querySelectorAll("select[data-kb-filter-key]");
    var count = box.querySelector("[data-kb-filter-count]");
    var cards = document.querySelectorAll(".kb-card");
    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var ok = true;
        selects.forEach(function (s) {
          var want = s.value;
          var have = (card.dataset[s.dataset.kbFilterKey] || "").split("|");
          if (want && have.indexOf(want) < 0) ok = false;
        });
        card.hidden = !ok;
        if (ok) shown++;
      });
      // Hide a stage heading when none of its checklists is shown.
      document.querySelectorAll(".md-typeset h2").forEach(function (h) {
        var el = h.nextElementSibling, any = false, has = false;
        while (el && el.tagName !== "H2") {
          if (el.classList.contains("kb-card")) { has = true; if (!el.hidden) any = true; }
          el = el.nextElementSibling;
        }
        if (has) h.hidden = !any;
      });
      if (count) count.textContent = "显示 " + shown + " / " + cards.length + " 份";
    }
    selects.forEach(function (s) { s.addEventListener("change", apply); });
    apply();
  }
  if (window.document$) window.document$.subscribe(setup); else document.addEventListener("DOMContentLoaded", setup);
})();
