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

  // 复制链接: each article, checklist item, case section and course module copies its address
  // with its anchor: the site's canonical address when it has one (a deployment build), else
  // this page's own (a preview, or the offline copy opened from file://).
  function pageAddress() {
    var canonical = document.querySelector('link[rel="canonical"]');
    return (canonical ? canonical.href : location.href).split("#")[0];
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyBySelection(text); });
    }
    return copyBySelection(text);  // http:// on an intranet has no clipboard API
  }

  function copyBySelection(text) {
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.readOnly = true;
      area.className = "kb-offscreen";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (e) { done = false; }
      document.body.removeChild(area);
      if (done) resolve(); else reject(new Error("copy refused"));
    });
  }

  function citeButtons() {
    document.querySelectorAll(".md-typeset .kb-cite[id]").forEach(function (h) {
      if (h.querySelector(".kb-cite-button")) return;
      var address = pageAddress() + "#" + h.id;
      var label = h.textContent.replace(/[¶#]\s*$/, "").trim();
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kb-cite-button";
      button.title = address;
      button.setAttribute("aria-label", "复制链接：" + label);
      button.textContent = "复制链接";
      var anchor = document.createElement("span");
      anchor.className = "kb-cite-anchor";
      anchor.textContent = "#" + h.id;
      var status = document.createElement("span");
      status.className = "kb-cite-status";
      status.setAttribute("role", "status");
      button.addEventListener("click", function () {
        copyText(address).then(function () {
          status.textContent = "已复制";
          setTimeout(function () { status.textContent = ""; }, 3000);
        }, function () {
          // No way to copy here: show the address selected, for Ctrl+C.
          var field = document.createElement("input");
          field.className = "kb-cite-field";
          field.readOnly = true;
          field.value = address;
          field.setAttribute("aria-label", "本节链接");
          status.textContent = "";
          status.appendChild(field);
          field.select();
        });
      });
      var group = document.createElement("span");
      group.className = "kb-cite-tools";
      group.appendChild(button);
      group.appendChild(anchor);
      group.appendChild(status);
      h.insertBefore(group, h.querySelector(".headerlink"));
    });
  }

  // An old anchor (an item or situation whose id changed, `former_ids` in its YAML) opens the
  // new one: printed links keep working after a rename.
  function formerIds() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    var found = Array.prototype.filter.call(document.querySelectorAll("[data-former-ids]"), function (el) {
      return el.getAttribute("data-former-ids").split(" ").indexOf(id) >= 0;
    })[0];
    if (found) location.replace("#" + found.id);
  }

  // 最近更新: only the changes since a date.
  function sinceFilter() {
    var input = document.getElementById("kb-since");
    if (!input) return;
    var box = input.closest(".kb-since");
    var count = box.querySelector(".kb-since-count");
    function apply() {
      var since = input.value, shown = 0, rows = box.querySelectorAll("tbody tr");
      rows.forEach(function (row) {
        var keep = !since || row.cells[0].textContent.trim() >= since;
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      count.textContent = since ? since + " 以后共 " + shown + " 处修改" : "";
    }
    input.addEventListener("input", apply);
    input.addEventListener("change", apply);
  }

  window.addEventListener("hashchange", formerIds);

  function setup() {
    largeTextSwitch(); tickBoxes(); filter(); searchOnInput(); stackTables(); citeButtons(); formerIds(); sinceFilter();
  }
  if (window.document$) window.document$.subscribe(setup); else document.addEventListener("DOMContentLoaded", setup);
})();
