"""Personal-data guard: cases are anonymised composites, so personal identifiers fail the build.

Applied to every case and checklist.

Looks for a checksum-valid 18-digit resident ID number (GB 11643-1999), a mainland mobile
number (11 digits starting 13–19, also written with spaces or hyphens) and an email address,
after folding full-width characters to ASCII so "１３８…" is caught too.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import Problem, field_path
from .loader import iter_strings

_ID = re.compile(r"(?<![0-9])([1-9][0-9]{16}[0-9Xx])(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9])(1[3-9][0-9])[ -]?([0-9]{4})[ -]?([0-9]{4})(?![0-9])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CHECK = "10X98765432"


def id_checksum_ok(number: str) -> bool:
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS))
    return _CHECK[total % 11] == number[17].upper()


def find_personal_data(text: str) -> list[str]:
    """What personal identifiers a text holds, described (masked) for the error message."""
    folded = unicodedata.normalize("NFKC", text)
    found = []
    for m in _ID.finditer(folded):
        if id_checksum_ok(m.group(1)):
            found.append(f"身份证号 {m.group(1)[:6]}…")
    for m in _MOBILE.finditer(folded):
        found.append(f"手机号 {m.group(1)}…")
    for m in _EMAIL.finditer(folded):
        found.append(f"电子邮箱 …@{m.group(0).split('@')[1]}")
    return found


def scan(data, rel: str) -> list[Problem]:
    """Every string of a YAML document, checked; problems carry the field path."""
    return [Problem(rel, field_path(path), f"含有个人信息（{what}）；案例和清单必须匿名化",
                    "删去该信息，用“张某”“某市某区”“某国企”等代称")
            for path, text in iter_strings(data) for what in find_personal_data(text)]
