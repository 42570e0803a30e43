// Query understanding for Material's search worker.
//
// Material splits a Chinese query against the words in the index, but it never tries a
// word that reaches the end of the query and it drops the wildcard of all but the last
// word, so 办理期限 searches only 办理 and 群体性事件 searches only 事. This worker wraps
// Material's own (overrides/main.html points the site at it): it splits the query itself
// (maximum matching against the index's words), drops filler words of a typed sentence,
// and makes Material's splitter pass each word through whole. It also reads the query's
// intent (a deadline question, a rule question, a described situation) and moves the
// result groups that answer it to the front. The index and the scores are Material's.
(function () {
  "use strict";
  var SETUP = 0, QUERY = 2, RESULT = 3;  // Material's SearchMessageType
  var HAN = /[\u3400-\u9fff]+/g;
  var MAX_WORD = 8;
  var words = null;

  function vocabulary(index) {
    var sep = new RegExp(index.config.separator, "g");
    var found = new Set();
    index.docs.forEach(function (doc) {
      ["title", "text", "keywords", "title_keywords"].forEach(function (field) {
        (doc[field] || "").replace(/<[^>]+>/g, " ").split(sep).forEach(function (w) {
          if (w && /[\u3400-\u9fff]/.test(w)) found.add(w.toLowerCase());
        });
      });
    });
    return found;
  }

  // Maximum matching against the words of the index, from the front and from the back; the
  // split with fewer single characters wins (then fewer words): 威胁要报复 -> 威胁 要 报复.
  function forward(run) {
    var out = [], i = 0;
    while (i < run.length) {
      var n = Math.min(MAX_WORD, run.length - i);
      while (n > 1 && !words.has(run.substr(i, n))) n--;
      out.push(run.substr(i, n));
      i += n;
    }
    return out;
  }

  function backward(run) {
    var out = [], j = run.length;
    while (j > 0) {
      var n = Math.min(MAX_WORD, j);
      while (n > 1 && !words.has(run.substr(j - n, n))) n--;
      out.unshift(run.substr(j - n, n));
      j -= n;
    }
    return out;
  }

  function singles(parts) { return parts.filter(function (w) { return w.length === 1; }).length; }

  function split(run) {
    var f = forward(run), b = backward(run);
    var best = singles(b) < singles(f) || (singles(b) === singles(f) && b.length <= f.length) ? b : f;
    return best.join(" ");
  }

  // Words that carry no subject in a typed sentence (他说要去……、……怎么办、……吗). Dropped
  // when the query has other words, so that 「他要举报村支书」 searches 举报 and 村支书.
  var FILLER = new Set(("的 了 吗 呢 吧 啊 呀 么 着 过 他 她 它 我 你 您 们 他们 我们 说 要 想 去 来 在 是 有 个 " +
    "就 都 也 还 又 把 被 给 让 和 跟 与 对 向 从 这 那 这个 那个 一个 怎么 怎么办 怎样 什么 哪 哪个 " +
    "谁 吗 能 会 可以 应该 需要 要不要 还是 已经 一直 老 总 很 太 又要 自己 人家 一下 一点 个人 几个 多少 " +
    "以后 之后 算不算 行不行 可不可以 有没有 信访人 来访人").split(" "));

  var HAN_CHAR = /^[\u3400-\u9fff]$/;
  var RULE_QUESTION = /吗$|谁|哪一级|哪个单位|要不要|算不算|有什么责任|追责|能不能|可不可以|怎么算|最多几|多少人|什么时候/;
  var DEADLINE_QUESTION = /几天|多少天|多久|多长时间|几个工作日|几日|多少日|哪天|天内|期限(?!快|要到|到了)/;
  // 三十多个人、二十几个人、几十个人: a head count means many people have come.
  var HEADCOUNT = /(\d+|[二三四五六七八九十几百]+)[多几]?个?人/;

  // Words of a question kept whole whatever the index holds around them (几天内 -> 几天 内).
  var QUESTION_WORDS = /几个工作日|多少个工作日|多少天|几天|多久|多长时间|几日|多少日/g;

  function segment(query) {
    var terms = query.replace(QUESTION_WORDS, " $& ").split(/\s+/).map(function (term) {
      if (words.has(term.toLowerCase())) return term;  // e.g. 60日, 第二十二条
      return term.replace(HAN, function (run) { return " " + split(run) + " "; });
    }).join(" ").split(/\s+/).filter(Boolean);
    var kept = terms.filter(function (t) { return !FILLER.has(t); });
    var spoken = kept.length < terms.length;  // 他说要……、……了: a sentence, not a term
    // A lone character matches almost every entry; keep it only when little else is left.
    var longer = kept.filter(function (t) { return t.length > 1 || !HAN_CHAR.test(t); });
    if (longer.length >= 2) kept = longer;
    // A question about a deadline (几天、多久、几个工作日……) is looking for the time limits; a
    // question about a rule (谁批准、还受理吗……) for the article. Both are said with the words
    // the index gives those entries: the time-limit table's title, the articles' kind (条文).
    intent = DEADLINE_QUESTION.test(query) ? DEADLINE_PAGES : RULE_QUESTION.test(query) ? RULE_PAGES
      : spoken ? DESK_TOOLS : null;
    if (HEADCOUNT.test(query)) kept.push("人多");
    if (intent === DEADLINE_PAGES) kept.push("时限", "条文");
    else if (intent === RULE_PAGES) kept.push("条文");
    return (kept.length ? kept : terms).join(" ");
  }

  // A question is answered by the time-limit table or the 条例 itself: their result groups come
  // first, in Material's own order; everything else follows as Material ranked it.
  var DEADLINE_PAGES = ["regulations/time-limits", "regulations/xinfang-gongzuo-tiaoli"];
  var RULE_PAGES = ["regulations/xinfang-gongzuo-tiaoli"];
  // A sentence that is not a question describes a situation at the desk: the finder and the
  // checklists come first. A term typed alone keeps Material's order (article, item, case).
  var DESK_TOOLS = ["finder", "checklists"];
  var intent = null;

  function rank(group) {
    var page = group[0].location.split("#")[0];
    for (var i = 0; i < intent.length; i++) if (page.indexOf(intent[i]) === 0) return i;
    return intent.length;
  }

  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && intent && message.data && message.data.items) {
      var items = message.data.items.map(function (g, i) { return [rank(g), i, g]; });
      items.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
      message.data.items = items.map(function (x) { return x[2]; });
    }
    return post.apply(self, arguments);
  };

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
