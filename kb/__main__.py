"""Check the content without building the site, and keep the registry of published addresses.

  python -m kb check     every check the build runs on the YAML files and the Markdown pages,
                         each problem printed with its file and field; exit status 1 if there is
                         an error (or, with --strict, a warning).
  python -m kb publish   add this edition's new addresses to published-urls.txt (never removes
                         one); exit status 1 if a registered address is gone without a redirect.
  python -m kb render DIR [--config FILE]
                         write the whole docs tree to DIR (docs/ and every generated page, sheet
                         and file, as the build sees them) and, with --config, a mkdocs config
                         for it with no hooks; SITE_URL and unit.yml apply as in the build.
  python -m kb finish SITE
                         after a hook-free build: search keywords, redirect scripts, no source maps.

A site with no hooks of ours (see README, 维护者):
  python -m kb check && python -m kb render build/docs --config build/mkdocs.yml
  mkdocs build -f build/mkdocs.yml -d site && python -m kb finish site
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import KbError, copying, load_library, postbuild, published, tree
from .pages import check_markdown_tree, doc_pages
from .render import render_site


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check", "publish", "render", "finish"])
    parser.add_argument("dir", nargs="?", help="render: the folder to write the docs tree to; finish: the built site")
    parser.add_argument("--root", default=".", help="project folder (where mkdocs.yml is)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors, like mkdocs build --strict")
    parser.add_argument("--config", help="render: also write a mkdocs config with no hooks to this file")
    args = parser.parse_args(argv)
    root = Path(args.root)
    if args.command in ("render", "finish") and not args.dir:
        parser.error(f"{args.command} needs a folder: python -m kb {args.command} DIR")
    if args.command == "publish":
        return publish(root)
    if args.command == "render":
        return render(root, Path(args.dir), args.config)
    if args.command == "finish":
        try:
            postbuild.finish(Path(args.dir), published.redirect_maps(root))
        except ValueError as err:
            print(f"错误  {err}")
            return 1
        return 0
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


def render(root: Path, dest: Path, config: str | None) -> int:
    try:
        library = load_library(root)
        site_url = tree.address(root, library)
        docs = tree.build(root, library, site_url, redirects=published.redirect_maps(root))
        if docs.problems:
            raise KbError(docs.problems)
        count = tree.write(root, library, dest, docs)
    except KbError as err:
        for p in err.problems:
            print(f"错误  {p}")
        return 1
    for w in library.warnings:
        print(f"警告  {w}")
    print(f"{dest}：{count} 个文件，其中 {len(docs.generated)} 个由内容生成")
    if config:
        Path(config).parent.mkdir(parents=True, exist_ok=True)
        Path(config).write_text(tree.plain_config(root, library, dest, site_url), "utf-8")
        print(f"{config}：不用钩子的 MkDocs 配置（mkdocs build -f {config}）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
