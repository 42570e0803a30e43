#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine, then runs them:
#   pip packages from requirements-dev.txt, and (as root, with apt) Debian's chromium and
#   fonts-noto-cjk for the browser tests (printing, search) and nginx for the server deployment
#   test (deploy/nginx/xfkb.conf). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r requirements-dev.txt

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; then
    as_root=(); [ "$(id -u)" = 0 ] || as_root=(sudo -n)
    echo "test.sh: installing ${missing[*]} with apt-get"
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test.sh: cannot install ${missing[*]} (needs root and apt-get); the browser and nginx tests will be skipped" >&2
  fi
fi

export NO_MKDOCS_2_WARNING=1  # Material's end-of-life banner, printed on every build
exec python3 -m pytest "$@"
