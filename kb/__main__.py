"""Check the content without building the site, and keep the registry of published addresses.

  python -m kb check     every check the build runs on the YAML files and the Markdown pages,
                         each problem printed with its file and field; exit status 1 if there is
                         an error (or, with --strict, a warning).
  python -m kb publish   add this edition's new addresses to published-urls.txt (never removes
                         one); exit status 1 if a registered address is gone without a redirect.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import KbError, copying, load_library, published
from .pages import check_markdown_tree, doc_pages
from .render import render_site


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check", "publish"])
    parser.add_argument("--root", default=".", help="project folder (where mkdocs.yml is)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors, like mkdocs build --strict")
    args = parser.parse_args(argv)
    root = Path(args.root)
    if args.command == "publish":
        return publish(root)
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


def publish(root: Path) -> int:
    try:
        library = load_library(root)
    except KbError as err:
        print(f"错误  {err}")
        return 1
    redirects = published.redirect_maps(root)
    pages = doc_pages(root / "docs") + doc_pages(root / "local" / "docs", prefix="local/")
    current = published.addresses(library, render_site(library, pages=pages, redirects=redirects), pages)
    problems = published.check(root, current, redirects, library)
    added = published.publish(root, current)
    for a in added:
        print(f"新增  {a}")
    for p in problems:
        print(f"错误  {p}")
    print(f"{published.REGISTRY}：新增 {len(added)} 个地址，{len(problems)} 个已发布的地址失效")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
