"""Load all content: two layers, the national folders and the unit's `local/`, then check it.

Every problem in every file is collected, then reported at once. A local file with the id of a
national one replaces it (本单位修订版); the replacement is listed, never silent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import privacy, references, rules, terms
from .errors import KbError, Problem
from .loader import ContentFileError, discover, read_yaml
from .model import Case, Checklist, Course, Regulation, Scenario
from .schema import schema_line, validate
from .unit import Unit, load_unit

REGULATION_ID = "xinfang-gongzuo-tiaoli"  # the 2022 条例; `art-N` always means its article N
RESERVED_IDS = {"index", "binder"}  # checklists/index/, cases/index/ and print/binder/ are generated


@dataclass(frozen=True)
class Layer:
    prefix: str  # "" for the national folders, "local/" for the unit's own
    mark: str  # what a page from this layer is marked with; "" for national content


NATIONAL = Layer("", "")
LOCAL = Layer("local/", "本单位")
LAYERS = (NATIONAL, LOCAL)
REVISED = "本单位修订版"  # a local file that replaces a national one of the same id


@dataclass
class Doc:
    data: dict
    file: str  # e.g. "local/checklists/x.yml"
    mark: str  # "", 本单位 or 本单位修订版


@dataclass
class Library:
    root: Path
    regulation: Regulation
    checklists: dict[str, Checklist]
    cases: dict[str, Case]
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    courses: dict[str, Course] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    unit: Unit = field(default_factory=Unit)
    replaced: list[tuple[str, str]] = field(default_factory=list)  # (national file, local file)

    @property
    def reviewed(self) -> str:
        """The latest review date of the content: what generated index pages show."""
        items = [self.regulation, *self.checklists.values(), *self.cases.values(), *self.scenarios.values(),
                 *self.courses.values()]
        return max(item.reviewed for item in items)

    @property
    def has_local(self) -> bool:
        return any(x.mark for x in (*self.checklists.values(), *self.cases.values(), *self.scenarios.values(),
                                    *self.courses.values()))

    def checklist_item(self, ref: str):
        """"id" or "id#item" -> (checklist, item or None); KeyError if either is unknown."""
        cid, _, iid = ref.partition("#")
        checklist = self.checklists[cid]
        if not iid:
            return checklist, None
        return checklist, next(i for i in checklist.items if i.id == iid)


def _read(root: Path, path: Path, rel: str, kind: str, depth: int, problems: list[Problem]) -> dict | None:
    """One file, checked against its schema; None (and its problems recorded) if it fails."""
    try:
        data = read_yaml(path, rel, schema_line(kind, depth))
    except ContentFileError as err:
        problems.append(err.problem)
        return None
    found = validate(data, kind, rel, root / "schemas") + rules.check_dates(data, rel)
    if not found:
        found = rules.check_history(data, rel)
    if isinstance(data.get("id"), str) and data["id"] != path.stem:
        found.append(Problem(rel, "id", f"id「{data['id']}」与文件名「{path.name}」不一致",
                             f"把 id 改为 {path.stem}，或把文件改名为 {data['id']}{path.suffix}"))
    if path.stem in RESERVED_IDS:
        found.append(Problem(rel, "id", f"「{path.stem}」是保留名，会与索引页冲突", "换一个 id"))
    problems += found
    return None if found else data


def load_kind(root: Path, folder: str, kind: str, problems: list[Problem], broken: set[str],
              replaced: list[tuple[str, str]]) -> list[Doc]:
    """The valid documents of one kind over both layers; ids of files that failed go into `broken`."""
    by_id: dict[str, Doc] = {}
    for layer in LAYERS:
        paths, found = discover(root / layer.prefix / folder, root)
        problems += found
        seen: dict[str, str] = {}
        for path in paths:
            rel = path.relative_to(root).as_posix()
            if path.stem in seen:
                problems.append(Problem(rel, "", f"与 {seen[path.stem]} 同名，id 重复", "删除其中一个文件"))
                continue
            seen[path.stem] = rel
            data = _read(root, path, rel, kind, 1 + layer.prefix.count("/"), problems)
            if data is None:
                broken.add(path.stem)
                continue
            mark = layer.mark
            if layer is LOCAL and path.stem in by_id:
                replaced.append((by_id[path.stem].file, rel))
                mark = REVISED
            by_id[path.stem] = Doc(data, rel, mark)
    return list(by_id.values())


def load_library(root: Path | str) -> Library:
    """Read every content file under root (and unit.yml); raise KbError listing every problem found."""
    root = Path(root)
    problems: list[Problem] = []
    broken: set[str] = set()  # files already reported: references to them are not errors twice
    replaced: list[tuple[str, str]] = []
    try:
        unit = load_unit(root)
    except KbError as err:
        problems += err.problems
        unit = Unit()

    docs = {kind: load_kind(root, folder, kind, problems, broken, replaced) for folder, kind in
            (("regulations", "regulation"), ("checklists", "checklist"), ("cases", "case"), ("scenarios", "scenario"),
             ("training", "training"))}
    regulations = {d.data["id"]: Regulation.from_data(d.data, d.file) for d in docs["regulation"]}
    checklists = {d.data["id"]: Checklist.from_data(d.data, d.file, d.mark, unit.owner) for d in docs["checklist"]}
    cases = {d.data["id"]: Case.from_data(d.data, d.file, d.mark) for d in docs["case"]}
    scenarios = {d.data["id"]: Scenario.from_data(d.data, d.file, d.mark) for d in docs["scenario"]}
    courses = {d.data["id"]: Course.from_data(d.data, d.file, d.mark) for d in docs["training"]}

    for d in docs["checklist"] + docs["case"]:
        problems += privacy.scan(d.data, d.file)
    for d in (d for ds in docs.values() for d in ds):
        problems += terms.scan(d.data, d.file)

    regulation = regulations.get(REGULATION_ID)
    if regulation is None:
        if not any(p.file.startswith("regulations/") for p in problems):
            problems.append(Problem(f"regulations/{REGULATION_ID}.yml", "", "缺少《信访工作条例》逐条索引",
                                    "恢复该文件：所有 art-N 引用都以它为准"))
        raise KbError(problems)

    warnings: list[Problem] = []
    for c in checklists.values():
        errs, warns = rules.check_checklist(c)
        problems += errs
        warnings += warns
    problems += references.check(root, regulation, checklists, cases, scenarios, broken, dict(
        (local, national) for national, local in replaced))
    problems += references.check_courses(root, courses, checklists, cases, broken, regulation.articles)
    problems += references.unique_short_ids({"清单": checklists, "案例": cases, "场景": scenarios, "课程": courses})

    if problems:
        raise KbError(problems)
    return Library(root, regulation, dict(sorted(checklists.items())), dict(sorted(cases.items())),
                   dict(sorted(scenarios.items())), dict(sorted(courses.items())), warnings, unit, replaced)
