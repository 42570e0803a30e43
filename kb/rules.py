"""Checklist design rules (WHO surgical safety checklist; Degani & Wiener for NASA).

Hard limits are errors: a sheet must print on one A4 page and stay usable at the desk.
Soft limits are warnings: MkDocs shows them, and `mkdocs build --strict` refuses them.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from .errors import Problem
from .model import Checklist
from .text import display_width

MAX_PAUSE_POINTS = 3
MAX_ITEMS_PER_PAUSE = 9  # "fewer than ten"
MAX_ITEMS_PER_SHEET = 24  # what fits on one A4 sheet at 12 pt
SOFT_ITEMS_PER_SHEET = 20  # "about twenty"
MAX_ITEM_WIDTH = 27  # characters on one printed line at 12 pt, beside the who and article columns
CRITICAL_FLAG_WIDTH = 3  # the boxed 关键 label before a critical item
MAX_ITEM_ARTICLES = 3  # what the article column holds: 第21、22、43条
NOT_ACTIONS = ("是否", "有无", "能否", "有没有", "是不是", "不", "没有", "禁止")
# An action may open with a time or manner word ("立即报警") or a preposition ("向公安报告").
LEAD_ADVERBS = ("第一时间", "立即", "马上", "当面", "当场", "当天", "当日", "及时", "逐项", "逐一", "如实", "主动",
                "提前", "再次", "先", "随时", "每日", "每天", "每周", "按规定", "依法", "分别", "统一", "单独", "同步", "尽快")
LEAD_PREPOSITIONS = ("把", "将", "向", "对", "给", "与", "在", "为", "按", "跟", "同", "用", "从")
VERBS_FILE = Path(__file__).with_name("data") / "action_verbs.txt"


@lru_cache(maxsize=1)
def action_verbs() -> tuple[str, ...]:
    lines = VERBS_FILE.read_text("utf-8").splitlines()
    return tuple(sorted({ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}, key=len, reverse=True))


def starts_with_action(text: str) -> bool:
    """Deterministic, so a writer can predict it: a listed verb, maybe after an adverb."""
    if text.startswith(LEAD_PREPOSITIONS):
        return True
    for adverb in LEAD_ADVERBS:
        if text.startswith(adverb):
            text = text[len(adverb):]
            break
    return text.startswith(action_verbs())


def check_checklist(c: Checklist) -> tuple[list[Problem], list[Problem]]:
    """Return (errors, warnings) for one checklist."""
    errors, warnings = [], []
    f = c.file

    def err(field, msg, fix):
        errors.append(Problem(f, field, msg, fix))

    def warn(field, msg, fix):
        warnings.append(Problem(f, field, msg, fix))

    if c.id != Path(f).stem:
        err("id", f"id「{c.id}」与文件名「{Path(f).name}」不一致", f"把 id 改为 {Path(f).stem}，或把文件改名为 {c.id}.yml")
    if len(c.pause_points) > MAX_PAUSE_POINTS:
        err("pause_points", f"有 {len(c.pause_points)} 个检查点，上限 {MAX_PAUSE_POINTS} 个",
            "按工作中自然停顿的时刻合并检查点，或拆成两份清单")
    total = len(c.items)
    if total > MAX_ITEMS_PER_SHEET:
        err("pause_points", f"全表 {total} 项，超过一张 A4 纸能容纳的 {MAX_ITEMS_PER_SHEET} 项",
            "只留下容易遗漏且后果严重的动作，其余放进技巧页")
    elif total > SOFT_ITEMS_PER_SHEET:
        warn("pause_points", f"全表 {total} 项，多于建议的约 {SOFT_ITEMS_PER_SHEET} 项", "精简到 20 项左右")

    seen: dict[str, str] = {}
    for p_i, p in enumerate(c.pause_points):
        pf = f"pause_points[{p_i}]"
        for ident, where in [(p.id, f"{pf}.id")] + [(i.id, f"{pf}.items[{k}].id") for k, i in enumerate(p.items)]:
            if ident in seen:
                err(where, f"id「{ident}」与 {seen[ident]} 重复", "同一份清单内每个检查点和条目的 id 必须不同")
            else:
                seen[ident] = where
        if len(p.items) > MAX_ITEMS_PER_PAUSE:
            err(f"{pf}.items", f"检查点「{p.title}」有 {len(p.items)} 项，上限 {MAX_ITEMS_PER_PAUSE} 项（少于 10 项）",
                "删去不易遗漏的动作，或把它们移到另一个检查点")
        critical_done = False
        for k, item in enumerate(p.items):
            itf = f"{pf}.items[{k}]"
            width = display_width(item.text) + (CRITICAL_FLAG_WIDTH if item.critical else 0)
            if width > MAX_ITEM_WIDTH:
                flag = f"（含“关键”标记 {CRITICAL_FLAG_WIDTH} 字）" if item.critical else ""
                err(f"{itf}.text", f"「{item.text}」约 {width:g} 字宽{flag}，打印时超过一行（上限 {MAX_ITEM_WIDTH}）",
                    "一项只写一个动作，把解释移到 note")
            if len(item.articles) > MAX_ITEM_ARTICLES:
                err(f"{itf}.articles", f"引用了 {len(item.articles)} 条，打印栏只放得下 {MAX_ITEM_ARTICLES} 条",
                    "只留本项直接依据的条文，其余写进清单的 basis")
            if not item.who:
                err(f"{itf}.who", "没有写由谁执行", f"给本项加 who，或给检查点「{p.title}」加默认的 who")
            if item.critical and critical_done:
                err(f"{itf}.critical", f"关键项「{item.text}」排在普通项之后", "把关键项移到本检查点最前面")
            if not item.critical:
                critical_done = True
            if item.text.startswith(NOT_ACTIONS):
                warn(f"{itf}.text", f"「{item.text}」写成了问句或否定句", "改成动词开头、正面表述的动作，如“核对……”“避免……”")
            elif not starts_with_action(item.text):
                warn(f"{itf}.text", f"「{item.text}」不是以动词开头",
                     f"每项以动作开头，如“核对”“登记”“告知”；若开头确是动词，把它加入 {VERBS_FILE.name}")

    try:
        if date.fromisoformat(c.next_review) <= date.fromisoformat(c.effective):
            err("next_review", "下次审核日期早于或等于生效日期", "下次审核一般定在生效后一年内")
    except ValueError:
        pass  # reported by check_dates
    return errors, warnings


def check_dates(data: dict, rel: str, fields=("reviewed", "effective", "next_review", "issued")) -> list[Problem]:
    """Dates passed the schema's shape; here they must also exist in the calendar."""
    problems = []
    for name in fields:
        value = data.get(name)
        if isinstance(value, str):
            try:
                date.fromisoformat(value)
            except ValueError:
                problems.append(Problem(rel, name, f"「{value}」不是有效日期", "检查月份和日子"))
    return problems


def check_history(data: dict, rel: str) -> list[Problem]:
    """A version history reads newest first and starts at the current version; a checklist's
    current version dates from its `effective` day. Runs on data that passed the schema."""
    entries = data.get("history")
    if not isinstance(entries, list) or not entries:
        return []
    for k, h in enumerate(entries):
        for bad in check_dates(h, rel, ("date",)):
            return [Problem(rel, f"history[{k}].date", bad.message, bad.fix)]
    problems = []
    if entries[0]["version"] != data.get("version"):
        problems.append(Problem(rel, "history[0].version", f"最新一条记录是 {entries[0]['version']}，但 version 是 {data.get('version')}",
                                "改 version 时在 history 最前面加一条同一版本号的记录"))
    if "effective" in data and entries[0]["date"] != data["effective"]:
        problems.append(Problem(rel, "history[0].date", f"最新一版记录的日期 {entries[0]['date']} 与生效日期 {data['effective']} 不同",
                                "写成本版的生效日期"))
    for k in range(1, len(entries)):
        newer, older = entries[k - 1], entries[k]
        key = lambda h: tuple(int(x) for x in h["version"].split("."))  # noqa: E731
        if key(older) >= key(newer) or older["date"] > newer["date"]:
            problems.append(Problem(rel, f"history[{k}]", f"{older['version']}（{older['date']}）排在 {newer['version']}（{newer['date']}）之后，顺序不对",
                                    "最新的版本写在最前面，版本号和日期从新到旧"))
    return problems
