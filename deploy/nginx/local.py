"""Runs Debian's nginx with the shipped xfkb.conf on a free local port, against a built site.

For the deployment test (tests/test_deploy.py) and the benchmark (bench/run.py): what they
measure is what an intranet server sends, headers and compression included.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

CONF = Path(__file__).with_name("xfkb.conf")


def binary() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(site: Path):
    """Yields the base URL (http://127.0.0.1:PORT/) of nginx serving `site` with xfkb.conf."""
    nginx = binary()
    if not nginx:
        raise FileNotFoundError("no nginx: install Debian's nginx package (scripts/setup.sh does this as root)")
    server = CONF.read_text("utf-8")
    if "listen 80;" not in server or "root /srv/xfkb/site;" not in server:
        raise ValueError(f"{CONF}: expected `listen 80;` and `root /srv/xfkb/site;` to replace")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="xfkb-nginx-") as tmp:
        work = Path(tmp)
        server = server.replace("listen 80;", f"listen 127.0.0.1:{port};").replace(
            "root /srv/xfkb/site;", f"root {Path(site).resolve()};")
        temp = "\n".join(f"    {name}_temp_path {work}/{name};" for name in
                         ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        user = "user root;\n" if os.geteuid() == 0 else ""  # temporary folders are private to their owner
        (work / "nginx.conf").write_text(
            f"{user}daemon off;\nworker_processes 1;\npid {work}/nginx.pid;\nerror_log {work}/error.log;\n"
            f"events {{ worker_connections 64; }}\nhttp {{\n    include /etc/nginx/mime.types;\n"
            f"    default_type application/octet-stream;\n    access_log off;\n{temp}\n{server}\n}}\n", "utf-8")
        proc = subprocess.Popen([nginx, "-p", str(work), "-c", str(work / "nginx.conf")],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}/"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base, timeout=1)
                    break
                except (urllib.error.URLError, ConnectionError):
                    if proc.poll() is not None:
                        raise RuntimeError(f"nginx did not start: {proc.stdout.read().decode()}") from None
                    time.sleep(0.1)
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=10)
