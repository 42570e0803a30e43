"""The deployment address: what QR codes, printed links, canonical links and the sitemap name.

A build with no address is a preview (`mkdocs serve`, or `mkdocs build` with SITE_URL unset): it
prints no address at all. An address that leads nowhere once a sheet leaves this machine
(loopback, or not http/https) is refused: it would be printed on sheets taped to desks.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from .errors import KbError, Problem


def deployment_url(value: str | None, source: str = "SITE_URL") -> str:
    """A checked address ending in "/", or "" for a preview."""
    value = (value or "").strip()
    if not value:
        return ""
    parts = urlsplit(value)
    fix = "写成内网上读者能打开的地址，如 https://xfkb.example.cn/；本机预览不要设置"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise KbError([Problem(source, "", f"「{value}」不是 http 或 https 网址", fix)])
    host = parts.hostname
    try:
        loopback = ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified
    except ValueError:
        loopback = host == "localhost" or host.endswith(".localhost")
    if loopback:
        raise KbError([Problem(source, "", f"「{value}」是本机地址，印在清单上别人打不开", fix)])
    return value if value.endswith("/") else value + "/"
