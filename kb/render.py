"""Render the library into pages: Markdown for MkDocs, standalone HTML for printing.

Templates live in kb/templates. In Markdown templates every `{{ }}` is made inert by
`md_plain` (see kb.text); only ids and links that this module builds are printed as is.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import jinja2
import segno
from markupsafe import Markup

from .library import REGULATION_ID, Library
from .model import art_number
from .pages import DocPage, doc_pages
from .text import cn_number, md_plain, trusted
from .unit import PROVINCIAL_RULES

TEMPLATES = Path(__file__).with_name("templates")
STAGES = ("接待前", "接待中", "接待后", "突发情况")
MOMENTS = {  # stage -> (URL slug, one-line introduction)
    "接待前": ("before", "开门之前：公示、场地、系统、分工和预案都准备好，来访人一到就能依法、有序地接谈。"),
    "接待中": ("during", "来访人就在面前：倾听、登记、复述确认，讲清办理途径和时限，守住安全。"),
    "接待后": ("after", "来访人离开之后：按时限受理告知、转送交办、办理、出具意见书、回访，一件件落实。"),
    "突发情况": ("emergency", "出现危险、群体性聚集或舆情时：先保人身安全，再依法报告和处置，事后复盘。"),
}
REGULATION_URI = f"regulations/{REGULATION_ID}.md"
ARTICLE_REF = re.compile(r"第(\d+)条")  # as the content writes the 条例's articles: 第34条


@dataclass(frozen=True)
class Output:
    uri: str  # where the file sits in the docs tree, e.g. "checklists/group-visit.md"
    content: str
    source: str = ""  # the YAML file it was generated from, for the edit link


def relative(from_uri: str, to_uri: str, anchor: str = "") -> Markup:
    """A link from one docs file to another (or to an anchor on it), as MkDocs expects."""
    path = posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".") if to_uri != from_uri else ""
    return trusted(path + (f"#{anchor}" if anchor else "")) if path or anchor else trusted("./")


def arts_label(refs: list[str]) -> str:
    """["art-21", "art-22"] -> "第21、22条", as official documents write several articles."""
    return f"第{'、'.join(str(art_number(r)) for r in refs)}条" if refs else ""


def attrs(anchor: str, *classes: str) -> Markup:
    """A Markdown attribute list for a heading: { #anchor .class }."""
    parts = [f"#{trusted(anchor)}"] + [f".{trusted(c)}" for c in classes if c]
    return Markup("{ " + " ".join(parts) + " }")


@lru_cache(maxsize=4096)
def qr_svg(url: str) -> Markup:
    """A QR code of a URL as inline SVG (segno, pure Python; nothing fetched), encoded once per address."""
    return Markup(segno.make(url, error="m").svg_inline(scale=1, border=4, omitsize=True))


def page_url(uri: str) -> str:
    """The published URL of a docs file, e.g. "checklists/x.md" -> "checklists/x/"."""
    if uri.endswith("index.md"):
        return uri[: -len("index.md")]
    if uri.endswith("index.html"):
        return uri[: -len("index.html")]
    return uri[: -len(".md")] + "/"


class Renderer:
    def __init__(self, library: Library, site_url: str = "", today: date | None = None,
                 pages: list[DocPage] | None = None, directory_urls: bool = True):
        self.lib = library
        self.directory_urls = directory_urls  # False in the offline copy: links name index.html
        self.doc_pages = doc_pages(library.root / "docs") if pages is None else list(pages)
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.today = (today or date.today()).isoformat()
        common = dict(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
        self.md = jinja2.Environment(autoescape=False, finalize=md_plain, **common)
        self.html = jinja2.Environment(autoescape=True, **common)
        for env in (self.md, self.html):
            env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}
            env.globals.update(lib=library, unit=library.unit, stages=STAGES, cn_number=cn_number, today=self.today,
                               province_page=PROVINCIAL_RULES.get(library.unit.province, ""),
                               regulation=library.regulation, site_url=self.site_url)
            env.filters["arts_label"] = arts_label
            env.globals["attrs"] = attrs
            env.globals["trusted_id"] = trusted
        self.html.globals["qr"] = qr_svg
        self.html.filters["checklist_label"] = lambda ref: library.checklist_item(ref)[0].title

    # Links from a Markdown page: relative to its source file, so MkDocs checks them.
    def links(self, page_uri: str) -> dict:
        def to(uri: str, anchor: str = "") -> Markup:
            return relative(page_uri, uri, anchor)

        def art(ref: str) -> Markup:
            return Markup(f"[第{art_number(ref)}条]({to(REGULATION_URI, ref)})")

        def checklists(refs: list[str]) -> Markup:
            """Checklist references, one entry per checklist with its items after it."""
            by_list: dict[str, list[str]] = {}
            for ref in refs:
                cid, _, iid = ref.partition("#")
                by_list.setdefault(cid, []).append(iid)
            parts = []
            for cid, iids in by_list.items():
                c = self.lib.checklists[cid]
                items = [next(i for i in c.items if i.id == iid) for iid in iids if iid]
                link = f"[{md_plain(c.title)}]({to(c.src_uri)})"
                if items:
                    link += "：" + "、".join(f"[{md_plain(i.text)}]({to(c.src_uri, i.id)})" for i in items)
                parts.append(link)
            return Markup("；".join(parts))

        def cites(text: str) -> Markup:
            """Running text with each 第N条 of the 条例 linked to its article (not other laws' articles)."""
            out, last = [], 0
            for m in ARTICLE_REF.finditer(text):
                n = int(m.group(1))
                before = text[:m.start()]
                sentence = re.split(r"[。；\n]", before)[-1]
                titles = re.findall(r"《([^》]+)》", sentence)
                if n > len(self.lib.regulation.articles) or (titles and titles[-1] != "信访工作条例"):
                    continue
                out += [md_plain(text[last:m.start()]), Markup(f"[第{n}条]({to(REGULATION_URI, f'art-{n}')})")]
                last = m.end()
            out.append(md_plain(text[last:]))
            return Markup("").join(out)

        def feedback(uri: str, anchor: str = "") -> Markup:
            """The 报告问题 link for a page or an item on it; "" without a feedback channel."""
            if not self.lib.unit.feedback:
                return Markup("")
            link = self.lib.unit.feedback.link(self.site_url + page_url(uri), anchor)
            return trusted(quote(link, safe=":/?#@&=%~+"))  # nothing that could end a Markdown link

        return dict(to=to, art=art, checklists=checklists, cites=cites, feedback=feedback,
                    page_uri=page_uri)

    # Links from a standalone HTML page: relative to its published URL.
    def html_links(self, out_uri: str) -> dict:
        here = page_url(out_uri)

        def to(uri: str, anchor: str = "") -> Markup:
            if self.directory_urls:
                path = posixpath.relpath(page_url(uri) or ".", here or ".")
                path = "./" if path == "." else path + "/"
            else:  # the offline copy, opened from file://: x.md is x.html, and a folder opens nothing
                path = posixpath.relpath(uri[:-3] + ".html" if uri.endswith(".md") else uri,
                                         posixpath.dirname(out_uri) or ".")
            return trusted(path + (f"#{anchor}" if anchor else ""))

        def asset(path: str) -> Markup:
            return trusted(posixpath.relpath(path, posixpath.dirname(out_uri)))

        def canonical(uri: str) -> str:
            return self.site_url + page_url(uri)

        return dict(to=to, asset=asset, canonical=canonical, page_uri=out_uri)

    def md_page(self, template: str, uri: str, source: str = "", **context) -> Output:
        text = self.md.get_template(template).render(**self.links(uri), **context)
        return Output(uri, text, source)

    def html_page(self, template: str, uri: str, source: str = "", **context) -> Output:
        text = self.html.get_template(template).render(**self.html_links(uri), **context)
        return Output(uri, text, source)

    def outputs(self) -> list[Output]:
        lib = self.lib
        out = [self.md_page("regulation.md.j2", REGULATION_URI, lib.regulation.file),
               self.md_page("checklist_index.md.j2", "checklists/index.md"),
               self.md_page("case_index.md.j2", "cases/index.md"),
               self.md_page("print_index.md.j2", "print/index.md"),
               self.md_page("finder.md.j2", "finder.md", page_titles={p.uri: p.title for p in self.doc_pages})]
        local_pages = [p for p in self.doc_pages if p.uri.startswith("local/")]
        if lib.has_local or local_pages:
            out.append(self.md_page("local_index.md.j2", "local/index.md", pages=local_pages))
        for stage, (slug, intro) in MOMENTS.items():
            pages = [p for p in self.doc_pages if stage in p.moments]
            out.append(self.md_page("moment.md.j2", f"moments/{slug}.md", stage=stage, intro=intro, pages=pages))
        by_stage = sorted(lib.checklists.values(), key=lambda c: (STAGES.index(c.stage), c.title))
        out.append(self.html_page("binder.html.j2", "print/binder/index.html", checklists=by_stage))
        for c in lib.checklists.values():
            out.append(self.md_page("checklist.md.j2", c.src_uri, c.file, c=c))
            out.append(self.html_page("sheet.html.j2", f"print/{c.id}/index.html", c.file, c=c))
        for case in lib.cases.values():
            out.append(self.md_page("case.md.j2", case.src_uri, case.file, case=case))
            out.append(self.html_page("handout.html.j2", f"handouts/{case.id}/index.html", case.file, case=case))
        return out


def render_site(library: Library, site_url: str = "", today: date | None = None,
                pages: list[DocPage] | None = None, directory_urls: bool = True) -> list[Output]:
    """Every generated file; `pages` are the hand-written pages (read from docs/ if not given)."""
    return Renderer(library, site_url, today, pages, directory_urls).outputs()
