"""Our own words: a run of 20 characters copied from an official text fails the check and the build."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT, copy_project

from kb import copying

LAWS = copying.laws_dir(ROOT)
needs_laws = pytest.mark.skipif(not LAWS.is_dir(), reason=f"official texts not at {LAWS}")
# 第22条's opening words, 26 characters in the official text.
COPIED = "各级党委和政府信访部门收到信访事项，应当予以登记，并区分情况，在15日内分别按照下列方式处理"


@pytest.fixture(scope="module")
def table():
    return copying.shingles(LAWS)


@needs_laws
def test_the_content_copies_no_run_of_20_characters():
    problems = copying.check_tree(ROOT, LAWS)
    assert problems == [], "\n".join(map(str, problems))


@needs_laws
def test_a_copied_run_is_found_with_its_line(table):
    text = "第一行自己写的话。\n" + f"按规定，{COPIED}。\n"
    hits = copying.copied_lines(text, table)
    assert [n for n, _, _ in hits] == [2]
    assert hits[0][2].startswith("信访工作条例")


@needs_laws
def test_punctuation_does_not_hide_a_copied_run(table):
    spaced = "、".join(COPIED[:12]) + " " + COPIED[12:]
    assert copying.copied_lines(spaced, table)


@needs_laws
def test_a_quoted_term_of_art_is_allowed(table):
    assert copying.copied_lines(f"条文的说法是「{COPIED}」。", table) == []
    assert copying.copied_lines(f"条文的说法是“{COPIED}”。", table) == []
    # A quotation mark does not let the text around it pass: 20 copied characters outside it still count.
    assert copying.copied_lines(f"「登记」{COPIED[4:]}", table)


@needs_laws
def test_nineteen_characters_pass(table):
    core = copying.NOISE.sub("", COPIED)
    assert copying.copied_lines(core[:19], table) == []
    assert copying.copied_lines(core[:20], table)


@needs_laws
def test_kb_check_fails_naming_file_and_line(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "techniques" / "emotions.md"
    lines = page.read_text("utf-8").splitlines()
    lines.insert(8, COPIED)
    page.write_text("\n".join(lines) + "\n", "utf-8")
    run = subprocess.run([sys.executable, "-m", "kb", "check", "--root", str(project)], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "docs/techniques/emotions.md → 第9行" in run.stdout and "连续 20 个字" in run.stdout


@needs_laws
def test_the_build_stops_on_a_copied_run(tmp_path):
    project = copy_project(tmp_path / "p")
    checklist = project / "checklists" / "forwarding.yml"
    text = checklist.read_text("utf-8")
    checklist.write_text(text.replace("\ntitle:", f"\n# {COPIED}\ntitle:", 1), "utf-8")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                         cwd=project, capture_output=True, text=True, env={**os.environ, "XFKB_LAWS": str(LAWS)})
    assert run.returncode != 0
    assert "checklists/forwarding.yml → 第3行" in run.stderr and "Traceback" not in run.stderr


def test_the_script_names_the_file(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text(COPIED + "\n", "utf-8")
    run = subprocess.run([sys.executable, "scripts/check_copying.py", str(bad)], cwd=ROOT, capture_output=True, text=True)
    if not LAWS.is_dir():
        assert "nothing checked" in run.stdout
        return
    assert run.returncode == 1 and f"{bad} → 第1行" in run.stdout
