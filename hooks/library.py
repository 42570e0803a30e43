"""MkDocs adapter for kb: turns the YAML content (national and local/) into pages.

Thin on purpose: kb does the work and is tested without MkDocs. The YAML is read in
on_config, on every build, so `mkdocs serve` picks up each edit (see `watch:`). The deployment
address and the unit profile come from hooks/unit.py, which runs first.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # kb/ sits beside hooks/

from kb import KbError, load_library, navigation, published  # noqa: E402
from kb.pages import check_markdown_tree, doc_pages  # noqa: E402
from kb.render import render_site  # noqa: E402

log = logging.getLogger("mkdocs.hooks.library")


def on_config(config):
    """Read the content once per build (so `mkdocs serve` sees each edit) and give its pages a
    place in the navigation; on_files renders what was read."""
    try:
        library = load_library(Path(config.config_file_path).parent)
        navigation.extend(config.nav, library)
    except KbError as err:
        raise PluginError(str(err)) from None
    config.extra["kb_library"] = library
    return config


@event_priority(10)  # before the redirects plugin (0) lists the pages a redirect may point to
def on_files(files, config):
    root = Path(config.config_file_path).parent
    local_docs = root / "local" / "docs"
    library = config.extra["kb_library"]
    problems = check_markdown_tree(local_docs, root) if local_docs.is_dir() else []
    if problems:
        raise PluginError(str(KbError(problems)))
    for warning in library.warnings:
        log.warning(str(warning))
    for national, local in library.replaced:
        log.info(f"本单位修订版：{local} 替换 {national}")
    pages = doc_pages(Path(config.docs_dir)) + doc_pages(local_docs, prefix="local/")
    redirects = page_redirects(config)
    outputs = render_site(library, config.extra["kb_address"], pages=pages, directory_urls=config.use_directory_urls,
                          redirects=redirects)
    # Every address once published still leads somewhere (published-urls.txt).
    current = published.addresses(library, outputs, pages)
    problems = published.check(root, current, redirects, library)
    if problems:
        raise PluginError(str(KbError(problems)))
    # The unit's own Markdown pages, published under local/ and marked 本单位 (overrides/main.html).
    local_pages = [(f"local/{p.relative_to(local_docs).as_posix()}", p.read_text("utf-8-sig"), "")
                   for p in sorted(local_docs.rglob("*.md"))] if local_docs.is_dir() else []
    for uri, content, source in [(o.uri, o.content, o.source) for o in outputs] + local_pages:
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri} 与生成的页面同名（怎么改：删除或改名 docs/{uri}，该页由 YAML 或 local/docs/ 生成）")
        file = File.generated(config, uri, content=content)
        # The edit link opens the YAML the page came from (edit_uri is relative to docs/).
        file.edit_uri = f"../{source}" if source else None
        files.append(file)
    return files


def page_redirects(config) -> dict[str, str]:
    """old page -> new page, as the redirects plugin in mkdocs.yml has them."""
    plugin = config.plugins.get("redirects")
    return dict(plugin.config.get("redirect_maps") or {}) if plugin else {}
