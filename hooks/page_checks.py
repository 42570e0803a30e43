"""MkDocs adapter for kb.pages: every page carries a review date and passes the terminology lint.

Generated pages are checked too: their text comes from YAML, which kb.library already linted,
so this mainly guards the hand-written pages in docs/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # kb/ sits beside hooks/

from kb.errors import KbError  # noqa: E402
from kb.pages import check_meta, lint_markdown  # noqa: E402


def on_page_markdown(markdown, page, config, files):
    rel = page.file.src_uri if page.file.generated_by else f"docs/{page.file.src_uri}"
    problems = check_meta(page.meta, rel, Path(config.config_file_path).parent / "schemas")
    if not page.file.generated_by:
        problems += lint_markdown(markdown, rel)
    if problems:
        raise PluginError(str(KbError(problems)))
    return markdown
