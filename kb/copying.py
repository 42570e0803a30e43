"""Runs of 20 characters that stand word for word in an official text.

The site explains the law in its own words (WRITING.md, 用自己的话). A term of art may be quoted
exactly, inside 「」 or “”; quoted text is left out before comparing. Punctuation and spaces are
ignored, so re-punctuating a copied sentence does not hide it. The official texts live outside
the repository (../shared/reference/laws/); where they are absent nothing can be checked, and
the caller says so rather than passing silently.
"""

from __future__ import annotations

import argparse
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .background import Task
from .errors import Problem

K = 20
# Keep only what carries the wording: CJK characters, digits and Latin letters.
NOISE = re.compile(r"[^\u3400-\u9fff0-9A-Za-z]+")
QUOTED = re.compile(r"「[^」\n]*」|“[^”\n]*”")
DEFAULT_LAWS = Path(__file__).resolve().parents[2] / "shared" / "reference" / "laws"
SUFFIXES = (".md", ".yml", ".yaml", ".html", ".j2")


def laws_dir(root: Path) -> Path:
    """The official texts: XFKB_LAWS if set, else ../shared/reference/laws beside the project (or the repo)."""
    if os.environ.get("XFKB_LAWS"):
        return Path(os.environ["XFKB_LAWS"])
    for candidate in (root.resolve().parent / "shared" / "reference" / "laws", DEFAULT_LAWS):
        if candidate.is_dir():
            return candidate
    return DEFAULT_LAWS


@lru_cache(maxsize=4)
def shingles(laws: Path) -> dict[str, str]:
    """Every run of K characters in the official texts -> the first text (by name) it comes from."""
    table: dict[str, str] = {}
    for f in sorted(laws.glob("*.md"), reverse=True):  # later files first, so the first one wins
        text = NOISE.sub("", f.read_text("utf-8", errors="replace"))
        table.update({text[i:i + K]: f.stem for i in range(len(text) - K + 1)})
    return table


def copied_lines(text: str, table: dict[str, str]) -> list[tuple[int, str, str]]:
    """(line number, copied run, source) for each line holding a copied run.

    Each line is compared on its own: YAML and Markdown keep a sentence on one line. A quoted
    term splits the line too, so no run bridges it.
    """
    hits = []
    for number, line in enumerate(text.splitlines(), 1):
        for piece in QUOTED.split(line):
            piece = NOISE.sub("", piece)
            hit = next((run for run in (piece[i:i + K] for i in range(len(piece) - K + 1)) if run in table), None)
            if hit:
                hits.append((number, hit, table[hit]))
                break
    return hits


def scan_file(path: Path, rel: str, table: dict[str, str]) -> list[Problem]:
    return _scan(path.read_text("utf-8-sig", errors="replace"), rel, table)


def _scan(text: str, rel: str, table: dict[str, str]) -> list[Problem]:
    return [Problem(rel, f"第{n}行", f"「{run}」与{src}的原文逐字相同（连续 {K} 个字）",
                    "用自己的话重写这一句；确需原样引用的术语放在「」中")
            for n, run, src in copied_lines(text, table)]


# What a reader sees: hand-written pages, the YAML content kinds and the templates that wrap them.
CONTENT = ("docs", "checklists", "cases", "regulations", "scenarios", "training", "local", "examples",
           "kb/templates", "overrides")


def content_files(root: Path) -> list[Path]:
    return sorted(p for folder in CONTENT for p in (root / folder).rglob("*")
                  if p.suffix in SUFFIXES and p.is_file() and "assets" not in p.parts)


# Problems per version of a file: under `mkdocs serve` an edit rescans only the file it touched.
_scanned: dict[tuple, list[Problem]] = {}


def _scan_tree(root: Path, laws: Path) -> dict[tuple, list[Problem]]:
    table = shingles(laws)
    scanned = {}
    for path in content_files(root):
        rel, stat = path.relative_to(root).as_posix(), path.stat()
        key = (laws, path.resolve(), rel, stat.st_size, stat.st_mtime_ns)
        scanned[key] = _scanned[key] if key in _scanned else scan_file(path, rel, table)
    return scanned


def _problems(scanned: dict[tuple, list[Problem]]) -> list[Problem]:
    _scanned.clear()  # keep this edition's files only
    _scanned.update(scanned)
    return [p for found in scanned.values() for p in found]


def check_tree(root: Path, laws: Path | None = None) -> list[Problem]:
    laws = laws or laws_dir(root)
    return _problems(_scan_tree(Path(root), laws)) if laws.is_dir() else []


def check_tree_later(root: Path, laws: Path) -> Callable[[], list[Problem]]:
    """check_tree on another core (kb.background), while the build goes on: returns the
    function that waits for its problems."""
    task = Task(_scan_tree, Path(root), laws)
    return lambda: _problems(task.result())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Flag text copied word for word from the official regulations.")
    parser.add_argument("--laws", type=Path, default=None)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("files", nargs="*")
    args = parser.parse_args(argv)
    laws = args.laws or laws_dir(args.root)
    if not laws.is_dir():
        print(f"no official texts at {laws}; nothing checked")
        return 0
    if args.files:
        table = shingles(laws)
        problems = [p for name in args.files for p in scan_file(Path(name), name, table)]
    else:
        problems = check_tree(args.root, laws)
    for p in problems:
        print(p)
    print(f"{len(problems)} copied runs of {K} characters" if problems else "no copied text found")
    return 1 if problems else 0
