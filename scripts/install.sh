#!/usr/bin/env bash
# Build pg_retention and install it into a tested PostgreSQL: the system PostgreSQL 15 by
# default (root, or sudo for the copy), or the one PG names (scripts/pg.sh; PG=18 installs
# into the PostgreSQL 18 wheel's tree in .venv, which needs no root).
#   scripts/install.sh [--release]        PG=18 scripts/install.sh [--release]
#
# Built as cargo pgrx package's tree first, then installed file by file with a rename
# (pg_install_tree in scripts/pg.sh): cargo pgrx install would write the library over in
# place under a running server's backends. The old install stays whole until the build has
# succeeded.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/pg.sh
version=${PG:-$PG_DEFAULT}
pg_check_version "$version"
pg_config=$(pg_config_of "$version")
profile=debug; args=(--debug)
[ "${1:-}" = "--release" ] && { profile=release; args=(); }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! cargo pgrx package --pg-config "$pg_config" "${args[@]}" $(pg_features_of "$version") >"$log" 2>&1; then
    cat "$log"
    exit 1
fi
pg_install_tree target/$profile/pg_retention-pg$version
echo "install: pg_retention installed into $(pg_full_version "$version") ($profile build)"
