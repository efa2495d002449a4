#!/usr/bin/env bash
# The demo: runs inside `pg_virtualenv -v 15` (a throw-away cluster, removed afterwards)
# with pg_retention installed. Loads six months of survey responses and prints the report.
set -euo pipefail
cd "$(dirname "$0")"
createdb pg_retention_demo
psql -X -q -v ON_ERROR_STOP=1 -d pg_retention_demo -o /dev/null -f data.sql
psql -X -q -v ON_ERROR_STOP=1 -d pg_retention_demo -P footer=off -f report.sql
