"""Make it ours: unit.yml and local/ adapt the site to the unit that adopts it, without a fork."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT, build_site, copy_project
from htmlsite import soup

from kb import KbError, load_library

EXAMPLE = ROOT / "examples"
PROFILE = yaml.safe_load((EXAMPLE / "unit.example.yml").read_text("utf-8"))
LOCAL_ID = "duty-handover"


def adopt(project):
    """What the README's 本单位部署 says: copy the example profile and the example local checklist."""
    shutil.copy(EXAMPLE / "unit.example.yml", project / "unit.yml")
    shutil.copytree(EXAMPLE / "local", project / "local")
    return project


@pytest.fixture(scope="module")
def unit_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("unit")
    project = adopt(copy_project(tmp / "p"))
    env = os.environ.pop("SITE_URL", None)  # the profile's own address must be used
    try:
        build_site(project, tmp / "site")
    finally:
        if env is not None:
            os.environ["SITE_URL"] = env
    return tmp / "site"


def text(site, url) -> str:
    return "".join(soup(site, url).get_text().split())


def test_the_unit_name_is_in_the_header_and_on_every_sheet(unit_site):
    assert PROFILE["name"] in soup(unit_site, "").select_one(".md-header__topic").get_text()
    for url in ("print/group-visit/", f"print/{LOCAL_ID}/", "handouts/soe-wage-query/", "print/binder/"):
        assert PROFILE["name"] in soup(unit_site, url).select_one(".kicker").get_text(), url


def test_owner_contacts_and_address_are_on_the_sheets(unit_site):
    lib = load_library(ROOT)
    phones = [c["phone"] for c in PROFILE["contacts"]]
    for cid in [*lib.checklists, LOCAL_ID]:
        page = soup(unit_site, f"print/{cid}/")
        foot = "".join(page.select_one("footer").get_text().split())
        assert f"责任单位：{PROFILE['owner']}" in foot, cid
        assert all(p in foot for p in phones[:4]), cid
        assert page.select_one(".url").get_text() == f"{PROFILE['site_url']}checklists/{cid}/"
        assert page.select_one(".qr svg") is not None
    emergency = soup(unit_site, "print/mass-incident/").select_one(".contacts-box").get_text()
    assert all(c["label"] in emergency and c["phone"] in emergency for c in PROFILE["contacts"])


def test_emergency_pages_list_every_contact(unit_site):
    for url in ("moments/emergency/", "checklists/mass-incident/", "risk/mass-incidents/"):
        box = soup(unit_site, url).select_one("aside.kb-contacts")
        assert box is not None, url
        assert [a["href"] for a in box.select("a")] == [f"tel:{c['phone']}" for c in PROFILE["contacts"]], url
    assert soup(unit_site, "checklists/group-visit/").select_one("aside.kb-contacts") is None


def test_the_local_checklist_is_everywhere_a_national_one_is(unit_site):
    page = soup(unit_site, f"checklists/{LOCAL_ID}/")
    assert "本单位" in page.select_one("article").get_text()
    assert page.find(id="check-entered") is not None
    assert soup(unit_site, f"print/{LOCAL_ID}/").select_one(".sheet h1").get_text() == "值班交接（本单位）"
    binder = soup(unit_site, "print/binder/")
    assert binder.find(id=f"sheet-{LOCAL_ID}") is not None and "本单位" in binder.select_one("ol, ul").get_text()
    index = text(unit_site, "checklists/")
    assert "值班交接（本单位）" in index
    assert any(a["href"].rstrip("/").endswith(LOCAL_ID) for a in soup(unit_site, "local/").select("article a[href]"))
    assert "本单位" in [a.get_text().strip() for a in soup(unit_site, "").select(".md-tabs__link")]
    import json

    docs = json.loads((unit_site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    assert f"checklists/{LOCAL_ID}/#check-entered" in {d["location"] for d in docs}


def test_every_page_and_item_has_a_feedback_link(unit_site):
    link = soup(unit_site, "techniques/emotions/").select_one("a.kb-feedback")
    assert link["href"].startswith(f"mailto:{PROFILE['feedback']['email']}?subject=")
    assert "techniques/emotions/" in link["href"]
    page = soup(unit_site, "checklists/group-visit/")
    items = page.select("h4.kb-item")
    links = page.select("h4.kb-item + p a.kb-feedback")
    assert len(links) == len(items)
    assert all(i["id"] in a["href"] for i, a in zip(items, links))


def test_no_feedback_channel_no_link(site):
    assert soup(site, "techniques/emotions/").select("a.kb-feedback") == []
    assert soup(site, "checklists/group-visit/").select("a.kb-feedback") == []


def test_the_provincial_rules_are_linked_where_the_province_matches(unit_site, site):
    def links(s, url):
        return [a["href"] for a in soup(s, url).select("article a[href]")]

    assert any("zhejiang" in h for h in links(unit_site, "regulations/time-limits/"))
    assert any("zhejiang" in h for h in links(unit_site, "regulations/xinfang-gongzuo-tiaoli/"))
    assert not any("zhejiang" in h for h in links(site, "regulations/time-limits/"))
    for province in ("beijing", "zhejiang"):  # every unit finds them under 相关法规
        assert any(province in h for h in links(site, "regulations/related-rules/"))
        assert "地方规定" in text(site, f"regulations/{province}/")


def test_site_url_overrides_the_profile(tmp_path):
    project = adopt(copy_project(tmp_path / "p"))
    build_site(project, tmp_path / "site", site_url="https://other.example.cn/")
    assert soup(tmp_path / "site", "print/group-visit/").select_one(".url").get_text() == \
        "https://other.example.cn/checklists/group-visit/"


def test_a_local_file_with_a_national_id_replaces_it_and_is_listed(tmp_path):
    project = adopt(copy_project(tmp_path / "p"))
    national = (project / "checklists" / "forwarding.yml").read_text("utf-8")
    revised = national.replace("../schemas/", "../../schemas/").replace("title: 转送交办", "title: 转送交办（本单位）")
    (project / "local" / "checklists" / "forwarding.yml").write_text(revised, "utf-8")
    lib = load_library(project)
    assert lib.checklists["forwarding"].mark == "本单位修订版"
    assert lib.replaced == [("checklists/forwarding.yml", "local/checklists/forwarding.yml")]
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-v", "-d", str(tmp_path / "s")],
                         cwd=project, capture_output=True, text=True, env={**os.environ, "XFKB_LAWS": "/none"})
    assert run.returncode == 0, run.stderr[-2000:]
    assert "本单位修订版：local/checklists/forwarding.yml 替换 checklists/forwarding.yml" in run.stderr


def test_a_revision_that_drops_a_cited_item_names_both_files(tmp_path):
    project = adopt(copy_project(tmp_path / "p"))
    lib = load_library(ROOT)
    case = next(c for c in lib.cases.values() if any("#" in r for r in c.checklists))
    ref = next(r for r in case.checklists if "#" in r)
    cid, item = ref.split("#")
    data = yaml.safe_load((ROOT / "checklists" / f"{cid}.yml").read_text("utf-8"))
    for p in data["pause_points"]:
        p["items"] = [i for i in p["items"] if i["id"] != item] or p["items"]
    (project / "local" / "checklists" / f"{cid}.yml").write_text(
        "# yaml-language-server: $schema=../../schemas/checklist.schema.json\n"
        + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    with pytest.raises(KbError) as err:
        load_library(project)
    found = [p for p in err.value.problems if p.file == case.file]
    assert found and f"local/checklists/{cid}.yml" in found[0].message and f"checklists/{cid}.yml" in found[0].message


def test_local_cases_pass_the_privacy_guard(tmp_path):
    project = adopt(copy_project(tmp_path / "p"))
    case = (ROOT / "cases" / "soe-wage-query.yml").read_text("utf-8")
    case = case.replace("../schemas/", "../../schemas/").replace("id: soe-wage-query", "id: local-case", 1)
    case = case.replace("王某", "王某（电话13812345678）", 1)
    (project / "local" / "cases").mkdir()
    (project / "local" / "cases" / "local-case.yml").write_text(case, "utf-8")
    with pytest.raises(KbError) as err:
        load_library(project)
    assert any(p.file == "local/cases/local-case.yml" for p in err.value.problems)


@pytest.mark.parametrize("change, field", [
    (lambda d: d.update(colour="蓝"), "colour"),
    (lambda d: d["contacts"][0].update(phone="8888 12345"), "contacts[0].phone"),
    (lambda d: d.pop("name"), "name"),
    (lambda d: d.update(site_url="xfkb.example.cn"), "site_url"),
    (lambda d: d.update(site_url="http://127.0.0.1:8000/"), "site_url"),
])
def test_a_bad_profile_stops_the_build_naming_unit_yml(tmp_path, change, field):
    project = copy_project(tmp_path / "p")
    data = yaml.safe_load((EXAMPLE / "unit.example.yml").read_text("utf-8"))
    change(data)
    (project / "unit.yml").write_text("# yaml-language-server: $schema=schemas/unit.schema.json\n"
                                      + yaml.safe_dump(data, allow_unicode=True), "utf-8")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "s")],
                         cwd=project, capture_output=True, text=True)
    assert run.returncode != 0
    assert "unit.yml" in run.stderr and field in run.stderr  # e.g. "unit.yml → contacts[0].phone"
    assert "Traceback" not in run.stderr + run.stdout


def test_profile_values_are_escaped(tmp_path):
    project = adopt(copy_project(tmp_path / "p"))
    profile = (project / "unit.yml").read_text("utf-8")
    profile = profile.replace("name: 某市信访局", 'name: "某市信访局 & \\"办\\""').replace("label: 值班室", "label: 值班&室")
    (project / "unit.yml").write_text(profile, "utf-8")
    build_site(project, tmp_path / "site", site_url="https://xfkb.example.cn/")
    html = (tmp_path / "site" / "moments" / "emergency" / "index.html").read_text("utf-8")
    assert "某市信访局 &amp; &#34;办&#34;" in html or "某市信访局 &amp; &quot;办&quot;" in html
    assert "值班&amp;室" in html and "值班&室" not in html
    assert '某市信访局 & "办"' in soup(tmp_path / "site", "moments/emergency/").select_one(".md-header__topic").get_text()
