"""Benchmark: how long the site takes to build and how big it is. Prints numbers; asserts nothing.

Usage: python scripts/bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - start


def kib(n: int) -> str:
    return f"{n / 1024:,.1f} KiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        check = [timed([sys.executable, "-m", "kb", "check"]) for _ in range(args.runs)]
        builds = [timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]) for _ in range(args.runs)]
        files = [f for f in site.rglob("*") if f.is_file()]
        html = [f for f in files if f.suffix == ".html"]
        index_path = site / "search" / "search_index.json"
        raw = index_path.read_bytes()
        index = json.loads(raw)
        keywords = sum(len((d.get("keywords", "") + d.get("title_keywords", "")).encode()) for d in index["docs"])
        print(f"content check (python -m kb check): median {statistics.median(check):.2f} s over {args.runs} runs")
        print(f"strict build (mkdocs build --strict): median {statistics.median(builds):.2f} s over {args.runs} runs"
              f" (min {min(builds):.2f}, max {max(builds):.2f})")
        print(f"site: {len(files)} files, {kib(sum(f.stat().st_size for f in files))}; {len(html)} HTML pages")
        print(f"  one-pagers: {len(list((site / 'print').glob('*/index.html'))) - 1}, "
              f"case handouts: {len(list((site / 'handouts').glob('*/index.html')))}")
        print(f"search index: {kib(len(raw))} raw, {kib(len(gzip.compress(raw)))} gzip; {len(index['docs'])} entries; "
              f"hidden keywords {kib(keywords)} ({keywords / len(raw):.0%})")
        largest = sorted(html, key=lambda f: f.stat().st_size, reverse=True)[:5]
        print("largest pages: " + ", ".join(f"{f.relative_to(site).as_posix()} {kib(f.stat().st_size)}" for f in largest))


if __name__ == "__main__":
    main()
