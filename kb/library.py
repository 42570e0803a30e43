"""Load and check all content: every problem in every file is collected, then reported at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import privacy, rules, terms
from .errors import KbError, Problem
from .loader import ContentFileError, discover, read_yaml
from .model import Case, Checklist, Citation, Regulation, Scenario, art_number
from .schema import schema_line, validate

REGULATION_ID = "xinfang-gongzuo-tiaoli"  # the 2022 条例; `art-N` always means its article N
RESERVED_IDS = {"index", "binder"}  # checklists/index/, cases/index/ and print/binder/ are generated


@dataclass
class Library:
    root: Path
    regulation: Regulation
    checklists: dict[str, Checklist]
    cases: dict[str, Case]
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def reviewed(self) -> str:
        """The latest review date of the content: what generated index pages show."""
        items = [self.regulation, *self.checklists.values(), *self.cases.values(), *self.scenarios.values()]
        return max(item.reviewed for item in items)

    def checklist_item(self, ref: str):
        """"id" or "id#item" -> (checklist, item or None); KeyError if either is unknown."""
        cid, _, iid = ref.partition("#")
        checklist = self.checklists[cid]
        if not iid:
            return checklist, None
        return checklist, next(i for i in checklist.items if i.id == iid)


def _load_kind(root: Path, folder: str, kind: str, problems: list[Problem],
               broken: set[str]) -> list[tuple[dict, str]]:
    """Valid documents of one kind; the ids of files that failed go into `broken`."""
    paths, found = discover(root / folder, root)
    problems += found
    docs, by_id = [], {}
    for path in paths:
        rel = path.relative_to(root).as_posix()
        if path.stem in by_id:
            problems.append(Problem(rel, "", f"与 {by_id[path.stem]} 同名，id 重复", "删除其中一个文件"))
            continue
        by_id[path.stem] = rel
        try:
            data = read_yaml(path, rel, schema_line(kind))
        except ContentFileError as err:
            problems.append(err.problem)
            broken.add(path.stem)
            continue
        found = validate(data, kind, rel, root / "schemas") + rules.check_dates(data, rel)
        if isinstance(data.get("id"), str) and data["id"] != path.stem:
            found.append(Problem(rel, "id", f"id「{data['id']}」与文件名「{path.name}」不一致",
                                 f"把 id 改为 {path.stem}，或把文件改名为 {data['id']}{path.suffix}"))
        if path.stem in RESERVED_IDS:
            found.append(Problem(rel, "id", f"「{path.stem}」是保留名，会与索引页冲突", "换一个 id"))
        problems += found
        if found:
            broken.add(path.stem)
        else:
            docs.append((data, rel))
    return docs


def _check_regulation(reg: Regulation, problems: list[Problem]) -> None:
    expected_article = 1
    for c_i, chapter in enumerate(reg.chapters):
        if chapter.number != c_i + 1:
            problems.append(Problem(reg.file, f"chapters[{c_i}].number", f"章号应为 {c_i + 1}，现在是 {chapter.number}",
                                    "章按顺序编号，不跳号"))
        for a_i, article in enumerate(chapter.articles):
            if article.number != expected_article:
                problems.append(Problem(reg.file, f"chapters[{c_i}].articles[{a_i}].number",
                                        f"条号应为 {expected_article}，现在是 {article.number}", "条按顺序编号，不跳号、不重复"))
            expected_article = article.number + 1


def load_library(root: Path | str) -> Library:
    """Read every content file under root; raise KbError listing every problem found."""
    root = Path(root)
    problems: list[Problem] = []
    broken: set[str] = set()  # files already reported: references to them are not errors twice

    regulation_docs = _load_kind(root, "regulations", "regulation", problems, broken)
    regulations = {d["id"]: Regulation.from_data(d, rel) for d, rel in regulation_docs}
    checklist_docs = _load_kind(root, "checklists", "checklist", problems, broken)
    checklists = {d["id"]: Checklist.from_data(d, rel) for d, rel in checklist_docs}
    case_docs = _load_kind(root, "cases", "case", problems, broken)
    cases = {d["id"]: Case.from_data(d, rel) for d, rel in case_docs}
    scenario_docs = _load_kind(root, "scenarios", "scenario", problems, broken)
    scenarios = {d["id"]: Scenario.from_data(d, rel) for d, rel in scenario_docs}

    for data, rel in checklist_docs + case_docs:
        problems += privacy.scan(data, rel)
    for data, rel in checklist_docs + case_docs + regulation_docs + scenario_docs:
        problems += terms.scan(data, rel)

    regulation = regulations.get(REGULATION_ID)
    if regulation is None:
        if not any(p.file.startswith("regulations/") for p in problems):
            problems.append(Problem(f"regulations/{REGULATION_ID}.yml", "", "缺少《信访工作条例》逐条索引",
                                    "恢复该文件：所有 art-N 引用都以它为准"))
        raise KbError(problems)
    _check_regulation(regulation, problems)
    articles = regulation.articles
    last = max(articles)

    def cite(ref: str, rel: str, where: str, citation: Citation | None) -> None:
        n = art_number(ref)
        if n not in articles:
            problems.append(Problem(rel, where, f"「{ref}」不存在：《信访工作条例》共 {last} 条",
                                    f"改为 art-1 至 art-{last} 之间的条号；引用 2005 年《信访条例》的旧条号是常见错误"))
        elif citation and citation not in articles[n].cited_by:
            articles[n].cited_by.append(citation)

    def check_checklist_refs(refs: list[str], rel: str) -> None:
        for k, ref in enumerate(refs):
            cid, _, iid = ref.partition("#")
            if cid in broken:
                continue
            if cid not in checklists:
                problems.append(Problem(rel, f"checklists[{k}]", f"清单「{cid}」不存在",
                                        f"现有清单：{'、'.join(sorted(checklists)) or '（无）'}"))
            elif iid and iid not in {i.id for i in checklists[cid].items}:
                problems.append(Problem(rel, f"checklists[{k}]", f"清单「{cid}」中没有条目「{iid}」",
                                        f"该清单的条目：{'、'.join(i.id for i in checklists[cid].items)}"))

    warnings: list[Problem] = []
    for c in checklists.values():
        errs, warns = rules.check_checklist(c)
        problems += errs
        warnings += warns
        for k, ref in enumerate(c.basis_articles):
            cite(ref, c.file, f"basis.articles[{k}]", Citation(c.title, c.src_uri, "", "清单"))
        for p_i, p in enumerate(c.pause_points):
            for i_i, item in enumerate(p.items):
                for k, ref in enumerate(item.articles):
                    cite(ref, c.file, f"pause_points[{p_i}].items[{i_i}].articles[{k}]",
                         Citation(f"{c.title} · {item.text}", c.src_uri, item.id, "清单"))

    for case in cases.values():
        for k, ref in enumerate(case.articles):
            cite(ref, case.file, f"articles[{k}]", Citation(case.title, case.src_uri, "", "案例"))
        for s_i, step in enumerate(case.handling):
            for k, ref in enumerate(step.articles):
                cite(ref, case.file, f"handling[{s_i}].articles[{k}]",
                     Citation(case.title, case.src_uri, "", "案例"))
        check_checklist_refs(case.checklists, case.file)

    for sc in scenarios.values():
        for k, ref in enumerate(sc.articles):
            cite(ref, sc.file, f"articles[{k}]", None)
        check_checklist_refs(sc.checklists, sc.file)
        for k, cid in enumerate(sc.cases):
            if cid not in cases and cid not in broken:
                problems.append(Problem(sc.file, f"cases[{k}]", f"案例「{cid}」不存在", "写 cases/ 下某个文件的 id"))
        for k, page in enumerate(sc.pages):
            if not (root / "docs" / page).is_file():
                problems.append(Problem(sc.file, f"pages[{k}]", f"页面 docs/{page} 不存在", "写 docs/ 下已有页面的路径"))

    if problems:
        raise KbError(problems)
    for article in articles.values():
        article.cited_by.sort(key=lambda c: (c.kind != "清单", c.src_uri, c.anchor))
    return Library(root, regulation, dict(sorted(checklists.items())), dict(sorted(cases.items())),
                   dict(sorted(scenarios.items())), warnings)
