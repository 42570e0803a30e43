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
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import escape
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # kb/ sits beside hooks/

from kb import KbError  # noqa: E402
from kb.deploy import deployment_url  # noqa: E402
from kb.unit import PROVINCIAL_RULES, load_unit  # noqa: E402

MARKER = re.compile(r"<!--\s*kb:([\w-]+)\s*-->")
SITE_NAME = "信访工作知识库"


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
        config.site_name = escape(f"{unit.name} · {SITE_NAME}")
    if (root / "local").is_dir() and not any("本单位" in item for item in config.nav if isinstance(item, dict)):
        config.nav.append({"本单位": "local/index.md"})
    return config


def on_serve(server, config, builder):
    """`watch:` must name paths that exist; the unit's files exist only where a unit made them."""
    root = Path(config.config_file_path).parent
    for path in (root / "unit.yml", root / "local"):
        if path.exists():
            server.watch(str(path))
    return server


def on_page_markdown(markdown, page, config, files):
    unit = config.extra["kb_unit"]

    def replace(m):
        if m.group(1) != "local-rules":
            raise PluginError(f"{page.file.src_uri}：未知的标记 <!-- kb:{m.group(1)} -->（怎么改：只能写 <!-- kb:local-rules -->）")
        target = PROVINCIAL_RULES.get(unit.province)
        if not target:
            return ""
        link = os.path.relpath(target, os.path.dirname(page.file.src_uri) or ".").replace(os.sep, "/")
        return (f'!!! info "本单位适用的地方规定"\n    本单位在{unit.province}，'
                f"另见[《{unit.province}{'市' if unit.province == '北京' else '省'}信访条例》（地方规定）]({link})："
                "其中与全国条例不同的时限和程序，按本单位规定执行。\n")

    return MARKER.sub(replace, markdown)


def on_page_context(context, page, config, nav):
    unit = config.extra["kb_unit"]
    address = page.canonical_url or page.url or "./"
    context["kb_feedback"] = escape(unit.feedback.link(address)) if unit.feedback else ""
    moments = page.meta.get("moments") or []
    context["kb_contacts"] = unit.contacts if "突发情况" in moments else ()
    context["kb_local"] = page.file.src_uri.startswith("local/")
    return context
