"""Plain-text handling for YAML fields.

YAML fields hold plain text, never Markdown or HTML. On a generated Markdown page every
ASCII punctuation mark is written as a numeric character reference, so no Markdown, HTML,
attribute list or extension syntax in a field can become live: it shows as typed.
"""

from __future__ import annotations

import re
import string
import unicodedata

from markupsafe import Markup

_PUNCT = set(string.punctuation)
_SAFE_TOKEN = re.compile(r"^[A-Za-z0-9#.][A-Za-z0-9_./#:?=%&@+~-]*$")  # percent-encoded URLs pass
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def md_plain(value) -> Markup:
    """Make any value inert inside Markdown (and HTML): punctuation becomes &#NN;."""
    if isinstance(value, Markup):
        return value
    text = str(value)
    return Markup("".join(f"&#{ord(c)};" if c in _PUNCT else c for c in text))


def trusted(value: str) -> Markup:
    """Mark an id, path or URL built by the generator as safe to print unescaped.

    Only tokens made of ASCII letters, digits and URL punctuation pass; anything else is a
    bug in the generator, not a content error, so it raises.
    """
    if not _SAFE_TOKEN.match(value):
        raise ValueError(f"not a safe token: {value!r}")
    return Markup(value)


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines: no space between Chinese characters, one space otherwise."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if out and not (_CJK.match(out[-1]) or _CJK.match(line[0])):
            out += " "
        out += line
    return out


def paragraphs(text: str) -> list[str]:
    """Split a text field into paragraphs at blank lines; wrapped lines are re-joined."""
    blocks = re.split(r"\n\s*\n", str(text).strip())
    return [p for p in (join_lines(b.splitlines()) for b in blocks) if p]


def one_line(text: str) -> str:
    return join_lines(str(text).splitlines())


def display_width(text: str) -> float:
    """Printed width in 'Chinese characters': wide characters count 1, narrow ones 0.5."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def cn_number(n: int) -> str:
    """22 -> 二十二, as in the official article headings."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
