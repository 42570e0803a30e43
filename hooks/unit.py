"""MkDocs adapter for the unit profile (kb.unit): who runs this copy, its address, its 纠错 link.

- on_config: the deployment address (SITE_URL, else unit.yml's site_url; `mkdocs serve` puts its
  own loopback address in site_url, which is never used), the unit's name in the header, and a
  本单位 section in the navigation when there is local content.
- on_page_markdown: `<!-- kb:local-rules -->` markers become a link to the unit's provincial rules
  (or nothing); any other kb: marker stops the build.
- on_page_context: each page's 「报告问题」 link and, on 突发情况 pages, the unit's phone numbers.
Values from unit.yml are escaped wherever they appear: MkDocs' templates do not escape.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import escape
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # kb/ sits beside hooks/

from kb import KbError  # noqa: E402
from kb.deploy import deployment_url  # noqa: E402
from kb.navigation import add_local  # noqa: E402
from kb.unit import load_unit, local_rules, site_name  # noqa: E402


def on_config(config):
    root = Path(config.config_file_path).parent
    configured = config.site_url
    host, port = config.dev_addr
    if configured and urlsplit(configured).netloc == f"{host}:{port}":  # mkdocs serve
        configured = os.environ.get("SITE_URL")
    try:
        unit = load_unit(root)
        address = deployment_url(configured) or unit.site_url
    except KbError as err:
        raise PluginError(str(err)) from None
    config.site_url = address or None
    config.extra["kb_unit"] = unit
    config.extra["kb_address"] = address
    if unit.name:
        config.site_name = escape(site_name(unit))
    add_local(config.nav, root)
    return config


def on_serve(server, config, builder):
    """`watch:` must name paths that exist; the unit's files exist only where a unit made them."""
    root = Path(config.config_file_path).parent
    for path in (root / "unit.yml", root / "local"):
        if path.exists():
            server.watch(str(path))
    return server


def on_page_markdown(markdown, page, config, files):
    try:
        return local_rules(markdown, page.file.src_uri, config.extra["kb_unit"])
    except KbError as err:
        raise PluginError(str(err)) from None


def on_page_context(context, page, config, nav):
    unit = config.extra["kb_unit"]
    address = page.canonical_url or page.url or "./"
    context["kb_feedback"] = escape(unit.feedback.link(address)) if unit.feedback else ""
    moments = page.meta.get("moments") or []
    context["kb_contacts"] = unit.contacts if "突发情况" in moments else ()
    context["kb_local"] = page.file.src_uri.startswith("local/")
    return context
