#!/usr/bin/env bash
# What crosses the network on Citus (docs/citus.md, "One-step aggregates on Citus"): the
# one-step order aggregates against the two-level shape, on a coordinator and two workers on
# loopback (PostgreSQL 15, Citus 13.2.2 built by scripts/citus.sh if missing), a release
# build of pg_retention, SCALE copies of CDNOW's customers (default 10: 696,590 orders of
# 235,700 customers). Prints the table docs/citus.md shows.
#   bench/citus.sh [SCALE]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/citus.sh
PG=15 scripts/install.sh --release
scripts/citus.sh --cluster .venv/bin/python tests/checks/citus_check.py --measure-only --scale "${1:-10}"
