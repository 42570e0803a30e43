"""The content as small dataclasses, built only from data that passed the schema."""

from __future__ import annotations

from dataclasses import dataclass, field

from .text import one_line, paragraphs


def art_number(ref: str) -> int:
    """"art-22" -> 22."""
    return int(ref.split("-", 1)[1])


@dataclass
class Article:
    number: int
    title: str
    keywords: list[str]
    chapter: "Chapter"
    summary: list[str] = field(default_factory=list)  # paragraphs
    desk: list[str] = field(default_factory=list)
    cited_by: list["Citation"] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"art-{self.number}"

    @property
    def cited_groups(self) -> list[list["Citation"]]:
        """What cites this article, one group per checklist or case, in cited_by order."""
        groups: dict[str, list[Citation]] = {}
        for c in self.cited_by:
            groups.setdefault(c.src_uri, []).append(c)
        return list(groups.values())


@dataclass
class Chapter:
    number: int
    title: str
    articles: list[Article] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"ch-{self.number}"


@dataclass
class Regulation:
    id: str
    title: str
    issuer: str
    approved: str
    issued: str
    effective: str
    interpreter: str
    source: str
    reviewed: str
    intro: list[str]
    chapters: list[Chapter]
    file: str

    @property
    def articles(self) -> dict[int, Article]:
        return {a.number: a for c in self.chapters for a in c.articles}

    @classmethod
    def from_data(cls, d: dict, file: str) -> "Regulation":
        chapters = []
        for c in d["chapters"]:
            chapter = Chapter(c["number"], one_line(c["title"]))
            chapter.articles = [
                Article(a["number"], one_line(a["title"]), [one_line(k) for k in a["keywords"]], chapter,
                        paragraphs(a.get("summary", "")), [one_line(x) for x in a.get("desk", [])])
                for a in c["articles"]
            ]
            chapters.append(chapter)
        return cls(d["id"], one_line(d["title"]), one_line(d["issuer"]), one_line(d.get("approved", "")),
                   d["issued"], d["effective"], one_line(d["interpreter"]), one_line(d["source"]),
                   d["reviewed"], paragraphs(d["intro"]), chapters, file)


@dataclass
class Citation:
    """Something that cites an article: a checklist item, a checklist basis, a case."""
    page: str  # the checklist's or case's title, e.g. "接待前准备"
    src_uri: str  # the page, e.g. "checklists/before-reception.md"
    anchor: str  # "" for the page itself
    kind: str  # "清单" or "案例"
    item: str = ""  # the item's text, for a checklist item, e.g. "核对来访人既往记录"


@dataclass(frozen=True)
class Version:
    version: str
    date: str
    changes: str


def history(d: dict) -> list[Version]:
    return [Version(h["version"], h["date"], one_line(h["changes"])) for h in d.get("history", [])]


@dataclass
class Item:
    id: str
    text: str
    who: str
    articles: list[str]
    critical: bool
    note: str
    former_ids: list[str] = field(default_factory=list)  # old anchors that still lead here


@dataclass
class PausePoint:
    id: str
    title: str
    when: str
    items: list[Item]


@dataclass
class Checklist:
    id: str
    title: str
    summary: str
    stage: str
    mode: str
    roles: list[str]
    when: str
    basis_articles: list[str]
    basis_other: list[str]
    owner: str
    version: str
    effective: str
    next_review: str
    reviewed: str
    tags: list[str]
    fill_in: list[str]
    pause_points: list[PausePoint]
    file: str
    mark: str = ""  # "" national; 本单位, or 本单位修订版 for a local file replacing a national one
    history: list[Version] = field(default_factory=list)  # newest first

    @property
    def items(self) -> list[Item]:
        return [i for p in self.pause_points for i in p.items]

    @property
    def src_uri(self) -> str:
        return f"checklists/{self.id}.md"

    @classmethod
    def from_data(cls, d: dict, file: str, mark: str = "", default_owner: str = "") -> "Checklist":
        points = []
        for p in d["pause_points"]:
            default_who = one_line(p.get("who", ""))
            items = [Item(i["id"], one_line(i["text"]), one_line(i.get("who", default_who)), i.get("articles", []),
                          bool(i.get("critical", False)), one_line(i.get("note", "")), i.get("former_ids", []))
                     for i in p["items"]]
            points.append(PausePoint(p["id"], one_line(p["title"]), one_line(p["when"]), items))
        basis = d["basis"]
        return cls(d["id"], one_line(d["title"]), one_line(d["summary"]), d["stage"], d["mode"], d["roles"],
                   one_line(d["when"]), basis["articles"], [one_line(x) for x in basis.get("other", [])],
                   one_line(d.get("owner", "")) or default_owner, d["version"], d["effective"], d["next_review"],
                   d["reviewed"], d["tags"], [one_line(x) for x in d.get("fill_in", [])], points, file, mark,
                   history(d))


@dataclass
class Step:
    text: list[str]  # paragraphs
    articles: list[str]


@dataclass
class Case:
    id: str
    title: str
    summary: str
    category: str
    difficulty: str
    verdict: str
    reviewed: str
    tags: list[str]
    background: list[str]
    request: list[str]
    handling: list[Step]
    outcome: list[str]
    worked: list[str]
    went_wrong: list[str]
    lessons: list[str]
    articles: list[str]
    checklists: list[str]  # "id" or "id#item"
    questions: list[str]
    file: str
    mark: str = ""
    version: str = ""
    history: list[Version] = field(default_factory=list)  # newest first

    @property
    def src_uri(self) -> str:
        return f"cases/{self.id}.md"

    @classmethod
    def from_data(cls, d: dict, file: str, mark: str = "") -> "Case":
        analysis = d["analysis"]
        return cls(d["id"], one_line(d["title"]), one_line(d["summary"]), d["category"], d["difficulty"],
                   d["verdict"], d["reviewed"], d["tags"], paragraphs(d["background"]), paragraphs(d["request"]),
                   [Step(paragraphs(s["text"]), s.get("articles", [])) for s in d["handling"]],
                   paragraphs(d["outcome"]), [one_line(x) for x in analysis.get("worked", [])],
                   [one_line(x) for x in analysis.get("went_wrong", [])], [one_line(x) for x in d["lessons"]],
                   d["articles"], d["checklists"], [one_line(x) for x in d["questions"]], file, mark,
                   d.get("version", ""), history(d))


@dataclass
class Scenario:
    """A situation at the desk ("我现在遇到……") and what to use for it."""
    id: str
    title: str
    moment: str
    says: list[str]
    first: str
    checklists: list[str]
    articles: list[str]
    cases: list[str]
    pages: list[str]
    reviewed: str
    file: str
    mark: str = ""
    former_ids: list[str] = field(default_factory=list)  # old ids: finder/#old and go/old/ still lead here

    @classmethod
    def from_data(cls, d: dict, file: str, mark: str = "") -> "Scenario":
        return cls(d["id"], one_line(d["title"]), d["moment"], [one_line(x) for x in d["says"]], one_line(d["first"]),
                   d["checklists"], d["articles"], d.get("cases", []), d.get("pages", []), d["reviewed"], file, mark,
                   d.get("former_ids", []))


CASE_PARTS = {"background": "背景", "request": "来访人诉求", "handling": "处理经过", "outcome": "结果",
              "analysis": "分析", "lessons": "要点"}  # what an exercise can ask to read first
CASE_SECTIONS = {**CASE_PARTS, "questions": "讨论题"}  # every section of a case page, by anchor


@dataclass
class Exercise:
    case: str
    part: str  # the case section read first: a key of CASE_PARTS
    task: str
    minutes: int | None


@dataclass
class Discussion:
    case: str
    question: int  # 1-based, into the case's questions


@dataclass
class Module:
    id: str
    title: str
    duration: int  # minutes
    objectives: list[str]
    pages: list[str]  # docs paths, optionally with #anchor
    checklists: list[str]  # "id" or "id#item"
    cases: list[str]
    articles: list[str]
    exercises: list[Exercise]
    discussion: list[Discussion]
    trainer_notes: list[str]


@dataclass
class Course:
    """A training course (training/<id>.yml): modules that use the site's pages, checklists, cases and articles."""
    id: str
    title: str
    summary: str
    audience: list[str]
    intro: list[str]
    version: str
    history: list[Version]
    reviewed: str
    modules: list[Module]
    file: str
    mark: str = ""

    @property
    def src_uri(self) -> str:
        return f"training/{self.id}/index.md"

    def module_uri(self, module: Module) -> str:
        return f"training/{self.id}/{module.id}.md"

    @property
    def minutes(self) -> int:
        return sum(m.duration for m in self.modules)

    @classmethod
    def from_data(cls, d: dict, file: str, mark: str = "") -> "Course":
        modules = [Module(m["id"], one_line(m["title"]), m["duration"], [one_line(x) for x in m["objectives"]],
                          m.get("pages", []), m.get("checklists", []), m.get("cases", []), m.get("articles", []),
                          [Exercise(e["case"], e.get("part", "background"), one_line(e["task"]), e.get("minutes"))
                           for e in m.get("exercises", [])],
                          [Discussion(q["case"], q["question"]) for q in m.get("discussion", [])],
                          [one_line(x) for x in m.get("trainer_notes", [])])
                   for m in d["modules"]]
        return cls(d["id"], one_line(d["title"]), one_line(d["summary"]), d["audience"],
                   paragraphs(d.get("intro", "")), d["version"], history(d), d["reviewed"], modules, file, mark)
