#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine (scripts/setup.sh), then runs them.
# The tests run on every core (pytest-xdist); extra arguments go to pytest (`-n 0`: one process).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
exec python3 -m pytest -n auto "$@"
