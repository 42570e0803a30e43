"""Reading a built site: pages, links and anchors, as a browser would resolve them."""

from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
from bs4 import BeautifulSoup


@lru_cache(maxsize=None)
def _soup(path: str) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text("utf-8"), "html.parser")


@lru_cache(maxsize=None)
def _tree(path: str):
    return lxml.html.document_fromstring(Path(path).read_bytes())


def tree(site: Path, url: str):
    """The page parsed by lxml: fifty times faster than a soup, for the checks that read every page."""
    return _tree(str(file_for(site, url)))


def soup(site: Path, url: str) -> BeautifulSoup:
    """The page at a site URL such as "checklists/x/" or "print/x/index.html"."""
    return _soup(str(file_for(site, url)))


def file_for(site: Path, url: str) -> Path:
    path = unquote(url)
    if path == "" or path.endswith("/"):
        path += "index.html"
    return site / path


def html_pages(site: Path) -> list[str]:
    """Every HTML page's URL relative to the site root (index.html files as directories)."""
    urls = []
    for f in sorted(site.rglob("*.html")):
        rel = f.relative_to(site).as_posix()
        urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


def resolve(page_url: str, href: str) -> tuple[str, str] | None:
    """A relative link on a page -> (target URL, fragment); None for external or special links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:", "data:")):
        return None
    base = page_url if page_url.endswith("/") or page_url == "" else posixpath.dirname(page_url) + "/"
    if not parts.path:
        return page_url, unquote(parts.fragment)
    if parts.path.startswith("/"):  # site-absolute, as on 404.html (the site is served at the root)
        base = ""
    target = posixpath.normpath(posixpath.join(base, parts.path.lstrip("/")))
    if parts.path.endswith("/") and not target.endswith("/"):
        target += "/"
    if target == ".":
        target = ""
    elif target.startswith("./"):
        target = target[2:]
    return target, unquote(parts.fragment)


def ids(site: Path, url: str) -> set[str]:
    return set(tree(site, url).xpath("//@id"))


def hrefs(site: Path, url: str) -> list[str]:
    """Every link's target on a page, in order."""
    return tree(site, url).xpath("//a/@href")
