"""The site without our hooks: `python -m kb render` writes the docs tree, plain MkDocs builds it.

Material for MkDocs 9.x is maintained until 2027-05-05 and its successor ignores `hooks:`; this
is the way off them. The hook-free build must be the real build: the same pages, the same
anchors (trainers link to them), the same printed sheets, the same search index; in fact the
same bytes in every file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from htmlsite import html_pages, ids

ENV = {k: v for k, v in os.environ.items() if k != "SITE_URL"} | {"NO_MKDOCS_2_WARNING": "1"}


def kb(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kb", *args], cwd=ROOT, env=ENV, capture_output=True, text=True)


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Path:
    """The preview site built from `kb render`'s folder by MkDocs alone, then `kb finish`ed."""
    work = tmp_path_factory.mktemp("render")
    rendered = kb("render", str(work / "docs"), "--config", str(work / "mkdocs.yml"))
    assert rendered.returncode == 0, rendered.stdout + rendered.stderr
    config = (work / "mkdocs.yml").read_text("utf-8")
    assert "hooks:" not in config and f"docs_dir: {work / 'docs'}" in config
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(work / "mkdocs.yml"),
                            "-d", str(work / "site")], cwd=work, env=ENV, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    finished = kb("finish", str(work / "site"))
    assert finished.returncode == 0, finished.stdout + finished.stderr
    return work / "site"


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_the_rendered_tree_holds_the_hand_written_and_the_generated_pages(plain):
    docs = plain.parent / "docs"
    assert {p.relative_to(ROOT / "docs") for p in (ROOT / "docs").rglob("*.md")} <= \
        {p.relative_to(docs) for p in docs.rglob("*.md")}
    for generated in ("checklists/group-visit.md", "cases/soe-wage-query.md", "print/group-visit/index.html",
                      "handouts/soe-wage-query/index.html", "print/training/reception-skills/index.html",
                      "api/checklists.json", "api/checklists.xlsx"):
        assert (docs / generated).is_file(), generated


def test_the_same_pages(plain, preview):
    assert html_pages(plain) == html_pages(preview)
    assert len(html_pages(plain)) > 250


def test_the_same_anchors_on_every_page(plain, preview):
    differ = [url for url in html_pages(preview) if ids(plain, url) != ids(preview, url)]
    assert not differ, f"anchors differ on {len(differ)} pages, first: {differ[:5]}"


def test_the_same_printed_sheets_byte_for_byte(plain, preview):
    sheets = sorted(f for f in files(preview) if f.startswith(("print/", "handouts/")))
    assert len(sheets) > 50 and any(f.startswith("print/training/") for f in sheets)
    assert [f for f in sheets if (plain / f).read_bytes() != (preview / f).read_bytes()] == []


def test_the_same_search_index(plain, preview):
    index = "search/search_index.json"
    assert (plain / index).read_bytes() == (preview / index).read_bytes()


def test_every_file_the_same(plain, preview):
    assert files(plain) == files(preview)
    differ = sorted(f for f in files(preview) if (plain / f).read_bytes() != (preview / f).read_bytes())
    assert differ == [], f"{len(differ)} files differ, first: {differ[:10]}"
