"""What is done to the built site after the engine has written it: the same for the hooks'
build (hooks/search_index.py, hooks/deploy.py) and for a hook-free one (`python -m kb finish SITE`).

- The search index gets its hidden keywords (kb.search).
- The redirects plugin's pages carry an inline script, which the CSP blocks: it becomes
  assets/javascripts/redirect.js, which keeps an old link's #anchor.
- No source maps: Material ships *.map files and names them at the end of its bundles; neither
  is deployed (they expose nothing useful and only cost bytes and 404s).
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from . import search

REDIRECT_JS = "assets/javascripts/redirect.js"
INLINE_SCRIPT = re.compile(r"<script>var anchor=window\.location\.hash.*?</script>", re.S)
MAP_COMMENT = re.compile(rb"\n?(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")


def search_keywords(site: Path) -> None:
    """Sub-words, synonyms and article numbers into search/search_index.json; ValueError if
    kb/data/synonyms.yml is malformed."""
    path = Path(site) / "search" / "search_index.json"
    index = search.enrich(json.loads(path.read_text("utf-8")), search.load_synonyms())
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")


def redirect_page(old: str, directory_urls: bool = True) -> str:
    """Where the redirects plugin writes the page for an old docs file, as MkDocs names pages:
    "a/b.md" -> "a/b/index.html", "a/index.md" and "a/README.md" -> "a/index.html"."""
    if not old.endswith(".md"):
        return old
    folder, _, name = old[:-3].rpartition("/")
    prefix = f"{folder}/" if folder else ""
    if name in ("index", "README"):
        return f"{prefix}index.html"
    return f"{prefix}{name}/index.html" if directory_urls else f"{prefix}{name}.html"


def redirect_scripts(site: Path, redirect_maps: dict[str, str], directory_urls: bool = True) -> None:
    for old in redirect_maps:
        rel = redirect_page(old, directory_urls)
        page = Path(site) / rel
        if page.is_file():
            script = posixpath.relpath(REDIRECT_JS, posixpath.dirname(rel) or ".")
            page.write_text(INLINE_SCRIPT.sub(f'<script src="{script}"></script>', page.read_text("utf-8")), "utf-8")


def strip_source_maps(site: Path) -> None:
    site = Path(site)
    for path in site.rglob("*.map"):
        path.unlink()
    for path in [*site.rglob("*.js"), *site.rglob("*.css")]:
        data = path.read_bytes()
        stripped = MAP_COMMENT.sub(b"\n", data)
        if stripped != data:
            path.write_bytes(stripped)


def finish(site: Path, redirect_maps: dict[str, str], directory_urls: bool = True) -> None:
    search_keywords(site)
    redirect_scripts(site, redirect_maps, directory_urls)
    strip_source_maps(site)
