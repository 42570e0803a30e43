"""The unit profile, `unit.yml`: who runs this copy of the site, and how to reach them.

Optional. Without it the site is the national edition. A 信访局, a county or an SOE writes one file
and gets its name, emergency phone numbers, intranet address and 纠错 channel on every page and
sheet, without editing the national content (so each national release drops in as it comes).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from .deploy import deployment_url
from .errors import KbError, Problem
from .loader import ContentFileError, read_yaml
from .schema import schema_line, validate

FILE = "unit.yml"
SITE_NAME = "信访工作知识库"
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


def site_name(unit: Unit) -> str:
    """The name in every page's header: the unit's name first when there is one."""
    return f"{unit.name} · {SITE_NAME}" if unit.name else SITE_NAME


MARKER = re.compile(r"<!--\s*kb:([\w-]+)\s*-->")


def local_rules(markdown: str, src_uri: str, unit: Unit) -> str:
    """`<!-- kb:local-rules -->` in a page becomes a box linking the unit's provincial rules (or
    nothing, for a unit with no province page); any other kb: marker is an error."""
    def replace(m):
        if m.group(1) != "local-rules":
            raise KbError([Problem(src_uri, "", f"未知的标记 <!-- kb:{m.group(1)} -->", "只能写 <!-- kb:local-rules -->")])
        target = PROVINCIAL_RULES.get(unit.province)
        if not target:
            return ""
        link = os.path.relpath(target, os.path.dirname(src_uri) or ".").replace(os.sep, "/")
        return (f'!!! info "本单位适用的地方规定"\n    本单位在{unit.province}，'
                f"另见[《{unit.province}{'市' if unit.province == '北京' else '省'}信访条例》（地方规定）]({link})："
                "其中与全国条例不同的时限和程序，按本单位规定执行。\n")

    return MARKER.sub(replace, markdown)
