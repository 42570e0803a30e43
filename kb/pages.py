"""Checks on the hand-written Markdown pages in docs/: review date and terminology."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from .errors import Problem
from .schema import vocabulary
from .terms import lint_text


@dataclass(frozen=True)
class DocPage:
    """A hand-written page, as the generated indexes list it."""
    uri: str  # relative to docs/, e.g. "techniques/emotions.md"
    title: str
    moments: tuple[str, ...]


FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---\s*\n(.*?\n)---\s*\n", re.S)


def front_matter(text: str) -> dict:
    m = FRONT_MATTER.match(text)
    if not m:
        return {}
    data = yaml.safe_load(m.group(1))
    return data if isinstance(data, dict) else {}


def check_meta(meta: dict, rel: str, schema_dir: Path) -> list[Problem]:
    """Every page says when it was last reviewed; tags and moments come from fixed lists."""
    problems = []
    value = meta.get("reviewed")
    if value is None:
        problems.append(Problem(rel, "reviewed", "页面缺少最后审核日期",
                                "在页首的 --- 之间加一行 reviewed: 2026-11-20（审核当天的日期）"))
    else:
        try:
            date.fromisoformat(str(value))
        except ValueError:
            problems.append(Problem(rel, "reviewed", f"「{value}」不是有效日期", "写成 2026-11-20 这样的日期"))
    for key, vocab in (("tags", "tag"), ("moments", "stage")):
        allowed = vocabulary(str(schema_dir), vocab)
        values = meta.get(key, [])
        if not isinstance(values, list):
            problems.append(Problem(rel, key, "应为列表，如 [接待中]", f"可选：{'、'.join(allowed)}"))
            continue
        for v in values:
            if v not in allowed:
                problems.append(Problem(rel, key, f"「{v}」不在允许的名单中", f"可选：{'、'.join(allowed)}"))
    return problems


def lint_markdown(text: str, rel: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        for f in lint_text(line):
            problems.append(Problem(rel, f"第{number}行", f"「{f.sentence}」：{f.message}", f.fix))
    return problems


def check_markdown_tree(docs: Path, root: Path) -> list[Problem]:
    problems = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        text = path.read_text("utf-8-sig")
        problems += check_meta(front_matter(text), rel, root / "schemas") + lint_markdown(text, rel)
    return problems


def doc_pages(docs: Path, prefix: str = "") -> list[DocPage]:
    """The hand-written pages with their titles and moments, in path order.

    `prefix` is where the folder is published: "local/" for the unit's local/docs/."""
    pages = []
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        text = path.read_text("utf-8-sig")
        meta = front_matter(text)
        heading = re.search(r"^# (.+)$", text, re.M)
        title = str(meta.get("title") or (heading.group(1).strip() if heading else path.stem))
        pages.append(DocPage(prefix + path.relative_to(docs).as_posix(), title, tuple(meta.get("moments") or ())))
    return pages
