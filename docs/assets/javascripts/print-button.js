// The 打印 button on one-pagers, handouts and the binder (a file, so a strict CSP allows it).
document.addEventListener("click", function (ev) {
  if (ev.target.closest("[data-kb-print]")) window.print();
});
