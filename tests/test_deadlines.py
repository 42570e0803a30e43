"""时限计算器: the holiday table (kb/holidays.py, added to the site by kb/tree.py) and the calculator in Chromium
(docs/assets/javascripts/deadlines.js) on regulations/time-limits/#calculator.

The expected dates are written out literally, counted by hand from the 国务院办公厅 holiday
notices (each case says how); chinese_calendar only double-checks the count.
Rule (stated on the page): 日 = calendar days, the day of the event not counted; a last day that is
a rest day (Saturday, Sunday or a day off under the notice, but not a 调休 working weekend) moves to
the next working day; 工作日 skips rest days and counts 调休 working weekends.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from pathlib import Path
from types import SimpleNamespace

import chinese_calendar
import pytest
from conftest import ROOT, build_site

from kb.holidays import URI, HolidayTableError, build_table, to_js, write_js

PAGE = "regulations/time-limits/"
TABLE = build_table()
FIRST, LAST = TABLE["years"]
# Which articles each event's rows cite (第22–23条 受理; 第34条 办理; 第35条 复查; 第36条 复核).
ARTICLES = {"register": {22, 23}, "forwarded": {23}, "accepted": {34}, "reply": {35},
            "review-received": {35}, "review-reply": {36}, "recheck-received": {36}}


# ---- double-checks against chinese_calendar (not the source of the expected dates) ------------

def cc_days(start: str, n: int) -> str:
    end = datetime.date.fromisoformat(start) + datetime.timedelta(days=n)
    while not chinese_calendar.is_workday(end):
        end += datetime.timedelta(days=1)
    return end.isoformat()


def cc_workdays(start: str, n: int) -> str:
    day, counted = datetime.date.fromisoformat(start), 0
    while counted < n:
        day += datetime.timedelta(days=1)
        counted += chinese_calendar.is_workday(day)
    return day.isoformat()


# ---- kb/holidays.py ------------------------------------------------------------------------------

def test_the_table_covers_the_years_of_the_package():
    assert TABLE["years"] == [min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year]
    assert FIRST <= 2025 and LAST >= 2026  # the test cases below need 2025 and 2026
    for key in ("holidays", "workdays"):
        days = TABLE[key]
        assert days == sorted(set(days)) and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in days)
        assert all(FIRST <= int(d[:4]) <= LAST for d in days)
    assert not set(TABLE["holidays"]) & set(TABLE["workdays"])
    assert all(datetime.date.fromisoformat(d).weekday() >= 5 for d in TABLE["workdays"])


def test_the_table_holds_the_official_arrangements():
    # 2025 国庆节、中秋节: 10月1日至8日放假调休，9月28日（周日）、10月11日（周六）上班.
    assert {f"2025-10-0{d}" for d in range(1, 9)} <= set(TABLE["holidays"])
    assert {"2025-09-28", "2025-10-11"} <= set(TABLE["workdays"])
    # 2026 春节: 2月15日至23日放假调休，2月14日（周六）、2月28日（周六）上班.
    assert {f"2026-02-{d}" for d in range(15, 24)} <= set(TABLE["holidays"])
    assert {"2026-02-14", "2026-02-28"} <= set(TABLE["workdays"])
    assert "2025-11-16" not in TABLE["holidays"]  # an ordinary Sunday is not in the notice's list


def test_the_script_sets_a_global_that_holds_the_table(tmp_path):
    js = to_js(TABLE)
    match = re.search(r"^window\.KB_HOLIDAYS = (\{.*\});$", js, re.M)
    assert match and json.loads(match.group(1)) == TABLE
    assert "fetch" not in js
    path = write_js(tmp_path / "a" / "holidays.js", TABLE)
    assert path.read_text("utf-8") == js


def test_a_calendar_that_does_not_hold_together_is_refused():
    d = datetime.date
    both = SimpleNamespace(holidays={d(2025, 10, 1): "x", d(2025, 10, 11): "x"}, workdays={d(2025, 10, 11): "x"})
    weekday = SimpleNamespace(holidays={d(2025, 10, 1): "x"}, workdays={d(2025, 10, 9): "x"})
    empty = SimpleNamespace(holidays={}, workdays={})
    for calendar in (both, weekday, empty):
        with pytest.raises(HolidayTableError):
            build_table(calendar)
    ok = SimpleNamespace(holidays={d(2025, 10, 1): "x"}, workdays={d(2025, 10, 11): "x"})
    assert build_table(ok) == {"years": [2025, 2025], "holidays": ["2025-10-01"], "workdays": ["2025-10-11"]}


def test_the_built_site_ships_the_table_before_the_calculator(site):
    assert (site / URI).read_text("utf-8") == to_js(TABLE)
    html = (site / PAGE / "index.html").read_text("utf-8")
    scripts = re.findall(r'<script src="([^"]+)"', html)
    names = [s.rsplit("/", 1)[-1].split("?")[0] for s in scripts]
    assert "holidays.js" in names and "deadlines.js" in names
    assert names.index("holidays.js") < names.index("deadlines.js")
    assert 'data-kb-deadlines' in html and 'id="calculator"' in html


def test_the_calculator_needs_no_inline_script_and_no_inner_html():
    js = re.sub(r"//[^\n]*", "", (ROOT / "docs" / "assets" / "javascripts" / "deadlines.js").read_text("utf-8"))
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "fetch(" not in js
    assert not re.search(r"setAttribute\(\s*['\"]on", js)
    page = (ROOT / "docs" / "regulations" / "time-limits.md").read_text("utf-8")
    assert "<script" not in page and not re.search(r"\son[a-z]+=", page)


# ---- in Chromium -----------------------------------------------------------------------------------

def calculate(page, url: str, date: str, event: str) -> dict:
    """Fill the form, press 计算期限, and read the result rows by their 期限."""
    if page.url.split("#")[0] != url.split("#")[0]:
        page.goto(url, wait_until="load")
    page.wait_for_selector(".kb-deadlines form", timeout=10_000)  # none: deadlines.js is not on the page
    page.fill(".kb-deadlines input[type=date]", date)
    page.select_option(".kb-deadlines select", event)
    page.click(".kb-deadlines button[type=submit]")
    return rows(page)


def rows(page) -> dict:
    found = page.eval_on_selector_all(".kb-deadlines tbody tr", """rows => rows.map(r => {
        const t = r.querySelector('time'), a = r.cells[2].querySelector('a');
        return {what: r.dataset.kbDeadline, date: t ? t.getAttribute('datetime') : null,
                period: r.cells[0].innerText, shown: r.cells[1].innerText, href: a && a.getAttribute('href'),
                basis: r.cells[2].innerText, note: r.cells[3].innerText};
    })""")
    return {r["what"]: r for r in found}


@pytest.fixture
def errors(page):
    seen = []
    page.on("pageerror", lambda e: seen.append(str(e)))
    page.on("console", lambda m: seen.append(m.text) if m.type == "error" else None)
    return seen


def test_a_5_workday_objection_across_the_national_day_holiday(page, served, errors):
    # Received 2025-09-29 (Mon); the day itself is not counted. 2025 notice: 10月1日–8日 off,
    # 10月11日 (Sat) worked. Working days: 9-30 Tue (1); 10-1…10-8 off; 10-9 Thu (2), 10-10 Fri (3),
    # 10-11 Sat 调休上班 (4); 10-12 Sun off; 10-13 Mon (5)  ->  2025-10-13.
    # The 15日 notice: 9-29 + 15 calendar days = 10-14 (Tue, a working day)  ->  2025-10-14.
    found = calculate(page, served + PAGE, "2025-09-29", "forwarded")
    assert found["提出异议"]["date"] == "2025-10-13" == cc_workdays("2025-09-29", 5)
    assert "5个工作日" in found["提出异议"]["period"]
    assert "2025年10月13日（星期一）" in found["提出异议"]["shown"]
    assert found["书面告知信访人接收情况和处理途径"]["date"] == "2025-10-14" == cc_days("2025-09-29", 15)
    assert all(r["basis"].startswith("第23条") and r["basis"].endswith("第3款") for r in found.values())
    assert errors == [] and page.outside_requests == []


def test_a_15_day_period_ending_on_a_sunday_moves_to_monday(page, served, errors):
    # Registered 2025-11-01 (Sat). Day 1 is 11-02, day 15 is 11-16, a Sunday with no 调休 work:
    # a rest day, so the period ends on the next working day, Monday 2025-11-17.
    found = calculate(page, served + PAGE, "2025-11-01", "register")
    assert set(found) == {"转送、交办", "书面告知信访人（直接提出的事项）"}
    for row in found.values():
        assert row["date"] == "2025-11-17" == cc_days("2025-11-01", 15)
        assert "2025年11月16日（星期日）" in row["note"] and "顺延" in row["note"]
    # Each line says which bodies the period binds: 第22条 信访部门, 第23条 the other bodies.
    assert found["转送、交办"]["basis"].startswith("第22条") and "信访部门" in found["转送、交办"]["note"]
    direct = found["书面告知信访人（直接提出的事项）"]
    assert direct["basis"].startswith("第23条") and "信访部门以外" in direct["note"]
    assert errors == []


@pytest.mark.parametrize("accepted, deadline, extended", [
    # Accepted 2025-12-22 (Mon). Day 60: 9 days to 12-31, 31 in January (40), 20 in February -> 2026-02-20
    # (Fri), inside the 2026 Spring Festival break (2月15日–23日 off), so the period ends on the first
    # day after it, Tue 2026-02-24. With the 30日 extension, day 90 is 2026-03-22 (Sun) -> Mon 2026-03-23.
    ("2025-12-22", "2026-02-24", "2026-03-23"),
    # Accepted 2026-01-10 (Sat). The whole break lies inside the period and is counted as calendar days:
    # 21 days to 01-31, 28 in February (49), 11 in March -> Wed 2026-03-11, a working day, unchanged.
    # Day 90: 2026-04-10 (Fri), a working day.
    ("2026-01-10", "2026-03-11", "2026-04-10"),
])
def test_a_60_day_period_across_the_spring_festival(page, served, errors, accepted, deadline, extended):
    found = calculate(page, served + PAGE, accepted, "accepted")
    assert found["办结"]["date"] == deadline == cc_days(accepted, 60)
    assert found["延长后最迟办结"]["date"] == extended == cc_days(accepted, 90)
    assert all(r["basis"] == "第34条" for r in found.values())
    assert "第31条第六项" in found["办结"]["note"]
    assert errors == []


def test_a_date_outside_the_holiday_table_is_flagged(page, served):
    # Accepted 2026-11-15: day 60 is 2027-01-14, after the last year of the table.
    found = calculate(page, served + PAGE, "2026-11-15", "accepted")
    flag = f"该日期超出节假日表覆盖的年份（{FIRST}–{LAST}），未计入节假日调整"
    assert found["办结"]["date"] == "2027-01-14" and flag in found["办结"]["note"]
    assert "超出节假日表覆盖的年份" in page.inner_text(".kb-deadlines [role=status]")
    # Inside the table, nothing is flagged.
    found = calculate(page, served + PAGE, "2025-12-22", "accepted")
    assert all("超出节假日表" not in r["note"] for r in found.values())


def test_every_event_lists_its_deadlines_with_linked_articles(page, served):
    page.goto(served + PAGE, wait_until="load")
    events = page.eval_on_selector_all(".kb-deadlines select option", "os => os.map(o => [o.value, o.textContent])")
    labels = dict(events)
    assert [labels[e] for e in ("register", "forwarded", "accepted", "reply", "review-reply")] == [
        "登记", "收到转送交办", "受理", "处理意见书送达", "复查意见送达"]
    assert set(labels) == set(ARTICLES)
    hrefs = set()
    for event, articles in ARTICLES.items():
        found = calculate(page, served + PAGE, "2025-03-03", event)
        assert found, event
        for row in found.values():
            n = int(re.fullmatch(r"第(\d+)条.*", row["basis"]).group(1))
            assert n in articles and row["href"].endswith(f"#art-{n}"), (event, row)
            assert row["date"] or "另行计算" in row["shown"], (event, row)
            hrefs.add(row["href"])
    # The 复查/复核 decisions run from the receipt of the request, and say so.
    reply = calculate(page, served + PAGE, "2025-03-03", "reply")
    assert "收到复查请求之日起30日" in reply["提出复查意见并书面答复"]["note"]
    assert reply["请求复查"]["date"] == "2025-04-02"  # 3-3 + 30: 28 days to 3-31, 4-2 is day 30 (Wed)
    review = calculate(page, served + PAGE, "2025-03-03", "recheck-received")
    assert "听证" in review["提出复核意见"]["note"]
    # Every link opens the article on the 条例 guide.
    urls = page.evaluate("hs => hs.map(h => new URL(h, location.href).href)", sorted(hrefs))
    for url in urls:
        page.goto(url, wait_until="load")
        assert page.url.startswith(served + "regulations/xinfang-gongzuo-tiaoli/"), url
        assert page.locator(f"#{url.rsplit('#', 1)[1]}").count() == 1, url


def test_the_page_states_the_counting_rule_and_the_years_from_the_data(page, served):
    page.goto(served + PAGE, wait_until="load")
    assert page.inner_text("[data-kb-holiday-years]") == f"{FIRST}年至{LAST}年"
    text = page.inner_text("article")
    for words in ["开始的当天不算", "《民法典》第201条、第203条", "没有逐字核对", "条例没有规定怎么数",
                  "周六、周日", "调休", "提醒，不是认定", "chinese-calendar"]:
        assert words in text, words


def test_the_calculator_is_labelled_works_by_keyboard_and_passes_axe(page, served):
    import axe_playwright_python

    page.goto(served + PAGE, wait_until="load")
    page.fill(".kb-deadlines input[type=date]", "2025-09-29")
    page.focus(".kb-deadlines input[type=date]")
    for _ in range(4):  # Tab walks the date's fields (year, month, day), then leaves it
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") != "INPUT":
            break
    assert page.evaluate("document.activeElement.tagName") == "SELECT"
    page.keyboard.press("ArrowDown")  # 登记 -> 收到转送交办
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('type')") == "submit"
    page.keyboard.press("Enter")
    assert rows(page)["提出异议"]["date"] == "2025-10-13"
    for control in ("input[type=date]", "select"):
        assert page.evaluate(f"document.querySelector('.kb-deadlines {control}').labels.length") == 1
    axe = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.evaluate(axe)
        result = page.evaluate("o => axe.run({include: ['.kb-deadlines']}, o)", {
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
            "resultTypes": ["violations"]})
        assert [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]
                if v["impact"] in ("serious", "critical")] == [], scheme


def test_on_a_390px_phone_nothing_overflows(browser, served):
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    calculate(page, served + PAGE, "2026-11-15", "accepted")  # the longest result lines, with the flag
    widths = page.evaluate("""() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,
        ...[...document.querySelectorAll('.kb-deadlines, .kb-deadlines table')].map(e => e.scrollWidth - e.clientWidth)]""")
    assert widths[0] <= widths[1] and all(w <= 1 for w in widths[2:]), widths
    context.close()


def test_the_calculator_runs_under_the_deployed_csp(browser, served):
    conf = (ROOT / "deploy" / "nginx" / "xfkb.conf").read_text("utf-8")
    csp = re.search(r'set \$csp "([^"]+)"', conf).group(1)
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)

    def with_csp(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": csp})

    page.route("http://127.0.0.1*/**", with_csp)
    found = calculate(page, served + PAGE, "2025-11-01", "register")
    assert found["转送、交办"]["date"] == "2025-11-17"
    assert refused == []
    context.close()


# ---- the offline copy, opened from file:// ---------------------------------------------------------

@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("offline-calc")
    saved = {k: os.environ.get(k) for k in ("OFFLINE", "SITE_URL")}
    os.environ["OFFLINE"], os.environ["SITE_URL"] = "true", ""
    try:
        build_site(ROOT, out)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return out


def test_the_offline_copy_calculates_from_a_file_url(browser, offline_site):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    requested, errors = [], []
    page.on("request", lambda r: requested.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    url = (offline_site / "regulations" / "time-limits.html").as_uri()
    found = calculate(page, url, "2025-09-29", "forwarded")
    assert found["提出异议"]["date"] == "2025-10-13"
    assert page.inner_text("[data-kb-holiday-years]") == f"{FIRST}年至{LAST}年"
    href = found["提出异议"]["href"]
    assert href.endswith("xinfang-gongzuo-tiaoli.html#art-23") and not href.startswith(("/", "file:")), href
    page.locator(".kb-deadlines tbody a").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("regulations/xinfang-gongzuo-tiaoli.html#art-23")
    assert page.locator("#art-23").count() == 1
    assert [u for u in requested if not u.startswith("file:")] == [] and errors == []
    context.close()
