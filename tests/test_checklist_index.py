"""The checklist index in Chromium: grouped by stage, filtered by role and scenario."""

from __future__ import annotations

from conftest import ROOT

from kb import load_library

LIB = load_library(ROOT)


def visible_titles(page) -> set[str]:
    return set(page.eval_on_selector_all(
        ".kb-card", "cards => cards.filter(c => c.offsetParent !== null).map(c => c.querySelector('a').textContent)"))


def test_filter_by_role_and_scenario(page, served):
    page.goto(f"{served}checklists/")
    assert visible_titles(page) == {c.title for c in LIB.checklists.values()}

    page.select_option('select[data-kb-filter-key="roles"]', "安保人员")
    want = {c.title for c in LIB.checklists.values() if "安保人员" in c.roles}
    assert visible_titles(page) == want and 0 < len(want) < len(LIB.checklists)

    page.select_option('select[data-kb-filter-key="tags"]', "群体访")
    want = {c.title for c in LIB.checklists.values() if "安保人员" in c.roles and "群体访" in c.tags}
    assert visible_titles(page) == want
    assert page.text_content("[data-kb-filter-count]") == f"显示 {len(want)} / {len(LIB.checklists)} 份"

    # A stage with nothing left to show hides its heading.
    stages = {c.stage for c in LIB.checklists.values() if c.title in want}
    shown = set(page.eval_on_selector_all("article h2", "hs => hs.filter(h => !h.hidden).map(h => h.id)")) - {"exports"}
    assert shown == stages
