"""MkDocs adapter for deployment: what ships in site/ for a web server, a file:// copy or paper.

- The offline copy (OFFLINE=true, Material's offline plugin) loads iframe-worker from the site
  itself, not from a CDN: the plugin names unpkg, this hook swaps in the vendored file.
- After the build, kb.postbuild: the redirect pages' inline script becomes a file (the CSP
  blocks inline scripts), and no source maps ship.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # kb/ sits beside hooks/

from kb import postbuild  # noqa: E402

SHIM = "assets/javascripts/vendor/iframe-worker-1.0.4/shim.js"


@event_priority(-100)  # after the offline plugin has added its CDN address
def on_config(config):
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [SHIM if "iframe-worker" in str(p) else p for p in polyfills]
    return config


@event_priority(-200)  # last: after every plugin has written its files
def on_post_build(config):
    redirects = config.plugins.get("redirects")
    maps = dict(redirects.config.get("redirect_maps") or {}) if redirects else {}
    postbuild.redirect_scripts(Path(config.site_dir), maps, config.use_directory_urls)
    postbuild.strip_source_maps(Path(config.site_dir))
