"""Check the content without building the site: `python -m kb check`.

Runs every check the build runs on the YAML files and the Markdown pages, and prints
each problem with its file and field. Exit status 1 if there is an error (or, with
--strict, a warning).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import KbError, copying, load_library
from .pages import check_markdown_tree


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check"])
    parser.add_argument("--root", default=".", help="project folder (where mkdocs.yml is)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors, like mkdocs build --strict")
    args = parser.parse_args(argv)
    root = Path(args.root)
    problems, warnings = [], []
    try:
        library = load_library(root)
        warnings = library.warnings
    except KbError as err:
        problems = err.problems
    problems += check_markdown_tree(root / "docs", root)
    if (root / "local" / "docs").is_dir():
        problems += check_markdown_tree(root / "local" / "docs", root)
    laws = copying.laws_dir(root)
    if laws.is_dir():
        problems += copying.check_tree(root, laws)
    else:
        print(f"注意  没有找到官方文本（{laws}），未检查照抄条文")
    for p in problems:
        print(f"错误  {p}")
    for w in warnings:
        print(f"警告  {w}")
    print(f"{len(problems)} 个错误，{len(warnings)} 个警告")
    return 1 if problems or (args.strict and warnings) else 0


if __name__ == "__main__":
    sys.exit(main())
