"""Exports for spreadsheets: read each file back from the built site and check it against the content."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, SITE_ADDRESS
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from kb import load_library
from kb.model import CASE_SECTIONS

LIB = load_library(ROOT)
API = ROOT / "schemas" / "api"


def validator(name: str) -> Draft202012Validator:
    registry = Registry().with_resources(
        (p.name, Resource.from_contents(json.loads(p.read_text("utf-8")))) for p in API.glob("*.schema.json"))
    schema = json.loads((API / f"{name}.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def load(site: Path, name: str) -> dict:
    data = json.loads((site / "api" / f"{name}.json").read_text("utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(data)]
    assert errors == []
    return data


def test_checklists_json_matches_the_content(site):
    data = load(site, "checklists")
    assert data["build"]["date"] and len(data["build"]["commit"]) in (0, 40)
    by_id = {c["id"]: c for c in data["checklists"]}
    assert list(by_id) == list(LIB.checklists)
    for c in LIB.checklists.values():
        out = by_id[c.id]
        assert (out["title"], out["version"], out["reviewed"], out["articles"]) == (c.title, c.version, c.reviewed,
                                                                                     c.basis_articles)
        assert out["url"] == f"{SITE_ADDRESS}checklists/{c.id}/" and out["short_path"] == f"go/{c.id}/"
        assert [h["version"] for h in out["history"]] == [h.version for h in c.history]
        assert [(i["id"], i["text"], i["critical"], i["articles"]) for i in out["items"]] == [
            (i.id, i.text, i.critical, i.articles) for i in c.items]
        assert all(i["url"] == f"{SITE_ADDRESS}checklists/{c.id}/#{i['id']}" for i in out["items"])


def test_cases_json_matches_the_content(site):
    data = load(site, "cases")
    by_id = {c["id"]: c for c in data["cases"]}
    assert list(by_id) == list(LIB.cases)
    for case in LIB.cases.values():
        out = by_id[case.id]
        assert (out["title"], out["version"], out["articles"], out["questions"]) == (
            case.title, case.version, case.articles, case.questions)
        assert [s["id"] for s in out["sections"]] == list(CASE_SECTIONS)
        assert out["handout_path"] == f"handouts/{case.id}/"


def test_items_csv_opens_in_excel_with_its_chinese(site):
    raw = (site / "api" / "checklist-items.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel on Windows needs to read UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:5] == ["清单id", "清单", "检查点", "条目id", "条目"]
    expected = [(c.id, i.id, i.text) for c in LIB.checklists.values() for i in c.items]
    assert [(r[0], r[3], r[4]) for r in rows[1:]] == expected


def test_xlsx_has_every_item_and_a_status_column(site):
    from openpyxl import load_workbook

    wb = load_workbook(site / "api" / "checklists.xlsx")
    ws = wb["清单条目"]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["清单id", "清单", "检查点", "条目id", "条目"] and "状态" in header
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert [(r[0], r[3], r[4]) for r in rows] == [(c.id, i.id, i.text) for c in LIB.checklists.values() for i in c.items]
    status = header.index("状态")
    letter = ws.cell(row=1, column=status + 1).column_letter
    rules = ws.data_validations.dataValidation
    assert any(f"{letter}2:{letter}{ws.max_row}" in str(r.sqref) and "已落实" in r.formula1 for r in rules)
    assert all(r[status] is None for r in rows)  # blank, for the auditor
    assert ws.freeze_panes == "A2" and ws["A1"].font.b and not ws["A2"].font.b
    assert ws.column_dimensions["E"].width == 40  # the item text has room
    about = [[c.value for c in row] for row in wb["说明"].iter_rows()]
    assert about[1] == ["构建日期", date.today().isoformat()]


def test_xlsx_is_the_same_file_for_the_same_content():
    from kb import exports

    build = {"date": "2026-12-04", "commit": "abc"}
    assert exports.checklists_xlsx(LIB, "", build) == exports.checklists_xlsx(LIB, "", build)


@pytest.mark.parametrize("name", ["checklists.json", "cases.json", "checklist-items.csv", "checklists.xlsx"])
def test_exports_are_linked_from_the_site(site, name):
    from htmlsite import soup

    page = soup(site, "checklists/")
    assert page.find("a", href=f"../api/{name}"), name
