"""MkDocs adapter for kb.search: sub-words, synonyms and article numbers in the search index.

Material's search plugin writes search/search_index.json in on_post_build; this hook runs
after it (lower priority) and adds each entry's hidden `keywords` field. The domain
dictionary is loaded into jieba before Material segments the pages, and Material's cuts are
remembered for the next `mkdocs serve` rebuild (on_config).
"""

from __future__ import annotations

import sys
from pathlib import Path

from material.plugins.search import plugin as material_search
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # kb/ sits beside hooks/

from kb import postbuild, search  # noqa: E402


def on_config(config):
    search.jieba_with_domain_words()
    search.remember_cuts(material_search)
    missing = {"keywords", "title_keywords"} - set(config.plugins["material/search"].config.fields)
    if missing:
        raise PluginError(f"mkdocs.yml：search 插件的 fields 缺少 {'、'.join(sorted(missing))}"
                          "（怎么改：在 plugins → search → fields 下加上，见 kb/search.py 的说明）")


@event_priority(-50)  # after Material's search plugin (0) has written the index, before the offline plugin (-100) inlines it
def on_post_build(config):
    try:
        postbuild.search_keywords(Path(config.site_dir))
    except ValueError as err:
        raise PluginError(str(err)) from None
