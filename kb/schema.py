"""JSON Schema validation with messages a writer can act on."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator

from .errors import Problem, field_path

_TYPES = {"string": "文本", "array": "列表（每项以“- ”开头）", "object": "“字段: 值”的映射",
          "integer": "整数", "boolean": "true 或 false", "number": "数字"}


def schema_line(kind: str, depth: int = 1) -> str:
    """The first line of every content file, so editors validate as the writer types.

    `depth` is how many folders the file sits below the project root: 1 for checklists/x.yml,
    2 for local/checklists/x.yml, 0 for unit.yml."""
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{kind}.schema.json"


def _inline(node, base: str, schemas: dict[str, dict], seen: tuple[str, ...] = ()):
    """The schema with every $ref replaced by what it points to. jsonschema resolves a $ref
    through its registry on each visit, which made validation most of the YAML's load time;
    resolved once here, validation takes about a third as long and reports the same errors."""
    if isinstance(node, list):
        return [_inline(v, base, schemas, seen) for v in node]
    if not isinstance(node, dict):
        return node
    if "$ref" not in node:
        return {k: _inline(v, base, schemas, seen) for k, v in node.items() if k != "$defs"}
    name, _, pointer = node["$ref"].partition("#")
    name = name or base
    if f"{name}#{pointer}" in seen:
        raise ValueError(f"schemas/{base}：$ref {node['$ref']} 指向自身，无法展开")
    target = schemas[name]
    for part in filter(None, pointer.split("/")):
        target = target[part]
    resolved = _inline(target, name, schemas, (*seen, f"{name}#{pointer}"))
    rest = {k: v for k, v in node.items() if k != "$ref"}
    # Keywords beside a $ref apply as well as the target's (maxLength: 20 on a line): allOf keeps both.
    return {"allOf": [resolved], **_inline(rest, base, schemas, seen)} if rest else resolved


@lru_cache(maxsize=None)
def validator(schema_dir: str, kind: str) -> Draft202012Validator:
    schemas = {p.name: json.loads(p.read_text("utf-8")) for p in Path(schema_dir).glob("*.schema.json")}
    name = f"{kind}.schema.json"
    return Draft202012Validator(_inline(schemas[name], name, schemas))


def _hint(schema: dict) -> str:
    return schema.get("x-hint", "")


def _message(err) -> tuple[str, str]:
    v, s, inst = err.validator, err.schema, err.instance
    if v == "required":
        missing = err.message.split("'")[1]
        return f"缺少必填字段「{missing}」", f"补上 {missing}: …"
    if v == "additionalProperties":
        allowed = "、".join(sorted(s.get("properties", {})))
        extra = sorted(set(inst) - set(s.get("properties", {})))
        return (f"有未知字段「{'」「'.join(map(str, extra))}」，其内容不会显示", f"检查拼写；允许的字段：{allowed}")
    if v == "type":
        want = s["type"] if isinstance(s["type"], str) else s["type"][0]
        return f"应为{_TYPES.get(want, want)}，现在是「{inst!r}」", _hint(s) or "按字段说明改写"
    if v in ("enum", "const"):
        options = "、".join(map(str, s.get("enum", [s.get("const")])))
        return f"「{inst}」不在允许的取值中", f"从这些值中选一个：{options}"
    if v == "pattern":
        return f"「{inst}」格式不对", _hint(s) or f"应符合 {s['pattern']}"
    if v == "maxLength":
        return f"太长：{len(inst)} 个字，上限 {s['maxLength']} 个字", "删繁就简，或拆成两项"
    if v == "minLength":
        return "不能为空", _hint(s) or "补上内容"
    if v == "minItems":
        return f"至少要有 {s['minItems']} 项，现在有 {len(inst)} 项", "补足条目"
    if v == "maxItems":
        return f"最多 {s['maxItems']} 项，现在有 {len(inst)} 项", "删减或合并条目"
    if v == "uniqueItems":
        return "列表中有重复的项", "删去重复项"
    if v == "minProperties":
        return "不能为空", "至少填写其中一个字段"
    if v == "minimum":
        return f"不能小于 {s['minimum']}", "改正数字"
    return err.message, "按 schemas/ 中的说明改正"


def validate(data, kind: str, rel: str, schema_dir: Path) -> list[Problem]:
    problems = []
    for err in validator(str(schema_dir), kind).iter_errors(data):
        message, fix = _message(err)
        problems.append(Problem(rel, field_path(err.absolute_path), message, fix))
    return problems


@lru_cache(maxsize=None)
def vocabulary(schema_dir: str, name: str) -> tuple[str, ...]:
    """An enumeration from common.schema.json, e.g. the allowed tags or work stages."""
    common = json.loads((Path(schema_dir) / "common.schema.json").read_text("utf-8"))
    return tuple(common["$defs"][name]["enum"])
