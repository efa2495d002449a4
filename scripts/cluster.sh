#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster of the given version, then stops
# the cluster and removes it (what Debian's pg_virtualenv does for Debian's own versions,
# for any installation that has a pg_config, such as the PostgreSQL 18 wheel).
#
#   scripts/cluster.sh [-v VERSION] [-o name=value]... command [args...]
#
# VERSION is one of scripts/pg.sh's PG_VERSIONS (default 15); -o adds a server setting.
# The command runs as the calling user with the libpq environment set: PGHOST=localhost,
# PGPORT, PGUSER=postgres (the cluster's superuser), PGDATABASE=postgres, and PATH starting
# with the version's own bin directory (its psql, pg_dump, pgbench); PG_CONFIG and
# PGVERSION (the major version) say which PostgreSQL it is. Exits with the command's status.
#
# The cluster: initdb in a new directory under TMPDIR (UTF-8, locale C.UTF-8, trust
# authentication for local and loopback connections), its own free port, its socket in
# that directory, fsync off (as pg_virtualenv sets it). initdb and the server refuse to run
# as root, so a root caller's cluster belongs to the postgres user; anyone else's to
# themselves.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/pg.sh"

version=$PG_DEFAULT
settings=()
while [ $# -gt 0 ]; do
    case "$1" in
        -v) version=$2; shift 2 ;;
        -o) settings+=("$2"); shift 2 ;;
        --) shift; break ;;
        -*) echo "cluster.sh: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || { echo "usage: scripts/cluster.sh [-v VERSION] [-o name=value]... command [args...]" >&2; exit 2; }
pg_check_version "$version"
pg_config=$(pg_config_of "$version")
[ -x "$pg_config" ] || { echo "cluster.sh: PostgreSQL $version is not installed ($pg_config): run scripts/setup.sh" >&2; exit 1; }
bindir=$("$pg_config" --bindir)

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
    as_owner=(runuser -u postgres --)
    "${as_owner[@]}" test -x "$bindir/postgres" || {
        echo "cluster.sh: the postgres user cannot run $bindir/postgres: put the clone where that user can read it (not under a private home directory)" >&2
        exit 1
    }
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/pg_retention-cluster.XXXXXX")
chmod 0755 "$dir"
mkdir "$dir/data" "$dir/socket"
touch "$dir/server.log"
[ ${#as_owner[@]} -eq 0 ] || chown postgres: "$dir/data" "$dir/socket" "$dir/server.log"
started=
cleanup() {
    [ -z "$started" ] || "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }

{
    echo "listen_addresses = 'localhost'"
    echo "unix_socket_directories = '$dir/socket'"
    echo "fsync = off"
    for s in ${settings[@]+"${settings[@]}"}; do
        echo "${s%%=*} = '${s#*=}'"
    done
} | "${as_owner[@]}" tee -a "$dir/data/postgresql.conf" >/dev/null

# A free port: asked of the kernel, then held by nobody until the server binds it; another
# process may take it in between, so a start that fails to bind is retried on a new port.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
for attempt in 1 2 3 4 5; do
    port=$(free_port)
    started=1
    if "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 120 \
            start >/dev/null 2>&1; then
        break
    fi
    if ! grep -q "could not bind\|could not create any TCP/IP sockets" "$dir/server.log" || [ $attempt -eq 5 ]; then
        echo "cluster.sh: PostgreSQL $version did not start:" >&2; cat "$dir/server.log" >&2; exit 1
    fi
done

export PGHOST=localhost PGPORT=$port PGUSER=postgres PGDATABASE=postgres
export PG_CONFIG=$pg_config PGVERSION=$version PATH="$bindir:$PATH"
unset PGPASSWORD PGSERVICE PGCLUSTER
status=0
"$@" || status=$?
if [ $status -ne 0 ]; then
    echo "cluster.sh: the command failed ($status); the end of PostgreSQL $version's log:" >&2
    tail -n 40 "$dir/server.log" >&2 || true
fi
exit $status
