"""The holiday table for the deadline calculator (docs/assets/javascripts/deadlines.js).

Built at build time from the PyPI package chinese-calendar (pinned in requirements.txt), which
records the 国务院办公厅 notices on holiday arrangements: the days off (the holidays themselves
and their 调休 rest days, weekend days inside a holiday block included) and the weekend days
that are working days because of 调休. The calculator reads it as a script that sets a global,
not as JSON, so the offline copy works from file:// (no fetch()).

    {"years": [2004, 2026], "holidays": ["2004-01-01", ...], "workdays": ["2004-01-17", ...]}

Plain Python, no MkDocs: hooks/deadlines.py adds the file to the build.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

URI = "assets/javascripts/holidays.js"  # where the site serves it (extra_javascript, before deadlines.js)
GLOBAL = "KB_HOLIDAYS"


class HolidayTableError(Exception):
    """The table cannot be built: the package is missing or its data does not hold together."""


def _calendar():
    try:
        import chinese_calendar
    except ImportError:  # pragma: no cover - depends on the machine
        raise HolidayTableError(
            "没有安装 chinese-calendar，无法生成时限计算器的节假日表（怎么改：pip install -r requirements.txt）"
        ) from None
    return chinese_calendar


def build_table(calendar=None) -> dict:
    """{"years": [first, last], "holidays": [ISO dates], "workdays": [ISO dates]}, each list sorted.

    `years` are the years the package covers: for a date outside them the calculator knows
    only the weekends. `calendar` is the chinese_calendar module (or a stand-in for tests).
    """
    cal = calendar or _calendar()
    holidays = sorted(_as_date(d) for d in cal.holidays)
    workdays = sorted(_as_date(d) for d in cal.workdays)
    if not holidays:
        raise HolidayTableError("chinese-calendar 没有任何节假日数据")
    both = set(holidays) & set(workdays)
    if both:
        raise HolidayTableError(f"同一天既放假又上班：{sorted(d.isoformat() for d in both)[:5]}")
    weekday_workdays = [d for d in workdays if d.weekday() < 5]
    if weekday_workdays:
        raise HolidayTableError(f"调休上班日应当是周六或周日：{[d.isoformat() for d in weekday_workdays[:5]]}")
    first, last = holidays[0].year, holidays[-1].year
    outside = [d for d in workdays if not first <= d.year <= last]
    if outside:
        raise HolidayTableError(f"调休上班日超出节假日表的年份 {first}–{last}：{[d.isoformat() for d in outside[:5]]}")
    return {
        "years": [first, last],
        "holidays": [d.isoformat() for d in holidays],
        "workdays": [d.isoformat() for d in workdays],
    }


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def to_js(table: dict) -> str:
    """The table as a script: `window.KB_HOLIDAYS = {...};`."""
    data = json.dumps(table, ensure_ascii=False, separators=(",", ":"))
    return (
        "// 时限计算器的节假日表：构建时由 kb/holidays.py 从 chinese-calendar 生成，不要手改。\n"
        f"window.{GLOBAL} = {data};\n"
    )


def write_js(path: Path, table: dict | None = None) -> Path:
    """Write the script to `path` (folders made as needed); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_js(table if table is not None else build_table()), "utf-8")
    return path
