"""Problems that stop the build: each names the file, the field and what to do."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str  # path relative to the project root, e.g. "checklists/group-visit.yml"
    field: str  # field path, e.g. "pause_points[0].items[2].text"; "" for the whole file
    message: str  # what is wrong
    fix: str = ""  # what to do about it

    def __str__(self) -> str:
        where = f"{self.file} → {self.field}" if self.field else self.file
        text = f"{where}：{self.message}"
        return f"{text}（怎么改：{self.fix}）" if self.fix else text


class KbError(Exception):
    """One or more problems in the content; the build must stop."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.field, p.message))
        super().__init__(str(self))

    def __reduce__(self):  # rebuilt from its problems, as it crosses from kb.background's child
        return KbError, (self.problems,)

    def __str__(self) -> str:
        n = len(self.problems)
        lines = [f"内容有 {n} 处错误，构建已停止："]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


def field_path(parts) -> str:
    """["pause_points", 0, "items", 2, "text"] -> "pause_points[0].items[2].text"."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
