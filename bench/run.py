"""Benchmark: the build with our hooks against plain MkDocs, as the content grows. Prints numbers; asserts nothing.

    bash bench/run.sh                 # installs what it needs, then runs this
    python bench/run.py --write       # ... and rewrites bench/RESULTS.md with the numbers

For each scale (the real site, and its checklists, cases and scenarios copied ×N under new ids):
  hooks     `mkdocs build --strict` of the project, our hooks on;
  baseline  `mkdocs build --strict` of `python -m kb render`'s folder with its hook-free config:
            plain MkDocs-Material, the same theme, search and pages;
alternating runs, one of each in turn, so a busy machine slows both alike. Then, for the real
site: the search index, what a browser transfers on first load through nginx with the shipped
configuration (Chromium, cold cache), and how long `mkdocs serve` takes to show a YAML edit.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gzip
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
from conftest import copy_project  # noqa: E402  the project without its tests, as the tests copy it

from deploy.nginx import local as local_nginx  # noqa: E402
from kb import copying  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "",
       "XFKB_LAWS": str(copying.laws_dir(ROOT))}  # the copies sit in /tmp, away from ../shared
COPIED = ("checklists", "cases", "scenarios")  # what grows: each file becomes a page, and most a sheet too
ID = re.compile(r"^id: (\S+)$", re.M)
FIRST_LOAD = {"home": "", "checklist": "checklists/group-visit/", "one-pager": "print/group-visit/"}
EDITED = "checklists/group-visit.yml"  # the serve test edits its summary and waits for the page to show it


def run(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time (s) and peak resident memory (bytes) of a command that must succeed."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed in {cwd}:\n{stderr.decode(errors='replace')}")
    return elapsed, usage.ru_maxrss * 1024  # Linux reports kilobytes


def scaled(dest: Path, times: int) -> Path:
    """The project, with each checklist, case and scenario copied times-1 more under new ids
    (<id>-x2 …). The copies keep their references, which point at the originals."""
    copy_project(dest)
    for kind in COPIED:
        for path in sorted((dest / kind).glob("*.yml")):
            text = path.read_text("utf-8")
            for n in range(2, times + 1):
                new = f"{ID.search(text).group(1)}-x{n}"
                (dest / kind / f"{new}.yml").write_text(ID.sub(f"id: {new}", text, count=1), "utf-8")
    return dest


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def measure_scale(work: Path, times: int, runs: int) -> dict:
    project = scaled(work / f"x{times}", times)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    render = [sys.executable, "-m", "kb", "render", str(work / "docs"), "--config", str(work / "plain.yml")]
    render_s, _ = run(render, project)
    hooks, plain, hooks_mem, plain_mem = [], [], [], []
    for _ in range(runs):
        seconds, memory = run(mkdocs + ["-d", str(work / "site-hooks")], project)
        hooks.append(seconds), hooks_mem.append(memory)
        seconds, memory = run(mkdocs + ["-f", str(work / "plain.yml"), "-d", str(work / "site-plain")], project)
        plain.append(seconds), plain_mem.append(memory)
    finish_s, _ = run([sys.executable, "-m", "kb", "finish", str(work / "site-plain")], project)
    site = work / "site-hooks"
    written = html_pages(site) - sum(1 for _ in (project / "docs").rglob("*.md"))
    index = (site / "search" / "search_index.json").read_bytes()
    result = dict(times=times, runs=runs, hooks=statistics.median(hooks), plain=statistics.median(plain),
                  render=render_s, finish=finish_s, pages=html_pages(site), generated=written,
                  hooks_mem=max(hooks_mem), plain_mem=max(plain_mem), index=len(index),
                  index_gz=len(gzip.compress(index, 6)), index_docs=len(json.loads(index)["docs"]),
                  hooks_all=hooks, plain_all=plain, site=site)
    shutil.rmtree(project)
    return result


def first_load(site: Path) -> dict[str, dict]:
    """Bytes on the wire (headers and gzip-encoded bodies) for each page in FIRST_LOAD, cold cache,
    until the network is idle, through nginx with deploy/nginx/xfkb.conf."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium or not local_nginx.binary():
        return {}
    out = {}
    with local_nginx.serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for name, url in FIRST_LOAD.items():
            context = browser.new_context(locale="zh-CN")
            requests = []
            context.on("requestfinished", lambda request: requests.append(request))  # the worker's too
            page = context.new_page()
            page.goto(base + url, wait_until="networkidle")
            page.wait_for_timeout(500)  # the search worker fetches its index after load
            sizes = [(r.url, r.sizes()) for r in requests]
            wire = {u: s["responseBodySize"] + s["responseHeadersSize"] for u, s in sizes}
            index = sum(v for u, v in wire.items() if u.endswith("search_index.json"))
            out[name] = dict(url=url, requests=len(wire), bytes=sum(wire.values()), index=index)
            context.close()
        browser.close()
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def serve_reload(work: Path, edits: int) -> list[float]:
    """Seconds from saving a checklist YAML to `mkdocs serve` serving the page with the change."""
    project = copy_project(work / "serve")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    page = base + "checklists/group-visit/"
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                            cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    try:
        deadline = time.monotonic() + 120
        while "群体访" not in get(page):
            if proc.poll() is not None or time.monotonic() > deadline:
                sys.exit("mkdocs serve did not start")
            time.sleep(0.2)
        source = project / EDITED
        original = source.read_text("utf-8")
        summary = re.search(r"^summary: (.+)$", original, re.M).group(1)
        for n in range(edits):
            marker = f"基准测试修改{n}号"
            time.sleep(1.5)  # let the watcher settle after the previous rebuild
            source.write_text(original.replace(summary, marker + summary, 1), "utf-8")
            start = time.perf_counter()
            while marker not in get(page):
                if time.perf_counter() - start > 60:
                    sys.exit("mkdocs serve did not show the edit within 60 s")
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        shutil.rmtree(project, ignore_errors=True)
    return times


def kib(n: float) -> str:
    return f"{n / 1024:,.0f} KiB" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MiB"


def mib(n: float) -> str:
    return f"{n / 1024 / 1024:,.0f} MiB"


def report(scales: list[dict], loads: dict, reloads: list[float]) -> str:
    base = scales[0]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "unknown"
    lines = [
        f"Measured {datetime.date.today()} at commit {commit}: {platform.python_implementation()} "
        f"{platform.python_version()}, MkDocs {metadata.version('mkdocs')}, Material {metadata.version('mkdocs-material')}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}.",
        "",
        "### Build: hooks against plain MkDocs",
        "",
        "Median wall time of `mkdocs build --strict` (hooks) and of the same build of `kb render`'s folder "
        "with no hooks (baseline), in alternating runs. Pages are the HTML files of the site; generated "
        "ones are those not written by hand in docs/. The marginal cost is the extra time per extra page "
        "against the real site.",
        "",
        "| content | runs | pages (generated) | hooks | baseline | ratio | hooks per page | marginal per page | peak memory (hooks / baseline) | kb render | kb finish |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for s in scales:
        marginal = "—" if s is base else \
            f"{(s['hooks'] - base['hooks']) / (s['pages'] - base['pages']) * 1000:.1f} ms"
        lines.append(
            f"| ×{s['times']} | {s['runs']} | {s['pages']:,} ({s['generated']:,}) | {s['hooks']:.2f} s | "
            f"{s['plain']:.2f} s | {s['hooks'] / s['plain']:.2f} | {s['hooks'] / s['pages'] * 1000:.1f} ms | "
            f"{marginal} | {mib(s['hooks_mem'])} / {mib(s['plain_mem'])} | {s['render']:.2f} s | {s['finish']:.2f} s |")
    lines += ["", "Every run, in seconds (hooks / baseline):", ""]
    lines += [f"- ×{s['times']}: " + ", ".join(f"{h:.2f} / {p:.2f}" for h, p in zip(s["hooks_all"], s["plain_all"]))
              for s in scales]
    lines += ["", "### Search index", "", "| content | entries | raw | gzip (level 6, as nginx sends it) |",
              "| --- | --- | --- | --- |"]
    lines += [f"| ×{s['times']} | {s['index_docs']:,} | {kib(s['index'])} | {kib(s['index_gz'])} |" for s in scales]
    if loads:
        lines += ["", "### First load (real site, nginx with deploy/nginx/xfkb.conf, Chromium, cold cache)", "",
                  "Bytes on the wire, headers and gzip-encoded bodies, until the network is idle; the "
                  "search index is part of it, fetched by the search worker as the page loads.", "",
                  "| page | address | requests | transferred | of which the search index |", "| --- | --- | --- | --- | --- |"]
        lines += [f"| {name} | `/{v['url']}` | {v['requests']} | {kib(v['bytes'])} | {kib(v['index'])} |"
                  for name, v in loads.items()]
    else:
        lines += ["", "First load: not measured (needs Debian's chromium and nginx: run bench/run.sh as root)."]
    if reloads:
        lines += ["", "### Preview", "",
                  f"`mkdocs serve`, real site: saving `{EDITED}` to the page showing the change, "
                  f"{len(reloads)} edits: median {statistics.median(reloads):.2f} s "
                  f"(" + ", ".join(f"{t:.2f}" for t in reloads) + " s)."]
    return "\n".join(lines) + "\n"


RESULTS = ROOT / "bench" / "RESULTS.md"
MARK = "<!-- bench/run.py writes below this line -->"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,5,10,50", help="content multiples; the first is the baseline for marginal cost")
    parser.add_argument("--runs", type=int, default=5, help="alternating runs at ×1; fewer at larger scales")
    parser.add_argument("--edits", type=int, default=5, help="YAML edits timed under mkdocs serve (0: skip)")
    parser.add_argument("--no-browser", action="store_true", help="skip the first-load measurement")
    parser.add_argument("--write", action="store_true", help=f"rewrite the numbers in {RESULTS.relative_to(ROOT)}")
    args = parser.parse_args()
    multiples = [int(s) for s in args.scales.split(",")]
    with tempfile.TemporaryDirectory(prefix="xfkb-bench-") as tmp:
        scales, loads = [], {}
        for times in multiples:
            runs = max(1, round(args.runs / times ** 0.5))
            scales.append(measure_scale(Path(tmp) / f"scale{times}", times, runs))
            s = scales[-1]
            print(f"×{times}: hooks {s['hooks']:.2f} s, baseline {s['plain']:.2f} s, ratio {s['hooks'] / s['plain']:.2f}, "
                  f"{s['pages']} pages, index {kib(s['index'])} ({kib(s['index_gz'])} gzip)", flush=True)
            if times == 1 and not args.no_browser:
                loads = first_load(s["site"])
        reloads = serve_reload(Path(tmp), args.edits) if args.edits else []
    text = report(scales, loads, reloads)
    print(text)
    if args.write:
        head = RESULTS.read_text("utf-8").split(MARK)[0] if RESULTS.exists() else MARK
        RESULTS.write_text(head.rstrip("\n") + "\n\n" + MARK + "\n\n" + text, "utf-8")


if __name__ == "__main__":
    main()
