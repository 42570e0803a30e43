"""The docs tree as the build sees it: the hand-written pages and every file made from the content.

hooks/library.py hands the generated files to MkDocs. `python -m kb render DIR` writes the whole
tree to a folder, and a hook-free MkDocs config for it, so another engine (or plain MkDocs)
builds the site without our hooks: Material for MkDocs 9.x is maintained until 2027-05-05, and
its successor reads mkdocs.yml but ignores `hooks:`.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from markupsafe import escape

from . import holidays, navigation, published
from .deploy import deployment_url
from .errors import KbError, Problem
from .library import Library, load_library
from .pages import DocPage, check_markdown_tree, doc_pages
from .render import Output, render_site
from .search import USERDICT
from .unit import local_rules, site_name


@dataclass(frozen=True)
class Docs:
    generated: list[Output]  # every file made from the content, the unit's local/docs pages and the holiday table
    pages: list[DocPage]  # the hand-written pages, docs/ and local/docs/
    problems: list[Problem]  # what stops the build: lost published addresses, names taken twice


def build(root: Path, library: Library, site_url: str = "", directory_urls: bool = True,
          redirects: dict[str, str] | None = None) -> Docs:
    """Everything the build adds to docs/, and the problems with it."""
    root = Path(root)
    local_docs = root / "local" / "docs"
    problems = check_markdown_tree(local_docs, root) if local_docs.is_dir() else []
    pages = doc_pages(root / "docs") + doc_pages(local_docs, prefix="local/")
    redirects = dict(redirects or {})
    outputs = render_site(library, site_url, pages=pages, directory_urls=directory_urls, redirects=redirects)
    # Every address once published still leads somewhere (published-urls.txt).
    problems += published.check(root, published.addresses(library, outputs, pages), redirects, library)
    # The unit's own Markdown pages, published under local/ and marked 本单位 (overrides/main.html).
    outputs += [Output(f"local/{p.relative_to(local_docs).as_posix()}", p.read_text("utf-8-sig"))
                for p in sorted(local_docs.rglob("*.md"))] if local_docs.is_dir() else []
    try:  # the 时限计算器's holiday table, a script (the file:// copy cannot fetch JSON)
        outputs.append(Output(holidays.URI, holidays.to_js(holidays.build_table())))
    except holidays.HolidayTableError as err:
        problems.append(Problem("kb/holidays.py", "", str(err), "检查 requirements.txt 中的 chinese-calendar"))
    for o in outputs:
        if (root / "docs" / o.uri).exists():
            problems.append(Problem(f"docs/{o.uri}", "", "与生成的文件同名",
                                    f"删除或改名 docs/{o.uri}：它由 {o.source or 'kb'} 生成"))
    return Docs(outputs, pages, problems)


def load_and_build(root: Path, site_url: str = "", directory_urls: bool = True,
                   redirects: dict[str, str] | None = None) -> tuple[Library, Docs]:
    """The content read (KbError if it has problems) and the docs tree built from it."""
    library = load_library(root)
    return library, build(root, library, site_url, directory_urls, redirects)


def walk_order(uri: str) -> tuple:
    """Where a file comes in MkDocs' walk of a docs folder (folders sorted, a folder's own files
    before its subfolders', index and README first): the hooks put the generated files in this
    order, so the page order (tags, sitemap, search index) is the one a build of `kb render`'s
    folder has."""
    *folders, name = uri.split("/")
    return tuple(folders), name.rsplit(".", 1)[0] not in ("index", "README"), name


def address(root: Path, library: Library) -> str:
    """The deployment address as the build takes it: SITE_URL, else unit.yml's site_url."""
    return deployment_url(os.environ.get("SITE_URL")) or library.unit.site_url


def write(root: Path, library: Library, dest: Path, docs: Docs) -> int:
    """docs/ and the generated files into dest, each page's kb: markers replaced as the build
    replaces them; returns the number of files written."""
    root, dest = Path(root), Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(root / "docs", dest)
    for o in docs.generated:
        path = dest / o.uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(o.content, bytes):
            path.write_bytes(o.content)
        else:
            path.write_text(o.content, "utf-8")
    problems = []
    for path in sorted(dest.rglob("*.md")):
        text = path.read_text("utf-8-sig")
        try:
            replaced = local_rules(text, path.relative_to(dest).as_posix(), library.unit)
        except KbError as err:
            problems += err.problems
            continue
        if replaced != text:
            path.write_text(replaced, "utf-8")
    if problems:
        raise KbError(problems)
    return sum(1 for p in dest.rglob("*") if p.is_file())


TOP_KEY = re.compile(r"^([A-Za-z_]+):")
DROPPED = {"hooks", "watch", "nav", "site_url", "site_name", "docs_dir", "site_dir"}


def plain_config(root: Path, library: Library, docs_dir: Path, site_url: str) -> str:
    """mkdocs.yml for the rendered tree: no hooks, and what the hooks set written out (the
    navigation with the generated pages, the unit's name and address, the domain dictionary)."""
    root = Path(root).resolve()
    nav = yaml.load((root / "mkdocs.yml").read_text("utf-8"), Loader=published._IgnoreTags)["nav"]
    navigation.extend(nav, library)
    navigation.add_local(nav, root)
    kept, skipping = [], False
    for line in (root / "mkdocs.yml").read_text("utf-8").splitlines():
        key = TOP_KEY.match(line)
        if key:
            skipping = key.group(1) in DROPPED
        if skipping:
            continue
        line = re.sub(r"^(\s+custom_dir:\s*)(\S+)", lambda m: m.group(1) + str(root / m.group(2)), line)
        kept.append(line)
        if line.strip() == "- search:":  # Material cuts the pages with jieba: give it the domain words
            kept.append(f"      jieba_dict_user: {USERDICT.resolve()}")
    head = [f"# Written by python -m kb render from {root / 'mkdocs.yml'}: the same site with no hooks.",
            # escaped as the unit hook escapes it: MkDocs' templates print site_name as HTML
            f"site_name: {yaml.safe_dump(str(escape(site_name(library.unit))), allow_unicode=True).splitlines()[0]}",
            f"docs_dir: {Path(docs_dir).resolve()}"]
    if site_url:
        head.append(f"site_url: {site_url}")
    tail = yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False, width=1000)
    return "\n".join(head + kept) + "\n" + tail
