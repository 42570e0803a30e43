"""The content contract of issues 3 and 4: counts, coverage, and key facts under the right anchors."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import ROOT
from htmlsite import resolve, soup

from kb import load_library
from kb.pages import doc_pages, front_matter
from kb.render import page_url
from kb.terms import lint_text

LIB = load_library(ROOT)
GUIDE = "regulations/xinfang-gongzuo-tiaoli/"

CHECKLIST_TOPICS = {
    "before-reception", "visit-registration", "interview", "agitated-visitor", "group-visit", "dangerous-items",
    "phone-reception", "online-petition", "acceptance-notice", "forwarding", "deadline-tracking", "opinion-review",
    "review-recheck", "litigation-diversion", "whistleblower-confidentiality", "public-opinion", "mass-incident",
    "leader-reception-day", "follow-up-visit", "special-visitors", "soe-petitions",
}
CASE_CATEGORIES = {
    "欠薪", "劳动社保", "征地拆迁", "物业住房", "环境污染", "农村土地与村务", "涉法涉诉", "检举控告", "重复信访与积案",
    "越级走访", "集体访", "国企改制与内部管理", "退役军人", "医疗教育民政", "建议意见", "缠访闹访的依法处置",
}
PAGES = {
    "regulations": ["index", "time-limits", "flow", "2005-2022-mapping", "classified-handling", "prohibited-acts",
                    "three-types", "protections", "related-rules"],
    "techniques": ["reception-flow", "listening-empathy", "questioning", "explaining-policy", "emotions",
                   "problem-solving", "special-visitors", "group-visits", "phone-online", "documents",
                   "confidentiality", "officer-safety"],
    "risk": ["causes", "signals", "levels-reporting", "mass-incidents", "public-opinion", "extreme-behaviour",
             "after-action", "soe"],
}

# Facts that must stand under the anchor of the article they come from (checked in the built page).
FACTS = {
    2: ["国有企事业单位"],
    5: ["属地管理", "分级负责", "谁主管", "谁负责"],
    7: ["联席会议协调"],
    11: ["国家信访局"],
    16: ["信访督查专员"],
    17: ["信息网络", "书信", "电话", "传真", "走访", "电子邮件"],
    18: ["打击报复", "联合接访", "包案化解"],
    19: ["不予受理"],
    20: ["5人", "本级或上一级"],
    21: ["信访信息系统", "查询", "评价"],
    22: ["15日", "政法部门", "纪检监察"],
    23: ["15日", "5个工作日"],
    25: ["国家信访局"],
    26: ["危险物品"],
    27: ["帮扶救助"],
    28: ["诉访分离", "回避"],
    30: ["纪检监察", "透露"],
    31: ["信访处理意见书", "听证", "仲裁", "行政复议"],
    32: ["支持", "解释说明", "不予支持"],
    33: ["调解协议书"],
    34: ["60日", "30日", "负责人"],
    35: ["30日", "复查"],
    36: ["30日", "不再受理", "听证"],
    37: ["社会救助", "司法救助"],
    39: ["约谈", "挂牌督办"],
    46: ["打击报复", "吃拿卡要", "负面舆情"],
    47: ["劝阻", "公安机关"],
    48: ["外国人"],
    49: ["国家信访局"],
    50: ["2022年5月1日"],
}


def article_text(site, n: int) -> str:
    heading = soup(site, GUIDE).find(id=f"art-{n}")
    parts = []
    for el in heading.find_next_siblings():
        if el.name in ("h2", "h3"):
            break
        parts.append(el.get_text(" "))
    return "".join(" ".join(parts).split())


def test_at_least_18_checklists_covering_the_work():
    assert len(LIB.checklists) >= 18
    assert CHECKLIST_TOPICS <= set(LIB.checklists)


def test_at_least_24_cases_covering_the_categories():
    assert len(LIB.cases) >= 24
    assert CASE_CATEGORIES <= {c.category for c in LIB.cases.values()}


def test_cases_show_poor_handling_as_well_as_good():
    verdicts = Counter(c.verdict for c in LIB.cases.values())
    assert verdicts["处理失当"] >= 3 and verdicts["处理得当"] >= 10
    poor = [c for c in LIB.cases.values() if c.verdict != "处理得当"]
    assert all(c.went_wrong for c in poor)


def test_every_case_cites_an_article_and_a_checklist():
    for case in LIB.cases.values():
        assert case.articles and case.checklists and 2 <= len(case.questions) <= 4, case.id


def test_checklist_header_fields():
    for c in LIB.checklists.values():
        assert c.roles and c.when and c.basis_articles and c.owner and c.version and c.effective and c.next_review
        assert c.mode in ("逐项执行", "执行后核对") and len(c.pause_points) <= 3


def test_all_50_articles_have_an_anchor_and_a_summary(site):
    assert sorted(LIB.regulation.articles) == list(range(1, 51))
    for n, a in LIB.regulation.articles.items():
        assert a.summary and a.desk, n
        assert len(article_text(site, n)) > 60, n


@pytest.mark.parametrize("n", sorted(FACTS))
def test_key_facts_sit_under_the_right_article(site, n):
    text = article_text(site, n)
    missing = [fact for fact in FACTS[n] if fact not in text]
    assert missing == [], f"第{n}条 lacks {missing}"


def test_email_is_not_presented_as_a_2022_channel(site):
    text = article_text(site, 17)
    sentence = next(s for s in re.split("[。；]", text) if "电子邮件" in s)
    assert re.search("没有|不是|不包括|并无|2005", sentence)


@pytest.mark.parametrize("section, name", [(s, n) for s, names in PAGES.items() for n in names])
def test_each_topic_has_its_page(site, section, name):
    page = soup(site, f"{section}/" + ("" if name == "index" else f"{name}/"))
    assert page.select_one("article h1") is not None


def test_technique_pages_follow_one_outline():
    for name in PAGES["techniques"]:
        text = (ROOT / "docs" / "techniques" / f"{name}.md").read_text("utf-8")
        for heading in ("## 怎么做", "## 依据"):
            assert heading in text, (name, heading)
        if name != "documents":
            assert "## 规范用语与忌语" in text and "## 做与不做" in text, name


def test_time_limit_table_links_every_deadline_to_its_article(site):
    page = soup(site, "regulations/time-limits/")
    anchors = {a["href"].split("#")[1] for a in page.select("article a[href*='#art-']")}
    assert {"art-22", "art-23", "art-34", "art-35", "art-36"} <= anchors
    text = "".join(page.get_text().split())
    for limit in ("15日", "5个工作日", "60日", "30日"):
        assert limit in text


def test_flow_diagram_renders_without_internet(site):
    page = soup(site, "regulations/flow/")
    svg = page.select_one("article svg")
    assert svg is not None and svg.find("title") is not None
    assert not svg.find_all(attrs={"href": re.compile("^https?:")})
    assert "登记" in svg.get_text() and "复核" in svg.get_text()


def test_every_page_is_within_two_clicks_of_the_home_page(site):
    def content_links(url):
        targets = set()
        for a in soup(site, url).select("article a[href]"):
            found = resolve(url, a["href"])
            if found and not found[0].endswith(".html"):
                targets.add(found[0])
        return targets

    reached = {""}
    frontier = {""}
    for _ in range(2):
        frontier = {t for url in frontier for t in content_links(url)} - reached
        reached |= frontier
    pages = [p.uri for p in doc_pages(ROOT / "docs")] + [c.src_uri for c in LIB.checklists.values()]
    pages += [c.src_uri for c in LIB.cases.values()] + ["regulations/xinfang-gongzuo-tiaoli.md"]
    assert sorted({page_url(uri) for uri in pages} - reached) == []


def test_hand_written_pages_have_moments_and_review_dates():
    for page in doc_pages(ROOT / "docs"):
        meta = front_matter((ROOT / "docs" / page.uri).read_text("utf-8"))
        assert meta.get("reviewed"), page.uri
        if page.uri.startswith(("techniques/", "risk/", "regulations/")) and not page.uri.endswith("index.md"):
            assert page.moments, page.uri


@pytest.mark.parametrize("text", [
    "依据《信访工作条例》第三十三条，办理期限为60日。",
    "根据条例第二十一条，应在15日内转送。",
    "复查应在30日内提出（条例第34条）。",
    "信访人可以通过电子邮件向机关反映（《信访工作条例》第十七条）。",
    "首办责任制是《信访工作条例》确立的制度。",
    "《信访工作条例》（国务院令第752号）。",
    "依照《信访条例》第二十一条办理。",
    "对这个上访户要提高警惕。",
    "《中华人民共和国信访工作条例》第一条。",
    "《信访工作条例》第五十五条规定。",
])
def test_terminology_lint_catches_known_errors(text):
    assert lint_text(text)


@pytest.mark.parametrize("text", [
    "办理期限为60日（《信访工作条例》第34条），2005年《信访条例》是第33条。",
    "2022年条例列举的形式没有电子邮件。",
    "首办责任制来自地方信访条例，不是《信访工作条例》的规定。",
    "《信访工作条例》没有国务院令编号。",
    "复查（第35条）和复核（第36条）都是30日。",
    "《保障农民工工资支付条例》第31条规定总包代发。",
])
def test_terminology_lint_lets_correct_text_pass(text):
    assert lint_text(text) == []
