"""Checklist design rules: hard limits stop the build, soft ones warn (and fail --strict)."""

from __future__ import annotations

import pytest
from conftest import problems

from kb import load_library
from kb.rules import MAX_ITEM_WIDTH, starts_with_action

CHECKLIST = "checklists/sample-desk.yml"


def item(i: int, text: str | None = None) -> str:
    return f"      - id: item-{i}\n        text: {text or f'核对第{i}项材料'}\n"


def pause(pid: str, n: int, start: int = 0) -> str:
    items = "".join(item(start + k) for k in range(n))
    return f"  - id: {pid}\n    title: 检查点\n    when: 开始前\n    who: 接待人员\n    items:\n{items}"


def with_pauses(tree, *pauses: str) -> None:
    text = tree.read(CHECKLIST)
    head = text[: text.index("pause_points:")]
    tree.write(CHECKLIST, head + "pause_points:\n" + "".join(pauses))
    tree.edit("cases/sample-case.yml", "sample-desk#check-room", "sample-desk#item-0")



def test_four_pause_points_is_an_error(tree):
    with_pauses(tree, *(pause(f"p{k}", 2, k * 10) for k in range(4)))
    [p] = problems(tree)
    assert (p.file, p.field) == (CHECKLIST, "pause_points") and "上限 3" in p.message


def test_ten_items_at_one_pause_point_is_an_error(tree):
    with_pauses(tree, pause("p1", 10))
    [p] = problems(tree)
    assert (p.file, p.field) == (CHECKLIST, "pause_points[0].items") and "少于 10" in p.message


def test_more_than_24_items_is_an_error(tree):
    with_pauses(tree, pause("p1", 9), pause("p2", 9, 10), pause("p3", 7, 20))
    [p] = problems(tree)
    assert p.field == "pause_points" and "A4" in p.message


def test_more_than_20_items_is_a_warning(tree):
    with_pauses(tree, pause("p1", 9), pause("p2", 9, 10), pause("p3", 3, 20))
    lib = load_library(tree.root)
    assert [w.field for w in lib.warnings] == ["pause_points"]


def test_item_longer_than_a_printed_line(tree):
    long_text = "核对" + "材" * MAX_ITEM_WIDTH
    with_pauses(tree, pause("p1", 1) + item(5, long_text))
    [p] = problems(tree)
    assert p.field == "pause_points[0].items[1].text" and "一行" in p.message


def test_item_needs_someone_to_do_it(tree):
    with_pauses(tree, pause("p1", 2).replace("    who: 接待人员\n", ""))
    found = problems(tree)
    assert {p.field for p in found} == {"pause_points[0].items[0].who", "pause_points[0].items[1].who"}


def test_critical_items_come_first(tree):
    text = pause("p1", 2) + "        critical: true\n"
    with_pauses(tree, text)
    [p] = problems(tree)
    assert p.field == "pause_points[0].items[1].critical" and "最前面" in p.fix


def test_duplicate_item_ids(tree):
    with_pauses(tree, pause("p1", 2), pause("p2", 2))
    found = problems(tree)
    assert {p.field for p in found} == {"pause_points[1].items[0].id", "pause_points[1].items[1].id"}


def test_question_or_noun_first_item_warns(tree):
    with_pauses(tree, pause("p1", 1) + item(5, "是否已登记") + item(6, "接谈室的准备"))
    warnings = load_library(tree.root).warnings
    assert [w.field for w in warnings] == ["pause_points[0].items[1].text", "pause_points[0].items[2].text"]


@pytest.mark.parametrize("text", ["核对身份", "立即报警并呼叫急救", "向公安机关报告", "把诉求归纳成具体事项", "如实记录口头诉求"])
def test_actions(text):
    assert starts_with_action(text)


@pytest.mark.parametrize("text", ["接谈室的准备", "是否登记", "信访人情绪激动时"])
def test_not_actions(text):
    assert not starts_with_action(text)


def test_next_review_after_effective(tree):
    tree.edit(CHECKLIST, "next_review: 2099-01-01", "next_review: 2025-01-01")
    [p] = problems(tree)
    assert p.field == "next_review"
