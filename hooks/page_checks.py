"""MkDocs adapter for kb.pages and kb.copying: every page carries a review date, passes the
terminology lint, and no content file copies a run of 20 characters from an official text.

The copy check reads every content file; it runs on another core while MkDocs renders the
pages (kb.background) and stops the build at the end if it found a copied run. Generated pages
are checked too: their text comes from YAML, which kb.library already linted, so this mainly
guards the hand-written pages in docs/.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # kb/ sits beside hooks/

from kb import copying  # noqa: E402
from kb.errors import KbError  # noqa: E402
from kb.pages import check_meta, lint_markdown  # noqa: E402

log = logging.getLogger("mkdocs.hooks.page_checks")
copy_check = None  # waits for this build's copy check: set in on_files, read in on_post_build


@event_priority(-10)  # after hooks/library.py's on_files: the check then runs beside MkDocs rendering the pages
def on_files(files, config):
    global copy_check
    root = Path(config.config_file_path).parent
    laws = copying.laws_dir(root)
    if laws.is_dir():
        copy_check = copying.check_tree_later(root, laws)
    else:  # a writer's machine without ../shared: say so, don't fail the preview
        copy_check = list
        log.info(f"官方文本不在 {laws}，本次构建未检查照抄条文")
    return files


def on_page_markdown(markdown, page, config, files):
    rel = page.file.src_uri if page.file.generated_by else f"docs/{page.file.src_uri}"
    problems = check_meta(page.meta, rel, Path(config.config_file_path).parent / "schemas")
    if not page.file.generated_by:
        problems += lint_markdown(markdown, rel)
    if problems:
        raise PluginError(str(KbError(problems)))
    return markdown


def on_post_build(config):
    problems = copy_check()
    if problems:
        raise PluginError(str(KbError(problems)))
