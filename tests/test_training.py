"""Courses from training/*.yml: course pages, trainer's pages, links with QR codes, the A4 outline;
and what changed: 最近更新, version histories, handouts with page numbers."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, SITE_ADDRESS, problems
from htmlsite import soup
from test_print import pdf, shows, text

from kb import load_library

LIB = load_library(ROOT)
COURSES = {"reception-skills": "信访接待技巧", "management-emergency": "信访管理与应急处突、舆情应对"}


def test_the_two_courses_this_project_grew_from():
    assert {c: LIB.courses[c].title for c in COURSES} == COURSES
    skills = [m.title for m in LIB.courses["reception-skills"].modules]
    for topic in ("沟通技巧", "情绪管理", "解决问题", "文书写作", "注意事项", "案例分析", "风险管理"):
        assert any(topic in t for t in skills), topic
    case_study = next(m for m in LIB.courses["reception-skills"].modules if "案例分析" in m.title)
    assert {"soe-wage-query", "community-pollution"} <= set(case_study.cases)
    management = [m.title for m in LIB.courses["management-emergency"].modules]
    for topic in ("新条例", "原因", "管理体系", "处理流程", "问题处理", "群体性事件", "应急处置", "舆情应对"):
        assert any(topic in t for t in management), topic


@pytest.mark.parametrize("cid", COURSES)
def test_course_page_lists_its_modules_with_time_and_objectives(site, cid):
    course = LIB.courses[cid]
    page = soup(site, f"training/{cid}/")
    assert page.find("h1").get_text(strip=True).startswith(course.title)
    body = page.find("article").get_text()
    for m in course.modules:
        heading = page.find(id=m.id)
        assert heading is not None and m.title in heading.get_text(), m.id
        assert f"{m.duration} 分钟" in body and all(o in body for o in m.objectives)
        assert page.find("a", href=f"{m.id}/"), m.id  # to the trainer's page
    assert page.find("a", href=f"../../print/training/{cid}/")
    assert page.find("a", href="links/")
    assert f"go/{cid}/" in body


@pytest.mark.parametrize("cid", COURSES)
def test_trainer_page_uses_cases_by_reference(site, cid):
    course = LIB.courses[cid]
    for m in course.modules:
        page = soup(site, f"training/{cid}/{m.id}/")
        body = page.find("article").get_text()
        assert all(o in body for o in m.objectives)
        for q in m.discussion:  # the case's own question, pulled in, with a link back to it
            case = LIB.cases[q.case]
            assert case.questions[q.question - 1] in body
            assert page.find("a", href=f"../../../cases/{q.case}/#questions")
        for e in m.exercises:
            assert e.task in body and page.find("a", href=f"../../../cases/{e.case}/#{e.part}")
        for ref in m.articles:
            assert page.find("a", href=f"../../../regulations/xinfang-gongzuo-tiaoli/#{ref}")
        for ref in m.checklists:
            cid_, _, item = ref.partition("#")
            assert page.find("a", href=f"../../../checklists/{cid_}/" + (f"#{item}" if item else ""))


def test_links_page_gives_every_link_a_short_address_and_a_qr_code(site):
    course = LIB.courses["reception-skills"]
    page = soup(site, "training/reception-skills/links/")
    rows = page.select("article table tbody tr")
    addresses = [r.find_all("td")[2].get_text(strip=True) for r in rows]
    assert len(addresses) == len(set(addresses))
    assert f"{SITE_ADDRESS}go/reception-skills/" in addresses
    used = {ref for m in course.modules for ref in m.articles} | {c for m in course.modules for c in m.cases}
    assert {f"{SITE_ADDRESS}go/{u}/" for u in used} <= set(addresses)
    assert all(r.find_all("td")[3].find("svg") for r in rows)  # a QR code each, for the slides
    assert all(a.startswith(SITE_ADDRESS) for a in addresses)


def test_links_page_in_a_preview_prints_no_address(preview):
    page = soup(preview, "training/reception-skills/links/")
    assert "预览版：未设置网址" in page.get_text() and not page.select("article svg")


@pytest.mark.parametrize("cid", COURSES)
def test_outline_prints_on_a4_with_every_module(page, served, cid):
    course = LIB.courses[cid]
    reader = pdf(page, f"{served}print/training/{cid}/")
    assert 1 <= len(reader.pages) <= 2, f"{cid} outline prints on {len(reader.pages)} pages"
    printed = "".join(text(reader, i) for i in range(len(reader.pages)))
    assert shows(printed, course.title)
    assert all(shows(printed, m.title) for m in course.modules)
    assert shows(printed, f"第1页/共{len(reader.pages)}页")


def test_a_course_that_cites_what_does_not_exist_names_file_and_field(tree):
    course = """\
# yaml-language-server: $schema=../schemas/training.schema.json
id: t
title: 测试课程
summary: 用于测试。
audience: [接待人员]
version: "1.0"
history:
  - {version: "1.0", date: 2026-01-01, changes: 首次发布}
reviewed: 2026-01-01
modules:
  - id: one
    title: 单元
    duration: 30
    objectives: [复述诉求]
    discussion:
      - {case: sample-case, question: 9}
"""
    tree.write("training/t.yml", course)
    found = problems(tree)
    assert [(p.file, p.field, "讨论题" in p.message) for p in found] == [
        ("training/t.yml", "modules[0].discussion[0].question", True)]
    tree.write("training/t.yml", course.replace("question: 9}", "question: 1}\n    cases: [no-such-case]\n"
                                                "    checklists: [sample-desk#nope]\n    articles: [art-60]"))
    fields = {p.field for p in problems(tree)}
    assert fields == {"modules[0].cases[0]", "modules[0].checklists[0]", "modules[0].articles[0]"}


# ---- what changed ------------------------------------------------------------------------------

def test_updates_page_lists_every_version(site):
    page = soup(site, "updates/")
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in page.select("article table tbody tr")]
    expected = sum(len(x.history) for kind in (LIB.checklists, LIB.cases, LIB.courses) for x in kind.values())
    assert len(rows) == expected
    assert [r[0] for r in rows] == sorted((r[0] for r in rows), reverse=True)  # newest first
    group = LIB.checklists["group-visit"]
    assert [r[4] for r in rows if r[2] == group.title] == [h.changes for h in group.history]


def test_updates_page_filters_by_date(page, served):
    page.goto(f"{served}updates/", wait_until="load")
    rows = page.locator("article table tbody tr")
    total = rows.count()
    page.fill("#kb-since", "2026-12-02")
    visible = [d for d in rows.locator("td:first-child").all_inner_texts() if d]
    shown = page.locator("article table tbody tr:not([hidden])")
    assert 0 < shown.count() < total
    assert all(d >= "2026-12-02" for d in shown.locator("td:first-child").all_inner_texts())
    assert len(visible) == total
    assert f"共 {shown.count()} 处修改" in page.locator(".kb-since-count").inner_text()


def test_each_checklist_and_case_shows_its_version_history(site):
    for kind, items in (("checklists", LIB.checklists), ("cases", LIB.cases)):
        for x in items.values():
            history = soup(site, f"{kind}/{x.id}/").find(id="history").find_next("div", class_="kb-history")
            entries = [li.get_text(" ", strip=True) for li in history.find_all("li")]
            assert len(entries) == len(x.history) and all(h.changes in e for h, e in zip(x.history, entries)), x.id
