// Query-side Chinese segmentation for Material's search worker.
//
// Material splits a Chinese query against the words in the index, but it never tries a
// word that reaches the end of the query and it drops the wildcard of all but the last
// word, so 办理期限 searches only 办理 and 群体性事件 searches only 事. This worker wraps
// Material's own (overrides/main.html points the site at it): it splits the query itself,
// longest index word first, and makes Material's splitter pass each word through whole.
// Everything else (index, ranking, results) is Material's.
(function () {
  "use strict";
  var SETUP = 0, QUERY = 2;  // Material's SearchMessageType
  var HAN = /[\u3400-\u9fff]+/g;
  var MAX_WORD = 8;
  var words = null;

  function vocabulary(index) {
    var sep = new RegExp(index.config.separator, "g");
    var found = new Set();
    index.docs.forEach(function (doc) {
      ["title", "text", "keywords"].forEach(function (field) {
        (doc[field] || "").replace(/<[^>]+>/g, " ").split(sep).forEach(function (w) {
          if (w && /[\u3400-\u9fff]/.test(w)) found.add(w.toLowerCase());
        });
      });
    });
    return found;
  }

  // Forward maximum matching: at each position take the longest word of the index.
  function split(run) {
    var out = [], i = 0;
    while (i < run.length) {
      var n = Math.min(MAX_WORD, run.length - i);
      while (n > 1 && !words.has(run.substr(i, n))) n--;
      out.push(run.substr(i, n));
      i += n;
    }
    return out.join(" ");
  }

  function segment(query) {
    return query.split(/\s+/).map(function (term) {
      if (words.has(term.toLowerCase())) return term;  // e.g. 60日, 第二十二条
      return term.replace(HAN, function (run) { return " " + split(run) + " "; });
    }).join(" ").replace(/\s+/g, " ").trim();
  }

  self.addEventListener("message", function (ev) {
    var message = ev.data;
    if (message.type === SETUP) words = vocabulary(message.data);
    else if (message.type === QUERY && words) message.data = segment(message.data);
  });

  // Material's worker is named in our URL (?worker=…). In the offline copy, iframe-worker runs
  // this file as a <script> in an iframe (and appends "?<time>"): there our URL is the script's,
  // and importScripts loads asynchronously, returning a promise.
  var me = new URL(self.document && document.currentScript ? document.currentScript.src : self.location.href);
  var loaded = importScripts(new URL((me.searchParams.get("worker") || "").split("?")[0], me).href);

  // Material's splitter asks `word in invertedIndex`; answering no makes it keep each
  // (already split) word whole. lunr itself only reads the index with [], never `in`.
  function keepWordsWhole() {
    Object.defineProperty(self.lunr.Index.prototype, "invertedIndex", {
      configurable: true,
      get: function () { return this.kbInvertedIndex; },
      set: function (value) {
        this.kbInvertedIndex = new Proxy(value, { has: function () { return false; } });
      }
    });
  }
  if (loaded && typeof loaded.then === "function") loaded.then(keepWordsWhole); else keepWordsWhole();
})();
