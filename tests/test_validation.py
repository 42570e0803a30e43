"""Schema and cross-reference checks: each error names the file, the field path and the fix."""

from __future__ import annotations

import pytest
from conftest import problems

from kb import load_library

CHECKLIST = "checklists/sample-desk.yml"
CASE = "cases/sample-case.yml"



def only(tree):
    found = problems(tree)
    assert len(found) == 1, found
    return found[0]


def test_unknown_key_is_an_error(tree):
    tree.edit(CHECKLIST, "        text: 检查接谈室可以使用", "        text: 检查接谈室可以使用\n        nte: 备注")
    p = only(tree)
    assert (p.file, p.field) == (CHECKLIST, "pause_points[0].items[1]")
    assert "nte" in p.message and "note" in p.fix


def test_missing_required_field(tree):
    tree.edit(CHECKLIST, "mode: ", "mood: ")
    found = problems(tree)
    assert any(p.file == CHECKLIST and "mode" in p.message and "缺少必填字段" in p.message for p in found)


def test_wrong_enum_value_lists_the_choices(tree):
    tree.edit(CASE, "difficulty: 入门", "difficulty: 很难")
    p = only(tree)
    assert (p.file, p.field) == (CASE, "difficulty") and "入门" in p.fix


def test_wrong_type(tree):
    tree.edit(CASE, "lessons:\n  - 先登记后解释。", "lessons: 先登记后解释。")
    p = only(tree)
    assert (p.file, p.field) == (CASE, "lessons") and "列表" in p.message


def test_invalid_calendar_date(tree):
    tree.edit(CHECKLIST, "effective: 2026-01-01", "effective: 2026-02-30")
    p = only(tree)
    assert (p.file, p.field) == (CHECKLIST, "effective") and "有效日期" in p.message


def test_bad_id_pattern(tree):
    tree.edit(CHECKLIST, "      - id: check-room", "      - id: Check_Room")
    p = only(tree)
    assert (p.file, p.field) == (CHECKLIST, "pause_points[0].items[1].id") and "小写" in p.fix


@pytest.mark.parametrize("ref", ["art-51", "art-99"])
def test_unknown_article_in_checklist(tree, ref):
    tree.edit(CHECKLIST, "        articles: [art-18]", f"        articles: [{ref}]")
    p = only(tree)
    assert (p.file, p.field) == (CHECKLIST, "pause_points[0].items[0].articles[0]")
    assert ref in p.message and "50" in p.message


def test_unknown_article_in_case_step(tree):
    tree.edit(CASE, "    articles: [art-19]", "    articles: [art-60]")
    p = only(tree)
    assert (p.file, p.field) == (CASE, "handling[0].articles[0]")


def test_article_reference_shape(tree):
    tree.edit(CASE, "articles: [art-19]\nchecklists", "articles: [第19条]\nchecklists")
    p = only(tree)
    assert (p.file, p.field) == (CASE, "articles[0]") and "art-" in p.fix


def test_unknown_checklist_in_case(tree):
    tree.edit(CASE, "checklists: [sample-desk, sample-desk#check-room]", "checklists: [no-such-list]")
    p = only(tree)
    assert (p.file, p.field) == (CASE, "checklists[0]") and "no-such-list" in p.message and "sample-desk" in p.fix


def test_unknown_checklist_item_in_case(tree):
    tree.edit(CASE, "sample-desk#check-room", "sample-desk#no-item")
    p = only(tree)
    assert (p.file, p.field) == (CASE, "checklists[1]") and "no-item" in p.message and "check-room" in p.fix


def test_regulation_article_numbers_must_run_in_order(tree):
    tree.edit("regulations/xinfang-gongzuo-tiaoli.yml", "      - number: 7\n", "      - number: 8\n")
    found = problems(tree)
    assert any(p.file == "regulations/xinfang-gongzuo-tiaoli.yml" and "条号应为 7" in p.message for p in found)


def test_missing_regulation_file(tree):
    (tree.root / "regulations/xinfang-gongzuo-tiaoli.yml").unlink()
    p = only(tree)
    assert p.file == "regulations/xinfang-gongzuo-tiaoli.yml"


def test_citations_are_collected_under_the_article(tree):
    lib = load_library(tree.root)
    cited = lib.regulation.articles[18].cited_by
    assert {(c.src_uri, c.anchor) for c in cited} == {("checklists/sample-desk.md", ""),
                                                      ("checklists/sample-desk.md", "check-notice")}
    assert [c.src_uri for c in lib.regulation.articles[19].cited_by] == ["cases/sample-case.md"]
