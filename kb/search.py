"""Search that finds what officers type, in Chinese: enriching Material's search index.

Material segments Chinese with jieba in accurate mode, and the browser segments a query
against the tokens already in the index. So a fragment such as 意见 misses 处理意见, and a
synonym such as 拖欠工资 misses 欠薪. Each index entry gets two hidden fields (configured in
mkdocs.yml, never shown in results), `keywords` for its text and `title_keywords` for its
heading, weighted like the title, holding:

- the search-mode sub-words of its compounds (处理意见书 -> 处理、意见、意见书) that are
  real words (jieba frequency >= MIN_FREQ, which drops bigram noise such as 体性),
- the other members of each synonym group it mentions (kb/data/synonyms.yml),
- quantities as typed (60日, 5个工作日, 5人), which the tokenizer would split,
- for an article of the 条例, its number as typed: 第22条, 第二十二条.

Only words not already among the entry's tokens are added, so the index grows little.

Entries are also weighted by what they are (BOOSTS): an officer who types a term wants the
article or the checklist item first, the case that mentions it next, and a list page last.
"""

from __future__ import annotations

import html
import logging
import re
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import Problem
from .text import cn_number

DATA = Path(__file__).with_name("data")
USERDICT = DATA / "userdict.txt"
SYNONYMS = DATA / "synonyms.yml"
MIN_FREQ = 100
SEPARATOR = re.compile(r"[\s\u200b\u3000\-、。，．？！；]+")  # Material's separator for zh
HAN = re.compile(r"[\u3400-\u9fff]+")
TAG = re.compile(r"<[^>]+>")
ARTICLE = re.compile(r"^第(\d+)条")
NUMERALS = re.compile(r"^[第零一二三四五六七八九十百千两]+$")  # 二十, 十二: noise from 第二十二条
BOOSTS = [  # (location prefix, weight); first match wins
    ("finder/#", 3.0),  # a situation's entry: what an officer in the middle of a visit needs first
    ("regulations/xinfang-gongzuo-tiaoli/", 3.0),
    ("regulations/time-limits/", 3.0),
    ("checklists/", 2.0),
    ("regulations/", 2.0),
    ("cases/", 1.0),
    ("tags/", 0.3),
    ("print/", 0.3),
    ("moments/", 0.5),
]
SAYS = re.compile(r"常见说法：(.+)$")  # the finder's last line for each situation (kb/templates/finder.md.j2)
QUANTITY = re.compile(r"\d+(?:个)?(?:工作日|日|天|人|名|条|年|个月|月)")  # 60日, 5个工作日, 5人


@lru_cache(maxsize=1)
def jieba_with_domain_words():
    """jieba, with the domain dictionary loaded once per process."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.load_userdict(str(USERDICT))
    jieba.initialize()
    return jieba


def load_synonyms(path: Path = SYNONYMS) -> list[list[str]]:
    """Synonym groups; a malformed file or a word in two groups is a content error."""
    rel = f"kb/data/{path.name}"
    try:
        groups = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as err:
        raise ValueError(str(Problem(rel, "", f"YAML 格式错误：{err}", "每行写成 - [词一, 词二]"))) from None
    seen: dict[str, int] = {}
    if not isinstance(groups, list):
        raise ValueError(str(Problem(rel, "", "应为同义词组的列表", "每行写成 - [词一, 词二]")))
    for i, group in enumerate(groups):
        if not (isinstance(group, list) and len(group) >= 2 and all(isinstance(w, str) and w for w in group)):
            raise ValueError(str(Problem(rel, f"[{i}]", "每组至少两个词", "写成 - [词一, 词二]")))
        for word in group:
            if word in seen:
                raise ValueError(str(Problem(rel, f"[{i}]", f"「{word}」已在第 {seen[word] + 1} 组出现", "一个词只放在一组里")))
            seen[word] = i
    return groups


def plain(value: str) -> str:
    """Index text as the reader sees it: no markup, no segmentation marks."""
    return html.unescape(TAG.sub(" ", value)).replace("\u200b", "")


def tokens(value: str) -> set[str]:
    found = set(SEPARATOR.split(value.lower()))
    found.discard("")
    return found


def mentioned_groups(text: str, groups: list[list[str]]) -> list[int]:
    """The synonym groups with a word in the text, in file order."""
    by_char, group_of = _synonym_index(tuple(map(tuple, groups)))
    # Only the words starting with a character of the text can be in it: a few per text.
    return sorted({group_of[w] for ch in by_char.keys() & set(text) for w in by_char[ch] if w in text})


@lru_cache(maxsize=4)
def _synonym_index(groups: tuple[tuple[str, ...], ...]):
    by_char: dict[str, list[str]] = {}
    for w in {w for g in groups for w in g}:
        by_char.setdefault(w[0], []).append(w)
    return by_char, {w: i for i, g in enumerate(groups) for w in g}


def han_words(text: str) -> list[str]:
    """The distinct Chinese words of a text as Material's index has them, in order.

    Index text is already cut: Material ran jieba (accurate mode) on each run of Chinese and put
    a zero-width space between the words, so they are read back instead of cut again. Other
    text (a situation's sayings) is cut here, each run once per process."""
    if "\u200b" in text:
        return [w for w in dict.fromkeys(TAG.sub("\u200b", text).split("\u200b")) if HAN.fullmatch(w)]
    return list(dict.fromkeys(w for run in HAN.findall(plain(text)) for w in _cut(run)))


@lru_cache(maxsize=None)
def _cut(run: str | bytes) -> tuple[str, ...]:
    return tuple(jieba_with_domain_words().cut(run))


class RememberedCuts:
    """jieba as Material's search plugin calls it, cut() remembered for each run of Chinese.

    Material cuts every page's text on every build; under `mkdocs serve` a rebuild after one
    edit cuts the same unchanged pages again, 0.7 s of a 2.4 s rebuild. The dictionary is loaded
    once per process (jieba_with_domain_words), so a remembered cut stays right."""

    def __init__(self, jieba):
        self._jieba = jieba

    def __getattr__(self, name):
        return getattr(self._jieba, name)

    def cut(self, sentence, *args, **kwargs):
        if args or kwargs:
            return self._jieba.cut(sentence, *args, **kwargs)
        return iter(_cut(sentence))


def remember_cuts(module) -> None:
    """Give a module that imported jieba (Material's search plugin) the remembering one."""
    jieba = getattr(module, "jieba", None)
    if jieba is not None and not isinstance(jieba, RememberedCuts):
        module.jieba = RememberedCuts(jieba)


@lru_cache(maxsize=None)
def sub_words(word: str) -> tuple[str, ...]:
    """The real words inside a compound (处理意见书 -> 处理、意见、意见书), computed once per
    distinct word: the index repeats its words, and `mkdocs serve` rebuilds in the same process."""
    if len(word) <= 2:
        return ()
    jieba = jieba_with_domain_words()
    freq = jieba.dt.FREQ
    return tuple(sub for sub in jieba.cut_for_search(word)
                 if sub != word and len(sub) >= 2 and freq.get(sub, 0) >= MIN_FREQ and not NUMERALS.match(sub))


def keywords(text: str, groups: list[list[str]], present: set[str]) -> list[str]:
    """Sub-words, synonyms, quantities and article numbers of a text that its tokens lack."""
    words = plain(text)
    extra: dict[str, None] = {}  # ordered set
    for word in han_words(text):
        for sub in sub_words(word):
            extra[sub] = None
    for quantity in QUANTITY.findall(words):
        extra[quantity] = None  # Material splits 60日 into 60 and 日; keep the whole as typed
    for i in mentioned_groups(words, groups):
        for word in groups[i]:
            extra[word] = None
    m = ARTICLE.match(words.strip())
    if m:
        n = int(m.group(1))
        # Material segments a query only against shorter tokens, so 第二十二 is what matches 第二十二条.
        for form in (f"第{n}条", f"第{cn_number(n)}条", f"第{cn_number(n)}"):
            extra[form] = None
    return [w for w in extra if w.lower() not in present]


KINDS = [  # (location prefix, what a result is): shown on each result, so equal titles differ
    ("regulations/xinfang-gongzuo-tiaoli/", "条文"),
    ("regulations/", "速查"),
    ("checklists/", "清单"),
    ("print/", "清单"),
    ("techniques/", "技巧"),
    ("risk/", "风险"),
    ("cases/", "案例"),
    ("handouts/", "案例"),
    ("finder/", "场景"),
    ("training/", "培训"),
    ("local/", "本单位"),
]
NAVIGATION = re.compile(r"^相关(清单|页面|案例|条文)")  # "相关清单和页面": link lists, not text to find
TAG_BOOST = 10  # Material weights page tags 1,000,000: a tag then outranks every word of the text


def kind(location: str) -> str:
    return next((label for prefix, label in KINDS if location.startswith(prefix)), "页面")


def said_words(says: str, groups: list[list[str]]) -> list[str]:
    """The words of a situation's common sayings: each saying, its words, their sub-words and synonyms."""
    jieba = jieba_with_domain_words()
    words: dict[str, None] = {}
    for saying in SEPARATOR.split(says):
        if saying:
            words[saying.lower()] = None
            for w in jieba.cut(saying):
                if len(w) >= 2 and HAN.fullmatch(w):
                    words[w] = None
    for w in keywords(says, groups, set(words)):
        words[w] = None
    return list(words)


def boost(location: str) -> float:
    weight = next((weight for prefix, weight in BOOSTS if location.startswith(prefix)), None)
    if weight is None and location.split("#")[0].count("/") <= 1:
        return 0.5  # the home page and section indexes mostly repeat what they link to
    return weight or 1.0


def enrich(index: dict, groups: list[list[str]]) -> dict:
    """Add the hidden keywords field, a weight, and what and where it is to every entry.

    Sections that only list links (相关清单和页面) are dropped, and so are headings with nothing
    under them (a chapter title, 怎么做 before its subsections, a box kept out of the index):
    a result there leads to a heading and outranks the section that holds the answer. Material shows an entry's tags under it; they become its kind and, for a section, the page
    it belongs to (清单 · 群体访接待). The page's own tags move into the keywords, and the tags
    field is weighted a little above the text instead of above everything."""
    index["docs"] = [d for d in index["docs"] if not NAVIGATION.match(plain(d.get("title", "")))
                     and ("#" not in d["location"] or plain(d.get("text", "")))]
    pages = {doc["location"]: plain(doc.get("title", "")) for doc in index["docs"] if "#" not in doc["location"]}
    fields = index["config"]["fields"]
    if "tags" in fields:
        fields["tags"]["boost"] = TAG_BOOST
    for doc in index["docs"]:
        location = doc["location"]
        page = location.split("#")[0]
        page_tags = doc.pop("tags", [])
        doc["tags"] = [kind(location)] + ([pages[page]] if "#" in location and page in pages else [])
        weight = boost(doc["location"])
        if weight != 1.0:
            doc["boost"] = weight
        title, text = doc.get("title", ""), doc.get("text", "")
        title_tokens, text_tokens = tokens(title), tokens(text)
        in_title = keywords(title, groups, title_tokens)
        says = SAYS.search(plain(text)) if location.startswith("finder/#") else None
        if says:  # what officers say of a situation weighs like its title
            in_title += [w for w in said_words(says.group(1), groups) if w not in in_title and w not in title_tokens]
        in_text = [w for w in keywords(text, groups, title_tokens | text_tokens) if w not in in_title]
        in_text += [t for t in page_tags if t.lower() not in text_tokens and t not in in_text]
        if in_title:
            doc["title_keywords"] = "\u200b".join(in_title)
        if in_text:
            doc["keywords"] = "\u200b".join(in_text)
    return index
