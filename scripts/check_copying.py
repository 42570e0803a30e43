"""Flag text copied word for word from the official regulations.

The site explains the law in its own words and quotes only a short term of art. This finds
any run of 24 characters (punctuation and spaces ignored) that also stands in one of the
official texts. Usage: python scripts/check_copying.py [--laws DIR] [FILE ...]
Exit status 1 when something is found.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

K = 24
NOISE = re.compile(r"[\s\u200b，。；：、“”（）()《》,.;:]+")
DEFAULT_LAWS = Path(__file__).resolve().parents[2] / "shared" / "reference" / "laws"


def shingles(laws: Path) -> dict[str, str]:
    table = {}
    for f in sorted(laws.glob("*.md")):
        text = NOISE.sub("", f.read_text("utf-8", errors="replace"))
        for i in range(len(text) - K):
            table.setdefault(text[i:i + K], f.stem)
    return table


def copied(text: str, table: dict[str, str]) -> str | None:
    text = NOISE.sub("", text)
    for i in range(max(len(text) - K, 0) + 1):
        if text[i:i + K] in table:
            return f"「{text[i:i + K]}…」 from {table[text[i:i + K]]}"
    return None


def content_files() -> list[str]:
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], capture_output=True, text=True).stdout.split()
    return [n for n in out if re.search(r"\.(md|ya?ml|html|j2)$", n) and not n.startswith("tests/")]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laws", type=Path, default=DEFAULT_LAWS)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args(argv)
    if not args.laws.is_dir():
        print(f"no official texts at {args.laws}; nothing checked")
        return 0
    table = shingles(args.laws)
    hits = []
    for name in args.files or content_files():
        found = copied(Path(name).read_text("utf-8", errors="replace"), table)
        if found:
            hits.append(f"{name}: {found}")
    print("\n".join(hits) if hits else "no copied text found")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
