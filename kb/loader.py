"""Bytes → YAML, with every way a file can go wrong named for the writer."""

from __future__ import annotations

import codecs
from pathlib import Path

import yaml

from .errors import Problem

YAML_SUFFIXES = (".yml", ".yaml")


class ContentFileError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


# libyaml's parser when PyYAML was built with it (the wheels are): it reads the content about
# ten times faster than the pure-Python one. The checks below run in the constructor either way.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """SafeLoader that keeps dates as text and refuses duplicate keys.

    A duplicate key would silently drop the first value; a date object would not match
    the schemas, which describe dates as "YYYY-MM-DD" strings.
    """

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key「{key}」", key_node.start_mark
                )
            seen[key] = True
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def decode(raw: bytes, rel: str) -> str:
    """UTF-8, with or without a BOM; anything else is refused with the fix."""
    fix = "用编辑器把文件“另存为”UTF-8 编码（记事本：编码选 UTF-8；VS Code：右下角“通过编码保存”→ UTF-8）"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ContentFileError(Problem(rel, "", "文件是 UTF-16 编码，不是 UTF-8", fix))
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ContentFileError(
            Problem(rel, "", f"文件不是 UTF-8 编码（第 {line} 行起无法按 UTF-8 读取，常见于 Windows 上以 GBK 保存的文件）", fix)
        ) from None


def parse(text: str, rel: str):
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a (C)SafeLoader
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else "文件中"
        what = err.problem or err.context or "格式错误"
        if "duplicate key" in str(what):
            raise ContentFileError(
                Problem(rel, "", f"{where}：字段重复出现（{what}），后一个会覆盖前一个", "删除或合并重复的字段")
            ) from None
        raise ContentFileError(
            Problem(rel, "", f"YAML 格式错误，{where}：{what}", "检查缩进（只用空格）、冒号后的空格和引号是否成对")
        ) from None
    except yaml.YAMLError as err:
        raise ContentFileError(Problem(rel, "", f"YAML 格式错误：{err}", "检查文件格式")) from None


def read_yaml(path: Path, rel: str, schema_line: str):
    """Read one content file; its first line must point editors at its schema."""
    text = decode(path.read_bytes(), rel)
    first = text.splitlines()[0].strip() if text.strip() else ""
    if first != schema_line:
        raise ContentFileError(
            Problem(rel, "", "第一行必须声明本文件的校验规则，编辑器才能边写边检查", f"把第一行写成：{schema_line}")
        )
    data = parse(text, rel)
    if not isinstance(data, dict):
        raise ContentFileError(Problem(rel, "", "文件内容应是“字段: 值”的映射", "参照同目录下的其他文件的写法"))
    return data


def discover(folder: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """Every content file in a folder; any file that is not YAML is refused by name.

    Dotfiles (editor swap files, .DS_Store) and README.md are the only files passed over.
    """
    found, problems = [], []
    if not folder.is_dir():
        return found, problems
    for path in sorted(folder.iterdir()):
        rel = path.relative_to(root).as_posix()
        if path.name.startswith(".") or path.name.endswith("~") or path.name == "README.md":
            continue
        if path.is_dir():
            problems.append(Problem(rel, "", "内容目录里不应有子目录", f"把文件直接放在 {folder.name}/ 下"))
        elif path.suffix in YAML_SUFFIXES:
            found.append(path)
        else:
            problems.append(
                Problem(rel, "", f"不是 YAML 文件，不会被读取（{folder.name}/ 里只放 .yml 文件）", "改名为 .yml，或移出本目录")
            )
    return found, problems


def iter_strings(data, path=()):
    """Every string in a YAML document, with its field path as a tuple."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from iter_strings(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from iter_strings(value, path + (i,))
    elif isinstance(data, str):
        yield path, data
