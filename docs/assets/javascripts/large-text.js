// 大字 (large type, 适老化): the reader's choice, remembered across pages, applied in <head>
// before the page paints. kb.js draws the switch in the header. Screen only: print is unchanged.
(function () {
  try {
    if (localStorage.getItem("xfkb.large-text") === "1") document.documentElement.classList.add("kb-large");
  } catch (e) { /* storage off: the switch still works for this page */ }
})();
