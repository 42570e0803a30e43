"""`mkdocs serve` reuses the pages an edit did not change (hooks/preview.py): the rebuilt site must
be the one a full build makes, and the warnings a full build gives must come again."""

from __future__ import annotations

import logging

from conftest import copy_project
from mkdocs.commands.build import build
from mkdocs.config import load_config

BROKEN = "[旧链接](no-such-page.md)"


class Messages(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.texts: list[str] = []

    def emit(self, record):
        self.texts.append(record.getMessage())


def build_as(command: str, project, site):
    """One build as `mkdocs serve` (or `mkdocs build`) runs it in its process: the warnings and the
    preview hook's counts."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command=command, dirty=False)
    messages = Messages()
    logging.getLogger("mkdocs").addHandler(messages)
    try:
        build(config)
    finally:
        logging.getLogger("mkdocs").removeHandler(messages)
    return messages.texts, dict(config.hooks["hooks/preview.py"].stats)


def files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_serve_rebuild_is_a_full_build_and_warns_again(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "regulations" / "flow.md"
    page.write_text(page.read_text("utf-8") + f"\n{BROKEN}\n", "utf-8")
    first, _ = build_as("serve", project, tmp_path / "serve")
    assert any("no-such-page.md" in m for m in first)
    before = build_as("serve", project, tmp_path / "serve")[1]

    # A writer saves a checklist and a hand-written page.
    checklist = project / "checklists" / "group-visit.yml"
    checklist.write_text(checklist.read_text("utf-8").replace("summary: ", "summary: 修改后的", 1), "utf-8")
    other = project / "docs" / "regulations" / "time-limits.md"
    other.write_text(other.read_text("utf-8") + "\n修改后的段落。\n", "utf-8")
    rebuilt, after = build_as("serve", project, tmp_path / "serve")

    converted = after["converted"] - before["converted"]
    reused = after["reused"] - before["reused"]
    assert reused > 100 and 2 <= converted < 10, after  # the two edited pages and what shows the checklist
    assert after["index_reused"] - before["index_reused"] > 100
    assert [m for m in rebuilt if "no-such-page.md" in m] == [m for m in first if "no-such-page.md" in m]

    full, stats = build_as("build", project, tmp_path / "full")
    assert stats == after  # `mkdocs build` reuses nothing
    assert sorted(rebuilt) == sorted(full)
    served, built = files(tmp_path / "serve"), files(tmp_path / "full")
    assert "修改后的段落" in served["regulations/time-limits/index.html"].decode("utf-8")
    assert "修改后的" in served["checklists/group-visit/index.html"].decode("utf-8")
    assert served.keys() == built.keys()
    assert [f for f in built if served[f] != built[f]] == []
