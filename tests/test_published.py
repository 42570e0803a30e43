"""Links that never break: the registry of published addresses, redirects, former ids, go/ links
and the 复制链接 buttons, on the built site and in Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, SITE_ADDRESS, build_site, copy_project
from htmlsite import file_for, soup
from mkdocs.exceptions import Abort, PluginError

from kb import load_library, published
from kb.pages import doc_pages
from kb.render import render_site

LIB = load_library(ROOT)
GUIDE = "regulations/xinfang-gongzuo-tiaoli/"
REFRESH = re.compile(r"0; url=(.+)")


def registered() -> list[str]:
    return [a for a in published.read(ROOT) if a and not a.startswith("#")]


def refresh_target(site, address: str) -> str:
    """Where a go/ or redirect page sends the reader: the site path its meta refresh names."""
    page = soup(site, address)
    url = REFRESH.fullmatch(page.find("meta", attrs={"http-equiv": "refresh"})["content"]).group(1)
    base = address if address.endswith("/") else address.rsplit("/", 1)[0] + "/"
    parts = (base + url).split("/")
    out: list[str] = []
    for part in parts:
        if part == "..":
            out.pop()
        elif part != ".":
            out.append(part)
    return "/".join(out)


def exists(site, address: str) -> bool:
    page, _, anchor = address.partition("#")
    path = file_for(site, "" if page == "./" else page)
    if not path.is_file():
        return False
    return not anchor or soup(site, page if page != "./" else "").find(id=anchor) is not None


def test_the_registry_lists_every_address_of_this_edition():
    pages = doc_pages(ROOT / "docs")
    current = published.addresses(LIB, render_site(LIB, pages=pages, redirects=published.redirect_maps(ROOT)), pages)
    missing = sorted(current - set(registered()))
    assert not missing, f"run `python -m kb publish` and commit {published.REGISTRY}: {missing[:10]}"
    assert len(registered()) == len(set(registered())), "an address is listed twice"


def test_every_registered_address_opens_in_the_built_site(site):
    """Each page and file is there, and each anchor is an element on its page."""
    absent = [a for a in registered() if not exists(site, a)]
    assert absent == []


@pytest.mark.parametrize("kind, prefix", [("checklist", "checklists/"), ("item", "checklists/"), ("case", "cases/"),
                                          ("article", GUIDE + "#art-"), ("course", "training/"), ("go", "go/")])
def test_the_registry_covers_each_kind(kind, prefix):
    entries = [a for a in registered() if a.startswith(prefix)]
    if kind == "item":
        assert {f"checklists/{c.id}/#{i.id}" for c in LIB.checklists.values() for i in c.items} <= set(entries)
    elif kind == "article":
        assert len(entries) == 50
    elif kind == "go":
        ids = {*LIB.checklists, *LIB.cases, *LIB.scenarios, *LIB.courses, *(f"art-{n}" for n in range(1, 51))}
        assert {f"go/{i}/" for i in ids} <= set(entries)
    else:
        assert entries


def test_every_id_has_a_short_link_to_its_page(site):
    """go/<id>/ for every checklist, case, scenario, course and article, to the canonical page."""
    expected = {**{c: f"checklists/{c}/" for c in LIB.checklists}, **{c: f"cases/{c}/" for c in LIB.cases},
                **{s: f"finder/#{s}" for s in LIB.scenarios}, **{c: f"training/{c}/" for c in LIB.courses},
                **{f"art-{n}": f"{GUIDE}#art-{n}" for n in range(1, 51)}}
    for short, target in expected.items():
        assert refresh_target(site, f"go/{short}/") == target, short
        assert exists(site, target), target
        page = soup(site, f"go/{short}/")
        assert page.find("link", rel="canonical")["href"] == SITE_ADDRESS + target
        assert page.find("script") is None  # a meta refresh: allowed by the CSP and from file://
        assert len(f"go/{short}/") < len(target)  # shorter than the page's own address


def test_short_links_open_their_page_in_chromium(page, served):
    page.goto(f"{served}go/art-22/")
    page.wait_for_url(f"{served}{GUIDE}#art-22")
    assert page.locator("#art-22").is_visible()
    page.goto(f"{served}go/group-visit/")
    page.wait_for_url(f"{served}checklists/group-visit/")


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    """A copy of the project where a published checklist has been renamed everywhere."""
    project = copy_project(tmp_path_factory.mktemp("renamed") / "project")
    old, new = "deadline-tracking", "time-limit-tracking"
    (project / f"checklists/{old}.yml").rename(project / f"checklists/{new}.yml")
    for path in [*project.glob("*/*.yml"), *project.glob("docs/**/*.md")]:
        text = path.read_text("utf-8")
        if old in text:
            path.write_text(re.sub(rf"\b{old}\b", new, text), "utf-8")
    return project, old, new


def test_renaming_a_published_checklist_without_a_redirect_fails_the_build(renamed, tmp_path, caplog):
    project, old, new = renamed
    with pytest.raises((PluginError, Abort)):
        build_site(project, tmp_path / "site")
    message = caplog.text
    items = len(LIB.checklists[old].items)
    assert f"已发布的地址 checklists/{old}/（连同其下 {items} 个锚点）" in message and "redirect_maps" in message
    assert f"go/{old}/" in message and f"print/{old}/" in message
    assert f"'checklists/{old}.md': '新页面.md'" in message  # the fix, spelled out


def test_kb_publish_names_the_lost_address_too(renamed):
    project, old, _ = renamed
    run = subprocess.run([sys.executable, "-m", "kb", "publish", "--root", str(project)], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 1 and f"checklists/{old}/" in run.stdout


def test_a_redirect_keeps_every_old_address(renamed, tmp_path, browser):
    project, old, new = renamed
    project = shutil.copytree(project, tmp_path / "project")
    config = (project / "mkdocs.yml").read_text("utf-8")
    config = config.replace("      redirect_maps: {}", f"      redirect_maps:\n        checklists/{old}.md: checklists/{new}.md")
    (project / "mkdocs.yml").write_text(config, "utf-8")
    site = tmp_path / "site"
    build_site(project, site, site_url=SITE_ADDRESS)
    assert refresh_target(site, f"go/{old}/") == f"checklists/{new}/"
    assert refresh_target(site, f"print/{old}/") == f"print/{new}/"
    assert refresh_target(site, f"checklists/{old}/") == f"checklists/{new}/"
    redirect = (site / f"checklists/{old}/index.html").read_text("utf-8")
    assert "<script>" not in redirect and "redirect.js" in redirect  # no inline script for the CSP
    from browser import serve
    base, server = serve(site)
    try:
        context = browser.new_context()
        tab = context.new_page()
        item = LIB.checklists[old].items[0].id
        tab.goto(f"{base}checklists/{old}/#{item}")  # the old address of an item, as printed
        tab.wait_for_url(f"{base}checklists/{new}/#{item}")
        context.close()
    finally:
        server.shutdown()


def test_an_item_renamed_with_former_ids_keeps_its_anchor(tmp_path, browser, caplog):
    project = copy_project(tmp_path / "project")
    path = project / "checklists/group-visit.yml"
    path.write_text(path.read_text("utf-8").replace(
        "      - id: ask-representatives\n",
        "      - id: elect-representatives\n        former_ids: [ask-representatives]\n", 1), "utf-8")
    for other in [*project.glob("*/*.yml"), *project.glob("docs/**/*.md")]:
        if other != path and "group-visit#ask-representatives" in other.read_text("utf-8"):
            other.write_text(other.read_text("utf-8").replace("group-visit#ask-representatives",
                                                              "group-visit#elect-representatives"), "utf-8")
    for other in project.glob("docs/**/*.md"):
        other.write_text(other.read_text("utf-8").replace("group-visit.md#ask-representatives",
                                                          "group-visit.md#elect-representatives"), "utf-8")
    site = tmp_path / "site"
    build_site(project, site)  # the registry still lists #ask-representatives: former_ids covers it
    from browser import serve
    base, server = serve(site)
    try:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(f"{base}checklists/group-visit/#ask-representatives", wait_until="load")
        tab.wait_for_url(f"{base}checklists/group-visit/#elect-representatives")
        context.close()
    finally:
        server.shutdown()
    # Without former_ids the same rename fails the build, naming the address and the fix.
    path.write_text(path.read_text("utf-8").replace("        former_ids: [ask-representatives]\n", ""), "utf-8")
    with pytest.raises((PluginError, Abort)):
        build_site(project, tmp_path / "site2")
    assert "checklists/group-visit/#ask-representatives" in caplog.text and "former_ids" in caplog.text


CITED = {  # one of each kind that carries a 复制链接 button
    "article": (GUIDE, "art-22"),
    "checklist item": ("checklists/group-visit/", "ask-representatives"),
    "case section": ("cases/soe-wage-query/", "handling"),
    "course module": ("training/reception-skills/", "communication"),
}


@pytest.mark.parametrize("kind", CITED)
def test_copy_link_copies_the_canonical_address_with_its_anchor(browser, served, kind):
    url, anchor = CITED[kind]
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(served + url, wait_until="load")
    heading = tab.locator(f"[id='{anchor}']")
    button = heading.locator(".kb-cite-button")
    assert button.is_visible() and button.inner_text() == "复制链接"
    heading.hover()
    assert heading.locator(".kb-cite-anchor").is_visible()
    assert heading.locator(".kb-cite-anchor").inner_text() == f"#{anchor}"
    button.focus()  # reachable by keyboard: a real button, activated with Enter
    tab.keyboard.press("Enter")
    heading.locator(".kb-cite-status", has_text="已复制").wait_for()
    assert tab.evaluate("navigator.clipboard.readText()") == f"{SITE_ADDRESS}{url}#{anchor}"
    context.close()


def test_every_article_item_case_section_and_module_has_the_button(site):
    guide = soup(site, GUIDE)
    assert all("kb-cite" in guide.find(id=f"art-{n}")["class"] for n in range(1, 51))
    for c in LIB.checklists.values():
        page = soup(site, f"checklists/{c.id}/")
        assert all("kb-cite" in page.find(id=i.id)["class"] for i in c.items), c.id
    for case in LIB.cases.values():
        page = soup(site, f"cases/{case.id}/")
        assert all("kb-cite" in page.find(id=s)["class"] for s in ("background", "handling", "questions")), case.id
    for course in LIB.courses.values():
        page = soup(site, f"training/{course.id}/")
        assert all("kb-cite" in page.find(id=m.id)["class"] for m in course.modules), course.id


def test_kb_publish_adds_new_addresses_and_keeps_the_old(tmp_path):
    project = copy_project(tmp_path / "project")
    source = (project / "checklists/group-visit.yml").read_text("utf-8")
    (project / "checklists/group-visit-copy.yml").write_text(source.replace("id: group-visit\n", "id: group-visit-copy\n"),
                                                            "utf-8")
    before = (project / published.REGISTRY).read_text("utf-8").splitlines()
    run = subprocess.run([sys.executable, "-m", "kb", "publish", "--root", str(project)], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    after = (project / published.REGISTRY).read_text("utf-8").splitlines()
    added = set(after) - set(before)
    assert set(before) <= set(after)
    assert {"checklists/group-visit-copy/", "go/group-visit-copy/", "print/group-visit-copy/",
            "checklists/group-visit-copy/#ask-representatives"} <= added
    assert "新增 " in run.stdout
