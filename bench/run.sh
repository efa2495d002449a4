#!/usr/bin/env bash
# The benchmark: runs inside `pg_virtualenv -v 15` with pg_retention installed (a release
# build). Usage: bench/run.sh [rows] [runs]   (defaults: 10 million rows, 7 runs a query)
set -euo pipefail
cd "$(dirname "$0")"
exec python3 bench.py "${1:-10000000}" "${2:-7}"
