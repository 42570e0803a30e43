"""Cross-references between content files: article numbers, checklist items, cases and pages.

Runs once every file has loaded. Each reference is resolved, and each article learns what cites
it (its "引用本条" list). A reference into a checklist that a local file replaced, naming an item
the replacement dropped, names both files: the writer must fix one or the other.
"""

from __future__ import annotations

from pathlib import Path

from .errors import Problem
from .model import Case, Checklist, Citation, Course, Regulation, Scenario, art_number


def check(root: Path, regulation: Regulation, checklists: dict[str, Checklist], cases: dict[str, Case],
          scenarios: dict[str, Scenario], broken: set[str], revised_from: dict[str, str]) -> list[Problem]:
    """All reference problems; fills each article's cited_by. `revised_from`: local file -> national file."""
    problems = _numbering(regulation)
    articles = regulation.articles
    last = max(articles)
    cited: set[tuple] = set()  # (article, citation) already listed: a list lookup made ×50 content quadratic

    def cite(ref: str, rel: str, where: str, citation: Citation | None) -> None:
        n = art_number(ref)
        if n not in articles:
            problems.append(Problem(rel, where, f"「{ref}」不存在：《信访工作条例》共 {last} 条",
                                    f"改为 art-1 至 art-{last} 之间的条号；引用 2005 年《信访条例》的旧条号是常见错误"))
        elif citation and (key := (n, citation.page, citation.src_uri, citation.anchor, citation.kind,
                                   citation.item)) not in cited:
            cited.add(key)
            articles[n].cited_by.append(citation)

    def checklist_refs(refs: list[str], rel: str) -> None:
        problems.extend(checklist_problems(refs, rel, "checklists", checklists, broken, revised_from))

    for c in checklists.values():
        for k, ref in enumerate(c.basis_articles):
            cite(ref, c.file, f"basis.articles[{k}]", Citation(c.title, c.src_uri, "", "清单"))
        for p_i, p in enumerate(c.pause_points):
            for i_i, item in enumerate(p.items):
                for k, ref in enumerate(item.articles):
                    cite(ref, c.file, f"pause_points[{p_i}].items[{i_i}].articles[{k}]",
                         Citation(c.title, c.src_uri, item.id, "清单", item.text))

    for case in cases.values():
        for k, ref in enumerate(case.articles):
            cite(ref, case.file, f"articles[{k}]", Citation(case.title, case.src_uri, "", "案例"))
        for s_i, step in enumerate(case.handling):
            for k, ref in enumerate(step.articles):
                cite(ref, case.file, f"handling[{s_i}].articles[{k}]", Citation(case.title, case.src_uri, "", "案例"))
        checklist_refs(case.checklists, case.file)

    for sc in scenarios.values():
        for k, ref in enumerate(sc.articles):
            cite(ref, sc.file, f"articles[{k}]", None)
        checklist_refs(sc.checklists, sc.file)
        for k, cid in enumerate(sc.cases):
            if cid not in cases and cid not in broken:
                problems.append(Problem(sc.file, f"cases[{k}]", f"案例「{cid}」不存在", "写 cases/ 下某个文件的 id"))
        for k, page in enumerate(sc.pages):
            if not doc_file(root, page).is_file():
                problems.append(Problem(sc.file, f"pages[{k}]", f"页面 docs/{page} 不存在",
                                        "写 docs/ 下已有页面的路径（本单位页面写 local/页面.md）"))

    for article in articles.values():
        article.cited_by.sort(key=lambda c: (c.kind != "清单", c.src_uri, c.anchor))
    return problems


def checklist_problems(refs: list[str], rel: str, where: str, checklists: dict[str, Checklist], broken: set[str],
                       revised_from: dict[str, str]) -> list[Problem]:
    """References "id" or "id#item" to checklists that do not exist (or lost the item)."""
    problems = []
    for k, ref in enumerate(refs):
        cid, _, iid = ref.partition("#")
        if cid in broken:
            continue
        if cid not in checklists:
            problems.append(Problem(rel, f"{where}[{k}]", f"清单「{cid}」不存在",
                                    f"现有清单：{'、'.join(sorted(checklists)) or '（无）'}"))
            continue
        target = checklists[cid]
        if iid and iid not in {i.id for i in target.items}:
            if target.file in revised_from:
                problems.append(Problem(rel, f"{where}[{k}]",
                                        f"本单位修订版 {target.file} 删去了条目「{iid}」（全国版 {revised_from[target.file]} 有）",
                                        f"在 {target.file} 中保留条目 {iid}，或改写 {rel} 的这一引用"))
            else:
                problems.append(Problem(rel, f"{where}[{k}]", f"清单「{cid}」中没有条目「{iid}」",
                                        f"该清单的条目：{'、'.join(i.id for i in target.items)}"))
    return problems


def check_courses(root: Path, courses: dict[str, Course], checklists: dict[str, Checklist], cases: dict[str, Case],
                  broken: set[str], articles: dict) -> list[Problem]:
    """Every page, checklist, case, article and case question a course module uses exists."""
    problems = []
    last = max(articles)
    for course in courses.values():
        rel = course.file
        seen: set[str] = set()
        for m_i, m in enumerate(course.modules):
            at = f"modules[{m_i}]"
            if m.id in seen or m.id in ("links", "outline"):
                problems.append(Problem(rel, f"{at}.id", f"单元 id「{m.id}」重复或是保留名（links、outline）", "换一个 id"))
            seen.add(m.id)
            for k, page in enumerate(m.pages):
                if not doc_file(root, page.partition("#")[0]).is_file():
                    problems.append(Problem(rel, f"{at}.pages[{k}]", f"页面 docs/{page.partition('#')[0]} 不存在",
                                            "写 docs/ 下已有页面的路径，如 techniques/emotions.md#self-regulation"))
            problems += checklist_problems(m.checklists, rel, f"{at}.checklists", checklists, broken, {})
            for k, ref in enumerate(m.articles):
                if art_number(ref) not in articles:
                    problems.append(Problem(rel, f"{at}.articles[{k}]", f"「{ref}」不存在：《信访工作条例》共 {last} 条",
                                            f"改为 art-1 至 art-{last} 之间的条号"))
            uses = [(f"{at}.cases[{k}]", c) for k, c in enumerate(m.cases)]
            uses += [(f"{at}.exercises[{k}].case", e.case) for k, e in enumerate(m.exercises)]
            uses += [(f"{at}.discussion[{k}].case", q.case) for k, q in enumerate(m.discussion)]
            for where, cid in uses:
                if cid not in cases and cid not in broken:
                    problems.append(Problem(rel, where, f"案例「{cid}」不存在", "写 cases/ 下某个文件的 id"))
            for k, q in enumerate(m.discussion):
                if q.case in cases and q.question > len(cases[q.case].questions):
                    problems.append(Problem(rel, f"{at}.discussion[{k}].question",
                                            f"案例「{q.case}」只有 {len(cases[q.case].questions)} 道讨论题",
                                            f"写 1 至 {len(cases[q.case].questions)} 之间的题号"))
    return problems


def unique_short_ids(kinds: dict[str, dict]) -> list[Problem]:
    """Short links go/<id>/ name checklists, cases, scenarios, courses and art-N alike: no id may serve two."""
    problems, owner = [], {}
    for label, items in kinds.items():
        for id_, item in items.items():
            if id_.startswith("art-") and id_[4:].isdigit():
                problems.append(Problem(item.file, "id", f"「{id_}」与条文的短链接 go/{id_}/ 冲突", "换一个不以 art-数字 为名的 id"))
            elif id_ in owner:
                problems.append(Problem(item.file, "id", f"id「{id_}」已被{owner[id_][0]} {owner[id_][1]} 使用，短链接 go/{id_}/ 会冲突",
                                        "换一个 id（各类内容的 id 不能相同）"))
            else:
                owner[id_] = (label, item.file)
    return problems


def doc_file(root: Path, page: str) -> Path:
    """A page path as the site has it -> its source: "local/x.md" is local/docs/x.md."""
    if page.startswith("local/"):
        return root / "local" / "docs" / page.removeprefix("local/")
    return root / "docs" / page


def _numbering(reg: Regulation) -> list[Problem]:
    problems = []
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
    return problems
