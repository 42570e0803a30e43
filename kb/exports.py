"""Exports for trainers' and auditors' spreadsheets: api/checklists.json, api/cases.json,
api/checklist-items.csv and api/checklists.xlsx. Described by schemas/api/*.schema.json.

Addresses are site paths (checklists/x/#item); with a deployment address each record also
has its full `url`. Every file names the build's date and commit, so a copy in a spreadsheet
says which edition of the site it came from.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
from datetime import datetime
from pathlib import Path

from . import xlsx
from .library import Library
from .model import CASE_SECTIONS, Version

API = "api"
STATUSES = ("已落实", "未落实", "不适用")  # the audit column's choices in the spreadsheet


def build_info(root: Path, today: str) -> dict:
    """The build's date and the commit it was built from ("" outside a git checkout)."""
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                                timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return {"date": today, "commit": commit}


def _history(history: list[Version]) -> list[dict]:
    return [{"version": h.version, "date": h.date, "changes": h.changes} for h in history]


def _where(site_url: str, path: str) -> dict:
    return {"path": path, "url": site_url + path if site_url else None}


def checklists(lib: Library, site_url: str, build: dict) -> dict:
    out = []
    for c in lib.checklists.values():
        page = f"checklists/{c.id}/"
        items = [{"id": i.id, "pause_point": p.title, "text": i.text, "who": i.who, "critical": i.critical,
                  "articles": i.articles, "note": i.note, **_where(site_url, f"{page}#{i.id}")}
                 for p in c.pause_points for i in p.items]
        out.append({"id": c.id, "title": c.title, "summary": c.summary, "stage": c.stage, "mode": c.mode,
                    "roles": c.roles, "tags": c.tags, "articles": c.basis_articles, "other_basis": c.basis_other,
                    "owner": c.owner, "version": c.version, "effective": c.effective, "next_review": c.next_review,
                    "reviewed": c.reviewed, "history": _history(c.history), "local": c.mark,
                    **_where(site_url, page), "print_path": f"print/{c.id}/", "short_path": f"go/{c.id}/",
                    "items": items})
    return {"build": build, "checklists": out}


def cases(lib: Library, site_url: str, build: dict) -> dict:
    out = []
    for case in lib.cases.values():
        page = f"cases/{case.id}/"
        sections = [{"id": k, "title": v, **_where(site_url, f"{page}#{k}")} for k, v in CASE_SECTIONS.items()]
        out.append({"id": case.id, "title": case.title, "summary": case.summary, "category": case.category,
                    "difficulty": case.difficulty, "verdict": case.verdict, "tags": case.tags,
                    "articles": case.articles, "checklists": case.checklists, "questions": case.questions,
                    "version": case.version, "reviewed": case.reviewed, "history": _history(case.history),
                    "local": case.mark, **_where(site_url, page), "handout_path": f"handouts/{case.id}/",
                    "short_path": f"go/{case.id}/", "sections": sections})
    return {"build": build, "cases": out}


CSV_COLUMNS = ("清单id", "清单", "检查点", "条目id", "条目", "执行人", "关键", "依据（条例）", "清单版本", "最后审核", "地址")


def item_rows(lib: Library, site_url: str) -> list[list]:
    rows = []
    for c in lib.checklists.values():
        for p in c.pause_points:
            for i in p.items:
                path = f"checklists/{c.id}/#{i.id}"
                rows.append([c.id, c.title, p.title, i.id, i.text, i.who, "是" if i.critical else "",
                             "、".join(f"第{a[4:]}条" for a in i.articles), c.version, c.reviewed,
                             site_url + path if site_url else path])
    return rows


def items_csv(lib: Library, site_url: str) -> bytes:
    """One row per item, UTF-8 with a BOM: Excel on Windows then reads the Chinese correctly."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(item_rows(lib, site_url))
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def checklists_xlsx(lib: Library, site_url: str, build: dict) -> bytes:
    """The items as a workbook with a 状态 column to fill in during an audit (a drop-down of STATUSES)."""
    rows = [[*CSV_COLUMNS, "状态", "核查人", "备注"]] + [row + ["", "", ""] for row in item_rows(lib, site_url)]
    status = xlsx.column(len(CSV_COLUMNS) + 1)
    items = xlsx.Sheet("清单条目", rows, widths=(22, 14, 14, 22, 40, 10, 6, 14, 8, 12, 50, 10, 10, 20),
                       freeze_header=True, bold_header=True,
                       choices=[xlsx.Choice(f"{status}2:{status}{len(rows)}", STATUSES)])
    about = xlsx.Sheet("说明", [["信访工作知识库：接待台清单条目"], ["构建日期", build["date"]],
                              ["提交", build["commit"] or "（不在 git 仓库中构建）"],
                              ["状态一栏", "核查时选填：" + "、".join(STATUSES)]])
    return xlsx.workbook([items, about], "信访工作知识库：接待台清单条目", "信访工作知识库",
                         datetime.fromisoformat(build["date"]))


def files(lib: Library, site_url: str, build: dict) -> dict[str, str | bytes]:
    """uri -> content, for every export."""
    dump = lambda data: json.dumps(data, ensure_ascii=False, indent=1) + "\n"  # noqa: E731
    return {f"{API}/checklists.json": dump(checklists(lib, site_url, build)),
            f"{API}/cases.json": dump(cases(lib, site_url, build)),
            f"{API}/checklist-items.csv": items_csv(lib, site_url),
            f"{API}/checklists.xlsx": checklists_xlsx(lib, site_url, build)}
