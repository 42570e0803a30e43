// Pages the redirects plugin writes for renamed pages (mkdocs.yml redirect_maps) load this
// instead of their inline script, which a strict Content-Security-Policy blocks: it forwards
// the #anchor of an old link too. Without it the page's meta refresh still opens the new page.
(function () {
  var link = document.querySelector('link[rel="canonical"]');
  if (!link) return;
  var target = link.href;
  location.replace(target.indexOf("#") < 0 ? target + location.hash : target);
})();
