#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster of the given version, then stops
# the cluster and removes it (what Debian's pg_virtualenv does for Debian's own versions,
# for any installation that has a pg_config, such as the PostgreSQL 18 wheel).
#
#   scripts/cluster.sh [-v VERSION] [-n NODES] [-o name=value]... command [args...]
#
# VERSION is one of scripts/pg.sh's PG_VERSIONS (default 15); -o adds a server setting.
# -n starts NODES servers alike (default 1), each on its own port, for a Citus cluster
# (scripts/citus.sh --cluster, the Citus tier): PGPORT is the first one's, PG_NODE_PORTS
# lists all of them.
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
nodes=1
settings=()
while [ $# -gt 0 ]; do
    case "$1" in
        -v) version=$2; shift 2 ;;
        -o) settings+=("$2"); shift 2 ;;
        -n) nodes=$2; shift 2 ;;
        --) shift; break ;;
        -*) echo "cluster.sh: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || { echo "usage: scripts/cluster.sh [-v VERSION] [-n NODES] [-o name=value]... command [args...]" >&2; exit 2; }
case "$nodes" in [1-9]) ;; *) echo "cluster.sh: -n takes 1 to 9 nodes" >&2; exit 2 ;; esac
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
started=()
cleanup() {
    local d
    for d in ${started[@]+"${started[@]}"}; do
        "${as_owner[@]}" "$bindir/pg_ctl" -D "$d/data" -m immediate -w stop >/dev/null 2>&1 || true
    done
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free port: asked of the kernel, then held by nobody until the server binds it; another
# process may take it in between, so a start that fails to bind is retried on a new port.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_node DIR: initdb in DIR/data, the settings, start on a free port (into $port).
start_node() {
    local d=$1 attempt s
    mkdir "$d" "$d/data" "$d/socket"
    touch "$d/server.log"
    [ ${#as_owner[@]} -eq 0 ] || chown postgres: "$d" "$d/data" "$d/socket" "$d/server.log"
    "${as_owner[@]}" "$bindir/initdb" -D "$d/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
        --no-sync >"$d/initdb.log" 2>&1 || { cat "$d/initdb.log" >&2; exit 1; }
    {
        echo "listen_addresses = 'localhost'"
        echo "unix_socket_directories = '$d/socket'"
        echo "fsync = off"
        for s in ${settings[@]+"${settings[@]}"}; do
            echo "${s%%=*} = '${s#*=}'"
        done
    } | "${as_owner[@]}" tee -a "$d/data/postgresql.conf" >/dev/null
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        started+=("$d")
        if "${as_owner[@]}" "$bindir/pg_ctl" -D "$d/data" -l "$d/server.log" -o "-p $port" -w -t 120 \
                start >/dev/null 2>&1; then
            return
        fi
        if ! grep -q "could not bind\|could not create any TCP/IP sockets" "$d/server.log" || [ $attempt -eq 5 ]; then
            echo "cluster.sh: PostgreSQL $version did not start:" >&2; cat "$d/server.log" >&2; exit 1
        fi
    done
}

ports=()
logs=()
if [ "$nodes" -eq 1 ]; then
    start_node "$dir/node"
    ports+=("$port"); logs+=("$dir/node/server.log")
else
    for n in $(seq 1 "$nodes"); do
        start_node "$dir/node$n"
        ports+=("$port"); logs+=("$dir/node$n/server.log")
    done
fi
port=${ports[0]}

export PGHOST=localhost PGPORT=$port PGUSER=postgres PGDATABASE=postgres PG_NODE_PORTS="${ports[*]}"
export PG_CONFIG=$pg_config PGVERSION=$version PATH="$bindir:$PATH"
unset PGPASSWORD PGSERVICE PGCLUSTER
status=0
"$@" || status=$?
if [ $status -ne 0 ]; then
    echo "cluster.sh: the command failed ($status); the end of PostgreSQL $version's log:" >&2
    for log in "${logs[@]}"; do tail -n 40 "$log" >&2 || true; done
fi
exit $status
