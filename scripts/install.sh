#!/usr/bin/env bash
# Build pg_retention and install it into the system PostgreSQL 15 (root, or sudo for the
# copy). Usage: scripts/install.sh [--release]
set -euo pipefail
cd "$(dirname "$0")/.."
args=(--pg-config /usr/lib/postgresql/15/bin/pg_config)
[ "${1:-}" = "--release" ] && args+=(--release)
[ "$(id -u)" -eq 0 ] || args+=(--sudo)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! cargo pgrx install "${args[@]}" >"$log" 2>&1; then
    cat "$log"
    exit 1
fi
echo "install: pg_retention installed into PostgreSQL 15"
