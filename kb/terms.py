"""Terminology lint: fails on the citation errors that circulate about the 2022 条例.

Each rule looks at one sentence at a time. A sentence that says it is about the superseded
2005《信访条例》(it mentions 2005, 旧, 原, 废止 or 失效) is exempt from the rules that only
make sense for the 2022 text. See ../shared/reference/facts.md, section 1.4.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import Problem, field_path
from .loader import iter_strings

SENTENCE = re.compile(r"[^。！？；\n]+")
CITATION = re.compile(r"第([一二三四五六七八九十百零〇0-9]+)条")
HISTORICAL = re.compile(r"2005|旧|原《信访条例》|原条例|废止|失效|取代|此前|以前|过去|不再")
NEGATION = re.compile(r"没有|并无|未|不是|并非|无|不属于|不要|不能|不得|严禁|禁止|避免|而是|地方")
LABEL_VARIANT = re.compile(r"良好实践|实践做法|良好做法，非法规规定|[（(\"“][^（）()\"”]*仅作参考[^（）()\"”]*[）)\"”]")
PROVINCIAL = re.compile(r"《[^》]{1,8}(省|市|自治区)信访条例》")
_CN = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}


def cn_to_int(text: str) -> int:
    if text.isdigit():
        return int(text)
    total, num = 0, 0
    for ch in text:
        if ch in _CN:
            num = _CN[ch]
        elif ch == "十":
            total += (num or 1) * 10
            num = 0
        elif ch == "百":
            total += (num or 1) * 100
            num = 0
    return total + num


@dataclass(frozen=True)
class Finding:
    sentence: str
    message: str
    fix: str


# (keyword in the sentence, the 2005 article number that is wrong for it, the right 2022 article)
OLD_NUMBERS = [
    (re.compile(r"信息网络|书信、电话|走访等形式|信访形式|信访渠道"), 2, 17),
    (re.compile(r"本级或(者)?上一级"), 16, 20),
    (re.compile(r"(不得超过|不超过|不超)(5|五)(人|名)"), 18, 20),
    (re.compile(r"(15|十五)日内"), 21, "22、23"),
    (re.compile(r"检举.{0,10}(材料|情况).{0,10}(透露|转给)"), 23, 30),
    (re.compile(r"(60|六十)日"), 33, 34),
    (re.compile(r"复查"), 34, 35),
    (re.compile(r"复核"), 35, 36),
]


def lint_text(text: str) -> list[Finding]:
    findings = []
    for sentence in (s.strip() for s in SENTENCE.findall(text)):
        if not sentence:
            continue
        historical = bool(HISTORICAL.search(sentence))
        negated = bool(NEGATION.search(sentence))
        cited = {cn_to_int(n) for n in CITATION.findall(sentence)}
        other_titles = [t for t in re.findall(r"《([^》]+)》", sentence) if t != "信访工作条例"]
        names_2022 = "信访工作条例" in sentence or ("条例" in sentence and not other_titles)

        if "中华人民共和国信访工作条例" in sentence:
            findings.append(Finding(sentence, "《信访工作条例》的名称没有“中华人民共和国”前缀", "写作《信访工作条例》"))
        if "信访工作条例" in sentence and "国务院令" in sentence and not negated:
            findings.append(Finding(sentence, "《信访工作条例》由中共中央、国务院发布，没有国务院令编号",
                                    "删去国务院令编号；第752号是2022年国务院修改和废止部分行政法规的决定"))
        if "752号" in sentence and "信访" in sentence and not negated:
            findings.append(Finding(sentence, "国务院令第752号不是《信访工作条例》的编号", "删去该编号"))
        if "首办责任制" in sentence and "信访工作条例" in sentence and not negated:
            findings.append(Finding(sentence, "首办责任制不是《信访工作条例》的规定，来自地方信访条例（如《山东省信访条例》）",
                                    "注明它来自地方规定，或删去"))
        if "电子邮件" in sentence and names_2022 and not (historical or negated):
            findings.append(Finding(sentence, "2022年《信访工作条例》第17条列举的形式是信息网络、书信、电话、传真、走访，没有电子邮件",
                                    "删去电子邮件，或注明那是2005年《信访条例》的写法"))
        if "《信访条例》" in sentence and not historical:
            findings.append(Finding(sentence, "《信访条例》（2005）已被2022年《信访工作条例》取代",
                                    "改为《信访工作条例》并核对条号；若确指旧条例，注明“2005年”"))
        if names_2022 and not historical:
            for n in sorted(cited):
                if n > 50 and "信访工作条例" in sentence:
                    findings.append(Finding(sentence, f"《信访工作条例》只有50条，没有第{n}条", "核对条号"))
            for keyword, old, new in OLD_NUMBERS:
                right = {int(n) for n in str(new).split("、")}
                if old in cited and keyword.search(sentence) and not right & cited:
                    findings.append(Finding(sentence, f"这是2005年《信访条例》的条号：这一规定在2022年条例中是第{new}条",
                                            f"把第{old}条改为第{new}条"))
        # Where a point comes from is labelled one way everywhere (WRITING.md, 来源标注).
        if LABEL_VARIANT.search(sentence):
            findings.append(Finding(sentence, "来源标注不统一", "工作中的好做法写作（良好做法）；地方规定写作（地方规定：《…》第N条）"))
        if PROVINCIAL.search(sentence) and "地方" not in sentence:
            findings.append(Finding(sentence, "引用省市信访条例时没有标明是地方规定",
                                    "在同一句中写明“地方规定”，如（地方规定：《浙江省信访条例》第9条）"))
        if re.search(r"上访户|刁民|钉子户|闹访户|缠访户|老上访", sentence):
            findings.append(Finding(sentence, "含有污名化称呼", "称“信访人”“来访人”，就事论事"))
        if re.search(r"截访|拦截来访|拦截信访人", sentence) and not negated:
            findings.append(Finding(sentence, "不得教授拦截信访人：信访人通过合法渠道反映问题", "删去，或改写为禁止性表述"))
    return findings


def scan(data, rel: str) -> list[Problem]:
    """Lint every string of a YAML document; problems carry the field path."""
    return [Problem(rel, field_path(path), f"「{f.sentence}」：{f.message}", f.fix)
            for path, text in iter_strings(data) for f in lint_text(text)]
