// Point Material's search at workers/kb-search.js, which wraps Material's own worker (see there).
// Runs after <script id="__config"> and before Material's bundle reads it (overrides/main.html).
(function () {
  var el = document.getElementById("__config");
  var config = JSON.parse(el.textContent);
  var cut = config.search.lastIndexOf("/") + 1;
  config.search = config.search.slice(0, cut) + "kb-search.js?worker=" +
    encodeURIComponent(config.search.slice(cut));
  el.textContent = JSON.stringify(config);
})();
