#!/usr/bin/env bash
# Installs what the tests and the benchmark need on a fresh machine: the pip packages of
# requirements-dev.txt and (as root, with apt) Debian's chromium and fonts-noto-cjk for the browser
# (printing, search, first-load bytes) and nginx for the server deployment (deploy/nginx/xfkb.conf).
# Sourced by scripts/test.sh and bench/run.sh; prints what it cannot install, and goes on.
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r requirements-dev.txt

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; then
    as_root=(); [ "$(id -u)" = 0 ] || as_root=(sudo -n)
    echo "setup.sh: installing ${missing[*]} with apt-get"
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup.sh: cannot install ${missing[*]} (needs root and apt-get); what needs them is skipped" >&2
  fi
fi

export NO_MKDOCS_2_WARNING=1  # Material's end-of-life banner, printed on every build
