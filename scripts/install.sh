#!/usr/bin/env bash
# Build pg_retention and install it into the system PostgreSQL 15 (root, or sudo for the
# copy). Usage: scripts/install.sh [--release]
#
# Built as cargo pgrx package's tree first, then each file copied beside its destination
# and renamed over it. cargo pgrx install would write the library over in place, and a
# running server's backends map that file: rewriting it under them can crash them. A rename
# leaves them the old file and gives new sessions the new one, and the old install stays
# whole until the build has succeeded.
set -euo pipefail
cd "$(dirname "$0")/.."
pg_config=/usr/lib/postgresql/15/bin/pg_config
profile=debug; args=(--pg-config "$pg_config" --debug)
[ "${1:-}" = "--release" ] && { profile=release; args=(--pg-config "$pg_config"); }
sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! cargo pgrx package "${args[@]}" >"$log" 2>&1; then
    cat "$log"
    exit 1
fi
pkg=target/$profile/pg_retention-pg15
(cd "$pkg" && find . -type f) | while read -r f; do
    dest=${f#.}
    $sudo install -D -m 0644 "$pkg/$f" "$dest.new.$$"
    $sudo mv -f "$dest.new.$$" "$dest"
done
echo "install: pg_retention installed into PostgreSQL 15 ($profile build)"
