"""Shared fixtures: a throw-away content tree for the generator, and one strict build of the site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ["browser"]  # Chromium fixtures, registered once for the whole session

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).with_name("fixtures")
SITE_PARTS = ("mkdocs.yml", "published-urls.txt", "docs", "checklists", "cases", "regulations", "scenarios",
              "training", "schemas", "hooks", "overrides", "kb")


class Tree:
    """A content tree in a temporary folder: schemas and regulations from the repo, content from fixtures."""

    def __init__(self, root: Path):
        self.root = root

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, "utf-8")
        return path

    def read(self, rel: str) -> str:
        return (self.root / rel).read_text("utf-8")

    def edit(self, rel: str, old: str, new: str) -> None:
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, 1))


def problems(tree: Tree):
    """The problems that loading the tree reports; it must report at least one."""
    from kb import KbError, load_library

    with pytest.raises(KbError) as err:
        load_library(tree.root)
    return err.value.problems


@pytest.fixture
def tree(tmp_path) -> Tree:
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    shutil.copytree(ROOT / "regulations", tmp_path / "regulations")
    shutil.copytree(FIXTURES / "valid" / "checklists", tmp_path / "checklists")
    shutil.copytree(FIXTURES / "valid" / "cases", tmp_path / "cases")
    return Tree(tmp_path)


def copy_project(dest: Path) -> Path:
    """The whole project (not its tests or build output), to build or break without touching the repo."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def build_site(project: Path, site_dir: Path, **overrides):
    """A strict MkDocs build, in this process; returns the config used."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True, **overrides)
    build(config)
    return config


SITE_ADDRESS = "https://xfkb.example.cn/"  # a deployment address: sheets print it with a QR code


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site as deployed on an intranet, built once with --strict semantics."""
    out = tmp_path_factory.mktemp("site")
    build_site(ROOT, out, site_url=SITE_ADDRESS)
    return out


@pytest.fixture(scope="session")
def preview(tmp_path_factory) -> Path:
    """The real site with no deployment address, as `mkdocs build` makes it with SITE_URL unset."""
    out = tmp_path_factory.mktemp("preview")
    build_site(ROOT, out)
    return out
