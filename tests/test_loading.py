"""Bytes → YAML: encodings, YAML errors, file names. Every message names the file."""

from __future__ import annotations

import pytest
from conftest import problems

from kb import load_library

CHECKLIST = "checklists/sample-desk.yml"



def test_valid_fixtures_load(tree):
    lib = load_library(tree.root)
    assert list(lib.checklists) == ["sample-desk"]
    assert list(lib.cases) == ["sample-case"]
    assert len(lib.regulation.articles) == 50
    assert lib.warnings == []


def test_utf8_with_bom_is_fine(tree):
    text = tree.read(CHECKLIST)
    tree.write(CHECKLIST, b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert "sample-desk" in load_library(tree.root).checklists


def test_gbk_file_is_refused_with_the_fix(tree):
    tree.write(CHECKLIST, tree.read(CHECKLIST).encode("gbk"))
    [p] = problems(tree)
    assert p.file == CHECKLIST
    assert "不是 UTF-8" in p.message and "GBK" in p.message
    assert "UTF-8" in p.fix


def test_utf16_file_is_refused(tree):
    tree.write(CHECKLIST, tree.read(CHECKLIST).encode("utf-16"))
    [p] = problems(tree)
    assert p.file == CHECKLIST and "UTF-16" in p.message


def test_yaml_syntax_error_names_line(tree):
    tree.edit(CHECKLIST, "title: 测试清单", "title: [测试清单")
    [p] = problems(tree)
    assert p.file == CHECKLIST and "YAML 格式错误" in p.message and "行" in p.message


def test_duplicate_key_is_an_error_not_a_silent_overwrite(tree):
    tree.edit(CHECKLIST, "title: 测试清单", "title: 测试清单\ntitle: 另一个标题")
    [p] = problems(tree)
    assert p.file == CHECKLIST and "重复" in p.message and "title" in p.message


def test_missing_schema_line(tree):
    tree.edit(CHECKLIST, "# yaml-language-server: $schema=../schemas/checklist.schema.json\n", "")
    [p] = problems(tree)
    assert p.file == CHECKLIST and "$schema=../schemas/checklist.schema.json" in p.fix


def test_dot_yaml_is_read_like_yml(tree):
    (tree.root / CHECKLIST).rename(tree.root / "checklists/sample-desk.yaml")
    lib = load_library(tree.root)
    assert lib.checklists["sample-desk"].file == "checklists/sample-desk.yaml"


def test_same_id_as_yml_and_yaml_is_refused(tree):
    tree.write("checklists/sample-desk.yaml", tree.read(CHECKLIST))
    [p] = problems(tree)
    assert p.file == "checklists/sample-desk.yml" and "重复" in p.message


@pytest.mark.parametrize("name", ["notes.txt", "sample.YML", "draft.json"])
def test_other_files_are_refused_by_name(tree, name):
    tree.write(f"checklists/{name}", "x")
    [p] = problems(tree)
    assert p.file == f"checklists/{name}" and "不是 YAML 文件" in p.message


def test_dotfiles_and_readme_are_passed_over(tree):
    tree.write("checklists/.sample-desk.yml.swp", "x")
    tree.write("checklists/README.md", "说明")
    assert list(load_library(tree.root).checklists) == ["sample-desk"]


def test_file_name_and_id_must_agree(tree):
    tree.edit(CHECKLIST, "id: sample-desk", "id: other-desk")
    found = problems(tree)
    assert any(p.file == CHECKLIST and p.field == "id" and "sample-desk" in p.fix for p in found)


def test_reserved_id(tree):
    (tree.root / CHECKLIST).rename(tree.root / "checklists/index.yml")
    tree.edit("checklists/index.yml", "id: sample-desk", "id: index")
    tree.edit("cases/sample-case.yml", "checklists: [sample-desk, sample-desk#check-room]", "checklists: [index]")
    found = problems(tree)
    assert any(p.file == "checklists/index.yml" and "保留名" in p.message for p in found)


def test_all_problems_are_reported_at_once(tree):
    tree.edit(CHECKLIST, "title: 测试清单", "titel: 测试清单")
    tree.edit("cases/sample-case.yml", "difficulty: 入门", "difficulty: 很难")
    files = {p.file for p in problems(tree)}
    assert files == {CHECKLIST, "cases/sample-case.yml"}
