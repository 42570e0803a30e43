"""MkDocs adapter for deployment: what ships in site/ for a web server, a file:// copy or paper.

- The offline copy (OFFLINE=true, Material's offline plugin) loads iframe-worker from the site
  itself, not from a CDN: the plugin names unpkg, this hook swaps in the vendored file.
- No source maps: Material ships *.map files and names them at the end of its bundles; neither
  is deployed (they expose nothing useful and only cost bytes and 404s).
- The redirects plugin's pages carry an inline script (blocked by the CSP): it becomes
  assets/javascripts/redirect.js, which keeps an old link's #anchor.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority

SHIM = "assets/javascripts/vendor/iframe-worker-1.0.4/shim.js"
REDIRECT_JS = "assets/javascripts/redirect.js"
INLINE_SCRIPT = re.compile(r"<script>var anchor=window\.location\.hash.*?</script>", re.S)
MAP_COMMENT = re.compile(rb"\n?(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")


@event_priority(-100)  # after the offline plugin has added its CDN address
def on_config(config):
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [SHIM if "iframe-worker" in str(p) else p for p in polyfills]
    return config


@event_priority(-200)  # last: after every plugin has written its files
def on_post_build(config):
    site = Path(config.site_dir)
    redirects = config.plugins.get("redirects")
    if redirects:
        from mkdocs_redirects.plugin import get_html_path
        for old in redirects.config.get("redirect_maps") or {}:
            rel = get_html_path(old, config.use_directory_urls)
            page = site / rel
            if page.is_file():
                script = posixpath.relpath(REDIRECT_JS, posixpath.dirname(rel) or ".")
                text = INLINE_SCRIPT.sub(f'<script src="{script}"></script>', page.read_text("utf-8"))
                page.write_text(text, "utf-8")
    for path in site.rglob("*.map"):
        path.unlink()
    for path in [*site.rglob("*.js"), *site.rglob("*.css")]:
        data = path.read_bytes()
        stripped = MAP_COMMENT.sub(b"\n", data)
        if stripped != data:
            path.write_bytes(stripped)
