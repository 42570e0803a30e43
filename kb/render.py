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

from . import exports
from .library import REGULATION_ID, Library
from .model import CASE_PARTS, art_number
from .pages import DocPage, doc_pages
from .references import doc_file
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
    content: str | bytes  # bytes for the spreadsheet export
    source: str = ""  # the YAML file it was generated from, for the edit link


# The same few thousand pairs of pages link to each other on every page; compute each path once.
relpath = lru_cache(maxsize=None)(posixpath.relpath)


def relative(from_uri: str, to_uri: str, anchor: str = "") -> Markup:
    """A link from one docs file to another (or to an anchor on it), as MkDocs expects."""
    path = relpath(to_uri, posixpath.dirname(from_uri) or ".") if to_uri != from_uri else ""
    return trusted(path + (f"#{anchor}" if anchor else "")) if path or anchor else trusted("./")


def arts_label(refs: list[str]) -> str:
    """["art-21", "art-22"] -> "第21、22条", as official documents write several articles."""
    return f"第{'、'.join(str(art_number(r)) for r in refs)}条" if refs else ""


def attrs(anchor: str, *classes: str, former: list[str] = ()) -> Markup:
    """A Markdown attribute list for a heading: { #anchor .class }; `former` ids still lead here (kb.js)."""
    parts = [f"#{trusted(anchor)}"] + [f".{trusted(c)}" for c in classes if c]
    if former:
        parts.append(f'data-former-ids="{" ".join(trusted(f) for f in former)}"')
    return Markup("{ " + " ".join(parts) + " }")


def minutes_label(minutes: int) -> str:
    """390 -> "6 小时 30 分钟"."""
    hours, rest = divmod(minutes, 60)
    return "".join([f"{hours} 小时" if hours else "", " " if hours and rest else "", f"{rest} 分钟" if rest else ""])


def go_path(short_id: str) -> str:
    """The short link of a checklist, case, scenario, course or article: go/<id>/."""
    return f"go/{short_id}/"


HEADING_ANCHOR = re.compile(r"^#{1,6} (.+?) \{[^}]*#([a-z0-9-]+)[^}]*\}\s*$", re.M)


@lru_cache(maxsize=256)
def _headings(path: Path, mtime: float) -> dict[str, str]:
    text = path.read_text("utf-8-sig") if path.is_file() else ""
    return {anchor: title for title, anchor in HEADING_ANCHOR.findall(text)}


def heading(path: Path, anchor: str) -> str:
    """The text of the heading with this { #anchor } in a hand-written page, or ""."""
    return _headings(path, path.stat().st_mtime if path.is_file() else 0.0).get(anchor, "")


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


@lru_cache(maxsize=1)
def bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept beside Python's own (__pycache__), so a build loads them instead
    of compiling each again; keyed by the template's source, so an edit recompiles it."""
    folder = TEMPLATES.parent / "__pycache__" / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only checkout: compile every time
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def environments(library: Library, globals_: dict) -> tuple[jinja2.Environment, jinja2.Environment]:
    """The Markdown and the HTML environment of one build. New for each build: Jinja freezes the
    globals of an imported template (the sheet macros) the first time it imports it."""
    common = dict(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined, trim_blocks=True,
                  lstrip_blocks=True, keep_trailing_newline=True, bytecode_cache=bytecode_cache())
    md = jinja2.Environment(autoescape=False, finalize=md_plain, **common)
    html = jinja2.Environment(autoescape=True, **common)
    for env in (md, html):
        env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}
        env.filters["arts_label"] = arts_label
        env.globals.update(attrs=attrs, trusted_id=trusted, qr=qr_svg, minutes_label=minutes_label,
                           go_path=go_path, case_parts=CASE_PARTS, **globals_)
    html.filters["checklist_label"] = lambda ref: library.checklist_item(ref)[0].title
    return md, html


class Renderer:
    def __init__(self, library: Library, site_url: str = "", today: date | None = None,
                 pages: list[DocPage] | None = None, directory_urls: bool = True,
                 redirects: dict[str, str] | None = None):
        self.lib = library
        self.redirects = dict(redirects or {})  # old page -> new page, from mkdocs.yml's redirects plugin
        self.directory_urls = directory_urls  # False in the offline copy: links name index.html
        self.doc_pages = doc_pages(library.root / "docs") if pages is None else list(pages)
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.today = (today or date.today()).isoformat()
        self.md, self.html = environments(library, dict(
            lib=library, unit=library.unit, stages=STAGES, cn_number=cn_number, today=self.today,
            province_page=PROVINCIAL_RULES.get(library.unit.province, ""), regulation=library.regulation,
            site_url=self.site_url))

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

        titles = {p.uri: p.title for p in self.doc_pages}

        def page_link(ref: str) -> Markup:
            """A hand-written page, or a section of it ("techniques/emotions.md#empathy"), by its title."""
            uri, _, anchor = ref.partition("#")
            label = titles.get(uri, uri)
            section = heading(doc_file(self.lib.root, uri), anchor) if anchor else ""
            if section:
                label += f" · {section}"
            return Markup(f"[{md_plain(label)}]({to(uri, anchor)})")

        return dict(to=to, art=art, checklists=checklists, cites=cites, feedback=feedback, page_link=page_link,
                    page_uri=page_uri)

    # Links from a standalone HTML page: relative to its published URL.
    def html_links(self, out_uri: str) -> dict:
        here = page_url(out_uri)

        def to(uri: str, anchor: str = "") -> Markup:
            if self.directory_urls:
                path = relpath(page_url(uri) or ".", here or ".")
                path = "./" if path == "." else path + "/"
            else:  # the offline copy, opened from file://: x.md is x.html, and a folder opens nothing
                path = relpath(uri[:-3] + ".html" if uri.endswith(".md") else uri,
                                         posixpath.dirname(out_uri) or ".")
            return trusted(path + (f"#{anchor}" if anchor else ""))

        def asset(path: str) -> Markup:
            return trusted(relpath(path, posixpath.dirname(out_uri)))

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
        out += self.training()
        out.append(self.md_page("updates.md.j2", "updates.md", rows=self.updates()))
        out += [self.html_page("redirect.html.j2", uri, title=title, target=target, anchor=anchor)
                for uri, (title, target, anchor) in self.short_links().items()]
        build = exports.build_info(lib.root, self.today)
        out += [Output(uri, content) for uri, content in exports.files(lib, self.site_url, build).items()]
        return out

    def training(self) -> list[Output]:
        out = [self.md_page("training_index.md.j2", "training/index.md")]
        for course in self.lib.courses.values():
            links_uri = f"training/{course.id}/links.md"
            out.append(self.md_page("course.md.j2", course.src_uri, course.file, course=course, links_uri=links_uri))
            for number, m in enumerate(course.modules, 1):
                out.append(self.md_page("module.md.j2", course.module_uri(m), course.file, course=course, m=m,
                                        number=number))
            out.append(self.md_page("course_links.md.j2", links_uri, course.file, course=course,
                                    rows=self.course_links(course)))
            out.append(self.html_page("outline.html.j2", f"print/training/{course.id}/index.html", course.file,
                                      course=course))
        return out

    def address(self, path: str) -> str:
        """What a trainer prints: the full address when the site has one, else the site path."""
        return self.site_url + path

    def course_links(self, course) -> list[dict]:
        """Every link a trainer needs for a course, once each, with the modules that use it."""
        rows: dict[str, dict] = {}

        def add(where: str, title: str, uri: str, anchor: str = "", short: str = "") -> None:
            path = go_path(short) if short else page_url(uri) + (f"#{anchor}" if anchor else "")
            row = rows.setdefault(path, dict(where=[], title=title, uri=uri, anchor=anchor, address=self.address(path)))
            if where not in row["where"]:
                row["where"].append(where)

        add("课程", course.title, course.src_uri, short=course.id)
        add("课程", f"{course.title}：课程大纲（打印）", f"print/training/{course.id}/index.html")
        titles = {p.uri: p.title for p in self.doc_pages}
        for number, m in enumerate(course.modules, 1):
            where = f"单元{cn_number(number)}"
            add(where, f"讲师页：{m.title}", course.module_uri(m))
            for ref in m.articles:
                n = art_number(ref)
                add(where, f"第{n}条 {self.lib.regulation.articles[n].title}", REGULATION_URI, ref, short=ref)
            for ref in m.pages:
                uri, _, anchor = ref.partition("#")
                section = heading(doc_file(self.lib.root, uri), anchor) if anchor else ""
                add(where, titles.get(uri, uri) + (f" · {section}" if section else ""), uri, anchor)
            for ref in m.checklists:
                c, item = self.lib.checklist_item(ref)
                if item:
                    add(where, f"{c.title} · {item.text}", c.src_uri, item.id)
                else:
                    add(where, f"清单：{c.title}", c.src_uri, short=c.id)
            for cid in dict.fromkeys(m.cases + [e.case for e in m.exercises] + [q.case for q in m.discussion]):
                add(where, f"案例：{self.lib.cases[cid].title}", self.lib.cases[cid].src_uri, short=cid)
        for row in rows.values():
            row["where"] = "、".join(row["where"])
        return list(rows.values())

    def short_links(self) -> dict[str, tuple[str, str, str]]:
        """go/<id>/index.html -> (title, target docs file, anchor): every checklist, case, scenario,
        article and course; and the old addresses of what mkdocs.yml's redirects have renamed."""
        lib = self.lib
        links = {}
        for c in lib.checklists.values():
            links[c.id] = (c.title, c.src_uri, "")
        for case in lib.cases.values():
            links[case.id] = (case.title, case.src_uri, "")
        for sc in lib.scenarios.values():
            links[sc.id] = (sc.title, "finder.md", sc.id)
            for old in sc.former_ids:
                links.setdefault(old, (sc.title, "finder.md", sc.id))
        for n, a in lib.regulation.articles.items():
            links[f"art-{n}"] = (f"第{n}条 {a.title}", REGULATION_URI, f"art-{n}")
        for course in lib.courses.values():
            links[course.id] = (course.title, course.src_uri, "")
        out = {f"{go_path(k)}index.html": v for k, v in links.items()}
        out.update(self.moved())
        return out

    def moved(self) -> dict[str, tuple[str, str, str]]:
        """A checklist or case renamed with a page redirect keeps its other addresses too:
        its short link, and its one-pager or handout."""
        out = {}
        forms = {"checklists": ("print/{}/index.html", lambda i: self.lib.checklists.get(i)),
                 "cases": ("handouts/{}/index.html", lambda i: self.lib.cases.get(i))}
        for old, new in self.redirects.items():
            (old_kind, _, old_id), (new_kind, _, new_id) = (old.removesuffix(".md").partition("/"),
                                                             new.partition("#")[0].removesuffix(".md").partition("/"))
            if old_kind != new_kind or old_kind not in forms or "/" in old_id:
                continue
            form, find = forms[old_kind]
            target = find(new_id)
            if target is None:
                continue  # the redirects plugin reports a target that does not exist
            out[f"{go_path(old_id)}index.html"] = (target.title, target.src_uri, "")
            out[form.format(old_id)] = (target.title, form.format(new_id), "")
        return out

    def updates(self) -> list[dict]:
        """Every version of every checklist, case and course, newest first."""
        rows = []
        for kind, items in (("清单", self.lib.checklists), ("案例", self.lib.cases), ("课程", self.lib.courses)):
            for x in items.values():
                for h in x.history:
                    rows.append(dict(date=h.date, kind=kind, title=x.title, uri=x.src_uri, version=h.version,
                                     changes=h.changes))
        return sorted(rows, key=lambda r: (r["date"], r["kind"], r["title"]), reverse=True)


def render_site(library: Library, site_url: str = "", today: date | None = None,
                pages: list[DocPage] | None = None, directory_urls: bool = True,
                redirects: dict[str, str] | None = None) -> list[Output]:
    """Every generated file; `pages` are the hand-written pages (read from docs/ if not given);
    `redirects` are mkdocs.yml's page redirects (old page -> new page)."""
    return Renderer(library, site_url, today, pages, directory_urls, redirects).outputs()
