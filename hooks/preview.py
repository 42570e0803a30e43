"""Under `mkdocs serve`, a rebuild reuses the pages an edit did not change.

MkDocs rebuilds every page after any edit. Of a 3.3 s rebuild of the real site, converting the
Markdown of the pages takes 0.9 s and Material's search indexing of them 0.4 s, and for most
pages both come out as last time. This hook keeps, for each page, the inputs and the results of
both steps, and gives the results again while the inputs are equal: the page's Markdown, its
address, the whole file list (links resolve against it), mkdocs.yml; for search, the page's HTML,
table of contents, title and front matter. The warnings a conversion logged (a broken link) are
logged again, so a rebuild reports what a full one does.

Only `mkdocs serve` reuses (on_startup); `mkdocs build` and the tests' builds convert every page.
MkDocs keeps a hook module, and so this memory, for the life of the process.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

serving = False
rendered: dict[str, tuple[tuple, dict, list[logging.LogRecord]]] = {}  # src_uri -> inputs, page attributes, messages
indexed: dict[str, tuple[tuple, list[dict]]] = {}  # url -> inputs, search entries
files_seen: list = [None, 0]  # the last file list and its generation: a new list of the same files keeps it
build_inputs: tuple = ()  # what every page's conversion depends on, set once per build (on_files)
stats = {"converted": 0, "reused": 0, "indexed": 0, "index_reused": 0}


def on_startup(command, dirty):
    global serving
    serving = command == "serve"


@event_priority(-100)  # after Material's search plugin has made this build's index (on_config)
def on_pre_build(config):
    search = config.plugins.get("material/search")
    if serving and search is not None and getattr(search, "search_index", None) is not None:
        index = search.search_index
        index.add_entry_from_context = lambda page, add=index.add_entry_from_context: _index(index, add, page)


@event_priority(-100)  # once every hook and plugin has added its files
def on_files(files, config):
    global build_inputs
    if serving:
        build_inputs = (_generation(files), Path(config.config_file_path).read_bytes(), config.use_directory_urls,
                        str(config.validation))
    return files


def on_pre_page(page, config, files):
    if serving:
        page.render = lambda config, files: _render(page, config, files)
    return page


def _generation(files) -> int:
    """Equal for two builds whose file lists have the same files at the same addresses."""
    key = tuple((f.src_uri, f.dest_uri, f.url, str(f.inclusion)) for f in files)
    if key != files_seen[0]:
        files_seen[:] = [key, files_seen[1] + 1]
    return files_seen[1]


class _Messages(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def _render(page: Page, config, files) -> None:
    inputs = (page.markdown, page.file.dest_uri, page.file.url, build_inputs)
    kept = rendered.get(page.file.src_uri)
    if kept and kept[0] == inputs:
        stats["reused"] += 1
        for name, value in kept[1].items():
            setattr(page, name, _thaw(value, files))
        for record in kept[2]:
            logging.getLogger(record.name).handle(record)
        return
    stats["converted"] += 1
    before = dict(vars(page))
    messages = _Messages()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(messages)
    try:
        Page.render(page, config, files)
    finally:
        logger.removeHandler(messages)
    # Whatever render set (content, toc, title, anchors), so a newer MkDocs' new field is kept too.
    changed = {k: _freeze(v) for k, v in vars(page).items()
               if k != "render" and (k not in before or before[k] is not v)}
    rendered[page.file.src_uri] = (inputs, changed, messages.records)


# Each build gets its own copy of what render made: plugins change them later in the build (the
# tags plugin rewrites the table of contents of the tags page).
class _ByFile(dict):
    """links_to_anchors, keyed by the linked File objects, which are new in each build."""


def _freeze(value):
    if isinstance(value, dict) and value and all(isinstance(k, File) for k in value):
        return _ByFile({k.src_uri: copy.deepcopy(v) for k, v in value.items()})
    return copy.deepcopy(value)


def _thaw(value, files):
    if isinstance(value, _ByFile):
        return {files.get_file_from_path(src): copy.deepcopy(v) for src, v in value.items()}
    return copy.deepcopy(value)


def _toc(items) -> tuple:
    return tuple((i.id, i.url, i.title, i.level, _toc(i.children)) for i in items)


def _index(index, add, page) -> None:
    inputs = (page.content, str(page.title), repr(page.meta), _toc(page.toc))
    kept = indexed.get(page.url)
    if kept and kept[0] == inputs:
        stats["index_reused"] += 1
        index.entries.extend(kept[1])  # nothing changes an entry once made: sharing them is safe
        return
    stats["indexed"] += 1
    start = len(index.entries)
    add(page)
    indexed[page.url] = (inputs, index.entries[start:])
