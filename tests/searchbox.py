"""Typing into Material's real search box, as an officer would, and reading its results."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

GUIDE = "regulations/xinfang-gongzuo-tiaoli/"


def place(href: str) -> str:
    """A result link as a site location, e.g. "checklists/x/#item"."""
    parts = urlsplit(href)
    return unquote(parts.path.lstrip("/")) + (f"#{unquote(parts.fragment)}" if parts.fragment else "")


def hit(results: list[str], expect: list[str]) -> bool:
    expect = [e.replace("R#", GUIDE + "#") for e in expect]
    for found in results:
        for want in expect:
            if found == want or ("#" not in want and found.split("#")[0] == want):
                return True
    return False


def ask(page, query: str) -> list[str]:
    """Enter a query as an officer would and return the first five results Material shows.

    A Chinese input method commits a whole word at once: the box receives the query in one input
    event, then a key press (Material searches on keyup)."""
    page.evaluate("""() => {
      const list = document.querySelector('.md-search-result__list');
      list.insertAdjacentHTML('beforeend', '<li id="kb-stale"></li>');  // Material clears the list on new results
    }""")
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    # New results have replaced the old, and are drawn (or Material says there are none).
    page.wait_for_function("""() => !document.getElementById('kb-stale') &&
      (document.querySelector('.md-search-result__item') ||
       /没有/.test(document.querySelector('.md-search-result__meta').textContent))""", timeout=15000)
    page.wait_for_timeout(150)
    # What the officer sees: a page's weaker sections are folded away under "more results".
    hrefs = page.eval_on_selector_all("a.md-search-result__link",
                                      "links => links.filter(a => a.offsetParent !== null).map(a => a.href)")
    seen = []
    for href in hrefs:
        if place(href) not in seen:
            seen.append(place(href))
    return seen[:5]


def open_search(page) -> None:
    """Open the search box and wait until Material's worker has built the index."""
    page.locator("input.md-search__input").click()
    page.wait_for_function("() => !/初始化/.test(document.querySelector('.md-search-result__meta').textContent)")
