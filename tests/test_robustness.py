"""Any input, however broken, yields pages or a clear error naming the file and field: never a traceback.

Hypothesis mutates the real YAML files (drops keys, swaps types, empties lists, writes odd text,
breaks the YAML itself) and the generator must either render the site or raise KbError.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb import KbError, load_library
from kb.render import render_site
from kb.schema import schema_line

KINDS = {"checklists": "checklist", "cases": "case", "scenarios": "scenario", "regulations": "regulation"}
FILES = [p.relative_to(ROOT).as_posix() for folder in KINDS for p in sorted((ROOT / folder).glob("*.yml"))]
ODD_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "<script>alert(1)</script>", "{{ x }}", "[x](http://a)", "art-99", "第51条",
                     "13800138000", "#no-such", "张某\n\n李某", "\u200b", "2026-13-45", "a" * 300]),
)
VALUES = st.one_of(ODD_TEXT, st.integers(-5, 10**6), st.booleans(), st.none(), st.just([]), st.just({}),
                   st.lists(ODD_TEXT, max_size=3), st.dictionaries(ODD_TEXT, ODD_TEXT, max_size=2))


def paths(data, prefix=()):
    """Every (path, value) in a document: mutation targets."""
    yield prefix, data
    if isinstance(data, dict):
        for k, v in data.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from paths(v, prefix + (i,))


def mutate(data, draw):
    data = copy.deepcopy(data)
    targets = [p for p, _ in paths(data) if p]
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(targets))
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            action = draw(st.sampled_from(["replace", "delete", "duplicate", "rename"]))
            key = path[-1]
            if action == "replace":
                parent[key] = draw(VALUES)
            elif action == "delete":
                del parent[key]
            elif action == "duplicate" and isinstance(parent, list):
                parent.insert(key, copy.deepcopy(parent[key]))
            elif action == "rename" and isinstance(parent, dict):
                parent[draw(ODD_TEXT) or "x"] = parent.pop(key)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed the path
    return data


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("robust")
    for part in ("schemas", "docs", *KINDS):
        shutil.copytree(ROOT / part, root / part)
    return root


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_yaml_gives_pages_or_a_named_error(project, data):
    rel = data.draw(st.sampled_from(FILES))
    original = (ROOT / rel).read_text("utf-8")
    doc = yaml.safe_load(original)
    if data.draw(st.booleans()):
        text = schema_line(KINDS[rel.split("/")[0]]) + "\n" + yaml.safe_dump(mutate(doc, data.draw), allow_unicode=True)
    else:  # break the file itself: cut it short, or splice in stray characters
        cut = data.draw(st.integers(0, len(original)))
        text = original[:cut] + data.draw(st.sampled_from(["", ":", "\t", "- [", "'", "&a *b"])) + original[cut + 1:]
    target = project / rel
    try:
        target.write_text(text, "utf-8")
        try:
            library = load_library(project)
        except KbError as err:
            assert err.problems
            for p in err.problems:  # each names a real file, says what is wrong and, mostly, the field
                assert p.message and (project / p.file).is_file(), p
            return
        outputs = render_site(library, "https://xfkb.example.cn/")
        assert outputs and all(o.content for o in outputs)
    finally:
        target.write_text(original, "utf-8")
