"""The registry of published addresses: published-urls.txt, one site path per line.

Trainers print addresses on slides and handouts, so an address, once published, must keep
leading somewhere. `python -m kb publish` adds the addresses this build has and the registry
does not; the build fails on a registered address that is gone and has no redirect: a page
redirect in mkdocs.yml (redirects plugin), or `former_ids` on a checklist item or scenario.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import Problem
from .library import Library
from .model import CASE_SECTIONS
from .render import page_url

REGISTRY = "published-urls.txt"
HEADER = """\
# 已发布的地址（站内路径），一行一个。讲师把这些地址印在课件和讲义上，发布后不得失效。
# 新增内容后运行 python -m kb publish，把新地址加进来并提交；不要手工删除任何一行。
# 改名时加重定向：页面在 mkdocs.yml 的 redirects → redirect_maps；清单条目和场景在 YAML 的 former_ids。
"""


def page_address(uri: str) -> str:
    """A docs file -> its site path: "checklists/x.md" -> "checklists/x/"; other files keep their path."""
    if not uri.endswith((".md", "index.html")):
        return uri
    return page_url(uri) or "./"  # the home page, as MkDocs writes its URL


def addresses(lib: Library, outputs, pages=()) -> set[str]:
    """Every address of this build: each page and file generated or hand-written, each checklist
    item, case section, article and course module anchor."""
    found = {page_address(o.uri) for o in outputs} | {page_address(p.uri) for p in pages}
    for c in lib.checklists.values():
        found |= {f"{page_address(c.src_uri)}#{i.id}" for i in c.items}
    for case in lib.cases.values():
        found |= {f"{page_address(case.src_uri)}#{s}" for s in CASE_SECTIONS}
    found |= {f"regulations/{lib.regulation.id}/#art-{n}" for n in lib.regulation.articles}
    for course in lib.courses.values():
        found |= {f"{page_address(course.src_uri)}#{m.id}" for m in course.modules}
    return found


def former(lib: Library) -> set[str]:
    """Old anchors that kb.js turns into the new ones on the page."""
    old = {f"{page_address(c.src_uri)}#{f}" for c in lib.checklists.values() for i in c.items for f in i.former_ids}
    return old | {f"finder/#{f}" for sc in lib.scenarios.values() for f in sc.former_ids}


def read(root: Path) -> list[str]:
    path = root / REGISTRY
    if not path.is_file():
        return []
    return [line.strip() for line in path.read_text("utf-8").splitlines()]


def check(root: Path, current: set[str], redirects: dict[str, str], lib: Library) -> list[Problem]:
    """A problem for each registered address that this build no longer has and nothing redirects."""
    moved = {page_address(old) for old in redirects}
    kept = current | former(lib)
    lost = [(number, a) for number, a in enumerate(read(root), 1)
            if a and not a.startswith("#") and a not in kept and a.partition("#")[0] not in moved]
    lost_pages = {a for _, a in lost if "#" not in a}
    problems = []
    for number, address in lost:
        page, _, anchor = address.partition("#")
        if anchor and page in lost_pages:
            continue  # said once, with its page
        if anchor and page in current:
            fix = (f"条目或场景改了 id：在它的 YAML 里写 former_ids: [{anchor}]，旧链接就会转到新 id；"
                   f"或者恢复原来的 id {anchor}")
        elif page.startswith("go/") or page.startswith(("print/", "handouts/")):
            fix = ("这是改名前的短链接或打印页：在 mkdocs.yml 的 plugins → redirects → redirect_maps 里把原清单或案例页"
                   "重定向到新页面（如 'checklists/旧id.md': 'checklists/新id.md'），短链接和打印页会随之保留")
        else:
            source = page[:-1] + ".md" if page.endswith("/") and page != "/" else page
            fix = (f"在 mkdocs.yml 的 plugins → redirects → redirect_maps 下加一行 '{source}': '新页面.md'；"
                   f"或者恢复原来的页面")
        anchors = sum(1 for _, a in lost if a.startswith(address + "#")) if not anchor else 0
        also = f"（连同其下 {anchors} 个锚点）" if anchors else ""
        problems.append(Problem(REGISTRY, f"第{number}行", f"已发布的地址 {address}{also} 在本次构建中不存在，也没有重定向", fix))
    return problems


def publish(root: Path, current: set[str]) -> list[str]:
    """Add this build's new addresses to the registry; never drop one. Returns the ones added."""
    known = {a for a in read(root) if a and not a.startswith("#")}
    added = sorted(current - known)
    if added or not (root / REGISTRY).is_file():
        (root / REGISTRY).write_text(HEADER + "".join(f"{a}\n" for a in sorted(known | current)), "utf-8")
    return added


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml has !ENV and !!python tags; only the plain parts matter here."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)
_IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def redirect_maps(root: Path) -> dict[str, str]:
    """The redirects plugin's redirect_maps in mkdocs.yml, read without MkDocs."""
    config = yaml.load((root / "mkdocs.yml").read_text("utf-8"), Loader=_IgnoreTags) or {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "redirects" in plugin:
            return dict((plugin["redirects"] or {}).get("redirect_maps") or {})
    return {}
