"""MkDocs adapter for kb: turns checklists/, cases/ and regulations/ into pages.

Thin on purpose: kb does the work and is tested without MkDocs. The YAML is read in
on_files, on every build, so `mkdocs serve` picks up each edit (see `watch:`).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # kb/ sits beside hooks/

from kb import KbError, load_library  # noqa: E402
from kb.deploy import deployment_url  # noqa: E402
from kb.pages import doc_pages  # noqa: E402
from kb.render import render_site  # noqa: E402

log = logging.getLogger("mkdocs.hooks.library")
address = ""  # the deployment address of this build; "" for a preview


def on_config(config):
    """Fix the deployment address. `mkdocs serve` replaces site_url with its own loopback
    address; then the address is SITE_URL itself. A preview names none anywhere."""
    global address
    configured = config.site_url
    host, port = config.dev_addr
    if configured and urlsplit(configured).netloc == f"{host}:{port}":  # mkdocs serve
        configured = os.environ.get("SITE_URL")
    try:
        address = deployment_url(configured)
    except KbError as err:
        raise PluginError(str(err)) from None
    config.site_url = address or None
    return config


def on_files(files, config):
    root = Path(config.config_file_path).parent
    try:
        library = load_library(root)
    except KbError as err:
        raise PluginError(str(err)) from None
    for warning in library.warnings:
        log.warning(str(warning))
    for out in render_site(library, address, pages=doc_pages(Path(config.docs_dir)),
                           directory_urls=config.use_directory_urls):
        if files.get_file_from_path(out.uri) is not None:
            raise PluginError(f"docs/{out.uri} 与生成的页面同名（怎么改：删除或改名 docs/{out.uri}，该页由 YAML 生成）")
        file = File.generated(config, out.uri, content=out.content)
        # The edit link opens the YAML the page came from (edit_uri is relative to docs/).
        file.edit_uri = f"../{out.source}" if out.source else None
        files.append(file)
    return files
