"""The unit profile, `unit.yml`: who runs this copy of the site, and how to reach them.

Optional. Without it the site is the national edition. A 信访局, a county or an SOE writes one file
and gets its name, emergency phone numbers, intranet address and 纠错 channel on every page and
sheet, without editing the national content (so each national release drops in as it comes).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from .deploy import deployment_url
from .errors import KbError, Problem
from .loader import ContentFileError, read_yaml
from .schema import schema_line, validate

FILE = "unit.yml"
NATIONAL_OWNER = "信访工作知识库编写组"  # who answers for a checklist when neither it nor the unit says
# The provincial 信访条例 this site explains (docs/regulations/), by unit.yml's `province`.
PROVINCIAL_RULES = {"北京": "regulations/beijing.md", "浙江": "regulations/zhejiang.md"}


@dataclass(frozen=True)
class Contact:
    label: str
    phone: str


@dataclass(frozen=True)
class Feedback:
    email: str = ""
    url: str = ""

    def link(self, address: str, item: str = "") -> str:
        """A 报告问题 link that needs no internet: a form URL, or a mailto with the place filled in."""
        if self.url:
            query = {"page": address, **({"item": item} if item else {})}
            return self.url + ("&" if "?" in self.url else "?") + urlencode(query)
        where = address + (f"#{item}" if item else "")
        subject = f"报告问题：{where}"
        body = f"页面：{where}\n问题：\n建议改为：\n"
        return f"mailto:{self.email}?subject={quote(subject)}&body={quote(body)}"


@dataclass(frozen=True)
class Unit:
    name: str = ""  # "" in the national edition
    site_url: str = ""  # checked, ends in "/"; "" for none
    owner: str = NATIONAL_OWNER
    contacts: tuple[Contact, ...] = ()
    feedback: Feedback | None = None
    province: str = ""

    @property
    def national(self) -> bool:
        return not self.name


def load_unit(root: Path) -> Unit:
    """unit.yml under root, checked against schemas/unit.schema.json; the national edition if absent."""
    path = Path(root) / FILE
    if not path.is_file():
        return Unit()
    try:
        data = read_yaml(path, FILE, schema_line("unit", depth=0))
    except ContentFileError as err:
        raise KbError([err.problem]) from None
    problems = validate(data, "unit", FILE, Path(root) / "schemas")
    if problems:
        raise KbError(problems)
    try:
        site_url = deployment_url(data.get("site_url"))
    except KbError as err:
        raise KbError([Problem(FILE, "site_url", p.message, p.fix) for p in err.problems]) from None
    fb = data.get("feedback")
    return Unit(
        name=data["name"].strip(),
        site_url=site_url,
        owner=(data.get("owner") or data["name"]).strip(),
        contacts=tuple(Contact(c["label"].strip(), c["phone"]) for c in data.get("contacts", [])),
        feedback=Feedback(fb.get("email", ""), fb.get("url", "")) if fb else None,
        province=data.get("province", ""),
    )
