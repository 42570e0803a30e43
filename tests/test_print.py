"""Printing in headless Chromium: one-pagers on exactly one A4 sheet, the binder, case handouts, ordinary pages."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from conftest import ROOT
from pypdf import PdfReader

from kb import load_library

LIB = load_library(ROOT)
A4 = (595.28, 841.89)  # points
PT = 96 / 72  # CSS px per pt


def pdf(page, url: str) -> PdfReader:
    page.goto(url, wait_until="networkidle")
    data = page.pdf(prefer_css_page_size=True, print_background=True)
    assert page.outside_requests == []
    return PdfReader(io.BytesIO(data))


def text(reader: PdfReader, i: int) -> str:
    # Noto CJK maps some ideographs to Kangxi radicals in the PDF's ToUnicode table (人 -> ⼈);
    # NFKC folds those back. The few from the Radicals Supplement block are matched loosely.
    return unicodedata.normalize("NFKC", "".join(reader.pages[i].extract_text().split()))


def shows(printed: str, expected: str) -> bool:
    """Whether extracted PDF text holds a string (spaces ignored)."""
    expected = unicodedata.normalize("NFKC", "".join(expected.split()))
    pattern = "".join(f"(?:{re.escape(c)}|[\u2e80-\u2eff])" for c in expected)
    return re.search(pattern, printed) is not None


def is_a4(p) -> bool:
    w, h = float(p.mediabox.width), float(p.mediabox.height)
    return abs(w - A4[0]) < 2 and abs(h - A4[1]) < 2


@pytest.mark.parametrize("cid", sorted(LIB.checklists))
def test_one_pager_prints_on_one_a4_sheet(page, served, cid):
    c = LIB.checklists[cid]
    reader = pdf(page, f"{served}print/{cid}/")
    assert len(reader.pages) == 1, f"{cid} prints on {len(reader.pages)} pages"
    assert is_a4(reader.pages[0])
    printed = text(reader, 0)
    assert shows(printed, c.title) and c.id in printed and shows(printed, c.items[-1].text)


@pytest.mark.parametrize("cid", sorted(LIB.checklists))
def test_one_pager_is_legible(page, served, cid):
    page.goto(f"{served}print/{cid}/")
    page.emulate_media(media="print")
    sizes = page.evaluate("""() => {
      const px = el => parseFloat(getComputedStyle(el).fontSize);
      const lh = el => parseFloat(getComputedStyle(el).lineHeight) / px(el);
      const sheet = document.querySelector('.sheet');
      const texts = [...sheet.querySelectorAll('*')].filter(el =>
          [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
      return {
        smallest: Math.min(...texts.map(px)),
        items: Math.min(...[...sheet.querySelectorAll('.items .text')].map(px)),
        headings: Math.min(...[...sheet.querySelectorAll('h1, h2')].map(el => px(el.childNodes[0].parentElement))),
        lineHeight: Math.min(...[...sheet.querySelectorAll('.items li, .facts td, footer p')].map(lh)),
        inputs: sheet.querySelectorAll('input, select, textarea').length,
        boxes: sheet.querySelectorAll('.items .box').length,
        fillWidths: [...sheet.querySelectorAll('.fill span')].map(el => el.getBoundingClientRect().width),
        fillLabels: [...sheet.querySelectorAll('.fill span')].map(el => el.textContent.trim()),
        qr: sheet.querySelector('footer .qr svg') !== null,
        url: sheet.querySelector('footer .url').textContent.trim(),
        colors: [...new Set(texts.map(el => getComputedStyle(el).color))],
        lang: document.documentElement.lang,
        font: getComputedStyle(document.documentElement).fontFamily,
      };
    }""")
    c = LIB.checklists[cid]
    assert sizes["smallest"] >= 10.5 * PT - 0.01
    assert sizes["items"] >= 12 * PT - 0.01
    assert sizes["headings"] >= 14 * PT - 0.01
    assert sizes["lineHeight"] >= 1.4
    assert sizes["inputs"] == 0 and sizes["boxes"] == len(c.items)
    assert sizes["fillLabels"][:3] == ["日期", "信访件编号", "经办人签字"]
    assert min(sizes["fillWidths"]) >= 40 / 25.4 * 96 - 0.5  # 40 mm
    assert sizes["qr"] and sizes["url"].endswith(f"/checklists/{cid}/")
    assert sizes["colors"] == ["rgb(0, 0, 0)"]
    assert sizes["lang"] == "zh-CN" and sizes["font"].startswith('"Noto Sans CJK SC"')


def test_qr_code_encodes_the_canonical_address(page, served):
    cid = sorted(LIB.checklists)[0]
    page.goto(f"{served}print/{cid}/")
    canonical = page.eval_on_selector('link[rel="canonical"]', "el => el.href")
    printed = page.text_content("footer .url").strip()
    assert canonical == printed and printed.endswith(f"checklists/{cid}/")


def test_binder_prints_one_sheet_per_checklist(page, served):
    order = sorted(LIB.checklists.values(), key=lambda c: (("接待前", "接待中", "接待后", "突发情况").index(c.stage), c.title))
    reader = pdf(page, f"{served}print/binder/")
    assert len(reader.pages) == len(order) + 2  # cover, contents, one sheet each
    assert all(is_a4(p) for p in reader.pages)
    assert shows(text(reader, 0), "合订本") and shows(text(reader, 1), "目录")
    for i, c in enumerate(order, start=2):
        printed = text(reader, i)
        assert shows(printed, c.title) and c.id in printed, (i, c.id)


def lowest_text(pdf_page) -> float:
    """How far down the page its text reaches (points from the bottom), page numbers aside."""
    heights = []

    def seen(text, cm, tm, font, size):
        if text.strip():
            heights.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

    pdf_page.extract_text(visitor_text=seen)
    margin = 14 * 72 / 25.4  # the bottom margin, where the page number sits
    return min(y for y in heights if y > margin)


@pytest.mark.parametrize("cid", sorted(LIB.cases))
def test_case_handout_fits_two_numbered_a4_pages(page, served, cid):
    case = LIB.cases[cid]
    reader = pdf(page, f"{served}handouts/{cid}/")
    assert 1 <= len(reader.pages) <= 2, f"{cid} handout prints on {len(reader.pages)} pages"
    pages = [text(reader, i) for i in range(len(reader.pages))]
    assert shows("".join(pages), case.title) and shows(pages[-1], case.questions[-1])
    for i, printed in enumerate(pages, 1):
        assert shows(printed, f"第{i}页/共{len(pages)}页"), (cid, i)
    # Every sheet is used to its foot: on the last one the questions leave room for answers
    # down to the footer, which sits in the bottom fifth of the page.
    for i, p in enumerate(reader.pages):
        assert lowest_text(p) < 0.2 * float(p.mediabox.height), f"{cid}: page {i + 1} ends high"


@pytest.mark.parametrize("url", ["", "checklists/before-reception/", "regulations/xinfang-gongzuo-tiaoli/", "cases/"])
def test_ordinary_pages_print_without_navigation_or_trailing_blank_page(page, served, url):
    reader = pdf(page, f"{served}{url}")
    first, last = text(reader, 0), text(reader, len(reader.pages) - 1)
    assert "跳转至" not in first and "导航栏" not in first  # Material's skip link and nav labels
    assert last, "the last printed page is blank"


def test_checklist_page_has_a_visible_print_button(page, served):
    cid = sorted(LIB.checklists)[0]
    page.goto(f"{served}checklists/{cid}/")
    button = page.locator("a.kb-print-button")
    assert button.is_visible() and "打印" in button.inner_text()
    with page.expect_navigation():
        button.click()
    assert page.url in (f"{served}print/{cid}/", f"{served}print/{cid}/index.html")
    assert page.locator(".sheet h1").inner_text() == LIB.checklists[cid].title
