#!/usr/bin/env bash
# The benchmark from a fresh clone: installs what it needs (scripts/setup.sh), then runs
# bench/run.py. Extra arguments go to it, e.g. `--write` to update bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
exec python3 bench/run.py "$@"
