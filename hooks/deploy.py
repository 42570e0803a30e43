"""MkDocs adapter for deployment: what ships in site/ for a web server, a file:// copy or paper.

- The offline copy (OFFLINE=true, Material's offline plugin) loads iframe-worker from the site
  itself, not from a CDN: the plugin names unpkg, this hook swaps in the vendored file.
- No source maps: Material ships *.map files and names them at the end of its bundles; neither
  is deployed (they expose nothing useful and only cost bytes and 404s).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import event_priority

SHIM = "assets/javascripts/vendor/iframe-worker-1.0.4/shim.js"
MAP_COMMENT = re.compile(rb"\n?(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")


@event_priority(-100)  # after the offline plugin has added its CDN address
def on_config(config):
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [SHIM if "iframe-worker" in str(p) else p for p in polyfills]
    return config


@event_priority(-200)  # last: after every plugin has written its files
def on_post_build(config):
    site = Path(config.site_dir)
    for path in site.rglob("*.map"):
        path.unlink()
    for path in [*site.rglob("*.js"), *site.rglob("*.css")]:
        data = path.read_bytes()
        stripped = MAP_COMMENT.sub(b"\n", data)
        if stripped != data:
            path.write_bytes(stripped)
