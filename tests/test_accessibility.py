"""Readable by every officer: axe-core (WCAG 2.2 AA) in light and dark, keyboard, zoom, 大字, phone."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
import pytest
from searchbox import open_search

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
KINDS = {
    "home": "", "section index": "techniques/", "checklist index": "checklists/", "checklist": "checklists/group-visit/",
    "case": "cases/soe-wage-query/", "条例 guide": "regulations/xinfang-gongzuo-tiaoli/",
    "technique": "techniques/emotions/", "finder": "finder/", "one-pager": "print/group-visit/",
    "handout": "handouts/soe-wage-query/", "time limits": "regulations/time-limits/",
}
CHECKLIST = KINDS["checklist"]


def serious(page) -> list[str]:
    page.evaluate(AXE)
    result = page.evaluate("o => axe.run(document, o)", {"runOnly": {"type": "tag", "values": WCAG},
                                                          "resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {n['target']} {n.get('failureSummary', '')[:160]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical") for n in v["nodes"][:3]]


@pytest.fixture
def context_for(browser):
    contexts = []

    def make(**options):
        context = browser.new_context(locale="zh-CN", **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation(context_for, served, scheme):
    page = context_for(color_scheme=scheme)
    found = {}
    for kind, url in KINDS.items():
        page.goto(served + url, wait_until="networkidle")
        found[kind] = serious(page)
    page.goto(served, wait_until="networkidle")
    open_search(page)
    page.locator("input.md-search__input").type("群体访")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_timeout(600)  # Material fades the results in: measure the settled colours
    found["search results"] = serious(page)
    assert {k: v for k, v in found.items() if v} == {}


def test_the_palette_follows_the_system_and_can_be_switched(context_for, served):
    page = context_for(color_scheme="dark")
    page.goto(served, wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.get_attribute("body", "data-md-color-scheme") in ("default", "slate")
    light = context_for(color_scheme="light")
    light.goto(served, wait_until="networkidle")
    assert light.get_attribute("body", "data-md-color-scheme") == "default"


def test_links_in_running_text_are_underlined(context_for, served):
    page = context_for()
    page.goto(served + "techniques/emotions/", wait_until="networkidle")
    lines = page.eval_on_selector_all("article p a:not(.md-button):not(.headerlink)",
                                      "els => els.map(a => getComputedStyle(a).textDecorationLine)")
    assert lines and all("underline" in line for line in lines)


def test_everything_works_by_keyboard(context_for, served):
    page = context_for(viewport={"width": 1366, "height": 900})
    page.goto(served + CHECKLIST, wait_until="networkidle")
    reached = []
    while len(reached) < 400 and not any("kb-tick" in str(r["cls"]) for r in reached):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("""() => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          return {cls: el.className || '', tag: el.tagName, visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none'};
        }"""))
    classes = " ".join(r["cls"] for r in reached if isinstance(r["cls"], str))
    assert "kb-large-toggle" in classes and "kb-tick" in classes
    tick = next(i for i, r in enumerate(reached) if "kb-tick" in str(r["cls"]))
    assert reached[tick]["visible"]
    # Space ticks the focused box.
    page.goto(served + CHECKLIST, wait_until="networkidle")
    page.focus("input.kb-tick")
    page.keyboard.press("Space")
    assert page.is_checked("input.kb-tick")
    # The search opens from the keyboard (Material's "s" shortcut).
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("s")
    page.wait_for_function("() => document.activeElement.matches('input.md-search__input')")


@pytest.mark.parametrize("width, height", [(683, 450), (390, 844)])  # 200% zoom of 1366×900; a phone
def test_no_page_scrolls_sideways(context_for, served, width, height):
    page = context_for(viewport={"width": width, "height": height})
    wide = []
    for kind, url in KINDS.items():
        page.goto(served + url, wait_until="networkidle")
        if page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"):
            wide.append(kind)
    assert wide == []


def test_large_text_switch_is_remembered_and_leaves_print_alone(context_for, served):
    page = context_for(viewport={"width": 1366, "height": 900})
    page.goto(served + "techniques/emotions/", wait_until="networkidle")
    normal = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)")
    page.click(".kb-large-toggle")
    assert page.get_attribute(".kb-large-toggle", "aria-pressed") == "true"
    page.goto(served + CHECKLIST, wait_until="networkidle")  # another page: still large
    size, line = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('article p'));
                                          return [parseFloat(s.fontSize), parseFloat(s.lineHeight) / parseFloat(s.fontSize)]; }""")
    assert size >= 24 and line >= 1.5 - 0.01 and normal < 24
    page.emulate_media(media="print")
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)") < 24
    page.emulate_media(media="screen")
    page.goto(served + "print/group-visit/", wait_until="networkidle")  # the desk sheet keeps its own type
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('.items .text')).fontSize)") == 16
    page.goto(served + CHECKLIST, wait_until="networkidle")
    page.click(".kb-large-toggle")
    page.reload(wait_until="networkidle")
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)") < 24


def test_phone_shows_the_first_pause_point_on_the_first_screen(context_for, served):
    page = context_for(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(served + CHECKLIST, wait_until="networkidle")
    first_item = page.locator("article h4.kb-item").first.bounding_box()
    assert first_item["y"] + first_item["height"] <= 844
    meta = page.locator("article .kb-meta").bounding_box()
    assert meta["y"] > first_item["y"]


def test_critical_items_stand_out_on_screen(context_for, served):
    page = context_for()
    page.goto(served + CHECKLIST, wait_until="networkidle")
    critical = page.evaluate("""() => {
      const h = document.querySelector('h4.kb-item--critical'), b = document.querySelector('.kb-critical');
      return [parseFloat(getComputedStyle(h).borderLeftWidth), getComputedStyle(b).backgroundColor];
    }""")
    assert critical[0] >= 4 and critical[1] not in ("rgba(0, 0, 0, 0)", "transparent")
    plain = page.evaluate("parseFloat(getComputedStyle(document.querySelector('h4.kb-item:not(.kb-item--critical)')).borderLeftWidth)")
    assert plain == 0


def test_ticks_stay_in_the_tab_and_are_never_stored(context_for, served):
    page = context_for()
    page.goto(served + CHECKLIST, wait_until="networkidle")
    boxes = page.locator("input.kb-tick")
    assert boxes.count() == page.locator("h4.kb-item").count() > 0
    boxes.nth(0).check()
    boxes.nth(1).check()
    assert page.is_checked("input.kb-tick >> nth=0")
    stored = page.evaluate("() => [JSON.stringify(localStorage), JSON.stringify(sessionStorage)]")
    assert all("tick" not in s and "group-visit" not in s for s in stored)
    page.reload(wait_until="networkidle")
    assert not page.is_checked("input.kb-tick >> nth=0")
