"""MkDocs adapter for kb.holidays: the holiday table of the deadline calculator, as a script.

Thin on purpose: kb/holidays.py builds the table from chinese-calendar and is tested without
MkDocs. This adds it to the site as assets/javascripts/holidays.js (a script setting
window.KB_HOLIDAYS, so the file:// offline copy needs no fetch). mkdocs.yml loads it in
extra_javascript before assets/javascripts/deadlines.js.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # kb/ sits beside hooks/

from kb.holidays import URI, HolidayTableError, build_table, to_js  # noqa: E402


def on_files(files, config):
    try:
        content = to_js(build_table())
    except HolidayTableError as err:
        raise PluginError(str(err)) from None
    if files.get_file_from_path(URI) is not None:
        raise PluginError(f"docs/{URI} 与生成的节假日表同名（怎么改：删除 docs/{URI}，它由 kb/holidays.py 生成）")
    files.append(File.generated(config, URI, content=content))
    return files
