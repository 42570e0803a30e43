"""MkDocs adapter for kb: turns the YAML content (national and local/) into pages.

Thin on purpose: kb.tree does the work, for this hook and for `python -m kb render` alike, and
is tested without MkDocs. The YAML is read on every build, so `mkdocs serve` picks up each edit
(see `watch:`). The deployment address and the unit profile come from hooks/unit.py, which runs
first.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # kb/ sits beside hooks/

from kb import KbError, navigation, tree  # noqa: E402
from kb.background import Task  # noqa: E402

log = logging.getLogger("mkdocs.hooks.library")


def on_config(config):
    """Start reading and rendering the content, on every build (so `mkdocs serve` sees each
    edit): in a second process on the first build, while Material loads jieba (kb.background).
    The deployment address comes from hooks/unit.py's on_config, which runs before this one."""
    plugin = config.plugins.get("redirects")
    redirects = dict(plugin.config.get("redirect_maps") or {}) if plugin else {}  # old page -> new page
    config.extra["kb_docs"] = Task(tree.load_and_build, Path(config.config_file_path).parent,
                                   config.extra["kb_address"], config.use_directory_urls, redirects)
    return config


@event_priority(10)  # before the redirects plugin (0) lists the pages a redirect may point to
def on_files(files, config):
    """The generated pages join the files, and the navigation (built after on_files) gets them."""
    try:
        library, docs = config.extra["kb_docs"].result()
        navigation.extend(config.nav, library)
    except KbError as err:
        raise PluginError(str(err)) from None
    for warning in library.warnings:
        log.warning(str(warning))
    for national, local in library.replaced:
        log.info(f"本单位修订版：{local} 替换 {national}")
    if docs.problems:
        raise PluginError(str(KbError(docs.problems)))
    for output in docs.generated:
        file = File.generated(config, output.uri, content=output.content)
        # The edit link opens the YAML the page came from (edit_uri is relative to docs/).
        file.edit_uri = f"../{output.source}" if output.source else None
        files.append(file)
    return Files(sorted(files, key=lambda f: tree.walk_order(f.src_uri)))
