"""The built site: pages at their stable URLs, links and anchors that resolve, nothing from the internet."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT, build_site, copy_project
from htmlsite import file_for, hrefs, html_pages, ids, resolve, soup, tree

from kb import load_library

LIB = load_library(ROOT)
GUIDE = "regulations/xinfang-gongzuo-tiaoli/"


def test_stable_urls(site):
    for url in ["", GUIDE, "checklists/", "cases/", "print/"]:
        assert file_for(site, url).is_file(), url
    for cid in LIB.checklists:
        assert file_for(site, f"checklists/{cid}/").is_file()
        assert file_for(site, f"print/{cid}/").is_file()
    for cid in LIB.cases:
        assert file_for(site, f"cases/{cid}/").is_file()


def test_every_article_has_its_anchor(site):
    present = ids(site, GUIDE)
    assert {f"art-{n}" for n in range(1, 51)} <= present
    assert {f"ch-{n}" for n in range(1, 7)} <= present


def test_every_checklist_item_has_an_anchor_and_a_permalink(site):
    for c in LIB.checklists.values():
        page = soup(site, f"checklists/{c.id}/")
        for item in c.items:
            heading = page.find(id=item.id)
            assert heading is not None and heading.name == "h4", (c.id, item.id)
            assert heading.find("a", class_="headerlink")["href"] == f"#{item.id}"


def test_item_notes_are_their_own_paragraph(site):
    for c in LIB.checklists.values():
        notes = [n.get_text() for n in soup(site, f"checklists/{c.id}/").select("p.kb-note")]
        assert notes == [i.note for i in c.items if i.note], c.id


def test_citations_show_article_number_and_link_to_its_anchor(site):
    page = soup(site, f"checklists/{next(iter(LIB.checklists))}/")
    links = [a for a in page.select("article a") if GUIDE.split("/")[0] in a.get("href", "")]
    assert links
    for a in links:
        n = re.fullmatch(r"第(\d+)条", a.get_text()).group(1)
        assert a["href"].endswith(f"{GUIDE}#art-{n}")


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    for url in html_pages(site):
        for href in hrefs(site, url):
            target = resolve(url, href)
            if target is None:
                continue
            path, fragment = target
            if not file_for(site, path).is_file():
                broken.append(f"{url} -> {href} (no page)")
            elif fragment and file_for(site, path).suffix == ".html" and fragment not in ids(site, path):
                broken.append(f"{url} -> {href} (no anchor)")
    assert broken == []


def test_articles_list_what_cites_them(site):
    guide = soup(site, GUIDE)
    for n, article in LIB.regulation.articles.items():
        if not article.cited_by:
            continue
        heading = guide.find(id=f"art-{n}")
        section = []
        for el in heading.find_next_siblings():
            if el.name in ("h2", "h3"):
                break
            section.append(el)
        hrefs = {a["href"] for el in section for a in el.find_all("a", href=True)}
        for c in article.cited_by:
            url = c.src_uri[: -len(".md")] + "/"
            assert any(h.endswith(url + (f"#{c.anchor}" if c.anchor else "")) for h in hrefs), (n, c)


def test_chinese_headings_keep_readable_anchors(site):
    page = soup(site, "checklists/")
    stages = [h["id"] for h in page.select("article h2[id]")]
    assert "接待前" in stages or "接待中" in stages


def test_every_page_shows_when_it_was_reviewed(site):
    for url in html_pages(site):
        if url.startswith(("print/", "handouts/", "404", "search/")) or "/print/" in url:
            continue
        page = tree(site, url)
        if page.xpath("//meta[@http-equiv='refresh']"):
            continue  # a redirect page
        dates = page.xpath("//*[contains(concat(' ', @class, ' '), ' kb-reviewed ')]//time/@datetime")
        assert dates and re.fullmatch(r"\d{4}-\d{2}-\d{2}", dates[0]), url


def test_nothing_is_fetched_from_the_internet(site):
    external = re.compile(r"^(https?:)?//", re.I)
    offenders = []
    for f in site.rglob("*"):
        if f.suffix == ".html":
            page = tree(site, f.relative_to(site).as_posix())
            for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                              ("source", "src"), ("video", "src"), ("audio", "src")):
                for el in page.iter(tag):
                    value = el.get(attr, "")
                    if tag == "link" and set(el.get("rel", "").split()) & {"canonical", "alternate"}:
                        continue
                    if external.match(value):
                        offenders.append(f"{f.name}: <{tag} {attr}={value}>")
        elif f.suffix in (".css", ".js") and f.is_file():
            text = f.read_text("utf-8", errors="replace")
            for m in re.finditer(r"url\(\s*['\"]?(https?:)?//[^)]*\)|@import\s+['\"]?https?://\S+", text):
                offenders.append(f"{f.relative_to(site)}: {m.group(0)[:80]}")
            if "fonts.googleapis" in text or "fonts.gstatic" in text:
                offenders.append(f"{f.relative_to(site)}: Google Fonts")
    assert offenders == []


def test_generated_pages_do_not_exist_in_docs():
    for uri in ("checklists", "cases", "print", "regulations/xinfang-gongzuo-tiaoli.md"):
        path = ROOT / "docs" / uri
        assert not (path.is_file() or (path.is_dir() and any(path.rglob("*.md")))), uri


def test_edit_link_opens_the_yaml_source(tmp_path):
    project = copy_project(tmp_path / "p")
    build_site(project, tmp_path / "site", repo_url="https://git.example.cn/xinfang/kb",
               edit_uri="-/edit/main/docs/")
    cid = next(iter(LIB.checklists))
    page = soup(tmp_path / "site", f"checklists/{cid}/")
    edit = page.select_one('a[href*="/-/edit/"]')
    assert edit["href"] == f"https://git.example.cn/xinfang/kb/-/edit/main/checklists/{cid}.yml"


def test_second_build_in_the_same_process_sees_yaml_edits(tmp_path):
    project = copy_project(tmp_path / "p")
    out = tmp_path / "site"
    cid = next(iter(LIB.checklists))
    build_site(project, out)
    path = project / "checklists" / f"{cid}.yml"
    title = yaml.safe_load(path.read_text("utf-8"))["title"]
    path.write_text(path.read_text("utf-8").replace(f"title: {title}", "title: 改过的标题", 1), "utf-8")
    build_site(project, out)
    assert "改过的标题" in (out / "checklists" / cid / "index.html").read_text("utf-8")
    assert "改过的标题" in (out / "print" / cid / "index.html").read_text("utf-8")


def test_yaml_text_never_becomes_live_html(tmp_path):
    project = copy_project(tmp_path / "p")
    cid = next(iter(LIB.checklists))
    path = project / "checklists" / f"{cid}.yml"
    hostile = '<script>alert(1)</script>{: onclick="x()" }[点](javascript:x())**粗**&amp;'
    owner = '<b onclick="x()">组</b>'
    data = re.sub(r"(?m)^summary: .*$", "summary: " + json.dumps(hostile, ensure_ascii=False), path.read_text("utf-8"))
    data = re.sub(r"(?m)^version: ", "owner: " + json.dumps(owner, ensure_ascii=False) + "\nversion: ", data)
    path.write_text(data, "utf-8")
    build_site(project, tmp_path / "site")
    for url, shown in ((f"checklists/{cid}/", hostile), ("checklists/", hostile), (f"print/{cid}/", owner)):
        page = soup(tmp_path / "site", url)
        assert shown in page.get_text(), url
        assert not page.find_all(attrs={"onclick": "x()"}), url
        assert not page.select('a[href^="javascript"]'), url
        assert all("alert" not in (s.string or "") for s in page.find_all("script")), url


@pytest.mark.parametrize("break_it, names", [
    (lambda p: (p / "checklists" / "broken.yml").write_bytes("标题".encode("gbk")), "checklists/broken.yml"),
    (lambda p: (p / "cases" / "broken.txt").write_text("x", "utf-8"), "cases/broken.txt"),
    (lambda p: (p / "docs" / "no-date.md").write_text("# 没有审核日期\n", "utf-8"), "docs/no-date.md"),
])
def test_bad_input_stops_mkdocs_with_a_message_and_no_traceback(tmp_path, break_it, names):
    project = copy_project(tmp_path / "p")
    break_it(project)
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                         cwd=project, capture_output=True, text=True)
    assert run.returncode != 0
    assert names in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
