"""Law you can cite: each finding of the December 2026 content review stays fixed.

`../shared/reviews/2026-12-content-review.md` checked the site against the official texts. For each
wrong statement there is a test here that asserts the corrected fact under its anchor, or the
absence of the wrong phrase; omissions and weak citations that carry a fact get one too.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from test_content import article_text

from kb import load_library
from kb.terms import lint_text

LIB = load_library(ROOT)
CONTENT = [p for folder in ("docs", "checklists", "cases", "regulations", "scenarios")
           for p in sorted((ROOT / folder).rglob("*")) if p.suffix in (".md", ".yml")]


def text_of(rel: str) -> str:
    return (ROOT / rel).read_text("utf-8")


def flat(text: str) -> str:
    return "".join(text.split())


def sentences_with(word: str):
    for path in CONTENT:
        for sentence in re.split(r"[。\n]", path.read_text("utf-8")):
            if word in sentence:
                yield path.relative_to(ROOT).as_posix(), sentence


def item(ref: str):
    return LIB.checklist_item(ref)[1]


# ---- the four wrong statements -----------------------------------------------------------------

def test_organising_a_joint_visit_is_not_a_prohibited_act():
    """§1 #1: 第26条（五） lists 煽动、串联、胁迫、以财物诱使、幕后操纵 — not 组织."""
    for rel, sentence in sentences_with("第26条"):
        plain = sentence.replace("*", "")
        assert not re.search(r"组织[、，]?煽动|组织他人信访|组织.{0,4}(属于|是).{0,6}禁止", plain), (rel, sentence)
    row = next(line for line in text_of("docs/risk/signals.md").splitlines() if "第五项" in line)
    assert "合法" in row and "art-20" in row


def test_wage_regulation_article_36_keeps_its_term():
    """§1 #3: 「不具备合法经营资格的单位」, not 无资质单位 (资质 is a narrower, different test)."""
    for path in CONTENT:  # named only as the wording not to use, in quotation marks
        assert not re.search(r"(?<!“)无资质单位", path.read_text("utf-8")), path
    assert "「不具备合法经营资格的单位」" in text_of("docs/regulations/related-rules.md")
    c = item("soe-petitions#illegal-subcontract")
    assert "合法经营资格" in c.text and "「不具备合法经营资格的单位」" in c.note


def test_a_case_rated_good_gives_the_written_notice():
    """§1 #2: soe-wage-query gives the 第23条第2款 written notice on the spot."""
    case = LIB.cases["soe-wage-query"]
    handling = "".join(p for step in case.handling for p in step.text)
    assert case.verdict == "处理得当"
    assert "当场" in handling and "书面告知" in handling
    assert any("art-23" in step.articles for step in case.handling)


def test_fifteen_days_have_not_lapsed_after_two_weeks():
    """§1 #4: at day 14 the breach is the missing 登记; the 15日 period has not run out."""
    case = LIB.cases["wage-arrears-runaround"]
    step = next(s for s in case.handling if "两周" in "".join(s.text))
    text = "".join(step.text)
    assert "全部落空" not in text and "登记" in text and "即将届满" in text


# ---- omissions and weak citations that carry a fact ----------------------------------------------

def test_upper_level_bar_keeps_its_condition(site):
    """§1 #7: 第19条第3款 bars the upper level only 「在规定期限内」."""
    assert "规定期限内" in article_text(site, 19)
    assert "「在规定期限内」" in item("acceptance-notice#verify-pending").note


def test_article_23_names_its_fourth_paragraph(site):
    text = article_text(site, 23)
    assert "第4款" in text and "纪检监察" in text and "政法部门" in text


def test_article_50_does_not_claim_the_repeal(site):
    """§2 art 50: 第50条 only sets the effective date; the repealing instrument is unverified."""
    text = article_text(site, 50)
    assert "2022年5月1日" in text and "核实" in text
    assert not re.search(r"(本条|第50条)[^。]{0,10}取代", text)


def test_soe_chief_responsibility_comes_from_the_2016_document():
    """§1 #10: 「主要负责人负总责」 is the 2016 《信访工作责任制实施办法》, not 第5条."""
    for rel, sentence in sentences_with("负总责"):
        if "没有" in sentence or "不是" in sentence:
            continue
        assert "责任制实施办法" in sentence, (rel, sentence)


def test_asking_for_recusal_is_a_local_rule_not_the_2022_text():
    row = next(line for line in text_of("docs/regulations/protections.md").splitlines() if line.startswith("| 回避"))
    assert "没有规定" in row and "地方规定：《北京市信访条例》第16条" in row


def test_extension_approval_before_expiry_is_labelled_practice():
    """§8.3: approving the 第34条 extension before day 60 is an inference, not text."""
    for rel, sentence in sentences_with("届满前"):
        if "延" in sentence and "60" in sentence:
            assert "良好做法" in sentence or "没有写" in sentence or "未写明" in sentence, (rel, sentence)


def test_id_is_not_a_condition_of_registration():
    """§4: 第19条 asks for 姓名（名称）、住址; refusing to show ID is no ground to refuse registration."""
    assert "照样登记" in item("visit-registration#record-identity").text


def test_people_are_contacted_with_consent():
    """Family or community come in with the person's consent, except in an emergency."""
    special = LIB.checklists["special-visitors"]
    family = [i for i in special.items if "家属" in i.text]
    assert family and all("同意" in i.text for i in family)
    group = LIB.checklists["group-visit"]
    others = next(i for i in group.items if i.id == "register-others")
    assert "自愿" in others.text and "组织者" not in others.text
    assert "同意" in LIB.scenarios["intoxicated"].first


def test_personal_data_of_petitioners_is_not_cited_to_article_30():
    """§4: 第30条第3款 covers 检举、揭发材料 only."""
    assert "art-30" not in item("online-petition#hide-personal").articles


def test_the_mapping_lists_the_commonly_cited_old_articles():
    """§1 #5 and #6: the old articles officers still cite, and where coverage shrank."""
    rows = [line for line in text_of("docs/regulations/2005-2022-mapping.md").splitlines() if line.startswith("|")]
    old_column = [row.split("|")[2] for row in rows if row.count("|") > 3]
    for old in ("第6条", "第10条", "第14条", "第15条", "第21条", "第36条", "第39条"):
        assert any(cell.strip().startswith(old) or f"；{old}" in cell for cell in old_column), old
    feedback = next(row for row in rows if row.split("|")[2].strip().startswith("第36条"))
    assert "30" in feedback and "art-40" in feedback and re.search("没有|不再", feedback)
    enterprises = next(row for row in rows if "第49条" in row.split("|")[2])
    assert "民营" in enterprises and "社会团体" in enterprises


# ---- the course's own names, and the cases for the gaps ------------------------------------------

@pytest.mark.parametrize("page, heading", [
    ("techniques/emotions.md", "自我调节"), ("techniques/emotions.md", "情感共鸣"),
    ("risk/index.md", "识别风险"), ("risk/index.md", "制定应对策略"), ("risk/index.md", "加强沟通协作"),
])
def test_the_course_terms_have_their_own_sections(page, heading):
    headings = re.findall(r"^#{2,3} (.+?) \{#([a-z-]+)\}$", text_of(f"docs/{page}"), re.M)
    assert any(heading in title for title, _ in headings), (page, heading)


GAP_CASES = {  # what the review found missing -> the case and the article it must rest on
    "group-visit-urgent-report": "art-25", "extension-told": "art-34", "recheck-hearing": "art-36",
    "soe-written-notice": "art-23", "suggestion-adopted-reward": "art-29", "whistleblower-to-discipline": "art-30",
}


@pytest.mark.parametrize("case_id, article", sorted(GAP_CASES.items()))
def test_cases_for_the_gaps(case_id, article):
    case = LIB.cases[case_id]
    cited = set(case.articles) | {a for step in case.handling for a in step.articles}
    assert article in cited


def test_thirty_people_at_the_door_bring_a_report_under_article_25():
    case = LIB.cases["group-visit-urgent-report"]
    assert re.search(r"(3\d|[4-9]\d)\s*(多)?(名|人|位)", "".join(case.background + case.request))
    assert any("art-25" in step.articles for step in case.handling)


def test_whistleblower_notice_follows_paragraph_4():
    text = "".join(p for step in LIB.cases["whistleblower-to-discipline"].handling for p in step.text)
    assert "第23条第4款" in text and "纪检监察" in text


# ---- one way to label a source ------------------------------------------------------------------

def test_sources_are_labelled_one_way_everywhere():
    for path in CONTENT:
        text = path.read_text("utf-8")
        for variant in ("良好实践", "实践做法", "（仅作参考）", "地方性法规，仅作参考"):
            assert variant not in text, (path, variant)
    assert lint_text("这是《浙江省信访条例》第9条的规定。")
    assert lint_text("（地方规定：《浙江省信访条例》第9条）") == []
