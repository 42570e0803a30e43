// Page behaviour that needs a script. Every page still reads and prints without it.
(function () {
  // 大字: a switch in the header; large-text.js applies the stored choice before paint.
  function largeTextSwitch() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".kb-large-toggle")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button kb-large-toggle";
    button.textContent = "大字";
    button.title = "放大正文字号（再按一次恢复）";
    var root = document.documentElement;
    function show() { button.setAttribute("aria-pressed", root.classList.contains("kb-large") ? "true" : "false"); }
    button.addEventListener("click", function () {
      root.classList.toggle("kb-large");
      try { localStorage.setItem("xfkb.large-text", root.classList.contains("kb-large") ? "1" : "0"); } catch (e) {}
      show();
    });
    show();
    var search = header.querySelector(".md-search");
    header.insertBefore(button, search || null);
  }

  // A checklist page's items get real tick boxes. Ticks live in this tab only: nothing is
  // stored, so a reloaded page (or the next visitor) starts with a clean list.
  function tickBoxes() {
    document.querySelectorAll(".md-typeset h4.kb-item").forEach(function (h) {
      if (h.querySelector("input.kb-tick")) return;
      var box = document.createElement("input");
      box.type = "checkbox";
      box.className = "kb-tick";
      box.setAttribute("aria-label", "已完成：" + h.textContent.replace(/[¶#]\s*$/, "").trim());
      box.addEventListener("change", function () { h.classList.toggle("kb-item--done", box.checked); });
      h.insertBefore(box, h.firstChild);
      h.classList.add("kb-item--tickable");
    });
  }

  // Checklist index filter: show only the checklists for one role and/or scenario.
  // Works without this script too: then every checklist is simply listed.
  function filter() {
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
  // Material searches on keyup only. Pasted text, an input method's commit and voice input
  // change the box without a key: pass each such change on as a keyup.
  function searchOnInput() {
    var box = document.querySelector("input.md-search__input");
    if (!box || box.dataset.kbInput) return;
    box.dataset.kbInput = "1";
    box.addEventListener("input", function () { box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true })); });
  }

  // Wide tables (four columns or more) fold into labelled rows on a phone (kb.css): each cell
  // carries its column's heading, so no column hides off-screen.
  function stackTables() {
    document.querySelectorAll("article table").forEach(function (table) {
      var heads = [].map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
      if (heads.length < 4 || table.hasAttribute("data-kb-stack")) return;
      table.setAttribute("data-kb-stack", "");
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        [].forEach.call(tr.children, function (td, i) { if (heads[i]) td.setAttribute("data-label", heads[i]); });
      });
    });
  }

  function setup() { largeTextSwitch(); tickBoxes(); filter(); searchOnInput(); stackTables(); }
  if (window.document$) window.document$.subscribe(setup); else document.addEventListener("DOMContentLoaded", setup);
})();
