"""Generated pages in the site navigation, so a checklist or case page keeps its place.

MkDocs builds the navigation from mkdocs.yml, which names only hand-written pages. Without this,
a checklist page highlights no tab, shows an empty sidebar and has no previous/next links.
"""

from __future__ import annotations

from pathlib import Path

from .errors import KbError, Problem
from .library import Library

STAGES = ("接待前", "接待中", "接待后", "突发情况")


def _section(nav: list, title: str) -> list:
    for entry in nav:
        if isinstance(entry, dict) and title in entry and isinstance(entry[title], list):
            return entry[title]
    raise KbError([Problem("mkdocs.yml", "nav", f"导航中没有「{title}」一节，生成的页面无处安放",
                           f"在 nav 中保留「{title}」一节（其下第一项为索引页）")])


def extend(nav: list, library: Library) -> None:
    """Checklists by stage under 清单, after its index page; cases by title under 案例; each course
    with its modules under 培训."""
    lists = _section(nav, "清单")
    by_stage = [{stage: [{c.title: c.src_uri} for c in sorted(library.checklists.values(), key=lambda c: c.title)
                         if c.stage == stage]} for stage in STAGES]
    lists[1:1] = [group for group in by_stage if next(iter(group.values()))]
    cases = _section(nav, "案例")
    cases[1:1] = [{c.title: c.src_uri} for c in sorted(library.cases.values(), key=lambda c: (c.category, c.title))]
    training = _section(nav, "培训")
    training[1:1] = [{c.title: [c.src_uri, *(c.module_uri(m) for m in c.modules), f"training/{c.id}/links.md"]}
                     for c in library.courses.values()]


def add_local(nav: list, root: Path) -> None:
    """A 本单位 tab when the unit has its own content (local/)."""
    if (Path(root) / "local").is_dir() and not any("本单位" in item for item in nav if isinstance(item, dict)):
        nav.append({"本单位": "local/index.md"})
