"""At a glance: pages keep their place in the site, search says what and where, back-links are grouped."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from htmlsite import soup
from searchbox import GUIDE, open_search

from kb import load_library

LIB = load_library(ROOT)
CHECKLIST, CASE = "checklists/group-visit/", "cases/soe-wage-query/"


@pytest.mark.parametrize("url, tab", [(CHECKLIST, "清单"), (CASE, "案例")])
def test_generated_pages_keep_their_place(site, url, tab):
    page = soup(site, url)
    assert [a.get_text().strip() for a in page.select(".md-tabs__item--active a")] == [tab]
    active = page.select(".md-sidebar--primary .md-nav__link--active")
    assert active and all(a.get_text().strip() == page.select_one("article h1").get_text().strip().rstrip("¶")
                          for a in active[:1])
    footer = page.select(".md-footer__link")
    assert {a.get("rel", [""])[0] for a in footer} >= {"prev", "next"} or len(footer) == 2


def test_every_checklist_and_case_is_in_the_navigation(site):
    sidebar = soup(site, "checklists/").select_one(".md-sidebar--primary")
    hrefs = {a["href"].rstrip("/").split("/")[-1] for a in sidebar.select("a[href]")}
    assert set(LIB.checklists) <= hrefs
    sidebar = soup(site, "cases/").select_one(".md-sidebar--primary")
    hrefs = {a["href"].rstrip("/").split("/")[-1] for a in sidebar.select("a[href]")}
    assert set(LIB.cases) <= hrefs


def test_the_phone_drawer_shows_where_the_reader_is(browser, served):
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served + CHECKLIST, wait_until="networkidle")
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_timeout(400)
    active = page.locator(".md-sidebar--primary .md-nav__link--active").first
    assert active.is_visible() and "群体访" in active.inner_text()
    box = active.bounding_box()
    assert 0 <= box["x"] < 390 and 0 <= box["y"] < 844
    context.close()


def test_the_finder_opens_with_a_jump_list_on_a_phone(browser, served):
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(served + "finder/", wait_until="networkidle")
    jump = page.locator(".kb-jump")
    assert jump.is_visible() and jump.bounding_box()["y"] < 844
    targets = page.eval_on_selector_all(".kb-jump a", "as => as.map(a => a.getAttribute('href'))")
    assert sorted(targets) == sorted(f"#{sc}" for sc in LIB.scenarios)
    page.set_viewport_size({"width": 1366, "height": 900})
    assert not jump.is_visible()  # the table of contents does that job on a wide screen
    context.close()


def test_the_guide_groups_its_back_links(site):
    heading = soup(site, GUIDE).find(id="art-22")
    cited = heading.find_next(class_="kb-cited")
    lines = cited.select("li")
    pages = {c.src_uri for c in LIB.regulation.articles[22].cited_by}
    assert len(lines) == len(pages)
    transfer = next(li for li in lines if li.find("a")["href"].endswith("checklists/forwarding/"))
    assert len(transfer.select("a")) > 2  # the checklist, then its items on the same line


def test_article_numbers_in_running_text_are_links(site):
    heading = soup(site, GUIDE).find(id="art-22")
    desk = heading.find_next("ul")
    assert any(a["href"].endswith("#art-34") for a in desk.select("a"))
    steps = soup(site, CASE).find(id="handling").find_next("ol")
    assert any(a["href"].endswith("#art-23") and a.get_text() == "第23条" for a in steps.select("a"))
    # Another law's article stays text: 《保障农民工工资支付条例》第36条 is not 《信访工作条例》第36条.
    note = soup(site, "checklists/soe-petitions/").find(id="illegal-subcontract").find_next("p", class_="kb-note")
    assert not any(a["href"].endswith("#art-36") for a in note.select("a"))


def test_the_time_limit_table_reads_on_a_phone(browser, served):
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(served + "regulations/time-limits/", wait_until="networkidle")
    cells = page.eval_on_selector_all("article table[data-kb-stack] td", """tds => tds.map(td => {
        const r = td.getBoundingClientRect(); return [r.left, r.right, td.dataset.label || ''];})""")
    assert cells and all(left >= 0 and right <= 390 + 1 for left, right, _ in cells)
    assert all(label for _, _, label in cells)
    assert page.evaluate("document.documentElement.scrollWidth <= 391")
    context.close()


def test_results_say_what_and_where(site):
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    assert docs[CHECKLIST]["tags"] == ["清单"]
    assert docs[f"{CHECKLIST}#ask-representatives"]["tags"] == ["清单", "群体访接待"]
    assert docs["techniques/group-visits/"]["tags"] == ["技巧"]
    assert docs[f"{GUIDE}#art-22"]["tags"][0] == "条文"
    assert docs["finder/#intoxicated"]["tags"][0] == "场景"
    assert index["config"]["fields"]["tags"]["boost"] < index["config"]["fields"]["title"]["boost"]
    # What a reader would not quote stays out: metadata boxes, the flow chart's SVG, link lists.
    assert not any("责任单位" in d["text"] for d in index["docs"])
    assert not any("xf-title" in d["text"] or d["location"].endswith("#相关清单和页面") for d in index["docs"])
    assert not any(d["title"].replace("\u200b", "").startswith("相关清单") for d in index["docs"])


def test_equal_titles_are_told_apart_in_the_results(browser, served):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(served, wait_until="networkidle")
    open_search(page)
    box = page.locator("input.md-search__input")
    box.fill("群体访接待")  # fill() fires only an input event: search must still run
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_timeout(300)
    kinds = page.eval_on_selector_all(".md-search-result__item > a article", """as => as.map(a =>
        [a.querySelector('h1, h2').textContent.trim(), [...a.querySelectorAll('.md-tag')].map(t => t.textContent.trim())])""")
    same = [tags for title, tags in kinds if title.replace("\u200b", "") == "群体访接待"]
    assert len(same) >= 2 and len({tuple(t) for t in same}) == len(same)
    context.close()
