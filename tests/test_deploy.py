"""The three ways to deploy: an intranet nginx with strict headers, the offline copy from file://, paper.

Preview builds (no SITE_URL) print no address at all; a deployment build prints its own.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SITE_ADDRESS as ADDRESS
from htmlsite import html_pages, soup, tree
from searchbox import ask, open_search

from deploy.nginx import local as local_nginx
from kb import KbError, load_library
from kb.deploy import deployment_url

# One page of every kind, as the accessibility and CSP runs open them.
KINDS = {
    "home": "", "section index": "techniques/", "checklist": "checklists/group-visit/",
    "case": "cases/soe-wage-query/", "条例 guide": "regulations/xinfang-gongzuo-tiaoli/",
    "technique": "techniques/emotions/", "finder": "finder/", "one-pager": "print/group-visit/",
    "handout": "handouts/soe-wage-query/", "binder": "print/binder/", "time limits": "regulations/time-limits/",
    "course": "training/reception-skills/", "course outline": "print/training/reception-skills/",
    "短链接": "go/art-22/", "最近更新": "updates/",
}
LIB = load_library(ROOT)
LOOPBACK = re.compile(r"(127\.0\.0\.1|localhost|0\.0\.0\.0)(:\d+)?/")


# ---- paper: preview builds print no address, deployment builds print their own ----------------

def sheets(site: Path) -> list[str]:
    """The standalone printed pages: one-pagers, the binder and handouts (not the 打印中心 page)."""
    return [u for u in html_pages(site) if re.fullmatch(r"(print|handouts)/[^/]+/", u)]


def test_a_preview_prints_no_address_and_says_so(preview):
    for url in sheets(preview):
        page = soup(preview, url)
        assert page.select(".preview-mark"), url
        assert all("预览版：未设置网址" in m.get_text() for m in page.select(".preview-mark"))
        assert not page.select(".qr svg") and not page.select(".url"), url
        assert page.find("link", rel="canonical") is None, url


def test_a_preview_names_no_loopback_address_anywhere(preview):
    for path in preview.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".js"):
            assert not LOOPBACK.search(path.read_text("utf-8", errors="replace")), path.relative_to(preview)
    assert "<loc>" not in (preview / "sitemap.xml").read_text("utf-8")


def test_a_deployment_prints_its_qr_code_and_address(site):
    for c in LIB.checklists.values():
        page = soup(site, f"print/{c.id}/")
        assert page.select_one(".qr svg") is not None and not page.select(".preview-mark")
        assert page.select_one(".url").get_text() == f"{ADDRESS}checklists/{c.id}/"
    binder = soup(site, "print/binder/")
    assert len(binder.select(".sheet .qr svg")) == len(LIB.checklists)
    handout = soup(site, "handouts/soe-wage-query/")
    assert handout.select_one(".url").get_text() == f"{ADDRESS}cases/soe-wage-query/"
    assert soup(site, "checklists/group-visit/").find("link", rel="canonical")["href"] == \
        f"{ADDRESS}checklists/group-visit/"
    assert f"<loc>{ADDRESS}checklists/group-visit/</loc>" in (site / "sitemap.xml").read_text("utf-8")


@pytest.mark.parametrize("value", ["http://127.0.0.1:8000/", "http://localhost/", "ftp://x.cn/", "xfkb"])
def test_an_address_that_leads_nowhere_is_refused(value):
    with pytest.raises(KbError) as err:
        deployment_url(value)
    assert "SITE_URL" in str(err.value)


def test_serve_needs_no_setup_and_prints_no_loopback_address(tmp_path):
    """`mkdocs serve` puts its own address in site_url; the sheets must still not print it."""
    import importlib.util

    from mkdocs.config import load_config

    spec = importlib.util.spec_from_file_location("unit_hook", ROOT / "hooks" / "unit.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.site_url = "http://127.0.0.1:8000/"  # what mkdocs serve does before the build
    env = os.environ.pop("SITE_URL", None)
    try:
        hook.on_config(config)
    finally:
        if env is not None:
            os.environ["SITE_URL"] = env
    assert config.site_url is None and config.extra["kb_address"] == ""


# ---- no source maps ----------------------------------------------------------------------------

def test_no_source_maps_are_deployed(site):
    assert list(site.rglob("*.map")) == []
    for path in [*site.rglob("*.js"), *site.rglob("*.css")]:
        assert b"sourceMappingURL" not in path.read_bytes(), path.relative_to(site)


def test_no_page_has_an_inline_script_or_handler(site):
    for url in html_pages(site):
        page = tree(site, url)
        for script in page.iter("script"):
            assert script.get("src") or script.get("type") == "application/json", (url, script.text_content()[:80])
        assert not [el.tag for el in page.iter() if any(k.startswith("on") for k in el.attrib)], url


# ---- deployment 1: nginx with the shipped configuration ----------------------------------------

@pytest.fixture(scope="module")
def nginx(site):
    if not local_nginx.binary():
        pytest.skip("no nginx: install Debian's nginx package (scripts/test.sh does this as root)")
    with local_nginx.serve(site) as base:
        yield base


def fetch(url: str, gzip_ok: bool = False):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def test_nginx_sends_the_security_headers(nginx):
    for url in ["", "checklists/group-visit/", "print/group-visit/", "search/search_index.json", "no-such-page/"]:
        status, headers, _ = fetch(nginx + url)
        csp = headers["Content-Security-Policy"] or ""
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0], url
        assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp, url
        assert headers["X-Content-Type-Options"] == "nosniff", url
        assert headers["Referrer-Policy"] == "same-origin", url
    assert fetch(nginx + "no-such-page/")[0] == 404


def test_nginx_lists_no_folder_and_serves_no_map(nginx, site):
    status, _, body = fetch(nginx + "assets/javascripts/")
    assert status in (403, 404) and b"Index of" not in body
    stray = site / "stray.js.map"
    stray.write_text("{}", "utf-8")
    try:
        assert fetch(nginx + "stray.js.map")[0] == 404
    finally:
        stray.unlink()


def test_nginx_compresses_and_caches(nginx, site):
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js")).name
    for url in ["checklists/group-visit/", f"assets/javascripts/{bundle}", "search/search_index.json"]:
        status, headers, body = fetch(nginx + url, gzip_ok=True)
        assert status == 200 and headers["Content-Encoding"] == "gzip", url
        assert len(gzip.decompress(body)) > len(body)
    assert "max-age=31536000" in fetch(nginx + f"assets/javascripts/{bundle}")[1]["Cache-Control"]
    assert fetch(nginx + "checklists/group-visit/")[1]["Cache-Control"] == "no-cache"


def test_pages_of_every_kind_load_under_the_policy_and_search_works(browser, nginx):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    violations, outside = [], []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(nginx)
               else (outside.append(route.request.url), route.abort()))
    page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                         "console.log('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))")
    for kind, url in KINDS.items():
        response = page.goto(nginx + url, wait_until="networkidle")
        assert response.status == 200 and response.headers["content-security-policy"], kind
    page.goto(nginx, wait_until="networkidle")
    open_search(page)
    assert any(r.startswith("checklists/group-visit/") for r in ask(page, "群体访"))
    assert violations == [] and outside == []
    context.close()


# ---- deployment 2: the offline copy --------------------------------------------------------------

@pytest.fixture(scope="module")
def offline(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("offline")
    run = subprocess.run(["bash", "scripts/pack-offline.sh", str(out)], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "SITE_URL": ""})
    assert run.returncode == 0, run.stderr
    archive = Path(run.stdout.strip().splitlines()[-1])
    assert re.fullmatch(r"xfkb-offline-\d{8}\.zip", archive.name)
    with zipfile.ZipFile(archive) as z:
        z.extractall(out)
    return out / archive.stem


def test_the_offline_copy_is_a_zip_with_instructions(offline):
    assert (offline / "index.html").is_file() and (offline / "使用说明.txt").is_file()
    assert (offline / "search" / "search_index.js").is_file()
    shim = offline / "assets" / "javascripts" / "vendor" / "iframe-worker-1.0.4"
    assert (shim / "shim.js").is_file() and (shim / "LICENSE").is_file()
    assert "unpkg" not in (offline / "index.html").read_text("utf-8")


def test_the_offline_copy_works_from_file_urls(browser, offline):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto((offline / "index.html").as_uri(), wait_until="load")
    # Across sections: a checklist, the 条例 guide, a case and a one-pager, by following links.
    for selector in ["a[href$='checklists/index.html']", "a[href$='group-visit.html']"]:
        page.locator(f"article {selector}").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith(".html") and page.locator("article h1").count() == 1, page.url
    page.locator("a.kb-print-button").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("print/group-visit/index.html") and page.locator(".sheet h1").count() == 1
    page.locator("nav.toolbar a").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("checklists/group-visit.html")
    page.goto((offline / "regulations" / "xinfang-gongzuo-tiaoli.html").as_uri() + "#art-22", wait_until="load")
    assert page.locator("#art-22").count() == 1
    open_search(page)
    for query, where in [("群体访", "group-visit"), ("第二十二条", "regulations/xinfang-gongzuo-tiaoli.html#art-22"),
                         ("喝醉", "finder.html")]:
        results = ask(page, query)
        assert any(where in r for r in results), (query, results)
    # A short link from a slide, and 复制链接, from file:// too.
    page.goto((offline / "go" / "art-22" / "index.html").as_uri())
    page.wait_for_url("**/regulations/xinfang-gongzuo-tiaoli.html#art-22")
    page.locator("#art-22 .kb-cite-button").click()
    page.locator("#art-22 .kb-cite-status", has_text="已复制").wait_for()
    assert [u for u in requested if not u.startswith("file:")] == []
    context.close()
