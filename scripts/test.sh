#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine (scripts/setup.sh), then runs them.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
exec python3 -m pytest "$@"
