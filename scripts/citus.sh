#!/usr/bin/env bash
# Citus for the Citus tier (make test-citus): builds Citus 13.2.2 from its vendored source and
# installs it into the system PostgreSQL 15, once per machine: a machine that already has
# that version installed skips the build.
#
#   scripts/citus.sh            build and install unless installed; fails plainly without
#                               the source (CITUS=skip: says so and exits 0)
#   scripts/citus.sh --check    exit 0 if Citus 13.2.2 is installed, 1 if not (no output)
#   scripts/citus.sh --cluster COMMAND [ARG...]
#                               COMMAND in a throw-away Citus cluster of PostgreSQL 15: a
#                               coordinator and two workers on loopback (scripts/cluster.sh
#                               -n 3: PGPORT is the coordinator's, PG_NODE_PORTS all three)
#
# The source is `../shared/vendor/citus` beside the clone (CITUS_SRC names another folder):
# the release tarball of the tag v13.2.2 and a one-line patch for PostgreSQL 15.20's headers
# (its README says why). Citus is a test dependency, like a Debian package: none of its code
# is in this repository. The build takes about 3 minutes on 2 cores; its Debian build
# dependencies are installed first (scripts/setup.sh --debian: as root or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

CITUS_VERSION=13.2.2
CITUS_EXT_VERSION=13.2-1          # citus.control's default_version for 13.2.2
CITUS_SHA256=dd2453caec20a830e5e63f1def5c5a98cb6f57ae510407cdcd800916fcdab430
pg_config=/usr/lib/postgresql/15/bin/pg_config
src=$(realpath -m "${CITUS_SRC:-../shared/vendor/citus}")
BUILD_PACKAGES=(liblz4-dev libzstd-dev libkrb5-dev libselinux1-dev libpam0g-dev libcurl4-openssl-dev
                flex bison autoconf make gcc patch postgresql-server-dev-15)

installed() {
    [ -x "$pg_config" ] || return 1
    local share lib
    share=$("$pg_config" --sharedir) lib=$("$pg_config" --pkglibdir)
    [ -f "$lib/citus.so" ] &&
        grep -qs "^default_version = '$CITUS_EXT_VERSION'" "$share/extension/citus.control"
}

if [ "${1:-}" = "--check" ]; then installed; exit; fi
if [ "${1:-}" = "--cluster" ]; then
    shift
    # Each node preloads Citus. SSL off between the nodes: they talk over loopback, and Citus
    # would otherwise make certificates at CREATE EXTENSION. Every node's TimeZone is UTC,
    # whatever the machine's zone (initdb takes the machine's): the workers' zone is what the
    # session-zone forms follow there (docs/citus.md, "Time zones").
    exec scripts/cluster.sh -v 15 -n 3 -o shared_preload_libraries=citus \
        -o citus.node_conninfo=sslmode=disable -o max_connections=200 -o timezone=UTC "$@"
fi
if installed; then
    echo "citus: Citus $CITUS_VERSION is installed in PostgreSQL 15; not building it again"
    exit 0
fi
tarball="$src/citus-$CITUS_VERSION.tar.gz"
if [ ! -f "$tarball" ]; then
    if [ "${CITUS:-}" = skip ]; then
        echo "citus: Citus is not installed and its source ($tarball) is missing; CITUS=skip, so the Citus tier is skipped"
        exit 0
    fi
    echo "citus: Citus $CITUS_VERSION is not installed in PostgreSQL 15 and its source is missing:" >&2
    echo "citus: expected $tarball (the shared folder beside the clone, or CITUS_SRC=DIR)." >&2
    echo "citus: to skip the Citus tier instead, run with CITUS=skip" >&2
    exit 1
fi
echo "$CITUS_SHA256  $tarball" | sha256sum --quiet -c - ||
    { echo "citus: $tarball is not the release tarball of v$CITUS_VERSION (sha256 differs)" >&2; exit 1; }

scripts/setup.sh --debian "${BUILD_PACKAGES[@]}"
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

work=$(mktemp -d "${TMPDIR:-/tmp}/citus-build.XXXXXX")
trap 'rm -rf "$work"' EXIT
log="$work/build.log"
echo "citus: building Citus $CITUS_VERSION from $tarball (about 3 minutes on 2 cores)"
tar -xzf "$tarball" -C "$work"
(
    cd "$work/citus-$CITUS_VERSION"
    patch -s -p1 <"$src/pg15.20-have_createdb_privilege.patch"
    ./configure PG_CONFIG="$pg_config"
    make -j"$(nproc)"
) >"$log" 2>&1 || { tail -n 60 "$log" >&2; echo "citus: the build failed (above: the end of its log)" >&2; exit 1; }
as_root make -C "$work/citus-$CITUS_VERSION" install >>"$log" 2>&1 ||
    { tail -n 30 "$log" >&2; echo "citus: make install failed" >&2; exit 1; }
installed || { echo "citus: installed, but $pg_config's tree does not show Citus $CITUS_EXT_VERSION" >&2; exit 1; }
echo "citus: Citus $CITUS_VERSION installed into PostgreSQL 15"
